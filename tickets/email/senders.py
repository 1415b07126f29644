"""Mail counts against TICKETS_ANON_RATE per sender address, as API calls do per client.

The client of the endpoint is the mail server and the reader has none, so the address
the mail came from is the client: one sender cannot flood the queue, whichever way in.
"""

import hashlib

from tickets.throttles import TicketCreateThrottle


class SenderThrottle(TicketCreateThrottle):
    scope = "email_sender"

    def __init__(self, sender: str):
        super().__init__()
        self.sender = sender.lower()

    def get_cache_key(self, request, view):
        # Hashed: an address may hold characters a cache key must not.
        ident = hashlib.sha256(self.sender.encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": ident}


def sender_allowed(sender: str) -> bool:
    """Count one mail from `sender`; False once it has used up TICKETS_ANON_RATE."""
    return SenderThrottle(sender).allow_request(request=None, view=None)
