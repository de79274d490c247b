"""The package's layout: the runtime that notebooks import never imports the authoring tools, and no module imports itself in a circle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import course

PACKAGE = Path(course.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The course modules ``path`` imports, at the top or inside a function."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("course")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target.startswith("course"):
                # `from . import catalogs` imports a module; `from .i18n import _` a name from one
                found |= {f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES} or {target}
    return {m for m in found if m in MODULES and m != name}


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {name: imports(path) for name, path in MODULES.items()}


def is_tool(name: str) -> bool:
    return name == "course.tools" or name.startswith("course.tools.") or name == "course.__main__"


def test_the_runtime_never_imports_the_tools():
    wrong = sorted(f"{m} imports {t}" for m, targets in GRAPH.items() if not is_tool(m) for t in targets if is_tool(t))
    assert not wrong


def cycles() -> list[list[str]]:
    """Every import cycle found by a depth-first walk of the graph."""
    found, done = [], set()

    def visit(node, path):
        for target in sorted(GRAPH[node]):
            if target in path:
                found.append([*path[path.index(target) :], target])
            elif target not in done:
                visit(target, [*path, target])
        done.add(node)

    for module in sorted(GRAPH):
        if module not in done:
            visit(module, [module])
    return found


def test_no_import_cycles():
    assert not [" → ".join(c) for c in cycles()]


def test_the_checker_sees_a_planted_cycle_and_a_planted_tool_import(monkeypatch):
    monkeypatch.setitem(GRAPH, "course.engine", GRAPH["course.engine"] | {"course.tools.build"})
    monkeypatch.setitem(GRAPH, "course.checks", GRAPH["course.checks"] | {"course.engine"})
    import pytest

    with pytest.raises(AssertionError):
        test_the_runtime_never_imports_the_tools()
    with pytest.raises(AssertionError):
        test_no_import_cycles()


def test_a_lesson_kernel_loads_no_authoring_tool():
    code = (
        "import sys, course, course.widgets, course.exercises, course.glossary, course.gradcheck, course.plots;"
        "course.exercises.given('04.1');"
        "print(sorted(m for m in sys.modules if m.startswith(('course.tools', 'nbclient', 'jupytext', 'nbconvert'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
