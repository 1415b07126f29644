"""Validators shared by every way a ticket comes in (API, admin, web form)."""

import ipaddress

from django.core.exceptions import ValidationError


def customer_email_deliverable(value: str) -> None:
    """Refuse addresses that would make the service mail itself or an internal host.

    `user@localhost`, `user@[127.0.0.1]` and single-label hosts are valid syntax, but
    a reply to them goes to the mail server's own machine or network: an attacker's
    way to use us as a relay into places the internet cannot reach.
    """
    domain = value.rpartition("@")[2].strip().rstrip(".").lower()
    literal = domain[1:-1] if domain.startswith("[") and domain.endswith("]") else domain
    if literal.lower().startswith("ipv6:"):
        literal = literal[5:]
    try:
        ipaddress.ip_address(literal)
    except ValueError:
        pass
    else:
        raise ValidationError("Enter an address at a domain name, not an IP address.", code="ip_literal")
    if domain == "localhost" or domain.endswith(".localhost"):
        raise ValidationError("Enter an address at a public domain, not localhost.", code="localhost")
    if "." not in domain:
        raise ValidationError("Enter an address at a full domain name, such as example.com.", code="no_dot")
