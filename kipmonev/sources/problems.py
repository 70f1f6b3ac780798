"""Problems and texts of reading: questionnaire YAML (KM-Q), filled workbooks and links (KM-W), questionnaire workbooks (KM-A), stage-score files and results (KM-B).

See :mod:`kipmonev.core.catalogue`: templates read ``<what is wrong>. <the rule>. <what to do>.``; the location is put
in front when the problem is shown.
"""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, WARNING, Entry, Text

UNKNOWN_KEY = Entry("KM-Q-012", ERROR, "kunci '{key}' tidak dikenal. Hapus kunci ini atau periksa ejaannya.")
UNKNOWN_KEY_SUGGESTED = Entry("KM-Q-049", ERROR, "kunci '{key}' tidak dikenal. Mungkin maksud Anda '{suggestion}'?")
MISSING_KEY = Entry("KM-Q-013", ERROR, "kunci wajib '{key}' tidak ada. Tambahkan '{key}: ...'.")
UNKNOWN_ANSWER_TYPE = Entry("KM-Q-014", ERROR, "tipe '{given}' tidak dikenal. Gunakan {allowed}.")
INVALID_VALUE = Entry("KM-Q-024", ERROR, "nilai '{key}' tidak sah: {detail}.")
YAML_SYNTAX = Entry("KM-Q-030", ERROR, "sintaks YAML tidak sah: {problem}. Periksa indentasi, tanda titik dua dan tanda kutip di sekitar baris ini.")
YAML_ALIAS = Entry("KM-Q-031", ERROR, "alias/anchor YAML ('&' atau '*') tidak diizinkan. Tulis isinya secara lengkap, atau gunakan 'sertakan' untuk berbagi isi.")
YAML_TAG = Entry("KM-Q-032", ERROR, "tag YAML '{tag}' tidak diizinkan. Hapus tag tersebut; tulis nilainya sebagai teks atau angka biasa.")
YAML_DUPLICATE_KEY = Entry("KM-Q-033", ERROR, "kunci '{key}' ditulis lebih dari sekali. Hapus salah satunya.")
YAML_BOOL_KEY = Entry("KM-Q-034", ERROR, "kunci '{key}' bukan teks. Beri tanda kutip pada kunci ini.")
FILE_NOT_FOUND = Entry("KM-Q-035", ERROR, "{kind} tidak ditemukan. Periksa nama dan letak berkasnya.")
FILE_TOO_LARGE = Entry("KM-Q-036", ERROR, "berkas lebih besar dari batas {limit_mb} MB. Periksa apakah berkas yang dipilih benar.")
FILE_UNREADABLE = Entry("KM-Q-037", ERROR, "berkas tidak dapat dibaca ({reason}). Simpan ulang sebagai teks UTF-8.")
YAML_NOT_MAPPING = Entry("KM-Q-038", ERROR, "isi berkas harus berupa pemetaan kunci: nilai (misalnya 'id: ...'). Periksa baris pertama berkas.")
INCLUDE_NOT_FOUND = Entry("KM-Q-039", ERROR, "berkas yang disertakan '{name}' tidak ditemukan. Periksa nama di 'sertakan'; jalurnya relatif terhadap berkas ini.")
INCLUDE_CYCLE = Entry("KM-Q-040", ERROR, "'{name}' menyertakan dirinya sendiri secara melingkar. Hapus salah satu 'sertakan' dalam lingkaran itu.")
INCLUDE_NOT_LIST = Entry("KM-Q-041", ERROR, "'sertakan' harus berupa daftar nama berkas. Tulis setiap berkas sebagai butir '- nama.yaml'.")
EXCLUDE_UNKNOWN = Entry("KM-Q-042", ERROR, "'kecualikan' menyebut pertanyaan '{code}' yang tidak ada di berkas yang disertakan. Periksa kodenya atau hapus dari 'kecualikan'.")
UNKNOWN_RULE_SET = Entry("KM-Q-043", ERROR, "aturan '{name}' tidak ditemukan.{meant} Gunakan jalur berkas atau salah satu id: {known}.")
UNKNOWN_QUESTIONNAIRE = Entry("KM-Q-044", ERROR, "kuesioner '{name}' tidak ditemukan.{meant} Gunakan jalur berkas atau salah satu id: {known}.")
#: The ``meant`` of UNKNOWN_RULE_SET and UNKNOWN_QUESTIONNAIRE when a shipped id is close to the name given.
MEANT_ID = Text(" Mungkin maksud Anda '{id}'?")
EXCLUDE_NOT_LIST = Entry("KM-Q-045", ERROR, "'kecualikan' harus berupa daftar kode pertanyaan, misalnya 'kecualikan: [JI.6.2]'.")
YAML_TOO_DEEP = Entry("KM-Q-046", ERROR, "daftar atau pemetaan YAML bersarang lebih dari {limit} tingkat. Kuesioner yang sah jauh lebih dangkal; periksa tanda '[' dan '{{' serta indentasi di sekitar baris ini.")
INCLUDE_TOO_DEEP = Entry("KM-Q-047", ERROR, "'{name}' tidak disertakan: rantai 'sertakan' paling panjang {limit} berkas, termasuk berkas edisi. Sertakan fragmen langsung dari berkas edisi, bukan melalui rantai berkas.")
INCLUDE_TOO_MANY = Entry("KM-Q-048", ERROR, "berkas ini menyertakan lebih dari {limit} berkas (berkas yang disertakan berulang kali ikut dihitung). Hapus 'sertakan' yang berulang atau gabungkan fragmennya.")
XLSX_NOT_ZIP = Entry("KM-W-001", ERROR, "berkas ini bukan buku kerja Excel (.xlsx). Buka berkas di Excel atau LibreOffice lalu simpan sebagai 'Excel 2007-365 (.xlsx)'.")
XLSX_LEGACY_XLS = Entry("KM-W-002", ERROR, "berkas ini berformat Excel lama (.xls). Buka berkas di Excel atau LibreOffice lalu simpan sebagai 'Excel 2007-365 (.xlsx)'.")
XLSX_DAMAGED = Entry("KM-W-003", ERROR, "berkas .xlsx rusak atau terpotong ({detail}). Salin ulang berkas dari sumbernya, atau buka dan simpan ulang di Excel atau LibreOffice.")
XLSX_ODS = Entry("KM-W-004", ERROR, "berkas ini berformat OpenDocument (.ods). Simpan berkas sebagai 'Excel 2007-365 (.xlsx)'.")
XLSX_TOO_MANY_PARTS = Entry("KM-W-005", ERROR, "berkas .xlsx berisi lebih dari {limit} bagian. Buku kerja yang wajar jauh lebih kecil; periksa apakah berkas yang dipilih benar.")
XLSX_PART_TOO_LARGE = Entry("KM-W-006", ERROR, "bagian '{part}' berukuran lebih dari {limit_mb} MB setelah diekstrak. Buku kerja yang wajar jauh lebih kecil; periksa apakah berkas yang dipilih benar.")
XLSX_TOTAL_TOO_LARGE = Entry("KM-W-007", ERROR, "isi berkas .xlsx lebih dari {limit_mb} MB setelah diekstrak. Buku kerja yang wajar jauh lebih kecil; periksa apakah berkas yang dipilih benar.")
XLSX_RATIO = Entry("KM-W-008", ERROR, "bagian '{part}' dimampatkan lebih dari {ratio} kali lipat, tanda berkas yang dibuat untuk membebani pembaca ('zip bomb'). Berkas tidak dibaca; buka dan simpan ulang di Excel atau LibreOffice.")
XLSX_DOCTYPE = Entry("KM-W-009", ERROR, "bagian '{part}' memuat deklarasi DOCTYPE atau entitas XML, yang tidak diizinkan demi keamanan. Buka dan simpan ulang berkas di Excel atau LibreOffice.")
XLSX_BAD_XML = Entry("KM-W-010", ERROR, "bagian '{part}' bukan XML yang sah ({detail}). Buka dan simpan ulang berkas di Excel atau LibreOffice.")
XLSX_TOO_MANY_CELLS = Entry("KM-W-011", ERROR, "sheet ini berisi lebih dari {limit} sel. Hapus isi dan format sel di luar tabel, lalu simpan ulang.")
XLSX_MISSING_PART = Entry("KM-W-012", ERROR, "bagian '{part}' tidak ada di dalam berkas .xlsx. Buka dan simpan ulang berkas di Excel atau LibreOffice.")
XLSX_NOT_FOUND = Entry("KM-W-013", ERROR, "berkas isian tidak ditemukan. Periksa nama dan letak berkasnya.")
SHEET_MISSING = Entry("KM-W-020", ERROR, "sheet '{name}' tidak ditemukan. Gunakan templat dari 'kipmonev template' dan jangan menghapus atau mengganti nama sheet-nya.")
SHEET_MISSING_RENAMED = Entry("KM-W-073", ERROR, "sheet '{name}' tidak ditemukan. Mungkin sheet '{suggestion}' adalah sheet tersebut; kembalikan namanya menjadi '{name}'.")
METADATA_MISSING = Entry("KM-W-021", ERROR, "metadata templat (sheet tersembunyi 'Metadata') tidak ditemukan, sehingga kuesioner yang diisi tidak diketahui. Sebutkan kuesionernya dengan opsi --questionnaire (-k), atau salin jawaban ke templat baru dari 'kipmonev template'.")
OTHER_QUESTIONNAIRE = Entry("KM-W-022", ERROR, "berkas ini dibuat untuk kuesioner '{file_id}' versi {file_version}, bukan '{expected_id}' versi {expected_version}. Nilai berkas ini dengan kuesioner '{file_id}' versi {file_version}, atau salin jawabannya ke templat baru dari 'kipmonev template {expected_id}'.")
OTHER_CONTENT = Entry("KM-W-023", ERROR, "isi kuesioner '{questionnaire_id}' versi {version} pada berkas ini ({file_hash}) berbeda dari kuesioner yang dipakai ({expected_hash}). Buat templat baru dengan 'kipmonev template {questionnaire_id}' dan salin jawabannya.")
QUESTIONNAIRE_OF_WORKBOOK_UNKNOWN = Entry("KM-W-024", ERROR, "berkas ini dibuat untuk kuesioner '{questionnaire_id}', yang tidak disertakan dalam kipmonev ini. Sebutkan berkas kuesionernya dengan opsi --questionnaire (-k).")
METADATA_INVALID = Entry("KM-W-025", ERROR, "metadata templat '{key}' kosong atau tidak sah. Buat templat baru dengan 'kipmonev template' dan salin jawabannya.")
HEADER_MISSING = Entry("KM-W-030", ERROR, "baris judul kolom (dengan kolom {columns}) tidak ditemukan di 30 baris pertama. Kembalikan baris judul kolom dari templat.")
COLUMN_MISSING = Entry("KM-W-031", ERROR, "kolom '{column}' tidak ditemukan pada baris judul. Kembalikan kolom '{column}' dari templat.")
UNKNOWN_CODE = Entry("KM-W-032", ERROR, "kode '{code}' tidak dikenal di kuesioner {questionnaire_id}. Kode pertanyaan tidak boleh diubah; kembalikan kode aslinya atau hapus baris ini.")
DUPLICATE_ROW = Entry("KM-W-033", ERROR, "kode {code} muncul lebih dari sekali (pertama di {first}). Hapus baris rangkapnya.")
ROW_MISSING = Entry("KM-W-034", ERROR, "baris {code} tidak ditemukan. Kembalikan baris tersebut dari templat; baris pertanyaan dan butir tidak boleh dihapus.")
FORMULA_WITHOUT_VALUE = Entry("KM-W-035", ERROR, "sel berisi rumus tanpa nilai tersimpan. Buka berkas di Excel atau LibreOffice lalu simpan ulang, atau ganti rumus dengan nilainya.")
CELL_ERROR = Entry("KM-W-036", ERROR, "sel berisi galat '{error}'. Ganti dengan isian yang sah.")
STAGE_NOT_NUMBER = Entry("KM-W-038", ERROR, "nilai tahap '{stage}' ('{given}') bukan angka. Isi angka antara 0 dan 100, misalnya 85 atau 87,5.")
YEAR_INVALID = Entry("KM-W-039", ERROR, "tahun penilaian '{given}' tidak sah. Isi dengan empat angka, misalnya 2025.")
CHECKLIST_PARENT = Entry("KM-W-040", ERROR, "jawaban '{given}' tidak dikenal untuk {code}. Pertanyaan daftar periksa dijawab per butir dengan 'Ya' atau 'Tidak'{na}; kosongkan sel ini.")
CHECKLIST_PARENT_NA = Text(" atau 'Tidak Berlaku' pada baris ini bila tidak berlaku")
MERGED_ANSWER_CELL = Entry("KM-W-041", ERROR, "sel ini tertutup sel gabungan {span}, sehingga jawabannya tidak dapat dibaca. Pisahkan sel gabungan tersebut (Unmerge Cells), lalu isi jawaban pada setiap baris.")
UNANSWERED = Entry("KM-W-050", WARNING, "pertanyaan {code} belum dijawab. Pertanyaan yang tidak dijawab bernilai 0; isi kolom Jawaban.")
CHECKLIST_UNANSWERED = Entry("KM-W-051", WARNING, "butir-butir pertanyaan {code} belum dijawab. Pertanyaan yang tidak dijawab bernilai 0; jawab setiap butir dengan 'Ya' atau 'Tidak'.")
CHECKLIST_ITEMS_BLANK = Entry("KM-W-052", WARNING, "butir {items} pada {code} belum dijawab dan dihitung 'Tidak'. Jawab setiap butir dengan 'Ya' atau 'Tidak'.")
VERIFICATION_ITEMS_BLANK = Entry("KM-W-053", WARNING, "jawaban verifikasi butir {items} pada {code} kosong dan dihitung 'Tidak'. Isi jawaban verifikasi setiap butir.")
IDENTITY_CATEGORY_OTHER = Entry("KM-W-091", WARNING, "kategori '{given}' berbeda dengan kategori kuesioner ini ('{expected}'); nilai dihitung menurut kuesioner {questionnaire_id}. Bila kategori badan publik Anda '{given}', isi templat kategori itu; bila tidak, perbaiki kategori di sel ini.")
IDENTITY_YEAR_OTHER = Entry("KM-W-092", WARNING, "tahun penilaian {given} berbeda dengan tahun kuesioner ini ({expected}). Pakai templat tahun {given}, atau perbaiki tahun di sel ini.")
IDENTITY_WEBSITE_NOT_LINK = Entry("KM-W-093", WARNING, "situs web '{given}' bukan alamat lengkap. Tulis alamatnya dengan https://, misalnya {suggestion}.")
BODY_NAME_MISSING = Entry("KM-W-054", WARNING, "nama badan publik belum diisi. Isi nama badan publik pada sheet Identitas.")
NO_EVIDENCE = Entry("KM-W-055", WARNING, "jawaban '{answer}' untuk {code} belum dilengkapi bukti dukung berupa {need}. Jawaban tanpa bukti yang diwajibkan {effect}; isi kolom Tautan/Bukti Dukung.")
NO_EVIDENCE_NO_CREDIT = Text("tidak diberi nilai")
NO_EVIDENCE_PARTIAL_CREDIT = Text("hanya diberi sebagian nilai")
METADATA_MISSING_ASSUMED = Entry("KM-W-056", WARNING, "metadata templat tidak ditemukan; berkas dibaca sebagai isian kuesioner '{questionnaire_id}' versi {version}. Pastikan berkas dibuat dari templat kuesioner tersebut.")
XLSX_MACROS = Entry("KM-W-057", WARNING, "berkas ini memuat makro (VBA atau lembar makro). Makro tidak dijalankan dan diabaikan; hanya isi sel yang dibaca. Sebaiknya simpan berkas sebagai 'Excel 2007-365 (.xlsx)' tanpa makro.")
LINK_STATUS = Entry("KM-W-060", WARNING, "tautan {url} tidak dapat dibuka (status HTTP {status}). Perbaiki tautannya atau pastikan dokumen dapat diakses publik.")
LINK_TIMEOUT = Entry("KM-W-061", WARNING, "tautan {url} tidak menjawab dalam {seconds} detik. Pastikan situsnya aktif dan dapat diakses publik.")
LINK_DNS = Entry("KM-W-062", WARNING, "nama domain '{host}' pada tautan {url} tidak ditemukan. Periksa ejaan alamatnya.")
LINK_REDIRECTS = Entry("KM-W-063", WARNING, "tautan {url} dialihkan lebih dari {limit} kali. Gunakan alamat tujuan akhirnya.")
LINK_FAILED = Entry("KM-W-064", WARNING, "tautan {url} tidak dapat dihubungi ({reason}). Pastikan situsnya aktif dan dapat diakses publik.")
LINK_NOT_PUBLIC = Entry("KM-W-065", WARNING, "tautan {url} mengarah ke alamat jaringan lokal atau privat ({address}) yang tidak dapat diakses publik, sehingga tidak dibuka. Gunakan alamat situs yang dapat diakses publik.")
# Why a link could not be reached, for LINK_FAILED.
REASON_NOT_HTTP_REDIRECT = Text("dialihkan ke alamat yang bukan http(s): {target}")
REASON_TLS = Text("sertifikat atau koneksi TLS tidak sah")
REASON_REFUSED = Text("koneksi ditolak")
LINKS_TOO_MANY = Entry("KM-W-066", WARNING, "isian memuat {found} tautan berbeda; hanya {limit} yang pertama diperiksa. Periksa sisanya secara terpisah, atau kurangi tautan yang berulang.")
XLSX_ENCRYPTED = Entry("KM-W-067", ERROR, "berkas ini dilindungi kata sandi pembuka (terenkripsi) sehingga tidak dapat dibaca. Hapus kata sandi pembuka berkas, lalu simpan ulang sebagai .xlsx.")
XLSX_BINARY = Entry("KM-W-068", ERROR, "berkas ini berformat Excel Binary (.xlsb), yang tidak dapat dibaca. Buka berkas di Excel lalu simpan sebagai 'Excel Workbook (.xlsx)'.")
XLSX_CELL_OUT_OF_BOUNDS = Entry("KM-W-069", ERROR, "sel ini berada di luar batas yang dibaca (sampai baris {max_row} dan kolom {max_column}). Hapus baris dan kolom di luar tabel, termasuk isi dan formatnya, lalu simpan ulang.")
XLSX_SHEET_PART_MISSING = Entry("KM-W-070", ERROR, "isi sheet ini tidak ditemukan di dalam berkas .xlsx (tautan ke bagiannya rusak). Buka dan simpan ulang berkas di Excel atau LibreOffice.")
XLSX_UNREADABLE = Entry("KM-W-071", ERROR, "berkas isian tidak dapat dibaca ({reason}). Periksa izin berkas, atau salin berkas ke folder lain.")
TEMPLATE_FORMAT_UNSUPPORTED = Entry("KM-W-072", ERROR, "format templat versi '{found}' tidak dikenal oleh kipmonev ini (yang didukung: versi {supported}). Perbarui kipmonev atau buat templat baru dengan 'kipmonev template'.")
SHEET_REQUIRED = Entry("KM-A-002", ERROR, "sheet wajib '{sheet}' tidak ada. Tambahkan sheet bernama tepat '{sheet}'.")
SHEET_MISSPELT = Entry("KM-A-003", ERROR, "sheet '{given}' tidak dikenal. Mungkin maksud Anda '{suggestion}'? Ganti nama sheet menjadi '{suggestion}'.")
SHEET_UNKNOWN = Entry("KM-A-004", WARNING, "sheet '{given}' tidak dikenal dan diabaikan. Awali namanya dengan '_' bila sheet ini memang catatan Anda.")
SHEET_EMPTY = Entry("KM-A-005", ERROR, "sheet '{sheet}' kosong. Tulis judul kolom pada baris pertama ({columns}), lalu isinya di baris berikutnya.")
COLUMN_REQUIRED = Entry("KM-A-006", ERROR, "kolom wajib '{column}' tidak ada. Tambahkan kolom berjudul '{column}' pada baris judul.")
COLUMN_UNKNOWN = Entry("KM-A-007", WARNING, "kolom '{column}' tidak dikenal dan diabaikan. Periksa ejaannya, atau awali judulnya dengan '_' bila kolom ini memang catatan Anda.")
COLUMN_MISSPELT = Entry("KM-A-008", ERROR, "kolom '{column}' tidak dikenal. Mungkin maksud Anda '{suggestion}'? Perbaiki judul kolomnya.")
COLUMN_DUPLICATE = Entry("KM-A-009", ERROR, "kolom '{column}' muncul lebih dari sekali. Hapus salah satunya.")
CELL_INVALID = Entry("KM-A-011", ERROR, "nilai '{value}' tidak sah: {detail}.")
CELL_EMPTY = Entry("KM-A-012", ERROR, "sel kosong. Kolom ini wajib diisi.")
CELL_FORMULA = Entry("KM-A-013", ERROR, "sel berisi rumus '{formula}'. Kuesioner dibaca dari nilai yang tertulis; ganti rumus dengan nilainya.")
NOT_FOR_TYPE = Entry("KM-A-015", ERROR, "hanya dipakai untuk pertanyaan bertipe {allowed}, bukan '{tipe}'. Kosongkan sel ini atau ubah tipe pertanyaannya.")
OPTION_UNKNOWN_QUESTION = Entry("KM-A-016", ERROR, "pertanyaan '{code}' tidak ada di sheet Pertanyaan. Periksa kodenya.")
OPTION_FOR_YES_NO = Entry("KM-A-017", ERROR, "pertanyaan {code} bertipe 'ya_tidak' tidak memakai baris di sheet Pilihan; poinnya ditulis di kolom 'poin' sheet Pertanyaan. Hapus baris ini atau ubah tipe pertanyaannya.")
OPTIONS_TOO_FEW = Entry("KM-A-018", ERROR, "pertanyaan {code} bertipe '{tipe}' memerlukan minimal {minimum} baris di sheet Pilihan. Tambahkan baris dengan kode_pertanyaan '{code}'.")
CONDITION_FORMAT = Entry("KM-A-019", ERROR, "'{text}' tidak berbentuk 'KODE = jawaban'. Tulis misalnya 'KO.2.1 = Ya'; pisahkan beberapa jawaban dengan ';'.")
GATE_NOT_FIRST_ROW = Entry("KM-A-020", ERROR, "gerbang hanya ditulis pada baris tahap pertama ('saq'). Pindahkan nilai ini ke baris tahap pertama.")
SETTING_UNKNOWN = Entry("KM-A-021", ERROR, "pengaturan '{key}' tidak dikenal. Hapus baris ini atau periksa ejaannya.")
SETTING_UNKNOWN_SUGGESTED = Entry("KM-A-026", ERROR, "pengaturan '{key}' tidak dikenal. Mungkin maksud Anda '{suggestion}'?")
SETTING_DUPLICATE = Entry("KM-A-022", ERROR, "pengaturan '{key}' ditulis lebih dari sekali. Hapus salah satu barisnya.")
SETTING_MISSING = Entry("KM-A-023", ERROR, "pengaturan wajib '{key}' tidak ada. Tambahkan baris dengan kunci '{key}' dan isi nilainya.")
SHEET_NO_ROWS = Entry("KM-A-024", ERROR, "sheet '{sheet}' belum berisi baris data. Tambahkan minimal satu baris di bawah baris judul.")
FILL_IN_NOT_QUESTIONNAIRE = Entry(
    "KM-A-027",
    ERROR,
    "berkas ini adalah buku kerja isian (sheet '{identity}' dan '{answers}'), bukan kuesioner. Kuesioner ditulis sebagai YAML atau "
    "sebagai buku kerja kuesioner (sheet '{settings}', '{questions}' dan seterusnya). Periksa isian ini dengan 'kipmonev check {source}'.",
)
WORKBOOK_SUMMARY = Text("{count} masalah ditemukan di buku kerja kuesioner.")
IN_COLUMN = Text("kolom '{column}': {text}")
IN_SETTING = Text("pengaturan '{key}': {text}")
BOOL_CHOICES = Text("isi 'Ya' atau 'Tidak'")
PLACES_CHOICES = Text("isi bilangan bulat 0–4, atau 'tanpa' bila nilai tidak dibulatkan")
SCOPE_CHOICES = Text("isi 'aturan' (keterangan aturan penilaian) atau 'edisi' (keterangan isi edisi)")
STAGE_FILE_UNREADABLE = Entry("KM-B-001", ERROR, "berkas nilai tahap tidak dapat dibaca ({reason}). Simpan sebagai .csv (UTF-8) atau .xlsx.")
STAGE_FILE_BAD_SCORE = Entry("KM-B-006", ERROR, "nilai '{given}' bukan angka 0–100. Isi nilai panelis sebagai angka, misalnya 85 atau 85,5, atau kosongkan.")
STAGE_FILE_DUPLICATE = Entry("KM-B-007", ERROR, "badan publik '{body}' memiliki lebih dari satu baris untuk tahap '{stage}'. Gabungkan nilai panelisnya dalam satu baris.")
STAGE_FILE_EMPTY_ROW = Entry("KM-B-008", ERROR, "baris untuk '{body}' tidak berisi nilai panelis. Isi nilainya atau hapus baris ini.")
RESULTS_UNREADABLE = Entry("KM-B-016", ERROR, "hasil penilaian tidak dapat dibaca ({reason}). Berikan folder keluaran 'kipmonev score', berkas rekap.json-nya, atau satu berkas hasil .json.")
REASON_MISSING = Text("berkas tidak ditemukan")
REASON_UNOPENABLE = Text("berkas tidak dapat dibuka")
REASON_NOT_JSON = Text("isinya bukan JSON yang sah")
REASON_NOT_KIPMONEV = Text("isinya bukan hasil atau rekap kipmonev")

# --- questionnaire files: summaries and translated complaints ---------------------------------

#: libyaml's most common complaints, in Indonesian; anything else is quoted as libyaml says it.
YAML_COMPLAINTS: dict[str, str] = {
    "did not find expected key": "kunci yang diharapkan tidak ditemukan",
    "did not find expected ',' or ']'": "tanda ']' penutup daftar tidak ditemukan",
    "did not find expected ',' or '}'": "tanda '}' penutup pemetaan tidak ditemukan",
    "mapping values are not allowed here": "tanda titik dua tidak boleh berada di sini",
    "could not find expected ':'": "tanda titik dua ':' tidak ditemukan",
    "found character that cannot start any token": "ada karakter yang tidak boleh memulai nilai (misalnya tab; gunakan spasi untuk indentasi)",
    "found unexpected end of stream": "berkas berakhir sebelum tanda kutip atau daftar ditutup",
    "did not find expected '-' indicator": "tanda '-' butir daftar tidak ditemukan",
    "did not find expected <document start>": "isi tambahan setelah akhir dokumen",
    "mapping values are not allowed in this context": "tanda titik dua tidak boleh berada di sini (beri tanda kutip pada nilai yang memuat ': ')",
    "found undefined alias": "alias '*' tanpa anchor",
    "found unknown escape character": "tanda '\\' di dalam tanda kutip ganda diikuti huruf yang tidak dikenal (pakai tanda kutip tunggal)",
    "did not find expected node content": "nilai yang diharapkan tidak ditemukan",
    "found unexpected ':'": "tanda titik dua ':' tidak diharapkan di sini",
}
YAML_COMPLAINT_INDENT = Text("indentasi tidak konsisten dengan baris sebelumnya")
YAML_COMPLAINT_OTHER = Text("penulisan pada baris ini tidak dapat dipahami")

SUMMARY_QUESTIONNAIRE_TOO_LARGE = Text("Berkas kuesioner terlalu besar.")
SUMMARY_FILE_NOT_FOUND = Text("Berkas tidak ditemukan.")
SUMMARY_FILE_UNREADABLE = Text("Berkas tidak dapat dibaca.")
SUMMARY_YAML_UNREADABLE = Text("{source}: YAML tidak dapat dibaca.")
SUMMARY_CONTENT_INVALID = Text("{source}: isi berkas tidak sah.")
SUMMARY_INCLUDE_INVALID = Text("{source}: 'sertakan' tidak sah.")
SUMMARY_INCLUDED_BROKEN = Text("{source}: berkas yang disertakan bermasalah.")
SUMMARY_EXCLUDE_INVALID = Text("{source}: 'kecualikan' tidak sah.")
SUMMARY_RULE_SET_NOT_FOUND_IN = Text("{source}: aturan tidak ditemukan.")
SUMMARY_RULE_SET_INVALID = Text("{source}: berkas aturan tidak sah.")
SUMMARY_QUESTIONNAIRE_NOT_FOUND = Text("Kuesioner tidak ditemukan.")
SUMMARY_RULE_SET_NOT_FOUND = Text("Aturan tidak ditemukan.")
SUMMARY_QUESTIONNAIRE_PROBLEMS = Text("{source}: {count} masalah ditemukan di kuesioner.")
SUMMARY_RULE_SET_PROBLEMS = Text("{source}: {count} masalah ditemukan di berkas aturan.")
#: What FILE_NOT_FOUND calls a file whose kind it does not know.
A_FILE = Text("Berkas")

#: pydantic's error types, as the rule a value breaks.
PYDANTIC_RULES: dict[str, str] = {
    "decimal_parsing": "harus berupa angka",
    "decimal_type": "harus berupa angka",
    "int_parsing": "harus berupa bilangan bulat",
    "int_type": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "float_parsing": "harus berupa angka",
    "string_type": "harus berupa teks",
    "bool_type": "harus true atau false",
    "bool_parsing": "harus true atau false",
    "model_type": "harus berupa pemetaan kunci: nilai",
    "model_attributes_type": "harus berupa pemetaan kunci: nilai",
    "dict_type": "harus berupa pemetaan kunci: nilai",
    "tuple_type": "harus berupa daftar butir '- …'",
    "list_type": "harus berupa daftar butir '- …'",
    "string_too_short": "tidak boleh kosong",
    "string_too_long": "terlalu panjang",
    "decimal_max_places": "paling banyak 4 angka di belakang koma",
}
#: pydantic's bounds, as words before the bound.
PYDANTIC_BOUNDS: dict[str, str] = {"greater_than_equal": "minimal", "greater_than": "harus lebih dari", "less_than_equal": "maksimal", "less_than": "harus kurang dari"}
RULE_MIN_ITEMS = Text("minimal {count} butir")
RULE_ONE_OF = Text("harus salah satu dari {choices}")
#: pydantic joins the last choice with an English "or"; this is its Indonesian word.
OR = Text(" atau ")
RULE_PATTERN = Text("bentuknya tidak sesuai")

SUMMARY_WORKBOOK_UNREADABLE = Text("{source}: buku kerja tidak dapat dibaca.")
SUMMARY_FILLED_UNREADABLE = Text("{source}: berkas isian tidak dapat dibaca.")
SUMMARY_FILLED_PROBLEMS = Text("{source}: {count} masalah ditemukan di berkas isian.")
SUMMARY_QUESTIONNAIRE_UNKNOWN = Text("{source}: kuesioner tidak ditemukan.")
SUMMARY_RESULTS_UNREADABLE = Text("Hasil tidak dapat dibaca.")
REASON_FOLDER = Text("folder, bukan berkas")
#: How the link checker names itself to web servers (the User-Agent's comment).
LINK_CHECKER = Text("pemeriksa tautan bukti dukung")
