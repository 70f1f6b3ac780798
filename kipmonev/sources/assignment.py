"""Read the verifiers' assignment file (penugasan): CSV, ``;`` or ``,``, UTF-8 with or without BOM.

Columns by their headings on the first row, in any order: ``Verifikator`` and ``ID`` and/or ``Kategori``.
A row names one body (ID) or a whole category; the round resolves them (a body's row wins over its
category's). Rows keep their line numbers for messages.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from kipmonev.core.errors import KipmonevError, Location
from kipmonev.core.reasons import reason
from kipmonev.formats.round_layout import ASSIGNMENT_HEADINGS
from kipmonev.sources.problems_verification import ASSIGNMENT_HEADER, ASSIGNMENT_SUMMARY, ASSIGNMENT_UNREADABLE, NOT_UTF8


@dataclass(frozen=True)
class AssignmentRow:
    """One row: a body ID or a category, and the verifier."""

    line: int
    body_id: str
    category: str
    verifier: str


def _key(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def read_assignments(path: Path) -> list[AssignmentRow]:
    """The rows of an assignment file, blank rows skipped.

    Raises:
        KipmonevError: The file cannot be read or lacks the Verifikator and ID/Kategori headings.
    """
    source = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise KipmonevError(ASSIGNMENT_SUMMARY.text(), (ASSIGNMENT_UNREADABLE.at(Location(source), reason=reason(e) if isinstance(e, OSError) else NOT_UTF8.text()),)) from e
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = [_key(h) for h in (rows[0] if rows else [])]
    want = {field: _key(label) for field, label in ASSIGNMENT_HEADINGS.items()}
    index = {field: header.index(label) for field, label in want.items() if label in header}
    if "verifier" not in index or not ({"body_id", "category"} & set(index)):
        raise KipmonevError(ASSIGNMENT_SUMMARY.text(), (ASSIGNMENT_HEADER.at(Location(source, line=1), found=", ".join(rows[0]) if rows else "-"),))

    def cell(row: list[str], field: str) -> str:
        i = index.get(field)
        return row[i].strip() if i is not None and i < len(row) else ""

    return [
        AssignmentRow(line, cell(row, "body_id"), cell(row, "category"), cell(row, "verifier"))
        for line, row in enumerate(rows[1:], start=2)
        if any(c.strip() for c in row)
    ]
