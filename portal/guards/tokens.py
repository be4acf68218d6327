"""Secret tokens handed out once (personal API tokens, share links): 256 random bits, of which only a digest is kept.

The plain token exists only in the answer to whoever asked for it; a lookup is by digest, so no comparison of the
secret itself can leak through timing, and a leaked table gives nobody a usable token.
"""

import hashlib
import secrets
from typing import NamedTuple


class IssuedSecret(NamedTuple):
    plain: str  # shown once, never stored
    digest: str  # what is stored and looked up


def issue() -> IssuedSecret:
    """A new random token (43 URL-safe characters) and its digest."""
    plain = secrets.token_urlsafe(32)
    return IssuedSecret(plain=plain, digest=digest(plain))


def digest(plain: str) -> str:
    """The SHA-256 of a token, in hex: what is stored, and what a presented token is looked up by."""
    return hashlib.sha256(plain.encode()).hexdigest()
