"""The project's own starter examples (ai_engine/data/starter_examples.txt)."""

import hashlib
from pathlib import Path

from ai_engine.local_model import Example
from ai_engine.vocabulary import INTENTS, PRIORITIES

STARTER_PATH = Path(__file__).resolve().parent / "data" / "starter_examples.txt"
HELDOUT_PERCENT = 20


RESOLVABLE = {"yes": True, "no": False}


def starter_rows(path: Path = STARTER_PATH) -> list[dict]:
    """Rows as {"id", "subject", "body", "intent", "priority", "resolvable"}; malformed lines raise."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|", 4)
        if (
            len(parts) != 5
            or parts[0] not in INTENTS
            or parts[1] not in PRIORITIES
            or parts[2] not in RESOLVABLE
        ):
            raise ValueError(f"{path.name}:{number}: expected intent|priority|yes-or-no|subject|body")
        intent, priority, resolvable, subject, body = parts
        rows.append(
            {
                "id": f"starter-{number}",
                "subject": subject.replace("\\n", "\n"),
                "body": body.replace("\\n", "\n"),
                "intent": intent,
                "priority": priority,
                "resolvable": RESOLVABLE[resolvable],
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
    return [
        Example(row_text(r.get("subject"), r["body"]), r["intent"], r.get("priority"), r.get("resolvable"))
        for r in rows
    ]
