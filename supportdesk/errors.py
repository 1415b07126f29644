"""Short answers for errors: JSON for API clients, a plain page for browsers, never a traceback."""

from django.http import HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string


def server_error(request):
    """handler500: JSON for API clients, a plain page for browsers."""
    if "text/html" in request.META.get("HTTP_ACCEPT", ""):
        return HttpResponseServerError(render_to_string("500.html"))
    return JsonResponse({"detail": "Internal server error. It has been logged."}, status=500)


def api_not_found(request):
    """Any other path under /tickets/ (a malformed ticket id, an unknown action): the API's own
    JSON 404, with DEBUG on or off, instead of Django's HTML page."""
    return JsonResponse({"detail": "Not found: ticket ids are UUIDs, e.g. /tickets/<uuid>/."}, status=404)
