"""No loops, no relay: mail written by machines is stored but never answered automatically,
our automatic mail says it is automatic (RFC 3834), and one hourly cap covers all of it."""

import email
from email import policy
from email.message import EmailMessage

import pytest
from django.core import mail as outbox

from tickets.email.intake import email_receive
from tickets.email.models import InboundEmail
from tickets.models import Status, Ticket
from tickets.services.answers import answer_send
from tickets.services.confirmation import confirmation_send
from tickets.services.decisions import triage_run
from tickets.tests.email_shapes import new_mail

HOW_TO = ("Invoices", "Where can I download our invoices as PDF files? Our accountant needs them.")


def _dsn() -> bytes:
    report = EmailMessage()
    report["From"] = "Mail Delivery System <bounces@mx.example.org>"
    report["To"] = "support@example.com"
    report["Subject"] = "Undelivered Mail Returned to Sender"
    report["Message-ID"] = "<dsn-1@mx.example.org>"
    report.set_content("This is the mail system. Your message could not be delivered.")
    status = EmailMessage()
    status.set_content("Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; nobody@example.org\n")
    report.add_attachment(status)
    report.replace_header("Content-Type", 'multipart/report; report-type=delivery-status; boundary="b"')
    return report.as_bytes()


MACHINE_MAIL = {
    "auto_submitted": new_mail(headers={"Auto-Submitted": "auto-replied"}, message_id="<a1@x>"),
    "auto_generated": new_mail(headers={"Auto-Submitted": "auto-generated; owner=a"}, message_id="<a2@x>"),
    "precedence_bulk": new_mail(headers={"Precedence": "bulk"}, message_id="<a3@x>"),
    "precedence_junk": new_mail(headers={"Precedence": "junk"}, message_id="<a4@x>"),
    "precedence_list": new_mail(headers={"Precedence": "list"}, message_id="<a5@x>"),
    "x_autoreply": new_mail(headers={"X-Autoreply": "yes"}, message_id="<a6@x>"),
    "x_auto_response_suppress": new_mail(headers={"X-Auto-Response-Suppress": "All"}, message_id="<a7@x>"),
    "mailer_daemon": new_mail(sender="MAILER-DAEMON@mx.example.org", message_id="<a8@x>"),
    "delivery_status_notification": _dsn(),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(MACHINE_MAIL))
def test_machine_mail_is_stored_but_never_answered_automatically(kind, settings):
    settings.ROUTING_AUTO_RESOLVE_THRESHOLD = 0.0
    intake = email_receive(raw=MACHINE_MAIL[kind], channel="imap")
    assert intake.outcome == "created"
    assert InboundEmail.objects.get(ticket_id=intake.ticket_id).automatic != ""

    assert confirmation_send(ticket_id=intake.ticket_id) == "skipped: the mail came from a machine"
    triage_run(ticket_id=intake.ticket_id, engine_name="local")
    answer_send(ticket_id=intake.ticket_id)

    assert outbox.outbox == []
    ticket = Ticket.objects.get(pk=intake.ticket_id)
    assert ticket.status != Status.AUTO_RESOLVED


@pytest.mark.django_db
def test_auto_submitted_no_is_a_person_and_gets_the_usual_confirmation():
    intake = email_receive(raw=new_mail(headers={"Auto-Submitted": "no"}), channel="imap")
    assert InboundEmail.objects.get(ticket_id=intake.ticket_id).automatic == ""
    assert confirmation_send(ticket_id=intake.ticket_id) == "sent"
    sent = email.message_from_bytes(outbox.outbox[0].message().as_bytes(), policy=policy.default)
    assert sent["Auto-Submitted"] == "auto-replied"
    assert sent["X-Auto-Response-Suppress"] == "All"
    assert sent["In-Reply-To"] == "<first-1@mail.example.org>"


@pytest.mark.django_db
def test_an_out_of_office_reply_joins_the_conversation_but_does_not_reopen_or_answer(settings):
    settings.ROUTING_AUTO_RESOLVE_THRESHOLD = 0.0
    intake = email_receive(raw=new_mail(subject=HOW_TO[0], body=HOW_TO[1]), channel="imap")
    triage_run(ticket_id=intake.ticket_id, engine_name="local")
    answer_send(ticket_id=intake.ticket_id)
    ours = email.message_from_bytes(outbox.outbox[0].message().as_bytes(), policy=policy.default)
    version = Ticket.objects.get(pk=intake.ticket_id).version

    out_of_office = new_mail(
        subject="Automatic reply: Invoices",
        body="I am out of the office until Monday.",
        message_id="<ooo@example.org>",
        headers={"Auto-Submitted": "auto-replied", "In-Reply-To": ours["Message-ID"]},
    )
    assert email_receive(raw=out_of_office, channel="imap").outcome == "appended"

    ticket = Ticket.objects.get(pk=intake.ticket_id)
    assert (ticket.status, ticket.version) == (Status.AUTO_RESOLVED, version)
    assert ticket.messages.filter(body="I am out of the office until Monday.").exists()
    assert len(outbox.outbox) == 1


@pytest.mark.django_db
def test_an_agents_later_answer_replies_to_the_customer_not_to_their_out_of_office(settings):
    # Found trying the product: the answer carried In-Reply-To: <the out-of-office's id>.
    from tickets.services.review import review_override, review_requeue
    from tickets.tests.factories import AgentFactory

    settings.ROUTING_AUTO_RESOLVE_THRESHOLD = 0.0
    intake = email_receive(raw=new_mail(subject=HOW_TO[0], body=HOW_TO[1]), channel="imap")
    triage_run(ticket_id=intake.ticket_id, engine_name="local")
    answer_send(ticket_id=intake.ticket_id)
    ours = email.message_from_bytes(outbox.outbox[0].message().as_bytes(), policy=policy.default)
    out_of_office = new_mail(
        subject="Automatic reply: Invoices",
        body="I am out of the office until Monday.",
        message_id="<ooo@example.org>",
        headers={"Auto-Submitted": "auto-replied", "In-Reply-To": ours["Message-ID"]},
    )
    email_receive(raw=out_of_office, channel="imap")
    agent = AgentFactory()
    review_requeue(ticket_id=intake.ticket_id, actor=agent)
    answer = "Invoices are in Settings > Billing > Invoices; each one downloads as a PDF."
    review_override(ticket_id=intake.ticket_id, actor=agent, intent="billing", priority="low", answer=answer)
    answer_send(ticket_id=intake.ticket_id)

    second = email.message_from_bytes(outbox.outbox[-1].message().as_bytes(), policy=policy.default)
    assert second["In-Reply-To"] == "<first-1@mail.example.org>"
    assert "<ooo@example.org>" in second["References"]  # still part of the thread


@pytest.mark.django_db
def test_our_own_mail_delivered_back_to_the_mailbox_is_not_taken_for_a_new_ticket(settings):
    settings.ROUTING_AUTO_RESOLVE_THRESHOLD = 0.0
    intake = email_receive(raw=new_mail(subject=HOW_TO[0], body=HOW_TO[1]), channel="imap")
    triage_run(ticket_id=intake.ticket_id, engine_name="local")
    answer_send(ticket_id=intake.ticket_id)

    echo = email_receive(raw=outbox.outbox[0].message().as_bytes(), channel="imap")

    assert (echo.outcome, echo.ticket_id) == ("duplicate", intake.ticket_id)
    assert Ticket.objects.count() == 1


@pytest.mark.django_db
def test_one_hourly_cap_counts_confirmations_and_automatic_answers_together(settings):
    settings.AUTO_REPLIES_PER_ADDRESS_PER_HOUR = 2
    settings.ROUTING_AUTO_RESOLVE_THRESHOLD = 0.0
    first = email_receive(
        raw=new_mail(message_id="<c-1@x>", body="My account page shows an error."), channel="imap"
    )
    second = email_receive(raw=new_mail(message_id="<c-2@x>", body="Also the logo is wrong."), channel="imap")
    assert confirmation_send(ticket_id=first.ticket_id) == "sent"
    assert confirmation_send(ticket_id=second.ticket_id) == "sent"

    third = email_receive(
        raw=new_mail(message_id="<c-3@x>", subject=HOW_TO[0], body=HOW_TO[1]), channel="imap"
    )
    triage_run(ticket_id=third.ticket_id, engine_name="local")
    answer_send(ticket_id=third.ticket_id)

    held = Ticket.objects.get(pk=third.ticket_id)
    assert (held.status, held.routing_rule) == (Status.AWAITING_REVIEW, "auto_reply_limit")
    assert len(outbox.outbox) == 2


@pytest.mark.django_db
def test_the_review_page_says_a_ticket_was_opened_by_machine_mail(admin_client):
    # Found trying the product: a new out-of-office ticket said only "the intent is unknown".
    from django.urls import reverse

    out_of_office = new_mail(subject="Automatic reply", headers={"Auto-Submitted": "auto-replied"})
    person = new_mail(subject="Invoices", message_id="<person@example.org>", sender="bo@example.org")
    machine_ticket = email_receive(raw=out_of_office, channel="imap").ticket_id
    person_ticket = email_receive(raw=person, channel="imap").ticket_id

    def page(ticket_id):
        url = reverse("admin:tickets_awaitingreviewticket_change", args=[ticket_id])
        return admin_client.get(url).content.decode()

    assert 'id="machine-mail"' in page(machine_ticket) and "auto-replied" in page(machine_ticket)
    assert 'id="machine-mail"' not in page(person_ticket)
