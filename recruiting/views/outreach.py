"""The recruiter's outreach overview: what the counting job last wrote, per role."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from recruiting.selectors.outreach import outreach_overview


@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    rows = list(outreach_overview(recruiter=request.user))
    context = {"rows": rows, "computed_at": max((row.computed_at for row in rows), default=None)}
    return render(request, "recruiting/overview.html", context)
