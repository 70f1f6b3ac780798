"""Problems with a round's own files: ``putaran.yaml``, the roster, the round database, received files."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, WARNING, Entry, Text

# --- putaran.yaml ----------------------------------------------------------------------------
CONFIG_MISSING = Entry("KM-R-001", ERROR, "berkas pengaturan putaran tidak ada. Setiap folder putaran memuat putaran.yaml. Jalankan 'kipmonev round init {folder}' terlebih dahulu.")
CONFIG_SYNTAX = Entry("KM-R-002", ERROR, "berkas tidak dapat dibaca sebagai YAML ({reason}). Pengaturan putaran ditulis sebagai pasangan 'kunci: nilai'. Perbaiki penulisan pada baris ini.")
CONFIG_KEY_MISSING = Entry("KM-R-003", ERROR, "kunci '{key}' belum ada. Kunci ini wajib diisi. Tambahkan '{key}: …'.")
CONFIG_KEY_UNKNOWN = Entry("KM-R-004", ERROR, "kunci '{key}' tidak dikenal. Kunci yang dikenal: {known}. Periksa ejaannya.")
DATE_INVALID = Entry("KM-R-005", ERROR, "tanggal '{value}' tidak dikenali. Tanggal ditulis sebagai 2025-11-23, 23-11-2025, 23/11/2025 atau 23 November 2025. Perbaiki tanggalnya.")
YEAR_INVALID = Entry("KM-R-006", ERROR, "tahun '{value}' tidak sah. Tahun penilaian berupa angka empat digit antara 2008 dan 2100. Perbaiki tahunnya.")
EDITION_UNKNOWN = Entry("KM-R-007", ERROR, "edisi '{value}' untuk kategori {category} tidak ditemukan. Edisi berupa id edisi bawaan (lihat 'kipmonev questionnaires') atau jalur berkas YAML. Perbaiki nama edisinya.")
RULE_SET_UNKNOWN = Entry("KM-R-008", ERROR, "aturan '{value}' tidak ditemukan. Aturan berupa id aturan bawaan ({known}) atau jalur berkas. Perbaiki nama aturannya.")
DEADLINE_ORDER = Entry("KM-R-009", ERROR, "tenggat {later} ({later_date}) jatuh sebelum tenggat {earlier} ({earlier_date}). Tenggat berurutan: pengisian, verifikasi, sanggah. Perbaiki tanggalnya.")
CONFIG_NOT_MAPPING = Entry("KM-R-010", ERROR, "'{key}' harus berisi pasangan 'kunci: nilai'. {rule} Perbaiki isinya.")
CONFIG_TEXT_EMPTY = Entry("KM-R-011", ERROR, "'{key}' kosong. Kunci ini wajib berisi teks. Isi '{key}'.")
EDITION_CATEGORY = Entry("KM-R-012", WARNING, "edisi '{edition}' dibuat untuk kategori {edition_category}, tetapi dipakai untuk kategori {category}. Edisi dipilih per kategori. Periksa pasangan kategori dan edisinya.")

# --- the roster ------------------------------------------------------------------------------
ROSTER_MISSING = Entry("KM-R-020", ERROR, "daftar badan publik tidak ada. Putaran memerlukan daftar badan publik yang diundang. Buat berkasnya atau perbaiki 'daftar' di putaran.yaml.")
ROSTER_COLUMN_MISSING = Entry("KM-R-021", ERROR, "kolom {column} tidak ada pada baris judul. Daftar badan publik memerlukan kolom ID, Nama dan Kategori; Email PPID dan Induk boleh ada. Tambahkan kolomnya.")
ROSTER_ID_EMPTY = Entry("KM-R-022", ERROR, "ID badan publik kosong. Setiap baris memerlukan ID. Isi ID-nya atau hapus barisnya.")
ROSTER_ID_DUPLICATE = Entry("KM-R-023", ERROR, "ID '{id}' sudah dipakai pada {other}. Setiap badan publik memerlukan ID sendiri. Beri ID lain.")
ROSTER_NAME_EMPTY = Entry("KM-R-024", ERROR, "nama badan publik dengan ID '{id}' kosong. Setiap baris memerlukan nama. Isi namanya.")
ROSTER_CATEGORY_UNKNOWN = Entry("KM-R-025", ERROR, "kategori '{value}' tidak ada di putaran.yaml. Kategori putaran ini: {known}. Perbaiki kategorinya atau tambahkan edisinya di putaran.yaml.")
ROSTER_EMAIL_INVALID = Entry("KM-R-026", ERROR, "email PPID '{value}' tidak sah. Email ditulis seperti ppid@contoh.go.id; beberapa email dipisah titik koma. Perbaiki emailnya.")
ROSTER_EMPTY = Entry("KM-R-027", ERROR, "daftar tidak memuat satu pun badan publik. Putaran memerlukan setidaknya satu badan publik. Isi daftar di bawah baris judul.")
ROSTER_ENCODING = Entry("KM-R-028", ERROR, "berkas tidak dapat dibaca sebagai teks UTF-8. Daftar CSV disimpan dalam UTF-8 (dengan atau tanpa BOM). Simpan ulang sebagai 'CSV UTF-8'.")
ROSTER_FORMAT = Entry("KM-R-029", ERROR, "format berkas '{suffix}' tidak didukung untuk daftar badan publik. Daftar berupa .csv atau .xlsx. Simpan ulang dalam salah satu format itu.")
ROSTER_CATEGORY_EMPTY = Entry("KM-R-031", ERROR, "kategori badan publik dengan ID '{id}' kosong. Setiap baris memerlukan kategori. Isi kategorinya.")
ROSTER_PARENT_SELF = Entry("KM-R-030", ERROR, "badan publik '{id}' disebut sebagai induknya sendiri. Induk adalah badan publik lain. Kosongkan atau perbaiki kolom Induk.")

# --- the round database ------------------------------------------------------------------------
STORE_NEWER = Entry("KM-R-060", ERROR, "basis data putaran memakai skema versi {found}, lebih baru dari yang dikenal kipmonev ini (versi {known}). Basis data tidak diubah. Perbarui kipmonev.")
STORE_UNREADABLE = Entry("KM-R-061", ERROR, "basis data putaran tidak dapat dibuka ({reason}). Basis data tidak diubah. Pulihkan salinannya atau hubungi pengelola putaran.")
EVENT_KIND_UNKNOWN = Entry("KM-R-062", ERROR, "jenis peristiwa '{kind}' tidak dikenal. Jenis yang dikenal: {known}. Ini galat program; laporkan.")

# --- received files ------------------------------------------------------------------------------
UNKNOWN_ID = Entry("KM-R-040", WARNING, "ID badan publik '{id}' tidak ada di daftar putaran. Berkas dicatat tetapi tidak dinilai. Periksa ID pada sheet Identitas atau tambahkan badan publik itu ke daftar.")
NO_ID = Entry("KM-R-049", WARNING, "sheet Identitas tidak memuat ID badan publik. Berkas dicatat tetapi tidak dinilai. Isi Kode/ID badan publik seperti pada templat dari Komisi Informasi.")
BLANK_TEMPLATE = Entry("KM-R-041", WARNING, "templat belum diisi: tidak ada satu pun jawaban. Berkas dicatat tetapi tidak dinilai. Kirim templat yang sudah diisi.")
DUPLICATE_FILE = Entry("KM-R-042", WARNING, "isi berkas sama persis dengan {other} yang sudah diterima. Berkas kembar tidak menjadi versi baru. Tidak perlu tindakan.")
ALREADY_RECEIVED = Entry("KM-R-050", WARNING, "berkas ini sudah diterima sebelumnya dengan isi yang sama. Berkas tidak dicatat lagi. Tidak perlu tindakan.")
NOT_WORKBOOK = Entry("KM-R-043", WARNING, "berkas bukan isian kuesioner ({suffix}). Hanya isian .xlsx atau .xlsm yang dinilai. Berkas dicatat tetapi tidak dinilai.")
ROUND_OUTPUT = Entry("KM-R-044", WARNING, "berkas ini keluaran putaran ini sendiri ({what}). Keluaran putaran tidak dinilai. Tidak perlu tindakan.")
NAME_MISMATCH = Entry("KM-R-045", WARNING, "nama badan publik '{given}' berbeda dengan nama di daftar untuk ID '{id}' ('{expected}'). Nama di daftar yang dipakai. Periksa apakah ID-nya benar.")
CATEGORY_MISMATCH = Entry("KM-R-046", WARNING, "kategori '{given}' berbeda dengan kategori di daftar untuk ID '{id}' ('{expected}'). Kategori di daftar yang dipakai. Periksa apakah templatnya benar.")
UNREADABLE = Entry("KM-R-047", WARNING, "isian tidak dapat dibaca: {count} galat, yang pertama: {first} Berkas dicatat sebagai versi yang perlu perbaikan. Perbaiki isian lalu kirim ulang.")
EDITION_MISMATCH = Entry("KM-R-048", WARNING, "isian dibuat dengan edisi '{given}', sedangkan putaran memakai edisi '{expected}' untuk kategori {category}. Isian tetap dinilai dengan edisinya sendiri. Minta badan publik memakai templat putaran.")

# --- summaries of the errors above (the first line people read) ------------------------------
SUMMARY_ROSTER_UNREADABLE_AT = Text("{source}: daftar badan publik tidak dapat dibaca.")
SUMMARY_ROSTER_NOT_FOUND = Text("Daftar badan publik tidak ditemukan.")
SUMMARY_ROSTER_UNREADABLE = Text("Daftar badan publik tidak dapat dibaca.")
SUMMARY_ROSTER_EMPTY = Text("{source}: daftar badan publik kosong.")
SUMMARY_ROSTER_HEADING = Text("{source}: baris judul daftar badan publik tidak lengkap.")
SUMMARY_ROSTER_PROBLEMS = Text("{source}: {count} masalah ditemukan di daftar badan publik.")
#: How ROSTER_FORMAT names a file without a suffix.
NO_SUFFIX = Text("(tanpa akhiran)")
SUMMARY_STORE_EVENT_KIND = Text("Jenis peristiwa tidak dikenal.")
SUMMARY_STORE_UNREADABLE = Text("Basis data putaran tidak dapat dibuka.")
SUMMARY_STORE_NEWER = Text("Basis data putaran dari versi kipmonev yang lebih baru.")
# --- sign-off (pengesahan in putaran.yaml) ---
SIGN_OFF_UNKNOWN = Entry(
    "KM-T-010",
    ERROR,
    "pengesahan '{value}' tidak dikenal. 'pengesahan' berisi daftar tingkat yang wajib sebelum nilai final: {known} (keduanya bila "
    "kunci ini tidak ditulis), atau daftar kosong []. Perbaiki isinya, misalnya 'pengesahan: [dijamin_mutu, ditetapkan]'.",
)
COMBINE_UNKNOWN = Entry(
    "KM-R-108",
    ERROR,
    "gabungan_panel '{value}' tidak dikenal. Nilai panelis tahap lanjutan digabung dengan salah satu dari {known}. Tulis salah satunya, "
    "atau hapus baris ini untuk rata-rata.",
)
