"""Caseloads as a library: rows as mappings in, one dict of answers out for each, in order; and the cell
conversions CSV and JSON Lines share.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from escalate.caseload.answer import Answer
from escalate.caseload.caches import UNREADABLE
from escalate.caseload.caseload import Caseload
from escalate.caseload.columns import (
    OWN_COLUMNS,
    KeyFacts,
    is_own_output,
)
from escalate.caseload.names import BATCH_FACTS
from escalate.errors import InputError


def process_rows(
    rows: Iterable[Mapping[str, Any]], *, today: date, only: Collection[str] | None = None
) -> Iterator[dict[str, Any]]:
    """Each row (a mapping of column names to values) with escalate's fields added: its own items first,
    unchanged, then for each rule ``<id>_safe_date``, ``_last_day``, ``_latest_date``, ``_status`` and
    ``_days_left``, then ``next_deadline``, ``next_deadline_date``, ``next_step``, ``review_body``,
    ``warnings`` and ``error``, as JSON values (ISO dates, integers, None where there is nothing).

    Keys are matched to facts as `escalate batch` matches columns. Values may be text, dates, booleans
    (for yes/no facts) or None. A row that cannot be computed gets its ``error`` and None elsewhere; rows
    come out one for one, in order, as they are consumed. An unknown rule id in ``only`` is an InputError.
    """
    caseload = Caseload(BATCH_FACTS, today=today, only=only)
    for row in rows:
        yield {**row, **caseload.json_fields(mapping_answer(caseload, row))}


_FACT_POSITION = {name: index for index, name in enumerate(BATCH_FACTS)}
_BY_NAME = KeyFacts()


def mapping_answer(caseload: Caseload, row: Mapping[str, Any], keys: KeyFacts = _BY_NAME) -> Answer:
    """The answer for a row given as a mapping (a JSON object, or a library user's dict), with every error of
    the row at once, each naming its fact."""
    found, problems = read_texts(row, keys)
    texts: list[str | None] = [None] * len(BATCH_FACTS)
    for fact, text in found.items():
        texts[_FACT_POSITION[fact]] = text
    answer = caseload.answer(tuple(texts))
    if not problems:
        return answer
    if answer.error is not None and answer.plan is None:
        problems.append(answer.error)
    return caseload.failed(" | ".join(problems))


def fact_texts(row: Mapping[str, Any]) -> dict[str, str | None]:
    """The facts of a row given as a mapping, as text; an InputError (naming every problem) when two keys
    mean one fact or a value cannot be a fact's text."""
    found, problems = read_texts(row, _BY_NAME)
    if problems:
        raise InputError(" | ".join(problems))
    return found


def read_texts(row: Mapping[str, Any], keys: KeyFacts) -> tuple[dict[str, str | None], list[str]]:
    """The facts of a row given as a mapping, as text, and every problem with them (two keys that mean one
    fact, a value that cannot be a fact's text, a key that looks like a fact but is not read). A file
    escalate wrote keeps its own fields out of its facts."""
    texts: dict[str, str | None] = {}
    seen: dict[str, str] = {}
    problems: list[str] = []
    own = "next_step" in row and is_own_output(row)
    for key, value in row.items():
        if not isinstance(key, str) or (own and key in OWN_COLUMNS):
            continue
        fact = keys.fact(key)
        if fact is None:
            lookalike = keys.lookalike(key)
            if lookalike is not None:
                problems.append(lookalike)
            continue
        if fact in seen:
            problems.append(f"'{seen[fact]}' and '{key}' both mean {fact}; keep one of them")
            continue
        seen[fact] = key
        text = _as_text(value)
        if text is UNREADABLE:
            problems.append(f"{fact}: expected text, not {json_kind(value)}")
            continue
        texts[fact] = text
    return texts, problems


def _as_text(value: Any) -> Any:
    """A mapping's value as the text of a fact (``UNREADABLE`` for a value that cannot be one)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    return UNREADABLE


def json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"
