"""The candidate list's rows as cached HTML: most of the page, drawn again only when a candidate changes.

A row's content (headline, match, skill chart) is the same for every recruiter and
is keyed by what it shows: the role, the profile's and the match's timestamps (an
engineer's new level, headline or recomputed match moves them) and the checklist's
version (skill names). Its shortlist controls are keyed by the recruiter's
shortlists and the candidate's place on them. A page of 25 rows is one cache round
trip; only rows not stored cost their skill-chart query and their rendering.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from portal.fragments import CSRF_PLACEHOLDER, cached_many, fill_csrf, fragment_key
from skills.candidates import CandidatePage, CandidateRow, skill_charts_for_users
from skills.models import Role, Shortlist

CONTENT_TEMPLATE = "skills/recruiter/partials/candidate_row.html"
CONTROLS_TEMPLATE = "skills/recruiter/partials/shortlist_controls.html"


@dataclass(frozen=True)
class RenderedRow:
    row: CandidateRow
    content: SafeString
    controls: SafeString


def _content_key(row: CandidateRow, *, role: Role, checklist_version: str) -> str:
    match = row.match
    return fragment_key(
        "candidate-row",
        checklist_version,
        role.pk,
        role.slug,
        match.profile_id,
        match.profile.updated_at,
        match.updated_at,
        row.display_name,
    )


def _controls_key(row: CandidateRow, *, shortlists: list[Shortlist], next_url: str) -> str:
    return fragment_key(
        "shortlist-controls",
        row.match.profile_id,
        [(shortlist.pk, shortlist.name) for shortlist in shortlists],
        sorted(row.shortlist_ids),
        next_url,
    )


def rendered_rows(
    *, candidates: CandidatePage, role: Role, checklist_version: str, next_url: str, csrf_token: str
) -> list[RenderedRow]:
    """The page's rows with their HTML, from the cache where it holds them; forms get the visitor's CSRF token."""
    rows = {row.match.profile_id: row for row in candidates.rows}
    keys = {}
    for pk, row in rows.items():
        keys["content", pk] = _content_key(row, role=role, checklist_version=checklist_version)
        keys["controls", pk] = _controls_key(row, shortlists=candidates.shortlists, next_url=next_url)
    html = cached_many(
        keys,
        lambda missing: _render_missing(
            missing, rows=rows, role=role, shortlists=candidates.shortlists, next_url=next_url
        ),
    )
    # Both parts were rendered by our own templates, which escape every value they show.
    return [
        RenderedRow(
            row=row,
            content=mark_safe(html["content", pk]),  # noqa: S308  # nosec B308 B703
            controls=mark_safe(fill_csrf(html["controls", pk], {"csrf_token": csrf_token})),  # noqa: S308  # nosec B308 B703
        )
        for pk, row in rows.items()
    ]


def _render_missing(
    missing: list[tuple[str, int]],
    *,
    rows: dict[int, CandidateRow],
    role: Role,
    shortlists: list[Shortlist],
    next_url: str,
) -> dict[tuple[str, int], str]:
    """Contents and controls of the rows not cached; the skill charts of those rows only, in one query."""
    need_chart = [rows[pk] for part, pk in missing if part == "content"]
    charts = skill_charts_for_users(user_ids=[row.profile.user_id for row in need_chart]) if need_chart else {}
    shortlist_add_url = reverse("skills:shortlist-add")
    rendered = {}
    for part, pk in missing:
        row = rows[pk]
        if part == "content":
            context = {
                "profile": row.profile,
                "display_name": row.display_name,
                "role_slug": role.slug,
                "match": row.match,
                "chart": charts[row.profile.user_id],
            }
            rendered[part, pk] = render_to_string(CONTENT_TEMPLATE, context)
        else:
            context = {
                "profile": row.profile,
                "shortlists": shortlists,
                "member_ids": row.shortlist_ids,
                "shortlist_add_url": shortlist_add_url,
                "next_url": next_url,
                "csrf_token": CSRF_PLACEHOLDER,
            }
            rendered[part, pk] = render_to_string(CONTROLS_TEMPLATE, context)
    return rendered
