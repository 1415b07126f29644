"""The one shape an AI decision may take, validated strictly before anyone uses it."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from ai_engine.errors import DecisionRejected
from ai_engine.vocabulary import INTENTS, PRIORITIES

IntentLabel = Literal[INTENTS]
PriorityLabel = Literal[PRIORITIES]

SUGGESTION_MAX = 2000


class TriageDecision(BaseModel):
    """What an engine recommends for one ticket. The system decides what to do with it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    intent: IntentLabel
    priority: PriorityLabel
    confidence: float = Field(ge=0.0, le=1.0)
    # A written answer fully resolves the ticket and nobody needs to act afterwards.
    resolvable: bool
    suggestion: str = Field(min_length=1, max_length=SUGGESTION_MAX)
    policy_ids: list[str] = Field(max_length=5)

    @field_validator("suggestion")
    @classmethod
    def _suggestion_has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value

    @field_validator("policy_ids")
    @classmethod
    def _policies_exist(cls, value: list[str], info: ValidationInfo) -> list[str]:
        # The grounding check: a suggestion may only rely on active policies.
        known = (info.context or {}).get("known_policy_ids")
        if known is not None:
            unknown = [key for key in value if key not in known]
            if unknown:
                raise ValueError(f"cites unknown or inactive policies {unknown}")
        return value


def decision_from_json(raw: str, *, known_policy_ids: frozenset[str]) -> TriageDecision:
    """Parse model output strictly: JSON types must match, unknown fields are refused."""
    try:
        return TriageDecision.model_validate_json(
            raw, strict=True, context={"known_policy_ids": known_policy_ids}
        )
    except ValidationError as exc:
        raise DecisionRejected(describe_validation_error(exc)) from exc


def decision_from_values(values: dict, *, known_policy_ids: frozenset[str]) -> TriageDecision:
    try:
        return TriageDecision.model_validate(
            values, strict=True, context={"known_policy_ids": known_policy_ids}
        )
    except ValidationError as exc:
        raise DecisionRejected(describe_validation_error(exc)) from exc


def describe_validation_error(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(item) for item in error["loc"]) or "output"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)
