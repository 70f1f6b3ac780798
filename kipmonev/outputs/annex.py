"""The penetapan annex (Lampiran Penetapan) as PDF and XLSX, rendered from an :class:`Annex` alone, written atomically.

The PDF comes from ``reports/lampiran.html.j2`` (commission and year on the cover, the SK and its date, one
ranking table per category); the XLSX has a Sampul sheet with the same facts and one Lampiran table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from kipmonev.core.fileio import workbook_bytes, write_atomic
from kipmonev.core.formatting import format_long_date
from kipmonev.model.signoff import Annex
from kipmonev.outputs import annex_labels as al
from kipmonev.outputs.tables import sheet

TEMPLATE = "lampiran.html.j2"
FORMATS = ("pdf", "xlsx")


@dataclass(frozen=True)
class AnnexView:
    """What the annex template shows: the annex and its texts."""

    annex: Annex
    title: str
    date_text: str
    header: tuple[str, ...]
    rule: str


def annex_view(annex: Annex) -> AnnexView:
    """The annex's view model (the date in words; nothing computed)."""
    return AnnexView(annex, al.TITLE, format_long_date(dt.date.fromisoformat(annex.date)), al.HEADER[1:], al.RULE)


def annex_workbook(annex: Annex) -> Workbook:
    """Sampul (commission, year, SK, date) and Lampiran (one row per body: category, rank, ID, name, score, band, note)."""
    wb = Workbook()
    view = annex_view(annex)
    cover = sheet(wb, al.SHEET_COVER, [view.title, ""], [[label, value] for label, value in zip(al.COVER_ROWS, (annex.commission, str(annex.year), annex.sk, view.date_text), strict=True)], first=True, filtered=False)
    cover.column_dimensions["A"].width = 24
    rows = [[category, row.rank, row.body_id, row.name, float(row.score), row.band_name, row.note] for category, members in annex.categories for row in members]
    sheet(wb, al.SHEET_ANNEX, list(al.HEADER), rows)
    return wb


def annex_html(annex: Annex, templates_dir: Path | None = None) -> str:
    """The annex as one HTML document (the PDF's source)."""
    from kipmonev.outputs.report.html import load_templates, render_template

    return render_template(load_templates(templates_dir), TEMPLATE, {"v": annex_view(annex), "x": annex})


def write_annex(annex: Annex, stem: Path, formats: Sequence[str] = FORMATS, templates_dir: Path | None = None) -> list[Path]:
    """Write ``stem.pdf`` and/or ``stem.xlsx`` atomically; returns the paths written.

    Raises:
        RenderError: The template is missing or broken, or the PDF cannot be laid out.
    """
    written = []
    for fmt in formats:
        path = stem.with_name(f"{stem.name}.{fmt}")
        if fmt == "xlsx":
            data = workbook_bytes(annex_workbook(annex))
        else:
            from kipmonev.outputs.report.html import load_templates
            from kipmonev.outputs.report.pdf import html_to_pdf

            data = html_to_pdf(annex_html(annex, templates_dir), load_templates(templates_dir).roots)
        write_atomic(path, data)
        written.append(path)
    return written
