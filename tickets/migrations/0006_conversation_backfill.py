"""Existing tickets get their conversation: the body as the first message, the reply they
were sent (if any) as the second. Also schedules the task that marks silent answers
`assumed`."""

from django.db import migrations
from django.db.models import F

BATCH = 2000
SOURCES = {"api", "web_form", "email", "admin"}


def backfill_conversations(apps, schema_editor):
    Ticket = apps.get_model("tickets", "Ticket")
    Message = apps.get_model("tickets", "Message")
    AuditEvent = apps.get_model("tickets", "AuditEvent")

    # Before the `created` event carried a source, only staff-entered tickets had one.
    sources = {}
    for ticket_id, action, actor_id in AuditEvent.objects.filter(kind="created").values_list(
        "ticket_id", "action", "actor_id"
    ):
        sources[ticket_id] = action if action in SOURCES else ("admin" if actor_id else "api")
    # The agent who last approved or overrode a ticket wrote the reply it was sent.
    authors = dict(
        AuditEvent.objects.filter(kind="review", action__in=["approve", "override"])
        .order_by("created_at", "id")
        .values_list("ticket_id", "actor_id")
    )

    pending = []
    tickets = (
        Ticket.objects.filter(messages__isnull=True)  # rerunning never duplicates
        .order_by("created_at")
        .values("id", "body", "created_at", "resolution", "answer_sent_at", "decided_by")
    )
    for ticket in tickets.iterator(chunk_size=BATCH):
        pending.append(
            Message(
                ticket_id=ticket["id"],
                kind="customer",
                source=sources.get(ticket["id"], "api"),
                body=ticket["body"],
                created_at=ticket["created_at"],
            )
        )
        if ticket["resolution"] and ticket["answer_sent_at"]:
            by_ai = ticket["decided_by"] == "ai"
            pending.append(
                Message(
                    ticket_id=ticket["id"],
                    kind="auto_reply" if by_ai else "agent",
                    author_id=None if by_ai else authors.get(ticket["id"]),
                    body=ticket["resolution"],
                    outcome="pending",
                    created_at=ticket["answer_sent_at"],
                )
            )
        if len(pending) >= BATCH:
            Message.objects.bulk_create(pending)
            pending = []
    Message.objects.bulk_create(pending)
    # The response clock of a ticket still waiting started when it was submitted.
    Ticket.objects.update(sla_started_at=F("created_at"))


def schedule_outcomes(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name="assume silent answers resolved",
        defaults={
            "func": "tickets.tasks.assume_silent_outcomes",
            "schedule_type": "H",
            "repeats": -1,
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0005_conversation_outcomes_sla"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        migrations.RunPython(backfill_conversations, migrations.RunPython.noop),
        migrations.RunPython(schedule_outcomes, migrations.RunPython.noop),
    ]
