"""The client's address, the one way every limit and lock-out reads it."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The address of whoever sent `request`, trusting only TRUSTED_PROXY_COUNT proxies.

    With no trusted proxy (the default) this is the TCP peer and X-Forwarded-For is
    ignored: anyone can send that header, so believing it would let every request
    claim a fresh address and walk past every throttle. With N proxies, each of which
    appends the address it saw, the client is the N-th entry from the right; entries
    further left were written by the client itself.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            candidate = hops[-min(proxies, len(hops))]
            if _is_ip(candidate):
                return candidate
    return remote


def is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
