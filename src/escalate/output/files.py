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
from typing import TextIO

from escalate.errors import OutputError


@contextlib.contextmanager
def atomic_file(path: str, *, errors: str = "strict") -> Iterator[TextIO]:
    """A text stream (UTF-8, no newline translation) that becomes the file ``path`` when the block ends without
    an exception; on failure the temporary file is removed and the destination is left as it was. A file that
    cannot be written is an OutputError naming it."""
    destination = Path(path)
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=destination.parent, prefix=f".{destination.name}.", suffix=".part", text=True
        )
    except OSError as error:
        raise OutputError(f"cannot write '{path}': {error.strerror or error}") from None
    done = False
    try:
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
