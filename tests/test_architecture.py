"""The package's shape: layers that import only downwards, no cycle, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "govinfo_report"

# Each subpackage's layer: a module may import its own package and lower layers only.
LAYERS = {"errors": 0, "model": 0, "read": 1, "write": 1, "check": 1, "io": 2, "testing": 2}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("govinfo_report", *parts)).removesuffix(".__init__")
        found[name] = path
    return found


def _imports(path: Path, name: str) -> set[str]:
    """Every govinfo_report module a file imports, at the top, in functions or for typing."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            found.add(base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {module for module in found if module.startswith("govinfo_report")}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        targets = set()
        for imported in _imports(path, name):
            while imported not in modules:  # a name imported from a package's module
                imported = imported.rpartition(".")[0]
            if imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_every_import_goes_down_a_layer_or_stays_in_its_package() -> None:
    wrong = []
    for module, targets in _graph().items():
        layer = _layer(module)
        for target in targets:
            if layer is None or target == "govinfo_report":
                continue  # the package's __init__ and __main__ sit on top of everything
            same_package = module.split(".")[1] == target.split(".")[1]
            target_layer = _layer(target)
            if not same_package and (target_layer is None or target_layer >= layer):
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_no_import_cycle() -> None:
    graph = _graph()
    graph = {m: {t for t in ts if t != "govinfo_report"} for m, ts in graph.items()}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path[path.index(module) :], module))
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_no_module_over_400_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def test_the_grammar_lives_in_one_place() -> None:
    grammars = PACKAGE.parents[1] / "grammars"
    assert (PACKAGE / "grammars").resolve() == grammars.resolve()
    assert [p.name for p in grammars.iterdir()] == ["report.lark"]
