"""The engineer's own personal data: who viewed the profile, and everything the portal holds, for the export.

Profile views are kept by the recruiting app; they are read here through the
profile's ``views`` relation, so this app does not import the one above it.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Max
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.languages.selectors import kept_language
from portal.notices.naming import named
from skills.models import Assessment, AssessmentChange, ItemState, ResourceDone, RoleMatch, SavedVacancy, ShareLink
from skills.selectors.checklist import item_names
from skills.selectors.profiles import own_profile

PROFILE_VIEWS_SHOWN = 50
VACANCY_SEARCH = "a recruiter's private vacancy search"
# A view recorded before a recruiter had to name themselves to open a candidate: shown as such, never by address.
UNNAMED_RECRUITER = _("A recruiter who gave no name")


@dataclass(frozen=True)
class RecruiterVisits:
    """One recruiter's views of the profile: who they say they are (their recruiter profile, never their email
    address), on how many days and when last. A recruiter's views count once a day (recruiting's ProfileView keeps
    one a day), so the days are what says how interested they are."""

    name: str
    company: str
    hires_for: str
    days: int
    last_viewed_at: datetime

    @property
    def shown_name(self) -> str:
        return self.name or str(UNNAMED_RECRUITER)


def profile_views(*, user: AbstractBaseUser) -> list[RecruiterVisits]:
    """The recruiters who viewed the user's own profile, latest first, one line each with the number of days they
    viewed it (kept by the recruiting app, read here by relation); one query."""
    profile = own_profile(user=user)
    if profile is None:
        return []
    rows = (
        profile.views.values(
            "recruiter",
            "recruiter__recruiter_profile__name",
            "recruiter__recruiter_profile__company",
            "recruiter__recruiter_profile__hires_for",
        )
        .annotate(days=Count(TruncDate("viewed_at"), distinct=True), last_viewed_at=Max("viewed_at"))
        .order_by("-last_viewed_at")[:PROFILE_VIEWS_SHOWN]
    )
    return [
        RecruiterVisits(
            name=row["recruiter__recruiter_profile__name"] or "",
            company=row["recruiter__recruiter_profile__company"] or "",
            hires_for=row["recruiter__recruiter_profile__hires_for"] or "",
            days=row["days"],
            last_viewed_at=row["last_viewed_at"],
        )
        for row in rows
    ]


def contact_requests(*, user: AbstractBaseUser) -> list:
    """Recruiters' requests for contact with the user, newest first (kept by the recruiting app, read by relation)."""
    profile = own_profile(user=user)
    if profile is None:
        return []
    return list(profile.contact_requests.select_related("recruiter__recruiter_profile")[:PROFILE_VIEWS_SHOWN])


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _visible_pseudonym(profile) -> str | None:
    """How a recruiter's own records name a candidate: the pseudonym, never more than a recruiter's pages show, and
    nothing once the candidate has left the recruiters' view."""
    return profile.pseudonym if profile.is_visible_to_recruiters else None


def recruiter_data(*, user: AbstractBaseUser) -> dict:
    """What a recruiter did here (read through their account's relations, as this app may not import recruiting):
    their profile, the requests they sent, their shortlists with notes, their searches and exports."""
    details = getattr(user, "recruiter_profile", None)
    return {
        "recruiter_profile": details
        and {"name": details.name, "company": details.company, "hires_for": details.hires_for},
        "contact_requests_sent": [
            {
                "candidate": _visible_pseudonym(contact.profile),
                "name": contact.recruiter_name,
                "company": contact.recruiter_company,
                "message": contact.message,
                "status": contact.status,
                "created_at": _iso(contact.created_at),
                "answered_at": _iso(contact.answered_at),
            }
            for contact in user.contact_requests_sent.select_related("profile").order_by("created_at", "pk")
        ],
        "shortlists": [
            {
                "name": shortlist.name,
                "role": shortlist.role.title if shortlist.role else None,
                "created_at": _iso(shortlist.created_at),
                "entries": [
                    {"candidate": entry.profile.pseudonym, "note": entry.note, "stage": entry.stage}
                    for entry in shortlist.entries.all()
                    if _visible_pseudonym(entry.profile)
                ],
            }
            for shortlist in user.shortlists.select_related("role").prefetch_related("entries__profile")
        ],
        "vacancy_searches": [
            {
                "title": search.title,
                "text": search.text,
                "created_at": _iso(search.created_at),
                "proposal_note": search.proposal_note,
            }
            for search in user.vacancy_searches.order_by("created_at", "pk")
        ],
        "candidate_exports": [
            {"role": export.role_title, "status": export.status, "created_at": _iso(export.created_at)}
            for export in user.candidate_exports.order_by("created_at", "pk")
        ],
    }


def export_user_data(*, user: AbstractBaseUser) -> dict:
    """Everything the portal holds about this user, as JSON-ready data (the right of access)."""
    profile = own_profile(user=user)
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "language": kept_language(user=user),
        },
        "profile": None,
        "assessments": [
            {
                "skill": assessment.item.skill.name,
                "item": assessment.item.name,
                "level": assessment.level,
                "evidence_url": assessment.evidence_url,
                "note": assessment.note,
                "updated_at": _iso(assessment.updated_at),
            }
            for assessment in Assessment.objects.filter(user=user)
            .select_related("item__skill")
            .order_by("item__skill__growth_stage", "item__skill__order", "item__order", "item__name")
        ],
        "history": [
            {
                "item": change.item.name,
                "old_level": change.old_level,
                "new_level": change.new_level,
                "ticked_count": change.ticked_count,
                "target_score": change.target_score,
                "changed_at": _iso(change.changed_at),
            }
            for change in AssessmentChange.objects.filter(user=user).select_related("item").order_by("changed_at", "id")
        ],
        "item_states": [
            {"item": marked.item.name, "state": marked.state, "updated_at": _iso(marked.updated_at)}
            for marked in ItemState.objects.filter(user=user).select_related("item").order_by("item__name", "pk")
        ],
        "resources_done": [
            {"resource": done.resource.label, "item": done.resource.item.name, "done_at": _iso(done.done_at)}
            for done in ResourceDone.objects.filter(user=user)
            .select_related("resource__item", "resource__tool")
            .order_by("done_at", "pk")
        ],
        "matches": [],
        "share_links": [
            {
                "role": link.role.title if link.role else None,
                "created_at": _iso(link.created_at),
                "expires_at": _iso(link.expires_at),
                "revoked_at": _iso(link.revoked_at),
                "views": [{"viewed_at": _iso(view.viewed_at)} for view in link.views.all()],
            }
            for link in ShareLink.objects.filter(user=user).select_related("role").prefetch_related("views")
        ],
        "saved_vacancies": [
            {
                "title": vacancy.title,
                "link": vacancy.link,
                "text": vacancy.text,
                "created_at": _iso(vacancy.created_at),
            }
            for vacancy in SavedVacancy.objects.owned_by(user).order_by("created_at", "pk")
        ],
        "profile_views": [],
        "contact_requests": [],
        "notices": [
            {"text": notice.text, "created_at": _iso(notice.created_at), "read_at": _iso(notice.read_at)}
            for notice in named(recipient=user, notices=list(user.notices.order_by("created_at", "pk")))
        ],
        "notice_choices": dict(user.notice_preferences.values_list("kind", "channel")),
        **recruiter_data(user=user),
    }
    if profile is not None:
        data["profile"] = {
            "display_name": profile.display_name,
            "identity": profile.identity,
            "pseudonym": profile.pseudonym,
            "headline": profile.headline,
            "years_experience": profile.years_experience,
            "location": profile.location,
            "target_role": profile.target_role.title if profile.target_role else None,
            "open_to_work": profile.open_to_work,
            "visibility": profile.visibility,
            "counts_in_benchmarks": profile.counts_in_benchmarks,
            "created_at": _iso(profile.created_at),
            "updated_at": _iso(profile.updated_at),
        }
        data["matches"] = [
            {
                # A recruiter's search is theirs: the engineer learns they were ranked, not the vacancy's name.
                "role": VACANCY_SEARCH if match.role.is_search else match.role.title,
                "score": match.score,
                "requirements_met": match.requirements_met,
                "requirements_total": match.requirements_total,
                "missing_must_haves": item_names(match.missing_must_have_ids),  # named like every item here
                "updated_at": _iso(match.updated_at),
            }
            for match in RoleMatch.objects.filter(profile=profile)
            .select_related("role")
            .order_by("role__kind", "role__title", "role_id")
        ]
        data["contact_requests"] = [
            {
                "recruiter": contact.recruiter_name,
                "company": contact.recruiter_company,
                "message": contact.message,
                "status": contact.status,
                "created_at": _iso(contact.created_at),
                "answered_at": _iso(contact.answered_at),
                "withdrawn_at": _iso(contact.withdrawn_at),
            }
            for contact in profile.contact_requests.order_by("created_at", "pk")
        ]
        data["profile_views"] = [
            {
                "recruiter": view["recruiter__recruiter_profile__name"] or str(UNNAMED_RECRUITER),
                "company": view["recruiter__recruiter_profile__company"] or "",
                "viewed_at": _iso(view["viewed_at"]),
            }
            for view in profile.views.order_by("viewed_at", "pk").values(
                "viewed_at",
                "recruiter__recruiter_profile__name",
                "recruiter__recruiter_profile__company",
            )
        ]
    return data
