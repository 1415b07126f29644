"""Out-of-domain mail and the local engine's confidence in triage, the cascade and evaluation."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from ai_engine.tests.fake_openai import FakeOpenAI
from ai_engine.tests.small_models import tfidf_model_save
from tickets.models import Decision, Status
from tickets.services.decisions import triage_run
from tickets.tests.factories import TicketFactory

NOT_FOR_US = [
    (
        "Your parcel",
        "Your DHL parcel is waiting. Pay 1.99 EUR customs fee at dhl-fee-pay.info to release it.",
    ),
    (
        "Zählerstand",
        "Hallo, anbei mein Zählerstand für die Stromabrechnung: 88213 kWh. Bitte die Abschläge anpassen.",
    ),
    ("Vuelo", "¿A qué hora sale el último tren de Madrid a Valencia el domingo?"),
    ("zzz", "lorem ipsum qwerty blorp fnord wibble"),
]


@pytest.fixture
def llm():
    server = FakeOpenAI().start()
    with override_settings(
        OPENAI_API_KEY="test-key", OPENAI_BASE_URL=server.base_url, AI_MODEL="test-model", AI_MAX_RETRIES=1
    ):
        yield server
    server.stop()


@pytest.mark.django_db
@pytest.mark.parametrize("subject, body", NOT_FOR_US)
def test_mail_not_for_this_product_is_unknown_and_waits_for_a_person(subject, body):
    ticket = TicketFactory(subject=subject, body=body)

    outcome = triage_run(ticket_id=ticket.pk, engine_name="local")

    ticket.refresh_from_db()
    assert ticket.intent == "unknown"
    assert ticket.status == Status.AWAITING_REVIEW
    assert not outcome.routing.auto_resolved


@pytest.mark.django_db
def test_cascade_asks_the_llm_about_a_ticket_unlike_anything_the_local_engine_has_seen(llm):
    familiar = TicketFactory(subject="Invoices", body="Where can I download our invoices as PDF?")
    # An account request, but for another kind of service: the novelty signal lowers the
    # local engine's confidence under the cascade's threshold.
    unfamiliar = TicketFactory(subject="Account", body="Delete my profile from your online casino.")

    sure = triage_run(ticket_id=familiar.pk, engine_name="cascade")
    unsure = triage_run(ticket_id=unfamiliar.pk, engine_name="cascade")

    assert sure.decision.engine == "local"
    assert unsure.decision.engine == "openai"
    escalated = Decision.objects.get(ticket=unfamiliar, routing_outcome__startswith="escalated")
    assert escalated.routing_confidence < 0.80  # the default AI_CASCADE_THRESHOLD
    assert len(llm.requests) == 1


@pytest.mark.django_db
def test_evaluate_compares_two_local_models_on_the_same_rows(tmp_path, settings):
    rows = [
        {"body": "Where can I download my invoices as PDF?", "intent": "billing"},
        {"body": "Wo finde ich meine Rechnungen?", "intent": "billing"},
        {"body": "Die App stürzt beim Öffnen eines Boards ab.", "intent": "technical_issue"},
        {"body": "what's the weather like in Lisbon tomorrow", "intent": "unknown"},
    ]
    dataset = tmp_path / "rows.jsonl"
    dataset.write_text("".join(json.dumps(r) + "\n" for r in rows))
    tfidf = tfidf_model_save(tmp_path / "tfidf.npz")
    out, figures = StringIO(), tmp_path / "figures.json"

    call_command(
        "evaluate",
        "--dataset",
        str(dataset),
        "--model",
        str(tfidf),
        "--compare",
        "local",
        "--json",
        str(figures),
        stdout=out,
    )

    result = json.loads(figures.read_text())
    assert result["first"]["n"] == result["second"]["n"] == 4
    assert result["first"]["local_model"] == str(tfidf)
    assert result["second"]["local_model"] == str(settings.AI_LOCAL_MODEL_PATH)
    assert result["first"]["engine_label"].endswith("-tfidf)")
    assert not result["second"]["engine_label"].endswith("-tfidf)")
    assert "Rows where they disagree on intent" in out.getvalue()
