"""Opening a caseload's input and output: format by extension, encodings, stdin, atomic output files."""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePath
from typing import Any, BinaryIO, TextIO

from escalate.caseload.options import (
    FORMAT_EXTENSIONS,
    BatchInputError,
    BatchOutputError,
)
from escalate.errors import OutputError
from escalate.output.files import atomic_binary_file, atomic_file
from escalate.output.formats import BatchFormat


def format_of(path: str | None, given: str | None, option: str) -> BatchFormat | None:
    """The format an option names, else the one a file's extension says; None when neither says (standard
    input or output). An unknown name is a BatchInputError, and so is an unknown extension of the input."""
    if given is not None:
        try:
            return BatchFormat(given.strip().lower())
        except ValueError:
            raise BatchInputError(f"{option}: '{given}' is not one of: csv, jsonl, xlsx") from None
    if path is None or path == "-":
        return None
    suffix = PurePath(path).suffix.lower()
    if suffix in FORMAT_EXTENSIONS:
        return FORMAT_EXTENSIONS[suffix]
    if option == "--format" or not suffix:
        return None  # no extension (a pipe such as <(cat x), /dev/stdin): the format is found from the first line
    hint = (
        " (save the spreadsheet as an Excel workbook, .xlsx, or as 'CSV UTF-8' first)"
        if suffix in (".xls", ".ods", ".numbers")
        else ""
    )
    raise BatchInputError(
        f"cannot tell the format of '{path}' from its extension; give {option} csv, jsonl or xlsx{hint}"
    )


@dataclass
class BatchInput:
    """An open caseload: its lines of text, and how far reading has gone through its bytes (for progress)."""

    lines: TextIO
    size: int | None
    """The size in bytes, for a regular file."""
    position: Callable[[], int | None]
    encoding: str = "utf-8"
    """The encoding read (as ``codecs`` names it)."""
    notes: list[str] = field(default_factory=list)
    """What standard error should say about how the input was read."""


HEAD_BYTES = 1 << 16
"""The first bytes looked at before reading (byte order marks, UTF-16, bytes that are not UTF-8)."""

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_BOM_REQUIRED = frozenset({"utf-16", "utf-32"})
_SCAN_BLOCK = 1 << 20


def text_encoding(encoding: str) -> str:
    """The ``codecs`` name of an encoding that reads bytes as text; a BatchInputError for a name Python does not
    know or a codec that is not a text encoding (rot13, base64, zlib, hex, uu, quopri)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise BatchInputError(
            f"--encoding: '{encoding}' is not an encoding Python knows (try utf-8 or cp1252)"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise BatchInputError(
            f"--encoding: '{encoding}' is not a text encoding (it turns bytes into other bytes); give the file's "
            "text encoding, such as utf-8 or cp1252"
        )
    return info.name


class _Replayed(io.RawIOBase):
    """A binary stream's first bytes (already read, to look at) and then the rest of it."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _first_bad_utf8(binary: BinaryIO, head: bytes, whole: bool) -> bytes | None:
    """The bytes around the first that is not UTF-8 (in ``head``, or in the whole of a regular file), or None."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    block = head
    try:
        while block:
            decoder.decode(block)
            if not whole:  # the head alone: a character cut off at its end is not an error
                return None
            block = binary.read(_SCAN_BLOCK)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        return bytes(error.object[max(0, error.start - 20) : error.start + 20])
    return None


def _not_utf8(sample: bytes) -> BatchInputError:
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        guess = "its encoding with --encoding"
    else:
        guess = "--encoding cp1252 (Windows-1252, as older Excel saves 'CSV')"
    return BatchInputError(f"the input is not UTF-8 text; give {guess}, or save it as 'CSV UTF-8'. Nothing was written")


@contextlib.contextmanager
def open_input(path: str, encoding: str | None, stdin: BinaryIO | None = None) -> Iterator[BatchInput]:
    """Open a caseload as text; ``-`` is standard input. ``encoding`` None is UTF-8, checked: input that is not
    (Windows-1252 from older Excel) stops with the ``--encoding`` to give, before anything is written (the whole
    of a regular file is checked; of standard input, its first 64 KiB, and later rows with such bytes carry an
    error). A UTF-8 byte order mark is skipped, and is followed whatever ``--encoding`` says. Bytes that are
    not valid text in a given encoding are kept (as lone surrogates) so that the row that holds them
    carries an error."""
    codec = text_encoding(encoding or "utf-8")
    if path == "-":
        binary: BinaryIO = stdin if stdin is not None else sys.stdin.buffer
        size = None
    else:
        try:
            binary = Path(path).open("rb")  # noqa: SIM115 - closed below, with its text wrapper
        except OSError as error:
            raise BatchInputError(f"cannot read '{path}': {error.strerror or error}") from None
        size = _regular_size(binary)
    notes: list[str] = []
    try:
        head = binary.read(HEAD_BYTES) or b""
        if head.startswith(_UTF8_BOM) and codec not in ("utf-8", "utf-8-sig"):
            notes.append(f"the input starts with a UTF-8 byte order mark, so it is read as UTF-8, not {encoding}")
            codec = "utf-8"
        elif codec in _BOM_REQUIRED and not head.startswith((*_UTF16_BOMS, b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
            raise BatchInputError(
                f"--encoding {encoding}: the input has no byte order mark, so its byte order is unknown; give "
                f"--encoding {codec}-le or {codec}-be"
            )
        elif codec.startswith(("utf-8", "ascii")) and not head.startswith(_UTF16_BOMS) and b"\x00" in head[:4096]:
            raise BatchInputError(
                "the input looks like UTF-16 text without a byte order mark; give --encoding utf-16-le (or "
                "utf-16-be), or save it as 'CSV UTF-8'"
            )
        if encoding is None and not head.startswith(_UTF16_BOMS):
            whole = size is not None and binary.seekable()
            bad = _first_bad_utf8(binary, head, whole)
            if bad is not None:
                raise _not_utf8(bad)
            if whole:
                binary.seek(len(head))
        if codec == "utf-8":
            codec = "utf-8-sig"
        # surrogateescape keeps a stray byte as it was; UTF-16 and UTF-32 cannot keep one, so it is U+FFFD.
        errors = "replace" if codec.startswith(("utf-16", "utf-32")) else "surrogateescape"
        text = io.TextIOWrapper(io.BufferedReader(_Replayed(head, binary)), encoding=codec, errors=errors, newline="")
    except BaseException:
        if path != "-":
            binary.close()
        raise
    try:
        read_as = codecs.lookup(codec).name
        yield BatchInput(text, size, partial(_tell, binary), "utf-8" if read_as == "utf-8-sig" else read_as, notes)
    finally:
        if path == "-":
            text.detach().detach()
        else:
            text.close()
            binary.close()


def _regular_size(binary: BinaryIO) -> int | None:
    try:
        info = os.fstat(binary.fileno())
    except (OSError, ValueError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _tell(binary: BinaryIO) -> int | None:
    try:
        return binary.tell()
    except (OSError, ValueError):
        return None


def is_regular(path: str) -> bool:
    """Whether a path names a regular file (which can be read twice), not a pipe or a device."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)  # noqa: PTH116
    except OSError:
        return False


def _destination(path: str) -> Path:
    """Where ``-o`` writes: through a symbolic link to its target; a BatchOutputError for a folder or an empty
    name."""
    if not path.strip():
        raise BatchOutputError("-o: give a file name (or - for standard output)")
    destination = Path(os.path.realpath(path))
    try:
        info = destination.stat()
    except FileNotFoundError:
        return destination
    except OSError as error:
        raise BatchOutputError(f"cannot write '{path}': {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise BatchOutputError(
            f"-o: '{path}' is a folder; give a file name, or leave out -o to write to standard output"
        )
    return destination


def check_output(path: str | None) -> None:
    """Refuse, before anything is read, an ``-o`` that cannot be written (a folder, no name: BatchOutputError)."""
    if path is not None and path != "-":
        _destination(path)


@contextlib.contextmanager
def open_output(path: str | None, stdout: TextIO | None = None, *, bom: bool = False) -> Iterator[TextIO]:
    """Where the result goes: standard output, or a file written under a temporary name beside it (through a
    symbolic link, beside its target) and renamed when done, so that an interrupted batch never leaves half a
    file. UTF-8 (anything that is not text is written as "?", never as raw bytes: the rows replace it with
    U+FFFD first); ``bom``: starting with a byte order mark, for Excel."""
    with _open_output(path, stdout) as stream:
        if bom:
            stream.write("\ufeff")
        yield stream


@contextlib.contextmanager
def _open_output(path: str | None, stdout: TextIO | None = None) -> Iterator[TextIO]:
    if path is None or path == "-":
        target = stdout if stdout is not None else sys.stdout
        buffer = getattr(target, "buffer", None)
        if buffer is None:  # a text stream without bytes underneath (tests, notebooks)
            yield target
            return
        target.flush()
        stream = io.TextIOWrapper(buffer, encoding="utf-8", errors="replace", newline="")
        try:
            yield stream
        finally:
            stream.flush()
            stream.detach()
        return
    _destination(path)
    try:
        with atomic_file(path, errors="replace") as file:
            yield file
    except OutputError as error:
        raise BatchOutputError(str(error)) from None


@contextlib.contextmanager
def open_binary_output(path: str | None, stdout: BinaryIO | None = None) -> Iterator[BinaryIO]:
    """``open_output`` for bytes (a Word file): standard output's bytes, or a file written atomically."""
    if path is None or path == "-":
        sys.stdout.flush()
        target = stdout if stdout is not None else getattr(sys.stdout, "buffer", None)
        if target is None:  # a text stream without bytes underneath (tests, notebooks)
            raise BatchOutputError("standard output takes no bytes here: give -o FILE")
        yield target
        return
    _destination(path)
    try:
        with atomic_binary_file(path) as file:
            yield file
    except OutputError as error:
        raise BatchOutputError(str(error)) from None


def same_file(one: str, other: str | None, stdin: BinaryIO | None = None) -> bool:
    """Whether the input (a path, or ``-``: standard input, which may be a file redirected in) and the output
    name one existing file (so that writing the output would replace the input)."""
    if other is None or other == "-" or not other.strip():
        return False
    try:
        target = os.stat(other)  # noqa: PTH116
        source = (
            os.fstat((stdin if stdin is not None else sys.stdin.buffer).fileno()) if one == "-" else os.stat(one)  # noqa: PTH116
        )
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False
    return (source.st_dev, source.st_ino) == (target.st_dev, target.st_ino)
