"""Recap exports: XLSX (Peringkat, Rekap Kualifikasi, Indikator, Galat), CSV for Indonesian Excel, JSON.

Everything is rendered from a :class:`~kipmonev.model.recap.Recap`; nothing is computed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from kipmonev.core.fileio import workbook_bytes, write_atomic
from kipmonev.core.formatting import format_number
from kipmonev.model.recap import Recap
from kipmonev.outputs import panel_labels as pl
from kipmonev.outputs.recap_labels import (
    FILE_FAILED,
    FILE_SKIPPED,
    FILE_WARNED,
    GATE_HEADER,
    GATE_TITLE,
    SIGNOFF_HEADER,
    TOTAL_LABEL,
    WARNED_MESSAGE,
    band_totals,
    gate_rows,
    recap_funnel,
    signed,
)
from kipmonev.outputs.tables import FONT, Cell
from kipmonev.outputs.tables import csv_text as _csv_text
from kipmonev.outputs.tables import sheet as _sheet

STATUS_FINAL = "Final"
STATUS_ESTIMATE = "Perkiraan"


def _ranking_header(recap: Recap) -> list[str]:
    stage_names = list(dict.fromkeys(s.name for r in recap.rows for s in r.stages))
    # NOTE: an estimate (not final) has its own columns: the Kualifikasi column only ever holds a final band.
    header = [
        "Kategori", "Peringkat", "ID", "Nama badan publik", "Nilai mandiri", "Nilai verifikasi", *stage_names, "Lolos gerbang",
        "Nilai akhir", "Kualifikasi", "Perkiraan nilai akhir", "Perkiraan kualifikasi", "Status", "Keterangan",
    ]  # fmt: skip
    if recap.has_previous:
        header += ["Nilai tahun lalu", "Kualifikasi tahun lalu", "Perubahan"]
    if signed(recap):
        header.append(SIGNOFF_HEADER)
    return [*header, "Berkas"]


def _ranking_rows(recap: Recap) -> Iterable[list[Cell | float]]:
    stage_names = list(dict.fromkeys(s.name for r in recap.rows for s in r.stages))
    with_signoff = signed(recap)
    for r in recap.rows:
        stages = {s.name: s for s in r.stages}
        note = "; ".join(r.reasons) if r.reasons else "; ".join(f"{s.name}: {s.note}" for s in r.stages if s.note)
        row: list[Cell | float] = [
            r.category,
            r.rank,
            r.body_id,
            r.name,
            float(r.saq_self),
            None if r.saq_verified is None else float(r.saq_verified),
            *[None if name not in stages or stages[name].score is None else float(stages[name].score or 0) for name in stage_names],
            {True: "Ya", False: "Tidak", None: None}[r.gate_passed],
            float(r.final_score) if r.final_score is not None else None,
            r.band.name if r.band is not None else None,
            None if r.complete else float(r.estimate_score),
            None if r.complete else r.estimate_band.name,
            STATUS_FINAL if r.complete else STATUS_ESTIMATE,
            note or None,
        ]
        if recap.has_previous:
            prev = r.previous
            row += [float(prev.score), prev.band, float(prev.change)] if prev else [None, None, None]
        if with_signoff:
            row.append(r.signoff)
        yield [*row, r.file]


def _band_header(recap: Recap) -> list[str]:
    return ["Kategori", *[b.name for b in recap.bands], "Belum final", TOTAL_LABEL]


def _band_rows(recap: Recap) -> Iterable[list[Cell | float]]:
    for c in recap.band_counts:
        yield [c.category, *[c.counts.get(b.code, 0) for b in recap.bands], c.not_final, c.total]
    total = band_totals(recap)
    yield [total.category, *[total.counts[b.code] for b in recap.bands], total.not_final, total.total]


_PARTICIPATION_HEADER = ["ID", "Nama badan publik", "Kategori", "Induk", "Status"]


def _non_participant_rows(recap: Recap) -> Iterable[list[Cell | float]]:
    for n in recap.participation.non_participants if recap.participation else ():
        yield [n.body_id, n.name, n.category, n.parent, n.status_label]




_INDICATOR_HEADER = ["Kategori", "Kode", "Indikator", "Rata-rata capaian (%)", "Jumlah badan publik", "Peringkat terlemah"]


def _indicator_rows(recap: Recap) -> Iterable[list[Cell | float]]:
    for i in recap.indicators:
        yield [i.category, i.code, i.name, None if i.average_percent is None else float(i.average_percent), i.bodies, i.weakest_rank]


_ERROR_HEADER = ["Berkas", "Keadaan", "Lokasi", "Kode", "Pesan"]
_WARNING_HEADER = ["Berkas", "Lokasi", "Kode", "Pesan"]


def _error_rows(recap: Recap) -> Iterable[list[Cell | float]]:
    """Every file that needs a look: not scored (each error), skipped on purpose, scored with warnings (one row each, the first warning)."""
    for e in recap.errors:
        yield [e.file, FILE_FAILED, e.where, e.code, e.message]
    for s in recap.skipped:
        yield [s.file, FILE_SKIPPED, s.where, s.code, s.message]
    for r in sorted((r for r in recap.rows if r.notices), key=lambda r: r.file):
        first = r.notices[0]
        yield [r.file, FILE_WARNED, first.where, first.code, WARNED_MESSAGE.format(count=format_number(len(r.notices), 0), first=first.message)]


def _warning_rows(recap: Recap) -> Iterable[list[Cell | float]]:
    for w in recap.warnings:
        yield [w.file, w.where, w.code, w.message]


# --- XLSX ---------------------------------------------------------------------------

def _panel_cells(rows: Iterable[pl.Row]) -> Iterable[list[Cell | float]]:
    """Panel rows as cells: scores as numbers with two decimals, counts as whole numbers."""
    return ([float(v) if isinstance(v, Decimal) else v for v in row] for row in rows)


def recap_workbook(recap: Recap) -> Workbook:
    """Build the recap workbook: a colour per qualification, numbers as numbers with two decimals, empty for missing, a filter on every table."""
    wb = Workbook()
    ranking = _sheet(wb, "Peringkat", _ranking_header(recap), _ranking_rows(recap), first=True)
    band_col = _ranking_header(recap).index("Kualifikasi") + 1
    colours = {b.name: b.color.lstrip("#") for b in recap.bands}
    for row in ranking.iter_rows(min_row=2, min_col=band_col, max_col=band_col):
        for cell in row:
            colour = colours.get(str(cell.value))
            if colour:
                cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
                cell.font = Font(name=FONT, bold=True, color="FFFFFF")
    counts = _sheet(wb, "Rekap Kualifikasi", _band_header(recap), _band_rows(recap), filtered=False)  # a filter would sort the total row away
    for idx, band in enumerate(recap.bands, start=2):
        counts.cell(row=1, column=idx).fill = PatternFill("solid", start_color=band.color.lstrip("#"), end_color=band.color.lstrip("#"))
        counts.cell(row=1, column=idx).font = Font(name=FONT, bold=True, color="FFFFFF")
    start = counts.max_row + 2
    counts.cell(row=start, column=1, value="Corong penilaian").font = Font(name=FONT, bold=True)
    for offset, (label, value) in enumerate(recap_funnel(recap), start=1):
        counts.cell(row=start + offset, column=1, value=label).font = Font(name=FONT)
        counts.cell(row=start + offset, column=2, value=value).font = Font(name=FONT)
    if recap.funnel.gates:
        # Rule B7: each gate with its counts and the names of those who passed.
        _sheet(wb, GATE_TITLE, list(GATE_HEADER), (list(r) for r in gate_rows(recap)), filtered=False)
    _sheet(wb, "Indikator", _INDICATOR_HEADER, _indicator_rows(recap))
    if recap.participation is not None:
        # Bodies with nothing scorable: by name and status, never with a score (rule B6).
        _sheet(wb, "Tidak Berpartisipasi", _PARTICIPATION_HEADER, _non_participant_rows(recap))
    if recap.panel is not None:
        # Rules K2, K5, K6: how each panelist scored, the informational z-score rank, the conflicts of interest.
        _sheet(wb, pl.SEVERITY_SHEET, list(pl.SEVERITY_HEADER), _panel_cells(pl.severity_rows(recap)), filtered=False)
        _sheet(wb, pl.ZRANK_SHEET, list(pl.ZRANK_HEADER), _panel_cells(pl.zrank_rows(recap)))
        if recap.panel.conflicts:
            _sheet(wb, pl.CONFLICT_TITLE, list(pl.CONFLICT_HEADER), _panel_cells(pl.conflict_rows(recap)), filtered=False)
    _sheet(wb, "Galat", _ERROR_HEADER, _error_rows(recap))
    if recap.warnings:
        _sheet(wb, "Peringatan", _WARNING_HEADER, _warning_rows(recap))
    wb.properties.creator = "kipmonev"
    # The recap's own date, not the clock: the same recap always gives the same bytes.
    stamp = dt.datetime.combine(dt.date.fromisoformat(recap.date), dt.time())
    wb.properties.created = stamp
    wb.properties.modified = stamp
    return wb


def write_recap_xlsx(recap: Recap, path: Path) -> None:
    """Write the recap workbook atomically."""
    write_atomic(path, workbook_bytes(recap_workbook(recap)))


# --- CSV ------------------------------------------------------------------------------

#: The CSV files :func:`write_recap_csv` writes, in order.
CSV_FILES = ("peringkat.csv", "rekap-kualifikasi.csv", "indikator.csv", "galat.csv")


def write_recap_csv(recap: Recap, out_dir: Path) -> list[Path]:
    """Write peringkat.csv, rekap-kualifikasi.csv, indikator.csv and galat.csv; return their paths."""
    texts = (
        _csv_text(_ranking_header(recap), _ranking_rows(recap)),
        _csv_text(_band_header(recap), _band_rows(recap)),
        _csv_text(_INDICATOR_HEADER, _indicator_rows(recap)),
        _csv_text(_ERROR_HEADER, _error_rows(recap)),
    )
    paths = []
    for name, text in zip(CSV_FILES, texts, strict=True):
        write_atomic(out_dir / name, text)
        paths.append(out_dir / name)
    return paths


def write_recap_json(recap: Recap, path: Path) -> None:
    """Write rekap.json atomically."""
    write_atomic(path, recap.to_json())
