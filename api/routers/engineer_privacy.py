"""The signed-in engineer's share links and the contact requests recruiters sent them (mounted under /me/)."""

from datetime import datetime
from typing import Literal

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from api import selectors
from api.auth import ENGINEER_AUTH, ENGINEER_TAG
from api.errors import InvalidInput
from api.schemas.common import AUTH_ERRORS, ErrorOut
from recruiting.models import ContactRequest
from recruiting.selectors.contacts import candidate_url
from recruiting.services.contacts import answer_contact_request, withdraw_acceptance
from skills.models import ShareLink
from skills.privacy.sharing import create_share_link, revoke_share_link, share_links_of

router = Router(tags=[ENGINEER_TAG], auth=ENGINEER_AUTH)


class ShareLinkOut(Schema):
    id: int
    role: str | None = Field(description="Slug of the role whose gaps the link shows, if any.")
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    usable: bool
    views: int = Field(description="How many times the link was opened.")

    @staticmethod
    def resolve_role(obj) -> str | None:
        return obj.role.slug if obj.role else None

    @staticmethod
    def resolve_usable(obj) -> bool:
        return obj.is_usable

    @staticmethod
    def resolve_views(obj) -> int:
        return len(obj.views.all())


class NewShareLinkOut(ShareLinkOut):
    url: str = Field(description="The link itself: shown only in this answer, never stored.")


class ShareLinkIn(Schema):
    days: Literal[7, 30, 90] = Field(description="How long the link works.")
    role: str | None = Field(None, description="Slug of a published role whose gaps the link shows.")


class ContactRequestOut(Schema):
    id: int
    recruiter: str = Field(description="The recruiter's name.")
    company: str
    message: str = Field(description="Plain text, as the recruiter wrote it.")
    status: Literal["pending", "accepted", "declined", "withdrawn", "expired"]
    answerable: bool
    can_accept_again: bool = Field(
        description="True after you withdrew your acceptance, until the recruiter may ask again: answering it with "
        "accept=true accepts it again."
    )
    created_at: datetime
    answered_at: datetime | None

    @staticmethod
    def resolve_recruiter(obj) -> str:
        return obj.recruiter_name

    @staticmethod
    def resolve_company(obj) -> str:
        return obj.recruiter_company

    @staticmethod
    def resolve_status(obj) -> str:
        return ContactRequest.Status.EXPIRED if obj.is_ignored else obj.status

    @staticmethod
    def resolve_answerable(obj) -> bool:
        return obj.is_answerable


class ContactAnswerIn(Schema):
    accept: bool = Field(
        description="True shows this recruiter your email address, and your name unless you show it to every "
        "recruiter already (or set none)."
    )


@router.get("/share-links", response={200: list[ShareLinkOut], **AUTH_ERRORS}, summary="Your share links")
def list_share_links(request: HttpRequest):
    return share_links_of(user=request.auth)


@router.post(
    "/share-links",
    response={201: NewShareLinkOut, 422: ErrorOut, **AUTH_ERRORS},
    summary="Make a read-only link to your profile",
)
def create_own_share_link(request: HttpRequest, payload: ShareLinkIn):
    role = None
    if payload.role is not None:
        role, missing = selectors.published_role(slug=payload.role)
        if role is None:
            raise InvalidInput({"role": [missing]})
    issued = create_share_link(user=request.auth, days=payload.days, role=role)
    link = ShareLink.objects.prefetch_related("views").select_related("role").get(pk=issued.link.pk)
    link.url = request.build_absolute_uri(reverse("share:profile", kwargs={"token": issued.token}))
    return Status(201, link)


def _own(rows: QuerySet, pk: int, missing: str):
    """The caller's own row of ``rows``, or a 404 (``missing``, given the id) alike whether the row is someone
    else's or does not exist."""
    found = rows.filter(pk=pk).first()
    if found is None:
        raise Http404(missing % {"id": pk})
    return found


def _own_link(request: HttpRequest, link_id: int) -> ShareLink:
    return _own(ShareLink.objects.filter(user=request.auth), link_id, _("You have no share link %(id)d."))


@router.post(
    "/share-links/{link_id}/revoke",
    response={200: ShareLinkOut, 404: ErrorOut, 422: ErrorOut, **AUTH_ERRORS},
    summary="Revoke a share link: it stops opening at once",
)
def revoke_own_share_link(request: HttpRequest, link_id: int):
    return revoke_share_link(user=request.auth, link=_own_link(request, link_id))


@router.get(
    "/contact-requests",
    response={200: list[ContactRequestOut], **AUTH_ERRORS},
    summary="Recruiters' requests for contact with you",
)
def list_contact_requests(request: HttpRequest):
    return list(ContactRequest.objects.filter(profile__user=request.auth)[:100])


def _own_request(request: HttpRequest, request_id: int) -> ContactRequest:
    requests = ContactRequest.objects.select_related("profile").filter(profile__user=request.auth)
    return _own(requests, request_id, _("You have no contact request %(id)d."))


@router.post(
    "/contact-requests/{request_id}/answer",
    response={200: ContactRequestOut, 404: ErrorOut, 422: ErrorOut, **AUTH_ERRORS},
    summary="Accept or decline a contact request, or accept again one whose acceptance you withdrew",
)
def answer_own_contact_request(request: HttpRequest, request_id: int, payload: ContactAnswerIn):
    contact = _own_request(request, request_id)
    link = candidate_url(request=request, contact_request=contact)
    return answer_contact_request(
        engineer=request.auth, contact_request=contact, accept=payload.accept, candidate_url=link
    )


@router.post(
    "/contact-requests/{request_id}/withdraw",
    response={200: ContactRequestOut, 404: ErrorOut, 422: ErrorOut, **AUTH_ERRORS},
    summary="Withdraw an acceptance: the recruiter no longer sees who you are",
)
def withdraw_own_acceptance(request: HttpRequest, request_id: int):
    contact = _own_request(request, request_id)
    link = candidate_url(request=request, contact_request=contact)
    return withdraw_acceptance(engineer=request.auth, contact_request=contact, candidate_url=link)
