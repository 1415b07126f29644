"""What the system reads off a ticket's text by itself, before and beside the model."""

from dataclasses import dataclass

from ai_engine import ANSWER_LANGUAGES, language_detect
from tickets.guards import Guard, guards_fired


@dataclass(frozen=True)
class Screening:
    guards: tuple[Guard, ...]
    # ISO 639-1 code, or "" when the text is too short to tell.
    language: str

    @property
    def raises_priority(self) -> bool:
        return any(guard.raises_priority for guard in self.guards)

    @property
    def answerable_language(self) -> bool:
        # Text too short to tell is answered in English; a human sees it if it is not.
        return self.language in ANSWER_LANGUAGES or not self.language


def screen(text: str) -> Screening:
    """Guards and language for `text` (the ticket's subject and body)."""
    return Screening(tuple(guards_fired(text)), language_detect(text))
