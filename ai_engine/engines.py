"""Choosing an engine: `AI_ENGINE` = auto, local, openai or cascade."""

from dataclasses import dataclass
from typing import Protocol

from ai_engine.local_engine import LocalEngine, local_engine_load
from ai_engine.openai_engine import OpenAIEngine
from ai_engine.prompts import prompt_load
from ai_engine.types import EngineResult, EngineRun, PolicyText, TicketText

ENGINE_NAMES = ("auto", "local", "openai", "cascade")


class EngineNotConfigured(Exception):
    """The chosen engine cannot run here (no API key, no trained model...)."""


class Engine(Protocol):
    name: str
    model_name: str

    def decide(self, ticket: TicketText, policies: list[PolicyText]) -> EngineResult: ...


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
    local_model_path: object
    cascade_threshold: float


class CascadeEngine:
    """Local first; the LLM only when the local engine is unsure. Saves LLM calls."""

    name = "cascade"

    def __init__(self, local: LocalEngine, llm: OpenAIEngine, threshold: float):
        self.local, self.llm, self.threshold = local, llm, threshold
        self.model_name = f"{local.model_name}+{llm.model_name}"

    def run(self, ticket: TicketText, policies: list[PolicyText]) -> EngineRun:
        first = self.local.decide(ticket, policies)
        if first.ok and first.routing_confidence >= self.threshold:
            return EngineRun((first,))
        return EngineRun((first, self.llm.decide(ticket, policies)))


def engine_build(config: EngineConfig, name: str | None = None):
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


def engine_run(engine, ticket: TicketText, policies: list[PolicyText]) -> EngineRun:
    """Every call an engine makes for one ticket, the deciding one last."""
    if isinstance(engine, CascadeEngine):
        return engine.run(ticket, policies)
    return EngineRun((engine.decide(ticket, policies),))


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
