"""Django's and our libraries' Dutch says "je", not "u" or "uw" (docs/glossary.md, locale_overrides).

Their catalogues address the reader formally; locale_overrides holds those strings in the informal form. These
tests fail when a library upgrade brings a new formal string, when the compiled catalogue lags its .po, and when
a page an editor or user sees still says "u".
"""

import json
import re
from html import unescape
from pathlib import Path

import pytest
from django.apps import apps
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from tests.catalogues import Entry, po_entries
from tests.clients import DUTCH
from tests.factories import PASSWORD, EditorFactory, ToolFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "locale_overrides" / "nl" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")

# "u", "uw", "U", "Uw" as words, and "a.u.b.": not a letter of an abbreviation ("U.S.") or a compound ("U-bocht").
FORMAL = re.compile(r"(?<![\w.\-/])(?:u|uw|U|Uw)(?![\w\-/]|\.\w)|\b[Aa]\.u\.b\.")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _library_catalogues(domain: str) -> list[Path]:
    """The Dutch catalogues gettext merges below ours: every installed app's, and Django's own."""
    django_conf = Path(apps.get_app_config("admin").path).parents[1] / "conf"
    folders = [Path(app.path) for app in apps.get_app_configs()] + [django_conf]
    return [path for folder in folders if (path := folder / "locale" / "nl" / "LC_MESSAGES" / f"{domain}.po").is_file()]


def _formal_library_entries(domain: str) -> list[Entry]:
    return [
        entry
        for path in _library_catalogues(domain)
        for entry in po_entries(path)
        if not entry.fuzzy and any(FORMAL.search(msgstr) for msgstr in entry.msgstrs)
    ]


def _overrides(domain: str) -> list[Entry]:
    return po_entries(OVERRIDES / f"{domain}.po")


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_formal_dutch_string_of_a_library_has_an_informal_override(domain):
    overridden = {entry.key for entry in _overrides(domain)}
    missing = [entry.msgid[:80] for entry in _formal_library_entries(domain) if entry.key not in overridden]
    assert missing == []


# Library strings whose Dutch is not formal but wrong, overridden all the same: "lijkt te veel op de e-mailadres".
GRAMMAR_FIXES = {"The password is too similar to the %(verbose_name)s."}


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_overrides_hold_only_formal_library_strings_in_the_je_form_with_their_placeholders(domain):
    formal = {entry.key for entry in _formal_library_entries(domain)}
    for entry in _overrides(domain):
        assert entry.key in formal or entry.msgid in GRAMMAR_FIXES, entry.msgid
        assert len(entry.msgstrs) == (2 if entry.msgid_plural else 1), entry.msgid
        for msgstr in entry.msgstrs:
            assert msgstr and not FORMAL.search(msgstr), msgstr
            assert sorted(PLACEHOLDER.findall(msgstr)) == sorted(PLACEHOLDER.findall(entry.msgid)), msgstr


def test_gettext_in_dutch_gives_the_compiled_overrides():
    """The committed .mo matches its .po, and nothing earlier in LOCALE_PATHS says otherwise."""
    with translation.override("nl"):
        for entry in _overrides("django"):
            if entry.msgid_plural:
                shown = [translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
            elif entry.msgctxt is not None:
                shown = [translation.pgettext(entry.msgctxt, entry.msgid)]
            else:
                shown = [translation.gettext(entry.msgid)]
            assert shown == entry.msgstrs


@pytest.mark.django_db
def test_the_admin_javascript_catalogue_gives_the_overrides(client):
    client.force_login(EditorFactory())
    script = client.get(reverse("admin:jsi18n"), **DUTCH).content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    for entry in _overrides("djangojs"):
        shown = catalogue[entry.msgid]
        assert (shown if entry.msgid_plural else [shown]) == entry.msgstrs


def _visible_text(html: str) -> str:
    """What a reader sees or hears: the text between tags, and the attributes shown or read out."""
    html = re.sub(r"<(script|style)\b.*?</\1>|<!--.*?-->", " ", html, flags=re.S | re.I)
    attributes = re.findall(r'\b(?:title|placeholder|alt|aria-label)="([^"]*)"', html)
    return unescape(" ".join([re.sub(r"<[^>]+>", " ", html), *attributes]))


def _formal_words(response) -> list[str]:
    text = _visible_text(response.content.decode())
    return [text[max(0, m.start() - 40) : m.end() + 40] for m in FORMAL.finditer(text)]


def _texts_in_je(pages: dict) -> dict[str, str]:
    """Each page's visible text, once each page is shown and says no formal word."""
    assert {name: page.status_code for name, page in pages.items()} == dict.fromkeys(pages, 200)
    assert {name: _formal_words(page) for name, page in pages.items() if _formal_words(page)} == {}
    return {name: _visible_text(page.content.decode()) for name, page in pages.items()}


def _admin_pages(client, tool) -> dict[str, object]:
    changelist = reverse("admin:catalog_tool_changelist")
    return {
        "index": client.get(reverse("admin:index"), **DUTCH),
        "change list": client.get(changelist, **DUTCH),
        "delete": client.get(reverse("admin:catalog_tool_delete", args=[tool.pk]), **DUTCH),
        "delete selected": client.post(
            changelist, {"action": "delete_selected", "_selected_action": [tool.pk]}, **DUTCH
        ),
        "password change": client.get(reverse("admin:password_change"), **DUTCH),
        "password change error": client.post(
            reverse("admin:password_change"),
            {"old_password": "not-it", "new_password1": "12345678", "new_password2": "12345678"},
            **DUTCH,
        ),
    }


@pytest.mark.django_db
def test_the_admin_addresses_editors_with_je(client):
    tool = ToolFactory()
    client.force_login(EditorFactory())
    pages = _admin_pages(client, tool)
    text = _texts_in_je(pages)
    assert (
        "Weet je zeker dat je" in text["delete"] and "Weet je zeker dat je de geselecteerde" in text["delete selected"]
    )
    assert "Vul voor de veiligheid je oude wachtwoord in" in text["password change"]
    assert "Je oude wachtwoord klopt niet" in text["password change error"]
    assert "Je wachtwoord mag niet alleen uit cijfers bestaan" in text["password change error"]


@pytest.mark.django_db
def test_without_the_overrides_the_admin_would_say_u(client):
    """The check above can see the formal words, and the overrides are what removes them."""
    tool = ToolFactory()
    client.force_login(EditorFactory())
    with override_settings(LOCALE_PATHS=[ROOT / "locale"]):
        page = client.get(reverse("admin:catalog_tool_delete", args=[tool.pk]), **DUTCH)
    assert _formal_words(page)


@pytest.mark.django_db
def test_the_account_pages_and_form_errors_address_users_with_je(client):
    UserFactory(email="known@example.com")
    pages = {
        "login error": client.post(reverse("account_login"), {"login": "known@example.com", "password": "no"}, **DUTCH),
        "signup required": client.post(reverse("account_signup"), {}, **DUTCH),
        "signup password": client.post(
            reverse("account_signup"), {"email": "new@example.com", "password1": "1234", "password2": "1234"}, **DUTCH
        ),
        "reset sent": client.get(reverse("account_reset_password_done"), **DUTCH),
        "signup like the address": client.post(
            reverse("account_signup"),
            {"email": "jan.devries@example.com", "password1": "jan.devries", "password2": "jan.devries"},
            **DUTCH,
        ),
    }
    client.force_login(UserFactory(password=PASSWORD))
    pages["password change"] = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "12345678", "password2": "12345678"},
        **DUTCH,
    )
    text = _texts_in_je(pages)
    assert "Dit veld is verplicht" in text["signup required"]
    assert "Je wachtwoord moet minstens 8 tekens lang zijn" in text["signup password"]
    assert "Het wachtwoord lijkt te veel op je e-mailadres" in text["signup like the address"]
    assert "Kijk in je spammap, of mail naar" in text["reset sent"]
    assert "Je wachtwoord mag niet alleen uit cijfers bestaan" in text["password change"]


@pytest.mark.django_db
def test_a_refused_form_without_its_cookie_says_je():
    page = Client(enforce_csrf_checks=True).post(reverse("account_login"), {"login": "a@example.com"}, **DUTCH)
    assert page.status_code == 403
    assert _formal_words(page) == []
    assert "Je sessie of dit formulier is verlopen" in _visible_text(page.content.decode())  # portal.views.csrf_failure
