"""Text that someone else reads: names and titles on one line, messages as plain text.

Line breaks, control characters and Unicode's direction marks have no place in a name: a recruiter's company
"Beta\\nBcc: …" put a header-like line into the engineer's e-mail, and "Acme\\u202egnp.exe" reads "Acmeexe.png" on
screen. :class:`OneLineField` tidies such text as the form reads it, as the pseudonym field tidies its spaces: every
run of white space (a line break too) becomes one space; control characters and direction marks are dropped.
:class:`PlainTextField` does the same for a message, keeping its line breaks and tabs.

Text that draws nothing is no text: a recruiter named "\u2063" (an invisible separator) showed engineers a blank
where their name should be. The other invisible format characters go too (zero-width spaces, the byte-order mark,
soft hyphens), but for the joiners that Persian, Indic scripts and emoji need; what is left counts as empty unless
something in it draws: a letter, digit, punctuation mark or symbol other than the blank-looking fillers.
"""

import re
import unicodedata

from django import forms

# The implicit marks, the embeddings and overrides, and the isolates: each can turn the text after it around.
DIRECTION_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
JOINERS = "\u200c\u200d"  # format characters that shape the letters or emoji beside them: kept
# Unicode counts these as letters or symbols, yet they draw nothing: the Hangul fillers and the blank Braille cell.
BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _visible(text: str, *, keeps) -> str:
    """``text`` without direction marks, control or invisible format characters (but those ``keeps`` says and the
    joiners), a blank-looking filler read as the space it looks like; nothing at all when none of what is left
    draws."""
    kept = "".join(
        " " if character in BLANK_LOOKING else character
        for character in DIRECTION_MARKS.sub("", text)
        if keeps(character) or character in JOINERS or unicodedata.category(character) not in ("Cc", "Cf")
    )
    return kept if any(_draws(character) for character in kept) else ""


def _draws(character: str) -> bool:
    return unicodedata.category(character)[0] in "LNPS"


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
