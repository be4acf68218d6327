"""The kinds of notice, who receives each, how a person may receive them, and their words.

A notice keeps its kind and the names it mentions, never its text: the portal shows it in the reader's language
at the time they read it. An email is written in the active language: ``services.notify`` activates the recipient's.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    CONTACT_REQUESTED = "contact_requested", _("A recruiter asks you for contact")
    CONTACT_ACCEPTED = "contact_accepted", _("A candidate accepts your contact request")
    CONTACT_DECLINED = "contact_declined", _("A candidate declines your contact request")
    CONTACT_WITHDRAWN = "contact_withdrawn", _("A candidate withdraws their acceptance")
    SEARCH_PUBLISHED = "search_published", _("The editors publish a search you proposed as a role")


class NoticeChannel(models.TextChoices):
    BOTH = "both", _("Email and in the portal")
    EMAIL = "email", _("Email only")
    PORTAL = "portal", _("In the portal only")


DEFAULT_CHANNEL = NoticeChannel.BOTH
ENGINEER_KINDS = (NoticeKind.CONTACT_REQUESTED,)
RECRUITER_KINDS = (
    NoticeKind.CONTACT_ACCEPTED,
    NoticeKind.CONTACT_DECLINED,
    NoticeKind.CONTACT_WITHDRAWN,
    NoticeKind.SEARCH_PUBLISHED,
)


def shows_in_portal(channel: str) -> bool:
    return channel in (NoticeChannel.BOTH, NoticeChannel.PORTAL)


def goes_by_email(channel: str) -> bool:
    return channel in (NoticeChannel.BOTH, NoticeChannel.EMAIL)


def notice_line(kind: str, params: dict) -> str:
    """The notice as a sentence in the active language; ``params`` are the names it mentions, and ``answer`` what
    became of what it tells of, where an app above says (``portal.notices.naming``)."""
    lines = {
        NoticeKind.CONTACT_REQUESTED: gettext("%(recruiter)s of %(company)s asks you for contact."),
        NoticeKind.CONTACT_ACCEPTED: gettext("Candidate %(candidate)s accepted your contact request."),
        NoticeKind.CONTACT_DECLINED: gettext("Candidate %(candidate)s declined your contact request."),
        NoticeKind.CONTACT_WITHDRAWN: gettext("Candidate %(candidate)s withdrew their acceptance of your request."),
        NoticeKind.SEARCH_PUBLISHED: gettext(
            "The editors published your search “%(search)s” as a role: engineers now see it and can aim for it."
        ),
    }
    line = lines[kind] % params
    return f"{line} {params['answer']}" if params.get("answer") else line


def notice_email(kind: str, params: dict) -> tuple[str, str]:
    """The email's subject and body in the active language (the recipient's), the subject naming the portal.

    ``params["reveals_name"]`` (requests, acceptances and withdrawals) says whether the answer shows or hides the
    engineer's name too, or only the e-mail address (a name she shows to every recruiter, or none set): the body
    promises what is true for her.
    """
    subjects = {
        NoticeKind.CONTACT_REQUESTED: gettext("%(recruiter)s of %(company)s would like to get in touch"),
        NoticeKind.CONTACT_ACCEPTED: gettext("Candidate %(candidate)s accepted your contact request"),
        NoticeKind.CONTACT_DECLINED: gettext("Candidate %(candidate)s declined your contact request"),
        NoticeKind.CONTACT_WITHDRAWN: gettext("Candidate %(candidate)s withdrew their acceptance"),
        NoticeKind.SEARCH_PUBLISHED: gettext("Your search “%(search)s” is now a role"),
    }
    body = _body(kind, reveals_name=params.get("reveals_name", True))
    return settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subjects[kind] % params, body % params


def _body(kind: str, *, reveals_name: bool) -> str:
    """The email's body: with or without the name among what an answer shows or hides."""
    if kind == NoticeKind.SEARCH_PUBLISHED:
        return gettext(
            "The editors published your search “%(search)s” as a role: engineers now see it and can aim for it. "
            "Your search, with its ranked candidates: %(url)s"
        )
    if kind == NoticeKind.CONTACT_DECLINED:
        return gettext(
            "Candidate %(candidate)s declined your contact request. You can ask them again after 30 days: %(url)s"
        )
    if kind == NoticeKind.CONTACT_REQUESTED and reveals_name:
        return gettext(
            "%(recruiter)s of %(company)s found your profile and asks for contact:\n\n%(message)s\n\n"
            "They do not see your name or email address unless you accept. Answer on your profile page: %(url)s\n"
            "A request you do not answer within 14 days counts as declined."
        )
    if kind == NoticeKind.CONTACT_REQUESTED:
        return gettext(
            "%(recruiter)s of %(company)s found your profile and asks for contact:\n\n%(message)s\n\n"
            "They see your email address only if you accept. Answer on your profile page: %(url)s\n"
            "A request you do not answer within 14 days counts as declined."
        )
    if kind == NoticeKind.CONTACT_ACCEPTED and reveals_name:
        return gettext(
            "Candidate %(candidate)s accepted your contact request. On their page you now see their name and "
            "email address: %(url)s"
        )
    if kind == NoticeKind.CONTACT_ACCEPTED:
        return gettext(
            "Candidate %(candidate)s accepted your contact request. On their page you now see their email "
            "address: %(url)s"
        )
    if reveals_name:
        return gettext(
            "Candidate %(candidate)s withdrew their acceptance of your contact request: you no longer see "
            "their name and email address. %(url)s"
        )
    return gettext(
        "Candidate %(candidate)s withdrew their acceptance of your contact request: you no longer see "
        "their email address. %(url)s"
    )
