"""The routing rules: what the system does with a recommendation.

Rules are checked in the order of `tickets.rules.ROUTING_RULES` and the first that
fires decides. Only the last one auto-resolves, so every safety rule has to pass
first. Guards and the language check read the customer's text, never the model's
opinion of it: a ticket that talks the model into a confident "resolved" still
goes to a human.
"""

from dataclasses import dataclass, field

from django.conf import settings

from ai_engine import EngineResult
from tickets.models import IntentThreshold, Priority, Status
from tickets.question_types import states_duration
from tickets.rules import Rule
from tickets.screening import Screening


@dataclass(frozen=True)
class RoutingConfig:
    default_threshold: float
    intent_thresholds: dict[str, float] = field(default_factory=dict)
    auto_resolve_intents: frozenset[str] = frozenset()
    resolvable_threshold: float = 0.5
    policy_margin: float = 0.0

    def threshold_for(self, intent: str) -> float:
        return self.intent_thresholds.get(intent, self.default_threshold)


@dataclass(frozen=True)
class RoutingOutcome:
    status: str
    rule: str
    reason: str
    # The priority the ticket gets: the model's, raised to high by a guard that says so.
    priority: str | None = None
    # The one confidence shown everywhere: the chance intent and resolvability are both right.
    confidence: float | None = None
    guards: tuple[str, ...] = ()

    @property
    def auto_resolved(self) -> bool:
        return self.status == Status.AUTO_RESOLVED


def routing_config() -> RoutingConfig:
    """Settings, overridden per intent by thresholds saved with `calibrate --apply`."""
    thresholds = dict(settings.ROUTING_INTENT_THRESHOLDS)
    thresholds.update(IntentThreshold.objects.values_list("intent", "threshold"))
    return RoutingConfig(
        default_threshold=settings.ROUTING_AUTO_RESOLVE_THRESHOLD,
        intent_thresholds=thresholds,
        auto_resolve_intents=frozenset(settings.ROUTING_AUTO_RESOLVE_INTENTS),
        resolvable_threshold=settings.ROUTING_RESOLVABLE_THRESHOLD,
        policy_margin=settings.ROUTING_POLICY_MARGIN,
    )


def route(
    result: EngineResult, *, screening: Screening, valid_policy_keys: frozenset[str], config: RoutingConfig
) -> RoutingOutcome:
    """Apply the rules to one engine result for a ticket the system screened as `screening`."""
    decision = result.decision
    guards = tuple(guard.name for guard in screening.guards)
    priority = None
    if decision is not None:
        priority = Priority.HIGH if screening.raises_priority else decision.priority
        if priority == Priority.LOW and screening.at_least_medium:
            priority = Priority.MEDIUM  # a refund request read as low (seen in German and Spanish)
        if decision.intent == "unknown" and not (
            screening.raises_priority and (screening.injected or screening.product_problem)
        ):
            # Rubric: every unknown ticket is low, however urgent it sounds ("lawsuit" in spam).
            # Not a duplicate charge under an injection the model read as unknown: the
            # request outside the injected sentences still raises it (rubric section 4).
            # Nor an outage, data loss or takeover of this product the model had no words
            # for ("nobody in our company can open any board, just a white screen"): that
            # is a support request whatever the model read, and high.
            priority = Priority.LOW
    confidence = result.routing_confidence

    def review(rule: str, reason: str) -> RoutingOutcome:
        return RoutingOutcome(Status.AWAITING_REVIEW, rule, reason, priority, confidence, guards)

    if decision is None:
        return review(Rule.ENGINE_FAILED, f"The engine gave no valid decision: {result.error}")
    if screening.guards:
        first = screening.guards[0]
        names = ", ".join(guard.description for guard in screening.guards)
        return review(f"{Rule.GUARD}:{first.name}", f"Guard fired: {names}.")
    if not screening.answerable_language:
        if not screening.language:
            return review(
                Rule.LANGUAGE, "Too short to tell its language, and it has letters English does not use."
            )
        return review(
            Rule.LANGUAGE, f"Replies are not written in this ticket's language ({screening.language})."
        )
    if decision.intent == "unknown":
        return review(Rule.UNKNOWN_INTENT, "The intent is unknown.")
    if priority == Priority.HIGH:
        return review(Rule.HIGH_PRIORITY, "High-priority tickets always get a human.")
    if decision.intent not in config.auto_resolve_intents:
        return review(Rule.INTENT_NOT_ALLOWED, f"Intent {decision.intent} is not auto-resolvable.")
    resolvable_probability = result.resolvable_probability
    if not decision.resolvable:
        return review(Rule.NEEDS_HUMAN, "The engine says a written answer does not close this ticket.")
    if resolvable_probability is not None and resolvable_probability < config.resolvable_threshold:
        return review(
            Rule.NEEDS_HUMAN,
            f"Resolvability {resolvable_probability:.2f} is under {config.resolvable_threshold:.2f}.",
        )
    if not [key for key in decision.policy_ids if key in valid_policy_keys]:
        return review(Rule.NO_POLICY, "The suggestion cites no valid policy.")
    if result.policy_margin is not None and result.policy_margin < config.policy_margin:
        return review(
            Rule.POLICY_CONTESTED,
            f"Another policy fits this ticket almost as well as the cited one (lead "
            f"{result.policy_margin:.3f}, under {config.policy_margin:.3f}): a person picks the answer.",
        )
    if screening.asks_how_long and not states_duration(decision.suggestion):
        return review(
            Rule.UNANSWERED_QUESTION, "The customer asks how long; the suggestion names no duration."
        )
    threshold = config.threshold_for(decision.intent)
    if confidence is None:
        return review(Rule.LOW_CONFIDENCE, f"No confidence; the threshold is {threshold:.2f}.")
    shown, needed = _apart(confidence, threshold)
    if confidence < threshold:
        return review(Rule.LOW_CONFIDENCE, f"Confidence {shown} is under the threshold {needed}.")
    return RoutingOutcome(
        Status.AUTO_RESOLVED,
        Rule.AUTO_RESOLVE,
        f"Confidence {shown} reaches {needed}; no guard fired.",
        priority,
        confidence,
        guards,
    )


def _apart(confidence: float, threshold: float) -> tuple[str, str]:
    """Both figures with the fewest decimals (at least two) that show the threshold exactly
    and tell them apart: "0.749 is under 0.750", not "0.75 is under the threshold 0.75";
    "0.990 reaches 0.965", not "0.99 reaches 0.96"."""
    for decimals in range(2, 7):
        shown, needed = f"{confidence:.{decimals}f}", f"{threshold:.{decimals}f}"
        if float(needed) == threshold and (shown != needed or confidence == threshold):
            return shown, needed
    return f"{confidence:.6f}", f"{threshold:.6f}"
