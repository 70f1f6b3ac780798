"""Questionnaire and rule-set files: every validation error, with its file, line and exact message (rules Q1–Q8)."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from kipmonev import QuestionnaireError, load_questionnaire, load_rule_set
from kipmonev.core.resources import shipped_rule_sets
from kipmonev.sources.loader import load_document

HEAD = """\
id: uji
judul: Uji
komisi: Komisi Informasi Uji
tahun: 2025
kategori: Uji
versi: 2025081501
aturan: ki-pusat
"""

INDICATORS = """\
indikator:
  - kode: AA
    nama: A
    bobot: 60
  - kode: BB
    nama: B
    bobot: 40
"""


def q(code: str, indicator: str = "", extra: str = "", points: int = 1) -> str:
    indicator = indicator or code.split(".")[0]
    return textwrap.indent(
        f"""\
- kode: {code}
  indikator: {indicator}
  teks: Pertanyaan {code}?
  definisi_operasional: Definisi.
  dasar_hukum: UU 14/2008 Pasal 9
  tipe: ya_tidak
  poin: {points}
  rekomendasi: Lengkapi.
{extra}""",
        "  ",
    )


def _problems(tmp_path: Path, text: str, name: str = "uji.yaml", **others: str) -> list[str]:
    for other, content in others.items():
        (tmp_path / other.replace("__", ".")).write_text(content, encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        with pytest.raises(QuestionnaireError) as caught:
            load_document(Path(name))
    finally:
        os.chdir(cwd)
    return [str(p) for p in caught.value.problems]


GOOD_QUESTIONS = "pertanyaan:\n" + q("AA.1.1") + q("BB.1.1")


def test_a_valid_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "uji.yaml"
    path.write_text(HEAD + INDICATORS + GOOD_QUESTIONS, encoding="utf-8")
    loaded = load_questionnaire(path)
    assert [x.code for x in loaded.questions] == ["AA.1.1", "BB.1.1"]
    assert loaded.rule_set == "ki-pusat"
    assert loaded.content_hash.startswith("sha256:")


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        (
            "Q1 indicator weights",
            HEAD + INDICATORS.replace("bobot: 40", "bobot: 35") + GOOD_QUESTIONS,
            ["uji.yaml, baris 8 (indikator): jumlah bobot indikator adalah 95, bukan 100. Sesuaikan 'bobot' agar berjumlah tepat 100."],
        ),
        (
            "Q2 duplicate question code",
            HEAD + INDICATORS + GOOD_QUESTIONS + q("AA.1.1"),
            ["uji.yaml, baris 32 (pertanyaan[2].kode): kode pertanyaan 'AA.1.1' dipakai lebih dari sekali. Setiap kode harus unik; ganti salah satunya."],
        ),
        (
            "Q3 unknown indicator",
            HEAD + INDICATORS + GOOD_QUESTIONS + q("CC.1.1"),
            ["uji.yaml, baris 33 (pertanyaan[2].indikator): pertanyaan CC.1.1 menyebut indikator 'CC' yang tidak ada. Gunakan salah satu kode di 'indikator'."],
        ),
        (
            "Q3 code prefix",
            HEAD + INDICATORS + GOOD_QUESTIONS + q("AA.1.2", indicator="BB"),
            ["uji.yaml, baris 32 (pertanyaan[2].kode): kode pertanyaan 'AA.1.2' tidak diawali kode indikatornya 'BB.'. Ubah kode menjadi 'BB.…' agar mudah dilacak."],
        ),
        (
            "Q4 indicator without points",
            HEAD + INDICATORS + "pertanyaan:\n" + q("AA.1.1") + q("BB.1.1", points=0),
            ["uji.yaml, baris 9 (indikator[0].kode): indikator 'BB' tidak memiliki pertanyaan yang bernilai poin. Tambahkan pertanyaan atau hapus indikator ini.".replace("[0]", "[1]").replace("baris 9", "baris 12")],
        ),
        (
            "Q5 condition names an unknown question",
            HEAD + INDICATORS + GOOD_QUESTIONS + q("AA.1.2", extra="  syarat:\n    pertanyaan: AA.9.9\n    jawaban: [Ya]\n"),
            ["uji.yaml, baris 41 (pertanyaan[2].syarat.pertanyaan): syarat pertanyaan AA.1.2 menyebut pertanyaan 'AA.9.9' yang tidak ada. Periksa kode di 'syarat.pertanyaan'."],
        ),
        (
            "Q5 condition names a scored question",
            HEAD + INDICATORS + GOOD_QUESTIONS + q("AA.1.2", extra="  syarat:\n    pertanyaan: AA.1.1\n    jawaban: [Ya]\n"),
            [
                "uji.yaml, baris 41 (pertanyaan[2].syarat.pertanyaan): syarat pertanyaan AA.1.2 menyebut pertanyaan 'AA.1.1' yang bernilai poin. "
                "Pertanyaan syarat harus bernilai 0 poin (pertanyaan cakupan) agar memenuhi satu butir tidak pernah menurunkan nilai. "
                "Jadikan 'AA.1.1' bernilai 0 poin atau pilih pertanyaan syarat lain."
            ],
        ),
        (
            "Q5 condition answer not offered",
            HEAD + INDICATORS + GOOD_QUESTIONS + q("AA.1.0", points=0) + q("AA.1.2", extra="  syarat:\n    pertanyaan: AA.1.0\n    jawaban: [Mungkin]\n"),
            ["uji.yaml, baris 50 (pertanyaan[3].syarat.jawaban): syarat pertanyaan AA.1.2 menyebut jawaban 'Mungkin' yang tidak tersedia. Gunakan 'Ya' atau 'Tidak'."],
        ),
        (
            "unknown key with a suggestion",
            HEAD + INDICATORS.replace("bobot: 40", "bobbot: 40") + GOOD_QUESTIONS,
            [
                "uji.yaml, baris 12 (indikator[1]): kunci wajib 'bobot' tidak ada. Tambahkan 'bobot: ...'.",
                "uji.yaml, baris 14 (indikator[1].bobbot): kunci 'bobbot' tidak dikenal. Mungkin maksud Anda 'bobot'?",
            ],
        ),
        (
            "YAML 1.1 boolean key stays text",
            HEAD + "no: 1\n" + INDICATORS + GOOD_QUESTIONS,
            ["uji.yaml, baris 8 (no): kunci 'no' tidak dikenal. Hapus kunci ini atau periksa ejaannya."],
        ),
        (
            "unknown answer type",
            HEAD + INDICATORS + GOOD_QUESTIONS.replace("tipe: ya_tidak", "tipe: pilih", 1),
            ["uji.yaml, baris 21 (pertanyaan[0].tipe): tipe 'pilih' tidak dikenal. Gunakan 'ya_tidak', 'pilihan', 'daftar' atau 'angka'."],
        ),
        (
            "a wrong value names the rule",
            HEAD + INDICATORS + GOOD_QUESTIONS.replace("kode: AA.1.1", "kode: aa-1", 1).replace("poin: 1", "poin: banyak", 1),
            [
                "uji.yaml, baris 16 (pertanyaan[0].kode): nilai 'kode' tidak sah: bentuknya tidak sesuai; tulis kode bertingkat seperti 'JI.2.3': kode indikator, lalu 1–3 nomor dipisah titik.",
                "uji.yaml, baris 22 (pertanyaan[0].poin): nilai 'poin' tidak sah: harus berupa angka.",
            ],
        ),
        (
            "Q8 ranges overlap",
            HEAD + INDICATORS + GOOD_QUESTIONS
            + q("AA.1.2").replace("tipe: ya_tidak", "tipe: angka").replace("    poin: 1\n", "    rentang:\n      - {dari: 0, sampai: 10, poin: 2}\n      - {dari: 5, poin: 1}\n"),
            ["uji.yaml, baris 40 (pertanyaan[2].rentang[1].dari): rentang ke-2 tumpang tindih atau tidak berurutan. Urutkan rentang dari kecil ke besar; 'dari' tidak boleh kurang dari 'sampai' rentang sebelumnya."],
        ),
        (
            "version format",
            HEAD.replace("2025081501", "2025") + INDICATORS + GOOD_QUESTIONS,
            ["uji.yaml, baris 6 (versi): versi 2025 tidak berbentuk yyyymmddrr (misalnya 2025081501). Tulis tanggal terbit dan nomor revisi."],
        ),
        (
            "every problem at once",
            HEAD + INDICATORS.replace("bobot: 40", "bobot: 50") + GOOD_QUESTIONS.replace("teks: Pertanyaan AA.1.1?", "teks:", 1) + q("BB.1.1"),
            [
                "uji.yaml, baris 8 (indikator): jumlah bobot indikator adalah 110, bukan 100. Sesuaikan 'bobot' agar berjumlah tepat 100.",
                "uji.yaml, baris 18 (pertanyaan[0].teks): nilai 'teks' tidak sah: harus berupa teks.",
                "uji.yaml, baris 32 (pertanyaan[2].kode): kode pertanyaan 'BB.1.1' dipakai lebih dari sekali. Setiap kode harus unik; ganti salah satunya.",
            ],
        ),
    ],
)
def test_questionnaire_errors(tmp_path: Path, case: str, text: str, expected: list[str]) -> None:
    assert _problems(tmp_path, text) == expected, case


RULES = """\
id: uji-aturan
nama: Aturan uji
komisi: Komisi Informasi Uji
aturan:
  tahap:
    - {kode: saq, nama: SAQ, bobot: 70}
    - {kode: presentasi, nama: Presentasi, bobot: 30}
  kualifikasi:
    - {kode: baik, nama: Baik, batas_bawah: 50}
    - {kode: buruk, nama: Buruk, batas_bawah: 0}
"""


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("Q1 stage weights", RULES.replace("bobot: 30", "bobot: 20"), ["aturan.yaml, baris 5 (aturan.tahap): jumlah bobot tahap adalah 90, bukan 100. Sesuaikan 'bobot' agar berjumlah tepat 100."]),
        ("Q7 first stage", RULES.replace("kode: saq", "kode: mandiri"), ["aturan.yaml, baris 6 (aturan.tahap[0].kode): tahap pertama adalah 'mandiri', bukan 'saq'. Tahap pertama harus penilaian mandiri dengan kode 'saq'."]),
        (
            "Q6 bands must fall to 0",
            RULES.replace("batas_bawah: 0", "batas_bawah: 10"),
            ["aturan.yaml, baris 8 (aturan.kualifikasi): batas bawah kualifikasi tidak turun secara tegas hingga 0. Tulis kualifikasi dari yang tertinggi ke terendah (misalnya 90, 80, 60, 40, 0); yang terakhir harus 0."],
        ),
        (
            "Q6 bands in ascending order",
            RULES.replace("batas_bawah: 50", "batas_bawah: 0", 1).replace("{kode: buruk, nama: Buruk, batas_bawah: 0}", "{kode: buruk, nama: Buruk, batas_bawah: 50}"),
            ["aturan.yaml, baris 8 (aturan.kualifikasi): batas bawah kualifikasi tidak turun secara tegas hingga 0. Tulis kualifikasi dari yang tertinggi ke terendah (misalnya 90, 80, 60, 40, 0); yang terakhir harus 0."],
        ),
        (
            "preset note without a reason",
            RULES + "  keterangan:\n    - butir: gerbang\n      status: preset\n",
            ["aturan.yaml, baris 12 (aturan.keterangan[0].alasan): keterangan 'gerbang' berstatus preset tetapi tanpa 'alasan'. Tuliskan alasan nilai preset ini."],
        ),
    ],
)
def test_rule_set_errors(tmp_path: Path, case: str, text: str, expected: list[str]) -> None:
    assert _problems(tmp_path, text, name="aturan.yaml") == expected, case


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("alias bomb", 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n', "uji.yaml, baris 1: alias/anchor YAML ('&' atau '*') tidak diizinkan. Tulis isinya secara lengkap, atau gunakan 'sertakan' untuk berbagi isi."),
        ("unknown tag", "id: !!python/object:os.system echo\n", "uji.yaml, baris 1: tag YAML 'tag:yaml.org,2002:python/object:os.system' tidak diizinkan. Hapus tag tersebut; tulis nilainya sebagai teks atau angka biasa."),
        ("local tag", "id: !rahasia x\n", "uji.yaml, baris 1: tag YAML '!rahasia' tidak diizinkan. Hapus tag tersebut; tulis nilainya sebagai teks atau angka biasa."),
        ("syntax", "id: [uji\njudul: x\n", "uji.yaml, baris 2: sintaks YAML tidak sah: tanda ']' penutup daftar tidak ditemukan. Periksa indentasi, tanda titik dua dan tanda kutip di sekitar baris ini."),
        ("duplicate key", "id: a\nid: b\n", "uji.yaml, baris 2: kunci 'id' ditulis lebih dari sekali. Hapus salah satunya."),
        ("not a mapping", "- a\n- b\n", "uji.yaml, baris 1: isi berkas harus berupa pemetaan kunci: nilai (misalnya 'id: ...'). Periksa baris pertama berkas."),
        ("include missing", HEAD + "sertakan: [_tidak-ada.yaml]\n", "uji.yaml, baris 8: berkas yang disertakan '_tidak-ada.yaml' tidak ditemukan. Periksa nama di 'sertakan'; jalurnya relatif terhadap berkas ini."),
        ("include itself", HEAD + "sertakan: [uji.yaml]\n", "uji.yaml, baris 8: 'uji.yaml' menyertakan dirinya sendiri secara melingkar. Hapus salah satu 'sertakan' dalam lingkaran itu."),
        ("unknown rule set", HEAD.replace("aturan: ki-pusat", "aturan: ki-bulan") + INDICATORS + GOOD_QUESTIONS, "uji.yaml, baris 7: aturan 'ki-bulan' tidak ditemukan. Gunakan jalur berkas atau salah satu id: " + ", ".join(s.id for s in shipped_rule_sets()) + "."),
    ],
)
def test_hostile_or_broken_yaml(tmp_path: Path, case: str, text: str, expected: str) -> None:
    assert _problems(tmp_path, text)[0] == expected, case


def test_include_and_exclude_with_lines_in_the_included_file(tmp_path: Path) -> None:
    shared = INDICATORS + "pertanyaan:\n" + q("AA.1.1") + q("BB.1.1") + q("BB.1.2").replace("poin: 1", "poin: x")
    text = HEAD + "sertakan: [_bersama.yaml]\npertanyaan:\n" + q("AA.2.1").replace("poin: 1", "poin: -1")
    assert _problems(tmp_path, text, _bersama__yaml=shared) == [
        "_bersama.yaml, baris 31 (pertanyaan[2].poin): nilai 'poin' tidak sah: harus berupa angka.",
        "uji.yaml, baris 16 (pertanyaan[0].poin): nilai 'poin' tidak sah: minimal 0.",
    ]
    fixed = text.replace("poin: -1", "poin: 1") + "kecualikan: [BB.1.2]\n"
    (tmp_path / "uji.yaml").write_text(fixed, encoding="utf-8")
    loaded = load_questionnaire(tmp_path / "uji.yaml")
    assert [x.code for x in loaded.questions] == ["AA.1.1", "BB.1.1", "AA.2.1"]


def test_exclude_unknown_code(tmp_path: Path) -> None:
    shared = INDICATORS + "pertanyaan:\n" + q("AA.1.1") + q("BB.1.1")
    text = HEAD + "sertakan: [_bersama.yaml]\nkecualikan: [AA.7.7]\n"
    assert _problems(tmp_path, text, _bersama__yaml=shared) == [
        "uji.yaml, baris 9: 'kecualikan' menyebut pertanyaan 'AA.7.7' yang tidak ada di berkas yang disertakan. Periksa kodenya atau hapus dari 'kecualikan'."
    ]


def test_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "besar.yaml"
    path.write_text("a: " + "x" * (2 * 1024 * 1024 + 1), encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    assert str(caught.value).endswith("besar.yaml: berkas lebih besar dari batas 2 MB. Periksa apakah berkas yang dipilih benar.")


def test_unknown_shipped_id() -> None:
    with pytest.raises(QuestionnaireError, match="kuesioner 'ki-bulan-2025' tidak ditemukan"):
        load_questionnaire("ki-bulan-2025")


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        ("ki-pusat-2025-kementrian", " Mungkin maksud Anda 'ki-pusat-2025-kementerian'?"),
        ("KI-PUSAT-2025-BUMN", " Mungkin maksud Anda 'ki-pusat-2025-bumn'?"),
        ("ki-pusat-2024-partai-politik", " Mungkin maksud Anda 'ki-pusat-2025-partai-politik'?"),
        ("kuesioner-saya", ""),
    ],
)
def test_an_unknown_id_names_the_closest_shipped_edition(given: str, hint: str) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(given)
    assert str(caught.value.problems[0]).startswith(f"{given}: kuesioner '{given}' tidak ditemukan.{hint} Gunakan jalur berkas atau salah satu id: ")


@pytest.mark.parametrize(("given", "hint"), [("ki-jatm", " Mungkin maksud Anda 'ki-jatim'?"), ("kid-diy2025", " Mungkin maksud Anda 'kid-diy-2025'?"), ("aturan-kami", "")])
def test_an_unknown_rule_set_names_the_closest_shipped_one(given: str, hint: str) -> None:
    known = ", ".join(s.id for s in shipped_rule_sets())
    with pytest.raises(QuestionnaireError) as caught:
        load_rule_set(given)
    assert str(caught.value.problems[0]) == f"{given}: aturan '{given}' tidak ditemukan.{hint} Gunakan jalur berkas atau salah satu id: {known}."


def test_shipped_rule_sets_load() -> None:
    assert [load_rule_set(x).rules.gate for x in ("ki-pusat", "ki-dki-jakarta")] != [None, None]
    assert load_rule_set("ki-kaltim").rules.gate is None


def test_workbooks_of_a_rule_set_template_share_one_edition(tmp_path: Path) -> None:
    """The reader applies the rule set a workbook names once per process (by instance, not by content hash)."""
    from kipmonev.model.submission import BodyIdentity, Submission
    from kipmonev.outputs.fill import write_filled
    from kipmonev.sources.loader import with_rule_set
    from kipmonev.sources.reader import read_submission

    q = with_rule_set(load_questionnaire("ki-pusat-2025-kementerian"), load_rule_set("ki-sumbar-2025"))
    files = [write_filled(q, Submission(questionnaire_id=q.id, body=BodyIdentity(id=f"KEM-0{i}", name=f"Kementerian {i}")), tmp_path / f"{i}.xlsx") for i in (1, 2)]
    (first, _), (second, _) = (read_submission(f) for f in files)
    assert first is second
    assert (first.rule_set, first.content_hash, first.model_dump_json()) == ("ki-sumbar-2025", q.content_hash, q.model_dump_json())


def test_a_rule_set_file_is_read_once_until_it_changes(tmp_path: Path) -> None:
    rules = tmp_path / "aturan-uji.yaml"
    shipped = next(s.path for s in shipped_rule_sets() if s.id == "ki-sumbar-2025")
    text = shipped.read_text(encoding="utf-8")
    rules.write_text(text, encoding="utf-8")
    before = load_rule_set(rules)
    assert load_rule_set(rules) is before
    rules.write_text(text.replace("komisi: Komisi Informasi Provinsi Sumatera Barat", "komisi: Komisi Informasi Uji"), encoding="utf-8")
    os.utime(rules, ns=(rules.stat().st_atime_ns, rules.stat().st_mtime_ns + 1_000_000))  # a coarse clock cannot hide the edit
    after = load_rule_set(rules)
    assert (before.commission, after.commission) == ("Komisi Informasi Provinsi Sumatera Barat", "Komisi Informasi Uji")
