"""The new part of a reply: earlier messages quoted below it and the signature cut off.

mail-parser-reply knows the quote headers of the common clients ("On ... wrote:",
Outlook's "From: ... Sent: ..." block, "> " quoting) in the languages replies are
written in, and the usual signatures ("-- ", "Sent from my iPhone").
"""

import re

from mailparser_reply import EmailReplyParser

# The languages replies are written in (ai_engine's reply languages): their quote headers.
_LANGUAGES = ["en", "de", "fr", "es"]
# mail-parser-reply's Spanish header wants two spaces before "escribió", so it never matches
# Gmail's "El mié, 2 dic 2026 a las 14:44, Soporte <soporte@example.com> escribió:" (which
# Gmail may wrap onto a second line): cut there first.
_SPANISH_WROTE = re.compile(r"^[ \t>]*El\s[^\n]+(?:\n[^\n]+)?\sescribió:[ \t]*$", re.MULTILINE)


def reply_text(text: str) -> str:
    """The customer's new words in `text`; the whole text when nothing is recognised as new."""
    header = _SPANISH_WROTE.search(text)
    if header and text[: header.start()].strip():
        text = text[: header.start()]
    try:
        replies = EmailReplyParser(languages=_LANGUAGES).read(text=text).replies
    except Exception:  # the parser's regexes meet any text a stranger sends; keep the text
        return text.strip()
    newest = replies[0].body.strip() if replies else ""
    return newest or text.strip()
