"""``{% for cell in result|labelled_by:result_headers %}``: a change list's row whose cells carry their column's name
as ``data-label``, which admin.css shows beside each value when a phone stacks the row as a card (a CSS label needs
no script, and the CSP refuses inline styles)."""

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString
from django.utils.text import capfirst

register = template.Library()


@register.filter
def labelled_by(cells: list[SafeString], headers: list[dict]) -> list[SafeString]:
    return [labelled(cell, header) for cell, header in zip(cells, headers, strict=False)]


def labelled(cell: SafeString, header: dict) -> SafeString:
    """Django renders each cell as one ``<td …>`` or ``<th …>`` string (``admin.templatetags.admin_list``), already
    escaped: the label goes in as the tag's first attribute. A column without a name (the checkboxes) gets none."""
    label = strip_tags(str(header["text"])).strip()
    tag = cell[1:3]
    if not label or not cell.startswith("<") or tag not in ("td", "th"):
        return cell
    # Django's cell, escaped by the admin, with the escaped label put in: slicing a SafeString made it a plain str.
    return SafeString(format_html('<{} data-label="{}"', tag, capfirst(label)) + cell[3:])  # nosec B703
