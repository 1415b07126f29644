"""Evaluation datasets: JSONL, one labelled ticket a line."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ai_engine import INTENTS, PRIORITIES


@dataclass(frozen=True)
class Row:
    id: str
    subject: str
    body: str
    intent: str
    priority: str | None = None
    # A written answer fully resolves it and nobody needs to act afterwards (rubric section 3).
    resolvable: bool | None = None
    source: str = ""
    tags: tuple[str, ...] = ()


@dataclass
class Dataset:
    rows: list[Row]
    problems: list[str]


def dataset_load(path: Path, *, split: str | None = None) -> Dataset:
    """Read `path`; a malformed line is reported with its number and skipped.

    Unknown keys are ignored, so files with extra fields (source, language...) load as
    they are. With `split`, only rows whose `split` field equals it are kept.
    """
    rows, problems = [], []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                row = _row(data, default_id=f"{path.name}:{number}", source=path.name)
            except (ValueError, TypeError) as exc:
                problems.append(f"{path.name}:{number}: {exc}")
                continue
            if split is None or data.get("split") == split:
                rows.append(row)
    return Dataset(rows, problems)


def _row(data, *, default_id: str, source: str) -> Row:
    if not isinstance(data, dict):
        raise ValueError("a line must be a JSON object")
    body = data.get("body")
    if not isinstance(body, str) or not body.strip():
        raise ValueError("body is required and must be non-empty text")
    intent = data.get("intent")
    if intent is None:
        raise ValueError(f"intent is missing; it must be one of {list(INTENTS)}")
    if intent not in INTENTS:
        raise ValueError(f"intent {intent!r} is not one of {list(INTENTS)}")
    priority = data.get("priority")
    if priority is not None and priority not in PRIORITIES:
        raise ValueError(f"priority {priority!r} is not one of {list(PRIORITIES)}")
    subject = data.get("subject") or ""
    if not isinstance(subject, str):
        raise ValueError("subject must be text or null")
    # `auto_resolve_ok` is the field's earlier name; files written with it still load.
    resolvable = data.get("resolvable", data.get("auto_resolve_ok"))
    if resolvable is not None and not isinstance(resolvable, bool):
        raise ValueError("resolvable must be true, false or absent")
    tags = data.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ValueError("tags must be a list of strings")
    row_id = str(data.get("id") or default_id)
    return Row(row_id, subject, body, intent, priority, resolvable, source, tuple(tags))


def at_most_per_intent(rows: list[Row], limit: int) -> list[Row]:
    """At most `limit` rows of each intent, in file order; 0 keeps every row.

    Which rows stay is decided by a hash of the row id, so the sample is the same on every
    run and does not shift when rows are added to or reordered in the file.
    """
    if not limit:
        return list(rows)
    by_intent: dict[str, list[Row]] = {}
    for row in rows:
        by_intent.setdefault(row.intent, []).append(row)
    kept = set()
    for group in by_intent.values():
        ranked = sorted(group, key=lambda row: hashlib.sha256(row.id.encode()).hexdigest())
        kept.update(id(row) for row in ranked[:limit])
    return [row for row in rows if id(row) in kept]
