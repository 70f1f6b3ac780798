"""A batch among bad files (issue 7): nothing aborts it, nothing is written over an input, an interrupt leaves only whole files."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import hostile_files as hf
import pytest
from cli_runner import run
from conftest import linked

from kipmonev.app.output_folder import MANIFEST
from kipmonev.app.problems import BATCH_INPUT_INSIDE_OUTPUT, BATCH_OUTPUT_IS_INPUT
from kipmonev.cli.problems import REPORT_FAILED
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment
from kipmonev.outputs.problems import REPORT_WOULD_OVERWRITE
from kipmonev.sources import problems_readers as px
from kipmonev.sources.problems import XLSX_CELL_OUT_OF_BOUNDS, XLSX_DAMAGED, XLSX_DOCTYPE, XLSX_ENCRYPTED, XLSX_NOT_ZIP, XLSX_PART_TOO_LARGE
from kipmonev.sources.xlsx import MAX_PART_BYTES, MAX_ROW

pytestmark = pytest.mark.xdist_group("batch-corpus")  # on the worker that has the session corpus already


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, batch_corpus: list[Path]) -> list[Path]:
    return linked(batch_corpus[:60], tmp_path_factory.mktemp("korpus") / "60")  # = make_corpus(…, 60), in a folder of its own


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


# --- one bad file never aborts a batch ------------------------------------------------------------

Bad = Callable[[Path, Path, str], Path]  # (good workbook, output, its Kuesioner part) -> the bad file


def _text(good: Path, out: Path, part: str) -> Path:
    out.write_text("Nama;Jawaban\nBadan Uji;Ya\n", encoding="utf-8")
    return out


def _cut(good: Path, out: Path, part: str) -> Path:
    out.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    return out


def _far(good: Path, out: Path, part: str) -> Path:
    return hf.rezip(good, out, {part: hf.before_end_of("sheetData", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')})


# file name -> (builder, problem code, location after the path, message)
BAD: dict[str, tuple[Bad, str, str, str]] = {
    "teks.xlsx": (_text, "KM-W-001", "", XLSX_NOT_ZIP.text()),
    "terpotong.xlsx": (_cut, "KM-W-003", "", XLSX_DAMAGED.text(detail="struktur ZIP-nya rusak atau terpotong")),
    "lama.xlsx": (lambda g, o, p: hf.legacy_by_hand(o), "KM-X-001", "", px.DAMAGED.text(kind=".xls", detail=px.NO_SHEETS.text())),
    "sandi.xlsx": (lambda g, o, p: hf.encrypted_workbook(o), XLSX_ENCRYPTED.code, "", XLSX_ENCRYPTED.text()),
    "surat.xlsx": (lambda g, o, p: hf.word_document(o), "KM-W-001", "", XLSX_NOT_ZIP.text()),
    "bom.xlsx": (lambda g, o, p: hf.zip_bomb(g, o, p), "KM-W-006", "", "{part}"),
    "bohong.xlsx": (lambda g, o, p: hf.lying_size(g, o, p), "KM-W-003", "", "{crc}"),
    "entitas.xlsx": (lambda g, o, p: hf.rezip(g, o, {"xl/workbook.xml": hf.with_doctype}), "KM-W-009", "", XLSX_DOCTYPE.text(part="xl/workbook.xml")),
    "entitas-sheet.xlsx": (lambda g, o, p: hf.rezip(g, o, {p: hf.with_doctype}), "KM-W-009", "", "{doctype}"),
    "jauh.xlsx": (_far, XLSX_CELL_OUT_OF_BOUNDS.code, ", Kuesioner!XFD1048576", XLSX_CELL_OUT_OF_BOUNDS.text(max_row=MAX_ROW, max_column="ALL")),
}


def test_every_bad_file_is_on_the_galat_sheet_and_every_good_body_is_scored(tmp_path: Path, corpus: list[Path]) -> None:
    inputs = tmp_path / "masuk"
    inputs.mkdir()
    good = [Path(shutil.copy(p, inputs / p.name)) for p in corpus[:6]]
    part = hf.sheet_part(good[0], "Kuesioner")
    for name, (build, *_) in BAD.items():
        build(good[0], inputs / name, part)
    hf.with_macros(good[5], inputs / "makro.xlsx")  # read, with a warning: counted as the sixth good body
    good[5].unlink()
    before = _digests(inputs)
    code, out, err = run("score", str(inputs), "-o", str(tmp_path / "keluar"), "-j", "2")
    assert code == 1
    recap = Recap.from_json((tmp_path / "keluar" / "rekap.json").read_bytes())
    assert (recap.funnel.files, recap.funnel.scored) == (6 + len(BAD), 6)
    assert sorted(Path(r.file).name for r in recap.rows) == sorted([p.name for p in good[:5]] + ["makro.xlsx"])
    assert len(list((tmp_path / "keluar" / "hasil").glob("*.json"))) == 6
    details = {"{part}": XLSX_PART_TOO_LARGE.text(part=part, limit_mb=MAX_PART_BYTES // 2**20), "{crc}": XLSX_DAMAGED.text(detail="struktur ZIP-nya rusak atau terpotong"), "{doctype}": XLSX_DOCTYPE.text(part=part)}
    expected = sorted([name, code, str(inputs / name) + where, details.get(text, text)] for name, (_, code, where, text) in BAD.items())
    galat = list(csv.reader(io.StringIO((tmp_path / "keluar" / "galat.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert galat[0] == ["Berkas", "Keadaan", "Lokasi", "Kode", "Pesan"]
    assert sorted([Path(f).name, c, w, m] for f, state, w, c, m in galat[1:] if state == "tidak dinilai") == expected
    assert sorted([Path(e.file).name, e.code, e.where, e.message] for e in recap.errors) == expected
    assert f"Dinilai: 6 dari {6 + len(BAD)} berkas; gagal: {len(BAD)}." in out
    assert err.endswith(f"Galat: {len(BAD)} berkas tidak dapat dinilai; lihat sheet Galat di {tmp_path / 'keluar' / 'rekap.xlsx'}.\n")
    makro = Assessment.from_json(next(p for p in (tmp_path / "keluar" / "hasil").glob("*.json") if "makro.xlsx" in p.read_text(encoding="utf-8")).read_bytes())
    assert [n.code for n in makro.notices][:1] == ["KM-W-057"]
    assert _digests(inputs) == before  # read, never written


def test_other_spreadsheet_formats_in_a_folder_are_scored_and_a_damaged_one_reported(tmp_path: Path, corpus: list[Path]) -> None:
    inputs = tmp_path / "masuk"
    inputs.mkdir()
    shutil.copy(corpus[0], inputs / corpus[0].name)
    hf.legacy_by_hand(inputs / "lama.xls")
    hf.with_macros(corpus[1], inputs / "makro.xlsm")
    converted = [hf.libreoffice_convert(corpus[2], tmp_path / "lo", "xls"), hf.libreoffice_convert(corpus[3], tmp_path / "lo", "ods")]
    for path in converted:
        shutil.copy(path, inputs / path.name)
    assert run("score", str(inputs), "-o", str(tmp_path / "keluar"), "-q")[0] == 1
    recap = Recap.from_json((tmp_path / "keluar" / "rekap.json").read_bytes())
    assert sorted(Path(r.file).name for r in recap.rows) == sorted([corpus[0].name, "makro.xlsm", *(p.name for p in converted)])
    assert [(Path(e.file).name, e.code, e.message) for e in recap.errors] == [("lama.xls", "KM-X-001", px.DAMAGED.text(kind=".xls", detail=px.NO_SHEETS.text()))]


# --- outputs never replace inputs ------------------------------------------------------------------


def test_output_folder_equal_to_the_input_folder_scores_nothing_and_touches_nothing(tmp_path: Path, corpus: list[Path]) -> None:
    folder = tmp_path / "satu"
    folder.mkdir()
    for p in corpus[:2]:
        shutil.copy(p, folder / p.name)
    before = _digests(folder)
    code, _, err = run("score", str(folder), "-o", str(folder), "-q")
    assert code == 1
    assert err == f"Galat: {folder}: {BATCH_INPUT_INSIDE_OUTPUT.text()}\n"
    assert _digests(folder) == before
    # A folder inside the output folder is refused the same way.
    inner = folder / "masuk"
    inner.mkdir()
    code, _, err = run("score", str(inner), "-o", str(folder), "-q")
    assert (code, err) == (1, f"Galat: {inner}: {BATCH_INPUT_INSIDE_OUTPUT.text()}\n")


def test_recap_files_never_replace_an_input_with_the_same_name(tmp_path: Path, corpus: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(corpus[0], tmp_path / "rekap.xlsx")
    shutil.copy(corpus[1], tmp_path / "galat.csv")
    before = _digests(tmp_path)
    code, stdout, err = run("score", "rekap.xlsx", "galat.csv", "-o", ".", "-q")
    assert (code, stdout) == (1, "")
    assert err == (
        f"Galat: Berkas keluaran akan menimpa berkas masukan.\n- rekap.xlsx: {BATCH_OUTPUT_IS_INPUT.text(name='rekap.xlsx')}\n- galat.csv: {BATCH_OUTPUT_IS_INPUT.text(name='galat.csv')}\n"
    )
    assert _digests(tmp_path) == before  # nothing written at all, not even hasil/
    assert not (tmp_path / "hasil").exists()


def test_a_result_is_never_renamed_over_an_input(tmp_path: Path, corpus: list[Path]) -> None:
    out = tmp_path / "keluar"
    assert run("score", str(corpus[0]), "-o", str(out), "-q")[0] == 0
    (first,) = (out / "hasil").glob("*.json")
    # A workbook saved (oddly) under the name its result gets, inside hasil/, given as a file.
    trap = first.with_suffix(".json")
    shutil.copy(corpus[0], tmp_path / "salinan.xlsx")
    first.unlink()
    shutil.copy(corpus[0], trap)
    before = trap.read_bytes()
    assert run("score", str(trap), "-o", str(out), "-q")[0] == 0
    assert trap.read_bytes() == before
    assert sorted(p.name for p in (out / "hasil").iterdir()) == sorted([trap.name, trap.stem + "-2.json"])


def test_a_report_is_never_written_over_its_input(tmp_path: Path, corpus: list[Path]) -> None:
    out = tmp_path / "keluar"
    assert run("score", str(corpus[0]), "-o", str(out), "-q")[0] == 0
    (scored,) = (out / "hasil").glob("*.json")
    result = scored.with_name("KORPUS-0000-Badan-Korpus-0000.json")  # the name its JSON report would get
    scored.rename(result)
    before = result.read_bytes()
    code, stdout, err = run("report", str(result), "-o", str(out / "hasil"), "--format", "json", "--date", "2025-11-23")
    assert (code, stdout) == (1, "")
    assert err == f"{result}: {REPORT_WOULD_OVERWRITE.text()}\nGalat: {REPORT_FAILED.text(failed=1, total=1)}\n"
    assert result.read_bytes() == before
    # A workbook named as its own report would be: refused too, and other formats still written.
    named = tmp_path / "KORPUS-0000-Badan-Korpus-0000.xlsx"
    shutil.copy(corpus[0], named)
    code, stdout, err = run("report", str(named), "-o", str(tmp_path), "--format", "xlsx,html", "--date", "2025-11-23")
    assert code == 1
    assert stdout == f"Ditulis: {tmp_path / 'KORPUS-0000-Badan-Korpus-0000.html'}\n"
    assert err.startswith(f"{named}: {REPORT_WOULD_OVERWRITE.text()}\n")
    assert named.read_bytes() == corpus[0].read_bytes()


# --- an interrupted batch --------------------------------------------------------------------------


def _interrupt(corpus: list[Path], out: Path, signum: int) -> tuple[int, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # The batch runs as from a terminal: a test runner started in the background (``cmd &``) hands its
    # children SIGINT ignored, and Python then never turns Ctrl-C into KeyboardInterrupt.
    proc = subprocess.Popen(
        [sys.executable, "-m", "kipmonev", "score", str(corpus[0].parent), "-o", str(out), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    results = out / "hasil"
    deadline = time.monotonic() + 120
    while not (results.is_dir() and any(results.iterdir())):
        assert proc.poll() is None and time.monotonic() < deadline, "the batch ended before a first result"
        time.sleep(0.005)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err.decode("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_an_interrupted_batch_says_how_far_it_got_and_leaves_only_whole_results(tmp_path: Path, corpus: list[Path], signum: int) -> None:
    out = tmp_path / "keluar"
    code, err = _interrupt(corpus, out, signum)
    assert code == 130, err
    m = re.fullmatch(r"Dihentikan: (\d+) dari 60 berkas selesai dinilai; hasil yang sudah ditulis utuh, rekap tidak ditulis\.\n", err)
    assert m is not None, err
    done = int(m.group(1))
    assert done < 60
    finished = sorted((out / "hasil").glob("*.json"))
    assert len(finished) == done  # every body counted as done has its result under its final name…
    for path in finished:
        Assessment.from_json(path.read_bytes())  # …complete and valid
    assert [p.name for p in out.iterdir() if p.name != "hasil"] == [MANIFEST]  # no recap, no CSV…
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"] == [f"hasil/{p.name}" for p in finished]  # …and what was done is owned


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_an_interrupted_batch_leaves_no_temporary_files(tmp_path: Path, corpus: list[Path], signum: int) -> None:
    out = tmp_path / "keluar"
    assert _interrupt(corpus, out, signum)[0] == 130
    leftovers = [p.name for p in (out / "hasil").iterdir() if p.name.endswith((".part", ".tmp"))]
    assert leftovers == []
    assert all(json.loads(p.read_text(encoding="utf-8")) for p in (out / "hasil").iterdir())
