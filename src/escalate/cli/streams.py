"""The process's standard streams, made safe before a command runs (the console script only; tests that call
``main`` bring their own streams).

- A descriptor closed by the caller (``>&-``, ``2>&-``, ``<&-``) is taken by /dev/null, opened so that it cannot
  be used the wrong way: standard output read-only, so that a write fails (exit 4) rather than vanish, and
  standard input write-only, so that a read fails; standard error writable, so that messages are dropped and the
  work still done. No file escalate opens can then land on descriptor 0, 1 or 2.
- Writing to standard output fails with :class:`StdoutError`, which names the stream, so that the error edge
  can tell a full disk or a closed descriptor (exit 4) from a bug (exit 1). A closed reader (``| head``) stays a
  ``BrokenPipeError``, and is remembered, since typer turns it into its own exit first.
- On a terminal or pipe whose encoding is not Unicode (``PYTHONIOENCODING=ascii``, Latin-1), characters it cannot
  show are written as their nearest ASCII ("·" as "-", "’" as "'"), never a crash.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from typing import Any

ERRORS = "escalate-ascii"
"""The name of the codec error handler that writes a character the stream cannot encode as ASCII."""

_ASCII = {
    "·": "-",
    "•": "*",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "‘": "'",
    "’": "'",
    "‚": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "…": "...",
    "→": "->",
    "←": "<-",
    "≤": "<=",
    "≥": ">=",
    "×": "x",
    "£": "GBP ",
    "€": "EUR ",
    "§": "s.",
    "©": "(c)",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "✘": "x",
    "⚠": "!",
}


def ascii_fallback(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: each character the encoding cannot hold becomes its nearest ASCII, or '?'."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(_nearest_ascii(character) for character in text), error.end


def _nearest_ascii(character: str) -> str:
    import unicodedata  # here: only a stream that is not Unicode needs it, and few are

    if character in _ASCII:
        return _ASCII[character]
    if unicodedata.category(character).startswith("S") and ord(character) >= 0x2500:  # box drawing, symbols
        return "+" if 0x2500 <= ord(character) < 0x2580 else "?"
    decomposed = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode("ascii")
    return decomposed or "?"


codecs.register_error(ERRORS, ascii_fallback)


class StdoutError(OSError):
    """Standard output cannot be written (a full disk, a closed descriptor): exit 4, like ``-o``."""


class _GuardedStdout(io.FileIO):
    """Descriptor 1, whose write errors say they are standard output's."""

    broken_pipe = False

    def write(self, data: Any) -> int:
        try:
            written = super().write(data)
        except BrokenPipeError:
            type(self).broken_pipe = True
            raise
        except OSError as error:
            raise StdoutError(error.errno, error.strerror) from None
        return written if written is not None else 0


class Streams:
    """What was found at the start (a plain class: a dataclass would take about a millisecond to define, at
    every start)."""

    __slots__ = ("prepared", "stderr_closed", "stdin_closed", "stdout_closed")

    def __init__(self) -> None:
        self.prepared = False
        """Whether these are the process's own streams (the console script), not a test's."""
        self.stdin_closed = False
        self.stdout_closed = False
        self.stderr_closed = False


STATE = Streams()


def _is_open(descriptor: int) -> bool:
    try:
        os.fstat(descriptor)
    except OSError:
        return False
    return True


def _occupy(descriptor: int, flags: int) -> None:
    """Put /dev/null on a closed descriptor (``os.open`` returns the lowest free one)."""
    opened = os.open(os.devnull, flags)
    if opened != descriptor:  # pragma: no cover - a lower descriptor was free too
        os.dup2(opened, descriptor)
        os.close(opened)


def _unicode(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "ascii").name.startswith("utf")
    except LookupError:
        return False


def prepare_streams() -> Streams:
    """Make the process's three streams safe for a command (see the module's docstring); returns what it found."""
    STATE.stdin_closed, STATE.stdout_closed, STATE.stderr_closed = (not _is_open(fd) for fd in (0, 1, 2))
    if STATE.stdin_closed:
        _occupy(0, os.O_WRONLY)
    if STATE.stdout_closed:
        _occupy(1, os.O_RDONLY)
    if STATE.stderr_closed:
        _occupy(2, os.O_WRONLY)
    current = sys.stdout
    buffer = getattr(current, "buffer", None)
    raw = getattr(buffer, "raw", buffer)  # PYTHONUNBUFFERED: the buffer is the raw file itself
    if current is None or type(raw) is io.FileIO:  # not the Windows console, whose own stream is kept
        encoding = getattr(current, "encoding", None) or "utf-8"
        if current is not None:
            current.flush()
        sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(_GuardedStdout(1, "w", closefd=False)),
            encoding=encoding,
            errors="strict" if _unicode(encoding) else ERRORS,
            line_buffering=bool(getattr(current, "line_buffering", False)),
            write_through=raw is buffer and buffer is not None,
        )
    elif isinstance(current, io.TextIOWrapper) and not _unicode(current.encoding):  # pragma: no cover - Windows
        current.reconfigure(errors=ERRORS)
    if sys.stdin is None:
        sys.stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)), encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = io.TextIOWrapper(
            io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace", write_through=True
        )
    elif isinstance(sys.stderr, io.TextIOWrapper) and not _unicode(sys.stderr.encoding):
        sys.stderr.reconfigure(errors=ERRORS)
    STATE.prepared = True
    return STATE


def pipe_was_broken() -> bool:
    """Whether a write to standard output found its reader gone."""
    return _GuardedStdout.broken_pipe


def silence_stdout() -> None:
    """After a closed reader: /dev/null under descriptor 1, so that the flush at exit finds nowhere to fail.
    Only for the process's own streams."""
    if not STATE.prepared:
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
