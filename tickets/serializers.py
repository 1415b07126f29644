"""HTTP input and output shapes. One input and one output serializer per operation."""

import re

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ai_engine import ENGINE_NAMES, prompt_versions
from tickets.models import BODY_MAX, SUBJECT_MAX, Decision, Intent, Priority, Status, Ticket
from tickets.portal.links import portal_url
from tickets.services.redaction import text_masked, value_masked
from tickets.services.review import ACTIONS
from tickets.validators import customer_email_deliverable

# C0 controls except tab, newline and carriage return; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Half of a UTF-16 pair, which a JSON "\ud800" escape can produce: no database stores it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LINE_BREAK = re.compile(r"[\r\n]")
# Larger than any version or offset a real client sends, inside every database's integer.
INT_MAX = 2**31 - 1


class StrictCharField(serializers.CharField):
    """A CharField that refuses numbers and booleans instead of turning them into text."""

    default_error_messages = {
        "not_a_string": "Must be a string.",
        "control_chars": "Must not contain control characters.",
        "surrogate": "Must be valid Unicode text (no unpaired surrogates).",
        "line_break": "Must be a single line.",
    }

    def __init__(self, *, single_line: bool = False, **kwargs):
        self.single_line = single_line
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_a_string")
        if _CONTROL.search(data):
            self.fail("control_chars")
        if _SURROGATE.search(data):
            self.fail("surrogate")
        if self.single_line and _LINE_BREAK.search(data):
            self.fail("line_break")
        return super().to_internal_value(data)


class StrictEmailField(serializers.EmailField):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(customer_email_deliverable)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        if _CONTROL.search(data) or _SURROGATE.search(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class MaskedCharField(serializers.CharField):
    """Text shown with secrets and personal data masked ([card_number], [phone_number]...)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return text_masked(super().to_representation(value))


class MaskedJSONField(serializers.JSONField):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value_masked(value)


class StrictInputSerializer(serializers.Serializer):
    """Refuses fields it does not know, naming them: a typo is an error, not a no-op."""

    def to_internal_value(self, data):
        if hasattr(data, "keys"):
            unknown = sorted(set(data.keys()) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return super().to_internal_value(data)


# --- POST /tickets/ -------------------------------------------------------------


class TicketCreateInputSerializer(StrictInputSerializer):
    subject = StrictCharField(min_length=1, max_length=SUBJECT_MAX, single_line=True)
    body = StrictCharField(min_length=1, max_length=BODY_MAX)
    customer_email = StrictEmailField(max_length=254)


class TicketCreateOutputSerializer(serializers.Serializer):
    # Plain fields, not a ModelSerializer: this runs on every POST, and model
    # introspection per request was a visible share of its cost.
    id = serializers.UUIDField()
    subject = MaskedCharField()
    body = MaskedCharField()
    customer_email = serializers.EmailField()
    status = serializers.ChoiceField(choices=Status.choices)
    created_at = serializers.DateTimeField()
    access_token = serializers.SerializerMethodField(
        help_text="Shown only in this response. Present it as `Authorization: Bearer <token>` "
        "or `X-Ticket-Token` to read the ticket."
    )

    portal_url = serializers.SerializerMethodField(
        help_text="The customer's private page for this ticket: status, conversation, reply. "
        "Also in the confirmation email; keep it private."
    )

    def get_access_token(self, obj) -> str:
        return self.context["access_token"]

    def get_portal_url(self, obj) -> str:
        return portal_url(obj)


# --- GET /tickets/ and GET /tickets/{id} -----------------------------------------------


class DecisionOutputSerializer(serializers.ModelSerializer):
    # What the model said can echo the ticket (an LLM repeating a pasted card number).
    output = MaskedJSONField(allow_null=True)
    raw_output = MaskedCharField()
    error = MaskedCharField()

    class Meta:
        model = Decision
        fields = [
            "id",
            "engine",
            "model_name",
            "prompt_version",
            "prompt_hash",
            "input_hash",
            "output",
            "error",
            "raw_output",
            "raw_confidence",
            "routing_confidence",
            "resolvable_probability",
            "policy_margin",
            "final_priority",
            "guards",
            "latency_ms",
            "prompt_tokens",
            "completion_tokens",
            "routing_rule",
            "routing_outcome",
            "applied",
            "reused_from",
            "created_at",
        ]


_STAFF_TICKET_FIELDS = [
    "id",
    "subject",
    "body",
    "customer_email",
    "status",
    "intent",
    "priority",
    "confidence",
    "resolvable",
    "language",
    "guards",
    "suggestion",
    "policy_keys",
    "engine",
    "resolution",
    "decided_by",
    "routing_rule",
    "routing_reason",
    "has_secret",
    "created_at",
    "updated_at",
    "version",
]


class MaskedTicketTextMixin(serializers.Serializer):
    """The ticket's text as the API shows it by default: secrets and personal data masked.

    The original is only in POST /tickets/{id}/reveal, for agents with the permission.
    """

    subject = MaskedCharField()
    body = MaskedCharField()
    suggestion = MaskedCharField()
    resolution = MaskedCharField()
    has_secret = serializers.BooleanField(
        read_only=True, help_text="The text holds a secret (card, CVV, IBAN, password, key): purge it."
    )


class TicketListOutputSerializer(MaskedTicketTextMixin, serializers.ModelSerializer):
    class Meta:
        model = Ticket
        fields = _STAFF_TICKET_FIELDS


class TicketListPageOutputSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Exact up to 10,000; then 10,000 with count_capped.")
    count_capped = serializers.BooleanField(required=False)
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = TicketListOutputSerializer(many=True)


class TicketStaffOutputSerializer(MaskedTicketTextMixin, serializers.ModelSerializer):
    latest_decision = serializers.SerializerMethodField()

    class Meta:
        model = Ticket
        fields = [*_STAFF_TICKET_FIELDS, "latest_decision"]

    @extend_schema_field(DecisionOutputSerializer(allow_null=True))
    def get_latest_decision(self, obj):
        decision = obj.decisions.order_by("-created_at", "-id").first()
        return DecisionOutputSerializer(decision).data if decision else None


class TicketCustomerOutputSerializer(serializers.ModelSerializer):
    """What the customer sees of their own ticket: no AI internals, secrets masked
    (a token forwarded or leaked must not hand out the card number pasted into it)."""

    subject = MaskedCharField()
    body = MaskedCharField()
    resolution = MaskedCharField()
    access_token_expires_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="When this token stops working; null while open."
    )

    class Meta:
        model = Ticket
        fields = [
            "id",
            "subject",
            "body",
            "customer_email",
            "status",
            "resolution",
            "created_at",
            "updated_at",
            "access_token_expires_at",
        ]


class TicketListFilterSerializer(StrictInputSerializer):
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    intent = serializers.ChoiceField(choices=Intent.choices, required=False)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    customer_email = serializers.EmailField(required=False)
    ordering = serializers.ChoiceField(
        choices=["created_at", "-created_at", "priority", "-priority"], required=False
    )
    limit = serializers.IntegerField(min_value=1, max_value=500, required=False)
    cursor = serializers.CharField(
        required=False, max_length=500, help_text="From `next`: the page after the last row shown."
    )
    offset = serializers.IntegerField(
        min_value=0, max_value=INT_MAX, required=False, help_text="Deprecated: use `cursor`."
    )


# --- POST /tickets/{id}/triage --------------------------------------------------


class TicketTriageInputSerializer(StrictInputSerializer):
    force = serializers.BooleanField(
        default=False, help_text="Call the engine even if a stored decision for identical input exists."
    )
    engine = serializers.ChoiceField(choices=ENGINE_NAMES, required=False)
    prompt_version = StrictCharField(required=False, max_length=40, single_line=True)

    def validate_prompt_version(self, value: str) -> str:
        known = prompt_versions()
        if value not in known:
            raise serializers.ValidationError(f"Unknown prompt version; known: {', '.join(known)}.")
        return value


class RoutingOutputSerializer(serializers.Serializer):
    status = serializers.CharField()
    rule = serializers.CharField()
    reason = serializers.CharField()
    priority = serializers.CharField(allow_null=True)
    confidence = serializers.FloatField(allow_null=True)
    guards = serializers.ListField(child=serializers.CharField())


class TicketTriageOutputSerializer(serializers.Serializer):
    applied = serializers.BooleanField()
    routing = RoutingOutputSerializer()
    decision = DecisionOutputSerializer()
    ticket = TicketStaffOutputSerializer()


# --- POST /tickets/{id}/review --------------------------------------------------------


class TicketReviewInputSerializer(StrictInputSerializer):
    action = serializers.ChoiceField(choices=ACTIONS)
    intent = serializers.ChoiceField(
        choices=Intent.choices, required=False, help_text="Required by override; requeue may correct it."
    )
    priority = serializers.ChoiceField(
        choices=Priority.choices, required=False, help_text="Required by override; requeue may correct it."
    )
    answer = StrictCharField(required=False, max_length=BODY_MAX)
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=INT_MAX,
        help_text="The ticket version you saw; stale gives 409.",
    )

    def validate(self, attrs):
        if attrs["action"] == "override":
            missing = [f for f in ("intent", "priority", "answer") if not attrs.get(f)]
            if missing:
                raise serializers.ValidationError({f: ["Required for override."] for f in missing})
        extra = {
            "approve": {"answer"},
            "override": {"intent", "priority", "answer"},
            "requeue": {"intent", "priority"},
        }.get(attrs["action"], set())
        unexpected = sorted(set(attrs) - extra - {"action", "version"})
        if unexpected:
            raise serializers.ValidationError({f: [f"Not used by {attrs['action']}."] for f in unexpected})
        return attrs


# --- POST /tickets/{id}/reveal, /purge-secrets, /revoke-token ---------------------------


class TicketRevealOutputSerializer(serializers.ModelSerializer):
    """The original text, unmasked. Each call is recorded in the ticket's timeline."""

    class Meta:
        model = Ticket
        fields = ["id", "subject", "body", "suggestion", "resolution", "version"]


class TicketPurgeInputSerializer(StrictInputSerializer):
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=INT_MAX,
        help_text="The ticket version you saw; stale gives 409.",
    )


class TicketRevokeTokenOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    access_token_revoked_at = serializers.DateTimeField()


class ErrorOutputSerializer(serializers.Serializer):
    detail = serializers.CharField()


class UnavailableOutputSerializer(serializers.Serializer):
    detail = serializers.CharField()
    unavailable = serializers.ChoiceField(choices=["database", "redis"])


class ConflictOutputSerializer(serializers.Serializer):
    detail = serializers.CharField()
    ticket = TicketStaffOutputSerializer()
