"""`make run` in a fresh checkout, then commands with nothing exported (issue 12, point 7)."""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tickets.tests.live import ROOT, free_port

pytestmark = pytest.mark.integration

VENV = Path(sys.executable).parent.parent
# Variables a user would not have set in a fresh shell.
SETTINGS_PREFIXES = ("SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_", "AI_", "ROUTING_", "Q_", "REDIS_URL")


def fresh_checkout(path: Path) -> Path:
    shutil.copytree(
        ROOT,
        path,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "var",
            "*.sqlite3*",
            ".env",
            "__pycache__",
            ".*_cache",
            ".hypothesis",
            "staticfiles",
        ),
    )
    # The trained model, so `train_engine --if-missing` has nothing to do (training is tested apart).
    (path / "var").mkdir()
    shutil.copy(ROOT / "var" / "test_local_model.npz", path / "var" / "local_model.npz")
    return path


def wait_ready(url: str, process: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise AssertionError(f"{url} never answered:\n{log.read_text()[-3000:]}")


def test_make_run_writes_the_env_file_and_every_command_works_after_it_without_exports(tmp_path):
    checkout = fresh_checkout(tmp_path / "checkout")
    env = {k: v for k, v in os.environ.items() if not k.startswith(SETTINGS_PREFIXES)}
    port = free_port()
    log = tmp_path / "make-run.log"
    with open(log, "wb") as output:
        # The project's venv stands in for the one `make` would create (-o: don't reinstall it).
        make = subprocess.Popen(
            ["make", "-o", f"{VENV}/.installed", "run", f"VENV={VENV}", f"PORT={port}", "ADDR=localhost"],
            cwd=checkout,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_ready(f"http://localhost:{port}/readyz", make, log)
    finally:
        os.killpg(make.pid, signal.SIGINT)  # Ctrl-C
        make.wait(timeout=60)

    printed = re.search(r"Created admin login: admin / (\S+)", log.read_text())
    assert printed, log.read_text()[-3000:]
    dotenv = (checkout / ".env").read_text()
    assert re.search(r"^SECRET_KEY=\S{50,}$", dotenv, re.M)
    assert f"admin / {printed.group(1)}" in dotenv  # the password note, for whoever missed the output
    assert oct((checkout / ".env").stat().st_mode & 0o777) == "0o600"

    for command in (["check"], ["retriage", "--dry-run"], ["export_labels"], ["calibrate", "--help"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=checkout,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, f"{command}: {result.stderr[-2000:]}"
    login = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model; "
            f"print(get_user_model().objects.get(username='admin').check_password('{printed.group(1)}'))",
        ],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert login.stdout.strip().splitlines()[-1] == "True", login.stderr
