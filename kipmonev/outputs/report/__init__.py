"""Reports rendered from the canonical results: body reports and the commission's recap, as PDF, HTML, XLSX and JSON.

The public API::

    from kipmonev.outputs.report import ReportFormat, render, render_recap
    render(assessment, ReportFormat.PDF, Path("laporan.pdf"), report_date=date(2025, 11, 23))
    render_recap(recap, ReportFormat.PDF, Path("rekap.pdf"), report_date=date(2025, 11, 23))

A body report reads only the :class:`~kipmonev.result.Assessment` (through the view model in
:mod:`kipmonev.outputs.report.view`), the recap report only the :class:`~kipmonev.model.recap.Recap` (through
:mod:`kipmonev.outputs.report.recap`), so the formats cannot disagree. Nothing here reads the clock, prints or exits.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kipmonev.core.errors import KipmonevError, Location, Problem, RenderError
from kipmonev.core.pool import WorkerPool, worker_count
from kipmonev.core.reasons import reason
from kipmonev.engine.matching import find_previous
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment
from kipmonev.outputs.problems import RENDER_UNLOCATED, REPORT_WRITE_FAILED
from kipmonev.outputs.report.base import Renderer, ReportFormat
from kipmonev.outputs.report.output import safe_filename, write_atomic
from kipmonev.outputs.report.recap import RecapReport, build_recap_report, render_recap
from kipmonev.outputs.report.view import BodyReport, build_body_report

__all__ = [
    "RENDERERS",
    "BodyReport",
    "RecapReport",
    "RenderSummary",
    "ReportFormat",
    "ReportStems",
    "build_body_report",
    "build_recap_report",
    "find_previous",
    "render",
    "render_bytes",
    "render_many",
    "render_recap",
    "render_recaps",
    "report_pool",
    "safe_filename",
    "write_atomic",
]


def _pdf(view: BodyReport, templates_dir: Path | None = None, /) -> bytes:
    from kipmonev.outputs.report.pdf import render_pdf  # NOTE: WeasyPrint costs ~0.6 s to import; only when asked

    return render_pdf(view, templates_dir)


def _html(view: BodyReport, templates_dir: Path | None = None, /) -> bytes:
    from kipmonev.outputs.report.html import render_html

    return render_html(view, templates_dir)


def _xlsx(view: BodyReport, templates_dir: Path | None = None, /) -> bytes:
    from kipmonev.outputs.report.excel import render_xlsx

    return render_xlsx(view)


def _json(view: BodyReport, templates_dir: Path | None = None, /) -> bytes:
    return view.assessment.to_json().encode("utf-8")


#: The body report's renderer for each format (a test checks that every format has one).
RENDERERS: dict[ReportFormat, Renderer[BodyReport]] = {
    ReportFormat.PDF: _pdf,
    ReportFormat.HTML: _html,
    ReportFormat.XLSX: _xlsx,
    ReportFormat.JSON: _json,
}


def render_bytes(
    assessment: Assessment,
    fmt: ReportFormat | str,
    *,
    report_date: dt.date,
    previous: Assessment | None = None,
    templates_dir: Path | None = None,
) -> bytes:
    """Render one body report in memory.

    Args:
        assessment: The canonical result.
        fmt: The format.
        report_date: The date printed on the report.
        previous: The same body's earlier result, for the year-over-year section.
        templates_dir: A commission's template folder; files missing there come from the shipped ``reports/``.

    Raises:
        RenderError: A template is missing or broken, or the PDF cannot be laid out.
    """
    view = build_body_report(assessment, report_date, previous)
    return RENDERERS[ReportFormat(fmt)](view, templates_dir)


def render(
    assessment: Assessment,
    fmt: ReportFormat | str,
    out_path: Path,
    *,
    report_date: dt.date,
    previous: Assessment | None = None,
    templates_dir: Path | None = None,
    protected: Collection[Path] = (),
) -> Path:
    """Render one body report and write it atomically.

    Args:
        assessment: The canonical result.
        fmt: The format.
        out_path: The file to write; its folder must exist.
        report_date: The date printed on the report (render never reads the clock).
        previous: The same body's earlier result, for the year-over-year section.
        templates_dir: A commission's template folder.
        protected: Input files never to be replaced; the result's own ``source`` is always protected.

    Returns:
        The path written.

    Raises:
        RenderError: The report cannot be rendered, would replace an input, or cannot be written.
    """
    data = render_bytes(assessment, fmt, report_date=report_date, previous=previous, templates_dir=templates_dir)
    guard = [*protected, *([Path(assessment.source)] if assessment.source else [])]
    return write_atomic(data, Path(out_path), guard)


@dataclass(frozen=True)
class RenderSummary:
    """What :func:`render_many` did.

    Attributes:
        written: Every file written, in input order.
        problems: Every problem, one per report that failed; the others were still written.
        failed: The positions (in the input sequence) of the assessments with at least one failed report.
    """

    written: tuple[Path, ...]
    problems: tuple[Problem, ...]
    failed: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Job:
    assessment: Assessment
    stem: str
    previous: Assessment | None


def _run(job: _Job, formats: tuple[ReportFormat, ...], out_dir: Path, report_date: dt.date, templates_dir: Path | None, protected: tuple[Path, ...]) -> tuple[list[Path], list[Problem]]:
    written: list[Path] = []
    problems: list[Problem] = []
    for fmt in formats:
        target = out_dir / f"{job.stem}{fmt.suffix}"
        try:
            written.append(render(job.assessment, fmt, target, report_date=report_date, previous=job.previous, templates_dir=templates_dir, protected=protected))
        except KipmonevError as e:
            problems += e.problems or [RENDER_UNLOCATED.at(Location(str(target)), summary=e.summary)]
    return written, problems


def _init_worker(formats: tuple[ReportFormat, ...]) -> None:
    """Prepare a worker: import WeasyPrint once instead of on its first report."""
    if ReportFormat.PDF in formats:
        import kipmonev.outputs.report.pdf  # noqa: F401  # NOTE: ~0.6 s, once per worker


def report_pool(formats: Iterable[ReportFormat | str], jobs: int, bodies: int) -> WorkerPool:
    """The processes that render ``bodies`` bodies' reports; give it to every :func:`render_many` of one batch."""
    return WorkerPool(worker_count(jobs, bodies), _init_worker, (tuple(dict.fromkeys(ReportFormat(f) for f in formats)),))


class ReportStems:
    """File name stems unique within one batch, however many :func:`render_many` calls it takes (``-2``, ``-3``…)."""

    def __init__(self) -> None:
        """No stem handed out yet."""
        self._seen: dict[str, int] = {}

    def next(self, assessment: Assessment) -> str:
        """The stem for this body's reports: its ID and name, numbered when an earlier body had the same."""
        stem = safe_filename(assessment.body)
        count = self._seen.get(stem.casefold(), 0) + 1
        self._seen[stem.casefold()] = count
        return stem if count == 1 else f"{stem}-{count}"


def _make_out_dir(out_dir: Path) -> Path:
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        problem = REPORT_WRITE_FAILED.at(Location(str(out)), reason=reason(e))
        raise RenderError(problem.message, (problem,)) from e
    return out


def render_many(
    assessments: Sequence[Assessment],
    formats: Iterable[ReportFormat | str],
    out_dir: Path,
    *,
    report_date: dt.date,
    previous: Iterable[Assessment] = (),
    templates_dir: Path | None = None,
    protected: Collection[Path] = (),
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    pool: WorkerPool | None = None,
    stems: ReportStems | None = None,
) -> RenderSummary:
    """Render every body's reports into ``out_dir``; a failing report does not stop the others.

    File names come from :func:`safe_filename`, made unique within the batch (``-2``, ``-3``…).

    Args:
        assessments: The results to render.
        formats: The formats for each body.
        out_dir: The output folder (created if missing).
        report_date: The date printed on every report.
        previous: Earlier results; each body gets its own through :func:`find_previous`.
        templates_dir: A commission's template folder.
        protected: Input files never to be replaced.
        workers: Processes to use when no ``pool`` is given; ``1`` renders in this process (2 on 2 cores is ~1.5× faster for PDF).
        progress: Called with 1 each time a body's reports are done (for a progress bar).
        pool: The batch's :func:`report_pool`, kept across calls so workers start once.
        stems: The batch's :class:`ReportStems`, kept across calls so two bodies never share a file name.

    Raises:
        RenderError: The output folder cannot be created.
    """
    out = _make_out_dir(out_dir)
    fmts = tuple(dict.fromkeys(ReportFormat(f) for f in formats))
    earlier = list(previous)
    names = stems or ReportStems()
    jobs = [_Job(a, names.next(a), find_previous(a, earlier)) for a in assessments]
    guard = tuple(Path(p) for p in protected)
    written: list[Path] = []
    problems: list[Problem] = []
    failed: list[int] = []
    tick = progress or (lambda steps: None)
    results = []
    run = functools.partial(_run, formats=fmts, out_dir=out, report_date=report_date, templates_dir=templates_dir, protected=guard)
    with contextlib.nullcontext(pool) if pool is not None else report_pool(fmts, workers, len(jobs)) as own:
        for result in own.map(run, jobs, chunksize=1):
            results.append(result)
            tick(1)
    for index, (paths, probs) in enumerate(results):
        written += paths
        problems += probs
        if probs:
            failed.append(index)
    return RenderSummary(tuple(written), tuple(problems), tuple(failed))


#: File name stem of the recap report; a second recap in the same run gets ``rekap-2``.
RECAP_STEM = "rekap"


def render_recaps(
    recaps: Sequence[Recap],
    formats: Iterable[ReportFormat | str],
    out_dir: Path,
    *,
    report_date: dt.date,
    templates_dir: Path | None = None,
    protected: Collection[Path] = (),
) -> RenderSummary:
    """Render each recap report (``rekap.pdf``, ``rekap.html``, ``rekap.xlsx``…) into ``out_dir``.

    A failing format does not stop the others. See :func:`render_recap` for one file.

    Raises:
        RenderError: The output folder cannot be created.
    """
    out = _make_out_dir(out_dir)
    fmts = tuple(dict.fromkeys(ReportFormat(f) for f in formats))
    written: list[Path] = []
    problems: list[Problem] = []
    failed: list[int] = []
    for index, recap in enumerate(recaps):
        stem = RECAP_STEM if index == 0 else f"{RECAP_STEM}-{index + 1}"
        before = len(problems)
        for fmt in fmts:
            target = out / f"{stem}{fmt.suffix}"
            try:
                written.append(render_recap(recap, fmt, target, report_date=report_date, templates_dir=templates_dir, protected=protected))
            except KipmonevError as e:
                problems += e.problems or [RENDER_UNLOCATED.at(Location(str(target)), summary=e.summary)]
        if len(problems) > before:
            failed.append(index)
    return RenderSummary(tuple(written), tuple(problems), tuple(failed))
