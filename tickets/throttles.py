"""Rate limits per client address (`supportdesk.clientip`), for every caller who is not staff.

Counters live in the default cache, which settings make shared between processes
(Redis, or the database): a per-process counter would multiply every limit by the
number of web workers.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from supportdesk.clientip import client_ip


def is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_staff)


class ClientThrottle(SimpleRateThrottle):
    """Counts requests per client address; staff are not counted."""

    rate_setting = ""

    def get_rate(self):
        # Read at request time, not import time, so the setting is the one in force.
        return getattr(settings, self.rate_setting)

    def get_ident(self, request) -> str:
        return client_ip(request)

    def get_cache_key(self, request, view):
        if is_staff(request.user):
            return None
        return self.key_for(request)

    def key_for(self, request) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TicketCreateThrottle(ClientThrottle):
    """Ticket creation (`TICKETS_ANON_RATE`): anonymous callers, customers and non-staff users."""

    scope = "ticket_create"
    rate_setting = "TICKETS_ANON_RATE"


class TokenLookupThrottle(ClientThrottle):
    """Guesses at tokens (`TICKETS_TOKEN_RATE`): customer-token reads and failed staff tokens."""

    scope = "token_lookup"
    rate_setting = "TICKETS_TOKEN_RATE"

    def blocked_for(self, request) -> float | None:
        """Seconds to wait if this client has used up its look-ups, without counting one."""
        self.key = self.key_for(request)
        self.history = self.cache.get(self.key, [])
        self.now = self.timer()
        while self.history and self.history[-1] <= self.now - self.duration:
            self.history.pop()
        return self.wait() if len(self.history) >= self.num_requests else None

    def record(self, request) -> None:
        """Count one look-up (call `blocked_for` first)."""
        self.throttle_success()
