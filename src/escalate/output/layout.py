"""Terminal layout shared by the text renderers: prose wrapped to the terminal with every word whole, an
address on a line of its own, tables only where they fit (stacked blocks below that width), and notes
numbered once, without gaps.

A renderer chooses the words; this module only decides where lines break.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from escalate.engine.results import Deadline
from escalate.output.console import table_box

URL = re.compile(r"https?://[^\s)]*[^\s).,;:]")
"""An address in prose (a full stop or bracket after it is not part of it)."""

URL_LINE = re.compile(URL.pattern + r"[.,;:)]*")
"""A line that is one address (with the punctuation that ends its sentence, kept beside it)."""

MIN_WRAP = 20
"""Never wrap narrower than this, whatever the indent."""


@dataclass(frozen=True, slots=True)
class Layout:
    """How text is laid out on one console: ``plain`` is linear text without box drawing (``--plain``, or a
    terminal that says it is dumb) for screen readers and for pasting into an email.

    Used as ``with Layout(console) as layout:``: its lines are printed together, before a table (``show``)
    and when the block ends, in one call to rich's print instead of one a line (rich's work for each call
    took half of `escalate route --full`'s time after its imports); the bytes are the same."""

    console: Console
    plain: bool = False
    pending: list[Text | str] = field(default_factory=list, repr=False, compare=False)
    """The lines not printed yet."""

    def __enter__(self) -> Layout:
        return self

    def __exit__(self, *exception: object) -> None:
        self.flush()

    @property
    def width(self) -> int:
        return self.console.width

    @property
    def sep(self) -> str:
        """Between facts on one line: a middle dot, or a semicolon that a screen reader says as a pause."""
        return "; " if self.plain else " · "

    def line(self, text: Text | str = "") -> None:
        """One line as it is (already fitted to the width)."""
        self.pending.append(text)

    def show(self, renderable: RenderableType) -> None:
        """A table (or another of rich's renderables), after the lines before it."""
        self.flush()
        self.console.print(renderable)

    def flush(self) -> None:
        """Print the lines not printed yet."""
        if self.pending:
            lines = self.pending.copy()
            self.pending.clear()
            self.console.print(*lines, sep="\n", soft_wrap=True)

    def para(self, text: Text | str, indent: int = 0, first: Text | str | None = None) -> None:
        """``text`` wrapped to the terminal at spaces, with a hanging ``indent``; ``first`` replaces the indent
        of the first line. An address goes on a line of its own, whole (a terminal makes it a link only if it
        is not cut); where it is wider than the terminal it starts at the margin, and the terminal carries it
        on."""
        rich_text = text if isinstance(text, Text) else Text(text)
        lead = (first if isinstance(first, Text) else Text(first)) if first is not None else Text(" " * indent)
        for piece in _pieces(rich_text):
            is_url = bool(URL_LINE.fullmatch(piece.plain))
            if is_url:
                room = self.width - len(lead.plain)
                self.line(lead + piece if len(piece.plain) <= room else piece)
            else:
                lines = wrap(piece, max(MIN_WRAP, self.width - indent), max(MIN_WRAP, self.width - len(lead.plain)))
                for line in lines:
                    self.line(lead + line)
                    lead = Text(" " * indent)
            lead = Text(" " * indent)

    def heading(self, text: str) -> None:
        """A section heading: bold and underlined on a terminal; in plain text, the words alone (a screen reader
        would read out a line of dashes)."""
        self.para(Text(text, style="" if self.plain else "bold underline"))


def wrap(text: Text, width: int, first: int | None = None) -> list[Text]:
    """``text`` (with its styles) in lines of at most ``width`` characters (``first`` for the first line),
    broken only at spaces and at the line breaks it has; a word longer than the width stands alone, whole."""
    lines: list[Text] = []
    offset = 0
    for paragraph in text.plain.split("\n"):
        start = end = offset
        for match in re.finditer(r"\S+", paragraph):
            word_start, word_end = offset + match.start(), offset + match.end()
            if end > start and word_end - start > (width if lines or first is None else first):
                lines.append(text[start:end])
                start = word_start
            elif end == start:
                start = word_start
            end = word_end
        lines.append(text[start:end])
        offset += len(paragraph) + 1
    return lines


def _pieces(text: Text) -> list[Text]:
    """``text`` cut around each address, so that the address can stand alone; the spaces at a cut go."""
    pieces: list[Text] = []
    start = 0
    plain = text.plain
    for match in URL.finditer(plain):
        before = text[start : match.start()]
        before.rstrip()
        if before.plain.strip():
            pieces.append(before)
        start = match.end()
        while start < len(plain) and plain[start] in ".,;:)":
            start += 1
        pieces.append(text[match.start() : start])
        while start < len(plain) and plain[start] == " ":
            start += 1
    rest = text[start:]
    if rest.plain.strip() or not pieces:
        pieces.append(rest)
    return pieces


# --- notes -------------------------------------------------------------------------------------------


class Notes(NamedTuple):
    """The notes of a list of deadlines, numbered 1, 2, 3 ... in order, each text once; ``of[i]`` are the
    numbers of the notes of the i-th deadline (a NamedTuple: cheaper to define than a dataclass)."""

    texts: tuple[str, ...]
    of: tuple[tuple[int, ...], ...]

    def see(self, index: int) -> str:
        """'see note 2' or 'see notes 2 and 3' for the deadline at ``index``; '' if it has none."""
        numbers = self.of[index]
        if not numbers:
            return ""
        if len(numbers) == 1:
            return f"see note {numbers[0]}"
        return f"see notes {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"


def number_notes(deadlines: Sequence[Deadline]) -> Notes:
    texts: list[str] = []
    of: list[tuple[int, ...]] = []
    for deadline in deadlines:
        numbers = []
        for note in deadline.notes:
            if note not in texts:
                texts.append(note)
            numbers.append(texts.index(note) + 1)
        of.append(tuple(numbers))
    return Notes(tuple(texts), tuple(of))


def print_notes(layout: Layout, notes: Notes, title: str = "Notes") -> None:
    if not notes.texts:
        return
    layout.para(Text(title, style="" if layout.plain else "bold"))
    width = len(str(len(notes.texts))) + 2
    for number, note in enumerate(notes.texts, start=1):
        layout.para(note, indent=width, first=f"{number}.".ljust(width))


# --- tables that fit ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Column:
    """A column of a table that fits: ``wrap`` columns hold prose (at least ``floor`` wide, and never narrower
    than their longest word); the others keep each line whole."""

    header: str
    wrap: bool = False
    floor: int = 0
    ratio: int = 1
    justify: str = "left"
    cells: list[Text] = field(default_factory=list)

    def widest_line(self) -> int:
        return max(
            (len(line) for cell in [Text(self.header), *self.cells] for line in cell.plain.split("\n")), default=0
        )

    def longest_word(self) -> int:
        words = (word for cell in [Text(self.header), *self.cells] for word in cell.plain.split())
        return max((len(word) for word in words), default=0)


def fitted_table(columns: Sequence[Column], width: int, console: Console) -> Table | None:
    """A rich table whose every column is wide enough for its longest word (so that nothing is cut or broken)
    within ``width``; None when no such table fits, and the caller stacks the rows as blocks instead."""
    # Vertical rules between columns and one space of padding each side of each rule (no outer padding).
    overhead = 2 + 3 * (len(columns) - 1)
    fixed = sum(column.widest_line() for column in columns if not column.wrap)
    prose = [column for column in columns if column.wrap]
    minimum = {id(c): max(c.floor, c.longest_word()) for c in prose}
    room = width - overhead - fixed
    if room < sum(minimum.values()):
        return None
    widths = dict(minimum)
    spare = room - sum(minimum.values())
    wanted = {id(c): max(0, c.widest_line() - minimum[id(c)]) for c in prose}
    while spare > 0 and any(wanted.values()):
        hungry = [c for c in prose if wanted[id(c)] > 0]
        total_ratio = sum(c.ratio for c in hungry)
        given = 0
        for column in hungry:
            share = min(wanted[id(column)], max(1, spare * column.ratio // total_ratio), spare - given)
            widths[id(column)] += share
            wanted[id(column)] -= share
            given += share
        spare -= given
        if given == 0:
            break
    table = Table(box=table_box(console), pad_edge=False, expand=False)
    for column in columns:
        if column.wrap:
            table.add_column(column.header, width=widths[id(column)], justify=column.justify)  # type: ignore[arg-type]
        else:
            table.add_column(column.header, no_wrap=True, justify=column.justify)  # type: ignore[arg-type]
    for row in zip(*(column.cells for column in columns), strict=True):
        table.add_row(*row)
    return table
