"""Every runtime dependency in pyproject.toml is imported by calendar_service/ (what only the
tests use belongs in the dev extra)."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

# Runtime dependencies nothing in calendar_service/ imports by name, each with the reason it is
# needed all the same. An entry the package has come to import fails the test: take it out.
NOT_IMPORTED = {
    "psycopg": "SQLAlchemy loads it for postgresql+psycopg:// URLs",
    "tzdata": "zoneinfo reads its time zones where the system has none",
    "python-multipart": "FastAPI parses the dashboard's forms with it",
    "httptools": "uvicorn's httptools protocol parses requests with it (entrypoints/web_server.py)",
}


def _name(requirement: str) -> str:
    """The distribution's normalized name (PEP 503) of `psycopg[binary]>=3.2`."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert name, requirement
    return re.sub(r"[-_.]+", "-", name.group()).lower()


def runtime_dependencies(pyproject: Path) -> set[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return {_name(r) for r in project["dependencies"]}


def imported_distributions(package: Path) -> set[str]:
    """The installed distributions whose top-level modules `package` imports anywhere."""
    modules: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    owners = packages_distributions()
    return {_name(d) for m in modules for d in owners.get(m, ())}


def unused(pyproject: Path, package: Path) -> list[str]:
    """Runtime dependencies not imported and not excused, and excuses no longer needed."""
    declared = runtime_dependencies(pyproject)
    imported = imported_distributions(package)
    problems = [f"{d} is never imported" for d in sorted(declared - imported - NOT_IMPORTED.keys())]
    problems += [
        f"{d} is imported now: remove it from NOT_IMPORTED"
        for d in sorted(NOT_IMPORTED.keys() & imported)
    ]
    problems += [
        f"{d} is no dependency: remove it from NOT_IMPORTED"
        for d in sorted(NOT_IMPORTED.keys() - declared)
    ]
    return problems


def test_every_runtime_dependency_is_imported_by_the_package() -> None:
    assert unused(PROJECT / "pyproject.toml", PROJECT / "calendar_service") == []


def test_a_dependency_only_the_tests_use_is_caught(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\ndependencies = ["Jinja2>=3", "python-dateutil>=2.9", "tzdata"]\n',
        encoding="utf-8",
    )
    package = tmp_path / "calendar_service"
    package.mkdir()
    (package / "page.py").write_text("import jinja2.sandbox\n", encoding="utf-8")
    assert unused(tmp_path / "pyproject.toml", package) == [
        "python-dateutil is never imported",
        "httptools is no dependency: remove it from NOT_IMPORTED",
        "psycopg is no dependency: remove it from NOT_IMPORTED",
        "python-multipart is no dependency: remove it from NOT_IMPORTED",
    ]
