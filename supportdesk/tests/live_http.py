"""Talking to a real gunicorn over HTTP, for the tests that need a real server."""

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

from tickets.tests.live import ROOT, free_port


@contextmanager
def serving(env: dict):
    """gunicorn on a free loopback port with `env`; its base URL once /healthz answers."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "supportdesk.wsgi", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/healthz", headers={"X-Forwarded-Proto": "https"})
        yield url
    finally:
        server.kill()
        server.wait()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def call(url: str, *, data: dict | None = None, headers: dict | None = None) -> tuple[int, dict, str]:
    """(status, headers, text) of one request; redirects are returned, not followed."""
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with _opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode()


def wait_for(url: str, *, headers: dict | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, _, _ = call(url, headers=headers)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
            continue
        if status < 500:
            return
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")
