"""Static files as production serves them: collected with the production storage, served by WhiteNoise."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from tests.clients import PortalClient

ROOT = Path(__file__).resolve().parents[2]
# collectstatic with the production settings (debug off), into folders of the test's own.
COLLECT = """
import django
django.setup()
from django.core.management import call_command
from django.test import override_settings
with override_settings(STATIC_ROOT={static!r}, STATIC_MANIFEST_DIR={manifest!r}):
    call_command("collectstatic", interactive=False, verbosity=0)
"""


@pytest.fixture(scope="module")
def collected(tmp_path_factory) -> tuple[Path, Path]:
    static, manifest = tmp_path_factory.mktemp("static"), tmp_path_factory.mktemp("manifest")
    env = {
        **{key: value for key, value in os.environ.items() if key not in {"DJANGO_DEBUG", "DATABASE_URL"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": "kz7$Qp2!vN9#rT4@wL6^yB8&cF1*hJ3(mX5)dG0_sA2+eU7=oI9" * 2,
        "ALLOWED_HOSTS": "testserver",
    }
    script = COLLECT.format(static=str(static), manifest=str(manifest))
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return static, manifest


def served(static: Path, path: str):
    with override_settings(STATIC_ROOT=static, WHITENOISE_USE_FINDERS=False, WHITENOISE_AUTOREFRESH=False):
        return PortalClient().get(path)  # a new client loads WhiteNoise with these settings


@pytest.mark.django_db
def test_the_static_files_manifest_is_not_served(collected):
    static, manifest = collected
    for name in ("staticfiles.json", "staticfiles.json.gz", "staticfiles.json.br"):
        assert served(static, f"/static/{name}").status_code == 404, name
    assert not list(static.glob("staticfiles.json*"))
    hashed = json.loads((manifest / "staticfiles.json").read_text())["paths"]["css/portal.css"]
    assert served(static, f"/static/{hashed}").status_code == 200
