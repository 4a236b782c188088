"""Letters laid out as plain text, markdown or a Word file: the layout only, never a word of law (those are in
``escalate.documents.letters``). Word is imported only when a Word file is asked for.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping

from escalate.documents.letters.common import also_lines, to_lines, when_lines
from escalate.documents.letters.model import Blank, Block, Cover, Letter, Piece, Style
from escalate.engine.results import DISCLAIMER
from escalate.output.formats import LetterFormat

WIDTH = 78
"""Text letters are wrapped to fit an 80-column terminal and an email (narrower on a narrower terminal)."""

COVER_TITLE = "Cover note (for you: not part of the letter)"
BLANKS_TITLE = "Still to fill in (marked [FILL IN: ...] in the letter)"


def _text(pieces: Iterable[Piece], mark: Callable[[Blank], str]) -> str:
    return "".join(mark(piece) if isinstance(piece, Blank) else piece for piece in pieces)


_KEEP = "\x00"
"""Stands for a space inside a blank's marker while text is wrapped, so that a marker is never split."""


def _plain_mark(blank: Blank) -> str:
    return blank.marker().replace(" ", _KEEP)


def _markdown_mark(blank: Blank) -> str:
    return f"**{blank.marker()}**"


class CoverParts:
    """The cover note's sections as lines of text, shared by every format."""

    def __init__(self, letter: Letter, mark: Callable[[Blank], str]) -> None:
        cover: Cover = letter.cover
        self.title = f"{letter.title}"
        self.when = when_lines(cover)
        self.to = tuple(_text([piece], mark) for piece in to_lines(cover))
        self.also = also_lines(cover)
        self.enclose = cover.enclose
        self.blanks = tuple(
            f"{blank.label} (give {blank.option})" if blank.option else blank.label for blank in letter.blanks
        )
        self.notes = cover.notes
        self.sources = tuple(f"{s.citation}: {s.url}" if s.url else s.citation for s in cover.sources)

    def sections(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        yield "When", self.when
        yield "To whom and how", self.to
        if self.also:
            yield "Your other dates", self.also
        if self.enclose:
            yield "Enclose", self.enclose
        if self.blanks:
            yield BLANKS_TITLE, self.blanks
        if self.notes:
            yield "Good to know", self.notes
        yield "Sources", self.sources


def render_text(letter: Letter, width: int = WIDTH) -> str:
    """The cover note, then the letter, as plain text wrapped to ``width`` (the sender's own words as given)."""
    out: list[str] = []
    cover = CoverParts(letter, _plain_mark)
    rule = "=" * width
    out += [rule, *textwrap.wrap(f"{COVER_TITLE}: {cover.title}", width, break_long_words=False), rule]
    for title, lines in cover.sections():
        out.append("")
        out += textwrap.wrap(title + ":", width, break_long_words=False)
        for text in lines:
            out += textwrap.wrap(
                text,
                width,
                initial_indent="  - ",
                subsequent_indent="    ",
                break_on_hyphens=False,
                break_long_words=False,
            )
    out += ["", *textwrap.wrap(DISCLAIMER, width), rule, ""]
    out += _letter_text(letter, width)
    return "\n".join(out).replace(_KEEP, " ") + "\n"


def _letter_text(letter: Letter, width: int) -> list[str]:
    out: list[str] = []

    def lines(text: str) -> list[str]:
        """One line of the letter, broken at spaces only where it is wider than ``width``."""
        return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False) or [""]

    for block in letter.sender:
        out += lines(_text(block.pieces, _plain_mark))
    out += ["", letter.dated_words, ""]
    for block in letter.recipient:
        out += lines(_text(block.pieces, _plain_mark))
    out += ["", *lines(_text(letter.subject, _plain_mark)), "", _text(letter.salutation, _plain_mark)]
    previous: Style | None = None
    for block in (*letter.body, *letter.closing):
        text = _text(block.pieces, _plain_mark)
        if block.style is Style.QUOTE and not any(isinstance(piece, Blank) for piece in block.pieces):
            out += ["", *text.splitlines()]  # the sender's own words, as given
        elif block.style is Style.LINE:
            out += lines(text)
        elif block.style is Style.ITEM:
            if previous is not Style.ITEM:
                out.append("")
            out += textwrap.wrap(
                text, width, initial_indent="- ", subsequent_indent="  ", break_on_hyphens=False, break_long_words=False
            )
        else:
            out += ["", *textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)]
        previous = block.style
    return out


def render_markdown(letter: Letter) -> str:
    """The cover note as a quoted block, then the letter, in markdown."""
    cover = CoverParts(letter, _markdown_mark)
    out = [f"> **{COVER_TITLE}: {cover.title}**", ">"]
    for title, lines in cover.sections():
        out.append(f"> **{title}**")
        out += [f"> - {text}" for text in lines]
        out.append(">")
    out += [f"> {DISCLAIMER}", "", "---", ""]
    out += [_text(block.pieces, _markdown_mark) + "  " for block in letter.sender]
    out += ["", letter.dated_words, ""]
    out += [_text(block.pieces, _markdown_mark) + "  " for block in letter.recipient]
    out += ["", f"**{_text(letter.subject, _markdown_mark)}**", "", _text(letter.salutation, _markdown_mark)]
    previous: Style | None = None
    for block in (*letter.body, *letter.closing):
        text = _text(block.pieces, _markdown_mark)
        if block.style is Style.HEADING:
            out += ["", f"### {text}"]
        elif block.style is Style.ITEM:
            if previous is not Style.ITEM:
                out.append("")
            out.append(f"- {text}")
        elif block.style is Style.LINE:
            out.append(text + "  ")
        else:
            out += ["", text]
        previous = block.style
    return "\n".join(out) + "\n"


def render_docx(letter: Letter) -> bytes:
    """The cover note, a page break, then the letter, as a Word file (``documents.word``, imported only here)."""
    from escalate.documents.word import word_document

    return word_document(letter, CoverParts(letter, Blank.marker), COVER_TITLE, DISCLAIMER)


def render(letter: Letter, chosen: LetterFormat, width: int = WIDTH) -> str | bytes:
    """The letter in the chosen format; a text letter wrapped to ``width`` (a terminal narrower than ``WIDTH``)."""
    if chosen is LetterFormat.TEXT:
        return render_text(letter, width)
    return RENDERERS[chosen](letter)


RENDERERS: Mapping[LetterFormat, Callable[[Letter], str | bytes]] = {
    LetterFormat.TEXT: render_text,
    LetterFormat.MARKDOWN: render_markdown,
    LetterFormat.DOCX: render_docx,
}


def blocks_text(blocks: Iterable[Block]) -> str:
    """Blocks as plain text, one a line (for tests and the library)."""
    return "\n".join(_text(block.pieces, _plain_mark) for block in blocks).replace(_KEEP, " ")
