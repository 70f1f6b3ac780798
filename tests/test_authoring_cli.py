"""The questionnaire commands: export, import and diff, with help, success, and user errors (exit 1)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from authoring_book import base, write_book
from cli_runner import run
from conftest import small

from kipmonev.core.resources import shipped_editions
from kipmonev.outputs.questionnaire_xlsx import write_questionnaire_xlsx
from kipmonev.sources.loader import load_questionnaire


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path) -> Iterator[None]:
    cwd = Path.cwd()
    os.chdir(tmp_path)
    yield
    os.chdir(cwd)


@pytest.mark.parametrize("command", [(), ("export",), ("import",), ("diff",)])
def test_help(command: tuple[str, ...]) -> None:
    code, out, _ = run("questionnaire", *command, "-h")
    assert code == 0
    assert out.startswith(" ".join(["Penggunaan: kipmonev questionnaire", *command, "[OPSI]"]))
    assert "Contoh:" in out or not command


def test_export_a_shipped_edition_and_import_it_back() -> None:
    edition = shipped_editions()[0]
    q = load_questionnaire(edition.id)
    assert run("questionnaire", "export", edition.id, "-o", "kuesioner.xlsx") == (0, f"Tersimpan: kuesioner.xlsx (kuesioner {q.id}, {len(q.questions)} pertanyaan)\n", "")
    assert run("questionnaire", "import", "kuesioner.xlsx", "-o", "edisi.yaml") == (0, f"Tersimpan: edisi.yaml (kuesioner {q.id}, {len(q.questions)} pertanyaan)\n", "")
    assert Path("edisi.yaml").read_text(encoding="utf-8").startswith("# Diimpor dari kuesioner.xlsx oleh kipmonev questionnaire import.\nid: ")
    assert load_questionnaire("edisi.yaml") == q


def test_import_prints_yaml_without_output_and_warnings_apart() -> None:
    sheets = base()
    sheets["Indikator"][0].append("catatan")
    write_book(Path("uji.xlsx"), sheets)
    code, out, err = run("questionnaire", "import", "uji.xlsx")
    assert code == 0
    assert out.startswith("# Diimpor dari uji.xlsx oleh kipmonev questionnaire import.\nid: uji\n")
    assert err == (
        "Peringatan: uji.xlsx, Indikator!D1: kolom 'catatan' tidak dikenal dan diabaikan. "
        "Periksa ejaannya, atau awali judulnya dengan '_' bila kolom ini memang catatan Anda.\n"
    )


def test_import_reports_every_problem_with_exit_1() -> None:
    sheets = base()
    sheets["Indikator"][2][2] = 30
    sheets["Pertanyaan"][1][7] = "dua"
    write_book(Path("uji.xlsx"), sheets)
    assert run("questionnaire", "import", "uji.xlsx", "-o", "edisi.yaml") == (
        1,
        "",
        "Galat: uji.xlsx: 2 masalah ditemukan di buku kerja kuesioner.\n"
        "- uji.xlsx, Indikator!C2:C3: kolom 'bobot': jumlah bobot indikator adalah 90, bukan 100. Sesuaikan 'bobot' agar berjumlah tepat 100.\n"
        "- uji.xlsx, Pertanyaan!H2: kolom 'poin': nilai 'dua' tidak sah: harus berupa angka.\n",
    )
    assert not Path("edisi.yaml").exists()


def test_outputs_are_not_overwritten_without_force() -> None:
    write_questionnaire_xlsx(small(), "uji.xlsx")
    Path("edisi.yaml").write_text("lama\n", encoding="utf-8")
    assert run("questionnaire", "import", "uji.xlsx", "-o", "edisi.yaml") == (
        1,
        "",
        "Galat: berkas 'edisi.yaml' sudah ada. Pakai --force untuk menimpanya, atau pilih berkas lain dengan -o.\n",
    )
    assert Path("edisi.yaml").read_text(encoding="utf-8") == "lama\n"
    assert run("questionnaire", "import", "uji.xlsx", "-o", "edisi.yaml", "--force")[0] == 0
    assert load_questionnaire("edisi.yaml") == small()
    assert run("questionnaire", "export", "edisi.yaml", "-o", "edisi.yaml", "--force") == (
        1,
        "",
        "Galat: edisi.yaml adalah berkas masukan dan tidak akan ditimpa. Pilih nama berkas keluaran lain.\n",
    )


def test_export_of_an_unknown_id() -> None:
    code, out, err = run("questionnaire", "export", "tidak-ada", "-o", "k.xlsx")
    assert (code, out) == (1, "")
    assert err.startswith("Galat: tidak-ada: kuesioner 'tidak-ada' tidak ditemukan. Gunakan jalur berkas atau salah satu id: ki-provinsi-2025-pemerintah-kabupaten-kota, ki-pusat-2025-bumn, ")
    assert not Path("k.xlsx").exists()


def test_usage_errors_exit_2() -> None:
    code, _, err = run("questionnaire", "export", "uji-kecil")
    assert code == 2
    assert "Opsi wajib belum diisi" in err and "'-o' / '--output'" in err


def test_diff_text_and_json_between_a_workbook_and_yaml() -> None:
    write_questionnaire_xlsx(small(), "lama.xlsx")
    sheets = base()
    write_book(Path("baru.xlsx"), sheets)
    assert run("questionnaire", "diff", "lama.xlsx", "lama.xlsx") == (
        0,
        "Perbedaan kuesioner uji-kecil versi 2025081501 → uji-kecil versi 2025081501\nTidak ada perbedaan isi.\n",
        "",
    )
    code, out, _ = run("questionnaire", "diff", "lama.xlsx", "baru.xlsx", "--json")
    data = json.loads(out)
    assert code == 0
    assert (data["old"], data["new"]) == ("uji-kecil versi 2025081501", "uji versi 2025081501")
    assert [q["code"] for q in data["questions_removed"]] == ["AA.1.3", "BB.1.2", "BB.2.1", "BB.2.2"]
    assert data["settings"][0] == {"field": "id", "before": "uji-kecil", "after": "uji"}


def test_diff_of_a_broken_workbook_exits_1() -> None:
    sheets = base()
    sheets["Pertanyan"] = sheets.pop("Pertanyaan")
    write_book(Path("rusak.xlsx"), sheets)
    assert run("questionnaire", "diff", "rusak.xlsx", "rusak.xlsx") == (
        1,
        "",
        "Galat: rusak.xlsx, Pertanyan: sheet 'Pertanyan' tidak dikenal. Mungkin maksud Anda 'Pertanyaan'? Ganti nama sheet menjadi 'Pertanyaan'.\n",
    )


def test_validate_accepts_a_workbook() -> None:
    write_questionnaire_xlsx(small(), "uji.xlsx")
    code, out, _ = run("validate", "uji.xlsx")
    assert code == 0
    assert out.startswith("Sah: uji.xlsx (kuesioner uji-kecil, 7 pertanyaan, 6 bernilai, sha256:")
