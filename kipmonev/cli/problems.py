"""Texts the command line prints: saved files, refusals to overwrite, a stopped batch, failed reports.

See :mod:`kipmonev.core.catalogue`: templates read ``<what is wrong>. <the rule>. <what to do>.``; the location is put
in front when the problem is shown.
"""

from __future__ import annotations

from kipmonev.core.catalogue import Text

OPTION_RENAMED = Text("opsi {old} sudah diganti namanya menjadi {new} dan akan dihapus pada rilis berikutnya. Pakai {new}.")
BATCH_INTERRUPTED = Text("{done} dari {total} berkas selesai dinilai; hasil yang sudah ditulis utuh, rekap tidak ditulis.")
PATH_UNUSABLE = Text("'{path}' tidak dapat dipakai ({reason}).")
OUTPUT_EXISTS = Text("berkas '{path}' sudah ada. Pakai --force untuk menimpanya, atau pilih berkas lain dengan -o.")
OUTPUT_IS_INPUT = Text("{path} adalah berkas masukan dan tidak akan ditimpa. Pilih nama berkas keluaran lain.")
QUESTIONNAIRE_SAVED = Text("Tersimpan: {path} (kuesioner {questionnaire_id}, {questions} pertanyaan)")
IMPORTED_FROM = Text("Diimpor dari {name} oleh kipmonev questionnaire import.")
TEMPLATE_WRITTEN = Text("Templat ditulis: {path} (kuesioner {questionnaire_id}, {questions} pertanyaan).")
REPORT_FAILED = Text("{failed} dari {total} masukan gagal dijadikan laporan.")
REPORT_PREVIOUS_MISSING = Text("hasil tahun sebelumnya untuk '{body}' tidak ditemukan; laporan dibuat tanpa perbandingan.")
REPORT_UNKNOWN_FORMAT = Text("format '{given}' tidak dikenal. Pilih {allowed}, dipisah koma.")

# `kipmonev check`, for a readable workbook (cli/workbook.check_lines).
CHECK_FILE = Text("Berkas: {path}")
CHECK_BODY = Text("Badan publik: {name} (kuesioner {questionnaire_id}, versi {version})")
CHECK_COUNTS = Text("Dijawab {answered} dari {total} pertanyaan; tidak berlaku {not_applicable}; belum dijawab {missing}; jawaban bernilai tanpa bukti dukung {no_evidence}.")
CHECK_ERRORS = Text("Kesalahan ({count}); jawaban di sel ini tidak sah dan dihitung belum dijawab sampai diperbaiki:")
CHECK_WARNINGS = Text("Peringatan ({count}):")
CHECK_NOT_FINAL_ERRORS = Text("ada {count} jawaban yang tidak sah")
CHECK_DEAD_LINKS = Text("Tautan bukti dukung yang bermasalah ({count}):")
CHECK_EVIDENCE_PROBLEMS = Text("Berkas bukti dukung yang bermasalah ({count}; {checked} dokumen disebut di kolom bukti):")
CHECK_EVIDENCE_OK = Text("Semua {count} dokumen bukti dukung yang disebut ada dan lolos pemeriksaan.")
CHECK_LINKS_OK = Text("Semua {count} tautan bukti dukung dapat dibuka.")
CHECK_FINAL = Text("Nilai akhir: {value} — {band}")
CHECK_ESTIMATE = Text("Perkiraan nilai akhir: {value} — {band} (belum final: {reasons})")
CHECK_COMPLETE = Text("Isian lengkap dan sah.")
CHECK_INCOMPLETE = Text("Isian belum lengkap atau belum sah: {count} hal perlu diperbaiki (lihat di atas).")
CHECK_SELF_SCORE = Text("Nilai mandiri (SAQ): {value}")
CHECK_VERIFIED_SCORE = Text("Nilai verifikasi (SAQ): {value}")
CHECK_STAGE_SCORE = Text("Nilai {stage}: {value}")
CHECK_NOT_YET = Text("belum ada")
CHECK_BLANK = Text("Isian masih kosong: belum ada satu pun pertanyaan yang dijawab. Isi kolom Jawaban pada sheet Kuesioner, simpan, lalu periksa lagi.")

# `kipmonev panel kit` and `score --panel`.
PANEL_KIT_WRITTEN = Text("Lembar nilai ditulis: {path} ({room}: {bodies} badan publik, {panelists} panelis).")
BATCH_EVIDENCE = Text("Bukti dukung: {checked} badan publik diperiksa di {folder}, {problems} temuan (peringatan di hasil masing-masing; nilai tidak berubah); {without} tanpa folder atau zip bukti.")
PANEL_READ = Text("Nilai tahap dari lembar nilai panelis di {source}: {bodies} badan publik, panelis {panelists}; {conflicts} konflik kepentingan dikecualikan.")

# `kipmonev compare`.
COMPARE_SUMMARY = Text("Naik: {up}; turun: {down}; hanya di LAMA: {only_old}; hanya di BARU: {only_new}.")
COMPARE_ONLY_OLD = Text("Hanya di LAMA ({count}):")
COMPARE_ONLY_NEW = Text("Hanya di BARU ({count}):")
COMPARE_SCORE = Text("{score} ({band})")
COMPARE_ESTIMATE = Text("{score} ({band}, perkiraan)")
COMPARE_ESTIMATES_NOTE = Text("Nilai bertanda 'perkiraan' belum final (belum lengkap atau belum diverifikasi); perubahannya dapat berubah lagi.")
COMPARE_BY_NAME = Text(
    "'{name}' dicocokkan menurut nama karena ID-nya berbeda: '{old_key}' di LAMA dan '{new_key}' di BARU. "
    "Bila ini bukan badan publik yang sama, perbaiki ID pada sheet Identitas salah satunya."
)
COMPARE_WRITTEN = Text("Perbandingan ditulis: {path}")
COMPARE_OUTPUT_KIND = Text("berkas keluaran '{path}' harus berakhiran .csv atau .xlsx.")
