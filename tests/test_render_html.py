"""Body report HTML: golden files, the view model's sentences, filters, chart, hostile text, templates."""

from __future__ import annotations

import datetime as dt
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from cli_runner import run
from render_samples import golden

from kipmonev.core.errors import RenderError
from kipmonev.core.formatting import format_number, format_plain, format_signed
from kipmonev.model.questionnaire import NoteStatus
from kipmonev.model.submission import BodyIdentity
from kipmonev.outputs.problems import REPORT_WOULD_OVERWRITE, TEMPLATE_MISSING
from kipmonev.outputs.report import RENDERERS, ReportFormat, build_body_report, render, render_bytes
from kipmonev.outputs.report.charts import indicator_chart
from kipmonev.outputs.report.filters import long_date, number, percent, plain, signed
from kipmonev.outputs.report.labels import cover_note, evidence_label

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DATE = dt.date(2025, 11, 23)
HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "Badan\x00Uji\x07\x1b[31m\r\nBaru",
    "Ж" * 5000,
    '=HYPERLINK("http://jahat.example/x","klik")',
]


def html_of(kind: str = "final", previous: str | None = None, **rules: object) -> str:
    prev = golden(previous) if previous else None
    return render_bytes(golden(kind, **rules), ReportFormat.HTML, report_date=DATE, previous=prev).decode("utf-8")


@pytest.mark.parametrize(
    ("name", "kind", "previous"),
    [("laporan-final.html", "final", None), ("laporan-perkiraan.html", "estimate", None), ("laporan-perbandingan.html", "final", "previous")],
)
def test_html_matches_golden(name: str, kind: str, previous: str | None) -> None:
    """Set KIPMONEV_UPDATE_GOLDEN=1 to rewrite the goldens; review the diff before committing."""
    html = html_of(kind, previous)
    path = GOLDEN / name
    if os.environ.get("KIPMONEV_UPDATE_GOLDEN") == "1":
        path.write_text(html, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with KIPMONEV_UPDATE_GOLDEN=1"
    assert html == path.read_text(encoding="utf-8")


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(ReportFormat)


@pytest.mark.parametrize(
    ("kind", "rules", "formula", "note"),
    [
        ("final", {}, "Nilai akhir = 80% × 73,33 + 20% × 88,50 = 76,36", None),
        ("estimate", {}, "Nilai akhir = 80% × 79,44 + 20% × (belum ada)", "Nilai tahap Presentasi belum ada; perkiraan sementara = nilai SAQ mandiri = 79,44."),
        ("final", {"gerbang": {"batas": 75, "jika_tidak_lolos": "nilai_saq"}}, "Nilai akhir = nilai SAQ terverifikasi = 73,33", "di bawah batas gerbang 75,00"),
        ("final", {"gerbang": {"batas": 75, "jika_tidak_lolos": "tahap_lain_nol"}}, "Nilai akhir = 80% × 73,33 + 20% × 0,00 = 58,66", "tahap lanjutan bernilai 0"),
        ("final", {"tahap": [{"kode": "saq", "nama": "SAQ", "bobot": 100}], "gerbang": None}, "Nilai akhir = nilai SAQ terverifikasi = 73,33", None),
    ],
)
def test_formula_uses_the_bodys_own_numbers(kind: str, rules: dict[str, object], formula: str, note: str | None) -> None:
    report = build_body_report(golden(kind, **rules), DATE)
    assert report.formula == formula
    assert (report.formula_note is None) if note is None else (note in (report.formula_note or ""))


def test_estimate_is_marked_with_its_reasons() -> None:
    html = html_of("estimate")
    assert "Perkiraan — belum final." in html
    assert "8 pertanyaan belum diverifikasi oleh Komisi Informasi." in html
    assert "Perkiraan nilai akhir" in html
    assert "Perkiraan — belum final" not in html_of("final")


def test_report_shows_every_question_link_and_improvement_in_order() -> None:
    a = golden("final")
    html = html_of("final")
    details = html[html.index("Rincian per Indikator</h2>") : html.index("Rencana Perbaikan</h2>")]
    for q in a.questions:
        assert re.search(rf'<p class="q(?: open)?">{re.escape(q.code)} {re.escape(q.text)} — ', details), q.code
    # every question: answer (self / verified), evidence, points and status on its own row
    assert '<p class="q">JI.1.3 Tingkat kelengkapan DIP — Lengkap / sesuai · 3/3&nbsp;Terpenuhi</p>' in details
    assert '— Ya / Tidak · <a href="https://ppid.uji.go.id/profil">bukti</a> · 0/2&nbsp;Belum\u00a0terpenuhi</p>' in details
    assert "— 2 dari 3 butir / sesuai · laporan-keuangan-2024.pdf · 3/4&nbsp;Terpenuhi\u00a0sebagian" in details
    assert "— 12,5 hari kerja / sesuai · 1/2&nbsp;" in details  # the unit comes from the result
    # items not fully met are explained, once, and point to their line of the plan
    assert "Catatan verifikator: Tautan tidak dapat dibuka. Definisi operasional: Laman memuat profil lengkap." in details
    assert "Rekomendasi dan dasar hukum: Rencana Perbaikan no. 1. Bukti dukung: https://ppid.uji.go.id/profil</p>" in details
    assert "Mandiri: ☑ Neraca (2); ☑ Laporan arus kas (1); ☐ CALK (1)." in details
    assert details.count('<p class="qx">') == sum(1 for q in a.questions if q.counted.fulfilment is not None and q.counted.fulfilment != "full")
    plan = html[html.index("Rencana Perbaikan</h2>") :]
    positions = [plan.index(f'<p class="q open">{n}. {i.code} · ') for n, i in enumerate(a.improvements, start=1)]
    assert positions == sorted(positions)
    assert "Rekomendasi: Umumkan informasi ini di laman PPID. Dasar hukum: UU 14/2008 Pasal 9 ayat (2).</p>" in plan


def test_unverified_answers_say_so() -> None:
    details = html_of("estimate")
    assert "— Ya / belum diverifikasi · " in details


def test_verdicts_come_from_the_results_fulfilment() -> None:
    report = build_body_report(golden("final"), DATE)
    rows = {q.code: q for s in report.indicators for q in s.questions}
    assert {code: (q.verdict.key, q.explain, q.plan_number) for code, q in rows.items()} == {
        "JI.1.1": ("unmet", True, 1),
        "JI.1.2": ("partial", True, 2),
        "JI.1.3": ("met", False, None),
        "SP.1.1": ("met", False, None),
        "SP.1.2": ("na", False, None),
        "PL.1.1": ("partial", True, 3),
        "PL.1.2": ("met", False, None),
        "PL.1.3": ("unmet", True, 4),
    }


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("https://ppid.contoh-nusantara.co.id/informasi-publik/ji-4-5/bukti-dukung-2025.pdf", "ppid.contoh-nusantara.co.id/…/bukti-dukung-2025.pdf"),
        ("https://ppid.uji.go.id/profil", "ppid.uji.go.id/profil"),
        ("laporan-keuangan-2024.pdf", "laporan-keuangan-2024.pdf"),
        ("x" * 80, "x" * 55 + "…"),
    ],
)
def test_evidence_labels_are_short_and_links_stay_whole(text: str, label: str) -> None:
    assert evidence_label(text) == label


def test_comparison_section_subtracts_in_the_view_model() -> None:
    report = build_body_report(golden("final"), DATE, previous=golden("previous"))
    c = report.comparison
    assert c is not None
    assert (c.year, c.previous_score, c.current_score, c.change) == (2024, Decimal("67.48"), Decimal("76.36"), Decimal("8.88"))
    ji = next(i for i in c.indicators if i.code == "JI")
    assert ji.change == ji.current - ji.previous  # type: ignore[operator]
    assert "Perbandingan dengan Tahun 2024" in html_of("final", "previous")
    assert "Perbandingan dengan Tahun" not in html_of("final")


def test_methodology_lists_confirmed_and_preset_rules_and_provenance() -> None:
    a = golden("final")
    html = html_of("final")
    assert "Preset (asumsi)" in html and "Bobot resmi tidak dipublikasikan." in html
    assert "Terkonfirmasi" in html and "Rentang kualifikasi KI Pusat 2018–2025." in html
    assert a.questionnaire.content_hash in html
    assert "uji-laporan, versi 2025081501" in html
    assert "0.0.0-uji" in html
    assert "≥ 90,00" in html and "2 desimal, setengah ke atas" in html


@pytest.mark.parametrize(
    ("value", "func", "expected"),
    [
        (Decimal("89.5"), number, "89,50"),
        (89.5, number, "89,50"),
        (Decimal("1234.5"), number, "1.234,50"),
        (Decimal("0"), number, "0,00"),
        (None, number, "–"),
        (Decimal("40"), plain, "40"),
        (Decimal("12.5"), plain, "12,5"),
        (Decimal("1.5"), signed, "+1,50"),
        (Decimal("-2"), signed, "-2,00"),
        (Decimal("0"), signed, "0,00"),
        (Decimal("87.5"), percent, "87,50%"),
        (dt.date(2025, 11, 23), long_date, "23 November 2025"),
        (dt.date(2026, 1, 5), long_date, "5 Januari 2026"),
        (dt.date(2025, 8, 17), long_date, "17 Agustus 2025"),
    ],
)
def test_filters(value: object, func: object, expected: str) -> None:
    assert func(value) == expected  # type: ignore[operator]


def test_remembered_numbers_are_each_formatted_as_babel_formats_it() -> None:
    # The filters remember what they formatted by type and digits: equal numbers of other types or digits
    # (2 and 2.0, Decimal("2.675") and 2.675) must still each come out as Babel formats them, in any order.
    values: list[Decimal | int | float] = [Decimal("2.675"), 2.675, Decimal("2.6750"), 2, 2.0, Decimal("2"), Decimal("-0"), 0.1 + 0.2, Decimal("1E+2"), Decimal("1e999")]
    for value in values + values[::-1]:
        assert (number(value), number(value, 0), plain(value), signed(value), percent(value)) == (
            format_number(value),
            format_number(value, 0),
            format_plain(value),
            format_signed(value),
            f"{format_number(value)}%",
        ), value


def test_chart_uses_decimal_commas_and_keeps_labels_inside_the_viewbox() -> None:
    report = build_body_report(golden("final"), DATE)
    svg = str(indicator_chart(report.indicators))
    assert "Nilai verifikasi" in svg and "Nilai mandiri" in svg and "33,33 dari 50,00" in svg
    width, height = (float(x) for x in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())  # type: ignore[union-attr]
    for x, y in re.findall(r'<text x="([\d.]+)" y="([\d.]+)"', svg):
        assert 0 <= float(x) <= width and 0 < float(y) <= height
    for coords in re.findall(r'(?:x|y|width|height)="([^"]+)"', svg):
        assert "," not in coords  # coordinates keep SVG's dot


def test_chart_marks_an_indicator_without_applicable_items() -> None:
    q_rules = {"verifikasi_wajib": False}
    a = golden("estimate", **q_rules)
    sections = build_body_report(a, DATE).indicators
    na = sections[0].self_result.model_copy(update={"percent": None})
    svg = str(indicator_chart([sections[0].__class__(**{**sections[0].__dict__, "self_result": na, "basis": na})]))
    assert "tidak berlaku" in svg


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_body_names_are_inert_in_html(name: str) -> None:
    a = golden("final").model_copy(update={"body": BodyIdentity(id="<b>x</b>", name=name, website="javascript:alert(1)")})
    html = render_bytes(a, ReportFormat.HTML, report_date=DATE).decode("utf-8")
    assert "<script>alert" not in html and "<b>x</b>" not in html
    assert "href=\"javascript:" not in html
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", html)
    if name.startswith("<script>"):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_hostile_evidence_and_colors_are_inert() -> None:
    a = golden("final")
    q0 = a.questions[0]
    bad_self = q0.self_answer.model_copy(update={"evidence": ("javascript:alert(1)", '"><img src=x onerror=alert(1)>', "https://ok.example/a b")})
    band = a.outcome.estimate_band.model_copy(update={"color": "red;background:url(http://jahat.example/x)"})
    a = a.model_copy(update={"questions": (q0.model_copy(update={"self_answer": bad_self}), *a.questions[1:]), "outcome": a.outcome.model_copy(update={"estimate_band": band})})
    html = render_bytes(a, ReportFormat.HTML, report_date=DATE).decode("utf-8")
    assert 'href="javascript:' not in html and "<img src=x" not in html
    assert "jahat.example" not in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_custom_templates_override_shipped_files(tmp_path: Path) -> None:
    (tmp_path / "_sampul.html.j2").write_text("<section class=\"cover\"><p>Sampul KI Provinsi {{ r.body_name }}</p></section>\n", encoding="utf-8")
    html = render_bytes(golden("final"), ReportFormat.HTML, report_date=DATE, templates_dir=tmp_path).decode("utf-8")
    assert "Sampul KI Provinsi Badan Uji Keterbukaan" in html
    assert "Rincian per Indikator" in html  # the rest still comes from reports/


def test_template_errors_are_located(tmp_path: Path) -> None:
    (tmp_path / "laporan.html.j2").write_text("<p>\n{{ r.body_name }\n</p>\n", encoding="utf-8")
    with pytest.raises(RenderError) as e:
        render_bytes(golden("final"), ReportFormat.HTML, report_date=DATE, templates_dir=tmp_path)
    assert str(e.value).startswith(f"{tmp_path / 'laporan.html.j2'}, baris 2: sintaks templat tidak sah (")
    (tmp_path / "laporan.html.j2").write_text("{{ r.tidak_ada }}\n", encoding="utf-8")
    with pytest.raises(RenderError, match="templat gagal dijalankan"):
        render_bytes(golden("final"), ReportFormat.HTML, report_date=DATE, templates_dir=tmp_path)
    (tmp_path / "laporan.html.j2").write_text("{% include '_hilang.html.j2' %}\n", encoding="utf-8")
    with pytest.raises(RenderError) as e:
        render_bytes(golden("final"), ReportFormat.HTML, report_date=DATE, templates_dir=tmp_path)
    assert str(e.value) == f"{tmp_path}: {TEMPLATE_MISSING.text(name='_hilang.html.j2')}"


def test_render_writes_atomically_and_never_over_an_input(tmp_path: Path) -> None:
    source = tmp_path / "hasil.json"
    a = golden("final").model_copy(update={"source": str(source)})
    source.write_text(a.to_json(), encoding="utf-8")
    with pytest.raises(RenderError) as e:
        render(a, ReportFormat.JSON, source, report_date=DATE)
    assert str(e.value) == f"{source}: {REPORT_WOULD_OVERWRITE.text()}"
    assert source.read_text(encoding="utf-8") == a.to_json()
    out = render(a, ReportFormat.HTML, tmp_path / "laporan.html", report_date=DATE)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil.json", "laporan.html"]  # no temp files left


@pytest.mark.parametrize(
    ("description", "statuses", "expected"),
    [
        (
            "Butir ditulis dari UU 14/2008 dan Perki 1/2021, bukan butir resmi KI Pusat.",
            [NoteStatus.CONFIRMED, NoteStatus.PRESET, NoteStatus.PRESET],
            (
                "Butir ditulis dari UU 14/2008 dan Perki 1/2021, bukan butir resmi KI Pusat.",
                "Dari 3 nilai aturan yang dipakai, 1 terkonfirmasi dengan sumbernya dan 2 merupakan preset berlabel (asumsi, karena ketentuan resminya tidak dipublikasikan); rinciannya ada pada Lampiran Metodologi.",
            ),
        ),
        (None, [NoteStatus.CONFIRMED, NoteStatus.CONFIRMED], ("Seluruh 2 nilai aturan yang dipakai terkonfirmasi dengan sumbernya; rinciannya ada pada Lampiran Metodologi.",)),
        (None, [], ("Edisi kuesioner ini tidak mencatat apakah nilai aturannya terkonfirmasi atau preset.",)),
    ],
)
def test_cover_note_says_where_the_content_comes_from(description: str | None, statuses: list[NoteStatus], expected: tuple[str, ...]) -> None:
    assert cover_note(description, statuses) == expected


def test_every_shipped_ki_pusat_report_cover_says_the_items_are_not_official(tmp_path: Path) -> None:
    code, _, err = run("score", str(EXAMPLES / "01-kementerian-urusan-contoh.xlsx"), "-o", str(tmp_path / "keluaran"), "--report", "html", "--date", "23-11-2025", "-q")
    assert (code, err) == (0, "")
    html = next(p for p in (tmp_path / "keluaran").rglob("*.html") if "rekap" not in p.name).read_text(encoding="utf-8")
    cover = html.split('<section class="cover">', 1)[1].split("</section>", 1)[0]
    assert "Catatan tentang isi kuesioner dan aturan" in cover
    assert "ditulis dari UU 14/2008 dan Perki 1/2021 dan bukan butir resmi KI Pusat, karena bank soal resmi KI Pusat tidak dipublikasikan." in cover
    assert re.search(r"Dari \d+ nilai aturan yang dipakai, \d+ terkonfirmasi dengan sumbernya dan \d+ merupakan preset berlabel", cover)
