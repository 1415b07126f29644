"""Threading both ways: our mail carries the thread, the customer's replies find their ticket
(shaped like Gmail's, Outlook's and Apple Mail's), anything else opens a new ticket."""

import email
from email import policy

import pytest
from django.core import mail as outbox

from tickets.email.intake import email_receive
from tickets.email.models import InboundEmail
from tickets.models import Message, Source, Status, Ticket
from tickets.services.answers import answer_send
from tickets.services.decisions import triage_run
from tickets.services.review import review_act
from tickets.tests.email_shapes import CLIENT_REPLIES, new_mail
from tickets.tests.factories import AgentFactory

HOW_TO = ("Invoices", "Where can I download our invoices as PDF files? Our accountant needs them.")
QUOTED = "Hello,\nyou can download invoices under Billing > Invoices.\nThe SupportDesk team"


@pytest.fixture
def answered(settings):
    """A ticket opened by mail and auto-resolved: its answer is the one mail in the outbox.

    The services the workers run are called in turn here (the test database commits nothing).
    """
    settings.ROUTING_AUTO_RESOLVE_THRESHOLD = 0.0
    intake = email_receive(raw=new_mail(subject=HOW_TO[0], body=HOW_TO[1]), channel="endpoint")
    triage_run(ticket_id=intake.ticket_id, engine_name="local")
    answer_send(ticket_id=intake.ticket_id)
    ticket = Ticket.objects.get(pk=intake.ticket_id)
    assert (intake.outcome, ticket.status) == ("created", Status.AUTO_RESOLVED), ticket.routing_reason
    assert len(outbox.outbox) == 1
    return ticket, outbox.outbox[0]


def _headers(sent) -> email.message.EmailMessage:
    return email.message_from_bytes(sent.message().as_bytes(), policy=policy.default)


@pytest.mark.django_db
def test_a_mail_opens_a_ticket_with_source_email_and_its_message_id(answered):
    ticket, _ = answered
    first = ticket.messages.order_by("created_at").first()
    assert (first.source, first.email_message_id) == (Source.EMAIL, "<first-1@mail.example.org>")
    assert ticket.customer_email == "ana@example.org"
    assert ticket.events.get(kind="created").action == Source.EMAIL


@pytest.mark.django_db
def test_our_answer_is_threaded_and_marked_automatic(answered, settings):
    ticket, sent = answered
    headers = _headers(sent)
    assert headers["In-Reply-To"] == "<first-1@mail.example.org>"
    assert "<first-1@mail.example.org>" in headers["References"]
    assert headers["Message-ID"].startswith("<") and headers["Message-ID"].endswith("@example.com>")
    token = ticket.email_thread.reply_token
    assert len(token) == 32 and token in headers["Message-ID"]
    assert headers["Reply-To"] == f"support+{token}@example.com"
    assert headers["Auto-Submitted"] == "auto-replied"
    # The answer in the conversation keeps the Message-ID it went out with.
    answer = ticket.messages.get(kind=Message.Kind.AUTO_REPLY)
    assert answer.email_message_id == headers["Message-ID"]


@pytest.mark.django_db
@pytest.mark.parametrize("client", sorted(CLIENT_REPLIES))
def test_a_reply_from_each_client_lands_in_its_ticket_without_the_quote_and_reopens_it(answered, client):
    ticket, sent = answered
    ours = _headers(sent)
    reply = CLIENT_REPLIES[client](
        new_text="It still says access denied when I click Invoices.",
        quoted=QUOTED,
        in_reply_to=ours["Message-ID"],
        references=f"{ours['References']} {ours['Message-ID']}",
        to=ours["Reply-To"],
    )

    intake = email_receive(raw=reply, channel="imap")

    assert (intake.outcome, intake.ticket_id) == ("appended", str(ticket.pk))
    ticket.refresh_from_db()
    assert (ticket.status, ticket.routing_rule) == (Status.AWAITING_REVIEW, "customer_replied")
    latest = ticket.messages.order_by("-created_at", "-id").first()
    assert (latest.kind, latest.source) == (Message.Kind.CUSTOMER, Source.EMAIL)
    assert latest.body.startswith("It still says access denied when I click Invoices.")
    assert "Billing > Invoices" not in latest.body and "wrote:" not in latest.body
    assert "Sent from my iPhone" not in latest.body
    # A reply to an auto-resolved answer is a reopen of that answer.
    assert ticket.messages.get(kind=Message.Kind.AUTO_REPLY).outcome == Message.Outcome.REOPENED
    assert Ticket.objects.count() == 1


@pytest.mark.django_db
def test_the_agents_next_answer_threads_under_the_customers_reply(answered):
    ticket, sent = answered
    ours = _headers(sent)
    reply = CLIENT_REPLIES["gmail"](
        new_text="Still broken.",
        quoted=QUOTED,
        in_reply_to=ours["Message-ID"],
        references=ours["Message-ID"],
        to=ours["Reply-To"],
    )
    email_receive(raw=reply, channel="endpoint")
    ticket.refresh_from_db()

    review_act(
        ticket_id=ticket.pk,
        actor=AgentFactory(username="agent"),
        action="override",
        version=ticket.version,
        intent="billing",
        priority="medium",
        answer="We fixed your permissions; Invoices opens now.",
    )
    answer_send(ticket_id=ticket.pk)

    second = _headers(outbox.outbox[-1])
    assert second["In-Reply-To"] == "<CAF=gmail-reply-1@mail.gmail.com>"
    assert second["References"].split() == [
        "<first-1@mail.example.org>",
        ours["Message-ID"],
        "<CAF=gmail-reply-1@mail.gmail.com>",
    ]
    # A person's answer is not automatic mail.
    assert second["Auto-Submitted"] is None


@pytest.mark.django_db
def test_a_reply_whose_client_dropped_the_headers_is_threaded_by_its_reply_address(answered):
    ticket, sent = answered
    reply = new_mail(
        subject="Re: Invoices",
        body="Thanks, that worked.",
        to=_headers(sent)["Reply-To"],
        message_id="<no-headers@example.org>",
    )
    assert email_receive(raw=reply, channel="endpoint").ticket_id == str(ticket.pk)
    assert ticket.messages.filter(email_message_id="<no-headers@example.org>").exists()


@pytest.mark.django_db
def test_a_made_up_or_foreign_token_opens_a_new_ticket(answered):
    ticket, _ = answered
    forged = new_mail(
        to="support+0123456789abcdef0123456789abcdef@example.com",
        message_id="<f1@example.org>",
        headers={"In-Reply-To": "<x.sd.fedcba9876543210fedcba9876543210@example.com>"},
    )
    intake = email_receive(raw=forged, channel="endpoint")
    assert intake.outcome == "created" and intake.ticket_id != str(ticket.pk)


@pytest.mark.django_db
def test_a_stranger_answering_the_customers_message_id_gets_a_new_ticket_not_theirs(answered):
    ticket, _ = answered
    stranger = new_mail(
        sender="eve@example.net",
        message_id="<eve-1@example.net>",
        headers={"In-Reply-To": "<first-1@mail.example.org>"},
    )
    intake = email_receive(raw=stranger, channel="endpoint")
    assert intake.outcome == "created" and intake.ticket_id != str(ticket.pk)
    # The customer themself, answering their own first mail, stays in their ticket.
    again = new_mail(message_id="<ana-2@example.org>", headers={"In-Reply-To": "<first-1@mail.example.org>"})
    assert email_receive(raw=again, channel="endpoint").ticket_id == str(ticket.pk)


@pytest.mark.django_db
def test_the_same_message_id_delivered_twice_is_stored_once(answered):
    ticket, sent = answered
    reply = CLIENT_REPLIES["outlook"](
        new_text="Any news?",
        quoted=QUOTED,
        in_reply_to=_headers(sent)["Message-ID"],
        references=_headers(sent)["Message-ID"],
        to="support@example.com",
    )
    first = email_receive(raw=reply, channel="imap")
    second = email_receive(raw=reply, channel="endpoint")
    assert (first.outcome, second.outcome) == ("appended", "duplicate")
    assert second.ticket_id == str(ticket.pk)
    assert ticket.messages.filter(body__startswith="Any news?").count() == 1
    assert InboundEmail.objects.filter(ticket=ticket).count() == 2  # the first mail and this reply
    # The first mail redelivered creates no second ticket either.
    assert (
        email_receive(raw=new_mail(subject=HOW_TO[0], body=HOW_TO[1]), channel="imap").outcome == "duplicate"
    )
    assert Ticket.objects.count() == 1


@pytest.mark.django_db
def test_mail_on_a_ticket_from_the_api_threads_under_its_confirmation():
    from tickets.services.confirmation import confirmation_send
    from tickets.services.submission import ticket_submit

    ticket, _ = ticket_submit(
        subject="Charged twice", body="You charged me twice.", customer_email="lena@example.com"
    )
    confirmation_send(ticket_id=ticket.pk)
    confirmation = _headers(outbox.outbox[0])
    assert confirmation["In-Reply-To"] is None  # nothing to answer yet: it starts the thread

    ticket.refresh_from_db()
    review_act(
        ticket_id=ticket.pk,
        actor=AgentFactory(username="agent"),
        action="override",
        version=ticket.version,
        intent="billing",
        priority="high",
        answer="We refunded the second charge.",
    )
    answer_send(ticket_id=ticket.pk)

    answer = _headers(outbox.outbox[1])
    # (A long header may be folded onto the next line; the value is the id all the same.)
    assert answer["In-Reply-To"].strip() == confirmation["Message-ID"]
    assert answer["References"].strip() == confirmation["Message-ID"]
    assert answer["Message-ID"] != confirmation["Message-ID"]
    # And the customer's reply to either finds the ticket.
    reply = new_mail(
        message_id="<lena-1@example.com>",
        sender="lena@example.com",
        headers={"In-Reply-To": answer["Message-ID"]},
    )
    assert email_receive(raw=reply, channel="imap").ticket_id == str(ticket.pk)
