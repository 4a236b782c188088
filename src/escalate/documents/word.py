"""A letter as a Word file (python-docx): the cover note, a page break, the letter. Blanks are bold and
highlighted, so that none is missed. Imported only for ``--format docx``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.enum.text import WD_COLOR_INDEX

from escalate.documents.letters.model import Blank, Block, Letter, Piece, Style

if TYPE_CHECKING:
    from escalate.documents.render import CoverParts


def _runs(paragraph: Any, pieces: Iterable[Piece]) -> None:
    for piece in pieces:
        if isinstance(piece, Blank):
            run = paragraph.add_run(piece.marker())
            run.bold = True
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        else:
            paragraph.add_run(piece)


def word_document(letter: Letter, cover: CoverParts, cover_title: str, disclaimer: str) -> bytes:
    document = Document()
    document.core_properties.title = letter.title
    document.core_properties.author = ""
    document.core_properties.comments = ""
    document.add_heading(f"{cover_title}: {cover.title}", level=1)
    for title, lines in cover.sections():
        document.add_heading(title, level=2)
        for text in lines:
            document.add_paragraph(text, style="List Bullet")
    document.add_paragraph(disclaimer)
    document.add_page_break()  # type: ignore[no-untyped-call]
    for block in letter.sender:
        _runs(document.add_paragraph(), block.pieces)
    document.add_paragraph(letter.dated_words)
    for block in letter.recipient:
        _runs(document.add_paragraph(), block.pieces)
    subject = document.add_paragraph()
    _runs(subject, letter.subject)
    for run in subject.runs:
        run.bold = True
    _runs(document.add_paragraph(), letter.salutation)
    for block in (*letter.body, *letter.closing):
        _add(document, block)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _add(document: Any, block: Block) -> None:
    if block.style is Style.HEADING:
        _runs(document.add_heading(level=3), block.pieces)
    elif block.style is Style.ITEM:
        _runs(document.add_paragraph(style="List Bullet"), block.pieces)
    elif block.style is Style.QUOTE:
        for number, text_line in enumerate(_lines(block.pieces)):
            paragraph = document.add_paragraph() if number == 0 else document.paragraphs[-1]
            if number:
                paragraph.add_run().add_break()
            _runs(paragraph, [text_line])
    else:
        _runs(document.add_paragraph(), block.pieces)


def _lines(pieces: Iterable[Piece]) -> list[Piece]:
    """A quote's pieces with its text split at line breaks (Word keeps them as breaks in one paragraph)."""
    found: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, Blank):
            found.append(piece)
        else:
            found.extend(piece.split("\n"))
    return found
