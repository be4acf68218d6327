"""``{% fragment name vary_on… kinds="a b" people=ids %}…{% endfragment %}``: cached HTML that may hold forms.

The key varies on the active language, on ``vary_on``, and on the version tokens of
the data the fragment shows: the kinds named in ``kinds`` and the own data of each
user in ``people`` (one id or several). Say it here, once, and no view has to list
them. Forms inside keep each visitor's own CSRF token. Only what the fragment reads
is evaluated, and only when it is not stored, so a view can pass querysets or lazy
objects and skip their queries on a hit.
"""

from collections.abc import Iterable

from django import template

from portal.cache.fragments import csrf_marker, fill_csrf, fragment_key, person_kind, store, stored, versions

register = template.Library()

KEYWORDS = ("kinds", "people")


def _ids(value: object) -> list[int]:
    if value in (None, ""):
        return []
    if isinstance(value, Iterable) and not isinstance(value, str):
        return [int(pk) for pk in value]
    return [int(value)]


class FragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str, vary_on: list, options: dict):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.options = options

    def render(self, context: template.Context) -> str:
        kinds = str(self.options["kinds"].resolve(context)).split() if "kinds" in self.options else []
        people = _ids(self.options["people"].resolve(context)) if "people" in self.options else []
        tokens = versions(*kinds, *(person_kind(pk) for pk in people))
        vary_on = [variable.resolve(context) for variable in self.vary_on]
        key = fragment_key(self.name, tokens, people, *vary_on)  # a person's fragment names them, not just a token
        html = stored(key)
        if html is None:
            with context.push(csrf_token=csrf_marker()):
                html = self.nodelist.render(context)
            store(key, html, people=people)
        return fill_csrf(html, context.get("csrf_token"))


@register.tag("fragment")
def do_fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name.")
    vary_on, options = [], {}
    for bit in bits[2:]:
        name, equals, value = bit.partition("=")
        if equals and name in KEYWORDS:
            options[name] = parser.compile_filter(value)
        else:
            vary_on.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1], vary_on, options)
