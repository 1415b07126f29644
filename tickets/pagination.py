"""Keyset (cursor) pagination for staff lists: every page costs the same, however deep.

LIMIT/OFFSET reads and throws away every row before the page, and the page's COUNT(*)
reads them all: both grow with the table. A cursor carries the sort values of the last
row shown; the next page starts right there, on an index, with a bound the planner can
use as the start of its index range. `count` is exact up to COUNT_CAP rows, then capped
(`count_capped`), so it costs at most that many index entries.
"""

import base64
import json
from datetime import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q, QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.utils.urls import remove_query_param, replace_query_param

COUNT_CAP = 10_000


def keyset_page(queryset: QuerySet, request, *, ordering: tuple[str, ...], limit: int) -> dict:
    """One page of `queryset` in `ordering` (the primary key breaks ties), after `?cursor=`."""
    ordering = (*ordering, "-pk" if ordering[0].startswith("-") else "pk")
    page = queryset.order_by(*ordering)
    cursor = request.query_params.get("cursor")
    if cursor:
        page = page.filter(_after(ordering, _decode(cursor, ordering, queryset.model)))
    rows = list(page[: limit + 1])
    more, rows = len(rows) > limit, rows[:limit]
    counted = queryset.order_by()[: COUNT_CAP + 1].count()
    next_url = None
    if more:
        url = remove_query_param(request.build_absolute_uri(), "offset")
        next_url = replace_query_param(url, "cursor", _encode(rows[-1], ordering))
    return {
        "count": min(counted, COUNT_CAP),
        "count_capped": counted > COUNT_CAP,
        "next": next_url,
        "previous": None,
        "results": rows,
    }


def _after(ordering: tuple[str, ...], values: list) -> Q:
    """Rows strictly after `values` in `ordering`, plus a bound on the first field alone
    (redundant, but it is what lets the index scan start at the cursor)."""
    first, descending = ordering[0].lstrip("-"), ordering[0].startswith("-")
    condition = Q()
    for depth in range(len(ordering) - 1, -1, -1):
        field = ordering[depth].lstrip("-")
        step = Q(**{f"{field}__{'lt' if ordering[depth].startswith('-') else 'gt'}": values[depth]})
        equal = Q(**{ordering[i].lstrip("-"): values[i] for i in range(depth)})
        condition = (equal & step) if not condition else condition | (equal & step)
    bound = Q(**{f"{first}__{'lte' if descending else 'gte'}": values[0]})
    return bound & condition


def _encode(row, ordering: tuple[str, ...]) -> str:
    values = []
    for name in ordering:
        value = getattr(row, name.lstrip("-"))
        values.append(
            value.isoformat()
            if isinstance(value, datetime)
            else str(value)
            if not isinstance(value, int)
            else value
        )
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def _decode(cursor: str, ordering: tuple[str, ...], model) -> list:
    """The sort values in `cursor`, each checked by its model field: a made-up cursor is a 400."""
    refused = ValidationError({"cursor": "Not a cursor from this list (or from another ordering)."})
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError) as exc:
        raise refused from exc
    if not isinstance(values, list) or len(values) != len(ordering):
        raise refused
    try:
        return [
            _field(model, name.lstrip("-")).to_python(value)
            for name, value in zip(ordering, values, strict=True)
        ]
    except (DjangoValidationError, TypeError, ValueError) as exc:
        raise refused from exc


def _field(model, name: str):
    return model._meta.pk if name == "pk" else model._meta.get_field(name)
