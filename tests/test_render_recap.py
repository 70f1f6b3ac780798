"""The recap report for the commission: view model, golden HTML, PDF text and pages, XLSX, hostile names, CLI."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from cli_runner import run
from conftest import FULL_ANSWERS, small, submission, with_preset
from openpyxl import load_workbook
from pypdf import PdfReader
from test_render_pdf import pdf_text, png_dark_pixels

from kipmonev import score
from kipmonev.app.problems import REPORT_FOLDER_WITHOUT_RECAP
from kipmonev.cli.problems import REPORT_FAILED
from kipmonev.core.errors import RenderError
from kipmonev.engine.matching import body_key
from kipmonev.engine.recap import build_recap, row_from_assessment, with_changes
from kipmonev.model.recap import BodyRow, ErrorRow, Previous, Recap
from kipmonev.model.submission import BodyIdentity
from kipmonev.outputs.problems import REPORT_WOULD_OVERWRITE
from kipmonev.outputs.recap_export import write_recap_xlsx
from kipmonev.outputs.report import ReportFormat, build_recap_report, render_recap, render_recaps
from kipmonev.outputs.report.charts import distribution_chart
from kipmonev.outputs.report.recap import distribution_svg, recap_bytes

D = Decimal
DATE = dt.date(2025, 11, 23)
GOLDEN = Path(__file__).parent / "golden"
Q = with_preset(small(verifikasi_wajib=False), "ki-pusat")  # SAQ 80% + presentasi 20%, gate 60 on the SAQ
BANDS = score(Q, submission()).rules.bands
SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://jahat.example/x","klik")'


def body(body_id: str, name: str, category: str, misses: tuple[str, ...] = (), presentasi: str | None = "80") -> BodyRow:
    answers = {k: v for k, v in FULL_ANSWERS.items() if k not in misses}
    sub = submission(answers, answers, stages={"presentasi": D(presentasi)} if presentasi else {}).model_copy(update={"body": BodyIdentity(id=body_id, name=name)})
    return row_from_assessment(score(Q.model_copy(update={"category": category}), sub), f"{body_id}.xlsx")


def sample_recap() -> Recap:
    """Three categories, every qualification, a body without a final score, a failed file, last year's scores."""
    rows = [
        body("BU-1", "PT Uji Satu (Persero)", "BUMN", presentasi="47.5"),  # 0.8 × 100 + 0.2 × 47,5 = 89,50: Menuju Informatif
        body("BU-2", "PT Uji Dua (Persero)", "BUMN", presentasi="100"),  # 100: Informatif
        body("BU-3", "PT Uji Tiga (Persero)", "BUMN", misses=("AA.1.2",)),  # SAQ 70 → 72: Cukup Informatif
        body("BU-4", "PT Uji Empat (Persero)", "BUMN", presentasi=None),  # no presentasi score: not final
        body("KM-1", "Kementerian Uji", "Kementerian"),  # 96: Informatif
        body("KM-2", SCRIPT, "Kementerian", misses=("AA.1.1", "AA.1.2", "AA.1.3")),  # SAQ 40 < gate: final 40, Kurang Informatif
        body("PP-1", FORMULA, "Partai Politik", misses=("AA.1.1", "AA.1.2", "AA.1.3", "BB.1.1")),  # Tidak Informatif
    ]
    errors = [ErrorRow(file="rusak.xlsx", code="KM-W-001", where="rusak.xlsx, Kuesioner!F9", message="jawaban 'Mungkin' tidak dikenal untuk AA.1.1.")]
    previous = with_changes(rows, {body_key("BU-1", "PT Uji Satu (Persero)"): Previous(score=D("85.25"), band="Menuju Informatif", complete=True, change=D(0))})
    recap = build_recap(rows, errors, 8, BANDS, "2025-11-20", previous)
    return recap.model_copy(update={"kipmonev_version": "0.0.0-uji"})  # NOTE: a fixed version keeps the golden stable


@pytest.fixture(scope="module")
def recap() -> Recap:
    return sample_recap()


@pytest.fixture(scope="module")
def recap_pdf(recap: Recap) -> bytes:
    return recap_bytes(recap, ReportFormat.PDF, report_date=DATE)


def html_of(recap: Recap) -> str:
    return recap_bytes(recap, ReportFormat.HTML, report_date=DATE).decode("utf-8")


def test_recap_html_matches_golden(recap: Recap) -> None:
    """Set KIPMONEV_UPDATE_GOLDEN=1 to rewrite the golden; review the diff before committing."""
    html = html_of(recap)
    path = GOLDEN / "rekap.html"
    if os.environ.get("KIPMONEV_UPDATE_GOLDEN") == "1":
        path.write_text(html, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with KIPMONEV_UPDATE_GOLDEN=1"
    assert html == path.read_text(encoding="utf-8")


def test_view_model_groups_and_orders_what_the_recap_holds(recap: Recap) -> None:
    report = build_recap_report(recap, DATE)
    assert [c.category for c in report.rankings] == ["BUMN", "Kementerian", "Partai Politik"]
    bumn = report.rankings[0].rows
    assert [(r.rank, r.body_id, r.final_score) for r in bumn] == [(1, "BU-2", D("100.00")), (2, "BU-1", D("89.50")), (3, "BU-3", D("72.00")), (None, "BU-4", None)]
    assert bumn[3].note == "Nilai tahap Presentasi/Uji Publik belum ada."
    assert (bumn[1].previous_score, bumn[1].change) == (D("85.25"), D("4.25"))
    assert [b.name for b in report.bands] == ["Informatif", "Menuju Informatif", "Cukup Informatif", "Kurang Informatif", "Tidak Informatif"]
    assert [(c.category, c.counts, c.not_final, c.total) for c in report.counts] == [
        ("BUMN", (1, 1, 1, 0, 0), 1, 4),
        ("Kementerian", (1, 0, 0, 1, 0), 0, 2),
        ("Partai Politik", (0, 0, 0, 0, 1), 0, 1),
    ]
    assert (report.totals.counts, report.totals.not_final, report.totals.total) == ((2, 1, 1, 1, 1), 1, 7)
    assert [(s.count, s.share) for s in report.funnel] == [(8, "100%"), (7, "87,5%"), (4, "50%"), (5, "62,5%"), (6, "75%")]
    assert report.top_band is not None and report.top_band.name == "Informatif"
    assert [(b.number, b.category, b.rank, b.body_id) for b in report.top_bodies] == [(1, "BUMN", 1, "BU-2"), (2, "Kementerian", 1, "KM-1")]
    assert [(w.category, w.rank) for w in report.weakest] == [("BUMN", 1), ("BUMN", 2), ("Kementerian", 1), ("Kementerian", 2), ("Partai Politik", 1), ("Partai Politik", 2)]
    # one date on the cover and in the running header (the report's); the recap's own date only in the methodology
    assert report.recap_date_text == "20 November 2025" and report.report_date_text == "23 November 2025"
    assert (report.commission, report.year_text, report.title) == ("Komisi Informasi Pusat", "2025", "Rekapitulasi Hasil Monitoring dan Evaluasi Keterbukaan Informasi Publik 2025")
    assert build_recap_report(recap, dt.date(2025, 11, 20)).recap_date_text is None


def test_html_shows_every_section(recap: Recap) -> None:
    html = html_of(recap)
    for heading in ("Rekap Kualifikasi per Kategori", "Sebaran kualifikasi", "Corong penilaian", "Peringkat per Kategori", "Indikator Terlemah per Kategori",
                    "Daftar Badan Publik Informatif", "Berkas yang Tidak Dapat Dinilai", "Lampiran: Cara Menyusun Rekapitulasi"):
        assert heading in html
    assert "89,50" in html and "89.50" not in html
    assert "perkiraan 100,00" in html and "Belum final (perkiraan Informatif)" in html
    assert "+4,25" in html  # the change since last year
    assert "jawaban &#39;Mungkin&#39; tidak dikenal untuk AA.1.1." in html


def test_pdf_text_has_categories_scores_bands_and_the_informatif_list(recap_pdf: bytes) -> None:
    reader, text = pdf_text(recap_pdf)
    for category in ("BUMN", "Kementerian", "Partai Politik"):
        assert category in text
    assert "89,50" in text and "89.50" not in text
    for band in ("Informatif", "Menuju Informatif", "Cukup Informatif", "Kurang Informatif", "Tidak Informatif", "Belum final"):
        assert band in text
    award = text[text.index("Daftar Badan Publik Informatif") :]
    assert "PT Uji Dua (Persero) (BU-2)" in award and "Kementerian Uji (KM-1)" in award and "PT Uji Satu" not in award.split("Lampiran")[0]
    assert f"Halaman {len(reader.pages)} dari {len(reader.pages)}" in text
    meta = reader.metadata
    assert meta is not None and meta.title == "Rekapitulasi Hasil Monev Keterbukaan Informasi Publik 2025 — Komisi Informasi Pusat"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_no_recap_page_is_blank(tmp_path: Path, recap_pdf: bytes) -> None:
    (tmp_path / "rekap.pdf").write_bytes(recap_pdf)
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(tmp_path / "rekap.pdf"), str(tmp_path / "hal")], check=True)
    pages = sorted(tmp_path.glob("hal-*.png"))
    assert len(pages) == len(PdfReader(io.BytesIO(recap_pdf)).pages) >= 2
    for png in pages:
        assert png_dark_pixels(png.read_bytes()) > 100, f"{png.name} looks blank"


def test_hostile_names_are_inert(recap: Recap, recap_pdf: bytes) -> None:
    html = html_of(recap)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="http://jahat.example' not in html
    _, text = pdf_text(recap_pdf)
    assert f"{SCRIPT} (KM-2)" in text and '=HYPERLINK("http://' in text  # shown as the text it is
    nasty = recap.model_copy(update={"rows": (recap.rows[0].model_copy(update={"name": "Badan\x00Uji\x07\x1b[31m", "category": "Kat\x0begori"}),)})
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", html_of(nasty))


def test_band_colours_cannot_inject_css(recap: Recap) -> None:
    bands = tuple(b.model_copy(update={"color": "red;background:url(http://jahat.example/x)"}) for b in recap.bands)
    html = html_of(recap.model_copy(update={"bands": bands}))
    assert "url(http://jahat.example/x)" not in html and "background-color: #777777" in html


def test_distribution_chart_keeps_labels_inside_the_viewbox(recap: Recap) -> None:
    svg = distribution_svg(build_recap_report(recap, DATE))
    width, height = (float(x) for x in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())  # type: ignore[union-attr]
    for x, y in re.findall(r'<text x="([\d.]+)" y="([\d.]+)"', svg):
        assert 0 <= float(x) <= width and 0 < float(y) <= height
    assert "Semua kategori" in svg and "7 badan publik" in svg and "Belum final" in svg
    for coords in re.findall(r'(?:x|y|width|height)="([^"]+)"', svg):
        assert "," not in coords


def test_distribution_chart_legend_wraps() -> None:
    legend = [(f"Kualifikasi panjang nomor {i}", "#123456") for i in range(8)]
    svg = str(distribution_chart([], legend, "Uji"))
    assert max(float(x) for x in re.findall(r'<text x="([\d.]+)"', svg)) < 680
    assert len(set(re.findall(r'<text x="[\d.]+" y="([\d.]+)"', svg))) > 1


def test_empty_recap_renders(tmp_path: Path) -> None:
    empty = build_recap([], [ErrorRow(file="a.xlsx", code="KM-W-001", where="a.xlsx", message="Rusak.")], 1, BANDS, "2025-11-20")
    html = html_of(empty)
    assert "Tidak ada badan publik yang berhasil dinilai." in html and "Belum ada badan publik dengan kualifikasi final Informatif." in html
    assert render_recap(empty, "pdf", tmp_path / "rekap.pdf", report_date=DATE).stat().st_size > 0


def test_xlsx_is_the_batch_recap_workbook(tmp_path: Path, recap: Recap) -> None:
    path = render_recap(recap, "xlsx", tmp_path / "rekap.xlsx", report_date=DATE)
    wb = load_workbook(path)
    assert recap.funnel.gates  # the fixture's bodies met the KI Pusat gate, so the Gerbang sheet is there (rule B7)
    assert wb.sheetnames == ["Peringkat", "Rekap Kualifikasi", "Gerbang", "Indikator", "Galat"]
    rows = {r[2]: r for r in wb["Peringkat"].iter_rows(min_row=2, values_only=True)}
    header = [c.value for c in wb["Peringkat"][1]]
    assert rows["BU-1"][header.index("Nilai akhir")] == 89.5
    assert rows["PP-1"][3] == "'" + FORMULA  # formula injection neutralised by the export


def test_render_recap_never_writes_over_an_input(tmp_path: Path, recap: Recap) -> None:
    source = tmp_path / "rekap.xlsx"
    source.write_bytes(b"masukan")
    for fmt in ("xlsx", "json"):
        target = source if fmt == "xlsx" else tmp_path / "rekap.json"
        if fmt == "json":
            target.write_text(recap.to_json(), encoding="utf-8")
        with pytest.raises(RenderError) as e:
            render_recap(recap, fmt, target, report_date=DATE, protected=[target])
        assert str(e.value) == f"{target}: {REPORT_WOULD_OVERWRITE.text()}"
    assert source.read_bytes() == b"masukan"


def test_render_recaps_names_files_and_collects_problems(tmp_path: Path, recap: Recap) -> None:
    summary = render_recaps([recap, recap], ["html", "json"], tmp_path / "o", report_date=DATE)
    assert [p.name for p in summary.written] == ["rekap.html", "rekap.json", "rekap-2.html", "rekap-2.json"]
    assert summary.problems == () and summary.failed == ()
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "rekap.html.j2").write_text("{{ r.tidak_ada }}\n", encoding="utf-8")
    broken = render_recaps([recap], ["html", "json"], tmp_path / "p", report_date=DATE, templates_dir=templates)
    assert [p.name for p in broken.written] == ["rekap.json"]
    assert [p.code for p in broken.problems] == ["KM-RN-005"] and broken.failed == (0,)


# --- the CLI --------------------------------------------------------------------------


@pytest.fixture
def score_folder(tmp_path: Path, recap: Recap) -> Path:
    folder = tmp_path / "hasil-2025"
    folder.mkdir()
    (folder / "rekap.json").write_text(recap.to_json(), encoding="utf-8")
    return folder


def test_cli_renders_the_recap_from_a_score_folder(tmp_path: Path, score_folder: Path) -> None:
    out_dir = tmp_path / "laporan"
    code, out, err = run("report", str(score_folder), "-o", str(out_dir), "-f", "pdf,html,xlsx", "--date", "2025-11-23")
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"Ditulis: {out_dir / 'rekap'}.{ext}" for ext in ("pdf", "html", "xlsx")]
    assert "23 November 2025" in (out_dir / "rekap.html").read_text(encoding="utf-8")
    assert load_workbook(out_dir / "rekap.xlsx").sheetnames[0] == "Peringkat"
    _, text = pdf_text((out_dir / "rekap.pdf").read_bytes())
    assert "Daftar Badan Publik Informatif" in text


def test_cli_recognises_a_recap_json_by_its_content(tmp_path: Path, score_folder: Path) -> None:
    renamed = tmp_path / "rekap-kip-2025.json"
    renamed.write_bytes((score_folder / "rekap.json").read_bytes())
    result = tmp_path / "hasil.json"
    result.write_text(score(Q, submission()).to_json(), encoding="utf-8")
    code, out, err = run("report", str(renamed), str(result), "-o", str(tmp_path / "o"), "-f", "html")
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"Ditulis: {tmp_path / 'o' / 'BP-1-Badan-Uji.html'}", f"Ditulis: {tmp_path / 'o' / 'rekap.html'}"]


def test_cli_recap_input_errors(tmp_path: Path) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    broken = tmp_path / "rekap.json"
    broken.write_text('{"rows": [], "funnel": {}, "band_counts": []}', encoding="utf-8")
    code, out, err = run("report", str(empty), str(broken), "-o", str(tmp_path / "o"))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == f"{empty}: {REPORT_FOLDER_WITHOUT_RECAP.text()}"
    assert lines[1].startswith(f"{broken}: bukan berkas rekap kipmonev yang sah (") and lines[1].endswith("Buat ulang dengan 'kipmonev score'.")
    assert lines[2] == f"Galat: {REPORT_FAILED.text(failed=2, total=2)}"


def test_the_recap_workbook_is_reproducible(recap: Recap, tmp_path: Path) -> None:
    data = recap_bytes(recap, ReportFormat.XLSX, report_date=DATE)
    assert render_recap(recap, ReportFormat.XLSX, tmp_path / "rekap.xlsx", report_date=DATE).read_bytes() == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert f"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{recap.date}T00:00:00Z</dcterms:created>" in core


def test_workbook_and_report_say_the_funnel_and_totals_the_same(recap: Recap, tmp_path: Path) -> None:
    # They were written twice and disagreed: the workbook said 'Lolos gerbang' without its rule.
    view = build_recap_report(recap, dt.date(2025, 11, 23))
    write_recap_xlsx(recap, tmp_path / "rekap.xlsx")
    sheet = load_workbook(tmp_path / "rekap.xlsx")["Rekap Kualifikasi"]
    cells = [r for r in sheet.iter_rows(values_only=True) if r[0] is not None]
    start = next(i for i, r in enumerate(cells) if r[0] == "Corong penilaian")
    assert [(r[0], r[1]) for r in cells[start + 1 :]] == [(s.label, s.count) for s in view.funnel]
    totals = next(r for r in cells if r[0] == "Jumlah" and r[1] != recap.bands[0].name)
    assert list(totals[1 : 2 + len(recap.bands)]) == [*view.totals.counts, view.totals.not_final]


def test_recap_pdf_headings_break_between_words_never_inside_one(tmp_path: Path) -> None:
    code, _, _ = run("score", str(Path(__file__).resolve().parents[1] / "examples"), "-o", str(tmp_path / "keluaran"), "--report", "pdf", "--date", "23-11-2025", "-q")
    assert code == 0
    layout = subprocess.run(["pdftotext", "-layout", str(tmp_path / "keluaran" / "rekap.pdf"), "-"], check=True, capture_output=True, text=True).stdout
    words = set(layout.split())
    assert {"Presentasi/", "diputuskan", "verifikasi", "Kualifikasi"} <= words
    assert not words & {"Presentas", "diputus", "kan", "i/Uji"}


def test_a_rounds_recap_shows_each_bodys_signoff_status(tmp_path: Path, recap: Recap, recap_pdf: bytes) -> None:
    """In a round the ranking has the sign-off status, in the PDF as in rekap.xlsx; outside one it has no such column."""
    status = {"BU-1": "ditetapkan", "BU-2": "dijamin mutu"}
    rows = tuple(r.model_copy(update={"signoff": status.get(r.body_id or "", "diverifikasi")}) for r in recap.rows)
    signed = recap.model_copy(update={"rows": rows})
    html = html_of(signed)
    assert '<th scope="col">Status pengesahan</th>' in html and '<th scope="col">Status pengesahan</th>' not in html_of(recap)
    assert "<td>ditetapkan</td>" in html and "<td>dijamin mutu</td>" in html
    _, text = pdf_text(recap_bytes(signed, ReportFormat.PDF, report_date=DATE))
    squeezed = " ".join(text.split())
    assert "Status pengesahan" in squeezed and "PT Uji Dua (Persero) (BU-2) 100,00 100,00 100,00 100,00 Informatif – – dijamin mutu" in squeezed  # after last year's two columns
    assert "Status pengesahan" not in " ".join(pdf_text(recap_pdf)[1].split())
    write_recap_xlsx(signed, tmp_path / "rekap.xlsx")
    ranking = load_workbook(tmp_path / "rekap.xlsx")["Peringkat"]
    header = [c.value for c in ranking[1]]
    column = header.index("Status pengesahan")
    assert {r[2].value: r[column].value for r in ranking.iter_rows(min_row=2)}["BU-1"] == "ditetapkan"
