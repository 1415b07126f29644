"""Which language a ticket is written in, with lingua (offline, deterministic).

Low-accuracy mode over a fixed set of languages keeps memory near 60 MB and a
call under a millisecond; its weakness is very short text, so text too short to
judge counts as "undetermined" rather than as a guess.
"""

import re
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
# Nor is a handful of words enough to call a ticket foreign.
MIN_WORDS_FOREIGN = 6
UNDETERMINED = ""


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def language_detect(text: str) -> str:
    """ISO 639-1 code of `text`'s language, or "" when the text is too short or mixed to tell."""
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return _short_text_language(text)
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return _short_text_language(text)
    code = values[0].language.iso_code_639_1.name.lower()
    if code != "en" and _plainly_english(text):
        return "en"
    if code == "en" and (marked := _marked_language(text)):
        return marked
    if code not in ANSWER_LANGUAGES and word_count(text) < MIN_WORDS_FOREIGN:
        return _short_text_language(text)  # "Password reset link expired" read as Italian
    needed = MIN_CONFIDENCE if code in ANSWER_LANGUAGES else MIN_CONFIDENCE_FOREIGN
    return code if values[0].value >= needed else _short_text_language(text)


def foreign_letters(text: str) -> bool:
    """Letters English does not use ("oublié", "Zürich"): text the detector could not judge
    is not taken for English when it has them (tickets.screening sends it to a person)."""
    return any(ch.isalpha() and not ch.isascii() for ch in text)


# English function words no other language customers write in uses (not "in", "an", "was",
# "on", "de": German, Dutch or French words too). Low-accuracy mode read "How do I reset my
# password?" as Italian (0.95) and "The app crashes on startup on my iPhone" as German,
# which sent the commonest question to a person and mailed a German confirmation.
# fmt: off
_ENGLISH_WORDS = frozenset({
    "the", "and", "is", "are", "my", "your", "our", "how", "what", "where", "when", "do", "does",
    "did", "can", "could", "would", "i", "you", "we", "it", "this", "that", "with", "for", "of",
    "to", "have", "has", "not", "please", "thanks", "thank", "hello", "hi", "there",
})
_FUNCTION_WORDS = {
    "de": frozenset({
        "der", "das", "und", "ist", "ich", "nicht", "wir", "sie", "mit", "ein", "eine", "auf",
        "für", "wie", "kann", "bitte", "danke", "mein", "meine", "wo", "werden", "wird", "unsere",
        "unser", "unseren", "ihr", "ihre", "gibt", "hallo",
    }),
    "es": frozenset({
        "el", "los", "las", "y", "es", "está", "mi", "mis", "cómo", "qué", "dónde", "para", "por",
        "con", "una", "puedo", "tengo", "gracias", "hola", "pero", "nuestros", "nuestra", "nuestro",
    }),
    "fr": frozenset({
        "le", "les", "et", "est", "je", "nous", "vous", "mon", "ma", "mes", "comment", "où", "pour",
        "avec", "une", "des", "du", "pas", "merci", "bonjour", "sont", "nos", "notre",
    }),
}
# "die" is German's commonest word and English too ("roll a die"): it counts against English
# only, never for German on its own.
_OTHER_WORDS = frozenset().union(*_FUNCTION_WORDS.values()) | frozenset({
    "die", "il", "lo", "gli", "sono", "non", "della", "come", "posso", "grazie",
    "het", "een", "ik", "niet", "mijn", "jij", "não", "obrigado", "você",
})
# fmt: on
_TOKEN = re.compile(r"[^\W\d_]+")
# Scripts written without spaces between words: Chinese, Japanese kana, Korean syllables
# are words run together, so a run of them counts as one word per two characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


# A word has at least one letter in any script; digits and punctuation alone are not words.
_WORD = re.compile(r"\w*[^\W\d_]\w*")


def word_count(text: str) -> int:
    """Words in `text`, in any script: "請求書をダウンロードできません" is several, not one."""
    count = 0
    for token in _WORD.findall(text):
        unspaced = len(_UNSPACED.findall(token))
        count += max(1, unspaced // 2) if unspaced else 1
    return count


def _plainly_english(text: str) -> bool:
    """English function words (three, or two and none of another language's), few others';
    in a handful of words, one and none of another language's nor its letters ("Is Cloudnest
    HIPAA compliant?" was read as German: product words and acronyms are not English words)."""
    lowered = text.lower()
    words = _TOKEN.findall(lowered)
    english = sum(w in _ENGLISH_WORDS for w in words)
    other = sum(w in _OTHER_WORDS for w in words)
    if english >= 1 and other == 0 and len(words) < MIN_WORDS_FOREIGN:
        return not any(ch in lowered for letters in _MARKS.values() for ch in letters)
    return (english >= 3 and other * 3 <= english) or (english >= 2 and other == 0)


# Letters English never uses, each pointing to one answer language. Product words keep a
# short ticket in another language looking English to the detector: "Welcher Tarif enthält
# SAML Single Sign-on?" was read as English (0.98) and answered in English.
_MARKS = {"de": "äöüß", "es": "ñ¿¡", "fr": "çèêëàùûîïœ"}


def _marked_language(text: str) -> str:
    """The one answer language whose letters `text` has, when it has no English function words."""
    lowered = text.lower()
    if any(w in _ENGLISH_WORDS for w in _TOKEN.findall(lowered)):
        return ""
    marked = [code for code, letters in _MARKS.items() if any(ch in lowered for ch in letters)]
    return marked[0] if len(marked) == 1 else ""


def _short_text_language(text: str) -> str:
    """For text the detector cannot judge: the answer language its letters or its function
    words name ("¿Aceptan PayPal?", "Wo werden unsere Daten gehostet?" were answered in
    English), else "". Function words of one language only, English counted among them."""
    if marked := _marked_language(text):
        return marked
    words = set(_TOKEN.findall(text.lower()))
    hits = {"en": len(words & _ENGLISH_WORDS)} | {
        code: len(words & function) for code, function in _FUNCTION_WORDS.items()
    }
    named = [code for code, n in hits.items() if n]
    return named[0] if len(named) == 1 else UNDETERMINED


def reply_language(language: str) -> str:
    """The language to answer in: the customer's when we write it, else English."""
    return language if language in ANSWER_LANGUAGES else "en"


def language_warm() -> None:
    """Build the detector now (at process start) instead of on the first ticket."""
    _detector().compute_language_confidence_values("warm up the language models")
