"""The Indonesian texts printed in the fill-in workbook: sheet names, column headings, labels, the guide.

Messages about problems live in :mod:`kipmonev.core.messages`; this module holds the workbook's own content,
which the reader also uses to find its columns and labels.
"""

from __future__ import annotations

from decimal import Decimal

from kipmonev.core.formatting import format_plain
from kipmonev.model.questionnaire import NA_LABEL, EvidenceKind, GateFailRule, MissingAnswerRule, Questionnaire, RoundingMode

SHEET_GUIDE = "Petunjuk"
SHEET_IDENTITY = "Identitas"
SHEET_ANSWERS = "Kuesioner"
SHEET_STAGES = "Tahap"
SHEET_SUMMARY = "Ringkasan"
SHEET_CALC = "Hitung"
SHEET_LISTS = "Pilihan"
SHEET_META = "Metadata"

# Column headings of the Kuesioner sheet, by role.
COL_CODE = "Kode"
COL_TEXT = "Pertanyaan"
COL_DEFINITION = "Definisi Operasional"
COL_LEGAL = "Dasar Hukum"
COL_EVIDENCE_RULE = "Bukti Wajib"
COL_ANSWER = "Jawaban"
COL_EVIDENCE = "Tautan/Bukti Dukung"
COL_NOTE = "Keterangan"
COL_VERIFY = "Jawaban Verifikasi"
COL_VERIFY_NOTE = "Catatan Verifikator"
COL_POINTS = "Poin"

#: Other headings the reader accepts for a column, lower-case (people rename headings).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    COL_CODE: ("kode", "kode pertanyaan", "no", "nomor"),
    COL_ANSWER: ("jawaban", "jawaban mandiri", "jawaban badan publik"),
    COL_EVIDENCE: ("tautan/bukti dukung", "tautan / bukti dukung", "bukti dukung", "tautan", "data dukung", "link"),
    COL_NOTE: ("keterangan", "keterangan pengisi"),
    COL_VERIFY: ("jawaban verifikasi", "verifikasi", "jawaban verifikator"),
    COL_VERIFY_NOTE: ("catatan verifikator", "catatan verifikasi"),
}

# Identitas labels, by BodyIdentity field.
IDENTITY_LABELS: dict[str, str] = {
    "name": "Nama badan publik",
    "category": "Kategori",
    "id": "Kode/ID badan publik",
    "province": "Provinsi",
    "website": "Alamat situs web",
    "ppid_name": "Nama PPID",
    "ppid_email": "Email PPID",
    "year": "Tahun penilaian",
}
IDENTITY_HINTS: dict[str, str] = {
    "name": "Nama resmi lengkap, misalnya 'Kementerian Urusan Contoh'.",
    "category": "Kategori badan publik dalam monev.",
    "id": "Kode atau ID yang diberikan Komisi Informasi, bila ada.",
    "province": "Provinsi tempat kedudukan badan publik.",
    "website": "Alamat situs web atau laman PPID, diawali https://.",
    "ppid_name": "Nama pejabat atau narahubung PPID.",
    "ppid_email": "Email resmi PPID.",
    "year": "Tahun penilaian monev.",
}

STAGE_HEADERS = ("Kode", "Tahap", "Bobot (%)", "Nilai (0–100)", "Keterangan")
META_KEYS = ("kuesioner_id", "kuesioner_versi", "kuesioner_hash", "aturan_id", "kipmonev_versi", "format_templat")

EVIDENCE_RULE_TEXT = {
    EvidenceKind.LINK: "Tautan (URL)",
    EvidenceKind.DOCUMENT: "Dokumen atau tautan",
    EvidenceKind.NONE: "Tidak wajib",
}

CHECKLIST_PARENT_HINT = "Jawab setiap butir di bawah ini dengan 'Ya' atau 'Tidak'; tulis bukti dukung pada baris ini."
NOT_FILLED = "(nama badan publik belum diisi)"


def condition_hint(question: str, answers: tuple[str, ...]) -> str:
    """The note under a conditional question."""
    quoted = " atau ".join(f"'{a}'" for a in answers)
    return f"Berlaku hanya bila {question} dijawab {quoted}; bila tidak, kosongkan."


def answers_sheet_intro(q: Questionnaire, *, body_only: bool = False) -> str:
    """The line under the Kuesioner title (a body's own template has no verifier columns to mention)."""
    fill = f"Kuesioner {q.id}, versi {q.version}. Isi kolom {COL_ANSWER}, {COL_EVIDENCE} dan {COL_NOTE} (berwarna kuning)."
    if body_only:
        return fill
    return fill + f" Kolom {COL_VERIFY} dan {COL_VERIFY_NOTE} diisi oleh verifikator Komisi Informasi."


def dropdown_error(labels: tuple[str, ...]) -> str:
    """The data-validation error text of a drop-down."""
    return "Pilih salah satu jawaban dari daftar: " + ", ".join(labels) + "."


NUMBER_ERROR = "Isi dengan angka, misalnya 12 atau 7,5."
NUMBER_NA_ERROR = f"Isi dengan angka, misalnya 12 atau 7,5, atau '{NA_LABEL}'."
ALL_OR_NOTHING_SHORT = "semua butir harus terpenuhi"
ALL_OR_NOTHING_HINT = "Ketidaklengkapan menghilangkan nilai nomor ini: poin hanya diberikan bila semua butir terpenuhi."
_ASSESSED_BY = {"badan_publik": "badan publik", "verifikator": "verifikator", "panel": "panel penilai", "sistem": "sistem"}


def verifier_scale_text(levels: list[tuple[str, str]]) -> str:
    """The verifier's levels and their points, for the Poin column."""
    return "Verifikator memilih: " + "; ".join(f"{label} = {points}" for label, points in levels)


def assessed_by_text(who: str) -> str:
    """Who scores the question, for the Poin column."""
    return f"Dinilai oleh {_ASSESSED_BY.get(who, who)}."


def substitute_hint(label: str, name: str, signed_by: str | None, evidence: str) -> str:
    """How to claim the substitute evidence, below the question."""
    signer = f", ditandatangani {signed_by}" if signed_by else ""
    return f"Bukti pengganti: pilih '{label}' bila melampirkan {name}{signer}; bukti yang wajib: {evidence}."


PERCENT_ERROR = "Isi persentase antara 0 dan 100, misalnya 75 atau 75%."
PERCENT_NA_ERROR = f"Isi persentase antara 0 dan 100, misalnya 75 atau 75%, atau '{NA_LABEL}'."
STAGE_ERROR = "Isi nilai antara 0 dan 100, misalnya 85 atau 87,5."
ERROR_TITLE = "Isian tidak sah"


def _rounding_text(q: Questionnaire) -> str:
    places = q.rules.rounding.places
    if places is None:
        return "Nilai tidak dibulatkan."
    mode = "setengah ke atas" if q.rules.rounding.mode is RoundingMode.HALF_UP else "setengah ke genap"
    return f"Setiap nilai yang diumumkan dibulatkan satu kali ke {places} angka desimal ({mode})."


def _credit_text(q: Questionnaire) -> str:
    credit = q.rules.evidence_credit
    if credit == 0:
        return "Jawaban bernilai (misalnya 'Ya') tanpa bukti dukung yang diwajibkan tidak diberi nilai (0 poin)."
    return f"Jawaban bernilai (misalnya 'Ya') tanpa bukti dukung yang diwajibkan hanya diberi {format_plain(credit * 100)}% dari poinnya."


def _stages_text(q: Questionnaire, body_only: bool = False) -> list[str]:
    rules = q.rules
    if not rules.later_stages:
        return ["Nilai akhir sama dengan nilai SAQ."]
    parts = " + ".join(f"{s.name} {format_plain(s.weight)}%" for s in rules.stages)
    where = "dan tidak diisi pada berkas ini" if body_only else f"pada sheet {SHEET_STAGES}"
    lines = [f"Nilai akhir = {parts}. Nilai tahap lanjutan (0–100) diisi Komisi Informasi {where}."]
    gate = rules.simple_gate
    if gate is not None:
        fail = (
            "nilai akhirnya sama dengan nilai SAQ terverifikasi"
            if gate.on_fail is GateFailRule.SAQ_SCORE
            else "nilai tahap lanjutannya dihitung 0"
        )
        lines.append(f"Hanya badan publik dengan nilai SAQ terverifikasi paling rendah {format_plain(gate.threshold)} yang lanjut ke tahap berikutnya; bagi yang tidak lolos, {fail}.")
    elif rules.gates:
        lines.append("Tahap lanjutan diikuti badan publik yang lolos gerbang aturan ini (nilai minimum dan/atau peringkat per kategori); keputusan gerbang diambil saat semua isian dinilai bersama.")
    return lines


_VERIFY_SECTION: tuple[tuple[str, str], ...] = (
    ("heading", "5. Kolom verifikasi"),
    ("text", f"Verifikator mengisi {COL_VERIFY} untuk setiap pertanyaan yang telah diperiksa. Jawaban verifikasi menggantikan jawaban mandiri dalam nilai verifikasi; keputusan verifikator sudah mencakup pemeriksaan bukti dukung."),
    ("text", "Pada daftar periksa, verifikator menjawab setiap butir; butir verifikasi yang dibiarkan kosong dihitung 'Tidak' bila butir lain pertanyaan itu telah diverifikasi."),
    ("blank", ""),
)


def guide(q: Questionnaire, *, body_only: bool = False) -> list[tuple[str, str]]:
    """The Petunjuk sheet as (style, text) lines; style is ``title``, ``heading``, ``text`` or ``blank``.

    A body's own template (``body_only``) leaves out the verifier's columns, which it does not have.
    """
    bands = "; ".join(f"{b.name}: nilai ≥ {format_plain(b.lower)}" for b in q.rules.bands)
    missing = (
        "Pertanyaan yang belum dijawab bernilai 0."
        if q.rules.missing_answers is MissingAnswerRule.ZERO
        else "Semua pertanyaan wajib dijawab; selama masih ada yang kosong, penilaian belum lengkap."
    )
    lines: list[tuple[str, str]] = [
        ("title", "Petunjuk Pengisian Kuesioner Penilaian Mandiri (SAQ)"),
        ("text", q.title),
        ("text", f"Penyelenggara: {q.commission}. Kategori: {q.category}. Tahun penilaian: {q.year}. Kuesioner {q.id}, versi {q.version}."),
        ("blank", ""),
        ("heading", "1. Langkah pengisian"),
        ("text", f"a. Isi sheet {SHEET_IDENTITY}: nama badan publik, kode/ID, provinsi, alamat situs web, serta nama dan email PPID."),
        ("text", f"b. Pada sheet {SHEET_ANSWERS}, isi kolom {COL_ANSWER} setiap pertanyaan dengan memilih dari daftar pilihan (drop-down). Pertanyaan angka diisi dengan angka, misalnya 12 atau 7,5."),
        ("text", "c. Pertanyaan berbentuk daftar periksa dijawab per butir: baris berkode seperti 'AA.1.1.a' dijawab 'Ya' atau 'Tidak'. Bukti dukungnya ditulis pada baris pertanyaan induk."),
        ("text", f"d. Isi kolom {COL_EVIDENCE} untuk setiap jawaban yang memberi nilai, sesuai kolom {COL_EVIDENCE_RULE}. Kolom {COL_NOTE} boleh diisi penjelasan singkat."),
        ("text", "e. Jangan mengubah kode, teks pertanyaan, nama sheet, atau judul kolom. Baris boleh disaring (filter); jawaban dibaca berdasarkan kode, bukan letak baris."),
        ("text", f"f. Sheet {SHEET_SUMMARY} menampilkan perkiraan nilai secara langsung dari jawaban Anda. Nilai resmi ditetapkan Komisi Informasi setelah verifikasi."),
        ("text", "g. Simpan berkas dalam format .xlsx; simpanan LibreOffice (.ods) atau Excel lama (.xls) juga dapat dibaca. Sebelum dikirim, berkas dapat diperiksa dengan perintah: kipmonev check nama-berkas.xlsx"),
        ("blank", ""),
        ("heading", f"2. Kolom pada sheet {SHEET_ANSWERS}"),
        ("text", f"{COL_CODE}: kode tetap pertanyaan atau butir. {COL_TEXT}: teks pertanyaan. {COL_DEFINITION}: apa yang dihitung memenuhi. {COL_LEGAL}: peraturan yang menjadi dasar."),
        ("text", f"{COL_EVIDENCE_RULE}: bukti yang disyaratkan agar jawaban bernilai dihitung. {COL_POINTS}: poin setiap jawaban, pilihan, butir atau rentang angka."),
        ("text", f"{COL_ANSWER}, {COL_EVIDENCE}, {COL_NOTE} (kuning): diisi badan publik." + ("" if body_only else f" {COL_VERIFY}, {COL_VERIFY_NOTE} (biru): diisi verifikator Komisi Informasi.")),
        ("blank", ""),
        ("heading", "3. Bukti dukung"),
        ("text", "Tautan (URL): tulis alamat lengkap yang diawali https:// (atau http://), tanpa spasi, dengan nama domain lengkap (misalnya https://ppid.contoh.go.id/dokumen.pdf), ke dokumen atau laman yang dapat diakses publik dan berfungsi. Beberapa tautan boleh ditulis dalam satu sel, dipisah baris baru atau titik koma (;); ringkasan di lembar kerja memeriksa tiga tautan pertama dalam satu sel."),
        ("text", "Dokumen atau tautan: tulis nama berkas dokumen (PDF, paling besar 2 MB per pertanyaan) yang dikirim bersama isian, atau tautan ke dokumen tersebut."),
        ("text", "Tidak wajib: bukti dukung tidak disyaratkan, tetapi tetap dianjurkan."),
        ("text", "Sel berupa hyperlink dengan teks lain (misalnya 'SK PPID') dibaca alamat tautannya oleh kipmonev, tetapi ringkasan di lembar kerja hanya mengenali alamat yang tertulis di sel. Tulislah alamat lengkapnya."),
        ("blank", ""),
        ("heading", "4. Cara penilaian"),
        ("text", "Setiap pertanyaan memberi poin menurut jawabannya: 'Ya' memberi poin pertanyaan; pilihan memberi poin pilihan itu; daftar periksa memberi jumlah poin butir yang dijawab 'Ya'; angka memberi poin rentang tempat angka itu berada."),
        ("text", _credit_text(q)),
        ("text", f"'{NA_LABEL}' hanya tersedia pada pertanyaan tertentu; pertanyaan itu dikeluarkan dari poin maksimum. Pertanyaan bersyarat tidak berlaku bila pertanyaan syaratnya dijawab lain; kosongkan saja."),
        ("text", missing),
        ("text", "Nilai indikator = poin diperoleh ÷ poin maksimum × bobot indikator. Nilai SAQ = jumlah nilai indikator (0–100). Bila semua pertanyaan suatu indikator tidak berlaku, bobot indikator itu dibagi ulang secara proporsional kepada indikator lain."),
        ("text", _rounding_text(q)),
        *[("text", line) for line in _stages_text(q, body_only)],
        ("text", f"Kualifikasi: {bands}."),
        ("blank", ""),
        *(() if body_only else _VERIFY_SECTION),
        ("heading", "5. Pengiriman" if body_only else "6. Pengiriman"),
        ("text", f"Kirim berkas isian (.xlsx, .ods atau .xls) beserta dokumen bukti dukung kepada {q.commission} melalui kanal dan sesuai jadwal yang ditetapkan dalam pedoman monev tahun {q.year}. Simpan salinan berkas yang dikirim."),
    ]
    return lines


SUMMARY_TITLE = "Ringkasan Perkiraan Nilai"
SUMMARY_NOTE = (
    "Nilai pada sheet ini dihitung rumus dari jawaban di sheet Kuesioner dan merupakan perkiraan. "
    "Nilai resmi ditetapkan Komisi Informasi setelah verifikasi; 'kipmonev check' menghitung nilai yang sama."
)
SUMMARY_COUNTS = (
    ("questions", "Jumlah pertanyaan"),
    ("answered", "Dijawab"),
    ("missing", "Belum dijawab"),
    ("not_applicable", "Tidak berlaku"),
    ("no_evidence", "Jawaban bernilai tanpa bukti dukung yang diwajibkan"),
    ("verified", "Diverifikasi"),
)
SUMMARY_INDICATOR_HEADERS = (
    "Kode",
    "Indikator",
    "Bobot",
    "Poin diperoleh",
    "Poin maksimum",
    "Persentase",
    "Nilai (mandiri)",
    "Poin verifikasi",
    "Poin maks. verifikasi",
    "Nilai (verifikasi)",
)
SUMMARY_TOTALS = (
    ("saq_self", "Nilai SAQ mandiri"),
    ("saq_verified", "Nilai SAQ verifikasi"),
    ("basis", "Nilai SAQ dasar (verifikasi bila ada)"),
)
GATE_PASSED = "Lolos"
GATE_FAILED = "Tidak lolos"
NO_VALUE = "–"


def gate_label(threshold: Decimal) -> str:
    """The label of the gate row."""
    return f"Gerbang (SAQ dasar ≥ {format_plain(threshold)})"


def stage_label(name: str) -> str:
    """The label of a stage score row."""
    return f"Nilai {name}"


FINAL_LABEL = "Perkiraan nilai akhir"
BAND_LABEL = "Perkiraan kualifikasi"

#: Labels accepted on the Identitas sheet for each identity field (matched case-insensitively), as people retype them.
IDENTITY_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("nama badan publik", "nama instansi", "badan publik"),
    "category": ("kategori", "kategori badan publik"),
    "id": ("kode/id badan publik", "kode badan publik", "id badan publik", "kode/id"),
    "province": ("provinsi",),
    "website": ("alamat situs web", "situs web", "website", "alamat website"),
    "ppid_name": ("nama ppid",),
    "ppid_email": ("email ppid", "e-mail ppid", "surel ppid"),
    "year": ("tahun penilaian", "tahun"),
}
