"""Contact requests: the recruiter asks on a candidate's page; the engineer answers on their own profile page.

The engineer's page (skills) lists the requests through ``profile.contact_requests``; the answers are
posted here, so the skills app never imports this one.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.messages.storage.base import Message
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.accounts.redirects import safe_next
from portal.placed_messages import add_placed_message
from recruiting.forms import CandidateRoleForm, ContactAnswerForm, ContactRequestForm, RecruiterProfileForm
from recruiting.models import ASK_AGAIN_AFTER, ContactRequest, RecruiterProfile
from recruiting.selectors.candidates import visible_candidates
from recruiting.selectors.contacts import candidate_url, latest_request, recruiter_details, reveal_for
from recruiting.selectors.recruiters import has_named_themselves
from recruiting.services.contacts import answer_contact_request, send_contact_request, withdraw_acceptance
from recruiting.services.recruiters import save_recruiter_profile
from recruiting.views.access import shown_candidate


@require_http_methods(["GET", "HEAD", "POST"])
def contact_request(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows the form (and any earlier request); POST sends the request under the rate limit and waiting rules,
    then goes back to the candidate compared with the role the recruiter had chosen there (``?role=``, kept)."""
    profile = shown_candidate(visible_candidates().select_related("user"), pk=pk)
    asked_role = CandidateRoleForm(request.GET, recruiter=request.user).asked_role
    query = f"?{urlencode({'role': asked_role.slug})}" if asked_role else ""
    back_url = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}) + query
    reveal_for(recruiter=request.user, profiles=[profile])
    details = recruiter_details(recruiter=request.user)
    initial = {"name": details.name, "company": details.company} if details else {}
    form = ContactRequestForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            send_contact_request(
                recruiter=request.user,
                profile=profile,
                answer_url=request.build_absolute_uri(f"{reverse('skills:profile')}#contacts-heading"),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your contact request is sent. You will see the answer on this page."))
            return redirect(back_url)
    previous = latest_request(recruiter=request.user, profile=profile)
    context = {
        "profile": profile,
        "action": reverse("recruiting:contact-request", kwargs={"pk": profile.pk}) + query,
        "back_url": back_url,
        "form": form,
        "details": details,
        "previous": previous,
        "may_ask": previous is None or previous.allows_a_new_request,  # the form, or where the last request stands
        # The request as if sent now and never answered: the day it lapses, and the latest day to ask again.
        "unanswered": ContactRequest(created_at=timezone.now(), status=ContactRequest.Status.EXPIRED),
    }
    return render(request, "recruiting/contact_request.html", context, status=400 if form.is_bound else 200)


def _own_contact_request(request: HttpRequest, pk: int) -> ContactRequest:
    """Only requests sent to the signed-in engineer; anyone else's is a 404."""
    return get_object_or_404(ContactRequest.objects.select_related("profile"), pk=pk, profile__user=request.user)


def _answered(request: HttpRequest, contact: ContactRequest, level: int, text: str) -> HttpResponse:
    """The outcome beside the request it is about: htmx gets that request's row again with it; a plain post lands on
    that row of the profile page, which shows it there (portal.placed_messages)."""
    if request.htmx:
        contact.feedback = [Message(level, text)]
        return render(request, "skills/partials/contact_request.html", {"item": contact})
    add_placed_message(request, level, text, place=contact.anchor)
    return redirect(f"{reverse('skills:profile')}#{contact.anchor}")


@login_required
@require_POST
def contact_answer(request: HttpRequest, pk: int) -> HttpResponse:
    contact = _own_contact_request(request, pk)
    form = ContactAnswerForm(request.POST)
    if not form.is_valid():
        return _answered(request, contact, messages.ERROR, _("Choose to accept or decline the request."))
    try:
        contact = answer_contact_request(
            engineer=request.user,
            contact_request=contact,
            accept=form.cleaned_data["answer"] == "accept",
            candidate_url=candidate_url(request=request, contact_request=contact),
        )
    except ValidationError as error:
        return _answered(request, contact, messages.ERROR, " ".join(error.messages))
    who = {"name": contact.recruiter_name, "company": contact.recruiter_company, "email": request.user.email}
    profile = contact.profile
    if contact.status != ContactRequest.Status.ACCEPTED:
        text = _("You declined the request of %(name)s of %(company)s. They see nothing more of you.") % who
    elif profile.accepting_reveals_name:
        text = _("%(name)s of %(company)s now sees your name, %(shown)s, and your email address, %(email)s.") % {
            **who,
            "shown": profile.display_name,
        }
    elif profile.shows_name_to_recruiters:
        text = (
            _(
                "%(name)s of %(company)s now sees your email address, %(email)s. They saw your name already: you show "
                "it to every recruiter."
            )
            % who
        )
    else:
        text = (
            _(
                "%(name)s of %(company)s now sees your email address, %(email)s. You have set no name, so they "
                "see no name: only your pseudonym."
            )
            % who
        )
    return _answered(request, contact, messages.SUCCESS, text)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks first, on a page of its own (no script needed); POST withdraws the acceptance. A request not
    accepted (any more) has nothing to withdraw: its row on the profile page says where it stands."""
    contact = _own_contact_request(request, pk)
    if request.method != "POST":
        if contact.status != ContactRequest.Status.ACCEPTED:
            return redirect(f"{reverse('skills:profile')}#{contact.anchor}")
        context = {"contact": contact, "days": ASK_AGAIN_AFTER.days}
        return render(request, "skills/contact_withdraw.html", context)
    try:
        contact = withdraw_acceptance(
            engineer=request.user,
            contact_request=contact,
            candidate_url=candidate_url(request=request, contact_request=contact),
        )
    except ValidationError as error:
        return _answered(request, contact, messages.ERROR, " ".join(error.messages))
    who = {"name": contact.recruiter_name, "company": contact.recruiter_company}
    if contact.profile.accepting_reveals_name:
        text = _("%(name)s of %(company)s no longer sees your name and email address.") % who
    elif contact.profile.shows_name_to_recruiters:
        text = (
            _(
                "%(name)s of %(company)s no longer sees your email address. They still see your name, as every "
                "recruiter does: you chose to show it in your profile."
            )
            % who
        )
    else:
        text = _("%(name)s of %(company)s no longer sees your email address.") % who
    return _answered(request, contact, messages.SUCCESS, text)


NEXT = "next"


def name_yourself_first(request: HttpRequest) -> HttpResponse:
    """A recruiter who has not named themselves asked for a page that records a view: their profile form first,
    which brings them back to that page once it is saved."""
    return redirect(f"{reverse('recruiting:recruiter-profile')}?{urlencode({NEXT: request.get_full_path()})}")


@require_http_methods(["GET", "HEAD", "POST"])
def recruiter_profile(request: HttpRequest) -> HttpResponse:
    """The recruiter's own details, as engineers see them on requests and on who viewed their profile. A recruiter
    sent here on their way to a candidate (``?next=``) goes on there once the details are saved."""
    instance = recruiter_details(recruiter=request.user) or RecruiterProfile(user=request.user)
    asked_for = safe_next(request, request.GET.get(NEXT, ""))  # where they were on their way to
    form = RecruiterProfileForm(request.POST if request.method == "POST" else None, instance=instance)
    if form.is_bound and form.is_valid():
        save_recruiter_profile(recruiter=request.user, **form.cleaned_data)
        messages.success(request, _("Your recruiter profile is saved."))
        return redirect(asked_for or "recruiting:recruiter-profile")
    context = {
        "form": form,
        "action": reverse("recruiting:recruiter-profile") + (f"?{urlencode({NEXT: asked_for})}" if asked_for else ""),
        "named": has_named_themselves(recruiter=request.user),
    }
    return render(request, "recruiting/recruiter_profile.html", context, status=400 if form.is_bound else 200)
