from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class TicketCreateAnonThrottle(AnonRateThrottle):
    """Per-client limit on anonymous ticket creation (`TICKETS_ANON_RATE`)."""

    scope = "ticket_create_anon"

    def get_rate(self):
        # Read at request time, not import time, so the setting is the one in force.
        return settings.TICKETS_ANON_RATE
