"""A large CSV caseload shared between two processes: this one works out the first half while a forked copy
works out the second, so that `escalate batch` uses two cores.

Where the second half starts has to be the start of a record, and a quoted cell can hold line breaks, so
that cannot be known without reading everything before it. The split is therefore a guess, checked: the
second process starts after the line break nearest the middle of the file, and this one reads the first half
exactly as a single process would. If its last record ends at that line break, the halves join up and the
second half's rows are appended, in order. If a quoted cell runs across it, the second process is stopped
and this one goes on alone, so the output is always what one process would write. ``tests/test_batch_fork.py``
checks that, byte for byte.

Used only where it is safe and pays: a regular file of at least ``MIN_BYTES``, CSV in and out, an encoding in
which a line break is always the byte 0x0A or 0x0D, a system with ``fork``, two usable cores, and no other
thread in this process (the progress bar refreshes without one).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TextIO

MIN_BYTES = 4 << 20
"""Inputs smaller than this (about 30,000 rows) are done in one process: forking would not pay."""

SPLITTABLE_ENCODINGS = frozenset({"utf-8", "ascii", "iso8859-1", "cp1252"})
"""Encodings (as ``codecs.lookup`` names them) in which a line break is always one byte that means nothing
else, so that a byte offset after one is a place to start reading."""

_BLOCK = 1 << 20
_COPY = 1 << 16
"""Characters copied at a time from the second half's output (little: this runs when memory is fullest)."""


class Split(NamedTuple):
    """Where the second process starts."""

    offset: int
    """The byte just after a line break near the middle of the file."""
    lines: int
    """The lines before it, as text mode counts them (ended by \\n, \\r\\n or \\r)."""


def find_split(path: str, codec: str) -> Split | None:
    """Where a second process could start on this file, or None where it should not be shared."""
    if (
        codec not in SPLITTABLE_ENCODINGS
        or not hasattr(os, "fork")
        or _cores() < 2
        or ("threading" in sys.modules and _other_threads())
    ):
        return None
    try:
        with Path(path).open("rb") as binary:
            info = os.fstat(binary.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size < MIN_BYTES:
                return None
            binary.seek(info.st_size // 2)
            found = binary.read(_BLOCK).find(b"\n")
            if found < 0:
                return None
            offset = info.st_size // 2 + found + 1
            if offset >= info.st_size:
                return None
            binary.seek(0)
            return Split(offset, _line_breaks(binary, offset))
    except OSError:
        return None


def _line_breaks(binary: io.BufferedReader, end: int) -> int:
    """The line breaks among the first ``end`` bytes: each \\n, \\r\\n or lone \\r once, as text mode with
    ``newline=''`` splits lines."""
    count = done = 0
    after_cr = False
    while done < end:
        block = binary.read(min(_BLOCK, end - done))
        if not block:  # pragma: no cover - the file shrank while it was being read
            break
        count += block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")
        if after_cr and block.startswith(b"\n"):
            count -= 1  # a \r\n across two blocks, counted once for each
        after_cr = block.endswith(b"\r")
        done += len(block)
    return count


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _other_threads() -> bool:
    import threading

    return threading.active_count() > 1


def open_at(path: str, offset: int, codec: str) -> TextIO:
    """The file's text from ``offset`` (just after a line break), read as ``batch_io.open_input`` reads it."""
    binary = Path(path).open("rb")  # noqa: SIM115 - closed with its text wrapper, by the caller
    binary.seek(offset)
    return io.TextIOWrapper(binary, encoding=codec, errors="surrogateescape", newline="")


Counts = tuple[int, int, int]
"""Rows, rows with errors, urgent deadlines."""


class Forked:
    """``work`` run in a forked copy of this process, writing to an unnamed temporary file (deleted when
    closed, so no case data is left behind); its counts come back through a pipe."""

    def __init__(self, work: Callable[[TextIO], Counts]) -> None:
        self._work = work
        self._pid: int | None = None
        self.output = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape", newline="")  # noqa: SIM115
        self._read, write = os.pipe()
        try:
            pid = os.fork()
        except BaseException:
            os.close(write)
            self.close()
            raise
        if pid == 0:  # pragma: no cover - the child; its work is checked through its output
            self._child(write)
        os.close(write)
        self._pid = pid

    def _child(self, write: int) -> None:  # pragma: no cover - runs in the child (see __init__)
        code = 1  # whatever goes wrong, the parent sees it in the exit status and does the work itself
        try:
            os.close(self._read)
            counts = self._work(self.output)
            self.output.flush()
            os.write(write, " ".join(map(str, counts)).encode())
            code = 0
        finally:
            os._exit(code)  # no traceback, no clean-up of the parent's open files

    def result(self) -> Counts | None:
        """Wait for the second process; its counts, or None if it failed (its work must then be done here)."""
        assert self._pid is not None, "result() once, and not after cancel()"
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        with os.fdopen(self._read, "rb", closefd=False) as pipe:
            data = pipe.read()
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        rows, errors, urgent = map(int, data.split())
        return rows, errors, urgent

    def copy_to(self, sink: TextIO) -> None:
        """Append the second half's output to ``sink``."""
        self.output.seek(0)
        shutil.copyfileobj(self.output, sink, _COPY)

    def cancel(self) -> None:
        """Stop the second process (its work is not needed)."""
        if self._pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = None

    def close(self) -> None:
        self.cancel()
        with contextlib.suppress(OSError):
            os.close(self._read)
        self.output.close()


def forked(work: Callable[[TextIO], Counts]) -> contextlib.closing[Forked]:
    """``Forked(work)``, stopped and cleaned up however the block ends. Raises OSError when the system
    cannot start another process."""
    return contextlib.closing(Forked(work))
