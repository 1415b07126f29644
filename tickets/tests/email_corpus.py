"""Malformed mail, written for this project: each must be quarantined with its reason,
through either way in, without a 500 and without stopping the mailbox reader.

`CORPUS` maps a name to (raw bytes, the QuarantineReason expected).
"""

HEAD = b"From: Mallory <mallory@example.org>\r\nTo: support@example.com\r\nSubject: broken\r\n"


def _mail(headers: bytes, body: bytes, message_id: bytes) -> bytes:
    return HEAD + b"Message-ID: " + message_id + b"\r\n" + headers + b"\r\n" + body


def _nested_forwards(depth: int) -> bytes:
    inner = b"From: a@example.org\r\nSubject: innermost\r\n\r\nthe original\r\n"
    for level in range(depth):
        boundary = f"fwd{level}".encode()
        inner = (
            b"From: a@example.org\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=" + boundary + b"\r\n\r\n"
            b"--" + boundary + b"\r\nContent-Type: text/plain\r\n\r\nsee below\r\n"
            b"--" + boundary + b"\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"\r\n"
            b"--" + boundary + b"--\r\n"
        )
    return b"Message-ID: <nested@example.org>\r\nTo: support@example.com\r\n" + inner


CORPUS: dict[str, tuple[bytes, str]] = {
    "multipart_without_boundary": (
        _mail(
            b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n", b"no boundary at all\r\n", b"<c1@x>"
        ),
        "broken_mime",
    ),
    "boundary_never_opened": (
        _mail(
            b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XYZ\r\n",
            b"text but the boundary --XYZ never starts a line\r\n",
            b"<c2@x>",
        ),
        "broken_mime",
    ),
    "boundary_never_closed": (
        _mail(
            b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XYZ\r\n",
            b"--XYZ\r\nContent-Type: text/plain\r\n\r\ncut off in the middle of",
            b"<c3@x>",
        ),
        "broken_mime",
    ),
    "unknown_charset": (
        _mail(b"Content-Type: text/plain; charset=x-no-such-charset\r\n", b"hello\r\n", b"<c4@x>"),
        "unknown_charset",
    ),
    "utf8_declared_latin1_sent": (
        _mail(
            b"Content-Type: text/plain; charset=utf-8\r\n",
            "Grüße, ça va très mal".encode("latin-1"),
            b"<c5@x>",
        ),
        "wrong_charset",
    ),
    "shift_jis_declared_garbage_sent": (
        _mail(b"Content-Type: text/plain; charset=shift_jis\r\n", b"\x81\x00\xfd\xfe\xff", b"<c6@x>"),
        "wrong_charset",
    ),
    "huge_headers": (
        _mail(b"".join(b"X-Filler-%d: %s\r\n" % (i, b"a" * 900) for i in range(100)), b"hi\r\n", b"<c7@x>"),
        "headers_too_large",
    ),
    "one_endless_header_line": (
        _mail(b"X-Long: " + b"b" * 70_000 + b"\r\n", b"hi\r\n", b"<c8@x>"),
        "headers_too_large",
    ),
    "missing_from": (
        b"To: support@example.com\r\nSubject: who am I\r\nMessage-ID: <c9@x>\r\n\r\nno sender\r\n",
        "no_sender",
    ),
    "from_without_address": (
        b"From: just a name\r\nTo: support@example.com\r\nSubject: hi\r\nMessage-ID: <c10@x>\r\n\r\nhi\r\n",
        "no_sender",
    ),
    "sender_at_localhost": (
        b"From: root@localhost\r\nTo: support@example.com\r\nSubject: hi\r\n"
        b"Message-ID: <c11@x>\r\n\r\nrelay?\r\n",
        "sender_refused",
    ),
    "twenty_megabyte_body": (
        _mail(b"Content-Type: text/plain\r\n", b"A" * (20 * 2**20), b"<c12@x>"),
        "too_large",
    ),
    "nested_forwards_forty_deep": (_nested_forwards(40), "too_deep"),
    "nothing_at_all": (
        b"From: a@example.org\r\nTo: support@example.com\r\nMessage-ID: <c14@x>\r\n\r\n",
        "empty",
    ),
    "not_mail_at_all": (b"\x00\x01\x02 binary noise \xff\xfe" * 50, "broken_mime"),
}
