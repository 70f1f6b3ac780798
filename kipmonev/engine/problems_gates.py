"""Reasons and problems about gates, written by the engine (codes ``KM-G-1xx``)."""

from __future__ import annotations

from kipmonev.core.catalogue import WARNING, Entry, Text

REASON_GATE_PENDING = Entry(
    "KM-G-101",
    WARNING,
    "gerbang '{gate}' memakai peringkat per kategori, yang hanya dapat diputuskan bila semua badan publik dinilai bersama (kipmonev score).",
)

#: How a gate on the running (cumulative) score names its basis: "nilai kumulatif s.d. visitasi ≥ 80".
RUNNING_BASIS = Text("nilai kumulatif s.d. {stage}")
