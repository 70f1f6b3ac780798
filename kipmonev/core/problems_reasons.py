"""Why an operation on a file failed, in Bahasa Indonesia: the part in brackets of a problem's message.

The system's own texts (``Permission denied``, ``File is not a zip file``) never reach a person; see
:func:`kipmonev.core.reasons.reason`.
"""

from __future__ import annotations

from kipmonev.core.catalogue import Text

PERMISSION = Text("akses ditolak: berkas sedang dibuka di aplikasi lain atau folder tidak boleh ditulis; tutup berkas di Excel atau LibreOffice lalu coba lagi")
BUSY = Text("berkas sedang dipakai aplikasi lain; tutup berkas di Excel atau LibreOffice lalu coba lagi")
NOT_FOUND = Text("berkas atau folder tidak ditemukan")
EXISTS = Text("nama itu, atau salah satu folder di jalurnya, sudah dipakai berkas lain")
IS_FOLDER = Text("yang disebut adalah folder, bukan berkas")
NOT_FOLDER = Text("salah satu bagian jalurnya adalah berkas, bukan folder")
DISK_FULL = Text("ruang disk penuh; kosongkan sebagian ruang lalu coba lagi")
READ_ONLY = Text("disk atau folder hanya dapat dibaca; pilih folder lain")
NAME_TOO_LONG = Text("nama atau jalur berkas terlalu panjang; pakai nama yang lebih pendek")
TOO_MANY_OPEN = Text("terlalu banyak berkas terbuka sekaligus; jalankan lagi dengan --jobs lebih kecil")
LINK_LOOP = Text("tautan simbolik pada jalurnya berputar")
DEVICE = Text("galat baca/tulis pada perangkat penyimpanan; salin berkas ke disk lain lalu coba lagi")
SYSTEM = Text("galat sistem berkas nomor {errno}")
SYSTEM_PLAIN = Text("galat sistem berkas")
ZIP_DAMAGED = Text("struktur ZIP-nya rusak atau terpotong")
OLE_DAMAGED = Text("struktur berkas Excel 97-2003 (OLE2)-nya rusak atau terpotong")
XML_AT = Text("baris {line}, kolom {column}")
DATABASE_NOT_SQLITE = Text("berkas ini bukan basis data SQLite atau isinya rusak")
DATABASE_LOCKED = Text("basis data sedang dipakai proses lain; tunggu proses itu selesai lalu coba lagi")
DATABASE_CANNOT_OPEN = Text("berkas basis data tidak dapat dibuka; periksa apakah foldernya ada dan boleh ditulis")
DATABASE_OTHER = Text("galat basis data SQLite")
COMPRESSED_DAMAGED = Text("data terkompresinya rusak")
TRUNCATED = Text("berkas terpotong")
NOT_UTF8 = Text("isinya bukan teks UTF-8: baris {line} memuat huruf yang tidak dikenal")
ENCRYPTED = Text("berkas dikunci dengan kata sandi")
UNSUPPORTED = Text("memakai fitur yang tidak didukung")
UNEXPECTED = Text("galat tak terduga ({kind})")
