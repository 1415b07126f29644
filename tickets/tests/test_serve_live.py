"""`make run`'s last step: `manage.py serve` runs the web server and the worker; Ctrl-C stops both."""

import os
import signal
import subprocess
import sys

import pytest

from tickets.tests.live import ROOT, LiveStack

pytestmark = pytest.mark.integration


def test_serve_runs_web_and_worker_together_and_ctrl_c_stops_both_even_when_signalled_twice(tmp_path):
    with LiveStack(tmp_path, database="sqlite", DEBUG="true") as stack:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "serve", "--addr", f"127.0.0.1:{stack.port}"],
            cwd=ROOT,
            env=stack.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            stack.wait_ready()
            stack.submit(1)
            counts = stack.wait_until_routed(1, timeout=60)
            assert sum(counts.values()) == 1 and not counts.get("new"), counts  # the worker routed it

            children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True)
            sessions = [process.pid, *map(int, children.stdout.split())]
            assert len(sessions) == 3  # serve, the web server, the cluster

            os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
            # Found trying the product: `kill -- -PGID` on `make run` signals serve twice (from
            # the shell and from make); the second one cut the cleanup short and the web
            # server ran on with no parent.
            os.killpg(process.pid, signal.SIGTERM)
            assert process.wait(timeout=40) == 0
            # Nothing is left: not the server, not the cluster, not its workers.
            assert [pid for session in sessions for pid in session_processes(session)] == []
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)


def session_processes(session_id: int) -> list[str]:
    found = subprocess.run(["pgrep", "-s", str(session_id)], capture_output=True, text=True)
    return found.stdout.split()
