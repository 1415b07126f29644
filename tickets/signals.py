"""Domain signals. Receivers live in tickets/receivers.py."""

from django.dispatch import Signal

# Sent by ticket_submit after the ticket row exists, with `ticket_id`.
ticket_submitted = Signal()
# Sent when a ticket gets an answer that must reach the customer, with `ticket_id`.
ticket_answered = Signal()
# Sent when triage hands a ticket to a human (routed to review, or triage gave up), with
# `ticket_id`: the customer's one automatic email is then the "we received it" confirmation.
ticket_awaiting_human = Signal()
# Sent when triage hands a claimed ticket back untried (the model's rate limit stopped it),
# with `ticket_id`: it needs triage again soon.
ticket_triage_deferred = Signal()
