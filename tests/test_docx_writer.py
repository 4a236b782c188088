"""escalate writes its Word files itself (escalate.documents.wordml, issue 17: python-docx and lxml took longer to
import than the rest of the command). python-docx is the oracle here: every file escalate writes is opened with it,
and every letter of tests/test_letters.py and the timelines are compared with what escalate's python-docx code
wrote before (kept below, as it was): the same paragraphs, in the same styles, with the same words in bold and
highlighted, the same table cells. The parts are checked as XML, with the children of each element in the order
ECMA-376 (Part 1, Transitional schema) gives them, since Word refuses a file whose properties are out of order.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from escalate.documents import wordml
from escalate.documents.casefile import Event, read_case
from escalate.documents.letters import draft
from escalate.documents.letters.model import Blank, Block, Details, Letter, Style
from escalate.documents.render import COVER_TITLE, CoverParts, render_docx
from escalate.documents.timeline import _LABEL, TITLE, Timeline, _intro, build_timeline, timeline_docx
from escalate.documents.wordml import Paragraph, Run, WordFile
from escalate.engine.deadlines import compute_deadlines
from escalate.engine.facts import Facts
from escalate.engine.results import DISCLAIMER
from escalate.law.dates import long_date
from test_letters import CASES, EVERY_DETAIL, SCENARIOS, case_for, review_possible

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# --- the oracle: escalate's python-docx code as it was before issue 17 ------------------------------------------


def _old_runs(paragraph: Any, pieces: Iterable[str | Blank]) -> None:
    for piece in pieces:
        if isinstance(piece, Blank):
            run = paragraph.add_run(piece.marker())
            run.bold = True
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        else:
            paragraph.add_run(piece)


def _old_lines(pieces: Iterable[str | Blank]) -> list[str | Blank]:
    found: list[str | Blank] = []
    for piece in pieces:
        if isinstance(piece, Blank):
            found.append(piece)
        else:
            found.extend(piece.split("\n"))
    return found


def _old_add(document: Any, block: Block) -> None:
    if block.style is Style.HEADING:
        _old_runs(document.add_heading(level=3), block.pieces)
    elif block.style is Style.ITEM:
        _old_runs(document.add_paragraph(style="List Bullet"), block.pieces)
    elif block.style is Style.QUOTE:
        for number, text_line in enumerate(_old_lines(block.pieces)):
            paragraph = document.add_paragraph() if number == 0 else document.paragraphs[-1]
            if number:
                paragraph.add_run().add_break()
            _old_runs(paragraph, [text_line])
    else:
        _old_runs(document.add_paragraph(), block.pieces)


def with_python_docx(letter: Letter) -> bytes:
    """The letter as escalate wrote it with python-docx until issue 17 (documents/word.py)."""
    cover = CoverParts(letter, Blank.marker)
    document = Document()
    document.core_properties.title = letter.title
    document.core_properties.author = ""
    document.core_properties.comments = ""
    document.add_heading(f"{COVER_TITLE}: {cover.title}", level=1)
    for title, lines in cover.sections():
        document.add_heading(title, level=2)
        for text in lines:
            document.add_paragraph(text, style="List Bullet")
    document.add_paragraph(DISCLAIMER)
    document.add_page_break()
    for block in letter.sender:
        _old_runs(document.add_paragraph(), block.pieces)
    document.add_paragraph(letter.dated_words)
    for block in letter.recipient:
        _old_runs(document.add_paragraph(), block.pieces)
    subject = document.add_paragraph()
    _old_runs(subject, letter.subject)
    for run in subject.runs:
        run.bold = True
    _old_runs(document.add_paragraph(), letter.salutation)
    for block in (*letter.body, *letter.closing):
        _old_add(document, block)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def timeline_with_python_docx(timeline: Timeline) -> bytes:
    """The timeline as escalate wrote it with python-docx until issue 17 (documents/timeline.py)."""
    document = Document()
    document.core_properties.title = TITLE
    document.core_properties.author = ""
    document.add_heading(TITLE, level=1)
    document.add_paragraph(_intro(timeline))
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "Date"
    table.rows[0].cells[1].text = "What"
    for entry in timeline.entries:
        cells = table.add_row().cells
        cells[0].text = long_date(entry.day)
        paragraph = cells[1].paragraphs[0]
        label = _LABEL[entry.kind]
        if label:
            paragraph.add_run(label).bold = True
        paragraph.add_run(entry.text + (f" ({entry.source})" if entry.source else ""))
    document.add_paragraph(timeline.disclaimer)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- what a reader of the file sees ------------------------------------------------------------------------------

Span = tuple[str, bool, bool]


def spans(paragraph: Any) -> tuple[Span, ...]:
    """The paragraph's text in stretches of the same look (bold, highlighted yellow), however it is cut in runs."""
    found: list[Span] = []
    for run in paragraph.runs:
        if not run.text:
            continue
        look = (bool(run.bold), run.font.highlight_color == WD_COLOR_INDEX.YELLOW)
        if found and found[-1][1:] == look:
            found[-1] = (found[-1][0] + run.text, *look)
        else:
            found.append((run.text, *look))
    return tuple(found)


def reading(data: bytes) -> list[tuple[str, str, tuple[Span, ...], bool]]:
    """Each paragraph as python-docx reads it: its style's name, its text, its looks, whether it breaks the page."""
    document = Document(io.BytesIO(data))
    return [(p.style.name, p.text, spans(p), page_breaks(p) > 0) for p in document.paragraphs]


def page_breaks(paragraph: Any) -> int:
    return len(paragraph._p.xpath('.//w:br[@w:type="page"]'))


def cells(data: bytes) -> list[list[tuple[str, tuple[Span, ...]]]]:
    document = Document(io.BytesIO(data))
    (table,) = document.tables
    return [[(cell.text, spans(cell.paragraphs[0])) for cell in row.cells] for row in table.rows]


def letter_for(kind: str, scenario: str, details: Details) -> Letter:
    return draft(kind, case_for(SCENARIOS[scenario], details))


LETTERS = [
    (kind, scenario, details)
    for kind, scenario in CASES
    if kind != "review-request" or review_possible(scenario)
    for details in (EVERY_DETAIL, Details())
]


@pytest.mark.parametrize(("kind", "scenario", "details"), LETTERS)
def test_every_letter_reads_as_python_docx_wrote_it(kind: str, scenario: str, details: Details) -> None:
    letter = letter_for(kind, scenario, details)
    assert reading(render_docx(letter)) == reading(with_python_docx(letter))


def test_the_letter_is_laid_out_in_its_styles() -> None:
    letter = letter_for("review-request", "mopac-2020", EVERY_DETAIL)
    paragraphs = reading(render_docx(letter))
    styles = [style for style, *_ in paragraphs]
    assert styles[0] == "Heading 1" and paragraphs[0][1] == f"{COVER_TITLE}: {letter.title}"
    assert {"Heading 1", "Heading 2", "List Bullet", "Normal"} <= set(styles)
    assert set(styles) <= {"Heading 1", "Heading 2", "Heading 3", "List Bullet", "Normal"}
    # One page break, just after the disclaimer, which ends the cover note.
    breaks = [number for number, (*_, page_break) in enumerate(paragraphs) if page_break]
    assert len(breaks) == 1 and paragraphs[breaks[0] - 1][1] == DISCLAIMER and paragraphs[breaks[0]][1] == ""
    # The sender's own words keep their line breaks inside one paragraph (tests/test_letters.py's REASONS).
    assert ("Normal", "It did not deal with my second allegation:\n  the search.") in [p[:2] for p in paragraphs]
    # The subject is bold throughout.
    subject = next(p for p in paragraphs if p[1] == "".join(letter.subject))
    assert subject[2] == (("".join(letter.subject), True, False),)


def test_blanks_are_bold_and_highlighted_and_nothing_else_is_highlighted() -> None:
    letter = letter_for("letter-before-claim", "nothing", Details())
    paragraphs = reading(render_docx(letter))
    looks = [span for *_, found, _ in paragraphs for span in found]
    marked = [text for text, bold, highlighted in looks if highlighted]
    assert marked and all(text.startswith("[FILL IN: ") and text.endswith("]") for text in marked)
    assert all(bold for text, bold, highlighted in looks if highlighted)
    in_letter = {blank.marker() for blank in letter.blanks}
    assert in_letter <= set(marked)


def test_list_bullet_is_a_real_bullet_list() -> None:
    with zipfile.ZipFile(io.BytesIO(render_docx(letter_for("mp", "nothing", Details())))) as package:
        styles = ElementTree.fromstring(package.read("word/styles.xml"))
        numbering = ElementTree.fromstring(package.read("word/numbering.xml"))
    (bullet,) = [s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "ListBullet"]
    num_id = bullet.find(f"{W}pPr/{W}numPr/{W}numId")
    assert num_id is not None
    (num,) = [n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id.get(f"{W}val")]
    abstract_id = num.find(f"{W}abstractNumId")
    assert abstract_id is not None
    (abstract,) = [
        a for a in numbering.iter(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id.get(f"{W}val")
    ]
    level = abstract.find(f"{W}lvl")
    assert level is not None and level.get(f"{W}ilvl") == "0"
    assert level.find(f"{W}numFmt").get(f"{W}val") == "bullet"  # type: ignore[union-attr]
    assert level.find(f"{W}lvlText").get(f"{W}val") == "\u2022"  # type: ignore[union-attr]


def test_styles_are_exactly_those_used_with_words_names() -> None:
    with zipfile.ZipFile(io.BytesIO(render_docx(letter_for("mp", "nothing", Details())))) as package:
        styles = ElementTree.fromstring(package.read("word/styles.xml"))
    names = {s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val") for s in styles.iter(f"{W}style")}  # type: ignore[union-attr]
    assert names == {
        "Normal": "Normal",
        "Heading1": "heading 1",
        "Heading2": "heading 2",
        "Heading3": "heading 3",
        "ListBullet": "List Bullet",
        "TableGrid": "Table Grid",
    }
    (grid,) = [s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "TableGrid"]
    borders = grid.find(f"{W}tblPr/{W}tblBorders")
    assert borders is not None
    assert [b.tag.removeprefix(W) for b in borders] == ["top", "left", "bottom", "right", "insideH", "insideV"]
    assert all(b.get(f"{W}val") == "single" for b in borders)


def test_core_properties_carry_the_title_and_no_author() -> None:
    letter = letter_for("subject-access", "nothing", EVERY_DETAIL)
    properties = Document(io.BytesIO(render_docx(letter))).core_properties
    assert properties.title == letter.title
    assert properties.author == "" and properties.comments == "" and properties.last_modified_by == ""
    assert properties.language == "en-GB"
    assert properties.created is None and properties.modified is None  # nothing about when or on what machine


# --- the timeline -------------------------------------------------------------------------------------------------


def example_timeline(today: date) -> Timeline:
    case = read_case(EXAMPLES / "case.toml")
    facts = Facts.from_strings(case.facts, today=today)
    return build_timeline(compute_deadlines(facts), case.events)


TIMELINES = {
    "example-2026-07-01": lambda: example_timeline(date(2026, 7, 1)),
    "example-2026-03-01": lambda: example_timeline(date(2026, 3, 1)),
    "example-2027-12-01": lambda: example_timeline(date(2027, 12, 1)),
    "nothing-known": lambda: build_timeline(compute_deadlines(Facts(today=date(2026, 4, 10))), ()),
    "escaping": lambda: build_timeline(
        compute_deadlines(Facts(today=date(2026, 4, 10), complaint_date=date(2026, 2, 2))),
        (Event(date(2026, 2, 3), 'Wrote to "DPS" & <MOPAC>: café — 10% | *urgent*'),),
    ),
}


@pytest.mark.parametrize("name", TIMELINES)
def test_every_timeline_reads_as_python_docx_wrote_it(name: str) -> None:
    timeline = TIMELINES[name]()
    new, old = timeline_docx(timeline), timeline_with_python_docx(timeline)
    assert reading(new) == reading(old)
    new_cells, old_cells = cells(new), cells(old)
    # The header row is bold now (and repeats on each page); the rest is as it was.
    assert new_cells[0] == [("Date", (("Date", True, False),)), ("What", (("What", True, False),))]
    assert [[text for text, _ in row] for row in old_cells[:1]] == [["Date", "What"]]
    assert new_cells[1:] == old_cells[1:]
    assert len(new_cells) == len(timeline.entries) + 1


def test_the_timeline_table_is_a_table_grid_with_a_repeating_header() -> None:
    data = timeline_docx(example_timeline(date(2026, 7, 1)))
    document = Document(io.BytesIO(data))
    (table,) = document.tables
    assert table.style.name == "Table Grid"
    assert len(table.columns) == 2
    header = table.rows[0]._tr
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    labels = [cell_spans for (_, _), (_, cell_spans) in cells(data)[1:] if len(cell_spans) == 2]
    assert labels and all(first[1] and not second[1] for first, second in labels)
    assert {first[0] for first, _ in labels} <= {label for label in _LABEL.values() if label}
    assert Document(io.BytesIO(data)).core_properties.title == TITLE


# --- the package --------------------------------------------------------------------------------------------------

PARTS = {
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "word/_rels/document.xml.rels",
    "word/document.xml",
    "word/numbering.xml",
    "word/settings.xml",
    "word/styles.xml",
}

# ECMA-376 Part 1 (Transitional), the sequences of the complex types escalate writes: a child may only follow the
# children listed before it. (CT_PPrBase, CT_RPr's EG_RPrBase, CT_Style, CT_TblPr, CT_Lvl, CT_SectPr, CT_Tc ...)
ORDER: dict[str, tuple[str, ...]] = {
    "pPr": (
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
        "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
        "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
        "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
        "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    ),
    "rPr": (
        "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
        "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
        "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
        "lang", "eastAsianLayout", "specVanish", "oMath",
    ),
    "style": (
        "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
        "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr", "rPr",
        "tblPr", "trPr", "tcPr", "tblStylePr",
    ),
    "tblPr": (
        "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
        "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
        "tblDescription",
    ),
    "tblBorders": ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV"),
    "tblCellMar": ("top", "left", "start", "bottom", "right", "end"),
    "tbl": ("tblPr", "tblGrid", "tr"),
    "tr": ("tblPrEx", "trPr", "tc"),
    "tc": ("tcPr", "p"),
    "p": ("pPr", "r"),
    "lvl": (
        "start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId", "legacy", "lvlJc",
        "pPr", "rPr",
    ),
    "abstractNum": ("nsid", "multiLevelType", "tmpl", "name", "styleLink", "numStyleLink", "lvl"),
    "numbering": ("numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"),
    "styles": ("docDefaults", "latentStyles", "style"),
    "docDefaults": ("rPrDefault", "pPrDefault"),
    "sectPr": (
        "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
        "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection",
        "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
    ),
    "settings": ("zoom", "proofState", "defaultTabStop", "characterSpacingControl", "compat"),
}  # fmt: skip


def check_package(data: bytes) -> dict[str, ElementTree.Element]:
    """Every part well-formed XML, the content types and relationships complete, each element's children in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        names = package.namelist()
        assert names[0] == "[Content_Types].xml" and set(names) == PARTS
        parts = {name: ElementTree.fromstring(package.read(name)) for name in names}
        for info in package.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert package.read(info).startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    types = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    overrides = {o.get("PartName") for o in parts["[Content_Types].xml"].iter(f"{types}Override")}
    assert overrides == {f"/{name}" for name in PARTS if not name.endswith(".rels") and name != "[Content_Types].xml"}
    rels = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    targets = {r.get("Target") for r in parts["_rels/.rels"].iter(f"{rels}Relationship")}
    assert targets == {"word/document.xml", "docProps/core.xml"}
    targets = {r.get("Target") for r in parts["word/_rels/document.xml.rels"].iter(f"{rels}Relationship")}
    assert targets == {"styles.xml", "numbering.xml", "settings.xml"}
    for name, root in parts.items():
        for element in root.iter():
            tag = element.tag.removeprefix(W)
            if tag not in ORDER:
                continue
            children = [child.tag.removeprefix(W) for child in element]
            places = [ORDER[tag].index(child) for child in children]  # ValueError: a child ECMA-376 does not allow
            assert places == sorted(places), (name, tag, children)
    body = parts["word/document.xml"].find(f"{W}body")
    assert body is not None and body[-1].tag == f"{W}sectPr" and body[-2].tag == f"{W}p"
    return parts


@pytest.mark.parametrize(("kind", "scenario", "details"), LETTERS[:: max(1, len(LETTERS) // 12)])
def test_letters_are_well_formed_packages(kind: str, scenario: str, details: Details) -> None:
    check_package(render_docx(letter_for(kind, scenario, details)))


@pytest.mark.parametrize("name", TIMELINES)
def test_timelines_are_well_formed_packages(name: str) -> None:
    parts = check_package(timeline_docx(TIMELINES[name]()))
    assert len(list(parts["word/document.xml"].iter(f"{W}tbl"))) == 1


def test_the_same_letter_gives_the_same_bytes() -> None:
    first = render_docx(letter_for("complaint", "nothing", EVERY_DETAIL))
    assert render_docx(letter_for("complaint", "nothing", EVERY_DETAIL)) == first
    timeline = example_timeline(date(2026, 7, 1))
    assert timeline_docx(timeline) == timeline_docx(timeline)


# --- text that needs care ----------------------------------------------------------------------------------------

AWKWARD = "Tom & Jerry <b>\"quoted\"</b> 'single' ]]> café — Ünïcödé 🚓\tend"


def test_a_letter_with_text_that_needs_escaping() -> None:
    details = Details(name="Zoë O'Brien & Co <Solicitors>", why=AWKWARD + "\n\nbell\x07 form\x0cfeed nul\x00 esc\x1b.")
    letter = letter_for("review-request", "mopac-2020", details)
    data = render_docx(letter)
    check_package(data)
    texts = [text for _, text, *_ in reading(data)]
    assert "Zoë O'Brien & Co <Solicitors>" in texts
    assert AWKWARD in texts  # the tab is a w:tab, which python-docx reads back as a tab
    # Characters XML 1.0 forbids are dropped, and a form feed (a page break in plain text) becomes a line break.
    assert "bell form\nfeed nul esc." in texts
    # The words are those python-docx would have written, had it not refused the control characters.
    clean = Details(name=details.name, why=AWKWARD + "\n\nbell form\nfeed nul esc.")
    assert reading(data) == reading(with_python_docx(letter_for("review-request", "mopac-2020", clean)))


@pytest.mark.parametrize(
    ("given", "read"),
    [
        ("plain", "plain"),
        ("  leading and trailing  ", "  leading and trailing  "),  # xml:space="preserve"
        ("a & b < c > d", "a & b < c > d"),
        ("one\ntwo", "one\ntwo"),
        ("one\r\ntwo", "one\ntwo"),  # a Windows line end is one break, not two
        ("one\rtwo", "one\ntwo"),
        ("one\x0btwo", "one\ntwo"),  # a vertical tab: Word's own character for a line break
        ("one\ttwo", "one\ttwo"),
        ("nul\x00 bell\x07 del\x7f c1\x85 esc\x1b", "nul bell del c1 esc"),
        ("lone \udcff surrogate", "lone \ufffd surrogate"),  # from a command line that was not UTF-8
        ("\ufffe\uffff", "\ufffd\ufffd"),
        ("\U0001f694 \u00e9\u0301", "\U0001f694 \u00e9\u0301"),
        ("", ""),
    ],
)
def test_text_is_written_as_given_or_made_safe(given: str, read: str) -> None:
    file = WordFile("t")
    file.add(Paragraph((Run(given), Run(" bold", bold=True))))
    data = file.to_bytes()
    check_package(data)
    assert reading(data) == [
        ("Normal", read + " bold", ((read, False, False), (" bold", True, False))[not read :], False)
    ]


@settings(max_examples=150, deadline=None)
@given(st.text(), st.booleans(), st.booleans())
def test_any_text_gives_a_file_that_reads_back(text: str, bold: bool, highlight: bool) -> None:
    file = WordFile(text)
    file.add(Paragraph((Run(text, bold=bold, highlight=highlight),), wordml.ParagraphStyle.LIST_BULLET))
    file.table(("A", "B"), [((text,), (Run(text, bold=True),))], (4000, 5000))
    document = Document(io.BytesIO(file.to_bytes()))
    expected = wordml.clean(text).replace("\r\n", "\n").replace("\r", "\n")
    assert document.paragraphs[0].text == expected
    assert document.paragraphs[0].style.name == "List Bullet"
    assert document.tables[0].rows[1].cells[0].text == expected
    assert document.core_properties.title == wordml.clean(text)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", expected)


def test_a_table_last_is_followed_by_a_paragraph() -> None:
    file = WordFile("t")
    file.table(("Date", "What"), [], (3000, 6000))
    parts = check_package(file.to_bytes())
    assert len(list(parts["word/document.xml"].iter(f"{W}tbl"))) == 1


def test_an_empty_document_is_a_valid_package() -> None:
    data = WordFile("").to_bytes()
    check_package(data)
    assert reading(data) == [("Normal", "", (), False)]


def test_a_table_needs_a_width_for_each_column() -> None:
    with pytest.raises(ValueError, match="2 columns, 1 width"):
        WordFile("t").table(("Date", "What"), [], (3000,))
    with pytest.raises(ValueError, match="a row of 1 cell"):
        WordFile("t").table(("Date", "What"), [(("only",),)], (3000, 6000))


def test_word_files_import_neither_python_docx_nor_lxml() -> None:
    code = (
        "import sys; from datetime import date; from escalate import Facts, compute_deadlines, plan_route; "
        "from escalate.documents.letters import draft; from escalate.documents.letters.model import Case, Details; "
        "from escalate.documents.render import render_docx; from escalate.documents.timeline import build_timeline, "
        "timeline_docx; facts = Facts(today=date(2026, 11, 21), outcome_date=date(2026, 11, 12)); "
        "report = compute_deadlines(facts); "
        "render_docx(draft('review-request', Case(facts, report, plan_route(facts, report=report), Details()))); "
        "timeline_docx(build_timeline(report, ())); "
        "assert not {'docx', 'lxml'} & {name.split('.')[0] for name in sys.modules}, 'imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_them_as_python_docx_does(tmp_path: Path) -> None:
    """A second reader, where it is installed: LibreOffice's plain-text export of each file is, line for line,
    what python-docx reads, the bullets drawn from the numbering part and the table cell by cell."""
    letter, timeline = letter_for("review-request", "mopac-2020", EVERY_DETAIL), example_timeline(date(2026, 7, 1))
    (tmp_path / "letter.docx").write_bytes(render_docx(letter))
    (tmp_path / "timeline.docx").write_bytes(timeline_docx(timeline))
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    command = ["soffice", "--headless", profile, "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path)]
    subprocess.run(
        [*command, "letter.docx", "timeline.docx"], cwd=tmp_path, check=True, capture_output=True, timeout=300
    )
    lines = [
        ("    \u2022 " if style == "List Bullet" else "") + text for style, text, *_ in reading(render_docx(letter))
    ]
    assert (tmp_path / "letter.txt").read_text("utf-8-sig").splitlines() == "\n".join(lines).split("\n")
    title, intro, disclaimer = (text for _, text, *_ in reading(timeline_docx(timeline)))
    table = [text for row in cells(timeline_docx(timeline)) for text, _ in row]
    assert (tmp_path / "timeline.txt").read_text("utf-8-sig").splitlines() == [title, intro, *table, disclaimer]
