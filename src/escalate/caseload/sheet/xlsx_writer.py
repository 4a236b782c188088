"""An Excel workbook (.xlsx) written with the standard library: SpreadsheetML parts in a zip, each sheet
streamed into it row by row (``ZipFile.open(name, "w")``), so that memory does not grow with the rows.

Cells: text as inline strings (``t="inlineStr"``: always text, never a formula, even when it starts with '=';
no shared-strings table to hold in memory), numbers as numbers, TRUE and FALSE as booleans, dates as serials
of the 1900 date system with a ``dd/mm/yyyy`` format (a date and time with ``dd/mm/yyyy hh:mm``), and a style
where one is asked for (bold, wrapped, a fill). The same rows give the same bytes: the zip's dates are fixed
and nothing in the file says when it was made.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import IO, Any

from escalate.caseload.options import BatchOutputError
from escalate.caseload.sheet.serial import date_serial, datetime_serial

MAX_CELL = 32767
"""The most characters an Excel cell holds."""

ILLEGAL = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
"""Characters XML 1.0 does not allow, so no sheet can hold: control characters other than tab and line breaks,
lone surrogates, and U+FFFE and U+FFFF. Each is written as U+FFFD (the replacement character). A pattern,
compiled when first used (re's cache): most text is printable and never needs it."""

DATE_FORMAT = "dd/mm/yyyy"
"""How date cells are shown: the UK way."""
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"

PLAIN, BOLD, DATE, DATETIME, WRAPPED = range(5)
"""The styles every workbook written here has (indexes of ``cellXfs``); fills follow, from ``FILLED``."""
FILLED = 5

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_FLUSH = 200
"""Rows gathered before they go to the compressor together."""


def column_letters(index: int) -> str:
    """A column's letters from its number (1 is A, 27 is AA)."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_LOOKS_ESCAPED = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
"""The underscore of text that reads as an escaped character (ECMA-376 part 1, 22.9.2.19, ST_Xstring:
"_x0041_" is "A" to Excel): written as "_x005F_", the escape of an underscore, so the text shows as it came."""


def clean_text(text: str) -> str:
    """Text as a cell can hold it: cut to ``MAX_CELL`` characters, each character XML forbids as U+FFFD."""
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL]
    if not text.isprintable() and re.search(ILLEGAL, text):
        text = re.sub(ILLEGAL, "\ufffd", text)
    return text


def _escaped(text: str) -> str:
    """Text for an XML element: &, < and > escaped, and a carriage return kept as one (a parser reads a bare
    one as a line feed)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _attribute(text: str) -> str:
    """Text for an XML attribute's value in double quotes."""
    return _escaped(clean_text(text)).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _text_cell(ref: str, text: str, style: int | None) -> str:
    styled = f' s="{style}"' if style else ""
    if not text:
        return f'<c r="{ref}"{styled}/>' if style else ""
    text = clean_text(text)
    if "_x" in text:
        text = _LOOKS_ESCAPED.sub("_x005F_", text)
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    return f'<c r="{ref}"{styled} t="inlineStr"><is><t{space}>{_escaped(text)}</t></is></c>'


def _int_cell(ref: str, value: int) -> str:
    if -(2**1023) < value < 2**1023:
        return f'<c r="{ref}"><v>{value}</v></c>'
    return _text_cell(ref, str(value), None)  # beyond the numbers a cell holds: its digits, as text


def _float_cell(ref: str, value: float) -> str:
    if math.isnan(value) or math.isinf(value):
        return ""  # no cell holds them: an empty cell, as openpyxl wrote them
    return f'<c r="{ref}"><v>{value!r}</v></c>'


def _date_cell(ref: str, value: date) -> str:
    return f'<c r="{ref}" s="{DATE}"><v>{date_serial(value)}</v></c>'


def _datetime_cell(ref: str, value: datetime) -> str:
    if value.time() == time():
        return _date_cell(ref, value.date())
    return f'<c r="{ref}" s="{DATETIME}"><v>{datetime_serial(value)!r}</v></c>'


def _other_cell(ref: str, value: Any, style: int | None) -> str:
    """A value of a type not written above: a subclass of one of those types as that type (an enum of text as
    its text); anything else (a time, a duration) as its text."""
    if isinstance(value, str):
        return _text_cell(ref, str.__str__(value), style)
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return _int_cell(ref, int(value))
    if isinstance(value, float):
        return _float_cell(ref, float(value))
    if isinstance(value, datetime):
        return _datetime_cell(ref, value)
    if isinstance(value, date):
        return _date_cell(ref, value)
    return _text_cell(ref, str(value), style)


class Sheet:
    """A sheet being written: rows go to the zip member as they come (in groups of ``_FLUSH``)."""

    def __init__(self, stream: IO[bytes], frozen: int, widths: Sequence[float], selected: bool) -> None:
        self.stream = stream
        self.rows = 0
        self.size = 0  # the bytes of the sheet's XML so far
        self._pending: list[str] = []
        self._letters: list[str] = []
        view = '<sheetView tabSelected="1" workbookViewId="0">' if selected else '<sheetView workbookViewId="0">'
        if frozen:
            below = f"A{frozen + 1}"
            view += (
                f'<pane ySplit="{frozen}" topLeftCell="{below}" activePane="bottomLeft" state="frozen"/>'
                f'<selection pane="bottomLeft" activeCell="{below}" sqref="{below}"/>'
            )
        cols = "".join(
            f'<col min="{index}" max="{index}" width="{width:g}" customWidth="1"/>'
            for index, width in enumerate(widths, start=1)
        )
        head = (
            f'{_DECLARATION}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}">'
            f'<sheetViews>{view}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "")
            + "<sheetData>"
        )
        stream.write(head.encode())

    def letters(self, width: int) -> list[str]:
        """The letters of the first ``width`` columns."""
        while len(self._letters) < width:
            self._letters.append(column_letters(len(self._letters) + 1))
        return self._letters

    def row(self, values: Sequence[Any], styles: Mapping[int, int] | None = None) -> None:
        """A row of values, by column (None: no cell). ``styles``: the style of some columns' text, by index.
        Text is text; an int, a float or a bool a number or a boolean; a date or a datetime a date cell;
        anything else its ``str``."""
        self.rows += 1
        number = str(self.rows)
        letters = self.letters(len(values))
        cells: list[str] = []
        add = cells.append
        for index, value in enumerate(values):
            if value is None:
                continue
            ref = letters[index] + number
            kind = type(value)
            if kind is str:
                add(_text_cell(ref, value, styles.get(index) if styles else None))
            elif kind is int:
                add(_int_cell(ref, value))
            elif kind is float:
                add(_float_cell(ref, value))
            elif kind is bool:
                add(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif kind is date:
                add(_date_cell(ref, value))
            elif kind is datetime:
                add(_datetime_cell(ref, value))
            else:
                add(_other_cell(ref, value, styles.get(index) if styles else None))
        self._pending.append(f'<row r="{number}">{"".join(cells)}</row>' if cells else f'<row r="{number}"/>')
        if len(self._pending) >= _FLUSH:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            data = "".join(self._pending).encode("utf-8")
            self._pending.clear()
            self.size += len(data)
            if self.size > zipfile.ZIP64_LIMIT:  # zipfile would refuse it only at the end, as it closes
                raise BatchOutputError(
                    "the sheet is too big for a workbook (over 2 GiB before compression): write CSV instead "
                    "(-o FILE.csv)"
                )
            self.stream.write(data)

    def close(self, filtered: str | None) -> None:
        """The end of the sheet, with an auto filter over ``filtered`` (a range, A2:F9) if given."""
        self.flush()
        tail = "</sheetData>"
        if filtered:
            tail += f'<autoFilter ref="{filtered}"/>'
        tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
        self.stream.write(tail.encode())
        self.stream.close()


class Workbook:
    """An .xlsx being written to ``target``: its sheets (named at the start) written one after the other with
    ``sheet``, then ``close``. ``fills`` are the colours (RRGGBB) of the styles from ``FILLED`` on."""

    def __init__(self, target: IO[bytes], names: Sequence[str], fills: Sequence[str], level: int = 6) -> None:
        self.names = list(names)
        self.zip = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level)
        self.filters: dict[int, str] = {}
        self._next = 0
        self._open: Sheet | None = None
        count = len(self.names)
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>'
            for i in range(1, count + 1)
        )
        self._part(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{sheets}"
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/app.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            "</Types>",
        )
        self._part(
            "_rels/.rels",
            f'<Relationships xmlns="{_PACKAGE_RELS}">'
            f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{_RELS}/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>",
        )
        self._part(
            "docProps/app.xml",
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>escalate</Application></Properties>",
        )
        relations = "".join(
            f'<Relationship Id="rId{i}" Type="{_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, count + 1)
        )
        self._part(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{_PACKAGE_RELS}">{relations}'
            f'<Relationship Id="rId{count + 1}" Type="{_RELS}/styles" Target="styles.xml"/></Relationships>',
        )
        self._part("xl/styles.xml", _styles(fills))

    def _part(self, name: str, xml: str) -> None:
        self.zip.writestr(_member(name), (_DECLARATION + xml).encode())

    def sheet(self, frozen: int, widths: Sequence[float]) -> Sheet:
        """The next sheet, its first ``frozen`` rows kept in view as it scrolls, its columns ``widths`` wide
        (in characters). The sheet before it must be closed."""
        assert self._open is None or self._open.stream.closed, "one sheet at a time"
        self._next += 1
        stream = self.zip.open(_member(f"xl/worksheets/sheet{self._next}.xml"), "w")
        self._open = Sheet(stream, frozen, widths, selected=self._next == 1)
        return self._open

    def close(self) -> None:
        """The workbook part (the sheets' names, and each auto filter's range as Excel names it), and the zip's
        directory. ``filters``: each sheet's filtered range, by index from 0."""
        sheets = "".join(
            f'<sheet name="{_attribute(name)}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(self.names, 1)
        )
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
            f"{_escaped(_absolute(self.names[index], ref))}</definedName>"
            for index, ref in sorted(self.filters.items())
        )
        self._part(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><workbookPr/>'
            f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{sheets}</sheets>'
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + "</workbook>",
        )
        self.zip.close()


def _member(name: str) -> zipfile.ZipInfo:
    """A zip member with a fixed date (the same rows give the same bytes), compressed, readable by its owner."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _absolute(sheet: str, ref: str) -> str:
    """A range as a defined name holds it: 'Caseload'!$A$2:$F$9."""
    first, _, last = ref.partition(":")
    split = []
    for part in (first, last or first):
        letters = part.rstrip("0123456789")
        split.append(f"${letters}${part[len(letters) :]}")
    return "'" + sheet.replace("'", "''") + "'!" + ":".join(split)


def _styles(fills: Sequence[str]) -> str:
    """The stylesheet: two number formats (a date, a date and time), a plain and a bold font, the fills, and
    the cell styles PLAIN, BOLD, DATE, DATETIME, WRAPPED and one for each fill."""
    font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
    fill_parts = "".join(
        f'<fill><patternFill patternType="solid"><fgColor rgb="FF{colour}"/><bgColor indexed="64"/></patternFill></fill>'
        for colour in fills
    )
    base = 'fontId="0" fillId="0" borderId="0" xfId="0"'
    xfs = [
        f'<xf numFmtId="0" {base}/>',
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
        f'<xf numFmtId="164" {base} applyNumberFormat="1"/>',
        f'<xf numFmtId="165" {base} applyNumberFormat="1"/>',
        f'<xf numFmtId="0" {base} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
    ]
    xfs += [
        f'<xf numFmtId="0" fontId="0" fillId="{2 + i}" borderId="0" xfId="0" applyFill="1"/>' for i in range(len(fills))
    ]
    return (
        f'<styleSheet xmlns="{_MAIN}">'
        f'<numFmts count="2"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/>'
        f'<numFmt numFmtId="165" formatCode="{DATETIME_FORMAT}"/></numFmts>'
        f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
        f'<fills count="{2 + len(fills)}"><fill><patternFill patternType="none"/></fill>'
        f'<fill><patternFill patternType="gray125"/></fill>{fill_parts}</fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
