"""A large CSV caseload shared between two processes (escalate.caseload.fork): the output and the summary are
byte for byte what one process writes, wherever the middle of the file falls (inside a quoted cell that
runs over several lines, among blank lines, bad rows, CR, LF or CRLF line ends), and a second process that
fails or is not needed changes nothing."""

from __future__ import annotations

import io
import os
import stat
import threading
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from escalate.caseload import fork as batch_fork
from escalate.caseload import run as batch_io
from escalate.caseload.files import open_input
from escalate.caseload.options import BatchOptions, Summary
from escalate.caseload.run import run_batch

TODAY = date(2026, 11, 21)

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="the system has no fork: batches run in one process")


@pytest.fixture
def splitting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Split any file, on any machine, and record how each split batch ended."""
    monkeypatch.setattr(batch_fork, "MIN_BYTES", 0)
    monkeypatch.setattr(batch_fork, "_cores", lambda: 2)
    ends: list[str] = []
    original = batch_io._in_two

    def recorded(*args, **kwargs):
        summary = original(*args, **kwargs)
        ends.append("split")
        return summary

    monkeypatch.setattr(batch_io, "_in_two", recorded)
    return ends


def run(path: Path, *, parallel: bool) -> tuple[str, Summary]:
    out = io.StringIO(newline="")
    options = BatchOptions(today=TODAY, source=str(path), parallel=parallel)
    with open_input(str(path), "utf-8") as opened:
        summary = run_batch(opened.lines, out, options)
    return out.getvalue(), summary


def same_either_way(path: Path) -> str:
    alone, alone_summary = run(path, parallel=False)
    shared, shared_summary = run(path, parallel=True)
    assert shared == alone
    assert shared_summary == alone_summary
    return alone


HEADER = "case,incident_date,complaint_date,outcome_date,notes\n"
GOOD = "A{n},2024-03-{day:02},2024-04-02,2026-11-03,plain\n"


def caseload(tmp_path: Path, body: str, name: str = "cases.csv") -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + body).encode("utf-8", "surrogateescape"))
    return path


# --- the same output -----------------------------------------------------------------------------------


@needs_fork
def test_a_plain_caseload_is_shared_and_joined(tmp_path: Path, splitting: list[str]) -> None:
    path = caseload(tmp_path, "".join(GOOD.format(n=n, day=n % 28 + 1) for n in range(400)))
    assert batch_fork.find_split(str(path), "utf-8") is not None
    text = same_either_way(path)
    assert splitting == ["split"] and text.count("\n") == 401


@needs_fork
def test_a_quoted_cell_across_the_middle_is_read_whole(tmp_path: Path, splitting: list[str]) -> None:
    """The middle of the file falls inside a cell of 200 lines: this process reads it whole and goes on
    alone (the second process is stopped)."""
    long_cell = '"' + "\n".join(f'line {n}, said ""no""' for n in range(200)) + '"'
    body = GOOD.format(n=1, day=1) + f"B,2024-03-01,2024-04-02,2026-11-03,{long_cell}\n" + GOOD.format(n=2, day=2)
    path = caseload(tmp_path, body)
    split = batch_fork.find_split(str(path), "utf-8")
    assert split is not None and len(HEADER) + 60 < split.offset < path.stat().st_size - 60
    text = same_either_way(path)
    assert splitting == ["split"] and "line 199" in text


@needs_fork
def test_a_second_process_that_fails_leaves_its_half_to_the_first(
    tmp_path: Path, splitting: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(out):
        raise RuntimeError("the second half cannot be done")

    original = batch_fork.forked
    monkeypatch.setattr(batch_fork, "forked", lambda work: original(failing))
    path = caseload(tmp_path, "".join(GOOD.format(n=n, day=n % 28 + 1) for n in range(300)))
    same_either_way(path)
    assert splitting == ["split"]


@st.composite
def messy_lines(draw: st.DrawFn) -> str:
    """Rows of every kind a caseload can have, with any line end."""
    kinds = st.sampled_from(
        [
            "A,2024-03-01,2024-04-02,2026-11-03,plain",
            'B,2024-03-01,,2026-11-03,"quoted, with a comma"',
            'C,2024-03-01,,2026-11-03,"runs on\nover\r\nlines, ""quoted"""',
            "D,not a date,,2026-11-03,bad date",
            "E,2026-11-03,2024-04-02,,wrong order",
            "F,2024-03-01,too,many,cells,here",
            "G,short",
            "",
            '=cmd,2024-03-01,,2026-11-03,"=1+1"',
            "H,2024-03-01,,2026-11-03,café \udce9",
            'I,2024-03-01,,2026-11-03,a "stray" quote',
            'J,"2024-03-01",,"2026-11-03",',
        ]
    )
    rows = draw(st.lists(kinds, min_size=1, max_size=60))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return "".join(row + end for row in rows)


@needs_fork
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=messy_lines())
def test_any_caseload_comes_out_the_same_shared_or_alone(tmp_path: Path, splitting: list[str], body: str) -> None:
    same_either_way(caseload(tmp_path, body))


# --- where to split ----------------------------------------------------------------------------------


@given(
    data=st.lists(st.sampled_from(["a", "\n", "\r", "\r\n", ",", '"']), max_size=80).map("".join),
    block=st.integers(min_value=1, max_value=8),
)
def test_line_breaks_are_counted_as_text_mode_splits_lines(data: str, block: int) -> None:
    """Up to each \\n, the count is the number of lines text mode gives, whatever the block size (a \\r\\n
    may fall across two blocks)."""
    raw = data.encode()
    ends = [at + 1 for at, byte in enumerate(raw) if byte == ord("\n")]
    for end in ends:
        expected = len(io.StringIO(raw[:end].decode(), newline="").readlines())
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(batch_fork, "_BLOCK", block)
            assert batch_fork._line_breaks(io.BufferedReader(io.BytesIO(raw)), end) == expected  # type: ignore[arg-type]


def test_small_files_are_not_split(tmp_path: Path) -> None:
    path = caseload(tmp_path, GOOD.format(n=1, day=1))
    assert batch_fork.find_split(str(path), "utf-8") is None  # smaller than MIN_BYTES


@pytest.mark.parametrize(
    ("codec", "cores", "body", "why"),
    [
        ("utf-16", 2, "A\n" * 50, "a line break is not one byte"),
        ("utf-8", 1, "A\n" * 50, "one core"),
        ("utf-8", 2, "A" * 100 + "\n", "no line break after the middle"),
    ],
)
def test_no_split_where_it_would_not_be_safe_or_pay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codec: str, cores: int, body: str, why: str
) -> None:
    monkeypatch.setattr(batch_fork, "MIN_BYTES", 0)
    monkeypatch.setattr(batch_fork, "_cores", lambda: cores)
    assert batch_fork.find_split(str(caseload(tmp_path, body)), codec) is None, why


def test_no_split_while_another_thread_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_fork, "MIN_BYTES", 0)
    monkeypatch.setattr(batch_fork, "_cores", lambda: 2)
    path = caseload(tmp_path, "A\n" * 50)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert batch_fork.find_split(str(path), "utf-8") is None
    finally:
        stop.set()
        other.join()


def test_no_split_of_what_is_not_a_regular_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_fork, "MIN_BYTES", 0)
    monkeypatch.setattr(batch_fork, "_cores", lambda: 2)
    if not stat.S_ISREG(Path(os.devnull).stat().st_mode):  # (in some sandboxes /dev/null is a plain file)
        assert batch_fork.find_split(os.devnull, "utf-8") is None
    assert batch_fork.find_split("/no/such/caseload.csv", "utf-8") is None


def test_the_machine_has_at_least_one_core() -> None:
    assert batch_fork._cores() >= 1


def test_the_command_line_can_keep_to_one_process(run_cli, tmp_path: Path) -> None:
    path = caseload(tmp_path, GOOD.format(n=1, day=1))
    shared = run_cli("batch", str(path), "--today", "2026-11-21")
    alone = run_cli("batch", str(path), "--today", "2026-11-21", "--no-parallel")
    assert shared.code == alone.code == 0 and shared.stdout == alone.stdout
    assert "--no-parallel" in run_cli("batch", "--help").stdout


@needs_fork
def test_when_no_process_can_be_started_one_does_it_all(
    tmp_path: Path, splitting: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    path = caseload(tmp_path, "".join(GOOD.format(n=n, day=n % 28 + 1) for n in range(300)))
    same_either_way(path)
    assert splitting == ["split"]


@needs_fork
def test_a_header_across_the_middle_is_not_split(tmp_path: Path, splitting: list[str]) -> None:
    path = tmp_path / "cases.csv"
    long_name = '"notes\n' + "more of the header\n" * 50 + '"'
    path.write_text(f"case,outcome_date,{long_name}\nA,2026-11-03,x\n", encoding="utf-8")
    split = batch_fork.find_split(str(path), "utf-8")
    assert split is not None and split.lines < 50  # the middle falls inside the header
    text = same_either_way(path)
    assert splitting == [] and text.endswith("\n") and text.count("\nA,2026-11-03,x,") == 1
