"""Guards: checks outside the model that send risky tickets to a human.

They read the customer's text (subject + "\\n" + body), never the model's opinion of it,
so a ticket that talks the model into a confident "resolved" still reaches a person:
the model recommends, the system decides. `GUARDS` is the vocabulary, in order of precedence;
a routing rule stores the first one that fires as "guard:<name>".

Patterns cover English, German, Spanish and French and are written for the concept, not for
particular sentences. Text is matched case-folded with accents stripped ("Rückerstattung" and
"Ruckerstattung" read the same); German text is matched a second time with ae/oe/ue written as
a/o/u ("zurueckerstatten"). In the patterns `<wN>` stands for up to N words and `<sN>` for up to
N characters within one sentence. Each guard may list near misses (`unless`) that are blanked
before matching: "credit card", "download", a lockout after failed logins, a what-if question.
`bench/guards.py` measures false alarms on benign questions; the tests hold positives and near
misses in every language.
"""

from collections.abc import Callable
from dataclasses import dataclass

from tickets.guards.content import no_request
from tickets.guards.deadline import deadline
from tickets.guards.feedback import feature_request, negative_feedback
from tickets.guards.injection import exposed_secret, prompt_injection
from tickets.guards.money import chargeback, legal_threat, money_movement, money_taken_wrongly
from tickets.guards.security import account_compromise
from tickets.guards.service import data_loss, outage, suspension


@dataclass(frozen=True)
class Guard:
    name: str
    description: str
    raises_priority: bool
    check: Callable[[str], bool]
    # Rubric section 2: what this guard finds is never low (a refund request is medium at
    # least); `raises_priority` makes it high.
    at_least_medium: bool = False


GUARDS: tuple[Guard, ...] = (
    Guard("prompt_injection", "text tries to instruct the triage system", False, prompt_injection),
    Guard("exposed_secret", "a card number, password, key or other secret", False, exposed_secret),
    Guard("legal_threat", "legal action threatened", True, legal_threat),
    Guard("chargeback", "chargeback or bank dispute filed or threatened", True, chargeback),
    Guard(
        "money_taken_wrongly",
        "duplicate, unauthorised or post-cancellation charge",
        True,
        money_taken_wrongly,
    ),
    Guard(
        "money_movement",
        "refund, credit or reversal requested",
        False,
        money_movement,
        at_least_medium=True,
    ),
    Guard("account_compromise", "account compromise or takeover suspected", True, account_compromise),
    Guard("outage", "service down or unusable for the team", True, outage),
    Guard("data_loss", "data lost, deleted or in need of restore", True, data_loss),
    Guard("suspension", "workspace suspended, read-only or locked for billing", True, suspension),
    Guard("deadline", "hard deadline within 24 hours", True, deadline),
    Guard("feature_request", "feature request or roadmap question", False, feature_request),
    Guard("negative_feedback", "complaint or negative feedback", False, negative_feedback),
    Guard("no_request", "too few words to hold a request", False, no_request),
)
# The vocabulary of guard names, stored in routing rules as "guard:<name>".
GUARD_NAMES: tuple[str, ...] = tuple(guard.name for guard in GUARDS)


def guards_fired(text: str) -> list[Guard]:
    """Every guard that fires on `text` (the ticket's subject + "\\n" + body), in GUARDS order."""
    return [guard for guard in GUARDS if guard.check(text)]
