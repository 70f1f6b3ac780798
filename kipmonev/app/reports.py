"""Per-body reports for a whole batch (``kipmonev score --report pdf``), rendered in bounded chunks.

Results are read back from the batch's result files a chunk at a time, so memory stays flat however many
bodies the batch holds; a report that fails is listed and the others are still written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kipmonev.core.errors import Problem
from kipmonev.engine.matching import BodyKey, body_key
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment
from kipmonev.outputs.report import ReportFormat, ReportStems, render_many, render_recaps, report_pool

#: Bodies rendered per call of render_many: bounds memory; one pool serves every chunk.
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


def _previous_results(previous: Recap | None) -> dict[BodyKey, Path]:
    """Last year's result file per body (rule M1), from last year's recap."""
    if previous is None:
        return {}
    return {body_key(r.body_id, r.name): Path(r.result_file) for r in previous.rows if r.result_file and Path(r.result_file).is_file()}


def render_batch_reports(
    recap: Recap,
    formats: Iterable[ReportFormat | str],
    out_dir: Path,
    *,
    report_date: dt.date,
    jobs: int = 1,
    previous: Recap | None = None,
    templates_dir: Path | None = None,
    recap_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BatchReports:
    """Render each scored body's reports into ``out_dir``, reading results from disk a chunk at a time.

    ``previous`` is last year's recap (:attr:`BatchResult.previous <kipmonev.app.batch.BatchResult.previous>`):
    each body's earlier result is found through it (rule M1). With ``recap_dir``, the recap report for the commission (``rekap.pdf``, ``rekap.html``, in the
    requested formats) is written there too, beside the batch's ``rekap.xlsx``. ``progress`` is called with
    (bodies done, bodies in all) after each body, as the batch's own progress is.
    """
    fmts = tuple(ReportFormat(f) for f in formats)
    earlier = _previous_results(previous)
    rows = [r for r in recap.rows if r.result_file]
    done = BatchReports()
    finished = 0

    def tick(steps: int) -> None:
        nonlocal finished
        finished += steps
        if progress is not None:
            progress(finished, len(rows))

    stems = ReportStems()
    with report_pool(fmts, jobs, len(rows)) as pool:
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            assessments = [Assessment.from_json(Path(r.result_file).read_bytes()) for r in chunk if r.result_file]
            keys = [body_key(r.body_id, r.name) for r in chunk]
            before = [Assessment.from_json(earlier[k].read_bytes()) for k in keys if k in earlier]
            summary = render_many(assessments, fmts, out_dir, report_date=report_date, previous=before, templates_dir=templates_dir, progress=tick, pool=pool, stems=stems)
            done.written += summary.written
            done.problems += summary.problems
    recap_formats = [f for f in RECAP_REPORT_FORMATS if f in fmts]
    if recap_dir is not None and recap_formats:
        summary = render_recaps([recap], recap_formats, recap_dir, report_date=report_date, templates_dir=templates_dir)
        done.recap_written += summary.written
        done.problems += summary.problems
    return done
