from django.contrib import admin
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from supportdesk.health import healthz, readyz
from tickets.api import (
    TicketCollectionApi,
    TicketDetailApi,
    TicketReviewApi,
    TicketTriageApi,
    TicketTriageDeprecatedApi,
)


def both(route: str, view, name: str) -> list:
    """The route with its trailing slash and without: existing clients use both."""
    return [path(route, view, name=name), path(route.rstrip("/"), view, name=f"{name}-noslash")]


urlpatterns = [
    *both("tickets/", TicketCollectionApi.as_view(), "tickets"),
    *both("tickets/<uuid:pk>/", TicketDetailApi.as_view(), "ticket-detail"),
    *both("tickets/<uuid:pk>/triage/", TicketTriageApi.as_view(), "ticket-triage"),
    *both("tickets/<uuid:pk>/ai-evaluate/", TicketTriageDeprecatedApi.as_view(), "ticket-ai-evaluate"),
    *both("tickets/<uuid:pk>/review/", TicketReviewApi.as_view(), "ticket-review"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
]
