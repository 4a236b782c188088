"""A minimal Word file (.docx: WordprocessingML, ECMA-376 Part 1, in an Open Packaging Conventions zip), written
with the standard library: paragraphs in a few styles, runs in bold or highlighted, a page break, a table.

escalate's letters and timelines need no more than that, and writing it here takes a millisecond or two where
importing python-docx and lxml took longer than the rest of the command (issue 17). The tests open every file
with python-docx and compare it with what escalate's python-docx code wrote before (tests/test_docx_writer.py).

What is in the file, and why:

- Only the styles used, with Word's own names and ids, so that Word's style gallery and headings navigation
  know them: ``Normal`` (Calibri 11 pt, British English), ``heading 1``-``heading 3``, ``List Bullet`` (a real
  bullet list: its numbering is in ``word/numbering.xml``) and ``Table Grid`` (single borders).
- A4 paper, 2.54 cm margins; compatibility mode 15, so that Word does not open it in "Compatibility Mode".
- The title and the language in the core properties; no author, no dates, no application: nothing about who
  made it, when or on what machine. The same input gives the same bytes (the zip's timestamps are fixed).
- Text as given: escaped, spaces kept (``xml:space="preserve"``), a line end a line break (``w:br``) and a tab a
  tab (``w:tab``). Characters XML 1.0 does not allow would make the file unreadable, so they are made safe
  (``clean``) rather than refused.
- Inside each element, the children in the order the schema gives (``w:pPr``: ``pStyle``, ``numPr``, ...;
  ``w:rPr``: ``b``, ..., ``highlight``): Word refuses a file whose properties are out of order.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import NamedTuple

_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip can hold: the same for every file, so that the same input gives the same bytes."""

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 11906, 16838, 1440
"""A4 and 2.54 cm margins, in twentieths of a point (twips)."""
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN


class ParagraphStyle(StrEnum):
    """The paragraph styles a file may use, by their style id (Word's own)."""

    NORMAL = "Normal"
    HEADING_1 = "Heading1"
    HEADING_2 = "Heading2"
    HEADING_3 = "Heading3"
    LIST_BULLET = "ListBullet"


class Run(NamedTuple):
    """Text in one look: bold, highlighted in yellow (as a blank to fill in is), or plain."""

    text: str
    bold: bool = False
    highlight: bool = False


Piece = str | Run
"""Part of a paragraph: plain text, or a run with its look."""


class Paragraph(NamedTuple):
    pieces: Sequence[Piece]
    style: ParagraphStyle = ParagraphStyle.NORMAL


# XML 1.0 allows tab, line feed, carriage return and the characters from U+0020 on, except the surrogates and
# U+FFFE, U+FFFF. Of the C0 controls, a vertical tab (Word's own character for a line break, in text a program
# took out of Word) and a form feed (a page break in plain text) become line breaks; the others, DEL and the C1 controls mean nothing in a
# letter and are dropped; a lone surrogate (bytes that were not UTF-8 on a command line) and the two
# non-characters become U+FFFD, the replacement character, so that something shows where they were.
_BREAKS = re.compile("[\x0b\x0c]")
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_REPLACED = re.compile("[\ud800-\udfff\ufffe\uffff]")
_LINE_END = re.compile("\r\n|\r|\n")


def clean(text: str) -> str:
    """``text`` with what XML 1.0 forbids made safe (see above); tabs and line ends are kept."""
    return _REPLACED.sub("\ufffd", _DROPPED.sub("", _BREAKS.sub("\n", text)))


def _escape(text: str) -> str:
    """Character data for an element (never an attribute), a carriage return kept as one."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _run(piece: Piece, bold: bool = False) -> str:
    run = Run(piece) if isinstance(piece, str) else piece
    if not run.text:
        return ""
    looks = ("<w:b/>" if bold or run.bold else "") + ('<w:highlight w:val="yellow"/>' if run.highlight else "")
    content: list[str] = ["<w:r>", f"<w:rPr>{looks}</w:rPr>" if looks else ""]
    for number, line in enumerate(_LINE_END.split(clean(run.text))):
        if number:
            content.append("<w:br/>")
        for place, part in enumerate(line.split("\t")):
            if place:
                content.append("<w:tab/>")
            if part:
                content.append(f'<w:t xml:space="preserve">{_escape(part)}</w:t>')
    content.append("</w:r>")
    return "".join(content)


def _paragraph(pieces: Iterable[Piece], style: ParagraphStyle = ParagraphStyle.NORMAL, bold: bool = False) -> str:
    properties = "" if style is ParagraphStyle.NORMAL else f'<w:pPr><w:pStyle w:val="{style.value}"/></w:pPr>'
    return f"<w:p>{properties}{''.join(_run(piece, bold) for piece in pieces)}</w:p>"


class WordFile:
    """A Word file built from the top down: ``add`` paragraphs, ``page_break``, ``table``; then ``to_bytes``."""

    def __init__(self, title: str) -> None:
        self.title = title
        self._body: list[str] = []

    def add(self, paragraph: Paragraph) -> None:
        self._body.append(_paragraph(paragraph.pieces, paragraph.style))

    def page_break(self) -> None:
        """A paragraph holding only a page break (what Word's Insert > Page Break makes)."""
        self._body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def table(self, header: Sequence[str], rows: Iterable[Sequence[Sequence[Piece]]], widths: Sequence[int]) -> None:
        """A table in the Table Grid style: ``header`` in bold, repeated at the top of each page, then ``rows``
        (each cell a paragraph of pieces); ``widths`` in twips, one a column."""
        if len(widths) != len(header):
            raise ValueError(f"a table of {len(header)} columns, {len(widths)} width(s) given")
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        out = [
            '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0420"/></w:tblPr>',
            f"<w:tblGrid>{grid}</w:tblGrid>",
            "<w:tr><w:trPr><w:tblHeader/></w:trPr>",
            *(_cell(width, [text], bold=True) for width, text in zip(widths, header, strict=True)),
            "</w:tr>",
        ]
        for row in rows:
            if len(row) != len(widths):
                raise ValueError(f"a row of {len(row)} cell(s) in a table of {len(widths)} columns")
            out += ["<w:tr>", *(_cell(width, cell) for width, cell in zip(widths, row, strict=True)), "</w:tr>"]
        out.append("</w:tbl>")
        self._body.append("".join(out))

    def document_xml(self) -> str:
        body = list(self._body)
        if not body or body[-1].startswith("<w:tbl>"):
            body.append("<w:p/>")  # Word needs a paragraph at the end of the body, after a table too
        section = (
            f'<w:sectPr><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
            f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="708" '
            'w:footer="708" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
        )
        return (
            f'{_DECLARATION}<w:document xmlns:w="{_MAIN}" xmlns:r="{_DOCUMENT_RELS}"><w:body>'
            f"{''.join(body)}{section}</w:body></w:document>"
        )

    def core_xml(self) -> str:
        return (
            f"{_DECLARATION}<cp:coreProperties "
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_escape(clean(self.title))}</dc:title><dc:language>en-GB</dc:language>"
            "</cp:coreProperties>"
        )

    def to_bytes(self) -> bytes:
        """The whole file: the same content always gives the same bytes."""
        parts = {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": _PACKAGE_RELATIONSHIPS,
            "word/document.xml": self.document_xml(),
            "word/_rels/document.xml.rels": _DOCUMENT_RELATIONSHIPS,
            "word/styles.xml": _STYLES,
            "word/numbering.xml": _NUMBERING,
            "word/settings.xml": _SETTINGS,
            "docProps/core.xml": self.core_xml(),
        }
        stream = io.BytesIO()
        with zipfile.ZipFile(stream, "w") as package:
            for name, xml in parts.items():
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0  # the same bytes on every system (and no Unix permissions of 0 on unzip)
                package.writestr(info, xml.encode("utf-8"))
        return stream.getvalue()


def _cell(width: int, pieces: Sequence[Piece], bold: bool = False) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{_paragraph(pieces, bold=bold)}</w:tc>'


# --- the parts that are the same in every file ----------------------------------------------------------------

_CONTENT_TYPES = (
    f"{_DECLARATION}"
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)

_PACKAGE_RELATIONSHIPS = (
    f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOCUMENT_RELS}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    "</Relationships>"
)

_DOCUMENT_RELATIONSHIPS = (
    f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOCUMENT_RELS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOCUMENT_RELS}/numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId3" Type="{_DOCUMENT_RELS}/settings" Target="settings.xml"/>'
    "</Relationships>"
)


def _heading(level: int, size: int, before: int, color: str) -> str:
    """Word's own heading styles (2013 and later), without the theme: Calibri Light, blue, kept with what follows."""
    return (
        f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
        f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="0"/>'
        f'<w:outlineLvl w:val="{level - 1}"/></w:pPr>'
        '<w:rPr><w:rFonts w:ascii="Calibri Light" w:hAnsi="Calibri Light" w:cs="Calibri Light"/>'
        f'<w:color w:val="{color}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>'
    )


_BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="auto"'

_STYLES = (
    f'{_DECLARATION}<w:styles xmlns:w="{_MAIN}">'
    "<w:docDefaults>"
    '<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr>'
    "</w:rPrDefault>"
    '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    "</w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + _heading(1, 32, 240, "2F5496")
    + _heading(2, 26, 40, "2F5496")
    + _heading(3, 24, 40, "1F3763")
    + '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:contextualSpacing/></w:pPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:uiPriority w:val="39"/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>'
    f"<w:top {_BORDER}/><w:left {_BORDER}/><w:bottom {_BORDER}/><w:right {_BORDER}/>"
    f"<w:insideH {_BORDER}/><w:insideV {_BORDER}/></w:tblBorders>"
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    "</w:styles>"
)

_NUMBERING = (
    f'{_DECLARATION}<w:numbering xmlns:w="{_MAIN}">'
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet"/>'
    '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr>'
    "</w:lvl></w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    "</w:numbering>"
)

_SETTINGS = (
    f'{_DECLARATION}<w:settings xmlns:w="{_MAIN}"><w:defaultTabStop w:val="720"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat></w:settings>'
)
