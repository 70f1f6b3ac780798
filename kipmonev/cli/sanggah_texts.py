"""Lines the sanggah commands print (``sanggah-pack``, ``sanggah-collect``, ``sanggah-decide``, ``sanggah-status``)."""

from __future__ import annotations

from kipmonev.core.catalogue import Text

PACKS_WRITTEN = Text("Paket sanggah ditulis: {count} berkas di {folder}. Batas masa sanggah: {deadline}.")
NO_LOSS = Text("Tanpa poin yang hilang pada verifikasi, tidak dibuatkan paket ({count}): {ids}.")
UNVERIFIED = Text("Belum ada hasil verifikasi, tidak dibuatkan paket ({count}): {ids}.")
PACK_FILED = Text("{file} [{body}]: {filed} sanggah dicatat, {unchanged} tidak berubah, {empty} baris kosong diabaikan.")
PACK_REFUSED = Text("{file}: ditolak.")
COLLECT_SUMMARY = Text("Dikumpulkan {count} paket sanggah: {ok} diterima, {refused} ditolak ({late} karena terlambat).")
DECIDED = Text("Sanggah {body} {code} {decision}: {before} → {after}; poin {points_before} → {points_after}; nilai SAQ verifikasi {saq_before} → {saq_after}.")
STATUS_DEADLINE = Text("Batas masa sanggah: {deadline}.")
STATUS_NO_DEADLINE = Text("Batas masa sanggah belum ditetapkan (tenggat sanggah di putaran.yaml).")
STATUS_HEADER = ("ID", "BADAN PUBLIK", "PAKET", "DIAJUKAN", "DIPUTUS", "MENUNGGU", "TERLAMBAT")
PACKED_YES = Text("ya")
PACKED_NO = Text("–")
PENDING_TITLE = Text("Sanggah menunggu putusan ({count}):")
PENDING_LINE = Text("- {body} {code}: '{claim}' (diajukan {claimed}, diterima {received})")
LATE_TITLE = Text("Sanggah terlambat yang ditolak ({count}):")
LATE_LINE = Text("- {body} {file}: diterima {received}, batas {deadline}")
NOTHING = Text("tidak ada")
