"""The panel kit's layout and words, shared by its writer (:mod:`kipmonev.outputs.panel_kit`) and its reader.

A kit is one workbook per room of a later stage (presentasi, visitasi): a score sheet with one row per body
and panelist and one column per criterion of the stage's rubric, a sheet with the rubric, and a very
hidden metadata sheet that tells the reader which stage, room and criteria the columns hold.
The rooms file and the conflict-of-interest file are read by their headings, like the stage-score file.
"""

from __future__ import annotations

#: Headings recognised in a stage-score (panel) file, case and spaces aside (the README's table).
ID_ALIASES = ("id", "kode", "id badan publik", "kode badan publik", "kode/id badan publik", "id_badan_publik")
STAGE_ALIASES = ("tahap", "kode tahap")
NAME_ALIASES = ("nama", "nama badan publik", "badan publik")

SHEET_SCORES = "Nilai"
SHEET_RUBRIC = "Rubrik"
SHEET_META = "Metadata"

#: The score sheet: title rows, then the heading row, then one row per body and panelist.
TITLE_ROW = 1
INFO_ROW = 2
HEADER_ROW = 4
FIRST_ROW = 5
#: Fixed columns (1-based) before the criteria columns.
COL_ID = 1
COL_NAME = 2
COL_PANELIST = 3
FIRST_CRITERION_COL = 4

HEAD_ID = "ID"
HEAD_NAME = "Nama badan publik"
HEAD_PANELIST = "Panelis"
HEAD_WEIGHTED = "Nilai berbobot"
HEAD_NOTE = "Catatan"
#: A criterion's heading: ``Inovasi (bobot 33)``.
HEAD_CRITERION = "{name} (bobot {weight})"
TITLE = "Lembar nilai {stage} — {room}"
INFO = "{commission}. Isi nilai 0–100 per kriteria pada sel kuning; satu baris per badan publik dan panelis."
CONFLICT_NOTE = "Konflik kepentingan: {reason}. Nilai panelis ini untuk badan publik ini tidak dipakai."
#: A stage without a rubric in its rule set is scored on one criterion.
SINGLE_CRITERION_CODE = "nilai"
SINGLE_CRITERION_NAME = "Nilai tahap"

RUBRIC_HEADER = ("Kode", "Kriteria", "Bobot", "Yang dinilai")
RUBRIC_TITLE = "Rubrik {stage}: {rule_set}"
RUBRIC_STATUS = "Status bobot rubrik: {status}"
RUBRIC_SINGLE = "Aturan ini tidak memuat rubrik untuk tahap ini; panelis memberi satu nilai tahap."
RUBRIC_FORMULA = "Nilai berbobot = Σ (nilai kriteria × bobot) ÷ jumlah bobot. Nilai panelis digabung menurut aturan batch (rata-rata, rata-rata terpangkas atau median)."

#: Metadata keys (column A of the very hidden sheet), values in column B.
META_KIND = "jenis"
META_KIND_VALUE = "kipmonev-panel-kit"
META_VERSION = "versi_kipmonev"
META_RULE_SET = "aturan"
META_STAGE = "tahap"
META_STAGE_NAME = "nama_tahap"
META_ROOM = "ruang"
#: One row per criterion: ``kriteria`` | code | name | weight.
META_CRITERION = "kriteria"

#: Headings of the rooms file and the conflict-of-interest file (compared case-insensitively after squeezing spaces).
ROOM_HEADINGS: dict[str, tuple[str, ...]] = {
    "room": ("ruang", "ruangan", "kelompok", "ruang/kelompok"),
    "id": ("id", "kode", "id badan publik", "kode badan publik", "kode/id badan publik"),
    "name": ("nama", "nama badan publik", "badan publik"),
    "panelist": ("panelis", "juri", "penilai", "nama panelis"),
}
CONFLICT_HEADINGS: dict[str, tuple[str, ...]] = {
    "panelist": ("panelis", "juri", "penilai", "nama panelis"),
    "id": ("id", "kode", "id badan publik", "kode badan publik", "kode/id badan publik"),
    "name": ("nama", "nama badan publik", "badan publik"),
    "stage": ("tahap", "kode tahap"),
    "reason": ("alasan", "keterangan", "alasan konflik"),
}
