"""Benchmark: read (and score) filled workbooks with kipmonev's reader, against openpyxl's full load.

Run from the repository root::

    python benchmarks/bench_workbook_read.py              # the bundled examples, 20 rounds
    python benchmarks/bench_workbook_read.py --rounds 50

Prints milliseconds per workbook (median over rounds) for: kipmonev's streaming reader alone, reader +
score(), and ``openpyxl.load_workbook`` of the same file (which reads it without scoring anything).
Target (the batch issue): at least 100 workbooks per second read + scored on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from kipmonev import score
from kipmonev.sources.reader import read_submission

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _per_file_ms(files: list[Path], action: Callable[[Path], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for path in files:
            action(path)
        times.append((time.perf_counter() - start) / len(files) * 1000)
    return statistics.median(times)


def _read_and_score(path: Path) -> None:
    q, submission = read_submission(path)
    score(q, submission)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="rounds over all files (default 20)")
    parser.add_argument("files", nargs="*", type=Path, help="workbooks (default: examples/*.xlsx)")
    args = parser.parse_args()
    files = args.files or sorted(EXAMPLES.glob("*.xlsx"))
    _read_and_score(files[0])  # warm: imports, questionnaire cache
    read = _per_file_ms(files, read_submission, args.rounds)
    both = _per_file_ms(files, _read_and_score, args.rounds)
    full = _per_file_ms(files, load_workbook, max(1, args.rounds // 5))
    print(f"{len(files)} workbooks, median of {args.rounds} rounds")
    print(f"kipmonev read_submission:   {read:6.1f} ms/workbook")
    print(f"read_submission + score():  {both:6.1f} ms/workbook  ({1000 / both:.0f} workbooks/s on one core)")
    print(f"openpyxl.load_workbook:     {full:6.1f} ms/workbook  ({full / read:.0f}× slower than the reader)")


if __name__ == "__main__":
    main()
