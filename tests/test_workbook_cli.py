"""`kipmonev template` and `kipmonev check`: help, one success each, every user error with its exact message."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from cli_runner import run
from conftest import FULL_ANSWERS, small_data
from openpyxl import load_workbook
from round_helpers import answers
from test_workbook_links import _Handler
from workbook_helpers import fill

from kipmonev import load_questionnaire
from kipmonev.cli.problems import OPTION_RENAMED
from kipmonev.engine.answer_texts import meant_label
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.sources.problems import LINK_NOT_PUBLIC


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def small_yaml() -> Path:
    """The small questionnaire as a file (JSON is YAML 1.2), for workbooks of a non-shipped edition."""
    path = Path("uji.yaml")
    path.write_text(json.dumps(small_data(), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["template", "check"])
def test_help(command: str) -> None:
    code, out, _ = run(command, "-h")
    assert code == 0
    assert out.startswith(f"Penggunaan: kipmonev {command} [OPSI]")
    assert "Contoh:" in out


def test_template_writes_a_workbook_for_a_shipped_edition() -> None:
    assert run("template", "ki-pusat-2025-bumn", "-o", "isian.xlsx", "--body", "PT Contoh Nusantara (Persero)") == (
        0,
        "Templat ditulis: isian.xlsx (kuesioner ki-pusat-2025-bumn, 101 pertanyaan).\n",
        "",
    )
    wb = load_workbook("isian.xlsx")
    assert wb["Identitas"]["B4"].value == "PT Contoh Nusantara (Persero)"
    assert wb["Metadata"]["B1"].value == "ki-pusat-2025-bumn"


def test_template_with_another_commissions_rules_is_checked_with_them() -> None:
    assert run("template", "ki-pusat-2025-kementerian", "-o", "dki.xlsx", "--rules", "ki-dki-jakarta")[0] == 0
    code, out, _ = run("check", "dki.xlsx", "--json")
    assert code == 1  # nothing answered yet
    assert json.loads(out)["questionnaire"]["rule_set"] == "ki-dki-jakarta"


def test_template_user_errors() -> None:
    Path("isian.xlsx").write_bytes(b"milik pengguna")
    assert run("template", "ki-pusat-2025-bumn", "-o", "isian.xlsx") == (
        1,
        "",
        "Galat: berkas 'isian.xlsx' sudah ada. Pakai --force untuk menimpanya, atau pilih berkas lain dengan -o.\n",
    )
    assert Path("isian.xlsx").read_bytes() == b"milik pengguna"
    assert run("template", "ki-pusat-2025-bumn", "-o", "isian.xlsx", "--force")[0] == 0
    code, _, err = run("template", "ki-pusat-2099-bumn", "-o", "lain.xlsx")
    assert code == 1
    assert err.startswith("Galat: ki-pusat-2099-bumn: kuesioner 'ki-pusat-2099-bumn' tidak ditemukan. Mungkin maksud Anda 'ki-pusat-2025-bumn'? Gunakan jalur berkas atau salah satu id: ki-provinsi-2025-pemerintah-kabupaten-kota, ki-pusat-2025-bumn, ")
    code, _, err = run("template", "ki-pusat-2025-bumn", "-o", "lain.xlsx", "--rules", "ki-mars")
    assert code == 1
    assert err.startswith("Galat: ki-mars: aturan 'ki-mars' tidak ditemukan.")
    assert run("template", "ki-pusat-2025-bumn")[0] == 2  # -o is required: a usage error


def test_check_a_complete_valid_workbook(small_yaml: Path) -> None:
    q = load_questionnaire(small_yaml)
    fill(Path("isian.xlsx"), q, FULL_ANSWERS, stages={"presentasi": Decimal(80)})
    code, out, err = run("check", "isian.xlsx", "-k", str(small_yaml))
    assert (code, err) == (0, "")
    assert out == (
        "Berkas: isian.xlsx\n"
        "Badan publik: Badan Uji (kuesioner uji-kecil, versi 2025081501)\n"
        "Dijawab 7 dari 7 pertanyaan; tidak berlaku 0; belum dijawab 0; jawaban bernilai tanpa bukti dukung 0.\n"
        "\n"
        "Nilai mandiri (SAQ): 100,00\n"
        "Nilai verifikasi (SAQ): belum ada\n"
        "Nilai Presentasi: 80,00\n"
        "Nilai akhir: 94,00 — Informatif\n"
        "\n"
        "Isian lengkap dan sah.\n"
    )


def test_check_an_incomplete_workbook_lists_the_warnings_and_exits_1(small_yaml: Path) -> None:
    q = load_questionnaire(small_yaml)
    answers = dict(FULL_ANSWERS)
    answers["AA.1.1"] = Answer(value="Ya")
    del answers["AA.1.2"]
    fill(Path("isian.xlsx"), q, answers, verification={"AA.1.3": Answer(value="Tidak")})
    code, out, _ = run("check", "isian.xlsx", "-k", str(small_yaml))
    assert code == 1
    assert out == (
        "Berkas: isian.xlsx\n"
        "Badan publik: Badan Uji (kuesioner uji-kecil, versi 2025081501)\n"
        "Dijawab 6 dari 7 pertanyaan; tidak berlaku 0; belum dijawab 1; jawaban bernilai tanpa bukti dukung 1.\n"
        "\n"
        "Peringatan (2):\n"
        "- isian.xlsx, Kuesioner!G6: jawaban 'Ya' untuk AA.1.1 belum dilengkapi bukti dukung berupa tautan (URL). Jawaban tanpa bukti yang diwajibkan tidak diberi nilai; isi kolom Tautan/Bukti Dukung.\n"
        "- isian.xlsx, Kuesioner!F7: pertanyaan AA.1.2 belum dijawab. Pertanyaan yang tidak dijawab bernilai 0; isi kolom Jawaban.\n"
        "\n"
        "Nilai mandiri (SAQ): 50,00\n"  # AA: 1 of 6 points × 60 = 10; BB: 40
        "Nilai verifikasi (SAQ): 40,00\n"  # the verifier says AA.1.3 is 'Tidak': AA 0
        "Nilai Presentasi: belum ada\n"
        "Nilai akhir: 40,00 — Kurang Informatif\n"  # below the gate of 60: the verified SAQ
        "\n"
        "Isian belum lengkap atau belum sah: 2 hal perlu diperbaiki (lihat di atas).\n"
    )


def test_check_json_for_machines(small_yaml: Path) -> None:
    q = load_questionnaire(small_yaml)
    fill(Path("isian.xlsx"), q, {k: v for k, v in FULL_ANSWERS.items() if k != "AA.1.2"}, stages={"presentasi": Decimal(80)})
    code, out, _ = run("check", "isian.xlsx", "--json", "-k", str(small_yaml))
    data = json.loads(out)
    assert code == 1
    # One language for JSON keys, English like the result's schema (issue 20).
    assert list(data) == ["file", "valid", "complete", "blank", "questionnaire", "body", "score_self", "score_verified", "stages", "score", "final", "band", "reasons", "counts", "errors", "warnings", "link_problems", "links_checked", "evidence_problems", "evidence_checked", "evidence_checks"]
    assert list(data["warnings"][0]) == ["code", "message", "source", "sheet", "cell", "line", "field", "text"]
    assert {k: data[k] for k in ("valid", "complete", "score_self", "score_verified", "stages", "score", "final", "band", "errors")} == {
        "valid": True,
        "complete": False,
        "score_self": 70,
        "score_verified": None,
        "stages": {"presentasi": 80},
        "score": 73,
        "final": True,
        "band": {"code": "cukup_informatif", "name": "Cukup Informatif"},
        "errors": [],
    }
    assert [(w["code"], w["sheet"], w["cell"]) for w in data["warnings"]] == [("KM-W-050", "Kuesioner", "F7")]


def test_check_user_errors(small_yaml: Path) -> None:
    q = load_questionnaire(small_yaml)
    fill(Path("isian.xlsx"), q, {**FULL_ANSWERS, "AA.1.1": Answer(value="Mungkin", evidence=("https://a.go.id/b",))})
    expected = "isian.xlsx, Kuesioner!F6: jawaban 'Mungkin' tidak dikenal untuk AA.1.1. Pilih 'Ya' atau 'Tidak'."
    code, out, err = run("check", "isian.xlsx", "-k", str(small_yaml))
    assert (code, err) == (1, "") and f"- {expected}\n" in out
    code, out, _ = run("check", "isian.xlsx", "--json", "-k", str(small_yaml))
    data = json.loads(out)
    # The invalid answer counts as unanswered in the estimate: AA 4 of 6 points × 60 = 40, BB 40.
    assert (code, data["valid"], data["score"], [p["text"] for p in data["errors"]]) == (1, False, 80, [expected])
    assert run("check", "isian.xlsx") == (
        1,
        "",
        "Galat: isian.xlsx: berkas ini dibuat untuk kuesioner 'uji-kecil', yang tidak disertakan dalam kipmonev ini. Sebutkan berkas kuesionernya dengan opsi --questionnaire (-k).\n",
    )
    Path("bukan.xlsx").write_text("Nama;Jawaban\n", encoding="utf-8")
    assert run("check", "bukan.xlsx") == (
        1,
        "",
        "Galat: bukan.xlsx: berkas ini bukan buku kerja Excel (.xlsx). Buka berkas di Excel atau LibreOffice lalu simpan sebagai 'Excel 2007-365 (.xlsx)'.\n",
    )
    code, _, err = run("check", "tidak-ada.xlsx")
    assert code == 2 and "tidak-ada.xlsx" in err  # click reports a missing file itself (usage error)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    import threading
    from http.server import ThreadingHTTPServer

    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_check_links_reports_dead_links_by_cell(small_yaml: Path, server: str) -> None:
    q = load_questionnaire(small_yaml)
    answers = {**FULL_ANSWERS, "AA.1.1": Answer(value="Ya", evidence=(f"{server}/ok",)), "BB.1.1": Answer(value=("a",), evidence=(f"{server}/hilang",))}
    fill(Path("isian.xlsx"), q, answers, stages={"presentasi": Decimal(80)})
    code, out, _ = run("check", "isian.xlsx", "-k", str(small_yaml), "--check-links", "--timeout", "2", "--allow-local-addresses")
    assert code == 1
    assert (
        "Tautan bukti dukung yang bermasalah (1):\n"
        f"- isian.xlsx, Kuesioner!G10: tautan {server}/hilang tidak dapat dibuka (status HTTP 404). Perbaiki tautannya atau pastikan dokumen dapat diakses publik.\n"
    ) in out
    answers["BB.1.1"] = Answer(value=("a", "b", "c"), evidence=(f"{server}/pindah",))
    fill(Path("isian.xlsx"), q, answers, stages={"presentasi": Decimal(80)})
    code, out, _ = run("check", "isian.xlsx", "-k", str(small_yaml), "--check-links", "--allow-local-addresses")
    assert (code, "Semua 2 tautan bukti dukung dapat dibuka.\n" in out) == (0, True)
    # The option's name of earlier releases still opens them, with one warning (tests/test_cli_conventions.py has the others).
    old = run("check", "isian.xlsx", "-k", str(small_yaml), "--check-links", "--izinkan-alamat-lokal")
    assert old == (0, out, f"Peringatan: {OPTION_RENAMED.text(old='--izinkan-alamat-lokal', new='--allow-local-addresses')}\n")
    # Without the option, the loopback server is never asked: both links are reported as not public.
    code, out, _ = run("check", "isian.xlsx", "-k", str(small_yaml), "--check-links")
    assert code == 1
    assert f"- isian.xlsx, Kuesioner!G10: {LINK_NOT_PUBLIC.text(url=server + '/pindah', address='127.0.0.1')}\n" in out


def test_check_a_blank_workbook_says_it_is_blank(small_yaml: Path) -> None:
    q = load_questionnaire(small_yaml)
    fill(Path("isian.xlsx"), q, {})
    code, out, err = run("check", "isian.xlsx", "-k", str(small_yaml))
    assert (code, err) == (1, "")
    assert out == (
        "Berkas: isian.xlsx\n"
        "Badan publik: Badan Uji (kuesioner uji-kecil, versi 2025081501)\n"
        "\n"
        "Isian masih kosong: belum ada satu pun pertanyaan yang dijawab. Isi kolom Jawaban pada sheet Kuesioner, simpan, lalu periksa lagi.\n"
    )
    code, out, _ = run("check", "isian.xlsx", "-k", str(small_yaml), "--json")
    assert code == 1
    assert (json.loads(out)["blank"], json.loads(out)["complete"]) == (True, False)


def test_check_shows_errors_warnings_and_the_estimate_together_with_what_was_meant(small_yaml: Path) -> None:
    q = load_questionnaire(small_yaml)
    answers = {**FULL_ANSWERS, "AA.1.1": Answer(value="Iya", evidence=("https://a.go.id/b",)), "AA.1.2": Answer(value="Sebagain"), "BB.2.1": Answer(value="Tdk")}
    del answers["AA.1.3"]
    fill(Path("isian.xlsx"), q, answers)
    code, out, err = run("check", "isian.xlsx", "-k", str(small_yaml))
    assert (code, err) == (1, "")
    assert out == (
        "Berkas: isian.xlsx\n"
        "Badan publik: Badan Uji (kuesioner uji-kecil, versi 2025081501)\n"
        "Dijawab 3 dari 7 pertanyaan; tidak berlaku 0; belum dijawab 4; jawaban bernilai tanpa bukti dukung 0.\n"
        "\n"
        "Kesalahan (3); jawaban di sel ini tidak sah dan dihitung belum dijawab sampai diperbaiki:\n"
        "- isian.xlsx, Kuesioner!F6: jawaban 'Iya' tidak dikenal untuk AA.1.1. Mungkin maksud Anda 'Ya'? Pilih 'Ya' atau 'Tidak'.\n"
        "- isian.xlsx, Kuesioner!F7: jawaban 'Sebagain' tidak dikenal untuk AA.1.2. Mungkin maksud Anda 'Sebagian'? Pilih 'Tidak ada', 'Sebagian' atau 'Lengkap'.\n"
        "- isian.xlsx, Kuesioner!F15: jawaban 'Tdk' tidak dikenal untuk BB.2.1. Mungkin maksud Anda 'Tidak'? Pilih 'Ya' atau 'Tidak'.\n"
        "\n"
        "Peringatan (1):\n"
        "- isian.xlsx, Kuesioner!F8: pertanyaan AA.1.3 belum dijawab. Pertanyaan yang tidak dijawab bernilai 0; isi kolom Jawaban.\n"
        "\n"
        "Nilai mandiri (SAQ): 40,00\n"  # AA: 0 of 6 (the invalid answers count as unanswered); BB: 40
        "Nilai verifikasi (SAQ): belum ada\n"
        "Nilai Presentasi: belum ada\n"
        "Perkiraan nilai akhir: 40,00 — Kurang Informatif (belum final: ada 3 jawaban yang tidak sah)\n"
        "\n"
        "Isian belum lengkap atau belum sah: 4 hal perlu diperbaiki (lihat di atas).\n"
    )


@pytest.mark.parametrize(
    ("typed", "labels", "meant"),
    [
        ("Iya", ("Ya", "Tidak"), "Ya"),
        ("sudah", ("Ya", "Tidak"), "Ya"),
        ("Y", ("Ya", "Tidak"), "Ya"),
        ("✓", ("Ya", "Tidak"), "Ya"),
        ("T", ("Ya", "Tidak"), "Tidak"),
        ("Tdk", ("Ya", "Tidak"), "Tidak"),
        ("-", ("Ya", "Tidak"), "Tidak"),
        ("N/A", ("Ya", "Tidak", "Tidak Berlaku"), "Tidak Berlaku"),
        ("TB", ("Ya", "Tidak", "Tidak Berlaku"), "Tidak Berlaku"),
        ("N/A", ("Ya", "Tidak"), None),  # not offered when the question does not allow it
        ("Lengkp", ("Tidak ada", "Sebagian", "Lengkap"), "Lengkap"),
        ("Mungkin", ("Ya", "Tidak"), None),
    ],
)
def test_what_people_type_and_the_label_they_meant(typed: str, labels: tuple[str, ...], meant: str | None) -> None:
    assert meant_label(typed, labels) == meant


@pytest.mark.parametrize(
    ("identity", "warning"),
    [
        (
            {"category": "Lembaga Negara"},
            "- identitas.xlsx, Identitas!B5: kategori 'Lembaga Negara' berbeda dengan kategori kuesioner ini ('Kementerian'); nilai dihitung menurut kuesioner ki-pusat-2025-kementerian. Bila kategori badan publik Anda 'Lembaga Negara', isi templat kategori itu; bila tidak, perbaiki kategori di sel ini.",
        ),
        ({"year": 2024}, "- identitas.xlsx, Identitas!B11: tahun penilaian 2024 berbeda dengan tahun kuesioner ini (2025). Pakai templat tahun 2024, atau perbaiki tahun di sel ini."),
        (
            {"website": "ppid.kementerian-contoh.go.id"},
            "- identitas.xlsx, Identitas!B8: situs web 'ppid.kementerian-contoh.go.id' bukan alamat lengkap. Tulis alamatnya dengan https://, misalnya https://ppid.kementerian-contoh.go.id.",
        ),
        ({"category": " kementerian ", "year": 2025, "website": "https://ppid.kementerian-contoh.go.id"}, None),
    ],
)
def test_check_compares_identitas_with_the_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, identity: dict[str, object], warning: str | None) -> None:
    monkeypatch.chdir(tmp_path)
    q = load_questionnaire("ki-pusat-2025-kementerian")
    body = BodyIdentity.model_validate({"id": "KEM-01", "name": "Kementerian Contoh", "category": "Kementerian", "year": 2025, **identity})
    write_filled(q, Submission(questionnaire_id=q.id, body=body, answers=answers(q)), Path("identitas.xlsx"), body_only=True)
    code, out, _ = run("check", "identitas.xlsx")
    lines = out.splitlines()
    if warning is None:
        assert "Peringatan (1):" not in out and not any("Identitas!" in line for line in lines)
    else:
        assert lines[lines.index("Peringatan (1):") + 1] == warning
    assert code == (1 if warning else 0)
