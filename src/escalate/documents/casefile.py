"""The case file: a person's answers kept in one TOML file, so that they answer once and come back later.

The format (version 1), every part optional::

    version = 1

    [facts]                          # the facts of `escalate deadlines`, named as in RULES.md section 1
    incident_date = 2026-01-10       # a TOML date, or a date in quotes in any form escalate reads
    complaint_date = "2 February 2026"
    schedule3 = "yes"                # a choice: the option's values
    detained = true                  # yes/no: true or false (or "yes", "no")

    [details]                        # for letters, named as the options of `escalate letter`
    name = "A. N. Other"
    address = "1 High Street; London; N1 1AA"
    reference = "CMP/123/26"         # the MPS complaint reference
    representative = "B. Solicitor, 2 Law Lane, London"

    [[events]]                       # the dated log: what happened, and what came back
    date = 2026-09-20
    text = "Sent review request by email"

    [[events]]
    date = 2026-10-01
    text = "Email from the DPS: still investigating"
    update = true                    # news from the police about the complaint (reg 34 of the 2020 Regulations)

It is read with the standard library's ``tomllib``; a value escalate cannot use is an error naming the line and
the fact. It is written with ``tomli-w`` (imported only when writing), atomically (a temporary file in the same
folder, flushed to disk, then renamed over the old one) and readable by its owner alone (mode 0600), holding
nothing but what was given: no computed dates, no "today". Comments added by hand are not kept when escalate
writes the file.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from escalate.engine.facts import CHOICE_FACTS, DATE_FACTS, FLAG_FACTS, read_date, read_fact
from escalate.errors import EscalateError, InputError

VERSION = 1
FACTS: tuple[str, ...] = (*DATE_FACTS, *CHOICE_FACTS, *FLAG_FACTS)
"""The facts a case file holds, in the order they are written."""

DETAILS: Mapping[str, str] = {
    "name": "Your full name",
    "address": "Your postal address (lines separated by ';')",
    "email": "Your email address",
    "phone": "Your telephone number",
    "reference": "The MPS complaint reference",
    "representative": "Who represents you, with their contact details",
    "mp": "Your MP's name",
    "receive": "How you want a subject access reply: email or post",
    "what_happened": "What happened, in your words",
    "place": "Where it happened",
    "time": "The time it happened",
    "officers": "Names or collar numbers of the officers or staff involved",
    "want": "What you want to happen",
}
"""The personal details a case file keeps for letters, named as the options of `escalate letter` (``--name``,
``--address``, ``--reference`` ...), with what each is. Words that belong to one letter only (``--why``,
``--late-reason``) are not kept."""

_TOP = ("version", "facts", "details", "events")
_EVENT_KEYS = ("date", "text", "update")
HEADER = (
    "# escalate case file (https://github.com/escalate-uk/escalate#case-files): your facts, your details for\n"
    "# letters and a log of what happened. It holds your case: keep it private. Read it with\n"
    "# `escalate case show FILE`; use it with `--case FILE`.\n"
)


class CaseFileError(EscalateError):
    """A case file escalate cannot read or write; the message names the file, and the line and fact when known."""


class CaseWriteError(CaseFileError):
    """A case file that could not be written (no such folder, no permission, disk full)."""


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the log: when, what, and whether it was news from the police about the complaint."""

    date: date
    text: str
    update: bool = False


@dataclass(frozen=True, slots=True)
class CaseFile:
    """What a case file holds: facts as text (as the command line takes them), details, and the log by date."""

    facts: Mapping[str, str] = field(default_factory=dict)
    details: Mapping[str, str] = field(default_factory=dict)
    events: tuple[Event, ...] = ()
    lines: Mapping[str, int] = field(default_factory=dict, compare=False)
    """The line of each fact in the file read (for messages about facts that disagree)."""

    def with_facts(self, given: Mapping[str, str | None]) -> CaseFile:
        """The case with ``given`` facts laid over the file's: a fact given replaces the file's; one given
        empty or unknown is removed; None means not given."""
        facts = dict(self.facts)
        lines = dict(self.lines)
        for name, text in given.items():
            if text is None or name not in FACTS:
                continue
            lines.pop(name, None)
            if _known(name, text):
                facts[name] = text
            else:
                facts.pop(name, None)
        return replace(self, facts={name: facts[name] for name in FACTS if name in facts}, lines=lines)

    def with_details(self, given: Mapping[str, str | None]) -> CaseFile:
        """The case with the details given laid over the file's (None: not given; empty: removed)."""
        details = dict(self.details)
        for name, text in given.items():
            if text is None or name not in DETAILS:
                continue
            if text.strip():
                details[name] = text
            else:
                details.pop(name, None)
        return replace(self, details={name: details[name] for name in DETAILS if name in details})

    def with_event(self, event: Event) -> CaseFile:
        """The case with one more event, kept in date order (events of one day in the order logged)."""
        return replace(self, events=tuple(sorted((*self.events, event), key=lambda entry: entry.date)))

    def to_toml(self) -> str:
        """The file's text: a short header, then only what was given."""
        import tomli_w

        data: dict[str, Any] = {"version": VERSION}
        if self.facts:
            data["facts"] = {name: _typed(name, text) for name, text in self.facts.items()}
        if self.details:
            data["details"] = dict(self.details)
        if self.events:
            data["events"] = [
                {"date": event.date, "text": event.text, **({"update": True} if event.update else {})}
                for event in self.events
            ]
        return HEADER + "\n" + tomli_w.dumps(data, multiline_strings=True)


def _known(name: str, text: str) -> bool:
    """Whether a fact's text says something (not empty, not 'unknown')."""
    return read_fact(name, text) is not None


def _typed(name: str, text: str) -> date | bool | str:
    """A fact as TOML writes it best: dates as dates, yes/no as booleans, choices as their value."""
    value = read_fact(name, text)
    if isinstance(value, date | bool):
        return value
    return str(value)


# --- reading ----------------------------------------------------------------------------------------------


def read_case(path: str | os.PathLike[str]) -> CaseFile:
    """The case file at ``path``. Raises CaseFileError naming the file, the line and the fact."""
    where = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise CaseFileError(f"{where}: no such case file") from None
    except IsADirectoryError:
        raise CaseFileError(f"{where}: is a folder, not a case file") from None
    except OSError as error:
        raise CaseFileError(f"{where}: cannot be read ({error.strerror or type(error).__name__})") from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise CaseFileError(f"{where}: is not UTF-8 text (save it as UTF-8)") from None
    return parse_case(text, where)


_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)$")


def parse_case(text: str, where: str = "case file") -> CaseFile:
    """A case file from its text; ``where`` names it in messages."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _POSITION.search(message)
        reason = _POSITION.sub("", message)
        if found is None:
            raise CaseFileError(f"{where}: not a TOML file escalate can read ({reason})") from None
        number = int(found.group(1))
        key = _key_on(text, number)
        fact = f" ({key})" if key else ""
        raise CaseFileError(
            f"{where}, line {number}{fact}: not TOML escalate can read ({reason}); "
            "write dates as 2026-01-10 or in quotes, and text in quotes"
        ) from None
    return _Reader(text, where).case(data)


def _key_on(text: str, number: int) -> str | None:
    lines = text.splitlines()
    if not 1 <= number <= len(lines):
        return None
    found = re.match(r"\s*([A-Za-z0-9_-]+)\s*=", lines[number - 1])
    return found.group(1) if found else None


class _Reader:
    """Checks the parsed TOML against the format, with the line of each key for messages."""

    def __init__(self, text: str, where: str) -> None:
        self.where = where
        self.keys = dict(_key_lines(text))

    def fail(self, message: str, table: str, key: str | None = None, index: int | None = None) -> CaseFileError:
        number = (
            self.keys.get((table, index, key))
            or (self.keys.get((key, None, None)) or self.keys.get((key, 0, None)) if not table and key else None)
            or self.keys.get((table, index, None))
        )
        at = f", line {number}" if number else ""
        return CaseFileError(f"{self.where}{at}: {message}")

    def case(self, data: Mapping[str, Any]) -> CaseFile:
        for key in data:
            if key not in _TOP:
                raise self.fail(
                    f"'{key}' is not part of a case file (it holds version, [facts], [details] and [[events]])",
                    "",
                    key,
                )
        version = data.get("version", VERSION)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail("version: must be a whole number (1)", "", "version")
        if version > VERSION:
            raise self.fail(
                f"version {version}: written by a newer escalate; this one reads version {VERSION} (upgrade escalate)",
                "",
                "version",
            )
        facts, lines = self.facts(self.table(data, "facts"))
        return CaseFile(facts, self.details(self.table(data, "details")), self.events(data.get("events", [])), lines)

    def table(self, data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise self.fail(f"{name}: must be a table, [{name}], with one line per entry", "", name)
        return value

    def facts(self, table: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, int]]:
        facts: dict[str, str] = {}
        for name, value in table.items():
            if name not in FACTS:
                raise self.fail(f"'{name}' is not a fact escalate knows{_did_you_mean(name, FACTS)}", "facts", name)
            text = self.fact_text(name, value)
            try:
                known = _known(name, text)
            except InputError as error:
                raise self.fail(error.describe(), "facts", name) from None
            if known:
                facts[name] = text
        lines = {name: number for name in facts if (number := self.keys.get(("facts", None, name)))}
        return {name: facts[name] for name in FACTS if name in facts}, lines

    def fact_text(self, name: str, value: Any) -> str:
        if isinstance(value, str):
            return value
        if name in DATE_FACTS:
            if isinstance(value, (datetime, time)):
                raise self.fail(f"{name}: give a date without a time, such as 2026-01-10", "facts", name)
            if isinstance(value, date):
                return value.isoformat()
            raise self.fail(f"{name}: must be a date, such as 2026-01-10", "facts", name)
        if name in FLAG_FACTS:
            if isinstance(value, bool):
                return "yes" if value else "no"
            raise self.fail(f'{name}: must be true or false (or "yes", "no", "unknown")', "facts", name)
        allowed = ", ".join(member.value for member in CHOICE_FACTS[name])
        raise self.fail(f"{name}: must be one of these, in quotes: {allowed}", "facts", name)

    def details(self, table: Mapping[str, Any]) -> dict[str, str]:
        details: dict[str, str] = {}
        for name, value in table.items():
            if name not in DETAILS:
                raise self.fail(
                    f"'{name}' is not a detail escalate keeps{_did_you_mean(name, tuple(DETAILS))}", "details", name
                )
            if not isinstance(value, str):
                raise self.fail(f"{name}: must be text, in quotes", "details", name)
            if value.strip():
                details[name] = value
        return {name: details[name] for name in DETAILS if name in details}

    def events(self, entries: Any) -> tuple[Event, ...]:
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            raise self.fail("events: each event is an [[events]] table with a date and a text", "", "events")
        events = []
        for index, entry in enumerate(entries):
            number = f"event {index + 1}"
            for key in entry:
                if key not in _EVENT_KEYS:
                    raise self.fail(
                        f"{number}: '{key}' is not part of an event (date, text, update)", "events", key, index
                    )
            day = entry.get("date")
            if day is None:
                raise self.fail(f"{number}: has no date", "events", None, index)
            if isinstance(day, str):
                try:
                    day = read_date("date", day)
                except InputError as error:
                    raise self.fail(f"{number}: {error.describe()}", "events", "date", index) from None
            elif isinstance(day, datetime) or not isinstance(day, date):
                raise self.fail(f"{number}: date must be a date, such as 2026-09-20", "events", "date", index)
            text = entry.get("text")
            if not isinstance(text, str) or not text.strip():
                raise self.fail(f"{number}: text must be what happened, in quotes", "events", "text", index)
            update = entry.get("update", False)
            if not isinstance(update, bool):
                raise self.fail(f"{number}: update must be true or false", "events", "update", index)
            events.append(Event(day, text, update))
        return tuple(sorted(events, key=lambda event: event.date))


def _did_you_mean(name: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(name.replace("-", "_").lower(), known, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


_HEADER_LINE = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_\"'. -]+?)\s*\]\]?\s*(#.*)?$")
_KEY_LINE = re.compile(r"\s*([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*=")


def _key_lines(text: str) -> Iterator[tuple[tuple[str, int | None, str | None], int]]:
    """((table, index of an [[events]] entry, key), line number) for each table header and key: enough to point
    at the line of a message in a file laid out as escalate writes it (one key per line)."""
    table: str = ""
    index: int | None = None
    counts: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER_LINE.match(line)
        if header:
            table = header.group(2).strip("\"'")
            if header.group(1) == "[[":
                index = counts.get(table, -1) + 1
                counts[table] = index
            else:
                index = None
            yield (table, index, None), number
            continue
        key = _KEY_LINE.match(line)
        if key:
            yield (table, index, key.group(1).strip("\"'")), number


# --- writing ----------------------------------------------------------------------------------------------


def write_case(path: str | os.PathLike[str], case: CaseFile) -> None:
    """Write the case file atomically, readable by its owner alone. Raises CaseWriteError."""
    write_private(path, case.to_toml().encode("utf-8"))


def write_private(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600: a temporary file in the same folder (created
    0600 by ``mkstemp``), flushed to disk, then renamed over ``path``; a reader sees the old file or the new
    one, never half of one. Raises CaseWriteError."""
    import tempfile  # here: only writing needs it, and every --case reads this module

    target = Path(path)
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise CaseWriteError(f"{path}: cannot be written (no such folder: {folder})") from None
    except OSError as error:
        raise CaseWriteError(f"{path}: cannot be written ({error.strerror or type(error).__name__})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(0o600)
        Path(temporary).replace(target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise CaseWriteError(f"{path}: cannot be written ({error.strerror or type(error).__name__})") from None
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Flush the rename itself to disk, where the system allows a folder to be opened (not on Windows)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open a folder
        return
    try:
        os.fsync(handle)
    except OSError:  # pragma: no cover - some file systems refuse to sync a folder
        pass
    finally:
        os.close(handle)
