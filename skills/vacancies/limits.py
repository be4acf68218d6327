"""The one limit on a vacancy's text, for the API, the engineer's page and the recruiter's search page: each refuses
a longer text with :func:`check_vacancy_length`'s message, and 413; the reader refuses it too."""

from django.core.exceptions import ValidationError
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
            _("A vacancy may be at most %(limit)d characters long; this one has %(length)d."),
            code=VACANCY_TOO_LONG,
            params={"limit": VACANCY_MAX_CHARS, "length": length},
        )


def validate_vacancy_text(text: str) -> None:
    """Raises ValidationError for a text the reader refuses: too long, or holding a NUL character."""
    if not isinstance(text, str):
        raise ValidationError(_("A vacancy must be text."), code="invalid")
    check_vacancy_length(text)
    if "\x00" in text:
        raise ValidationError(_("The text holds a NUL character; paste it again as plain text."), code="null")
