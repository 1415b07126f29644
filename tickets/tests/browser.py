"""Pages in a real browser: Debian's headless Chromium driven by Selenium.

Shared by every page test. Use the `browser` fixture (an agent-sized 1366x768 window on
pytest-django's live server) or `browser_factory` for more windows or another size. Every
page visited is saved as a screenshot in the test's tmp dir (`NN-name.png`), so a failure
can be looked at. Page tests need the live server's database, so mark them with
`BROWSER_DB` (transactional, with the migrations' data restored for each test).

Chromium and its driver come from Debian (`apt-get install -y chromium chromium-driver`;
`.ci/run` installs them); a machine without them fails these tests, it does not skip them.
"""

import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
WAIT_SECONDS = 10

# Page tests talk to the live server in another thread: they need committed data, and the
# rows the migrations wrote (groups, starter policies, schedules) back after a test's flush.
# (Not serialized_rollback: a flush by an earlier transactional test recreates content types,
# and restoring the serialized ones on top of them fails.)
BROWSER_DB = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_rows")]

__all__ = ["BROWSER_DB", "Browser", "By", "Keys", "browser", "browser_factory", "migrated_rows"]


class Browser:
    """One Chromium window on the live server, with the few verbs page tests need."""

    def __init__(self, driver: webdriver.Chrome, base_url: str, shots: Path, name: str):
        self.driver, self.base_url, self.shots, self.name = driver, base_url, shots, name
        self._shot_count = 0

    # --- moving around -----------------------------------------------------------------

    def go(self, path: str) -> "Browser":
        self.driver.get(path if path.startswith("http") else self.base_url + path)
        return self.loaded("visit")

    def loaded(self, what: str) -> "Browser":
        """Wait for the page to finish loading, then screenshot it."""
        WebDriverWait(self.driver, WAIT_SECONDS).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )
        self.shot(what)
        return self

    def shot(self, what: str) -> Path:
        self._shot_count += 1
        slug = re.sub(r"[^a-z0-9]+", "-", what.lower()).strip("-")
        path = self.shots / f"{self.name}-{self._shot_count:02d}-{slug}.png"
        self.driver.save_screenshot(str(path))
        return path

    def login(self, username: str, password: str = "pw") -> "Browser":  # noqa: S107 (factories set it)
        """Through the admin login form, as a person would."""
        self.go("/admin/login/?next=/admin/")
        self.find("#id_username").send_keys(username)
        self.find("#id_password").send_keys(password)
        self.follow('input[type="submit"]')
        assert self.driver.current_url.endswith("/admin/"), self.text("body")[:500]
        return self

    def click(self, css: str) -> None:
        """Click something that stays on the page (a radio button, a checkbox)."""
        self.find(css).click()

    def follow(self, css: str) -> "Browser":
        """Click a link or a submit button and wait for the page it leads to."""
        old = self.find("html")
        self.find(css).click()
        WebDriverWait(self.driver, WAIT_SECONDS).until(lambda d: _stale(old))
        return self.loaded(f"after {css}")

    def press(self, *keys: str) -> None:
        """Keys typed with nothing focused: what keyboard shortcuts receive."""
        webdriver.ActionChains(self.driver).send_keys(*keys).perform()

    def submit_by_keys(self, *keys: str) -> "Browser":
        """Type keys that submit a form, then wait for the new page."""
        old = self.find("html")
        self.press(*keys)
        WebDriverWait(self.driver, WAIT_SECONDS).until(lambda d: _stale(old))
        return self.loaded(f"after keys {'-'.join(k for k in keys if k.isalnum())}")

    # --- reading the page -------------------------------------------------------------

    @property
    def url(self) -> str:
        return self.driver.current_url

    @property
    def path(self) -> str:
        return self.url.removeprefix(self.base_url)

    def find(self, css: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def finds(self, css: str) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def text(self, css: str) -> str:
        """The text as shown, whitespace collapsed."""
        return " ".join(self.find(css).text.split())

    def messages(self) -> list[str]:
        return [" ".join(m.text.split()) for m in self.finds(".messagelist li")]

    def in_viewport(self, css: str) -> bool:
        """The whole element is on the first screen: seen without scrolling."""
        return self.driver.execute_script(
            """
            const box = document.querySelector(arguments[0]).getBoundingClientRect();
            return box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
                && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
            """,
            css,
        )

    def box(self, css: str) -> dict:
        return self.driver.execute_script(
            "const b = document.querySelector(arguments[0]).getBoundingClientRect();"
            "return {top: b.top, bottom: b.bottom, left: b.left, right: b.right};",
            css,
        )

    def viewport(self) -> tuple[int, int]:
        return tuple(self.driver.execute_script("return [window.innerWidth, window.innerHeight];"))

    def scroll_top(self) -> int:
        return self.driver.execute_script("return window.scrollY;")


def chromium(width: int, height: int) -> webdriver.Chrome:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not shutil.which(path):
            pytest.fail(f"{path} is missing: apt-get install -y chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    return driver


@pytest.fixture
def migrated_rows(transactional_db):
    """Write again what the tickets migrations' data steps wrote, when a flush removed it."""
    from django.apps import apps
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.db.migrations import RunPython
    from django.db.migrations.loader import MigrationLoader

    if Group.objects.filter(name="Support agents").exists():
        return  # nothing flushed yet
    loader = MigrationLoader(connection)
    leaves = [node for node in loader.graph.leaf_nodes() if node[0] == "tickets"]
    editor = SimpleNamespace(connection=connection)
    for app_label, name in loader.graph.forwards_plan(leaves[0]):
        if app_label != "tickets":
            continue
        for operation in loader.graph.nodes[(app_label, name)].operations:
            if isinstance(operation, RunPython):
                operation.code(apps, editor)


@pytest.fixture
def browser_factory(live_server, tmp_path):
    """`make(name, width=1366, height=768)` opens another window; all close after the test."""
    drivers: list[webdriver.Chrome] = []

    def make(name: str = "browser", width: int = 1366, height: int = 768) -> Browser:
        driver = chromium(width, height)
        drivers.append(driver)
        return Browser(driver, live_server.url, tmp_path, name)

    yield make
    for driver in drivers:
        driver.quit()


@pytest.fixture
def browser(browser_factory) -> Browser:
    """A 1366x768 window: the smallest screen the review page is laid out for."""
    return browser_factory()


def _stale(element: WebElement) -> bool:
    try:
        element.is_enabled()
    except Exception:  # StaleElementReferenceException: the old page is gone
        return True
    return False
