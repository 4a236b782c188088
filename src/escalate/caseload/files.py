"""Opening a caseload's input and output: format by extension, encodings, stdin, atomic output files."""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePath
from typing import BinaryIO, TextIO

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
    if option == "--format":
        return None
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


@contextlib.contextmanager
def open_input(path: str, encoding: str, stdin: BinaryIO | None = None) -> Iterator[BatchInput]:
    """Open a caseload as text; ``-`` is standard input. A UTF-8 byte order mark is skipped. Bytes that are
    not valid text in ``encoding`` are kept (as lone surrogates), so that they pass through unchanged and
    the row that holds them carries an error."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise BatchInputError(
            f"--encoding: '{encoding}' is not an encoding Python knows (try utf-8 or cp1252)"
        ) from None
    if codecs.lookup(encoding).name == "utf-8":
        encoding = "utf-8-sig"
    if path == "-":
        binary: BinaryIO = stdin if stdin is not None else sys.stdin.buffer
        size = None
    else:
        try:
            binary = Path(path).open("rb")  # noqa: SIM115 - closed below, with its text wrapper
        except OSError as error:
            raise BatchInputError(f"cannot read '{path}': {error.strerror or error}") from None
        size = _regular_size(binary)
    text = io.TextIOWrapper(binary, encoding=encoding, errors="surrogateescape", newline="")
    try:
        yield BatchInput(text, size, partial(_tell, binary))
    finally:
        if path == "-":
            text.detach()
        else:
            text.close()


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


@contextlib.contextmanager
def open_output(path: str | None, stdout: TextIO | None = None, *, bom: bool = False) -> Iterator[TextIO]:
    """Where the result goes: standard output, or a file written under a temporary name and renamed when
    done, so that an interrupted batch never leaves half a file. UTF-8 (``bom``: starting with a byte order
    mark, for Excel); bytes that were not valid text in the input are written back as they were."""
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
        stream = io.TextIOWrapper(buffer, encoding="utf-8", errors="surrogateescape", newline="")
        try:
            yield stream
        finally:
            stream.flush()
            stream.detach()
        return
    try:
        with atomic_file(path, errors="surrogateescape") as file:
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
    try:
        with atomic_binary_file(path) as file:
            yield file
    except OutputError as error:
        raise BatchOutputError(str(error)) from None


def same_file(one: str, other: str | None) -> bool:
    """Whether two paths name one existing file (so that writing the output would replace the input)."""
    if other is None or "-" in (one, other):
        return False
    try:
        return Path(one).samefile(other)
    except OSError:
        return False
