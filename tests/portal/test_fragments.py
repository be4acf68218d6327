"""The fragment cache: version tokens, the {% fragment %} tag and batched fragments."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from portal.fragments import CSRF_PLACEHOLDER, cached_many, fragment_key, touch, versions

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
    from portal.fragments import forget_request_tokens, remember_tokens_for_the_request

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
    assert CSRF_PLACEHOLDER not in html
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert _unmask_cipher_token(token) == _unmask_cipher_token(get_token(request))


def test_cached_many_renders_only_what_is_missing():
    rendered = []

    def render_missing(items):
        rendered.append(sorted(items))
        return {item: f"<p>{item}</p>" for item in items}

    keys = {item: fragment_key("many", item) for item in ("a", "b")}
    assert cached_many(keys, render_missing) == {"a": "<p>a</p>", "b": "<p>b</p>"}
    keys["c"] = fragment_key("many", "c")
    assert cached_many(keys, render_missing)["c"] == "<p>c</p>"
    assert rendered == [["a", "b"], ["c"]]


def test_entries_read_or_stored_once_are_then_served_from_this_process():
    from portal.fragments import store, stored, stored_many

    store("fragment-one", "<p>one</p>")
    cache.set("fragment-two", "<p>two</p>")  # stored by another process
    assert stored_many(["fragment-one", "fragment-two", "fragment-three"]) == {
        "fragment-one": "<p>one</p>",
        "fragment-two": "<p>two</p>",
    }
    assert cache.get("fragment-one") == "<p>one</p>"  # the shared cache has it for the other processes
    cache.delete_many(["fragment-one", "fragment-two"])
    assert (stored("fragment-one"), stored("fragment-two"), stored("fragment-three")) == (
        "<p>one</p>",
        "<p>two</p>",
        None,
    )


def test_the_local_copies_stay_within_their_size_dropping_the_least_recently_used():
    from portal.fragments import _LocalCopies

    copies = _LocalCopies(max_chars=10)
    copies.set_many({"a": "aaaa", "b": "bbbb"})
    assert copies.get_many(["a"]) == {"a": "aaaa"}  # "a" is now the most recently used
    copies.set_many({"c": "cccc"})
    assert copies.get_many(["a", "b", "c"]) == {"a": "aaaa", "c": "cccc"}
    assert copies.chars == 8
    copies.set_many({"a": "a" * 10})
    assert copies.get_many(["a", "b", "c"]) == {"a": "a" * 10}
    assert copies.chars == 10
