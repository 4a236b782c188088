"""The timeline: a dated chronology of the facts, the log and the deadlines ahead, with gaps flagged."""

from __future__ import annotations

import io
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import EXAMPLES, CliResult
from escalate.documents.casefile import Event
from escalate.documents.timeline import Kind, TimelineFormat, build_timeline, render_timeline, timeline_text
from escalate.engine.deadlines import compute_deadlines
from escalate.engine.facts import Facts
from terminal import run_in_terminals

Run = Callable[..., CliResult]
D = date


def timeline_of(events: tuple[Event, ...] = (), **facts: object) -> list[tuple[date, Kind, str]]:
    report = compute_deadlines(Facts(**facts))  # type: ignore[arg-type]
    return [(entry.day, entry.kind, entry.text) for entry in build_timeline(report, events).entries]


def gaps(events: tuple[Event, ...] = (), **facts: object) -> list[date]:
    """The days of the update gaps (reg 34), not of passed deadlines."""
    report = compute_deadlines(Facts(**facts))  # type: ignore[arg-type]
    return [entry.day for entry in build_timeline(report, events).gaps if "reg 34" in entry.source]


# reg 34(2)(a) of the Police (Complaints and Misconduct) Regulations 2020: progress "within four weeks of the
# start of the handling of the complaint" and "within four weeks of the previous notification" (28 days,
# the complaint-update rule of RULES.md section 4: trigger + 28 days).
UPDATE_GAPS = [
    # complained 2 February 2026, no update: due Monday 2 March 2026; 28 days later is no gap yet, 29 is
    ({"complaint_date": D(2026, 2, 2), "today": D(2026, 3, 2)}, (), []),
    ({"complaint_date": D(2026, 2, 2), "today": D(2026, 3, 3)}, (), [D(2026, 3, 2)]),
    # an update logged on the 28th day closes the first stretch; the next is counted from it (due 30 March)
    ({"complaint_date": D(2026, 2, 2), "today": D(2026, 3, 30)}, (Event(D(2026, 3, 2), "Letter", True),), []),
    (
        {"complaint_date": D(2026, 2, 2), "today": D(2026, 3, 31)},
        (Event(D(2026, 3, 2), "Letter", True),),
        [D(2026, 3, 30)],
    ),
    # an event that is not an update from the police does not count
    (
        {"complaint_date": D(2026, 2, 2), "today": D(2026, 3, 30)},
        (Event(D(2026, 3, 2), "Phoned, no answer"),),
        [D(2026, 3, 2)],
    ),
    # the last_update_date fact counts as an update
    ({"complaint_date": D(2026, 2, 2), "last_update_date": D(2026, 3, 1), "today": D(2026, 3, 29)}, (), []),
    # the complaint is open until the outcome letter: nothing after it is a gap
    ({"complaint_date": D(2026, 2, 2), "outcome_date": D(2026, 3, 2), "today": D(2026, 11, 21)}, (), []),
    ({"complaint_date": D(2026, 2, 2), "outcome_date": D(2026, 4, 1), "today": D(2026, 4, 10)}, (), [D(2026, 3, 2)]),
    # complaints made before 1 February 2020 (the 2012 rules) and complaints not about the police: no reg 34
    ({"complaint_date": D(2019, 2, 2), "today": D(2019, 6, 1)}, (), []),
    ({"complaint_date": D(2026, 2, 2), "about": "mayor", "today": D(2026, 6, 1)}, (), []),
]


@pytest.mark.parametrize(("facts", "events", "expected"), UPDATE_GAPS)
def test_more_than_28_days_without_an_update_while_open_is_a_gap(
    facts: dict[str, object], events: tuple[Event, ...], expected: list[date]
) -> None:
    assert gaps(events, **facts) == expected


def test_an_update_gap_says_how_long_and_cites_reg_34() -> None:
    report = compute_deadlines(Facts(today=D(2026, 4, 10), complaint_date=D(2026, 2, 2)))
    (gap,) = build_timeline(report, ()).gaps
    assert gap.text.startswith(
        "67 days with no update from the police logged, from Monday 2 February 2026 (the complaint was made) to "
        "Friday 10 April 2026 (today). An update was due by Monday 2 March 2026"
    )
    # reg 34(2)(a), with reg 51(2) beside it since issue 10 (the update duty is not strict: RULES.md s.4)
    assert gap.source.startswith("Police (Complaints and Misconduct) Regulations 2020, reg 34(2)(a)")


def test_a_passed_deadline_with_nothing_logged_is_flagged() -> None:
    # review-request: outcome 3 November 2026 + 28 days starting the day after = Tuesday 1 December 2026
    # (2020 Regulations reg 29(2)); passed on 2 December with nothing logged.
    facts = {
        "outcome_date": D(2026, 11, 3),
        "complaint_date": D(2026, 2, 2),
        "schedule3": "yes",
        "today": D(2026, 12, 2),
    }
    flagged = [text for _, kind, text in timeline_of(**facts) if kind is Kind.GAP and "review" in text]
    assert flagged == [
        "Ask for a review (appeal for complaints made before 1 Feb 2020): the last day was Tuesday 1 December "
        "2026, and nothing is logged between Tuesday 3 November 2026 and then. If something was done, log it "
        "(escalate case add-event); if not, ask an adviser what can still be done."
    ]
    logged = (Event(D(2026, 11, 20), "Sent review request by email"),)
    assert not [text for _, kind, text in timeline_of(logged, **facts) if kind is Kind.GAP and "review" in text]


def test_the_chronology_holds_facts_events_and_deadlines_ahead_in_date_order() -> None:
    entries = timeline_of(
        (Event(D(2026, 9, 20), "Sent review request by email"),),
        incident_date=D(2026, 1, 10),
        outcome_date=D(2026, 9, 3),
        today=D(2026, 9, 21),
    )
    assert [entry for entry in entries if entry[1] is not Kind.GAP][:3] == [
        (D(2026, 1, 10), Kind.FACT, "Incident"),
        (D(2026, 9, 3), Kind.FACT, "Outcome letter dated"),
        (D(2026, 9, 20), Kind.EVENT, "Sent review request by email"),
    ]
    days = [day for day, _, _ in entries]
    assert days == sorted(days)
    ahead = [text for _, kind, text in entries if kind is Kind.DEADLINE]
    # review-request: 3 September 2026 + 28 days = Thursday 1 October 2026 (reg 29(2))
    assert any(text.endswith("last day Thursday 1 October 2026") for text in ahead)


def test_deadline_dates_are_the_engines() -> None:
    report = compute_deadlines(Facts(today=D(2026, 9, 21), outcome_date=D(2026, 9, 3), incident_date=D(2026, 1, 10)))
    timeline = build_timeline(report, ())
    ahead = {entry.day for entry in timeline.entries if entry.kind is Kind.DEADLINE}
    assert ahead == {deadline.last_day for deadline in report.deadlines if deadline.status != "passed"}


def test_text_fits_80_columns_and_ends_with_the_disclaimer() -> None:
    report = compute_deadlines(Facts(today=D(2026, 4, 10), complaint_date=D(2026, 2, 2), incident_date=D(2026, 1, 1)))
    text = timeline_text(build_timeline(report, ()))
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "General information, not legal advice." in text


def test_markdown_escapes_what_the_person_wrote() -> None:
    report = compute_deadlines(Facts(today=D(2026, 4, 10)))
    page = render_timeline(build_timeline(report, (Event(D(2026, 4, 1), "Wrote | to *DPS*"),)), TimelineFormat.MARKDOWN)
    assert "| Wednesday 1 April 2026 | Wrote \\| to \\*DPS\\* |" in str(page)


def test_word_holds_the_same_entries(tmp_path: Path, run_cli: Run) -> None:
    from docx import Document

    output = tmp_path / "timeline.docx"
    result = run_cli("timeline", "--case", str(EXAMPLES / "case.toml"), "--today", "2026-07-01", "-o", str(output))
    assert result.code == 0, result.stderr
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    document = Document(io.BytesIO(output.read_bytes()))
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    text = run_cli("timeline", "--case", str(EXAMPLES / "case.toml"), "--today", "2026-07-01").stdout
    assert rows[0] == ["Date", "What"]
    assert len(rows) - 1 == int(text.splitlines()[1].split(": ")[1].split(" entries")[0])
    assert ["Monday 1 June 2026", "Phoned the DPS: no answer; left a message"] in rows


@pytest.mark.parametrize("kind", ["timeline", "letter"])
def test_word_goes_down_a_pipe_as_a_letter_does(kind: str) -> None:
    """A Word file on standard output, for a pipe or `-o -` (as `letter` writes it); never to a terminal."""
    command = ["timeline"] if kind == "timeline" else ["letter", "review-request"]
    for target in ([], ["-o", "-"]):
        done = subprocess.run(
            [sys.executable, "-m", "escalate", *command, "--case", str(EXAMPLES / "case.toml"), "-f", "docx", *target],
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        with zipfile.ZipFile(io.BytesIO(done.stdout)) as book:
            assert "word/document.xml" in book.namelist()
    (screen,) = run_in_terminals([([*command, "--case", str(EXAMPLES / "case.toml"), "-f", "docx"], 80)])
    assert screen.code == 2 and "a Word file cannot be shown in a terminal; give -o FILE" in screen.text


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["-f", "docx"], 2, "a Word file cannot be shown in a terminal; give -o FILE"),  # no bytes under stdout
        (["-f", "pdf"], 2, "'pdf' is not one of 'text', 'markdown', 'docx'"),  # an enum: click's own line (issue 12)
        (["-o", "/no/such/folder/t.md"], 4, "cannot be written"),
    ],
)
def test_timeline_refuses_what_it_cannot_do(run_cli: Run, args: list[str], code: int, message: str) -> None:
    result = run_cli("timeline", "--case", str(EXAMPLES / "case.toml"), *args)
    assert result.code == code and message in result.stderr and result.stderr.count("\n") == 1


def test_timeline_format_follows_the_extension(run_cli: Run, tmp_path: Path) -> None:
    output = tmp_path / "t.md"
    assert run_cli("timeline", "--case", str(EXAMPLES / "case.toml"), "-o", str(output)).code == 0
    assert output.read_text("utf-8").startswith("# Timeline of the complaint\n")


def test_every_format_has_a_renderer() -> None:
    report = compute_deadlines(Facts(today=D(2026, 4, 10)))
    for chosen in TimelineFormat:
        assert render_timeline(build_timeline(report, ()), chosen)


@pytest.mark.parametrize("command", ["deadlines", "route", "explain", "timeline", "letter"])
def test_every_command_with_facts_takes_case(run_cli: Run, command: str) -> None:
    shown = run_cli(command, "--help").stdout
    assert "--case" in shown
    assert ("--save" in shown) is (command in ("deadlines", "route", "letter"))
