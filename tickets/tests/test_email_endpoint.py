"""`POST /inbound/email/`: off without INBOUND_EMAIL_TOKEN, only for the holder of the token,
one raw mail per request, and no mail, however broken, gets a 500."""

import json
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from tickets.email.models import QuarantinedEmail
from tickets.models import Source, Ticket
from tickets.tests.email_corpus import CORPUS
from tickets.tests.email_shapes import new_mail

TOKEN = "inbound-token-for-tests-0123456789"


@pytest.fixture
def mta(settings):
    settings.INBOUND_EMAIL_TOKEN = TOKEN
    client = Client(raise_request_exception=False)

    def post(raw: bytes, *, token: str = TOKEN, content_type: str = "message/rfc822", path="/inbound/email/"):
        return client.post(path, data=raw, content_type=content_type, headers={"X-Inbound-Token": token})

    return post


@pytest.mark.django_db
def test_the_endpoint_is_off_without_a_token_setting(settings):
    settings.INBOUND_EMAIL_TOKEN = ""
    response = Client().post(
        "/inbound/email/", data=new_mail(), content_type="message/rfc822", headers={"X-Inbound-Token": ""}
    )
    assert response.status_code == 404
    assert Ticket.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "wrong", TOKEN + "x"])
def test_a_missing_or_wrong_token_is_refused_and_stores_nothing(mta, token):
    assert mta(new_mail(), token=token).status_code == 403
    assert Ticket.objects.count() == 0


@pytest.mark.django_db
def test_wrong_tokens_are_throttled_per_client(mta, settings):
    settings.TICKETS_TOKEN_RATE = "3/minute"
    codes = [mta(new_mail(), token="guess").status_code for _ in range(4)]
    assert codes == [403, 403, 403, 429]
    assert mta(new_mail()).status_code == 429  # even the right token waits: the client is blocked


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content_type", ["application/json", "text/plain", "multipart/form-data; boundary=x"]
)
def test_only_a_raw_message_is_accepted(mta, content_type):
    assert mta(new_mail(), content_type=content_type).status_code == 415


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/inbound/email/", "/inbound/email"])
def test_a_mail_becomes_a_ticket_with_source_email(mta, path):
    response = mta(new_mail(), path=path)
    assert response.status_code == 200
    body = response.json()
    assert body["outcome"] == "created"
    ticket = Ticket.objects.get(pk=body["ticket_id"])
    assert ticket.events.get(kind="created").action == Source.EMAIL
    assert mta(new_mail(), path=path).json() == {
        "outcome": "duplicate",
        "ticket_id": body["ticket_id"],
        "reason": "",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_malformed_mail_is_quarantined_with_its_reason_never_a_500(mta, name):
    raw, reason = CORPUS[name]
    response = mta(raw)
    # Too large is not kept whole: 413, so the MTA bounces it and the sender knows.
    assert response.status_code == (413 if reason == "too_large" else 200)
    assert response.json()["outcome"] == "quarantined"
    quarantined = QuarantinedEmail.objects.get()
    assert quarantined.reason == reason
    assert quarantined.detail
    assert quarantined.size >= min(len(raw), 1)
    assert Ticket.objects.count() == 0


@pytest.mark.django_db
def test_agents_see_the_quarantine_with_its_reason(mta, agent, client):
    mta(CORPUS["unknown_charset"][0])
    client.force_login(agent)
    listing = client.get("/admin/tickets/quarantinedemail/")
    assert listing.status_code == 200
    assert "unknown_charset" in listing.content.decode() or "Unknown Charset" in listing.content.decode()
    detail = client.get(f"/admin/tickets/quarantinedemail/{QuarantinedEmail.objects.get().pk}/change/")
    assert "unknown charset &#x27;x-no-such-charset&#x27;" in detail.content.decode()
    assert "mallory@example.org" in detail.content.decode()


README = Path(__file__).resolve().parents[2] / "README.md"


def readme_pipe_example() -> str:
    """The README's "by hand" curl of the Email section, joined into one command."""
    section = README.read_text().split("\n## Email\n", 1)[1].split("\n## ", 1)[0]
    lines = section.splitlines()
    start = next(
        i for i, line in enumerate(lines) if line.startswith("curl --fail --data-binary @message.eml")
    )
    command = lines[start]
    while command.endswith("\\"):
        start += 1
        command = command[:-1] + " " + lines[start].strip()
    return command


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_rows")
def test_the_readme_pipe_example_delivers_a_mail_to_a_live_server(live_server, settings, tmp_path):
    settings.INBOUND_EMAIL_TOKEN = TOKEN
    (tmp_path / "message.eml").write_bytes(new_mail(message_id="<readme@example.org>"))
    command = readme_pipe_example().replace("https://support.example.com", live_server.url)
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=tmp_path,
        env={"INBOUND_EMAIL_TOKEN": TOKEN, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["outcome"] == "created"
    assert Ticket.objects.get().customer_email == "ana@example.org"
