"""The batch engine (``escalate.caseload.caseload``): columns found by name, and every row's answer equal to what
``compute_deadlines`` and ``plan_route`` say for that row's facts, whatever the facts.

The answers are not worked out again here: the deadlines engine and the route planner are tested against
the law in test_legal_edges.py and test_route.py. What is tested is that a caseload gives, row by row, the
same answer as they do, although it computes each thing once for many rows (caches keyed by which dates
are known, by trigger date, and so on): a property test over any facts, including facts that cannot be
read or contradict each other.
"""

# Tables keep one case per line with its source beside it (STYLE.md).

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from escalate import InputError, compute_deadlines
from escalate.caseload.caseload import EVERY_CASE_WARNINGS, NO_REVIEW, Caseload, csv_cell
from escalate.caseload.columns import DuplicateColumnError, added_columns, fact_columns
from escalate.caseload.names import BATCH_FACTS, column_fact
from escalate.caseload.rows import process_rows
from escalate.engine.deadlines import row_warning_texts
from escalate.engine.facts import CHOICE_FACTS, DATE_FACTS, FLAG_FACTS, Facts, read_fact
from escalate.engine.route import plan_route
from escalate.law.rules import RULE_IDS, RULES_BY_ID, Owner

TODAY = date(2026, 11, 21)

# --- columns -----------------------------------------------------------------------------------------

# fmt: off
COLUMN_NAMES = [
    ("incident_date",            "incident_date"),   # the fact's own name (RULES.md s.1)
    ("Incident Date",            "incident_date"),   # as a spreadsheet heads it
    ("INCIDENT-DATE",            "incident_date"),   # any case, hyphens for underscores
    ("  Incident   date ",       "incident_date"),   # stray spaces
    ("\ufeffincident_date",      "incident_date"),   # a byte order mark left on the first header cell
    ("Date of Birth",            "date_of_birth"),
    ("SAR date",                 "sar_date"),
    ("Review-Body",              "review_body"),
    ("Schedule3",                "schedule3"),
    ("referred to IOPC",         "referred_to_iopc"),
    ("IncidentDate",             None),              # words must be apart: no guessing
    ("Incident",                 None),
    ("today",                    None),              # one --today for the whole batch, never a column
    ("Case ref",                 None),
    ("",                         None),
]
# fmt: on


@pytest.mark.parametrize(("name", "fact"), COLUMN_NAMES)
def test_column_names(name: str, fact: str | None) -> None:
    assert column_fact(name) == fact


def test_fact_columns_finds_each_fact_once() -> None:
    assert fact_columns(["Case", "Outcome Date", "notes", "about"]) == {"outcome_date": 1, "about": 3}


def test_two_columns_for_one_fact_are_refused() -> None:
    with pytest.raises(DuplicateColumnError, match="'Incident Date' and 'incident-date' both mean incident_date"):
        fact_columns(["Incident Date", "Case", "incident-date"])


def test_added_columns_answers_first_then_the_rules_then_the_warnings_ids() -> None:
    columns = added_columns()
    answers = (
        "next_deadline",
        "next_deadline_date",
        "next_action",
        "next_step",
        "next_step_title",
        "review_body",
        "warnings_text",
        "error",
    )
    assert columns[:8] == answers
    assert columns[8:13] == (
        "complaint_safe_date",
        "complaint_last_day",
        "complaint_latest_date",
        "complaint_status",
        "complaint_days_left",
    )
    assert len(columns) == 5 * len(RULE_IDS) + 9
    assert columns[-1] == "warnings"
    assert added_columns({"review-request"}) == (
        *answers,
        *(f"review_request_{name}" for name in ("safe_date", "last_day", "latest_date", "status", "days_left")),
        "warnings",
    )


def test_unknown_rule_in_only_is_an_input_error() -> None:
    with pytest.raises(InputError, match="'appeal' is not a rule id"):
        Caseload(("outcome_date",), today=TODAY, only={"appeal"})


# --- the answer of every row is the engine's ---------------------------------------------------------


def expected(texts: dict[str, str | None], today: date, only: set[str] | None = None) -> dict[str, Any]:
    """What a row with these facts should get, from compute_deadlines and plan_route directly."""
    errors = []
    values: dict[str, Any] = {}
    for name, text in texts.items():
        try:
            value = read_fact(name, text or "")
        except InputError as error:
            errors.append(error.describe())
        else:
            if value is not None:
                values[name] = value
    result: dict[str, Any] = dict.fromkeys(added_columns(only))
    if not errors:
        try:
            facts = Facts(today=today, **values)
        except InputError as error:
            errors.append(error.describe())
    if errors:
        result["error"] = " | ".join(errors)
        return result
    report = compute_deadlines(facts, only=only)
    route = plan_route(facts)
    for deadline in report.deadlines:
        stem = deadline.id.replace("-", "_")
        result[f"{stem}_safe_date"] = deadline.safe_date.isoformat()
        result[f"{stem}_last_day"] = deadline.last_day.isoformat()
        result[f"{stem}_latest_date"] = deadline.latest_date.isoformat()
        result[f"{stem}_status"] = deadline.status
        result[f"{stem}_days_left"] = deadline.days_left
    mine = [d for d in report.deadlines if d.owner is Owner.YOU and d.status != "passed"]
    if mine:  # report.deadlines are soonest first, ties by id (RULES.md s.5)
        result["next_deadline"] = mine[0].id
        result["next_deadline_date"] = mine[0].safe_date.isoformat()
        result["next_action"] = RULES_BY_ID[mine[0].id].action
    result["next_step"] = route.now.id
    result["next_step_title"] = route.now.title
    result["review_body"] = route.review_body
    full = compute_deadlines(facts)
    own = [w.id for w in route.warnings if w not in full.warnings]
    ids = [w.id for w in report.warnings] + own
    result["warnings"] = list(dict.fromkeys(i for i in ids if i not in EVERY_CASE_WARNINGS))
    # In words: the engine's texts, said of the row where the engine's names the case's own dates or rules.
    words = {w.id: w.text for w in (*full.warnings, *route.warnings)} | row_warning_texts(report.regime)
    result["warnings_text"] = " ".join(words[i] for i in result["warnings"])
    result["urgent"] = sum(d.status in ("due-soon", "at-risk") for d in mine)
    return result


FORMS = (
    lambda d: d.isoformat(),
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day} {d:%B} {d.year}",
    lambda d: f"{d.day} {d:%b} {d.year}",
)
BAD_DATES = ("31/02/2026", "2026-13-01", "01/02/26", "yesterday", "1 Smarch 2026", "1899-12-31")


@st.composite
def date_text(draw: st.DrawFn, base: date) -> str | None:
    """The text of a date near ``base`` in an accepted form, or nothing, or rarely something unreadable."""
    kind = draw(st.sampled_from(("none", "empty", "date", "date", "date", "date", "bad")))
    if kind == "none":
        return None
    if kind == "empty":
        return draw(st.sampled_from(("", "  ")))
    if kind == "bad":
        return draw(st.sampled_from(BAD_DATES))
    day = base + timedelta(days=draw(st.integers(min_value=-400, max_value=1200)))
    return draw(st.sampled_from(FORMS))(day)


@st.composite
def row_facts(draw: st.DrawFn) -> tuple[dict[str, str | None], date]:
    """Any facts as text, mostly in a sensible order (so that most rows compute), and a today."""
    base = draw(st.dates(min_value=date(2016, 1, 1), max_value=date(2027, 12, 31)))
    texts: dict[str, str | None] = {}
    for name in DATE_FACTS:
        texts[name] = draw(date_text(base if name != "date_of_birth" else base - timedelta(days=6500)))
    for name, kind in CHOICE_FACTS.items():
        texts[name] = draw(st.sampled_from((None, "", "nonsense", *(member.value for member in kind))))
    for name in FLAG_FACTS:
        texts[name] = draw(st.sampled_from((None, "", "yes", "no", "Y", "unknown", "maybe")))
    today = base + timedelta(days=draw(st.integers(min_value=-100, max_value=4000)))
    return texts, today


def actual(texts: dict[str, str | None], today: date, only: set[str] | None = None) -> dict[str, Any]:
    caseload = Caseload(BATCH_FACTS, today=today, only=only)
    answer = caseload.answer(tuple(texts.get(name) for name in BATCH_FACTS))
    fields = caseload.json_fields(answer)
    if answer.error is None:
        fields["urgent"] = answer.urgent
    return fields


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(row_facts())
def test_every_answer_is_the_engines(case: tuple[dict[str, str | None], date]) -> None:
    texts, today = case
    assert actual(texts, today) == expected(texts, today)


@settings(max_examples=150, deadline=None)
@given(row_facts(), st.sets(st.sampled_from(RULE_IDS), min_size=1))
def test_every_answer_is_the_engines_with_only(case: tuple[dict[str, str | None], date], only: set[str]) -> None:
    texts, today = case
    assert actual(texts, today, only) == expected(texts, today, only)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(row_facts(), min_size=2, max_size=30),
    st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 1, 1)),
)
def test_one_caseload_answers_many_rows_as_each_alone(
    cases: list[tuple[dict[str, str | None], date]], today: date
) -> None:
    """The caches shared between rows never leak one row's answer into another's."""
    caseload = Caseload(BATCH_FACTS, today=today)
    for texts, _ in cases + cases[::-1]:
        answer = caseload.answer(tuple(texts.get(name) for name in BATCH_FACTS))
        fields = caseload.json_fields(answer)
        if answer.error is None:
            fields["urgent"] = answer.urgent
        assert fields == expected(texts, today)


# Rows that differ only in whether the date of birth is known share the route (Caseload._plan): each must
# still be answered as alone, the one whose incident is before its birth (facts.DATE_ORDER) an error.
_SIBLING = {"incident_date": "2024-03-01", "complaint_date": "2024-03-20", "outcome_date": "2024-09-02"}
_BORN_BEFORE = {**_SIBLING, "date_of_birth": "2010-06-30"}  # a child at the incident (Limitation Act s.28)
_BORN_AFTER = {**_SIBLING, "date_of_birth": "2025-01-01"}  # born after the incident: an error


@pytest.mark.parametrize(
    "rows",
    [
        (_SIBLING, _BORN_BEFORE, _BORN_AFTER),
        (_BORN_AFTER, _SIBLING, _BORN_BEFORE),
        (_BORN_BEFORE, _BORN_AFTER, _SIBLING),
        (_BORN_AFTER, _BORN_BEFORE, _SIBLING),
    ],
    ids=["unknown-first", "error-first", "child-first", "error-then-child"],
)
def test_rows_that_differ_only_in_the_date_of_birth_are_each_answered_as_alone(
    rows: tuple[dict[str, str], ...],
) -> None:
    caseload = Caseload(BATCH_FACTS, today=TODAY)
    for texts in rows + rows:
        answer = caseload.answer(tuple(texts.get(name) for name in BATCH_FACTS))
        fields = caseload.json_fields(answer)
        if answer.error is None:
            fields["urgent"] = answer.urgent
        assert fields == expected(dict(texts), TODAY)
    assert caseload.answer(tuple(_BORN_AFTER.get(name) for name in BATCH_FACTS)).error


@settings(max_examples=200, deadline=None)
@given(row_facts(), st.randoms(use_true_random=False))
def test_a_caseload_that_picks_its_facts_from_the_cells_answers_as_one_given_the_facts(
    case: tuple[dict[str, str | None], date], shuffle: random.Random
) -> None:
    """``Caseload(columns=...)``, as a CSV caseload runs: the facts in any columns among others, the answer and the
    CSV line the same as from the facts' texts alone, the cells passed through in front."""
    texts, today = case
    width = len(BATCH_FACTS) + 3
    where = shuffle.sample(range(width), len(BATCH_FACTS))
    row: list[str | None] = ["other"] * width
    for name, column in zip(BATCH_FACTS, where, strict=True):
        row[column] = texts.get(name)
    alone = Caseload(BATCH_FACTS, today=today)
    picking = Caseload(BATCH_FACTS, today=today, columns=where)
    facts = tuple(texts.get(name) for name in BATCH_FACTS)
    assert picking.json_fields(picking.answer(row)) == alone.json_fields(alone.answer(facts))
    line, failed, urgent = picking.csv_row(row, "cells,passed,through")
    assert line == "cells,passed,through" + alone.csv_text(alone.answer(facts))
    assert (failed, urgent) == (alone.answer(facts).error is not None, alone.answer(facts).urgent)


@settings(max_examples=200, deadline=None)
@given(row_facts())
def test_csv_text_says_the_same_as_json(case: tuple[dict[str, str | None], date]) -> None:
    texts, today = case
    caseload = Caseload(BATCH_FACTS, today=today)
    answer = caseload.answer(tuple(texts.get(name) for name in BATCH_FACTS))
    cells = next(csv.reader(io.StringIO(caseload.csv_text(answer)[1:])))
    fields = caseload.json_fields(answer)
    assert len(cells) == len(caseload.columns)
    for column, cell in zip(caseload.columns, cells, strict=True):
        value = fields[column]
        if column == "warnings":
            assert cell == ("; ".join(value) if value else "")
        elif column == "review_body" and answer.error is None:
            assert cell == (value or NO_REVIEW)
        else:
            assert cell == ("" if value is None else str(value))


@settings(max_examples=300, deadline=None)
@given(row_facts())
def test_warnings_left_off_every_row_are_on_every_route(case: tuple[dict[str, str | None], date]) -> None:
    """The README states EVERY_CASE_WARNINGS once instead of on every row: that holds only if every case
    has them."""
    texts, today = case
    try:
        facts = Facts.from_strings({k: v for k, v in texts.items() if v is not None}, today=today)
    except InputError:
        return
    assert {warning.id for warning in plan_route(facts).warnings} >= EVERY_CASE_WARNINGS


# fmt: off
ROW_ERRORS = [
    ({"outcome_date": "31/02/2026"},                               "outcome_date: '31/02/2026' is not a real date: February 2026 has 28 days"),
    ({"incident_date": "tomorrow", "sar_date": "2026-13-01"},      "incident_date: 'tomorrow' is not a date escalate reads"),  # every unreadable fact is named
    ({"complaint_date": "2026-01-05", "incident_date": "2026-02-01"}, "complaint_date (Monday 5 January 2026) is before incident_date (Sunday 1 February 2026)"),
    ({"schedule3": "perhaps"},                                     "schedule3: 'perhaps' is not one of: yes, no, unknown"),
    ({"injury": "a bit"},                                          "injury: 'a bit' is not yes, no or unknown"),
    ({"review_decision_date": "2026-05-01", "schedule3": "no"},    "review_decision_date is given but schedule3 is 'no'"),
]
# fmt: on


@pytest.mark.parametrize(("texts", "message"), ROW_ERRORS)
def test_a_row_that_cannot_be_computed_says_why_and_nothing_else(texts: dict[str, str], message: str) -> None:
    fields = actual(texts, TODAY)
    assert message in fields["error"]
    assert [name for name, value in fields.items() if value is not None] == ["error"]


def test_every_unreadable_fact_is_named_at_once() -> None:
    error = actual({"incident_date": "tomorrow", "sar_date": "2026-13-01", "about": "the sergeant"}, TODAY)["error"]
    assert error.count(" | ") == 2
    assert "incident_date:" in error and "sar_date:" in error and "about:" in error


# --- the library entry point -------------------------------------------------------------------------


def test_process_rows_keeps_each_row_and_adds_the_fields() -> None:
    rows = [
        {"case": "A1", "Outcome Date": "2026-11-03", "schedule3": "yes"},
        {
            "case": "A2",
            "outcome_date": date(2026, 11, 3),
            "discrimination": True,
        },  # dates and booleans as such
        {"case": "A3", "outcome_date": "not a date"},
        {"case": "A4"},
    ]
    out = list(process_rows(iter(rows), today=TODAY))
    assert [row["case"] for row in out] == ["A1", "A2", "A3", "A4"]
    assert out[0]["Outcome Date"] == "2026-11-03" and list(out[0])[:3] == [
        "case",
        "Outcome Date",
        "schedule3",
    ]
    # 3 November 2026 + 28 days (RULES.md s.4, reg 29(2)): Tuesday 1 December 2026, 10 days after today
    assert out[0]["review_request_safe_date"] == "2026-12-01"
    assert out[0]["review_request_days_left"] == 10
    assert out[0]["review_request_status"] == "due-soon"
    assert out[0]["next_deadline"] == "review-request" and out[0]["review_body"] == "mopac"
    assert out[1]["review_request_safe_date"] == "2026-12-01" and out[1]["review_body"] == "iopc"
    assert out[2]["error"].startswith("outcome_date: 'not a date'") and out[2]["review_request_safe_date"] is None
    assert out[3]["error"] is None and out[3]["next_deadline"] is None and out[3]["next_step"] == "complain-to-mps"


def test_process_rows_is_lazy() -> None:
    def rows() -> Any:
        yield {"outcome_date": "2026-11-03"}
        raise AssertionError("read further than asked")

    assert next(process_rows(rows(), today=TODAY))["review_request_safe_date"] == "2026-12-01"


def test_process_rows_refuses_two_keys_for_one_fact_in_a_row() -> None:
    (row,) = process_rows([{"Outcome Date": "2026-11-03", "outcome_date": "2026-11-04"}], today=TODAY)
    assert row["error"] == "'Outcome Date' and 'outcome_date' both mean outcome_date; keep one of them"


def test_process_rows_refuses_a_fact_that_is_not_text() -> None:
    (row,) = process_rows([{"outcome_date": ["2026-11-03"]}], today=TODAY)
    assert row["error"] == "outcome_date: expected text, not a list"


def test_process_rows_with_only() -> None:
    (row,) = process_rows([{"outcome_date": "2026-11-03"}], today=TODAY, only={"review-request"})
    assert "judicial_review_safe_date" not in row and row["review_request_last_day"] == "2026-12-01"


# --- CSV cells ---------------------------------------------------------------------------------------


@given(st.text())
def test_csv_cell_quotes_as_csv_writer_does(cell: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(["x", cell])
    assert "x," + csv_cell(cell) + "\r\n" == buffer.getvalue()


def test_rule_ids_are_stable() -> None:
    assert set(RULES_BY_ID) == set(RULE_IDS)


# fmt: off
BATCH_SUBJECT_ACCESS = [
    # sar_law cell, safe, last, latest, source
    ("uk-gdpr",  "2025-07-30", "2025-07-30", "2025-07-30"),  # RULES s.7: SAR received Mon 30 Jun 2025, uk-gdpr: Wed 30 Jul for all three
    ("Part-3",   "2025-07-29", "2025-07-29", "2025-08-01"),  # s.7 part-3: statute, statute, ICO's Part 3 method (any case: s.1)
    ("unknown",  "2025-07-29", "2025-07-30", "2025-08-01"),  # s.7 unknown: every reading, earliest and latest
    ("",         "2025-07-29", "2025-07-30", "2025-08-01"),  # s.1: an empty cell means unknown (the default)
    ("don't know", "2025-07-29", "2025-07-30", "2025-08-01"),  # s.1: "don't know" means unknown
]
# fmt: on


@pytest.mark.parametrize(("law", "safe", "last", "latest"), BATCH_SUBJECT_ACCESS)
def test_batch_reads_sar_law(law: str, safe: str, last: str, latest: str) -> None:
    texts = {"sar_date": "30/06/2025", "sar_law": law}
    got = actual(texts, date(2025, 7, 1))
    assert (got["subject_access_safe_date"], got["subject_access_last_day"], got["subject_access_latest_date"]) == (
        safe,
        last,
        latest,
    )
    assert got == expected(texts, date(2025, 7, 1))  # the batch's answer is the engine's


def test_one_caseload_keeps_each_rows_sar_law() -> None:
    # Rows of one caseload with the same SAR date and different laws get their own dates (RULES s.7), in order.
    caseload = Caseload(("sar_date", "sar_law"), today=date(2025, 7, 1))
    rows = [("2025-06-30", law) for law in ("part-3", "uk-gdpr", "unknown", "part-3")]
    got = [caseload.json_fields(caseload.answer(row))["subject_access_latest_date"] for row in rows]
    assert got == ["2025-08-01", "2025-07-30", "2025-08-01", "2025-08-01"]
    safe = [caseload.json_fields(caseload.answer(row))["subject_access_safe_date"] for row in rows]
    assert safe == ["2025-07-29", "2025-07-30", "2025-07-29", "2025-07-29"]


@pytest.mark.parametrize(
    "today",
    # RULES.md s.7: incident Tue 10 Nov 2026 -> preserve-evidence Thu 10 Dec / same / Fri 11 Dec 2026; shown only
    # while not passed (s.4): open, due soon, at risk on the latest date, then gone from the row.
    [date(2026, 11, 21), date(2026, 12, 10), date(2026, 12, 11), date(2026, 12, 12)],
)
def test_preserve_evidence_in_a_row_as_in_the_engine(today: date) -> None:
    for texts in ({"incident_date": "10/11/2026"}, {"incident_date": "2026-11-10", "date_of_birth": "2010-01-01"}):
        got = actual(dict(texts), today)
        assert got == expected(dict(texts), today)
        assert (got["preserve_evidence_safe_date"] is None) is (today > date(2026, 12, 11))
    caseload = Caseload(BATCH_FACTS, today=today)
    text = caseload.csv_text(
        caseload.answer(tuple("2026-11-10" if n == "incident_date" else None for n in BATCH_FACTS))
    )
    assert ("2026-12-10,2026-12-10,2026-12-11" in text) is (today <= date(2026, 12, 11))
