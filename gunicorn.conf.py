"""gunicorn settings, read from the working directory (`gunicorn supportdesk.wsgi ...`).

The app is loaded once in the master and forked: workers start warm and share its
memory pages (Django, DRF, the language detector), instead of each importing it.
"""

preload_app = True


def when_ready(server):
    # The app is loaded (preload): warm what every request uses, before the fork.
    from tickets.warmup import web_warm

    web_warm()


def post_fork(server, worker):
    # Nothing opened a connection in the master, but a forked socket shared by two
    # processes corrupts both; make sure each worker starts with its own.
    from django.db import connections

    connections.close_all()
