"""Lines the round's decision commands print (``round history``, ``sign-off``, ``penetapan``, ``correct``, ``sanggah-*``)."""

from __future__ import annotations

from kipmonev.core.catalogue import Text

HISTORY_TITLE = Text("Riwayat {id} {name} ({category}): {count} peristiwa.")
HISTORY_EMPTY = Text("Belum ada peristiwa yang dicatat untuk badan publik ini.")
HISTORY_HEADER = ("NO", "WAKTU", "OLEH", "PERISTIWA", "LAMA → BARU", "ALASAN")
CHANGE = Text("{old} → {new}")
