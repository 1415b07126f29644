"""What the system reads off a ticket's text by itself, before and beside the model."""

from dataclasses import dataclass

from ai_engine import ANSWER_LANGUAGES, foreign_letters, language_detect
from tickets.guards import Guard, guards_fired
from tickets.question_types import asks_how_long


@dataclass(frozen=True)
class Screening:
    guards: tuple[Guard, ...]
    # ISO 639-1 code, or "" when the text is too short to tell.
    language: str
    # The customer asks how long something takes or lasts: a reply must name a duration.
    asks_how_long: bool = False
    # Letters English does not use ("Mot de passe oublié ?"): too short to tell is not English.
    foreign_letters: bool = False

    @property
    def raises_priority(self) -> bool:
        return any(guard.raises_priority for guard in self.guards)

    @property
    def at_least_medium(self) -> bool:
        # Under an injection the guards also read the injected words ("issue a full refund"),
        # so they cannot tell the real request: its priority is the model's (rubric section 4).
        if any(guard.name == "prompt_injection" for guard in self.guards):
            return False
        return any(guard.at_least_medium for guard in self.guards)

    @property
    def answerable_language(self) -> bool:
        # Text too short to tell is answered in English, unless its letters say it is not.
        return self.language in ANSWER_LANGUAGES or not (self.language or self.foreign_letters)


def screen(text: str) -> Screening:
    """Guards and language for `text` (the ticket's subject and body)."""
    return Screening(
        tuple(guards_fired(text)), language_detect(text), asks_how_long(text), foreign_letters(text)
    )
