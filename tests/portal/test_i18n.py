"""Dutch and English: every page in both languages, a remembered switch, a complete catalogue, local formats."""

import ast
import datetime
import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import formats, translation

from skills.models import AssessmentChange, EngineerProfile
from tests.clients import PortalClient as Client
from tests.factories import (
    ChecklistItemFactory,
    ChooserRecommendationFactory,
    EngineerProfileFactory,
    FaqEntryFactory,
    RecruiterFactory,
    RoleRequirementFactory,
    ShortlistEntryFactory,
    SkillFactory,
    ToolFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
# The same folders `make messages` skips: tooling, generated files and the tests' own strings.
NOT_SCANNED = {".git", ".venv", "node_modules", "staticfiles", "test-results", "bench", "tests", "locale"}
SCANNED_SUFFIXES = {".py", ".html", ".txt"}


@pytest.fixture
def site():
    """Enough content that every page shows its full text, not its empty state."""
    skill = SkillFactory(name="Orchestration")
    first = ChecklistItemFactory(skill=skill, name="Retries")
    second = ChecklistItemFactory(skill=skill, name="Backfills")
    requirement = RoleRequirementFactory(item=first, min_level=2)
    RoleRequirementFactory(role=requirement.role, item=second, min_level=2, is_must_have=True)
    tool, other = ToolFactory(name="Airflow"), ToolFactory(name="Dagster")
    ChooserRecommendationFactory(tool=tool)
    FaqEntryFactory()

    engineer = UserFactory(email="engineer@example.com")
    profile = EngineerProfileFactory(
        user=engineer, visibility=EngineerProfile.Visibility.RECRUITERS, target_role=requirement.role
    )
    assess(user=engineer, item=first, level=2)
    assess(user=engineer, item=second, level=3)
    recruiter = RecruiterFactory(email="recruiter@example.com")
    entry = ShortlistEntryFactory(shortlist__recruiter=recruiter, profile=profile)
    return {
        "engineer": engineer,
        "recruiter": recruiter,
        "role": requirement.role,
        "tools": (tool, other),
        "profile": profile,
        "shortlist": entry.shortlist,
    }


# (who is logged in, how to build the URL, a phrase only the English page has, its Dutch counterpart)
PAGES = [
    (None, lambda s: "/", "Where do you stand as a Data Engineer?", "Waar sta jij als Data Engineer?"),
    (None, lambda s: "/catalog/", "Python tools for Data Engineers", "Python-tools voor Data Engineers"),
    (
        None,
        lambda s: reverse("catalog:tool-detail", kwargs={"slug": s["tools"][0].slug}),
        "What it is for in data engineering",
        "Waarvoor het dient in data engineering",
    ),
    (
        None,
        lambda s: f"/catalog/compare/?tools={s['tools'][0].slug},{s['tools'][1].slug}",
        "Compare tools side by side",
        "Tools naast elkaar vergelijken",
    ),
    (None, lambda s: "/catalog/chooser/", "Quick chooser", "Snelle keuzehulp"),
    (None, lambda s: "/catalog/faq/", "Frequently asked questions", "Veelgestelde vragen"),
    (None, lambda s: "/skills/roles/", "Data Engineer roles", "Data Engineer-rollen"),
    (
        None,
        lambda s: reverse("skills:role-detail", kwargs={"slug": s["role"].slug}),
        "Minimum level",
        "Minimumniveau",
    ),
    (None, lambda s: "/accounts/login/", "Log in", "Inloggen"),
    (None, lambda s: "/accounts/signup/", "Already have an account?", "Heb je al een account?"),
    (None, lambda s: "/no-such-page/", "Page not found", "Pagina niet gevonden"),
    ("engineer", lambda s: "/skills/", "My checklist", "Mijn checklist"),
    ("engineer", lambda s: "/skills/gaps/", "My gaps per role", "Wat ontbreekt per rol"),
    (
        "engineer",
        lambda s: reverse("skills:role-gaps", kwargs={"slug": s["role"].slug}),
        "Your learning path",
        "Je leerpad",
    ),
    ("engineer", lambda s: "/skills/progress/", "My progress", "Mijn voortgang"),
    ("engineer", lambda s: "/skills/profile/", "Who viewed my profile", "Wie mijn profiel bekeek"),
    ("engineer", lambda s: "/skills/profile/delete/", "Keep my account", "Mijn account houden"),
    ("engineer", lambda s: "/api/tokens/", "Create a token", "Maak een token aan"),
    ("engineer", lambda s: "/api/docs", "API documentation", "API-documentatie"),
    ("recruiter", lambda s: "/recruiting/candidates/", "Apply filters", "Filters toepassen"),
    (
        "recruiter",
        lambda s: reverse("recruiting:candidate-detail", kwargs={"pk": s["profile"].pk}),
        "Levels per skill, with evidence",
        "Niveaus per vaardigheid, met bewijs",
    ),
    ("recruiter", lambda s: "/recruiting/shortlists/", "Your shortlists", "Je shortlists"),
    (
        "recruiter",
        lambda s: reverse("recruiting:shortlist-detail", kwargs={"pk": s["shortlist"].pk}),
        "Delete this shortlist",
        "Deze shortlist verwijderen",
    ),
]


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(("who", "url", "english", "dutch"), PAGES, ids=[page[2] for page in PAGES])
def test_every_page_renders_in_the_browsers_language(client, site, language, who, url, english, dutch):
    if who:
        client.force_login(site[who])
    response = client.get(url(site), HTTP_ACCEPT_LANGUAGE=f"{language},en;q=0.5")
    body = response.content.decode()
    assert response.status_code in (200, 404)
    assert f'<html lang="{language}">' in body
    expected, other = (english, dutch) if language == "en" else (dutch, english)
    assert expected in body
    assert other not in body
    # The switcher is on every page and names each language in that language.
    assert f'action="{reverse("set_language")}"' in body
    assert '<option value="nl" lang="nl"' in body
    assert ">Nederlands</option>" in body
    assert ">English</option>" in body


def test_switching_language_in_the_footer_is_remembered(site):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/catalog/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    footer = page[page.index(f'action="{reverse("set_language")}"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', footer).group(1)
    assert 'name="next" type="hidden" value="/catalog/"' in footer

    response = client.post(
        reverse("set_language"), {"language": "nl", "next": "/catalog/", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert response.url == "/catalog/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nl"

    # The choice beats the browser's preference on the next requests, on any page.
    again = client.get("/skills/roles/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="nl">' in again
    assert "Data Engineer-rollen" in again
    assert '<option value="nl" lang="nl" selected>' in again


def test_a_logged_in_engineer_keeps_the_chosen_language(client, site):
    client.force_login(site["engineer"])
    client.post(reverse("set_language"), {"language": "nl", "next": "/skills/"})
    body = client.get("/skills/").content.decode()
    assert '<html lang="nl">' in body
    assert "Mijn checklist" in body
    client.post(reverse("set_language"), {"language": "en", "next": "/skills/"})
    assert "My checklist" in client.get("/skills/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()


def test_form_errors_and_messages_are_translated(client, site):
    client.force_login(site["engineer"])
    client.post(reverse("set_language"), {"language": "nl", "next": "/skills/profile/"})
    item = site["role"].requirements.first().item
    response = client.post(
        reverse("skills:assess", kwargs={"item_id": item.pk}), {f"item-{item.pk}-level": "9"}, HTTP_HX_REQUEST="true"
    )
    assert "Kies een niveau van 0 (geen) tot 4 (kan het anderen leren)." in response.content.decode()


def test_plurals_follow_each_count(client, site):
    """Two requirements of which one is a must-have: each noun takes its own number, in both languages."""
    english = " ".join(client.get("/skills/roles/", HTTP_ACCEPT_LANGUAGE="en").content.decode().split())
    dutch = " ".join(client.get("/skills/roles/", HTTP_ACCEPT_LANGUAGE="nl").content.decode().split())
    assert "2 requirements, 1 must-have." in english
    assert "2 eisen, 1 must-have." in dutch


def test_dates_and_numbers_follow_the_language(client, site):
    client.force_login(site["engineer"])
    AssessmentChange.objects.filter(user=site["engineer"]).update(
        changed_at=datetime.datetime(2026, 3, 14, 13, 30, tzinfo=datetime.UTC)
    )
    english = client.get("/skills/progress/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    dutch = client.get("/skills/progress/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "14 Mar 2026, 14:30" in english  # Amsterdam time, day first as on the rest of the portal
    assert "14-03-2026 14:30" in dutch
    assert "14-03-2026" not in english

    # Averages on the gaps page: 2 and 3 on the role's items give 2.5, written the Dutch way as 2,5.
    gaps = reverse("skills:role-gaps", kwargs={"slug": site["role"].slug})
    assert "<td>2.5</td>" in client.get(gaps, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<td>2,5</td>" in client.get(gaps, HTTP_ACCEPT_LANGUAGE="nl").content.decode()


def test_django_formats_differ_per_language():
    day = datetime.date(2026, 11, 5)
    with translation.override("nl"):
        assert formats.date_format(day, "DATE_FORMAT") == "05-11-2026"
        assert formats.number_format(1234.5, decimal_pos=1, use_l10n=True, force_grouping=True) == "1.234,5"
    with translation.override("en"):
        assert formats.date_format(day, "DATE_FORMAT") == "5 Nov 2026"
        assert formats.number_format(1234.5, decimal_pos=1, use_l10n=True, force_grouping=True) == "1,234.5"


# The Dutch catalogue --------------------------------------------------------------------------------


def read_catalogue(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt/msgid/msgid_plural, msgstr forms and flags (obsolete ones left out)."""
    entries: list[dict] = []
    entry: dict = {}
    field = ""
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if "msgid" in entry:
                entries.append(entry)
            entry, field = {}, ""
            continue
        if line.startswith("#,"):
            entry.setdefault("flags", set()).update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[field] += ast.literal_eval(line)
        else:
            field, _, value = line.partition(" ")
            entry[field] = ast.literal_eval(value)
    return entries


def untranslated(entries: list[dict]) -> list[str]:
    """msgids (not the header) whose translation is missing, partly missing, or only a fuzzy guess."""
    bad = []
    for entry in entries:
        if entry["msgid"] == "":
            continue
        forms = [value for key, value in entry.items() if key.startswith("msgstr")]
        if "fuzzy" in entry.get("flags", set()) or not forms or not all(forms):
            bad.append(entry["msgid"])
    return bad


def copy_sources(destination: Path) -> None:
    """The files makemessages reads, copied so that it never writes into the working tree."""
    root = Path(settings.BASE_DIR)
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [name for name in subdirectories if name not in NOT_SCANNED]
        for name in files:
            source = Path(directory) / name
            if source.suffix in SCANNED_SUFFIXES:
                target = destination / source.relative_to(root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)


def require_gettext() -> None:
    if shutil.which("xgettext") and shutil.which("msgfmt"):
        return
    if os.environ.get("CI") == "true":
        pytest.fail("GNU gettext is required under CI=true but is not installed.")
    pytest.skip("GNU gettext is not installed (make test installs it when run as root).")


def test_committed_catalogue_translates_every_string():
    entries = read_catalogue(CATALOGUE)
    assert len(entries) > 300
    assert untranslated(entries) == []


def test_makemessages_leaves_nothing_untranslated(tmp_path, monkeypatch):
    """A string marked for translation but missing from the Dutch catalogue fails the build."""
    require_gettext()
    copy_sources(tmp_path)
    scratch = tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    scratch.parent.mkdir(parents=True)
    shutil.copyfile(CATALOGUE, scratch)
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[str(tmp_path / "locale")]):
        call_command("makemessages", locale=["nl"], no_obsolete=True, verbosity=0)

    entries = read_catalogue(scratch)
    assert "Where do you stand as a Data Engineer?" in {entry["msgid"] for entry in entries}
    missing = untranslated(entries)
    assert missing == [], f"Translate these in {CATALOGUE.relative_to(settings.BASE_DIR)} (make messages): {missing}"


def test_makemessages_check_catches_a_new_string(tmp_path, monkeypatch):
    """The check above is not vacuous: a new template string shows up untranslated."""
    require_gettext()
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "new.html").write_text(
        '{% load i18n %}<p>{% translate "A sentence nobody translated yet" %}</p>'
    )
    scratch = tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    scratch.parent.mkdir(parents=True)
    shutil.copyfile(CATALOGUE, scratch)
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[str(tmp_path / "locale")]):
        call_command("makemessages", locale=["nl"], no_obsolete=True, verbosity=0)
    assert untranslated(read_catalogue(scratch)) == ["A sentence nobody translated yet"]


def test_compiled_catalogue_matches_the_source(tmp_path):
    """The committed .mo (what `make run` serves without gettext) holds exactly the .po's translations."""
    require_gettext()
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(fresh), str(CATALOGUE)], check=True)  # noqa: S603, S607
    with COMPILED.open("rb") as committed, fresh.open("rb") as rebuilt:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(rebuilt)._catalog
