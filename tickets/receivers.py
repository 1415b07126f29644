"""Signal receivers: they only enqueue work, after the transaction commits.

Every enqueue is `robust`: the row is already committed, so a broker that does not
answer (Redis down) must not turn the caller's success into an error. The failure is
logged, and the sweeper re-enqueues the work it finds left behind (tickets still
`new`, answers not sent).
"""

from functools import partial, update_wrapper

from django.db import transaction
from django.dispatch import receiver

from tickets.queue import answer_enqueue, confirmation_enqueue, triage_enqueue
from tickets.signals import ticket_answered, ticket_awaiting_human, ticket_submitted, ticket_triage_deferred


@receiver(ticket_submitted)
@receiver(ticket_triage_deferred)
def enqueue_triage(sender, ticket_id, **kwargs) -> None:
    # on_commit: a ticket in a rolled-back transaction never reaches a worker,
    # and a worker never looks for a row it cannot see yet.
    transaction.on_commit(_call(triage_enqueue, ticket_id), robust=True)


@receiver(ticket_awaiting_human)
def enqueue_confirmation_email(sender, ticket_id, **kwargs) -> None:
    # Not at submission: an auto-resolved ticket's answer (which carries the private link)
    # is then its only automatic email, so an unverified address gets one per ticket.
    transaction.on_commit(_call(confirmation_enqueue, ticket_id), robust=True)


@receiver(ticket_answered)
def enqueue_answer_email(sender, ticket_id, **kwargs) -> None:
    transaction.on_commit(_call(answer_enqueue, ticket_id), robust=True)


def _call(task, ticket_id):
    # A partial named like its task: a robust on_commit logs a failure by the callback's name.
    return update_wrapper(partial(task, ticket_id), task)
