"""Reads of contact requests: whom a candidate revealed themselves to, how a candidate is named to a recruiter,
and a recruiter's latest request."""

from collections.abc import Collection

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from portal.notices.kinds import RECRUITER_KINDS, NoticeKind
from recruiting.models import ContactRequest, RecruiterProfile, went_unanswered
from skills.models import EngineerProfile
from skills.privacy.identity import CandidateIdentity, candidate_identity


def accepted_by(*, recruiter: AbstractBaseUser, profile_ref: str = "pk") -> Exists:
    """Whether the candidate (``profile_ref`` from the outer query) accepted this recruiter's request."""
    return Exists(
        ContactRequest.objects.filter(
            profile=OuterRef(profile_ref), recruiter=recruiter, status=ContactRequest.Status.ACCEPTED
        )
    )


def with_identity_for(queryset: QuerySet, *, recruiter: AbstractBaseUser, profile_ref: str = "pk") -> QuerySet:
    """``identity_revealed`` on each row, read by :attr:`EngineerProfile.shown_identity` (and the CSV)."""
    return queryset.annotate(identity_revealed=accepted_by(recruiter=recruiter, profile_ref=profile_ref))


def accepted_of(*, recruiter: AbstractBaseUser, profiles: set[int]) -> set[int]:
    """Which of these profile ids accepted this recruiter's contact request, now."""
    return set(
        ContactRequest.objects.filter(
            recruiter=recruiter, profile_id__in=profiles, status=ContactRequest.Status.ACCEPTED
        ).values_list("profile_id", flat=True)
    )


def reveal_for(*, recruiter: AbstractBaseUser, profiles) -> None:
    """Mark which of these loaded profiles accepted this recruiter's contact request; one query."""
    profiles = list(profiles)
    accepted = accepted_of(recruiter=recruiter, profiles={profile.pk for profile in profiles})
    for profile in profiles:
        profile.identity_revealed = profile.pk in accepted


def shown_to(*, recruiter: AbstractBaseUser, profile: EngineerProfile) -> CandidateIdentity:
    """Who this candidate is to this recruiter now: their name when their choice or an accepted request of this
    recruiter allows it, else the pseudonym the recruiter sees in the list (:attr:`EngineerProfile.shown_identity`)."""
    reveal_for(recruiter=recruiter, profiles=[profile])
    return profile.shown_identity


def shown_to_each(*, recruiter: AbstractBaseUser, profile_ids: Collection[int]) -> dict[int, CandidateIdentity]:
    """Who each of these candidates is to this recruiter now, as :func:`shown_to` says, for those still visible to
    recruiters (one who is not has no entry); two queries, without loading the profiles."""
    accepted = accepted_of(recruiter=recruiter, profiles=set(profile_ids))
    rows = (
        EngineerProfile.objects.visible_to_recruiters()
        .filter(pk__in=profile_ids)
        .values_list("pk", "display_name", "identity", "pseudonym", "user__email")
    )
    return {
        pk: candidate_identity(
            display_name=display_name, identity=identity, pseudonym=pseudonym, email=email, revealed=pk in accepted
        )
        for pk, display_name, identity, pseudonym, email in rows
    }


def name_candidates_in_notices(*, recipient: AbstractBaseUser, notices) -> None:
    """Name the candidate of each of a recruiter's notices as :func:`shown_to` does today, not as when it was sent:
    a withdrawn acceptance or a name switched off since hides the name in the old notices too. Two queries."""
    about = {notice.about_id for notice in notices if notice.kind in RECRUITER_KINDS and notice.about_id}
    if not about:
        return
    profiles = list(EngineerProfile.objects.filter(user_id__in=about).select_related("user"))
    reveal_for(recruiter=recipient, profiles=profiles)
    names = {profile.user_id: profile.shown_identity.name for profile in profiles}
    for notice in notices:
        if notice.kind in RECRUITER_KINDS and notice.about_id in names:
            notice.params = {**notice.params, "candidate": names[notice.about_id]}


def answer_in_words(*, status: str, created_at, now) -> str:
    """What became of a request, said to the engineer who was asked; a lapsed one counts as declined."""
    if went_unanswered(status=status, created_at=created_at, now=now):
        status = ContactRequest.Status.EXPIRED
    return {
        ContactRequest.Status.PENDING: gettext("It waits for your answer."),
        ContactRequest.Status.ACCEPTED: gettext("You accepted it."),
        ContactRequest.Status.DECLINED: gettext("You declined it."),
        ContactRequest.Status.WITHDRAWN: gettext("You accepted it, then withdrew your acceptance."),
        ContactRequest.Status.EXPIRED: gettext("You did not answer it in time, so it counts as declined."),
    }[status]


def tell_answers_in_notices(*, recipient: AbstractBaseUser, notices) -> None:
    """Add to each of an engineer's "asks you for contact" notices what became of that request, as it stands now:
    the request is the latest of that recruiter to her sent before the notice. One query."""
    asked = [notice for notice in notices if notice.kind == NoticeKind.CONTACT_REQUESTED and notice.about_id]
    if not asked:
        return
    requests = (
        ContactRequest.objects.filter(profile__user=recipient, recruiter_id__in={notice.about_id for notice in asked})
        .order_by("-created_at", "-pk")
        .values_list("recruiter_id", "created_at", "status")
    )
    requests, now = list(requests), timezone.now()
    for notice in asked:
        for recruiter_id, created_at, status in requests:
            if recruiter_id == notice.about_id and created_at <= notice.created_at:
                answer = answer_in_words(status=status, created_at=created_at, now=now)
                notice.params = {**notice.params, "answer": answer}
                break


def latest_request(*, recruiter: AbstractBaseUser, profile: EngineerProfile) -> ContactRequest | None:
    return ContactRequest.objects.filter(recruiter=recruiter, profile=profile).order_by("-created_at", "-pk").first()


def recruiter_details(*, recruiter: AbstractBaseUser) -> RecruiterProfile | None:
    return RecruiterProfile.objects.filter(user=recruiter).first()


def candidate_url(*, request: HttpRequest, contact_request: ContactRequest) -> str:
    """Where the recruiter of this request sees the candidate, absolute: the link in what tells them of the answer."""
    return request.build_absolute_uri(reverse("recruiting:candidate-detail", kwargs={"pk": contact_request.profile_id}))
