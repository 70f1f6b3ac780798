"""``kipmonev report``: help, success, per-input failures with exit code 1 and exact messages."""

from __future__ import annotations

import json
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from cli_runner import run
from openpyxl import load_workbook
from render_samples import golden
from round_helpers import CATEGORIES, answers
from test_render_pdf import pdf_text

from kipmonev.app.problems import REPORT_INPUT_KIND, REPORT_INPUT_NOT_RESULT
from kipmonev.cli.problems import REPORT_FAILED, REPORT_PREVIOUS_MISSING, REPORT_UNKNOWN_FORMAT
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.outputs.problems import REPORT_WOULD_OVERWRITE
from kipmonev.sources.loader import load_questionnaire

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def result_json(tmp_path: Path) -> Path:
    path = tmp_path / "masuk" / "hasil.json"
    path.parent.mkdir()
    path.write_text(golden("final").to_json(), encoding="utf-8")
    return path


def test_help() -> None:
    code, out, _ = run("report", "-h")
    assert code == 0
    assert out.startswith("Penggunaan: kipmonev report [OPSI] MASUKAN...")
    assert "--format FORMAT[,...]" in out and "--previous" in out and "--templates" in out


def test_renders_every_format(result_json: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "laporan"
    code, out, err = run("report", str(result_json), "-o", str(out_dir), "--format", "pdf,html,xlsx,json", "--date", "2025-11-23")
    assert (code, err) == (0, "")
    stem = out_dir / "BU-01-Badan-Uji-Keterbukaan"
    assert out.splitlines() == [f"Ditulis: {stem}.{ext}" for ext in ("pdf", "html", "xlsx", "json")]
    assert "23 November 2025" in (out_dir / f"{stem.name}.html").read_text(encoding="utf-8")
    assert json.loads((out_dir / f"{stem.name}.json").read_text(encoding="utf-8"))["body"]["id"] == "BU-01"


def test_previous_results_add_the_comparison(result_json: Path, tmp_path: Path) -> None:
    prev_dir = tmp_path / "2024"
    prev_dir.mkdir()
    (prev_dir / "a.json").write_text(golden("previous").to_json(), encoding="utf-8")
    other = golden("previous").model_copy(update={"body": BodyIdentity(id="LAIN", name="Lain")})
    (prev_dir / "b.json").write_text(other.to_json(), encoding="utf-8")
    code, _, err = run("report", str(result_json), "-o", str(tmp_path / "o"), "-f", "html", "--previous", str(prev_dir))
    assert (code, err) == (0, "")
    assert "Perbandingan dengan Tahun 2024" in (tmp_path / "o" / "BU-01-Badan-Uji-Keterbukaan.html").read_text(encoding="utf-8")


def test_missing_previous_is_a_warning(result_json: Path, tmp_path: Path) -> None:
    other = tmp_path / "lain.json"
    other.write_text(golden("previous").model_copy(update={"body": BodyIdentity(id="LAIN", name="Lain")}).to_json(), encoding="utf-8")
    code, _, err = run("report", str(result_json), "-o", str(tmp_path / "o"), "-f", "json", "--previous", str(other))
    assert code == 0
    assert err == f"Peringatan: {REPORT_PREVIOUS_MISSING.text(body='Badan Uji Keterbukaan')}\n"


def test_one_bad_input_does_not_stop_the_others(result_json: Path, tmp_path: Path) -> None:
    bad = tmp_path / "rusak.json"
    bad.write_text("bukan json", encoding="utf-8")
    other = tmp_path / "catatan.txt"
    other.write_text("x", encoding="utf-8")
    code, out, err = run("report", str(bad), str(result_json), str(other), "-o", str(tmp_path / "o"), "-f", "json")
    assert code == 1
    assert out == f"Ditulis: {tmp_path / 'o' / 'BU-01-Badan-Uji-Keterbukaan.json'}\n"
    assert err == (
        f"{bad}: {REPORT_INPUT_NOT_RESULT.text(detail='isinya bukan JSON yang sah')}\n"
        f"{other}: {REPORT_INPUT_KIND.text(suffix='.txt')}\n"
        f"Galat: {REPORT_FAILED.text(failed=2, total=3)}\n"
    )


def test_never_writes_over_an_input(tmp_path: Path) -> None:
    source = tmp_path / "BU-01-Badan-Uji-Keterbukaan.json"
    source.write_text(golden("final").to_json(), encoding="utf-8")
    before = source.read_bytes()
    code, out, err = run("report", str(source), "-o", str(tmp_path), "-f", "json,html")
    assert code == 1
    assert out == f"Ditulis: {tmp_path / 'BU-01-Badan-Uji-Keterbukaan.html'}\n"
    assert err == f"{source}: {REPORT_WOULD_OVERWRITE.text()}\nGalat: {REPORT_FAILED.text(failed=1, total=1)}\n"
    assert source.read_bytes() == before


def test_unknown_format_is_a_usage_error(result_json: Path, tmp_path: Path) -> None:
    code, _, err = run("report", str(result_json), "-o", str(tmp_path), "-f", "pdf,docx")
    assert code == 2
    assert f"Galat: Nilai tidak sah untuk '-f' / '--format': {REPORT_UNKNOWN_FORMAT.text(given='docx', allowed=['pdf', 'html', 'xlsx', 'json'])}" in err


def test_broken_template_fails_every_input_with_its_location(result_json: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templat"
    templates.mkdir()
    (templates / "laporan.html.j2").write_text("{% if %}\n", encoding="utf-8")
    code, out, err = run("report", str(result_json), "-o", str(tmp_path / "o"), "-f", "html,json", "--templates", str(templates))
    assert code == 1
    assert out.endswith("BU-01-Badan-Uji-Keterbukaan.json\n")
    assert err.startswith(f"{templates / 'laporan.html.j2'}, baris 1: sintaks templat tidak sah (")
    assert err.endswith(f"Galat: {REPORT_FAILED.text(failed=1, total=1)}\n")


def test_filled_workbook_input(tmp_path: Path) -> None:
    pytest.importorskip("kipmonev.sources.reader")
    helpers = pytest.importorskip("workbook_helpers")
    from conftest import FULL_ANSWERS, small, small_data

    edition = tmp_path / "uji-kecil.yaml"
    edition.write_text(json.dumps(small_data()), encoding="utf-8")  # JSON is YAML
    filled = helpers.fill(tmp_path / "isian.xlsx", small(), FULL_ANSWERS)
    code, out, err = run("report", str(filled), "-o", str(tmp_path / "o"), "-f", "json,xlsx", "--questionnaire", str(edition))
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"Ditulis: {tmp_path / 'o' / 'BP-1-Badan-Uji'}.{ext}" for ext in ("json", "xlsx")]
    result = json.loads((tmp_path / "o" / "BP-1-Badan-Uji.json").read_text(encoding="utf-8"))
    assert result["saq_self"]["score"] == 100 and result["source"] == str(filled)


def test_report_says_which_answer_switched_a_question_off(tmp_path: Path) -> None:
    q = load_questionnaire(CATEGORIES["Kementerian"])
    filled = {**answers(q), "KO.2.1": Answer(value="Tidak")}
    body = BodyIdentity(id="KEM-01", name="Kementerian Contoh", category="Kementerian", year=2025)
    workbook = write_filled(q, Submission(questionnaire_id=q.id, body=body, answers=filled), tmp_path / "isian.xlsx", body_only=True)
    code, _, err = run("report", str(workbook), "-o", str(tmp_path / "laporan"), "-f", "html", "--date", "23-11-2025")
    assert (code, err) == (0, "")
    html = next((tmp_path / "laporan").glob("*.html")).read_text(encoding="utf-8")
    assert "Tidak berlaku karena KO.2.1 dijawab &#39;Tidak&#39;; pertanyaan ini hanya berlaku bila KO.2.1 dijawab &#39;Ya&#39;." in html


def test_a_body_report_shows_no_folder_of_the_commission(tmp_path: Path) -> None:
    inputs = tmp_path / "kotak-masuk" / "2025"
    inputs.mkdir(parents=True)
    shutil.copy(EXAMPLES / "02-kementerian-koordinasi-fiktif.xlsx", inputs)  # has warnings, which name their cells
    code, _, _ = run("score", str(inputs), "-o", str(tmp_path / "keluaran"), "--report", "html,xlsx,pdf", "--date", "23-11-2025", "-q")
    assert code == 0
    reports = sorted((tmp_path / "keluaran" / "laporan").glob("BP-02-*"))
    assert [p.suffix for p in reports] == [".html", ".pdf", ".xlsx"]
    html = reports[0].read_text(encoding="utf-8")
    assert "<li>02-kementerian-koordinasi-fiktif.xlsx, Kuesioner!G6: " in html
    with zipfile.ZipFile(reports[2]) as book:
        xml = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
    text = pdf_text(reports[1].read_bytes())
    for shown in (html, xml, text):
        assert str(tmp_path) not in shown and "kotak-masuk" not in shown


def test_a_report_says_why_printed_indicator_scores_do_not_add_up(tmp_path: Path) -> None:
    code, _, _ = run("score", str(EXAMPLES / "02-kementerian-koordinasi-fiktif.xlsx"), "-o", str(tmp_path / "keluaran"), "--report", "html,xlsx", "--date", "23-11-2025", "-q")
    assert code == 0
    note = (
        "Jumlah nilai indikator mandiri yang tercetak (53,30) berbeda 0,01 dari nilai SAQ (53,29) karena pembulatan: setiap angka dibulatkan sendiri, "
        "sedangkan nilainya dihitung dari nilai tepat, bukan dari angka yang tercetak."
    )
    html = next((tmp_path / "keluaran" / "laporan").glob("*.html")).read_text(encoding="utf-8")
    assert f'<p class="note">{note}</p>' in html
    book = load_workbook(next((tmp_path / "keluaran" / "laporan").glob("*.xlsx")))
    assert note in [c.value for row in book["Ringkasan"].iter_rows() for c in row]
    result = json.loads(next((tmp_path / "keluaran" / "hasil").glob("*.json")).read_text(encoding="utf-8"))
    printed = [Decimal(str(i["contribution"])).quantize(Decimal("0.01")) for i in result["saq_self"]["indicators"]]
    assert (sum(printed), Decimal(str(result["saq_self"]["score"]))) == (Decimal("53.30"), Decimal("53.29"))  # what the note says, independently
