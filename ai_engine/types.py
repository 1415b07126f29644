"""Plain values passed into and out of engines. No Django models cross this line."""

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache, partial

from ai_engine.schema import TriageDecision


@dataclass(frozen=True)
class TicketText:
    subject: str
    body: str
    # ISO 639-1 code the system detected ("" = undetermined); replies follow it.
    language: str = ""

    @property
    def text(self) -> str:
        return f"{self.subject}\n{self.body}"


@dataclass(frozen=True)
class PolicyText:
    key: str
    title: str
    text: str
    intents: tuple[str, ...]
    # language -> (title, text) for the languages the policy is translated into.
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)

    def in_language(self, language: str) -> tuple[str, str]:
        """(title, text) in `language`, or the original when there is no translation."""
        return self.translations.get(language, (self.title, self.text))


@dataclass(frozen=True)
class EngineResult:
    """One engine call: a validated decision, or the reason there is none."""

    engine: str
    model: str
    prompt_version: str
    prompt_hash: str
    decision: TriageDecision | None
    error: str = ""
    raw_output: str = ""
    raw_confidence: float | None = None
    # The probability routing trusts: that intent and resolvability are both right.
    # From the label tokens' probabilities when the server returned logprobs, else
    # from the engine's own (calibrated, for the local engine) probabilities.
    routing_confidence: float | None = None
    # The probability that a written answer fully resolves the ticket.
    resolvable_probability: float | None = None
    # How far the cited policy fits the ticket ahead of the next-best one (local engine;
    # None where the engine does not rank policies). Small: two policies fit about equally.
    policy_margin: float | None = None
    latency_ms: float = 0.0
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    # The server's rate limit stopped the call: worth retrying later, not a verdict on the ticket.
    rate_limited: bool = False

    @property
    def ok(self) -> bool:
        return self.decision is not None


@dataclass(frozen=True)
class EngineRun:
    """Every call an engine made for one ticket; the last one is the answer."""

    results: tuple[EngineResult, ...] = field(default_factory=tuple)

    @property
    def final(self) -> EngineResult:
        return self.results[-1]


def input_fingerprint(
    *, engine: str, model: str, prompt_hash: str, ticket: TicketText, policies: list[PolicyText]
) -> str:
    """Same fingerprint means the same decision: used to reuse stored decisions.

    The SHA-256 of the sorted-keys JSON of engine, model, prompt, ticket and policies. The
    policies' JSON (most of the material) is encoded once per policy set, not per ticket.
    """
    dump = partial(json.dumps, sort_keys=True, ensure_ascii=False)
    # Keys in sorted order: body, engine, language, model | policies | prompt, subject.
    before = dump({"body": ticket.body, "engine": engine, "language": ticket.language, "model": model})
    after = dump({"prompt": prompt_hash, "subject": ticket.subject})
    material = f'{before[:-1]}, "policies": {_policies_json(policies)}, {after[1:]}'
    return hashlib.sha256(material.encode()).hexdigest()


def _policies_json(policies: list[PolicyText]) -> str:
    return _policies_json_cached(
        tuple((p.key, p.title, p.text, p.intents, tuple(sorted(p.translations.items()))) for p in policies)
    )


@lru_cache(maxsize=8)
def _policies_json_cached(policies: tuple) -> str:
    return json.dumps(
        [[key, title, text, list(intents), [list(t) for t in translations]]
         for key, title, text, intents, translations in policies],
        ensure_ascii=False,
    )
