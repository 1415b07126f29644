from django.urls import path

from tickets.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("", views.dashboard, name="index"),
    path("<slug:key>.csv", views.dashboard_csv, name="csv"),
]
