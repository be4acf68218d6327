"""Where a request comes from, for limits per client address (the API's anonymous calls, e-mails sent again)."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The caller's address: REMOTE_ADDR, or behind a proxy the header it sets (``CLIENT_ADDRESS_HEADER``).

    Only a header the proxy itself writes may be named: a client can send any header it likes.
    """
    header = settings.CLIENT_ADDRESS_HEADER
    if header:
        forwarded = request.META.get(header, "")
        return forwarded.split(",")[-1].strip()  # the hop the proxy added, not what the client claimed
    return request.META.get("REMOTE_ADDR", "")
