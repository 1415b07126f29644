"""The review page in headless Chromium, through the agent's whole journey (issue 12)."""

from django.core import mail
from django.urls import reverse

from tickets.models import AuditEvent, Status, Ticket
from tickets.services.decisions import triage_run
from tickets.services.review import review_spam
from tickets.services.submission import Client, ticket_submit
from tickets.tests.browser import BROWSER_DB, Keys
from tickets.tests.factories import AgentFactory, TicketFactory

pytestmark = BROWSER_DB

QUEUE = "/admin/tickets/awaitingreviewticket/"
LONG_BODY = "\n".join(
    f"Line {n}: we renewed the annual plan last week but no longer need it, please refund it."
    for n in range(25)
)


def review_path(ticket) -> str:
    return reverse("admin:tickets_awaitingreviewticket_change", args=[ticket.pk])


def submitted(subject: str, body: str, email: str = "ana@example.com") -> Ticket:
    """A ticket as a customer submits it, triaged by the local engine."""
    ticket, _ = ticket_submit(
        subject=subject,
        body=body,
        customer_email=email,
        client=Client(address="203.0.113.9", user_agent="curl/8.5.0"),
    )
    ticket.refresh_from_db()
    if ticket.status == Status.NEW:  # the on-commit triage did not run: no transaction here
        triage_run(ticket_id=ticket.pk, engine_name="local")
        ticket.refresh_from_db()
    return ticket


def queued(subject: str, **fields) -> Ticket:
    defaults = {
        "status": Status.AWAITING_REVIEW,
        "intent": "billing",
        "priority": "medium",
        "confidence": 0.6,
        "suggestion": f"Reply to {subject}.",
        "policy_keys": ["billing-invoices"],
        "routing_rule": "low_confidence",
        "routing_reason": "Confidence 0.60 is under the threshold 0.90.",
    }
    return TicketFactory(subject=subject, **(defaults | fields))


def test_decision_first_on_a_1366x768_screen_and_the_agents_edit_is_what_is_sent(browser):
    AgentFactory(username="maria")
    ticket = submitted("Refund of the annual plan", LONG_BODY)
    older = queued("Invoice address", customer_email="ana@example.com", status=Status.RESOLVED)
    newer = queued("Login trouble", customer_email="Ana@Example.COM")  # the same customer
    queued("Someone else's", customer_email="bob@example.com")
    assert ticket.guards and ticket.status == Status.AWAITING_REVIEW

    browser.login("maria").go(review_path(ticket))

    # A 1366x768 window: the page gets what is left under the browser's own bars.
    assert browser.driver.get_window_size() == {"width": 1366, "height": 768}
    for part in ("#ticket-panel", "#recommendation-panel", "#routing-reason", "#guards", "#decision-panel"):
        assert browser.in_viewport(part), f"{part} is not on the first screen: {browser.box(part)}"
    assert browser.in_viewport("#review-submit") and browser.in_viewport("#id_answer")
    assert browser.box("#history")["top"] >= browser.box("#decision-panel")["bottom"]
    assert browser.text(".subject") == "Refund of the annual plan"
    recommendation = browser.text("#recommendation-panel")
    assert f"Confidence {ticket.confidence:.2f}" in recommendation
    assert f"Priority {ticket.priority}" in recommendation and f"Intent {ticket.intent}" in recommendation
    assert f"guard {ticket.guards[0]} fired" in browser.text("#routing-reason")
    assert all(name in browser.text("#guards") for name in ticket.guards)
    # Nothing chosen for the agent; the button waits for a choice, then says what it does.
    assert not [r for r in browser.finds('input[name="action"]') if r.is_selected()]
    submit = browser.find("#review-submit")
    assert not submit.is_enabled() and submit.get_attribute("value") == "Choose an action above"
    browser.click('input[value="spam"]')
    assert submit.is_enabled() and submit.get_attribute("value") == "Close as spam (no reply)"
    browser.click('input[value="approve"]')
    assert submit.get_attribute("value") == "Approve and send this reply"
    # The customer's other tickets, newest first, with links.
    rows = [" ".join(r.text.split()) for r in browser.finds("#other-tickets tbody tr")]
    assert [r.split(" Resolved")[0].split(" Awaiting")[0] for r in rows] == [newer.subject, older.subject]
    assert "Awaiting Review" in rows[0] and "Resolved" in rows[1]
    assert newer.created_at.strftime("%Y-%m-%d") in rows[0]

    answer = browser.find("#id_answer")
    assert answer.get_attribute("value") == ticket.suggestion
    answer.clear()
    answer.send_keys("Hello Ana, we refunded the annual plan today; it shows in 5 days.")
    browser.follow("#review-submit")

    ticket.refresh_from_db()
    assert ticket.status == Status.RESOLVED
    assert ticket.resolution == "Hello Ana, we refunded the annual plan today; it shows in 5 days."
    replies = [m for m in mail.outbox if ticket.resolution in m.body]
    assert [m.to for m in replies] == [["ana@example.com"]]
    assert f"Approved: {ticket.subject}" in browser.messages()
    browser.go(review_path(ticket))
    browser.follow(f'#other-tickets a[href*="{newer.pk}"]')
    assert browser.text(".subject") == "Login trouble"


def test_history_reads_as_words_with_actor_and_time(browser):
    AgentFactory(username="maria")
    ticket = submitted("Refund please", "Could you refund my last invoice? I paid it twice by mistake.")
    ticket = Ticket.objects.get(pk=ticket.pk)

    browser.login("maria").go(review_path(ticket))
    browser.click('input[value="approve"]')
    browser.follow("#review-submit")
    browser.go(review_path(ticket))

    rows = [" ".join(r.text.split()) for r in browser.finds("#history table.timeline tbody tr")]
    guard = ticket.routing_rule.removeprefix("guard:")
    created = AuditEvent.objects.get(ticket=ticket, kind="created").created_at
    assert rows[0] == (
        f"{created:%Y-%m-%d %H:%M:%S} customer Submitted through the API from 203.0.113.9 (curl/8.5.0)"
    )
    assert rows[1].endswith(
        f"system AI (local) recommended billing, priority high, confidence "
        f"{ticket.confidence:.2f}, needs a person"
    )
    assert f"system Routed to review: guard {guard} fired" in rows[2]
    assert rows[3].endswith("maria Approved by maria: reply sent")
    assert rows[4].endswith("system Reply emailed to ana@example.com")
    history = browser.text("#history table.timeline")
    assert not any(raw in history for raw in ("{", "}", "['", '["', "None"))


def test_a_refused_review_lands_back_on_the_page_with_the_input_kept_and_who_changed_what(browser):
    maria, ivan = AgentFactory(username="maria"), AgentFactory(username="ivan")
    ticket = queued("Charged twice")

    browser.login("maria").go(review_path(ticket))
    review_spam(ticket_id=ticket.pk, actor=ivan)  # while Maria reads
    browser.click('input[value="approve"]')
    answer = browser.find("#id_answer")
    answer.clear()
    answer.send_keys("Maria's careful reply")
    browser.follow("#review-submit")

    conflict = browser.text("#conflict")
    assert "Your review was not saved" in conflict
    assert "ivan: Closed as spam by ivan" in conflict
    assert "Your input is kept below" in conflict
    assert browser.find("#id_answer").get_attribute("value") == "Maria's careful reply"
    assert browser.find('input[value="approve"]').is_selected()
    assert "status Closed" in browser.text("#ticket-panel")  # the ticket as it is now
    assert browser.find("#review-submit").is_enabled()
    ticket.refresh_from_db()
    assert (ticket.status, ticket.resolution) == (Status.CLOSED, "")
    assert maria.pk != ivan.pk


def test_bulk_approve_confirms_on_a_page_listing_replies_and_refuses_guarded_and_high(browser):
    AgentFactory(username="maria")
    plain = queued("Where are invoices", suggestion="Invoices are under Settings > Billing.")
    other = queued("Change card", suggestion="Update the card under Settings > Billing > Card.")
    guarded = queued("Refund now", guards=["money_movement"], routing_rule="guard:money_movement")
    high = queued("Site down", priority="high", routing_rule="high_priority")

    browser.login("maria").go(QUEUE)
    for ticket in (plain, other, guarded, high):
        browser.click(f'input[name="_selected_action"][value="{ticket.pk}"]')
    browser.find('select[name="action"]').send_keys("Approve selected")
    browser.follow('button[name="index"]')

    listed = browser.text("#approvable")
    assert "Invoices are under Settings > Billing." in listed
    assert "Update the card under Settings > Billing > Card." in listed
    refused = browser.text("#refused")
    assert "Refund now: guard money_movement fired" in refused
    assert "Site down: high priority" in refused
    assert Ticket.objects.filter(status=Status.RESOLVED).count() == 0  # nothing before confirming
    browser.follow("#confirm-approve")

    assert "Approved: 2 ticket(s)." in browser.messages()
    statuses = {t.subject: t.status for t in Ticket.objects.all()}
    assert statuses == {
        plain.subject: Status.RESOLVED,
        other.subject: Status.RESOLVED,
        guarded.subject: Status.AWAITING_REVIEW,
        high.subject: Status.AWAITING_REVIEW,
    }
    replied = sorted(m.to[0] for m in mail.outbox if "Settings > Billing" in m.body)
    assert replied == sorted([plain.customer_email, other.customer_email])


def test_keyboard_flow_goes_to_the_next_ticket_of_the_same_filter(browser):
    AgentFactory(username="maria")
    first = queued("Billing oldest")
    queued("Account in between", intent="account")
    second = queued("Billing newer")
    queued("Account newest", intent="account")

    browser.login("maria").go(f"{QUEUE}?intent__exact=billing")
    browser.follow(f'#result_list a[href*="{first.pk}"]')
    shortcuts = browser.text("#shortcuts")
    assert all(
        f"{key} {word}" in shortcuts
        for key, word in (("A", "approve"), ("O", "override"), ("S", "spam"), ("R", "requeue"))
    )

    browser.press("a")
    assert browser.find('input[value="approve"]').is_selected()
    assert browser.find("#review-submit").get_attribute("value") == "Approve and send this reply"
    browser.submit_by_keys(Keys.ENTER)

    assert browser.text(".subject") == second.subject
    assert f"Approved: {first.subject}" in browser.messages()
    browser.press("s")
    browser.submit_by_keys(Keys.ENTER)

    assert browser.path.startswith(QUEUE) and "intent__exact=billing" in browser.url
    assert "No more tickets waiting in this list." in browser.messages()
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == (Status.RESOLVED, Status.CLOSED)
    assert Ticket.objects.filter(status=Status.AWAITING_REVIEW, intent="account").count() == 2


def test_the_queue_shows_every_column_at_1366_px_with_readable_subjects(browser):
    # Found trying the product: beside the app sidebar and the filters the table got 700
    # px; subjects wrapped a word a line and the rule, engine and date scrolled off.
    AgentFactory(username="maria")
    for n in range(3):
        queued(
            f"Wir wurden doppelt belastet und brauchen dringend eine Erstattung {n}",
            priority="high",
            guards=["money_taken_wrongly", "money_movement"],
            routing_rule="guard:money_taken_wrongly",
            engine="cascade",
        )

    browser.login("maria").go(QUEUE)

    overflow = browser.driver.execute_script(
        "const r = document.querySelector('#changelist .results'); return r.scrollWidth - r.clientWidth;"
    )
    assert overflow <= 0, f"the queue table is {overflow} px wider than its box"
    assert browser.in_viewport("#result_list th.column-received")
    subject = browser.box("#result_list tbody .field-subject_masked")
    assert subject["right"] - subject["left"] >= 200
    first = browser.finds("#result_list tbody tr")[0].text
    assert "guard cascade" in " ".join(first.split())
