"""Names and titles that someone else reads on one line: a person's or a company's name, a headline, a list's name.

Line breaks, control characters and Unicode's direction marks have no place in them: a recruiter's company
"Beta\\nBcc: …" put a header-like line into the engineer's e-mail, and "Acme\\u202egnp.exe" reads "Acmeexe.png" on
screen. :class:`OneLineField` tidies such text as the form reads it, as the pseudonym field tidies its spaces: every
run of white space (a line break too) becomes one space; control characters and direction marks are dropped.
"""

import re
import unicodedata

from django import forms

# The implicit marks, the embeddings and overrides, and the isolates: each can turn the text after it around.
DIRECTION_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` on one line, without control characters or direction marks."""
    visible = "".join(
        character
        for character in DIRECTION_MARKS.sub("", text)
        if character.isspace() or unicodedata.category(character) != "Cc"
    )
    return " ".join(visible.split())


class OneLineField(forms.CharField):
    """A text field whose value is read as :func:`one_line` before its length and other checks."""

    def to_python(self, value):
        value = super().to_python(value)
        return one_line(value) if isinstance(value, str) else value
