"""Lines the round's decision commands print (``round history``, ``sign-off``, ``penetapan``, ``correct``, ``sanggah-*``)."""

from __future__ import annotations

from kipmonev.core.catalogue import Text

HISTORY_TITLE = Text("Riwayat {id} {name} ({category}): {count} peristiwa.")
HISTORY_EMPTY = Text("Belum ada peristiwa yang dicatat untuk badan publik ini.")
HISTORY_HEADER = ("NO", "WAKTU", "OLEH", "PERISTIWA", "LAMA → BARU", "ALASAN")
CHANGE = Text("{old} → {new}")
# later stages: round panel-kit, panel-collect and the stage part of round status
KITS_WRITTEN = Text("Lembar nilai tahap {stage} ditulis: {path} ({bodies} badan publik, {panelists} panelis; rekap {date}).")
KIT_BODY = Text("- {body} {name}")
KIT_CONFLICT = Text("  konflik kepentingan: {panelist} dengan {body} ({reason}); barisnya dikunci.")
KITS_NEXT = Text("Kirim lembar nilai kepada panelis; kumpulkan yang sudah diisi dengan: kipmonev round panel-collect {folder} FOLDER")
SHEET_RECORDED = Text("{file} [{stage}]: {recorded} nilai panelis dicatat ({replaced} menggantikan nilai sebelumnya), {unchanged} tidak berubah.")
SHEET_SCORE = Text("  {panelist} → {body}")
SHEET_REFUSED = Text("{file}: ditolak.")
SHEETS_SUMMARY = Text("Dikumpulkan {count} lembar nilai: {ok} diterima, {refused} ditolak.")
STAGES_TITLE = Text("Tahap lanjutan (lembar nilai panelis):")
STAGES_HEADER = ("TAHAP", "ID", "BADAN PUBLIK", "PANELIS", "MASUK", "MENUNGGU", "KONFLIK")
NONE = Text("–")
