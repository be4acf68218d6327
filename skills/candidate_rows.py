"""The candidate list's rows as cached HTML: most of the page, drawn again only when a candidate changes.

A row's content (headline, match, skill chart) is the same for every recruiter and
is keyed by what it shows: the role, the profile's and the match's timestamps (an
engineer's new level, headline or recomputed match moves them) and the checklist's
version (skill names). Its shortlist controls are keyed by the recruiter's
shortlists and the candidate's place on them. A page of 25 unchanged rows is one
cache read; only rows not stored cost their skill-chart query and their rendering.
"""

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from portal.fragments import CSRF_PLACEHOLDER, cached_many, fill_csrf, fragment_key, store, stored
from skills.candidates import CandidatePage, CandidateRow, skill_charts_for_users
from skills.models import Role, Shortlist

CONTENT_TEMPLATE = "skills/recruiter/partials/candidate_row.html"
CONTROLS_TEMPLATE = "skills/recruiter/partials/shortlist_controls.html"
RESULTS_TEMPLATE = "skills/recruiter/partials/candidate_results.html"


def _content_key(row: CandidateRow, *, role: Role, checklist_version: str) -> str:
    return fragment_key(
        "candidate-row", checklist_version, role.pk, row.profile_id, row.profile_updated_at, row.updated_at
    )


def _controls_key(row: CandidateRow, *, shortlists: list[Shortlist], next_url: str) -> str:
    return fragment_key(
        "shortlist-controls",
        row.profile_id,
        [(shortlist.pk, shortlist.name) for shortlist in shortlists],
        sorted(row.shortlist_ids),
        next_url,
    )


def results_html(*, request: HttpRequest, candidates: CandidatePage, role: Role, checklist_version: str) -> SafeString:
    """The heading, ranked rows and pagination of a list page, with the visitor's CSRF token in their forms.

    The block is cached under what its rows show (their timestamps, names and
    shortlists), the total and the query string, so an unchanged page is one cache
    read; otherwise the rows come from their own fragments, and only rows not stored
    are drawn.
    """
    next_url = request.get_full_path()
    rows = {row.profile_id: row for row in candidates.rows}
    page = candidates.page
    block_key = fragment_key(
        "candidate-results",
        checklist_version,
        next_url,
        page.number,
        page.paginator.count,
        role.pk,
        role.slug,
        [
            (row.profile_id, row.profile_updated_at, row.updated_at, row.display_name, sorted(row.shortlist_ids))
            for row in rows.values()
        ],
        [(shortlist.pk, shortlist.name) for shortlist in candidates.shortlists],
    )
    html = stored(block_key)
    if html is None:
        keys = {}
        for pk, row in rows.items():
            keys["content", pk] = _content_key(row, role=role, checklist_version=checklist_version)
            keys["controls", pk] = _controls_key(row, shortlists=candidates.shortlists, next_url=next_url)
        parts = cached_many(
            keys,
            lambda missing: _render_missing(missing, rows=rows, shortlists=candidates.shortlists, next_url=next_url),
        )
        context = {
            "page": page,
            "role": role,
            "rows": [
                {
                    "candidate": row,
                    "content": mark_safe(parts["content", pk]),  # noqa: S308  # nosec B308 B703
                    "controls": mark_safe(parts["controls", pk]),  # noqa: S308  # nosec B308 B703
                }
                for pk, row in rows.items()
            ],
            "csrf_token": CSRF_PLACEHOLDER,
        }
        html = render_to_string(RESULTS_TEMPLATE, context, request)
        store(block_key, html)
    # Every part was rendered by our own templates, which escape each value they show.
    return mark_safe(fill_csrf(html, get_token(request)))  # noqa: S308  # nosec B308 B703


def _render_missing(
    missing: list[tuple[str, int]],
    *,
    rows: dict[int, CandidateRow],
    shortlists: list[Shortlist],
    next_url: str,
) -> dict[tuple[str, int], str]:
    """Contents and controls of the rows not cached; the skill charts of those rows only, in one query."""
    need_chart = [rows[pk] for part, pk in missing if part == "content"]
    charts = skill_charts_for_users(user_ids=[row.user_id for row in need_chart]) if need_chart else {}
    shortlist_add_url = reverse("skills:shortlist-add")
    rendered = {}
    for part, pk in missing:
        row = rows[pk]
        if part == "content":
            context = {"row": row, "chart": charts[row.user_id]}
            rendered[part, pk] = render_to_string(CONTENT_TEMPLATE, context)
        else:
            context = {
                "profile": row,
                "shortlists": shortlists,
                "member_ids": row.shortlist_ids,
                "shortlist_add_url": shortlist_add_url,
                "next_url": next_url,
                "csrf_token": CSRF_PLACEHOLDER,
            }
            rendered[part, pk] = render_to_string(CONTROLS_TEMPLATE, context)
    return rendered
