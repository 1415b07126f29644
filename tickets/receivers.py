"""Signal receivers: they only enqueue work, after the transaction commits."""

from functools import cache, partial

from django.db import transaction
from django.dispatch import receiver

from tickets.signals import ticket_answered, ticket_submitted


@cache
def _broker():
    # One broker per process: django-q2 would otherwise open a new Redis
    # connection for every enqueue, which cost more than the rest of a POST.
    from django_q.brokers import get_broker

    return get_broker()


def enqueue(task: str, *args) -> None:
    # Imported late: django_q touches settings and models at import time.
    from django_q.tasks import async_task

    async_task(task, *args, broker=_broker())


@receiver(ticket_submitted)
def enqueue_triage(sender, ticket_id, **kwargs) -> None:
    # on_commit: a ticket in a rolled-back transaction never reaches a worker,
    # and a worker never looks for a row it cannot see yet.
    transaction.on_commit(partial(enqueue, "tickets.tasks.evaluate_ticket", ticket_id))


@receiver(ticket_answered)
def enqueue_answer_email(sender, ticket_id, **kwargs) -> None:
    transaction.on_commit(partial(enqueue, "tickets.tasks.send_answer", ticket_id))
