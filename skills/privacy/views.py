"""The profile page (what recruiters see, as whom), the engineer's data and account deletion; share links, made and
revoked on the profile page and read by anyone holding one at /p/<token>/."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal.guards.issued_once import AlreadyIssued
from portal.placed_messages import add_placed_message, claim, claimed_messages
from skills.models import EngineerProfile, ShareLink
from skills.privacy import personal_data, sharing
from skills.privacy.forms import DeleteAccountForm, ProfileForm, PseudonymForm, ShareLinkForm
from skills.privacy.naming import choose_pseudonym, pseudonym_suggestions
from skills.privacy.sharing import share_links_of
from skills.selectors.gaps import role_gaps, skill_radar
from skills.selectors.profiles import own_profile
from skills.services.profiles import delete_account, update_profile


@require_http_methods(["GET", "HEAD", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    instance = own_profile(user=request.user) or EngineerProfile(user=request.user)
    visibility_before = instance.visibility  # the bound form writes the submitted one onto the instance
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        profile = update_profile(user=request.user, **form.cleaned_data)
        messages.success(request, _saved_text(visibility_before=visibility_before, visibility=profile.visibility))
        return redirect("skills:profile")
    return render_profile(request, form=form)


def _saved_text(*, visibility_before: str, visibility: str) -> str:
    """What the save says: a change of who may see the profile is said outright, not left to a radio button."""
    if visibility == visibility_before:
        return _("Your profile is saved.")
    if visibility == EngineerProfile.Visibility.RECRUITERS:
        return _("Your profile is saved. Recruiters can now find it and read your levels.")
    return _("Your profile is saved. It is private again: recruiters no longer find it or read it.")


def render_profile(
    request: HttpRequest, *, form: ProfileForm | None = None, share_form=None, status: int = 200, **extra
) -> HttpResponse:
    """The profile page with its side panels: contact requests, share links, who viewed it, your data."""
    if form is None:
        instance = own_profile(user=request.user) or EngineerProfile(user=request.user)
        form = ProfileForm(instance=instance)
    contact_requests = personal_data.contact_requests(user=request.user)
    share_links = share_links_of(user=request.user)
    rows = [*contact_requests, *share_links]
    answered = claim(request, is_shown={row.anchor for row in rows}.__contains__)
    for row in rows:
        row.feedback = answered.get(row.anchor, [])
    context = {
        "form": form,
        "views": personal_data.profile_views(user=request.user),
        "contact_requests": contact_requests,
        "shown_in_place": claimed_messages(answered),
        "share_form": share_form or ShareLinkForm(),
        "share_links": share_links,
        **extra,
    }
    return render(request, "skills/profile.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def pseudonym(request: HttpRequest) -> HttpResponse:
    """Pick a pseudonym from fresh suggestions in the engineer's language, or type one."""
    profile = own_profile(user=request.user)
    form = PseudonymForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            profile = choose_pseudonym(user=request.user, pseudonym=form.cleaned_data["pseudonym"])
        except ValidationError as error:
            form.add_error("pseudonym", error)
        else:
            messages.success(request, _("Recruiters now see you as “%(name)s”.") % {"name": profile.pseudonym})
            return redirect("skills:profile")
    context = {
        "form": form,
        "profile": profile,
        "suggestions": pseudonym_suggestions(language=get_language() or "en", user=request.user),
    }
    return render(request, "skills/pseudonym.html", context, status=400 if form.is_bound else 200)


@never_cache
@login_required
@require_safe
def profile_export(request: HttpRequest) -> JsonResponse:
    """All the user's data as a JSON download."""
    response = JsonResponse(personal_data.export_user_data(user=request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-de-skills-data.json"'
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile_delete(request: HttpRequest) -> HttpResponse:
    """Delete the account once its owner confirmed: the e-mail address, the password and, where set up, the app's code."""
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user=user)
        messages.success(request, _("Your account and all its data are deleted."))
        return redirect("home")
    return render(request, "skills/profile_delete.html", {"form": form})


def _unlisted(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"  # the token is in the address: never pass it on to evidence links
    return response


@require_safe
def shared_profile(request: HttpRequest, token: str) -> HttpResponse:
    """The read-only profile behind a usable link; a revoked or expired one is gone (410, its owner unnamed), any
    other token the site's plain 404, with no hint."""
    link = sharing.open_share_link(token=token)
    if link is None:
        raise Http404
    if not link.is_usable:
        return _unlisted(render(request, "skills/share_link_gone.html", {"revoked": bool(link.revoked_at)}, status=410))
    owner = link.user
    profile = EngineerProfile.objects.filter(user=owner).first() or EngineerProfile(user=owner)
    role = link.role if link.role is not None and link.role.published else None
    context = {
        "profile": profile,
        "link": link,
        "role": role,
        "assessments": sharing.shared_assessments(profile=profile),
        "radar": skill_radar(user=owner, role=role),
        "gaps": role_gaps(user=owner, role=role) if role else None,
    }
    return _unlisted(render(request, "skills/shared_profile.html", context))


@require_POST
def share_link_create(request: HttpRequest) -> HttpResponse:
    """Make a link and show it once, on the profile page (it is never stored in plain); the same form sent again (a
    reload) makes no second one."""
    form = ShareLinkForm(request.POST)
    if form.is_valid():
        try:
            issued = sharing.create_share_link(user=request.user, **form.cleaned_data)
        except AlreadyIssued:  # a reload of the answer: the link was made (and shown) the first time
            return render_profile(request, share_form=ShareLinkForm(), share_sent_again=True, status=409)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            url = request.build_absolute_uri(reverse("share:profile", kwargs={"token": issued.token}))
            return render_profile(request, share_form=ShareLinkForm(), new_share_url=url)
    return render_profile(request, share_form=form, status=400)


@require_POST
def share_link_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(ShareLink, pk=pk, user=request.user)
    sharing.revoke_share_link(user=request.user, link=link)
    add_placed_message(
        request, messages.SUCCESS, _("The share link is revoked: it no longer opens."), place=link.anchor
    )
    return redirect(f"{reverse('skills:profile')}#{link.anchor}")
