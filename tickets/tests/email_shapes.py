"""Mail as the common clients write it, written for this project: a first message, and
replies shaped like Gmail's, Outlook's and Apple Mail's (quoting, quoted-printable,
In-Reply-To/References, signatures)."""

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime


def new_mail(
    *,
    subject="Cannot export to CSV",
    body="Hello, how do I export my projects to CSV? Thanks, Ana",
    sender="Ana Silva <ana@example.org>",
    to="support@example.com",
    message_id="<first-1@mail.example.org>",
    headers=None,
) -> bytes:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = subject
    mail["Date"] = format_datetime(datetime(2026, 11, 30, 9, 0, tzinfo=UTC))
    if message_id:
        mail["Message-ID"] = message_id
    for name, value in (headers or {}).items():
        mail[name] = value
    mail.set_content(body)
    return mail.as_bytes()


def gmail_reply(
    *,
    new_text,
    quoted,
    in_reply_to,
    references,
    to,
    sender="Ana Silva <ana@example.org>",
    message_id="<CAF=gmail-reply-1@mail.gmail.com>",
) -> bytes:
    """Gmail: multipart/alternative, quoted-printable, "On <date> <who> wrote:" then "> " lines,
    and an HTML part with the quote in <div class="gmail_quote"><blockquote>."""
    quote_lines = "\n".join(f"> {line}" for line in quoted.splitlines())
    plain = (
        f"{new_text}\n\nOn Mon, Nov 30, 2026 at 10:02\u202fAM SupportDesk <support@example.com> wrote:"
        f"\n\n{quote_lines}\n"
    )
    html = (
        f'<div dir="ltr">{new_text}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
        "On Mon, Nov 30, 2026 at 10:02\u202fAM SupportDesk &lt;support@example.com&gt; wrote:<br></div>"
        f'<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">{quoted}</blockquote></div>'
    )
    mail = EmailMessage()
    mail["MIME-Version"] = "1.0"
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = "Re: Cannot export to CSV"
    mail["Message-ID"] = message_id
    mail["In-Reply-To"] = in_reply_to
    mail["References"] = references
    mail.set_content(plain, cte="quoted-printable")
    mail.add_alternative(html, subtype="html", cte="quoted-printable")
    return mail.as_bytes()


def outlook_reply(
    *,
    new_text,
    quoted,
    in_reply_to,
    references,
    to,
    sender="Ana Silva <ana@example.org>",
    message_id="<AM0PR01MB1234.eurprd01.prod.outlook.com>",
) -> bytes:
    """Outlook: CRLF, a signature, then a line and the "From: / Sent: / To: / Subject:" block,
    the quote not marked with ">" at all; windows-1252 text; Thread-Index header."""
    plain = (
        f"{new_text}\r\n\r\nBest regards\r\nAna Silva\r\nACME Ltd \u2013 Finance\r\n\r\n"
        "________________________________\r\n"
        "From: SupportDesk <support@example.com>\r\n"
        "Sent: Monday, November 30, 2026 10:02 AM\r\n"
        "To: Ana Silva <ana@example.org>\r\n"
        "Subject: Re: Cannot export to CSV\r\n\r\n"
        f"{quoted}\r\n"
    )
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = "RE: Cannot export to CSV"
    mail["Message-ID"] = message_id
    mail["In-Reply-To"] = in_reply_to
    mail["References"] = references
    mail["Thread-Index"] = "AQHZ1234567890abcdef=="
    mail["X-MS-Has-Attach"] = ""
    mail.set_content(plain, charset="windows-1252", cte="quoted-printable")
    return mail.as_bytes()


def apple_reply(
    *,
    new_text,
    quoted,
    in_reply_to,
    references,
    to,
    sender="Ana Silva <ana@example.org>",
    message_id="<8F3C2A10-1D2E-4B5C-9A7B-0123456789AB@example.org>",
) -> bytes:
    """Apple Mail (iPhone): "Sent from my iPhone", then "> On <date>, <who> wrote:" and "> " lines;
    text/plain with format=flowed, quoted-printable."""
    quote_lines = "\n".join(f"> {line}" for line in quoted.splitlines())
    plain = (
        f"{new_text}\n\nSent from my iPhone\n\n"
        f"> On 30 Nov 2026, at 10:02, SupportDesk <support@example.com> wrote:\n> \n{quote_lines}\n"
    )
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = "Re: Cannot export to CSV"
    mail["Message-ID"] = message_id
    mail["In-Reply-To"] = in_reply_to
    mail["References"] = references
    mail["X-Mailer"] = "iPhone Mail (22B91)"
    mail.set_content(plain, cte="quoted-printable")
    mail.set_param("format", "flowed")
    return mail.as_bytes()


CLIENT_REPLIES = {"gmail": gmail_reply, "outlook": outlook_reply, "apple_mail": apple_reply}
