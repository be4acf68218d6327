"""Share links: the engineer makes and revokes them on the profile page; anyone with one reads /p/<token>/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from skills.forms import ShareLinkForm
from skills.models import EngineerProfile, ShareLink
from skills.privacy import sharing
from skills.selectors.gaps import role_gaps, skill_radar
from skills.views import render_profile


@require_safe
def shared_profile(request: HttpRequest, token: str) -> HttpResponse:
    """The read-only profile behind a usable link; anything else is the site's plain 404, with no hint."""
    link = sharing.open_share_link(token=token)
    if link is None:
        raise Http404
    owner = link.user
    profile = EngineerProfile.objects.filter(user=owner).first() or EngineerProfile(user=owner)
    role = link.role if link.role is not None and link.role.published else None
    context = {
        "profile": profile,
        "link": link,
        "role": role,
        "assessments": sharing.shared_assessments(user=owner),
        "radar": skill_radar(user=owner, role=role),
        "gaps": role_gaps(user=owner, role=role) if role else None,
    }
    response = render(request, "skills/shared_profile.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"  # the token is in the address: never pass it on to evidence links
    return response


@login_required
@require_POST
def share_link_create(request: HttpRequest) -> HttpResponse:
    """Make a link and show it once, on the profile page (it is never stored in plain)."""
    form = ShareLinkForm(request.POST)
    if form.is_valid():
        try:
            issued = sharing.create_share_link(
                user=request.user, days=form.cleaned_data["days"], role=form.cleaned_data["role"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            url = request.build_absolute_uri(reverse("share:profile", kwargs={"token": issued.token}))
            return render_profile(request, share_form=ShareLinkForm(), new_share_url=url)
    return render_profile(request, share_form=form, status=400)


@login_required
@require_POST
def share_link_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(ShareLink, pk=pk, user=request.user)
    sharing.revoke_share_link(user=request.user, link=link)
    messages.success(request, _("The share link is revoked: it no longer opens."))
    return redirect(f"{reverse('skills:profile')}#share-heading")
