"""Every sentence kipmonev says to people about their files, in Bahasa Indonesia.

Each function returns the text after the location: ``<what is wrong>. <the rule>. <what to do>.``
Tests import these to assert exact messages, so wording changes happen in one place.
"""

from __future__ import annotations

from collections.abc import Iterable


def _quoted(items: Iterable[str]) -> str:
    """Join items as ``'a', 'b' atau 'c'``."""
    parts = [f"'{i}'" for i in items]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " atau " + parts[-1]


# --- questionnaire files (KM-Q-…) -------------------------------------------------

def file_not_found(kind: str) -> str:
    return f"{kind} tidak ditemukan. Periksa nama dan letak berkasnya."


def file_unreadable(reason: str) -> str:
    return f"berkas tidak dapat dibaca ({reason}). Simpan ulang sebagai teks UTF-8."


def file_too_large(limit_mb: int) -> str:
    return f"berkas lebih besar dari batas {limit_mb} MB. Periksa apakah berkas yang dipilih benar."


def yaml_syntax(problem: str) -> str:
    return f"sintaks YAML tidak sah: {problem}. Periksa indentasi, tanda titik dua dan tanda kutip di sekitar baris ini."


def yaml_alias() -> str:
    return "alias/anchor YAML ('&' atau '*') tidak diizinkan. Tulis isinya secara lengkap, atau gunakan 'sertakan' untuk berbagi isi."


def yaml_tag(tag: str) -> str:
    return f"tag YAML '{tag}' tidak diizinkan. Hapus tag tersebut; tulis nilainya sebagai teks atau angka biasa."


def yaml_not_mapping() -> str:
    return "isi berkas harus berupa pemetaan kunci: nilai (misalnya 'id: ...'). Periksa baris pertama berkas."


def yaml_duplicate_key(key: str) -> str:
    return f"kunci '{key}' ditulis lebih dari sekali. Hapus salah satunya."


def yaml_bool_key(key: str) -> str:
    return f"kunci '{key}' bukan teks. Beri tanda kutip pada kunci ini."


def include_not_found(name: str) -> str:
    return f"berkas yang disertakan '{name}' tidak ditemukan. Periksa nama di 'sertakan'; jalurnya relatif terhadap berkas ini."


def include_cycle(name: str) -> str:
    return f"'{name}' menyertakan dirinya sendiri secara melingkar. Hapus salah satu 'sertakan' dalam lingkaran itu."


def include_not_list() -> str:
    return "'sertakan' harus berupa daftar nama berkas. Tulis setiap berkas sebagai butir '- nama.yaml'."


def exclude_unknown(code: str) -> str:
    return f"'kecualikan' menyebut pertanyaan '{code}' yang tidak ada di berkas yang disertakan. Periksa kodenya atau hapus dari 'kecualikan'."


def unknown_key(key: str, suggestion: str | None) -> str:
    hint = f" Mungkin maksud Anda '{suggestion}'?" if suggestion else " Hapus kunci ini atau periksa ejaannya."
    return f"kunci '{key}' tidak dikenal.{hint}"


def missing_key(key: str) -> str:
    return f"kunci wajib '{key}' tidak ada. Tambahkan '{key}: ...'."


def invalid_value(key: str, detail: str) -> str:
    return f"nilai '{key}' tidak sah: {detail}."


def unknown_answer_type(given: str, allowed: Iterable[str]) -> str:
    return f"tipe '{given}' tidak dikenal. Gunakan {_quoted(allowed)}."


def weights_not_100(what: str, total: str) -> str:
    return f"jumlah bobot {what} adalah {total}, bukan 100. Sesuaikan 'bobot' agar berjumlah tepat 100."


def duplicate_code(what: str, code: str) -> str:
    return f"kode {what} '{code}' dipakai lebih dari sekali. Setiap kode harus unik; ganti salah satunya."


def unknown_indicator(code: str, indicator: str) -> str:
    return f"pertanyaan {code} menyebut indikator '{indicator}' yang tidak ada. Gunakan salah satu kode di 'indikator'."


def code_prefix(code: str, indicator: str) -> str:
    return f"kode pertanyaan '{code}' tidak diawali kode indikatornya '{indicator}.'. Ubah kode menjadi '{indicator}.…' agar mudah dilacak."


def empty_indicator(indicator: str) -> str:
    return f"indikator '{indicator}' tidak memiliki pertanyaan yang bernilai poin. Tambahkan pertanyaan atau hapus indikator ini."


def condition_unknown(code: str, target: str) -> str:
    return f"syarat pertanyaan {code} menyebut pertanyaan '{target}' yang tidak ada. Periksa kode di 'syarat.pertanyaan'."


def condition_self(code: str) -> str:
    return f"syarat pertanyaan {code} menyebut dirinya sendiri. Syarat harus menyebut pertanyaan lain."


def condition_scored(code: str, target: str) -> str:
    return (
        f"syarat pertanyaan {code} menyebut pertanyaan '{target}' yang bernilai poin. "
        "Pertanyaan syarat harus bernilai 0 poin (pertanyaan cakupan) agar memenuhi satu butir tidak pernah menurunkan nilai. "
        f"Jadikan '{target}' bernilai 0 poin atau pilih pertanyaan syarat lain."
    )


def condition_answer(code: str, answer: str, allowed: Iterable[str]) -> str:
    return f"syarat pertanyaan {code} menyebut jawaban '{answer}' yang tidak tersedia. Gunakan {_quoted(allowed)}."


def condition_cycle(code: str) -> str:
    return f"syarat pertanyaan {code} membentuk lingkaran. Putuskan lingkaran syarat tersebut."


def duplicate_label(label: str) -> str:
    return f"pilihan '{label}' ditulis lebih dari sekali (tanpa membedakan huruf besar/kecil). Setiap pilihan harus unik."


def reserved_label(label: str) -> str:
    return f"pilihan '{label}' dicadangkan untuk jawaban tidak berlaku. Gunakan 'boleh_na: true' dan nama pilihan lain."


def ranges_order(index: int) -> str:
    return f"rentang ke-{index} tumpang tindih atau tidak berurutan. Urutkan rentang dari kecil ke besar; 'dari' tidak boleh kurang dari 'sampai' rentang sebelumnya."


def range_empty(index: int) -> str:
    return f"rentang ke-{index} kosong: 'sampai' harus lebih besar dari 'dari'."


def open_range_not_last(index: int) -> str:
    return f"rentang ke-{index} tanpa 'sampai' harus menjadi rentang terakhir."


def bands_order() -> str:
    return (
        "batas bawah kualifikasi tidak turun secara tegas hingga 0. "
        "Tulis kualifikasi dari yang tertinggi ke terendah (misalnya 90, 80, 60, 40, 0); yang terakhir harus 0."
    )


def first_stage_not_saq(code: str) -> str:
    return f"tahap pertama adalah '{code}', bukan 'saq'. Tahap pertama harus penilaian mandiri dengan kode 'saq'."


def version_format(value: int) -> str:
    return f"versi {value} tidak berbentuk yyyymmddrr (misalnya 2025081501). Tulis tanggal terbit dan nomor revisi."


def note_without_source(item: str) -> str:
    return f"keterangan '{item}' berstatus terkonfirmasi tetapi tanpa 'sumber'. Tambahkan sumbernya atau ubah status menjadi 'preset' dengan 'alasan'."


def note_without_reason(item: str) -> str:
    return f"keterangan '{item}' berstatus preset tetapi tanpa 'alasan'. Tuliskan alasan nilai preset ini."


def unknown_questionnaire(name: str, known: Iterable[str]) -> str:
    return f"kuesioner '{name}' tidak ditemukan. Gunakan jalur berkas atau salah satu id: {', '.join(known)}."


def unknown_rule_set(name: str, known: Iterable[str]) -> str:
    return f"aturan '{name}' tidak ditemukan. Gunakan jalur berkas atau salah satu id: {', '.join(known)}."


# --- answers given to the scoring engine (KM-S-…) ----------------------------------

def answer_unknown_question(code: str) -> str:
    return f"jawaban untuk pertanyaan '{code}' yang tidak ada di kuesioner. Periksa kodenya."


def answer_invalid(code: str, given: str, allowed: Iterable[str]) -> str:
    return f"jawaban '{given}' tidak dikenal untuk {code}. Pilih {_quoted(allowed)}."


def answer_na_not_allowed(code: str) -> str:
    return f"{code} tidak boleh dijawab 'Tidak Berlaku'. Jawab pertanyaan ini sesuai pilihannya."


def answer_not_number(code: str, given: str) -> str:
    return f"jawaban '{given}' untuk {code} bukan angka. Isi dengan angka, misalnya 12 atau 7,5."


def answer_unknown_item(code: str, item: str, allowed: Iterable[str]) -> str:
    return f"butir '{item}' tidak dikenal untuk {code}. Pilih dari {_quoted(allowed)}."


def stage_unknown(stage: str, allowed: Iterable[str]) -> str:
    return f"nilai untuk tahap '{stage}' yang tidak ada dalam aturan. Gunakan {_quoted(allowed)}."


def stage_out_of_range(stage: str, given: str) -> str:
    return f"nilai tahap '{stage}' adalah {given}, di luar 0–100. Isi nilai antara 0 dan 100."


# --- reasons an assessment has no final qualification (KM-R-…) ---------------------

def reason_missing_answers(count: int) -> str:
    return f"{count} pertanyaan belum dijawab; aturan edisi ini mensyaratkan semua pertanyaan dijawab."


def reason_not_verified(count: int) -> str:
    return f"{count} pertanyaan belum diverifikasi oleh Komisi Informasi."


def reason_stage_missing(stage_name: str) -> str:
    return f"nilai tahap {stage_name} belum ada."


# --- workbooks: templates, reading filled workbooks, link checks (KM-W-…) ----------


# --- reports and rendering (KM-RN-…) -------------------------------------------------

def report_would_overwrite() -> str:
    return "laporan akan menimpa berkas masukan. Pilih folder keluaran lain dengan -o."


def report_write_failed(reason: str) -> str:
    return f"laporan tidak dapat ditulis ({reason}). Periksa izin tulis dan ruang kosong di folder keluaran."


def template_missing(name: str) -> str:
    return f"templat '{name}' tidak ditemukan. Salin templat bawaan dari folder reports/ ke folder templat Anda, lalu ubah seperlunya."


def template_syntax(detail: str) -> str:
    return f"sintaks templat tidak sah ({detail}). Perbaiki tanda {{{{ }}}} atau {{% %}} di sekitar baris ini."


def template_failed(detail: str) -> str:
    return f"templat gagal dijalankan ({detail}). Periksa nama variabel dan filter yang dipakai templat."


def template_asset_unsafe(name: str) -> str:
    return f"berkas '{name}' tidak boleh memuat '</style'. Hapus tag HTML dari berkas CSS."


def report_pdf_failed(reason: str) -> str:
    return f"PDF tidak dapat dibuat ({reason}). Periksa templat dan CSS-nya; format html menampilkan isi yang sama."


def report_input_unreadable(reason: str) -> str:
    return f"berkas tidak dapat dibaca ({reason}). Periksa apakah berkas ada dan dapat dibuka."


def report_input_not_result(detail: str) -> str:
    return f"bukan berkas hasil kipmonev yang sah ({detail}). Buat ulang dengan 'kipmonev score', atau berikan buku kerja isian (.xlsx)."


def report_input_kind(suffix: str) -> str:
    return f"jenis berkas '{suffix}' tidak dapat dijadikan laporan. Berikan berkas hasil .json atau buku kerja isian .xlsx."


def report_workbook_unavailable() -> str:
    return "pembacaan buku kerja isian belum tersedia pada instalasi ini. Nilai buku kerja dengan 'kipmonev score', lalu buat laporan dari berkas hasil .json."


def report_unknown_format(given: str, allowed: Iterable[str]) -> str:
    return f"format '{given}' tidak dikenal. Pilih {_quoted(allowed)}, dipisah koma."


def report_previous_missing(body: str) -> str:
    return f"hasil tahun sebelumnya untuk '{body}' tidak ditemukan; laporan dibuat tanpa perbandingan."


def report_failed(failed: int, total: int) -> str:
    return f"{failed} dari {total} masukan gagal dijadikan laporan."



# --- questionnaire spreadsheets: export, import, diff (KM-A-…) ----------------------


# --- batch scoring and recap (KM-B-…) ------------------------------------------------

def stage_file_unreadable(reason: str) -> str:
    return f"berkas nilai tahap tidak dapat dibaca ({reason}). Simpan sebagai .csv (UTF-8) atau .xlsx."


def stage_file_no_id_column(aliases: Iterable[str]) -> str:
    return f"kolom ID badan publik tidak ditemukan. Beri judul kolom salah satu dari {_quoted(aliases)}."


def stage_file_no_panelists() -> str:
    return "tidak ada kolom nilai panelis. Tambahkan kolom seperti 'Panelis 1', 'Panelis 2' berisi nilai 0–100."


def stage_file_stage_needed(stages: Iterable[str]) -> str:
    return f"kolom 'tahap' diperlukan karena aturan memiliki lebih dari satu tahap lanjutan. Isi dengan {_quoted(stages)}."


def stage_file_unknown_stage(given: str, stages: Iterable[str]) -> str:
    return f"tahap '{given}' tidak dikenal. Gunakan {_quoted(stages)}."


def stage_file_bad_score(given: str) -> str:
    return f"nilai '{given}' bukan angka 0–100. Isi nilai panelis sebagai angka, misalnya 85 atau 85,5, atau kosongkan."


def stage_file_duplicate(body: str, stage: str) -> str:
    return f"badan publik '{body}' memiliki lebih dari satu baris untuk tahap '{stage}'. Gabungkan nilai panelisnya dalam satu baris."


def stage_file_empty_row(body: str) -> str:
    return f"baris untuk '{body}' tidak berisi nilai panelis. Isi nilainya atau hapus baris ini."


def batch_duplicate_body(body: str, other: str) -> str:
    return f"ID badan publik '{body}' juga dipakai oleh {other}. Setiap badan publik hanya boleh memiliki satu berkas; hapus salah satu atau perbaiki ID di sheet Identitas."


def batch_no_inputs() -> str:
    return "tidak ada berkas .xlsx yang ditemukan. Periksa jalur berkas atau folder yang diberikan."


def batch_unexpected(kind: str) -> str:
    return f"berkas tidak dapat dinilai karena galat tak terduga ({kind}). Laporkan berkas ini kepada pengelola kipmonev."


def previous_unreadable(reason: str) -> str:
    return f"hasil tahun sebelumnya tidak dapat dibaca ({reason}). Berikan folder keluaran 'kipmonev score' atau berkas rekap.json-nya."
