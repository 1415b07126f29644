"""A ticket with too few words to hold a request: nothing a written answer could answer."""

import re

# A word has at least one letter in any script; digits and punctuation alone are not words.
_WORD = re.compile(r"\w*[^\W\d_]\w*")
MIN_WORDS = 3


def no_request(text: str) -> bool:
    """Fewer than MIN_WORDS words in subject and body together ("?", ".", "Cloudnest")."""
    return len(_WORD.findall(text)) < MIN_WORDS
