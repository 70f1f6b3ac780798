"""Words of ``kipmonev compare``'s table (CSV and XLSX): headers, statuses and notes."""

from __future__ import annotations

from kipmonev.core.catalogue import Text

HEADER = (
    "ID",
    "Badan publik",
    "Kategori",
    "Nilai lama",
    "Kualifikasi lama",
    "Status lama",
    "Nilai baru",
    "Kualifikasi baru",
    "Status baru",
    "Perubahan",
    "Keterangan",
)
INDICATOR_HEADER = ("ID", "Badan publik", "Kode indikator", "Indikator", "Persen lama", "Persen baru", "Perubahan")
SHEET_BODIES = "Perbandingan"
SHEET_INDICATORS = "Indikator"
FINAL = "Final"
ESTIMATE = "Perkiraan"
ONLY_OLD = Text("hanya di hasil LAMA")
ONLY_NEW = Text("hanya di hasil BARU")
BY_NAME = Text("dicocokkan menurut nama; ID di hasil LAMA: {old_key}")
