"""The append-only decision log and the timeline entries of a triage."""

from ai_engine import EngineResult
from tickets.models import AuditEvent, Decision
from tickets.routing import RoutingOutcome


def decision_record(
    ticket, result: EngineResult, proposal, *, routing_outcome: str, applied=False
) -> Decision:
    """Append one engine call to the decision log; the final call carries the routing."""
    is_final = result is proposal.run.final
    return Decision.objects.create(
        ticket=ticket,
        engine=result.engine,
        model_name=result.model,
        prompt_version=result.prompt_version,
        prompt_hash=result.prompt_hash,
        input_hash=proposal.fingerprint,
        raw_output=result.raw_output,
        output=result.decision.model_dump(mode="json") if result.decision else None,
        error=result.error,
        raw_confidence=result.raw_confidence,
        routing_confidence=result.routing_confidence,
        resolvable_probability=result.resolvable_probability,
        policy_margin=result.policy_margin,
        final_priority=proposal.routing.priority or "" if is_final else "",
        guards=list(proposal.routing.guards) if is_final else [],
        latency_ms=result.latency_ms,
        prompt_tokens=result.prompt_tokens,
        completion_tokens=result.completion_tokens,
        routing_rule=proposal.routing.rule if is_final else "",
        routing_outcome=routing_outcome,
        applied=applied,
        reused_from=proposal.reused_from if is_final else None,
    )


def triage_audit(ticket, decision: Decision, routing: RoutingOutcome, before: str, actor) -> None:
    """The timeline entries of an applied decision: what the AI said, where routing sent it."""
    output = decision.output or {}
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                ticket=ticket,
                kind=AuditEvent.Kind.AI_DECISION,
                actor=actor,
                action=decision.engine,
                changes={
                    "intent": output.get("intent"),
                    "priority": routing.priority,
                    "confidence": routing.confidence,
                    "resolvable": output.get("resolvable"),
                },
                note=decision.error or f"decision #{decision.pk}",
            ),
            AuditEvent(
                ticket=ticket,
                kind=AuditEvent.Kind.ROUTED,
                action=routing.rule,
                changes={"status": [before, routing.status]},
                note=routing.reason,
            ),
        ]
    )
