"""Problems of verification in a round: what only the commission's verifiers may decide."""

from __future__ import annotations

from kipmonev.core.catalogue import WARNING, Entry

SELF_VERIFICATION = Entry(
    "KM-V-001",
    WARNING,
    "kolom Jawaban Verifikasi pada berkas badan publik berisi jawaban untuk {count} pertanyaan ({codes}). Dalam putaran, "
    "verifikasi ditetapkan oleh verifikator Komisi Informasi, bukan diisi pada berkas badan publik, sehingga jawaban ini "
    "diabaikan dalam penilaian. Badan publik cukup mengisi kolom Jawaban dan Data Dukung.",
)
SELF_STAGE_SCORES = Entry(
    "KM-V-002",
    WARNING,
    "sheet Tahap pada berkas badan publik berisi nilai tahap ({stages}). Dalam putaran, nilai tahap lanjutan berasal dari "
    "panel Komisi Informasi, sehingga nilai ini diabaikan dalam penilaian.",
)
