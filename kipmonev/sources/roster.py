"""Read the roster (daftar badan publik): CSV (``;`` or ``,``, UTF-8 with or without BOM) or XLSX.

Columns are found by their headings on the first non-blank row, in any order: ID, Nama, Kategori, and
optionally Email PPID and Induk. Every problem is collected and raised at once, each at its line (CSV) or
sheet and cell (XLSX), so a data officer fixes the file in one pass.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from kipmonev.core.catalogue import quoted
from kipmonev.core.errors import Location, Problem, QuestionnaireError
from kipmonev.formats.a1 import cell_name
from kipmonev.formats.round_layout import ROSTER_HEADER, ROSTER_HEADINGS
from kipmonev.model.round import Roster, RosterEntry
from kipmonev.sources import problems_round as pr
from kipmonev.sources.cells import clean_text, display
from kipmonev.sources.xlsx import open_xlsx

_LABELS = dict(zip(("id", "name", "category", "ppid_email", "parent"), ROSTER_HEADER, strict=True))
_EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")


class RosterError(QuestionnaireError):
    """The roster is missing, unreadable or has invalid rows."""


def _key(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def _csv_rows(path: Path, source: str) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise RosterError(pr.SUMMARY_ROSTER_UNREADABLE_AT.text(source=source), (pr.ROSTER_ENCODING.at(Location(source)),)) from e
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _xlsx_rows(path: Path, source: str) -> tuple[list[list[str]], str]:
    with open_xlsx(path, source) as book:
        name = next((n for n in book.sheet_names if book.states.get(n, "visible") == "visible" and not n.startswith("_")), book.sheet_names[0])
        cells = book.sheet(name).cells
    rows: list[list[str]] = [[] for _ in range(max((r for r, _ in cells), default=0))]
    for (r, c), cell in sorted(cells.items()):
        row = rows[r - 1]
        row.extend([""] * (c - len(row)))
        row[c - 1] = "" if cell.value is None or isinstance(cell.value, bool) else display(cell.value)
    return rows, name


def _locate(source: str, sheet: str | None, row: int, col: int | None) -> Location:
    """Row and column are 0-based; CSV problems name the line, XLSX problems the sheet and cell."""
    if sheet is None:
        return Location(source, line=row + 1)
    return Location(source, sheet, cell_name(row + 1, (col or 0) + 1))


def read_roster(path: Path, categories: Iterable[str] | None) -> Roster:
    """Read and check a roster against the round's categories.

    Args:
        path: The .csv or .xlsx file; it is only read.
        categories: The categories of the round (the keys of ``edisi`` in putaran.yaml); a roster category
            is matched case-insensitively and stored as the round writes it. ``None`` (no round, as in
            ``score --roster``) accepts any category that is not empty.

    Raises:
        RosterError: Missing, unreadable, or invalid rows; every problem is listed with its place.
    """
    source = str(path)
    if not path.is_file():
        raise RosterError(pr.SUMMARY_ROSTER_NOT_FOUND.text(), (pr.ROSTER_MISSING.at(Location(source)),))
    suffix = path.suffix.lower()
    sheet: str | None = None
    if suffix == ".csv":
        rows = _csv_rows(path, source)
    elif suffix in {".xlsx", ".xlsm"}:
        rows, sheet = _xlsx_rows(path, source)
    else:
        raise RosterError(pr.SUMMARY_ROSTER_UNREADABLE.text(), (pr.ROSTER_FORMAT.at(Location(source), suffix=suffix or pr.NO_SUFFIX.text()),))
    known = {_key(c): c for c in categories} if categories is not None else None
    problems: list[Problem] = []
    head = next((i for i, row in enumerate(rows) if any(cell.strip() for cell in row)), None)
    if head is None:
        raise RosterError(pr.SUMMARY_ROSTER_EMPTY.text(source=source), (pr.ROSTER_EMPTY.at(Location(source)),))
    columns: dict[str, int] = {}
    aliases = {alias: field for field, names in ROSTER_HEADINGS.items() for alias in names}
    for col, cell in enumerate(rows[head]):
        field = aliases.get(_key(cell))
        if field is not None and field not in columns:
            columns[field] = col
    missing = [f for f in ("id", "name", "category") if f not in columns]
    if missing:
        raise RosterError(
            pr.SUMMARY_ROSTER_HEADING.text(source=source),
            tuple(pr.ROSTER_COLUMN_MISSING.at(_locate(source, sheet, head, None if sheet is None else 0), column=quoted([_LABELS[f]], "dan")) for f in missing),
        )
    entries: list[RosterEntry] = []
    seen: dict[str, Location] = {}

    def get(row: list[str], field: str) -> str:
        col = columns.get(field)
        return clean_text(row[col]) if col is not None and col < len(row) else ""

    for index in range(head + 1, len(rows)):
        row = rows[index]
        if not any(cell.strip() for cell in row):
            continue
        body_id, name, category = get(row, "id"), get(row, "name"), get(row, "category")
        email, parent = get(row, "ppid_email"), get(row, "parent")
        where = {f: _locate(source, sheet, index, columns.get(f)) for f in ROSTER_HEADINGS}
        ok = True
        if not body_id:
            problems.append(pr.ROSTER_ID_EMPTY.at(where["id"]))
            ok = False
        elif body_id.casefold() in seen:
            problems.append(pr.ROSTER_ID_DUPLICATE.at(where["id"], id=body_id, other=str(seen[body_id.casefold()]).removeprefix(source + ", ")))
            ok = False
        else:
            seen[body_id.casefold()] = where["id"]
        if not name:
            problems.append(pr.ROSTER_NAME_EMPTY.at(where["name"], id=body_id or "-"))
            ok = False
        if known is None and not category:
            problems.append(pr.ROSTER_CATEGORY_EMPTY.at(where["category"], id=body_id or "-"))
            ok = False
        elif known is not None and _key(category) not in known:
            problems.append(pr.ROSTER_CATEGORY_UNKNOWN.at(where["category"], value=category, known=quoted(list(known.values()))))
            ok = False
        emails = [e.strip() for e in email.split(";") if e.strip()]
        bad = [e for e in emails if not _EMAIL.match(e)]
        if bad:
            problems.append(pr.ROSTER_EMAIL_INVALID.at(where["ppid_email"], value=bad[0]))
            ok = False
        if parent and body_id and parent.casefold() == body_id.casefold():
            problems.append(pr.ROSTER_PARENT_SELF.at(where["parent"], id=body_id))
            ok = False
        if ok:
            entries.append(RosterEntry(id=body_id, name=name, category=known[_key(category)] if known is not None else category, ppid_email="; ".join(emails) or None, parent=parent or None))
    if not problems and not entries:
        problems.append(pr.ROSTER_EMPTY.at(_locate(source, sheet, head, None if sheet is None else 0)))
    if problems:
        raise RosterError(pr.SUMMARY_ROSTER_PROBLEMS.text(source=source, count=len(problems)), tuple(problems))
    # A parent given by ID is shown by its name.
    names = {e.id.casefold(): e.name for e in entries}
    entries = [e.model_copy(update={"parent": names.get(e.parent.casefold(), e.parent)}) if e.parent else e for e in entries]
    return Roster(source=source, entries=tuple(entries))
