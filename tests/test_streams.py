"""The real process at the edges scripts meet first: a closed reader, a full disk, closed descriptors, terminals
that cannot show Unicode, colour forced through a pipe. Each test runs `python -m escalate` as a child process
with a real pipe, a real closed descriptor or a real /dev/full (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from escalate.cli.streams import ascii_fallback

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASELOAD = str(EXAMPLES / "caseload.csv")
ESCALATE = [sys.executable, "-m", "escalate"]

EVERY_OUTPUT = [
    ["--help"],
    ["--version"],
    ["deadlines", "--help"],
    ["rules"],
    ["rules", "--format", "json"],
    ["explain", "review-request"],
    ["explain", "review-request", "--outcome-date", "2026-11-03", "--today", "2026-11-21"],
    *(["deadlines", "--example", "--format", name] for name in ("table", "json", "csv", "ics")),
    *(["route", "--example", "--format", name] for name in ("table", "json", "markdown", "ics")),
    ["batch", CASELOAD, "--today", "2026-11-21"],
    ["batch", CASELOAD, "--today", "2026-11-21", "--format", "jsonl"],
    ["batch", CASELOAD, "--today", "2026-11-21", "--format", "ics"],
    ["letter", "mp", "--outcome-date", "2026-11-03"],
    ["letter", "review-request", "--outcome-date", "2026-11-03", "--format", "markdown"],
    ["timeline", "--incident-date", "2026-01-10", "--complaint-date", "2026-02-01", "--outcome-date", "2026-11-03"],
    ["schema", "deadlines"],
]


def environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("FORCE_COLOR", "ESCALATE_DEBUG")}
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "PYTHONUNBUFFERED": ""}, **extra)
    return env


def shell(script: str, **extra: str) -> subprocess.CompletedProcess[bytes]:
    """Run a bash script in which "$@" is the escalate command."""
    return subprocess.run(
        ["bash", "-c", script, "escalate", *ESCALATE],
        capture_output=True,
        env=environment(**extra),
        check=False,
        timeout=120,
    )


def _id(args: list[str]) -> str:
    return " ".join(Path(arg).name if "/" in arg else arg for arg in args)


@pytest.mark.parametrize("args", EVERY_OUTPUT, ids=_id)
def test_a_closed_reader_is_a_normal_end(args):
    """`escalate ... | head -1` where the reader has gone before the first write: exit 0, nothing on stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before escalate writes a byte
    try:
        done = subprocess.run(
            [*ESCALATE, *args], stdout=write_end, stderr=subprocess.PIPE, env=environment(), check=False, timeout=120
        )
    finally:
        os.close(write_end)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"error" not in done.stderr
    assert b"BrokenPipe" not in done.stderr


@pytest.mark.parametrize("args", [["rules"], ["deadlines", "--example"], ["--help"]], ids=_id)
def test_head_one_through_a_shell(args):
    """The same, as a person types it: the reader leaves after the first line, whenever that is."""
    command = " ".join(f"'{arg}'" for arg in args)
    done = shell(f'"$@" {command} | head -1 >/dev/null; echo "status=${{PIPESTATUS[0]}}" >&2')
    assert done.stderr.decode().strip().splitlines()[-1] == "status=0", done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["rules"],
        ["rules", "--format", "json"],
        ["deadlines", "--example"],
        ["deadlines", "--example", "--format", "json"],
        ["deadlines", "--example", "--format", "ics"],
        ["route", "--example", "--format", "markdown"],
        ["batch", CASELOAD, "--today", "2026-11-21"],
        ["letter", "mp", "--outcome-date", "2026-11-03"],
        ["timeline", "--incident-date", "2026-01-10", "--outcome-date", "2026-11-03"],
        ["schema", "route"],
        ["--help"],
    ],
    ids=_id,
)
def test_a_full_disk_is_an_output_error(args):
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            [*ESCALATE, *args], stdout=full, stderr=subprocess.PIPE, env=environment(), check=False, timeout=120
        )
    assert done.returncode == 4, done.stderr
    assert done.stderr.decode().splitlines()[-1] == (
        "escalate: error: cannot write to standard output: no space left on device"
    )
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["deadlines", "--example"], ["rules", "--format", "json"], ["--version"]], ids=_id)
def test_a_closed_standard_output_is_an_output_error(args):
    command = " ".join(f"'{arg}'" for arg in args)
    done = shell(f'"$@" {command} >&-')
    assert done.returncode == 4, done.stderr
    assert done.stderr.decode().splitlines()[-1] == "escalate: error: cannot write to standard output: it is closed"


def test_a_closed_standard_output_does_not_stop_a_batch_to_a_file(tmp_path):
    target = tmp_path / "out.csv"
    done = shell(f'"$@" batch "{CASELOAD}" --today 2026-11-21 -o "{target}" >&-')
    assert done.returncode == 0, done.stderr
    assert len(target.read_text(encoding="utf-8").splitlines()) == len(Path(CASELOAD).read_text().splitlines())


def test_batch_still_writes_with_standard_error_closed():
    done = shell(f'"$@" batch "{CASELOAD}" --today 2026-11-21 2>&-')
    assert done.returncode == 0
    rows = done.stdout.decode("utf-8").splitlines()
    assert len(rows) == len(Path(CASELOAD).read_text(encoding="utf-8").splitlines())
    assert rows[0].startswith("Case ref,")


def test_an_error_with_standard_error_closed_keeps_its_exit_code():
    done = shell('"$@" deadlines --outcome-date 31/02/2026 2>&-')
    assert (done.returncode, done.stdout) == (2, b"")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["batch", "-"], "escalate: error: FILE: '-' reads standard input, which is closed"),
        (
            ["route", "--ask"],
            "escalate: error: --ask: standard input is closed, so nothing can be asked (give the facts as options)",
        ),
    ],
    ids=_id,
)
def test_a_closed_standard_input_is_an_input_error(args, message):
    command = " ".join(f"'{arg}'" for arg in args)
    done = shell(f'"$@" {command} <&-')
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode().strip() == message
    assert done.stdout == b""


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "args",
    [
        ["deadlines", "--example"],
        ["deadlines", "--help"],
        ["--help"],
        ["route", "--example"],
        ["route", "--example", "--format", "markdown"],
        ["rules"],
        ["explain", "review-request"],
        ["deadlines", "--outcome-date", "31/02/2026"],
    ],
    ids=_id,
)
def test_a_terminal_without_unicode_gets_ascii(encoding, args):
    done = subprocess.run(
        [*ESCALATE, *args], capture_output=True, env=environment(PYTHONIOENCODING=encoding), check=False, timeout=120
    )
    assert done.returncode in (0, 2), done.stderr
    assert b"Traceback" not in done.stderr
    assert b"internal error" not in done.stderr
    text = done.stdout.decode(encoding)  # every byte is one the terminal can show
    done.stderr.decode(encoding)
    if args == ["deadlines", "--example"]:
        dot = "·" if encoding == "latin-1" else "-"  # Latin-1 has the middle dot; ASCII gets a hyphen
        assert f"Saturday 21 November 2026 {dot} 2020 complaint rules" in text


def test_ascii_fallback_spells_the_nearest_ascii():
    assert "a · b – c ’d’ é … £5 → ✓ │".encode("ascii", "escalate-ascii") == b"a - b - c 'd' e ... GBP 5 -> v +"
    assert "·".encode("latin-1", "escalate-ascii") == "·".encode("latin-1")  # Latin-1 has it
    assert ascii_fallback(UnicodeEncodeError("ascii", "\u4e2d", 0, 1, "x")) == ("?", 1)
    with pytest.raises(UnicodeDecodeError):
        b"\xff".decode("ascii", "escalate-ascii")


def test_force_colour_through_a_pipe():
    forced = subprocess.run(
        [*ESCALATE, "deadlines", "--example"],
        capture_output=True,
        env={**environment(FORCE_COLOR="1"), "NO_COLOR": ""},
        check=False,
        timeout=120,
    )
    assert forced.returncode == 0
    assert b"\x1b[" in forced.stdout
    plain = subprocess.run(
        [*ESCALATE, "deadlines", "--example"], capture_output=True, env=environment(), check=False, timeout=120
    )
    assert b"\x1b[" not in plain.stdout
    no_colour_wins = subprocess.run(
        [*ESCALATE, "deadlines", "--example"],
        capture_output=True,
        env=environment(FORCE_COLOR="1", NO_COLOR="1"),
        check=False,
        timeout=120,
    )
    assert b"\x1b[" not in no_colour_wins.stdout


def test_guarded_stdout_names_its_errors(monkeypatch):
    """In-process, on descriptors of its own: a full disk is a StdoutError, a closed reader a BrokenPipeError
    that is remembered (typer exits before escalate sees it)."""
    from escalate.cli import streams

    monkeypatch.setattr(streams._GuardedStdout, "broken_pipe", False)
    full = os.open("/dev/full", os.O_WRONLY)
    try:
        with pytest.raises(streams.StdoutError) as raised, streams._GuardedStdout(full, "w", closefd=False) as out:
            out.write(b"x")
        assert raised.value.errno == 28
    finally:
        os.close(full)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        with pytest.raises(BrokenPipeError), streams._GuardedStdout(write_end, "w", closefd=False) as out:
            out.write(b"x")
        assert streams.pipe_was_broken()
    finally:
        os.close(write_end)
    with streams._GuardedStdout(os.open(os.devnull, os.O_WRONLY), "w") as out:
        assert out.write(b"xyz") == 3
