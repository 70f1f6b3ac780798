"""Problems of reading spreadsheets saved in other formats than .xlsx (.ods, .xls, .xlsb), KM-X-…."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

#: A zip (.ods, .xlsb) or an OLE2 file (.xls) that the reader cannot open or that ends too early.
DAMAGED = Entry(
    "KM-X-001",
    ERROR,
    "berkas {kind} rusak atau terpotong ({detail}). Salin ulang berkas dari sumbernya, atau buka dan simpan ulang di Excel atau LibreOffice.",
)
#: The detail of DAMAGED for an .xls workbook stream that names no sheet.
NO_SHEETS = Text("tidak ada sheet di dalamnya")
#: A sheet whose cells with content span a rectangle too large to read (cells far apart).
SHEET_TOO_WIDE = Entry(
    "KM-X-002",
    ERROR,
    "isi sheet ini membentang {rows} baris × {columns} kolom, lebih dari {limit} sel. Hapus isi sel di luar tabel, lalu simpan ulang.",
)
#: The content of an OpenDocument spreadsheet, or a part of it, is not valid XML.
ODS_BAD_XML = Entry(
    "KM-X-003",
    ERROR,
    "bagian '{part}' bukan XML yang sah ({detail}). Buka dan simpan ulang berkas di LibreOffice atau Excel.",
)
