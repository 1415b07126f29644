"""The routing rules: what the system does with a recommendation.

Rules are checked in order and the first that fires decides. Only the last one
auto-resolves, so every safety rule has to pass first.

1. engine_failed        the engine gave no valid decision        -> review
2. guard:<name>         a guard fires on the customer's text      -> review
3. unknown_intent       the intent is unknown                     -> review
4. high_priority        the priority is high                      -> review
5. intent_not_allowed   the intent is not auto-resolvable         -> review
6. no_policy            the suggestion cites no valid policy      -> review
7. low_confidence       routing confidence under the threshold    -> review
8. auto_resolve         everything passed                         -> auto_resolved
"""

from dataclasses import dataclass, field

from django.conf import settings

from ai_engine.types import EngineResult
from tickets.guards import guards_fired
from tickets.models import IntentThreshold, Status


@dataclass(frozen=True)
class RoutingConfig:
    default_threshold: float
    intent_thresholds: dict[str, float] = field(default_factory=dict)
    auto_resolve_intents: frozenset[str] = frozenset()

    def threshold_for(self, intent: str) -> float:
        return self.intent_thresholds.get(intent, self.default_threshold)


@dataclass(frozen=True)
class RoutingOutcome:
    status: str
    rule: str
    reason: str

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
    )


def route(
    result: EngineResult, *, text: str, valid_policy_keys: frozenset[str], config: RoutingConfig
) -> RoutingOutcome:
    """Apply the rules above to one engine result for a ticket whose text is `text`."""

    def review(rule: str, reason: str) -> RoutingOutcome:
        return RoutingOutcome(Status.AWAITING_REVIEW, rule, reason)

    decision = result.decision
    if decision is None:
        return review("engine_failed", f"The engine gave no valid decision: {result.error}")
    fired = guards_fired(text)
    if fired:
        return review(f"guard:{fired[0].name}", "Guard fired: " + ", ".join(g.description for g in fired))
    if decision.intent == "unknown":
        return review("unknown_intent", "The intent is unknown.")
    if decision.priority == "high":
        return review("high_priority", "High-priority tickets always get a human.")
    if decision.intent not in config.auto_resolve_intents:
        return review("intent_not_allowed", f"Intent {decision.intent} is not auto-resolvable.")
    if not [key for key in decision.policy_ids if key in valid_policy_keys]:
        return review("no_policy", "The suggestion cites no valid policy.")
    confidence = result.routing_confidence if result.routing_confidence is not None else 0.0
    threshold = config.threshold_for(decision.intent)
    if confidence < threshold:
        return review(
            "low_confidence", f"Confidence {confidence:.2f} is under the threshold {threshold:.2f}."
        )
    return RoutingOutcome(
        Status.AUTO_RESOLVED,
        "auto_resolve",
        f"Confidence {confidence:.2f} reaches {threshold:.2f}; no guard fired.",
    )
