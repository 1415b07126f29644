"""Chart.js specifications built from the dashboard's tables: data and look, no logic.

The page embeds each spec as JSON (`json_script`) and static/dashboard/dashboard.js
hands it to Chart.js; nothing is computed in the browser.
"""

from tickets.dashboard.selectors import PRIORITY_COLUMNS, Table

COLOURS = {
    "auto_resolved": "#2e7d32",
    "reviewed": "#1565c0",
    "reopened": "#c62828",
    "high": "#c62828",
    "medium": "#ef6c00",
    "low": "#2e7d32",
    "unclassified": "#757575",
    "approved": "#2e7d32",
    "overridden": "#c62828",
}
LABELS = {
    "auto_resolved": "Auto-resolved",
    "reviewed": "Reviewed by an agent",
    "reopened": "Reopened by the customer",
    "auto_resolution_rate": "Auto-resolution rate",
    "automatic_confirmed_rate": "Automatic replies confirmed",
    "automatic_reopened_rate": "Automatic replies reopened",
    "agent_confirmed_rate": "Agent answers confirmed",
    "agent_reopened_rate": "Agent answers reopened",
    "approved": "Approved (AI answer kept)",
    "overridden": "Overridden",
}
RATE_COLOURS = ("#2e7d32", "#1565c0", "#c62828", "#6a1b9a", "#ef6c00")


def _column(table: Table, name: str) -> list:
    index = table.columns.index(name)
    return [row[index] for row in table.rows]


def _base(kind: str, labels: list, datasets: list, **options) -> dict:
    return {
        "type": kind,
        "data": {"labels": labels, "datasets": datasets},
        # No animation: the figure is the same at every look (and in every screenshot).
        "options": {"animation": False, "responsive": True, "maintainAspectRatio": False, **options},
    }


def _stacked(*, index_axis: str = "x") -> dict:
    """Stacked counts: whole-number ticks on the value axis."""
    value_axis = "y" if index_axis == "x" else "x"
    scales = {
        index_axis: {"stacked": True},
        value_axis: {"stacked": True, "beginAtZero": True, "ticks": {"precision": 0}},
    }
    return {"scales": scales} | ({"indexAxis": "y"} if index_axis == "y" else {})


def daily_outcomes_chart(table: Table) -> dict:
    names = ("auto_resolved", "reviewed", "reopened")
    datasets = [{"label": LABELS[n], "data": _column(table, n), "backgroundColor": COLOURS[n]} for n in names]
    return _base("bar", _column(table, "day"), datasets, **_stacked())


def backlog_chart(table: Table) -> dict:
    datasets = [
        {"label": p, "data": _column(table, p), "backgroundColor": COLOURS[p]} for p in PRIORITY_COLUMNS
    ]
    return _base("bar", _column(table, "waiting"), datasets, **_stacked())


def rates_chart(table: Table) -> dict:
    names = (
        "auto_resolution_rate",
        "automatic_confirmed_rate",
        "automatic_reopened_rate",
        "agent_confirmed_rate",
        "agent_reopened_rate",
    )
    datasets = [
        {
            "label": LABELS[name],
            # Percent, and a gap (null) for weeks with nothing to rate.
            "data": [None if v is None else round(v * 100, 1) for v in _column(table, name)],
            "borderColor": colour,
            "backgroundColor": colour,
            "borderDash": [6, 3] if name.startswith("agent") else [],
            "spanGaps": False,
        }
        for name, colour in zip(names, RATE_COLOURS, strict=True)
    ]
    scales = {"y": {"min": 0, "max": 100, "title": {"display": True, "text": "%"}}}
    return _base("line", _column(table, "week"), datasets, scales=scales)


def agreement_chart(table: Table) -> dict:
    datasets = [
        {"label": LABELS[n], "data": _column(table, n), "backgroundColor": COLOURS[n]}
        for n in ("approved", "overridden")
    ]
    return _base("bar", _column(table, "ai_intent"), datasets, **_stacked(index_axis="y"))


def reliability_charts(table: Table) -> list[tuple[str, dict]]:
    """One diagram per intent: observed accuracy against mean confidence, with the diagonal."""
    charts = []
    for intent in dict.fromkeys(_column(table, "ai_intent")):
        rows = [row for row in table.rows if row[0] == intent]
        points = [{"x": row[3], "y": row[4]} for row in rows]
        datasets = [
            {
                "label": "observed accuracy",
                "data": points,
                "showLine": True,
                "borderColor": "#1565c0",
                "backgroundColor": "#1565c0",
            },
            {
                "label": "perfectly honest",
                "data": [{"x": 0, "y": 0}, {"x": 1, "y": 1}],
                "showLine": True,
                "pointRadius": 0,
                "borderColor": "#9e9e9e",
                "borderDash": [4, 4],
            },
        ]
        scales = {
            "x": {"type": "linear", "min": 0, "max": 1, "title": {"display": True, "text": "confidence"}},
            "y": {"min": 0, "max": 1, "title": {"display": True, "text": "accuracy"}},
        }
        charts.append((intent, _base("scatter", [], datasets, scales=scales)))
    return charts
