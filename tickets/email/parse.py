"""Raw RFC 822 bytes to a ParsedMail, or MailRefused with a reason agents can read.

Python's own parser (policy.default) decodes MIME, quoted-printable, base64 and encoded
headers; this module decides what is too broken to trust and reads the text a person wrote.
"""

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from email import errors, policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import PurePath

from tickets.email.html import html_to_text
from tickets.email.loops import automatic_reason
from tickets.email.models import QuarantineReason

# Real mail has a few kilobytes of headers; more is a parser attack, not a customer.
HEADERS_MAX_BYTES = 64 * 1024
# Forward of a forward of ... : a few levels are normal, dozens are an attack.
NESTING_MAX = 8
PARTS_MAX = 200
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
# Defects that mean the MIME structure cannot be trusted (where a part starts or ends).
_BROKEN = (
    errors.NoBoundaryInMultipartDefect,
    errors.StartBoundaryNotFoundDefect,
    errors.CloseBoundaryNotFoundDefect,
    errors.MultipartInvariantViolationDefect,
    errors.MissingHeaderBodySeparatorDefect,
)
_RECIPIENT_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")


class MailRefused(Exception):
    """The mail cannot become a ticket: `reason` (a QuarantineReason) and a sentence for agents."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class ParsedMail:
    message_id: str
    # In-Reply-To first, then References from the newest: the order to look for a thread in.
    thread_ids: tuple[str, ...]
    sender: str
    recipients: tuple[str, ...]
    subject: str
    text: str
    automatic: str = ""
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)
    # Where the writer asks for answers (a web form's relay sends From: noreply@... with
    # Reply-To: the customer); "" when absent or unusable.
    reply_to: str = ""

    @property
    def customer(self) -> str:
        """The address the ticket belongs to and answers go to."""
        return self.reply_to or self.sender


def mail_parse(raw: bytes) -> ParsedMail:
    """Read `raw`; raises MailRefused for mail that is too broken or too odd to take in."""
    if _header_bytes(raw) > HEADERS_MAX_BYTES:
        raise MailRefused(
            QuarantineReason.HEADERS_TOO_LARGE, f"more than {HEADERS_MAX_BYTES} bytes of headers"
        )
    message = BytesParser(policy=policy.default).parsebytes(raw)
    _check_structure(message)
    sender = _sender(message)
    body = message.get_body(preferencelist=("plain", "html"))
    text = ""
    if body is not None:
        text = _decoded(body)
        if body.get_content_subtype() == "html":
            text = html_to_text(text)
    return ParsedMail(
        message_id=next(iter(_ids(message, "Message-ID")), None) or _derived_id(raw),
        thread_ids=tuple(_ids(message, "In-Reply-To") + _ids(message, "References")[::-1]),
        sender=sender,
        recipients=tuple(_addresses(message, _RECIPIENT_HEADERS)),
        subject=" ".join(str(message.get("Subject", "")).split()),
        text=text.replace("\r\n", "\n").strip(),
        automatic=automatic_reason(message, sender),
        attachments=tuple(_attachments(message)),
        reply_to=_reply_to(message),
    )


def header_peek(raw: bytes, name: str) -> str:
    """One header of a mail that may be too broken to parse, best effort, for the quarantine."""
    try:
        head = raw[: min(len(raw), HEADERS_MAX_BYTES)]
        value = BytesParser(policy=policy.compat32).parsebytes(head, headersonly=True).get(name, "")
        return " ".join(str(value).split())[:998]
    except Exception:  # a quarantine note must never fail on the mail it describes
        return ""


def _header_bytes(raw: bytes) -> int:
    ends = [i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0]
    return min(ends) if ends else len(raw)


def _check_structure(message: EmailMessage) -> None:
    parts = 0
    stack = [(message, 1)]
    while stack:
        part, depth = stack.pop()
        parts += 1
        if depth > NESTING_MAX or parts > PARTS_MAX:
            raise MailRefused(
                QuarantineReason.TOO_DEEP, f"more than {NESTING_MAX} nested parts or {PARTS_MAX} parts in all"
            )
        broken = [d for d in part.defects if isinstance(d, _BROKEN)]
        if broken:
            raise MailRefused(QuarantineReason.BROKEN_MIME, type(broken[0]).__name__)
        # get_payload, not iter_parts: a forwarded message/rfc822 is nesting too.
        children = part.get_payload() if part.is_multipart() else []
        stack.extend((child, depth + 1) for child in children if isinstance(child, EmailMessage))


def _sender(message: EmailMessage) -> str:
    try:
        addresses = [a.addr_spec for a in message["From"].addresses] if message["From"] else []
    except (AttributeError, IndexError, ValueError) as exc:
        raise MailRefused(QuarantineReason.NO_SENDER, f"unreadable From header ({exc})") from exc
    addresses = [a for a in addresses if "@" in a]
    if not addresses:
        raise MailRefused(QuarantineReason.NO_SENDER, "no From address")
    return addresses[0].lower() if addresses[0].isascii() else addresses[0]


def _reply_to(message: EmailMessage) -> str:
    """The one Reply-To address, if there is exactly one readable one."""
    try:
        addresses = [a.addr_spec for a in message["Reply-To"].addresses] if message["Reply-To"] else []
    except (AttributeError, IndexError, ValueError):
        return ""
    addresses = [a for a in addresses if "@" in a]
    if len(addresses) != 1:
        return ""
    return addresses[0].lower() if addresses[0].isascii() else addresses[0]


def _decoded(part: EmailMessage) -> str:
    """The text of a part in its declared charset: an unknown one, or bytes that do not
    fit it, refuse the mail rather than show the customer's words garbled."""
    payload = part.get_payload(decode=True) or b""
    declared = part.get_content_charset()
    if declared is None:
        # Undeclared: ASCII by the RFC, UTF-8 or Windows-1252 in practice.
        for charset in ("utf-8", "windows-1252"):
            try:
                return payload.decode(charset)
            except UnicodeDecodeError:
                continue
    charset = declared or "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError as exc:
        raise MailRefused(QuarantineReason.UNKNOWN_CHARSET, f"unknown charset {charset!r}") from exc
    try:
        return payload.decode(charset)
    except UnicodeDecodeError as exc:
        raise MailRefused(
            QuarantineReason.WRONG_CHARSET, f"the text is not valid {charset} (byte {exc.start})"
        ) from exc


def _attachments(message: EmailMessage):
    for part in message.iter_attachments():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            data = inner[0].as_bytes() if isinstance(inner, list) and inner else b""
            name = part.get_filename() or "forwarded.eml"
        else:
            data = part.get_payload(decode=True) or b""
            name = part.get_filename() or "attachment"
        yield Attachment(filename=_safe_filename(name), content_type=part.get_content_type(), data=data)


def _safe_filename(name: str) -> str:
    # A name is shown and offered for download: no path, no control characters.
    base = PurePath(name.replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable()).strip(" .")
    return (base or "attachment")[:255]


def _ids(message: EmailMessage, name: str) -> list[str]:
    try:
        return _MESSAGE_ID.findall(str(message.get(name, "")))[:100]
    except Exception:  # an undecodable References header is no reason to refuse the mail
        return []


def _addresses(message: EmailMessage, names: tuple[str, ...]) -> list[str]:
    found = []
    for name in names:
        for header in message.get_all(name, []):
            try:
                found.extend(a.addr_spec.lower() for a in header.addresses)
            except AttributeError:  # Delivered-To is not an address header to the parser
                found.append(str(header).strip().strip("<>").lower())
    return found


def _derived_id(raw: bytes) -> str:
    # No Message-ID: the same bytes delivered twice still get the same id, and are stored once.
    return f"<{hashlib.sha256(raw).hexdigest()}@no-message-id.invalid>"
