"""The one-minute start: three plain forms on one page, each step resumable (see :mod:`skills.start.services`)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from skills.forms import level_legend
from skills.models import EngineerProfile, Skill
from skills.selectors.profiles import own_profile
from skills.services.profiles import set_target_role
from skills.start import selectors as start_reads
from skills.start import services as start_flow
from skills.start.forms import StartRatingForm, StartRoleForm

Start = EngineerProfile.Start
STEPS = ("1", "2", "3")


def _step_url(step: int) -> str:
    return f"{reverse('skills:start')}?step={step}"


def _rating_form(data=None) -> StartRatingForm:
    return StartRatingForm(data, skills=Skill.objects.published())


def _render(request: HttpRequest, step: str, **forms) -> HttpResponse:
    context = {"step": step, "done": False}
    if step == "1":
        profile = own_profile(user=request.user)
        initial = {"role": profile.target_role.slug} if profile and profile.published_target_role else {}
        context["form"] = forms.get("form") or StartRoleForm(initial=initial)
        context["visible_to_recruiters"] = bool(profile and profile.is_visible_to_recruiters)
    elif step == "2":
        context["form"] = forms.get("form") or _rating_form()
        context["levels"] = level_legend()
    else:
        context["result"] = start_reads.start_result(user=request.user)
    return render(request, "skills/start.html", context)


def _save_step(request: HttpRequest, step: int, form, save: Callable[[Any], object]) -> HttpResponse:
    """Save a step's valid form and go to the next step; an invalid one shows the step again with its errors."""
    if not form.is_valid():
        return _render(request, str(step), form=form)
    save(form)
    return redirect(_step_url(step + 1))


def _make_target(request: HttpRequest, form: StartRoleForm) -> HttpResponse:
    """The last step's "make it my target role": the role named becomes the target and the start stays where it
    stands (a skipper is not moved on to step 2); then the home, which shows that role's score and next step."""
    role = form.chosen_role() if form.is_valid() else None
    if role is None:
        messages.error(request, _("That role cannot be chosen. Pick one of the roles below."))
        return redirect(_step_url(3))
    set_target_role(user=request.user, role=role)
    messages.success(request, _("%(role)s is now your target role.") % {"role": role.title})
    return redirect("skills:home")


@require_http_methods(["GET", "HEAD", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """GET shows ``?step=`` or the step the engineer stopped at; each POST saves one step and goes to the next."""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "role":
            return _save_step(
                request,
                1,
                StartRoleForm(request.POST),
                lambda form: start_flow.choose_start_role(user=request.user, role=form.chosen_role()),
            )
        if action == "rate":
            return _save_step(
                request,
                2,
                _rating_form(request.POST),
                lambda form: start_flow.rate_skills_at_start(user=request.user, ratings=form.ratings()),
            )
        if action == "target":
            return _make_target(request, StartRoleForm(request.POST))
        start_flow.skip_start(user=request.user)
        messages.info(request, _("You can finish your start from your checklist at any time."))
        return redirect("skills:checklist")
    step = request.GET.get("step")
    if step not in STEPS:
        profile = own_profile(user=request.user)
        progress = profile.start if profile else Start.NEW
        step = {Start.ROLE: "2", Start.DONE: "3"}.get(progress, "1")
    return _render(request, step)
