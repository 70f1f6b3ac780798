"""The worked example edition (questionnaires/examples/format-lengkap.yaml): every key of issue 18.

Its scores are checked against arithmetic written here, through the whole workbook round trip
(template → fill → read → score), and LibreOffice's recalculated Ringkasan against kipmonev's numbers.
Cited rules: S11 verifier scale, S12 composite rule, S13 substitute evidence, S14 points as given.
"""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple
from workbook_helpers import cell_of, fill, libreoffice_resave, row_of

from kipmonev import QuestionnaireError, score
from kipmonev.model.result import Assessment
from kipmonev.model.submission import Answer
from kipmonev.outputs.formulas import summary_layout
from kipmonev.outputs.questionnaire_xlsx import write_questionnaire_xlsx
from kipmonev.outputs.report import ReportFormat, render_bytes
from kipmonev.outputs.template import build_template
from kipmonev.sources.loader import load_questionnaire
from kipmonev.sources.questionnaire_xlsx import import_questionnaire_with_warnings
from kipmonev.sources.reader import read_submission
from kipmonev.sources.xlsx import open_xlsx

Q = load_questionnaire("examples-format-lengkap")
LINK = "https://ppid.contoh.go.id/bukti"

ANSWERS = {
    "SP.1.1.1": Answer(value="Ya", evidence=(LINK,)),  # 5
    "SP.1.1.2": Answer(value="Ya"),  # no link: 0 (kredit_tanpa_bukti 0)
    "SP.1.2.1": Answer(value=("a", "b", "c"), evidence=("foto-ruang.pdf",)),  # 3 of 4, all or nothing: 0
    "JI.1.1": Answer(value=("a", "b"), evidence=(LINK,)),  # partial: 5 + 5
    "JI.1.2": Answer(value="Ya", substitute=True, evidence=("surat-pernyataan.pdf",)),  # substitute rule 'dokumen': 10
    "JI.1.3": Answer(value="Ada, belum mutakhir"),  # 5
    "PL.1.1": Answer(value=Decimal(75)),  # typed as 75% in the workbook: 8
    "PL.1.2": Answer(value=Decimal(17)),  # 'lebih dari 10 s.d. 17': 5
}
VERIFICATION = {
    "SP.1.1.1": Answer(value="Sebagian"),  # level: 3
    "SP.1.1.2": Answer(value="Ya"),  # 15
    "SP.1.2.1": Answer(value=("a", "b", "c", "d")),  # complete: 20
    "JI.1.1": Answer(value=("a", "b")),  # 10
    "JI.1.2": Answer(value="Sesuai dengan catatan kecil"),  # level: 7,5
    "JI.1.3": Answer(value="Ada, belum mutakhir"),  # 5
    "PL.1.1": Answer(value=Decimal(75)),  # 8
    "PL.1.2": Answer(value=Decimal(17)),  # 5
}


def _round_trip(tmp_path: Path, answers: dict[str, Answer], verification: dict[str, Answer]) -> Path:
    """Fill the template, then type PL.1.1 the way people do: '75%' (stored 0,75 in a percent cell)."""
    path = fill(tmp_path / "isian.xlsx", Q, answers, verification)
    wb = load_workbook(path)
    ws = wb["Kuesioner"]
    if "PL.1.1" in answers:
        ws[cell_of(ws, "PL.1.1")] = 0.75
        ws[cell_of(ws, "PL.1.1")].number_format = "0%"
    wb.save(path)
    return path


def _scored(path: Path) -> Assessment:
    read_q, submission = read_submission(path)
    assert read_q.content_hash == Q.content_hash
    return score(read_q, submission)


def test_the_example_scores_as_the_arithmetic_says(tmp_path: Path) -> None:
    a = _scored(_round_trip(tmp_path, ANSWERS, VERIFICATION))
    self_points = 5 + 0 + 0 + (5 + 5) + 10 + 5 + 8 + 5
    verified_points = 3 + 15 + 20 + 10 + Decimal("7.5") + 5 + 8 + 5
    # S14: points as given, over the 100 possible points, no indicator re-weighting.
    assert a.saq_self.score == Decimal(self_points) * 100 / 100 == Decimal("43.00")
    assert a.saq_verified is not None
    assert a.saq_verified.score == verified_points == Decimal("73.50")
    assert {i.code: i.contribution for i in a.saq_verified.indicators} == {"SP": Decimal(3 + 15 + 20), "JI": Decimal("22.5"), "PL": Decimal(13)}
    by_code = {q.code: q for q in a.questions}
    assert by_code["SP.1.2.1"].self_answer.earned == 0  # S12
    assert by_code["SP.1.2.1"].self_answer.reason == "Ketidaklengkapan menghilangkan nilai nomor ini: poin hanya diberikan bila semua butir terpenuhi."
    assert by_code["JI.1.2"].self_answer.substitute and by_code["JI.1.2"].self_answer.earned == 10  # S13
    assert by_code["JI.1.2"].verified_answer is not None and by_code["JI.1.2"].verified_answer.level == "Sesuai dengan catatan kecil"  # S11
    assert by_code["PL.1.1"].self_answer.answer == "75"
    assert [q.assessed_by for q in a.questions] == ["verifikator", None, None, None, None, "panel", "sistem", None]


def test_not_applicable_shrinks_the_possible_points_not_an_indicator_weight(tmp_path: Path) -> None:
    answers = {**ANSWERS, "PL.1.2": Answer(not_applicable=True)}
    verification = {**VERIFICATION, "PL.1.2": Answer(not_applicable=True)}
    a = _scored(_round_trip(tmp_path, answers, verification))
    assert a.saq_verified is not None
    # 68,5 of 90 possible points; weighting by indicator would give 38 + 22,5 + 8/15 × 25 = 73,83 instead.
    assert a.saq_verified.score == (Decimal("68.5") * 100 / 90).quantize(Decimal("0.01")) == Decimal("76.11")
    assert a.saq_self.score == (Decimal(38) * 100 / 90).quantize(Decimal("0.01")) == Decimal("42.22")


def test_the_substitute_needs_its_own_evidence(tmp_path: Path) -> None:
    answers = {**ANSWERS, "JI.1.2": Answer(value="Ya", substitute=True)}
    a = _scored(_round_trip(tmp_path, answers, {}))
    result = next(q for q in a.questions if q.code == "JI.1.2")
    assert (result.self_answer.status.value, result.self_answer.earned) == ("no_evidence", Decimal(0))
    assert result.self_answer.reason == (
        "Bukti pengganti (Surat pernyataan tidak memiliki informasi yang dikecualikan) berupa dokumen atau tautan wajib dilampirkan; jawaban tidak dihitung penuh."
    )


def test_the_workbook_carries_groups_scales_substitutes_and_who_scores() -> None:
    wb = build_template(Q)
    ws = wb["Kuesioner"]
    codes = [ws.cell(row=r, column=1).value for r in range(5, ws.max_row + 1)]
    assert codes[:12] == ["SP", "SP.1", "SP.1.1", "SP.1.1.1", "SP.1.1.2", "SP.1.2", "SP.1.2.1", "SP.1.2.1.a", "SP.1.2.1.b", "SP.1.2.1.c", "SP.1.2.1.d", "JI"]
    assert ws.cell(row=row_of(ws, "SP.1.1"), column=2).value == "Layanan Elektronik"
    assert ws[cell_of(ws, "SP.1.1.1", 11)].value == "Ya = 5\nVerifikator memilih: Lengkap = 5; Sebagian = 3; Minim = 1,5; Tidak ada = 0\nDinilai oleh verifikator."
    assert ws[cell_of(ws, "SP.1.2.1", 11)].value == "Maks. 20 (semua butir harus terpenuhi)"
    assert "Bukti pengganti: pilih 'Ya, dengan surat pernyataan' bila melampirkan Surat pernyataan tidak memiliki informasi yang dikecualikan, ditandatangani Atasan PPID" in ws[cell_of(ws, "JI.1.2", 2)].value
    lists = wb["Pilihan"]
    rows = [tuple(c.value for c in row if c.value is not None) for row in lists.iter_rows()]
    assert ("Ya", "Tidak", "Ya, dengan surat pernyataan") in rows
    assert ("Sesuai", "Sesuai dengan catatan kecil", "Sesuai sebagian", "Kurang sesuai", "Tidak sesuai") in rows


def _page(a: Assessment) -> str:
    return html.unescape(render_bytes(a, ReportFormat.HTML, report_date=dt.date(2026, 1, 15)).decode("utf-8"))


def test_the_report_explains_the_rules_of_each_item(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    own = _page(_scored(_round_trip(tmp_path / "a", ANSWERS, {})))
    assert "<b>SP.1 Sarana dan prasarana layanan informasi publik</b>" in own
    assert "<b>SP.1.1 Layanan Elektronik</b>" in own
    assert "(dinilai oleh verifikator)" in own and "(dinilai oleh panel penilai)" in own and "(dinilai oleh sistem)" in own
    assert "Ketidaklengkapan menghilangkan nilai nomor ini: poin hanya diberikan bila semua butir terpenuhi." in own
    assert "Ya (bukti pengganti)" in own
    verified = _page(_scored(_round_trip(tmp_path, ANSWERS, VERIFICATION)))
    # JI.1.2 earned 7,5 of 10 on the verifier's scale: its explanation lists the scale and the substitute.
    assert "Skala verifikasi: Sesuai = 10; Sesuai dengan catatan kecil = 7,5; Sesuai sebagian = 5; Kurang sesuai = 2,5; Tidak sesuai = 0." in verified
    assert (
        "Bukti pengganti diterima: Surat pernyataan tidak memiliki informasi yang dikecualikan, ditandatangani Atasan PPID; bukti yang diwajibkan: Dokumen atau tautan. "
        "Badan publik memakai bukti pengganti."
    ) in verified
    assert "Sesuai dengan catatan kecil" in verified


def test_the_example_survives_the_authoring_spreadsheet(tmp_path: Path) -> None:
    back, warnings = import_questionnaire_with_warnings(write_questionnaire_xlsx(Q, tmp_path / "kuesioner.xlsx"))
    assert warnings == []
    assert back == Q and back.content_hash == Q.content_hash


@pytest.mark.slow
def test_libreoffice_recalculates_the_example_to_kipmonevs_numbers(tmp_path: Path) -> None:
    cases = [(ANSWERS, VERIFICATION), ({**ANSWERS, "PL.1.2": Answer(not_applicable=True)}, {}), (ANSWERS, {})]
    files = []
    for i, (answers, verification) in enumerate(cases):
        folder = tmp_path / f"c{i}"
        folder.mkdir()
        files.append(_round_trip(folder, answers, verification).rename(tmp_path / f"isian-{i}.xlsx"))
    layout = summary_layout(Q)
    for path in libreoffice_resave(files, tmp_path / "lo"):
        a = _scored(path)
        with open_xlsx(path) as book:
            sheet = book.sheet("Ringkasan")
            cells = {key: sheet.value(*pos) for key, ref in layout.items() if (pos := coordinate_to_tuple(ref))}

            assert cells["saq_self"] == a.saq_self.score, path.name
            assert cells["saq_verified"] == (a.saq_verified.score if a.saq_verified is not None else "–"), path.name
            for ind in a.saq_self.indicators:
                assert (cells[f"{ind.code}.earned"], cells[f"{ind.code}.self"]) == (ind.earned, ind.contribution), (path.name, ind.code)


YAML_HEAD = """\
id: uji-poin
judul: Uji
komisi: KI Uji
tahun: 2026
kategori: Uji
versi: 2026010101
aturan: ki-pusat
poin_langsung: true
indikator:
  - {kode: AA, nama: A, bobot: 60}
  - {kode: BB, nama: B, bobot: 40}
"""
COMMON = "definisi_operasional: D.\n    dasar_hukum: UU 14/2008\n    rekomendasi: R."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            # A duplicated row: BB.1.2 copies BB.1.1, so the points add up to 101.
            f"""pertanyaan:
  - kode: AA.1.1
    indikator: AA
    teks: A?
    tipe: ya_tidak
    poin: 60
    {COMMON}
  - kode: BB.1.1
    indikator: BB
    teks: B?
    tipe: ya_tidak
    poin: 40
    {COMMON}
  - kode: BB.1.2
    indikator: BB
    teks: B?
    tipe: ya_tidak
    poin: 1
    {COMMON}
""",
            [
                "uji.yaml, baris 11 (indikator[1].bobot): bobot indikator BB adalah 40, tetapi poin pertanyaannya berjumlah 41 (BB.1.1 40 + BB.1.2 1). Dengan 'poin_langsung' bobot indikator sama dengan jumlah poin pertanyaannya dan tidak dibobot ulang. Periksa baris yang ganda atau poin yang salah ketik, lalu samakan bobot dengan jumlah poin.",
                "uji.yaml, baris 12 (pertanyaan): poin semua pertanyaan berjumlah 101, bukan 100. Dengan 'poin_langsung' poin butir dijumlahkan langsung menjadi nilai 0–100 dan tidak dinormalkan. Periksa baris yang ganda atau poin yang salah ketik.",
            ],
        ),
        (
            f"""kelompok:
  - {{kode: XX.1, judul: Salah}}
  - {{kode: AA.1.1, judul: Pertanyaan}}
  - {{kode: BB.2, judul: Kosong}}
pertanyaan:
  - kode: AA.1.1
    indikator: AA
    teks: A?
    tipe: ya_tidak
    poin: 60
    {COMMON}
  - kode: BB.1.1
    indikator: BB
    teks: B?
    tipe: ya_tidak
    poin: 40
    {COMMON}
""",
            [
                "uji.yaml, baris 13 (kelompok[0].kode): kelompok 'XX.1' diawali kode indikator 'XX' yang tidak ada. Kode kelompok diawali kode indikatornya. Perbaiki kode kelompok atau tambahkan indikatornya.",
                "uji.yaml, baris 14 (kelompok[1].kode): kode kelompok 'AA.1.1' juga dipakai sebuah pertanyaan. Kelompok dan pertanyaan memakai kode yang berbeda. Ganti kode kelompok atau kode pertanyaannya.",
                "uji.yaml, baris 15 (kelompok[2].kode): kelompok 'BB.2' tidak memuat pertanyaan. Sebuah kelompok memuat pertanyaan yang kodenya diawali kode kelompok itu. Hapus kelompok ini atau perbaiki kodenya.",
            ],
        ),
        (
            f"""pertanyaan:
  - kode: AA.1.1
    indikator: AA
    teks: A?
    tipe: ya_tidak
    poin: 60
    skala_verifikasi: [{{label: Baik, poin: 50}}, {{label: Kurang, poin: 0}}]
    bukti_pengganti: {{nama: Surat pernyataan, label: tidak}}
    {COMMON}
  - kode: BB.1.1
    indikator: BB
    teks: B?
    tipe: daftar
    skala_verifikasi: [{{label: Baik, poin: 40}}, {{label: Kurang, poin: 0}}]
    butir: [{{kode: a, label: X, poin: 40}}]
    {COMMON}
""",
            [
                "uji.yaml, baris 18 (pertanyaan[0].skala_verifikasi): tingkat tertinggi 'skala_verifikasi' AA.1.1 bernilai 50, sedangkan poin maksimum pertanyaannya 60. Poin tingkat tertinggi harus sama dengan poin maksimum pertanyaan, agar nilai mandiri dan nilai verifikasi sebanding. Samakan keduanya.",
                "uji.yaml, baris 19 (pertanyaan[0].bukti_pengganti.label): label bukti pengganti AA.1.1 'tidak' sama dengan jawaban biasa. Label bukti pengganti harus berbeda dari 'Ya', 'Tidak' dan 'Tidak Berlaku'. Tulis label lain, misalnya 'Ya, dengan surat pernyataan'.",
                "uji.yaml, baris 27 (pertanyaan[1].skala_verifikasi): BB.1.1 bertipe 'daftar' dan memakai 'skala_verifikasi'. Skala verifikasi berlaku untuk tipe 'ya_tidak', 'pilihan' dan 'angka'; butir daftar diverifikasi satu per satu. Hapus 'skala_verifikasi' atau ubah tipenya.",
            ],
        ),
    ],
)
def test_the_new_keys_are_checked_with_located_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, expected: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("uji.yaml").write_text(YAML_HEAD + body, encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(Path("uji.yaml"))
    assert [str(p) for p in caught.value.problems] == expected


def test_an_edition_without_the_new_keys_keeps_its_hash() -> None:
    # The hash kipmonev gave this edition before the keys of issue 18 existed: templates already sent out still read.
    assert load_questionnaire("ki-pusat-2025-bumn").content_hash == "sha256:294039b3821c335e1273be866e5b6c8cb78e60ca34b7f152e57ec9416043e6f4"
