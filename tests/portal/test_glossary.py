"""One voice per language (docs/glossary.md): no forbidden variant in a compiled catalogue or a template."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from tests.catalogues import po_entries

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "templates").rglob("*.html")) + sorted((ROOT / "templates").rglob("*.txt"))

# Words as they would reach a Dutch reader: whole words, case as written.
FORBIDDEN_DUTCH = (
    r"\bUw\b", r"\buw\b", r"\bU\b", r"\bu\b", r"\balstublieft\b", r"\bAlstublieft\b", r"\ba\.u\.b\.",
    r"[Oo]rchestratie", r"(?<![\w(-])[Ss]kills?\b", r"mooi meegenomen", r"[Pp]luspunt", r"Bevestigings e-mail", r"\b[Hh]iaten", r"zoals wij haar lezen", r"\bHij levert\b",
    r"(?<![({)\w-])[Ee]mails?\b", r"zijn of haar", r"tweestapsverificatie",  # "e-mail"; a placeholder ({email}) or a scope ((ENTER)email) aside
    r"^[Vv]ereist$", r"\b[Vv]ereiste? punt", r"\(vereist\b",  # must-have, on roles, vacancies and searches alike (the verb "vereist" is fine)
    r"\b[Aa]anmeld", r"\b[Aa]fmeld", r"\bmeld(?:t|en|de|den)? (?:je|jezelf|u) (?:aan|af)\b",  # inloggen, uitloggen, registreren
)  # fmt: skip
FORBIDDEN_ENGLISH = (
    r"\bSign In\b", r"\bSign Up\b", r"\bSign Out\b", r"\bE-mail Address", r"\bEmail Address\b", r"\bRemember Me\b",
    r"\bConfirm Email\b", r"\be-mail\b", r"\bE-mail\b", r"\bForgot Password\b", r"\bChange Password\b",
    r"\bTwo-Factor\b",
    r"^[Rr]equired$", r"\b[Rr]equired items?\b", r"(?<!%)\(required\b", r"\brequired ·",  # must-have, as in Dutch (not "required for staff")
    r"^nice to have$", r'translate "nice to have"', r"· nice to have\b",  # a kind's label is "nice-to-have", as "must-have"
)  # fmt: skip

# What the portal's pages and mails show besides ours: allauth's words and Django's for accounts and forms.
PACKAGES = ("allauth", "django.contrib.auth", "django.forms")


def _catalogue_msgids(path: Path) -> list[str]:
    """Every msgid of one .po file."""
    return [msgid for entry in po_entries(path) for msgid in (entry.msgid, entry.msgid_plural) if msgid]


def _msgids() -> list[str]:
    """Ours, and those of the packages whose pages and mails readers see (their English .po holds them all)."""
    import importlib

    msgids = _catalogue_msgids(ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po")
    for package in PACKAGES:
        base = Path(importlib.import_module(package).__file__).parent
        for po in (
            base / "locale" / "en" / "LC_MESSAGES" / "django.po",
            base / "conf" / "locale" / "en" / "LC_MESSAGES",
        ):
            if po.is_file():
                msgids += _catalogue_msgids(po)
    return msgids


def _hits(texts, patterns) -> list[str]:
    return sorted(
        {f"{pattern!r} in {text[:90]!r}" for text in texts for pattern in patterns if re.search(pattern, text)}
    )


@pytest.mark.parametrize(("language", "patterns"), [("nl", FORBIDDEN_DUTCH), ("en", FORBIDDEN_ENGLISH)])
def test_no_forbidden_variant_in_what_the_catalogues_give_readers(language, patterns):
    msgids = _msgids()
    with translation.override(language):
        shown = [translation.gettext(msgid) for msgid in msgids]
    assert _hits(shown, patterns) == []


def test_a_dutch_sentence_ends_as_its_english_one_does():
    with translation.override("nl"):
        dutch = {msgid: translation.gettext(msgid) for msgid in _msgids() if msgid.endswith(".")}
    assert [msgid for msgid, shown in dutch.items() if not shown.rstrip().endswith(".")] == []


def test_no_forbidden_english_variant_in_our_templates():
    texts = [path.read_text(encoding="utf-8") for path in TEMPLATES]
    # Comments are for us; what reaches a reader is outside them.
    texts = [re.sub(r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}", "", text, flags=re.S) for text in texts]
    assert _hits(texts, FORBIDDEN_ENGLISH) == []


def test_the_glossary_is_in_the_repository():
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for pair in (
        "| skill | vaardigheid |",
        "| level | niveau |",
        "| target role | doelrol |",
        "| learning path | leerpad |",
    ):
        assert pair in glossary


def test_a_score_is_written_out_of_100_by_one_partial_only():
    """ "57 out of 100" has one home (templates/partials/score.html, used through ``|out_of_100``): no page writes a
    score its own way ("57/100", "49 / 100", "of 100")."""
    home = ROOT / "templates" / "partials" / "score.html"
    own_ways = re.compile(r"\bout of 100\b|\bof 100\b|/\s?100\b|\bvan 100\b")
    assert own_ways.search(home.read_text(encoding="utf-8"))
    assert [path.name for path in TEMPLATES if path != home and own_ways.search(path.read_text(encoding="utf-8"))] == []
    with translation.override("nl"):
        written = [translation.gettext(msgid) for msgid in _msgids() if own_ways.search(msgid)]
    assert written == ["<strong%(attributes)s>%(score)s</strong> van 100"]
