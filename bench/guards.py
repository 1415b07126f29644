"""Guard benchmark: how often the guards fire on benign questions (false alarms).

    .venv/bin/python bench/guards.py [--data ../shared/data] [--examples 15]

Benign rows, taken from the public labelled data (*.jsonl in --data):
- every row whose intent is `general_question`;
- billing and account rows whose body starts with a question word (how, what, where,
  which, can, do, does, is, are) and whose source label is not about money moving or
  being taken wrongly, a compromise, a lost or stolen card, or a blocked account
  (RISKY_LABELS below): "how do I order a new card?" is benign, "how do I get my refund?" is not.

Any guard firing on one of these rows counts as a false alarm, with one caveat: a question
about the refund policy may fire `money_movement` by design, and those rows are counted
like every other. The goal is an overall rate under 5%.

Also prints how often each guard fires per intent on the project's starter examples, when
ai_engine/data/starter_examples.txt has the `intent|priority|resolvable|subject|body` format,
and how long the guards take: mean per benign row, and one 20 KB ticket (a pasted log),
since the worker runs them on every ticket. Guards need no database, so Django is not set up.
"""

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tickets.guards import GUARD_NAMES, guards_fired  # noqa: E402

QUESTION_WORDS = ("how", "what", "where", "which", "can", "do", "does", "is", "are")
RISKY_LABELS = frozenset(
    {
        # banking77
        "Refund_not_showing_up",
        "request_refund",
        "card_payment_not_recognised",
        "cash_withdrawal_not_recognised",
        "direct_debit_payment_not_recognised",
        "transaction_charged_twice",
        "reverted_card_payment?",
        "top_up_reverted",
        "extra_charge_on_statement",
        "compromised_card",
        "lost_or_stolen_card",
        "lost_or_stolen_phone",
        # clinc150
        "banking/report_fraud",
        "banking/account_blocked",
        "banking/freeze_account",
        "credit_cards/report_lost_card",
        # bitext
        "get_refund",
        "track_refund",
    }
)
STARTER_PATH = ROOT / "ai_engine" / "data" / "starter_examples.txt"
RESOLVABLE_VALUES = {"yes", "no", "true", "false", "0", "1"}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--examples", type=int, default=15, help="fired texts to print for a human to judge")
    args = parser.parse_args()

    false_alarms(args.data, args.examples)
    print()
    starter_rates(STARTER_PATH)
    print()
    long_ticket()


def is_benign(row: dict) -> bool:
    if row["intent"] == "general_question":
        return True
    if row["intent"] not in ("billing", "account") or row["source_label"] in RISKY_LABELS:
        return False
    words = row["body"].strip().lower().split(maxsplit=1)
    return bool(words) and words[0] in QUESTION_WORDS


def false_alarms(data: Path, n_examples: int) -> None:
    paths = sorted(data.glob("*.jsonl"))
    if not paths:
        print(f"no *.jsonl files in {data}")
        return
    print(f"{'source':<12}{'rows':>7}{'fired':>7}{'rate':>8}   per guard")
    total_rows = total_fired = 0
    seconds = 0.0
    examples: list[tuple[str, str, list[str]]] = []
    for path in paths:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        by_source: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            if is_benign(row):
                by_source[row["source"]].append(row)
        for source, benign in sorted(by_source.items()):
            per_guard: Counter[str] = Counter()
            fired = 0
            for row in benign:
                started = time.perf_counter()
                names = [guard.name for guard in guards_fired(f"{row['subject'] or ''}\n{row['body']}")]
                seconds += time.perf_counter() - started
                if names:
                    fired += 1
                    per_guard.update(names)
                    examples.append((source, row["body"], names))
            total_rows += len(benign)
            total_fired += fired
            counts = ", ".join(f"{name} {per_guard[name]}" for name in GUARD_NAMES if per_guard[name])
            print(f"{source:<12}{len(benign):>7}{fired:>7}{fired / len(benign):>8.2%}   {counts or '-'}")
    rate = total_fired / total_rows if total_rows else 0.0
    print(f"{'overall':<12}{total_rows:>7}{total_fired:>7}{rate:>8.2%}   (goal < 5%)")
    if total_rows:
        print(f"guards_fired: {seconds / total_rows * 1000:.2f} ms per row (mean over {total_rows} rows)")
    if examples:
        shown = min(n_examples, len(examples))
        print(f"\nfired on ({shown} of {len(examples)}, spread over the sources):")
        step = max(1, len(examples) // n_examples)
        for source, body, names in examples[::step][:n_examples]:
            print(f"  [{source}] {', '.join(names)}: {body[:150]!r}")


def starter_rates(path: Path) -> None:
    if not path.exists():
        print(f"starter examples: {path} missing, skipped")
        return
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|", 4)
        if len(parts) != 5 or parts[2].strip().lower() not in RESOLVABLE_VALUES:
            print("starter examples: not in the intent|priority|resolvable|subject|body format yet, skipped")
            return
        intent, _priority, _resolvable, subject, body = parts
        rows.append((intent, subject.replace("\\n", "\n"), body.replace("\\n", "\n")))
    per_intent: dict[str, Counter[str]] = defaultdict(Counter)
    sizes: Counter[str] = Counter()
    for intent, subject, body in rows:
        sizes[intent] += 1
        per_intent[intent].update(guard.name for guard in guards_fired(f"{subject}\n{body}"))
    print("starter examples: share of each intent's examples on which a guard fires")
    header = "".join(f"{name[:10]:>11}" for name in GUARD_NAMES)
    print(f"{'intent':<18}{'rows':>6}{header}")
    for intent in sorted(sizes):
        cells = "".join(f"{per_intent[intent][name] / sizes[intent]:>11.0%}" for name in GUARD_NAMES)
        print(f"{intent:<18}{sizes[intent]:>6}{cells}")


def long_ticket() -> None:
    # 20,000 characters is the longest body the API accepts (tickets.models.BODY_MAX).
    line = "2024-05-01 12:00:01 POST /v1/tasks -> 200 ok request_id=7f3a9c token=[redacted] took 41 ms\n"
    text = "Sync log attached, something is off?\n\n" + line * (20_000 // len(line))
    started = time.perf_counter()
    names = [guard.name for guard in guards_fired(text)]
    elapsed = time.perf_counter() - started
    print(f"one {len(text) // 1000} KB ticket (pasted log): {elapsed * 1000:.0f} ms, fired {names or 'none'}")


if __name__ == "__main__":
    main()
