from django.urls import path

from tickets.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("submit/", views.submit, name="submit"),
    path("ticket/<uuid:pk>/<str:token>/", views.ticket_page, name="ticket"),
    path("ticket/<uuid:pk>/<str:token>/reply", views.ticket_reply, name="reply"),
    path("ticket/<uuid:pk>/<str:token>/confirm", views.ticket_confirm, name="confirm"),
    path("ticket/<uuid:pk>/<str:token>/reopen", views.ticket_reopen, name="reopen"),
]
