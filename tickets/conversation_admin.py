"""Staff-side pieces of the conversation and response targets, for the admin's review queue.

Presentation only: the note is written by `tickets.services.conversation.note_add`.
`tickets/admin.py` mixes `SlaAdminMixin` into the review queue; the review page shows
the conversation with `{% staff_conversation ticket %}` (tickets/templatetags).
"""

from datetime import timedelta

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from tickets.models import Ticket
from tickets.permissions import REVIEW_TICKETS, staff_may
from tickets.services.conversation import note_add
from tickets.services.errors import ServiceError
from tickets.sla import due_within_q, overdue_q, sla_state, with_sla_due

SOON = timedelta(hours=1)


class SlaFilter(admin.SimpleListFilter):
    title = "response due"
    parameter_name = "response_due"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("soon", "Due within 1 hour"), ("on_time", "Later")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "overdue":
            return queryset.filter(overdue_q(now))
        if self.value() == "soon":
            return queryset.filter(due_within_q(SOON, now))
        if self.value() == "on_time":
            return queryset.exclude(overdue_q(now)).exclude(due_within_q(SOON, now))
        return queryset


class SlaAdminMixin:
    """A sortable "response due" column: time left, or how long overdue."""

    def get_queryset(self, request):
        return with_sla_due(super().get_queryset(request))

    @admin.display(description="Response due", ordering="sla_due")
    def sla(self, obj):
        return render_to_string("conversation/_sla.html", {"sla": sla_state(obj)})


@require_POST
@staff_member_required
def note_add_view(request, pk):
    """Add an internal note from the review page, then go back to it."""
    if not staff_may(request.user, REVIEW_TICKETS):
        raise PermissionDenied
    ticket = get_object_or_404(Ticket, pk=pk)
    try:
        note_add(ticket_id=ticket.pk, author=request.user, body=request.POST.get("note", ""))
    except ServiceError as exc:
        messages.error(request, f"Note not added: {exc}")
    else:
        messages.success(request, "Internal note added. The customer does not see it.")
    back = reverse("admin:tickets_awaitingreviewticket_change", args=[ticket.pk])
    return redirect(f"{back}#conversation")
