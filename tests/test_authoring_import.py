"""Importing an authoring workbook: a forgiving layout, and every error with its sheet, cell and exact message.

Rules A1–A3 are in ``kipmonev/sources/questionnaire_xlsx.py``; Q1–Q8 in ``kipmonev/model/questionnaire.py``.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from authoring_book import QUESTION_HEADER, Table, base, drop_column, question, write_book

import kipmonev
from kipmonev.core.errors import QuestionnaireError
from kipmonev.model.questionnaire import ChoiceQuestion, Questionnaire, YesNoQuestion
from kipmonev.sources.loader import load_document, load_questionnaire
from kipmonev.sources.problems import XLSX_NOT_ZIP
from kipmonev.sources.questionnaire_xlsx import import_questionnaire, import_questionnaire_with_warnings


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path) -> Iterator[None]:
    """Run in tmp_path, so locations read 'uji.xlsx, …' as users see them."""
    cwd = Path.cwd()
    os.chdir(tmp_path)
    yield
    os.chdir(cwd)


def problems_of(sheets: dict[str, Table]) -> list[str]:
    write_book(Path("uji.xlsx"), sheets)
    with pytest.raises(QuestionnaireError) as caught:
        import_questionnaire("uji.xlsx")
    return [str(p) for p in caught.value.problems]


def changed(change: Callable[[dict[str, Table]], Any]) -> dict[str, Table]:
    sheets = base()
    change(sheets)
    return sheets


def test_the_base_workbook_imports() -> None:
    write_book(Path("uji.xlsx"), base())
    q, warnings = import_questionnaire_with_warnings("uji.xlsx")
    assert warnings == []
    assert [x.code for x in q.questions] == ["AA.1.1", "AA.1.2", "BB.1.1"]
    assert q.rules.gate is not None and q.rules.gate.threshold == 60


def _blank_rows_then_bad_points(sheets: dict[str, Table]) -> None:
    # two questions, ten blank rows, then a question whose points are text: the error is on row 14 as on screen
    rows = sheets["Pertanyaan"]
    sheets["Pertanyaan"] = [*rows[:3], *([[None]] * 10), question("BB.1.1", poin="dua")]


def _set(sheet: str, row: int, column: int, value: Any) -> Callable[[dict[str, Table]], None]:
    def change(sheets: dict[str, Table]) -> None:
        cells = sheets[sheet][row - 1]
        cells.extend([None] * (column - len(cells)))
        cells[column - 1] = value

    return change


ERRORS: list[tuple[str, Callable[[dict[str, Table]], Any], list[str]]] = [
    (
        "bad type",
        _set("Pertanyaan", 2, 7, "benar_salah"),
        ["uji.xlsx, Pertanyaan!G2: kolom 'tipe': tipe 'benar_salah' tidak dikenal. Gunakan 'ya_tidak', 'pilihan', 'daftar' atau 'angka'."],
    ),
    (
        "bad number, row numbers as on screen",
        _blank_rows_then_bad_points,
        ["uji.xlsx, Pertanyaan!H14: kolom 'poin': nilai 'dua' tidak sah: harus berupa angka."],
    ),
    (
        "evidence word not offered",
        _set("Pertanyaan", 2, 10, "Foto"),
        ["uji.xlsx, Pertanyaan!J2: kolom 'bukti': nilai 'Foto' tidak sah: harus salah satu dari 'tidak_perlu', 'tautan' atau 'dokumen'."],
    ),
    (
        "unknown indicator",
        lambda s: s["Pertanyaan"].append(question("CC.1.1")),
        ["uji.xlsx, Pertanyaan!B5: kolom 'indikator': pertanyaan CC.1.1 menyebut indikator 'CC' yang tidak ada. Gunakan salah satu kode di 'indikator'."],
    ),
    (
        "weights not 100 (Q1), on the weight cells",
        _set("Indikator", 3, 3, 30),
        ["uji.xlsx, Indikator!C2:C3: kolom 'bobot': jumlah bobot indikator adalah 90, bukan 100. Sesuaikan 'bobot' agar berjumlah tepat 100."],
    ),
    (
        "missing required column, reported once",
        lambda s: s.__setitem__("Pertanyaan", drop_column(s["Pertanyaan"], "rekomendasi")),
        ["uji.xlsx, Pertanyaan, baris 1: kolom wajib 'rekomendasi' tidak ada. Tambahkan kolom berjudul 'rekomendasi' pada baris judul."],
    ),
    (
        "misspelt sheet (A1)",
        lambda s: s.__setitem__("Pertanyan", s.pop("Pertanyaan")),
        ["uji.xlsx, Pertanyan: sheet 'Pertanyan' tidak dikenal. Mungkin maksud Anda 'Pertanyaan'? Ganti nama sheet menjadi 'Pertanyaan'."],
    ),
    (
        "missing sheet",
        lambda s: s.pop("Tahap"),
        ["uji.xlsx, Tahap: sheet wajib 'Tahap' tidak ada. Tambahkan sheet bernama tepat 'Tahap'."],
    ),
    (
        "duplicate code (Q2)",
        lambda s: s["Pertanyaan"].append(question("BB.1.1")),
        ["uji.xlsx, Pertanyaan!A5: kolom 'kode': kode pertanyaan 'BB.1.1' dipakai lebih dari sekali. Setiap kode harus unik; ganti salah satunya."],
    ),
    (
        "misspelt column (A2): the near miss, not also the missing column",
        _set("Pertanyaan", 1, 13, "rekomendasii"),
        ["uji.xlsx, Pertanyaan!M1: kolom 'rekomendasii' tidak dikenal. Mungkin maksud Anda 'rekomendasi'? Perbaiki judul kolomnya."],
    ),
    (
        "duplicate column",
        _set("Indikator", 1, 4, "Bobot"),
        ["uji.xlsx, Indikator!D1: kolom 'Bobot' muncul lebih dari sekali. Hapus salah satunya."],
    ),
    (
        "empty required cell (NBSP only)",
        _set("Pertanyaan", 2, 3, " \u00a0"),
        ["uji.xlsx, Pertanyaan!C2: kolom 'teks': sel kosong. Kolom ini wajib diisi."],
    ),
    (
        "yes/no cell",
        _set("Pertanyaan", 2, 11, "mungkin"),
        ["uji.xlsx, Pertanyaan!K2: kolom 'boleh_na': nilai 'mungkin' tidak sah: isi 'Ya' atau 'Tidak'."],
    ),
    (
        "formula (A3), not also an empty cell",
        _set("Pertanyaan", 2, 8, "=1+1"),
        ["uji.xlsx, Pertanyaan!H2: kolom 'poin': sel berisi rumus '=1+1'. Kuesioner dibaca dari nilai yang tertulis; ganti rumus dengan nilainya."],
    ),
    (
        "condition without '='",
        _set("Pertanyaan", 4, 12, "AA.1.1 Ya"),
        ["uji.xlsx, Pertanyaan!L4: kolom 'syarat': 'AA.1.1 Ya' tidak berbentuk 'KODE = jawaban'. Tulis misalnya 'KO.2.1 = Ya'; pisahkan beberapa jawaban dengan ';'."],
    ),
    (
        "condition on an unknown question (Q5)",
        _set("Pertanyaan", 4, 12, "ZZ.1.1 = Ya"),
        ["uji.xlsx, Pertanyaan!L4: kolom 'syarat': syarat pertanyaan BB.1.1 menyebut pertanyaan 'ZZ.1.1' yang tidak ada. Periksa kode di 'syarat.pertanyaan'."],
    ),
    (
        "points on a choice question",
        _set("Pertanyaan", 3, 8, 3),
        ["uji.xlsx, Pertanyaan!H3: kolom 'poin': hanya dipakai untuk pertanyaan bertipe 'ya_tidak', bukan 'pilihan'. Kosongkan sel ini atau ubah tipe pertanyaannya."],
    ),
    (
        "option row for an unknown question",
        lambda s: s["Pilihan"].append(["ZZ.1.1", None, "X", None, None, 1]),
        ["uji.xlsx, Pilihan!A4: kolom 'kode_pertanyaan': pertanyaan 'ZZ.1.1' tidak ada di sheet Pertanyaan. Periksa kodenya."],
    ),
    (
        "option row for a yes/no question",
        lambda s: s["Pilihan"].append(["AA.1.1", None, "X", None, None, 1]),
        [
            "uji.xlsx, Pilihan!A4: kolom 'kode_pertanyaan': pertanyaan AA.1.1 bertipe 'ya_tidak' tidak memakai baris di sheet Pilihan; "
            "poinnya ditulis di kolom 'poin' sheet Pertanyaan. Hapus baris ini atau ubah tipe pertanyaannya."
        ],
    ),
    (
        "a range cell on a choice option",
        _set("Pilihan", 2, 4, 5),
        ["uji.xlsx, Pilihan!D2: kolom 'dari': hanya dipakai untuk pertanyaan bertipe 'angka', bukan 'pilihan'. Kosongkan sel ini atau ubah tipe pertanyaannya."],
    ),
    (
        "too few options",
        lambda s: s["Pilihan"].pop(),
        ["uji.xlsx, Pertanyaan!G3: kolom 'tipe': pertanyaan AA.1.2 bertipe 'pilihan' memerlukan minimal 2 baris di sheet Pilihan. Tambahkan baris dengan kode_pertanyaan 'AA.1.2'."],
    ),
    (
        "duplicate option label, on its cell",
        _set("Pilihan", 3, 3, "tidak ada "),
        ["uji.xlsx, Pilihan!C3: kolom 'label': pilihan 'tidak ada' ditulis lebih dari sekali (tanpa membedakan huruf besar/kecil). Setiap pilihan harus unik."],
    ),
    (
        "gate on a later stage",
        _set("Tahap", 3, 4, 50),
        ["uji.xlsx, Tahap!D3: kolom 'batas_lolos': gerbang hanya ditulis pada baris tahap pertama ('saq'). Pindahkan nilai ini ke baris tahap pertama."],
    ),
    (
        "bands out of order (Q6)",
        _set("Kualifikasi", 3, 3, 10),
        [
            "uji.xlsx, Kualifikasi!C2:C3: kolom 'batas_bawah': batas bawah kualifikasi tidak turun secara tegas hingga 0. "
            "Tulis kualifikasi dari yang tertinggi ke terendah (misalnya 90, 80, 60, 40, 0); yang terakhir harus 0."
        ],
    ),
    (
        "misspelt setting, not also the missing one",
        _set("Pengaturan", 5, 1, "tahunn"),
        ["uji.xlsx, Pengaturan!A5: pengaturan 'tahunn' tidak dikenal. Mungkin maksud Anda 'tahun'?"],
    ),
    (
        "missing setting",
        lambda s: s["Pengaturan"].pop(2),
        ["uji.xlsx, Pengaturan: pengaturan wajib 'judul' tidak ada. Tambahkan baris dengan kunci 'judul' dan isi nilainya."],
    ),
    (
        "bad setting value",
        _set("Pengaturan", 5, 2, "dua ribu"),
        ["uji.xlsx, Pengaturan!B5: pengaturan 'tahun': nilai 'dua ribu' tidak sah: harus berupa bilangan bulat."],
    ),
    (
        "duplicate setting",
        lambda s: s["Pengaturan"].append(["id", "lain"]),
        ["uji.xlsx, Pengaturan!A8: pengaturan 'id' ditulis lebih dari sekali. Hapus salah satu barisnya."],
    ),
    (
        "empty required sheet",
        lambda s: s.__setitem__("Indikator", []),
        ["uji.xlsx, Indikator: sheet 'Indikator' kosong. Tulis judul kolom pada baris pertama (kode, nama, bobot, deskripsi), lalu isinya di baris berikutnya."],
    ),
    (
        "sheet with a header only",
        lambda s: s.__setitem__("Indikator", [["kode", "nama", "bobot"]]),
        ["uji.xlsx, Indikator: sheet 'Indikator' belum berisi baris data. Tambahkan minimal satu baris di bawah baris judul."],
    ),
    (
        "note scope and a confirmed note without source",
        lambda s: s.__setitem__(
            "Keterangan", [["lingkup", "butir", "status", "sumber", "alasan"], ["umum", "x", "preset", None, "y"], ["aturan", "bobot", "terkonfirmasi"]]
        ),
        [
            "uji.xlsx, Keterangan!A2: kolom 'lingkup': nilai 'umum' tidak sah: isi 'aturan' (keterangan aturan penilaian) atau 'edisi' (keterangan isi edisi).",
            "uji.xlsx, Keterangan!D3: kolom 'sumber': keterangan 'bobot' berstatus terkonfirmasi tetapi tanpa 'sumber'. "
            "Tambahkan sumbernya atau ubah status menjadi 'preset' dengan 'alasan'.",
        ],
    ),
]


@pytest.mark.parametrize(("case", "change", "expected"), ERRORS, ids=[c[0] for c in ERRORS])
def test_each_error_has_its_cell_and_exact_message(case: str, change: Callable[[dict[str, Table]], Any], expected: list[str]) -> None:
    assert problems_of(changed(change)) == expected, case


def test_every_problem_is_reported_at_once_in_sheet_and_row_order() -> None:
    def change(s: dict[str, Table]) -> None:
        _set("Kualifikasi", 3, 3, 10)(s)
        _set("Pilihan", 3, 6, "tiga")(s)
        _set("Pertanyaan", 2, 7, "benar_salah")(s)
        _set("Indikator", 3, 3, 30)(s)
        s["Pertanyaan"].append(question("BB.1.1"))

    write_book(Path("uji.xlsx"), changed(change))
    with pytest.raises(QuestionnaireError) as caught:
        import_questionnaire("uji.xlsx")
    assert str(caught.value) == "\n".join(
        [
            "uji.xlsx: 5 masalah ditemukan di buku kerja kuesioner.",
            "- uji.xlsx, Indikator!C2:C3: kolom 'bobot': jumlah bobot indikator adalah 90, bukan 100. Sesuaikan 'bobot' agar berjumlah tepat 100.",
            "- uji.xlsx, Pertanyaan!G2: kolom 'tipe': tipe 'benar_salah' tidak dikenal. Gunakan 'ya_tidak', 'pilihan', 'daftar' atau 'angka'.",
            "- uji.xlsx, Pertanyaan!A5: kolom 'kode': kode pertanyaan 'BB.1.1' dipakai lebih dari sekali. Setiap kode harus unik; ganti salah satunya.",
            "- uji.xlsx, Pilihan!F3: kolom 'poin': nilai 'tiga' tidak sah: harus berupa angka.",
            "- uji.xlsx, Kualifikasi!C2:C3: kolom 'batas_bawah': batas bawah kualifikasi tidak turun secara tegas hingga 0. "
            "Tulis kualifikasi dari yang tertinggi ke terendah (misalnya 90, 80, 60, 40, 0); yang terakhir harus 0.",
        ]
    )
    assert [p.code for p in caught.value.problems] == ["KM-Q-001", "KM-Q-014", "KM-Q-002", "KM-A-011", "KM-Q-011"]


def test_unknown_columns_and_sheets_are_warnings_kept_apart_and_underscores_are_silent() -> None:
    def change(s: dict[str, Table]) -> None:
        s["Pertanyaan"][0] = [*QUESTION_HEADER, "catatan", "_bantu"]
        s["Pertanyaan"][1] += ["tanyakan ke pimpinan", "x"]
        s["Catatan"] = [["apa saja"]]
        s["_bantu"] = [["daftar kode"]]

    write_book(Path("uji.xlsx"), changed(change))
    q, warnings = import_questionnaire_with_warnings("uji.xlsx")
    assert len(q.questions) == 3
    assert [str(w) for w in warnings] == [
        "uji.xlsx, Pertanyaan!N1: kolom 'catatan' tidak dikenal dan diabaikan. Periksa ejaannya, atau awali judulnya dengan '_' bila kolom ini memang catatan Anda.",
        "uji.xlsx, Catatan: sheet 'Catatan' tidak dikenal dan diabaikan. Awali namanya dengan '_' bila sheet ini memang catatan Anda.",
    ]
    assert [w.code for w in warnings] == ["KM-A-007", "KM-A-004"]


def test_a_forgiving_layout_reads_the_same_questionnaire() -> None:
    """A2–A3: any column order, aliases, header below blank rows, blank rows, NBSP, 4.0, numbers as text, case."""
    header = ["Boleh N/A", "Rekomendasi", "Tipe", "Kode", "Indikator", "Teks", "Definisi Operasional", "Dasar Hukum", "Poin", "Bukti", "_catatan"]
    common = ["Lengkapi.", "Definisi.", "UU 14/2008 Pasal 9"]

    def row(na: Any, tipe: str, code: str, points: Any, evidence: Any) -> list[Any]:
        return [na, common[0], tipe, code, code.split(".")[0].strip("\u00a0 "), f"Pertanyaan {code.strip()}?", common[1], common[2], points, evidence, "abaikan"]

    settings: Table = [["Kunci", "Nilai", "Penjelasan"], ["ID", "uji"], [], ["Judul", "Kuesioner uji"], ["komisi", "Komisi Informasi Uji"], ["Tahun", "2025"]]
    settings += [["kategori", "Uji"], ["Versi", "2025081501"], ["Tempat desimal", "tanpa"], ["verifikasi wajib", "TIDAK"]]
    sheets: dict[str, Table] = {
        "  pengaturan ": settings,
        "INDIKATOR": [["Kode", "Nama", "Bobot"], ["AA", "Indikator A", "60,0"], ["BB", "Indikator B", 40.0]],
        "Pertanyaan": [
            [],
            [],
            header,
            row(True, "Ya Tidak", "\u00a0AA.1.1 ", 2.0, "Tautan"),
            [],
            row("tidak", "PILIHAN", "AA.1.2", None, None),
            row("ya", "ya/tidak", "BB.1.1", "1", " dokumen "),
        ],
        "Pilihan": [["Kode Pertanyaan", "Label", "Poin"], ["AA.1.2", "Tidak ada", "0"], [], ["AA.1.2", "Lengkap", 3.0]],
        "Tahap": [["Kode", "Nama", "Bobot", "Gerbang", "Jika tidak lolos"], ["saq", "SAQ", 70, 60, "Nilai SAQ"], ["presentasi", "Presentasi", 30]],
        "Kualifikasi": [["kode", "nama", "batas bawah"], ["informatif", "Informatif", 90], ["tidak_informatif", "Tidak Informatif", 0]],
        "_bantu": [["apa saja"]],
    }
    write_book(Path("uji.xlsx"), sheets)
    q, warnings = import_questionnaire_with_warnings("uji.xlsx")
    assert warnings == []
    shared = {"definisi_operasional": common[1], "dasar_hukum": common[2], "rekomendasi": common[0]}
    expected = Questionnaire.model_validate(
        {
            "id": "uji",
            "judul": "Kuesioner uji",
            "komisi": "Komisi Informasi Uji",
            "tahun": 2025,
            "kategori": "Uji",
            "versi": 2025081501,
            "aturan": {
                "tahap": [{"kode": "saq", "nama": "SAQ", "bobot": 70}, {"kode": "presentasi", "nama": "Presentasi", "bobot": 30}],
                "gerbang": {"batas": 60, "jika_tidak_lolos": "nilai_saq"},
                "kualifikasi": [{"kode": "informatif", "nama": "Informatif", "batas_bawah": 90}, {"kode": "tidak_informatif", "nama": "Tidak Informatif", "batas_bawah": 0}],
                "pembulatan": {"tempat_desimal": None},
                "verifikasi_wajib": False,
            },
            "indikator": [{"kode": "AA", "nama": "Indikator A", "bobot": 60}, {"kode": "BB", "nama": "Indikator B", "bobot": 40}],
            "pertanyaan": [
                {"kode": "AA.1.1", "indikator": "AA", "teks": "Pertanyaan AA.1.1?", "tipe": "ya_tidak", "poin": 2, "bukti": "tautan", "boleh_na": True, **shared},
                {
                    "kode": "AA.1.2",
                    "indikator": "AA",
                    "teks": "Pertanyaan AA.1.2?",
                    "tipe": "pilihan",
                    "pilihan": [{"label": "Tidak ada", "poin": 0}, {"label": "Lengkap", "poin": 3}],
                    **shared,
                },
                {"kode": "BB.1.1", "indikator": "BB", "teks": "Pertanyaan BB.1.1?", "tipe": "ya_tidak", "poin": 1, "bukti": "dokumen", "boleh_na": True, **shared},
            ],
        }
    )
    assert q == expected
    assert q.content_hash == expected.content_hash


def test_numbers_are_normalised_like_the_yaml_loader_reads_them() -> None:
    """'4.0' is 4 and '2,5' is 2.5, so the content hash matches the same edition written in YAML."""
    sheets = base()
    sheets["Pertanyaan"][1][7] = "2,50"
    sheets["Indikator"][1][2] = "60.0"
    write_book(Path("uji.xlsx"), sheets)
    q = import_questionnaire("uji.xlsx")
    first = q.questions[0]
    assert isinstance(first, YesNoQuestion)
    assert str(first.points) == "2.5"
    assert str(q.indicators[0].weight) == "60"


def test_an_item_code_typed_as_a_number_is_text() -> None:
    sheets = base()
    sheets["Pertanyaan"].append(question("BB.1.2", "daftar", None))
    sheets["Pilihan"] += [["BB.1.2", 1, "Neraca", None, None, 2], ["BB.1.2", 2.0, "Arus kas", None, None, 1]]
    write_book(Path("uji.xlsx"), sheets)
    q = import_questionnaire("uji.xlsx")
    assert [i.code for i in q.question_map["BB.1.2"].items] == ["1", "2"]  # type: ignore[union-attr]


def test_a_condition_takes_several_answers() -> None:
    sheets = base()
    sheets["Pertanyaan"][2][7] = None
    sheets["Pilihan"][1][5] = 0
    sheets["Pilihan"][2][5] = 0
    sheets["Pilihan"].append(["AA.1.2", None, "Sebagian", None, None, 0])
    sheets["Pertanyaan"].append(question("AA.1.3", syarat="AA.1.2 = Lengkap; sebagian"))
    write_book(Path("uji.xlsx"), sheets)
    q = import_questionnaire("uji.xlsx")
    condition = q.question_map["AA.1.3"].condition
    assert condition is not None and condition.question == "AA.1.2" and condition.answers == ("Lengkap", "sebagian")
    assert isinstance(q.question_map["AA.1.2"], ChoiceQuestion)


def test_a_spreadsheet_is_accepted_where_a_questionnaire_file_is() -> None:
    write_book(Path("uji.xlsx"), base())
    assert load_questionnaire("uji.xlsx") == load_document(Path("uji.xlsx")) == import_questionnaire("uji.xlsx")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("rusak.xlsx", b"bukan zip", "rusak.xlsx: " + XLSX_NOT_ZIP.text()),  # screened like a filled workbook (issue 7)
        ("tidak-ada.xlsx", None, "tidak-ada.xlsx: Berkas tidak ditemukan. Periksa nama dan letak berkasnya."),
    ],
)
def test_unreadable_or_missing_workbooks(name: str, content: bytes | None, expected: str) -> None:
    if content is not None:
        Path(name).write_bytes(content)
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(name)
    assert str(caught.value) == expected


def test_catalogues_define_each_text_once() -> None:
    """Catalogues are written by several people; a repeated name would silently replace a text."""
    repeated = []
    for path in sorted(Path(kipmonev.__file__).parent.rglob("problems*.py")):
        names = [t.id for node in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)]
        repeated += [f"{path.parent.name}/{path.name}:{n}" for n in sorted(set(names)) if names.count(n) > 1]
    assert repeated == []


def test_decimal_points_survive(tmp_path: Path) -> None:
    sheets = base()
    sheets["Pertanyaan"][1][7] = 0.1
    write_book(Path("uji.xlsx"), sheets)
    first = import_questionnaire("uji.xlsx").questions[0]
    assert isinstance(first, YesNoQuestion) and first.points == Decimal("0.1")


def test_the_shared_translation_places_a_choice_question_error_at_the_question_in_yaml_too(tmp_path: Path) -> None:
    """The union tag 'pilihan' is also a key: an error of a choice question is the question's, not its options'."""
    text = (
        "id: uji\njudul: Uji\nkomisi: Komisi Informasi Uji\ntahun: 2025\nkategori: Uji\nversi: 2025081501\naturan: ki-pusat\n"
        "indikator:\n  - kode: AA\n    nama: A\n    bobot: 100\n"
        "pertanyaan:\n  - kode: AA.1.1\n    indikator: AA\n    teks: T?\n    definisi_operasional: D.\n    dasar_hukum: UU\n"
        "    tipe: pilihan\n    pilihan:\n      - label: A\n        poin: 0\n      - label: B\n        poin: 1\n"
    )
    Path("uji.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire("uji.yaml")
    assert [str(p) for p in caught.value.problems] == ["uji.yaml, baris 13 (pertanyaan[0]): kunci wajib 'rekomendasi' tidak ada. Tambahkan 'rekomendasi: ...'."]
