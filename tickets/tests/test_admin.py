"""The review queue in Django admin, as agents and admins use it."""

import html
import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tickets.models import AuditEvent, Decision, Policy, Status, Ticket
from tickets.services.decisions import triage_run
from tickets.services.review import review_override, review_requeue, review_spam
from tickets.tests.factories import TicketFactory

QUEUE = reverse("admin:tickets_awaitingreviewticket_changelist")


def queued(**fields):
    defaults = {
        "status": Status.AWAITING_REVIEW,
        "intent": "billing",
        "priority": "medium",
        "confidence": 0.6,
        "suggestion": "See Settings > Billing.",
        "policy_keys": ["billing-invoices"],
        "routing_rule": "low_confidence",
        "engine": "local",
    }
    return TicketFactory(**(defaults | fields))


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client


@pytest.fixture
def admin_client_(client, admin_user):
    client.force_login(admin_user)
    return client


def change_url(ticket):
    return reverse("admin:tickets_awaitingreviewticket_change", args=[ticket.pk])


def words(response) -> str:
    """The page's text as a person reads it: tags dropped, entities decoded, spaces collapsed."""
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.content.decode(), flags=re.S)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    return re.sub(r"\( ", "(", re.sub(r" ([:;,.)])", r"\1", text))


@pytest.mark.django_db
def test_queue_lists_awaiting_tickets_highest_priority_then_oldest(agent_client):
    low = queued(subject="low one", priority="low")
    high_old = queued(subject="high old", priority="high")
    high_new = queued(subject="high new", priority="high")
    queued(subject="already resolved", status=Status.RESOLVED)

    response = agent_client.get(QUEUE)

    assert response.status_code == 200
    listed = [t.subject for t in response.context["cl"].result_list]
    assert listed == [high_old.subject, high_new.subject, low.subject]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("intent__exact=account", {"account one"}),
        ("priority__exact=high", {"high one"}),
        ("confidence_band=top", {"sure one"}),
        ("routing_rule__exact=guard:legal_threat", {"legal one"}),
        ("engine__exact=openai", {"llm one"}),
        ("q=tachograph", {"searchable"}),
        ("q=someone@corp.example", {"by email"}),
    ],
)
def test_queue_filters_and_search(agent_client, query, expected):
    queued(subject="account one", intent="account")
    queued(subject="high one", priority="high")
    queued(subject="sure one", confidence=0.95)
    queued(subject="legal one", routing_rule="guard:legal_threat")
    queued(subject="llm one", engine="openai")
    queued(subject="searchable", body="Our tachograph export fails")
    queued(subject="by email", customer_email="someone@corp.example")

    response = agent_client.get(f"{QUEUE}?{query}")

    assert {t.subject for t in response.context["cl"].result_list} == expected


@pytest.mark.django_db
def test_ticket_page_shows_recommendation_policies_rule_raw_output_and_timeline(agent_client):
    ticket = TicketFactory(subject="Where can I download invoices?", body="I need PDF invoices for 2025.")
    triage_run(ticket_id=ticket.pk, engine_name="local")
    ticket.refresh_from_db()
    policy = Policy.objects.get(key=ticket.policy_keys[0])

    page = agent_client.get(reverse("admin:tickets_ticket_change", args=[ticket.pk])).content.decode()

    assert ticket.routing_rule in page
    assert reverse("admin:tickets_policy_change", args=[policy.pk]) in page
    assert "<details>" in page and "Raw model output" in page
    assert "Submitted by the customer" in page and "AI (local) recommended" in page
    assert "Auto-resolved:" in page or "Routed to review: " in page


@pytest.mark.django_db
def test_agent_approves_from_the_ticket_page_and_the_timeline_shows_it(
    agent_client, django_capture_on_commit_callbacks
):
    ticket = queued()

    with django_capture_on_commit_callbacks(execute=True):
        response = agent_client.post(
            reverse("admin:tickets_review", args=[ticket.pk]),
            {"action": "approve", "answer": "Edited answer", "version": ticket.version},
            follow=True,
        )

    ticket.refresh_from_db()
    assert ticket.status == Status.RESOLVED and ticket.resolution == "Edited answer"
    assert any("Approved" in str(m) for m in response.context["messages"])
    page = words(agent_client.get(reverse("admin:tickets_ticket_change", args=[ticket.pk])))
    timeline = page[page.index("When Who What happened") :]
    assert (
        timeline.index(f"{ticket.customer_email} Submitted by the customer")
        < timeline.index("agent Approved by agent: reply sent")
        < timeline.index("system Reply emailed to")
    )


@pytest.mark.django_db
def test_second_agent_with_a_stale_page_gets_a_clear_message_and_the_fresh_state(agent_client, admin_user):
    ticket = queued()
    stale_version = ticket.version
    review_spam(ticket_id=ticket.pk, actor=admin_user)

    response = agent_client.post(
        reverse("admin:tickets_review", args=[ticket.pk]),
        {"action": "approve", "answer": "My reply", "version": stale_version},
    )

    assert response.status_code == 409
    page = words(response)
    assert "Your review was not saved: The ticket changed since you loaded it" in page
    assert "boss: Closed as spam by boss" in page  # who changed what
    assert response.context["original"].status == Status.CLOSED  # they now see the fresh state
    form = response.context["form"]
    assert form["answer"].value() == "My reply" and form["action"].value() == "approve"
    assert form["version"].value() == str(stale_version + 1)  # ready to submit on what they now see
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED


@pytest.mark.django_db
def test_an_ai_retriage_landing_first_is_named_in_the_refusal(agent_client):
    ticket = queued(subject="Where can I download invoices?", body="Need PDF invoices.")
    opened = agent_client.get(change_url(ticket)).context["form"]
    triage_run(ticket_id=ticket.pk, engine_name="local")  # lands while the agent reads

    response = agent_client.post(
        reverse("admin:tickets_review", args=[ticket.pk]),
        {
            "action": "override",
            "intent": "billing",
            "priority": "low",
            "answer": "Invoices are in Settings.",
            "version": opened["version"].value(),
            "loaded_at": opened["loaded_at"].value(),
        },
    )

    assert response.status_code == 409
    conflict = words(response).split("Your review was not saved")[1].split("Your input is kept below")[0]
    assert "system: AI (local) recommended billing" in conflict
    assert "Routed to review" in conflict or "Auto-resolved" in conflict
    assert response.context["form"]["answer"].value() == "Invoices are in Settings."


@pytest.mark.django_db
def test_no_action_is_preselected_and_a_review_without_one_changes_nothing(agent_client):
    ticket = queued()

    page = agent_client.get(change_url(ticket))
    assert page.context["form"]["action"].value() is None
    assert " checked" not in page.content.decode().split('id="review-actions"')[1].split("</fieldset>")[0]
    response = agent_client.post(
        reverse("admin:tickets_review", args=[ticket.pk]), {"answer": "x", "version": ticket.version}
    )

    assert response.status_code == 400
    assert "Choose one." in words(response)
    ticket.refresh_from_db()
    assert ticket.status == Status.AWAITING_REVIEW


@pytest.mark.django_db
def test_the_review_page_shows_guards_resolvability_language_and_routing(agent_client):
    ticket = queued(
        guards=["money_movement", "chargeback"],
        resolvable=False,
        language="de",
        priority="high",
        confidence=0.42,
        routing_rule="guard:money_movement",
        routing_reason="Guard fired: refund requested.",
    )

    page = words(agent_client.get(change_url(ticket)))

    assert (
        "Why it is here: guard money_movement fired (rule guard:money_movement). Guard fired: refund" in page
    )
    assert "Guards fired: money_movement chargeback" in page
    assert "Priority high Confidence 0.42 Resolvable no, needs a person Language de" in page


@pytest.mark.django_db
def test_bulk_approve_asks_first_then_approves_only_what_is_safe(agent_client):
    first, second = queued(subject="first"), queued(subject="second")
    guarded = queued(subject="guarded", guards=["legal_threat"], routing_rule="guard:legal_threat")
    high = queued(subject="urgent", priority="high")
    note = "No written policy answers this ticket; a person should reply."
    ungrounded = queued(subject="ungrounded", suggestion=note, policy_keys=[])
    selected = [first.pk, second.pk, guarded.pk, high.pk, ungrounded.pk]

    asked = agent_client.post(QUEUE, {"action": "approve_selected", "_selected_action": selected})

    assert asked.status_code == 200
    page = words(asked)
    assert "first" in page and first.suggestion in page
    assert "These 2 tickets will be resolved" in page
    assert "guarded: guard legal_threat fired" in page and "urgent: high priority" in page
    # Refused on the confirmation page already, not after the agent confirmed.
    assert "ungrounded: no written policy answers this ticket" in page
    assert Status.RESOLVED not in {t.status for t in Ticket.objects.all()}  # nothing yet
    # Even a hand-made confirmation naming every ticket sends only the safe ones.
    done = agent_client.post(
        QUEUE,
        {"action": "approve_selected", "_selected_action": selected, "confirm": "yes"},
        follow=True,
    )

    statuses = {t.subject: t.status for t in Ticket.objects.all()}
    assert statuses == {
        "first": Status.RESOLVED,
        "second": Status.RESOLVED,
        "guarded": Status.AWAITING_REVIEW,
        "urgent": Status.AWAITING_REVIEW,
        "ungrounded": Status.AWAITING_REVIEW,
    }
    shown = [str(m) for m in done.context["messages"]]
    assert "Approved: 2 ticket(s)." in shown
    assert "Not approved: guarded: guard legal_threat fired" in shown
    assert "Not approved: urgent: high priority" in shown


@pytest.mark.django_db
def test_bulk_approve_refuses_a_ticket_changed_after_the_confirmation_page(agent_client, admin_user):
    ticket = queued(subject="changed meanwhile")
    confirmed_version = ticket.version
    review_override(ticket_id=ticket.pk, actor=admin_user, intent="account", priority="low", answer="Done")
    review_requeue(ticket_id=ticket.pk, actor=admin_user)

    response = agent_client.post(
        QUEUE,
        {
            "action": "approve_selected",
            "_selected_action": [ticket.pk],
            "confirm": "yes",
            f"version_{ticket.pk}": confirmed_version,
        },
        follow=True,
    )

    assert any("changed since you loaded it" in str(m) for m in response.context["messages"])
    ticket.refresh_from_db()
    assert ticket.status == Status.AWAITING_REVIEW and ticket.resolution == "Done"


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["approve", "spam", "requeue"])
def test_every_bulk_action_writes_the_same_audit_record_as_a_single_review(agent_client, agent, action):
    single, bulk = queued(subject="single"), queued(subject="bulk")
    if action == "requeue":
        Ticket.objects.filter(pk__in=[single.pk, bulk.pk]).update(
            status=Status.AUTO_RESOLVED, decided_by="ai"
        )
    for ticket in (single, bulk):
        ticket.refresh_from_db()

    agent_client.post(
        reverse("admin:tickets_review", args=[single.pk]), {"action": action, "version": single.version}
    )
    admin_page = QUEUE if action != "requeue" else reverse("admin:tickets_ticket_changelist")
    agent_client.post(
        admin_page,
        {"action": f"{action}_selected", "_selected_action": [bulk.pk], "confirm": "yes"},
    )

    def record(ticket):
        event = AuditEvent.objects.get(ticket=ticket, kind="review")
        return event.actor, event.action, event.changes

    assert record(single) == record(bulk)
    assert record(bulk)[0] == agent
    single.refresh_from_db(), bulk.refresh_from_db()
    assert (single.status, single.decided_by) == (bulk.status, bulk.decided_by)


@pytest.mark.django_db
def test_agent_can_view_but_not_edit_policies_decisions_or_users(agent_client, agent):
    ticket = queued()
    triage_run(ticket_id=ticket.pk, engine_name="local")
    policy = Policy.objects.first()
    decision = Decision.objects.first()

    assert agent_client.get(reverse("admin:tickets_policy_changelist")).status_code == 200
    assert agent_client.get(reverse("admin:tickets_decision_changelist")).status_code == 200
    edit = agent_client.post(
        reverse("admin:tickets_policy_change", args=[policy.pk]),
        {"key": policy.key, "title": "Hacked", "text": "x", "intents": '["billing"]', "active": "on"},
    )
    assert edit.status_code == 403
    assert agent_client.get(reverse("admin:tickets_policy_add")).status_code == 403
    assert agent_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    policy.refresh_from_db()
    assert policy.title != "Hacked"
    assert not agent.has_perm("tickets.change_decision")
    assert agent_client.post(reverse("admin:tickets_decision_delete", args=[decision.pk])).status_code == 403


@pytest.mark.django_db
def test_admin_can_edit_policies_and_users(admin_client_):
    policy = Policy.objects.first()

    response = admin_client_.post(
        reverse("admin:tickets_policy_change", args=[policy.pk]),
        {
            "key": policy.key,
            "title": "Updated title",
            "text": policy.text,
            "intents": '["billing"]',
            "active": "on",
        },
    )

    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.title == "Updated title"
    assert admin_client_.get(reverse("admin:auth_user_changelist")).status_code == 200


@pytest.mark.django_db
def test_user_without_review_permission_cannot_review(client, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    client.force_login(viewer)
    ticket = queued()

    response = client.post(
        reverse("admin:tickets_review", args=[ticket.pk]), {"action": "spam", "version": 1}
    )

    assert response.status_code == 403
    ticket.refresh_from_db()
    assert ticket.status == Status.AWAITING_REVIEW


@pytest.mark.django_db
def test_ticket_added_in_admin_goes_through_the_submit_service(
    admin_client_, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client_.post(
            reverse("admin:tickets_ticket_add"),
            {
                "subject": "Phoned in",
                "body": "Customer called about invoices.",
                "customer_email": "p@example.com",
            },
        )

    from tickets.models import Ticket

    ticket = Ticket.objects.get(subject="Phoned in")
    assert ticket.access_token_hash
    assert ticket.events.filter(kind="created").exists()
    assert ticket.status != Status.NEW  # the triage task ran


@pytest.mark.django_db
def test_queue_page_shows_the_review_form_prefilled_with_the_suggestion(
    agent_client, client, django_user_model
):
    ticket = queued(suggestion="Your invoices are in Settings > Billing.")

    page = agent_client.get(change_url(ticket)).content.decode()

    assert "Your decision" in page and 'id="review-form"' in page
    assert "Your invoices are in Settings &gt; Billing." in page
    assert f'value="{ticket.version}"' in page
    viewer = django_user_model.objects.create_user("viewer2", password="pw", is_staff=True)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_awaitingreviewticket", "view_ticket"])
    )
    client.force_login(viewer)
    page = client.get(change_url(ticket)).content.decode()
    assert 'id="review-form"' not in page and "You may view this ticket but not review it." in page


@pytest.mark.django_db
def test_a_suggestion_citing_no_policy_is_shown_but_not_put_in_the_reply_box(agent_client):
    # Found trying the product: the box held "No written policy answers this ticket; an
    # agent writes the reply.", which approve refuses, and the agent had to delete it first.
    note = "No written policy answers this ticket; an agent writes the reply."
    ticket = queued(suggestion=note, policy_keys=[])

    form = agent_client.get(change_url(ticket)).context["form"]

    assert form.initial["answer"] == ""
    assert form.fields["answer"].widget.attrs["placeholder"].endswith(f"It said: {note}")
    grounded = agent_client.get(change_url(queued(suggestion="See Settings > Billing."))).context["form"]
    assert grounded.initial["answer"] == "See Settings > Billing."


@pytest.mark.django_db
def test_a_refused_approve_is_explained_under_the_reply_box_in_plain_words(agent_client):
    # Found trying the product: the page said "answer: no written policy answers this
    # ticket; ..." above the form, the API's field prefix and all.
    ticket = queued(
        suggestion="No written policy answers this ticket; an agent writes the reply.", policy_keys=[]
    )
    review = reverse("admin:tickets_review", args=[ticket.pk])

    refused = agent_client.post(review, {"action": "approve", "answer": "", "version": ticket.version})

    assert refused.status_code == 400
    assert refused.context["form"].errors["answer"] == [
        "No written policy answers this ticket; write the reply to send."
    ]
    assert "answer: no written policy" not in words(refused)
    ticket.refresh_from_db()
    assert ticket.status == Status.AWAITING_REVIEW


@pytest.mark.django_db
def test_approving_a_high_or_unresolvable_ticket_is_cautioned_before_the_agent_chooses(agent_client):
    # Found trying the product: approve on a duplicate charge (billing/high) sent the
    # refund policy's sentences and resolved the ticket, with nothing on the page saying so.
    refund = queued(priority="high", resolvable=False, suggestion="Duplicate charges are refunded in 5 days.")

    caution = words(agent_client.get(change_url(refund)))

    assert (
        "The suggested reply quotes a policy, but it is high priority and the AI judged that a written "
        "answer does not resolve it. Approve sends it and marks the ticket resolved" in caution
    )
    guarded = words(agent_client.get(change_url(queued(guards=["account_compromise"]))))
    assert "but guard account_compromise fired." in guarded
    routine = agent_client.get(change_url(queued(priority="low", resolvable=True))).content.decode()
    assert 'id="approve-caution"' not in routine
    # No policy cited: nothing to approve as written, the reply box is empty anyway.
    unanswered = queued(priority="high", suggestion="No written policy answers this ticket.", policy_keys=[])
    assert 'id="approve-caution"' not in agent_client.get(change_url(unanswered)).content.decode()


@pytest.mark.django_db
def test_after_a_decision_the_next_ticket_is_the_oldest_waiting_one_unless_the_agent_sorted(agent_client):
    reviewed = queued(subject="Being reviewed")
    oldest = queued(subject="Oldest, low", priority="low")
    queued(subject="Newer, high", priority="high")
    Ticket.objects.filter(pk=oldest.pk).update(created_at=reviewed.created_at.replace(year=2020))
    page = agent_client.get(reverse("admin:tickets_awaitingreviewticket_change", args=[reviewed.pk]))
    form = page.context["form"]

    response = agent_client.post(
        reverse("admin:tickets_review", args=[reviewed.pk]),
        {**{k: v for k, v in form.initial.items() if v is not None}, "action": "spam"},
    )

    assert response.status_code == 302
    assert str(oldest.pk) in response["Location"]


@pytest.mark.django_db
def test_after_an_override_the_ai_panel_still_shows_what_the_ai_said(agent, agent_client):
    ticket = TicketFactory(subject="Where can I download invoices?", body="Our accountant needs PDFs.")
    triage_run(ticket_id=ticket.pk, engine_name="local")
    ticket.refresh_from_db()
    said = (ticket.intent, ticket.priority, f"{ticket.confidence:.2f}")
    other_intent = "technical_issue" if ticket.intent != "technical_issue" else "account"

    review_override(
        ticket_id=ticket.pk, actor=agent, intent=other_intent, priority="high", answer="We sent the PDFs."
    )

    page = words(agent_client.get(change_url(ticket)))
    panel = page[page.index("AI recommendation") : page.index("Why it is here")]
    assert f"Intent {said[0]}" in panel and f"Priority {said[1]}" in panel
    assert f"Confidence {said[2]}" in panel
    assert f"Changed by an agent: now {other_intent}, priority high." in page


@pytest.mark.django_db
def test_requeue_on_the_review_page_keeps_the_priority_the_agent_chose(agent_client):
    ticket = queued(intent="unknown", priority="low")

    agent_client.post(
        reverse("admin:tickets_review", args=[ticket.pk]),
        {"action": "requeue", "intent": "unknown", "priority": "high", "version": ticket.version},
    )

    ticket.refresh_from_db()
    assert (ticket.status, ticket.priority, ticket.decided_by) == (Status.AWAITING_REVIEW, "high", "human")
    assert AuditEvent.objects.get(ticket=ticket, kind="review").changes["priority"] == ["low", "high"]


@pytest.mark.django_db
def test_the_queue_lists_guards_as_words_not_json(agent_client):
    queued(subject="guarded", guards=["data_loss", "outage"], routing_rule="guard:data_loss")

    page = agent_client.get(QUEUE).content.decode()

    assert "data_loss, outage" in page
    assert "[&quot;data_loss&quot;" not in page and '["data_loss"' not in page


def _policy_form(policy, translations: str) -> dict:
    return {
        "key": policy.key,
        "title": policy.title,
        "text": policy.text,
        "intents": json.dumps(policy.intents),
        "translations": translations,
        "active": "on",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "translations, error",
    [
        ('{"de": {"title": "T", "text": ""}}', "de: needs a text."),
        ('{"de": {"title": "T", "text": "   "}}', "de: needs a text."),
        ('{"de": "just a string"}', "de: needs a text."),
        (
            '{"it": {"title": "T", "text": "Le fatture sono in Settings."}}',
            "it: replies are written in de, es, fr only.",
        ),
    ],
)
def test_a_policy_translation_without_text_or_in_another_language_is_refused(
    admin_client, translations, error
):
    # Found trying the product: an empty German text was saved, and German tickets were then
    # answered from another policy that still had words to quote.
    policy = Policy.objects.get(key="billing-invoices")
    before = policy.translations

    response = admin_client.post(
        reverse("admin:tickets_policy_change", args=[policy.pk]), _policy_form(policy, translations)
    )

    assert response.status_code == 200 and error in response.content.decode()
    policy.refresh_from_db()
    assert policy.translations == before


@pytest.mark.django_db
def test_saving_a_policy_without_some_languages_warns_which_ones(admin_client):
    policy = Policy.objects.get(key="billing-invoices")
    german = json.dumps({"de": policy.translations["de"]})

    response = admin_client.post(
        reverse("admin:tickets_policy_change", args=[policy.pk]), _policy_form(policy, german), follow=True
    )

    assert "No es, fr text in billing-invoices" in response.content.decode()
    policy.refresh_from_db()
    assert set(policy.translations) == {"de"}


@pytest.mark.django_db
def test_a_ticket_in_a_language_replies_are_not_written_in_is_never_approved_in_bulk(agent_client):
    # Found trying the product: bulk approve sent the English invoices text to a customer
    # who wrote in Portuguese (held by rule language), with no word on the confirmation page.
    portuguese = queued(subject="faturas", language="pt", routing_rule="language")
    english = queued(subject="invoices", language="en")
    selected = [portuguese.pk, english.pk]

    asked = words(agent_client.post(QUEUE, {"action": "approve_selected", "_selected_action": selected}))
    agent_client.post(QUEUE, {"action": "approve_selected", "_selected_action": selected, "confirm": "yes"})

    assert "faturas: the customer wrote in Portuguese; the suggestion is in en" in asked
    assert {t.subject: t.status for t in Ticket.objects.all()} == {
        "faturas": Status.AWAITING_REVIEW,
        "invoices": Status.RESOLVED,
    }
    # On its own page the agent is told before choosing, and may still write the reply.
    page = words(agent_client.get(change_url(portuguese)))
    assert "but the customer wrote in Portuguese; the suggestion is in en." in page


@pytest.mark.django_db
def test_a_ticket_a_written_answer_does_not_resolve_is_never_approved_in_bulk(agent_client):
    # Found trying the product: "How do I change the email address of my account?" (the AI
    # said a person must act) was listed as "will be resolved" with a password-reset reply.
    email_change = queued(subject="change my login email", resolvable=False, routing_rule="needs_human")
    invoices = queued(subject="invoices")
    selected = [email_change.pk, invoices.pk]

    asked = words(agent_client.post(QUEUE, {"action": "approve_selected", "_selected_action": selected}))
    agent_client.post(QUEUE, {"action": "approve_selected", "_selected_action": selected, "confirm": "yes"})

    assert "change my login email: the AI judged that a written answer does not resolve it" in asked
    assert {t.subject: t.status for t in Ticket.objects.all()} == {
        "change my login email": Status.AWAITING_REVIEW,
        "invoices": Status.RESOLVED,
    }


@pytest.mark.django_db
def test_an_override_without_a_priority_says_so_beside_the_field(agent_client):
    # Found trying the product: a 400 and the same form, with no word of what was wrong.
    ticket = queued()
    opened = agent_client.get(change_url(ticket)).context["form"]

    response = agent_client.post(
        reverse("admin:tickets_review", args=[ticket.pk]),
        {
            "action": "override",
            "intent": "billing",
            "priority": "",
            "answer": "Invoices are in Settings > Billing.",
            "version": opened["version"].value(),
            "loaded_at": opened["loaded_at"].value(),
        },
    )

    assert response.status_code == 400
    error = response.content.decode().split('id="id_priority_error"')[1].split("</p>")[0]
    assert error.endswith("Priority: choose the priority to override with.")
    ticket.refresh_from_db()
    assert ticket.status == Status.AWAITING_REVIEW
