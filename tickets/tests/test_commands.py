import os
import re
import shutil
import subprocess
import sys
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tickets.tests.live import ROOT


@pytest.mark.django_db
def test_ensure_admin_generates_a_password_printed_once(monkeypatch):
    for name in ("DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    first, second = StringIO(), StringIO()

    call_command("ensure_admin", stdout=first)
    call_command("ensure_admin", stdout=second)

    password = first.getvalue().split("admin / ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert password not in second.getvalue()
    assert "exists already" in second.getvalue()


@pytest.mark.django_db
def test_ensure_admin_uses_the_django_superuser_variables(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "chief")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "s3cret-pass")

    call_command("ensure_admin", stdout=StringIO())

    user = get_user_model().objects.get(username="chief")
    assert user.is_superuser and user.is_staff and user.check_password("s3cret-pass")


@pytest.mark.django_db
def test_load_policies_restores_missing_starter_policies_and_keeps_edits():
    from tickets.models import Policy

    Policy.objects.filter(key="billing-refunds").delete()
    Policy.objects.filter(key="billing-invoices").update(title="Edited")
    out = StringIO()

    call_command("load_policies", stdout=out)

    assert "1 policies created" in out.getvalue()
    assert Policy.objects.get(key="billing-invoices").title == "Edited"


@pytest.mark.parametrize(
    "command, example",
    [
        (
            "calibrate",
            "  python manage.py calibrate --dataset labels.jsonl --target-precision 0.97 --apply\n",
        ),
        (
            "retriage",
            "  python manage.py retriage --status awaiting_review --since 2026-11-01 --engine cascade",
        ),
        ("reevaluate", "  python manage.py reevaluate --status awaiting_review --since 2026-11-01"),
        (
            "evaluate",
            "  python manage.py evaluate --dataset labels.jsonl --engine local --json figures.json\n",
        ),
    ],
)
def test_operator_commands_help_ends_with_examples_as_written(command, example):
    shown = subprocess.run(
        [sys.executable, "manage.py", command, "--help"],
        cwd=ROOT,
        env=os.environ | {"DJANGO_SETTINGS_MODULE": "supportdesk.settings_test"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert shown.returncode == 0, shown.stderr
    assert "\nexamples:\n" in shown.stdout
    assert example in shown.stdout.split("\nexamples:\n")[1]  # line breaks and indent kept


def test_every_option_of_every_operator_command_says_what_it_does():
    # Found trying the product: `train_engine --help` showed `--output OUTPUT` and nothing else.
    from django.core.management import find_commands, load_command_class
    from django.core.management.base import BaseCommand

    django_own = {a.dest for a in BaseCommand().create_parser("manage.py", "base")._actions}
    silent = []
    for name in find_commands(str(ROOT / "tickets" / "management")):
        parser = load_command_class("tickets", name).create_parser("manage.py", name)
        silent += [
            f"{name} {a.option_strings or a.dest}"
            for a in parser._actions
            if a.dest not in django_own and not a.help
        ]

    assert silent == []


def test_a_missing_secret_key_names_the_variable_and_how_to_set_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    # A checkout without .env: copy manage.py's neighbours that settings read.
    shutil.copytree(ROOT / "supportdesk", tmp_path / "supportdesk")
    shutil.copytree(ROOT / "ai_engine", tmp_path / "ai_engine")
    shutil.copytree(ROOT / "tickets", tmp_path / "tickets")
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "SECRET_KEY: not set. Run `make run` once" in result.stderr
    assert "SECRET_KEY=<a long random string> in .env" in result.stderr


def test_the_env_file_gets_a_secret_key_once_and_keeps_what_the_user_wrote(tmp_path):
    from supportdesk.envfile import env_file_secret_key_ensure

    env_file = tmp_path / ".env"
    env_file.write_text("DEBUG=false\nAI_ENGINE=local")

    assert env_file_secret_key_ensure(env_file) is True
    first = env_file.read_text()
    assert env_file_secret_key_ensure(env_file) is False

    assert env_file.read_text() == first
    assert first.startswith("DEBUG=false\nAI_ENGINE=local\n")
    key = re.search(r"^SECRET_KEY=([A-Za-z0-9_-]{50,})$", first, re.M)
    assert key, first
    assert oct(env_file.stat().st_mode & 0o777) == "0o600"
