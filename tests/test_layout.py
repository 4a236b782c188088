"""The terminal layout's rules, one case per line: lines break only at spaces, an address stands alone and
whole, notes are numbered without gaps or repeats, a table only where every word fits."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Span, Text

from escalate.engine.deadlines import compute_deadlines
from escalate.engine.facts import Facts
from escalate.output.layout import Column, Layout, _cut, _joined, fitted_table, number_notes, wrap


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


# --- the fast paths give what rich's own slicing, adding and printing give ------------------------------

STYLES = st.sampled_from(["", "bold", "dim", "italic", "bold yellow", "underline"])
STYLED_TEXTS = st.builds(
    lambda plain, style, spans: Text(
        plain,
        style=style,
        spans=[Span(min(a, b), max(a, b), s) for a, b, s in spans if min(a, b) < max(a, b) <= len(plain)],
    ),
    st.text(alphabet="ab \n", max_size=24),
    STYLES,
    st.lists(st.tuples(st.integers(0, 24), st.integers(0, 24), STYLES), max_size=4),
)


def same(left: Text, right: Text) -> bool:
    attributes = ("plain", "style", "justify", "overflow", "no_wrap", "end", "tab_size", "spans")
    return all(getattr(left, name) == getattr(right, name) for name in attributes)


@settings(max_examples=300, deadline=None)
@given(text=STYLED_TEXTS, start=st.integers(0, 24), end=st.integers(0, 24))
def test_a_cut_is_richs_slice(text: Text, start: int, end: int) -> None:
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    assert same(_cut(text, start, end), text[start:end])


@settings(max_examples=300, deadline=None)
@given(lead=STYLED_TEXTS, line=STYLED_TEXTS)
def test_a_joined_line_is_richs_sum(lead: Text, line: Text) -> None:
    assert same(_joined(lead, line), lead + line)


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(st.one_of(STYLED_TEXTS, st.text(alphabet="ab ", max_size=10)), max_size=6))
def test_the_lines_are_written_as_richs_print_writes_them(lines: list[Text | str]) -> None:
    printed = []
    for flushed in (False, True):
        out = io.StringIO()
        con = Console(file=out, width=30, force_terminal=True, color_system="standard", highlight=False, emoji=False)
        if flushed:
            with Layout(con) as layout:
                for line in lines:
                    layout.line(line.copy() if isinstance(line, Text) else line)
        elif lines:
            con.print(*lines, sep="\n", soft_wrap=True)
        printed.append(out.getvalue())
    assert printed[0] == printed[1]
