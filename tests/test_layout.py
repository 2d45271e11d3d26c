"""The house layout holds: no import cycles, and no annotator imports another annotator's package."""

from __future__ import annotations

import ast
from pathlib import Path

import annotator

PACKAGE = Path(annotator.__file__).parent
ANNOTATORS = "annotator.annotators."


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `name` imports at module level (imports inside functions are lazy)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.add(child if child in known else base)
    return found & known


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) - {name} for name, path in modules.items()}


def test_no_import_cycles() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if target.startswith(node + ".") or node.startswith(target + "."):
                continue  # a package and its own modules: Python allows this
            assert state.get(target) != 1, "import cycle: " + " -> ".join([*stack, target])
            if target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def _owner(module: str) -> str | None:
    if not module.startswith(ANNOTATORS):
        return None
    first = module[len(ANNOTATORS) :].split(".")[0]
    return first if (PACKAGE / "annotators" / first).is_dir() else None  # else a shared module


def test_annotators_do_not_import_each_other() -> None:
    crossings = [
        f"{source} imports {target}"
        for source, targets in _graph().items()
        for target in targets
        if _owner(source) and _owner(target) and _owner(source) != _owner(target)
    ]
    assert crossings == []


def test_each_annotator_is_a_package_with_its_plugin() -> None:
    from annotator.plugins import DEFAULT_PLUGINS

    for kind in ("dates", "quotes", "agencies", "money"):
        init = PACKAGE / "annotators" / kind / "__init__.py"
        assert init.is_file()
        assert f"annotator.annotators.{kind}" in DEFAULT_PLUGINS
        assert "@hookimpl" in init.read_text("utf-8")
        assert "Modules:" in ast.get_docstring(ast.parse(init.read_text("utf-8")))
    flat = sorted(p.name for p in (PACKAGE / "annotators").glob("*.py") if p.name != "__init__.py")
    # the shared modules (places, the trie alternation); everything else lives in a package
    assert flat == ["alternation.py", "places.py"]
