"""Shared fixtures: a small questionnaire built in code that uses every answer type, a condition and N/A.

Expensive inputs are session-scoped, so each test process (each pytest-xdist worker) builds them once:
the 210-workbook batch corpus (:func:`batch_corpus`).
"""

from __future__ import annotations

import os
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from benchmarks.corpus import make_corpus
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.sources.loader import load_rule_set, with_rule_set

# CI runs the same examples every time (a fixed budget, reproducible failures); people get fresh ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

LINK = "https://ppid.contoh.go.id/dokumen"


@pytest.fixture(scope="session")
def batch_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """210 filled workbooks of every shipped edition (deterministic), built once per test process.

    Tests only read them; a test that needs a folder of its own links the files it needs into one
    (``make_corpus`` is deterministic, so its first 60 are ``make_corpus(…, 60)``).
    """
    return make_corpus(tmp_path_factory.mktemp("korpus"), 210)


def linked(files: list[Path], folder: Path) -> list[Path]:
    """``files`` hard-linked (copied across file systems) into ``folder``, which holds nothing else."""
    folder.mkdir(parents=True)
    out = []
    for f in files:
        target = folder / f.name
        try:
            target.hardlink_to(f)
        except OSError:
            shutil.copy2(f, target)
        out.append(target)
    return out


def small_data(**rules: Any) -> dict[str, Any]:
    """A 2-indicator edition: A (weight 60) and B (weight 40), 7 questions of every type."""
    base_rules: dict[str, Any] = {
        "tahap": [{"kode": "saq", "nama": "SAQ", "bobot": 70}, {"kode": "presentasi", "nama": "Presentasi", "bobot": 30}],
        "gerbang": {"batas": 60, "jika_tidak_lolos": "nilai_saq"},
        "kualifikasi": [
            {"kode": "informatif", "nama": "Informatif", "batas_bawah": 90},
            {"kode": "menuju_informatif", "nama": "Menuju Informatif", "batas_bawah": 80},
            {"kode": "cukup_informatif", "nama": "Cukup Informatif", "batas_bawah": 60},
            {"kode": "kurang_informatif", "nama": "Kurang Informatif", "batas_bawah": 40},
            {"kode": "tidak_informatif", "nama": "Tidak Informatif", "batas_bawah": 0},
        ],
        "verifikasi_wajib": False,
    }
    base_rules.update(rules)
    common = {"definisi_operasional": "Definisi.", "dasar_hukum": "UU 14/2008 Pasal 9", "rekomendasi": "Lengkapi."}
    return {
        "id": "uji-kecil",
        "judul": "Kuesioner uji",
        "komisi": "Komisi Informasi Uji",
        "tahun": 2025,
        "kategori": "Uji",
        "versi": 2025081501,
        "aturan": base_rules,
        "indikator": [{"kode": "AA", "nama": "Indikator A", "bobot": 60}, {"kode": "BB", "nama": "Indikator B", "bobot": 40}],
        "pertanyaan": [
            {"kode": "AA.1.1", "indikator": "AA", "teks": "Ya/tidak bertautan?", "tipe": "ya_tidak", "poin": 2, "bukti": "tautan", **common},
            {
                "kode": "AA.1.2",
                "indikator": "AA",
                "teks": "Tingkat?",
                "tipe": "pilihan",
                "pilihan": [{"label": "Tidak ada", "poin": 0}, {"label": "Sebagian", "poin": 1}, {"label": "Lengkap", "poin": 3}],
                **common,
            },
            {"kode": "AA.1.3", "indikator": "AA", "teks": "Boleh N/A?", "tipe": "ya_tidak", "poin": 1, "boleh_na": True, **common},
            {
                "kode": "BB.1.1",
                "indikator": "BB",
                "teks": "Daftar?",
                "tipe": "daftar",
                "bukti": "dokumen",
                "butir": [{"kode": "a", "label": "Neraca", "poin": 2}, {"kode": "b", "label": "Arus kas", "poin": 1}, {"kode": "c", "label": "CALK", "poin": 1}],
                **common,
            },
            {
                "kode": "BB.1.2",
                "indikator": "BB",
                "teks": "Hari?",
                "tipe": "angka",
                "satuan": "hari kerja",
                "rentang": [{"dari": 0, "sampai": 10, "poin": 2}, {"dari": 10, "sampai": 17, "poin": 1}, {"dari": 17, "poin": 0}],
                **common,
            },
            {"kode": "BB.2.1", "indikator": "BB", "teks": "Punya unit daerah?", "tipe": "ya_tidak", "poin": 0, **common},
            {"kode": "BB.2.2", "indikator": "BB", "teks": "PPID pelaksana?", "tipe": "ya_tidak", "poin": 2, "syarat": {"pertanyaan": "BB.2.1", "jawaban": ["Ya"]}, **common},
        ],
    }


def small(**rules: Any) -> Questionnaire:
    return Questionnaire.model_validate(small_data(**rules))


FULL_ANSWERS: dict[str, Answer] = {
    "AA.1.1": Answer(value="Ya", evidence=(LINK,)),
    "AA.1.2": Answer(value="Lengkap"),
    "AA.1.3": Answer(value="Ya"),
    "BB.1.1": Answer(value=("a", "b", "c"), evidence=("laporan.pdf",)),
    "BB.1.2": Answer(value=Decimal(5)),
    "BB.2.1": Answer(value="Ya"),
    "BB.2.2": Answer(value="Ya"),
}


def submission(answers: dict[str, Answer] | None = None, verification: dict[str, Answer] | None = None, stages: dict[str, Decimal] | None = None) -> Submission:
    return Submission(
        questionnaire_id="uji-kecil",
        body=BodyIdentity(id="BP-1", name="Badan Uji"),
        answers=FULL_ANSWERS if answers is None else answers,
        verification=verification or {},
        stage_scores=stages or {},
    )


@pytest.fixture
def questionnaire() -> Questionnaire:
    return small()


def with_preset(q: Questionnaire, preset: str) -> Questionnaire:
    return with_rule_set(q, load_rule_set(preset))
