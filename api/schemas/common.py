"""What every endpoint shares: the error body and paging."""

from typing import Annotated

from ninja import Field, Schema

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 1_000_000

# Ids beyond a 64-bit integer cannot exist, and some databases refuse to even compare with them.
ItemId = Annotated[int, Field(ge=1, le=2**63 - 1)]


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in one sentence.")
    errors: dict[str, list[str]] = Field(
        default_factory=dict, description="Messages per input field, when the input was not valid."
    )


# What any endpoint that needs a signed-in caller may answer besides its own results.
AUTH_ERRORS = {401: ErrorOut, 403: ErrorOut, 429: ErrorOut}


class PageParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"How many items to return (1–{MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")


class PageOut(Schema):
    count: int = Field(description="How many items match in total.")
    limit: int
    offset: int
