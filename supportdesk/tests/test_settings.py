"""Start-up configuration: a bad value stops the process with the variable's name."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def start(env_overrides: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AI_", "ROUTING_"))}
    # ENV_FILE empty: only these variables, not the .env `make run` leaves in the checkout.
    env |= {"DJANGO_SETTINGS_MODULE": "supportdesk.settings", "SECRET_KEY": "x" * 50, "ENV_FILE": ""}
    env |= env_overrides
    env = {k: v for k, v in env.items() if v is not None}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_valid_configuration_starts():
    result = start({"DEBUG": "false"})

    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize(
    "name, value",
    [
        ("DEBUG", "perhaps"),
        ("DATABASE_URL", "nosuchdb://x"),
        ("AI_ENGINE", "gpt"),
        ("AI_TIMEOUT_SECONDS", "soon"),
        ("ROUTING_AUTO_RESOLVE_THRESHOLD", "1.5"),
        ("ROUTING_AUTO_RESOLVE_THRESHOLD", "high"),
        ("ROUTING_INTENT_THRESHOLDS", "billing:0.9"),
        ("ROUTING_INTENT_THRESHOLDS", "refunds=0.9"),
        ("ROUTING_AUTO_RESOLVE_INTENTS", "billing,unknown"),
        ("TICKETS_ANON_RATE", "lots"),
        ("TICKETS_TOKEN_RATE", "lots"),
        ("TRUSTED_PROXY_COUNT", "-1"),
        ("TRUSTED_PROXY_COUNT", "some"),
        ("HTTPS_ONLY", "perhaps"),
        ("BEHIND_TLS_PROXY", "maybe"),
        ("LOGIN_FAILURE_LIMIT", "0"),
        ("TICKET_TOKEN_DAYS_AFTER_CLOSE", "never"),
        ("AUTO_REPLIES_PER_ADDRESS_PER_HOUR", "0"),
        ("API_DOCS_STAFF_ONLY", "staff"),
        ("Q_TIMEOUT", "200"),
        ("EMAIL_URL", "pigeon://coop"),
    ],
)
def test_malformed_value_stops_start_up_naming_the_variable(name, value):
    result = start({"DEBUG": "false", name: value})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert name in result.stderr.splitlines()[-1]


def test_secret_key_is_required_when_debug_is_off():
    result = start({"DEBUG": "false", "SECRET_KEY": None})

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr.splitlines()[-1]


def test_debug_runs_with_a_development_secret_key():
    assert start({"DEBUG": "true", "SECRET_KEY": None}).returncode == 0


def test_openai_secret_is_the_key_name_existing_users_use():
    code = "import django; django.setup(); from django.conf import settings; print(settings.OPENAI_API_KEY)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "supportdesk.settings", "DEBUG": "true"}
    for name in ("OPENAI_SECRET", "OPENAI_API_KEY"):
        env.pop(name, None)
    for name in ("OPENAI_SECRET", "OPENAI_API_KEY"):
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**env, name: f"sk-{name}"},
            capture_output=True,
            text=True,
        )
        assert out.stdout.strip() == f"sk-{name}"
