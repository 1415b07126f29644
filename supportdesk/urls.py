from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from supportdesk.errors import api_not_found
from supportdesk.health import healthz, readyz
from tickets.api import (
    TicketCollectionApi,
    TicketDetailApi,
    TicketPurgeSecretsApi,
    TicketRevealApi,
    TicketReviewApi,
    TicketRevokeTokenApi,
    TicketTriageApi,
    TicketTriageDeprecatedApi,
)
from tickets.email.endpoint import inbound_email
from tickets.permissions import CanReadApiDocs

# An unexpected error with DEBUG off: JSON for API clients, never a traceback.
handler500 = "supportdesk.errors.server_error"


def both(route: str, view, name: str) -> list:
    """The route with its trailing slash and without: existing clients use both."""
    return [path(route, view, name=name), path(route.rstrip("/"), view, name=f"{name}-noslash")]


urlpatterns = [
    *both("tickets/", TicketCollectionApi.as_view(), "tickets"),
    *both("tickets/<uuid:pk>/", TicketDetailApi.as_view(), "ticket-detail"),
    *both("tickets/<uuid:pk>/triage/", TicketTriageApi.as_view(), "ticket-triage"),
    *both("tickets/<uuid:pk>/ai-evaluate/", TicketTriageDeprecatedApi.as_view(), "ticket-ai-evaluate"),
    *both("tickets/<uuid:pk>/review/", TicketReviewApi.as_view(), "ticket-review"),
    *both("tickets/<uuid:pk>/reveal/", TicketRevealApi.as_view(), "ticket-reveal"),
    *both("tickets/<uuid:pk>/purge-secrets/", TicketPurgeSecretsApi.as_view(), "ticket-purge-secrets"),
    *both("tickets/<uuid:pk>/revoke-token/", TicketRevokeTokenApi.as_view(), "ticket-revoke-token"),
    re_path(r"^tickets/", api_not_found, name="tickets-not-found"),
    # One raw mail (message/rfc822) from an MTA or a mail provider; off unless INBOUND_EMAIL_TOKEN is set.
    *both("inbound/email/", inbound_email, "inbound-email"),
    # API_DOCS_STAFF_ONLY restricts both to staff. The docs page loads its script from a
    # URL, not inline, so it runs under the Content-Security-Policy.
    path("api/schema/", SpectacularAPIView.as_view(permission_classes=[CanReadApiDocs]), name="schema"),
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="schema", permission_classes=[CanReadApiDocs]),
        name="docs",
    ),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
    # Pages: landing, web form, customer ticket page, dashboard, /metrics (tickets/web_urls.py).
    path("", include("tickets.web_urls")),
]
