"""Feedback beside what it is about: after a plain form post that redirects to a row further down a page, the
outcome is shown in that row, where the redirect's anchor lands, not at the top of the page out of view.

A view adds such a message with a place (the row's id); the page that draws the row claims the messages for the
places it shows (``claim``) and passes them on; ``base.html`` shows every message no page claimed at the top
(the ``unclaimed_messages`` tag), so a message whose row is not on the page is never lost.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.http import HttpRequest

PLACED = "placed"


@dataclass(frozen=True)
class Place:
    """A kind of row an outcome is placed beside: called with a row's key, the row's id (where a plain post lands and
    its outcome shows); ``holds`` tells its ids from other places'."""

    prefix: str

    def __call__(self, key: int) -> str:
        return f"{self.prefix}{key}"

    def holds(self, place: str) -> bool:
        return place.startswith(self.prefix)


def add_placed_message(request: HttpRequest, level: int, text: str, *, place: str) -> None:
    """A message for the row whose id is ``place``."""
    messages.add_message(request, level, text, extra_tags=f"{PLACED} {place}")


def claim(request: HttpRequest, *, is_shown: Callable[[str], bool]) -> dict[str, list[Message]]:
    """This request's messages for the places the page shows, by place; reading them marks them shown, like any
    message read."""
    claimed: dict[str, list[Message]] = defaultdict(list)
    for message in messages.get_messages(request):
        tags = message.extra_tags.split()
        if len(tags) == 2 and tags[0] == PLACED and is_shown(tags[1]):
            claimed[tags[1]].append(message)
    return dict(claimed)


def claimed_messages(claimed: dict[str, list[Message]]) -> list[Message]:
    """Every message in ``claimed``, for the page's context (``shown_in_place``)."""
    return [message for notes in claimed.values() for message in notes]
