"""`{% staff_conversation ticket %}`: the conversation with internal notes, for staff pages."""

from django import template
from django.urls import reverse

from ai_engine import secrets_mask
from tickets.permissions import REVIEW_TICKETS, staff_may
from tickets.selectors import conversation_for_staff
from tickets.sla import sla_state

register = template.Library()


@register.inclusion_tag("conversation/staff.html", takes_context=True)
def staff_conversation(context, ticket, *, after_body: bool = True):
    """With `after_body` the opening message is left out: the page shows the body above it."""
    conversation = conversation_for_staff(ticket)
    if (
        after_body
        and conversation
        and conversation[0].kind == "customer"
        and conversation[0].body == ticket.body
    ):
        conversation = conversation[1:]
    for message in conversation:
        # Staff pages show secrets masked (triage rubric, section 5).
        message.shown = secrets_mask(message.body)
    request = context.get("request")
    return {
        "ticket": ticket,
        "conversation": conversation,
        "sla": sla_state(ticket),
        "can_note": bool(request and staff_may(request.user, REVIEW_TICKETS)),
        "note_url": reverse("staff-note-add", args=[ticket.pk]),
    }
