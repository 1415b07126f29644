"""Choosing which policies to show the LLM for one ticket."""

import re
from functools import lru_cache

from ai_engine.types import PolicyText, TicketText

PROMPT_POLICY_LIMIT = 8
_WORD = re.compile(r"[a-zà-ÿ0-9]{3,}")
# Words too common in support mail to say which policy applies.
_STOP = frozenset(
    {
        "the",
        "and",
        "for",
        "you",
        "your",
        "our",
        "with",
        "this",
        "that",
        "have",
        "has",
        "not",
        "are",
        "was",
        "can",
        "how",
        "what",
        "when",
        "from",
        "will",
        "please",
        "thanks",
        "thank",
        "hello",
        "dear",
        "there",
        "they",
        "them",
        "would",
        "could",
        "into",
        "about",
        "after",
        "before",
        "been",
    }
)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


@lru_cache(maxsize=1024)
def _policy_words(title: str, text: str, intents: tuple[str, ...]) -> frozenset[str]:
    # The same few policies meet every ticket: their words are read once per process.
    return _words(f"{title} {text} {' '.join(intents)}")


def policies_relevant(
    ticket: TicketText, policies: list[PolicyText], limit: int = PROMPT_POLICY_LIMIT
) -> list[PolicyText]:
    """The `limit` policies sharing the most words with the ticket, in a stable order.

    Keeps the prompt short as the policy set grows; ties keep the policies' own order,
    so the same ticket always gets the same prompt.
    """
    if len(policies) <= limit:
        return list(policies)
    ticket_words = _words(f"{ticket.subject} {ticket.body}")
    scored = [
        (len(ticket_words & _policy_words(p.title, p.text, p.intents)), -index, p)
        for index, p in enumerate(policies)
    ]
    best = sorted(scored, key=lambda item: (item[0], item[1]), reverse=True)[:limit]
    return [p for _, _, p in sorted(best, key=lambda item: -item[1])]
