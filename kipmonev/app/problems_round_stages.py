"""Problems and lines of the round's later stages: ``round panel-kit`` and ``round panel-collect`` (codes ``KM-R-10x``)."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

NO_RECAP = Entry(
    "KM-R-100",
    ERROR,
    "putaran ini belum memiliki rekap. Badan publik yang dikirim ke tahap lanjutan ditentukan oleh rekap terakhir putaran. "
    "Jalankan kipmonev round recap {folder} terlebih dahulu.",
)
NOBODY_SENT = Entry(
    "KM-R-101",
    ERROR,
    "rekap tanggal {date} tidak mengirim satu pun badan publik ke tahap {stage}. Badan publik dikirim ke suatu tahap bila lolos setiap "
    "gerbang sebelumnya. Catat nilai tahap sebelumnya, jalankan kipmonev round recap, lalu ulangi.",
)
NO_PANELISTS = Entry(
    "KM-R-102",
    ERROR,
    "tidak ada panelis untuk tahap {stage}. Lembar nilai ditulis dengan satu baris per badan publik dan panelis. "
    "Sebutkan panelisnya dengan --panelist NAMA (boleh berulang).",
)
SHEET_NOT_SENT = Entry(
    "KM-R-103",
    ERROR,
    "badan publik '{body}' tidak dikirim ke tahap {stage} dalam putaran ini (tidak ada lembar nilai untuknya). Nilai tahap dicatat hanya "
    "untuk badan publik yang lolos ke tahap itu. Hapus nilai di baris ini atau periksa ID-nya.",
)
SHEET_UNKNOWN_PANELIST = Entry(
    "KM-R-104",
    ERROR,
    "'{panelist}' bukan panelis tahap {stage} untuk '{body}' (panelisnya {panelists}). Nilai dicatat hanya dari panelis yang ditugaskan. "
    "Periksa penulisan nama panelis.",
)
SHEET_CONFLICT = Entry(
    "KM-R-105",
    ERROR,
    "panelis '{panelist}' menyatakan konflik kepentingan dengan '{body}' ({reason}), tetapi barisnya diisi. Panelis yang berkonflik "
    "kepentingan tidak menilai badan publik itu. Kosongkan baris ini, lalu kirim lagi lembarnya.",
)
SHEET_CRITERIA = Entry(
    "KM-R-106",
    ERROR,
    "lembar nilai ini menilai tahap {stage} dengan kriteria {given}, padahal lembar nilai putaran untuk tahap itu memakai {expected}. "
    "Nilai dicatat dengan rubrik lembar nilai yang ditulis putaran. Salin nilainya ke lembar nilai dari kipmonev round panel-kit.",
)
NO_STAGE_RULES = Entry(
    "KM-R-107",
    ERROR,
    "tahap {stage} tidak dikenal oleh aturan kategori {category}. Lembar nilai ditulis untuk tahap lanjutan aturan putaran. "
    "Pilih salah satu dari {stages} dengan --stage.",
)

#: The one room of a round's kit (``round panel-kit``).
ROOM = Text("Panel {stage}")
#: Why a kit's files are recorded as the round's outputs.
KIT_REASON = Text("lembar nilai tahap ditulis")
SCORED_REASON = Text("nilai panelis dari lembar nilai")
KIT_SUMMARY = Text("Lembar nilai tahap tidak dapat ditulis.")
SHEET_SUMMARY = Text("Lembar nilai panelis ditolak.")
#: Parts of the history lines' data (engine/problems_decisions.py HISTORY_LINES).
CRITERION_SCORE = Text("{name} {score}")
REPLACES = Text("; menggantikan lembar {file} (nilai {score})")
KIT_CONFLICT = Text("; konflik kepentingan {panelist}: {reason}")
#: The kind of output a kit is, in its ``output.written`` event.
KIT_KIND = Text("lembar nilai")
#: What a score from a stage-score file (no criteria) is, in its history line.
STAGE_FILE_SCORE = Text("nilai tahap dari berkas nilai")
AT_CELL = Text("sel {cell}")
AT_LINE = Text("baris {line}")
