"""The review page in admin: the form, what the page shows, and where the agent goes next.

Presentation only: every change goes through `tickets.services.review`.
"""

from copy import copy
from datetime import datetime
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ORDER_VAR
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from tickets.email.selectors import ticket_mail
from tickets.models import Intent, Policy, Priority, Ticket
from tickets.rules import Rule
from tickets.selectors import answer_rejected, of_customer
from tickets.services.approval import foreign_language_note
from tickets.services.review import ACTIONS
from tickets.timeline import timeline_entries

OTHER_TICKETS_SHOWN = 10
FILTERS = "_changelist_filters"  # how Django admin carries the list's filters to an object page


class ReviewForm(forms.Form):
    # No initial action: the agent chooses one every time.
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS], error_messages={"required": "Choose one."})
    intent = forms.ChoiceField(choices=[("", "---"), *Intent.choices], required=False)
    priority = forms.ChoiceField(choices=[("", "---"), *Priority.choices], required=False)
    answer = forms.CharField(widget=forms.Textarea(attrs={"rows": 9}), required=False, strip=False)
    version = forms.IntegerField(widget=forms.HiddenInput)
    # When the agent opened the page: "who changed what since" after a refused review.
    loaded_at = forms.DateTimeField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        if data.get("action") == "override":
            # An override sets both: say which is missing here, beside its field.
            for field in ("intent", "priority"):
                if not data.get(field):
                    self.add_error(field, f"choose the {field} to override with.")
        return data

    @classmethod
    def for_ticket(cls, ticket: Ticket) -> "ReviewForm":
        form = cls(
            initial={
                "answer": ticket.suggestion,
                "intent": ticket.intent or "",
                "priority": ticket.priority or "",
                "version": ticket.version,
                "loaded_at": timezone.now().isoformat(),
            }
        )
        if not ticket.policy_keys and ticket.suggestion:
            # A suggestion that cites no policy is a note to the agent ("No written policy
            # answers this ticket ...") or an ungrounded draft, never a reply to send as is
            # (approve refuses it): the agent starts from an empty box and still sees it.
            form.initial["answer"] = ""
            form.fields["answer"].widget.attrs["placeholder"] = (
                f"The AI cites no written policy, so write the reply yourself. It said: {ticket.suggestion}"
            )
        rejected = answer_rejected(ticket)
        if rejected is not None and rejected.strip() == ticket.suggestion.strip():
            # Not the answer the customer just turned down: the agent starts a new one.
            form.initial["answer"] = ""
            form.fields["answer"].widget.attrs["placeholder"] = (
                "The customer said the answer they were sent did not solve it (see the "
                "conversation). Write a new reply."
            )
        return form

    def service_fields(self) -> dict:
        data = self.cleaned_data
        fields = {"version": data["version"]}
        if data["action"] == "approve":
            fields["answer"] = data["answer"] or None
        if data["action"] == "override":
            fields |= {"intent": data["intent"], "priority": data["priority"], "answer": data["answer"]}
        if data["action"] == "requeue":
            # The intent and priority shown are the ticket's: only what the agent changed moves.
            fields |= {"intent": data["intent"] or None, "priority": data["priority"] or None}
        return fields

    def kept_for(self, ticket: Ticket) -> "ReviewForm":
        """The agent's input, ready to submit again against the ticket as it is now."""
        data = self.data.copy()
        data["version"] = str(ticket.version)
        data["loaded_at"] = timezone.now().isoformat()
        return ReviewForm(data)


def filters_of(request) -> str:
    """The review queue's filters the agent came from, as a query string ("" when none)."""
    return request.GET.get(FILTERS, "")


def with_filters(url: str, filters: str) -> str:
    return f"{url}?{urlencode({FILTERS: filters})}" if filters else url


def review_page_url(ticket_id, filters: str = "") -> str:
    return with_filters(reverse("admin:tickets_awaitingreviewticket_change", args=[ticket_id]), filters)


def queue_url(filters: str = "") -> str:
    url = reverse("admin:tickets_awaitingreviewticket_changelist")
    return f"{url}?{filters}" if filters else url


def next_in_queue(model_admin, request, *, after: Ticket, filters: str) -> Ticket | None:
    """The next waiting ticket of the same list (filters, search, sort), other than `after`.

    The list's own machinery applies the filters and any sort the agent chose; without
    one, "next" is the oldest waiting ticket, so nothing waits forever behind newer ones.
    """
    listing = copy(request)
    listing.method, listing.GET, listing.POST = "GET", QueryDict(filters), QueryDict()
    try:
        changelist = model_admin.get_changelist_instance(listing)
    except IncorrectLookupParameters:
        return None
    waiting = changelist.get_queryset(listing).exclude(pk=after.pk)
    if ORDER_VAR not in listing.GET:
        waiting = waiting.order_by("created_at", "id")
    return waiting.first()


def review_page_context(ticket: Ticket, *, filters: str) -> dict:
    """What the review page shows, besides the form."""
    rule, _, guard = ticket.routing_rule.partition(":")
    policies = {p.key: p.pk for p in Policy.objects.filter(key__in=ticket.policy_keys)}
    others = list(
        of_customer(Ticket.objects.all(), ticket.customer_email)
        .exclude(pk=ticket.pk)
        .order_by("-created_at")[:OTHER_TICKETS_SHOWN]
    )
    for other in others:
        other.review_url = review_page_url(other.pk, filters)
    decisions = list(ticket.decisions.order_by("-created_at", "-id"))
    return {
        "ticket": ticket,
        "ai": ai_recommendation(ticket, decisions),
        "original": ticket,
        "rule": rule,
        "guard": guard if rule == Rule.GUARD else "",
        "policies": [
            (key, reverse("admin:tickets_policy_change", args=[policies[key]]) if key in policies else "")
            for key in ticket.policy_keys
        ],
        "other_tickets": others,
        "entries": timeline_entries(ticket),
        "decisions": decisions,
        "ticket_url": reverse("admin:tickets_ticket_change", args=[ticket.pk]),
        "queue_url": queue_url(filters),
        "review_url": with_filters(reverse("admin:tickets_review", args=[ticket.pk]), filters),
        "filtered": bool(filters),
        "mail": ticket_mail(ticket),
        "attachment_limit": settings.INBOUND_ATTACHMENT_MAX_BYTES,
        "approve_caution": approve_caution(ticket),
    }


def approve_caution(ticket: Ticket) -> str:
    """Why approving the suggestion as written may not be enough ("" when nothing speaks
    against it). Approve sends the reply and resolves the ticket; bulk approve refuses
    these tickets, and on the single page the agent is told before choosing."""
    if ticket.has_secret:  # approve and override refuse until it is purged
        return (
            "This ticket holds a secret the customer sent: purge it before you answer, and tell "
            "the customer in the reply to treat it as exposed."
        )
    if not ticket.suggestion.strip() or not ticket.policy_keys:
        return ""  # nothing to approve as written: the box is empty (see ReviewForm)
    reasons = []
    if ticket.priority == Priority.HIGH:
        reasons.append("it is high priority")
    if ticket.resolvable is False:
        reasons.append("the AI judged that a written answer does not resolve it")
    if ticket.guards:
        reasons.append(f"guard {', '.join(ticket.guards)} fired")
    if foreign := foreign_language_note(ticket):
        reasons.append(foreign)
    if not reasons:
        return ""
    return (
        f"The suggested reply quotes a policy, but {' and '.join(reasons)}. Approve sends it and marks "
        "the ticket resolved: do what the customer needs first (a refund, an investigation), "
        "or write what happens next."
    )


def ai_recommendation(ticket: Ticket, decisions: list) -> dict:
    """What the AI said, from the last decision applied to the ticket: after an agent's
    override the ticket holds the agent's intent and priority, not the AI's."""
    applied = next((d for d in decisions if d.applied and d.output), None)
    if applied is None:  # never triaged by an engine (or only refused): the ticket's own fields
        return {
            "intent": ticket.intent,
            "priority": ticket.priority,
            "confidence": ticket.confidence,
            "resolvable": ticket.resolvable,
            "engine": ticket.engine,
        }
    return {
        "intent": applied.output.get("intent", ""),
        "priority": applied.final_priority or applied.output.get("priority", ""),
        "confidence": applied.routing_confidence,
        "resolvable": applied.output.get("resolvable"),
        "engine": applied.engine,
    }


def conflict_context(ticket: Ticket, *, message: str, loaded_at: datetime | None) -> dict:
    """Who changed what since the agent opened the page (the last change when that is unknown)."""
    entries = timeline_entries(ticket, since=loaded_at) if loaded_at else []
    if not entries:
        entries = timeline_entries(ticket)[-1:]
    return {"message": message, "entries": entries}
