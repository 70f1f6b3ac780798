"""Lines the sign-off commands print (``round sign-off``, ``penetapan``, ``correct``, ``verify-inputs``)."""

from __future__ import annotations

from kipmonev.core.catalogue import Text

SIGNED = Text("{body}: disahkan ({level}), nilai {score}.")
SIGNED_SUMMARY = Text("Pengesahan dicatat: {count} badan publik ({level}).")
SIGNED_NEXT = Text("Perbarui hasil: kipmonev round recap {folder}")
WARNING = Text("Peringatan: {message}")
FIXED_SUMMARY = Text("Ditetapkan dengan SK {sk} tanggal {date}: {count} badan publik.")
FIXED_ROW = Text("{category}: {rank}. {body} {name}, {score}, {band}")
WRITTEN = Text("Lampiran ditulis: {files}")
FIXED_NEXT = Text("Hasil final: kipmonev round recap {folder}")
CORRECTED = Text("{body}: nilai dikoreksi dengan SK {sk}: {old} → {new} ({old_band} → {new_band}).")
INPUTS_SUMMARY = Text("Diperiksa: {copies} salinan berkas masuk, {results} hasil, {annexes} lampiran; {errors} berubah atau hilang.")
INPUTS_OK = Text("Semua berkas sama dengan catatan log putaran.")
STATUS_TITLE = Text("Pengesahan (wajib: {required}):")
STATUS_NONE = Text("tidak ada")
STATUS_HEADER = ("KATEGORI", "BELUM DINILAI", "BELUM DIVERIFIKASI", "DIVERIFIKASI", "DIJAMIN MUTU", "DITETAPKAN")
