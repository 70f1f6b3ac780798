"""kipmonev score and compare, end to end on real workbooks: options, errors, determinism, duplicates."""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from cli_runner import run
from conftest import FULL_ANSWERS, small

from kipmonev.app.batch import BatchOptions, collect_inputs, run_batch
from kipmonev.app.problems import BATCH_DUPLICATE_BODY, BATCH_NO_INPUTS, PREVIOUS_UNREADABLE
from kipmonev.core.resources import shipped_rule_sets
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.sources.problems import REASON_NOT_JSON, REASON_NOT_KIPMONEV, RESULTS_UNREADABLE, STAGE_FILE_BAD_SCORE, UNKNOWN_RULE_SET

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


pytestmark = pytest.mark.xdist_group("batch-corpus")  # one worker builds the session corpus for both batch modules


@pytest.fixture
def corpus(batch_corpus: list[Path]) -> list[Path]:
    return batch_corpus


def _recap(out: Path) -> Recap:
    return Recap.from_json((out / "rekap.json").read_bytes())


@pytest.mark.slow
def test_200_workbooks_identical_between_jobs_1_and_4(tmp_path: Path, corpus: list[Path]) -> None:
    one = run_batch(corpus, BatchOptions(out_dir=tmp_path / "j1", date="2026-11-23", jobs=1))
    four = run_batch(corpus, BatchOptions(out_dir=tmp_path / "j4", date="2026-11-23", jobs=4))
    assert one.failed == four.failed == 0
    assert one.recap.funnel.scored == 210
    def recap_text(name: str) -> str:
        return (tmp_path / name / "rekap.json").read_text(encoding="utf-8").replace(str(tmp_path / name), "OUT")

    assert recap_text("j1") == recap_text("j4")
    for name in ("peringkat.csv", "rekap-kualifikasi.csv", "indikator.csv", "galat.csv"):
        assert (tmp_path / "j1" / name).read_bytes() == (tmp_path / "j4" / name).read_bytes(), name
    results = sorted(p.name for p in (tmp_path / "j1" / "hasil").iterdir())
    assert results == sorted(p.name for p in (tmp_path / "j4" / "hasil").iterdir())
    assert len(results) == 210
    for name in results:
        assert (tmp_path / "j1" / "hasil" / name).read_bytes() == (tmp_path / "j4" / "hasil" / name).read_bytes()
    run_batch(corpus, BatchOptions(out_dir=tmp_path / "j2", date="2026-11-23", jobs=2))
    assert recap_text("j2") == recap_text("j1")


def test_every_result_is_the_canonical_json(tmp_path: Path) -> None:
    code, out, _ = run("score", str(EXAMPLES), "-o", str(tmp_path), "-q")
    assert (code, out) == (0, "")
    recap = _recap(tmp_path)
    assert recap.funnel.files == recap.funnel.scored == 14
    for row in recap.rows:
        assert row.result_file is not None
        result = Assessment.from_json(Path(row.result_file).read_bytes())
        assert (result.body.id, result.outcome.estimate_score) == (row.body_id, row.estimate_score)
    bands = {r.band.name for r in recap.rows if r.band}
    assert bands == {"Informatif", "Menuju Informatif", "Cukup Informatif", "Kurang Informatif", "Tidak Informatif"}


def test_broken_files_mixed_in_never_stop_the_batch(tmp_path: Path) -> None:
    inputs = tmp_path / "masuk"
    shutil.copytree(EXAMPLES, inputs, ignore=shutil.ignore_patterns("*.py"))
    (inputs / "bukan-xlsx.xlsx").write_text("ini bukan buku kerja", encoding="utf-8")
    (inputs / "kosong.xlsx").write_bytes(b"")
    (inputs / "sub").mkdir()
    shutil.copy(inputs / "01-kementerian-urusan-contoh.xlsx", inputs / "sub" / "salinan.xlsx")  # same body ID
    (inputs / "~$01-kementerian-urusan-contoh.xlsx").write_bytes(b"lock file")  # skipped
    code, out, err = run("score", str(inputs), "-o", str(tmp_path / "hasil"), "-j", "2")
    assert code == 1
    recap = _recap(tmp_path / "hasil")
    assert recap.funnel.files == 17
    assert recap.funnel.scored == 13
    failed = sorted({Path(e.file).name for e in recap.errors})
    assert failed == ["01-kementerian-urusan-contoh.xlsx", "bukan-xlsx.xlsx", "kosong.xlsx", "salinan.xlsx"]
    duplicate = next(e for e in recap.errors if Path(e.file).name == "salinan.xlsx")
    assert duplicate.message == BATCH_DUPLICATE_BODY.text(body="BP-01", other=str(inputs / "01-kementerian-urusan-contoh.xlsx"))
    assert not (tmp_path / "hasil" / "hasil" / "BP-01.json").exists()
    assert "Dinilai: 13 dari 17 berkas; gagal: 4." in out
    assert err.endswith(f"Galat: 4 berkas tidak dapat dinilai; lihat sheet Galat di {tmp_path / 'hasil' / 'rekap.xlsx'}.\n")
    galat = list(csv.reader(io.StringIO((tmp_path / "hasil" / "galat.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [row[:2] for row in galat[1 : len(recap.errors) + 1]] == [[e.file, "tidak dinilai"] for e in recap.errors]
    assert [row[:2] for row in galat[len(recap.errors) + 1 :]] == [[r.file, "dinilai, dengan peringatan"] for r in sorted(recap.rows, key=lambda r: r.file) if r.notices]
    assert not list((tmp_path / "hasil").rglob("*.part")) and not list((tmp_path / "hasil").rglob("*.tmp"))


def test_workbooks_of_an_unknown_edition_fail_clearly(tmp_path: Path) -> None:
    q = small(verifikasi_wajib=False, gerbang=None)
    (tmp_path / "masuk").mkdir()
    for body_id in ("A", "B"):
        sub = Submission(questionnaire_id=q.id, body=BodyIdentity(id=body_id, name=f"Badan {body_id}"), answers=FULL_ANSWERS)
        write_filled(q, sub, tmp_path / "masuk" / f"{body_id}.xlsx")
    code, _, _ = run("score", str(tmp_path / "masuk"), "-o", str(tmp_path / "out"), "-q")
    assert code == 1
    recap = _recap(tmp_path / "out")
    assert recap.funnel.scored == 0
    assert {Path(e.file).name for e in recap.errors} == {"A.xlsx", "B.xlsx"}
    assert all("uji-kecil" in e.message for e in recap.errors)


def test_stage_scores_and_previous_on_the_examples(tmp_path: Path) -> None:
    first = tmp_path / "2024"
    assert run("score", str(EXAMPLES), "-o", str(first), "-q")[0] == 0
    panel = tmp_path / "panelis.csv"
    panel.write_text("Kode;Nama;Juri 1;Juri 2;Juri 3\nBP-02;Kementerian Koordinasi Fiktif;40;90;100\n", encoding="utf-8")
    second = tmp_path / "2025"
    code, _, err = run("score", str(EXAMPLES), "-o", str(second), "--stage-scores", str(panel), "--combine", "trimmed", "--previous", str(first), "-q")
    assert code == 0, err
    recap = _recap(second)
    row = next(r for r in recap.rows if r.body_id == "BP-02")
    (stage,) = row.stages
    assert (stage.score, stage.note) == (Decimal("90.00"), "rata-rata terpangkas 3 panelis")
    assert recap.has_previous
    assert all(r.previous is not None for r in recap.rows)
    before = next(r for r in _recap(first).rows if r.body_id == "BP-02")
    assert row.previous is not None and row.previous.change == row.estimate_score - before.estimate_score


def test_stage_scores_file_errors_stop_before_scoring(tmp_path: Path) -> None:
    panel = tmp_path / "panelis.csv"
    panel.write_text("Kode;Juri 1\nBP-02;sembilan puluh\n", encoding="utf-8")
    code, _, err = run("score", str(EXAMPLES), "-o", str(tmp_path / "out"), "--stage-scores", str(panel))
    assert code == 1
    assert err == f"Galat: {panel}, baris 2 (Juri 1): {STAGE_FILE_BAD_SCORE.text(given='sembilan puluh')}\n"
    assert not (tmp_path / "out").exists()


def test_another_commissions_rules(tmp_path: Path) -> None:
    code, _, _ = run("score", str(EXAMPLES), "-o", str(tmp_path), "--rules", "ki-dki-jakarta", "-q")
    assert code == 0
    result = Assessment.from_json(next((tmp_path / "hasil").glob("*.json")).read_bytes())
    assert result.questionnaire.rule_set == "ki-dki-jakarta"
    assert result.gate is not None and result.gate.threshold == 65


@pytest.mark.parametrize(
    ("args", "code", "tail"),
    [
        (["score", str(EXAMPLES)], 2, "Galat: Opsi wajib belum diisi '-o' / '--output'.\n"),
        (["score", "tidak-ada", "-o", "x"], 2, "Galat: Nilai tidak sah untuk 'BERKAS_ATAU_FOLDER...': Jalur 'tidak-ada' tidak ditemukan.\n"),
        (["score", str(EXAMPLES), "-o", "x", "-j", "0"], 2, "Galat: Nilai tidak sah untuk '-j' / '--jobs': 0 di luar rentang x>=1.\n"),
        (["score", str(EXAMPLES), "-o", "x", "--combine", "modus"], 2, "Galat: Nilai tidak sah untuk '--combine': 'modus' bukan salah satu dari 'mean', 'trimmed', 'median'.\n"),
        (["score", str(EXAMPLES), "-o", "x", "--rules", "ki-bulan"], 1, "Galat: ki-bulan: " + UNKNOWN_RULE_SET.text(name="ki-bulan", meant="", known=", ".join(s.id for s in shipped_rule_sets())) + "\n"),
    ],
)
def test_usage_and_user_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int, tail: str) -> None:
    monkeypatch.chdir(tmp_path)
    got, _, err = run(*args)
    assert got == code
    assert err.endswith(tail), err


def test_a_folder_without_workbooks(tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    code, _, err = run("score", str(tmp_path / "kosong"), "-o", str(tmp_path / "out"))
    assert code == 1
    assert err == f"Galat: {tmp_path / 'kosong'}: {BATCH_NO_INPUTS.text()}\n"


def test_inputs_are_never_modified_and_the_output_folder_is_skipped(tmp_path: Path) -> None:
    inputs = tmp_path / "masuk"
    shutil.copytree(EXAMPLES, inputs, ignore=shutil.ignore_patterns("*.py"))
    before = {p.name: p.read_bytes() for p in inputs.glob("*.xlsx")}
    assert run("score", str(inputs), "-o", str(inputs / "hasil"), "-q")[0] == 0
    assert {p.name: p.read_bytes() for p in inputs.glob("*.xlsx")} == before
    assert len(collect_inputs([inputs], exclude=inputs / "hasil")) == 14
    assert run("score", str(inputs), "-o", str(inputs / "hasil"), "-q")[0] == 0  # a second run skips its own outputs


def test_compare_two_runs(tmp_path: Path) -> None:
    assert run("score", str(EXAMPLES), "-o", str(tmp_path / "a"), "-q")[0] == 0
    panel = tmp_path / "panelis.csv"
    panel.write_text("ID;P1\nBP-01;10\n", encoding="utf-8")
    assert run("score", str(EXAMPLES), "-o", str(tmp_path / "b"), "--stage-scores", str(panel), "-q")[0] == 0
    code, out, _ = run("compare", str(tmp_path / "a"), str(tmp_path / "b"))
    assert code == 0
    assert "Naik: 0; turun: 1; hanya di LAMA: 0; hanya di BARU: 0." in out
    code, out, _ = run("compare", str(tmp_path / "a"), str(tmp_path / "b"), "--json")
    data = json.loads(out)
    assert (data["up"], data["down"]) == (0, 1)
    assert [b["key"] for b in data["bodies"]][-1] == "BP-01"
    single = next((tmp_path / "a" / "hasil").glob("BP-01.json"))
    assert run("compare", str(single), str(tmp_path / "b" / "hasil" / "BP-01.json"))[0] == 0


def _two_years(tmp_path: Path) -> tuple[Path, Path]:
    """Two runs over the examples: BP-01 only in the first, BP-05 only in the second, BP-03's ID changed to BPI-03."""
    for side, names in (("a", "0[1-4]*.xlsx"), ("b", "0[2-5]*.xlsx")):
        folder = tmp_path / f"masuk-{side}"
        folder.mkdir()
        for path in EXAMPLES.glob(names):
            shutil.copy(path, folder / path.name)
        assert run("score", str(folder), "-o", str(tmp_path / side), "-q")[0] == 0
    recap = Recap.from_json((tmp_path / "b" / "rekap.json").read_bytes())
    rows = tuple(r.model_copy(update={"body_id": "BPI-03"}) if r.body_id == "BP-03" else r for r in recap.rows)
    (tmp_path / "b" / "rekap.json").write_text(recap.model_copy(update={"rows": rows}).to_json(), encoding="utf-8")
    return tmp_path / "a", tmp_path / "b"


def test_compare_marks_estimates_names_one_sided_bodies_and_matches_a_changed_id_by_name(tmp_path: Path) -> None:
    old, new = _two_years(tmp_path)
    code, out, err = run("compare", str(old), str(new))
    assert code == 0
    assert err == (
        "Peringatan: 'Badan Pengawas Imajiner' dicocokkan menurut nama karena ID-nya berbeda: 'BP-03' di LAMA dan 'BPI-03' di BARU. "
        "Bila ini bukan badan publik yang sama, perbaiki ID pada sheet Identitas salah satunya.\n"
    )
    assert out == (
        "ID      BADAN PUBLIK                   LAMA                                  BARU                                  PERUBAHAN\n"
        "------  -----------------------------  ------------------------------------  ------------------------------------  ---------\n"
        "BPI-03  Badan Pengawas Imajiner        85,81 (Menuju Informatif)             85,81 (Menuju Informatif)             0,00\n"
        "BP-02   Kementerian Koordinasi Fiktif  53,29 (Kurang Informatif, perkiraan)  53,29 (Kurang Informatif, perkiraan)  0,00\n"
        "BP-04   Lembaga Arsip Rekaan           38,23 (Tidak Informatif)              38,23 (Tidak Informatif)              0,00\n"
        "\n"
        "Naik: 0; turun: 0; hanya di LAMA: 1; hanya di BARU: 1.\n"
        "Nilai bertanda 'perkiraan' belum final (belum lengkap atau belum diverifikasi); perubahannya dapat berubah lagi.\n"
        "Hanya di LAMA (1):\n"
        "- BP-01: Kementerian Urusan Contoh (Kementerian)\n"
        "Hanya di BARU (1):\n"
        "- BP-05: Komisi Contoh Nasional (Lembaga Non-Struktural)\n"
    )
    data = json.loads(run("compare", str(old), str(new), "--json")[1])
    assert [(b["key"], b["old_key"], b["matched_by_name"], b["old_final"]) for b in data["bodies"]] == [
        ("BPI-03", "BP-03", True, True), ("BP-02", "BP-02", False, False), ("BP-04", "BP-04", False, True),
    ]  # fmt: skip
    assert data["only_old"] == [{"key": "BP-01", "name": "Kementerian Urusan Contoh", "category": "Kementerian"}]


def test_compare_writes_csv_and_xlsx(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    old, new = _two_years(tmp_path)
    code, out, _ = run("compare", str(old), str(new), "-o", str(tmp_path / "banding.csv"))
    assert code == 0 and out.endswith(f"Perbandingan ditulis: {tmp_path / 'banding.csv'}\n")
    text = (tmp_path / "banding.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["ID", "Badan publik", "Kategori", "Nilai lama", "Kualifikasi lama", "Status lama", "Nilai baru", "Kualifikasi baru", "Status baru", "Perubahan", "Keterangan"]
    assert rows[1] == ["BPI-03", "Badan Pengawas Imajiner", "Lembaga Negara dan LPNK", "85,81", "Menuju Informatif", "Final", "85,81", "Menuju Informatif", "Final", "0,00", "dicocokkan menurut nama; ID di hasil LAMA: BP-03"]
    assert rows[2][5] == "Perkiraan"
    assert rows[4:] == [
        ["BP-01", "Kementerian Urusan Contoh", "Kementerian", "", "", "", "", "", "", "", "hanya di hasil LAMA"],
        ["BP-05", "Komisi Contoh Nasional", "Lembaga Non-Struktural", "", "", "", "", "", "", "", "hanya di hasil BARU"],
    ]
    assert run("compare", str(old), str(new), "-o", str(tmp_path / "banding.csv"))[2] == f"Galat: berkas '{tmp_path / 'banding.csv'}' sudah ada. Pakai --force untuk menimpanya, atau pilih berkas lain dengan -o.\n"
    assert run("compare", str(old), str(new), "-o", str(tmp_path / "banding.xlsx"))[0] == 0
    wb = load_workbook(tmp_path / "banding.xlsx")
    assert wb.sheetnames == ["Perbandingan", "Indikator"]
    sheet = wb["Perbandingan"]
    assert [c.value for c in sheet[2]][:4] == ["BPI-03", "Badan Pengawas Imajiner", "Lembaga Negara dan LPNK", 85.81]
    assert sheet.auto_filter.ref == "A1:K6"
    assert run("compare", str(old), str(new), "-o", str(tmp_path / "banding.txt"))[2] == f"Galat: berkas keluaran '{tmp_path / 'banding.txt'}' harus berakhiran .csv atau .xlsx.\n"


def test_compare_unreadable(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run("compare", str(bad), str(bad))
    assert code == 1
    assert err == f"Galat: {bad}: {RESULTS_UNREADABLE.text(reason=REASON_NOT_JSON.text())}\n"
    other = tmp_path / "lain.json"
    other.write_text('{"nama": "bukan hasil"}', encoding="utf-8")
    assert run("compare", str(other), str(other))[2] == f"Galat: {other}: {RESULTS_UNREADABLE.text(reason=REASON_NOT_KIPMONEV.text())}\n"
    code, _, err = run("score", str(EXAMPLES / "09-pt-contoh-nusantara.xlsx"), "-o", str(tmp_path / "o"), "--previous", str(other), "-q")
    assert (code, err) == (1, f"Galat: {other}: {PREVIOUS_UNREADABLE.text(reason=REASON_NOT_KIPMONEV.text())}\n")


def test_answers_survive_the_workbook(tmp_path: Path) -> None:
    q = small()
    sub = Submission(questionnaire_id=q.id, body=BodyIdentity(id="X", name="X"), answers={"AA.1.1": Answer(value="Ya", evidence=("https://a.example/x",))})
    path = write_filled(q, sub, tmp_path / "x.xlsx")
    assert path.exists()


def test_reports_while_scoring(tmp_path: Path) -> None:
    inputs = tmp_path / "masuk"
    inputs.mkdir()
    for name in ("01-kementerian-urusan-contoh.xlsx", "09-pt-contoh-nusantara.xlsx"):
        shutil.copy(EXAMPLES / name, inputs / name)
    code, out, err = run("score", str(inputs), "-o", str(tmp_path / "out"), "--report", "html,xlsx")
    assert code == 0, err
    written = sorted(p.name for p in (tmp_path / "out" / "laporan").iterdir())
    assert written == [
        "BP-01-Kementerian-Urusan-Contoh.html",
        "BP-01-Kementerian-Urusan-Contoh.xlsx",
        "BP-09-PT-Contoh-Nusantara-Persero.html",
        "BP-09-PT-Contoh-Nusantara-Persero.xlsx",
    ]
    assert f"Laporan: 4 berkas di {tmp_path / 'out' / 'laporan'}" in out
    # The recap report for the commission, beside the recap, in the formats it has (xlsx is rekap.xlsx).
    assert f"Laporan rekap: {tmp_path / 'out' / 'rekap.html'}\n" in out
    recap = Recap.from_json((tmp_path / "out" / "rekap.json").read_bytes())
    html = (tmp_path / "out" / "rekap.html").read_text(encoding="utf-8")
    assert all(row.name in html for row in recap.rows) and "Rekapitulasi" in html


def test_unknown_report_format_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    code, _, err = run("score", str(EXAMPLES), "-o", str(tmp_path / "out"), "--report", "pdf,docx")
    assert code == 2
    assert err.endswith("Galat: Nilai tidak sah untuk '--report': format 'docx' tidak dikenal. Pilih 'pdf', 'html', 'xlsx' atau 'json', dipisah koma.\n")  # as report --format says
    assert not (tmp_path / "out").exists()
