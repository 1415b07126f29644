"""Production settings: `check --deploy` is clean with DEBUG off, HTTPS is enforced (or left to a
TLS-terminating proxy), every response carries a Content-Security-Policy, DEBUG stays on loopback."""

import os
import subprocess
import sys

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from supportdesk.tests.live_http import call, serving
from tickets.tests.live import ROOT, LiveStack
from tickets.tests.personas import persona_client

STRONG_KEY = "k3y-" + "aB9$xQ2!mZ7#" * 5


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG", "HTTPS_", "HSTS_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base | {"DJANGO_SETTINGS_MODULE": "supportdesk.settings", "SECRET_KEY": STRONG_KEY} | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_without_a_warning_when_debug_is_off():
    result = manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="false")

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_https_is_switched_off():
    result = manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="false", HTTPS_ONLY="false")

    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr


@pytest.mark.integration
def test_plain_http_is_redirected_and_https_via_a_tls_proxy_gets_hsts_and_secure_cookies(tmp_path):
    env = LiveStack(tmp_path).env | {"HTTPS_ONLY": "true", "BEHIND_TLS_PROXY": "true"}

    with serving(env) as url:
        plain = call(f"{url}/admin/login/")
        proxied = call(f"{url}/admin/login/", headers={"X-Forwarded-Proto": "https"})

    assert plain[0] == 301
    assert plain[1]["Location"].startswith("https://")
    status, headers, _ = proxied
    assert status == 200
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert "includeSubDomains" in headers["Strict-Transport-Security"]
    assert "Secure" in headers["Set-Cookie"] and "csrftoken" in headers["Set-Cookie"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/tickets/", "/admin/login/", "/api/docs/", "/readyz", "/no-such-page"])
def test_every_response_carries_a_content_security_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_with_debug_on_only_loopback_clients_are_served(client):
    remote = client.get("/no-such-page", REMOTE_ADDR="203.0.113.9", HTTP_ACCEPT="text/html")
    local = client.get("/no-such-page", REMOTE_ADDR="127.0.0.1")

    assert remote.status_code == 403
    assert "DEBUG" in remote.content.decode() and "tickets/" not in remote.content.decode()
    assert local.status_code == 404
    assert APIClient().get("/tickets/", REMOTE_ADDR="::1").status_code == 401


@pytest.mark.django_db
def test_a_forged_forwarded_for_does_not_pass_as_loopback(client, settings):
    settings.DEBUG = True

    response = client.get("/healthz", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="127.0.0.1")

    assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/"])
def test_api_docs_can_be_restricted_to_staff(settings, path):
    assert APIClient().get(path).status_code == 200  # public by default

    settings.API_DOCS_STAFF_ONLY = True

    assert APIClient().get(path).status_code in (401, 403)
    assert persona_client("user", None).get(path).status_code == 403
    assert persona_client("agent", None).get(path).status_code == 200
