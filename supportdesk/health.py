"""Liveness and readiness probes for load balancers and orchestrators."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

from supportdesk.middleware import RETRY_AFTER_SECONDS

logger = logging.getLogger(__name__)


def healthz(request):
    """The process is up and serving."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    """The process can do work: its database, its cache (the throttles' counters) and its
    task broker answer. Says which one is down, never where it is or what the driver said:
    anyone can call this."""
    checks = {"database": _database, "cache": _cache, "broker": _broker}
    results = {}
    for name, check in checks.items():
        try:
            check()
        except Exception as exc:  # any failure means "not ready"; the log keeps the detail
            logger.warning("readyz: %s unavailable: %s", name, type(exc).__name__)
            results[name] = "unavailable"
        else:
            results[name] = "ok"
    ready = all(value == "ok" for value in results.values())
    response = JsonResponse(
        {"status": "ok" if ready else "unavailable", **results}, status=200 if ready else 503
    )
    if not ready:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    cache.set("readyz", "ok", timeout=10)
    if cache.get("readyz") != "ok":
        raise RuntimeError("the cache did not keep a value")


def _broker() -> None:
    if not settings.REDIS_URL:
        _database()  # the ORM broker is the database
        return
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    finally:
        client.close()
