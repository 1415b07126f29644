"""Guards: checks outside the model that keep risky tickets away from auto-resolve.

They read the customer's text, never the model's opinion of it, so a ticket that
talks the model into a confident "resolved" still goes to a human.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Guard:
    name: str
    description: str
    pattern: re.Pattern


def _words(*alternatives: str) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


GUARDS: tuple[Guard, ...] = (
    Guard(
        "prompt_injection",
        "text tries to instruct the AI",
        _words(
            r"ignore (?:all |any )?(?:the |your )?(?:previous|prior|above|earlier) "
            r"(?:instructions|rules|prompts?)",
            r"disregard (?:all |the |your )?(?:previous |prior )?(?:instructions|rules)",
            r"system prompt",
            r"you are now",
            r"developer mode",
            r"system override",
            r"(?:mark|set|close) (?:this|it|the ticket|my ticket)(?: ticket)? "
            r"(?:as )?(?:resolved|closed|solved)",
            r"(?:set|with|give) (?:the |your )?confidence",
            r"confidence (?:of |to |=|:)\s*(?:1|100)",
            r"as an ai",
            r"new instructions",
        ),
    ),
    Guard(
        "money_movement",
        "refund, chargeback or payment dispute",
        _words(
            r"refund",
            r"charge ?back",
            r"dispute",
            r"money back",
            r"reimburse",
            r"reembols",
            r"devoluci[oó]n",
            r"devolver",
            r"erstatt",
            r"r[uü]ckerstatt",
            r"gutschrift",
            r"rembours",
        ),
    ),
    Guard(
        "legal_threat",
        "legal threat",
        _words(
            r"lawyer",
            r"attorney",
            r"legal (?:action|counsel|steps|proceedings)",
            r"lawsuit",
            r"sue you",
            r"\bsue\b",
            r"court",
            r"demand letter",
            r"consumer (?:protection|authority)",
            r"small claims",
            r"abogad",
            r"anwalt",
            r"avocat",
        ),
    ),
    Guard(
        "account_compromise",
        "account compromise or fraud",
        _words(
            r"hacked",
            r"compromised",
            r"taken over",
            r"took over",
            r"takeover",
            r"unauthori[sz]ed",
            r"breach",
            r"stolen",
            r"fraud",
            r"suspicious (?:login|activity|sign)",
            r"someone (?:else )?(?:changed|logged|is using|has access|accessed)",
            r"not me",
            r"wasn'?t me",
            r"leak",
        ),
    ),
    Guard(
        "data_loss",
        "data loss",
        _words(
            r"data loss",
            r"lost (?:all |our |my )?(?:data|work|tasks|files|projects)",
            r"(?:data|tasks|files|projects|comments) (?:are |is |were |was )?"
            r"(?:gone|missing|deleted|wiped|disappeared|lost)",
            r"disappeared",
            r"wiped",
            r"corrupt",
            r"restore",
            r"deleted (?:by mistake|by accident|accidentally)",
        ),
    ),
)


def guards_fired(text: str) -> list[Guard]:
    """Every guard whose pattern occurs in `text`, in GUARDS order."""
    return [guard for guard in GUARDS if guard.pattern.search(text)]
