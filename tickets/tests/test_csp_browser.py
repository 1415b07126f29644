"""Every page sends a Content-Security-Policy, and the admin and the API docs still work under it:
in Debian's headless Chromium, where a blocked script or style is a console error."""

from selenium.webdriver.support.ui import WebDriverWait

from tickets.models import Status
from tickets.tests.browser import BROWSER_DB, Browser
from tickets.tests.factories import AdminFactory, TicketFactory

pytestmark = BROWSER_DB


def console_errors(browser: Browser) -> list[str]:
    return [entry["message"] for entry in browser.driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_an_admin_works_through_admin_and_api_docs_with_no_policy_violation(browser):
    AdminFactory(username="root")
    ticket = TicketFactory(subject="Export question", status=Status.AWAITING_REVIEW, priority="low")

    browser.login("root")
    assert console_errors(browser) == []

    browser.go("/admin/tickets/ticket/")
    browser.click("#action-toggle")  # admin's own script selects every row
    assert all(box.is_selected() for box in browser.finds("input.action-select"))
    assert "1 of 1 selected" in browser.text(".action-counter")
    browser.go(f"/admin/tickets/ticket/{ticket.pk}/change/")
    assert "Export question" in browser.text("#content")
    assert console_errors(browser) == []

    browser.go("/api/docs/")
    WebDriverWait(browser.driver, 20).until(lambda d: browser.finds(".swagger-ui .opblock"))
    browser.shot("api docs rendered")
    operations = " ".join(block.text for block in browser.finds(".opblock-summary-path"))
    assert "/tickets/" in operations
    assert console_errors(browser) == []
