"""Signal receivers: they only enqueue work, after the transaction commits."""

from functools import partial

from django.db import transaction
from django.dispatch import receiver

from tickets.queue import answer_enqueue, triage_enqueue
from tickets.signals import ticket_answered, ticket_submitted


@receiver(ticket_submitted)
def enqueue_triage(sender, ticket_id, **kwargs) -> None:
    # on_commit: a ticket in a rolled-back transaction never reaches a worker,
    # and a worker never looks for a row it cannot see yet.
    transaction.on_commit(partial(triage_enqueue, ticket_id))


@receiver(ticket_answered)
def enqueue_answer_email(sender, ticket_id, **kwargs) -> None:
    transaction.on_commit(partial(answer_enqueue, ticket_id))
