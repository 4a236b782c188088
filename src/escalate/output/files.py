"""Writing a document to a file: under a temporary name beside it, renamed into place when complete, so that an
interrupted or failed run never leaves half a file and a reader never sees one. UTF-8 always (a shell's ``>``
may not be: Windows PowerShell 5.1 writes UTF-16, which corrupts calendars and CSV files); readable by its owner
alone (0600), since a case's dates are personal data.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from escalate.errors import OutputError


@contextlib.contextmanager
def atomic_file(path: str, *, errors: str = "strict") -> Iterator[TextIO]:
    """A text stream (UTF-8, no newline translation) that becomes the file ``path`` when the block ends without
    an exception; on failure the temporary file is removed and the destination is left as it was. A file that
    cannot be written is an OutputError naming it."""
    with _atomic(path, binary=False, errors=errors) as stream:
        yield stream


@contextlib.contextmanager
def atomic_binary_file(path: str) -> Iterator[BinaryIO]:
    """``atomic_file`` for bytes (a Word file)."""
    with _atomic(path, binary=True) as stream:
        yield stream


@contextlib.contextmanager
def _atomic(path: str, *, binary: bool, errors: str = "strict") -> Iterator[Any]:
    """The file ``path`` written under a short temporary name beside it (``.escalate-XXXX.part``, so that a long
    valid name stays valid) and renamed when done: 0600 when new, the permissions of the file it replaces
    otherwise. Through a symbolic link, the link's target is written (the link stays a link); a device or a named
    pipe (``/dev/null``) is written in place, since renaming a file over it would replace the node itself (as
    root, /dev/null for the whole machine); a folder or an empty name is an OutputError."""
    if not path.strip():
        raise OutputError("-o: give a file name (or - for standard output)")
    destination = Path(os.path.realpath(path))
    if destination.is_dir():
        raise OutputError(f"cannot write '{path}': it is a folder")
    if destination.exists() and not destination.is_file():
        try:
            if binary:
                with destination.open("wb") as raw:
                    yield raw
            else:
                with destination.open("w", encoding="utf-8", errors=errors, newline="") as stream:
                    yield stream
        except OSError as error:
            raise OutputError(f"cannot write '{path}': {error.strerror or error}") from None
        return
    import tempfile  # here: not on the start-up path of a command that writes to standard output

    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=destination.parent, prefix=".escalate-", suffix=".part", text=not binary
        )
    except OSError as error:
        raise OutputError(f"cannot write '{path}': {error.strerror or error}") from None
    done = False
    try:
        with contextlib.suppress(OSError):
            os.chmod(temporary, stat.S_IMODE(destination.stat().st_mode))  # noqa: PTH101
        if binary:
            with open(descriptor, "wb") as raw:  # noqa: PTH123
                yield raw
        else:
            with open(descriptor, "w", encoding="utf-8", errors=errors, newline="") as stream:  # noqa: PTH123
                yield stream
        Path(temporary).replace(destination)
        done = True
    except OSError as error:
        raise OutputError(f"cannot write '{path}': {error.strerror or error}") from None
    finally:
        if not done:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


@contextlib.contextmanager
def output_stream(path: str | None) -> Iterator[TextIO]:
    """Where a command's document goes: standard output (``None`` or ``-``), else a file written atomically."""
    if path is None or path == "-":
        yield sys.stdout
        return
    with atomic_file(path) as stream:
        yield stream


def write_bytes(data: bytes, stream: TextIO) -> None:
    """Write bytes as they are (no newline translation) to a text stream's binary buffer where it has one."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8"))
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()
