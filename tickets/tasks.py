"""django-q2 tasks: thin, idempotent, given ids, never instances."""

from tickets.selectors import tickets_stuck
from tickets.services.answers import answer_send
from tickets.services.triage import ticket_triage


def evaluate_ticket(ticket_id) -> str:
    return ticket_triage(ticket_id=ticket_id)


def send_answer(ticket_id) -> str:
    # A failure raises, so django-q records it; the sweeper retries it later,
    # up to ANSWER_EMAIL_MAX_ATTEMPTS.
    return answer_send(ticket_id=ticket_id)


def sweep_stuck_tickets() -> str:
    """Scheduled: re-enqueue work a killed worker or a lost message left behind."""
    from django_q.tasks import async_task

    stuck = tickets_stuck()
    for ticket_id in stuck["triage"]:
        async_task("tickets.tasks.evaluate_ticket", ticket_id)
    for ticket_id in stuck["answers"]:
        async_task("tickets.tasks.send_answer", ticket_id)
    return f"re-enqueued {len(stuck['triage'])} triage, {len(stuck['answers'])} answers"


def reevaluate_ticket(ticket_id, engine_name=None, prompt_version=None) -> str:
    from tickets.services.reevaluation import ticket_reevaluate

    return ticket_reevaluate(
        ticket_id=ticket_id, engine_name=engine_name, prompt_version=prompt_version
    ).summary
