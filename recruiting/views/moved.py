"""The recruiter pages' old addresses under /skills/, sent on for good to the same page under /recruiting/."""

from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.encoding import iri_to_uri


def moved_to_recruiting(request: HttpRequest, page: str) -> HttpResponsePermanentRedirect:
    """301 to the page's new address with the same query string; the page itself then asks who is asking, so the
    redirect tells no one anything the new address would not."""
    query = request.META.get("QUERY_STRING", "")
    target = f"{reverse('recruiting:candidate-list').removesuffix('candidates/')}{iri_to_uri(page)}"
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
