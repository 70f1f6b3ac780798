"""Benchmark: CPU time of the reader (``read_submission``) per workbook, against the calamine floor.

Run from the repository root::

    python benchmarks/bench_reader.py                        # 100 corpus workbooks, 8 rounds
    python benchmarks/bench_reader.py --against ../main      # the same, and another checkout, in one process

Measures process time (not wall time: this machine is shared), the best of alternating rounds, so each
version and the floor are measured under the same load. The floor is python-calamine alone reading the
same four sheets (``benchmarks.__main__.calamine_floor``). With ``--against``, the other checkout's
``kipmonev`` is imported in the same process (its modules renamed away once loaded), so the two are
compared round by round; the ratio printed is this checkout's time over the other's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _reader(tree: Path) -> Callable[[Path], object]:
    """``read_submission`` of the checkout at ``tree``, warmed (questionnaires loaded), imported afresh."""
    for name in [m for m in sys.modules if m == "kipmonev" or m.startswith("kipmonev.")]:
        del sys.modules[name]
    sys.path.insert(0, str(tree))
    try:
        from kipmonev.core.resources import shipped_editions
        from kipmonev.sources.loader import load_questionnaire
        from kipmonev.sources.reader import read_submission

        for s in shipped_editions():
            load_questionnaire(s.path)
    finally:
        sys.path.remove(str(tree))
    return read_submission


def _best_ms(files: list[Path], actions: dict[str, Callable[[Path], object]], rounds: int) -> dict[str, float]:
    best = {name: float("inf") for name in actions}
    for _ in range(rounds):
        for name, action in actions.items():
            start = time.process_time()
            for path in files:
                action(path)
            best[name] = min(best[name], (time.process_time() - start) / len(files) * 1000)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8, help="alternating rounds; the best of each is kept (default 8)")
    parser.add_argument("--count", type=int, default=100, help="corpus workbooks (default 100)")
    parser.add_argument("--against", type=Path, help="another checkout to compare with, in the same process")
    parser.add_argument("files", nargs="*", type=Path, help="workbooks (default: a corpus built in a temporary folder)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from benchmarks.__main__ import calamine_floor
    from benchmarks.corpus import make_corpus

    files = args.files or make_corpus(Path(tempfile.mkdtemp(prefix="kipmonev-reader-")), args.count)
    actions: dict[str, Callable[[Path], object]] = {}
    if args.against is not None:
        actions[f"read_submission ({args.against})"] = _reader(args.against.resolve())
    actions["read_submission (this checkout)"] = _reader(ROOT)
    actions["calamine floor"] = calamine_floor
    for action in actions.values():
        for path in files[:5]:
            action(path)
    best = _best_ms(files, actions, args.rounds)
    floor = best["calamine floor"]
    print(f"{len(files)} workbooks, best of {args.rounds} alternating rounds, CPU time")
    for name, ms in best.items():
        print(f"{name:40s} {ms:7.3f} ms/workbook  {ms / floor:5.2f}× the floor")
    if args.against is not None:
        this, other = best["read_submission (this checkout)"], best[f"read_submission ({args.against})"]
        print(f"this checkout / the other: {this / other:.3f}")


if __name__ == "__main__":
    main()
