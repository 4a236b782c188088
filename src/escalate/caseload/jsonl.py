"""JSON Lines caseloads for `escalate batch`: JSON Lines in (to JSON Lines or CSV) and out (from CSV), streamed.

One object per line in, one out, in order: a line that is not an object with one case (invalid JSON, a key
given twice, nesting too deep, a lone surrogate) is still written, with its ``error``. The CSV path, and the
dispatch of a whole batch (``run_batch``), are ``escalate.caseload.run``; this module reads CSV records and
writes CSV lines with its helpers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice
from typing import Any, NamedTuple, TextIO

from escalate.caseload.answer import Answer
from escalate.caseload.caseload import Caseload
from escalate.caseload.columns import OWN_COLUMNS, KeyFacts, is_own_output, read_columns
from escalate.caseload.names import BATCH_FACTS
from escalate.caseload.options import BatchOptions, Summary
from escalate.caseload.rows import json_kind, mapping_answer
from escalate.caseload.run import (
    SAMPLE_LINES,
    SURROGATE,
    CsvLines,
    chunks,
    count,
    csv_records,
    encoding_error,
    fit,
    is_blank,
    ragged_error,
)
from escalate.output.formats import BatchFormat
from escalate.output.schema import SCHEMA_VERSION

# --- CSV in, JSON Lines out ------------------------------------------------------------------------------


def unique_keys(header: Sequence[str]) -> list[str]:
    """Header names as JSON keys: a repeated name gets ``_2``, ``_3``... so that no cell is lost."""
    keys: list[str] = []
    seen: set[str] = set()
    for name in header:
        key, number = name, 1
        while key in seen:
            number += 1
            key = f"{name}_{number}"
        seen.add(key)
        keys.append(key)
    return keys


def csv_to_jsonl(
    lines: Iterator[str],
    header: Sequence[str],
    texts_of: Callable[[Sequence[str]], tuple[str, ...]],
    caseload: Caseload,
    sink: TextIO,
    options: BatchOptions,
) -> Summary:
    columns = options.columns
    kept = set(columns.kept) if columns is not None and columns.own else None
    keys = unique_keys(header)
    width = len(header)
    blank = caseload.json_fields(caseload.failed(""))
    blank["error"] = None
    for block in chunks(csv_records(lines)):
        rows = errors = urgent = 0
        for row, problem in block:
            cells = fit(row, width)
            if problem is None and len(row) == width and is_blank(row):
                record = _record(keys, cells, kept)
                sink.write(json.dumps({**record, **blank}, ensure_ascii=False) + "\n")
                continue
            rows += 1
            if problem is not None:
                answer = caseload.failed(problem)
            elif len(row) != width:
                answer = caseload.failed(ragged_error(row, width))
            else:
                answer = caseload.answer(texts_of(row))
                bad = next((name for name, cell in zip(header, row, strict=True) if SURROGATE.search(cell)), None)
                if bad is not None:
                    answer = caseload.failed(encoding_error(options, bad))
                    cells = [SURROGATE.sub("\ufffd", cell) for cell in cells]
            errors += answer.error is not None
            urgent += answer.urgent
            sink.write(_json_line(_record(keys, cells, kept), caseload, answer))
        count(options.summary, options, rows, errors, urgent)
    return options.summary


def _record(keys: Sequence[str], cells: Sequence[str], kept: set[int] | None) -> dict[str, str]:
    if kept is None:
        return dict(zip(keys, cells, strict=True))
    return {key: cell for index, (key, cell) in enumerate(zip(keys, cells, strict=True)) if index in kept}


def _json_line(record: Mapping[str, Any], caseload: Caseload, answer: Answer) -> str:
    """A JSON line; a record with text that is not text (a lone surrogate, carried by a row with its error) is
    written with its non-ASCII characters escaped, so that the output is always valid UTF-8."""
    line = json.dumps({**record, **caseload.json_fields(answer), "schema_version": SCHEMA_VERSION}, ensure_ascii=False)
    if answer.error is not None and _LONE_SURROGATE.search(line):
        line = json.dumps({**record, **caseload.json_fields(answer), "schema_version": SCHEMA_VERSION})
    return line + "\n"


# --- JSON Lines in -----------------------------------------------------------------------------------

MAX_DEPTH = 64
"""The deepest nesting of lists and objects a line may have (a case's facts are flat)."""


class JsonRecord(NamedTuple):
    row: Mapping[str, Any]
    error: str | None


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _DuplicateKey(twice)
    return result


_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicates)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _depth_over(value: Any, limit: int) -> bool:
    """Whether lists and objects nest deeper than ``limit``."""
    if limit < 0:
        return True
    if isinstance(value, dict):
        return any(_depth_over(item, limit - 1) for item in value.values())
    if isinstance(value, list):
        return any(_depth_over(item, limit - 1) for item in value)
    return False


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return _LONE_SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_has_surrogate(key) or _has_surrogate(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(item) for item in value)
    return False


def _parse_line(line: str, number: int) -> JsonRecord:
    try:
        value = _DECODER.decode(line)
    except _DuplicateKey as twice:
        return JsonRecord(json.loads(line), f"line {number} has the key '{twice}' twice: keep one of them")
    except RecursionError:
        return JsonRecord({}, f"line {number} nests lists or objects too deeply (more than {MAX_DEPTH} levels)")
    except ValueError as error:
        return JsonRecord({}, f"line {number} is not valid JSON ({error})")
    if not isinstance(value, dict):
        return JsonRecord({}, f"line {number} is {json_kind(value)}, not a JSON object with one case")
    if (line.count("{") + line.count("[") > MAX_DEPTH) and _depth_over(value, MAX_DEPTH):
        return JsonRecord({}, f"line {number} nests lists or objects too deeply (more than {MAX_DEPTH} levels)")
    if SURROGATE.search(line):
        return JsonRecord(value, f"line {number} is not valid text in its encoding: save it as UTF-8")
    if "\\u" in line and _has_surrogate(value):
        return JsonRecord(
            value, f"line {number} has a lone surrogate escape (such as \\ud800), which is not text: mend that value"
        )
    return JsonRecord(value, None)


def json_records(lines: Iterable[str]) -> Iterator[JsonRecord]:
    """The objects of a JSON Lines text, one per line that is not blank; a line that is not an object (or
    repeats a key, nests too deeply, or holds a lone surrogate) is a record with its error."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _parse_line(line, number)


def jsonl_columns(lines: Iterable[str]) -> list[str]:
    """Every key of the objects of a JSON Lines text, in the order first seen: the CSV columns for it."""
    keys: dict[str, None] = {}
    for record in json_records(lines):
        keys.update(dict.fromkeys(record.row))
    return [key for key in keys if key not in OWN_COLUMNS] if is_own_output(keys) else list(keys)


def jsonl_header(lines: Iterator[str], options: BatchOptions) -> tuple[KeyFacts, list[str]]:
    """How the keys of a JSON Lines caseload are read, from its first lines (returned to be read again)."""
    sample = list(islice(lines, SAMPLE_LINES))
    keys: dict[str, list[str]] = {}
    for record in json_records(sample):
        for key, value in record.row.items():
            cells = keys.setdefault(key, [])
            if isinstance(value, str):
                cells.append(value)
    names = list(keys)
    columns = read_columns(names, list(keys.values()), options.choices, duplicates=False)
    options.columns = columns
    return KeyFacts(options.choices, names), sample


def _blank_record(row: Mapping[str, Any]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in row.values())


def run_jsonl(lines: Iterator[str], sink: TextIO, options: BatchOptions) -> Summary:
    keys, sample = jsonl_header(lines, options)
    caseload = Caseload(BATCH_FACTS, today=options.today, only=options.only)
    records = json_records(chain(sample, lines))
    if options.output_format is BatchFormat.CSV:
        return _jsonl_to_csv(records, caseload, keys, sink, options)
    blank = caseload.json_fields(caseload.failed(""))
    blank["error"] = None
    for block in chunks(records):
        rows = errors = urgent = 0
        for record in block:
            row = _without_own(record.row)
            if record.error is None and _blank_record(row):
                sink.write(json.dumps({**row, **blank}, ensure_ascii=False) + "\n")
                continue
            rows += 1
            answer = caseload.failed(record.error) if record.error else mapping_answer(caseload, row, keys)
            errors += answer.error is not None
            urgent += answer.urgent
            sink.write(_json_line(row, caseload, answer))
        count(options.summary, options, rows, errors, urgent)
    return options.summary


def _without_own(row: Mapping[str, Any]) -> Mapping[str, Any]:
    """A JSON object without escalate's own fields, when it is a line escalate wrote (they are replaced)."""
    if "next_step" in row and is_own_output(row):
        return {key: value for key, value in row.items() if key not in OWN_COLUMNS}
    return row


def _jsonl_to_csv(
    records: Iterator[JsonRecord], caseload: Caseload, keys: KeyFacts, sink: TextIO, options: BatchOptions
) -> Summary:
    """JSON Lines in, CSV out. A header cannot grow once written, so when the columns could not be found
    beforehand (standard input), a later object with keys the first one lacks is an error naming them."""
    first = list(islice(records, 1))
    columns = (
        list(options.jsonl_columns)
        if options.jsonl_columns is not None
        else list(_without_own(first[0].row))
        if first
        else []
    )
    known = set(columns)
    lead = 0 if columns else 1  # with no input column, a line starts with escalate's first column
    line_of = CsvLines()
    sink.write((line_of(columns) + "," + ",".join(caseload.columns))[lead:] + "\n")
    blank_tail = "," * len(caseload.columns) + "\n"
    for block in chunks(chain(first, records)):
        rows = errors = urgent = 0
        for record in block:
            row = _without_own(record.row)
            cells = [_LONE_SURROGATE.sub("\ufffd", _cell_text(row.get(column))) for column in columns]
            if record.error is None and _blank_record(row) and not [key for key in row if key not in known]:
                sink.write((line_of(cells) + blank_tail)[lead:])
                continue
            rows += 1
            answer = caseload.failed(record.error) if record.error else mapping_answer(caseload, row, keys)
            extra = [key for key in row if key not in known]
            if extra and answer.error is None:
                answer = caseload.failed(
                    "keys not in the first line cannot be added as CSV columns: "
                    + ", ".join(repr(key) for key in extra)
                    + " (give the file rather than standard input, or write JSON Lines: --format jsonl)"
                )
            errors += answer.error is not None
            urgent += answer.urgent
            sink.write((line_of(cells) + caseload.csv_text(answer))[lead:])
        count(options.summary, options, rows, errors, urgent)
    return options.summary


def _cell_text(value: Any) -> str:
    """A JSON value as a CSV cell: text as it is, nothing for null, any other value as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
