"""A real running SupportDesk: its own database, gunicorn and qcluster processes.

Used by the integration tests and the benchmarks. Everything listens on loopback.
"""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get("POSTGRES_TEST_URL", "postgres://postgres@127.0.0.1:5432/test")


def _redis_test_url() -> str:
    """REDIS_TEST_URL's database, one lower for each parallel test worker (gw0, gw1, ...).

    Live stacks flush their Redis database, so two workers must never share one.
    """
    url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    prefix, database = url.rsplit("/", 1)
    return f"{prefix}/{int(database) - int(worker.removeprefix('gw'))}"


REDIS_URL = _redis_test_url()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_available() -> bool:
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=2).close()
    except psycopg.Error:
        return False
    return True


def redis_available() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


class LiveStack:
    """Start with `with LiveStack(...) as stack:`; everything is torn down after."""

    def __init__(self, workdir: Path, *, database: str = "sqlite", broker: str = "orm", **env):
        self.workdir = workdir
        self.database, self.broker = database, broker
        self.port = free_port()
        self.processes: dict[str, subprocess.Popen] = {}
        self.logs: dict[str, Path] = {}
        self.db_name = f"sd_live_{uuid.uuid4().hex[:10]}"
        self.env = self._env(env)

    # --- lifecycle ------------------------------------------------------------------

    def __enter__(self) -> "LiveStack":
        if self.database == "postgres":
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.db_name}"')
        if self.broker == "redis":
            import redis

            redis.Redis.from_url(REDIS_URL).flushdb()
        self.manage("migrate", "--noinput")
        return self

    def __exit__(self, *exc) -> None:
        for name in list(self.processes):
            self.stop(name)
        if self.database == "postgres":
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout

    def start_web(self, workers: int = 2, threads: int = 1) -> None:
        self._start(
            "web",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "supportdesk.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--backlog",
                "2048",
                "--access-logfile",
                "-" if os.environ.get("LIVE_ACCESS_LOG") else "/dev/null",
            ],
        )
        self.wait_ready()

    def start_workers(self, name: str = "worker", **env) -> None:
        self._start(name, [sys.executable, "manage.py", "qcluster"], extra_env=env)

    def kill(self, name: str) -> None:
        """SIGKILL the process group: the cluster and every worker it forked."""
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop(self, name: str) -> None:
        process = self.processes.pop(name)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def log(self, name: str) -> str:
        return self.logs[name].read_text(errors="replace") if name in self.logs else ""

    # --- talking to it ------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError(f"web server not ready:\n{self.log('web')[-3000:]}")

    def submit(self, n: int) -> dict:
        payload = {"subject": f"Export question {n}", "body": f"How do I export project {n}?"}
        payload["customer_email"] = f"c{n}@example.com"
        request = urllib.request.Request(
            f"{self.url}/tickets/",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def sql(self, query: str, params: tuple = ()) -> list[tuple]:
        if self.database == "postgres":
            with psycopg.connect(self._pg_url(), autocommit=True) as conn:
                return conn.execute(query.replace("?", "%s"), params).fetchall()
        with sqlite3.connect(self.workdir / "live.sqlite3", timeout=30) as conn:
            return conn.execute(query, params).fetchall()

    def status_counts(self) -> dict[str, int]:
        return dict(self.sql("SELECT status, COUNT(*) FROM tickets_ticket GROUP BY status"))

    def wait_until_routed(self, expected: int, timeout: float) -> dict[str, int]:
        deadline = time.monotonic() + timeout
        counts = {}
        while time.monotonic() < deadline:
            counts = self.status_counts()
            if sum(counts.values()) >= expected and not counts.get("new") and not counts.get("triaging"):
                return counts
            time.sleep(0.25)
        return counts

    # --- internals -------------------------------------------------------------------

    def _pg_url(self) -> str:
        return POSTGRES_URL.rsplit("/", 1)[0] + f"/{self.db_name}"

    def _env(self, overrides: dict) -> dict:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(
                ("DJANGO_", "AI_", "ROUTING_", "Q_", "TRIAGE_", "OPENAI", "REDIS_URL", "DATABASE_URL")
            )
        }
        env |= {
            "DJANGO_SETTINGS_MODULE": "supportdesk.settings",
            "SECRET_KEY": "live-stack-secret-key-" + "x" * 30,
            "DEBUG": "false",
            # Plain HTTP on loopback: production's redirect to HTTPS is tested on its own.
            "HTTPS_ONLY": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "AI_ENGINE": "local",
            "AI_LOCAL_MODEL_PATH": str(ROOT / "var" / "test_local_model.npz"),
            "TICKETS_ANON_RATE": "100000000/second",
            "TICKETS_TOKEN_RATE": "100000000/second",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
        if self.database == "postgres":
            env["DATABASE_URL"] = self._pg_url()
        else:
            env["DATABASE_URL"] = f"sqlite:///{self.workdir / 'live.sqlite3'}"
        if self.broker == "redis":
            env["REDIS_URL"] = REDIS_URL
        return env | {k: str(v) for k, v in overrides.items()}

    def _start(self, name: str, command: list[str], extra_env: dict | None = None) -> None:
        log_path = self.workdir / f"{name}.log"
        self.logs[name] = log_path
        env = self.env | {k: str(v) for k, v in (extra_env or {}).items()}
        with open(log_path, "ab") as log:
            self.processes[name] = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
