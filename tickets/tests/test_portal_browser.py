"""The whole loop in a real browser: a customer writes in, an agent answers, the customer
says it did not help, the ticket is back in the queue with the reason, the dashboard shows it.

Headless Chromium (Debian's) through the shared fixtures in tickets/tests/browser.py. Every
page is screenshotted into the test's tmp dir; every page is checked for console errors
(script errors and Content-Security-Policy violations both land there). With TOUR_DIR set,
the pages of the README's tour are also saved there (`TOUR_DIR=docs/tour pytest -k tour`).
"""

import os
import shutil
from pathlib import Path

from django.utils import timezone
from selenium.webdriver.support.ui import Select, WebDriverWait

from tickets.models import Message, Status, Ticket
from tickets.tests.browser import BROWSER_DB, Browser
from tickets.tests.dashboard_data import INTENTS, seed_history
from tickets.tests.factories import AgentFactory

pytestmark = BROWSER_DB

SUBJECT = "Refund for a double charge"
BODY = "Hello, my card was charged twice for the Pro plan this month. Please refund one of the charges."
ANSWER = "We refunded the second charge today; it shows on your card within 5 working days."
REASON = "The refund is still not on my statement after a week."


def console_errors(browser: Browser) -> list[str]:
    return [entry["message"] for entry in browser.driver.get_log("browser") if entry["level"] == "SEVERE"]


def visit(browser: Browser, path: str, tour: dict, name: str) -> Browser:
    browser.go(path)
    tour[name] = browser.shot(name)
    assert console_errors(browser) == [], path
    return browser


def follow(browser: Browser, css: str, tour: dict, name: str) -> Browser:
    browser.follow(css)
    tour[name] = browser.shot(name)
    assert console_errors(browser) == [], browser.path
    return browser


def test_the_whole_loop_from_web_form_to_reopened_ticket_on_the_dashboard(browser_factory, mailoutbox):
    tour: dict[str, Path] = {}
    AgentFactory(username="agent", first_name="Sam")
    customer = browser_factory("customer", width=1100, height=900)
    agent = browser_factory("agent", width=1366, height=900)

    # The customer finds the form from the landing page and writes in.
    visit(customer, "/", tour, "landing")
    follow(customer, "#start", tour, "form")
    customer.find("#id_subject").send_keys(SUBJECT)
    customer.find("#id_body").send_keys(BODY)
    customer.find("#id_customer_email").send_keys("ana@example")  # the browser accepts it, we do not
    follow(customer, "#send", tour, "form-error")
    assert "Enter a valid email address." in customer.text("#field-customer_email")
    customer.find("#id_customer_email").clear()
    customer.find("#id_customer_email").send_keys("ana@example.com")
    follow(customer, "#send", tour, "ticket-received")
    ticket = Ticket.objects.get()
    page_url = customer.url
    assert "we received your request" in customer.text(".messages")
    assert BODY in customer.text("#conversation")
    assert "With our team" in customer.text("#status")  # a double charge always goes to a person
    assert customer.path in mailoutbox[0].body  # the confirmation carries the same private link

    # An agent logs in, finds it in the queue, reads it, notes something, answers.
    agent.login("agent")
    visit(agent, "/admin/tickets/awaitingreviewticket/", tour, "queue")
    assert SUBJECT in agent.text("#result_list")
    follow(agent, f'#result_list a[href*="{ticket.pk}"]', tour, "review-page")
    assert BODY in agent.text("#ticket-panel")
    agent.find("#id_note").send_keys("Checked the payment provider: two captures on the 3rd.")
    follow(agent, "#add-note", tour, "note-added")
    assert "Internal note" in agent.text("#conversation")
    agent.click('input[name="action"][value="override"]')
    Select(agent.find("#id_intent")).select_by_value("billing")
    Select(agent.find("#id_priority")).select_by_value("high")
    agent.find("#id_answer").clear()
    agent.find("#id_answer").send_keys(ANSWER)
    follow(agent, "#review-submit", tour, "after-review")
    ticket.refresh_from_db()
    assert ticket.status == Status.RESOLVED
    assert ticket.messages.filter(kind="agent", body=ANSWER).exists()

    # The customer sees the answer, and not the note, and says it did not solve it.
    visit(customer, page_url, tour, "ticket-answered")
    assert ANSWER in customer.text("#conversation")
    assert "payment provider" not in customer.text("body")
    assert "Answered" in customer.text("#status")
    customer.find("#id_reason").send_keys(REASON)
    follow(customer, "#not-solved", tour, "ticket-reopened")
    assert "will look at your request again" in customer.text(".messages")
    assert "With our team" in customer.text("#status")

    # Back in the queue, with the reason, for the agent.
    visit(agent, "/admin/tickets/awaitingreviewticket/", tour, "queue-reopened")
    assert SUBJECT in agent.text("#result_list")
    follow(agent, f'#result_list a[href*="{ticket.pk}"]', tour, "review-reopened")
    assert REASON in agent.text("#routing-reason")
    assert REASON in agent.text("#conversation")
    assert "said it did not solve it" in agent.text("#conversation")
    assert ticket.messages.get(kind="agent").outcome == Message.Outcome.REOPENED

    # The dashboard shows it: one reopened answer, one ticket waiting, charts drawn.
    visit(agent, "/dashboard/", tour, "dashboard")
    WebDriverWait(agent.driver, 10).until(
        lambda d: d.execute_script("return document.body.dataset.chartsDrawn")
    )
    assert agent.text("#reopened-count") == "1"
    assert agent.text("#backlog-size") == "1"
    drawn = agent.driver.execute_script(
        "return [...document.querySelectorAll('canvas[data-chart]')].filter(c => Chart.getChart(c)).length"
    )
    assert drawn == len(agent.finds("canvas[data-chart]")) >= 4
    agent.click("#table-daily-outcomes summary")
    tour["dashboard-table"] = agent.shot("dashboard-table")
    today = timezone.now().date().isoformat()
    assert agent.text("#table-daily-outcomes").endswith(f"{today} 0 1 1")  # reviewed once, reopened once
    assert console_errors(agent) == []

    save_tour(tour, "landing", "form-error", "ticket-answered", "review-reopened")


def test_a_busy_quarter_on_the_dashboard_and_in_the_queue(browser_factory):
    seed_history(3000, days=90)
    AgentFactory(username="lead")
    tour: dict[str, Path] = {}
    lead = browser_factory("lead", width=1366, height=2300).login("lead")

    visit(lead, "/dashboard/", tour, "dashboard")
    WebDriverWait(lead.driver, 10).until(
        lambda d: d.execute_script("return document.body.dataset.chartsDrawn")
    )
    canvases = lead.finds("canvas[data-chart]")
    assert len(canvases) == 4 + len(INTENTS)  # four charts, and a reliability diagram per intent
    assert all(lead.driver.execute_script("return !!Chart.getChart(arguments[0])", c) for c in canvases)
    tour["dashboard"] = lead.shot("dashboard")
    assert int(lead.text("#backlog-size")) > 0
    assert console_errors(lead) == []

    lead.driver.set_window_size(1600, 800)
    visit(lead, "/admin/tickets/awaitingreviewticket/", tour, "queue")
    follow(lead, "th.column-sla a", tour, "queue")  # sorted by response due: the most overdue first
    first_row = lead.text("#result_list tbody tr:first-child")
    assert "overdue by" in first_row
    save_tour(tour, "dashboard", "queue")


def save_tour(tour: dict[str, Path], *names: str) -> None:
    tour_dir = os.environ.get("TOUR_DIR")
    if tour_dir:
        Path(tour_dir).mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy(tour[name], Path(tour_dir) / f"{name}.png")
