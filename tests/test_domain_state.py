"""The domain keeps nothing between calls (docs/architecture.md): no module or class holds a
container that the code changes. Caches belong to their callers (`domain.evaluator.Evaluator`).

Read with `ast`, so a container shared through a module-level name (or a class attribute) is
found however it is changed: item assignment or deletion, a mutating method, an augmented
assignment, or a `global` statement that rebinds it from a function.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

DOMAIN = Path(__file__).resolve().parent.parent / "calendar_service" / "domain"

CONTAINERS = {
    "dict", "list", "set", "bytearray", "defaultdict", "OrderedDict", "Counter", "deque",
    "ChainMap", "WeakKeyDictionary", "WeakValueDictionary", "WeakSet",
}  # fmt: skip
MUTATORS = {
    "append", "extend", "insert", "pop", "popitem", "clear", "update", "setdefault", "add",
    "discard", "remove", "sort", "reverse", "appendleft", "extendleft", "popleft", "rotate",
    "__setitem__", "__delitem__", "__ior__", "__iadd__",
}  # fmt: skip


def _is_container(value: ast.expr | None) -> bool:
    if isinstance(value, ast.Dict | ast.List | ast.Set | ast.DictComp | ast.ListComp | ast.SetComp):
        return True
    if isinstance(value, ast.Call):
        func = value.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        return name in CONTAINERS
    return False


def _bound(body: list[ast.stmt]) -> dict[str, int]:
    """The names these statements bind to a mutable container, with the line."""
    found: dict[str, int] = {}
    for node in body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign) and _is_container(node.value):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and _is_container(node.value):
            targets = [node.target]
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    found[name.id] = node.lineno
    return found


def _shared(tree: ast.Module) -> tuple[dict[str, int], dict[str, int]]:
    """Containers bound at module level, and those bound in a class body (shared by every
    instance), by name."""
    classes: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            classes |= _bound(node.body)
    return _bound(tree.body), classes


def _named(node: ast.expr, module: dict[str, int], classes: dict[str, int]) -> str | None:
    """The shared container an expression names: `NAME`, or `self.NAME` / `Cls.NAME` for a
    class attribute."""
    if isinstance(node, ast.Name) and node.id in module:
        return node.id
    if isinstance(node, ast.Attribute) and node.attr in classes:
        return node.attr
    return None


def problems_in(source: str, filename: str = "<source>") -> list[str]:
    """Each change of a module's or class's shared container, and each `global` statement."""
    tree = ast.parse(source, filename)
    module, classes = _shared(tree)
    found: list[tuple[int, int, str]] = []

    def changed(node: ast.stmt | ast.expr, target: ast.expr, how: str) -> None:
        name = _named(target, module, classes)
        if name is not None:
            found.append((node.lineno, node.col_offset, f"{how} the shared container {name!r}"))

    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append((node.lineno, node.col_offset, f"global {', '.join(node.names)}"))
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.Delete):
            targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
            for target in targets:
                if isinstance(target, ast.Subscript):
                    changed(node, target.value, "an item of")
                elif isinstance(node, ast.AugAssign):
                    changed(node, target, "augmented")
        elif (
            isinstance(node, ast.Call)
            and isinstance(func := node.func, ast.Attribute)
            and func.attr in MUTATORS
        ):
            changed(node, func.value, f".{func.attr}() on")
    return [f"{filename}:{line}: {what}" for line, _, what in sorted(found)]


def test_no_domain_module_changes_a_shared_container() -> None:
    found: list[str] = []
    for path in sorted(DOMAIN.rglob("*.py")):
        found += problems_in(path.read_text(encoding="utf-8"), str(path.relative_to(DOMAIN)))
    assert found == []


def test_the_check_finds_a_cache_kept_in_a_module_or_a_class() -> None:
    source = textwrap.dedent(
        """
        PLANS: dict[int, object] = {}
        BOOKS = []
        SEEN = set()
        TABLE = {"a": 1}  # a constant: read, never changed
        KEYS = ("a",)
        _count = 0
        SEEN |= {"first"}

        def plan(key, made):
            found = PLANS.get(key)
            if len(PLANS) > 10:
                PLANS.clear()
            PLANS[key] = made
            BOOKS.insert(0, made)
            del BOOKS[8:]
            local = {}
            local[key] = TABLE[key]
            return found

        def count():
            global _count
            _count += 1

        class Rule:
            memo = {}

            def judge(self, value):
                self.memo[value] = value
                return self.memo.setdefault(value, value)
        """
    )
    found = problems_in(source)
    assert [line.split(": ", 1)[1] for line in found] == [
        "augmented the shared container 'SEEN'",
        ".clear() on the shared container 'PLANS'",
        "an item of the shared container 'PLANS'",
        ".insert() on the shared container 'BOOKS'",
        "an item of the shared container 'BOOKS'",
        "global _count",
        "an item of the shared container 'memo'",
        ".setdefault() on the shared container 'memo'",
    ]


def test_the_check_passes_constants_and_state_kept_by_instances() -> None:
    source = textwrap.dedent(
        """
        LIMITS = {"plans": 1024}
        ORDER = [1, 2, 3]

        class Evaluator:
            __slots__ = ("_plans",)

            def __init__(self):
                self._plans = {}

            def plan(self, key, made):
                if len(self._plans) >= LIMITS["plans"]:
                    self._plans.clear()
                self._plans[key] = made
                return sorted(ORDER)
        """
    )
    assert problems_in(source) == []
