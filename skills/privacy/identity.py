"""What a recruiter sees of who a candidate is: the one rule, for pages, CSV, API, shortlists and titles."""

from dataclasses import dataclass

SHOWS_NAME = "name"  # EngineerProfile.Identity: the engineer shows their name
SHOWS_PSEUDONYM = "pseudonym"  # the default: the portal's pseudonym


@dataclass(frozen=True)
class CandidateIdentity:
    name: str
    email: str  # empty unless revealed
    revealed: bool


def candidate_identity(*, display_name: str, identity: str, pseudonym: str, email: str, revealed: bool):
    """The name only if the engineer chose to show it, else the pseudonym; the name and the e-mail address
    once the engineer accepted that recruiter's contact request (``revealed``). Never the e-mail otherwise.
    """
    if revealed:
        return CandidateIdentity(name=display_name or pseudonym, email=email, revealed=True)
    shown = display_name if identity == SHOWS_NAME and display_name else pseudonym
    return CandidateIdentity(name=shown, email="", revealed=False)
