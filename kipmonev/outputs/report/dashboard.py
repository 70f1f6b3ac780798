"""The round's static HTML dashboard: one self-contained file (inline CSS and JavaScript, no network).

The view is built here from a :class:`~kipmonev.model.round.Progress`; ``reports/dasbor.html.j2`` only displays
it. Sorting happens in the page (a few lines of inline JavaScript on ``data-sort`` keys), so the file works
offline, from a USB stick or an e-mail attachment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kipmonev.core.fileio import write_atomic
from kipmonev.core.formatting import format_long_date, format_number
from kipmonev.model.round import STATUS_LABELS, BodyStatus, GroupCount, Progress
from kipmonev.outputs.report.html import load_templates, render_template

DASHBOARD_TEMPLATE = "dasbor.html.j2"


@dataclass(frozen=True)
class Cell:
    """A table cell: what is shown and the key the page sorts by."""

    text: str
    sort: str


@dataclass(frozen=True)
class Row:
    """A table row; ``status`` names its colour class."""

    cells: tuple[Cell, ...]
    status: str = ""


@dataclass(frozen=True)
class Table:
    """A sortable table."""

    id: str
    caption: str
    headers: tuple[str, ...]
    numeric: tuple[bool, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Tile:
    """A headline count."""

    key: str
    label: str
    value: str


@dataclass(frozen=True)
class DashboardView:
    """Everything the dashboard shows, as text."""

    title: str
    subtitle: str
    deadlines: tuple[str, ...]
    tiles: tuple[Tile, ...]
    tables: tuple[Table, ...]


def _num(value: int) -> Cell:
    return Cell(format_number(value, 0), f"{value:09d}")


def _text(value: str | None) -> Cell:
    return Cell(value or "–", (value or "").casefold())


def _when(iso: str | None) -> Cell:
    if not iso:
        return Cell("–", "")
    moment = dt.datetime.fromisoformat(iso)
    return Cell(f"{format_long_date(moment.date())} {moment:%H.%M} UTC", iso)


def _groups(table_id: str, caption: str, groups: tuple[GroupCount, ...], total: GroupCount) -> Table:
    statuses = list(BodyStatus)
    rows = tuple(Row((_text(g.group), _num(g.invited), _num(g.sent), *[_num(g.counts.get(s.value, 0)) for s in statuses]), "jumlah" if g is total else "") for g in (*groups, total))
    return Table(table_id, caption, ("Kelompok", "Diundang", "Mengirim", *[STATUS_LABELS[s].capitalize() for s in statuses]), (False, True, True, *[True] * len(statuses)), rows)


def dashboard_view(progress: Progress) -> DashboardView:
    """Turn the progress into the dashboard's text."""
    d = progress.deadlines
    deadlines = tuple(f"Tenggat {label}: {format_long_date(value)}" for label, value in (("pengisian", d.filling), ("verifikasi", d.verification), ("sanggah", d.objection)) if value)
    totals = progress.totals
    tiles = (
        Tile("diundang", "Diundang", format_number(totals.invited, 0)),
        Tile("mengirim", "Mengirim", format_number(totals.sent, 0)),
        *[Tile(s.value, STATUS_LABELS[s].capitalize(), format_number(totals.counts.get(s.value, 0), 0)) for s in BodyStatus],
    )
    bodies = Table(
        "badan-publik",
        "Kemajuan per badan publik",
        ("ID", "Badan publik", "Kategori", "Induk", "Status", "Versi", "Diterima", "Belum dijawab", "Tanpa bukti", "Yang harus dilakukan"),
        (False, False, False, False, False, True, False, True, True, False),
        tuple(
            Row(
                (_text(b.id), _text(b.name), _text(b.category), _text(b.parent), Cell(b.status_label, f"{list(BodyStatus).index(b.status)}"), _num(b.versions), _when(b.received_at),
                 _num(b.missing), _num(b.no_evidence), _text(b.to_do)),
                b.status.value,
            )
            for b in progress.bodies
        ),
    )
    tables = [bodies, _groups("kategori", "Per kategori", progress.by_category, totals)]
    if progress.by_parent:
        tables.append(_groups("induk", "Per badan publik induk", progress.by_parent, totals))
    strays = progress.strays
    tables.append(
        Table(
            "berkas-lain",
            "Berkas yang tidak dinilai",
            ("Berkas", "Jenis", "ID", "Diterima", "Keterangan"),
            (False,) * 5,
            tuple(Row((_text(f.name), _text(f.outcome_label), _text(f.body_id), _when(f.received_at), _text(f.detail))) for f in strays),
        )
    )
    date = format_long_date(dt.date.fromisoformat(progress.date))
    return DashboardView(
        title=f"Kemajuan Monev Keterbukaan Informasi Publik {progress.year}",
        subtitle=f"{progress.commission} · keadaan {date} · {format_number(len(progress.files), 0)} berkas diterima",
        deadlines=deadlines,
        tiles=tiles,
        tables=tuple(tables),
    )


def dashboard_html(progress: Progress, templates_dir: Path | None = None) -> str:
    """The dashboard as one HTML document."""
    return render_template(load_templates(templates_dir), DASHBOARD_TEMPLATE, {"v": dashboard_view(progress)})


def write_dashboard(progress: Progress, path: Path, templates_dir: Path | None = None) -> Path:
    """Write the dashboard atomically."""
    write_atomic(path, dashboard_html(progress, templates_dir))
    return path
