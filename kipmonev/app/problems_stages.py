"""Problems the batch reports when a rule set is applied to workbooks made for other rules (codes ``KM-G-2xx``)."""

from __future__ import annotations

from kipmonev.core.catalogue import WARNING, Entry

STAGE_NOT_IN_RULE_SET = Entry(
    "KM-G-201",
    WARNING,
    "nilai tahap '{stage}' di isian ini tidak dipakai, karena aturan '{rule_set}' tidak memiliki tahap itu (tahapnya: {stages}). "
    "Sel ini terkunci dan tidak perlu diubah. Berikan nilai tahap {stages} lewat --stage-scores (berkas nilai dengan kolom 'Kode' "
    "dan 'Tahap'), atau nilai isian ini tanpa --rules.",
)
