"""The agents' dashboard: staff with the permission to read tickets; others are sent to log in."""

import csv

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tickets.dashboard import charts
from tickets.dashboard.selectors import (
    BACKLOG_AGES,
    DAYS,
    REVIEW_WINDOW_DAYS,
    TABLES,
    WEEKS,
    agreement_by_intent,
    backlog_by_age,
    daily_outcomes,
    dashboard_summary,
    reliability_by_intent,
    review_judgements,
    weekly_rates,
)
from tickets.permissions import VIEW_TICKETS, staff_may


def _may_see(request) -> None:
    if not staff_may(request.user, VIEW_TICKETS):
        raise PermissionDenied


@require_GET
@staff_member_required
def dashboard(request):
    _may_see(request)
    now = timezone.now()
    daily, backlog, rates = daily_outcomes(now), backlog_by_age(now), weekly_rates(now)
    judgements = review_judgements(now)  # one query for both charts
    agreement = agreement_by_intent(now, judgements)
    reliability = reliability_by_intent(now, judgements)
    context = {
        **admin.site.each_context(request),
        "title": "Dashboard",
        # The charts need the width.
        "is_nav_sidebar_enabled": False,
        "now": now,
        "summary": dashboard_summary(now),
        "days": DAYS,
        "weeks": WEEKS,
        "review_window_days": REVIEW_WINDOW_DAYS,
        "sla_targets": settings.SLA_FIRST_RESPONSE_HOURS,
        "backlog_ages": [label for label, _ in BACKLOG_AGES],
        "daily": daily,
        "daily_chart": charts.daily_outcomes_chart(daily),
        "backlog": backlog,
        "backlog_chart": charts.backlog_chart(backlog),
        "rates": rates,
        "rates_chart": charts.rates_chart(rates),
        "agreement": agreement,
        "agreement_chart": charts.agreement_chart(agreement),
        "reliability": reliability,
        "reliability_charts": charts.reliability_charts(reliability),
    }
    return render(request, "dashboard/index.html", context)


@require_GET
@staff_member_required
def dashboard_csv(request, key: str):
    """One chart's numbers as CSV, the same table the page shows under it."""
    _may_see(request)
    if key not in TABLES:
        raise Http404("No such chart.")
    table = TABLES[key](timezone.now())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{key}.csv"'
    writer = csv.writer(response)
    writer.writerow(table.columns)
    writer.writerows(["" if value is None else value for value in row] for row in table.rows)
    return response
