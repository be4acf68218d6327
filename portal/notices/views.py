"""/notices/: the signed-in person's notices, a page at a time (marked read as they are shown), and how they want
to receive each kind."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.access import can_view_candidates, works_as_engineer
from portal.notices.forms import NoticePreferencesForm
from portal.notices.kinds import ENGINEER_KINDS, RECRUITER_KINDS, NoticeKind
from portal.notices.selectors import channels_of, notices_page
from portal.notices.services import mark_read, save_channels


def kinds_for(request: HttpRequest) -> tuple[NoticeKind, ...]:
    """The kinds this person can receive: an engineer's, a recruiter's, or both for someone who is both."""
    return (ENGINEER_KINDS if works_as_engineer(request) else ()) + (
        RECRUITER_KINDS if can_view_candidates(request) else ()
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def notice_list(request: HttpRequest) -> HttpResponse:
    """GET shows a page of notices and marks those on it read; POST saves the choices per kind."""
    form = NoticePreferencesForm(
        request.POST if request.method == "POST" else None,
        kinds=kinds_for(request),
        channels=channels_of(user=request.user),
    )
    if form.is_bound and form.is_valid():
        save_channels(user=request.user, channels=form.cleaned_data)
        messages.success(request, _("Your choices for notices are saved."))
        return redirect("notices")
    page = notices_page(user=request.user, number=request.GET.get("page"))
    notices = list(page.object_list)
    unread = {notice.pk for notice in notices if notice.read_at is None}
    if request.method == "GET":  # seen: a HEAD or a refused form shows nothing new
        mark_read(user=request.user, notices=notices)
    context = {"page_obj": page, "notices": notices, "unread": unread, "form": form}
    return render(request, "portal/notices.html", context, status=400 if form.is_bound else 200)
