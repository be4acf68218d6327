"""What a recruiter sees of who a candidate is: the one rule, for pages, CSV, API, shortlists and titles; and the
one rule for the evidence links, which can name a person as plainly as their name does."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

SHOWS_NAME = "name"  # EngineerProfile.Identity: the engineer shows their name
SHOWS_PSEUDONYM = "pseudonym"  # the default: the portal's pseudonym


@dataclass(frozen=True)
class CandidateIdentity:
    name: str
    email: str  # empty unless revealed
    revealed: bool
    pseudonym: str = ""  # what they go by where nothing more is shown

    def shows_less_than(self, *, name: str, email: str) -> bool:
        """Whether a name and email address written earlier show more of who the candidate is than this: an email
        address not shown now, or a name other than the one shown now and the pseudonym."""
        return bool(email and email != self.email) or name not in (self.name, self.pseudonym)


def name_shown_to_all(*, display_name: str, identity: str) -> bool:
    """The engineer set a name and chose to show it to every recruiter."""
    return identity == SHOWS_NAME and bool(display_name)


def accepting_reveals_name(*, display_name: str, identity: str) -> bool:
    """Whether accepting a contact request shows that recruiter a name they did not see (and withdrawing hides it
    again): only a name that is set and not shown to every recruiter. Otherwise only the e-mail address comes and
    goes, and every text about a request must say so."""
    return bool(display_name) and not name_shown_to_all(display_name=display_name, identity=identity)


def candidate_identity(*, display_name: str, identity: str, pseudonym: str, email: str, revealed: bool):
    """The name only if the engineer chose to show it, else the pseudonym; the name and the e-mail address
    once the engineer accepted that recruiter's contact request (``revealed``). Never the e-mail otherwise.
    """
    if revealed:
        return CandidateIdentity(name=display_name or pseudonym, email=email, revealed=True, pseudonym=pseudonym)
    shown = display_name if name_shown_to_all(display_name=display_name, identity=identity) else pseudonym
    return CandidateIdentity(name=shown, email="", revealed=False, pseudonym=pseudonym)


def evidence_shown(*, evidence_public: bool, revealed: bool) -> bool:
    """Evidence links only to a recruiter whose contact request the engineer accepted (``revealed``), unless the
    engineer chose to show them to every recruiter."""
    return evidence_public or revealed


def with_evidence_as_shown(assessments: Iterable[Any], *, shown: bool) -> list[Any]:
    """The assessments as the reader may see them: without their evidence links unless ``shown`` (see
    :func:`evidence_shown`). ``evidence_hidden`` marks a link that exists but is withheld. The rows are read-only
    copies for a page or the API and are never saved."""
    rows = list(assessments)
    for row in rows:
        row.evidence_hidden = not shown and bool(row.evidence_url)
        if not shown:
            row.evidence_url = ""
    return rows
