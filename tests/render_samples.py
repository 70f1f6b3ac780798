"""Realistic assessments for report tests and benchmarks: a shipped edition answered deterministically."""

from __future__ import annotations

import random
from decimal import Decimal

from strategies import met

from kipmonev import Answer, Assessment, BodyIdentity, Submission, load_questionnaire, score
from kipmonev.engine.links import is_link
from kipmonev.model.questionnaire import AnyQuestion, ChecklistQuestion, ChoiceQuestion, NumberQuestion, YesNoQuestion

EDITION = "ki-pusat-2025-bumn"


def evidence_url(code: str, year: int) -> str:
    """An evidence link as long as real ones: a PPID page, a section, a file name (~80 characters)."""
    return f"https://ppid.contoh-nusantara.co.id/informasi-publik/{code.lower().replace('.', '-')}/bukti-dukung-{year}.pdf"


def _unmet(q: AnyQuestion, rng: random.Random) -> Answer | None:
    if rng.random() < 0.15:
        return None
    if isinstance(q, YesNoQuestion):
        return Answer(value="Tidak") if rng.random() < 0.6 else Answer(value="Ya")  # "Ya" without evidence
    if isinstance(q, ChoiceQuestion):
        return Answer(value=min(q.options, key=lambda o: o.points).label)
    if isinstance(q, ChecklistQuestion):
        return Answer(value=tuple(i.code for i in q.items[: len(q.items) // 2]), evidence=("dokumen-pendukung.pdf",))
    assert isinstance(q, NumberQuestion)
    worst = min(q.ranges, key=lambda r: r.points)
    return Answer(value=Decimal(worst.low) + 1)


def realistic(
    seed: int = 1,
    *,
    edition: str = EDITION,
    level: float = 0.8,
    verified: bool = True,
    stage: Decimal | None = Decimal("86.5"),
    body: BodyIdentity | None = None,
) -> Assessment:
    """A shipped edition answered at roughly ``level`` (share of items met), verified and presented."""
    q = load_questionnaire(edition)
    rng = random.Random(seed)
    answers: dict[str, Answer] = {}
    verification: dict[str, Answer] = {}
    for question in q.questions:
        good = rng.random() < level
        answer = met(question) if good else _unmet(question, rng)
        if answer is not None and answer.evidence and is_link(answer.evidence[0]):
            answer = answer.model_copy(update={"evidence": (evidence_url(question.code, q.year),)})
        if answer is not None:
            answers[question.code] = answer
        if verified:
            if good and isinstance(question, YesNoQuestion) and rng.random() < 0.15:
                verification[question.code] = Answer(value="Tidak", note="Tautan tidak dapat dibuka saat verifikasi.")
            elif answer is not None:
                verification[question.code] = answer
    identity = body or BodyIdentity(
        id=f"BUMN-{seed:03d}",
        name=f"PT Contoh Nusantara {seed} (Persero)",
        category="BUMN",
        province="DKI Jakarta",
        website="https://www.contoh-nusantara.co.id",
        ppid_name="Sekretaris Perusahaan",
        ppid_email="ppid@contoh-nusantara.co.id",
        year=q.year,
    )
    sub = Submission(
        questionnaire_id=q.id,
        body=identity,
        answers=answers,
        verification=verification if verified else {},
        stage_scores={"presentasi": stage} if stage is not None else {},
    )
    return score(q, sub)


# --- a small, fixed edition for golden files: reviewable, independent of the shipped editions -----

_BANDS = [
    {"kode": "informatif", "nama": "Informatif", "batas_bawah": 90, "warna": "#1b7a3a", "pesan": "Pertahankan dan kembangkan inovasi layanan informasi."},
    {"kode": "menuju_informatif", "nama": "Menuju Informatif", "batas_bawah": 80, "warna": "#5a9e2f", "pesan": "Lengkapi butir pada rencana perbaikan."},
    {"kode": "cukup_informatif", "nama": "Cukup Informatif", "batas_bawah": 60, "warna": "#d4a017"},
    {"kode": "kurang_informatif", "nama": "Kurang Informatif", "batas_bawah": 40, "warna": "#e07b24"},
    {"kode": "tidak_informatif", "nama": "Tidak Informatif", "batas_bawah": 0, "warna": "#b3261e"},
]


def golden_data(**rules: object) -> dict[str, object]:
    """Three indicators (50/30/20), eight questions of every type, notes confirmed and preset."""
    base: dict[str, object] = {
        "tahap": [{"kode": "saq", "nama": "SAQ terverifikasi", "bobot": 80}, {"kode": "presentasi", "nama": "Presentasi", "bobot": 20}],
        "gerbang": {"batas": 60, "jika_tidak_lolos": "nilai_saq"},
        "kualifikasi": _BANDS,
        "verifikasi_wajib": True,
        "keterangan": [
            {"butir": "batas bawah kualifikasi 90/80/60/40/0", "status": "terkonfirmasi", "sumber": "Rentang kualifikasi KI Pusat 2018–2025."},
            {"butir": "bobot tahap SAQ 80 dan presentasi 20", "status": "preset", "alasan": "Bobot resmi tidak dipublikasikan."},
        ],
    }
    base.update(rules)
    law = {"dasar_hukum": "UU 14/2008 Pasal 9 ayat (2)", "rekomendasi": "Umumkan informasi ini di laman PPID."}
    return {
        "id": "uji-laporan",
        "judul": "Kuesioner Uji Laporan 2025",
        "komisi": "Komisi Informasi Uji",
        "tahun": 2025,
        "kategori": "Badan Uji",
        "versi": 2025081501,
        "aturan": base,
        "indikator": [
            {"kode": "JI", "nama": "Jenis Informasi", "bobot": 50},
            {"kode": "SP", "nama": "Sarana dan Prasarana", "bobot": 30},
            {"kode": "PL", "nama": "Pelayanan Informasi", "bobot": 20},
        ],
        "pertanyaan": [
            {"kode": "JI.1.1", "indikator": "JI", "teks": "Apakah profil badan publik diumumkan?", "tipe": "ya_tidak", "poin": 2, "bukti": "tautan",
             "definisi_operasional": "Laman memuat profil lengkap.", **law},
            {"kode": "JI.1.2", "indikator": "JI", "teks": "Laporan keuangan yang diumumkan", "tipe": "daftar", "bukti": "dokumen",
             "butir": [{"kode": "a", "label": "Neraca", "poin": 2}, {"kode": "b", "label": "Laporan arus kas", "poin": 1}, {"kode": "c", "label": "CALK", "poin": 1}],
             "definisi_operasional": "Setiap butir dapat diunduh.", **law},
            {"kode": "JI.1.3", "indikator": "JI", "teks": "Tingkat kelengkapan DIP", "tipe": "pilihan",
             "pilihan": [{"label": "Tidak ada", "poin": 0}, {"label": "Sebagian", "poin": 1}, {"label": "Lengkap", "poin": 3}],
             "definisi_operasional": "DIP ditetapkan dengan SK.", **law},
            {"kode": "SP.1.1", "indikator": "SP", "teks": "Apakah tersedia meja layanan informasi?", "tipe": "ya_tidak", "poin": 1,
             "definisi_operasional": "Meja layanan dengan petugas.", "dasar_hukum": "Perki 1/2021 Pasal 29", "rekomendasi": "Sediakan meja layanan."},
            {"kode": "SP.1.2", "indikator": "SP", "teks": "Apakah tersedia akses bagi penyandang disabilitas?", "tipe": "ya_tidak", "poin": 2, "boleh_na": True,
             "definisi_operasional": "Jalur landai dan petugas pendamping.", "dasar_hukum": "Perki 1/2021 Pasal 29", "rekomendasi": "Sediakan jalur landai."},
            {"kode": "PL.1.1", "indikator": "PL", "teks": "Rata-rata waktu layanan permohonan", "tipe": "angka", "satuan": "hari kerja",
             "rentang": [{"dari": 0, "sampai": 10, "poin": 2}, {"dari": 10, "sampai": 17, "poin": 1}, {"dari": 17, "poin": 0}],
             "definisi_operasional": "Dihitung dari register permohonan.", "dasar_hukum": "UU 14/2008 Pasal 22", "rekomendasi": "Percepat layanan."},
            {"kode": "PL.1.2", "indikator": "PL", "teks": "Apakah ada layanan daring?", "tipe": "ya_tidak", "poin": 1, "bukti": "tautan",
             "definisi_operasional": "Formulir daring berfungsi.", "dasar_hukum": "Perki 1/2021 Pasal 4", "rekomendasi": "Buka layanan daring."},
            {"kode": "PL.1.3", "indikator": "PL", "teks": "Apakah register permohonan diumumkan?", "tipe": "ya_tidak", "poin": 1,
             "definisi_operasional": "Register tahun berjalan.", "dasar_hukum": "UU 14/2008 Pasal 12", "rekomendasi": "Umumkan register."},
        ],
    }


GOLDEN_BODY = BodyIdentity(
    id="BU-01", name="Badan Uji Keterbukaan", category="Badan Uji", province="DKI Jakarta", website="https://ppid.uji.go.id", ppid_name="Sri Wahyuni", year=2025
)
LINK = "https://ppid.uji.go.id/profil"

GOLDEN_ANSWERS: dict[str, Answer] = {
    "JI.1.1": Answer(value="Ya", evidence=(LINK,)),
    "JI.1.2": Answer(value=("a", "b"), evidence=("laporan-keuangan-2024.pdf",)),
    "JI.1.3": Answer(value="Lengkap"),
    "SP.1.1": Answer(value="Ya"),
    "SP.1.2": Answer(not_applicable=True),
    "PL.1.1": Answer(value=Decimal("12.5")),
    "PL.1.2": Answer(value="Ya"),  # no link: not credited
    "PL.1.3": Answer(value="Tidak"),
}


def golden(kind: str = "final", **rules: object) -> Assessment:
    """The golden assessments: ``final`` (verified, presented), ``estimate`` (unverified), ``previous`` (2024)."""
    from kipmonev.model.questionnaire import Questionnaire

    data = golden_data(**rules)
    if kind == "previous":
        data["tahun"] = 2024
    q = Questionnaire.model_validate(data)
    answers = dict(GOLDEN_ANSWERS)
    verification: dict[str, Answer] = {}
    stages: dict[str, Decimal] = {}
    if kind in ("final", "previous"):
        verification = {**answers, "JI.1.1": Answer(value="Tidak", note="Tautan tidak dapat dibuka.")}
        stages = {"presentasi": Decimal("88.5")} if any(s.code == "presentasi" for s in q.rules.stages) else {}
    if kind == "previous":
        verification["JI.1.3"] = Answer(value="Sebagian")
    sub = Submission(questionnaire_id=q.id, body=GOLDEN_BODY, answers=answers, verification=verification, stage_scores=stages)
    # NOTE: a fixed version keeps the goldens stable across kipmonev releases.
    return score(q, sub).model_copy(update={"kipmonev_version": "0.0.0-uji"})
