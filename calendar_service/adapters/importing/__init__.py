"""The file importer's parsing layer: store and product files (CSV, XLSX, JSON) to snapshots.

`parse_source` hands the valid snapshots on in batches as it reads, and returns a `ParsedFile`
holding every problem as a `RowError` (`FILE:LINE: column: message`); `parse_file` /
`parse_bytes` keep the snapshots too. None of them raises on bad content. Writing to the
database is the caller's job. Exporters must pass user text through `escape_formula`.
"""

from calendar_service.adapters.importing.parse import parse_bytes, parse_file, parse_source
from calendar_service.adapters.importing.reading import ReadLimits, Source
from calendar_service.adapters.importing.results import Batch, FileKind, ParsedFile, RowError
from calendar_service.adapters.importing.values import escape_formula, is_formula_like

__all__ = [
    "Batch",
    "FileKind",
    "ParsedFile",
    "ReadLimits",
    "RowError",
    "Source",
    "escape_formula",
    "is_formula_like",
    "parse_bytes",
    "parse_file",
    "parse_source",
]
