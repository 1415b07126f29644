"""Django admin: the review queue agents work in. Presentation only; actions call services."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime

from tickets.admin_review import (
    ReviewForm,
    conflict_context,
    filters_of,
    next_in_queue,
    queue_url,
    review_page_context,
    review_page_url,
)
from tickets.clients import client_from_request
from tickets.conversation_admin import SlaAdminMixin, SlaFilter
from tickets.email import admin as email_admin  # noqa: F401 (registers the quarantine and mail pages)
from tickets.models import (
    AuditEvent,
    AwaitingReviewTicket,
    Decision,
    IntentThreshold,
    Policy,
    Source,
    Ticket,
)
from tickets.permissions import PURGE_SECRETS, REVEAL_SECRETS
from tickets.selectors import decision_latest
from tickets.services.errors import Conflict, InvalidAction
from tickets.services.redaction import text_masked, ticket_secrets_purge, ticket_secrets_reveal
from tickets.services.review import review_act
from tickets.services.review_bulk import review_bulk, review_bulk_refusal
from tickets.services.submission import ticket_submit
from tickets.timeline import timeline_entries

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


def bulk_review(request, queryset, action: str, versions: dict[str, int] | None = None) -> None:
    """Apply one review action ticket by ticket; each refusal is reported, none is silent."""
    outcome = review_bulk(tickets=queryset, actor=request.user, action=action, versions=versions)
    if outcome.done:
        messages.success(request, f"{DONE[action]}: {len(outcome.done)} ticket(s).")
    for ticket, reason in outcome.refused:
        messages.error(request, f"Not {DONE[action].lower()}: {ticket.subject}: {reason}")


class TicketDisplayMixin:
    """Read-only fields shared by the queue and the full ticket list."""

    @admin.display(description="Guards")
    def guards_fired(self, obj):
        return ", ".join(obj.guards) or "-"  # the stored JSON list read as words

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
            text_masked(decision.raw_output) or "(empty)",
            text_masked(decision.error),
        )

    # Secrets and personal data are masked wherever staff see ticket text (rubric section 5);
    # the review page reveals the original to those allowed, and records that they looked.
    @admin.display(description="Subject")
    def subject_masked(self, obj):
        return text_masked(obj.subject)

    @admin.display(description="Body")
    def body_masked(self, obj):
        return text_masked(obj.body)

    @admin.display(description="Suggestion")
    def suggestion_masked(self, obj):
        return text_masked(obj.suggestion)

    @admin.display(description="Resolution")
    def resolution_masked(self, obj):
        return text_masked(obj.resolution)

    @admin.display(description="Timeline")
    def timeline(self, obj):
        return render_to_string("admin/tickets/timeline.html", {"entries": timeline_entries(obj)})

    @admin.display(description="Review page")
    def review_page(self, obj):
        return format_html('<a href="{}">Open the review page</a>', review_page_url(obj.pk))


READ_ONLY_TICKET_FIELDS = (
    "review_page",
    "id",
    "subject_masked",
    "body_masked",
    "customer_email",
    "status",
    "intent",
    "priority",
    "confidence",
    "resolvable",
    "language",
    "guards_fired",
    "suggestion_masked",
    "cited_policies",
    "engine",
    "routing_rule",
    "routing_reason",
    "raw_output",
    "resolution_masked",
    "decided_by",
    "version",
    "created_at",
    "updated_at",
    "answer_sent_at",
    "timeline",
)


@admin.register(AwaitingReviewTicket)
class ReviewQueueAdmin(SlaAdminMixin, TicketDisplayMixin, admin.ModelAdmin):
    list_display = (
        "subject_masked",
        "priority",
        "sla",
        "intent",
        "confidence",
        "guards_fired",
        "rule",
        "engine",
        "received",
    )
    list_filter = ("intent", "priority", SlaFilter, ConfidenceBandFilter, "routing_rule", "engine")
    search_fields = ("subject", "body", "customer_email")
    ordering = ("-priority_rank", "created_at", "id")
    readonly_fields = READ_ONLY_TICKET_FIELDS
    fields = READ_ONLY_TICKET_FIELDS
    actions = ["approve_selected", "spam_selected"]

    class Media:
        css = {"all": ("tickets/queue.css",)}

    def changelist_view(self, request, extra_context=None):
        # At 1366 px the app sidebar left the table 700 px: subjects wrapped a word a line
        # and the last columns scrolled out of sight. The breadcrumbs still lead home.
        return super().changelist_view(request, {"is_nav_sidebar_enabled": False, **(extra_context or {})})

    @admin.display(description="Rule", ordering="routing_rule")
    def rule(self, obj):
        return obj.routing_rule.partition(":")[0]  # "guard:legal_threat": the Guards column names it

    @admin.display(description="Received", ordering="created_at")
    def received(self, obj):
        return date_format(localtime(obj.created_at), "Y-m-d H:i")  # Django's default ran off the table

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(status="awaiting_review")
            .order_by("-priority_rank", "created_at", "id")
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_review_permission(self, request):
        return request.user.has_perm(REVIEW_PERMISSION)

    def get_urls(self):
        review = self.admin_site.admin_view(self.review_view)
        purge = self.admin_site.admin_view(self.purge_view)
        return [
            path("<uuid:pk>/review/", review, name="tickets_review"),
            path("<uuid:pk>/purge-secrets/", purge, name="tickets_purge_secrets"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The review page, for a ticket in any status: it shows where the ticket is now."""
        if request.method != "GET" or not self.has_view_permission(request):
            raise PermissionDenied
        ticket = _ticket_or_404(object_id)
        revealed = False
        if request.GET.get("reveal") == "1" and request.user.has_perm(REVEAL_SECRETS):
            ticket_secrets_reveal(ticket_id=ticket.pk, actor=request.user)  # audited
            revealed = True
        return self.review_page(request, ticket, ReviewForm.for_ticket(ticket), revealed=revealed)

    def purge_view(self, request, pk):
        if request.method != "POST" or not request.user.has_perm(PURGE_SECRETS):
            raise PermissionDenied
        ticket = _ticket_or_404(pk)
        if request.POST.get("confirm") != "yes":
            # Purging cannot be undone: one stray click must not destroy the original text.
            messages.error(
                request, "Nothing was purged: tick the box to confirm that purging cannot be undone."
            )
            return redirect(review_page_url(ticket.pk, filters_of(request)))
        try:
            ticket_secrets_purge(
                ticket_id=ticket.pk, actor=request.user, version=_int(request.POST.get("version"))
            )
            messages.success(request, "Secrets and personal data were masked in this ticket for good.")
        except (Conflict, InvalidAction) as exc:
            messages.error(request, str(exc))
        return redirect(review_page_url(ticket.pk, filters_of(request)))

    def review_page(self, request, ticket, form, *, conflict=None, status=200, revealed=False):
        context = {
            **self.admin_site.each_context(request),
            **review_page_context(ticket, filters=filters_of(request)),
            # The page needs the width: the decision and the ticket share the first screen.
            "is_nav_sidebar_enabled": False,
            "opts": self.opts,
            "title": f"Review: {ticket.subject}",
            "can_review": self.has_review_permission(request),
            "form": form,
            "conflict": conflict,
            "revealed": revealed,
            "can_reveal": request.user.has_perm(REVEAL_SECRETS),
            "can_purge": request.user.has_perm(PURGE_SECRETS),
            "purge_url": reverse("admin:tickets_purge_secrets", args=[ticket.pk]),
        }
        return TemplateResponse(request, "admin/tickets/review.html", context, status=status)

    def review_view(self, request, pk):
        if request.method != "POST" or not self.has_review_permission(request):
            raise PermissionDenied
        ticket = _ticket_or_404(pk)
        form = ReviewForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Review not saved: see the form below.")
            return self.review_page(request, ticket, form, status=400)
        action = form.cleaned_data["action"]
        try:
            ticket = review_act(
                ticket_id=ticket.pk, actor=request.user, action=action, **form.service_fields()
            )
        except Conflict as exc:
            # Back on the same page: the ticket as it is now, the agent's input kept.
            current = exc.ticket
            conflict = conflict_context(current, message=str(exc), loaded_at=form.cleaned_data["loaded_at"])
            return self.review_page(request, current, form.kept_for(current), conflict=conflict, status=409)
        except InvalidAction as exc:
            # The services name the field first ("answer: ...", for API clients); on the page
            # the message goes under that field, without the prefix.
            field, named, message = str(exc).partition(": ")
            if named and field in form.fields:
                form.add_error(field, message[:1].upper() + message[1:])
            else:
                form.add_error(None, str(exc))
            return self.review_page(request, ticket, form, status=400)
        messages.success(request, f"{DONE[action]}: {ticket.subject}")
        filters = filters_of(request)
        following = next_in_queue(self, request, after=ticket, filters=filters)
        if following is None:
            messages.info(request, "No more tickets waiting in this list.")
            return redirect(queue_url(filters))
        return redirect(review_page_url(following.pk, filters))

    @admin.action(description="Approve selected (send the AI suggestion)", permissions=["review"])
    def approve_selected(self, request, queryset):
        tickets = list(queryset)
        if request.POST.get("confirm") != "yes":
            # Replies nobody read one by one: show them, and what is refused, before sending.
            refusals = [(t, review_bulk_refusal(ticket=t, action="approve")) for t in tickets]
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": "Approve these tickets?",
                "approvable": [t for t, reason in refusals if not reason],
                "refused": [(t, reason) for t, reason in refusals if reason],
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/tickets/bulk_approve_confirm.html", context)
        # The versions shown on the confirmation page: a ticket changed since is refused.
        versions = {
            key.removeprefix("version_"): int(value)
            for key, value in request.POST.items()
            if key.startswith("version_") and value.isdigit()
        }
        bulk_review(request, tickets, "approve", versions=versions)
        return None

    @admin.action(description="Close selected as spam", permissions=["review"])
    def spam_selected(self, request, queryset):
        bulk_review(request, queryset, "spam")


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _ticket_or_404(pk) -> Ticket:
    try:
        ticket = Ticket.objects.filter(pk=pk).first()
    except ValidationError:  # not a UUID
        ticket = None
    if ticket is None:
        raise Http404("No such ticket.")
    return ticket


@admin.register(Ticket)
class TicketAdmin(TicketDisplayMixin, admin.ModelAdmin):
    list_display = (
        "subject_masked",
        "status",
        "intent",
        "priority",
        "confidence",
        "decided_by",
        "created_at",
    )
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
            subject=obj.subject,
            body=obj.body,
            customer_email=obj.customer_email,
            actor=request.user,
            source=Source.ADMIN,
            client=client_from_request(request),
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.missing_translations:
            # Allowed (the English text is quoted instead), but rarely meant: saving the JSON
            # with one language drops the others.
            messages.warning(
                request,
                f"No {', '.join(obj.missing_translations)} text in {obj.key}: customers writing in "
                "those languages get the English text.",
            )


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
