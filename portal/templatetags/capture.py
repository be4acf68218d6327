"""``{% capture name %}…{% endcapture %}``: render a piece of template once and keep it as a variable.

Django renders a block only once, so ``base.html`` captures the page's ``title`` block
into ``page_title`` and shows it in ``<title>``, the breadcrumb and the ``<h1>``: a page
says its title once. What is kept is already escaped template output.
"""

from django import template

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str):
        self.nodelist = nodelist
        self.name = name

    def render(self, context: template.Context) -> str:
        context[self.name] = self.nodelist.render(context)
        return ""


@register.tag
def capture(parser: template.base.Parser, token: template.base.Token) -> CaptureNode:
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("capture takes one argument: the variable's name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])
