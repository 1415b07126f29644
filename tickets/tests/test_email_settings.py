"""The mailbox settings fail at start-up with the variable's name, and the periodic reader
is scheduled by a migration and idle until a mailbox is configured."""

import subprocess
import sys

import pytest
from django_q.models import Schedule

from supportdesk.mail_config import parse_imap_url
from tickets.tasks import fetch_mail


def test_an_imaps_url_is_read_with_its_defaults():
    config = parse_imap_url("imaps://support%40example.com:p%40ss@imap.example.com")
    assert (config.scheme, config.host, config.port, config.user, config.password, config.folder) == (
        "imaps",
        "imap.example.com",
        993,
        "support@example.com",
        "p@ss",
        "INBOX",
    )
    assert "p@ss" not in repr(config)
    assert parse_imap_url("") is None


@pytest.mark.parametrize(
    "url, says",
    [
        ("pop3://u:p@mail.example.com", "scheme"),
        ("imaps://mail.example.com", "user:password"),
        ("imap://u:p@mail.example.com", "in the clear"),
    ],
)
def test_a_bad_imap_url_stops_start_up_naming_the_variable(url, says):
    env = {"SECRET_KEY": "x", "IMAP_URL": url, "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='supportdesk.settings'; "
            "from django.conf import settings; settings.IMAP_CONFIG",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "IMAP_URL" in result.stderr and says in result.stderr


@pytest.mark.django_db
def test_the_mailbox_reader_is_scheduled_every_minute_and_idle_without_a_mailbox(settings):
    schedule = Schedule.objects.get(name="read the support mailbox")
    assert (schedule.func, schedule.schedule_type, schedule.minutes) == ("tickets.tasks.fetch_mail", "I", 1)
    settings.IMAP_CONFIG = None
    assert fetch_mail() == "no mailbox: IMAP_URL is not set"
