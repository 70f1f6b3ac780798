"""Export → import is an identity: for the small edition, one with every optional field set, every shipped
edition, through YAML, and through LibreOffice re-saving the workbook."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import small, small_data
from openpyxl import load_workbook
from pydantic import BaseModel
from workbook_helpers import lo_profile

from kipmonev.core.resources import shipped_editions
from kipmonev.formats.questionnaire_layout import SHEETS
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.outputs.questionnaire_xlsx import export_questionnaire, write_questionnaire_xlsx
from kipmonev.outputs.questionnaire_yaml import questionnaire_yaml
from kipmonev.sources.loader import load_questionnaire
from kipmonev.sources.questionnaire_xlsx import import_questionnaire_with_warnings
from kipmonev.sources.validation import _all_models


def everything() -> Questionnaire:
    """small() with every optional field set away from its default, and cells that tempt a spreadsheet."""
    data = small_data(
        pembulatan={"tempat_desimal": None, "mode": "setengah_genap"},
        kredit_tanpa_bukti=0.5,
        jawaban_kosong="tidak_lengkap",
        verifikasi_wajib=True,
        keterangan=[{"butir": "bobot tahap", "status": "preset", "alasan": "Belum diumumkan."}, {"butir": "gerbang", "status": "terkonfirmasi", "sumber": "SK 1/2025"}],
    )
    data.update(aturan_id="ki-pusat", deskripsi="Edisi uji.\nBaris kedua.", keterangan=[{"butir": "bobot indikator", "status": "terkonfirmasi", "sumber": "Perki 1/2022"}])
    data["aturan"]["kualifikasi"][0].update(warna="#1b7a3a", pesan="Pertahankan.")
    data["aturan"]["tahap"][0]["bobot"] = 66.6667
    data["aturan"]["tahap"][1]["bobot"] = 33.3333
    questions = data["pertanyaan"]
    questions[0].update(petunjuk="=A1 bukan rumus", dasar_hukum="14", poin=2.5)
    questions[3]["butir"][0]["kode"] = "1"
    questions[4]["rentang"][0].update(sampai=10, termasuk_sampai=True)
    questions[4]["rentang"][1]["dari"] = 10.5
    questions.append(
        {
            "kode": "BB.3.1",
            "indikator": "BB",
            "teks": "Bentuk PPID?",
            "tipe": "pilihan",
            "pilihan": [{"label": "Mandiri", "poin": 0}, {"label": "Melekat", "poin": 0}, {"label": "Tidak ada", "poin": 0}],
            "definisi_operasional": "Definisi.",
            "dasar_hukum": "UU 14/2008 Pasal 13",
            "rekomendasi": "Tetapkan.",
        }
    )
    questions.append({**questions[6], "kode": "BB.3.2", "syarat": {"pertanyaan": "BB.3.1", "jawaban": ["Mandiri", "melekat"]}})
    # The keys of issue 18: who scores, a verifier scale, substitute evidence, the composite rule, groups.
    questions[0].update(dinilai_oleh="verifikator", skala_verifikasi=[{"label": "Lengkap", "poin": 2.5, "deskripsi": "Semua unsur ada."}, {"label": "Sebagian", "poin": 1.25}, {"label": "Tidak ada", "poin": 0}])
    questions[2]["bukti_pengganti"] = {"nama": "Surat pernyataan tidak memiliki cabang", "ditandatangani_oleh": "Atasan PPID", "bukti": "dokumen", "label": "Ya, dengan surat pernyataan"}
    questions[3]["ketidaklengkapan"] = "menghilangkan_nilai"
    data["kelompok"] = [{"kode": "BB.2", "judul": "PPID pelaksana"}, {"kode": "BB.3", "judul": "Bentuk PPID"}]
    return Questionnaire.model_validate(data)


def _roundtrip(q: Questionnaire, tmp_path: Path) -> Questionnaire:
    path = write_questionnaire_xlsx(q, tmp_path / f"{q.id}.xlsx")
    back, warnings = import_questionnaire_with_warnings(path)
    assert warnings == []
    return back


@pytest.mark.parametrize("make", [small, everything], ids=["small", "everything"])
def test_export_then_import_is_identical(make: Any, tmp_path: Path) -> None:
    q = make()
    back = _roundtrip(q, tmp_path)
    assert back == q
    assert back.content_hash == q.content_hash


@pytest.mark.parametrize("edition", [s.id for s in shipped_editions()])
def test_every_shipped_edition_round_trips(edition: str, tmp_path: Path) -> None:
    q = load_questionnaire(edition)
    back = _roundtrip(q, tmp_path)
    assert back == q
    assert back.content_hash == q.content_hash


@pytest.mark.parametrize("make", [small, everything], ids=["small", "everything"])
def test_export_import_yaml_load_is_identical(make: Any, tmp_path: Path) -> None:
    q = make()
    yaml_path = tmp_path / "edisi.yaml"
    yaml_path.write_text(questionnaire_yaml(_roundtrip(q, tmp_path), "Diimpor dari uji.xlsx."), encoding="utf-8")
    text = yaml_path.read_text(encoding="utf-8")
    assert text.startswith("# Diimpor dari uji.xlsx.\nid: ")
    assert "&" not in text and "*" not in text  # no anchors or aliases
    loaded = load_questionnaire(yaml_path)
    assert loaded == q
    assert loaded.content_hash == q.content_hash


def test_yaml_keeps_the_model_key_order(tmp_path: Path) -> None:
    keys = [line.split(":")[0] for line in questionnaire_yaml(everything()).splitlines() if line and not line.startswith((" ", "#"))]
    assert keys == ["id", "judul", "komisi", "tahun", "kategori", "versi", "aturan_id", "deskripsi", "aturan", "keterangan", "indikator", "pertanyaan", "kelompok"]


@pytest.mark.slow
@pytest.mark.parametrize("make", [everything, lambda: load_questionnaire(shipped_editions()[0].path)], ids=["everything", "shipped"])
def test_a_workbook_resaved_by_libreoffice_imports_identically(make: Any, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    q = make()
    (tmp_path / "in").mkdir()
    source = write_questionnaire_xlsx(q, tmp_path / "in" / "kuesioner.xlsx")
    out = tmp_path / "out"
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={lo_profile()}", "--convert-to", "xlsx", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    back, warnings = import_questionnaire_with_warnings(out / "kuesioner.xlsx")
    assert warnings == []
    assert back == q
    assert back.content_hash == q.content_hash


def test_the_workbook_is_made_for_people() -> None:
    wb = export_questionnaire(small())
    assert wb.sheetnames == [s.name for s in SHEETS]
    questions = wb["Pertanyaan"]
    assert [c.value for c in questions[1]] == [c.key for c in SHEETS[2].columns]
    assert all(c.font.b for c in questions[1])
    assert questions.freeze_panes == "B2"
    assert wb["Indikator"].freeze_panes == "A2"
    assert questions.column_dimensions["C"].width == 50
    assert questions["C1"].comment is not None and questions["C1"].comment.text == "Teks pertanyaan."
    dropdowns = {str(v.sqref): v.formula1 for v in questions.data_validations.dataValidation}
    assert dropdowns == {
        "G2:G308": '"ya_tidak,pilihan,daftar,angka"',
        "J2:J308": '"tidak_perlu,tautan,dokumen"',
        "K2:K308": '"Ya,Tidak"',
        "N2:N308": '"badan_publik,verifikator,panel,sistem"',
        "O2:O308": '"mengurangi_nilai,menghilangkan_nilai"',
        "R2:R308": '"tidak_perlu,tautan,dokumen"',
    }
    assert [c.value for c in questions[3]][:8] == ["AA.1.2", "AA", "Tingkat?", None, "Definisi.", "UU 14/2008 Pasal 9", "pilihan", None]
    assert questions["L8"].value == "BB.2.1 = Ya"
    options = wb["Pilihan"]
    assert [[c.value for c in row] for row in options.iter_rows(min_row=2, max_row=4)] == [
        ["AA.1.2", None, "Tidak ada", None, None, None, 0, None, None],
        ["AA.1.2", None, "Sebagian", None, None, None, 1, None, None],
        ["AA.1.2", None, "Lengkap", None, None, None, 3, None, None],
    ]
    assert [[c.value for c in row] for row in wb["Tahap"].iter_rows(min_row=2)] == [["saq", "SAQ", 70, 60, "nilai_saq"], ["presentasi", "Presentasi", 30, None, None]]
    settings = {row[0].value: row[1].value for row in wb["Pengaturan"].iter_rows(min_row=2)}
    assert settings["versi"] == 2025081501 and settings["pembulatan_tempat_desimal"] == 2 and settings["verifikasi_wajib"] == "Tidak"


def test_an_exported_file_loads_back_with_openpyxl_unchanged(tmp_path: Path) -> None:
    path = write_questionnaire_xlsx(everything(), tmp_path / "k.xlsx")
    wb = load_workbook(path)
    assert wb["Pertanyaan"]["D2"].value == "=A1 bukan rumus"
    assert wb["Pertanyaan"]["D2"].data_type == "s"
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


# Every field of the questionnaire format, and where the workbook carries it. A new model field fails here
# until export and import carry it (and this table names where).
CARRIED: dict[str, set[str]] = {
    "Questionnaire": {"id", "judul", "komisi", "tahun", "kategori", "versi", "aturan_id", "deskripsi", "aturan", "keterangan", "indikator", "pertanyaan", "kelompok", "poin_langsung", "batas_ukuran_bukti_mb"},
    "Rules": {"tahap", "gerbang", "gerbang_lanjutan", "rubrik", "kualifikasi", "pembulatan", "kredit_tanpa_bukti", "jawaban_kosong", "verifikasi_wajib", "keterangan"},
    "Stage": {"kode", "nama", "bobot"},
    "Gate": {"tahap", "batas", "peringkat", "gabungan", "dasar", "seri", "jika_tidak_lolos", "nama"},  # Tahap (plain SAQ gate) or Gerbang
    "Rubric": {"tahap", "kriteria"},  # Rubrik
    "Criterion": {"kode", "nama", "bobot", "deskripsi"},  # Rubrik
    "Band": {"kode", "nama", "batas_bawah", "warna", "pesan"},
    "Rounding": {"tempat_desimal", "mode"},
    "RuleNote": {"butir", "status", "sumber", "alasan"},
    "Indicator": {"kode", "nama", "bobot", "deskripsi"},
    "Condition": {"pertanyaan", "jawaban"},
    "YesNoQuestion": {"kode", "indikator", "teks", "petunjuk", "definisi_operasional", "dasar_hukum", "bukti", "boleh_na", "rekomendasi", "syarat", "tipe", "poin", "dinilai_oleh", "skala_verifikasi", "bukti_pengganti", "periode"},
    "ChoiceQuestion": {"kode", "indikator", "teks", "petunjuk", "definisi_operasional", "dasar_hukum", "bukti", "boleh_na", "rekomendasi", "syarat", "tipe", "pilihan", "dinilai_oleh", "skala_verifikasi", "periode"},
    "ChecklistQuestion": {"kode", "indikator", "teks", "petunjuk", "definisi_operasional", "dasar_hukum", "bukti", "boleh_na", "rekomendasi", "syarat", "tipe", "butir", "dinilai_oleh", "skala_verifikasi", "ketidaklengkapan", "periode"},
    "NumberQuestion": {"kode", "indikator", "teks", "petunjuk", "definisi_operasional", "dasar_hukum", "bukti", "boleh_na", "rekomendasi", "syarat", "tipe", "satuan", "rentang", "dinilai_oleh", "skala_verifikasi", "periode"},
    "Option": {"label", "poin"},
    "ChecklistItem": {"kode", "label", "poin"},
    "Range": {"dari", "sampai", "termasuk_sampai", "poin"},
    "Level": {"label", "poin", "deskripsi"},  # Pilihan rows with skala_verifikasi = Ya
    "Substitute": {"nama", "ditandatangani_oleh", "bukti", "label"},  # Pertanyaan: bukti_pengganti, pengganti_*
    "Group": {"kode", "judul"},  # the Kelompok sheet
}


def test_the_workbook_carries_every_field_of_the_format() -> None:
    models: list[type[BaseModel]] = [m for m in _all_models() if m.__name__ not in {"RuleSet"}]
    found = {m.__name__: {f.alias or name for name, f in m.model_fields.items()} for m in models}
    assert found == CARRIED
