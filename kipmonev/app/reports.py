"""Per-body reports for a whole batch (``kipmonev score --report pdf``), rendered in bounded chunks.

Results are read back from the batch's result files a chunk at a time, so memory stays flat however many
bodies the batch holds; a report that fails is listed and the others are still written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kipmonev.core.errors import Problem
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment
from kipmonev.outputs.report import ReportFormat, render_many, render_recaps

#: Bodies rendered per call of render_many: bounds memory, keeps every worker busy.
CHUNK = 24
#: Formats of the recap report written beside the recap; rekap.xlsx and rekap.json are the batch's own.
RECAP_REPORT_FORMATS = (ReportFormat.PDF, ReportFormat.HTML)


@dataclass
class BatchReports:
    """What was rendered."""

    written: list[Path] = field(default_factory=list)
    #: The recap report's files (``rekap.pdf``, ``rekap.html``), apart from the bodies' reports.
    recap_written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _previous_results(previous: Path | None) -> dict[str, Path]:
    """Last year's result file per body ID, from a previous ``kipmonev score`` output folder."""
    if previous is None:
        return {}
    recap_file = previous / "rekap.json" if previous.is_dir() else previous
    if not recap_file.is_file():
        return {}
    recap = Recap.from_json(recap_file.read_bytes())
    return {r.body_id: Path(r.result_file) for r in recap.rows if r.body_id and r.result_file and Path(r.result_file).is_file()}


def render_batch_reports(
    recap: Recap,
    formats: Iterable[ReportFormat | str],
    out_dir: Path,
    *,
    report_date: dt.date,
    jobs: int = 1,
    previous: Path | None = None,
    templates_dir: Path | None = None,
    recap_dir: Path | None = None,
) -> BatchReports:
    """Render each scored body's reports into ``out_dir``, reading results from disk a chunk at a time.

    With ``recap_dir``, the recap report for the commission (``rekap.pdf``, ``rekap.html``, in the
    requested formats) is written there too, beside the batch's ``rekap.xlsx``.
    """
    fmts = tuple(ReportFormat(f) for f in formats)
    earlier = _previous_results(previous)
    rows = [r for r in recap.rows if r.result_file]
    done = BatchReports()
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        assessments = [Assessment.from_json(Path(r.result_file).read_bytes()) for r in chunk if r.result_file]
        before = [Assessment.from_json(earlier[r.body_id].read_bytes()) for r in chunk if r.body_id in earlier]
        summary = render_many(assessments, fmts, out_dir, report_date=report_date, previous=before, templates_dir=templates_dir, workers=jobs)
        done.written += summary.written
        done.problems += summary.problems
    recap_formats = [f for f in RECAP_REPORT_FORMATS if f in fmts]
    if recap_dir is not None and recap_formats:
        summary = render_recaps([recap], recap_formats, recap_dir, report_date=report_date, templates_dir=templates_dir)
        done.recap_written += summary.written
        done.problems += summary.problems
    return done
