"""Reading filled workbooks: what people type, every error with its exact message and cell, warnings.

Cells of the small questionnaire's template (tests/conftest.py): Kuesioner rows 6–8 are AA.1.1–AA.1.3,
row 10 is the checklist BB.1.1 with items a–c in rows 11–13, rows 14–16 are BB.1.2, BB.2.1, BB.2.2;
column F is Jawaban, G Tautan/Bukti Dukung, H Keterangan, I Jawaban Verifikasi. Identitas B4–B11 hold
the identity; Tahap D5 the presentasi score.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import hostile_files as hf
import pytest
from conftest import FULL_ANSWERS, LINK, small
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from workbook_helpers import filled_workbook

from kipmonev import KipmonevError, WorkbookError, score
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.submission import Answer
from kipmonev.outputs.template import save_workbook
from kipmonev.sources.reader import read_submission, read_workbook

Q = small()
SOURCE = "isian.xlsx"
Mutation = Callable[[Workbook], None]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Messages name the file as given; a relative name reads like the examples.
    monkeypatch.chdir(tmp_path)


def _write(changes: dict[tuple[str, str], Any] | None = None, answers: dict[str, Answer] | None = None, mutate: Mutation | None = None, q: Questionnaire = Q, **kwargs: object) -> Path:
    wb = filled_workbook(q, FULL_ANSWERS if answers is None else answers, **kwargs)  # type: ignore[arg-type]
    for (sheet, ref), value in (changes or {}).items():
        wb[sheet][ref] = value
    if mutate is not None:
        mutate(wb)
    path = Path(SOURCE)
    save_workbook(wb, path)
    return path


KUESIONER = "xl/worksheets/sheet3.xml"



def _errors(path: Path, q: Questionnaire | None = Q) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        read_submission(path, q)
    return [str(p) for p in caught.value.problems]


# --- what people type ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("cell", "typed", "code", "value", "na"),
    [
        ("F6", "ya", "AA.1.1", "Ya", False),
        ("F6", "YA ", "AA.1.1", "Ya", False),
        ("F6", "\u00a0Ya\u00a0", "AA.1.1", "Ya", False),
        ("F6", "  tidak", "AA.1.1", "Tidak", False),
        ("F7", "LENGKAP", "AA.1.2", "Lengkap", False),
        ("F7", "tidak  ada", "AA.1.2", "Tidak ada", False),
        ("F8", "tidak berlaku", "AA.1.3", None, True),
        ("F14", "7,5", "BB.1.2", Decimal("7.5"), False),
        ("F14", "7.5", "BB.1.2", Decimal("7.5"), False),
        ("F14", 4.0, "BB.1.2", Decimal(4), False),
        ("F14", "4.0", "BB.1.2", Decimal(4), False),
        ("F14", " 12 ", "BB.1.2", Decimal(12), False),
        ("F14", 7.499999999999999, "BB.1.2", Decimal("7.5"), False),
        ("F11", "TIDAK", "BB.1.1", ("b", "c"), False),
        ("F10", "Tidak Berlaku", "BB.1.1", None, True),
    ],
)
def test_answers_are_read_the_way_people_type_them(cell: str, typed: object, code: str, value: object, na: bool) -> None:
    q = small()
    if cell == "F10":  # a checklist that may be N/A: its parent row takes 'Tidak Berlaku'
        data = q.model_dump(by_alias=True)
        data["pertanyaan"][3]["boleh_na"] = True
        q = Questionnaire.model_validate(data)
    _, submission = read_submission(_write({("Kuesioner", cell): typed}, q=q), q)
    answer = submission.answers[code]
    assert (answer.value, answer.not_applicable) == (value, na)


@pytest.mark.parametrize(
    ("typed", "evidence"),
    [
        ("https://a.go.id/x", ("https://a.go.id/x",)),
        ("https://a.go.id/x\nhttps://b.go.id/y", ("https://a.go.id/x", "https://b.go.id/y")),
        ("https://a.go.id/x; https://b.go.id/y", ("https://a.go.id/x", "https://b.go.id/y")),
        ("https://a.go.id/x, https://b.go.id/y", ("https://a.go.id/x", "https://b.go.id/y")),
        ("https://a.go.id/x,https://b.go.id/y", ("https://a.go.id/x", "https://b.go.id/y")),
        ("https://a.go.id/dok?id=1,2", ("https://a.go.id/dok?id=1,2",)),
        ("SK PPID: https://a.go.id/sk.pdf.", ("https://a.go.id/sk.pdf",)),
        ("sk-ppid-2025.pdf", ("sk-ppid-2025.pdf",)),
        ("sk.pdf\nlampiran.pdf", ("sk.pdf", "lampiran.pdf")),
        ("  ", ()),
    ],
)
def test_evidence_cells_with_several_links_are_split_carefully(typed: str, evidence: tuple[str, ...]) -> None:
    _, submission = read_submission(_write({("Kuesioner", "G6"): typed}), Q)
    assert submission.answers["AA.1.1"].evidence == evidence


def test_a_hyperlink_whose_text_is_not_the_url_gives_its_target() -> None:
    def link(wb: Workbook) -> None:
        wb["Kuesioner"]["G6"] = "SK PPID 2025"
        wb["Kuesioner"]["G6"].hyperlink = "https://ppid.contoh.go.id/sk-ppid.pdf"

    filled = read_workbook(_write(mutate=link), Q)
    assert filled.submission.answers["AA.1.1"].evidence == ("https://ppid.contoh.go.id/sk-ppid.pdf",)
    assert [(str(loc), url) for loc, url in filled.evidence_links if loc.cell == "G6"] == [("isian.xlsx, Kuesioner!G6", "https://ppid.contoh.go.id/sk-ppid.pdf")]
    assert not [w for w in filled.warnings if w.code == "KM-W-055"]


def test_hyperlink_formulas_and_other_formulas_give_their_cached_values() -> None:
    path = hf.rezip(
        _write(),
        Path(SOURCE),
        {
            KUESIONER: lambda d: hf.set_cell("G6", '<c r="G6" t="str"><f>HYPERLINK("https://ppid.contoh.go.id/sk.pdf","SK PPID")</f><v>SK PPID</v></c>')(
                hf.set_cell("F7", '<c r="F7" t="str"><f>IF(1=1,"Lengkap","")</f><v>Lengkap</v></c>')(d)
            )
        },
    )
    _, submission = read_submission(path, Q)
    assert submission.answers["AA.1.1"].evidence == ("https://ppid.contoh.go.id/sk.pdf",)
    assert submission.answers["AA.1.2"].value == "Lengkap"


def _reverse_rows(wb: Workbook) -> None:
    ws = wb["Kuesioner"]
    rows = [[ws.cell(row=r, column=c).value for c in range(1, 12)] for r in range(5, 17)]
    for r, values in zip(range(5, 17), reversed(rows), strict=True):
        for c, value in enumerate(values, start=1):
            ws.cell(row=r, column=c).value = value


def _insert_rows(wb: Workbook) -> None:
    wb["Kuesioner"].insert_rows(8, 3)
    wb["Kuesioner"]["B9"] = "Baris tambahan pengisi"


def _hide_and_filter(wb: Workbook) -> None:
    ws = wb["Kuesioner"]
    for r in (6, 7, 11):
        ws.row_dimensions[r].hidden = True
    ws.auto_filter.add_filter_column(5, ["Ya"])


@pytest.mark.parametrize("mutate", [_reverse_rows, _insert_rows, _hide_and_filter], ids=["sorted", "inserted", "hidden-filtered"])
def test_answers_are_found_by_code_not_by_row(mutate: Mutation) -> None:
    _, plain = read_submission(_write(verification={"AA.1.2": Answer(value="Sebagian")}), Q)
    _, moved = read_submission(_write(mutate=mutate, verification={"AA.1.2": Answer(value="Sebagian")}), Q)
    assert (moved.answers, moved.verification) == (plain.answers, plain.verification)
    assert score(Q, moved).saq_self.score == score(Q, plain).saq_self.score == Decimal(100)


def test_identity_stage_scores_and_the_verifier_are_read() -> None:
    path = _write(stages={"presentasi": Decimal("87.5")}, verification={"AA.1.1": Answer(value="tidak", note="Tautan mati.")})
    _, submission = read_submission(path, Q)
    assert submission.body.model_dump() == {
        "id": "BP-1", "name": "Badan Uji", "category": "Uji", "province": "DKI Jakarta", "website": "https://contoh.go.id",
        "ppid_name": "Sri", "ppid_email": "ppid@contoh.go.id", "year": 2025,
    }  # fmt: skip
    assert submission.stage_scores == {"presentasi": Decimal("87.5")}
    assert submission.verification == {"AA.1.1": Answer(value="Tidak", evidence=(LINK,), note="Tautan mati.")}


def test_reading_never_modifies_the_file() -> None:
    path = _write({("Kuesioner", "F6"): "Mungkin"})
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    with pytest.raises(WorkbookError):
        read_submission(path, Q)
    read_submission(_write(), Q)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) != before  # rewritten by _write…
    after = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    read_submission(path, Q)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == after  # …but never by reading


# --- warnings ------------------------------------------------------------------------------

def test_unanswered_questions_and_answers_without_evidence_are_warnings_with_cells() -> None:
    answers = {code: a for code, a in FULL_ANSWERS.items() if code not in ("AA.1.2", "BB.2.2")}
    answers["AA.1.1"] = Answer(value="Ya")
    answers["BB.1.1"] = Answer(value=("a",), evidence=())
    filled = read_workbook(_write(answers=answers, body=None), Q)
    assert [str(w) for w in filled.warnings] == [
        "isian.xlsx, Identitas!B4: nama badan publik belum diisi. Isi nama badan publik pada sheet Identitas.",
        "isian.xlsx, Kuesioner!G6: jawaban 'Ya' untuk AA.1.1 belum dilengkapi bukti dukung berupa tautan (URL). Jawaban tanpa bukti yang diwajibkan tidak diberi nilai; isi kolom Tautan/Bukti Dukung.",
        "isian.xlsx, Kuesioner!F7: pertanyaan AA.1.2 belum dijawab. Pertanyaan yang tidak dijawab bernilai 0; isi kolom Jawaban.",
        "isian.xlsx, Kuesioner!G10: jawaban 'a' untuk BB.1.1 belum dilengkapi bukti dukung berupa dokumen atau tautan. Jawaban tanpa bukti yang diwajibkan tidak diberi nilai; isi kolom Tautan/Bukti Dukung.",
        "isian.xlsx, Kuesioner!F16: pertanyaan BB.2.2 belum dijawab. Pertanyaan yang tidak dijawab bernilai 0; isi kolom Jawaban.",
    ]
    assert [n.where for n in filled.submission.notices] == [str(w.location) for w in filled.warnings]
    assert filled.submission.body.name == "(nama badan publik belum diisi)"


def test_no_warning_for_a_question_whose_condition_is_unmet_or_a_checklist_answered_all_tidak() -> None:
    answers = dict(FULL_ANSWERS)
    answers["BB.2.1"] = Answer(value="Tidak")
    del answers["BB.2.2"]
    answers["BB.1.1"] = Answer(value=(), evidence=("laporan.pdf",))
    assert read_workbook(_write(answers=answers), Q).warnings == ()


def test_partly_answered_checklists_warn_for_the_blank_items() -> None:
    path = _write({("Kuesioner", "F12"): None, ("Kuesioner", "I11"): "Ya"})
    assert [str(w) for w in read_workbook(path, Q).warnings] == [
        "isian.xlsx, Kuesioner!F12: butir b pada BB.1.1 belum dijawab dan dihitung 'Tidak'. Jawab setiap butir dengan 'Ya' atau 'Tidak'.",
        "isian.xlsx, Kuesioner!I12: jawaban verifikasi butir b, c pada BB.1.1 kosong dan dihitung 'Tidak'. Isi jawaban verifikasi setiap butir.",
    ]


# --- errors: every problem at once, each with its cell ----------------------------------

ERRORS: list[tuple[str, dict[tuple[str, str], object], list[str]]] = [
    ("yes/no unknown", {("Kuesioner", "F6"): "Mungkin"}, ["isian.xlsx, Kuesioner!F6: jawaban 'Mungkin' tidak dikenal untuk AA.1.1. Pilih 'Ya' atau 'Tidak'."]),
    ("choice unknown", {("Kuesioner", "F7"): "Hampir"}, ["isian.xlsx, Kuesioner!F7: jawaban 'Hampir' tidak dikenal untuk AA.1.2. Pilih 'Tidak ada', 'Sebagian' atau 'Lengkap'."]),
    ("N/A where allowed lists it", {("Kuesioner", "F8"): "Kadang"}, ["isian.xlsx, Kuesioner!F8: jawaban 'Kadang' tidak dikenal untuk AA.1.3. Pilih 'Ya', 'Tidak' atau 'Tidak Berlaku'."]),
    ("N/A not allowed", {("Kuesioner", "F6"): "tidak berlaku"}, ["isian.xlsx, Kuesioner!F6: AA.1.1 tidak boleh dijawab 'Tidak Berlaku'. Jawab pertanyaan ini sesuai pilihannya."]),
    ("number as words", {("Kuesioner", "F14"): "lima hari"}, ["isian.xlsx, Kuesioner!F14: jawaban 'lima hari' untuk BB.1.2 bukan angka. Isi dengan angka, misalnya 12 atau 7,5."]),
    ("boolean in a number", {("Kuesioner", "F14"): True}, ["isian.xlsx, Kuesioner!F14: jawaban 'TRUE' untuk BB.1.2 bukan angka. Isi dengan angka, misalnya 12 atau 7,5."]),
    ("number in yes/no", {("Kuesioner", "F6"): 1}, ["isian.xlsx, Kuesioner!F6: jawaban '1' tidak dikenal untuk AA.1.1. Pilih 'Ya' atau 'Tidak'."]),
    ("checklist item", {("Kuesioner", "F12"): "Sebagian"}, ["isian.xlsx, Kuesioner!F12: jawaban 'Sebagian' tidak dikenal untuk BB.1.1.b. Pilih 'Ya' atau 'Tidak'."]),
    (
        "checklist parent",
        {("Kuesioner", "F10"): "Ya"},
        ["isian.xlsx, Kuesioner!F10: jawaban 'Ya' tidak dikenal untuk BB.1.1. Pertanyaan daftar periksa dijawab per butir dengan 'Ya' atau 'Tidak'; kosongkan sel ini."],
    ),
    ("verifier", {("Kuesioner", "I7"): "Bagus"}, ["isian.xlsx, Kuesioner!I7: jawaban 'Bagus' tidak dikenal untuk AA.1.2. Pilih 'Tidak ada', 'Sebagian' atau 'Lengkap'."]),
    (
        "formula without a cached value",
        {("Kuesioner", "F6"): '=IF(1=1,"Ya","Tidak")'},
        ["isian.xlsx, Kuesioner!F6: sel berisi rumus tanpa nilai tersimpan. Buka berkas di Excel atau LibreOffice lalu simpan ulang, atau ganti rumus dengan nilainya."],
    ),
    (
        "unknown code",
        {("Kuesioner", "A7"): "AA.9.9"},
        [
            "isian.xlsx, Kuesioner: baris AA.1.2 tidak ditemukan. Kembalikan baris tersebut dari templat; baris pertanyaan dan butir tidak boleh dihapus.",
            "isian.xlsx, Kuesioner!A7: kode 'AA.9.9' tidak dikenal di kuesioner uji-kecil. Kode pertanyaan tidak boleh diubah; kembalikan kode aslinya atau hapus baris ini.",
        ],
    ),
    (
        "duplicate code",
        {("Kuesioner", "A8"): "aa.1.2 "},
        [
            "isian.xlsx, Kuesioner: baris AA.1.3 tidak ditemukan. Kembalikan baris tersebut dari templat; baris pertanyaan dan butir tidak boleh dihapus.",
            "isian.xlsx, Kuesioner!A8: kode AA.1.2 muncul lebih dari sekali (pertama di A7). Hapus baris rangkapnya.",
        ],
    ),
    ("stage not a number", {("Tahap", "D5"): "delapan puluh"}, ["isian.xlsx, Tahap!D5: nilai tahap 'presentasi' ('delapan puluh') bukan angka. Isi angka antara 0 dan 100, misalnya 85 atau 87,5."]),
    ("stage out of range", {("Tahap", "D5"): 120.5}, ["isian.xlsx, Tahap!D5: nilai tahap 'presentasi' adalah 120,5, di luar 0–100. Isi nilai antara 0 dan 100."]),
    ("year", {("Identitas", "B11"): "dua ribu"}, ["isian.xlsx, Identitas!B11: tahun penilaian 'dua ribu' tidak sah. Isi dengan empat angka, misalnya 2025."]),
    (
        "all at once, in sheet and cell order",
        {("Kuesioner", "F14"): "x", ("Kuesioner", "F6"): "Mungkin", ("Identitas", "B11"): "2025,5", ("Tahap", "D5"): -1},
        [
            "isian.xlsx, Identitas!B11: tahun penilaian '2025,5' tidak sah. Isi dengan empat angka, misalnya 2025.",
            "isian.xlsx, Kuesioner!F6: jawaban 'Mungkin' tidak dikenal untuk AA.1.1. Pilih 'Ya' atau 'Tidak'.",
            "isian.xlsx, Kuesioner!F14: jawaban 'x' untuk BB.1.2 bukan angka. Isi dengan angka, misalnya 12 atau 7,5.",
            "isian.xlsx, Tahap!D5: nilai tahap 'presentasi' adalah -1, di luar 0–100. Isi nilai antara 0 dan 100.",
        ],
    ),
]


@pytest.mark.parametrize(("changes", "expected"), [(c, e) for _, c, e in ERRORS], ids=[name for name, _, _ in ERRORS])
def test_every_invalid_cell_is_reported_with_its_exact_message(changes: dict[tuple[str, str], object], expected: list[str]) -> None:
    assert _errors(_write(changes)) == expected


def test_the_error_lists_every_problem_under_one_heading() -> None:
    with pytest.raises(WorkbookError) as caught:
        read_submission(_write({("Kuesioner", "F6"): "Mungkin", ("Kuesioner", "F7"): "Hampir"}), Q)
    assert str(caught.value).splitlines()[0] == "isian.xlsx: 2 masalah ditemukan di berkas isian."
    assert [p.location.cell for p in caught.value.problems] == ["F6", "F7"]


def test_an_error_value_in_an_answer_cell() -> None:
    path = hf.rezip(_write(), Path(SOURCE), {KUESIONER: hf.set_cell("F6", '<c r="F6" t="e"><f>1/0</f><v>#DIV/0!</v></c>')})
    assert _errors(path) == ["isian.xlsx, Kuesioner!F6: sel berisi galat '#DIV/0!'. Ganti dengan isian yang sah."]


def _rename(old: str, new: str) -> Mutation:
    def mutate(wb: Workbook) -> None:
        wb[old].title = new

    return mutate


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (_rename("Kuesioner", "Kuisioner"), "isian.xlsx: sheet 'Kuesioner' tidak ditemukan. Mungkin sheet 'Kuisioner' adalah sheet tersebut; kembalikan namanya menjadi 'Kuesioner'."),
        (_rename("Identitas", "Data Lain"), "isian.xlsx: sheet 'Identitas' tidak ditemukan. Gunakan templat dari 'kipmonev template' dan jangan menghapus atau mengganti nama sheet-nya."),
        (_rename("Tahap", "tahap-2"), "isian.xlsx: sheet 'Tahap' tidak ditemukan. Mungkin sheet 'tahap-2' adalah sheet tersebut; kembalikan namanya menjadi 'Tahap'."),
    ],
    ids=["near-miss", "gone", "case-and-suffix"],
)
def test_missing_sheets_suggest_the_nearest_name(mutate: Mutation, expected: str) -> None:
    assert _errors(_write(mutate=mutate)) == [expected]


def test_a_renamed_sheet_differing_only_in_case_is_still_read() -> None:
    _, submission = read_submission(_write(mutate=_rename("Kuesioner", "KUESIONER ")), Q)
    assert submission.answers["AA.1.1"].value == "Ya"


def test_missing_headings_and_columns() -> None:
    def clear_header(wb: Workbook) -> None:
        for c in range(1, 12):
            wb["Kuesioner"].cell(row=4, column=c).value = None

    assert _errors(_write(mutate=clear_header)) == [
        "isian.xlsx, Kuesioner: baris judul kolom (dengan kolom 'Kode' dan 'Jawaban') tidak ditemukan di 30 baris pertama. Kembalikan baris judul kolom dari templat."
    ]
    assert _errors(_write({("Kuesioner", "G4"): "Lampiran"})) == [
        "isian.xlsx, Kuesioner!A4: kolom 'Tautan/Bukti Dukung' tidak ditemukan pada baris judul. Kembalikan kolom 'Tautan/Bukti Dukung' dari templat."
    ]


# --- the questionnaire a workbook was made for -------------------------------------------

def _variant(**changes: object) -> Questionnaire:
    data = Q.model_dump(by_alias=True)
    data.update(changes)
    return Questionnaire.model_validate(data)


def test_a_workbook_for_another_questionnaire_or_version_is_refused_naming_both() -> None:
    path = _write()
    assert _errors(path, _variant(id="uji-lain")) == [
        "isian.xlsx: berkas ini dibuat untuk kuesioner 'uji-kecil' versi 2025081501, bukan 'uji-lain' versi 2025081501. "
        "Nilai berkas ini dengan kuesioner 'uji-kecil' versi 2025081501, atau salin jawabannya ke templat baru dari 'kipmonev template uji-lain'."
    ]
    assert _errors(path, _variant(versi=2025090101)) == [
        "isian.xlsx: berkas ini dibuat untuk kuesioner 'uji-kecil' versi 2025081501, bukan 'uji-kecil' versi 2025090101. "
        "Nilai berkas ini dengan kuesioner 'uji-kecil' versi 2025081501, atau salin jawabannya ke templat baru dari 'kipmonev template uji-kecil'."
    ]
    changed = _variant(judul="Judul lain")
    assert _errors(path, changed) == [
        f"isian.xlsx: isi kuesioner 'uji-kecil' versi 2025081501 pada berkas ini ({Q.content_hash[:19]}) berbeda dari kuesioner yang dipakai ({changed.content_hash[:19]}). "
        "Buat templat baru dengan 'kipmonev template uji-kecil' dan salin jawabannya."
    ]


def test_metadata_missing_unknown_or_from_a_newer_kipmonev() -> None:
    def drop_meta(wb: Workbook) -> None:
        del wb["Metadata"]

    path = _write(mutate=drop_meta)
    assert _errors(path, None) == [
        "isian.xlsx: metadata templat (sheet tersembunyi 'Metadata') tidak ditemukan, sehingga kuesioner yang diisi tidak diketahui. "
        "Sebutkan kuesionernya dengan opsi --questionnaire (-k), atau salin jawaban ke templat baru dari 'kipmonev template'."
    ]
    filled = read_workbook(path, Q)  # with the questionnaire named, it is read, with a warning
    assert [str(w) for w in filled.warnings] == [
        "isian.xlsx, Kuesioner: metadata templat tidak ditemukan; berkas dibaca sebagai isian kuesioner 'uji-kecil' versi 2025081501. Pastikan berkas dibuat dari templat kuesioner tersebut."
    ]
    assert _errors(_write(), None) == [
        "isian.xlsx: berkas ini dibuat untuk kuesioner 'uji-kecil', yang tidak disertakan dalam kipmonev ini. Sebutkan berkas kuesionernya dengan opsi --questionnaire (-k)."
    ]
    assert _errors(_write({("Metadata", "B6"): "2"})) == [
        "isian.xlsx: format templat versi '2' tidak dikenal oleh kipmonev ini (yang didukung: versi 1). Perbarui kipmonev atau buat templat baru dengan 'kipmonev template'."
    ]


# --- anything in any cell: a Submission or a KipmonevError, never anything else ------------

ANSWER_CELLS = [f"{col}{row}" for row in (6, 7, 8, 10, 11, 12, 13, 14, 15, 16) for col in "FGI"]
CELL_VALUES = st.one_of(
    st.none(),
    st.sampled_from(["Ya", "ya ", "TIDAK", "Tidak Berlaku", "Lengkap", "sebagian", "7,5", "4.0", "", " ", "\u00a0", "https://a.go.id/x", "=1/0", '="Ya"', "=A1", "#N/A"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.booleans(),
    st.datetimes(min_value=__import__("datetime").datetime(1901, 1, 1), max_value=__import__("datetime").datetime(2100, 1, 1)),
    st.dates(min_value=__import__("datetime").date(1901, 1, 1), max_value=__import__("datetime").date(2100, 1, 1)),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(cells=st.dictionaries(st.sampled_from([*ANSWER_CELLS, "Tahap!D5", "Identitas!B11", "Identitas!B4"]), CELL_VALUES, max_size=12))
@example(cells={})
def test_any_cell_content_gives_a_submission_that_scores_or_a_kipmonev_error(cells: dict[str, object]) -> None:
    changes = {(ref.split("!")[0], ref.split("!")[1]) if "!" in ref else ("Kuesioner", ref): value for ref, value in cells.items()}
    path = _write(changes, stages={"presentasi": Decimal(80)})
    if not cells:  # the positive property: the unchanged workbook is read as it was filled
        q, submission = read_submission(path, Q)
        assert (submission.answers, submission.stage_scores) == (FULL_ANSWERS, {"presentasi": Decimal(80)})
        score(q, submission)
        return
    try:
        q, submission = read_submission(path, Q)
    except KipmonevError as e:
        assert e.problems and all(p.location.source == SOURCE for p in e.problems)
        return
    score(q, submission)  # must not raise: the reader checks everything scoring checks
