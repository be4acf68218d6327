"""Contact requests: a recruiter asks, the engineer answers; only an accepted request reveals who they are.

Rules (one home each, here):

- a recruiter sends at most CONTACT_REQUESTS_PER_DAY requests in any 24 hours;
- one open request (pending or accepted) per recruiter and candidate (a database constraint too);
- a request not answered within ``UNANSWERED_AFTER`` (14 days) counts as declined;
- after a decline, a lapse or a withdrawn acceptance, that recruiter may ask that candidate again only
  ``ASK_AGAIN_AFTER`` (30 days) later (:attr:`ContactRequest.ask_again_from`, which the pages show too);
- until then an engineer who withdrew an acceptance may accept the same request again
  (:attr:`ContactRequest.can_accept_again`), and the recruiter is told as of any acceptance;
- each side is told through ``portal.notices.services.notify`` (a notice, an email queued for the mail job on
  commit, or both, as they chose): the engineer of a new request, the recruiter of an answer or a withdrawal.
"""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from portal.notices.kinds import NoticeKind
from portal.notices.services import mark_read_about, notify
from portal.templatetags.dates import time_element
from recruiting.models import ContactRequest
from recruiting.selectors.contacts import latest_request, shown_to
from recruiting.services.recruiters import save_recruiter_profile
from recruiting.services.shortlists import follow_contact, follow_withdrawal
from skills.models import EngineerProfile

CONTACT_REQUESTS_PER_DAY = 20
MESSAGE_MAX_LENGTH = ContactRequest._meta.get_field("message").max_length
logger = logging.getLogger(__name__)


@transaction.atomic
def send_contact_request(
    *, recruiter: AbstractBaseUser, profile: EngineerProfile, message: str, name: str, company: str, answer_url: str
) -> ContactRequest:
    """Ask a visible candidate for contact, under the rules above; the engineer is emailed once it is stored."""
    if not profile.is_visible_to_recruiters:
        raise ValidationError(_("This candidate is not visible to recruiters."))
    # One recruiter's requests one at a time, so two at once cannot both pass the daily limit.
    get_user_model().objects.select_for_update().filter(pk=recruiter.pk).first()
    previous = latest_request(recruiter=recruiter, profile=profile)
    if previous is not None:
        if previous.status == ContactRequest.Status.ACCEPTED:
            raise ValidationError(_("This candidate already accepted your contact request."))
        if previous.is_answerable:
            raise ValidationError(_("Your contact request is still waiting for the candidate's answer."))
        if previous.ask_again_from is not None:
            # The day as every page shows a date, one <time>; format_html escapes it into the translated sentence.
            raise ValidationError(
                format_html(
                    _("The candidate did not accept your last request. You can ask again from {date}."),
                    date=time_element(timezone.localtime(previous.ask_again_from)),
                )
            )
        if previous.is_ignored:  # lapsed long ago: close it, so the new one is the only open request
            previous.status = ContactRequest.Status.EXPIRED
            previous.save(update_fields=["status"])
    # After the candidate's own answer: a refusal that lasts weeks says more than a limit that lifts tomorrow, and the
    # request page shows it in place of the day in its status line.
    now = timezone.now()
    sent_today = ContactRequest.objects.filter(recruiter=recruiter, created_at__gt=now - timedelta(days=1)).count()
    if sent_today >= CONTACT_REQUESTS_PER_DAY:
        raise ValidationError(
            _(
                "You have sent %(limit)d contact requests in the last 24 hours, the most we allow. "
                "You can send the next one tomorrow."
            )
            % {"limit": CONTACT_REQUESTS_PER_DAY}
        )
    details = save_recruiter_profile(recruiter=recruiter, name=name, company=company)
    contact_request = ContactRequest(
        recruiter=recruiter,
        profile=profile,
        recruiter_name=details.name,
        recruiter_company=details.company,
        message=message.strip(),
        created_at=now,
    )
    contact_request.full_clean()
    contact_request.save()
    logger.info("Contact request %s: recruiter %s asked profile %s.", contact_request.pk, recruiter.pk, profile.pk)
    follow_contact(contact_request=contact_request)
    notify(
        recipient=profile.user,
        about=recruiter,
        kind=NoticeKind.CONTACT_REQUESTED,
        params={"recruiter": details.name, "company": details.company},
        email_params={"message": contact_request.message, "reveals_name": profile.accepting_reveals_name},
        url=answer_url,
    )
    return contact_request


def _tell_recruiter(contact_request: ContactRequest, kind: NoticeKind, candidate_url: str | None) -> None:
    """The recruiter hears of the answer with the candidate named as they see them now (``shown_to``, after the
    answer). The notice keeps only the pseudonym: the portal names the candidate again whenever it is read."""
    profile = contact_request.profile
    notify(
        recipient=contact_request.recruiter,
        about=profile.user,
        kind=kind,
        params={"candidate": profile.pseudonym},
        email_params={
            "candidate": shown_to(recruiter=contact_request.recruiter, profile=profile).name,
            "reveals_name": profile.accepting_reveals_name,
        },
        url=candidate_url or reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}),
    )


def _own_request(engineer: AbstractBaseUser, contact_request: ContactRequest) -> ContactRequest:
    if contact_request.profile.user_id != engineer.pk:
        raise PermissionDenied(_("This contact request was sent to someone else."))
    return (
        ContactRequest.objects.select_for_update(of=("self",))
        .select_related("recruiter", "profile__user")
        .get(pk=contact_request.pk)
    )


@transaction.atomic
def answer_contact_request(
    *, engineer: AbstractBaseUser, contact_request: ContactRequest, accept: bool, candidate_url: str | None = None
) -> ContactRequest:
    """Accept (that recruiter sees the email address, and the name if set) or decline a pending request, or accept
    again one whose acceptance the engineer withdrew, while they may; the recruiter is told (``candidate_url``: the
    candidate's page, absolute, for the email)."""
    contact_request = _own_request(engineer, contact_request)
    again = accept and contact_request.can_accept_again
    if not (contact_request.is_answerable or again):
        raise ValidationError(_("This contact request can no longer be answered."))
    contact_request.status = ContactRequest.Status.ACCEPTED if accept else ContactRequest.Status.DECLINED
    if again:  # the withdrawal is taken back: nothing of it stays on a request that reads as accepted
        contact_request.withdrawn_at = None
    else:  # the first answer's time stays: the outreach figures time the answer to the request
        contact_request.answered_at = timezone.now()
    contact_request.save(update_fields=["status", "answered_at", "withdrawn_at"])
    logger.info(
        "Contact request %s %s by the engineer%s.",
        contact_request.pk,
        contact_request.status,
        " again" if again else "",
    )
    if accept:
        follow_contact(contact_request=contact_request)
    kind = NoticeKind.CONTACT_ACCEPTED if accept else NoticeKind.CONTACT_DECLINED
    _tell_recruiter(contact_request, kind, candidate_url)
    mark_read_about(user=engineer, about=contact_request.recruiter, kind=NoticeKind.CONTACT_REQUESTED)
    return contact_request


@transaction.atomic
def withdraw_acceptance(
    *, engineer: AbstractBaseUser, contact_request: ContactRequest, candidate_url: str | None = None
) -> ContactRequest:
    """Hide the email address (and a name not shown to every recruiter) from that recruiter again, from now on;
    the recruiter is told."""
    contact_request = _own_request(engineer, contact_request)
    if contact_request.status != ContactRequest.Status.ACCEPTED:
        raise ValidationError(_("Only an accepted contact request can be withdrawn."))
    contact_request.status = ContactRequest.Status.WITHDRAWN
    contact_request.withdrawn_at = timezone.now()
    contact_request.save(update_fields=["status", "withdrawn_at"])
    logger.info("Contact request %s: acceptance withdrawn by the engineer.", contact_request.pk)
    follow_withdrawal(contact_request=contact_request)
    _tell_recruiter(contact_request, NoticeKind.CONTACT_WITHDRAWN, candidate_url)
    return contact_request
