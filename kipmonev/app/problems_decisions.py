"""Problems and texts of the round's decisions (history, input hashes, sign-off, penetapan, corrections, sanggah)."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

UNKNOWN_BODY = Entry("KM-V-100", ERROR, "ID badan publik '{body}' tidak ada di daftar putaran.{suggestion} Perintah ini memakai ID dari daftar badan publik. Periksa ID-nya dengan 'kipmonev round status'.")
#: The closest roster ID, put in UNKNOWN_BODY's message.
SUGGEST = Text(" Mungkin maksudnya '{body}'?")
UNKNOWN_BODY_SUMMARY = Text("Badan publik tidak ada di daftar.")
