"""Rate limits per client address (`supportdesk.clientip`), for every caller who is not staff.

Counters live in the default cache, which settings make shared between processes
(Redis, or the database): a per-process counter would multiply every limit by the
number of web workers.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from supportdesk.clientip import client_ip
from tickets.rate_counter import redis_client, window_hit

# A rate above this many requests per second per client cannot bind: no web host serves
# one client that fast, so counting would cost a round trip and never refuse anything.
RATE_CANNOT_BIND_PER_SECOND = 10_000


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
    """Ticket creation (`TICKETS_ANON_RATE`): anonymous callers, customers and non-staff users.

    On the hot path of intake: with Redis one round trip per request (`rate_counter`), and
    none at all where the rate cannot bind.
    """

    scope = "ticket_create"
    rate_setting = "TICKETS_ANON_RATE"

    def allow_request(self, request, view) -> bool:
        if self.rate is None or self.num_requests / self.duration >= RATE_CANNOT_BIND_PER_SECOND:
            return True
        client = redis_client()
        if client is None:  # the database cache: DRF's own bookkeeping
            return super().allow_request(request, view)
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        self._wait = window_hit(client, key, limit=self.num_requests, duration=self.duration)
        return self._wait is None

    def wait(self):
        return getattr(self, "_wait", None) or super().wait()


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
