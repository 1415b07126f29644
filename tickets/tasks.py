"""django-q2 tasks: thin, idempotent, given ids, never instances."""

from django.conf import settings

from tickets.email.imap import mailbox_fetch
from tickets.queue import answer_enqueue, triage_enqueue
from tickets.selectors import tickets_stuck
from tickets.services.answers import answer_send
from tickets.services.confirmation import confirmation_send
from tickets.services.conversation import outcomes_assume
from tickets.services.retriage import ticket_retriage
from tickets.services.triage_concurrent import triage_concurrently


def triage_ticket(ticket_id) -> str:
    # With an LLM engine the task also triages other waiting tickets, calls in parallel.
    return triage_concurrently(ticket_id=ticket_id)


def send_answer(ticket_id) -> str:
    # A failure raises, so django-q records it; the sweeper retries it later,
    # up to ANSWER_EMAIL_MAX_ATTEMPTS.
    return answer_send(ticket_id=ticket_id)


def send_confirmation(ticket_id) -> str:
    return confirmation_send(ticket_id=ticket_id)


def assume_silent_outcomes() -> str:
    """Scheduled (hourly): answers nobody judged for RESOLUTION_ASSUMED_AFTER_DAYS become `assumed`."""
    return f"{outcomes_assume()} answers assumed resolved"


def fetch_mail() -> str:
    """Scheduled (every minute): read the support mailbox into tickets, when IMAP_URL is set."""
    if settings.IMAP_CONFIG is None:
        return "no mailbox: IMAP_URL is not set"
    return str(mailbox_fetch())


def sweep_stuck_tickets() -> str:
    """Scheduled: re-enqueue work a killed worker or a lost message left behind."""
    stuck = tickets_stuck()
    for ticket_id in stuck["triage"]:
        triage_enqueue(ticket_id)
    for ticket_id in stuck["answers"]:
        answer_enqueue(ticket_id)
    return f"re-enqueued {len(stuck['triage'])} triage, {len(stuck['answers'])} answers"


def retriage_ticket(ticket_id, engine_name=None, prompt_version=None) -> str:
    return ticket_retriage(
        ticket_id=ticket_id, engine_name=engine_name, prompt_version=prompt_version
    ).summary


# Old names, kept for one release: queued messages and schedules store the dotted path.
evaluate_ticket = triage_ticket
reevaluate_ticket = retriage_ticket
