"""Which language a ticket is written in, with lingua (offline, deterministic).

Low-accuracy mode over a fixed set of languages keeps memory near 60 MB and a
call under a millisecond; its weakness is very short text, so text too short to
judge counts as "undetermined" rather than as a guess.
"""

from functools import cache

from ai_engine.vocabulary import ANSWER_LANGUAGES

# Languages customers plausibly write in; anything else still lands on one of these
# and, not being an answer language, goes to a human.
_CANDIDATES = (
    "ENGLISH",
    "GERMAN",
    "SPANISH",
    "FRENCH",
    "ITALIAN",
    "PORTUGUESE",
    "DUTCH",
    "POLISH",
    "SWEDISH",
    "DANISH",
    "BOKMAL",
    "FINNISH",
    "CZECH",
    "TURKISH",
    "RUSSIAN",
    "UKRAINIAN",
    "GREEK",
    "ROMANIAN",
    "HUNGARIAN",
    "JAPANESE",
    "CHINESE",
    "KOREAN",
    "ARABIC",
    "HEBREW",
    "HINDI",
    "INDONESIAN",
    "VIETNAMESE",
    "CATALAN",
)
# Below this many letters the detector guesses; below this confidence it is unsure.
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.6
# Calling a ticket foreign sends it to a human, so that claim needs more evidence: low-accuracy
# mode read "Hello, how do I reset my password? I forgot it. Thanks, Tom" as Italian (0.84).
MIN_CONFIDENCE_FOREIGN = 0.95
UNDETERMINED = ""


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def language_detect(text: str) -> str:
    """ISO 639-1 code of `text`'s language, or "" when the text is too short or mixed to tell."""
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return UNDETERMINED
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return UNDETERMINED
    code = values[0].language.iso_code_639_1.name.lower()
    needed = MIN_CONFIDENCE if code in ANSWER_LANGUAGES else MIN_CONFIDENCE_FOREIGN
    return code if values[0].value >= needed else UNDETERMINED


def reply_language(language: str) -> str:
    """The language to answer in: the customer's when we write it, else English."""
    return language if language in ANSWER_LANGUAGES else "en"


def language_warm() -> None:
    """Build the detector now (at process start) instead of on the first ticket."""
    _detector().compute_language_confidence_values("warm up the language models")
