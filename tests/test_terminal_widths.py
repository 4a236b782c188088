"""Every command's output in a real terminal at 100, 80, 60 and 40 columns (a pseudo-terminal whose window size
is set as a terminal sets it, not COLUMNS): every word whole, nothing cut to an ellipsis, no line wider than the
terminal (an address alone on its line excepted: it is never cut), stacked blocks below the width a table
needs, and plain text without box drawing when TERM=dumb.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest

from escalate.law.dates import long_date
from escalate.output.layout import URL, URL_LINE
from terminal import Screen, run_in_terminals

WIDTHS = (100, 80, 60, 40)
EXAMPLE = ("--today", "2026-11-21")
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("deadlines", "--example", *EXAMPLE),
    ("route", "--example", *EXAMPLE),
    ("route", "--example", "--full", *EXAMPLE),
    ("rules",),
    ("explain", "review-request", "--outcome-date", "2026-11-03", *EXAMPLE),
    ("explain", "civil-claim"),
    ("--help",),
    ("deadlines", "--help"),
    ("route", "--help"),
    ("batch", "--help"),
    ("explain", "--help"),
)
BOX = re.compile(r"[\u2500-\u257f]")
"""Box-drawing characters (rich's rounded table, the help panels)."""
ASCII_RULE = re.compile(r"^[+|][-+|=]*$")


def words(text: str) -> set[str]:
    return set(BOX.sub(" ", text).replace("|", " ").split())


@pytest.fixture(scope="module")
def screens() -> dict[tuple[tuple[str, ...], int], Screen]:
    """Each command at each width, and at 1,000 columns as a table and as plain text (its words, unwrapped)."""
    runs = [(args, width) for args in COMMANDS for width in (*WIDTHS, 1000)]
    found = {(screen.args, screen.columns): screen for screen in run_in_terminals(runs)}
    for screen in run_in_terminals([(args, 1000) for args in COMMANDS], env={"TERM": "dumb"}):
        found[(screen.args, -1)] = screen
    return found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_word_whole_and_within_the_terminal(screens, args, width) -> None:
    screen = screens[(args, width)]
    assert screen.code == 0, screen.text[-500:]
    assert "\u2026" not in screen.text  # nothing cut to "…"
    too_wide = [line for line in screen.lines if len(line) > width and not URL_LINE.fullmatch(line.strip())]
    assert not too_wide
    # Every word as it is at 1,000 columns: none broken across lines or cut.
    whole = words(screens[(args, 1000)].text) | words(screens[(args, -1)].text)
    broken = words(screen.text) - whole
    assert not broken, sorted(broken)[:10]


@pytest.mark.parametrize("width", WIDTHS)
def test_an_address_has_a_line_of_its_own(screens, width) -> None:
    screen = screens[(("route", "--example", "--full", *EXAMPLE), width)]
    addresses = [match.group() for match in URL.finditer(screen.text)]
    assert addresses
    for line in screen.lines:
        if URL.search(line):
            assert URL_LINE.fullmatch(line.strip()), line


def _as_json(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "escalate", *args, "--format", "json"], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize("width", (60, 40))
def test_below_a_tables_width_deadlines_are_blocks_with_every_fact(screens, width) -> None:
    screen = screens[(("deadlines", "--example", *EXAMPLE), width)]
    assert not BOX.search(screen.text) and not any(ASCII_RULE.match(line) for line in screen.lines)
    flat = " ".join(screen.text.split())
    deadlines = _as_json("deadlines", "--example", *EXAMPLE)["deadlines"]
    for number, deadline in enumerate(deadlines, start=1):
        block = flat.split(f" {number}. ", 1)[1]
        days = deadline["days_left"]
        left = f"{-days} days ago" if days < 0 else f"{days} days left"
        when = long_date(date.fromisoformat(deadline["safe_date"]))
        chase = "chase if nothing by " if deadline["owner"] == "police" else ""  # a police duty (RULES.md s.4)
        assert block.startswith(chase + when)  # the date in words first
        for fact in (deadline["action"], deadline["body"], left, deadline["strength"]):
            assert fact in block.split(" The law: ")[0 if fact != deadline["strength"] else 1]
    assert flat.count("The law: ") == len(deadlines)


def test_a_wide_terminal_gets_the_table(screens) -> None:
    screen = screens[(("rules",), 100)]
    assert BOX.search(screen.text)
    assert "What" in screen.text and "Law" in screen.text


def test_notes_are_numbered_without_gaps_or_repeats(screens) -> None:
    for args in (("deadlines", "--example", *EXAMPLE), ("route", "--example", "--full", *EXAMPLE)):
        text = screens[(args, 80)].text
        notes = text.split("\nNotes\n", 1)[1]
        numbers = [int(n) for n in re.findall(r"^(\d+)\. ", notes, re.M)]
        # The notes run 1, 2, 3 ... (in the route, the step numbers of the path come before "Notes").
        assert numbers[: len(set(numbers))] == list(range(1, len(set(numbers)) + 1))


def test_route_opens_with_what_to_do_now(screens) -> None:
    lines = screens[(("route", "--example", *EXAMPLE), 80)].lines
    opening = "\n".join(lines[:14])
    assert "Now: Ask for a review of the outcome" in opening
    assert "Act by Tuesday 1 December 2026 (10 days left)" in opening  # reg 29(2): 3 Nov 2026 + 28 days
    assert "Where: IOPC" in opening
    assert len(lines) < len(screens[(("route", "--example", "--full", *EXAMPLE), 80)].lines) / 2


@pytest.mark.parametrize(
    "args",
    [("deadlines", "--example", *EXAMPLE), ("route", "--example", "--full", *EXAMPLE), ("rules",)],
    ids=" ".join,
)
def test_a_dumb_terminal_gets_plain_text(args) -> None:
    (dumb,) = run_in_terminals([(args, 80)], env={"TERM": "dumb"})
    (plain,) = run_in_terminals([((*args, "--plain"), 80)])
    for screen in (dumb, plain):
        assert screen.code == 0
        assert not BOX.search(screen.text)
        assert not any(ASCII_RULE.match(line) for line in screen.lines)
        assert "·" not in screen.text
    assert dumb.text == plain.text


def test_help_shows_whole_option_names_and_choices_at_80(screens) -> None:
    text = " ".join(BOX.sub(" ", screens[(("route", "--help"), 80)].text).split())
    assert "--death-or-serious-injury" in text
    from escalate.engine.facts import About, Investigation

    for value in (*About, *Investigation):
        assert re.search(rf"(^|[ (]){re.escape(value.value)}[ ,.;)]", text), value  # every choice, whole
    assert "unknown, not-investigated, mps, iopc-directed, iopc" in text


@pytest.mark.parametrize("width", (60, 40))
def test_a_text_letter_fits_a_narrow_terminal(width) -> None:
    args = ("letter", "review-request", "--outcome-date", "2026-11-03", *EXAMPLE)
    (screen,) = run_in_terminals([(args, width)])
    assert screen.code == 0
    # Wider lines only where a thing is kept whole on purpose: an address, a [FILL IN: ...] marker (so that it
    # can be found and replaced), and the one-line notes on standard error.
    wide = [
        line
        for line in screen.lines
        if len(line) > width
        and not URL_LINE.fullmatch(line.strip())
        and not re.fullmatch(r"\s*\[FILL IN: [^\]]*\]", line)
        and not line.startswith("escalate: to fill in:")
    ]
    assert not wide
    (wide_screen,) = run_in_terminals([(args, 1000)])
    assert "=" * 78 in wide_screen.text  # 78 columns at most, as in a file
    assert "=" * (width - 1) in screen.text and "=" * width not in screen.text


def _piped(
    args: tuple[str, ...], columns: int, stdout: int | object = subprocess.PIPE, stderr: int | None = None
) -> str:
    """``escalate ARGS | cat`` typed in a terminal of ``columns``: standard output a pipe, standard input and
    error the terminal (a pty; ``stderr``: elsewhere), COLUMNS not set (shells do not export it)."""
    import fcntl
    import os
    import struct
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "escalate", *args],
            stdin=slave,
            stdout=stdout,
            stderr=slave if stderr is None else stderr,
            env=env,
            timeout=60,
        )
    finally:
        os.close(slave)
        os.close(master)
    assert done.returncode == 0
    return done.stdout.decode() if done.stdout is not None else ""


@pytest.mark.parametrize("width", (60, 80))
def test_a_pipe_read_in_a_terminal_fits_it(width) -> None:
    """`escalate deadlines | less` (or `| head`) is read in the terminal: it is laid out for its width."""
    for args in (("deadlines", "--example", *EXAMPLE), ("route", "--example", *EXAMPLE), ("rules",)):
        for stderr in (None, subprocess.DEVNULL):  # `2>/dev/null`: the terminal is found on standard input
            lines = _piped(args, width, stderr=stderr).splitlines()
            assert lines
            assert not [line for line in lines if len(line) > width and not URL_LINE.fullmatch(line.strip())], args


def test_a_file_written_from_a_terminal_keeps_110_columns(tmp_path) -> None:
    """`escalate deadlines > plan.txt` is read elsewhere: 110 columns (README, 'Any terminal width')."""
    target = tmp_path / "plan.txt"
    with target.open("wb") as file:
        _piped(("deadlines", "--example", *EXAMPLE), 60, stdout=file)
    widths = [len(line) for line in target.read_text("utf-8").splitlines()]
    assert max(widths) <= 110 and max(widths) > 80
