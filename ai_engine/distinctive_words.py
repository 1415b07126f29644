"""Words that tell one policy from the others, weighted by how few policies use them.

The sentence encoder and the character n-grams both pull towards words every policy
shares: "how do I invite a colleague to our workspace?" came closest to "A workspace owner
can close the whole workspace", far above "Admins invite members". "invite" is in one
policy only; "workspace" is in most. Weighting a shared word by the inverse of the number
of policies using it (IDF over the policy set, not over tickets) lets the rare, telling
word count.
"""

import math
import re
from collections import Counter

import numpy as np

_WORD = re.compile(r"[^\W\d_]{3,}")
# Words are compared by their first five letters, so "invite", "invites" and "invitations"
# meet; crude (German "lade ... ein" does not meet "laden ... ein"), and language-blind.
_STEM = 5
# Greetings and thanks are in every ticket and in one policy (praise): never telling.
_COURTESY = frozenset(
    word[:_STEM]
    for word in [
        "thanks",
        "thank",
        "hello",
        "dear",
        "regards",
        "please",
        "cheers",
        "best",
        "kind",
        "danke",
        "hallo",
        "grüße",
        "gruss",
        "freundlichen",
        "bitte",
        "liebe",
        "gracias",
        "hola",
        "saludos",
        "favor",
        "merci",
        "bonjour",
        "cordialement",
        "salutations",
    ]
)


def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:_STEM] for w in _WORD.findall(text.lower())) - _COURTESY


class DistinctiveWords:
    """Scores a ticket against each policy sentence by the rare words they share."""

    def __init__(self, sentences: list[str], owners: np.ndarray):
        self._sentence_stems = [_stems(s) for s in sentences]
        policies: dict[int, set[str]] = {}
        for stems, owner in zip(self._sentence_stems, owners.tolist(), strict=True):
            policies.setdefault(owner, set()).update(stems)
        used_by = Counter(stem for stems in policies.values() for stem in stems)
        self._idf = {stem: math.log(len(policies) / n) for stem, n in used_by.items()}

    def scores(self, text: str) -> np.ndarray:
        """Per sentence: the rarity of the words it shares with `text`, over all of `text`'s."""
        stems = _stems(text)
        weights = {s: self._idf.get(s, 0.0) for s in stems}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return np.array(
            [sum(weights[s] for s in stems & own) / norm for own in self._sentence_stems], dtype=np.float32
        )
