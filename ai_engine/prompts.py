"""Versioned prompts.

A prompt version is a file `prompts/<version>.txt`; its id is the file name and its
content hash is recorded with every decision that used it. The tickets app refuses to
evaluate with a version whose text changed after a decision used it, so an edit must
become a new file.
"""

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ai_engine.errors import UnknownPromptVersion
from ai_engine.language import reply_language
from ai_engine.types import PolicyText, TicketText

PROMPT_DIR = Path(__file__).resolve().parent / "prompts"


@dataclass(frozen=True)
class Prompt:
    version: str
    template: str
    sha256: str


@cache
def prompt_load(version: str) -> Prompt:
    """The prompt for `version`, or UnknownPromptVersion naming the versions that exist."""
    path = PROMPT_DIR / f"{version}.txt"
    if "/" in version or not path.is_file():
        raise UnknownPromptVersion(f"prompt version {version!r} does not exist; known: {prompt_versions()}")
    template = path.read_text(encoding="utf-8")
    return Prompt(version, template, hashlib.sha256(template.encode()).hexdigest())


def prompt_versions() -> list[str]:
    return sorted(path.stem for path in PROMPT_DIR.glob("*.txt"))


LANGUAGE_NAMES = {"en": "English", "de": "German", "es": "Spanish", "fr": "French"}


def render_messages(prompt: Prompt, ticket: TicketText, policies: list[PolicyText]) -> list[dict]:
    language = reply_language(ticket.language)
    lines = []
    for policy in policies:
        title, text = policy.in_language(language)
        lines.append(f"- id: {policy.key}\n  title: {title}\n  text: {text}")
    system = prompt.template.replace("{policies}", "\n".join(lines) or "(none)")
    system = system.replace("{language}", LANGUAGE_NAMES[language])
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": delimit_ticket(ticket)},
    ]


def delimit_ticket(ticket: TicketText) -> str:
    # JSON-encode and escape angle brackets, so no ticket text can close the
    # delimiter and smuggle text outside it; decoding gives the exact text back.
    payload = json.dumps({"subject": ticket.subject, "body": ticket.body}, ensure_ascii=False)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e")
    return f"<untrusted_ticket>\n{payload}\n</untrusted_ticket>"
