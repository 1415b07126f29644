"""Database constraints hold even when code bypasses forms and serializers."""

import pytest
from django.db import IntegrityError, transaction

from tickets.models import Ticket
from tickets.tests.factories import TicketFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value",
    [
        ("status", "lost"),
        ("intent", "refunds"),
        ("priority", "urgent"),
        ("decided_by", "robot"),
        ("confidence", 1.5),
        ("confidence", -0.1),
        ("subject", ""),
        ("body", ""),
    ],
)
def test_database_refuses_values_outside_the_enumerations_and_ranges(field, value):
    ticket = TicketFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Ticket.objects.filter(pk=ticket.pk).update(**{field: value})


@pytest.mark.django_db
def test_priority_rank_orders_high_medium_low():
    for priority in ("low", "high", "medium", None):
        TicketFactory(priority=priority)

    ranked = list(Ticket.objects.order_by("-priority_rank").values_list("priority", flat=True))

    assert ranked == ["high", "medium", "low", None]
