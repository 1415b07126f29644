"""The customer's pages speak the customer's language: the ticket's, else their browser's.

The ticket's language is the one triage detected and answers in (`reply_language`); a
ticket not triaged yet, and the pages before there is a ticket, follow the browser's
Accept-Language among the languages we answer in. Staff pages (admin, dashboard) stay
in English: only these views switch.
"""

from contextlib import contextmanager

from django.utils import translation

from ai_engine import reply_language


def page_language(request, ticket=None) -> str:
    if ticket is not None and ticket.language:
        return reply_language(ticket.language)
    return reply_language(translation.get_language_from_request(request).split("-")[0])


@contextmanager
def speaking(language: str):
    """Render (and word flash messages, form labels and errors) in `language`."""
    with translation.override(language):
        yield
