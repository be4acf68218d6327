"""The one limit on a vacancy's text, for the API, the engineer's page and the recruiter's search page: each refuses
a longer text with :func:`check_vacancy_length`'s message, and 413; the reader refuses it too."""

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

VACANCY_MAX_CHARS = 20_000
VACANCY_TOO_LONG = "vacancy_too_long"  # the code of that refusal


def vacancy_length(text: str) -> int:
    """Characters as a browser's text box counts them: a line break is one, sent as CRLF or LF."""
    return len(text) - text.count("\r\n")


def check_vacancy_length(text: str) -> None:
    """Raises ValidationError (code VACANCY_TOO_LONG) for a text over VACANCY_MAX_CHARS, counted as it was sent."""
    length = vacancy_length(text)
    if length > VACANCY_MAX_CHARS:
        raise ValidationError(
            _(
                "A vacancy may be at most %(limit)s characters long; this one has %(length)s. Paste the part that "
                "describes the job: its tasks and what it asks."
            ),
            code=VACANCY_TOO_LONG,
            params={"limit": grouped(VACANCY_MAX_CHARS), "length": grouped(length)},
        )


def grouped(number: int) -> str:
    """A count with its thousands grouped as the reader's language writes them: "20,000", "20.000"."""
    return number_format(number, force_grouping=True)


def validate_vacancy_text(text: str) -> None:
    """Raises ValidationError for a text the reader refuses: too long, or holding a NUL character."""
    if not isinstance(text, str):
        raise ValidationError(_("A vacancy must be text."), code="invalid")
    check_vacancy_length(text)
    if "\x00" in text:
        raise ValidationError(_("The text holds a NUL character; paste it again as plain text."), code="null")
