"""GET /metrics for Prometheus: request metrics (django-prometheus) and the domain metrics.

Not open to the world: a client on METRICS_ALLOWED_ADDRESSES, or one presenting
`Authorization: Bearer <METRICS_TOKEN>`, gets the figures; anyone else gets 403.
"""

import ipaddress

from django.conf import settings
from django.http import HttpResponseForbidden
from django.utils.crypto import constant_time_compare
from django.views.decorators.http import require_GET
from django_prometheus.exports import ExportToDjangoView
from prometheus_client import generate_latest

from supportdesk.clientip import client_ip
from tickets.metrics import QUEUE_REGISTRY


def metrics_allowed(request) -> bool:
    token = settings.METRICS_TOKEN
    if token:
        scheme, _, presented = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() == "bearer" and constant_time_compare(presented.strip(), token):
            return True
    try:
        address = ipaddress.ip_address(client_ip(request))
    except ValueError:
        return False
    return any(address in network for network in settings.METRICS_ALLOWED_ADDRESSES)


@require_GET
def metrics(request):
    if not metrics_allowed(request):
        return HttpResponseForbidden("Metrics are for the monitoring system only.", content_type="text/plain")
    # Counters of every process (multiprocess mode) or of this one, then the database figures.
    response = ExportToDjangoView(request)
    response.content = response.content + generate_latest(QUEUE_REGISTRY)
    response["Cache-Control"] = "no-store"
    return response
