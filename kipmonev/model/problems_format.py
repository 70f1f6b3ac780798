"""Problems with the questionnaire format's newer keys and with numbers as people type them (``KM-F-…``).

The model, the scoring engine and the workbook reader all say these, so the catalogue sits in the lowest
layer that needs it.
"""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

PERCENT_OUT_OF_RANGE = Entry(
    "KM-F-001",
    ERROR,
    "jawaban {value} untuk {code} berada di luar 0–100. {code} menanyakan persentase, yang bernilai 0 sampai 100. Isi persentase antara 0 dan 100, misalnya 75.",
)
SCALE_TOP = Entry(
    "KM-F-002",
    ERROR,
    "tingkat tertinggi 'skala_verifikasi' {code} bernilai {top}, sedangkan poin maksimum pertanyaannya {max}. Poin tingkat tertinggi harus sama dengan poin maksimum pertanyaan, agar nilai mandiri dan nilai verifikasi sebanding. Samakan keduanya.",
)
SUBSTITUTE_LABEL_TAKEN = Entry(
    "KM-F-003",
    ERROR,
    "label bukti pengganti {code} '{label}' sama dengan jawaban biasa. Label bukti pengganti harus berbeda dari 'Ya', 'Tidak' dan 'Tidak Berlaku'. Tulis label lain, misalnya 'Ya, dengan surat pernyataan'.",
)
GROUP_INDICATOR = Entry(
    "KM-F-004",
    ERROR,
    "kelompok '{group}' diawali kode indikator '{indicator}' yang tidak ada. Kode kelompok diawali kode indikatornya. Perbaiki kode kelompok atau tambahkan indikatornya.",
)
GROUP_IS_QUESTION = Entry(
    "KM-F-005",
    ERROR,
    "kode kelompok '{group}' juga dipakai sebuah pertanyaan. Kelompok dan pertanyaan memakai kode yang berbeda. Ganti kode kelompok atau kode pertanyaannya.",
)
GROUP_EMPTY = Entry(
    "KM-F-006",
    ERROR,
    "kelompok '{group}' tidak memuat pertanyaan. Sebuah kelompok memuat pertanyaan yang kodenya diawali kode kelompok itu. Hapus kelompok ini atau perbaiki kodenya.",
)
DIRECT_INDICATOR = Entry(
    "KM-F-007",
    ERROR,
    "bobot indikator {indicator} adalah {weight}, tetapi poin pertanyaannya berjumlah {total} ({parts}). Dengan 'poin_langsung' bobot indikator sama dengan jumlah poin pertanyaannya dan tidak dibobot ulang. Periksa baris yang ganda atau poin yang salah ketik, lalu samakan bobot dengan jumlah poin.",
)
DIRECT_TOTAL = Entry(
    "KM-F-008",
    ERROR,
    "poin semua pertanyaan berjumlah {total}, bukan 100. Dengan 'poin_langsung' poin butir dijumlahkan langsung menjadi nilai 0–100 dan tidak dinormalkan. Periksa baris yang ganda atau poin yang salah ketik.",
)
SCALE_ON_CHECKLIST = Entry(
    "KM-F-009",
    ERROR,
    "{code} bertipe 'daftar' dan memakai 'skala_verifikasi'. Skala verifikasi berlaku untuk tipe 'ya_tidak', 'pilihan' dan 'angka'; butir daftar diverifikasi satu per satu. Hapus 'skala_verifikasi' atau ubah tipenya.",
)
PERIOD_AFTER_YEAR = Entry(
    "KM-F-010",
    ERROR,
    "'periode' {code} adalah {period}, sesudah tahun penilaian edisi ini ({year}). Periode adalah tahun yang harus dicakup dokumen buktinya, misalnya laporan tahun sebelumnya ({previous}). Tulis tahun yang sudah berjalan, atau hapus 'periode'.",
)

# --- reasons in results (not problems) ---------------------------------------------------------------

WHY_NO_SUBSTITUTE_EVIDENCE = Text("Bukti pengganti ({name}) berupa {need} wajib dilampirkan; jawaban tidak dihitung penuh.")
WHY_INCOMPLETE_VOIDS = Text("Ketidaklengkapan menghilangkan nilai nomor ini: poin hanya diberikan bila semua butir terpenuhi.")
