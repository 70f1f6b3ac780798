"""Benchmark: render body report PDFs for many bodies and print one table of wall times.

Run from the repository root::

    python benchmarks/bench_reports.py                  # 100 PDFs with 1 and 2 processes
    python benchmarks/bench_reports.py --workers 2 --count 20

The bodies answer a shipped edition (default ki-pusat-2025-bumn, 101 questions) deterministically, as in
the report tests, with evidence links as long as real ones. Scoring is done before the clock starts;
WeasyPrint is imported and warmed first (a batch process pays that once). ``cpu s/PDF`` is this process's
CPU time for one report, the best of three: it does not depend on other load on the machine.
Target (issue 5): 100 body PDFs in at most 40 s of wall time on a 2-core machine.
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

from kipmonev.outputs.report import ReportFormat, render_bytes, render_many

#: Issue 5: 100 PDFs in at most this many seconds of wall time.
TARGET_S_PER_100 = 40.0


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


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
    render_bytes(bodies[0], ReportFormat.PDF, report_date=date)  # warm: fonts, templates, caches
    cpu = []
    for _ in range(3):
        start = time.process_time()
        sample = render_bytes(bodies[0], ReportFormat.PDF, report_date=date)
        cpu.append(time.process_time() - start)

    print(f"edition {args.edition} ({len(bodies[0].questions)} questions), {os.cpu_count()} CPU cores, WeasyPrint import {imported:.2f} s")
    print(f"one report: {min(cpu):.2f} cpu s, {len(sample) // 1024} KiB, {_pages(sample)} pages")
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
