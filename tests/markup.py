"""Parts of a page's HTML as the server wrote it, for tests that look for a text or a link inside one element."""

import copy
import re

import lxml.html


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


def fact_rows(html: str) -> list[str]:
    """Each .fact-list in ``html`` as it reads on screen: its facts' visible text with the middle dot that its CSS
    draws between two of them. A row found here holds no typed "·" but one inside a fact."""
    lists = _tree(html).xpath(f"//ul[{_HAS_CLASS.format('fact-list')}]")
    return [" · ".join(_visible(fact) for fact in facts.xpath("./li")) for facts in lists]


_HAS_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"


def _tree(html: str):
    if re.match(r"\s*<(!doctype|html)\b", html, re.I):
        return lxml.html.document_fromstring(html)
    return lxml.html.fragment_fromstring(html, create_parent="div")


def _visible(element) -> str:
    """The element's text as a sighted reader sees it: what only screen readers hear (.visually-hidden) left out."""
    element = copy.deepcopy(element)
    for hidden in element.xpath(f".//*[{_HAS_CLASS.format('visually-hidden')}]"):
        hidden.drop_tree()  # keeps the text that follows it
    return " ".join(element.text_content().split())


def issue_key(html: str) -> str:
    """The hidden key a form that issues a secret was drawn with (portal.guards.issued_once)."""
    return re.search(r'name="issue_key" value="([^"]+)"', html).group(1)
