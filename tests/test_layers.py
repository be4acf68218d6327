"""The apps depend one way, portal ← catalog ← skills ← recruiting ← api, with no circle between modules; modules
stay small and on public APIs.

Read from the source with ``ast``, so an import inside a function counts as much as one at the top, and a
string such as ``include("recruiting.urls")`` or ``ForeignKey("skills.EngineerProfile")`` is not an import.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("portal", "catalog", "skills", "recruiting", "api")  # each app may import only the apps before it
MAX_LINES = 350
SQL_COMPILER = "django.db.models.sql"
PUBLIC_UNDERSCORE_ATTRIBUTES = {"_meta"}  # Model._meta is Django's documented Options API


def app_modules() -> list[Path]:
    return sorted(
        path
        for app in LAYERS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


MODULES = app_modules()


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def package_of(path: Path) -> list[str]:
    """The dotted package a module's relative imports start from."""
    return list(path.relative_to(ROOT).with_suffix("").parts[:-1])


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module name the file imports, with its line: ``from a import b`` gives both ``a`` and ``a.b``."""
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = package_of(path)
                base = ".".join([*package[: len(package) - node.level + 1], *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def test_every_app_has_modules_to_check():
    assert {relative(path).split("/")[0] for path in MODULES} == set(LAYERS)


@pytest.mark.parametrize("app", LAYERS)
def test_an_app_imports_no_app_above_it(app):
    above = LAYERS[LAYERS.index(app) + 1 :]
    offending = [
        f"{relative(path)}:{line} imports {name}"
        for path in MODULES
        if relative(path).split("/")[0] == app
        for line, name in imports(path)
        if name.split(".")[0] in above
    ]
    assert offending == []


def test_no_module_is_over_350_lines():
    too_long = {
        relative(path): lines
        for path in MODULES
        if not path.name.startswith("demo")  # demo data (demo*.py): long by nature, content not code
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module → the app modules it imports, at the top or inside a function alike."""
    names = {module_name(path): path for path in MODULES}
    return {
        name: {imported for _, imported in imports(path) if imported in names and imported != name}
        for name, path in names.items()
    }


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan): modules that import each other, however
    far round."""
    index: dict[str, int] = {}
    lowlink: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = lowlink[node] = len(index)
        stack.append(node)
        for following in sorted(graph[node]):
            if following not in index:
                visit(following)
                lowlink[node] = min(lowlink[node], lowlink[following])
            elif following in stack:
                lowlink[node] = min(lowlink[node], index[following])
        if lowlink[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_circles_finds_modules_that_import_each_other_however_far_round():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert circles(graph) == [["a", "b", "c"]]


def is_read_module(path: Path) -> bool:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return "selectors" in parts


def test_reads_never_write_a_selector_imports_no_service():
    offending = [
        f"{relative(path)}:{line} imports {name}"
        for path in MODULES
        if is_read_module(path)
        for line, name in imports(path)
        if "services" in name.split(".")
    ]
    assert offending == []


@pytest.mark.parametrize("app", LAYERS)
def test_no_modules_import_each_other(app):
    graph = import_graph()
    offending = [
        " → ".join([*group, group[0]]) for group in circles(graph) if any(name.split(".")[0] == app for name in group)
    ]
    assert offending == []


def test_no_module_imports_djangos_sql_compiler():
    offending = [
        f"{relative(path)}:{line} imports {name}"
        for path in MODULES
        for line, name in imports(path)
        if name == SQL_COMPILER or name.startswith(f"{SQL_COMPILER}.")
    ]
    assert offending == []


class PrivateAccess(ast.NodeVisitor):
    """``obj._name`` on anything but the class's own ``self``/``cls`` attributes, ``getattr(obj, "_name")``,
    and ``from module import _name`` from another package: private parts of someone else's code."""

    def __init__(self, own_package: str):
        self.own_package = own_package
        self.own_names: list[set[str]] = []  # per enclosing class: what it defines itself
        self.found: list[tuple[int, str]] = []

    @staticmethod
    def is_private(name: str) -> bool:
        return name.startswith("_") and not name.endswith("__") and name not in PUBLIC_UNDERSCORE_ATTRIBUTES

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        defined = set()
        for child in ast.walk(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) and child in node.body:
                defined.add(child.name)
            elif isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
                defined.add(child.id)
            elif (
                isinstance(child, ast.Attribute)
                and isinstance(child.ctx, ast.Store)
                and isinstance(child.value, ast.Name)
                and child.value.id in {"self", "cls"}
            ):
                defined.add(child.attr)
        self.own_names.append(defined)
        self.generic_visit(node)
        self.own_names.pop()

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if self.is_private(node.attr):
            on_self = isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}
            if not (on_self and self.own_names and node.attr in self.own_names[-1]):
                self.found.append((node.lineno, f".{node.attr}"))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if (
            isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "setattr", "hasattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and self.is_private(node.args[1].value)
        ):
            self.found.append((node.lineno, f'{node.func.id}(…, "{node.args[1].value}")'))
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if node.level == 0 and module.split(".")[0] != self.own_package:
            for alias in node.names:
                if self.is_private(alias.name):
                    self.found.append((node.lineno, f"from {module} import {alias.name}"))


def test_no_module_reaches_into_private_attributes_of_other_code():
    offending = []
    for path in MODULES:
        visitor = PrivateAccess(own_package=relative(path).split("/")[0])
        visitor.visit(parsed(path))
        offending += [f"{relative(path)}:{line} {what}" for line, what in visitor.found]
    assert offending == []
