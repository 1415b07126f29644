"""Django admin: the review queue agents work in. Presentation only; actions call services."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from tickets.models import (
    AuditEvent,
    AwaitingReviewTicket,
    Decision,
    Intent,
    IntentThreshold,
    Policy,
    Priority,
    Ticket,
)
from tickets.selectors import decision_latest
from tickets.services.errors import Conflict, InvalidAction
from tickets.services.review import ACTIONS, review_act
from tickets.services.submission import ticket_submit

REVIEW_PERMISSION = "tickets.review_ticket"
DONE = {
    "approve": "Approved",
    "override": "Overridden",
    "spam": "Closed as spam",
    "requeue": "Returned to the queue",
}


class ConfidenceBandFilter(admin.SimpleListFilter):
    title = "confidence band"
    parameter_name = "confidence_band"
    BANDS = {
        "none": ("No confidence", Q(confidence__isnull=True)),
        "low": ("Under 0.50", Q(confidence__lt=0.5)),
        "mid": ("0.50 to 0.80", Q(confidence__gte=0.5, confidence__lt=0.8)),
        "high": ("0.80 to 0.90", Q(confidence__gte=0.8, confidence__lt=0.9)),
        "top": ("0.90 and over", Q(confidence__gte=0.9)),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _) in self.BANDS.items()]

    def queryset(self, request, queryset):
        band = self.BANDS.get(self.value())
        return queryset.filter(band[1]) if band else queryset


class ReviewForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a.capitalize()) for a in ACTIONS])
    intent = forms.ChoiceField(choices=[("", "---"), *Intent.choices], required=False)
    priority = forms.ChoiceField(choices=[("", "---"), *Priority.choices], required=False)
    answer = forms.CharField(widget=forms.Textarea(attrs={"rows": 8, "cols": 90}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def service_fields(self) -> dict:
        data = self.cleaned_data
        fields = {"version": data["version"]}
        if data["action"] == "approve":
            fields["answer"] = data["answer"] or None
        if data["action"] == "override":
            fields |= {"intent": data["intent"], "priority": data["priority"], "answer": data["answer"]}
        return fields


def bulk_review(request, queryset, action: str) -> None:
    """Apply one review action ticket by ticket; each refusal is reported, none is silent."""
    done, refused = 0, []
    for ticket in queryset:
        try:
            review_act(ticket_id=ticket.pk, actor=request.user, action=action, version=ticket.version)
            done += 1
        except (Conflict, InvalidAction) as exc:
            refused.append(f"{ticket.subject}: {exc}")
    if done:
        messages.success(request, f"{DONE[action]}: {done} ticket(s).")
    for line in refused:
        messages.error(request, line)


class TicketDisplayMixin:
    """Read-only fields shared by the queue and the full ticket list."""

    @admin.display(description="Cited policies")
    def cited_policies(self, obj):
        if not obj.policy_keys:
            return "-"
        policies = {p.key: p for p in Policy.objects.filter(key__in=obj.policy_keys)}
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (reverse("admin:tickets_policy_change", args=[policies[k].pk]), k)
                for k in obj.policy_keys
                if k in policies
            ),
        ) or ", ".join(obj.policy_keys)

    @admin.display(description="Raw model output")
    def raw_output(self, obj):
        decision = decision_latest(obj)
        if decision is None:
            return "-"
        return format_html(
            "<details><summary>Show ({} · {})</summary><pre style='white-space:pre-wrap'>{}</pre>"
            "<p>{}</p></details>",
            decision.engine,
            decision.model_name or "-",
            decision.raw_output or "(empty)",
            decision.error,
        )

    @admin.display(description="Timeline")
    def timeline(self, obj):
        events = list(obj.events.select_related("actor").order_by("created_at", "id"))
        for event in events:
            event.who = event.actor.get_username() if event.actor else "system"
            # Field changes in words: "intent general_question → billing".
            event.changed = ", ".join(
                f"{name} {change[0] or '-'} → {change[1] or '-'}"
                for name, change in event.changes.items()
                if isinstance(change, list) and len(change) == 2
            )
        if not any(e.kind == AuditEvent.Kind.CREATED for e in events):
            # Submissions before the `created` event existed: the ticket itself records it.
            created = AuditEvent(kind=AuditEvent.Kind.CREATED, note="submitted by the customer")
            created.created_at, created.who, created.changed = obj.created_at, obj.customer_email, ""
            events.insert(0, created)
        return render_to_string("admin/tickets/timeline.html", {"events": events})


READ_ONLY_TICKET_FIELDS = (
    "id",
    "subject",
    "body",
    "customer_email",
    "status",
    "intent",
    "priority",
    "confidence",
    "suggestion",
    "cited_policies",
    "engine",
    "routing_rule",
    "routing_reason",
    "raw_output",
    "resolution",
    "decided_by",
    "version",
    "created_at",
    "updated_at",
    "answer_sent_at",
    "timeline",
)


@admin.register(AwaitingReviewTicket)
class ReviewQueueAdmin(TicketDisplayMixin, admin.ModelAdmin):
    list_display = ("subject", "priority", "intent", "confidence", "routing_rule", "engine", "created_at")
    list_filter = ("intent", "priority", ConfidenceBandFilter, "routing_rule", "engine")
    search_fields = ("subject", "body", "customer_email")
    ordering = ("-priority_rank", "created_at")
    readonly_fields = READ_ONLY_TICKET_FIELDS
    fields = READ_ONLY_TICKET_FIELDS
    actions = ["approve_selected", "spam_selected"]
    change_form_template = "admin/tickets/review_change_form.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(status="awaiting_review")
            .order_by("-priority_rank", "created_at")
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_view)
        return [path("<uuid:pk>/review/", review, name="tickets_review"), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        ticket = get_object_or_404(Ticket, pk=object_id)
        extra_context = {
            **(extra_context or {}),
            "can_review": request.user.has_perm(REVIEW_PERMISSION),
            "review_form": ReviewForm(initial={"answer": ticket.suggestion, "version": ticket.version}),
            "review_url": reverse("admin:tickets_review", args=[ticket.pk]),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def review_view(self, request, pk):
        if request.method != "POST" or not request.user.has_perm(REVIEW_PERMISSION):
            raise PermissionDenied
        ticket = get_object_or_404(Ticket, pk=pk)
        form = ReviewForm(request.POST)
        change_url = reverse("admin:tickets_awaitingreviewticket_change", args=[ticket.pk])
        if not form.is_valid():
            messages.error(request, f"Review not saved: {form.errors.as_text()}")
            return redirect(change_url)
        try:
            review_act(
                ticket_id=ticket.pk,
                actor=request.user,
                action=form.cleaned_data["action"],
                **form.service_fields(),
            )
        except Conflict as exc:
            # The agent sees the fresh state on the page they return to.
            messages.error(request, str(exc))
            return redirect(reverse("admin:tickets_ticket_change", args=[ticket.pk]))
        except InvalidAction as exc:
            messages.error(request, str(exc))
            return redirect(change_url)
        messages.success(request, f"{DONE[form.cleaned_data['action']]}: {ticket.subject}")
        return redirect(reverse("admin:tickets_awaitingreviewticket_changelist"))

    @admin.action(description="Approve selected (send the AI suggestion)", permissions=["review"])
    def approve_selected(self, request, queryset):
        bulk_review(request, queryset, "approve")

    @admin.action(description="Close selected as spam", permissions=["review"])
    def spam_selected(self, request, queryset):
        bulk_review(request, queryset, "spam")

    def has_review_permission(self, request):
        return request.user.has_perm(REVIEW_PERMISSION)


@admin.register(Ticket)
class TicketAdmin(TicketDisplayMixin, admin.ModelAdmin):
    list_display = ("subject", "status", "intent", "priority", "confidence", "decided_by", "created_at")
    list_filter = ("status", "intent", "priority", "decided_by", "routing_rule", "engine")
    search_fields = ("subject", "body", "customer_email")
    readonly_fields = READ_ONLY_TICKET_FIELDS
    actions = ["requeue_selected"]

    def get_fields(self, request, obj=None):
        return ("subject", "body", "customer_email") if obj is None else READ_ONLY_TICKET_FIELDS

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else READ_ONLY_TICKET_FIELDS

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # Admin-entered tickets go through the same service as the API.
        ticket, token = ticket_submit(
            subject=obj.subject, body=obj.body, customer_email=obj.customer_email, actor=request.user
        )
        obj.pk, obj._state.adding = ticket.pk, False
        messages.info(request, f"Customer access token (shown once): {token}")

    @admin.action(description="Return selected to the review queue", permissions=["review"])
    def requeue_selected(self, request, queryset):
        bulk_review(request, queryset, "requeue")

    def has_review_permission(self, request):
        return request.user.has_perm(REVIEW_PERMISSION)


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ("key", "title", "intents", "active", "updated_at")
    list_filter = ("active",)
    search_fields = ("key", "title", "text")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = (
        "ticket",
        "engine",
        "model_name",
        "prompt_version",
        "routing_rule",
        "applied",
        "created_at",
    )
    list_filter = ("engine", "applied", "routing_rule", "prompt_version")
    search_fields = ("ticket__subject", "input_hash")


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("ticket", "kind", "action", "actor", "created_at")
    list_filter = ("kind", "action")


@admin.register(IntentThreshold)
class IntentThresholdAdmin(admin.ModelAdmin):
    list_display = ("intent", "threshold", "updated_at")
