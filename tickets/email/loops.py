"""Mail written by machines: auto-replies, bounces, lists. Stored, never answered automatically.

Two robots answering each other fill both mailboxes in minutes; RFC 3834 says an
automatic responder must not answer automatic mail, and these are the signs it left.
"""

from email.message import EmailMessage

_BULK_PRECEDENCE = {"bulk", "junk", "list"}
_DAEMON_SENDERS = {"mailer-daemon", "postmaster", "mail-daemon"}


def automatic_reason(message: EmailMessage, sender: str) -> str:
    """Why `message` counts as written by a machine, or "" when a person wrote it."""
    auto_submitted = _header(message, "Auto-Submitted")
    if auto_submitted and auto_submitted.split(";")[0].strip().lower() != "no":
        return f"Auto-Submitted: {auto_submitted}"[:200]
    precedence = _header(message, "Precedence").lower()
    if precedence in _BULK_PRECEDENCE:
        return f"Precedence: {precedence}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"):
        if message.get(name) is not None:
            return f"{name} header"
    if _is_delivery_report(message):
        return "delivery status notification"
    if sender.partition("@")[0].lower() in _DAEMON_SENDERS:
        return f"sent by {sender.partition('@')[0].lower()}"
    if _header(message, "Return-Path") == "<>":
        return "empty return path (a bounce)"
    if message.get("List-Id") is not None:
        return "mailing list (List-Id)"
    return ""


def _header(message: EmailMessage, name: str) -> str:
    return str(message.get(name, "")).strip()


def _is_delivery_report(message: EmailMessage) -> bool:
    if message.get_content_type() == "multipart/report":
        return True
    return any(
        part.get_content_type() in ("message/delivery-status", "message/global-delivery-status")
        for part in message.walk()
    )
