"""Safe auto-resolve, as a customer and an agent see it: what closes alone, what waits for a human."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from ai_engine.tests.fake_openai import FakeOpenAI, Reply, decision_json
from tickets.models import Status
from tickets.services.decisions import triage_run
from tickets.tests.factories import TicketFactory

DEV_SET = Path(__file__).resolve().parents[2] / "bench" / "data" / "dev_set.jsonl"
# Written blind (rubric and policies only; no rule or threshold tuned on it): bench/devset.py.
BLIND_SET = DEV_SET.with_name("blind_set.jsonl")


def triage(subject: str, body: str):
    ticket = TicketFactory(subject=subject, body=body)
    triage_run(ticket_id=ticket.pk, engine_name="local")
    ticket.refresh_from_db()
    return ticket


@pytest.mark.django_db
def test_a_reply_chosen_by_a_hair_between_two_policies_waits_for_a_person():
    # bench/data/reply_set.jsonl (reply-120): auto-resolved with the data-export policy at
    # confidence 0.96; the security policy, which names where data is hosted, came a close
    # second. Intent and resolvability were right: only the choice of answer was not.
    ticket = triage(
        "Datenstandort",
        "Hallo, wo werden unsere Daten gehostet? Wir brauchen das für unsere Datenschutzdokumentation.",
    )

    assert ticket.status == Status.AWAITING_REVIEW
    assert ticket.routing_rule == "policy_contested"
    assert "almost as well as the cited one" in ticket.routing_reason
    assert ticket.decisions.get().policy_margin < 0.07


@pytest.mark.django_db
def test_the_readme_charged_twice_example_waits_for_a_human_at_high_priority():
    ticket = triage("Charged twice", "I was billed twice this month.")

    assert ticket.status == Status.AWAITING_REVIEW
    assert ticket.routing_rule == "guard:money_taken_wrongly"
    assert ticket.priority == "high"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "subject, body",
    [
        ("Rückerstattung", "Hallo, bitte zurückerstatten Sie mir den Jahresbeitrag, ich habe gekündigt."),
        ("Cobro", "Hola, me han cobrado dos veces la suscripción este mes."),
        ("Prélèvement", "Bonjour, j'ai été prélevé deux fois ce mois-ci, merci de corriger."),
    ],
)
def test_money_to_move_in_german_spanish_or_french_is_never_auto_resolved(subject, body):
    ticket = triage(subject, body)

    assert ticket.status == Status.AWAITING_REVIEW
    assert ticket.routing_rule.startswith("guard:money")


@pytest.mark.django_db
def test_a_pasted_card_number_keeps_the_ticket_with_a_human_and_its_priority():
    ticket = triage("Update card", "Where do I change my card? New one is 4111 1111 1111 1111, CVV 123.")

    assert ticket.status == Status.AWAITING_REVIEW
    assert ticket.routing_rule == "guard:exposed_secret"
    assert ticket.priority != "high"  # a secret does not change priority


@pytest.mark.django_db
def test_a_ticket_in_a_language_we_do_not_answer_in_goes_to_review():
    ticket = triage(
        "Fatture", "Buongiorno, dove posso scaricare le fatture del nostro abbonamento annuale? Grazie mille."
    )

    assert ticket.status == Status.AWAITING_REVIEW
    assert ticket.language == "it"
    assert ticket.routing_rule in ("language", "needs_human", "low_confidence")


@pytest.mark.django_db
def test_a_german_how_to_gets_a_german_reply_without_internal_keys(
    settings, django_capture_on_commit_callbacks
):
    settings.ROUTING_AUTO_RESOLVE_THRESHOLD = 0.0  # this test is about the reply, not the threshold
    with django_capture_on_commit_callbacks(execute=True):
        ticket = triage(
            "Rechnungen herunterladen",
            "Guten Tag, wo finde ich die Rechnungen unseres Abonnements als PDF? Vielen Dank, Jana",
        )

    assert ticket.language == "de"
    assert ticket.status == Status.AUTO_RESOLVED, ticket.routing_reason
    assert "Settings > Billing > Invoices" in ticket.suggestion
    assert "Rechnung" in ticket.suggestion  # the policy's German text, not the English one
    body = mail.outbox[0].body
    assert body.startswith("Guten Tag") and "billing-invoices" not in body and "Policy" not in body


@pytest.mark.django_db
def test_secrets_are_masked_before_the_ticket_reaches_the_llm():
    server = FakeOpenAI().start()
    server.script(Reply(content=decision_json(intent="billing", resolvable=False, policy_ids=[])))
    try:
        with override_settings(OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=server.base_url, AI_MAX_RETRIES=0):
            ticket = TicketFactory(
                subject="Card", body="My card 4111 1111 1111 1111 and password is Hunter22!"
            )
            triage_run(ticket_id=ticket.pk, engine_name="openai")
    finally:
        server.stop()

    sent = server.requests[-1]["body"]["messages"][1]["content"]
    assert "4111" not in sent and "Hunter22" not in sent
    assert "[card_number]" in sent and "[password]" in sent


@pytest.mark.django_db
@pytest.mark.parametrize("dataset, rows", [(DEV_SET, 250), (BLIND_SET, 160)])
def test_the_dev_and_blind_sets_show_no_unsafe_auto_resolve_and_find_high_priority_tickets(
    tmp_path, dataset, rows
):
    out = tmp_path / "figures.json"

    call_command(
        "evaluate", "--dataset", str(dataset), "--engine", "local", "--json", str(out), stdout=StringIO()
    )

    figures = json.loads(out.read_text())
    assert figures["n"] >= rows
    assert figures["auto_resolve"]["unsafe"] == 0, figures["unsafe_ids"]
    assert figures["high_priority_recall"] >= 0.90


@pytest.mark.django_db
@pytest.mark.parametrize(
    "subject, body, policy, answer",
    [
        (
            "Pricing",
            "What does the Business plan cost for 50 users billed annually?",
            "billing-pricing",
            "$192 per user per year",
        ),
        (
            "Mitarbeiter entfernen",
            "Wie entferne ich einen ehemaligen Mitarbeiter aus unserem Arbeitsbereich?",
            "account-members",
            "entfernen Mitglieder",
        ),
        (
            "Downgrade",
            "If we downgrade from Business to Pro now, when does it take effect?",
            "billing-plan-changes",
            "Downgrades and seat reductions take effect at the next renewal",
        ),
        # Found trying the product: an invitation question got the account deletion policy
        # ("A workspace owner can close the whole workspace in Settings > Workspace"), in German
        # the cancellation policy; the members policy did not say "colleague" or "workspace".
        ("Question", "How do I invite a colleague to my workspace?", "account-members", "Settings > Members"),
        (
            "Neue Kollegin",
            "Wie lade ich eine Kollegin in unseren Workspace ein?",
            "account-members",
            "Settings > Members",
        ),
        # Found trying the product: the refund policy says a monthly plan "peut être résilié
        # à tout moment", and by its sentences alone it won over the cancellation policy.
        (
            "Résiliation",
            "Bonjour, comment puis-je annuler mon abonnement Pro ? Je ne veux pas être facturé le mois "
            "prochain. Cordialement, Claire",
            "billing-cancellation",
            "Settings > Billing > Cancel plan",
        ),
    ],
)
def test_the_suggested_reply_quotes_the_policy_sentences_that_answer_the_question(
    subject, body, policy, answer
):
    # Found trying the product: chosen by shared words alone, a price question got the
    # Enterprise sentence and a German question about members the cancellation policy.
    ticket = triage(subject, body)

    assert ticket.policy_keys == [policy]
    assert answer in ticket.suggestion


@pytest.mark.django_db
def test_a_question_no_policy_sentence_is_close_to_goes_to_a_person_without_a_cited_policy():
    # Found trying the product: it was auto-resolved with the policy on closing the workspace.
    ticket = triage("Inviter un collègue", "Comment puis-je inviter un collègue dans mon espace de travail ?")

    assert (ticket.status, ticket.routing_rule) == (Status.AWAITING_REVIEW, "no_policy")
    assert ticket.policy_keys == []
