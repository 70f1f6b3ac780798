"""Problems and texts of sign-off, penetapan, corrections and the input check in a round (codes ``KM-T-02x``-``KM-T-04x``)."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, WARNING, Entry, Text

NO_VERSION = Entry("KM-T-020", ERROR, "{body} belum memiliki versi isian yang dapat dinilai. Yang disahkan hanya hasil penilaian versi berlaku. Terima isiannya dengan kipmonev round receive.")
NOT_VERIFIED = Entry(
    "KM-T-021",
    ERROR,
    "{body} belum diverifikasi lengkap: {count} pertanyaan belum memiliki putusan yang berlaku ({codes}). Pengesahan hanya untuk "
    "badan publik yang seluruh pertanyaannya sudah diverifikasi. Lihat kipmonev round verify-status {folder}.",
)
NO_RESULT = Entry(
    "KM-T-022",
    ERROR,
    "{body} belum memiliki hasil rekap untuk versi berlaku dan putusan terakhirnya. Yang disahkan adalah hasil rekap terbaru. "
    "Jalankan kipmonev round recap {folder}, lalu ulangi.",
)
QUALITY_FIRST = Entry(
    "KM-T-023",
    ERROR,
    "{body} belum dijamin mutu. putaran.yaml mewajibkan pengesahan dijamin mutu sebelum penetapan. Jalankan "
    "kipmonev round sign-off {folder} --level dijamin-mutu {body} --reason \"…\" terlebih dahulu.",
)
ALREADY_FIXED = Entry(
    "KM-T-024",
    ERROR,
    "{body} sudah ditetapkan dengan SK {sk} tanggal {date}. Hasil yang sudah ditetapkan tidak ditetapkan ulang. Ubah dengan "
    "kipmonev round correct {folder} {body} --sk \"…\" --reason \"…\" --score NILAI.",
)
INCOMPLETE = Entry("KM-T-025", ERROR, "nilai {body} belum lengkap: {reasons} Hanya nilai yang lengkap yang dapat ditetapkan. Lengkapi penilaiannya, lalu jalankan kipmonev round recap {folder}.")
FIXED_BY_PLENO = Entry(
    "KM-T-026",
    ERROR,
    "tingkat 'ditetapkan' diberikan oleh pleno, bukan dengan sign-off. Jalankan kipmonev round penetapan {folder} --sk \"Nomor SK\" --date TANGGAL.",
)
NOT_FIXED = Entry(
    "KM-T-027",
    ERROR,
    "{body} belum ditetapkan. Koreksi hanya untuk hasil yang sudah ditetapkan; sebelum penetapan, nilai berubah melalui putusan "
    "verifikasi (kipmonev round verify-collect) dan kipmonev round recap.",
)
SAME_SCORE = Entry("KM-T-028", ERROR, "nilai {score} sama dengan nilai {body} yang berlaku. Koreksi mengubah nilai. Periksa nilainya.")
NOTHING_TO_SIGN = Entry("KM-T-029", ERROR, "belum ada badan publik dengan versi isian yang dapat dinilai. Terima isian dengan kipmonev round receive dan jalankan kipmonev round recap.")
IDS_OR_ALL = Entry("KM-T-030", ERROR, "beri ID badan publik atau --all, salah satu saja. Contoh: kipmonev round sign-off {folder} --level dijamin-mutu --all --reason \"…\".")
TEXT_EMPTY = Entry("KM-T-031", ERROR, "{option} kosong. {option} wajib diisi karena dicatat di log putaran. Isi {option}.")
ALREADY_SIGNED = Entry("KM-T-032", WARNING, "{body} sudah disahkan ({level}) atas versi dan putusan yang sama pada {when}; tidak dicatat ulang.")

COPY_CHANGED = Entry(
    "KM-T-040",
    ERROR,
    "salinan berkas {name} berubah sejak diterima: SHA-256 sekarang {now}, tercatat {recorded}. Salinan di berkas-masuk tidak boleh "
    "diubah. Terima ulang berkas aslinya dengan kipmonev round receive.",
)
COPY_MISSING = Entry("KM-T-041", ERROR, "salinan berkas {name} yang diterima tidak ada lagi. Salinan di berkas-masuk tidak boleh dihapus. Terima ulang berkas aslinya dengan kipmonev round receive.")
OUTPUT_CHANGED = Entry(
    "KM-T-042",
    ERROR,
    "berkas ini berubah sejak ditulis putaran: SHA-256 sekarang {now} tidak tercatat sebagai keluaran putaran. Hasil dan lampiran tidak "
    "boleh diubah; {fix}.",
)
INPUT_UNKNOWN = Entry(
    "KM-T-043",
    ERROR,
    "hasil ini dihitung dari isian {name} dengan SHA-256 {sha}, yang tidak tercatat diterima putaran ini. Hasil hanya dihitung dari "
    "isian yang diterima. Jalankan kipmonev round recap.",
)
INPUT_NOT_CURRENT = Entry(
    "KM-T-044",
    WARNING,
    "hasil ini dihitung dari isian {name} ({sha}), bukan versi berlaku {body} sekarang ({current}). Jalankan kipmonev round recap untuk hasil versi berlaku.",
)

SIGN_SUMMARY = Text("Pengesahan tidak dicatat.")
FIX_SUMMARY = Text("Penetapan tidak dicatat.")
CORRECT_SUMMARY = Text("Koreksi tidak dicatat.")
ANNEX_REASON = Text("lampiran penetapan SK {sk} ditulis")
FIX_REASON = Text("ditetapkan dalam pleno dengan SK {sk}")
RESULT_FIX = Text("tulis ulang dengan kipmonev round recap")
ANNEX_FIX = Text("pakai lampiran yang ditulis putaran (SHA-256-nya tercatat pada peristiwa penetapan di kipmonev round history)")
