"""The edition's evidence keys: ``batas_ukuran_bukti_mb`` (size limit per file) and a question's ``periode``.

Both are read by the evidence rules (B3, B5 in :mod:`kipmonev.sources.evidence`) instead of parameters;
an edition that uses neither keeps its content hash, so templates already sent out still read.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from cli_runner import run
from evidence_files import text_pdf

from kipmonev import QuestionnaireError
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.outputs.questionnaire_xlsx import write_questionnaire_xlsx
from kipmonev.sources.loader import load_questionnaire
from kipmonev.sources.questionnaire_xlsx import import_questionnaire_with_warnings

COMMON = "definisi_operasional: D.\n    dasar_hukum: UU 14/2008\n    rekomendasi: R.\n    bukti: dokumen"


def _yaml(head: str = "", aa: str = "", bb: str = "") -> str:
    return f"""\
id: uji-bukti
judul: Uji
komisi: KI Uji
tahun: 2025
kategori: Uji
versi: 2025010101
aturan: ki-pusat
{head}indikator:
  - {{kode: AA, nama: A, bobot: 60}}
  - {{kode: BB, nama: B, bobot: 40}}
pertanyaan:
  - kode: AA.1.1
    indikator: AA
    teks: Laporan layanan informasi?
    tipe: ya_tidak
    poin: 1
    {COMMON}
{aa}  - kode: BB.1.1
    indikator: BB
    teks: SK PPID?
    tipe: ya_tidak
    poin: 1
    {COMMON}
{bb}"""


def _edition(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "uji.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_edition_without_the_keys_keeps_its_hash_and_the_keys_enter_it(tmp_path: Path) -> None:
    plain = load_questionnaire(_edition(tmp_path, _yaml()))
    spelled_default = load_questionnaire(_edition(tmp_path, _yaml(head="batas_ukuran_bukti_mb: 2\n")))
    assert (plain.evidence_max_mb, plain.questions[0].period) == (Decimal(2), None)
    assert spelled_default.content_hash == plain.content_hash  # 2 MB written out is the default
    with_limit = load_questionnaire(_edition(tmp_path, _yaml(head="batas_ukuran_bukti_mb: 5\n")))
    with_period = load_questionnaire(_edition(tmp_path, _yaml(aa="    periode: 2024\n")))
    assert len({plain.content_hash, with_limit.content_hash, with_period.content_hash}) == 3
    # Shipped editions do not use them: the hash pinned before the keys existed still holds.
    assert load_questionnaire("ki-pusat-2025-bumn").content_hash == "sha256:294039b3821c335e1273be866e5b6c8cb78e60ca34b7f152e57ec9416043e6f4"


@pytest.mark.parametrize(
    ("head", "aa", "expected"),
    [
        ("batas_ukuran_bukti_mb: 0\n", "", ["uji.yaml, baris 8 (batas_ukuran_bukti_mb): nilai 'batas_ukuran_bukti_mb' tidak sah: harus lebih dari 0."]),
        ("batas_ukuran_bukti_mb: 500\n", "", ["uji.yaml, baris 8 (batas_ukuran_bukti_mb): nilai 'batas_ukuran_bukti_mb' tidak sah: maksimal 100."]),
        ("batas_ukuran_bukti_mb: dua\n", "", ["uji.yaml, baris 8 (batas_ukuran_bukti_mb): nilai 'batas_ukuran_bukti_mb' tidak sah: harus berupa angka."]),
        (
            "",
            "    periode: 2026\n",
            [
                "uji.yaml, baris 21 (pertanyaan[0].periode): 'periode' AA.1.1 adalah 2026, sesudah tahun penilaian edisi ini (2025). "
                "Periode adalah tahun yang harus dicakup dokumen buktinya, misalnya laporan tahun sebelumnya (2024). Tulis tahun yang sudah berjalan, atau hapus 'periode'."
            ],
        ),
        ("", "    periode: tahun lalu\n", ["uji.yaml, baris 21 (pertanyaan[0].periode): nilai 'periode' tidak sah: harus berupa bilangan bulat."]),
        ("", "    periode: 1999\n", ["uji.yaml, baris 21 (pertanyaan[0].periode): nilai 'periode' tidak sah: minimal 2008."]),
    ],
    ids=["limit-zero", "limit-too-large", "limit-text", "period-after-year", "period-text", "period-too-early"],
)
def test_each_wrong_value_has_its_located_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, head: str, aa: str, expected: list[str]) -> None:
    path = _edition(tmp_path, _yaml(head=head, aa=aa))
    monkeypatch.chdir(tmp_path)  # messages name a file relative to the working folder when it is near (core/fileio.display_path)
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    assert [str(p) for p in caught.value.problems] == expected


def test_the_authoring_spreadsheet_carries_both_keys(tmp_path: Path) -> None:
    q = load_questionnaire(_edition(tmp_path, _yaml(head="batas_ukuran_bukti_mb: 1.5\n", aa="    periode: 2024\n")))
    back, _ = import_questionnaire_with_warnings(write_questionnaire_xlsx(q, tmp_path / "k.xlsx"))
    assert (back.evidence_max_mb, back.questions[0].period, back.questions[1].period, back.content_hash) == (q.evidence_max_mb, 2024, None, q.content_hash)


def test_check_uses_the_editions_limit_and_period(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    edition = _edition(tmp_path, _yaml(head="batas_ukuran_bukti_mb: 1.5\n", aa="    periode: 2024\n"))
    q = load_questionnaire(edition)
    answers = {"AA.1.1": Answer(value="Ya", evidence=("laporan-2023.pdf",)), "BB.1.1": Answer(value="Ya", evidence=("sk.pdf",))}
    body = BodyIdentity(id="UJI-01", name="Badan Uji", category="Uji", year=2025)
    write_filled(q, Submission(questionnaire_id=q.id, body=body, answers=answers), tmp_path / "isian.xlsx")
    Path("bukti").mkdir()
    (Path("bukti") / "laporan-2023.pdf").write_bytes(text_pdf("Laporan 2023"))
    (Path("bukti") / "sk.pdf").write_bytes(text_pdf("SK", pad_to=1_700_000))  # 1,7 MB: within 2 MB, over this edition's 1,5
    code, out, _ = run("check", "isian.xlsx", "-k", str(edition), "--evidence", "bukti")
    problems = [line for line in out.splitlines() if line.startswith("- ")]
    assert problems == [
        "- isian.xlsx, Kuesioner!G6: berkas bukti 'laporan-2023.pdf' untuk AA.1.1 menyebut tahun 2023 (pada nama berkas), padahal dokumennya harus mencakup periode 2024. "
        "Pastikan dokumen yang dilampirkan adalah dokumen periode 2024.",
        "- isian.xlsx, Kuesioner!G8: berkas bukti 'sk.pdf' untuk BB.1.1 berukuran 1,7 MB, melebihi batas 1,5 MB per pertanyaan. "
        "Perkecil PDF-nya (misalnya pindai ulang dengan resolusi lebih rendah atau kompres), lalu ganti berkas ini.",
    ]
    assert code == 1
    assert [x for x in out.splitlines() if x.startswith("Nilai mandiri")] == [x for x in run("check", "isian.xlsx", "-k", str(edition))[1].splitlines() if x.startswith("Nilai mandiri")]
