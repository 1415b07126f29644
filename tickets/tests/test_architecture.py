"""The house rules that keep the code base navigable, checked on every run."""

import ast
from pathlib import Path

from tickets.rules import ROUTING_RULES, routing_rules_markdown

ROOT = Path(__file__).resolve().parents[2]
# bench/ measures the engine's internals on purpose and is not part of the product.
OUTSIDE_AI_ENGINE = [ROOT / "tickets", ROOT / "supportdesk", ROOT / "conftest.py"]
# Test helpers (a fake OpenAI server) are shared test code, not the engine's internals.
ALLOWED = ("ai_engine.tests",)


def _python_files():
    for place in OUTSIDE_AI_ENGINE:
        yield from [place] if place.is_file() else place.rglob("*.py")


def _ai_engine_submodule_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            if name.startswith("ai_engine.") and not name.startswith(ALLOWED):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
    return found


def test_other_apps_use_only_the_ai_engine_package_door():
    offences = [line for path in _python_files() for line in _ai_engine_submodule_imports(path)]

    assert offences == [], "import from `ai_engine` itself:\n" + "\n".join(offences)


def test_no_isinstance_checks_on_engine_classes_outside_ai_engine():
    offences = []
    engine_classes = {"LocalEngine", "OpenAIEngine", "CascadeEngine"}
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "isinstance":
                named = {getattr(n, "id", getattr(n, "attr", "")) for n in ast.walk(node)}
                if named & engine_classes:
                    offences.append(f"{path.relative_to(ROOT)}:{node.lineno}")

    assert offences == []


def test_readme_and_architecture_doc_show_the_routing_rules_from_the_single_list():
    table = routing_rules_markdown()

    for doc in ("README.md", "docs/architecture.md"):
        assert table in (ROOT / doc).read_text(encoding="utf-8"), f"{doc}: paste `routing_rules_markdown()`"
    assert [doc.rule.value for doc in ROUTING_RULES][-1] == "auto_resolve"


def test_each_service_module_stays_about_one_job_in_size():
    # Issue 14: services split by job, each about one thing and under ~200 lines.
    # decisions.py (285 lines: compute and apply) and review.py (287: single and bulk
    # review) had grown past it; a module over this limit is doing two jobs.
    limit = 240
    sizes = {
        path.name: len(path.read_text(encoding="utf-8").splitlines())
        for path in (ROOT / "tickets" / "services").glob("*.py")
    }

    assert {name: n for name, n in sizes.items() if n > limit} == {}
