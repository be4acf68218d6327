"""Text that someone else reads: names and titles on one line, messages as plain text.

Line breaks, control characters and Unicode's direction marks have no place in a name: a recruiter's company
"Beta\\nBcc: …" put a header-like line into the engineer's e-mail, and "Acme\\u202egnp.exe" reads "Acmeexe.png" on
screen. :class:`OneLineField` tidies such text as the form reads it, as the pseudonym field tidies its spaces: every
run of white space (a line break too) becomes one space; control characters and direction marks are dropped.
:class:`PlainTextField` does the same for a message, keeping its line breaks and tabs.
"""

import re
import unicodedata

from django import forms

# The implicit marks, the embeddings and overrides, and the isolates: each can turn the text after it around.
DIRECTION_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(text: str, *, keeps) -> str:
    """``text`` without direction marks, nor control characters other than those ``keeps`` says."""
    return "".join(
        character
        for character in DIRECTION_MARKS.sub("", text)
        if keeps(character) or unicodedata.category(character) != "Cc"
    )


def plain_text(text: str) -> str:
    """``text`` with its line breaks and tabs, without other control characters or direction marks."""
    return _visible(text, keeps="\t\n\r".__contains__)


def one_line(text: str) -> str:
    """``text`` on one line, without control characters or direction marks."""
    return " ".join(_visible(text, keeps=str.isspace).split())


class _TidiedField(forms.CharField):
    """A text field whose value is tidied by ``tidy`` before its length and other checks."""

    tidy = staticmethod(str)

    def to_python(self, value):
        value = super().to_python(value)
        return self.tidy(value) if isinstance(value, str) else value


class OneLineField(_TidiedField):
    """A name or title, read as :func:`one_line`."""

    tidy = staticmethod(one_line)


class PlainTextField(_TidiedField):
    """A message, read as :func:`plain_text`: its lines kept, nothing that hides or turns them."""

    tidy = staticmethod(plain_text)
