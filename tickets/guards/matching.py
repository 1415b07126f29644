"""How guard patterns are written and matched: folded text, word windows, near misses."""

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """The text as the patterns read it: case-folded, accents stripped, quotes and spaces made plain."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"[\u2018\u2019\u02bc`]", "'", folded)
    folded = re.sub(r"[\u201c\u201d\u00ab\u00bb]", '"', folded)
    return re.sub(r"[ \t\u00a0]+", " ", folded)


# Words nearly every German ticket has; without them a second, German-folded pass is wasted work.
GERMAN_HINT = re.compile(r"\b(?:und|der|die|das|ich|nicht|ist|wir|bitte|mit|uns|eine?|wurde|habe|haben)\b")


def forms(folded: str) -> tuple[str, ...]:
    """`folded`, and for German text again with ae/oe/ue written as a/o/u ("zurueck" reads as "zuruck")."""
    if not GERMAN_HINT.search(folded):
        return (folded,)
    german = re.sub(r"([aou])e", r"\1", folded)
    return (folded,) if german == folded else (folded, german)


def compile_any(*patterns: str) -> re.Pattern:
    joined = "|".join(f"(?:{p})" for p in patterns)
    # Customers drop apostrophes ("didnt", "cest"): an apostrophe between letters is optional.
    joined = re.sub(r"(?<=[a-z])'(?=[a-z])", "'?", joined)
    joined = re.sub(r"<w(\d+)>", r"(?:[\\w'-]+[\\s,]+){0,\1}?", joined)
    joined = re.sub(r"<s(\d+)>", r"[^.!?\\n]{0,\1}", joined)
    return re.compile(joined, re.MULTILINE)


def matcher(*patterns: str, unless: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """A check that fires when any pattern matches, after blanking the near-miss phrases in `unless`."""
    found = compile_any(*patterns)
    blank = compile_any(*unless) if unless else None

    def check(text: str) -> bool:
        folded = fold(text)
        if blank is not None:
            # Blank before the German folding, which garbles English ("does" becomes "dos").
            folded = blank.sub(" ", folded)
        return any(found.search(form) for form in forms(folded))

    return check


# A question about what would happen ("will our projects be deleted if we cancel?", "how long
# before the workspace goes read-only?") is not a report that it did: blank from the marker on.
HYPOTHETICAL = (
    r"\b(?:will|would|if|when|before|how long|how soon|does (?:the|our|my|it)|do (?:we|our|my|the|i)|"
    r"ab wann|wie lange|bevor|wenn|wird|werden|cuando|cuanto|antes de que|si|quand|combien|au bout de|"
    r"avant que|sera|seront)\b[^.!?\n]{0,200}\?",
    r"(?:^|(?<=[.!?]))[^.!?\n]{0,200}\b(?:afterwards|after that|danach|despues|ensuite)\b[^.!?\n]{0,200}\?",
)
