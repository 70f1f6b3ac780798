"""What counts as an evidence link, what is wrong with one that does not, and the Ringkasan formulas agreeing.

The rule lives in :mod:`kipmonev.engine.links`; the reader, the scoring and the template's formulas all
follow it. The LibreOffice test recalculates a real filled template and compares, cell by cell, the
Hitung sheet's "bukti cukup" with kipmonev's reading of the same text, and the Ringkasan with the score.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from conftest import small_data
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import coordinate_to_tuple
from workbook_helpers import EVIDENCE, fill, libreoffice_resave

from kipmonev import score
from kipmonev.engine.links import evidence_satisfied, is_link, link_fault, split_urls
from kipmonev.model.questionnaire import EvidenceKind, Questionnaire
from kipmonev.model.submission import Answer
from kipmonev.outputs.formulas import summary_layout
from kipmonev.sources.cells import split_evidence
from kipmonev.sources.reader import read_submission
from kipmonev.sources.xlsx import open_xlsx

# (typed text, counts as a link, the problem code for each item)
CASES: list[tuple[str, bool, tuple[str | None, ...]]] = [
    ("https://ppid.contoh.go.id/profil", True, (None,)),
    ("HTTP://PPID.CONTOH.GO.ID", True, (None,)),
    ("lihat https://ppid.contoh.go.id/sk.pdf.", True, (None,)),
    ("https://ppid.contoh.go.id - Profil PPID", True, (None,)),
    ("https://ppid.contoh.go.id (2024).", True, (None,)),
    ("https://a.contoh.go.id,https://b.contoh.go.id", True, (None, None)),
    ("https://a.contoh.go.id\nhttps://b.contoh.go.id", True, (None, None)),
    ("https://ppid/profil; https://ppid.contoh.go.id", True, ("KM-E-104", None)),
    ("ppid.contoh.go.id/profil", False, ("KM-E-100",)),
    ("www.contoh.go.id", False, ("KM-E-100",)),
    ("https//ppid.contoh.go.id", False, ("KM-E-100",)),
    ("https://ppid.sulawesicontoh .go.id/profil", False, ("KM-E-101",)),
    ("https://ppid.contoh.go.id/ dokumen/sk.pdf", False, ("KM-E-101",)),
    ("ftp://ppid.contoh.go.id/sk.pdf", False, ("KM-E-102",)),
    ("https://", False, ("KM-E-103",)),
    ("https:///sk.pdf", False, ("KM-E-103",)),
    ("https://ppid/profil", False, ("KM-E-104",)),
    ("http://localhost:8080/sk.pdf", False, ("KM-E-104",)),
    ("https://.contoh.go.id", False, ("KM-E-104",)),
    ("https://contoh..go.id", False, ("KM-E-104",)),
    ("https://contoh.g", False, ("KM-E-104",)),
    ("http://10.0.0.1/sk.pdf", True, (None,)),
    ("http://10.0.0.x/sk.pdf", False, ("KM-E-104",)),
    ("https://ppid.contoh.go.id.", True, (None,)),
    ("laporan.pdf", False, (None,)),
    ("SK PPID 2024.pdf", False, (None,)),
    ("Bab.II", False, (None,)),
    (";", False, ()),
]


@pytest.mark.parametrize(("text", "counts", "codes"), CASES)
def test_each_text_counts_or_says_what_is_wrong(text: str, counts: bool, codes: tuple[str | None, ...]) -> None:
    items = split_evidence(text)
    assert evidence_satisfied(EvidenceKind.LINK, items) is counts
    assert tuple(f.entry.code if (f := link_fault(item)) else None for item in items) == codes
    assert all(is_link(item) is (link_fault(item) is None and item.lower().startswith(("http://", "https://"))) for item in items)


def _edition(kinds: list[str]) -> Questionnaire:
    common = {"definisi_operasional": "Definisi.", "dasar_hukum": "UU 14/2008 Pasal 9", "rekomendasi": "Lengkapi."}
    questions = [
        {"kode": f"AA.1.{i}", "indikator": "AA", "teks": f"Bukti {i}?", "tipe": "ya_tidak", "poin": 1 + i % 3, "bukti": kind, **common} for i, kind in enumerate(kinds, start=1)
    ]
    data: dict[str, Any] = small_data() | {"id": "uji-tautan", "indikator": [{"kode": "AA", "nama": "Indikator A", "bobot": 100}], "pertanyaan": questions}
    return Questionnaire.model_validate(data)


def test_the_reader_says_at_the_cell_what_is_wrong_and_what_it_costs(tmp_path: Path) -> None:
    texts = ["ppid.contoh.go.id/profil", "https://ppid.sulawesicontoh .go.id/profil", "ftp://ppid.contoh.go.id/sk.pdf", "https://", "https://ppid/profil", "ppid.contoh.go.id/sk"]
    q = _edition(["tautan"] * 5 + ["dokumen"])
    answers = {f"AA.1.{i}": Answer(value="Ya", evidence=(text,)) for i, text in enumerate(texts, start=1)}
    path = fill(tmp_path / "isian.xlsx", q, answers)
    _, submission = read_submission(path, q)
    rows = {row[0].value: row[0].row for row in load_workbook(path)["Kuesioner"].iter_rows(min_col=1, max_col=1) if row[0].value}
    col = "ABCDEFGHIJ"[EVIDENCE - 1]
    cost = " Tautan ini tidak dihitung sebagai bukti dukung, sehingga jawaban 'Ya' untuk {code} tidak diberi nilai."
    expected = [
        ("AA.1.1", "KM-E-100", "'ppid.contoh.go.id/profil' tampak seperti tautan tetapi tidak diawali https://. Awali dengan https://, misalnya https://ppid.contoh.go.id/profil."),
        (
            "AA.1.2",
            "KM-E-101",
            "tautan 'https://ppid.sulawesicontoh .go.id/profil' memuat spasi, sehingga hanya https://ppid.sulawesicontoh yang terbaca sebagai tautan. "
            "Hapus spasi di dalam tautan, misalnya https://ppid.sulawesicontoh.go.id/profil.",
        ),
        (
            "AA.1.3",
            "KM-E-102",
            "tautan 'ftp://ppid.contoh.go.id/sk.pdf' memakai ftp://, yang tidak dapat dibuka di peramban. Tautan bukti dukung diawali https://; "
            "unggah dokumennya ke situs badan publik dan tulis tautannya.",
        ),
        ("AA.1.4", "KM-E-103", "tautan 'https://' tidak memuat alamat situs. Tulis alamat lengkap setelah https://, misalnya https://ppid.contoh.go.id/dokumen.pdf."),
        (
            "AA.1.5",
            "KM-E-104",
            "alamat situs 'ppid' pada tautan 'https://ppid/profil' tidak memuat nama domain yang lengkap (misalnya .go.id). "
            "Tulis alamat situs lengkapnya, misalnya https://ppid.contoh.go.id.",
        ),
    ]
    want = [(code, text + cost.format(code=q_code), f"{path}, Kuesioner!{col}{rows[q_code]}") for q_code, code, text in expected]
    # A document question counts the text as a document name; the warning says how to write the link, at no cost.
    want.append(("KM-E-100", "'ppid.contoh.go.id/sk' tampak seperti tautan tetapi tidak diawali https://. Awali dengan https://, misalnya https://ppid.contoh.go.id/sk.", f"{path}, Kuesioner!{col}{rows['AA.1.6']}"))
    got = [(n.code, n.message, n.where) for n in submission.notices if n.code.startswith("KM-E-") or n.code == "KM-W-055"]
    assert got == want


_PARTS = [
    "https://",
    "http://",
    "HTTPS://",
    "ftp://",
    "ppid.contoh.go.id",
    "ppid",
    "contoh.go.id",
    ".go.id",
    "/profil",
    "/sk.pdf",
    "?id=3",
    " ",
    "  ",
    "\n",
    ";",
    ",",
    ".",
    "..",
    "(2024)",
    "lihat ",
    " - Profil",
    "www.",
    ":8080",
    "\u00a0",
    "\t",
    "'",
    "x",
    "laporan.pdf",
]


def _random_texts(count: int, seed: int) -> list[str]:
    """Cells of one to three near-links (a scheme, a host, a path, a label), often slightly wrong."""
    rng = random.Random(seed)
    schemes = ["https://", "http://", "HTTPS://", "ftp://", "https//", "", "https:/"]
    hosts = ["ppid.contoh.go.id", "10.0.0.1", "10.0.0.x", "1.2.3.²", "ppid", "contoh.go.id.", ".go.id", "contoh..go.id", "a.b", "www.contoh.id", "ppid.sulawesicontoh .go.id", ""]
    paths = ["", "/profil", "/sk.pdf", "/ dokumen.pdf", "?id=3", ":8080/x", "/a,b.pdf", "/"]
    ends = ["", ".", ",", "..", " (2024).", " - Profil", " lihat", "'", "\u00a0"]
    seps = ["\n", ";", " ", ",", "; ", "\n\n", " dan "]

    def one() -> str:
        return rng.choice(["", "", "lihat ", "SK: "]) + rng.choice(schemes) + rng.choice(hosts) + rng.choice(paths) + rng.choice(ends)

    return ["".join(one() + rng.choice(seps) for _ in range(rng.randint(1, 3))).strip() or "x" for _ in range(count)]


@given(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=8).map("".join))
def test_split_urls_finds_what_the_rule_counts(text: str) -> None:
    # Every URL found on one line is one item; none has a line break; what counts has no space.
    for line in text.splitlines():
        for url in split_urls(" ".join(line.replace("\u00a0", " ").split())):
            assert "\n" not in url
            assert (" " in url) is (link_fault(url) is not None and link_fault(url).entry.code == "KM-E-101")  # type: ignore[union-attr]


@pytest.mark.slow
def test_libreoffice_counts_the_same_evidence_as_kipmonev(tmp_path: Path) -> None:
    texts = [text for text, _, _ in CASES] + _random_texts(200, seed=16)
    kinds = ["tautan" if i % 4 else "dokumen" for i in range(len(texts))]
    q = _edition(kinds)
    answers = {f"AA.1.{i}": Answer(value="Ya", evidence=(text,)) for i, text in enumerate(texts, start=1)}
    path = fill(tmp_path / "isian.xlsx", q, answers)
    [resaved] = libreoffice_resave([path], tmp_path / "lo")
    _, submission = read_submission(resaved, q)
    hitung = load_workbook(resaved, data_only=True)["Hitung"]
    header = [c.value for c in hitung[1]]
    ok_col = header.index("bukti cukup")
    by_code = {row[0]: row[ok_col] for row in hitung.iter_rows(min_row=2, values_only=True) if row[0]}
    for question in q.questions:
        text = answers[question.code].evidence[0]
        kipmonev_says = evidence_satisfied(question.evidence, submission.answers[question.code].evidence)
        assert bool(by_code[question.code]) is kipmonev_says, (question.code, question.evidence, text)
    a = score(q, submission)
    with open_xlsx(resaved) as book:
        sheet = book.sheet("Ringkasan")
        layout = summary_layout(q)
        cells = {key: sheet.value(*coordinate_to_tuple(ref)) for key, ref in layout.items()}
    assert (cells["no_evidence"], cells["saq_self"]) == (a.counts.no_evidence, a.saq_self.score)
