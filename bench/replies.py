"""Does the local engine's suggested reply answer the question with the right written fact?

    .venv/bin/python bench/replies.py [--show-all]

Trains the stacked model the way `train_engine` ships it (every starter example), in a
throw-away SQLite database whose migrations load the starter policies, then runs each row of
bench/data/reply_set.jsonl through the local engine, with the language the screening
detects and the active policies as `policy_texts()` gives them (both as in production).

Each row is a customer question that exactly one policy answers, with 1-2 facts copied from
that policy in the row's language, or (`"policy": null`) a question no policy answers,
which must cite none: the ticket then goes to a person without a made-up answer. Per
language: policy right (the cited policy_ids are exactly the row's policy, or none),
all facts present in the reply (case-insensitive), no policy cited, and, to explain
misses, intent right and language detected right. A second table
splits fact recall by where the facts sit in the policy: the engine quotes two sentences,
so a fact beyond the first two shows whether it picked the sentences that answer.
Then every failing row (wrong policy or a missing fact).
"""

import argparse
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REPLY_SET = ROOT / "bench" / "data" / "reply_set.jsonl"
LANGUAGES = ("en", "de", "es", "fr")
SHOWN_CHARS = 200
# How the local engine splits a policy into sentences (ai_engine/local_engine.py).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Outcome:
    row: dict
    detected_language: str
    intent: str
    cited: list[str]
    reply: str
    missing: list[str]
    # Every fact sits beyond the policy's first two sentences (in the row's language).
    deep: bool
    # Sent to the customer with no person in between (the routing rules with default settings).
    auto_resolved: bool

    @property
    def policy_right(self) -> bool:
        return self.cited == ([self.row["policy"]] if self.row["policy"] else [])

    @property
    def passed(self) -> bool:
        return self.policy_right and not self.missing


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show-all", action="store_true", help="print every row's reply")
    args = parser.parse_args()
    rows = [json.loads(line) for line in REPLY_SET.open(encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        _django_setup(tmp)
        from ai_engine import local_model_train
        from tickets.selectors import policy_texts

        model_path = tmp / "stacked.npz"
        local_model_train([], model_path, stacked=True)
        policies = {p.key: p for p in policy_texts()}
        _facts_check(rows, policies)
        outcomes = _run(rows, model_path, list(policies.values()))
    print(f"Reply quality of the local engine (stacked) on {REPLY_SET.relative_to(ROOT)}\n")
    _summary(outcomes)
    print()
    _by_position(outcomes)
    failures = [o for o in outcomes if not o.passed]
    print(f"\nFailing rows: {len(failures)} of {len(outcomes)}")
    for outcome in failures:
        _show(outcome)
    if args.show_all:
        print("\nEvery reply:")
        for outcome in outcomes:
            _show(outcome, full=True)


def _django_setup(tmp: Path) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "supportdesk.settings",
            "DEBUG": "true",
            "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
            "AI_LOCAL_MODEL_PATH": str(tmp / "unused.npz"),
            "AI_ENGINE": "local",
        }
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "--noinput", verbosity=0)


def _facts_check(rows: list[dict], policies: dict) -> None:
    """Every row names an active policy and every fact is in its text; else stop."""
    problems = []
    for row in rows:
        if row["policy"] is None:
            continue
        policy = policies.get(row["policy"])
        if policy is None:
            problems.append(f"{row['id']}: no active policy {row['policy']!r}")
            continue
        text = policy.in_language(row["language"])[1].lower()
        problems += [
            f"{row['id']}: {fact!r} is not in {row['policy']} ({row['language']})"
            for fact in row["facts"]
            if fact.lower() not in text
        ]
    if problems:
        sys.exit("reply_set.jsonl does not match the policies:\n  " + "\n  ".join(problems))


def _run(rows: list[dict], model_path: Path, policies: list) -> list[Outcome]:
    """Each row through screening, the engine and the routing rules, as `evaluate` runs them."""
    from tickets.evaluation.dataset import dataset_load
    from tickets.evaluation.runner import evaluate_rows
    from tickets.screening import screen

    by_key = {p.key: p for p in policies}
    by_id = {r["id"]: r for r in rows}
    evaluated = evaluate_rows(dataset_load(REPLY_SET).rows, engine_name="local", local_model_path=model_path)
    outcomes = []
    for item in evaluated:
        row, decision = by_id[item.row.id], item.result.decision
        reply = decision.suggestion if decision else ""
        outcomes.append(
            Outcome(
                row=row,
                detected_language=screen(f"{row['subject']}\n{row['body']}").language,
                intent=decision.intent if decision else "(rejected)",
                cited=list(decision.policy_ids) if decision else [],
                reply=reply,
                missing=[f for f in row["facts"] if f.lower() not in reply.lower()],
                deep=bool(row["policy"]) and _deep(row, by_key[row["policy"]]),
                auto_resolved=item.scored.auto_resolved,
            )
        )
    return outcomes


def _deep(row: dict, policy) -> bool:
    sentences = [s.lower() for s in _SENTENCE_END.split(policy.in_language(row["language"])[1])]
    return all(not any(fact.lower() in s for s in sentences[:2]) for fact in row["facts"])


def _summary(outcomes: list[Outcome]) -> None:
    header = ["language", "rows", "policy right", "all facts", "no policy", "auto-resolved", "of them wrong"]
    header += ["intent right", "language read"]
    print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    groups = [(lang, [o for o in outcomes if o.row["language"] == lang]) for lang in LANGUAGES]
    answerable = [o for o in outcomes if o.row["policy"]]
    unanswerable = [o for o in outcomes if not o.row["policy"]]
    for label, group in [
        *groups,
        ("answerable", answerable),
        ("no policy answers", unanswerable),
        ("all", outcomes),
    ]:
        if not group:
            continue
        figures = [
            _share(group, lambda o: o.policy_right),
            _share(group, lambda o: not o.missing),
            _share(group, lambda o: not o.cited),
            _share(group, lambda o: o.auto_resolved),
            _share([o for o in group if o.auto_resolved], lambda o: not o.passed),
            _share(group, lambda o: o.intent == o.row["intent"]),
            _share(group, lambda o: o.detected_language == o.row["language"]),
        ]
        print(f"| {label} | {len(group)} | " + " | ".join(figures) + " |")


def _by_position(outcomes: list[Outcome]) -> None:
    """Fact recall where the right policy was cited, by where the facts sit in it."""
    print("Facts present when the policy is right, by where the facts sit in the policy:")
    print("| facts in | rows | policy right | all facts (of policy right) |\n|---|---|---|---|")
    for label, deep in (("first two sentences", False), ("later sentences only", True)):
        group = [o for o in outcomes if o.row["policy"] and o.deep == deep]
        right = [o for o in group if o.policy_right]
        print(
            f"| {label} | {len(group)} | {_share(group, lambda o: o.policy_right)} | "
            f"{_share(right, lambda o: not o.missing)} |"
        )


def _share(group: list[Outcome], test) -> str:
    if not group:
        return "n/a"
    hits = sum(1 for o in group if test(o))
    return f"{hits}/{len(group)} ({hits / len(group):.0%})"


def _show(outcome: Outcome, *, full: bool = False) -> None:
    row = outcome.row
    read = outcome.detected_language or "undetermined"
    language = row["language"] if read == row["language"] else f"{row['language']} (read {read})"
    intent = "" if outcome.intent == row["intent"] else f"; intent {outcome.intent}, expected {row['intent']}"
    cited = ", ".join(outcome.cited) or "none"
    missing = ", ".join(repr(f) for f in outcome.missing) or "none"
    reply = " ".join(outcome.reply.split())
    if not full and len(reply) > SHOWN_CHARS:
        reply = reply[: SHOWN_CHARS - 3] + "..."
    mark = "" if not full else ("ok   " if outcome.passed else "FAIL ")
    sent = "; AUTO-RESOLVED: the customer got this with no person in between" if outcome.auto_resolved else ""
    print(
        f"- {mark}{row['id']} [{language}] expected {row['policy'] or 'none'}, cited {cited}{intent}; "
        f"missing {missing}{'; facts beyond sentence 2' if outcome.deep else ''}{sent}\n    {reply}"
    )


if __name__ == "__main__":
    main()
