"""Domain signals. Receivers live in tickets/receivers.py."""

from django.dispatch import Signal

# Sent by ticket_submit after the ticket row exists, with `ticket_id`.
ticket_submitted = Signal()
# Sent when a ticket gets an answer that must reach the customer, with `ticket_id`.
ticket_answered = Signal()
