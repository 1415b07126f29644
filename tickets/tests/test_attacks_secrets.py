"""Secrets and personal data: masked before the LLM, in the API and in logs; revealed only
with a permission, and audited; never mailed; purged on request."""

import io
import logging

import pytest
from django.core import mail
from django.test import override_settings

from ai_engine.tests.fake_openai import FakeOpenAI, Reply, decision_json
from tickets.models import AuditEvent, DecidedBy, Message, Status, Ticket
from tickets.services.answers import answer_send
from tickets.tests.factories import TicketFactory
from tickets.tests.personas import persona_client, post_json

CARD = "4111 1111 1111 1111"
PHONE = "+1 415 555 0100"
PASTED = f"Please update my card to {CARD}, CVV 123. Call me on {PHONE}."


class EchoingLLM(FakeOpenAI):
    """An LLM that repeats the ticket it was sent back as its suggestion."""

    def _next(self) -> Reply:
        sent = self.requests[-1]["body"]["messages"][-1]["content"]
        return Reply(content=decision_json(suggestion=sent[-1500:]), intent_token_probability=0.999)


@pytest.fixture
def llm_server(request):
    server = (EchoingLLM if getattr(request, "param", "") == "echo" else FakeOpenAI)().start()
    with override_settings(OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=server.base_url, AI_MAX_RETRIES=0):
        yield server
    server.stop()


def everything_said(response) -> str:
    return response.content.decode()


# --- what the API shows -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["customer", "agent", "admin"])
def test_the_api_masks_secrets_and_phone_numbers_by_default(persona):
    ticket = TicketFactory(subject=f"Card {CARD}", body=PASTED)
    client = persona_client(persona, ticket)

    detail = client.get(f"/tickets/{ticket.pk}")
    listing = client.get("/tickets/") if persona != "customer" else detail

    for response in (detail, listing):
        assert response.status_code == 200
        text = everything_said(response)
        assert CARD not in text and "4111" not in text and "555 0100" not in text and "123." not in text
        assert "[card_number]" in text and "[phone_number]" in text and "[cvv]" in text
    if persona != "customer":
        assert detail.json()["has_secret"] is True


@pytest.mark.django_db
def test_creating_a_ticket_with_a_secret_answers_with_it_masked(api):
    response = post_json(
        api, "/tickets/", {"subject": "Card", "body": PASTED, "customer_email": "a@example.com"}
    )

    assert response.status_code == 201
    assert CARD not in everything_said(response)
    assert Ticket.objects.get().body == PASTED  # stored as sent, until an agent purges it


@pytest.mark.django_db
def test_an_admin_may_reveal_the_original_and_each_look_is_audited():
    ticket = TicketFactory(body=PASTED)
    admin = persona_client("admin", ticket)

    first = post_json(admin, f"/tickets/{ticket.pk}/reveal", {})
    post_json(admin, f"/tickets/{ticket.pk}/reveal", {})

    assert first.status_code == 200
    assert first.json()["body"] == PASTED
    looks = AuditEvent.objects.filter(ticket=ticket, kind=AuditEvent.Kind.SECRETS_REVEALED)
    assert [event.actor.username for event in looks] == ["persona-admin", "persona-admin"]
    assert looks[0].changes["kinds"] == ["card_number", "cvv", "phone_number"]


@pytest.mark.django_db
def test_a_secret_in_a_follow_up_flags_the_ticket_in_the_list_and_detail_and_purge_clears_it():
    # Found trying the product: the reply was masked on screen, but nothing said to purge it.
    from tickets.services.conversation import customer_reply

    ticket = TicketFactory(subject="Login trouble", body="I cannot log in.")
    customer_reply(ticket_id=ticket.pk, body="Still stuck. password: Winter2026!x, card 5555 5555 5555 4444")
    agent = persona_client("agent", ticket)

    detail = agent.get(f"/tickets/{ticket.pk}").json()
    listed = agent.get("/tickets/").json()["results"]

    assert detail["has_secret"] is True
    assert [t["has_secret"] for t in listed if t["id"] == str(ticket.pk)] == [True]
    purged = post_json(agent, f"/tickets/{ticket.pk}/purge-secrets", {"version": detail["version"]})
    assert purged.json()["has_secret"] is False
    assert "4444" not in "".join(Message.objects.filter(ticket=ticket).values_list("body", flat=True))


@pytest.mark.django_db
def test_an_agent_purges_a_flagged_ticket_for_good():
    ticket = TicketFactory(subject=f"Card {CARD}", body=PASTED)
    agent = persona_client("agent", ticket)
    assert agent.get(f"/tickets/{ticket.pk}").json()["has_secret"] is True

    purged = post_json(agent, f"/tickets/{ticket.pk}/purge-secrets", {"version": ticket.version})

    assert purged.status_code == 200
    assert purged.json()["has_secret"] is False
    ticket.refresh_from_db()
    assert ticket.body == "Please update my card to [card_number], CVV [cvv]. Call me on [phone_number]."
    assert ticket.subject == "Card [card_number]"
    event = AuditEvent.objects.get(ticket=ticket, kind=AuditEvent.Kind.SECRETS_PURGED)
    assert event.actor.username == "persona-agent"
    assert CARD not in str(event.changes)
    admin = persona_client("admin", ticket)
    assert CARD not in post_json(admin, f"/tickets/{ticket.pk}/reveal", {}).json()["body"]


@pytest.mark.django_db
def test_purging_refuses_a_stale_version_and_a_ticket_with_nothing_to_purge():
    ticket = TicketFactory(body=PASTED)
    agent = persona_client("agent", ticket)

    stale = post_json(agent, f"/tickets/{ticket.pk}/purge-secrets", {"version": ticket.version + 5})
    done = post_json(agent, f"/tickets/{ticket.pk}/purge-secrets", {})
    again = post_json(agent, f"/tickets/{ticket.pk}/purge-secrets", {})

    assert stale.status_code == 409
    assert done.status_code == 200
    assert again.status_code == 400
    assert "nothing" in again.json()["detail"].lower() or "no secret" in again.json()["detail"]


# --- the LLM ------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("llm_server", ["echo"], indirect=True)
def test_an_llm_that_echoes_the_ticket_never_saw_the_secrets_so_cannot_repeat_them(llm_server):
    ticket = TicketFactory(subject="Card update", body=PASTED)
    agent = persona_client("agent", ticket)

    triaged = post_json(agent, f"/tickets/{ticket.pk}/triage", {"engine": "openai"})

    sent = str(llm_server.requests[-1]["body"])
    assert CARD not in sent and "555 0100" not in sent and "[card_number]" in sent
    ticket.refresh_from_db()
    assert "[card_number]" in ticket.suggestion and CARD not in ticket.suggestion
    assert CARD not in everything_said(triaged)
    assert ticket.status == Status.AWAITING_REVIEW  # exposed_secret: a human purges, then answers
    assert ticket.routing_rule == "guard:exposed_secret"


@pytest.mark.django_db
def test_an_llm_reply_carrying_a_card_number_is_never_mailed(llm_server, django_capture_on_commit_callbacks):
    leaked = f"Your card {CARD} has been updated. See Settings > Data > Export."
    llm_server.script(Reply(content=decision_json(suggestion=leaked), intent_token_probability=0.999))
    ticket = TicketFactory(subject="Export", body="How do I export all my projects to CSV for our archive?")

    with django_capture_on_commit_callbacks(execute=True):
        post_json(persona_client("agent", ticket), f"/tickets/{ticket.pk}/triage", {"engine": "openai"})

    ticket.refresh_from_db()
    assert mail.outbox == []
    assert ticket.status == Status.AWAITING_REVIEW
    assert ticket.routing_rule == "guard:exposed_secret"
    assert AuditEvent.objects.filter(ticket=ticket, kind=AuditEvent.Kind.ANSWER_FAILED).exists()


# --- email -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_agent_answer_with_a_secret_is_refused_naming_the_field():
    ticket = TicketFactory(status=Status.AWAITING_REVIEW, intent="billing", priority="low", suggestion="Hi")

    response = post_json(
        persona_client("agent", ticket),
        f"/tickets/{ticket.pk}/review",
        {"action": "approve", "answer": f"We charged {CARD} again."},
    )

    assert response.status_code == 400
    assert response.json()["detail"].startswith("answer:")
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_resolved_answer_holding_a_secret_goes_back_to_review_at_send_time():
    # However it got there (an import, a bug, a future path), the send-time check holds.
    ticket = TicketFactory(
        status=Status.RESOLVED,
        decided_by=DecidedBy.HUMAN,
        resolution="Your IBAN DE89370400440532013000 is set.",
    )

    outcome = answer_send(ticket_id=ticket.pk)

    ticket.refresh_from_db()
    assert outcome.startswith("withheld")
    assert mail.outbox == []
    assert ticket.status == Status.AWAITING_REVIEW
    assert ticket.decided_by == DecidedBy.HUMAN  # still the agent's; no AI run moves it
    assert answer_send(ticket_id=ticket.pk) == "not resolved"  # nothing left for the sweeper to retry


@pytest.mark.django_db
def test_a_secret_in_the_customers_subject_is_masked_in_the_reply_subject():
    ticket = TicketFactory(
        subject=f"Update card {CARD}", status=Status.RESOLVED, decided_by=DecidedBy.HUMAN, resolution="Done."
    )

    assert answer_send(ticket_id=ticket.pk) == "sent"

    assert mail.outbox[0].subject == "Re: Update card [card_number]"
    assert CARD not in mail.outbox[0].body


# --- logs ----------------------------------------------------------------------------------------


@pytest.fixture
def console():
    """What the configured console handler writes."""
    handler = next(
        h for h in logging.getLogger().handlers if h.filters and isinstance(h, logging.StreamHandler)
    )
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_log_lines_and_tracebacks_are_masked(console):
    logger = logging.getLogger("tickets.anything")
    logger.warning("customer wrote %s", PASTED)
    try:
        raise ValueError(f"bad input: password is Hunter22! and card {CARD}")
    except ValueError:
        logger.exception("failed")

    written = console.getvalue()
    assert "customer wrote" in written and "ValueError" in written
    assert CARD not in written and "Hunter22" not in written and "555 0100" not in written
    assert written.count("[card_number]") == 2 and "[password]" in written


def test_django_request_errors_are_masked_too(console):
    logging.getLogger("django.request").error("Internal Server Error: /tickets/?q=%s", CARD)

    assert CARD not in console.getvalue() and "[card_number]" in console.getvalue()


@pytest.mark.django_db
def test_purging_also_reaches_the_conversation():
    ticket = TicketFactory(body="Hello")
    Message.objects.create(ticket=ticket, kind=Message.Kind.CUSTOMER, body=f"Oh, and my card is {CARD}.")

    response = post_json(persona_client("agent", ticket), f"/tickets/{ticket.pk}/purge-secrets", {})

    assert response.status_code == 200
    assert list(ticket.messages.values_list("body", flat=True)) == ["Oh, and my card is [card_number]."]
