"""Choosing an engine: `AI_ENGINE` = auto, local, openai or cascade.

Every engine answers the same protocol, so callers never need to know which one
they hold: `run` for one ticket, `run_many` for a batch (evaluation, benchmarks).
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ai_engine.embedding import embedding_threads_set
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
    # True when a call mostly waits on a server: worth running many at once, and `run`
    # then takes `wait_until` (time.monotonic), the latest moment to start the call.
    calls_network: bool

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
    # Budgets toward the LLM server, per process and minute; 0: none.
    requests_per_minute: int = 0
    tokens_per_minute: int = 0
    # BLAS threads of the local engine's sentence embedder (AI_EMBEDDING_THREADS).
    embedding_threads: int = 1


class CascadeEngine:
    """Local first; the LLM only when the local engine is unsure. Saves LLM calls."""

    name = "cascade"
    calls_network = True

    def __init__(self, local: LocalEngine, llm: OpenAIEngine, threshold: float):
        self.local, self.llm, self.threshold = local, llm, threshold
        self.model_name = f"{local.model_name}+{llm.model_name}"
        self.prompt = llm.prompt

    def run(
        self, ticket: TicketText, policies: list[PolicyText], *, wait_until: float | None = None
    ) -> EngineRun:
        first = self.local.run(ticket, policies).final
        if first.ok and first.routing_confidence >= self.threshold:
            return EngineRun((first,))
        return EngineRun((first, self.llm.run(ticket, policies, wait_until=wait_until).final))

    def run_many(self, tickets: list[TicketText], policies: list[PolicyText]) -> list[EngineRun]:
        return [self.run(ticket, policies) for ticket in tickets]


def engine_build(config: EngineConfig, name: str | None = None) -> Engine:
    """The engine `name` (default: the configured one), or EngineNotConfigured saying why."""
    name = name or config.engine
    if name not in ENGINE_NAMES:
        raise EngineNotConfigured(f"unknown engine {name!r}; choose one of {ENGINE_NAMES}")
    if name == "auto":
        name = "openai" if config.openai_api_key else "local"
    if name in ("local", "cascade"):
        embedding_threads_set(config.embedding_threads)
    if name == "local":
        return local_engine_load(config.local_model_path)
    llm = _openai(config)
    if name == "openai":
        return llm
    return CascadeEngine(local_engine_load(config.local_model_path), llm, config.cascade_threshold)


def _openai(config: EngineConfig) -> OpenAIEngine:
    if not config.openai_api_key:
        raise EngineNotConfigured("the openai engine needs OPENAI_SECRET (or OPENAI_API_KEY)")
    return _openai_cached(config)


# One engine per configuration and process: its HTTP client (connection pool, TLS
# context) and its rate gate live as long as the process. Building a client cost about
# 19 ms of CPU and a new connection per ticket. A changed setting or prompt version is
# a new configuration, hence a new engine.
@lru_cache(maxsize=8)
def _openai_cached(config: EngineConfig) -> OpenAIEngine:
    return OpenAIEngine(
        api_key=config.openai_api_key,
        base_url=config.openai_base_url,
        model=config.model,
        prompt=prompt_load(config.prompt_version),
        timeout=config.timeout,
        max_retries=config.max_retries,
        seed=config.seed,
        requests_per_minute=config.requests_per_minute,
        tokens_per_minute=config.tokens_per_minute,
    )
