"""Problems the models find in a questionnaire or rule set they are built from (KM-Q-001 to KM-Q-023).

See :mod:`kipmonev.core.catalogue`: templates read ``<what is wrong>. <the rule>. <what to do>.``; the location is put
in front when the problem is shown.
"""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

WEIGHTS_NOT_100 = Entry("KM-Q-001", ERROR, "jumlah bobot {what} adalah {total}, bukan 100. Sesuaikan 'bobot' agar berjumlah tepat 100.")
DUPLICATE_CODE = Entry("KM-Q-002", ERROR, "kode {what} '{code}' dipakai lebih dari sekali. Setiap kode harus unik; ganti salah satunya.")
UNKNOWN_INDICATOR = Entry("KM-Q-003", ERROR, "pertanyaan {code} menyebut indikator '{indicator}' yang tidak ada. Gunakan salah satu kode di 'indikator'.")
CONDITION_UNKNOWN = Entry("KM-Q-004", ERROR, "syarat pertanyaan {code} menyebut pertanyaan '{target}' yang tidak ada. Periksa kode di 'syarat.pertanyaan'.")
CONDITION_SELF = Entry("KM-Q-005", ERROR, "syarat pertanyaan {code} menyebut dirinya sendiri. Syarat harus menyebut pertanyaan lain.")
CONDITION_SCORED = Entry("KM-Q-006", ERROR, "syarat pertanyaan {code} menyebut pertanyaan '{target}' yang bernilai poin. Pertanyaan syarat harus bernilai 0 poin (pertanyaan cakupan) agar memenuhi satu butir tidak pernah menurunkan nilai. Jadikan '{target}' bernilai 0 poin atau pilih pertanyaan syarat lain.")
CONDITION_ANSWER = Entry("KM-Q-007", ERROR, "syarat pertanyaan {code} menyebut jawaban '{answer}' yang tidak tersedia. Gunakan {allowed}.")
CONDITION_CYCLE = Entry("KM-Q-008", ERROR, "syarat pertanyaan {code} membentuk lingkaran. Putuskan lingkaran syarat tersebut.")
CODE_PREFIX = Entry("KM-Q-009", ERROR, "kode pertanyaan '{code}' tidak diawali kode indikatornya '{indicator}.'. Ubah kode menjadi '{indicator}.…' agar mudah dilacak.")
EMPTY_INDICATOR = Entry("KM-Q-010", ERROR, "indikator '{indicator}' tidak memiliki pertanyaan yang bernilai poin. Tambahkan pertanyaan atau hapus indikator ini.")
BANDS_ORDER = Entry("KM-Q-011", ERROR, "batas bawah kualifikasi tidak turun secara tegas hingga 0. Tulis kualifikasi dari yang tertinggi ke terendah (misalnya 90, 80, 60, 40, 0); yang terakhir harus 0.")
DUPLICATE_LABEL = Entry("KM-Q-015", ERROR, "pilihan '{label}' ditulis lebih dari sekali (tanpa membedakan huruf besar/kecil). Setiap pilihan harus unik.")
RESERVED_LABEL = Entry("KM-Q-016", ERROR, "pilihan '{label}' dicadangkan untuk jawaban tidak berlaku. Gunakan 'boleh_na: true' dan nama pilihan lain.")
RANGES_ORDER = Entry("KM-Q-017", ERROR, "rentang ke-{index} tumpang tindih atau tidak berurutan. Urutkan rentang dari kecil ke besar; 'dari' tidak boleh kurang dari 'sampai' rentang sebelumnya.")
RANGE_EMPTY = Entry("KM-Q-018", ERROR, "rentang ke-{index} kosong: 'sampai' harus lebih besar dari 'dari'.")
OPEN_RANGE_NOT_LAST = Entry("KM-Q-019", ERROR, "rentang ke-{index} tanpa 'sampai' harus menjadi rentang terakhir.")
FIRST_STAGE_NOT_SAQ = Entry("KM-Q-020", ERROR, "tahap pertama adalah '{code}', bukan 'saq'. Tahap pertama harus penilaian mandiri dengan kode 'saq'.")
NOTE_WITHOUT_SOURCE = Entry("KM-Q-021", ERROR, "keterangan '{item}' berstatus terkonfirmasi tetapi tanpa 'sumber'. Tambahkan sumbernya atau ubah status menjadi 'preset' dengan 'alasan'.")
NOTE_WITHOUT_REASON = Entry("KM-Q-022", ERROR, "keterangan '{item}' berstatus preset tetapi tanpa 'alasan'. Tuliskan alasan nilai preset ini.")
VERSION_FORMAT = Entry("KM-Q-023", ERROR, "versi {value} tidak berbentuk yyyymmddrr (misalnya 2025081501). Tulis tanggal terbit dan nomor revisi.")

#: Ranges of a number question in words: "10 s.d. 20", "10 s.d. kurang dari 20", "lebih dari 10 s.d. 17".
RANGE_TO_INCLUSIVE = Text("s.d.")
RANGE_TO_EXCLUSIVE = Text("s.d. kurang dari")
RANGE_ABOVE = Text("lebih dari {low}")

# What each code pattern asks for, in words, for error messages.
PATTERN_CODE = Text("tulis kode bertingkat seperti 'JI.2.3': kode indikator, lalu 1–3 nomor dipisah titik")
PATTERN_INDICATOR = Text("tulis 2–4 huruf kapital, misalnya 'JI'")
PATTERN_ITEM = Text("tulis 1–3 huruf kecil atau angka, misalnya 'a'")
PATTERN_ID = Text("tulis huruf kecil, angka dan tanda hubung, misalnya 'ki-pusat-2025-bumn'")
PATTERN_SLUG = Text("tulis huruf kecil dan garis bawah, misalnya 'menuju_informatif'")
PATTERN_COLOR = Text("tulis warna berbentuk '#rrggbb', misalnya '#1b7a3a'")

#: The label of the "not applicable" answer, reserved in every question.
NA_ANSWER = Text("Tidak Berlaku")
