"""Texts of sign-off and penetapan as the engine says them: status labels, why a result is not final yet, notes."""

from __future__ import annotations

from kipmonev.core.catalogue import WARNING, Entry, Text
from kipmonev.model.signoff import SignOffLevel, SignOffStatus

STATUS_LABELS: dict[SignOffStatus, str] = {
    SignOffStatus.NO_RESULT: "belum dinilai",
    SignOffStatus.UNVERIFIED: "belum diverifikasi",
    SignOffStatus.VERIFIED: "diverifikasi",
    SignOffStatus.QUALITY: "dijamin mutu",
    SignOffStatus.FIXED: "ditetapkan",
}
LEVEL_LABELS: dict[SignOffLevel, str] = {SignOffLevel.QUALITY: "dijamin mutu", SignOffLevel.FIXED: "ditetapkan"}
#: Why a round's result is not final yet: the first required sign-off not reached.
HOLDS: dict[SignOffLevel, Text] = {
    SignOffLevel.QUALITY: Text("Belum dijamin mutu."),
    SignOffLevel.FIXED: Text("Belum ditetapkan dalam pleno."),
}
#: The note a corrected body carries in the annex.
CORRECTION_NOTE = Text("Dikoreksi dengan SK {sk}: {old} → {new}.")

CORRECTED = Entry(
    "KM-T-001",
    WARNING,
    "nilai {body} dikoreksi dengan SK {sk} sesudah penetapan: {old} → {new} ({old_band} → {new_band}). Alasan: {reason}. "
    "Nilai semula tetap tercatat di kipmonev round history.",
)
FIXED_DIFFERS = Entry(
    "KM-T-002",
    WARNING,
    "nilai hitungan sekarang ({computed}) berbeda dengan nilai yang ditetapkan dalam pleno ({fixed}, SK {sk}); yang berlaku "
    "nilai yang ditetapkan. Hasil yang sudah ditetapkan hanya berubah dengan koreksi: kipmonev round correct.",
)
