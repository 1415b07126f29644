"""A logging filter that masks secrets and personal data in every record it passes."""

import logging

from ai_engine import secrets_mask


class RedactSecrets(logging.Filter):
    """Masks card numbers, CVVs, IBANs, passwords, keys and phone numbers in the message
    and in the formatted traceback, using the same detector as the guards.

    The message is formatted here (args merged into msg) because a secret usually
    arrives as an argument, not in the format string.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the handler to report
            return True
        record.msg, record.args = secrets_mask(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = secrets_mask(record.exc_text)
        return True
