"""What the engine is: built from settings, with prompt versions kept immutable."""

from pathlib import Path

from django.conf import settings

from ai_engine import Engine, EngineConfig, EngineError, engine_build
from tickets.selectors import prompt_edited_since_use


class PromptEdited(EngineError):
    """A prompt version's text changed after decisions used it."""


def engine_config(*, prompt_version: str | None = None, local_model_path: Path | None = None) -> EngineConfig:
    """The engine settings; `local_model_path` replaces AI_LOCAL_MODEL_PATH (comparing two models)."""
    return EngineConfig(
        engine=settings.AI_ENGINE,
        openai_api_key=settings.OPENAI_API_KEY,
        openai_base_url=settings.OPENAI_BASE_URL,
        model=settings.AI_MODEL,
        prompt_version=prompt_version or settings.AI_PROMPT_VERSION,
        timeout=settings.AI_TIMEOUT_SECONDS,
        max_retries=settings.AI_MAX_RETRIES,
        seed=settings.AI_SEED,
        local_model_path=local_model_path or settings.AI_LOCAL_MODEL_PATH,
        cascade_threshold=settings.AI_CASCADE_THRESHOLD,
        requests_per_minute=settings.AI_LLM_REQUESTS_PER_MINUTE,
        tokens_per_minute=settings.AI_LLM_TOKENS_PER_MINUTE,
        embedding_threads=settings.AI_EMBEDDING_THREADS,
    )


def engine_get(
    *, engine_name: str | None = None, prompt_version: str | None = None, local_model_path: Path | None = None
) -> Engine:
    """The engine to run, or an EngineError saying why it cannot run.

    Engines live as long as the process (`engine_build` keeps one per configuration),
    so calling this per ticket costs one short query for the prompt check.
    """
    config = engine_config(prompt_version=prompt_version, local_model_path=local_model_path)
    engine = engine_build(config, engine_name)
    engine_check(engine)
    return engine


def engine_check(engine: Engine) -> None:
    """Raise PromptEdited if the engine's prompt version was edited after decisions used it.

    A prompt version used by a decision is immutable: decisions must stay
    reproducible, so an edited file is refused until it is saved as a new version.
    """
    prompt = engine.prompt
    if prompt is not None and prompt_edited_since_use(version=prompt.version, sha256=prompt.sha256):
        raise PromptEdited(
            f"prompt version {prompt.version} was edited after decisions used it; "
            "prompt versions are immutable, add a new version instead"
        )
