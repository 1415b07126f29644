"""The server-rendered pages: the customer's (portal), the agents' dashboard, staff notes, /metrics."""

from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from tickets.conversation_admin import note_add_view
from tickets.email.staff_views import attachment_download, inbound_email_raw
from tickets.metrics_views import metrics

urlpatterns = [
    path("", include("tickets.portal.urls")),
    path("dashboard/", include("tickets.dashboard.urls")),
    path("staff/tickets/<uuid:pk>/note", note_add_view, name="staff-note-add"),
    path("staff/attachments/<int:pk>", attachment_download, name="staff-attachment"),
    path("staff/emails/<int:pk>/raw", inbound_email_raw, name="staff-email-raw"),
    path("metrics", metrics, name="metrics"),
    # Browsers ask for it on every page, admin included; a 404 there is noise in every console.
    path("favicon.ico", RedirectView.as_view(url=static("portal/favicon.png"), permanent=True)),
]
