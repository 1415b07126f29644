"""A logging filter that keeps client errors (4xx) to one line in the console."""

import logging


class ClientErrorsBrief(logging.Filter):
    """Drops the traceback Django attaches to its 'Forbidden (Permission denied)' and other
    4xx warnings: a user without a permission is an everyday event, and forty lines of
    traceback for each hid the server errors worth reading. 5xx keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "django.request" and getattr(record, "status_code", 500) < 500:
            record.exc_info, record.exc_text = None, None
        return True
