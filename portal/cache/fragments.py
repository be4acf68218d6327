"""Rendered HTML kept in the cache until the data it shows changes.

Each kind of data ("catalog", "checklist", one person's own data…) has a version
token in the cache. A fragment's key holds the tokens of the data it shows, so a
write only has to replace a token (:func:`touch`) for every fragment built on the
old one to be passed over; those expire on their own. Tokens are random, not
counters, so a token that the cache evicted can never come back with an old value.

Two promises keep a cached fragment from ever serving the wrong person:

- Forms inside a fragment are stored with a marker where the CSRF token goes, and
  each response gets the visitor's own token (:func:`fill_csrf`). The marker starts
  with ``<``, which autoescaped text can never contain, and carries a secret
  derived from ``SECRET_KEY``, so no user text, escaped or not, can hold it.
- A fragment that shows a person's data names that person (:func:`store`), and
  deleting the account deletes every such entry (:func:`forget_person`) besides
  replacing the person's token, so nothing of theirs can be read again.

When Redis does not answer, every read is a miss (``portal.cache.resilient``): the tokens are drawn anew
for the request, so its fragments are rendered from the database and stored nowhere. A token
that could not be replaced then is never read again: every process that saw Redis fail empties
the cache before its first call once Redis is back.
"""

import secrets
from collections import defaultdict
from collections.abc import Iterable
from contextvars import ContextVar

from django.core.cache import cache, caches
from django.core.cache.utils import make_template_fragment_key
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from portal.cache.resilient import ResilientRedisCache
from portal.databases.routing import replica_answered, replica_lag_bound

FRAGMENT_SECONDS = 60 * 60
VERSION_SECONDS = 24 * 60 * 60
EVERYTHING = "everything"  # part of every key: replaced after ``migrate``, whose data migrations send no signals
LOCAL_ENTRIES_KEPT = 1_000  # without Redis: a person's index is pruned of expired fragments when it grows this big


def person_kind(user_id: int) -> str:
    """The kind of one person's own data: levels, evidence, notes, profile, matches, history."""
    return f"person:{user_id}"


def version_key(kind: str) -> str:
    return f"fragments:version:{kind}"


# The tokens read during the current request: a page asks for the same kinds several times (permissions,
# roles, its own fragments) and one read each is enough. None outside a request: always read afresh.
_request_tokens: ContextVar[dict[str, str] | None] = ContextVar("fragment_tokens", default=None)


def remember_tokens_for_the_request(**kwargs) -> None:
    _request_tokens.set({})


def forget_request_tokens(**kwargs) -> None:
    _request_tokens.set(None)


def versions(*kinds: str) -> str:
    """The current tokens of ``kinds`` (and of EVERYTHING), as one string for a fragment key.

    Missing tokens are created together in one write. Two processes creating the same token at once each keep
    their own: the fragment stored under the token that lost is never read, so nothing old can be served.
    """
    keys = [version_key(kind) for kind in (*kinds, EVERYTHING)]
    remembered = _request_tokens.get()
    found = {key: remembered[key] for key in keys if key in remembered} if remembered else {}
    if len(found) < len(keys):
        found |= cache.get_many([key for key in keys if key not in found])
    missing = {key: secrets.token_hex(6) for key in keys if key not in found}
    if missing:
        cache.set_many(missing, VERSION_SECONDS)
        found |= missing
    if remembered is not None:
        remembered.update(found)
    return ".".join(str(found[key]) for key in keys)


def touch(*kinds: str) -> None:
    """Mark what ``kinds`` show as changed: now, and again when the transaction commits.

    The second token covers a page rendered between the write and its commit,
    which would otherwise keep the old data under the new token.
    """

    def replace_tokens() -> None:
        tokens = {version_key(kind): secrets.token_hex(6) for kind in kinds}
        cache.set_many(tokens, VERSION_SECONDS)
        if (remembered := _request_tokens.get()) is not None:
            remembered.update(tokens)

    replace_tokens()
    transaction.on_commit(replace_tokens)


def touch_on_writes(kind: str, *, models: Iterable[type[Model]] = (), links: Iterable[type[Model]] = ()) -> None:
    """Replace ``kind``'s token whenever one of ``models`` is saved or deleted, or one of ``links`` changes.

    ``links`` are many-to-many through models. Bulk updates send no signals: the
    services that make them touch the kind themselves.
    """

    def changed(sender, **kwargs) -> None:
        if kwargs.get("action", "post_").startswith("post_"):  # m2m signals come before and after the change
            touch(kind)

    for model in models:
        uid = f"fragments.{kind}.{model._meta.label_lower}"
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    for through in links:
        m2m_changed.connect(
            changed, sender=through, weak=False, dispatch_uid=f"fragments.{kind}.{through._meta.label_lower}"
        )


def forget_everything_after_migrate(sender, **kwargs) -> None:
    """A data migration may have changed any content without a signal: draw every fragment afresh."""
    touch(EVERYTHING)


def fragment_key(name: str, *vary_on: object) -> str:
    """A cache key for fragment ``name`` in the active language, varying on ``vary_on``."""
    return make_template_fragment_key(name, [get_language(), *vary_on])


def stored(key: str) -> str | None:
    return cache.get(key)


def _redis_cache() -> ResilientRedisCache | None:
    """The cache when it is Redis, whose sets index the fragments per person."""
    backend = caches["default"]
    return backend if isinstance(backend, ResilientRedisCache) else None


def _people_index(user_id: int) -> str:
    return f"fragments:people:{user_id}"  # in the cache's key space: cleared with it


# Without Redis the cache is this process's memory, so this process's index of it is complete.
_shown_in_this_process: dict[int, set[str]] = defaultdict(set)


def fragment_seconds() -> int:
    """How long a fragment rendered now is kept. One drawn from a replica may be up to DATABASE_REPLICA_MAX_LAG
    seconds behind a write that already replaced its token: it is kept no longer than that."""
    return replica_lag_bound() if replica_answered() else FRAGMENT_SECONDS


def store(key: str, html: str, *, people: Iterable[int] = ()) -> None:
    """Keep a fragment; ``people`` are the users whose data it shows, so that deleting one deletes it too.

    Each person has a set of the fragments that show them (a Redis set, written for all of them in one
    round trip), kept as long as the newest of those fragments.
    """
    cache.set(key, html, fragment_seconds())
    people = set(people)
    if not people:
        return
    redis_cache = _redis_cache()
    if redis_cache is None:
        for user_id in people:
            shown = _shown_in_this_process[user_id]
            if len(shown) >= LOCAL_ENTRIES_KEPT:  # expired ones need no deleting
                shown.intersection_update(cache.get_many(list(shown)))
            shown.add(key)
        return
    redis_cache.add_to_sets(key, [_people_index(user_id) for user_id in people], FRAGMENT_SECONDS)


def forget_person(user_id: int) -> None:
    """Delete every stored fragment that shows this person's data, and make any copy unreachable."""
    touch(person_kind(user_id))
    redis_cache = _redis_cache()
    if redis_cache is None:
        keys = _shown_in_this_process.pop(user_id, set())
    else:
        keys = redis_cache.pop_set(_people_index(user_id))
    cache.delete_many(list(keys))


def _csrf_marker() -> str:
    # Secret, so no text an editor or engineer writes can contain it; starts with "<", so no escaped text can.
    return f"<!--csrf:{salted_hmac('portal.fragments.csrf', 'marker').hexdigest()[:24]}-->"


def csrf_marker() -> SafeString:
    """What a cached form holds in place of the CSRF token; safe, so Django's tags write it as it is."""
    marker = _csrf_marker()  # a constant of ours, with no user text in it
    return SafeString(marker)  # nosec B703


def fill_csrf(html: str, csrf_token: object) -> str:
    """The stored fragment with the visitor's own CSRF token (a string or Django's lazy one) in place of the marker."""
    marker = _csrf_marker()
    if marker not in html:
        return html
    return html.replace(marker, str(csrf_token or ""))
