"""The CLI's lines for what its use cases did: an import's summary, the messages a preview lists."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI starts without the use cases it does not run
    from calendar_service.services.importing import FileOutcome
    from calendar_service.services.preview import Preview


def import_summary(outcome: FileOutcome) -> str:
    """One line per file: what was added, or that it was rejected and why."""
    if outcome.rejected:
        n = len(outcome.errors)
        return (
            f"{outcome.path}: rejected, nothing imported ({n} problem{'s' if n != 1 else ''}"
            " above); fix them and import the file again, or use --skip-invalid"
        )
    added = outcome.stores_added + outcome.products_added
    line = (
        f"{outcome.path}: {outcome.rows_total} rows; new snapshots: {outcome.stores_added} "
        f"store, {outcome.products_added} product; "
        f"{outcome.rows_total - added - outcome.skipped} already imported"
    )
    if outcome.skipped:
        line += f", {outcome.skipped} bad rows skipped"
    return line


def preview_text(found: list[Preview], tz: dt.tzinfo) -> str:
    """The messages a preview lists: when, to whom and the subject, then a line per kind and
    window with its stores counted by status (`--json` names every store)."""
    if not found:
        return "no message would go out"
    lines = [f"{len(found)} message{'s' if len(found) != 1 else ''} would go out:"]
    for p in found:
        lines.append(f"{p.send_at.astimezone(tz):%Y-%m-%d %H:%M}  {p.recipient}  {p.subject}")
        groups: dict[tuple[str, str], Counter[str]] = {}
        for i in p.items:
            groups.setdefault((i.kind, i.occurrence), Counter())[i.status] += 1
        for (kind, occurrence), statuses in groups.items():
            counted = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
            lines.append(f"    {kind:<17} {occurrence:<32} {counted}")
    return "\n".join(lines)
