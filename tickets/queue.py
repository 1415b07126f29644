"""The one path to the task queue: every enqueue goes through here.

One broker per process: django-q2 would otherwise open a new connection (and
read package metadata) for every enqueue, which cost more than the rest of a POST.
Task names are the dotted paths queued messages and schedules store.
"""

from functools import cache

TRIAGE_TASK = "tickets.tasks.triage_ticket"
ANSWER_TASK = "tickets.tasks.send_answer"
RETRIAGE_TASK = "tickets.tasks.retriage_ticket"
CONFIRMATION_TASK = "tickets.tasks.send_confirmation"


@cache
def _broker():
    # Imported late: django_q touches settings and models at import time.
    from django_q.brokers import get_broker

    return get_broker()


def enqueue(task: str, *args, **kwargs) -> None:
    from django_q.tasks import async_task

    async_task(task, *args, broker=_broker(), **kwargs)


def triage_enqueue(ticket_id) -> None:
    enqueue(TRIAGE_TASK, ticket_id)


def answer_enqueue(ticket_id) -> None:
    enqueue(ANSWER_TASK, ticket_id)


def confirmation_enqueue(ticket_id) -> None:
    enqueue(CONFIRMATION_TASK, ticket_id)


def retriage_enqueue(ticket_id, *, engine_name: str | None = None, prompt_version: str | None = None) -> None:
    enqueue(RETRIAGE_TASK, ticket_id, engine_name, prompt_version)
