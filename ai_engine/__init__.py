"""The AI engine's public interface: the one door other apps use.

`tickets` imports from here, never from a submodule (a test enforces it). Names are
loaded on first use, so importing the package stays cheap for settings and for
processes that never run a model.
"""

from importlib import import_module

_EXPORTS = {
    # vocabulary
    "INTENTS": "vocabulary",
    "PRIORITIES": "vocabulary",
    "ANSWERABLE_INTENTS": "vocabulary",
    "ANSWER_LANGUAGES": "vocabulary",
    "ENGINE_NAMES": "vocabulary",
    # errors: EngineError is the base of every other one
    "EngineError": "errors",
    "EngineNotConfigured": "errors",
    "ModelFileError": "errors",
    "UnknownPromptVersion": "errors",
    "DecisionRejected": "errors",
    # decision types
    "TriageDecision": "schema",
    "TicketText": "types",
    "PolicyText": "types",
    "EngineResult": "types",
    "EngineRun": "types",
    "input_fingerprint": "types",
    # engines and prompts
    "Engine": "engines",
    "EngineConfig": "engines",
    "engine_build": "engines",
    "Prompt": "prompts",
    "prompt_load": "prompts",
    "prompt_versions": "prompts",
    # what the system reads off the text itself
    "foreign_letters": "language",
    "language_detect": "language",
    "reply_language": "language",
    "language_warm": "language",
    "word_count": "language",
    "secrets_find": "sensitive",
    "secrets_mask": "sensitive",
    # the local engine's sentence embedder (loaded with the local model, once per process)
    "embed": "embedding",
    "embedding_identity": "embedding",
    "embedding_warm": "embedding",
    # training
    "local_model_train": "training",
    "local_model_usable": "training",
    "local_model_is_starter_only": "training",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ai_engine' has no attribute {name!r}")
    value = getattr(import_module(f"ai_engine.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value
