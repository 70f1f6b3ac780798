"""Every sentence kipmonev says to people about their files, in Bahasa Indonesia.

Each function returns the text after the location: ``<what is wrong>. <the rule>. <what to do>.``
Tests import these to assert exact messages, so wording changes happen in one place.
"""

from __future__ import annotations

from collections.abc import Iterable

from kipmonev.core.formatting import format_number, format_plain


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


def include_too_deep(name: str, limit: int) -> str:
    return f"'{name}' tidak disertakan: rantai 'sertakan' paling panjang {limit} berkas, termasuk berkas edisi. Sertakan fragmen langsung dari berkas edisi, bukan melalui rantai berkas."


def include_too_many(limit: int) -> str:
    return f"berkas ini menyertakan lebih dari {limit} berkas (berkas yang disertakan berulang kali ikut dihitung). Hapus 'sertakan' yang berulang atau gabungkan fragmennya."


def yaml_too_deep(limit: int) -> str:
    return f"daftar atau pemetaan YAML bersarang lebih dari {limit} tingkat. Kuesioner yang sah jauh lebih dangkal; periksa tanda '[' dan '{{' serta indentasi di sekitar baris ini."


def include_not_list() -> str:
    return "'sertakan' harus berupa daftar nama berkas. Tulis setiap berkas sebagai butir '- nama.yaml'."


def exclude_not_list() -> str:
    return "'kecualikan' harus berupa daftar kode pertanyaan, misalnya 'kecualikan: [JI.6.2]'."


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

def xlsx_not_found() -> str:
    return "berkas isian tidak ditemukan. Periksa nama dan letak berkasnya."


def xlsx_unreadable(reason: str) -> str:
    return f"berkas isian tidak dapat dibaca ({reason}). Periksa izin berkas, atau salin berkas ke folder lain."


def xlsx_not_zip() -> str:
    return "berkas ini bukan buku kerja Excel (.xlsx). Buka berkas di Excel atau LibreOffice lalu simpan sebagai 'Excel 2007-365 (.xlsx)'."


def xlsx_legacy_xls() -> str:
    return "berkas ini berformat Excel lama (.xls). Buka berkas di Excel atau LibreOffice lalu simpan sebagai 'Excel 2007-365 (.xlsx)'."


def xlsx_encrypted() -> str:
    return "berkas ini dilindungi kata sandi pembuka (terenkripsi) sehingga tidak dapat dibaca. Hapus kata sandi pembuka berkas, lalu simpan ulang sebagai .xlsx."


def xlsx_ods() -> str:
    return "berkas ini berformat OpenDocument (.ods). Simpan berkas sebagai 'Excel 2007-365 (.xlsx)'."


def xlsx_binary() -> str:
    return "berkas ini berformat Excel Binary (.xlsb), yang tidak dapat dibaca. Buka berkas di Excel lalu simpan sebagai 'Excel Workbook (.xlsx)'."


def xlsx_damaged(detail: str) -> str:
    return f"berkas .xlsx rusak atau terpotong ({detail}). Salin ulang berkas dari sumbernya, atau buka dan simpan ulang di Excel atau LibreOffice."


def xlsx_missing_part(part: str) -> str:
    return f"bagian '{part}' tidak ada di dalam berkas .xlsx. Buka dan simpan ulang berkas di Excel atau LibreOffice."


def xlsx_too_many_parts(limit: int) -> str:
    return f"berkas .xlsx berisi lebih dari {limit} bagian. Buku kerja yang wajar jauh lebih kecil; periksa apakah berkas yang dipilih benar."


def xlsx_part_too_large(part: str, limit_mb: int) -> str:
    return f"bagian '{part}' berukuran lebih dari {limit_mb} MB setelah diekstrak. Buku kerja yang wajar jauh lebih kecil; periksa apakah berkas yang dipilih benar."


def xlsx_total_too_large(limit_mb: int) -> str:
    return f"isi berkas .xlsx lebih dari {limit_mb} MB setelah diekstrak. Buku kerja yang wajar jauh lebih kecil; periksa apakah berkas yang dipilih benar."


def xlsx_ratio(part: str, ratio: int) -> str:
    return f"bagian '{part}' dimampatkan lebih dari {ratio} kali lipat, tanda berkas yang dibuat untuk membebani pembaca ('zip bomb'). Berkas tidak dibaca; buka dan simpan ulang di Excel atau LibreOffice."


def xlsx_doctype(part: str) -> str:
    return f"bagian '{part}' memuat deklarasi DOCTYPE atau entitas XML, yang tidak diizinkan demi keamanan. Buka dan simpan ulang berkas di Excel atau LibreOffice."


def xlsx_bad_xml(part: str, detail: str) -> str:
    return f"bagian '{part}' bukan XML yang sah ({detail}). Buka dan simpan ulang berkas di Excel atau LibreOffice."


def xlsx_too_many_cells(limit: int) -> str:
    cells = format_number(limit, 0)
    return f"sheet ini berisi lebih dari {cells} sel. Hapus isi dan format sel di luar tabel, lalu simpan ulang."


def xlsx_cell_out_of_bounds(max_row: int, max_column: str) -> str:
    rows = format_number(max_row, 0)
    return f"sel ini berada di luar batas yang dibaca (sampai baris {rows} dan kolom {max_column}). Hapus baris dan kolom di luar tabel, termasuk isi dan formatnya, lalu simpan ulang."


def xlsx_sheet_part_missing() -> str:
    return "isi sheet ini tidak ditemukan di dalam berkas .xlsx (tautan ke bagiannya rusak). Buka dan simpan ulang berkas di Excel atau LibreOffice."


def xlsx_macros() -> str:
    return "berkas ini memuat makro (VBA atau lembar makro). Makro tidak dijalankan dan diabaikan; hanya isi sel yang dibaca. Sebaiknya simpan berkas sebagai 'Excel 2007-365 (.xlsx)' tanpa makro."


def merged_answer_cell(span: str) -> str:
    return f"sel ini tertutup sel gabungan {span}, sehingga jawabannya tidak dapat dibaca. Pisahkan sel gabungan tersebut (Unmerge Cells), lalu isi jawaban pada setiap baris."


def sheet_missing(name: str, suggestion: str | None) -> str:
    if suggestion:
        return f"sheet '{name}' tidak ditemukan. Mungkin sheet '{suggestion}' adalah sheet tersebut; kembalikan namanya menjadi '{name}'."
    return f"sheet '{name}' tidak ditemukan. Gunakan templat dari 'kipmonev template' dan jangan menghapus atau mengganti nama sheet-nya."


def metadata_missing() -> str:
    return (
        "metadata templat (sheet tersembunyi 'Metadata') tidak ditemukan, sehingga kuesioner yang diisi tidak diketahui. "
        "Sebutkan kuesionernya dengan opsi --kuesioner, atau salin jawaban ke templat baru dari 'kipmonev template'."
    )


def metadata_missing_assumed(questionnaire_id: str, version: int) -> str:
    return f"metadata templat tidak ditemukan; berkas dibaca sebagai isian kuesioner '{questionnaire_id}' versi {version}. Pastikan berkas dibuat dari templat kuesioner tersebut."


def metadata_invalid(key: str) -> str:
    return f"metadata templat '{key}' kosong atau tidak sah. Buat templat baru dengan 'kipmonev template' dan salin jawabannya."


def template_format_unsupported(found: str, supported: int) -> str:
    return f"format templat versi '{found}' tidak dikenal oleh kipmonev ini (yang didukung: versi {supported}). Perbarui kipmonev atau buat templat baru dengan 'kipmonev template'."


def questionnaire_of_workbook_unknown(questionnaire_id: str) -> str:
    return f"berkas ini dibuat untuk kuesioner '{questionnaire_id}', yang tidak disertakan dalam kipmonev ini. Sebutkan berkas kuesionernya dengan opsi --kuesioner."


def other_questionnaire(file_id: str, file_version: int | str, expected_id: str, expected_version: int) -> str:
    return (
        f"berkas ini dibuat untuk kuesioner '{file_id}' versi {file_version}, bukan '{expected_id}' versi {expected_version}. "
        f"Nilai berkas ini dengan kuesioner '{file_id}' versi {file_version}, atau salin jawabannya ke templat baru dari 'kipmonev template {expected_id}'."
    )


def other_content(questionnaire_id: str, version: int, file_hash: str, expected_hash: str) -> str:
    return (
        f"isi kuesioner '{questionnaire_id}' versi {version} pada berkas ini ({file_hash[:19]}) berbeda dari kuesioner yang dipakai ({expected_hash[:19]}). "
        f"Buat templat baru dengan 'kipmonev template {questionnaire_id}' dan salin jawabannya."
    )


def header_missing(columns: str) -> str:
    return f"baris judul kolom (dengan kolom {columns}) tidak ditemukan di 30 baris pertama. Kembalikan baris judul kolom dari templat."


def column_missing(column: str) -> str:
    return f"kolom '{column}' tidak ditemukan pada baris judul. Kembalikan kolom '{column}' dari templat."


def unknown_code(code: str, questionnaire_id: str) -> str:
    return f"kode '{code}' tidak dikenal di kuesioner {questionnaire_id}. Kode pertanyaan tidak boleh diubah; kembalikan kode aslinya atau hapus baris ini."


def duplicate_row(code: str, first: str) -> str:
    return f"kode {code} muncul lebih dari sekali (pertama di {first}). Hapus baris rangkapnya."


def row_missing(code: str) -> str:
    return f"baris {code} tidak ditemukan. Kembalikan baris tersebut dari templat; baris pertanyaan dan butir tidak boleh dihapus."


def formula_without_value() -> str:
    return "sel berisi rumus tanpa nilai tersimpan. Buka berkas di Excel atau LibreOffice lalu simpan ulang, atau ganti rumus dengan nilainya."


def cell_error(error: str) -> str:
    return f"sel berisi galat '{error}'. Ganti dengan isian yang sah."


def checklist_parent(code: str, given: str, allow_na: bool) -> str:
    na = " atau 'Tidak Berlaku' pada baris ini bila tidak berlaku" if allow_na else ""
    return f"jawaban '{given}' tidak dikenal untuk {code}. Pertanyaan daftar periksa dijawab per butir dengan 'Ya' atau 'Tidak'{na}; kosongkan sel ini."


def stage_not_number(stage: str, given: str) -> str:
    return f"nilai tahap '{stage}' ('{given}') bukan angka. Isi angka antara 0 dan 100, misalnya 85 atau 87,5."


def year_invalid(given: str) -> str:
    return f"tahun penilaian '{given}' tidak sah. Isi dengan empat angka, misalnya 2025."


def unanswered(code: str) -> str:
    return f"pertanyaan {code} belum dijawab. Pertanyaan yang tidak dijawab bernilai 0; isi kolom Jawaban."


def checklist_unanswered(code: str) -> str:
    return f"butir-butir pertanyaan {code} belum dijawab. Pertanyaan yang tidak dijawab bernilai 0; jawab setiap butir dengan 'Ya' atau 'Tidak'."


def checklist_items_blank(code: str, items: str) -> str:
    return f"butir {items} pada {code} belum dijawab dan dihitung 'Tidak'. Jawab setiap butir dengan 'Ya' atau 'Tidak'."


def verification_items_blank(code: str, items: str) -> str:
    return f"jawaban verifikasi butir {items} pada {code} kosong dan dihitung 'Tidak'. Isi jawaban verifikasi setiap butir."


def no_evidence(code: str, answer: str, need: str, credit_zero: bool) -> str:
    effect = "tidak diberi nilai" if credit_zero else "hanya diberi sebagian nilai"
    return f"jawaban '{answer}' untuk {code} belum dilengkapi bukti dukung berupa {need}. Jawaban tanpa bukti yang diwajibkan {effect}; isi kolom Tautan/Bukti Dukung."


def evidence_need(kind: str) -> str:
    return "tautan (URL)" if kind == "tautan" else "dokumen atau tautan"


def body_name_missing() -> str:
    return "nama badan publik belum diisi. Isi nama badan publik pada sheet Identitas."


def output_exists(path: str) -> str:
    return f"berkas '{path}' sudah ada. Gunakan --force untuk menimpanya, atau pilih nama lain dengan -o."


def output_unwritable(path: str, reason: str) -> str:
    return f"berkas '{path}' tidak dapat ditulis ({reason}). Periksa apakah foldernya ada dan berkas tidak sedang dibuka aplikasi lain."


def link_status(url: str, status: int) -> str:
    return f"tautan {url} tidak dapat dibuka (status HTTP {status}). Perbaiki tautannya atau pastikan dokumen dapat diakses publik."


def link_timeout(url: str, seconds: float) -> str:
    shown = format_plain(seconds)
    return f"tautan {url} tidak menjawab dalam {shown} detik. Pastikan situsnya aktif dan dapat diakses publik."


def link_dns(url: str, host: str) -> str:
    return f"nama domain '{host}' pada tautan {url} tidak ditemukan. Periksa ejaan alamatnya."


def link_redirects(url: str, limit: int) -> str:
    return f"tautan {url} dialihkan lebih dari {limit} kali. Gunakan alamat tujuan akhirnya."


def link_failed(url: str, reason: str) -> str:
    return f"tautan {url} tidak dapat dihubungi ({reason}). Pastikan situsnya aktif dan dapat diakses publik."


def link_not_public(url: str, address: str) -> str:
    return f"tautan {url} mengarah ke alamat jaringan lokal atau privat ({address}) yang tidak dapat diakses publik, sehingga tidak dibuka. Gunakan alamat situs yang dapat diakses publik."


def links_too_many(found: int, limit: int) -> str:
    return f"isian memuat {format_number(found, 0)} tautan berbeda; hanya {format_number(limit, 0)} yang pertama diperiksa. Periksa sisanya secara terpisah, atau kurangi tautan yang berulang."


def template_written(path: str, questionnaire_id: str, questions: int) -> str:
    return f"Templat ditulis: {path} (kuesioner {questionnaire_id}, {questions} pertanyaan)."


def check_file(path: str) -> str:
    return f"Berkas: {path}"


def check_body(name: str, questionnaire_id: str, version: int) -> str:
    return f"Badan publik: {name} (kuesioner {questionnaire_id}, versi {version})"


def check_counts(answered: int, total: int, not_applicable: int, missing: int, no_evidence: int) -> str:
    return f"Dijawab {answered} dari {total} pertanyaan; tidak berlaku {not_applicable}; belum dijawab {missing}; jawaban bernilai tanpa bukti dukung {no_evidence}."


def check_warnings(count: int) -> str:
    return f"Peringatan ({count}):"


def check_dead_links(count: int) -> str:
    return f"Tautan bukti dukung yang bermasalah ({count}):"


def check_links_ok(count: int) -> str:
    return f"Semua {count} tautan bukti dukung dapat dibuka."


def check_score(label: str, value: str) -> str:
    return f"{label}: {value}"


def check_final(value: str, band: str) -> str:
    return f"Nilai akhir: {value} — {band}"


def check_estimate(value: str, band: str, reasons: str) -> str:
    return f"Perkiraan nilai akhir: {value} — {band} (belum final: {reasons})"


def check_complete() -> str:
    return "Isian lengkap dan sah."


def check_incomplete(count: int) -> str:
    return f"Isian belum lengkap atau belum sah: {count} hal perlu diperbaiki (lihat di atas)."



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
    return f"jenis berkas '{suffix}' tidak dapat dijadikan laporan. Berikan berkas hasil .json, buku kerja isian .xlsx, rekap.json, atau folder keluaran 'kipmonev score'."


def report_folder_without_recap() -> str:
    return "folder ini tidak memuat rekap.json. Berikan folder keluaran 'kipmonev score', atau berkas hasil .json di dalam foldernya."


def report_input_not_recap(detail: str) -> str:
    return f"bukan berkas rekap kipmonev yang sah ({detail}). Buat ulang dengan 'kipmonev score'."


def report_workbook_unavailable() -> str:
    return "pembacaan buku kerja isian belum tersedia pada instalasi ini. Nilai buku kerja dengan 'kipmonev score', lalu buat laporan dari berkas hasil .json."


def report_unknown_format(given: str, allowed: Iterable[str]) -> str:
    return f"format '{given}' tidak dikenal. Pilih {_quoted(allowed)}, dipisah koma."


def report_previous_missing(body: str) -> str:
    return f"hasil tahun sebelumnya untuk '{body}' tidak ditemukan; laporan dibuat tanpa perbandingan."


def report_failed(failed: int, total: int) -> str:
    return f"{failed} dari {total} masukan gagal dijadikan laporan."



# --- questionnaire spreadsheets: export, import, diff (KM-A-…) ----------------------

# Reading an authoring workbook. Cell problems read "kolom 'poin': <text>" (see in_column).

def workbook_summary(count: int) -> str:
    return f"{count} masalah ditemukan di buku kerja kuesioner."


def workbook_unreadable(reason: str) -> str:
    return f"berkas tidak dapat dibaca sebagai buku kerja Excel ({reason}). Simpan ulang berkas sebagai Buku Kerja Excel (.xlsx)."


def sheet_required(sheet: str) -> str:
    return f"sheet wajib '{sheet}' tidak ada. Tambahkan sheet bernama tepat '{sheet}'."


def sheet_misspelt(given: str, suggestion: str) -> str:
    return f"sheet '{given}' tidak dikenal. Mungkin maksud Anda '{suggestion}'? Ganti nama sheet menjadi '{suggestion}'."


def sheet_unknown(given: str) -> str:
    return f"sheet '{given}' tidak dikenal dan diabaikan. Awali namanya dengan '_' bila sheet ini memang catatan Anda."


def sheet_empty(sheet: str, columns: Iterable[str]) -> str:
    return f"sheet '{sheet}' kosong. Tulis judul kolom pada baris pertama ({', '.join(columns)}), lalu isinya di baris berikutnya."


def column_required(column: str) -> str:
    return f"kolom wajib '{column}' tidak ada. Tambahkan kolom berjudul '{column}' pada baris judul."


def column_unknown(column: str) -> str:
    return f"kolom '{column}' tidak dikenal dan diabaikan. Periksa ejaannya, atau awali judulnya dengan '_' bila kolom ini memang catatan Anda."


def column_misspelt(column: str, suggestion: str) -> str:
    return f"kolom '{column}' tidak dikenal. Mungkin maksud Anda '{suggestion}'? Perbaiki judul kolomnya."


def column_duplicate(column: str) -> str:
    return f"kolom '{column}' muncul lebih dari sekali. Hapus salah satunya."


def in_column(column: str, text: str) -> str:
    return f"kolom '{column}': {text}"


def in_setting(key: str, text: str) -> str:
    return f"pengaturan '{key}': {text}"


def cell_invalid(value: str, detail: str) -> str:
    return f"nilai '{value}' tidak sah: {detail}."


def cell_empty() -> str:
    return "sel kosong. Kolom ini wajib diisi."


def cell_formula(formula: str) -> str:
    return f"sel berisi rumus '{formula}'. Kuesioner dibaca dari nilai yang tertulis; ganti rumus dengan nilainya."


def bool_choices() -> str:
    return "isi 'Ya' atau 'Tidak'"


def places_choices() -> str:
    return "isi bilangan bulat 0–4, atau 'tanpa' bila nilai tidak dibulatkan"


def scope_choices() -> str:
    return "isi 'aturan' (keterangan aturan penilaian) atau 'edisi' (keterangan isi edisi)"


def not_for_type(tipe: str, allowed: Iterable[str]) -> str:
    return f"hanya dipakai untuk pertanyaan bertipe {_quoted(allowed)}, bukan '{tipe}'. Kosongkan sel ini atau ubah tipe pertanyaannya."


def option_unknown_question(code: str) -> str:
    return f"pertanyaan '{code}' tidak ada di sheet Pertanyaan. Periksa kodenya."


def option_for_yes_no(code: str) -> str:
    return (
        f"pertanyaan {code} bertipe 'ya_tidak' tidak memakai baris di sheet Pilihan; poinnya ditulis di kolom 'poin' sheet Pertanyaan. "
        "Hapus baris ini atau ubah tipe pertanyaannya."
    )


def options_too_few(code: str, tipe: str, minimum: int) -> str:
    return f"pertanyaan {code} bertipe '{tipe}' memerlukan minimal {minimum} baris di sheet Pilihan. Tambahkan baris dengan kode_pertanyaan '{code}'."


def condition_format(text: str) -> str:
    return f"'{text}' tidak berbentuk 'KODE = jawaban'. Tulis misalnya 'KO.2.1 = Ya'; pisahkan beberapa jawaban dengan ';'."


def gate_not_first_row() -> str:
    return "gerbang hanya ditulis pada baris tahap pertama ('saq'). Pindahkan nilai ini ke baris tahap pertama."


def sheet_no_rows(sheet: str) -> str:
    return f"sheet '{sheet}' belum berisi baris data. Tambahkan minimal satu baris di bawah baris judul."


def setting_unknown(key: str, suggestion: str | None) -> str:
    hint = f" Mungkin maksud Anda '{suggestion}'?" if suggestion else " Hapus baris ini atau periksa ejaannya."
    return f"pengaturan '{key}' tidak dikenal.{hint}"


def setting_duplicate(key: str) -> str:
    return f"pengaturan '{key}' ditulis lebih dari sekali. Hapus salah satu barisnya."


def setting_missing(key: str) -> str:
    return f"pengaturan wajib '{key}' tidak ada. Tambahkan baris dengan kunci '{key}' dan isi nilainya."


# Writing an authoring workbook: drop-down errors and header notes for columns the model does not describe.

def dropdown_title() -> str:
    return "Nilai tidak sah"


def dropdown_error(choices: Iterable[str]) -> str:
    return f"Pilih salah satu: {', '.join(choices)}."


def sheet_column_help(key: str) -> str | None:
    texts = {
        "kunci": "Nama pengaturan. Jangan diubah.",
        "nilai": "Nilai pengaturan.",
        "penjelasan": "Penjelasan pengaturan; kolom ini tidak dibaca saat impor.",
        "kode_pertanyaan": "Kode pertanyaan (sheet Pertanyaan) yang memiliki pilihan, butir atau rentang ini. Urutan baris adalah urutan pilihan.",
        "kode_butir": "Kode butir, hanya untuk tipe 'daftar', misalnya 'a'.",
        "label": "Teks pilihan (tipe 'pilihan') atau teks butir (tipe 'daftar'). Kosongkan untuk rentang tipe 'angka'.",
        "syarat": "Syarat berlaku, misalnya 'KO.2.1 = Ya'; pisahkan beberapa jawaban dengan ';'. Kosongkan bila selalu berlaku.",
        "poin_pertanyaan": "Poin untuk jawaban 'Ya', hanya untuk tipe 'ya_tidak'. Poin tipe lain ditulis di sheet Pilihan.",
        "batas_lolos": "Gerbang, hanya pada baris tahap pertama: nilai SAQ terverifikasi minimum (termasuk) untuk lolos ke tahap berikutnya. Kosongkan bila semua lanjut.",
        "lingkup": "'aturan' untuk keterangan aturan penilaian, 'edisi' untuk keterangan isi edisi.",
        "pembulatan_tempat_desimal": "Jumlah desimal nilai yang diumumkan (0–4), atau 'tanpa' bila tidak dibulatkan.",
        "pembulatan_mode": "Cara membulatkan: 'setengah_ke_atas' atau 'setengah_genap'.",
    }
    return texts.get(key)


# Comparing two editions.

def diff_title(old: str, new: str) -> str:
    return f"Perbedaan kuesioner {old} → {new}"


def diff_none() -> str:
    return "Tidak ada perbedaan isi."


def diff_section(key: str, count: int) -> str:
    names = {
        "pengaturan": "Pengaturan diubah",
        "indikator_ditambahkan": "Indikator ditambahkan",
        "indikator_dihapus": "Indikator dihapus",
        "indikator_diubah": "Indikator diubah",
        "pertanyaan_ditambahkan": "Pertanyaan ditambahkan",
        "pertanyaan_dihapus": "Pertanyaan dihapus",
        "pertanyaan_diubah": "Pertanyaan diubah",
        "aturan": "Aturan diubah",
    }
    return f"{names[key]} ({count}):"


def diff_rounding(places: int | None, mode: str) -> str:
    return "tanpa pembulatan" if places is None else f"{places} desimal, {mode}"


def diff_gate(threshold: str, on_fail: str) -> str:
    return f"SAQ ≥ {threshold}, jika tidak lolos: {on_fail}"


def diff_empty_value() -> str:
    return "(kosong)"


# The questionnaire export/import commands.

def output_is_input(path: str) -> str:
    return f"{path} adalah berkas masukan dan tidak akan ditimpa. Pilih nama berkas keluaran lain."


def questionnaire_saved(path: str, questionnaire_id: str, questions: int) -> str:
    return f"Tersimpan: {path} (kuesioner {questionnaire_id}, {questions} pertanyaan)"


def imported_from(name: str) -> str:
    return f"Diimpor dari {name} oleh kipmonev questionnaire import."



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
    return "tidak ada buku kerja (.xlsx) yang ditemukan. Periksa jalur berkas atau folder yang diberikan."


def batch_input_inside_output() -> str:
    return "folder masukan ini sama dengan folder keluaran atau berada di dalamnya, sehingga isinya tidak dinilai. Pilih folder keluaran lain dengan -o, misalnya 'hasil-2025'."


def batch_output_is_input(name: str) -> str:
    return f"berkas keluaran '{name}' akan menimpa berkas masukan yang sama. Berkas masukan tidak pernah ditimpa; pilih folder keluaran lain dengan -o."


def batch_interrupted(done: int, total: int) -> str:
    return f"{done} dari {total} berkas selesai dinilai; hasil yang sudah ditulis utuh, rekap tidak ditulis."


def batch_unexpected(kind: str) -> str:
    return f"berkas tidak dapat dinilai karena galat tak terduga ({kind}). Laporkan berkas ini kepada pengelola kipmonev."


def previous_unreadable(reason: str) -> str:
    return f"hasil tahun sebelumnya tidak dapat dibaca ({reason}). Berikan folder keluaran 'kipmonev score' atau berkas rekap.json-nya."


def results_unreadable(reason: str) -> str:
    return f"hasil penilaian tidak dapat dibaca ({reason}). Berikan folder keluaran 'kipmonev score', berkas rekap.json-nya, atau satu berkas hasil .json."


def reason_missing() -> str:
    return "berkas tidak ditemukan"


def reason_unopenable() -> str:
    return "berkas tidak dapat dibuka"


def reason_not_json() -> str:
    return "isinya bukan JSON yang sah"


def reason_not_kipmonev() -> str:
    return "isinya bukan hasil atau rekap kipmonev"
