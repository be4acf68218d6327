"""Who a notice names is worded when it is read, like the rest of its text, so that a name the other person has
since hidden (an acceptance withdrawn, a name switched off) is not shown from an old notice.

The portal does not know how people may be named to each other; an app above it that does registers a namer at
start-up (recruiting: a candidate, as this recruiter may see them now; and what became of a request, for the
engineer who was asked). A namer sets them in the notices' ``params`` in place, for the page or the data export, and
never saves them.
"""

from collections.abc import Callable, Sequence

from django.contrib.auth.models import AbstractBaseUser

from portal.models import Notice

Namer = Callable[..., None]
_namers: list[Namer] = []


def name_in_notices(namer: Namer) -> None:
    """Register ``namer(recipient=..., notices=...)``, called on every list of notices shown or exported."""
    if namer not in _namers:
        _namers.append(namer)


def named(*, recipient: AbstractBaseUser, notices: Sequence[Notice]) -> Sequence[Notice]:
    """The notices with the names they mention as ``recipient`` may read them now."""
    for namer in _namers:
        namer(recipient=recipient, notices=notices)
    return notices
