"""Names of the rules that decide where a ticket goes: defined once, imported everywhere.

`ROUTING_RULES` is the order `tickets.routing.route` checks them in; the README and
docs/architecture.md show this list (a test keeps them in step).
"""

from dataclasses import dataclass
from enum import StrEnum


class Rule(StrEnum):
    # Routing rules, in the order they are checked.
    ENGINE_FAILED = "engine_failed"
    GUARD = "guard"  # stored as "guard:<guard name>"
    LANGUAGE = "language"
    UNKNOWN_INTENT = "unknown_intent"
    HIGH_PRIORITY = "high_priority"
    INTENT_NOT_ALLOWED = "intent_not_allowed"
    NEEDS_HUMAN = "needs_human"
    NO_POLICY = "no_policy"
    POLICY_CONTESTED = "policy_contested"
    UNANSWERED_QUESTION = "unanswered_question"
    LOW_CONFIDENCE = "low_confidence"
    AUTO_RESOLVE = "auto_resolve"
    # Set outside routing: by the sweeper, by agents and by customers.
    TRIAGE_FAILED = "triage_failed"
    REQUEUED = "requeued"
    CUSTOMER_REPLIED = "customer_replied"
    CUSTOMER_REOPENED = "customer_reopened"
    # The automatic reply was held: this address had its hourly share of automatic email.
    AUTO_REPLY_LIMIT = "auto_reply_limit"
    # The automatic reply was held: the ticket's mail came from a machine (auto-reply, bounce).
    AUTOMATIC_SENDER = "automatic_sender"


@dataclass(frozen=True)
class RuleDoc:
    rule: Rule
    goes_to: str
    when: str

    @property
    def label(self) -> str:
        return "guard:<name>" if self.rule is Rule.GUARD else str(self.rule)


ROUTING_RULES: tuple[RuleDoc, ...] = (
    RuleDoc(
        Rule.ENGINE_FAILED,
        "review",
        "the engine gave no valid decision (timeout, refusal, bad JSON, "
        "schema violation, a cited policy that does not exist)",
    ),
    RuleDoc(Rule.GUARD, "review", "a guard fires on the customer's text, whatever the model said"),
    RuleDoc(Rule.LANGUAGE, "review", "the ticket is in a language the replies are not written in"),
    RuleDoc(Rule.UNKNOWN_INTENT, "review", "the intent is unknown"),
    RuleDoc(Rule.HIGH_PRIORITY, "review", "the final priority is high"),
    RuleDoc(Rule.INTENT_NOT_ALLOWED, "review", "the intent is not in ROUTING_AUTO_RESOLVE_INTENTS"),
    RuleDoc(
        Rule.NEEDS_HUMAN,
        "review",
        "the engine says a written answer does not fully resolve the "
        "ticket, or its probability of that is under ROUTING_RESOLVABLE_THRESHOLD",
    ),
    RuleDoc(Rule.NO_POLICY, "review", "the suggestion cites no valid policy"),
    RuleDoc(
        Rule.POLICY_CONTESTED,
        "review",
        "another policy fits the ticket almost as well as the cited one (the local engine's "
        "lead under ROUTING_POLICY_MARGIN)",
    ),
    RuleDoc(
        Rule.UNANSWERED_QUESTION,
        "review",
        "the customer asks how long and the suggestion names no duration",
    ),
    RuleDoc(
        Rule.LOW_CONFIDENCE,
        "review",
        "the joint confidence (intent and resolvability both right) is under the threshold",
    ),
    RuleDoc(Rule.AUTO_RESOLVE, "auto_resolved", "every rule above passed: the reply is emailed"),
)


def routing_rules_markdown() -> str:
    """The rule table as the README and docs show it."""
    lines = ["| # | rule | goes to | when |", "|---|---|---|---|"]
    for number, doc in enumerate(ROUTING_RULES, 1):
        lines.append(f"| {number} | `{doc.label}` | {doc.goes_to} | {doc.when} |")
    return "\n".join(lines)
