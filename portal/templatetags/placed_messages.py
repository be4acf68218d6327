"""``{% unclaimed_messages as top_messages %}``: the messages ``base.html`` shows at the top, without those the page
shows beside their row (``shown_in_place``, portal.placed_messages)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def unclaimed_messages(context: template.Context) -> list:
    shown = {id(message) for message in context.get("shown_in_place") or ()}
    return [message for message in context.get("messages") or () if id(message) not in shown]
