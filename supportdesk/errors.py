"""Short answers for errors: JSON for API clients, a plain page for browsers, never a traceback."""

from django.http import HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.csrf import csrf_exempt


def server_error(request):
    """handler500: JSON for API clients, a plain page for browsers."""
    if "text/html" in request.META.get("HTTP_ACCEPT", ""):
        return HttpResponseServerError(render_to_string("500.html"))
    return JsonResponse({"detail": "Internal server error. It has been logged."}, status=500)


@csrf_exempt  # a 404 changes nothing: a POST must not get the CSRF page instead
def api_not_found(request):
    """Any other path under /tickets/ (a malformed ticket id, an unknown action), any method:
    the API's own JSON 404, with DEBUG on or off, instead of Django's HTML page."""
    return JsonResponse(
        {
            "detail": "Not found: no API endpoint at this path. Ticket paths are /tickets/<uuid>/ "
            "and /tickets/<uuid>/{triage,review,reveal,purge-secrets,revoke-token}/."
        },
        status=404,
    )
