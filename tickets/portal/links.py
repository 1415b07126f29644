"""The customer's private link to their ticket page.

The database keeps only a hash of the customer's access token, yet emails sent days
later must carry a working link. So the link's token is derived, like Django's
password-reset links: an HMAC, keyed by SECRET_KEY, of the ticket id and the stored
token hash. It can be recomputed whenever an email goes out, cannot be forged without
the key (a leaked database is not enough), and stops working if the access token is
ever replaced. Comparison is constant-time.
"""

import base64

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

_SALT = "tickets.portal.link"


def _token(ticket, secret: str) -> str:
    digest = salted_hmac(
        _SALT, f"{ticket.pk}:{ticket.access_token_hash}", secret=secret, algorithm="sha256"
    ).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def portal_token(ticket) -> str:
    return _token(ticket, settings.SECRET_KEY)


def portal_token_matches(ticket, token: str) -> bool:
    """True when `token` opens `ticket`'s page (also under a key in SECRET_KEY_FALLBACKS)."""
    if not token:
        return False
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    # Every key is tried, so the time taken does not say which one matched.
    matches = [constant_time_compare(_token(ticket, secret), token) for secret in secrets]
    return any(matches)


def portal_path(ticket) -> str:
    return reverse("portal:ticket", kwargs={"pk": ticket.pk, "token": portal_token(ticket)})


def portal_url(ticket) -> str:
    """The absolute link for emails and API responses, on SITE_URL."""
    return settings.SITE_URL + portal_path(ticket)
