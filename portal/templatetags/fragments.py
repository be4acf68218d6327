"""``{% fragment name vary_on… %}…{% endfragment %}``: Django's ``{% cache %}`` for fragments that hold forms.

The key varies on the active language and on ``vary_on`` (pass the version tokens of
the data shown, see :mod:`portal.fragments`). Forms inside keep each visitor's own
CSRF token. Only what the fragment reads is evaluated, and only when it is not
stored, so a view can pass querysets or lazy objects and skip their queries on a hit.
"""

from django import template

from portal.fragments import CSRF_PLACEHOLDER, fill_csrf, fragment_key, store, stored

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str, vary_on: list[template.base.FilterExpression]):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context: template.Context) -> str:
        key = fragment_key(self.name, *(variable.resolve(context) for variable in self.vary_on))
        html = stored(key)
        if html is None:
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                html = self.nodelist.render(context)
            store(key, html)
        return fill_csrf(html, context.get("csrf_token"))


@register.tag("fragment")
def do_fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])
