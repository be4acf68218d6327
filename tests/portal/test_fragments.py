"""The fragment cache: version tokens, the {% fragment %} tag and batched fragments."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.template import engines
from django.test import RequestFactory
from django.utils import translation
from django.utils.html import conditional_escape

from portal.cache.fragments import csrf_marker, forget_person, person_kind, store, stored, touch, versions

TEMPLATE = engines["django"].from_string(
    '{% load fragments %}{% fragment "demo" version %}<form>{% csrf_token %}{{ text }}</form>{% endfragment %}'
)


def render(version, text, request=None):
    request = request or visitor()
    return TEMPLATE.render({"version": version, "text": text}, request), request


def visitor():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return request


@pytest.mark.django_db
def test_a_version_token_holds_until_touched():
    first = versions("catalog", "checklist")
    assert versions("catalog", "checklist") == first
    touch("catalog")
    moved = versions("catalog", "checklist")
    assert moved != first
    assert moved.split(".")[1] == first.split(".")[1]  # the other kind kept its token


@pytest.mark.django_db(transaction=True)
def test_a_touch_inside_a_transaction_moves_the_token_again_on_commit():
    from django.db import transaction

    with transaction.atomic():
        touch("catalog")
        during = versions("catalog")  # a page drawn now could still read the old rows
    assert versions("catalog") != during


@pytest.mark.django_db
def test_migrate_replaces_every_token_as_data_migrations_send_no_signals():
    from django.core.management import call_command

    before = versions("catalog")
    call_command("migrate", verbosity=0)
    assert versions("catalog") != before


@pytest.mark.django_db
def test_a_request_reads_each_token_once_and_sees_its_own_touches():
    from portal.cache.fragments import forget_request_tokens, remember_tokens_for_the_request

    remember_tokens_for_the_request()
    try:
        first = versions("catalog")
        cache.set("fragments:version:catalog", "changed-elsewhere")
        assert versions("catalog") == first  # one snapshot per request
        touch("catalog")
        touched = versions("catalog")
        assert touched != first
        assert cache.get("fragments:version:catalog") == touched.split(".")[0]
    finally:
        forget_request_tokens()
    cache.set("fragments:version:catalog", "changed-elsewhere")
    assert versions("catalog").startswith("changed-elsewhere.")  # outside a request: read afresh


def test_an_evicted_token_comes_back_new_not_as_an_old_value():
    first = versions("catalog")
    cache.clear()
    assert versions("catalog") != first


def test_the_fragment_is_reused_for_the_same_key_and_redrawn_for_another():
    assert "first" in render(1, "first")[0]
    assert "first" in render(1, "second")[0]  # stored
    assert "third" in render(2, "third")[0]


def test_each_language_has_its_own_fragment():
    render(1, "English")
    with translation.override("nl"):
        assert "Dutch" in render(1, "Dutch")[0]
    assert "English" in render(1, "again")[0]


@pytest.mark.parametrize("stored_first", [True, False])
def test_forms_in_a_fragment_carry_each_visitors_own_token(stored_first):
    if stored_first:
        render(1, "form")  # another visitor stored the fragment
    html, request = render(1, "form")
    assert csrf_marker() not in html
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert _unmask_cipher_token(token) == _unmask_cipher_token(get_token(request))


@pytest.mark.parametrize(
    "user_text",
    ["<!--csrf:", "csrf-token-placeholder-8d6c1f", "&lt;!--csrf:", '"><input name="csrfmiddlewaretoken" value="'],
)
def test_user_text_that_looks_like_the_marker_never_receives_the_token(user_text):
    """The marker is secret and starts with "<", which autoescaped text never holds."""
    marker = str(csrf_marker())
    text = user_text + marker[len("<!--csrf:") :]  # even the secret part, had it leaked, stays escaped
    html, _request = render(1, text)
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert html.count(token) == 1  # the form's own hidden field, nowhere else
    assert str(conditional_escape(text)) in html  # the user's text, shown as they wrote it


@pytest.mark.django_db
def test_the_kinds_named_in_the_tag_decide_when_the_fragment_is_redrawn():
    template = engines["django"].from_string(
        '{% load fragments %}{% fragment "named" kinds="catalog" people=owner %}{{ text }}{% endfragment %}'
    )
    assert template.render({"text": "first", "owner": 7}) == "first"
    assert template.render({"text": "second", "owner": 7}) == "first"
    touch("catalog")
    assert template.render({"text": "third", "owner": 7}) == "third"
    touch(person_kind(7))
    assert template.render({"text": "fourth", "owner": 7}) == "fourth"
    assert template.render({"text": "other person", "owner": 8}) == "other person"


@pytest.mark.django_db
def test_forgetting_a_person_deletes_every_fragment_that_shows_them():
    store("shows-both", "<p>7 and 8</p>", people=[7, 8])
    store("shows-seven", "<p>7</p>", people=[7])
    store("shows-eight", "<p>8</p>", people=[8])
    forget_person(7)
    assert (stored("shows-both"), stored("shows-seven"), stored("shows-eight")) == (None, None, "<p>8</p>")


@pytest.mark.django_db
def test_two_people_never_share_a_fragment_even_when_their_tokens_are_equal():
    template = engines["django"].from_string(
        '{% load fragments %}{% fragment "own" people=owner %}{{ text }}{% endfragment %}'
    )
    for person in (7, 8):
        cache.set(f"fragments:version:{person_kind(person)}", "same-token")  # evicted and recreated alike, say
    assert template.render({"text": "seven evidence", "owner": 7}) == "seven evidence"
    assert template.render({"text": "eight evidence", "owner": 8}) == "eight evidence"
