"""``round status``: every roster body's progress, as a terminal table, XLSX, mail-merge CSV and HTML dashboard."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from kipmonev.app.round.workspace import Round
from kipmonev.engine.round import build_progress
from kipmonev.formats.round_layout import STATUS_DIR
from kipmonev.model.round import NewEvent, Progress
from kipmonev.outputs.report.dashboard import write_dashboard
from kipmonev.outputs.round_status import write_mail_merge_csv, write_status_xlsx

STATUS_FILES = ("kemajuan.xlsx", "surat-ppid.csv", "dasbor.html")


@dataclass(frozen=True)
class StatusResult:
    """The progress and the files written."""

    progress: Progress
    written: tuple[Path, ...]


def round_progress(r: Round, date: dt.date) -> Progress:
    """The round's progress on ``date``, derived from the log."""
    return build_progress(r.config, r.roster.entries, r.events(), date.isoformat())


def write_round_status(r: Round, date: dt.date, out_dir: Path | None = None, templates_dir: Path | None = None) -> StatusResult:
    """Write kemajuan.xlsx, surat-ppid.csv and dasbor.html (into ``<round>/status/`` by default) and record them.

    Each output's hash is recorded (``output.written``), so a status file dropped into the intake folder is
    recognised as the round's own output and never ranked.

    Raises:
        RenderError: The dashboard template cannot be rendered.
    """
    progress = round_progress(r, date)
    out = out_dir or r.folder / STATUS_DIR
    out.mkdir(parents=True, exist_ok=True)
    xlsx, csv_path, html = (out / name for name in STATUS_FILES)
    written = (write_status_xlsx(progress, xlsx), write_mail_merge_csv(progress, csv_path), write_dashboard(progress, html, templates_dir))
    r.store.append(
        r.actor,
        [NewEvent(kind="output.written", subject="status", new=p.name, input_hash=hashlib.sha256(p.read_bytes()).hexdigest(), reason="kemajuan putaran ditulis", data={"jenis": "kemajuan", "berkas": p.name}) for p in written],
    )
    return StatusResult(progress, written)
