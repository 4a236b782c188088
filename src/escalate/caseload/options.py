"""What a batch run is asked to do and what it reports: formats, options, the summary, its errors."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from escalate.caseload.columns import NO_CHOICES, ColumnChoices, Columns
from escalate.errors import EscalateError, OutputError
from escalate.output.formats import BatchFormat as BatchFormat  # also importable from here, as before

FORMAT_EXTENSIONS: Mapping[str, BatchFormat] = {
    ".csv": BatchFormat.CSV,
    ".txt": BatchFormat.CSV,
    ".jsonl": BatchFormat.JSONL,
    ".ndjson": BatchFormat.JSONL,
    ".xlsx": BatchFormat.XLSX,
}


CHUNK = 512
"""Lines read at a time, and between two calls of the progress callback."""


class BatchInputError(EscalateError):
    """The input cannot be read at all (no such file, no header, a format escalate does not read)."""


class BatchOutputError(OutputError):
    """The output cannot be written."""


@dataclass
class Summary:
    """What a batch did, for the line on standard error."""

    rows: int = 0
    errors: int = 0
    urgent: int = 0
    """The complainant's deadlines due within 14 days or at risk, over all rows."""
    left_out: int = 0
    """Rows left out by ``--due-within`` (no deadline of the complainant's within the days, none at risk)."""
    due_count: int = 0
    """Rows kept by ``--due-within`` for a deadline (the soonest of them are in ``due``)."""
    due: list[Any] = field(default_factory=list)
    """The soonest of those cases, for the summary (a heap of ``escalate.caseload.sheet.due.DueCase``)."""


def summary_line(summary: Summary) -> str:
    """The line for standard error at the end of a batch."""
    rows = f"{summary.rows:,} row{'' if summary.rows == 1 else 's'} read"
    errors = f"{summary.errors:,} with errors" + (" (see the error column)" if summary.errors else "")
    urgent = f"{summary.urgent:,} deadline{'' if summary.urgent == 1 else 's'} due within 14 days or at risk"
    line = f"escalate: {rows}, {errors}; {urgent}"
    if summary.left_out:
        line += f"; {summary.left_out:,} row{'' if summary.left_out == 1 else 's'} left out by --due-within"
    return line


@dataclass
class BatchOptions:
    """How to run a batch."""

    today: date
    only: Collection[str] | None = None
    input_format: BatchFormat | None = None
    """None: JSON Lines if the first line starts with '{', else CSV."""
    output_format: BatchFormat | None = None
    """None: the input's format."""
    encoding: str = "utf-8"
    """The input's encoding, named in the error of a row that is not valid text in it."""
    jsonl_columns: Sequence[str] | None = None
    """For JSON Lines in and CSV out: every key of the input (``jsonl_columns``), when it could be read
    twice. Otherwise the columns are the keys of the first object."""
    progress: Callable[[int], None] | None = None
    """Called with the number of rows so far, after each chunk of lines."""
    source: str | None = None
    """The path of the input, where it is a file."""
    choices: ColumnChoices = NO_CHOICES
    """``--map`` and ``--ignore``."""
    columns: Columns | None = None
    """How the columns were read (set by the run, before any row is written)."""
    summary: Summary = field(default_factory=Summary)
    sheet: str | None = None
    """For an .xlsx input: the sheet to read (None: the first)."""
    due_within: int | None = None
    """Write only the rows with a deadline of the complainant's whose safe date is within this many days, or
    at risk (and the rows that cannot be worked out)."""
