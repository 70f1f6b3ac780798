"""Column headings of the hidden Hitung sheet (words people see when they unhide it), by role."""

from __future__ import annotations

#: Heading per :class:`kipmonev.outputs.formulas._Calc` attribute.
CALC_HEADINGS = {
    "CODE": "kode", "INDICATOR": "indikator", "PARENT": "induk", "ROW": "baris", "OWN": "jawaban", "VER": "verifikasi", "EVIDENCE": "bukti",
    "OWN_NUM": "angka", "VER_NUM": "angka verifikasi", "ITEM_OWN_PTS": "poin butir", "ITEM_VER_PTS": "poin butir verifikasi",
    "ITEM_VER_FILLED": "butir diverifikasi", "ITEM_OWN_YES": "butir ya", "RAW": "poin kasar", "BLANK": "kosong", "NA": "tidak berlaku",
    "APPLICABLE": "berlaku", "EVIDENCE_OK": "bukti cukup", "POSSIBLE": "poin mungkin", "EARNED": "poin diperoleh", "ANSWERED": "dijawab",
    "NO_EVIDENCE": "tanpa bukti", "MISSING": "belum dijawab", "VER_GIVEN": "diverifikasi", "VER_RAW": "poin kasar verifikasi",
    "VER_NA": "tidak berlaku verifikasi", "VIEW": "jawaban dasar", "VER_APPLICABLE": "berlaku verifikasi",
    "VER_POSSIBLE": "poin mungkin verifikasi", "VER_EARNED": "poin diperoleh verifikasi", "ITEM_VER_YES": "butir ya verifikasi",
    "LINK_TEXT": "teks tautan",
}  # fmt: skip
#: Heading of a link helper column: the URL's number and the part.
LINK_HEADING = "tautan {n}: {part}"
#: The parts of a URL the link helper columns hold.
LINK_PARTS = {"pos": "posisi ://", "after": "sesudah ://", "url": "tautan", "host": "situs", "next": "kata berikutnya", "ok": "dihitung"}
