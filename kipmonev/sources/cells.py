"""Cell values as people type them, and the state one workbook read collects (problems, warnings, links).

Normalising happens here, at the edge: non-breaking spaces, stray spaces, numbers typed as text,
evidence cells holding several links. Everything located is reported with its sheet and cell.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kipmonev.core.catalogue import Message
from kipmonev.core.errors import Location, Problem, WorkbookError
from kipmonev.core.text import closest
from kipmonev.engine.links import split_urls
from kipmonev.formats import workbook_texts as tx
from kipmonev.formats.a1 import column_index, column_letter
from kipmonev.sources.book import Book
from kipmonev.sources.problems import CELL_ERROR, FORMULA_WITHOUT_VALUE, SHEET_MISSING, SHEET_MISSING_RENAMED, SUMMARY_FILLED_PROBLEMS
from kipmonev.sources.xlsx import Cell, CellValue

#: How far down the reader looks for the column headings.
HEADER_SEARCH_ROWS = 30
_SHEET_ORDER = {tx.SHEET_IDENTITY: 0, tx.SHEET_ANSWERS: 1, tx.SHEET_STAGES: 2}
_KNOWN_OTHER_SHEETS = {tx.SHEET_META, tx.SHEET_CALC, tx.SHEET_LISTS}


_EVIDENCE_SEPARATORS = re.compile(r"[\r\n;]+")


def clean_text(value: str) -> str:
    """Non-breaking spaces to spaces, runs of whitespace to one space, trimmed."""
    return " ".join(value.replace("\xa0", " ").split())


def number_text(value: Decimal) -> str:
    """A number as plain text, ``7.5``."""
    return format(value, "f")


def split_evidence(text: str | None, link: str | None = None) -> tuple[str, ...]:
    """The evidence items in a cell: its URLs, or the document name it names, plus its hyperlink target.

    Items are separated by newlines and ``;``; URLs are found anywhere in the text (a URL may contain
    commas, so a comma splits only when another URL follows it; :func:`kipmonev.engine.links.split_urls`).
    Text next to a URL, and the visible text of a hyperlink, is a label and is dropped; other text is a
    document name.
    """
    items: list[str] = []
    text = text or ""
    pieces = _EVIDENCE_SEPARATORS.split(text) if "\n" in text or ";" in text or "\r" in text else (text,)
    for piece in pieces:
        piece = clean_text(piece)
        if not piece:
            continue
        urls = split_urls(piece)
        if urls:
            items.extend(urls)
        elif not (link and link.strip()):
            items.append(piece)
    if link and link.strip():
        items.append(link.strip())
    return tuple(dict.fromkeys(items))


def display(value: CellValue) -> str:
    """A cell value as the user typed it, for messages."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Decimal):
        return number_text(value)
    return clean_text(str(value)) if value is not None else ""


def header_key(value: CellValue) -> str:
    """A heading or label as compared: cleaned, case-folded, without a trailing ``*`` or ``:``."""
    return clean_text(display(value)).casefold().rstrip(" *:")


class ReadState:
    """One read: the open file, the questionnaire, and the problems and warnings found so far."""

    def __init__(self, book: Book, source: str) -> None:
        """Start a read of ``book``, named ``source`` in messages."""
        self.book = book
        self.source = source
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.links: list[tuple[Location, str]] = []
        #: Every evidence entry (links and document names) with its question code and cell, in reading order.
        self.evidence: list[tuple[str, Location, str]] = []

    def loc(self, sheet: str, row: int | None = None, column: int | None = None) -> Location:
        """The location of a sheet, or of a cell in it."""
        return Location(self.source, sheet=sheet, cell=f"{column_letter(column)}{row}" if row is not None and column is not None else None)

    def fail(self, message: Message, sheet: str | None = None, row: int | None = None, column: int | None = None) -> None:
        """Record a problem (raised later, with all the others)."""
        location = self.loc(sheet, row, column) if sheet is not None else Location(self.source)
        self.problems.append(message.at(location))

    def warn(self, message: Message, sheet: str, row: int | None = None, column: int | None = None) -> None:
        """Record a warning (returned with the submission)."""
        self.warnings.append(message.at(self.loc(sheet, row, column)))

    def raise_if_problems(self) -> None:
        """Raise every problem recorded so far as one WorkbookError, in sheet and cell order."""
        if self.problems:
            ordered = sorted(self.problems, key=problem_order)
            raise WorkbookError(SUMMARY_FILLED_PROBLEMS.text(source=self.source, count=len(ordered)), tuple(ordered))

    # --- sheets ----------------------------------------------------------------------------

    def find_sheet(self, name: str, required: bool = True) -> str | None:
        """The actual name of a sheet (exact, then ignoring case and spaces); report it when missing."""
        names = self.book.sheet_names
        if name in names:
            return name
        key = clean_text(name).casefold()
        for actual in names:
            if clean_text(actual).casefold() == key:
                return actual
        if required:
            suggestion = closest(name, (n for n in names if n not in _KNOWN_OTHER_SHEETS), key=lambda n: clean_text(n).casefold())
            self.fail(SHEET_MISSING_RENAMED.fill(name=name, suggestion=suggestion) if suggestion else SHEET_MISSING.fill(name=name))
        return None

    def text_of(self, sheet: str, cell: Cell | None) -> str | Decimal | bool | None:
        """A cell's value for reading answers; formulas without a cached value and errors are problems."""
        if cell is None:
            return None
        if cell.error is not None:
            self.fail(CELL_ERROR.fill(error=cell.error), sheet, cell.row, cell.column)
            return None
        if cell.value is None:
            if cell.formula is not None:
                self.fail(FORMULA_WITHOUT_VALUE.fill(), sheet, cell.row, cell.column)
            return None
        if isinstance(cell.value, str):
            text = clean_text(cell.value)
            return text or None
        return cell.value


def problem_order(p: Problem) -> tuple[int, int, int, str]:
    """Sort key: Identitas, Kuesioner, Tahap; then row and column; whole-file problems first."""
    loc = p.location
    sheet_rank = _SHEET_ORDER.get(loc.sheet or "", -1 if loc.sheet is None else 9)
    row, col = 0, 0
    if loc.cell:
        m = re.match(r"([A-Z]+)([0-9]+)", loc.cell)
        if m:
            row, col = int(m.group(2)), column_index(m.group(1))
    return sheet_rank, row, col, p.code


