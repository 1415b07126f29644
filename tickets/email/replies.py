"""The new part of a reply: earlier messages quoted below it and the signature cut off.

mail-parser-reply knows the quote headers of the common clients ("On ... wrote:",
Outlook's "From: ... Sent: ..." block, "> " quoting) in the languages replies are
written in, and the usual signatures ("-- ", "Sent from my iPhone").
"""

from mailparser_reply import EmailReplyParser

# The languages replies are written in (ai_engine's reply languages): their quote headers.
_LANGUAGES = ["en", "de", "fr", "es"]


def reply_text(text: str) -> str:
    """The customer's new words in `text`; the whole text when nothing is recognised as new."""
    try:
        replies = EmailReplyParser(languages=_LANGUAGES).read(text=text).replies
    except Exception:  # the parser's regexes meet any text a stranger sends; keep the text
        return text.strip()
    newest = replies[0].body.strip() if replies else ""
    return newest or text.strip()
