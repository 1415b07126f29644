"""One confidence: the ticket, the decision log, the timeline and the routing reason agree.

The LLM here says it is 97% sure while its label tokens' probabilities say otherwise
(the intent "general_question" is three tokens; their product is the intent's chance):
the system shows and routes on the token-based number, everywhere.
"""

import pytest
from django.test import override_settings

from ai_engine.tests.fake_openai import FakeOpenAI, Reply, decision_json
from tickets.models import AuditEvent
from tickets.tests.factories import TicketFactory
from tickets.tests.personas import persona_client, post_json

HOW_TO = "How do I export all my projects to CSV? I need the files for our archive."


@pytest.fixture
def llm():
    server = FakeOpenAI().start()
    with override_settings(OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=server.base_url, AI_MAX_RETRIES=0):
        yield server
    server.stop()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "token_probability, rule, status",
    [(0.995, "auto_resolve", "auto_resolved"), (0.80, "low_confidence", "awaiting_review")],
)
def test_ticket_decision_log_timeline_and_reason_show_one_confidence(llm, token_probability, rule, status):
    llm.script(Reply(content=decision_json(confidence=0.97), intent_token_probability=token_probability))
    ticket = TicketFactory(subject="Export projects", body=HOW_TO)
    agent = persona_client("agent", ticket)

    triaged = post_json(agent, f"/tickets/{ticket.pk}/triage", {"engine": "openai"}).json()
    shown = agent.get(f"/tickets/{ticket.pk}").json()

    confidence = shown["confidence"]
    assert (shown["routing_rule"], shown["status"]) == (rule, status), shown["routing_reason"]
    assert confidence == pytest.approx(token_probability**3, abs=0.001)
    assert triaged["routing"]["confidence"] == confidence
    assert triaged["ticket"]["confidence"] == confidence
    assert shown["latest_decision"]["routing_confidence"] == confidence
    timeline = AuditEvent.objects.get(ticket=ticket, kind=AuditEvent.Kind.AI_DECISION)
    assert timeline.changes["confidence"] == confidence
    assert f"Confidence {confidence:.2f}" in shown["routing_reason"]
    # The model's own 0.97 is kept, under its own name, and shown as nothing else.
    assert shown["latest_decision"]["raw_confidence"] == 0.97
    assert "0.97" not in shown["routing_reason"]
