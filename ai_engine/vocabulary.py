"""The words the whole product shares: defined once here, imported everywhere else.

`tickets` builds its model choices, settings validation and API enums from these
tuples, so adding an intent is a one-line change.
"""

INTENTS: tuple[str, ...] = ("billing", "technical_issue", "account", "general_question", "unknown")
PRIORITIES: tuple[str, ...] = ("low", "medium", "high")
# Intents a written answer can ever close; `unknown` always goes to a human.
ANSWERABLE_INTENTS: tuple[str, ...] = tuple(i for i in INTENTS if i != "unknown")
# Languages the policies and replies are written in (ISO 639-1).
ANSWER_LANGUAGES: tuple[str, ...] = ("en", "de", "es", "fr")
# `auto` picks openai when an API key is set, else local.
ENGINE_NAMES: tuple[str, ...] = ("auto", "local", "openai", "cascade")
