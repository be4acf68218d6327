"""How a reading is named on the page, in the reader's language: its seniority, the language it is written in and
the spoken languages it asks of a candidate."""

from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _

from skills.vacancies.seniority import JUNIOR, MEDIOR, SENIOR, UNKNOWN

SENIORITY_LABELS = {
    JUNIOR: _("junior"),
    MEDIOR: _("medior"),
    SENIOR: _("senior"),
    UNKNOWN: _("not stated"),
}
LANGUAGE_LABELS = {
    "nl": _("Dutch"),
    "en": _("English"),
    "mixed": _("Dutch and English"),
}
WRITTEN_IN_LABELS = {
    "nl": _("Written in Dutch"),
    "en": _("Written in English"),
    "mixed": _("Written in Dutch and English, or too short to tell"),
}
LANGUAGE_NAMES = {"nl": _("Dutch"), "en": _("English"), "de": _("German"), "fr": _("French")}


def named_languages(codes: Sequence[str]) -> list[str]:
    """Languages asked of a candidate (codes, as skills.vacancies.requirements reads them), named in the reader's
    language."""
    return [str(LANGUAGE_NAMES.get(code, code)) for code in codes]
