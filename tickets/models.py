import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Length, Upper
from django.utils import timezone

from ai_engine import ANSWER_LANGUAGES, INTENTS, PRIORITIES, secrets_find, secrets_mask
from tickets.validators import customer_email_deliverable

# Lets constraints say `subject__length__gte=1`.
models.CharField.register_lookup(Length)
models.TextField.register_lookup(Length)

SUBJECT_MAX = 200
BODY_MAX = 20_000
USER_AGENT_MAX = 300


# The vocabularies are ai_engine's; the choices are built from them, never retyped.
Intent = models.TextChoices("Intent", [(value.upper(), value) for value in INTENTS])
Priority = models.TextChoices("Priority", [(value.upper(), value) for value in PRIORITIES])


class Status(models.TextChoices):
    NEW = "new"
    TRIAGING = "triaging"
    AUTO_RESOLVED = "auto_resolved"
    AWAITING_REVIEW = "awaiting_review"
    RESOLVED = "resolved"
    CLOSED = "closed"


# A ticket in one of these has had its answer; the customer's token starts to age.
CLOSED_STATUSES = (Status.AUTO_RESOLVED, Status.RESOLVED, Status.CLOSED)


class DecidedBy(models.TextChoices):
    AI = "ai"
    HUMAN = "human"


def _in_choices(field: str, choices: type[models.TextChoices], *, nullable: bool) -> Q:
    check = Q(**{f"{field}__in": choices.values})
    return check | Q(**{f"{field}__isnull": True}) if nullable else check


class Ticket(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.CharField(max_length=SUBJECT_MAX)
    body = models.TextField(max_length=BODY_MAX)
    customer_email = models.EmailField(validators=[customer_email_deliverable])
    access_token_hash = models.CharField(max_length=64, editable=False)
    # Set when the customer's token is revoked; it never works again.
    access_token_revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    intent = models.CharField(max_length=20, choices=Intent.choices, null=True, blank=True)
    priority = models.CharField(max_length=10, choices=Priority.choices, null=True, blank=True)
    # Sorting "high, medium, low" by text is wrong; the database keeps a rank.
    priority_rank = models.GeneratedField(
        expression=Case(
            When(priority="high", then=Value(3)),
            When(priority="medium", then=Value(2)),
            When(priority="low", then=Value(1)),
            default=Value(0),
        ),
        output_field=models.SmallIntegerField(),
        db_persist=True,
    )
    # The routing confidence: the chance that intent and resolvability are both right.
    confidence = models.FloatField(null=True, blank=True)
    resolvable = models.BooleanField(null=True, blank=True)
    language = models.CharField(max_length=8, blank=True, default="")
    guards = models.JSONField(default=list, blank=True, help_text="Guards that fired on the text.")
    suggestion = models.TextField(blank=True, default="")
    policy_keys = models.JSONField(default=list, blank=True)
    engine = models.CharField(max_length=20, blank=True, default="")
    resolution = models.TextField(blank=True, default="")
    decided_by = models.CharField(
        max_length=10,
        choices=DecidedBy.choices,
        blank=True,
        default="",
        help_text="ai: the AI's routing stands. human: a person decided, or must because the "
        "customer wrote back; AI runs no longer change the ticket.",
    )
    routing_rule = models.CharField(max_length=40, blank=True, default="")
    routing_reason = models.TextField(blank=True, default="")

    triage_attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    answer_sent_at = models.DateTimeField(null=True, blank=True)
    answer_attempts = models.PositiveSmallIntegerField(default=0)
    # When the customer last started waiting for a response: the SLA clock (tickets.sla)
    # runs from here while the ticket is new, triaging or awaiting review.
    sla_started_at = models.DateTimeField(default=timezone.now, null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic lock: every state change is `UPDATE ... WHERE version = seen`.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The review queue: awaiting_review, highest priority first, oldest first.
            models.Index("status", models.F("priority_rank").desc(), "created_at", name="ticket_queue_idx"),
            # A customer's tickets, whatever case each message wrote the address in.
            models.Index(
                Upper("customer_email"), models.F("created_at").desc(), name="ticket_customer_ci_idx"
            ),
            models.Index(fields=["-created_at"], name="ticket_created_idx"),
            # Staff lists filtered by status, intent or priority, newest first (keyset pages).
            models.Index(fields=["status", "-created_at"], name="ticket_status_created_idx"),
            models.Index(fields=["intent", "-created_at"], name="ticket_intent_created_idx"),
            models.Index(fields=["priority", "-created_at"], name="ticket_priority_created_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=_in_choices("status", Status, nullable=False), name="ticket_status_valid"
            ),
            models.CheckConstraint(
                condition=_in_choices("intent", Intent, nullable=True), name="ticket_intent_valid"
            ),
            models.CheckConstraint(
                condition=_in_choices("priority", Priority, nullable=True),
                name="ticket_priority_valid",
            ),
            models.CheckConstraint(
                condition=Q(decided_by__in=["", *DecidedBy.values]), name="ticket_decided_by_valid"
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__gte=0.0, confidence__lte=1.0),
                name="ticket_confidence_range",
            ),
            models.CheckConstraint(
                condition=Q(subject__length__gte=1, subject__length__lte=SUBJECT_MAX),
                name="ticket_subject_length",
            ),
            models.CheckConstraint(
                condition=Q(body__length__gte=1, body__length__lte=BODY_MAX),
                name="ticket_body_length",
            ),
        ]
        permissions = [
            ("triage_ticket", "Can run the AI triage on tickets"),
            ("reveal_ticket_secrets", "Can see secrets and personal data in ticket text unmasked"),
            ("purge_ticket_secrets", "Can purge secrets and personal data from ticket text"),
        ]

    def __str__(self) -> str:
        # Shown in admin titles, breadcrumbs and messages: never a pasted secret.
        return f"{secrets_mask(self.subject)} ({self.status})"

    @property
    def is_decided_by_human(self) -> bool:
        return self.decided_by == DecidedBy.HUMAN

    @property
    def has_secret(self) -> bool:
        """The text holds a card number, CVV, IBAN, password or key: an agent should purge it.

        The conversation counts too: a card number pasted in a follow-up is as exposed as
        one in the first message. Lists prefetch `messages` so this is no query per ticket.
        """
        conversation = [m.body for m in self.messages.all()] if self.pk else []
        text = "\n".join((self.subject, self.body, self.suggestion, self.resolution, *conversation))
        return any(finding.is_secret for finding in secrets_find(text))

    @property
    def access_token_expires_at(self):
        """When the customer's token stops working: TICKET_TOKEN_DAYS_AFTER_CLOSE after the
        ticket was closed (its last change while finished); None while it is open."""
        if self.status not in CLOSED_STATUSES or self.updated_at is None:
            return None
        return self.updated_at + timedelta(days=settings.TICKET_TOKEN_DAYS_AFTER_CLOSE)


class AwaitingReviewTicket(Ticket):
    """The review queue in admin: a proxy so it gets its own list and permissions."""

    class Meta:
        proxy = True
        verbose_name = "ticket awaiting review"
        verbose_name_plural = "review queue"
        permissions = [("review_ticket", "Can review tickets (approve, override, spam, requeue)")]


class Policy(models.Model):
    """A written company policy the engine may cite in a suggestion."""

    key = models.SlugField(max_length=60, unique=True, help_text="Stable id cited by decisions.")
    title = models.CharField(max_length=200)
    text = models.TextField()
    intents = models.JSONField(default=list, help_text="Intents this policy applies to.")
    translations = models.JSONField(
        default=dict, blank=True, help_text='{"de": {"title": "...", "text": "..."}, ...}'
    )
    active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]
        verbose_name_plural = "policies"

    def __str__(self) -> str:
        return f"{self.key}: {self.title}"

    def clean(self) -> None:
        unknown = set(self.intents or []) - set(Intent.values)
        if unknown:
            raise ValidationError({"intents": f"Unknown intents: {sorted(unknown)}"})
        translated = self.translated_languages()
        for language, translation in (self.translations or {}).items():
            if language not in translated:
                raise ValidationError(
                    {"translations": f"{language}: replies are written in {', '.join(translated)} only."}
                )
            text = translation.get("text") if isinstance(translation, dict) else None
            # An empty text would leave the policy with nothing to quote in that language,
            # and tickets in it would be answered from another policy.
            if not isinstance(text, str) or not text.strip():
                raise ValidationError({"translations": f"{language}: needs a text."})
            if not isinstance(translation.get("title", ""), str):
                raise ValidationError({"translations": f"{language}: the title must be text."})

    @staticmethod
    def translated_languages() -> tuple[str, ...]:
        """The answer languages other than the policy's own English."""
        return tuple(code for code in ANSWER_LANGUAGES if code != "en")

    @property
    def missing_translations(self) -> list[str]:
        return [code for code in self.translated_languages() if code not in (self.translations or {})]


class Decision(models.Model):
    """Append-only log of every engine call and what routing did with it."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="decisions")
    engine = models.CharField(max_length=20)
    model_name = models.CharField(max_length=100, blank=True, default="")
    prompt_version = models.CharField(max_length=40, blank=True, default="")
    prompt_hash = models.CharField(max_length=64, blank=True, default="")
    input_hash = models.CharField(max_length=64, db_index=True)
    raw_output = models.TextField(blank=True, default="")
    output = models.JSONField(null=True, blank=True, help_text="The validated decision.")
    error = models.TextField(blank=True, default="", help_text="Why the output was rejected.")
    raw_confidence = models.FloatField(null=True, blank=True)
    routing_confidence = models.FloatField(null=True, blank=True)
    resolvable_probability = models.FloatField(null=True, blank=True)
    # The cited policy's lead over the next-best one (local engine), for rule policy_contested.
    policy_margin = models.FloatField(null=True, blank=True)
    # The priority routing gave the ticket (a guard may raise the model's); output keeps the model's.
    final_priority = models.CharField(max_length=10, blank=True, default="")
    guards = models.JSONField(default=list, blank=True)
    latency_ms = models.FloatField(default=0.0)
    prompt_tokens = models.PositiveIntegerField(null=True, blank=True)
    completion_tokens = models.PositiveIntegerField(null=True, blank=True)
    routing_rule = models.CharField(max_length=40, blank=True, default="")
    routing_outcome = models.CharField(max_length=120, blank=True, default="")
    applied = models.BooleanField(default=False)
    reused_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["ticket", "-created_at"], name="decision_ticket_idx"),
            # The prompt-immutability check reads only the decisions made since its last look.
            models.Index(fields=["prompt_version", "created_at"], name="decision_prompt_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.engine} decision for {self.ticket_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("Decision records are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Decision records are append-only.")

    @property
    def ok(self) -> bool:
        return self.output is not None


class Source(models.TextChoices):
    """Where a ticket came in: the `action` of its `created` audit event."""

    API = "api"
    WEB_FORM = "web_form"
    EMAIL = "email"
    ADMIN = "admin"


class AuditEvent(models.Model):
    """One thing that happened to a ticket, for the timeline and the audit trail."""

    class Kind(models.TextChoices):
        CREATED = "created"
        AI_DECISION = "ai_decision"
        ROUTED = "routed"
        REVIEW = "review"
        ANSWER_SENT = "answer_sent"
        ANSWER_FAILED = "answer_failed"
        SECRETS_REVEALED = "secrets_revealed"
        SECRETS_PURGED = "secrets_purged"
        TOKEN_REVOKED = "token_revoked"  # noqa: S105 (an event name, not a password)
        # What the customer did with an answer: the action is a Message.Outcome.
        OUTCOME = "outcome"

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    # created: the Source; review: the action; routed: the rule; ai_decision: the engine.
    action = models.CharField(max_length=40, blank=True, default="")
    changes = models.JSONField(default=dict, blank=True, help_text="field: [before, after]")
    note = models.TextField(blank=True, default="")
    # The submitting client, on `created` events, where known.
    client_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=USER_AGENT_MAX, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        # The dashboard counts events of one kind and action per day: the index alone answers.
        indexes = [models.Index(fields=["kind", "created_at", "action"], name="event_kind_day_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.action}".strip()


class IntentThreshold(models.Model):
    """Auto-resolve threshold for one intent, written by `calibrate --apply`.

    Overrides the settings; absent rows fall back to them.
    """

    intent = models.CharField(max_length=20, choices=Intent.choices, unique=True)
    threshold = models.FloatField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(threshold__gte=0.0, threshold__lte=1.0), name="threshold_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.intent} >= {self.threshold}"


class MessageKind(models.TextChoices):
    CUSTOMER = "customer"
    AGENT = "agent"
    AUTO_REPLY = "auto_reply"
    INTERNAL_NOTE = "internal_note"


class Outcome(models.TextChoices):
    """What the customer did after an answer: the measure of whether it held up."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    REOPENED = "reopened"
    ASSUMED = "assumed"  # silence for RESOLUTION_ASSUMED_AFTER_DAYS
    REPLACED = "replaced"  # a newer answer went out before the customer reacted


class Message(models.Model):
    """One entry of a ticket's conversation: what the customer wrote, what they were sent,
    and the agents' internal notes. Ordered by `created_at`, then `id`.

    The first message is the ticket's body. Answers (agent and automatic replies) are
    recorded when their email is sent and carry the customer's verdict in `outcome`.
    """

    Kind = MessageKind
    Outcome = Outcome
    ANSWER_KINDS = (MessageKind.AGENT, MessageKind.AUTO_REPLY)

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # Where the message came in (a Source); empty for what the system wrote itself.
    source = models.CharField(max_length=20, choices=Source.choices, blank=True, default="")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=BODY_MAX)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True, default="")
    outcome_at = models.DateTimeField(null=True, blank=True)
    # The RFC 5322 Message-ID of the email that carried it, in or out: email threading
    # and de-duplication of redelivered mail.
    email_message_id = models.CharField(max_length=998, blank=True, default="")
    # Not auto_now_add: migrated and imported messages keep their original time.
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["ticket", "created_at"], name="message_ticket_idx"),
            # The dashboard counts answers by day and outcome: the index alone answers.
            models.Index(fields=["kind", "created_at", "outcome"], name="message_kind_day_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=_in_choices("kind", MessageKind, nullable=False), name="message_kind_valid"
            ),
            models.CheckConstraint(condition=Q(source__in=["", *Source.values]), name="message_source_valid"),
            models.CheckConstraint(
                condition=Q(outcome__in=["", *Outcome.values]), name="message_outcome_valid"
            ),
            # Only answers have an outcome.
            models.CheckConstraint(
                condition=Q(outcome="") | Q(kind__in=[MessageKind.AGENT, MessageKind.AUTO_REPLY]),
                name="message_outcome_on_answers",
            ),
            models.UniqueConstraint(
                fields=["email_message_id"],
                condition=~Q(email_message_id=""),
                name="message_email_id_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} message on {self.ticket_id}"

    @property
    def is_answer(self) -> bool:
        return self.kind in self.ANSWER_KINDS

    @property
    def customer_sees(self) -> bool:
        return self.kind != self.Kind.INTERNAL_NOTE


# The email channel's rows live beside their code; imported here so Django registers them.
from tickets.email.models import (  # noqa: E402, F401
    EmailAttachment,
    EmailThread,
    InboundEmail,
    QuarantinedEmail,
)
