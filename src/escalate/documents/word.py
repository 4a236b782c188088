"""A letter as a Word file: the cover note, a page break, the letter. Blanks are bold and highlighted, so that
none is missed. Written by ``escalate.documents.wordml`` (the standard library only); imported only for
``--format docx``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from escalate.documents.letters.model import Blank, Letter, Piece, Style
from escalate.documents.wordml import Paragraph, ParagraphStyle, Run, WordFile

if TYPE_CHECKING:
    from escalate.documents.render import CoverParts

_STYLES: Mapping[Style, ParagraphStyle] = {
    Style.HEADING: ParagraphStyle.HEADING_3,
    Style.ITEM: ParagraphStyle.LIST_BULLET,
}
"""A block's style in Word; the others (a paragraph, a line of an address, the sender's own words) are Normal: the
sender's words keep their line breaks inside one paragraph."""


def _runs(pieces: Iterable[Piece], bold: bool = False) -> tuple[Run, ...]:
    return tuple(
        Run(piece.marker(), bold=True, highlight=True) if isinstance(piece, Blank) else Run(piece, bold=bold)
        for piece in pieces
    )


def word_document(letter: Letter, cover: CoverParts, cover_title: str, disclaimer: str) -> bytes:
    document = WordFile(letter.title)
    document.add(Paragraph((f"{cover_title}: {cover.title}",), ParagraphStyle.HEADING_1))
    for title, lines in cover.sections():
        document.add(Paragraph((title,), ParagraphStyle.HEADING_2))
        for text in lines:
            document.add(Paragraph((text,), ParagraphStyle.LIST_BULLET))
    document.add(Paragraph((disclaimer,)))
    document.page_break()
    for block in letter.sender:
        document.add(Paragraph(_runs(block.pieces)))
    document.add(Paragraph((letter.dated_words,)))
    for block in letter.recipient:
        document.add(Paragraph(_runs(block.pieces)))
    document.add(Paragraph(_runs(letter.subject, bold=True)))
    document.add(Paragraph(_runs(letter.salutation)))
    for block in (*letter.body, *letter.closing):
        document.add(Paragraph(_runs(block.pieces), _STYLES.get(block.style, ParagraphStyle.NORMAL)))
    return document.to_bytes()
