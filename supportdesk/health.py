"""Liveness and readiness probes for load balancers and orchestrators."""

from django.db import DatabaseError, connection
from django.http import JsonResponse


def healthz(request):
    """The process is up and serving."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    """The process can do work: its database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return JsonResponse({"status": "unavailable", "database": str(exc)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
