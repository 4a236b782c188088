"""Consoles and streams: a rich console made per call (NO_COLOR and the stream read when output is written),
bytes to a text stream, the batch progress bar.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO

from rich import box
from rich.console import Console

REFRESH_SECONDS = 0.1
"""How often the batch progress bar is drawn again, at most."""


FILE_WIDTH = 110
"""The width of text written to a file, or where no terminal is to be found (README, 'Any terminal width')."""


def _pipe_width(target: TextIO) -> int | None:
    """The width of the terminal in which output sent down a pipe is read (`escalate ... | less`, `| head`):
    the terminal on standard error or, where that is sent elsewhere (`2>/dev/null`), on standard input. None
    for a file, or with no terminal."""
    try:
        if not stat.S_ISFIFO(os.fstat(target.fileno()).st_mode):
            return None
    except (AttributeError, OSError, ValueError):  # (io.UnsupportedOperation is an OSError and a ValueError)
        return None
    for stream in (sys.stderr, sys.stdin):
        try:
            return os.get_terminal_size(stream.fileno()).columns or None
        except (AttributeError, OSError, ValueError):
            continue
    return None


def make_console(stream: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console for one piece of output: colour only on a terminal and never with NO_COLOR set;
    a readable fixed width when not writing to a terminal."""
    target = stream if stream is not None else (sys.stderr if stderr else sys.stdout)
    is_terminal = target.isatty() if hasattr(target, "isatty") else False
    width = None
    if not is_terminal:
        try:
            width = int(os.environ.get("COLUMNS", "")) or _pipe_width(target) or FILE_WIDTH
        except ValueError:
            width = _pipe_width(target) or FILE_WIDTH
    # FORCE_COLOR (https://force-color.org) asks for colour where there is no terminal (a pager, CI logs);
    # NO_COLOR (https://no-color.org) wins over it.
    forced = bool(os.environ.get("FORCE_COLOR")) and not os.environ.get("NO_COLOR")
    return Console(
        file=target,
        width=width,
        # A whole size, not only a width: rich would otherwise ask the terminals for their height at each line
        # (no layout of escalate's uses the height).
        height=None if width is None else 25,
        force_terminal=is_terminal or forced,  # explicit: rich would read FORCE_COLOR itself, over NO_COLOR
        # rich shows no colour on TERM=dumb; FORCE_COLOR says otherwise, so the basic 16 colours
        color_system="standard" if forced and os.environ.get("TERM", "") in ("dumb", "unknown") else "auto",
        no_color=bool(os.environ.get("NO_COLOR")) or not (is_terminal or forced),
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


def table_box(console: Console) -> box.Box:
    return box.ROUNDED if console.is_terminal and console.encoding.lower().startswith("utf") else box.ASCII2


def to_string(render: Callable[[TextIO], None]) -> str:
    """Run a renderer into a string (for tests and library users)."""
    buffer = io.StringIO()
    render(buffer)
    return buffer.getvalue()


@contextlib.contextmanager
def batch_progress(total_bytes: int | None, position: Callable[[], int | None]) -> Iterator[Callable[[int], None]]:
    """A progress bar on standard error for `escalate batch` (the caller shows it only on a terminal):
    bytes read out of the file's size where it has one, and the rows so far. It disappears when done."""
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    columns = (
        [TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeRemainingColumn()]
        if total_bytes
        else [TextColumn("{task.description}")]
    )
    # Refreshed as rows are done (auto_refresh off): no thread of its own beside the batch.
    with Progress(*columns, console=make_console(stderr=True), transient=True, auto_refresh=False) as progress:
        task = progress.add_task("escalate batch: 0 rows", total=total_bytes or None)

        shown = 0.0

        def update(rows: int) -> None:
            nonlocal shown
            progress.update(task, completed=position() or 0, description=f"escalate batch: {rows:,} rows")
            if (now := time.monotonic()) - shown >= REFRESH_SECONDS:
                shown = now
                progress.refresh()

        yield update
