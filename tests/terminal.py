"""Run the real `escalate` command in pseudo-terminals of a given size, many at once (for the layout tests).

Each run gets a pty whose window size is set with TIOCSWINSZ before the command starts, so that escalate and
rich read the width as they would in a person's terminal; COLUMNS and LINES are removed from its environment.
"""

from __future__ import annotations

import fcntl
import os
import re
import selectors
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")


@dataclass(frozen=True)
class Screen:
    args: tuple[str, ...]
    columns: int
    code: int
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def run_in_terminals(
    runs: Sequence[tuple[Sequence[str], int]], env: Mapping[str, str] | None = None, timeout: float = 120
) -> list[Screen]:
    """Run ``escalate ARGS`` for each (args, columns), a few at a time, each in its own pty; what each shows.
    ``timeout`` is for each group of runs."""
    group = 2 * (os.cpu_count() or 2)
    screens: list[Screen] = []
    for start in range(0, len(runs), group):
        screens.extend(_run_group(runs[start : start + group], env, timeout))
    return screens


def _run_group(
    runs: Sequence[tuple[Sequence[str], int]], env: Mapping[str, str] | None, timeout: float
) -> list[Screen]:
    base = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES", "NO_COLOR")}
    base.update({"TERM": "xterm-256color", "NO_COLOR": "1"})
    base.update(env or {})
    started = []
    selector = selectors.DefaultSelector()
    for index, (args, columns) in enumerate(runs):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
        process = subprocess.Popen(
            [sys.executable, "-m", "escalate", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=base,
            close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        started.append((process, master, bytearray()))
        selector.register(master, selectors.EVENT_READ, index)
    deadline = time.monotonic() + timeout
    open_count = len(started)
    while open_count and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.5):
            _, master, buffer = started[key.data]
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed: Linux reports EIO
                chunk = b""
            if chunk:
                buffer.extend(chunk)
            else:
                selector.unregister(master)
                open_count -= 1
    screens = []
    for (process, master, buffer), (args, columns) in zip(started, runs, strict=True):
        try:
            code = process.wait(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            code = -9
        os.close(master)
        text = ANSI.sub("", buffer.decode("utf-8", "replace")).replace("\r\n", "\n")
        screens.append(Screen(tuple(args), columns, code, text))
    selector.close()
    return screens
