"""Background triage: enqueued after commit, claimed once, never lost, never doubled."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_q.models import OrmQ

from tickets.models import DecidedBy, Decision, Status, Ticket
from tickets.selectors import tickets_stuck
from tickets.services.submission import ticket_submit
from tickets.services.triage import ticket_triage
from tickets.tasks import sweep_stuck_tickets
from tickets.tests.factories import TicketFactory

SUBMISSION = {"subject": "Export", "body": "How do I export my projects?", "customer_email": "c@example.com"}


@pytest.fixture
def orm_queue():
    """The real ORM broker instead of running tasks inline: what a worker would see."""
    from django.conf import settings

    with override_settings(Q_CLUSTER={k: v for k, v in settings.Q_CLUSTER.items() if k != "sync"}):
        from django_q.conf import Conf

        previous, Conf.SYNC = Conf.SYNC, False
        yield
        Conf.SYNC = previous


@pytest.mark.django_db
def test_submitted_ticket_is_enqueued_after_commit_with_its_id(orm_queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ticket, _ = ticket_submit(**SUBMISSION)

    # Its triage only: the confirmation waits until triage hands the ticket to a person.
    queued = sorted((message.task["func"], message.task["args"]) for message in OrmQ.objects.all())
    assert queued == [("tickets.tasks.triage_ticket", (ticket.pk,))]


@pytest.mark.django_db
def test_ticket_created_in_a_rolled_back_transaction_enqueues_nothing(
    orm_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                ticket_submit(**SUBMISSION)
                raise RuntimeError("the caller failed after submitting")
        except RuntimeError:
            pass

    assert callbacks == []
    assert OrmQ.objects.count() == 0
    assert Ticket.objects.count() == 0


@pytest.mark.django_db
def test_api_submission_is_routed_by_the_task(client, django_capture_on_commit_callbacks):
    # settings_test runs tasks inline (sync), so the commit hook triages at once.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/tickets/", SUBMISSION, content_type="application/json")

    ticket = Ticket.objects.get(pk=response.json()["id"])
    assert ticket.status in (Status.AUTO_RESOLVED, Status.AWAITING_REVIEW)
    assert ticket.routing_rule
    assert ticket.decisions.filter(applied=True).count() == 1


@pytest.mark.django_db
def test_duplicate_delivery_applies_exactly_one_decision():
    ticket = TicketFactory()

    results = [ticket_triage(ticket_id=ticket.pk) for _ in range(3)]

    assert results[1].startswith("skipped") and results[2].startswith("skipped")
    assert Decision.objects.filter(ticket=ticket, applied=True).count() == 1
    ticket.refresh_from_db()
    assert ticket.triage_attempts == 1


@pytest.mark.django_db
def test_task_never_changes_a_ticket_a_human_decided():
    ticket = TicketFactory(status=Status.NEW, decided_by=DecidedBy.HUMAN, intent="billing", priority="low")

    assert ticket_triage(ticket_id=ticket.pk).startswith("skipped")
    ticket.refresh_from_db()
    assert ticket.status == Status.NEW and ticket.decisions.count() == 0


@pytest.mark.django_db
def test_stale_triage_from_a_killed_worker_is_claimed_again_and_finishes():
    stale = timezone.now() - timedelta(hours=1)
    ticket = TicketFactory(status=Status.TRIAGING, claimed_at=stale, triage_attempts=1)

    ticket_triage(ticket_id=ticket.pk)

    ticket.refresh_from_db()
    assert ticket.status in (Status.AUTO_RESOLVED, Status.AWAITING_REVIEW)
    assert ticket.triage_attempts == 2
    assert ticket.decisions.filter(applied=True).count() == 1


@pytest.mark.django_db
def test_fresh_triage_in_progress_is_left_to_its_worker():
    ticket = TicketFactory(status=Status.TRIAGING, claimed_at=timezone.now(), triage_attempts=1)

    assert ticket_triage(ticket_id=ticket.pk).startswith("skipped")


@pytest.mark.django_db
@override_settings(TRIAGE_MAX_ATTEMPTS=3)
def test_after_too_many_attempts_the_ticket_goes_to_review_with_the_reason():
    stale = timezone.now() - timedelta(hours=1)
    ticket = TicketFactory(status=Status.TRIAGING, claimed_at=stale, triage_attempts=3)

    ticket_triage(ticket_id=ticket.pk)

    ticket.refresh_from_db()
    assert ticket.status == Status.AWAITING_REVIEW
    assert ticket.routing_rule == "triage_failed"
    assert "3 attempts" in ticket.routing_reason
    assert ticket.events.filter(action="triage_failed").exists()


@pytest.mark.django_db
def test_sweeper_re_enqueues_stuck_tickets_only(orm_queue):
    old = timezone.now() - timedelta(hours=1)
    lost = TicketFactory(status=Status.NEW)
    Ticket.objects.filter(pk=lost.pk).update(created_at=old)
    stuck = TicketFactory(status=Status.TRIAGING, claimed_at=old)
    TicketFactory(status=Status.NEW)  # just arrived: its task is surely still queued
    TicketFactory(status=Status.TRIAGING, claimed_at=timezone.now())  # being worked on

    assert set(tickets_stuck()["triage"]) == {lost.pk, stuck.pk}
    sweep_stuck_tickets()
    assert sorted(str(q.task["args"][0]) for q in OrmQ.objects.all()) == sorted([str(lost.pk), str(stuck.pk)])


@pytest.mark.django_db
def test_sweeper_is_scheduled_by_the_migration():
    from django_q.models import Schedule

    schedule = Schedule.objects.get(func="tickets.tasks.sweep_stuck_tickets")
    assert schedule.schedule_type == Schedule.MINUTES and schedule.repeats == -1
