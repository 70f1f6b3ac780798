"""Benchmark: render body report PDFs for many bodies and print the wall time.

Run from the repository root::

    python benchmarks/bench_reports.py                 # 100 PDFs, 2 processes
    python benchmarks/bench_reports.py --workers 1 --count 20

The bodies answer a shipped edition (default ki-pusat-2025-bumn, ~100 questions) deterministically, as in
the report tests. Scoring is done before the clock starts; WeasyPrint is imported and warmed first.
Target (issue 5): 100 body PDFs in at most 40 s of wall time on a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from render_samples import EDITION, realistic

from kipmonev.render import ReportFormat, render_bytes, render_many


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="number of body PDFs (default 100)")
    parser.add_argument("--workers", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--edition", default=EDITION, help=f"shipped edition id (default {EDITION})")
    args = parser.parse_args()

    started = time.perf_counter()
    import kipmonev.render.pdf  # noqa: F401  # NOTE: the import is paid once per process, not per report

    imported = time.perf_counter() - started
    bodies = [realistic(i + 1, edition=args.edition, level=0.55 + 0.4 * (i % 10) / 10) for i in range(args.count)]
    date = dt.date(2025, 11, 23)
    warm_start = time.perf_counter()
    sample = render_bytes(bodies[0], ReportFormat.PDF, report_date=date)
    warm = time.perf_counter() - warm_start

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        summary = render_many(bodies, [ReportFormat.PDF], Path(out), report_date=date, workers=args.workers)
        wall = time.perf_counter() - start
        size = sum(p.stat().st_size for p in summary.written)
    if summary.problems:
        raise SystemExit(f"{len(summary.problems)} reports failed: {summary.problems[0]}")

    print(f"edition            {args.edition} ({len(bodies[0].questions)} questions)")
    print(f"cpu cores          {os.cpu_count()}")
    print(f"weasyprint import  {imported:.2f} s")
    print(f"one warm PDF       {warm:.2f} s ({len(sample) // 1024} KiB)")
    print(f"{len(summary.written)} PDFs, {args.workers} proc   {wall:.1f} s wall, {wall / len(summary.written):.2f} s per PDF, {size // 1024 // 1024} MiB")
    print(f"target             {'met' if wall <= 40 * len(summary.written) / 100 else 'NOT met'} (≤ 40 s per 100 PDFs)")


if __name__ == "__main__":
    main()
