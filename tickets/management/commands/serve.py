import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

GRACE_SECONDS = 20


class Command(BaseCommand):
    help = "Run the web server and the django-q2 worker together; Ctrl-C stops both."

    def add_arguments(self, parser):
        parser.add_argument(
            "--addr", default="127.0.0.1:8000", help="Address and port to serve on (default 127.0.0.1:8000)."
        )

    def handle(self, *args, addr, **options):
        python = [sys.executable, "manage.py"]
        # Each child gets its own session: Ctrl-C reaches only this process, which
        # then stops each child the way it stops cleanly, and can kill whatever a
        # child leaves behind. (A cluster hit by the terminal's SIGINT and our
        # SIGTERM at once could orphan its worker processes.)
        env = _with_metrics_dir(dict(os.environ))
        worker = subprocess.Popen([*python, "qcluster"], start_new_session=True, env=env)  # noqa: S603
        web = subprocess.Popen(  # noqa: S603
            [*python, "runserver", "--noreload", addr], start_new_session=True, env=env
        )
        self.stdout.write(f"Serving on http://{addr}/ with a background worker. Ctrl-C stops both.")

        stopping = False

        def stop(*_):
            # Only the first signal stops: `kill -- -PGID` on `make run` reaches this process
            # from the shell and again from make, and a second KeyboardInterrupt inside the
            # cleanup below left the web server running with no parent.
            nonlocal stopping
            if not stopping:
                stopping = True
                raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        stopped_by_user = False
        try:
            # Whichever exits first takes the other down: half a system is worse than none.
            while worker.poll() is None and web.poll() is None:
                time.sleep(0.5)
        except KeyboardInterrupt:
            stopped_by_user = True
        finally:
            stopping = True  # a second Ctrl-C or kill must not cut this short
            if worker.poll() is None:
                worker.send_signal(signal.SIGINT)  # the cluster stops its workers, then itself
            if web.poll() is None:
                web.terminate()
            deadline = time.monotonic() + GRACE_SECONDS
            for process in (worker, web):
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                _kill_group(process.pid)
        if not stopped_by_user:
            self.stderr.write("A process exited on its own; stopped the other.")
            sys.exit(1)


def _with_metrics_dir(env: dict) -> dict:
    """One emptied PROMETHEUS_MULTIPROC_DIR for both children, so /metrics adds up the worker's
    counts (triage, emails) and the web server's. Counts from an earlier run are removed."""
    directory = Path(env.get("PROMETHEUS_MULTIPROC_DIR") or settings.BASE_DIR / "var" / "prometheus")
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    return env | {"PROMETHEUS_MULTIPROC_DIR": str(directory)}


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # everything in it has exited
        os.killpg(pgid, signal.SIGKILL)
