"""Problems of the panel kit's use cases: making the kit and scoring with it (codes ``KM-P-04x``)."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

NOT_A_LATER_STAGE = Entry(
    "KM-P-040",
    ERROR,
    "aturan '{rule_set}' tidak memiliki tahap lanjutan '{stage}'. Lembar nilai panelis dibuat untuk tahap sesudah SAQ. "
    "Pilih salah satu dari {stages} dengan --stage.",
)
PANEL_AND_STAGE_FILE = Entry(
    "KM-P-041",
    ERROR,
    "--panel dan --stage-scores diberikan bersamaan. Nilai tahap dibaca dari satu sumber. Pakai salah satunya.",
)
CONFLICTS_WITHOUT_PANEL = Entry(
    "KM-P-042",
    ERROR,
    "--conflicts diberikan tanpa --panel. Konflik kepentingan berlaku pada lembar nilai panelis. Tambahkan --panel FOLDER.",
)
KIT_EXISTS = Entry(
    "KM-P-043",
    ERROR,
    "lembar nilai '{name}' sudah ada dan mungkin sudah diisi. Lembar nilai yang ada tidak ditimpa. Pilih folder lain dengan -o, "
    "atau pakai --force untuk menimpanya.",
)
KITS_SUMMARY = Text("Kesalahan di lembar nilai panelis.")
UNKNOWN_STAGE_SUMMARY = Text("Tahap tidak dikenal.")
KIT_EXISTS_SUMMARY = Text("Lembar nilai sudah ada.")
NO_LATER_STAGES = Text("(tidak ada tahap lanjutan)")
