"""The CLI's lines for what its use cases did: an import's summary, a dry run's reminders."""

from __future__ import annotations

import datetime as dt

from calendar_service.services.dispatch import Due
from calendar_service.services.importing import FileOutcome


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


def due_text(due: list[Due], tz: dt.tzinfo) -> str:
    """--dry-run: one line per reminder a pass would send now."""
    if not due:
        return "nothing is due"
    lines = [f"{len(due)} reminder{'s' if len(due) != 1 else ''} would go out:"]
    for d in due:
        when = f"{d.row.due_at.astimezone(tz):%Y-%m-%d %H:%M}"
        planned = "" if d.stored else "  (planned by this pass)"
        what = f"{d.row.kind:<13} {d.row.occurrence_key:<32} {d.row.store_id}"
        lines.append(f"  {when}  {what}  {d.email}{planned}")
    return "\n".join(lines)
