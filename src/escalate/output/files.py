"""Writing a document to a file: under a temporary name beside it, renamed into place when complete, so that an
interrupted or failed run never leaves half a file and a reader never sees one. UTF-8 always (a shell's ``>``
may not be: Windows PowerShell 5.1 writes UTF-16, which corrupts calendars and CSV files); readable by its owner
alone (0600), since a case's dates are personal data.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
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
    destination = Path(path)
    if destination.is_symlink():
        # Write through the link to the file it names: the link stays a link (os.replace would replace it).
        destination = destination.resolve()
    if destination.exists() and not destination.is_file():
        # /dev/null, a named pipe, a terminal: written in place. Renaming a file over it would replace the node
        # itself (as root, /dev/null for the whole machine).
        if destination.is_dir():
            raise OutputError(f"cannot write '{path}': it is a folder")
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
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=destination.parent, prefix=f".{destination.name}.", suffix=".part", text=not binary
        )
    except OSError as error:
        raise OutputError(f"cannot write '{path}': {error.strerror or error}") from None
    done = False
    try:
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
