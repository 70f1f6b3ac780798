"""Problems and texts of the sanggah (objection) round: packs out, packs in, decisions (codes ``KM-SG-01x..``)."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

NO_DEADLINE = Entry(
    "KM-SG-010",
    ERROR,
    "masa sanggah belum ditetapkan. Sanggah diterima atau ditolak menurut tanggal, sehingga batasnya harus ada. Tambahkan "
    "'sanggah: 25-11-2025' (tanggal Anda) di bawah 'tenggat:' pada putaran.yaml, atau buat putaran dengan "
    "kipmonev round init --deadline-objection TANGGAL.",
)
NOT_A_SANGGAH_PACK = Entry(
    "KM-SG-011",
    ERROR,
    "berkas ini bukan paket sanggah (Metadata tidak menyebut paket_sanggah). Kumpulkan paket yang ditulis kipmonev round sanggah-pack "
    "dan dikembalikan badan publik; paket verifikasi dikumpulkan dengan kipmonev round verify-collect.",
)
PACK_UNKNOWN_BODY = Entry("KM-SG-012", ERROR, "paket sanggah ini untuk badan publik '{body}' yang tidak ada di daftar putaran. Periksa apakah paket berasal dari putaran ini.")
LATE = Entry(
    "KM-SG-013",
    ERROR,
    "Sanggah diterima {received}, setelah batas masa sanggah {deadline}; sanggah yang terlambat tidak diproses. Beri tahu badan publik "
    "bahwa sanggahnya ditolak karena terlambat. Bila Komisi Informasi memperpanjang masa sanggah, ubah tenggat sanggah di putaran.yaml "
    "lalu kumpulkan paket ini lagi.",
)
OTHER_VERSION = Entry(
    "KM-SG-014",
    ERROR,
    "paket sanggah ini dibuat untuk isian {pack_file} ({pack_sha}), sedangkan versi berlaku {body} sekarang {current_file} ({current_sha}). "
    "Sanggah hanya berlaku atas versi yang dinilai; tulis paket baru dengan kipmonev round sanggah-pack.",
)
STATE_CHANGED = Entry(
    "KM-SG-015",
    ERROR,
    "putusan verifikasi {body} berubah setelah paket sanggah ini ditulis, sehingga paket tidak lagi menunjukkan hasil verifikasi yang berlaku. "
    "Tulis paket baru dengan kipmonev round sanggah-pack dan kirimkan kepada badan publik.",
)
CELLS_EDITED = Entry(
    "KM-SG-016",
    ERROR,
    "sel terkunci pada paket berbeda dengan hasil verifikasi untuk {count} baris ({codes}). Kolom Kode sampai Poin Verifikasi tidak boleh "
    "diubah; isi hanya Tanggapan/Klaim, Jawaban yang Diajukan dan Bukti Baru pada paket asli.",
)
CLAIM_EMPTY = Entry(
    "KM-SG-017",
    ERROR,
    "baris {code} berisi Jawaban yang Diajukan atau Bukti Baru tanpa Tanggapan/Klaim. Tulis alasan sanggah pada kolom Tanggapan/Klaim, atau kosongkan barisnya.",
)
NO_CURRENT = Entry("KM-SG-020", ERROR, "{body} belum memiliki versi berlaku yang dapat dinilai; belum ada yang dapat disanggah.")
NO_CLAIM = Entry(
    "KM-SG-021",
    ERROR,
    "tidak ada sanggah atas {code} dari {body} pada versi berlaku. Putusan hanya untuk sanggah yang diajukan; sanggah yang ada: {filed}. "
    "Lihat kipmonev round sanggah-status.",
)
NEED_VERDICT = Entry(
    "KM-SG-022",
    ERROR,
    "sanggah atas {code} tidak menyebut jawaban yang diajukan, sehingga putusan verifikasi yang baru tidak diketahui. Sebutkan dengan --verdict JAWABAN.",
)
VERDICT_ON_REJECT = Entry("KM-SG-023", ERROR, "--verdict hanya dipakai bila sanggah diterima; sanggah yang ditolak mempertahankan putusan verifikasi.")
NONE_FILED = Text("belum ada")
FILED_REASON = Text("paket sanggah {file}")
LATE_REASON = Text("diterima setelah batas masa sanggah")
PACK_SUMMARY = Text("Paket sanggah ditolak.")
DECIDE_SUMMARY = Text("Putusan sanggah tidak dapat dicatat.")
DEADLINE_SUMMARY = Text("Masa sanggah belum ditetapkan.")
NOTHING_CLAIMED = Text("tidak ada")
