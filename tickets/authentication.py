"""Staff token authentication that cannot be used to guess tokens."""

import logging

from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed, Throttled

from supportdesk.middleware import unavailable_service
from tickets.throttles import TokenLookupThrottle

logger = logging.getLogger(__name__)


class ThrottledTokenAuthentication(TokenAuthentication):
    """DRF's `Authorization: Token <key>`, with failed keys counted per client address.

    A client that has used up TICKETS_TOKEN_RATE is refused with 429 before its key
    is looked up, so a right guess and a wrong one look the same to it.

    When the cache holding the counters is down, keys are still checked: a staff key
    is 160 random bits, so the count is a second line of defence, and agents keep
    working through a Redis outage. (Anonymous ticket creation, whose limit is the
    first line against floods, answers 503 instead.)
    """

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if header.split(" ", 1)[0].lower() != self.keyword.lower():
            return None  # another scheme (a customer's Bearer token, a session)
        throttle = TokenLookupThrottle()
        counting = True
        try:
            wait = throttle.blocked_for(request)
        except Exception as exc:
            if unavailable_service(exc) != "redis":
                raise
            logger.warning("token look-ups not counted: the cache is unavailable (%s)", type(exc).__name__)
            wait, counting = None, False
        if wait is not None:
            raise Throttled(wait)
        try:
            return super().authenticate(request)
        except AuthenticationFailed:
            if counting:
                throttle.record(request)
            raise
