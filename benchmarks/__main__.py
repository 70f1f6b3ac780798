"""kipmonev's benchmarks, all measured in one run against baselines: ``python -m benchmarks`` (or ``make bench``).

It builds a deterministic corpus of filled workbooks (benchmarks/corpus.py), then prints one table:

- read + score throughput: kipmonev's batch path (parallel) and its single-process path against the naive
  baseline (one process, a full openpyxl load of each file, the same scoring), as ratios;
- the full ``kipmonev score`` with recap on 250, 500 and 1,000 workbooks: wall time, time per workbook,
  and peak memory of the whole process tree (sampled from /proc), so scaling and flat memory show;
- PDF body reports per second; template generation time;
- a profile (pyinstrument, when installed) of reading and scoring, to show where the time goes.

Targets (issue 19, 2 cores): score ≥ 400 workbooks/s with results and recap, ≥ 20× the naive baseline and
≥ 5× openpyxl read-only, within 2.5× of the calamine floor; check of one workbook ≤ 0.4 s; 100 body PDFs
in ≤ 20 s; memory flat to 10,000 workbooks (``--sizes 250,1000,10000``). benchmarks/RESULTS.md says
which are met.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.corpus import make_corpus
from benchmarks.naive import naive_assess
from kipmonev import load_questionnaire, score
from kipmonev.app.batch import BatchOptions, cpu_count, run_batch
from kipmonev.core.formatting import format_number
from kipmonev.core.resources import shipped_editions
from kipmonev.outputs.template import build_template, save_workbook
from kipmonev.sources.reader import read_submission


def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{pid}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def _timed_cli(args: list[str]) -> tuple[float, int]:
    """Run ``python -m kipmonev ARGS``; return (wall seconds, peak RSS of its process tree in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kipmonev", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"kipmonev {' '.join(args)} failed ({proc.returncode}): {err.decode()[-500:]}")
    return wall, peak // 1024


def memory_over_batch(files: list[Path], out_dir: Path, jobs: int, marks: tuple[int, ...] = (1000,)) -> tuple[dict[int, int], int]:
    """One batch over ``files``: resident memory of the process tree (MB) when ``marks`` files are done and
    at the last, and the peak over the whole run including the recap, so growth shows within one run."""
    at: dict[int, int] = {}
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(os.getpid()))
            time.sleep(0.05)

    def progress(n: int, total: int) -> None:
        if n in marks or n == total:
            at[n] = _tree_rss_kb(os.getpid()) // 1024

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    run_batch(files, BatchOptions(out_dir=out_dir, date=dt.date.today().isoformat(), jobs=jobs), progress)
    done.set()
    sampler.join()
    return at, peak // 1024


def _rate(files: list[Path], action: Callable[[Path], object]) -> float:
    start = time.perf_counter()
    for path in files:
        action(path)
    return len(files) / (time.perf_counter() - start)


def _read_and_score(path: Path) -> None:
    q, submission = read_submission(path)
    score(q, submission)


#: The sheets kipmonev reads from a filled workbook (the floor reads the same).
FLOOR_SHEETS = ("Metadata", "Identitas", "Kuesioner", "Tahap")


def calamine_floor(path: Path) -> None:
    """The floor: python-calamine alone reading the same four sheets into Python values, nothing else."""
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(path)) as book:
        for name in FLOOR_SHEETS:
            book.get_sheet_by_name(name).to_python(skip_empty_area=False)


def _check_wall(example: Path, rounds: int = 5) -> float:
    """Median wall time of ``kipmonev check`` on one workbook in a fresh process (bytecode cached, as installed)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "kipmonev", "check", str(example)], capture_output=True, env=env)  # writes the bytecode
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kipmonev", "check", str(example)], capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="250,500,1000", help="batch sizes for the scaling rows")
    parser.add_argument("--baseline", type=int, default=100, help="workbooks for the naive baseline (it is slow)")
    parser.add_argument("--pdfs", type=int, default=100, help="body PDFs to render (the target is about 100)")
    parser.add_argument("--profile", type=int, default=200, metavar="N", help="profile read + score of N workbooks with pyinstrument, if installed (0: skip)")
    parser.add_argument("--jobs", type=int, default=cpu_count(), help="parallel processes for kipmonev")
    parser.add_argument("--work", type=Path, help="folder for the corpus and outputs (default: a temporary folder)")
    ns = parser.parse_args()
    sizes = sorted(int(s) for s in ns.sizes.split(","))
    work = ns.work or Path(tempfile.mkdtemp(prefix="kipmonev-bench-"))
    corpus_dir = work / "korpus"
    t0 = time.perf_counter()
    files = make_corpus(corpus_dir, max(sizes))
    corpus_s = time.perf_counter() - t0
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    print(f"Mesin: {os.cpu_count()} inti ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"Korpus: {len(files)} isian dari {len(shipped_editions())} edisi, dibuat dalam {format_number(corpus_s, 1)} s di {corpus_dir}\n")

    for s in shipped_editions():  # warm the questionnaire cache, as a long-running process would be
        load_questionnaire(s.path)
    sample = files[: ns.baseline]
    naive = _rate(sample, naive_assess)
    read_only = _rate(sample, lambda p: naive_assess(p, read_only=True))
    floor = _rate(files[: max(ns.baseline, 200)], calamine_floor)
    single = _rate(files[: max(ns.baseline, 200)], _read_and_score)
    batch_n = min(1000, len(files))
    t1 = time.perf_counter()
    run_batch(files[:batch_n], BatchOptions(out_dir=work / "batch-api", date=dt.date.today().isoformat(), jobs=ns.jobs))
    batch = batch_n / (time.perf_counter() - t1)
    check_s = _check_wall(files[0])

    def num(value: float, places: int = 1) -> str:
        return format_number(value, places)

    rows: list[tuple[str, str, str]] = [
        ("Baca + nilai, baseline naif (openpyxl penuh, 1 proses)", f"{num(naive)} isian/s", "1,0×"),
        ("Baca + nilai, baseline openpyxl read-only (1 proses)", f"{num(read_only)} isian/s", f"{num(read_only / naive)}×"),
        ("Lantai: python-calamine saja, 4 sheet yang sama (1 proses)", f"{num(floor)} isian/s", f"{num(1000 / floor, 2)} ms/isian"),
        ("Baca + nilai, kipmonev, 1 proses", f"{num(single)} isian/s", f"{num(single / naive)}× naif; {num(floor / single, 2)}× waktu lantai"),
        (
            f"Batch kipmonev (run_batch, {ns.jobs} proses, {batch_n} isian, dengan hasil dan rekap)",
            f"{num(batch)} isian/s",
            f"{num(batch / naive)}× naif; {num(batch / read_only)}× read-only",
        ),
        ("kipmonev check satu isian (proses baru, termasuk mulai)", f"{num(check_s, 2)} s", "median 5 kali"),
    ]
    walls: list[tuple[int, float]] = []
    for n in sizes:
        inputs = [str(corpus_dir)] if n == len(files) else [str(p) for p in files[:n]]
        wall, peak = _timed_cli(["score", *inputs, "-o", str(work / f"skor-{n}"), "-q", "-j", str(ns.jobs)])
        marginal = ""
        if walls:
            n0, w0 = walls[-1]
            marginal = f"; tambahan {num((wall - w0) / (n - n0) * 1000)} ms/isian"
        walls.append((n, wall))
        rows.append((f"kipmonev score + rekap, {n} isian (CLI, termasuk mulai proses)", f"{num(wall, 2)} s{marginal}", f"puncak RSS seluruh proses {peak} MB"))

    if len(files) >= 2000:  # growth within one run: the process tree after 1,000 workbooks and after all of them
        at, peak = memory_over_batch(files, work / "memori", ns.jobs)
        rows.append((
            f"Memori satu batch {num(len(files), 0)} isian (run_batch, {ns.jobs} proses)",
            f"RSS {at[1000]} MB setelah {num(1000, 0)}, {at[len(files)]} MB setelah {num(len(files), 0)}",
            f"puncak dengan rekap {peak} MB; tambahan {num((at[len(files)] - at[1000]) * 1000 / (len(files) - 1000), 1)} MB per {num(1000, 0)}",
        ))  # fmt: skip

    from kipmonev.model.result import Assessment
    from kipmonev.outputs.report import render_many

    results = sorted((work / f"skor-{sizes[-1]}" / "hasil").glob("*.json"))[: ns.pdfs]
    assessments = [Assessment.from_json(p.read_bytes()) for p in results]
    if assessments:  # --pdfs 0 skips the row
        render_many(assessments[:1], ["pdf"], work / "pdf-warm", report_date=dt.date.today())  # WeasyPrint import and fonts
        t2 = time.perf_counter()
        render_many(assessments, ["pdf"], work / "pdf", report_date=dt.date.today(), workers=ns.jobs)
        pdf_s = time.perf_counter() - t2
        rows.append((f"PDF laporan per badan publik ({len(assessments)} PDF, {ns.jobs} proses)", f"{num(len(assessments) / pdf_s, 2)} PDF/s", f"100 PDF ≈ {num(100 * pdf_s / len(assessments), 0)} s"))

    template_ms = []
    for s in shipped_editions():
        q = load_questionnaire(s.path)
        t3 = time.perf_counter()
        save_workbook(build_template(q), work / f"templat-{s.id}.xlsx")
        template_ms.append((time.perf_counter() - t3) * 1000)
    rows.append(("Membuat templat isian (7 edisi, median)", f"{num(statistics.median(template_ms), 0)} ms", ""))

    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print(f"{'Pengukuran'.ljust(width)}  {'Hasil'.ljust(value_width)}  Rasio/catatan")
    print(f"{'-' * width}  {'-' * value_width}  -------------")
    for label, value, note in rows:
        print(f"{label.ljust(width)}  {value.ljust(value_width)}  {note}")
    if ns.profile:
        _profile(files[: ns.profile])


def _profile(files: list[Path]) -> None:
    """Where the time of read + score + result JSON goes, one process, questionnaires already loaded."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("\n(Profil dilewati: pyinstrument belum terpasang; `make bench` memasangnya.)")
        return
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for path in files:
        q, submission = read_submission(path)
        score(q, submission).model_dump_json()
    profiler.stop()
    print(f"\nProfil baca + nilai + JSON hasil, {len(files)} isian, 1 proses (pyinstrument):")
    print(profiler.output_text(unicode=True, color=False))


if __name__ == "__main__":
    main()
