"""escalate's own .xlsx reader (escalate.caseload.sheet.xlsx_reader) against openpyxl 3.1's read-only reader with
``data_only``, which escalate used before (issue 17) and which stays here as the oracle: the same values, row for
row, for workbooks openpyxl writes (every cell type, dates in many formats, the 1904 date system, formulas with
saved values, gaps) and for parts written by hand the way Excel and LibreOffice write them (shared strings with
rich text and phonetic runs, cells and rows without a reference, the Strict namespace)."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from escalate.caseload.options import BatchInputError
from escalate.caseload.sheet.read import open_sheet
from escalate.caseload.sheet.serial import from_iso, from_serial, is_date_format, is_duration_format
from escalate.caseload.sheet.xlsx_reader import STRICT, TRANSITIONAL, column_index, open_workbook

TODAY = ("--today", "2026-12-01")


def oracle(source: Path | bytes, sheet: str | None = None) -> list[tuple[Any, ...]]:
    """The rows as openpyxl's read-only reader gives them (data_only: a formula's saved value). Its warnings
    about what a hand-written workbook leaves out (a default style) are not the test's business."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(
            io.BytesIO(source) if isinstance(source, bytes) else source, read_only=True, data_only=True
        )
        try:
            ws = book[sheet] if sheet is not None else book.worksheets[0]
            return [tuple(row) for row in ws.iter_rows(values_only=True)]
        finally:
            book.close()


def ours(source: Path | bytes, sheet: str | None = None) -> list[tuple[Any, ...]]:
    book = open_workbook(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    try:
        part = next(p for p in book.sheets if p.name == sheet) if sheet is not None else book.worksheets[0]
        return list(book.rows(part))
    finally:
        book.close()


def trimmed(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows without their trailing empty cells (a row's width is not part of what it holds)."""
    out = []
    for row in rows:
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        out.append(tuple(values))
    return out


def with_saved_values(data: bytes, values: dict[str, str]) -> bytes:
    """Give formula cells the values Excel saves beside them (openpyxl writes a formula without one)."""
    parts = _parts(data)
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in values.items():
        sheet, count = re.subn(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/?>(?:</v>)?', rf"\1\2<v>{value}</v>", sheet)
        assert count == 1, ref
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    return _zipped(parts)


def shared_strings_version(data: bytes) -> bytes:
    """The same workbook with its text in a shared strings table (as Excel writes it) instead of inline."""
    parts = _parts(data)
    table: dict[str, int] = {}

    def shared(match: re.Match[str]) -> str:
        text = match.group(2)
        index = table.setdefault(text, len(table))
        return f'{match.group(1)} t="s"><v>{index}</v></c>'

    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        parts[name] = re.sub(
            r'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is>(<t[^>]*>.*?</t>|<t/>)</is></c>',
            shared,
            parts[name].decode(),
            flags=re.S,
        ).encode()
    items = "".join(f"<si>{text}</si>" for text in table)
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{TRANSITIONAL}" count="{len(table)}">{items}</sst>'.encode()
    parts["[Content_Types].xml"] = (
        parts["[Content_Types].xml"]
        .decode()
        .replace(
            "</Types>",
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
        .encode()
    )
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ).encode()
    return _zipped(parts)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {name: book.read(name) for name in book.namelist()}


def _zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return out.getvalue()


def saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def by_hand(
    sheet_data: str,
    *,
    strings: str | None = None,
    styles: str = "",
    workbook_pr: str = "<workbookPr/>",
    namespace: str = TRANSITIONAL,
    dimension: str = "",
    sheets: str | None = None,
) -> bytes:
    """A workbook written by hand, part by part, as Excel and LibreOffice write them (shared strings, styles)."""
    strict = namespace == STRICT
    rel = (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
        if strict
        else "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    )
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    sheets = sheets or '<sheet name="Cases" sheetId="1" r:id="rId1"/>'
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{namespace}" xmlns:r="{rel}">{workbook_pr}<sheets>{sheets}</sheets>'
        "</workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{package}">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId4" Type="{rel}/chartsheet" Target="chartsheets/sheet1.xml"/>'
        f'<Relationship Id="rId5" Type="{rel}/worksheet" Target="/xl/worksheets/gone.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{namespace}">{dimension}<sheetData>{sheet_data}'
        "</sheetData></worksheet>",
        "xl/styles.xml": f'<styleSheet xmlns="{namespace}">{styles}</styleSheet>',
        "xl/chartsheets/sheet1.xml": f'<chartsheet xmlns="{namespace}"/>',
        "xl/chartsheets/_rels/sheet1.xml.rels": f'<Relationships xmlns="{package}"/>',
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{namespace}">{strings}</sst>'
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            "</Types>",
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
    return _zipped({name: text.encode() for name, text in parts.items()})


# --- workbooks openpyxl writes ---------------------------------------------------------------------------


def every_type() -> Workbook:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Cases"
    ws.append(["text", "int", "float", "bool", "date", "none", "big", "negative"])
    ws.append(["Zoë & co <x>", 3, 2.5, True, datetime(2026, 11, 3), None, 10**15, -7])
    ws.append(["  spaced  ", 0, 1e-7, False, datetime(2026, 11, 3, 14, 30), None, 1.5e300, -0.25])
    ws.append(["line\nbreak", "=SUM(1,2)", "#N/A", "'quoted", "=DATE(2026,11,3)", "+44 7700 900123", "@home", "-5"])
    ws["E4"].number_format = "dd/mm/yyyy"
    ws.cell(row=7, column=3, value="after a gap")
    ws.cell(row=7, column=9, value="beyond")
    return book


def test_every_cell_type_reads_as_openpyxl_reads_it() -> None:
    data = with_saved_values(saved(every_type()), {"B4": "3", "E4": "46329"})
    assert trimmed(ours(data)) == trimmed(oracle(data))
    rows = ours(data)
    assert rows[1][:8] == ("Zoë & co <x>", 3, 2.5, True, datetime(2026, 11, 3), None, 10**15, -7)
    assert rows[3][1] == 3 and rows[3][4] == datetime(2026, 11, 3)  # formulas: their saved values
    assert rows[3][2] == "#N/A" and rows[3][3] == "'quoted"  # an error code; text as it is
    assert rows[4] == rows[5] == (None,) * 9  # the rows between are there, empty (the dimension's width)
    assert rows[6][2] == "after a gap" and rows[6][8] == "beyond"


def test_the_same_workbook_with_shared_strings() -> None:
    data = shared_strings_version(with_saved_values(saved(every_type()), {"B4": "3", "E4": "46329"}))
    assert b't="s"' in _parts(data)["xl/worksheets/sheet1.xml"]
    assert trimmed(ours(data)) == trimmed(oracle(data))
    assert ours(data)[1][0] == "Zoë & co <x>" and ours(data)[2][0] == "  spaced  "


DATE_FORMATS = [
    # (number format, is it a date to openpyxl's is_date_format): ECMA-376 part 1, 18.8.30 and 18.8.31.
    ("mm-dd-yy", True),  # built-in 14
    ("d-mmm-yy", True),  # 15
    ("d-mmm", True),  # 16
    ("mmm-yy", True),  # 17
    ("h:mm AM/PM", True),  # 18
    ("h:mm:ss AM/PM", True),  # 19
    ("h:mm", True),  # 20
    ("h:mm:ss", True),  # 21
    ("m/d/yy h:mm", True),  # 22
    ("mm:ss", True),  # 45
    ("[h]:mm:ss", True),  # 46, a duration
    ("mmss.0", True),  # 47
    ("dd/mm/yyyy", True),
    ("yyyy-mm-dd", True),
    ("dddd d mmmm yyyy", True),
    ("[$-809]dd mmmm yyyy", True),  # a locale in brackets, then a date
    ("[mm]:ss", True),  # elapsed minutes: a duration
    ('"Day "0', False),  # letters in quotes are text
    ("[Red]0.00", False),  # a colour in brackets
    ("0.00_)", False),
    ("0_d", False),  # _d: the width of a d, not a day
    ("0\\d", False),  # \d: a literal d
    ("General", False),
    ("0.00%", False),
    ("#,##0.00;[Red]-#,##0.00", False),
    ("0;dd/mm/yyyy", False),  # only the first section (positive numbers) counts
    ("@", False),
]


@pytest.mark.parametrize(("code", "is_date"), DATE_FORMATS)
def test_date_formats_as_openpyxl_knows_them(code: str, is_date: bool) -> None:
    from openpyxl.styles.numbers import is_date_format as openpyxl_is_date
    from openpyxl.styles.numbers import is_timedelta_format

    assert is_date_format(code) is is_date is openpyxl_is_date(code)
    assert is_duration_format(code) is is_timedelta_format(code)
    book = Workbook()
    ws = book.active
    assert ws is not None
    for row, value in enumerate((46329, 46329.75, 0.5, 1.25, 59, 61, -3), start=1):
        ws.cell(row=row, column=1, value=value).number_format = code
    data = saved(book)
    assert ours(data) == oracle(data)


def test_built_in_date_formats_by_id() -> None:
    """A style that names a built-in format by its id, with no numFmt of its own (as Excel writes 14)."""
    xfs = "".join(f'<xf numFmtId="{n}"/>' for n in range(50))
    cells = "".join(f'<row r="{n + 1}"><c r="A{n + 1}" s="{n}"><v>46329.5</v></c></row>' for n in range(50))
    data = by_hand(cells, styles=f"<cellXfs>{xfs}</cellXfs>")
    rows = ours(data)
    assert rows == oracle(data)
    dates = [n for n, row in enumerate(rows) if not isinstance(row[0], float)]
    assert dates == [*range(14, 23), 45, 46, 47]
    assert rows[14][0] == datetime(2026, 11, 3, 12, 0) and rows[46][0] == timedelta(days=46329.5)


def test_the_1904_date_system() -> None:
    book = Workbook()
    book.epoch = CALENDAR_MAC_1904
    ws = book.active
    assert ws is not None
    ws.append([datetime(2026, 11, 3), datetime(1904, 1, 2, 6, 0), 5])
    ws["A1"].number_format = ws["B1"].number_format = "dd/mm/yyyy hh:mm"
    data = saved(book)
    assert b'date1904="1"' in _parts(data)["xl/workbook.xml"]
    assert ours(data) == oracle(data) == [(datetime(2026, 11, 3), datetime(1904, 1, 2, 6, 0), 5)]


def test_blank_rows_and_gaps() -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws["C3"] = "first"
    ws["A5"] = 1
    ws["E5"] = "e"
    ws.append([])
    ws.append([None, None, "x"])
    ws.row_dimensions[9].height = 30  # a row with a height and no cells
    data = saved(book)
    assert ours(data) == oracle(data)
    assert trimmed(ours(data))[:5] == [(), (), (None, None, "first"), (), (1, None, None, None, "e")]


# --- parts written by hand: what Excel and LibreOffice write ----------------------------------------------


def test_rich_text_and_phonetic_runs_in_shared_strings() -> None:
    strings = (
        "<si><t>plain</t></si>"
        '<si><r><t xml:space="preserve">Rich </t></r><r><rPr><b/></rPr><t>text</t></r></si>'
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>'
        "<si><t>under_x005F_score</t></si>"
        "<si><t/></si>"
    )
    cells = "".join(f'<c r="{col}1" t="s"><v>{n}</v></c>' for n, col in enumerate("ABCDE"))
    data = by_hand(f'<row r="1">{cells}</row>', strings=strings)
    assert ours(data) == oracle(data) == [("plain", "Rich text", "東京", "under_score", "")]


def test_cells_and_rows_without_references() -> None:
    """ECMA-376 part 1, 18.3.1.4 and 18.3.1.73: r is optional; a cell without one follows the one before."""
    sheet = (
        '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>'
        '<row r="3"><c r="B3"><v>2</v></c><c><v>3</v></c><c r="E3" t="b"><v>1</v></c></row>'
        "<row><c><v>4</v></c></row>"
    )
    data = by_hand(sheet)
    assert ours(data) == oracle(data) == [("a", 1), (), (None, 2, 3, None, True), (4,)]


def test_cell_types_written_by_other_programs() -> None:
    sheet = (
        '<row r="1"><c r="A1" t="str"><f>A2&amp;"x"</f><v>joined</v></c><c r="B1" t="e"><v>#DIV/0!</v></c>'
        '<c r="C1" t="d"><v>2026-11-03</v></c><c r="D1" t="d"><v>2026-11-03T14:30:00</v></c>'
        '<c r="E1" t="d"><v>14:30:00</v></c><c r="F1" t="b"><v>0</v></c><c r="G1"><f>1/0</f></c>'
        '<c r="H1" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c><c r="I1" t="n"><v>1E3</v></c>'
        '<c r="J1" t="str"><v></v></c></row>'
    )
    data = by_hand(sheet)
    expected = ("joined", "#DIV/0!", date(2026, 11, 3), datetime(2026, 11, 3, 14, 30), time(14, 30), False, None)
    assert ours(data) == oracle(data) == [(*expected, "inline", 1000.0, None)]


def test_the_strict_namespace() -> None:
    """ISO/IEC 29500 Strict, as Excel's "Strict Open XML Spreadsheet" saves: other namespaces, ISO dates.
    openpyxl 3.1 finds no sheet in it (the oracle here is the values written)."""
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="d"><v>2026-11-03T00:00:00</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" s="1"><v>46329</v></c></row>'
    )
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
    strings = "<si><t>Reference</t></si><si><t>Outcome date</t></si><si><t>S-1</t></si>"
    data = by_hand(sheet, strings=strings, styles=styles, namespace=STRICT)
    assert ours(data) == [
        ("Reference", "Outcome date"),
        ("S-1", datetime(2026, 11, 3)),
        ("S-1", datetime(2026, 11, 3)),
    ]


def test_a_strict_workbook_through_the_command(run_cli, tmp_path: Path) -> None:
    sheet = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>outcome_date</t></is></c></row>'
        '<row r="2"><c r="A2" t="d"><v>2026-11-03</v></c></row>'
    )
    path = tmp_path / "strict.xlsx"
    path.write_bytes(by_hand(sheet, namespace=STRICT))
    result = run_cli("batch", str(path), "-f", "csv", *TODAY)
    # Outcome letter 3 November 2026 + 28 days (2020 Regulations reg 29(2)): Tuesday 1 December 2026.
    assert result.code == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("2026-11-03,review-request,2026-12-01,")


def test_sheets_found_through_the_workbook_and_its_relationships() -> None:
    sheets = (
        '<sheet name="Chart" sheetId="3" r:id="rId4"/><sheet name="Cases" sheetId="1" r:id="rId1"/>'
        '<sheet name="Gone" sheetId="2" r:id="rId5"/>'
    )
    data = by_hand('<row r="1"><c r="A1"><v>1</v></c></row>', sheets=sheets)
    book = open_workbook(io.BytesIO(data))
    assert [(s.name, s.chart) for s in book.sheets] == [("Chart", True), ("Cases", False)]  # Gone has no part
    assert [s.name for s in book.worksheets] == ["Cases"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the hand-written stylesheet has no default style
        assert load_workbook(io.BytesIO(data), read_only=True).sheetnames == ["Chart", "Cases"]
    assert ours(data) == oracle(data) == [(1,)]


def test_a_stale_dimension_does_not_hide_cells() -> None:
    """openpyxl trusts <dimension> and leaves out what lies beyond it; every cell in the file is read here
    (a batch never drops a row). Within the dimension, rows are as wide as it says, as openpyxl gives them."""
    sheet = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="D2"><v>3</v></c></row>'
    data = by_hand(sheet + '<row r="4" ht="30" customHeight="1"/>', dimension='<dimension ref="A1:B1"/>')
    assert oracle(data) == [(1, None)]
    assert ours(data) == [(1, None), (2, None, None, 3)]  # row 4, empty and after the last, is not a row of cases
    sheet += '<row r="5" ht="30" customHeight="1"/><row r="7"><c r="A7" t="b"><v>1</v></c></row>'
    assert ours(by_hand(sheet, dimension='<dimension ref="A1:B1"/>'))[2:] == [(None, None)] * 4 + [(True, None)]


# --- every workbook: a property --------------------------------------------------------------------------

FORMATS = ["General", "dd/mm/yyyy", "yyyy-mm-dd h:mm", "h:mm", "[h]:mm:ss", "0.00", '"d"0', "mmm-yy"]
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"), max_size=12)
_value = st.one_of(
    st.none(),
    _text,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64).filter(lambda x: abs(x) < 1e300),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 12, 31)).map(
        lambda moment: moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    ),
)
_cell = st.tuples(_value, st.sampled_from(FORMATS))


@settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(_cell, max_size=6), max_size=6),
    st.booleans(),
    st.booleans(),
)
def test_any_workbook_reads_as_openpyxl_reads_it(
    grid: list[list[tuple[Any, str]]], epoch_1904: bool, shared: bool
) -> None:
    book = Workbook()
    if epoch_1904:
        book.epoch = CALENDAR_MAC_1904
    ws = book.active
    assert ws is not None
    for r, row in enumerate(grid, start=1):
        for c, (value, code) in enumerate(row, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r * 2 - 1, column=c * 2 - 1, value=value)  # gaps between rows and cells
            cell.number_format = code
    data = saved(book)
    if shared:
        data = shared_strings_version(data)
    assert ours(data) == oracle(data)


# --- the serial dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("serial", "epoch_1904", "expected"),
    [
        (46329, False, datetime(2026, 11, 3)),  # Excel: 3 November 2026 is 46329 in the 1900 system
        (46329.5, False, datetime(2026, 11, 3, 12, 0)),
        (61, False, datetime(1900, 3, 1)),  # after Excel's 29 February 1900 (serial 60)
        (59, False, datetime(1900, 2, 28)),  # before it: one day on
        (0.25, False, time(6, 0)),  # below 1: a time of day
        (44867, True, datetime(2026, 11, 3)),  # the 1904 system: 1462 days fewer
    ],
)
def test_serials_as_excel_shows_them(serial: float, epoch_1904: bool, expected: Any) -> None:
    from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

    from escalate.caseload.sheet import serial as excel

    epoch = excel.MAC_EPOCH if epoch_1904 else excel.WINDOWS_EPOCH
    assert from_serial(serial, epoch) == expected == from_excel(serial, MAC_EPOCH if epoch_1904 else WINDOWS_EPOCH)


@pytest.mark.parametrize(
    "text", ["2026-11-03", "2026-11-03T14:30:00", "2026-11-03T14:30:00.250Z", "14:30", "PT1H30M", "PT2.5S"]
)
def test_iso_cells_as_openpyxl_reads_them(text: str) -> None:
    from openpyxl.utils.datetime import from_ISO8601

    assert from_iso(text) == from_ISO8601(text)


def test_column_letters() -> None:
    assert [column_index(letters) for letters in ("A", "Z", "AA", "AZ", "XFD")] == [1, 26, 27, 52, 16384]


# --- files that are not workbooks, or damaged ones --------------------------------------------------------


def test_what_is_not_a_workbook_is_one_clear_line(run_cli, tmp_path: Path) -> None:
    cases = {
        "text.xlsx": b"outcome_date\n2026-11-03\n",
        "empty-zip.xlsx": _zipped({"readme.txt": b"hello"}),
        "bad-xml.xlsx": _zipped({"xl/workbook.xml": b"<workbook", "_rels/.rels": b"<nope"}),
        "not-spreadsheetml.xlsx": _zipped({"xl/workbook.xml": b"<document/>"}),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        result = run_cli("batch", str(tmp_path / name), "-f", "csv", *TODAY)
        assert result.code == 2, (name, result.stderr)
        assert (
            result.stderr == f"escalate: error: cannot read '{tmp_path / name}': it is not an Excel workbook (.xlsx)\n"
        )
    missing = run_cli("batch", str(tmp_path / "missing.xlsx"), "-f", "csv", *TODAY)
    assert missing.code == 2 and "No such file or directory" in missing.stderr


@pytest.mark.parametrize(
    ("sheet", "why"),
    [
        ('<row r="2"><c r="A2"><v>abc</v></c></row>', "cell A2 should hold a number but holds 'abc'"),
        ('<row r="2"><c r="A2" t="s"><v>7</v></c></row>', "cell A2 points to a shared string that is not there (7)"),
        ('<row r="2"><c r="A2" t="d"><v>soon</v></c></row>', "cell A2 should hold an ISO 8601 date but holds 'soon'"),
        ('<row r="2"><c r="A2"><v>1</v></c>', "mismatched tag"),
    ],
)
def test_a_damaged_sheet_is_one_clear_line(run_cli, tmp_path: Path, sheet: str, why: str) -> None:
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(by_hand('<row r="1"><c r="A1" t="inlineStr"><is><t>outcome_date</t></is></c></row>' + sheet))
    out = tmp_path / "out.xlsx"
    result = run_cli("batch", str(path), "-o", str(out), *TODAY)
    assert result.code == 2 and not out.exists()
    line = result.stderr.splitlines()[-1]
    assert line.startswith(f"escalate: error: cannot read '{path}': the sheet 'Cases' is damaged") and why in line


def test_a_workbook_with_only_a_chart_sheet(tmp_path: Path) -> None:
    data = by_hand("", sheets='<sheet name="Chart" sheetId="3" r:id="rId4"/>')
    with pytest.raises(BatchInputError, match="it has no sheet of rows"), open_sheet(io.BytesIO(data), None, bool):
        pass
    with pytest.raises(BatchInputError, match="'Chart' is a chart"), open_sheet(io.BytesIO(data), "Chart", bool):
        pass


def test_cells_and_rows_out_of_order_are_kept() -> None:
    """Not valid SpreadsheetML, but a batch never drops a row or a cell: openpyxl made a row as wide as its last
    cell (losing B1 here) and dropped a row numbered below one already read."""
    cells = '<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c><c r="A1"><v>3</v></c></row>'
    assert oracle(by_hand(cells)) == [(3,)]
    assert ours(by_hand(cells)) == [(3, 1)]  # a cell given twice: the last one
    rows = '<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row>'
    assert oracle(by_hand(rows)) == [(), (1,)]
    assert ours(by_hand(rows)) == [(), (1,), (2,)]


def test_an_xlsx_under_another_name(run_cli, tmp_path: Path) -> None:
    """openpyxl refused a workbook whose name does not end in .xlsx (an internal error); the bytes decide here."""
    from conftest import EXAMPLES

    path = tmp_path / "cases.dat"
    path.write_bytes((EXAMPLES / "caseload.xlsx").read_bytes())
    result = run_cli("batch", str(path), "--input-format", "xlsx", "-f", "csv", "--today", "2026-11-21")
    assert result.code == 0 and "12 rows read, 0 with errors" in result.stderr
