"""Evidence-file problems (KM-E-2xx): what is wrong with a file named in an evidence cell, or with the folder or zip.

Every entry is a warning except a refused zip: evidence checks never change the score (the score still
follows the evidence cell, as before). See :mod:`kipmonev.core.catalogue`.
"""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, WARNING, Entry, Text

EVIDENCE_MISSING = Entry(
    "KM-E-201",
    WARNING,
    "berkas bukti '{name}' untuk {question} tidak ada di {folder}. Letakkan berkas itu di folder bukti, atau perbaiki nama berkas di sel ini.",
)
EVIDENCE_OUTSIDE = Entry(
    "KM-E-202",
    WARNING,
    "nama berkas bukti '{name}' untuk {question} menunjuk ke luar folder bukti. Tulis nama berkas saja (boleh dengan subfolder di dalam folder bukti), tanpa '..' atau path lengkap.",
)
EVIDENCE_EMPTY = Entry(
    "KM-E-203",
    WARNING,
    "berkas bukti '{name}' untuk {question} kosong (0 bita). Simpan ulang dokumennya sebagai PDF, lalu ganti berkas ini.",
)
EVIDENCE_TOO_LARGE = Entry(
    "KM-E-204",
    WARNING,
    "berkas bukti '{name}' untuk {question} berukuran {size} MB, melebihi batas {limit} MB per pertanyaan. Perkecil PDF-nya (misalnya pindai ulang dengan resolusi lebih rendah atau kompres), lalu ganti berkas ini.",
)
EVIDENCE_RENAMED = Entry(
    "KM-E-205",
    WARNING,
    "berkas bukti '{name}' untuk {question} bernama .pdf tetapi isinya {kind}, bukan PDF. Buka dokumen aslinya dan simpan atau ekspor sebagai PDF; mengganti nama berkas tidak mengubah isinya.",
)
EVIDENCE_NOT_PDF = Entry(
    "KM-E-206",
    WARNING,
    "berkas bukti '{name}' untuk {question} berisi {kind}, bukan PDF; portal monev hanya menerima PDF. Simpan atau ekspor dokumen itu sebagai PDF dan tulis nama berkas PDF-nya di sel ini.",
)
EVIDENCE_PDF_BROKEN = Entry(
    "KM-E-207",
    WARNING,
    "berkas bukti '{name}' untuk {question} tidak dapat dibuka sebagai PDF (rusak atau terpotong). Buat ulang PDF-nya dari dokumen asli, lalu ganti berkas ini.",
)
EVIDENCE_PDF_ENCRYPTED = Entry(
    "KM-E-208",
    WARNING,
    "berkas bukti '{name}' untuk {question} dilindungi kata sandi (terenkripsi), sehingga verifikator mungkin tidak dapat membukanya. Simpan ulang PDF tanpa kata sandi dan tanpa pembatasan, lalu ganti berkas ini.",
)
EVIDENCE_PDF_NO_PAGES = Entry(
    "KM-E-209",
    WARNING,
    "berkas bukti '{name}' untuk {question} adalah PDF tanpa halaman. Buat ulang PDF-nya dari dokumen asli, lalu ganti berkas ini.",
)
EVIDENCE_PDF_SCAN = Entry(
    "KM-E-210",
    WARNING,
    "berkas bukti '{name}' untuk {question} tidak memiliki lapisan teks (hasil pindai), sehingga isinya tidak dapat dicari. Bila ada, pakai PDF yang disimpan langsung dari dokumen aslinya, atau jalankan OCR pada hasil pindai.",
)
EVIDENCE_STALE_YEAR = Entry(
    "KM-E-211",
    WARNING,
    "berkas bukti '{name}' untuk {question} menyebut tahun {found} ({where}), padahal dokumennya harus mencakup periode {period}. Pastikan dokumen yang dilampirkan adalah dokumen periode {period}.",
)
EVIDENCE_REUSED = Entry(
    "KM-E-212",
    WARNING,
    "berkas bukti '{name}' dipakai juga untuk {others} pada indikator lain. Pastikan dokumen ini memang membuktikan setiap pertanyaan tersebut; bila tidak, lampirkan dokumen yang sesuai.",
)
EVIDENCE_UNUSED = Entry(
    "KM-E-213",
    WARNING,
    "berkas '{name}' tidak disebut di sel bukti mana pun. Tulis nama berkas ini di sel bukti pertanyaan yang dibuktikannya, atau keluarkan dari folder bukti.",
)
EVIDENCE_FOLDER_MISSING = Entry(
    "KM-E-214",
    WARNING,
    "folder atau zip bukti tidak ada, sehingga {count} berkas bukti tidak diperiksa. Periksa path yang diberikan pada --evidence.",
)
EVIDENCE_ZIP_UNSAFE = Entry(
    "KM-E-215",
    ERROR,
    "zip bukti ditolak dan tidak diperiksa: {reason}. Buat ulang zip dari folder bukti biasa (klik kanan folder, Kompres), lalu kirim lagi.",
)
EVIDENCE_NONE_FOR_BODY = Entry(
    "KM-E-216",
    WARNING,
    "tidak ada folder bukti '{body_id}' atau zip '{body_id}.zip' di {folder}, sehingga {count} berkas bukti badan publik ini tidak diperiksa. "
    "Letakkan bukti badan publik ini di {folder}/{body_id}/ (atau {folder}/{body_id}.zip); nilai tidak berubah.",
)
EVIDENCE_BODY_WITHOUT_ID = Entry(
    "KM-E-217",
    WARNING,
    "isian ini tidak memuat ID badan publik, sehingga folder buktinya di {folder} tidak dapat dicari dan {count} berkas bukti tidak diperiksa. Isi ID badan publik di sheet Identitas; nilai tidak berubah.",
)

ZIP_REASON_TRAVERSAL = Text("isian '{member}' menunjuk ke luar zip (path traversal)")
ZIP_REASON_TOO_MANY = Text("zip berisi lebih dari {limit} isian")
ZIP_REASON_MEMBER_TOO_LARGE = Text("isian '{member}' lebih dari {limit_mb} MB setelah dibuka")
ZIP_REASON_RATIO = Text("isian '{member}' dimampatkan lebih dari {ratio}:1 (bom zip)")
ZIP_REASON_TOTAL = Text("isi zip lebih dari {limit_mb} MB setelah dibuka")
ZIP_REASON_ENCRYPTED = Text("isian '{member}' dilindungi kata sandi")

#: What a file holds, by its content, as the messages name it.
KIND_OFFICE = Text("dokumen Office (Word, Excel atau PowerPoint)")
KIND_ZIP = Text("arsip zip")
KIND_OLD_OFFICE = Text("dokumen Office lama (.doc/.xls)")
KIND_JPEG = Text("gambar JPEG")
KIND_PNG = Text("gambar PNG")
KIND_TEXT = Text("teks biasa")
KIND_UNKNOWN = Text("data yang tidak dikenal")

#: Where a year was found.
YEAR_IN_NAME = Text("pada nama berkas")
YEAR_IN_TITLE = Text("pada judul PDF")
YEAR_IN_TEXT = Text("pada halaman pertama")
