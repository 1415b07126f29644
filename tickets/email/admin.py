"""Admin pages for agents: the quarantine (mail that did not become a ticket, and why) and
the mail that did, as it came. Read-only: mail is evidence, not something to edit."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from tickets.email.models import InboundEmail, QuarantinedEmail
from tickets.services.redaction import text_masked

SHOWN_BYTES = 100_000


def _raw_shown(raw) -> str:
    """The mail as text, secrets masked like every staff page (the unmasked bytes are a
    download for those who may reveal secrets)."""
    data = bytes(raw)
    text = data[:SHOWN_BYTES].decode("utf-8", errors="replace")
    text = text_masked(text)
    return text + (f"\n[... {len(data) - SHOWN_BYTES} more bytes]" if len(data) > SHOWN_BYTES else "")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(QuarantinedEmail)
class QuarantinedEmailAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "reason", "sender", "subject", "size", "channel")
    list_filter = ("reason", "channel")
    search_fields = ("sender", "subject", "email_message_id", "detail")
    fields = (
        "created_at",
        "reason",
        "detail",
        "channel",
        "sender",
        "subject",
        "email_message_id",
        "size",
        "message",
    )
    readonly_fields = fields

    @admin.display(description="the message as it came (as text)")
    def message(self, obj):
        return format_html("<pre class='raw-mail'>{}</pre>", _raw_shown(obj.raw))


@admin.register(InboundEmail)
class InboundEmailAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "sender", "subject", "automatic", "channel")
    list_filter = ("channel",)
    search_fields = ("sender", "subject", "email_message_id")
    fields = (
        "created_at",
        "ticket_link",
        "sender",
        "subject",
        "email_message_id",
        "automatic",
        "channel",
        "message",
    )
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).defer("raw")

    @admin.display(description="ticket")
    def ticket_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:tickets_ticket_change", args=[obj.ticket_id]), obj.ticket
        )

    @admin.display(description="the message as it came (as text)")
    def message(self, obj):
        if obj.raw_purged_at:
            return f"Removed on {obj.raw_purged_at:%Y-%m-%d} by the mail retention (purge_mail)."
        return format_html("<pre class='raw-mail'>{}</pre>", _raw_shown(obj.raw))
