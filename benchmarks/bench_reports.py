"""Benchmark: render body report PDFs for many bodies and print one table of wall times.

Run from the repository root::

    python benchmarks/bench_reports.py                  # 100 PDFs with 1 and 2 processes
    python benchmarks/bench_reports.py --workers 2 --count 20

The bodies answer a shipped edition (default ki-pusat-2025-bumn, 101 questions) deterministically, as in
the report tests, with evidence links as long as real ones. Scoring is done before the clock starts;
WeasyPrint is imported and warmed first (a batch process pays that once).

``cpu s/PDF`` is this process's CPU time for each of three bodies (about 55, 75 and 95 % of items met: the
longest report has the most items to explain), the best of three runs, kipmonev's renderer interleaved
with WeasyPrint called plainly on the same HTML (its defaults: a new font configuration and the inline
stylesheet parsed for each document, streams at zlib level 9), so the ratio is taken in one run. CPU time
depends less on other load than wall time; ``idle`` is what that CPU time allows on idle cores.
Target (issue 19): 100 body PDFs in at most 20 s of wall time on a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pypdf import PdfReader
from render_samples import EDITION, realistic

from kipmonev.outputs.report import BodyReport, ReportFormat, build_body_report, render_many

#: Issue 19: 100 PDFs in at most this many seconds of wall time on 2 cores.
TARGET_S_PER_100 = 20.0
#: Share of items met of the three bodies whose CPU time is measured.
CPU_LEVELS = (0.55, 0.75, 0.95)


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def _plain_weasyprint(view: BodyReport) -> bytes:
    """The same report through WeasyPrint's defaults: the HTML report as it is, nothing kept between documents."""
    from weasyprint import HTML

    from kipmonev.outputs.report.html import body_html, load_templates
    from kipmonev.outputs.report.pdf import PDF_VARIANT, LocalFetcher, fewer_collections

    templates = load_templates()
    with fewer_collections():
        document = HTML(string=body_html(view, templates), base_url=templates.roots[0].as_uri() + "/", url_fetcher=LocalFetcher(templates.roots))
        return bytes(document.write_pdf(pdf_variant=PDF_VARIANT))


def cpu_per_report(edition: str, date: dt.date, runs: int = 3) -> list[tuple[int, float, float, int]]:
    """Per body: (pages, kipmonev's CPU s, plain WeasyPrint's CPU s, KiB), the best of ``runs``, interleaved."""
    from kipmonev.outputs.report.pdf import render_pdf

    views = [build_body_report(realistic(i + 1, edition=edition, level=level), date) for i, level in enumerate(CPU_LEVELS)]
    ours, plain = [float("inf")] * len(views), [float("inf")] * len(views)
    sizes = [0] * len(views)
    pages = [_pages(render_pdf(v)) for v in views]  # warm: fonts, templates, caches
    for _ in range(runs):
        for i, view in enumerate(views):
            start = time.process_time()
            sizes[i] = len(render_pdf(view)) // 1024
            ours[i] = min(ours[i], time.process_time() - start)
            start = time.process_time()
            _plain_weasyprint(view)
            plain[i] = min(plain[i], time.process_time() - start)
    return list(zip(pages, ours, plain, sizes, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="number of body PDFs (default 100)")
    parser.add_argument("--workers", default="1,2", help="process counts to measure, comma-separated (default 1,2)")
    parser.add_argument("--edition", default=EDITION, help=f"shipped edition id (default {EDITION})")
    args = parser.parse_args()
    worker_counts = [int(w) for w in str(args.workers).split(",")]

    started = time.perf_counter()
    import kipmonev.outputs.report.pdf  # noqa: F401  # NOTE: the import is paid once per process, not per report

    imported = time.perf_counter() - started
    bodies = [realistic(i + 1, edition=args.edition, level=0.55 + 0.4 * (i % 10) / 10) for i in range(args.count)]
    date = dt.date(2025, 11, 23)
    cores = os.cpu_count() or 1
    print(f"edition {args.edition} ({len(bodies[0].questions)} questions), {cores} CPU cores, WeasyPrint import {imported:.2f} s")
    print()
    measured = cpu_per_report(args.edition, date)
    print(f"{'items met':>9}  {'pages':>5}  {'KiB':>4}  {'cpu s/PDF':>9}  {'plain WeasyPrint':>16}  ratio")
    for level, (page_count, ours, plain, size) in zip(CPU_LEVELS, measured, strict=True):
        print(f"{level:>9.0%}  {page_count:>5}  {size:>4}  {ours:>9.3f}  {plain:>16.3f}  {plain / ours:.2f}×")
    mean = sum(m[1] for m in measured) / len(measured)
    mean_plain = sum(m[2] for m in measured) / len(measured)
    print(f"{'mean':>9}  {'':>5}  {'':>4}  {mean:>9.3f}  {mean_plain:>16.3f}  {mean_plain / mean:.2f}×")
    print(f"idle: 100 PDFs ≥ {100 * mean / cores:.0f} s on {cores} cores from CPU time alone (target ≤ {TARGET_S_PER_100:.0f} s needs ≤ {TARGET_S_PER_100 * cores / 100:.2f} cpu s/PDF)")
    print()
    header = f"{'PDFs':>5}  {'workers':>7}  {'wall s':>7}  {'s/PDF':>6}  {'pages':>9}  target (≤ {TARGET_S_PER_100:.0f} s per 100)"
    print(header)
    print("-" * len(header))
    for workers in worker_counts:
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            summary = render_many(bodies, [ReportFormat.PDF], Path(out), report_date=date, workers=workers)
            wall = time.perf_counter() - start
            if summary.problems:
                raise SystemExit(f"{len(summary.problems)} reports failed: {summary.problems[0]}")
            pages = sorted(_pages(p.read_bytes()) for p in summary.written)
        count = len(summary.written)
        met = "met" if wall <= TARGET_S_PER_100 * count / 100 else "NOT met"
        span = f"{pages[0]}–{pages[-1]}" if pages[0] != pages[-1] else str(pages[0])
        print(f"{count:>5}  {workers:>7}  {wall:>7.1f}  {wall / count:>6.2f}  {span:>9}  {met}")


if __name__ == "__main__":
    main()
