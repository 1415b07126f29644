"""Email as a channel: mail in (IMAP reader, `POST /inbound/email/`), threading both ways,
loop and relay protection, quarantine for mail that cannot be read.

Modules: parse (raw bytes to a ParsedMail), html (HTML to text), replies (quotes and
signatures off), loops (mail written by machines), threading (which ticket a mail belongs
to, and the headers of ours), outgoing (our mail, threaded), intake (the one service both
ways in call), quarantine, imap (the mailbox reader), endpoint (the HTTP way in).
"""
