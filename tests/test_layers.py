"""The layers of kipmonev: every import goes down (or stays in its own layer), never up or sideways.

The order is drawn in docs/architecture.md. A module may import modules of its own layer and of the
layers below it. ``sources`` and ``outputs`` share a level and never import each other; ``model`` sits
below ``formats``. The top-level ``kipmonev`` package (the public API) may import anything and nothing
may import it back except the CLI and the app layer, which use its re-exports.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kipmonev

PACKAGE = Path(kipmonev.__file__).parent

#: Layer of each top-level room; higher numbers may import lower ones.
LAYERS: dict[str, int] = {
    "_version": 0,
    "core": 0,
    "model": 1,
    "formats": 2,
    "engine": 3,
    "sources": 4,
    "outputs": 4,
    "app": 5,
    "cli": 6,
    "__main__": 7,
    "": 7,  # kipmonev/__init__.py: the public API re-exports
}
#: Rooms on one level that must not import each other.
SIBLINGS = {frozenset({"sources", "outputs"})}


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str) -> bool:
    rel = Path(*name.split(".")[1:])
    return (PACKAGE / rel).with_suffix(".py").is_file() or (PACKAGE / rel / "__init__.py").is_file()


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every kipmonev module ``path`` imports, with the line, including imports inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.split(".")[0] == "kipmonev":
            # ``from kipmonev.core import errors`` imports the module kipmonev.core.errors;
            # ``from kipmonev import score`` imports the package itself (a public re-export).
            found += [(node.lineno, f"{node.module}.{a.name}" if _is_module(f"{node.module}.{a.name}") else node.module) for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "kipmonev"]
    return found


def _violations() -> list[str]:
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _module_name(path)
        room = _room(here)
        assert room in LAYERS, f"{path}: the room '{room}' has no layer; add it to LAYERS and docs/architecture.md"
        for line, target in _imports(path):
            there = _room(target)
            assert there in LAYERS, f"{path}:{line}: imports '{target}', whose room has no layer"
            if there == room:
                continue
            upward = LAYERS[there] > LAYERS[room]
            sideways = frozenset({room, there}) in SIBLINGS
            to_api = there == "" and LAYERS[room] < LAYERS["app"]
            if upward or sideways or to_api:
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {here} ({room or 'kipmonev'}) imports {target} ({there or 'kipmonev'})")
    return bad


def test_imports_only_go_down() -> None:
    assert _violations() == []


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps = set()
        for _, target in _imports(path):
            if target != name and target in modules:
                deps.add(target)
        graph[name] = deps
    return graph


def test_no_import_cycles() -> None:
    graph = _graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if dep == "kipmonev" or node == "kipmonev":
                continue  # the package itself re-exports; lower rooms never import it (checked above)
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep) :], dep])
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from kipmonev.cli import cli\n", ["kipmonev.cli"]),
        ("from kipmonev import score\n", ["kipmonev"]),
        ("from kipmonev import core\n", ["kipmonev.core"]),
        ("def f():\n    import kipmonev.app.batch\n", ["kipmonev.app.batch"]),
        ("import json\nfrom pathlib import Path\n", []),
    ],
)
def test_import_finder(tmp_path: Path, source: str, expected: list[str]) -> None:
    """The checker itself finds imports at the top and inside functions, so it cannot pass by missing them."""
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert [t for _, t in _imports(path)] == expected
