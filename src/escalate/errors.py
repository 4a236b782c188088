"""The project's own exceptions and exit codes.

The engine raises these; only the command line turns them into a message and an exit code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import IntEnum

_PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")


class ExitCode(IntEnum):
    """Exit codes of the `escalate` command, documented in the README."""

    OK = 0
    INTERNAL_ERROR = 1
    INPUT_ERROR = 2
    ROWS_WITH_ERRORS = 3
    OUTPUT_ERROR = 4
    INTERRUPTED = 130


class EscalateError(Exception):
    """Base class of every error escalate raises on purpose."""


class OutputError(EscalateError):
    """The output cannot be written (a file that cannot be created, a full disk): exit 4."""


class DateFormatError(EscalateError, ValueError):
    """A piece of text that is not a date escalate accepts. The message names the problem, not the fact."""


class InputError(EscalateError, ValueError):
    """A fact that cannot be used: malformed, impossible, out of range, or contradicting another fact.

    The message names facts as ``{fact_name}`` placeholders so that each edge can show them in its own
    vocabulary: ``--outcome-date`` on the command line, ``outcome_date`` in a batch file or JSON.
    """

    def __init__(self, template: str, *facts: str) -> None:
        self.template = template
        self.facts: tuple[str, ...] = facts or tuple(_PLACEHOLDER.findall(template))
        self.errors: tuple[InputError, ...] = (self,)
        """Every error of the input, each naming its fact (RULES.md section 1: all are reported at once)."""
        super().__init__(self.describe())

    @classmethod
    def together(cls, errors: Sequence[InputError]) -> InputError:
        """One error for several (the first alone when there is one): its message lists them all, in order,
        separated by ' | ' as a batch row's error cell lists them; ``errors`` keeps each."""
        flat = [part for error in errors for part in error.errors]
        if len(flat) == 1:
            return flat[0]
        combined = cls(" | ".join(part.template for part in flat), *dict.fromkeys(f for p in flat for f in p.facts))
        combined.errors = tuple(flat)
        return combined

    def describe(self, style: str = "field") -> str:
        """The one-line message, with facts named as options (``style="option"``) or fields."""

        def name(match: re.Match[str]) -> str:
            fact = match.group(1)
            if fact not in self.facts:
                return match.group(0)
            return "--" + fact.replace("_", "-") if style == "option" else fact

        return _PLACEHOLDER.sub(name, self.template)
