"""``kipmonev compare`` as a table: CSV for Indonesian Excel, or XLSX with a sheet of indicator changes.

Rendered from a :class:`~kipmonev.engine.compare.Comparison`; nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from kipmonev.core.fileio import workbook_bytes, write_atomic
from kipmonev.engine.compare import Comparison
from kipmonev.outputs import compare_labels as t
from kipmonev.outputs.tables import Cell, csv_text, sheet

#: The file kinds the table is written as, by suffix.
SUFFIXES = (".csv", ".xlsx")


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _rows(c: Comparison) -> Iterable[list[Cell]]:
    for b in c.bodies:
        note = t.BY_NAME.text(old_key=b.old_key) if b.matched_by_name else None
        yield [
            b.key, b.name, b.category,
            _num(b.old_score), b.old_band, t.FINAL if b.old_final else t.ESTIMATE,
            _num(b.new_score), b.new_band, t.FINAL if b.new_final else t.ESTIMATE,
            _num(b.change), note,
        ]  # fmt: skip
    for side, note in ((c.only_old, t.ONLY_OLD.text()), (c.only_new, t.ONLY_NEW.text())):
        for o in side:
            yield [o.key, o.name, o.category, None, None, None, None, None, None, None, note]


def _indicator_rows(c: Comparison) -> Iterable[list[Cell]]:
    for b in c.bodies:
        for i in b.indicators:
            yield [b.key, b.name, i.code, i.name, _num(i.old_percent), _num(i.new_percent), _num(i.change)]


def write_comparison(c: Comparison, path: Path) -> None:
    """Write the comparison atomically as ``.csv`` or ``.xlsx`` (chosen by the suffix, one of :data:`SUFFIXES`)."""
    if path.suffix.lower() == ".csv":
        write_atomic(path, csv_text(list(t.HEADER), _rows(c)))
        return
    wb = Workbook()
    sheet(wb, t.SHEET_BODIES, list(t.HEADER), _rows(c), first=True)
    sheet(wb, t.SHEET_INDICATORS, list(t.INDICATOR_HEADER), _indicator_rows(c))
    wb.properties.creator = "kipmonev"
    write_atomic(path, workbook_bytes(wb))
