"""Human review: services, the review API, emails to customers, learning from reviews."""

import json
from dataclasses import replace
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from ai_engine import TicketText, engine_build
from tickets.models import AuditEvent, DecidedBy, Status, Ticket
from tickets.selectors import policy_texts
from tickets.services.decisions import triage_run
from tickets.services.engine import engine_config
from tickets.services.errors import Conflict
from tickets.services.redaction import ticket_secrets_purge
from tickets.services.review import review_approve, review_override, review_requeue, review_spam
from tickets.tests.factories import TicketFactory


def queued(**fields):
    defaults = {
        "status": Status.AWAITING_REVIEW,
        "intent": "billing",
        "priority": "medium",
        "confidence": 0.7,
        "suggestion": "Hello, your invoices are in Settings > Billing.",
        "policy_keys": ["billing-invoices"],
        "routing_rule": "low_confidence",
    }
    return TicketFactory(**(defaults | fields))


def post_review(client, ticket, **payload):
    return client.post(f"/tickets/{ticket.pk}/review", json.dumps(payload), content_type="application/json")


@pytest.mark.django_db
def test_approve_resolves_with_the_ai_suggestion_and_emails_the_customer(
    agent, django_capture_on_commit_callbacks
):
    ticket = queued()

    with django_capture_on_commit_callbacks(execute=True):
        review_approve(ticket_id=ticket.pk, actor=agent)

    ticket.refresh_from_db()
    assert (ticket.status, ticket.decided_by) == (Status.RESOLVED, DecidedBy.HUMAN)
    assert ticket.resolution == "Hello, your invoices are in Settings > Billing."
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [ticket.customer_email]
    assert ticket.resolution in mail.outbox[0].body
    assert ticket.answer_sent_at is not None


@pytest.mark.django_db
def test_approve_with_an_edited_answer_sends_the_edit(agent, django_capture_on_commit_callbacks):
    ticket = queued()

    with django_capture_on_commit_callbacks(execute=True):
        review_approve(ticket_id=ticket.pk, actor=agent, answer="Edited: see Settings > Billing > Invoices.")

    assert "Edited: see Settings > Billing > Invoices." in mail.outbox[0].body


@pytest.mark.django_db
def test_override_sets_intent_priority_answer_and_audits_what_changed(agent):
    ticket = queued()

    review_override(
        ticket_id=ticket.pk, actor=agent, intent="account", priority="high", answer="We fixed it."
    )

    ticket.refresh_from_db()
    assert (ticket.intent, ticket.priority, ticket.resolution) == ("account", "high", "We fixed it.")
    event = AuditEvent.objects.get(ticket=ticket, kind="review")
    assert event.actor == agent and event.action == "override"
    assert event.changes["intent"] == ["billing", "account"]
    assert event.changes["priority"] == ["medium", "high"]
    assert event.changes["status"] == ["awaiting_review", "resolved"]


@pytest.mark.django_db
def test_spam_closes_without_emailing_anyone(agent, django_capture_on_commit_callbacks):
    ticket = queued(priority="high")

    with django_capture_on_commit_callbacks(execute=True):
        review_spam(ticket_id=ticket.pk, actor=agent)

    ticket.refresh_from_db()
    # Low, as the rubric labels every unknown ticket: the label is exported and trained on.
    assert (ticket.status, ticket.intent, ticket.priority) == (Status.CLOSED, "unknown", "low")
    assert mail.outbox == []


@pytest.mark.django_db
def test_requeue_returns_a_resolved_ticket_to_the_queue(agent):
    ticket = queued(status=Status.AUTO_RESOLVED, decided_by=DecidedBy.AI)

    review_requeue(ticket_id=ticket.pk, actor=agent)

    ticket.refresh_from_db()
    assert ticket.status == Status.AWAITING_REVIEW and ticket.routing_rule == "requeued"


@pytest.mark.django_db
def test_requeue_with_a_priority_raises_it_and_leaves_the_answer_for_later(agent, client):
    # Found trying the product: a legal threat read as unknown sat at low, and the only way
    # to raise it was an override, which mails a reply.
    ticket = queued(status=Status.AWAITING_REVIEW, decided_by=DecidedBy.AI, intent="unknown", priority="low")
    client.force_login(agent)

    response = client.post(
        f"/tickets/{ticket.pk}/review",
        {"action": "requeue", "priority": "high", "version": ticket.version},
        content_type="application/json",
    )

    assert response.status_code == 200, response.content
    ticket.refresh_from_db()
    assert (ticket.status, ticket.priority, ticket.intent) == (Status.AWAITING_REVIEW, "high", "unknown")
    assert ticket.routing_reason == "Returned to the queue by an agent, with priority high."
    assert ticket.resolution == "" and ticket.answer_sent_at is None
    assert mail.outbox == []
    # Once requeued, a requeue that changes nothing is refused; one that corrects the intent is not.
    with pytest.raises(Conflict):
        review_requeue(ticket_id=ticket.pk, actor=agent, priority="high")
    review_requeue(ticket_id=ticket.pk, actor=agent, intent="account")
    ticket.refresh_from_db()
    assert (ticket.intent, ticket.priority) == ("account", "high")


@pytest.mark.django_db
def test_stale_version_is_refused_and_nothing_is_overwritten(agent, admin_user):
    ticket = queued()
    seen = ticket.version
    review_override(ticket_id=ticket.pk, actor=admin_user, intent="account", priority="low", answer="First")

    with pytest.raises(Conflict) as refused:
        review_approve(ticket_id=ticket.pk, actor=agent, version=seen)

    assert refused.value.ticket.resolution == "First"
    ticket.refresh_from_db()
    assert ticket.resolution == "First"


@pytest.mark.django_db
def test_ai_re_evaluation_landing_during_review_makes_the_agent_write_fail(agent):
    ticket = queued(subject="Where can I download invoices?", body="Need PDF invoices.")
    seen = ticket.version
    triage_run(ticket_id=ticket.pk, engine_name="local")  # lands while the agent reads

    with pytest.raises(Conflict):
        review_approve(ticket_id=ticket.pk, actor=agent, version=seen)


@pytest.mark.django_db
def test_after_a_review_ai_runs_are_recorded_but_never_change_the_ticket(agent):
    ticket = queued()
    review_override(ticket_id=ticket.pk, actor=agent, intent="account", priority="low", answer="Done")

    with pytest.raises(Conflict) as refused:
        triage_run(ticket_id=ticket.pk, engine_name="local", force=True)

    assert str(refused.value) == (
        "The AI decision was recorded but not applied: a human has decided this ticket."
    )
    assert ticket.decisions.filter(applied=False).exists()  # recorded, not applied
    ticket.refresh_from_db()
    assert (ticket.intent, ticket.resolution, ticket.status) == ("account", "Done", Status.RESOLVED)


@pytest.mark.django_db
class TestReviewApi:
    def test_approve_via_api(self, persona):
        ticket = queued()

        response = post_review(persona("agent"), ticket, action="approve", version=ticket.version)

        assert response.status_code == 200
        assert response.json()["status"] == "resolved"
        assert response.json()["decided_by"] == "human"

    def test_stale_version_gets_409_with_the_current_ticket(self, persona):
        ticket = queued()
        post_review(persona("agent"), ticket, action="spam")

        response = post_review(persona("admin"), ticket, action="approve", version=ticket.version)

        assert response.status_code == 409
        assert response.json()["ticket"]["status"] == "closed"
        assert response.json()["ticket"]["version"] == ticket.version + 1

    @pytest.mark.parametrize(
        "payload, field",
        [
            ({"action": "delete"}, "action"),
            ({"action": "override", "intent": "billing"}, "priority"),
            ({"action": "override", "intent": "refunds", "priority": "low", "answer": "x"}, "intent"),
            ({"action": "spam", "answer": "why"}, "answer"),
            ({"action": "approve", "version": "seven"}, "version"),
            ({"action": "approve", "colour": "red"}, "colour"),
        ],
    )
    def test_bad_review_input_gets_400_naming_the_field(self, persona, payload, field):
        ticket = queued()

        response = post_review(persona("agent"), ticket, **payload)

        assert response.status_code == 400
        assert field in response.json()
        ticket.refresh_from_db()
        assert ticket.status == Status.AWAITING_REVIEW

    def test_approve_without_any_answer_is_refused(self, persona):
        ticket = queued(suggestion="")

        response = post_review(persona("agent"), ticket, action="approve")

        assert response.status_code == 400
        assert "answer" in response.json()["detail"]

    def test_a_suggestion_citing_no_policy_is_not_sent_as_it_is(self, persona):
        # Found trying the product: bulk approve mailed the engine's note to the agent
        # ("No written policy answers this ticket ...") to the customer as the answer.
        note = "No written policy answers this ticket; an agent writes the reply."
        ticket = queued(suggestion=note, policy_keys=[])

        refused = post_review(persona("agent"), ticket, action="approve")
        written = post_review(persona("agent"), ticket, action="approve", answer="We have added Nina.")

        assert refused.status_code == 400 and "write the reply" in refused.json()["detail"]
        assert written.status_code == 200
        ticket.refresh_from_db()
        assert (ticket.status, ticket.resolution) == (Status.RESOLVED, "We have added Nina.")


@pytest.mark.django_db
def test_failed_email_is_recorded_and_retried_until_sent(agent, settings, django_capture_on_commit_callbacks):
    from tickets.selectors import tickets_stuck
    from tickets.tasks import send_answer

    ticket = queued()
    settings.EMAIL_BACKEND = "tickets.tests.test_review.FailingBackend"
    # The review is saved and the agent told so; the failed send is logged, not raised at them.
    with django_capture_on_commit_callbacks(execute=True):
        review_approve(ticket_id=ticket.pk, actor=agent)

    ticket.refresh_from_db()
    assert ticket.answer_sent_at is None
    assert ticket.events.filter(kind="answer_failed").exists()
    settings.SWEEP_NEW_AFTER_SECONDS = -1
    assert ticket.pk in tickets_stuck()["answers"]  # the sweeper will retry it

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_answer(ticket.pk) == "sent"
    assert send_answer(ticket.pk) == "nothing to send"  # idempotent
    assert len(mail.outbox) == 1


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("SMTP down")


@pytest.mark.django_db
def test_export_labels_writes_reviewed_tickets_as_jsonl(agent, tmp_path):
    ticket = queued()
    review_override(ticket_id=ticket.pk, actor=agent, intent="account", priority="high", answer="ok")
    queued()  # not reviewed: not exported
    out = tmp_path / "labels.jsonl"

    call_command("export_labels", "--output", str(out))

    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows == [
        {
            "id": str(ticket.pk),
            "subject": ticket.subject,
            "body": ticket.body,
            "intent": "account",
            "priority": "high",
        }
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["approve", "override"])
def test_a_ticket_holding_a_pasted_secret_is_purged_before_it_is_answered(agent, action, client):
    # Found trying the product: approving "Update card" (card number and CVV) resolved it
    # with the card number stored for good and nobody asked to purge it (rubric section 5).
    ticket = queued(body="Please update my card: 4111 1111 1111 1111, cvv 123. Thanks")
    client.force_login(agent)
    payload = {"action": action, "version": ticket.version, "answer": "Your card is updated."}
    payload |= {"intent": "billing", "priority": "medium"} if action == "override" else {}

    refused = post_review(client, ticket, **payload)

    assert refused.status_code == 400
    assert "still holds a secret the customer sent" in refused.content.decode()
    assert "purge it first" in refused.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == Status.AWAITING_REVIEW and "4111 1111 1111 1111" in ticket.body
    purged = ticket_secrets_purge(ticket_id=ticket.pk, actor=agent)

    answered = post_review(client, purged, **(payload | {"version": purged.version}))

    assert answered.status_code == 200
    purged.refresh_from_db()
    assert purged.status == Status.RESOLVED and "[card_number]" in purged.body


@pytest.mark.django_db
def test_exported_labels_carry_no_secret_the_customer_pasted(agent, tmp_path):
    # Found trying the product: the card number, CVV and password went out in clear.
    ticket = queued(body="Payment failed. Card 4111 1111 1111 1111 exp 12/28 cvv 123, password: Hunter22!x")
    # Reviewed before purging was required (a review now refuses, see the test above).
    Ticket.objects.filter(pk=ticket.pk).update(status=Status.RESOLVED, decided_by=DecidedBy.HUMAN)
    out = tmp_path / "labels.jsonl"

    call_command("export_labels", "--output", str(out))

    exported = out.read_text()
    assert "4111" not in exported and "123," not in exported and "Hunter22" not in exported
    assert "[card_number]" in exported
    with pytest.raises(CommandError, match="--output"):
        call_command("export_labels", "--output", str(tmp_path / "no" / "such" / "dir.jsonl"))


@pytest.mark.django_db
def test_training_on_reviewed_tickets_teaches_the_local_engine_a_new_kind(
    agent, tmp_path, settings, quarter_of_starter_rows
):
    # A kind of ticket the starter examples never mention: tachograph calibration for trucks,
    # which this company files under account.
    new_kind = [
        "Tachograph calibration certificate for truck {n} expired",
        "Need tachograph calibration report for our lorry fleet, vehicle {n}",
        "Tachograph recalibration booking for truck number {n}",
        "Upload the tachograph calibration record for trailer {n}",
    ]
    for n in range(10):
        for template in new_kind:
            ticket = TicketFactory(subject=template.format(n=n), body=template.format(n=n) + ". Thanks.")
            review_override(
                ticket_id=ticket.pk, actor=agent, intent="account", priority="medium", answer="ok"
            )
    probe = TicketText("Tachograph calibration", "Our tachograph calibration for truck 77 is due, what now?")
    before = local_engine(settings.AI_LOCAL_MODEL_PATH).run(probe, policy_texts()).final

    settings.AI_LOCAL_MODEL_PATH = tmp_path / "retrained.npz"
    quarter_of_starter_rows(tmp_path)
    call_command("train_engine", "--output", str(settings.AI_LOCAL_MODEL_PATH))
    after = local_engine(settings.AI_LOCAL_MODEL_PATH).run(probe, policy_texts()).final

    assert before.decision.intent != "account"
    assert after.decision.intent == "account"


@pytest.mark.django_db
def test_train_engine_takes_extra_labelled_datasets_and_rows_without_priority(
    tmp_path, settings, quarter_of_starter_rows
):
    dataset = tmp_path / "extra.jsonl"
    rows = [{"body": f"Tachograph calibration for truck {n} is due", "intent": "account"} for n in range(30)]
    dataset.write_text("".join(json.dumps(r) + "\n" for r in rows) + "not json\n")
    output = tmp_path / "model.npz"
    quarter_of_starter_rows(tmp_path)
    out, err = StringIO(), StringIO()

    call_command("train_engine", "--output", str(output), "--dataset", str(dataset), stdout=out, stderr=err)

    assert "30 dataset rows" in out.getvalue()
    assert "extra.jsonl:31" in err.getvalue()
    engine = local_engine(output)
    result = engine.run(
        TicketText("Tachograph", "Tachograph calibration for truck 99?"), policy_texts()
    ).final
    assert result.decision.intent == "account"
    with pytest.raises(CommandError, match="no such file"):
        call_command("train_engine", "--output", str(output), "--dataset", str(tmp_path / "nope.jsonl"))
    # A dataset with nothing usable is an error, not "0 dataset rows" and a new model.
    trained = output.stat().st_mtime_ns
    with pytest.raises(CommandError, match=r"no usable rows with split 'test' \(1 lines skipped\)"):
        call_command("train_engine", "--output", str(output), "--dataset", str(dataset), "--split", "test")
    assert output.stat().st_mtime_ns == trained


@pytest.mark.django_db
def test_train_engine_per_intent_keeps_a_large_dataset_from_outnumbering_the_rest(
    tmp_path, quarter_of_starter_rows
):
    dataset = tmp_path / "large.jsonl"
    rows = [{"body": f"Tachograph calibration for truck {n} is due", "intent": "account"} for n in range(50)]
    rows += [{"body": f"Fuel card {n} was charged twice", "intent": "billing"} for n in range(4)]
    dataset.write_text("".join(json.dumps(r) + "\n" for r in rows))
    quarter_of_starter_rows(tmp_path)
    out = StringIO()

    call_command(
        "train_engine",
        "--output",
        str(tmp_path / "m.npz"),
        "--dataset",
        str(dataset),
        "--per-intent",
        "20",
        stdout=out,
    )

    assert "24 of 54 rows kept (at most 20 per intent)" in out.getvalue()
    assert "and 24 dataset rows" in out.getvalue()
    with pytest.raises(CommandError, match="--per-intent must be 0"):
        call_command("train_engine", "--dataset", str(dataset), "--per-intent", "-1")
    # Found trying the product: without --dataset these trained on the starter rows alone
    # and reported success.
    with pytest.raises(CommandError, match="--per-intent applies to --dataset files"):
        call_command("train_engine", "--output", str(tmp_path / "n.npz"), "--per-intent", "50")
    with pytest.raises(CommandError, match="--split applies to --dataset files"):
        call_command("train_engine", "--output", str(tmp_path / "n.npz"), "--split", "train")
    assert not (tmp_path / "n.npz").exists()


def local_engine(path):
    return engine_build(replace(engine_config(), local_model_path=path), "local")
