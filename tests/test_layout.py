"""The terminal layout's rules, one case per line: lines break only at spaces, an address stands alone and
whole, notes are numbered without gaps or repeats, a table only where every word fits."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from rich.console import Console
from rich.text import Text

from escalate.engine.deadlines import compute_deadlines
from escalate.engine.facts import Facts
from escalate.output.layout import Column, Layout, fitted_table, number_notes, wrap


def console(width: int) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=width, no_color=True, highlight=False, emoji=False), out


@pytest.mark.parametrize(
    ("text", "width", "first", "lines"),
    [
        ("aaa bbb ccc", 7, None, ["aaa bbb", "ccc"]),
        ("aaa bbb ccc", 7, 3, ["aaa", "bbb ccc"]),  # a shorter first line (a label before it)
        ("a verylongword b", 5, None, ["a", "verylongword", "b"]),  # a long word alone, whole
        ("one\ntwo three", 20, None, ["one", "two three"]),  # its own line breaks kept
        ("", 10, None, [""]),
    ],
)
def test_wrap_breaks_only_at_spaces(text, width, first, lines) -> None:
    assert [line.plain for line in wrap(Text(text), width, first)] == lines


@pytest.mark.parametrize("width", [40, 60, 80])
def test_an_address_stands_alone_and_whole(width) -> None:
    con, out = console(width)
    url = "https://www.policeconduct.gov.uk/complaints/reviews-and-appeals/submit-a-review-appeal"
    with Layout(con) as layout:
        layout.para(f"Where: IOPC reviews, by email or post. Page: {url}. Then wait.", indent=4, first="")
    lines = out.getvalue().splitlines()
    assert url + "." in [line.strip() for line in lines]  # the sentence's full stop stays with it
    assert all(len(line) <= width for line in lines if url not in line)
    assert lines[-1].strip() == "Then wait."


def test_an_address_that_fits_keeps_the_indent() -> None:
    con, out = console(80)
    with Layout(con) as layout:
        layout.para("Page: https://ico.org.uk/make-a-complaint/", indent=4)
    assert out.getvalue().splitlines() == ["    Page:", "    https://ico.org.uk/make-a-complaint/"]


def test_notes_are_numbered_once_without_gaps() -> None:
    report = compute_deadlines(
        Facts.from_strings({"incident_date": "2026-01-10", "outcome_date": "2026-11-03"}, today=date(2026, 11, 21))
    )
    deadlines = list(report.deadlines)
    deadlines.append(replace(deadlines[0]))  # the same notes again: the same numbers
    notes = number_notes(deadlines)
    assert len(notes.texts) == len(set(notes.texts))
    numbers = sorted({n for of in notes.of for n in of})
    assert numbers == list(range(1, len(notes.texts) + 1))
    assert notes.of[-1] == notes.of[0]
    assert [notes.see(i) for i, d in enumerate(deadlines) if not d.notes] == [""] * sum(not d.notes for d in deadlines)
    assert notes.see(0) in ("see note 1", "see notes 1 and 2", "see notes 1, 2 and 3")


def test_a_table_only_where_every_word_fits() -> None:
    columns = (Column("Date"), Column("What", wrap=True, floor=10), Column("Law", wrap=True, floor=8))
    columns[0].cells.append(Text("Tuesday 1 December 2026"))
    columns[1].cells.append(Text("Ask for a review of the outcome"))
    columns[2].cells.append(Text("Regulations reg 29"))
    con, out = console(60)
    table = fitted_table(columns, 60, con)
    assert table is not None
    con.print(table)
    assert all(len(line) <= 60 for line in out.getvalue().splitlines())
    assert "…" not in out.getvalue()
    assert fitted_table(columns, 40, con) is None  # below the width it needs: the caller stacks blocks


@pytest.mark.parametrize("width", [40, 60])
def test_narrow_help_and_rules_keep_every_word(run_cli, monkeypatch, width) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    help_text = run_cli("route", "--help").stdout
    assert "--death-or-serious-injury [yes|no]" in help_text  # name and metavar whole, the help under them
    rules = run_cli("rules").stdout
    assert "\n  What: " in rules and "…" not in rules
    assert all(len(line) <= width for line in rules.splitlines())
