"""The layers of calendar_service/ (docs/architecture.md), kept honest by reading every import.

Each top-level package or module of calendar_service/ is a layer; `MAY_IMPORT` says which other
layers it may import (its own modules it always may). Imports inside functions and under
TYPE_CHECKING count too: they are dependencies all the same.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "calendar_service"

# The bottom: imported by every layer above the domain.
BASE = {"errors", "settings"}
# What the web layers are built from (the daemon's scheduler is not among it).
WEB = BASE | {"domain", "text", "adapters", "feeds", "mail", "robots", "services", "bootstrap"}

MAY_IMPORT: dict[str, set[str]] = {
    "domain": set(),  # data and pure functions: no I/O, no other layer, not even errors
    "errors": set(),
    "settings": {"errors"},
    "text": {"domain"},  # words for people, shared by the CLI, the API, the dashboard and mail
    "adapters": BASE | {"domain"},  # files, the database: the domain's values in and out
    "feeds": BASE | {"domain", "text"},  # iCalendar
    "mail": BASE | {"domain", "text"},  # the email channel: rendering and sending
    # The group-robot channel: the day's message (mail's view of it) rendered and posted.
    "robots": BASE | {"domain", "text", "mail"},
    "services": BASE | {"domain", "adapters", "feeds", "mail", "robots"},  # the use cases
    "daemon": BASE | {"domain", "adapters", "mail", "robots", "services"},  # the scheduler's jobs
    # The composition root: builds the adapters and hands out use cases bound to them.
    "bootstrap": BASE | {"domain", "adapters", "feeds", "mail", "robots", "services"},
    "api": WEB,  # JSON over HTTP
    "dashboard": WEB,  # HTML over HTTP
    "entrypoints": WEB | {"daemon", "api", "dashboard"},  # CLI, web app, daemon process
    "__main__": {"entrypoints"},
    "__init__": set(),
}

# Layers whose parts stand alone: an adapter (the database, the importer, the catalog file,
# workdays) never reaches into another one; a use case that needs two is given both.
INDEPENDENT_PARTS = {"adapters"}

# Imports that break a rule today, each with the reason it is still here. An entry that no
# longer happens fails the test too: take it out.
# (importer, imported): why it may, until it is fixed. Empty: every layer keeps its rules.
EXCEPTIONS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Import:
    importer: str  # a module, calendar_service.x.y
    imported: str  # the module or package it names

    @property
    def rule(self) -> tuple[str, str]:
        return self.importer, self.imported


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path) -> list[Import]:
    """The project modules `path` imports, as absolute names (relative imports resolved)."""
    importer = module_name(path, root)
    package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from calendar_service import text` names the layer in the alias
            names = [f"{base}.{a.name}" for a in node.names] if base == root.name else [base]
        found += [Import(importer, n) for n in names if n.split(".")[0] == root.name]
    return found


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def part(module: str) -> str | None:
    """`db` for calendar_service.adapters.db.engine; None for the layer's own package."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 else None


def check(root: Path) -> list[str]:
    """Every import under `root` that breaks `MAY_IMPORT`, and every stale exception."""
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    for path in sorted(root.rglob("*.py")):
        for found in imports_of(path, root):
            own, other = layer(found.importer), layer(found.imported)
            if own not in MAY_IMPORT:
                problems.append(f"{found.importer}: layer {own!r} has no rule in MAY_IMPORT")
            elif other != own and other not in MAY_IMPORT[own]:
                if found.rule in EXCEPTIONS:
                    seen.add(found.rule)
                else:
                    problems.append(f"{found.importer} imports {found.imported} ({own} -> {other})")
            elif own == other in INDEPENDENT_PARTS and part(found.importer) != part(found.imported):
                problems.append(f"{found.importer} imports {found.imported} (parts of {own})")
    if root == PACKAGE:
        problems += [f"stale exception {a} -> {b}: remove it" for a, b in EXCEPTIONS.keys() - seen]
    return problems


def test_every_import_respects_the_layers() -> None:
    assert check(PACKAGE) == []


def test_every_layer_has_a_rule() -> None:
    layers = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()}
    layers -= {"__pycache__"}
    assert layers == set(MAY_IMPORT), "give a new package its line in MAY_IMPORT"


def test_the_domain_imports_no_other_layer() -> None:
    domain = [i for p in (PACKAGE / "domain").rglob("*.py") for i in imports_of(p, PACKAGE)]
    assert domain  # the walk sees the domain's imports of itself
    assert [i.rule for i in domain if layer(i.imported) != "domain"] == []


def test_nothing_below_the_top_imports_the_top() -> None:
    top = {"entrypoints", "api", "dashboard", "__main__"}
    for own, allowed in MAY_IMPORT.items():
        if own not in top:
            assert not allowed & top, own


def _fake_package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "calendar_service"
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root


def test_a_domain_module_importing_an_entrypoint_is_caught(tmp_path: Path) -> None:
    root = _fake_package(
        tmp_path,
        {
            "domain/__init__.py": "",
            "domain/rules.py": "def f():\n    from calendar_service.entrypoints import cli\n",
            "entrypoints/__init__.py": "",
            "entrypoints/cli.py": "from calendar_service.domain import rules\n",
        },
    )
    assert check(root) == [
        "calendar_service.domain.rules imports calendar_service.entrypoints (domain -> entrypoints)"
    ]


def test_relative_and_package_imports_are_caught(tmp_path: Path) -> None:
    root = _fake_package(
        tmp_path,
        {
            "adapters/__init__.py": "from .. import services\n",
            "adapters/db/store.py": "from ...services.dispatch import run\n",
            "adapters/db/files.py": "from calendar_service.adapters.importing import read\n",
            "mail/send.py": "import calendar_service.daemon.jobs\n",
            "newlayer.py": "",
            "newlayer2.py": "import calendar_service.errors\n",
        },
    )
    assert check(root) == [
        "calendar_service.adapters imports calendar_service.services (adapters -> services)",
        "calendar_service.adapters.db.files imports calendar_service.adapters.importing "
        "(parts of adapters)",
        "calendar_service.adapters.db.store imports calendar_service.services.dispatch "
        "(adapters -> services)",
        "calendar_service.mail.send imports calendar_service.daemon.jobs (mail -> daemon)",
        "calendar_service.newlayer2: layer 'newlayer2' has no rule in MAY_IMPORT",
    ]
