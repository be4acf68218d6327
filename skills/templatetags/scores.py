"""``{{ score|out_of_100 }}``: a match score in the one form every page writes it (``partials/score.html``)."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def out_of_100(score: int) -> SafeString:
    """The score inside a sentence ("Match: {{ score }}."); a page's large figure includes the partial itself.

    The partial's output is escaped template output; ``strip`` (the file's line breaks would put a space before the
    sentence's full stop) returns a plain ``str``, so it is made a ``SafeString`` again.
    """
    rendered = render_to_string("partials/score.html", {"score": score})
    # Autoescaped template output, only its line break trimmed.
    return SafeString(rendered.strip())  # nosec B703
