"""Problems found while reading a stage-score (panel) file (codes ``KM-P-0xx``), and the panel kit's rooms, conflicts and score sheets (KM-P-010..)."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

NO_PANEL_COLUMNS = Entry(
    "KM-P-001",
    ERROR,
    "tidak ada kolom nilai panelis yang dikenali (kolom lain diabaikan: {ignored}). Kolom panelis diberi judul seperti 'P1', "
    "'Panelis 1', 'Juri 2' atau 'Nilai Panelis A', atau dinyatakan dengan 'Panelis: <nama>'. Ganti judul kolom nilai panelis.",
)
NO_BODY_COLUMN = Entry(
    "KM-P-002",
    ERROR,
    "kolom ID badan publik tidak ditemukan. Setiap baris harus menunjuk badan publiknya lewat ID (atau, bila terpaksa, nama). "
    "Beri judul kolom ID salah satu dari {aliases}.",
)
DUPLICATE_PANELIST = Entry(
    "KM-P-003",
    ERROR,
    "kolom panelis '{panelist}' muncul lebih dari sekali. Setiap panelis mendapat satu kolom. Beri kolom itu judul lain atau gabungkan isinya.",
)
TABLE_COLUMN_MISSING = Entry(
    "KM-P-010",
    ERROR,
    "kolom {column} tidak ditemukan. Kolom dikenali menurut judulnya. Beri judul kolom salah satu dari {aliases}.",
)
ROOM_MISSING = Entry(
    "KM-P-011",
    ERROR,
    "baris ini tidak menyebut ruangnya. Setiap baris daftar ruang menyebut ruang atau kelompoknya. Isi kolom Ruang.",
)
BODY_IN_TWO_ROOMS = Entry(
    "KM-P-012",
    ERROR,
    "badan publik '{body}' sudah tercantum di ruang '{room}'. Satu badan publik dinilai di satu ruang. Hapus salah satu barisnya.",
)
ROOM_WITHOUT_PANELIST = Entry(
    "KM-P-013",
    ERROR,
    "ruang '{room}' tidak memiliki panelis. Setiap ruang dinilai sedikitnya oleh satu panelis. Isi kolom Panelis pada baris ruang itu.",
)
BODY_WITHOUT_ID = Entry(
    "KM-P-014",
    ERROR,
    "baris untuk '{name}' tidak memiliki ID badan publik. Lembar nilai dicocokkan dengan isian menurut ID. Isi kolom ID.",
)
CONFLICT_NO_REASON = Entry(
    "KM-P-020",
    ERROR,
    "konflik kepentingan panelis '{panelist}' dengan '{body}' tidak disertai alasan. Alasannya dicantumkan di lampiran metodologi "
    "laporan. Isi kolom Alasan.",
)
CONFLICT_INCOMPLETE = Entry(
    "KM-P-021",
    ERROR,
    "baris ini tidak menyebut panelis dan ID badan publik sekaligus. Setiap konflik kepentingan adalah satu panelis dengan satu "
    "badan publik. Lengkapi kolom Panelis dan ID.",
)
KIT_NOT_A_KIT = Entry(
    "KM-P-030",
    ERROR,
    "berkas ini bukan lembar nilai buatan 'kipmonev panel kit' (metadatanya tidak ada). Lembar nilai dibaca menurut metadatanya. "
    "Salin nilainya ke lembar nilai buatan 'kipmonev panel kit'.",
)
KIT_BAD_SCORE = Entry(
    "KM-P-031",
    ERROR,
    "'{given}' bukan nilai 0–100. Nilai kriteria adalah angka 0 sampai 100. Perbaiki nilainya.",
)
KIT_PARTIAL_ROW = Entry(
    "KM-P-032",
    ERROR,
    "nilai panelis '{panelist}' untuk '{body}' baru sebagian (kosong: {missing}). Nilai berbobot memerlukan semua kriteria. "
    "Lengkapi nilainya, atau kosongkan seluruh baris bila panelis tidak menilai badan publik ini.",
)
KIT_DUPLICATE_ROW = Entry(
    "KM-P-033",
    ERROR,
    "panelis '{panelist}' memiliki dua baris untuk '{body}'. Satu baris per badan publik dan panelis. Hapus baris rangkapnya.",
)
KIT_NO_FILES = Entry(
    "KM-P-034",
    ERROR,
    "tidak ada lembar nilai panelis (.xlsx) di sini. 'score --panel' membaca lembar nilai buatan 'kipmonev panel kit'. "
    "Beri folder lembar nilai yang sudah diisi.",
)
KIT_ROW_INCOMPLETE = Entry(
    "KM-P-035",
    ERROR,
    "baris ini tidak menyebut ID badan publik dan panelisnya. Setiap baris lembar nilai adalah satu badan publik dan satu panelis. "
    "Lengkapi kolom ID dan Panelis, atau hapus baris ini.",
)

ROOMS_SUMMARY = Text("{path}: {count} masalah di daftar ruang.")
CONFLICTS_SUMMARY = Text("{path}: {count} masalah di daftar konflik kepentingan.")
KIT_SUMMARY = Text("{path}: {count} masalah di lembar nilai panelis.")
UNREADABLE_SUMMARY = Text("{path} tidak dapat dibaca.")

# --- summaries of a stage-score file's errors --------------------------------------------------
STAGE_FILE_UNREADABLE_SUMMARY = Text("Berkas nilai tahap tidak dapat dibaca.")
STAGE_FILE_EMPTY_SUMMARY = Text("Berkas nilai tahap kosong.")
STAGE_FILE_INVALID_SUMMARY = Text("{source}: berkas nilai tahap tidak sah.")
STAGE_FILE_PROBLEMS_SUMMARY = Text("{source}: {count} masalah di berkas nilai tahap.")
#: What NO_PANEL_COLUMNS lists as ignored when the file has no other column.
NO_OTHER_COLUMNS = Text("tidak ada")
