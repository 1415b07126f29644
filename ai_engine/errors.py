"""One base error for everything ai_engine refuses, so callers catch one type."""


class EngineError(Exception):
    """The engine cannot give a decision; the message says why, for a person to read."""


class EngineNotConfigured(EngineError):
    """The chosen engine cannot run here (no API key, unknown name...)."""


class ModelFileError(EngineError):
    """The local model file is missing, unreadable or from an incompatible version."""


class UnknownPromptVersion(EngineError, LookupError):
    """No prompt file for the requested version."""


class DecisionRejected(EngineError):
    """Engine output that is not a valid decision; the message names the field and reason."""
