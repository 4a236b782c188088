"""The output formats of each command, by name: small enums without the renderers' imports, so that the command
line can offer them as choices (in help and shell completion) at no start-up cost.

The same format has the same name everywhere: ``table``, ``json``, ``csv``, ``markdown``, ``ics`` (a calendar), ``html`` (a page to print),
``jsonl`` (JSON Lines, one object per case, for a caseload) and ``xlsx`` (an Excel workbook, for a caseload).
"""

from enum import StrEnum


class DeadlinesFormat(StrEnum):
    """Output formats of `escalate deadlines`."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    ICS = "ics"
    HTML = "html"


class RouteFormat(StrEnum):
    """Output formats of `escalate route`."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    ICS = "ics"
    HTML = "html"


class RulesFormat(StrEnum):
    """Output formats of `escalate rules`."""

    TABLE = "table"
    JSON = "json"


class BatchFormat(StrEnum):
    """The file formats of `escalate batch` (read and written)."""

    CSV = "csv"
    JSONL = "jsonl"
    XLSX = "xlsx"


class BatchOutputFormat(StrEnum):
    """What `escalate batch` writes: its caseload formats, or one calendar for the whole caseload."""

    CSV = "csv"
    JSONL = "jsonl"
    XLSX = "xlsx"
    ICS = "ics"


class LetterFormat(StrEnum):
    """Output formats of `escalate letter` (docx: a Word file)."""

    TEXT = "text"
    MARKDOWN = "markdown"
    DOCX = "docx"


class TimelineFormat(StrEnum):
    """Output formats of `escalate timeline` (docx: a Word file)."""

    TEXT = "text"
    MARKDOWN = "markdown"
    DOCX = "docx"


class CaseShowFormat(StrEnum):
    """Output formats of `escalate case show`."""

    TEXT = "text"
    JSON = "json"


class SchemaName(StrEnum):
    """The JSON outputs that have a JSON Schema (`escalate schema NAME`; escalate/output/schemas/)."""

    DEADLINES = "deadlines"
    """`escalate deadlines --format json`."""
    ROUTE = "route"
    """`escalate route --format json`."""
    BATCH = "batch"
    """One line of `escalate batch --format jsonl`."""
