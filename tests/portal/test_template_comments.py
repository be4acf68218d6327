"""Django's ``{# … #}`` comment holds one line only: one that runs over two lines is shown on the page as text (the
recruiter's paste page showed such a note to every recruiter, in English). Longer notes use ``{% comment %}``."""

import re
from pathlib import Path

from django.conf import settings

OPENED = re.compile(r"\{#(?!.*?#\})")  # a one-line comment that does not close on its line


def test_every_one_line_comment_closes_on_its_line():
    templates = [path for folder in settings.TEMPLATES[0]["DIRS"] for path in Path(folder).rglob("*.html")]
    assert templates
    unclosed = [
        f"{path}:{number}"
        for path in templates
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if OPENED.search(line)
    ]
    assert unclosed == []
