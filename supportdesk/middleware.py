"""Middleware that keeps failures honest: an outage is a 503, a debug page stays on loopback."""

import logging

import redis
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

from supportdesk.clientip import client_ip, is_loopback

logger = logging.getLogger(__name__)

# Long enough for a database failover or a Redis restart, short enough to keep clients patient.
RETRY_AFTER_SECONDS = 30
_OUTAGES = {
    "database": (OperationalError, InterfaceError),
    "redis": (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError),
}


def unavailable_service(exc: BaseException) -> str | None:
    """ "database" or "redis" when `exc` means that service does not answer, else None.

    Only connection-level errors count: an IntegrityError is a bug or a conflict,
    not an outage, and must not be dressed up as "try again later".
    """
    for service, errors in _OUTAGES.items():
        if isinstance(exc, errors):
            return service
    return None


def unavailable_body(service: str) -> dict:
    return {
        "detail": f"Service temporarily unavailable: the {service} does not answer. Try again later.",
        "unavailable": service,
    }


def unavailable_response(request, service: str) -> HttpResponse:
    """503 with Retry-After; JSON, or a short page for a browser. Never the driver's message."""
    if _wants_html(request):
        page = render_to_string("503.html", {"service": service, "retry_after": RETRY_AFTER_SECONDS})
        response = HttpResponse(page, status=503)
    else:
        response = JsonResponse(unavailable_body(service), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class OutageMiddleware:
    """A view that hits an unreachable database or Redis answers 503, whatever DEBUG says.

    (DRF views get the same answer from tickets.api_errors; this covers the rest:
    admin, health, the portal.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exc):
        service = unavailable_service(exc)
        if service is None:
            return None
        logger.warning(
            "%s unavailable on %s %s: %s", service, request.method, request.path, type(exc).__name__
        )
        return unavailable_response(request, service)


class DebugOnlyOnLoopbackMiddleware:
    """With DEBUG on, answer only clients on this machine.

    DEBUG pages show settings, SQL and tracebacks, and its 404 page lists every URL.
    `make run` turns DEBUG on and serves on 127.0.0.1; should that server ever be
    reachable from elsewhere (another --addr, a port forward), remote clients get a
    403 instead of a debugger. Production runs with DEBUG off (see the README).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.DEBUG and not is_loopback(client_ip(request)):
            if _wants_html(request):
                return HttpResponse(render_to_string("debug_loopback_only.html"), status=403)
            return JsonResponse(
                {"detail": "This server runs with DEBUG on and answers only on its loopback address."},
                status=403,
            )
        return self.get_response(request)


def _wants_html(request) -> bool:
    accept = request.META.get("HTTP_ACCEPT", "")
    return "text/html" in accept and not request.path.startswith(("/tickets", "/api/schema", "/readyz"))
