"""Parts of a page's HTML as the server wrote it, for tests that look for a text or a link inside one element."""

import re


def inside(html: str, element_id: str, tag: str = "li") -> str:
    """What the ``tag`` element with ``element_id`` holds, elements of the same tag nested in it included (a row whose
    facts are a list of their own), exactly as written: no parser re-encodes its text."""
    start = re.search(rf'<{tag}\b[^>]*\bid="{re.escape(element_id)}"[^>]*>', html).end()
    depth = 1
    for found in re.finditer(rf"<(/?){tag}\b", html[start:]):
        depth += -1 if found.group(1) else 1
        if not depth:
            return html[start : start + found.start()]
    raise AssertionError(f"<{tag} id={element_id!r}> is not closed")
