"""The file importer's parsing layer: store and product files (CSV, XLSX, JSON) to snapshots.

`parse_file` / `parse_bytes` return a `ParsedFile` holding the snapshots and every problem as a
`RowError` (`FILE:LINE: column: message`); they never raise on bad content. Writing to the
database is the caller's job. Exporters must pass user text through `escape_formula`.
"""

from calendar_service.adapters.importing.parse import parse_bytes, parse_file
from calendar_service.adapters.importing.results import FileKind, ParsedFile, RowError
from calendar_service.adapters.importing.values import escape_formula, is_formula_like

__all__ = [
    "FileKind",
    "ParsedFile",
    "RowError",
    "escape_formula",
    "is_formula_like",
    "parse_bytes",
    "parse_file",
]
