"""Long jobs show progress on a terminal and stay quiet otherwise (issue 19): one mechanism for all."""

from __future__ import annotations

import datetime as dt
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import make_corpus
from kipmonev.model.result import Assessment
from kipmonev.outputs.report import render_many


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_corpus(tmp_path_factory.mktemp("korpus"), 3)


def _score(files: list[Path], out: Path, terminal: bool) -> str:
    """Run ``kipmonev score --report html`` with standard error on a pseudo-terminal or a pipe; return it."""
    cmd = [sys.executable, "-m", "kipmonev", "score", *map(str, files), "-o", str(out), "--report", "html", "-j", "1"]
    if not terminal:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=300).stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_scoring_and_reports_show_progress_on_a_terminal_only(corpus: list[Path], tmp_path: Path) -> None:
    shown = _score(corpus, tmp_path / "tty", terminal=True)
    assert "Menilai" in shown and "3/3" in shown
    assert "Membuat laporan" in shown
    piped = _score(corpus, tmp_path / "pipe", terminal=False)
    assert "Menilai" not in piped and "Membuat laporan" not in piped


def test_render_many_reports_each_body_done(corpus: list[Path], tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "kipmonev", "score", *map(str, corpus), "-o", str(tmp_path / "hasil"), "-q", "-j", "1"], check=True, capture_output=True, timeout=300)
    assessments = [Assessment.from_json(p.read_bytes()) for p in sorted((tmp_path / "hasil" / "hasil").glob("*.json"))]
    ticks: list[int] = []
    render_many(assessments, ["html"], tmp_path / "laporan", report_date=dt.date(2025, 11, 23), progress=ticks.append)
    assert ticks == [1] * len(assessments) == [1, 1, 1]
