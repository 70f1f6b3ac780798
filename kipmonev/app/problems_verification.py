"""Problems of verification in a round: what only the commission's verifiers may decide."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, WARNING, Entry, Text

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

NOT_A_PACK = Entry(
    "KM-V-010",
    ERROR,
    "berkas ini bukan paket verifikasi (Metadata tidak menyebut paket_verifikasi). Kumpulkan paket yang ditulis "
    "kipmonev round verify-pack; isian badan publik diterima dengan kipmonev round receive.",
)
PACK_UNKNOWN_BODY = Entry("KM-V-011", ERROR, "paket ini untuk badan publik '{body}' yang tidak ada di daftar putaran. Periksa apakah paket berasal dari putaran ini.")
PACK_AFTER_PENETAPAN = Entry(
    "KM-V-052",
    ERROR,
    "hasil {body} sudah ditetapkan dalam pleno dengan SK {sk}; putusan verifikasi tidak dicatat lagi sesudah penetapan. "
    "Hasil yang sudah ditetapkan hanya berubah dengan koreksi: kipmonev round correct.",
)
DECIDED_AFTER_PENETAPAN = Entry(
    "KM-V-053",
    ERROR,
    "hasil {body} sudah ditetapkan dalam pleno dengan SK {sk}; putusan pleno atas beda verifikasi tidak dicatat lagi. "
    "Hasil yang sudah ditetapkan hanya berubah dengan koreksi: kipmonev round correct.",
)
PACK_OTHER_VERSION = Entry(
    "KM-V-012",
    ERROR,
    "paket ini dibuat untuk isian {pack_file} ({pack_sha}), sedangkan versi berlaku {body} sekarang {current_file} ({current_sha}). "
    "Putusan verifikasi hanya berlaku atas versi yang dinilai; buat paket baru dengan kipmonev round verify-pack dan verifikasi ulang.",
)
PACK_ANSWERS_EDITED = Entry(
    "KM-V-013",
    ERROR,
    "jawaban badan publik pada paket berbeda dengan isian yang diterima untuk {count} pertanyaan ({codes}). Kolom badan publik "
    "tidak boleh diubah verifikator; isi hanya kolom Jawaban Verifikasi dan Catatan Verifikator pada paket asli, atau buat paket baru.",
)
PACK_OUTSIDE_SAMPLE = Entry(
    "KM-V-014",
    WARNING,
    "paket pendapat kedua berisi putusan untuk pertanyaan di luar sampel ({codes}); putusan itu tidak dicatat. Sampel: {sample}.",
)
PACK_NOT_ASSIGNED = Entry(
    "KM-V-015",
    WARNING,
    "paket ditulis untuk {pack_verifier}, sedangkan verifikator yang ditugaskan untuk {body} sekarang {verifier}. "
    "Putusan tetap dicatat atas nama {pack_verifier}; periksa apakah penugasan sudah dialihkan.",
)
PACK_NO_VERIFIER = Entry("KM-V-016", ERROR, "paket tidak menyebut verifikatornya (Metadata: verifikator). Buat paket baru dengan kipmonev round verify-pack.")
VERIFIED_WITHOUT_EVIDENCE = Entry(
    "KM-V-020",
    WARNING,
    "{code} diverifikasi '{verdict}', padahal data dukung badan publik {problem}. Periksa kembali bukti sebelum pleno.",
)
EVIDENCE_MISSING = Text("kosong")
EVIDENCE_NOT_ENOUGH = Text("tidak memenuhi syarat ({rule})")
VERDICTS_COPIED = Entry(
    "KM-V-021",
    WARNING,
    "kolom Jawaban Verifikasi sama persis dengan jawaban badan publik pada seluruh {count} pertanyaan. Pastikan setiap "
    "jawaban sungguh diperiksa terhadap data dukung, bukan disalin dari kolom badan publik.",
)
ASSIGNMENT_UNKNOWN = Entry("KM-V-032", ERROR, "'{value}' bukan ID badan publik maupun kategori putaran ini.{suggestion} Perbaiki baris ini.")
ASSIGNMENT_EMPTY = Entry("KM-V-033", ERROR, "baris ini tidak menyebut verifikator. Isi kolom Verifikator atau hapus barisnya.")
ASSIGNMENT_FIRST = Text("penugasan awal dari {file}")
ASSIGNMENT_MOVED = Text("dialihkan dari {old} ({file})")
SUGGEST = Text(" Mungkin maksud Anda '{near}'?")
UNASSIGNED = Entry("KM-V-034", WARNING, "{count} badan publik belum memiliki verifikator ({ids}). Tambahkan baris untuk ID atau kategorinya pada berkas penugasan.")
NO_TEAM = Entry("KM-V-040", ERROR, "pendapat kedua memerlukan sedikitnya dua verifikator; tim saat ini: {team}. Tugaskan verifikator dengan kipmonev round assign.")
NOTHING_TO_SAMPLE = Entry("KM-V-041", ERROR, "belum ada versi berlaku dengan verifikator untuk diambil sampelnya. Terima isian dan tugaskan verifikator lebih dulu.")
SAMPLE_REASON = Text("sampel {percent}% dengan benih {seed}")
RECORD_REASON = Text("paket verifikasi {file}")
NOT_A_CLASH = Entry(
    "KM-V-050", ERROR, "{code} pada {body} tidak memiliki dua putusan yang berbeda atas versi berlaku; pleno hanya memutuskan beda putusan. Lihat kipmonev round verify-status."
)
NOT_A_VERDICT = Entry("KM-V-051", ERROR, "putusan pleno harus salah satu putusan verifikator: {choices}; diberikan '{given}'.")
PACK_SUMMARY = Text("Paket verifikasi ditolak.")
DECIDE_SUMMARY = Text("Putusan pleno tidak dapat dicatat.")
SAMPLE_SUMMARY = Text("Sampel pendapat kedua tidak dapat diambil.")
PACK_WRITTEN_REASON = Text("paket verifikasi {role} untuk {verifier}")
ASSIGNMENT_INVALID = Text("Berkas penugasan memuat {count} baris yang perlu diperbaiki.")
