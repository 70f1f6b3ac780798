"""Problems the scoring engine finds in the answers it is given (KM-S), stage-score rows (KM-B), and the engine's texts: reasons, evidence kinds, edition-diff values.

See :mod:`kipmonev.core.catalogue`: templates read ``<what is wrong>. <the rule>. <what to do>.``; the location is put
in front when the problem is shown.
"""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

ANSWER_INVALID = Entry("KM-S-001", ERROR, "jawaban '{given}' tidak dikenal untuk {code}.{meant} Pilih {allowed}.")
#: The hint inside ANSWER_INVALID (with its leading space), when a label is close to what was typed.
ANSWER_MEANT = Text(" Mungkin maksud Anda '{label}'?")
ANSWER_NA_NOT_ALLOWED = Entry("KM-S-002", ERROR, "{code} tidak boleh dijawab 'Tidak Berlaku'. Jawab pertanyaan ini sesuai pilihannya.")
ANSWER_NOT_NUMBER = Entry("KM-S-003", ERROR, "jawaban '{given}' untuk {code} bukan angka. Isi dengan angka, misalnya 12 atau 7,5.")
ANSWER_UNKNOWN_ITEM = Entry("KM-S-004", ERROR, "butir '{item}' tidak dikenal untuk {code}. Pilih dari {allowed}.")
ANSWER_UNKNOWN_QUESTION = Entry("KM-S-005", ERROR, "jawaban untuk pertanyaan '{code}' yang tidak ada di kuesioner. Periksa kodenya.")
STAGE_UNKNOWN = Entry("KM-S-006", ERROR, "nilai untuk tahap '{stage}' yang tidak ada dalam aturan. Gunakan {allowed}.")
STAGE_OUT_OF_RANGE = Entry("KM-S-007", ERROR, "nilai tahap '{stage}' adalah {given}, di luar 0–100. Isi nilai antara 0 dan 100.")
REASON_MISSING_ANSWERS = Text("{count} pertanyaan belum dijawab; aturan edisi ini mensyaratkan semua pertanyaan dijawab.")
REASON_NOT_VERIFIED = Text("{count} pertanyaan belum diverifikasi oleh Komisi Informasi.")
REASON_STAGE_MISSING = Text("nilai tahap {stage_name} belum ada.")
STAGE_FILE_STAGE_NEEDED = Entry("KM-B-004", ERROR, "kolom 'tahap' diperlukan karena aturan memiliki lebih dari satu tahap lanjutan. Isi dengan {stages}.")
STAGE_FILE_UNKNOWN_STAGE = Entry("KM-B-005", ERROR, "tahap '{given}' tidak dikenal. Gunakan {stages}.")
DIFF_NO_ROUNDING = Text("tanpa pembulatan")
DIFF_ROUNDING = Text("{places} desimal, {mode}")
DIFF_GATE = Text("SAQ ≥ {threshold}, jika tidak lolos: {on_fail}")

# Kinds of evidence a question requires, as a sentence names them.
EVIDENCE_URL = Text("tautan (URL)")
EVIDENCE_DOCUMENT = Text("dokumen atau tautan")

# Why a question earned what it earned (QuestionResult.reason).
WHY_CONDITION_UNMET = Text("Tidak berlaku karena {question} dijawab '{answer}'; pertanyaan ini hanya berlaku bila {question} dijawab {allowed}.")
WHY_UNANSWERED = Text("Belum dijawab.")
WHY_ANSWERED_NA = Text("Dijawab 'Tidak Berlaku'.")
WHY_NO_EVIDENCE = Text("Bukti dukung berupa {need} wajib dilampirkan; jawaban tidak dihitung penuh.")

#: A checklist answered with no item ticked, as the answer is shown.
NO_ITEMS = Text("(tidak ada butir)")

SUBMISSION_INVALID = Text("{count} jawaban tidak sesuai dengan kuesioner {questionnaire}.")

