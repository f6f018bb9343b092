"""The shape of the code (CONTRIBUTING.md): arrows point down, no import cycle,
stages never import each other, language data and text folding live once,
no god modules. Read from the source with ``ast``; nothing is imported."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newsfold"
MAX_FILE_LINES = 450
MAX_FUNCTION_LINES = 60


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path) -> set[str]:
    """The project modules ``name`` imports anywhere in its file (function-local
    imports too), each resolved to the module that exists."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            targets = [f"{target}.{alias.name}" for alias in node.names] + [target]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES and "." in target:
                target = target.rpartition(".")[0]
            if target in MODULES and target != name:
                found.add(target)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(module: str) -> str:
    """``newsfold.stages.quotes.marks`` -> ``stages.quotes``; ``newsfold.model`` -> ``model``."""
    parts = module.split(".")[1:]
    return ".".join(parts[:2]) if parts and parts[0] == "stages" and len(parts) > 1 else (parts[0] if parts else "")


def test_the_graph_was_read():
    assert len(MODULES) > 40
    assert "newsfold.model" in GRAPH["newsfold.pipeline"]


def test_no_import_cycle_between_modules():
    # A package's __init__ re-exporting its own submodules is not a cycle worth
    # the name; any other loop is.
    def edges(module: str) -> set[str]:
        return {d for d in GRAPH[module] if not (module.startswith(d + ".") and MODULES[d].name == "__init__.py")}

    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(edges(module)):
            if state.get(dep) == 1:
                cycles.append(path[path.index(dep):] + [dep])
            elif dep not in state:
                visit(dep, path + [dep])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []


@pytest.mark.parametrize("lower, allowed", [
    ("model", set()),
    ("errors", set()),
    ("nlp", {"model", "errors", "nlp"}),
    ("context", {"model", "errors", "nlp"}),
])
def test_lower_layers_import_nothing_above(lower, allowed):
    for module, deps in GRAPH.items():
        if _layer(module) == lower:
            assert {_layer(d) for d in deps} <= allowed | {lower}, module


def test_stages_import_only_model_context_errors_nlp_and_never_each_other():
    for module, deps in GRAPH.items():
        if not module.startswith("newsfold.stages."):
            continue
        for dep in deps:
            layer = _layer(dep)
            assert layer in {"model", "context", "errors", "nlp", "stages", _layer(module)}, (module, dep)
            assert layer != "stages" or dep == "newsfold.stages", (module, dep)


def test_the_model_does_not_know_the_renderers():
    assert not any(_layer(d) == "render" for d in GRAPH["newsfold.model"])


def test_no_file_is_a_god_module():
    long_files = {str(p.relative_to(PACKAGE)): n for p in MODULES.values()
                  if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_FILE_LINES}
    assert long_files == {}


def test_no_function_runs_past_sixty_lines():
    long_functions = []
    for path in MODULES.values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                    and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES):
                long_functions.append(f"{path.relative_to(PACKAGE)}:{node.name}")
    assert long_functions == []


MONTH_LIST = re.compile(r"[\"'](?:january|jan)[\"'].{0,40}[\"'](?:february|feb)[\"']", re.I | re.S)
WEEKDAY_LIST = re.compile(r"[\"']monday[\"'].{0,20}[\"']tuesday[\"']", re.I | re.S)


def test_month_and_weekday_names_live_in_the_lexicon_only():
    lexicon = PACKAGE / "nlp" / "lexicon.py"
    assert MONTH_LIST.search(lexicon.read_text(encoding="utf-8"))
    for path in MODULES.values():
        if path != lexicon:
            text = path.read_text(encoding="utf-8")
            assert not MONTH_LIST.search(text), path
            assert not WEEKDAY_LIST.search(text), path


def test_accent_folding_lives_in_one_place():
    users = sorted(str(p.relative_to(PACKAGE)) for p in MODULES.values()
                   if "unicodedata.normalize" in p.read_text(encoding="utf-8"))
    assert users == ["nlp/text.py"]


def test_the_independent_source_rule_is_written_once():
    written = sorted(str(p.relative_to(PACKAGE)) for p in MODULES.values()
                     if re.search(r"\.copy_of or \w+\.id\b", p.read_text(encoding="utf-8")))
    assert written == ["model.py"]
