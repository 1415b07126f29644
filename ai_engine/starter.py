"""The project's own starter examples (ai_engine/data/starter_examples.txt)."""

import hashlib
from pathlib import Path

from ai_engine.local_model import Example
from ai_engine.schema import INTENTS, PRIORITIES

STARTER_PATH = Path(__file__).resolve().parent / "data" / "starter_examples.txt"
HELDOUT_PERCENT = 20


def starter_rows() -> list[dict]:
    """Rows as {"subject", "body", "intent", "priority", "id"}; malformed lines raise."""
    rows = []
    for number, line in enumerate(STARTER_PATH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|")
        if len(parts) != 4 or parts[0] not in INTENTS or parts[1] not in PRIORITIES:
            raise ValueError(f"{STARTER_PATH.name}:{number}: expected intent|priority|subject|body")
        intent, priority, subject, body = parts
        rows.append(
            {
                "id": f"starter-{number}",
                "subject": subject.replace("\\n", "\n"),
                "body": body.replace("\\n", "\n"),
                "intent": intent,
                "priority": priority,
            }
        )
    return rows


def is_heldout(row: dict) -> bool:
    """A stable fifth of the rows, chosen by hash, kept out of benchmark training."""
    digest = hashlib.sha256(row["body"].encode()).digest()
    return digest[0] * 100 // 256 < HELDOUT_PERCENT


def row_text(subject: str | None, body: str) -> str:
    return f"{subject or ''}\n{body}".strip()


def as_examples(rows: list[dict]) -> list[Example]:
    return [Example(row_text(r.get("subject"), r["body"]), r["intent"], r.get("priority")) for r in rows]
