"""An Excel workbook (.xlsx) read with the standard library: its sheets found through the workbook and its
relationships, each sheet's rows streamed from the zip with ``iterparse`` (each row dropped once read, so the
memory used does not grow with the rows).

What a row is: a tuple of the values of its cells, by column, None in a gap, as openpyxl 3.1's read-only reader
gives them with ``data_only`` (escalate read workbooks with it before; the tests keep it as the oracle):

- a shared or inline string, rich text as its plain text (phonetic guides left out); a formula's saved value,
  never the formula; TRUE and FALSE as booleans; an error (#N/A) as its code;
- a number as an int, or a float when written with a point or an exponent;
- a number whose cell's style has a date or time format (the built-in 14-22 and 45-47, or a custom format with
  date letters outside quotes and brackets) as a datetime (a time for a serial below 1, a duration for an
  elapsed-time format such as [h]:mm), in the workbook's date system (1900, or 1904); an ISO date cell
  (``t="d"``) as its date;
- a row missing from the file (nothing in it) as an empty row, so that row numbers hold.

Both the transitional namespaces and the Strict ones (ISO/IEC 29500 Strict, as Excel's "Strict Open XML"
saves) are read. Where openpyxl trusts the sheet's ``<dimension>`` and leaves out cells and rows beyond it (a
stale dimension from another program), every cell in the file is read instead.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError, fromstring, iterparse

from escalate.caseload.sheet.serial import (
    BUILTIN_FORMATS,
    MAC_EPOCH,
    WINDOWS_EPOCH,
    from_iso,
    from_serial,
    is_date_format,
    is_duration_format,
)

TRANSITIONAL = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class WorkbookError(ValueError):
    """The file is a zip, but not a workbook that can be read (a part missing or malformed)."""


class SheetError(ValueError):
    """A sheet's XML cannot be read (a damaged file): the sheet and why, in words."""


class SheetPart:
    """A sheet as the workbook lists it: its name, the zip member that holds it, and whether it is a chart
    (a chart sheet has no rows)."""

    __slots__ = ("chart", "name", "part")

    def __init__(self, name: str, part: str, chart: bool) -> None:
        self.name, self.part, self.chart = name, part, chart

    def __repr__(self) -> str:
        return f"SheetPart({self.name!r}, {self.part!r}, chart={self.chart})"


class Workbook:
    """An open workbook: its sheets (in the workbook's order), and each sheet's rows on demand."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        names = set(archive.namelist())
        workbook_part = _office_document(archive, names)
        root = fromstring(archive.read(workbook_part))
        namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
        if namespace not in (TRANSITIONAL, STRICT):
            raise WorkbookError(f"{workbook_part} is not a SpreadsheetML workbook")
        ns = "{" + namespace + "}"
        self.ns = ns
        properties = root.find(ns + "workbookPr")
        flag = properties.get("date1904") if properties is not None else None
        self.epoch = MAC_EPOCH if flag is not None and flag not in ("false", "f", "0") else WINDOWS_EPOCH
        relations = _relations(archive, workbook_part, names)
        self.sheets: list[SheetPart] = []
        for sheet in root.iterfind(f"{ns}sheets/{ns}sheet"):
            rel_id = next((value for key, value in sheet.attrib.items() if key.endswith("}id")), None)
            kind, target = relations.get(rel_id or "", ("", ""))
            if target in names:  # as openpyxl: a sheet whose part is missing is not listed
                self.sheets.append(SheetPart(sheet.get("name", ""), target, kind == "chartsheet"))
        by_kind = dict(relations.values())
        self.strings = _shared_strings(archive, by_kind.get("sharedStrings"), names, ns)
        self.dates, self.durations = _date_styles(archive, by_kind.get("styles", "xl/styles.xml"), names, ns)

    @property
    def worksheets(self) -> list[SheetPart]:
        """The sheets with rows (chart sheets left out)."""
        return [sheet for sheet in self.sheets if not sheet.chart]

    def rows(self, sheet: SheetPart) -> Iterator[tuple[Any, ...]]:
        """The rows of a sheet, first to last (a row missing from the file is an empty tuple). Raises
        SheetError for XML that cannot be read."""
        try:
            yield from _rows(self.archive.open(sheet.part), self)
        except SheetError as error:
            raise SheetError(f"the sheet '{sheet.name}' is damaged: {error}") from None
        except UNREADABLE as error:
            raise SheetError(f"the sheet '{sheet.name}' is damaged ({error})") from None

    def merged_ranges(self, sheet: SheetPart) -> list[tuple[int, int, int, int]]:
        """The merged ranges of a sheet (min column, min row, max column, max row), sorted. They come after the
        rows in the file, so the sheet's XML is scanned for them first, in pieces."""
        found: set[tuple[int, int, int, int]] = set()
        with self.archive.open(sheet.part) as source:
            tail = b""
            while chunk := source.read(1 << 20):
                text = tail + chunk
                for match in re.finditer(_MERGE, text):
                    first, top, last, bottom = match.groups()
                    found.add((column_index(first.decode()), int(top), column_index(last.decode()), int(bottom)))
                tail = text[-200:]  # a range cut in two by the piece's end is found whole next time
        return sorted(found)

    def close(self) -> None:
        self.archive.close()


UNREADABLE = (zipfile.BadZipFile, zlib.error, KeyError, ValueError, ParseError, OSError, EOFError, NotImplementedError)
"""What reading a file that is not a workbook, or a damaged one, raises: not a zip, a member missing or
compressed in a way zipfile does not read, XML that is not well formed, a value that is not what its type says."""

_MERGE = rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"'


def open_workbook(source: str | IO[bytes]) -> Workbook:
    """A workbook from a path or a binary file. Raises OSError for a file that cannot be opened, and
    zipfile.BadZipFile, KeyError, ParseError or WorkbookError for one that is not a workbook."""
    archive = zipfile.ZipFile(source)
    try:
        return Workbook(archive)
    except BaseException:
        archive.close()
        raise


# --- the package: where each part is --------------------------------------------------------------------


def _office_document(archive: zipfile.ZipFile, names: set[str]) -> str:
    """The workbook's part, from the package's relationships (``xl/workbook.xml`` where they do not say)."""
    if "_rels/.rels" in names:
        for rel in fromstring(archive.read("_rels/.rels")).iter(_PACKAGE_RELS + "Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                target = rel.get("Target", "").lstrip("/")
                if target in names:
                    return target
    if "xl/workbook.xml" in names:
        return "xl/workbook.xml"
    raise WorkbookError("the file has no workbook part")


def _relations(archive: zipfile.ZipFile, part: str, names: set[str]) -> dict[str, tuple[str, str]]:
    """A part's relationships: each id's kind (the last word of its type: worksheet, styles...) and its
    target, as a zip member name (a relative target is relative to the part's folder)."""
    folder, file = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", file + ".rels")
    found: dict[str, tuple[str, str]] = {}
    if rels not in names:
        return found
    for rel in fromstring(archive.read(rels)).iter(_PACKAGE_RELS + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[rel.get("Id", "")] = (rel.get("Type", "").rpartition("/")[2], target)
    return found


def _shared_strings(archive: zipfile.ZipFile, part: str | None, names: set[str], ns: str) -> list[str]:
    """The shared strings table: each item's plain text (its text, or its runs' texts joined; phonetic runs
    left out), streamed. ``_x005F_`` (Excel's escape of an underscore) is undone as openpyxl undoes it."""
    strings: list[str] = []
    if part is None or part not in names:
        return strings
    item, text, run = ns + "si", ns + "t", ns + "r"
    with archive.open(part) as source:
        for _, element in iterparse(source):
            if element.tag == item:
                strings.append(_text_of(element, text, run).replace("x005F_", ""))
                element.clear()
    return strings


def _text_of(element: Element, text: str, run: str) -> str:
    """The plain text of a string item (``<si>`` or ``<is>``): its ``<t>``, then each run's ``<t>``."""
    parts = []
    for child in element:
        if child.tag == text:
            parts.append(child.text or "")
        elif child.tag == run:
            parts.append(child.findtext(text) or "")
    return "".join(parts)


def _date_styles(
    archive: zipfile.ZipFile, part: str, names: set[str], ns: str
) -> tuple[frozenset[int], frozenset[int]]:
    """The cell styles (indexes of ``cellXfs``) whose number format is a date or a time, and those of them
    that are durations."""
    if part not in names:
        return frozenset(), frozenset()
    root = fromstring(archive.read(part))
    custom = {_int(fmt.get("numFmtId")): fmt.get("formatCode", "") for fmt in root.iterfind(f"{ns}numFmts/{ns}numFmt")}
    dates: set[int] = set()
    durations: set[int] = set()
    for index, xf in enumerate(root.iterfind(f"{ns}cellXfs/{ns}xf")):
        number = _int(xf.get("numFmtId"))
        code = custom[number] if number in custom else BUILTIN_FORMATS.get(number)
        if is_date_format(code):
            dates.add(index)
        if is_duration_format(code):
            durations.add(index)
    return frozenset(dates), frozenset(durations)


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return -1


# --- a sheet's rows -------------------------------------------------------------------------------------

_COLUMNS: dict[str, int] = {}


def column_index(letters: str) -> int:
    """A column's number from its letters (A is 1, AA is 27)."""
    index = _COLUMNS.get(letters)
    if index is None:
        index = 0
        for letter in letters.upper():
            index = index * 26 + ord(letter) - 64
        _COLUMNS[letters] = index
    return index


_DIGITS = "0123456789"


def _rows(source: IO[bytes], book: Workbook) -> Iterator[tuple[Any, ...]]:
    ns = book.ns
    row_tag, cell_tag, data_tag, dimension_tag = ns + "row", ns + "c", ns + "sheetData", ns + "dimension"
    value_tag, inline_tag, text_tag, run_tag = ns + "v", ns + "is", ns + "t", ns + "r"
    strings, dates, durations, epoch = book.strings, book.dates, book.durations, book.epoch
    number = _number
    expected = 1  # the number of the next row
    width = last = 0  # the sheet's <dimension>: its columns (each row has as many values) and its last row
    held = 0  # empty rows after the dimension's last row, kept back until a row with something in it comes
    with source:
        events = iterparse(source, events=("start", "end"))
        sheet_data: Element | None = None
        for event, element in events:
            if event == "start":
                if element.tag == data_tag:
                    sheet_data = element
                continue
            if element.tag != row_tag:
                if element.tag == dimension_tag:
                    width, last = _dimension(element.get("ref", ""))
                continue
            at = element.get("r")
            number_of_row = int(float(at)) if at else expected
            missing = max(number_of_row - expected, 0)
            within = max(min(number_of_row - 1, last) - expected + 1, 0) if last else missing
            for _ in range(within):
                yield (None,) * width
            held += missing - within
            expected = max(expected, number_of_row + 1)  # a row out of order is kept, where it is
            values: list[Any] = []
            column = 0
            for cell in element:
                if cell.tag != cell_tag:
                    continue
                ref = cell.get("r")
                column = column_index(ref.rstrip(_DIGITS)) if ref else column + 1
                kind = cell.get("t")
                value: Any = None
                if kind == "inlineStr":
                    inline = cell.find(inline_tag)
                    if inline is not None:
                        value = _text_of(inline, text_tag, run_tag)
                        if "_x005F_" in value:  # an escaped underscore (ST_Xstring), as escalate writes one
                            value = value.replace("_x005F_", "_")
                else:
                    text = cell.findtext(value_tag)
                    if text:
                        if kind is None or kind == "n":
                            value = number(text, ref)
                            style = cell.get("s")
                            xf = int(style) if style else 0
                            if xf in dates:
                                value = _date(value, epoch, xf in durations)
                        elif kind == "s":
                            value = _shared(strings, text, ref)
                        elif kind == "b":
                            value = bool(int(text))
                        elif kind == "d":
                            value = _iso(text, ref)
                        else:  # str (a formula's text), e (an error code), or a type not in the standard
                            value = text
                index = column - 1
                if index == len(values):
                    values.append(value)
                elif index > len(values):
                    values.extend([None] * (index - len(values)))
                    values.append(value)
                elif index >= 0:
                    values[index] = value
            element.clear()
            if sheet_data is not None:
                sheet_data.clear()  # the rows read so far, so that memory does not grow with the rows
            if last and number_of_row > last and all(value is None for value in values):
                held += 1  # as openpyxl, which stops at the dimension's last row: empty rows after it are not
                continue  # rows of the table (a height, a format), unless a row with values comes after them
            for _ in range(held):
                yield (None,) * width
            held = 0
            if len(values) < width:
                values.extend([None] * (width - len(values)))
            yield tuple(values)


def _dimension(ref: str) -> tuple[int, int]:
    """The last column and the last row of a sheet's dimension (A1:F8 is 6 and 8); 0 and 0 when it says none."""
    last = ref.strip().rpartition(":")[2].upper()
    letters = last.rstrip(_DIGITS)
    digits = last[len(letters) :]
    if not letters or not digits.isdigit() or not letters.isalpha() or not letters.isascii():
        return 0, 0
    return column_index(letters), int(digits)


def _number(text: str, ref: str | None) -> int | float:
    try:
        return float(text) if "." in text or "E" in text or "e" in text else int(text)
    except ValueError:
        raise SheetError(f"cell {ref or '?'} should hold a number but holds {text[:40]!r}") from None


def _date(value: float, epoch: datetime, duration: bool) -> Any:
    try:
        return from_serial(value, epoch, duration)
    except (OverflowError, ValueError):
        return "#VALUE!"  # as openpyxl: a serial beyond the dates there are is an error cell


def _shared(strings: list[str], text: str, ref: str | None) -> str:
    try:
        return strings[int(text)]
    except (ValueError, IndexError):
        raise SheetError(f"cell {ref or '?'} points to a shared string that is not there ({text[:20]})") from None


def _iso(text: str, ref: str | None) -> Any:
    try:
        return from_iso(text)
    except ValueError:
        raise SheetError(f"cell {ref or '?'} should hold an ISO 8601 date but holds {text[:40]!r}") from None
