"""Terminal layout shared by the text renderers: prose wrapped to the terminal with every word whole, an
address on a line of its own, tables only where they fit (stacked blocks below that width), and notes
numbered once, without gaps.

A renderer chooses the words; this module only decides where lines break.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from rich.console import Console, RenderableType
from rich.segment import Segments
from rich.table import Table
from rich.text import Span, Text

from escalate.engine.results import Deadline
from escalate.output.console import table_box

URL = re.compile(r"https?://[^\s)]*[^\s).,;:]")
"""An address in prose (a full stop or bracket after it is not part of it)."""

URL_LINE = re.compile(URL.pattern + r"[.,;:)]*")
"""A line that is one address (with the punctuation that ends its sentence, kept beside it)."""

MIN_WRAP = 20
"""Never wrap narrower than this, whatever the indent."""


class Layout:
    """How text is laid out on one console: ``plain`` is linear text without box drawing (``--plain``, or a
    terminal that says it is dumb) for screen readers and for pasting into an email.

    Used as ``with Layout(console) as layout:``: its lines are printed together, before a table (``show``)
    and when the block ends, in one call to rich's print instead of one a line (rich's work for each call
    took half of `escalate route --full`'s time after its imports); the bytes are the same.

    A plain class, as ``Column``: a dataclass takes about a millisecond to define, at every start of a command
    that prints text, and nothing reads these as dataclasses."""

    __slots__ = ("console", "pending", "plain")

    def __init__(self, console: Console, plain: bool = False) -> None:
        self.console = console
        self.plain = plain
        self.pending: list[Text | str] = []
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
        """Print the lines not printed yet: joined, as rich's print joins them (``print(*lines, sep="\\n",
        soft_wrap=True)``), and written as the segments that print would make of them. Each line already fits,
        so print's search for where to break them, line by line, is skipped; the bytes are the same."""
        if not self.pending:
            return
        lines = [line if isinstance(line, Text) else Text(line) for line in self.pending]
        self.pending.clear()
        if any("\n" in line.plain for line in lines):  # not lines after all: rich breaks them
            self.console.print(*lines, sep="\n", soft_wrap=True)
            return
        joined = Text("\n").join(lines)
        self.console.print(Segments(joined.render(self.console, end="\n")), soft_wrap=True)

    def para(self, text: Text | str, indent: int = 0, first: Text | str | None = None) -> None:
        """``text`` wrapped to the terminal at spaces, with a hanging ``indent``; ``first`` replaces the indent
        of the first line. An address goes on a line of its own, whole (a terminal makes it a link only if it
        is not cut); where it is wider than the terminal it starts at the margin, and the terminal carries it
        on."""
        rich_text = text if isinstance(text, Text) else Text(text)
        margin = Text(" " * indent)
        lead = (first if isinstance(first, Text) else Text(first)) if first is not None else margin
        width = self.width
        for piece in _pieces(rich_text):
            if URL_LINE.fullmatch(piece.plain):
                self.line(_joined(lead, piece) if len(piece) <= width - len(lead) else piece)
            else:
                for line in wrap(piece, max(MIN_WRAP, width - indent), max(MIN_WRAP, width - len(lead))):
                    self.line(_joined(lead, line))
                    lead = margin
            lead = margin

    def heading(self, text: str) -> None:
        """A section heading: bold and underlined on a terminal; in plain text, the words alone (a screen reader
        would read out a line of dashes)."""
        self.para(Text(text, style="" if self.plain else "bold underline"))


def wrap(text: Text, width: int, first: int | None = None) -> list[Text]:
    """``text`` (with its styles) in lines of at most ``width`` characters (``first`` for the first line),
    broken only at spaces and at the line breaks it has; a word longer than the width stands alone, whole."""
    plain = text.plain
    if "\n" not in plain and len(plain) <= (width if first is None else first):
        return [_cut(text, len(plain) - len(plain.lstrip()), len(plain.rstrip()))]
    lines: list[Text] = []
    offset = 0
    for paragraph in plain.split("\n"):
        start = end = offset
        for match in _WORD.finditer(paragraph):
            word_start, word_end = offset + match.start(), offset + match.end()
            if end > start and word_end - start > (width if lines or first is None else first):
                lines.append(_cut(text, start, end))
                start = word_start
            elif end == start:
                start = word_start
            end = word_end
        lines.append(_cut(text, start, end))
        offset += len(paragraph) + 1
    return lines


_WORD = re.compile(r"\S+")


def _cut(text: Text, start: int, end: int) -> Text:
    """``text[start:end]`` as rich slices it (its style, justification and overflow; its spans cut to the
    slice), without dividing the whole text into three to keep the middle."""
    if start == 0 and end == len(text) and not text.spans:
        return Text(text.plain, style=text.style, justify=text.justify, overflow=text.overflow)
    spans = [
        Span(max(0, span.start - start), min(span.end, end) - start, span.style)
        for span in text.spans
        if min(span.end, end) > max(span.start, start)
    ]
    return Text(text.plain[start:end], style=text.style, justify=text.justify, overflow=text.overflow, spans=spans)


def _joined(lead: Text, line: Text) -> Text:
    """``lead + line`` as rich adds them (the lead's attributes; the line's style and spans after the lead's),
    made in one step."""
    offset = len(lead)
    spans = list(lead.spans)
    if line.plain:  # rich adds nothing of an empty text, not even its style
        if line.style:
            spans.append(Span(offset, offset + len(line), line.style))
        spans += [Span(span.start + offset, span.end + offset, span.style) for span in line.spans]
    return Text(
        lead.plain + line.plain,
        style=lead.style,
        justify=lead.justify,
        overflow=lead.overflow,
        no_wrap=lead.no_wrap,
        end=lead.end,
        tab_size=lead.tab_size,
        spans=spans,
    )


def _pieces(text: Text) -> list[Text]:
    """``text`` cut around each address, so that the address can stand alone; the spaces at a cut go."""
    plain = text.plain
    if "://" not in plain:
        return [text]
    pieces: list[Text] = []
    start = 0
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


class Column:
    """A column of a table that fits: ``wrap`` columns hold prose (at least ``floor`` wide, and never narrower
    than their longest word); the others keep each line whole."""

    __slots__ = ("cells", "floor", "header", "justify", "ratio", "wrap")

    def __init__(
        self, header: str, *, wrap: bool = False, floor: int = 0, ratio: int = 1, justify: str = "left"
    ) -> None:
        self.header = header
        self.wrap = wrap
        self.floor = floor
        self.ratio = ratio
        self.justify = justify
        self.cells: list[Text] = []

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
