"""Reading the panel kit's files: the rooms list, the conflicts of interest and the filled score sheets.

The rooms file and the conflicts file are CSV or XLSX tables read by their headings
(:data:`kipmonev.formats.panel_texts.ROOM_HEADINGS`, ``CONFLICT_HEADINGS``), in any column order:

- rooms: ``Ruang``, ``ID``, ``Nama``, ``Panelis``. A row with an ID puts that body in the room; a row with a
  panelist puts that panelist in the room; one row may do both.
- conflicts: ``Panelis``, ``ID``, ``Alasan``, optionally ``Tahap`` (empty: every stage).

The score sheets are the workbooks ``kipmonev panel kit`` wrote, found by their very hidden metadata; their
columns are found by heading, so inserted or moved columns and sorted rows are read correctly.
Every problem in every file is reported at once, each at its line or cell.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kipmonev.core.errors import KipmonevError, Location, Problem, WorkbookError
from kipmonev.core.formatting import format_plain
from kipmonev.core.numbers import parse_number
from kipmonev.engine.panel import Conflict, Kit, KitCriterion, KitRow, Room
from kipmonev.formats import panel_texts as pt
from kipmonev.formats.a1 import column_letter
from kipmonev.sources import problems_panel as pp
from kipmonev.sources.book import open_book
from kipmonev.sources.cells import display, header_key
from kipmonev.sources.problems import STAGE_FILE_UNREADABLE
from kipmonev.sources.stages import table_rows
from kipmonev.sources.xlsx import Sheet


class PanelKitError(KipmonevError):
    """A rooms, conflicts or score-sheet file is unreadable or has invalid rows."""


class _Table:
    """A table's rows as text, its columns by field, and where each cell is."""

    def __init__(self, path: Path, headings: dict[str, tuple[str, ...]], required: tuple[str, ...]) -> None:
        self.source = str(path)
        try:
            rows, self.sheet = table_rows(path, self.source)
        except WorkbookError as e:
            raise PanelKitError(pp.UNREADABLE_SUMMARY.text(path=path), e.problems) from e
        except (OSError, UnicodeDecodeError, ValueError, KeyError) as e:
            raise PanelKitError(pp.UNREADABLE_SUMMARY.text(path=path), (STAGE_FILE_UNREADABLE.at(Location(self.source), reason=type(e).__name__),)) from e
        self.header = next((i for i, r in enumerate(rows) if any(c.strip() for c in r)), 0)
        head = [" ".join(c.split()).casefold() for c in (rows[self.header] if rows else [])]
        self.columns = {f: next((i for i, h in enumerate(head) if h in aliases), None) for f, aliases in headings.items()}
        missing = [f for f in required if self.columns[f] is None]
        if missing:
            problems = tuple(
                pp.TABLE_COLUMN_MISSING.at(self.where(self.header, 0), column=headings[f][0].title(), aliases=tuple(a.title() for a in headings[f])) for f in missing
            )
            raise PanelKitError(pp.ROOMS_SUMMARY.text(path=path, count=len(problems)), problems)
        self.rows = [(i, r) for i, r in enumerate(rows) if i > self.header]

    def where(self, row: int, col: int) -> Location:
        if self.sheet is not None:
            return Location(self.source, sheet=self.sheet, cell=f"{column_letter(col + 1)}{row + 1}")
        return Location(self.source, line=row + 1)

    def get(self, row: list[str], field: str) -> str:
        col = self.columns[field]
        return " ".join(row[col].split()) if col is not None and col < len(row) else ""

    def at(self, index: int, field: str) -> Location:
        return self.where(index, self.columns[field] or 0)


def read_rooms(path: Path) -> tuple[Room, ...]:
    """The rooms, in file order: each with its bodies (ID, name) and panelists, in file order.

    Raises:
        PanelKitError: Every problem in the file at once, each at its line or cell.
    """
    table = _Table(path, pt.ROOM_HEADINGS, ("room", "id", "panelist"))
    rooms: dict[str, tuple[str, list[tuple[str, str]], list[str], Location]] = {}
    placed: dict[str, str] = {}
    problems: list[Problem] = []
    for i, row in table.rows:
        room, body, name, panelist = (table.get(row, f) for f in ("room", "id", "name", "panelist"))
        if not (room or body or name or panelist):
            continue
        if not room:
            problems.append(pp.ROOM_MISSING.at(table.at(i, "room")))
            continue
        entry = rooms.setdefault(room.casefold(), (room, [], [], table.at(i, "room")))
        if name and not body:
            problems.append(pp.BODY_WITHOUT_ID.at(table.at(i, "id"), name=name))
        if body:
            other = placed.get(body.casefold())
            if other is not None:
                problems.append(pp.BODY_IN_TWO_ROOMS.at(table.at(i, "id"), body=body, room=other))
            else:
                placed[body.casefold()] = entry[0]
                entry[1].append((body, name))
        if panelist and all(p.casefold() != panelist.casefold() for p in entry[2]):
            entry[2].append(panelist)
    for room, _, panelists, where in rooms.values():
        if not panelists:
            problems.append(pp.ROOM_WITHOUT_PANELIST.at(where, room=room))
    if problems:
        raise PanelKitError(pp.ROOMS_SUMMARY.text(path=path, count=len(problems)), tuple(problems))
    return tuple(Room(name, tuple(bodies), tuple(panelists)) for name, bodies, panelists, _ in rooms.values() if bodies)


def read_conflicts(path: Path) -> tuple[Conflict, ...]:
    """The declared conflicts of interest (panelist × body, reason), in file order.

    Raises:
        PanelKitError: Every problem in the file at once, each at its line or cell.
    """
    table = _Table(path, pt.CONFLICT_HEADINGS, ("panelist", "id", "reason"))
    out: list[Conflict] = []
    problems: list[Problem] = []
    for i, row in table.rows:
        panelist, body, reason, stage = (table.get(row, f) for f in ("panelist", "id", "reason", "stage"))
        if not (panelist or body or reason or stage):
            continue
        if not (panelist and body):
            problems.append(pp.CONFLICT_INCOMPLETE.at(table.at(i, "panelist" if not panelist else "id")))
        elif not reason:
            problems.append(pp.CONFLICT_NO_REASON.at(table.at(i, "reason"), panelist=panelist, body=body))
        else:
            out.append(Conflict(table.at(i, "id"), panelist, body, reason, stage.casefold()))
    if problems:
        raise PanelKitError(pp.CONFLICTS_SUMMARY.text(path=path, count=len(problems)), tuple(problems))
    return tuple(out)


def _meta(sheet: Sheet) -> tuple[dict[str, str], list[KitCriterion]]:
    values: dict[str, str] = {}
    criteria: list[KitCriterion] = []
    last = max((r for r, _ in sheet.cells), default=0)
    for r in range(1, last + 1):
        cells = [display(sheet.cells[(r, c)].value) if (r, c) in sheet.cells else "" for c in range(1, 5)]
        if cells[0] == pt.META_CRITERION:
            criteria.append(KitCriterion(cells[1], cells[2], Decimal(cells[3])))
        elif cells[0]:
            values[cells[0]] = cells[1]
    return values, criteria


def _score(text: str) -> Decimal | None:
    value = parse_number(text)
    return value if value is not None and 0 <= value <= 100 else None


def read_kit(path: Path) -> Kit:
    """One filled score sheet.

    Raises:
        PanelKitError: Not a kit, or every invalid cell at once.
    """
    source = str(path)
    try:
        with open_book(path, source) as book:
            if pt.SHEET_META not in book.sheet_names or pt.SHEET_SCORES not in book.sheet_names:
                raise PanelKitError(pp.KIT_SUMMARY.text(path=path, count=1), (pp.KIT_NOT_A_KIT.at(Location(source)),))
            values, criteria = _meta(book.sheet(pt.SHEET_META))
            sheet = book.sheet(pt.SHEET_SCORES)
    except WorkbookError as e:
        raise PanelKitError(pp.UNREADABLE_SUMMARY.text(path=path), e.problems) from e
    except (OSError, ValueError, ArithmeticError) as e:
        raise PanelKitError(pp.UNREADABLE_SUMMARY.text(path=path), (STAGE_FILE_UNREADABLE.at(Location(source), reason=type(e).__name__),)) from e
    if values.get(pt.META_KIND) != pt.META_KIND_VALUE or not criteria:
        raise PanelKitError(pp.KIT_SUMMARY.text(path=path, count=1), (pp.KIT_NOT_A_KIT.at(Location(source)),))

    def where(r: int, c: int) -> Location:
        return Location(source, sheet=pt.SHEET_SCORES, cell=f"{column_letter(c)}{r}")

    def text(r: int, c: int) -> str:
        cell = sheet.cells.get((r, c))
        return "" if cell is None or cell.value is None else display(cell.value).strip()

    heads = {header_key(cell.value): c for (r, c), cell in sheet.cells.items() if r == pt.HEADER_ROW and cell.value is not None}
    wanted = {
        "id": pt.HEAD_ID,
        "panelist": pt.HEAD_PANELIST,
        **{f"c:{k.code}": pt.HEAD_CRITERION.format(name=k.name, weight=format_plain(k.weight)) for k in criteria},
    }
    columns = {f: heads.get(header_key(label)) for f, label in wanted.items()}
    missing = [label for f, label in wanted.items() if columns[f] is None]
    if missing:
        raise PanelKitError(pp.KIT_SUMMARY.text(path=path, count=len(missing)), tuple(pp.TABLE_COLUMN_MISSING.at(where(pt.HEADER_ROW, 1), column=m, aliases=(m,)) for m in missing))
    name_col = heads.get(header_key(pt.HEAD_NAME))
    id_col, panel_col = columns["id"], columns["panelist"]
    assert id_col is not None and panel_col is not None
    crit_cols = [columns[f"c:{k.code}"] for k in criteria]
    rows: list[KitRow] = []
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    last = max((r for r, _ in sheet.cells), default=0)
    for r in range(pt.FIRST_ROW, last + 1):
        body, panelist = text(r, id_col), text(r, panel_col)
        given = [text(r, c) if c is not None else "" for c in crit_cols]
        if not body and not panelist and not any(given):
            continue
        if not body or not panelist:
            problems.append(pp.KIT_ROW_INCOMPLETE.at(where(r, id_col if not body else panel_col)))
            continue
        scores: list[Decimal | None] = []
        bad = False
        for c, g in zip(crit_cols, given, strict=True):
            value = _score(g) if g else None
            if g and value is None:
                bad = True
                problems.append(pp.KIT_BAD_SCORE.at(where(r, c or 1), given=g))
            scores.append(value)
        key = (body.casefold(), panelist.casefold())
        if key in seen:
            problems.append(pp.KIT_DUPLICATE_ROW.at(where(r, id_col), panelist=panelist, body=body))
            continue
        seen.add(key)
        if bad:
            continue
        empty = [k.name for k, g in zip(criteria, given, strict=True) if not g]
        if empty and len(empty) < len(criteria):
            problems.append(pp.KIT_PARTIAL_ROW.at(where(r, id_col), panelist=panelist, body=body, missing=", ".join(empty)))
            continue
        rows.append(KitRow(where(r, id_col), body, text(r, name_col) if name_col else "", panelist, tuple(scores)))
    if problems:
        raise PanelKitError(pp.KIT_SUMMARY.text(path=path, count=len(problems)), tuple(problems))
    return Kit(source, values.get(pt.META_RULE_SET, ""), values.get(pt.META_STAGE, ""), values.get(pt.META_STAGE_NAME, ""), values.get(pt.META_ROOM, ""), tuple(criteria), tuple(rows))


def read_kits(path: Path) -> tuple[Kit, ...]:
    """Every score sheet in a folder (``*.xlsx``, sorted; lock and hidden files skipped), or the one file given.

    Raises:
        PanelKitError: No sheet found, or every problem of every sheet at once.
    """
    files = sorted(p for p in path.glob("*.xlsx") if not p.name.startswith(("~$", "."))) if path.is_dir() else [path]
    if not files:
        raise PanelKitError(pp.KIT_SUMMARY.text(path=path, count=1), (pp.KIT_NO_FILES.at(Location(str(path))),))
    kits: list[Kit] = []
    problems: list[Problem] = []
    for f in files:
        try:
            kits.append(read_kit(f))
        except PanelKitError as e:
            problems += e.problems
    if problems:
        raise PanelKitError(pp.KIT_SUMMARY.text(path=path, count=len(problems)), tuple(problems))
    return tuple(kits)
