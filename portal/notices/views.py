"""/notices/: the signed-in person's notices, a page at a time (marked read as they are shown), how they want to
receive each kind, and the language they are written to in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.guards.access import can_view_candidates, works_as_engineer
from portal.languages.selectors import language_of
from portal.languages.services import in_language, keep_language
from portal.notices.forms import LanguageForm, NoticePreferencesForm
from portal.notices.kinds import ENGINEER_KINDS, RECRUITER_KINDS, NoticeKind
from portal.notices.naming import named
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
    form = preferences_form(request, data=request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        save_channels(user=request.user, channels=form.cleaned_data)
        messages.success(request, _("Your choices for notices are saved."))
        return redirect("notices")
    # Seen only on a GET: a HEAD or a refused form shows nothing new.
    return render_notices(request, form=form, mark_shown_read=request.method == "GET")


@login_required
@require_POST
def notice_language(request: HttpRequest) -> HttpResponse:
    """Keep the person's language; the portal switches to it too (the switcher's cookie). A wrong one: 400."""
    language_form = LanguageForm(request.POST)
    if not language_form.is_valid():
        return render_notices(request, form=preferences_form(request), language_form=language_form)
    language = language_form.cleaned_data["language"]
    keep_language(user=request.user, language=language)
    with translation.override(language):
        messages.success(request, _("Your language is saved."))
    return in_language(redirect("notices"), language=language)


def preferences_form(request: HttpRequest, *, data=None) -> NoticePreferencesForm:
    return NoticePreferencesForm(data, kinds=kinds_for(request), channels=channels_of(user=request.user))


def render_notices(
    request: HttpRequest,
    *,
    form: NoticePreferencesForm,
    language_form: LanguageForm | None = None,
    mark_shown_read: bool = False,
) -> HttpResponse:
    """The notices page with both forms; 400 when either came back refused."""
    page = notices_page(user=request.user, number=request.GET.get("page"))
    notices = list(named(recipient=request.user, notices=list(page.object_list)))
    unread = {notice.pk for notice in notices if notice.read_at is None}
    if mark_shown_read:
        mark_read(user=request.user, notices=notices)
    language_form = language_form or LanguageForm(initial={"language": language_of(user=request.user)})
    context = {"page_obj": page, "notices": notices, "unread": unread, "form": form, "language_form": language_form}
    return render(
        request, "portal/notices.html", context, status=400 if form.is_bound or language_form.is_bound else 200
    )
