"""Problems of writing reports and templates (KM-RN, KM-W-014), and the texts writers put into files: drop-downs, column help, the edition diff.

See :mod:`kipmonev.core.catalogue`: templates read ``<what is wrong>. <the rule>. <what to do>.``; the location is put
in front when the problem is shown.
"""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

# NOTE: every KipmonevError carries located problems; this keeps a broken promise from hiding an error.
RENDER_UNLOCATED = Entry("KM-RN-000", ERROR, "{summary} Galat ini tidak menyebut letaknya; laporkan kepada pengelola kipmonev.")
REPORT_WOULD_OVERWRITE = Entry("KM-RN-001", ERROR, "laporan akan menimpa berkas masukan. Pilih folder keluaran lain dengan -o.")
REPORT_WRITE_FAILED = Entry("KM-RN-002", ERROR, "laporan tidak dapat ditulis ({reason}). Periksa izin tulis dan ruang kosong di folder keluaran.")
TEMPLATE_MISSING = Entry("KM-RN-003", ERROR, "templat '{name}' tidak ditemukan. Salin templat bawaan dari folder reports/ ke folder templat Anda, lalu ubah seperlunya.")
TEMPLATE_SYNTAX = Entry("KM-RN-004", ERROR, "sintaks templat tidak sah ({detail}). Perbaiki tanda {{{{ }}}} atau {{% %}} di sekitar baris ini.")
TEMPLATE_FAILED = Entry("KM-RN-005", ERROR, "templat gagal dijalankan ({detail}). Periksa nama variabel dan filter yang dipakai templat.")
TEMPLATE_ASSET_UNSAFE = Entry("KM-RN-006", ERROR, "berkas '{name}' tidak boleh memuat '</style'. Hapus tag HTML dari berkas CSS.")
REPORT_PDF_FAILED = Entry("KM-RN-007", ERROR, "PDF tidak dapat dibuat ({reason}). Periksa templat dan CSS-nya; format html menampilkan isi yang sama.")
OUTPUT_UNWRITABLE = Entry("KM-W-014", ERROR, "berkas '{path}' tidak dapat ditulis ({reason}). Periksa apakah foldernya ada dan berkas tidak sedang dibuka aplikasi lain.")
DROPDOWN_TITLE = Text("Nilai tidak sah")
DROPDOWN_ERROR = Text("Pilih salah satu: {choices}.")
DIFF_TITLE = Text("Perbedaan kuesioner {old} → {new}")
DIFF_NONE = Text("Tidak ada perbedaan isi.")
DIFF_SETTINGS = Text("Pengaturan diubah ({count}):")
DIFF_INDICATORS_ADDED = Text("Indikator ditambahkan ({count}):")
DIFF_INDICATORS_REMOVED = Text("Indikator dihapus ({count}):")
DIFF_INDICATORS_CHANGED = Text("Indikator diubah ({count}):")
DIFF_QUESTIONS_ADDED = Text("Pertanyaan ditambahkan ({count}):")
DIFF_QUESTIONS_REMOVED = Text("Pertanyaan dihapus ({count}):")
DIFF_QUESTIONS_CHANGED = Text("Pertanyaan diubah ({count}):")
DIFF_RULES = Text("Aturan diubah ({count}):")
DIFF_EMPTY_VALUE = Text("(kosong)")

#: Header notes for columns of the questionnaire workbook that the model's field descriptions do not cover.
COLUMN_HELP: dict[str, str] = {
    "kunci": "Nama pengaturan. Jangan diubah.",
    "nilai": "Nilai pengaturan.",
    "penjelasan": "Penjelasan pengaturan; kolom ini tidak dibaca saat impor.",
    "kode_pertanyaan": "Kode pertanyaan (sheet Pertanyaan) yang memiliki pilihan, butir atau rentang ini. Urutan baris adalah urutan pilihan.",
    "kode_butir": "Kode butir, hanya untuk tipe 'daftar', misalnya 'a'.",
    "label": "Teks pilihan (tipe 'pilihan') atau teks butir (tipe 'daftar'). Kosongkan untuk rentang tipe 'angka'.",
    "syarat": "Syarat berlaku, misalnya 'KO.2.1 = Ya'; pisahkan beberapa jawaban dengan ';'. Kosongkan bila selalu berlaku.",
    "poin_pertanyaan": "Poin untuk jawaban 'Ya', hanya untuk tipe 'ya_tidak'. Poin tipe lain ditulis di sheet Pilihan.",
    "batas_lolos": "Gerbang, hanya pada baris tahap pertama: nilai SAQ terverifikasi minimum (termasuk) untuk lolos ke tahap berikutnya. Kosongkan bila semua lanjut.",
    "lingkup": "'aturan' untuk keterangan aturan penilaian, 'edisi' untuk keterangan isi edisi.",
    "pembulatan_tempat_desimal": "Jumlah desimal nilai yang diumumkan (0–4), atau 'tanpa' bila tidak dibulatkan.",
    "pembulatan_mode": "Cara membulatkan: 'setengah_ke_atas' atau 'setengah_genap'.",
}
#: The line on a verifier pack's Kuesioner sheet saying whom it is for and which submission it shows.
PACK_NOTE = Text(
    "Paket verifikasi {body} {name} untuk verifikator {verifier} ({role}); isian {sha}. Kolom badan publik dikunci; "
    "isi hanya kolom Jawaban Verifikasi dan Catatan Verifikator."
)
PACK_ROLE_FIRST = Text("verifikator utama")
#: The locked column of a verifier pack made with --evidence: each item's evidence check result.
PACK_EVIDENCE_HEADING = Text("Hasil Pemeriksaan Bukti (kipmonev)")
PACK_EVIDENCE_LINE = Text("{value}: {finding}")
PACK_EVIDENCE_NOTE = Text("Pemeriksaan bukti: {notes}")
PACK_ROLE_SECOND = Text("pendapat kedua atas {count} pertanyaan sampel")
