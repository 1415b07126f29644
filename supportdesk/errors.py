"""The last resort for an unexpected error with DEBUG off: a short answer, never a traceback."""

from django.http import HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string


def server_error(request):
    """handler500: JSON for API clients, a plain page for browsers."""
    if "text/html" in request.META.get("HTTP_ACCEPT", ""):
        return HttpResponseServerError(render_to_string("500.html"))
    return JsonResponse({"detail": "Internal server error. It has been logged."}, status=500)
