"""One guard for every recruiter page, applied once to the whole URL group in ``recruiting.urls``, and the one
answer for a candidate those pages may not show."""

from functools import wraps

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from portal.guards.access import can_view_candidates, can_view_market
from portal.guards.pages import guarded
from skills.models import EngineerProfile


class CandidateNotShown(Http404):
    """The candidate asked for shows recruiters no profile: hidden, deleted, or never there."""


def shown_candidate(candidates: QuerySet[EngineerProfile], *, pk: int) -> EngineerProfile:
    try:
        return candidates.get(pk=pk)
    except EngineerProfile.DoesNotExist:
        raise CandidateNotShown from None


def explain_candidates_not_shown(view):
    """A page about a candidate who shows no profile answers 404 with what may have happened and where to go on: the
    same page for every such id, so it says nothing about the person (hidden, deleted or never there)."""

    @wraps(view)
    def explained(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except CandidateNotShown:
            return render(request, "recruiting/candidate_not_shown.html", status=404)

    return explained


def candidates_required(view):
    return guarded(
        explain_candidates_not_shown(view),
        allowed=can_view_candidates,
        refusal=_("Only recruiters can work with candidates."),
    )


def market_required(view):
    """The market map: recruiters and editors (aggregates only)."""
    return guarded(view, allowed=can_view_market, refusal=_("Only recruiters and editors can read the market map."))
