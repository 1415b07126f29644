"""A ticket with too few words to hold a request: nothing a written answer could answer."""

from ai_engine import word_count

MIN_WORDS = 3


def no_request(text: str) -> bool:
    """Fewer than MIN_WORDS words in subject and body together ("?", ".", "Cloudnest").

    A word has a letter in any script; digits and punctuation alone are not words, and
    Japanese or Chinese written without spaces is not one word (a Japanese mail was told
    it had "fewer than three words").
    """
    return word_count(text) < MIN_WORDS
