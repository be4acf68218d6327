"""Text that no field can store, as the raw bytes a client can send, and a way to send it.

The test client encodes str values as UTF-8 and cannot send a lone surrogate or
bytes that are not UTF-8 at all, so these build the query string or form body
themselves.
"""

from urllib.parse import quote_from_bytes

HOSTILE_BYTES = (
    b"\x00",
    b"a\x00b",
    b"\xc0\x80",  # over-long NUL
    b"\xc0\xaf",  # over-long "/"
    b"\xe0\x80\xaf",  # over-long "/", three bytes
    b"\xf0\x80\x80\xaf",  # over-long "/", four bytes
    b"\xed\xa0\x80",  # lone high surrogate U+D800
    b"\xed\xbf\xbf",  # lone low surrogate U+DFFF
    b"caf\xe9",  # Latin-1, not UTF-8
    b"\xff",
)
# The same, spelled as JSON escapes inside valid UTF-8.
HOSTILE_JSON_STRINGS = ("\x00", "a\x00b", "\ud800", "x\udfff")


def as_bytes(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8")


def form_encode(params: dict[str, str | bytes | list]) -> str:
    """``a=1&b=2`` from str or raw bytes values (a list repeats the key)."""
    pairs = []
    for key, value in params.items():
        for one in value if isinstance(value, list) else [value]:
            pairs.append(f"{quote_from_bytes(as_bytes(key))}={quote_from_bytes(as_bytes(one))}")
    return "&".join(pairs)


def is_hostile(params: dict[str, str | bytes | list]) -> bool:
    """Whether any key or value is text that the portal must refuse with 400."""
    for key, value in params.items():
        for one in [key, *(value if isinstance(value, list) else [value])]:
            raw = as_bytes(one)
            if b"\x00" in raw:
                return True
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return True
    return False
