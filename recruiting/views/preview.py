"""The engineer's "preview as recruiter": their own card drawn by the recruiter's candidate page's own partial and
selector, before and after they accept a recruiter's contact request. Posted under /skills/profile/, like the
answers to requests, so the skills app never imports this one."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from recruiting.forms import CandidateRoleForm, PreviewForm
from recruiting.selectors.candidates import candidate_card, chosen_role
from skills.selectors.profiles import own_profile


@require_safe
def profile_preview(request: HttpRequest) -> HttpResponse:
    profile = own_profile(user=request.user)
    if profile is None:
        messages.info(request, _("Save your profile first; then you can see it as a recruiter does."))
        return redirect("skills:profile")
    state = PreviewForm(request.GET)
    profile.identity_revealed = state.accepted  # what one recruiter sees once you accepted their request
    role_form = CandidateRoleForm(request.GET, recruiter=None)
    role = chosen_role(form=role_form, profile=profile)
    context = {
        **candidate_card(profile=profile, role=role),
        "preview": True,
        "visible": profile.is_visible_to_recruiters,
        "accepted": state.accepted,
        "role_form": role_form,
        "role_choice_form": CandidateRoleForm(initial={"role": role}, recruiter=None),
    }
    return render(request, "recruiting/profile_preview.html", context)
