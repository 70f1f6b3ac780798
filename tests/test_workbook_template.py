"""The fill-in template: sheets, protection, drop-downs, layout, metadata and reproducible files."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from conftest import small, small_data
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from workbook_helpers import row_of

from kipmonev import WorkbookError, load_questionnaire
from kipmonev._version import __version__
from kipmonev.core.fileio import workbook_bytes
from kipmonev.formats import workbook_texts as tx
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.submission import BodyIdentity
from kipmonev.outputs.formulas import summary_layout
from kipmonev.outputs.problems import OUTPUT_UNWRITABLE
from kipmonev.outputs.template import build_template, write_template

Q = small()


def _saved(tmp_path: Path, q: Questionnaire = Q, body: BodyIdentity | None = None) -> Path:
    path = tmp_path / "templat.xlsx"
    write_template(q, path, body)
    return path


def _validation(ws: Worksheet, ref: str) -> tuple[str, str | None, str | None]:
    """(type, formula1, error text) of the data validation covering a cell."""
    for dv in ws.data_validations.dataValidation:
        if ref in dv.sqref:
            return str(dv.type), dv.formula1, dv.error
    raise AssertionError(f"no validation on {ref}")


def _list_values(wb_path: Path, formula: str) -> list[str]:
    wb = load_workbook(wb_path)
    sheet, ref = formula.split("!")
    cells = wb[sheet][ref.replace("$", "")]
    return [c.value for row in cells for c in row if c.value is not None]


def test_sheets_in_order_with_hidden_helpers(tmp_path: Path) -> None:
    wb = load_workbook(_saved(tmp_path))
    assert wb.sheetnames == ["Petunjuk", "Identitas", "Kuesioner", "Tahap", "Ringkasan", "Hitung", "Pilihan", "Metadata"]
    states = {ws.title: ws.sheet_state for ws in wb.worksheets}
    assert states == {"Petunjuk": "visible", "Identitas": "visible", "Kuesioner": "visible", "Tahap": "visible", "Ringkasan": "visible", "Hitung": "hidden", "Pilihan": "hidden", "Metadata": "veryHidden"}
    assert wb.active.title == "Petunjuk"  # type: ignore[union-attr]


def test_no_stage_sheet_when_the_rules_have_no_later_stage() -> None:
    q = small(tahap=[{"kode": "saq", "nama": "SAQ", "bobot": 100}], gerbang=None)
    assert tx.SHEET_STAGES not in build_template(q).sheetnames


def test_metadata_names_the_edition_exactly(tmp_path: Path) -> None:
    q = load_questionnaire("ki-pusat-2025-bumn")
    ws = load_workbook(_saved(tmp_path, q))["Metadata"]
    meta = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(1, 7)}
    assert meta == {
        "kuesioner_id": "ki-pusat-2025-bumn",
        "kuesioner_versi": str(q.version),
        "kuesioner_hash": q.content_hash,
        "aturan_id": "ki-pusat",
        "kipmonev_versi": __version__,
        "format_templat": "1",
    }


def test_structure_locked_without_password_and_only_input_cells_open(tmp_path: Path) -> None:
    wb = load_workbook(_saved(tmp_path))
    assert wb.security is not None and wb.security.lockStructure
    for name in ("Petunjuk", "Identitas", "Kuesioner", "Tahap", "Ringkasan"):
        assert wb[name].protection.sheet, name
        assert not wb[name].protection.password, name
    ws = wb["Kuesioner"]

    def unlocked(code: str) -> set[str]:
        row = row_of(ws, code)
        return {"ABCDEFGHIJK"[c - 1] for c in range(1, 12) if not ws.cell(row=row, column=c).protection.locked}

    assert unlocked("AA.1.1") == {"F", "G", "H", "I", "J"}
    assert unlocked("BB.1.1.a") == {"F", "I"}
    assert unlocked("BB.1.1") == {"G", "H", "J"}  # a checklist without N/A: answered per item, evidence on the parent
    identity = wb["Identitas"]
    assert not identity["B4"].protection.locked and identity["A4"].protection.locked
    assert not wb["Tahap"]["D5"].protection.locked and wb["Tahap"]["A5"].protection.locked
    assert ws.protection.insertHyperlinks is False  # evidence links may be inserted as hyperlinks
    assert ws.protection.autoFilter is False


@pytest.mark.parametrize(
    ("code", "column", "kind", "labels", "error"),
    [
        ("AA.1.1", "F", "list", ["Ya", "Tidak"], "Pilih salah satu jawaban dari daftar: Ya, Tidak."),
        ("AA.1.1", "I", "list", ["Ya", "Tidak"], "Pilih salah satu jawaban dari daftar: Ya, Tidak."),
        ("AA.1.2", "F", "list", ["Tidak ada", "Sebagian", "Lengkap"], "Pilih salah satu jawaban dari daftar: Tidak ada, Sebagian, Lengkap."),
        ("AA.1.3", "F", "list", ["Ya", "Tidak", "Tidak Berlaku"], "Pilih salah satu jawaban dari daftar: Ya, Tidak, Tidak Berlaku."),
        ("BB.1.1.b", "F", "list", ["Ya", "Tidak"], "Pilih salah satu jawaban dari daftar: Ya, Tidak."),
        ("BB.1.2", "F", "decimal", None, "Isi dengan angka, misalnya 12 atau 7,5."),
    ],
)
def test_answer_cells_have_dropdowns_and_indonesian_errors(tmp_path: Path, code: str, column: str, kind: str, labels: list[str] | None, error: str) -> None:
    path = _saved(tmp_path)
    ws = load_workbook(path)["Kuesioner"]
    ref = f"{column}{row_of(ws, code)}"
    found_kind, formula, found_error = _validation(ws, ref)
    assert (found_kind, found_error) == (kind, error)
    if labels is not None:
        assert formula is not None and formula.startswith("Pilihan!")
        assert _list_values(path, formula) == labels


def test_a_dropdown_offers_every_choice_beyond_26(tmp_path: Path) -> None:
    # Regression: the Pilihan range used to end at column Z, so choices 27 and on were missing from the list.
    labels = [f"Tingkat {n}" for n in range(1, 31)]
    data = small_data()
    question = next(x for x in data["pertanyaan"] if x["kode"] == "AA.1.2")
    question["pilihan"] = [{"label": label, "poin": n % 4} for n, label in enumerate(labels)]
    path = _saved(tmp_path, Questionnaire.model_validate(data))
    ws = load_workbook(path)["Kuesioner"]
    kind, formula, _ = _validation(ws, f"F{row_of(ws, 'AA.1.2')}")
    assert kind == "list" and formula is not None
    assert formula.endswith(":$AD$2")  # the 30th column
    assert _list_values(path, formula) == labels


def test_checklists_have_one_row_per_item_and_indicators_a_heading_with_weight(tmp_path: Path) -> None:
    ws = load_workbook(_saved(tmp_path))["Kuesioner"]
    codes = [ws.cell(row=r, column=1).value for r in range(5, ws.max_row + 1)]
    assert codes == ["AA", "AA.1.1", "AA.1.2", "AA.1.3", "BB", "BB.1.1", "BB.1.1.a", "BB.1.1.b", "BB.1.1.c", "BB.1.2", "BB.2.1", "BB.2.2"]
    assert [ws.cell(row=4, column=c).value for c in range(1, 12)] == [
        "Kode", "Pertanyaan", "Definisi Operasional", "Dasar Hukum", "Bukti Wajib", "Jawaban", "Tautan/Bukti Dukung", "Keterangan", "Jawaban Verifikasi", "Catatan Verifikator", "Poin",
    ]  # fmt: skip
    assert ws["B5"].value == "Indikator A (bobot 60)"
    assert ws["B11"].value == "a. Neraca"
    assert ws["E6"].value == "Tautan (URL)"
    assert ws["K14"].value == "0 s.d. kurang dari 10 hari kerja = 2; 10 s.d. kurang dari 17 hari kerja = 1; ≥ 17 hari kerja = 0"
    assert "Berlaku hanya bila BB.2.1 dijawab 'Ya'; bila tidak, kosongkan." in str(ws["B16"].value)


def test_frozen_wrapped_landscape_fit_to_width_with_named_fonts(tmp_path: Path) -> None:
    wb = load_workbook(_saved(tmp_path))
    ws = wb["Kuesioner"]
    assert ws.freeze_panes == "B5"
    assert ws.print_title_rows == "$4:$4"
    assert ws["B6"].alignment.wrap_text
    for name in ("Petunjuk", "Identitas", "Kuesioner", "Tahap", "Ringkasan"):
        sheet = wb[name]
        assert sheet.page_setup.orientation == "landscape", name
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0), name
        assert sheet.sheet_properties.pageSetUpPr is not None and sheet.sheet_properties.pageSetUpPr.fitToPage, name
    for cell in ("A4", "B6", "F6", "K14"):
        assert ws[cell].font.name == "Arial", cell


def test_identity_is_prefilled_from_the_body_and_the_edition(tmp_path: Path) -> None:
    body = BodyIdentity(id="BP-9", name="Kementerian Urusan Contoh", province="DKI Jakarta")
    ws = load_workbook(_saved(tmp_path, body=body))["Identitas"]
    rows = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(4, 12)}
    assert rows == {
        "Nama badan publik": "Kementerian Urusan Contoh",
        "Kategori": "Uji",
        "Kode/ID badan publik": "BP-9",
        "Provinsi": "DKI Jakarta",
        "Alamat situs web": None,
        "Nama PPID": None,
        "Email PPID": None,
        "Tahun penilaian": 2025,
    }


def test_guide_explains_columns_evidence_scoring_and_sending(tmp_path: Path) -> None:
    ws = load_workbook(_saved(tmp_path))["Petunjuk"]
    text = "\n".join(str(c.value) for (c,) in ws.iter_rows(max_col=1) if c.value)
    for expected in (
        "Jawaban bernilai (misalnya 'Ya') tanpa bukti dukung yang diwajibkan tidak diberi nilai (0 poin).",
        "Tautan (URL): tulis alamat lengkap yang diawali https://",
        "'Tidak Berlaku' hanya tersedia pada pertanyaan tertentu",
        "Pertanyaan bersyarat tidak berlaku bila pertanyaan syaratnya dijawab lain",
        "bobot indikator itu dibagi ulang secara proporsional",
        "Setiap nilai yang diumumkan dibulatkan satu kali ke 2 angka desimal (setengah ke atas).",
        "Nilai akhir = SAQ 70% + Presentasi 30%.",
        "Kualifikasi: Informatif: nilai ≥ 90; Menuju Informatif: nilai ≥ 80",
        "Kirim berkas isian (.xlsx, .ods atau .xls) beserta dokumen bukti dukung kepada Komisi Informasi Uji",
        "g. Simpan berkas dalam format .xlsx; simpanan LibreOffice (.ods) atau Excel lama (.xls) juga dapat dibaca.",
    ):
        assert expected in text


def test_files_are_reproducible_and_dated_by_the_edition(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_template(Q, first)
    write_template(Q, second)
    assert hashlib.sha256(first.read_bytes()).hexdigest() == hashlib.sha256(second.read_bytes()).hexdigest()
    assert workbook_bytes(build_template(Q)) == first.read_bytes()
    props = load_workbook(first).properties
    assert props.created == props.modified == dt.datetime(2025, 8, 15)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "b.xlsx"]


def test_write_template_replaces_atomically_and_reports_an_unwritable_place(tmp_path: Path) -> None:
    target = tmp_path / "isian.xlsx"
    target.write_bytes(b"lama")
    write_template(Q, target)
    assert target.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["isian.xlsx"]  # no temporary file left behind
    write_template(Q, tmp_path / "baru" / "isian.xlsx")  # a missing folder is made, as for every output
    assert (tmp_path / "baru" / "isian.xlsx").read_bytes() == target.read_bytes()
    under_a_file = target / "isian.xlsx"
    with pytest.raises(WorkbookError) as caught:
        write_template(Q, under_a_file)
    assert str(caught.value) == f"{under_a_file}: " + OUTPUT_UNWRITABLE.text(path=str(under_a_file), reason="nama itu, atau salah satu folder di jalurnya, sudah dipakai berkas lain")
    assert target.read_bytes().startswith(b"PK")


def test_a_rounding_without_decimals_shows_whole_numbers() -> None:
    q = Questionnaire.model_validate(small_data(pembulatan={"tempat_desimal": 0, "mode": "setengah_ke_atas"}))
    ws = build_template(q)["Ringkasan"]
    assert [ws[summary_layout(q)[key]].number_format for key in ("saq_self", "final", "AA.self")] == ["0", "0", "0"]
    assert build_template(Q)["Ringkasan"][summary_layout(Q)["saq_self"]].number_format == "0.00"
