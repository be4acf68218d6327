"""Rendered HTML kept in the cache until the data it shows changes.

Each kind of data ("catalog", "checklist", one engineer's answers…) has a version
token in the cache. A fragment's key holds the tokens of the data it shows, so a
write only has to replace a token (:func:`touch`) for every fragment built on the
old one to be passed over; those expire on their own. Tokens are random, not
counters, so a token that the cache evicted can never come back with an old value.

Forms inside a fragment keep working: the fragment is stored with a placeholder
for the CSRF token, and each response gets the visitor's own token (:func:`fill_csrf`).

Because a fragment's key changes whenever its content would, an entry never goes
stale: each process keeps a bounded copy of the entries it read (:func:`stored_many`),
so only the tokens themselves are read from Redis on every request.
"""

import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from contextvars import ContextVar

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

FRAGMENT_SECONDS = 60 * 60
VERSION_SECONDS = 24 * 60 * 60
EVERYTHING = "everything"  # part of every key: replaced after ``migrate``, whose data migrations send no signals
CSRF_PLACEHOLDER = "csrf-token-placeholder-8d6c1f"  # never a real token: those are 64 letters and digits

logger = logging.getLogger(__name__)


def _version_key(kind: str) -> str:
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

    A missing token is created.
    """
    keys = [_version_key(kind) for kind in (*kinds, EVERYTHING)]
    remembered = _request_tokens.get()
    found = {key: remembered[key] for key in keys if key in remembered} if remembered else {}
    if len(found) < len(keys):
        found |= cache.get_many([key for key in keys if key not in found])
    missing = {key: secrets.token_hex(6) for key in keys if key not in found}
    if missing:
        for key, token in missing.items():
            cache.add(key, token, VERSION_SECONDS)  # another process may have created it first: keep that one
        found |= cache.get_many(list(missing))
    if remembered is not None:
        remembered.update(found)
    return ".".join(str(found.get(key, "")) for key in keys)


def touch(*kinds: str) -> None:
    """Mark what ``kinds`` show as changed: now, and again when the transaction commits.

    The second token covers a page rendered between the write and its commit,
    which would otherwise keep the old data under the new token.
    """

    def replace_tokens() -> None:
        tokens = {_version_key(kind): secrets.token_hex(6) for kind in kinds}
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
    """A data migration may have changed any content without a signal: draw every fragment afresh.

    ``migrate`` must not fail because the cache is down; the fragments then expire on their own.
    """
    try:
        touch(EVERYTHING)
    except Exception:  # the cache backend's own connection error; which one depends on the backend
        logger.warning("Could not replace the fragment cache's version after migrate.", exc_info=True)


def fragment_key(name: str, *vary_on: object) -> str:
    """A cache key for fragment ``name`` in the active language, varying on ``vary_on``."""
    return make_template_fragment_key(name, [get_language(), *vary_on])


LOCAL_COPY_CHARS = 16_000_000  # per process: about 32 MB of fragments at most
LOCAL_COPY_OTHER_CHARS = 2_000  # what a stored object that is not text is counted as


class _LocalCopies:
    """The most recently used entries of the shared cache, in this process, up to a total size."""

    def __init__(self, max_chars: int):
        self.max_chars = max_chars
        self.entries: OrderedDict[str, tuple[object, int]] = OrderedDict()
        self.chars = 0
        self.lock = threading.Lock()

    def get_many(self, keys: Iterable[str]) -> dict[str, object]:
        found = {}
        with self.lock:
            for key in keys:
                if key in self.entries:
                    self.entries.move_to_end(key)
                    found[key] = self.entries[key][0]
        return found

    def set_many(self, values: Mapping[str, object]) -> None:
        with self.lock:
            for key, value in values.items():
                size = len(value) if isinstance(value, str) else LOCAL_COPY_OTHER_CHARS
                if key in self.entries:
                    self.chars -= self.entries.pop(key)[1]
                self.entries[key] = (value, size)
                self.chars += size
            while self.chars > self.max_chars and self.entries:
                self.chars -= self.entries.popitem(last=False)[1][1]

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.chars = 0


_local_copies = _LocalCopies(LOCAL_COPY_CHARS)


def stored_many(keys: Iterable[str]) -> dict[str, object]:
    """The entries under ``keys``, from this process's copy where it has one, else in one cache round trip.

    Only for keys that change whenever their content does (version tokens, or the
    content's own timestamps): the local copy is never checked against the cache.
    """
    keys = list(keys)
    found = _local_copies.get_many(keys)
    if len(found) < len(keys):
        fetched = cache.get_many([key for key in keys if key not in found])
        _local_copies.set_many(fetched)
        found |= fetched
    return found


def stored(key: str) -> object | None:
    """One entry as :func:`stored_many` reads it; None when it is in neither place."""
    return stored_many([key]).get(key)


def store_many(values: Mapping[str, object], timeout: int = FRAGMENT_SECONDS) -> None:
    """Keep entries under version-bearing keys, in the shared cache and in this process."""
    cache.set_many(dict(values), timeout)
    _local_copies.set_many(values)


def store(key: str, value: object, timeout: int = FRAGMENT_SECONDS) -> None:
    store_many({key: value}, timeout)


def forget_local_copies() -> None:
    """Drop this process's copies, for tests that empty the shared cache and reuse its keys."""
    _local_copies.clear()


def fill_csrf(html: str, csrf_token: object) -> str:
    """The stored fragment with the visitor's own CSRF token (a string or Django's lazy one) in place of the placeholder."""
    if CSRF_PLACEHOLDER not in html:
        return html
    return html.replace(CSRF_PLACEHOLDER, str(csrf_token or ""))


def cached_many(keys: Mapping[Hashable, str], render_missing: Callable[[list], Mapping]) -> dict:
    """The fragment of each item of ``keys`` (item -> cache key), fetched in one round trip.

    ``render_missing`` gets the items whose fragment is not stored and returns their HTML,
    rendered with the CSRF placeholder where they hold a form.
    """
    entries = stored_many(keys.values())
    found = {item: entries[key] for item, key in keys.items() if key in entries}
    missing = [item for item in keys if item not in found]
    if missing:
        rendered = render_missing(missing)
        store_many({keys[item]: rendered[item] for item in missing})
        found |= rendered
    return found
