"""Set-up the vacancy reader's tests share."""

import pytest

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo


@pytest.fixture
def demo():
    """The demo catalog and skills: the tools, items, phrases and cues the reader reads a vacancy with."""
    load_catalog_demo()
    load_skills_demo()
