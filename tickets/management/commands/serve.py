import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the web server and the django-q2 worker together; Ctrl-C stops both."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000")

    def handle(self, *args, addr, **options):
        python = [sys.executable, "manage.py"]
        processes = [
            subprocess.Popen([*python, "qcluster"]),  # noqa: S603 (our own interpreter)
            subprocess.Popen([*python, "runserver", "--noreload", addr]),  # noqa: S603
        ]
        self.stdout.write(f"Serving on http://{addr}/ with a background worker. Ctrl-C stops both.")

        def stop(*_):
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        stopped_by_user = False
        try:
            # Whichever exits first takes the other down: half a system is worse than none.
            while all(p.poll() is None for p in processes):
                time.sleep(0.5)
        except KeyboardInterrupt:
            stopped_by_user = True
        finally:
            for process in processes:
                if process.poll() is None:
                    process.terminate()  # both stop cleanly on SIGTERM
            deadline = time.monotonic() + 15
            for process in processes:
                try:
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    process.kill()
        if not stopped_by_user:
            self.stderr.write("A process exited on its own; stopped the other.")
            sys.exit(1)
