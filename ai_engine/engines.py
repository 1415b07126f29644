"""Choosing an engine: `AI_ENGINE` = auto, local, openai or cascade.

Every engine answers the same protocol, so callers never need to know which one
they hold: `run` for one ticket, `run_many` for a batch (evaluation, benchmarks).
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ai_engine.errors import EngineNotConfigured
from ai_engine.local_engine import LocalEngine, local_engine_load
from ai_engine.openai_engine import OpenAIEngine
from ai_engine.prompts import Prompt, prompt_load
from ai_engine.types import EngineRun, PolicyText, TicketText
from ai_engine.vocabulary import ENGINE_NAMES


class Engine(Protocol):
    name: str
    model_name: str
    # The prompt the engine sends, or None for engines without one (local).
    prompt: Prompt | None

    def run(self, ticket: TicketText, policies: list[PolicyText]) -> EngineRun: ...

    def run_many(self, tickets: list[TicketText], policies: list[PolicyText]) -> list[EngineRun]: ...


@dataclass(frozen=True)
class EngineConfig:
    """Everything needed to build an engine; read from Django settings by the caller."""

    engine: str
    openai_api_key: str
    openai_base_url: str | None
    model: str
    prompt_version: str
    timeout: float
    max_retries: int
    seed: int
    local_model_path: Path
    cascade_threshold: float


class CascadeEngine:
    """Local first; the LLM only when the local engine is unsure. Saves LLM calls."""

    name = "cascade"

    def __init__(self, local: LocalEngine, llm: OpenAIEngine, threshold: float):
        self.local, self.llm, self.threshold = local, llm, threshold
        self.model_name = f"{local.model_name}+{llm.model_name}"
        self.prompt = llm.prompt

    def run(self, ticket: TicketText, policies: list[PolicyText]) -> EngineRun:
        first = self.local.run(ticket, policies).final
        if first.ok and first.routing_confidence >= self.threshold:
            return EngineRun((first,))
        return EngineRun((first, self.llm.run(ticket, policies).final))

    def run_many(self, tickets: list[TicketText], policies: list[PolicyText]) -> list[EngineRun]:
        return [self.run(ticket, policies) for ticket in tickets]


def engine_build(config: EngineConfig, name: str | None = None) -> Engine:
    """The engine `name` (default: the configured one), or EngineNotConfigured saying why."""
    name = name or config.engine
    if name not in ENGINE_NAMES:
        raise EngineNotConfigured(f"unknown engine {name!r}; choose one of {ENGINE_NAMES}")
    if name == "auto":
        name = "openai" if config.openai_api_key else "local"
    if name == "local":
        return local_engine_load(config.local_model_path)
    llm = _openai(config)
    if name == "openai":
        return llm
    return CascadeEngine(local_engine_load(config.local_model_path), llm, config.cascade_threshold)


def _openai(config: EngineConfig) -> OpenAIEngine:
    if not config.openai_api_key:
        raise EngineNotConfigured("the openai engine needs OPENAI_SECRET (or OPENAI_API_KEY)")
    return OpenAIEngine(
        api_key=config.openai_api_key,
        base_url=config.openai_base_url,
        model=config.model,
        prompt=prompt_load(config.prompt_version),
        timeout=config.timeout,
        max_retries=config.max_retries,
        seed=config.seed,
    )
