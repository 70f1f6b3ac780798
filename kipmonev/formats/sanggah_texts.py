"""The sanggah pack's layout and words, shared by its writer and reader.

A sanggah pack is a workbook with one visible sheet, **Sanggah**: a few lines naming the body, the version
and the objection window, then one row per item where verification cost the body points (the body's answer
and evidence, the verifier's verdict and note, both point values, all locked) and the three columns the body
fills (*Tanggapan/Klaim*, *Jawaban yang Diajukan*, *Bukti Baru*). The hidden Pilihan sheet feeds the
drop-downs; the very hidden Metadata sheet (the fill-in workbook's, :data:`workbook_texts.SHEET_META`) binds
the pack. Columns are found by heading, so moved columns and sorted rows read the same.
"""

from __future__ import annotations

SHEET_SANGGAH = "Sanggah"

TITLE = "Paket Sanggah Hasil Verifikasi: {body} {name}"
INFO = "{commission}. Versi isian {file} (SHA-256 {sha}). Nilai verifikasi sementara: {score}."
WINDOW = "Masa sanggah berakhir {deadline}. Sanggah yang diterima setelah tanggal itu tidak diproses."
HOW = (
    "Isi kolom kuning hanya pada pertanyaan yang disanggah: Tanggapan/Klaim (alasan Anda), Jawaban yang Diajukan "
    "(pilih dari daftar; untuk daftar periksa tulis kode butir yang terpenuhi, dipisah koma) dan Bukti Baru "
    "(tautan atau nama berkas). Kolom lain terkunci. Kirim kembali berkas ini kepada Komisi Informasi."
)
TITLE_ROW = 1
INFO_ROW = 2
WINDOW_ROW = 3
HOW_ROW = 4
HEADER_ROW = 6
FIRST_ROW = 7

HEAD_CODE = "Kode"
HEAD_QUESTION = "Pertanyaan"
HEAD_ANSWER = "Jawaban Badan Publik"
HEAD_EVIDENCE = "Data Dukung"
HEAD_OWN_POINTS = "Poin Mandiri"
HEAD_VERDICT = "Jawaban Verifikasi"
HEAD_VERDICT_NOTE = "Catatan Verifikator"
HEAD_VERIFIED_POINTS = "Poin Verifikasi"
HEAD_CLAIM = "Tanggapan/Klaim"
HEAD_CLAIMED = "Jawaban yang Diajukan"
HEAD_NEW_EVIDENCE = "Bukti Baru"

#: The locked columns, in sheet order, and the body's columns after them.
LOCKED_HEADS = (HEAD_CODE, HEAD_QUESTION, HEAD_ANSWER, HEAD_EVIDENCE, HEAD_OWN_POINTS, HEAD_VERDICT, HEAD_VERDICT_NOTE, HEAD_VERIFIED_POINTS)
BODY_HEADS = (HEAD_CLAIM, HEAD_CLAIMED, HEAD_NEW_EVIDENCE)
WIDTHS = (12, 48, 16, 36, 10, 16, 36, 10, 40, 20, 36)

CLAIMED_ERROR_TITLE = "Jawaban tidak dikenal"
CLAIMED_ERROR = "Pilih salah satu jawaban dari daftar."

#: Metadata keys added to the fill-in workbook's Metadata layout.
META_PACK = ("berkas", "paket_sanggah")
META_BODY = "badan_publik_id"
META_SUBMISSION = "isian_sha256"
META_STATE = "status_verifikasi_sha256"
META_DEADLINE = "batas_sanggah"
META_EDITION = "kuesioner_id"
