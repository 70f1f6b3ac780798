"""Words of the panel kit's sheets, the body report's panel appendix and the recap's panel tables.

The recap workbook (:mod:`kipmonev.outputs.recap_export`) and the recap report read the same headings and
rows (:func:`severity_rows`, :func:`zrank_rows`, :func:`conflict_rows`), so they cannot disagree.
"""

from __future__ import annotations

from decimal import Decimal

from kipmonev.core.catalogue import Text
from kipmonev.model.recap import Recap

# The kit's sheets (beyond its layout, kipmonev.formats.panel_texts).
NOTE_LINE = Text("{status} — {item}: {why}")
SCORE_ERROR = Text("Nilai kriteria adalah angka 0 sampai 100.")
SCORE_ERROR_TITLE = Text("Nilai tidak sah")

#: How each combining rule is named (the values of :class:`kipmonev.engine.stages.CombineRule`).
COMBINE_LABELS = {"mean": "rata-rata", "trimmed": "rata-rata terpangkas (nilai tertinggi dan terendah dibuang bila ada tiga panelis atau lebih)", "median": "median"}
#: A conflict of interest that holds for every stage.
ALL_STAGES = "semua tahap"

# The body report's appendix.
APPENDIX_TITLE = "Penilaian panel dan konflik kepentingan"
APPENDIX_STAGE = Text("{stage}, {room}: nilai setiap panelis = Σ (nilai kriteria × bobot) ÷ jumlah bobot; nilai panelis digabung dengan {rule}.")
APPENDIX_HEAD_PANELIST = "Panelis"
APPENDIX_HEAD_CRITERION = Text("{name} ({weight})")
APPENDIX_HEAD_SCORE = "Nilai berbobot"
APPENDIX_HEAD_NOTE = "Keterangan"
USED = "dipakai"
NOT_SCORED = "tidak menilai"
EXCLUDED = Text("tidak dipakai: konflik kepentingan ({reason})")
NO_CONFLICT = "Tidak ada konflik kepentingan yang dinyatakan untuk badan publik ini."

# The recap (report and workbook).
SEVERITY_TITLE = "Keketatan panelis"
SEVERITY_HEADER: tuple[str, ...] = ("Tahap", "Panelis", "Badan publik dinilai", "Rata-rata", "Simpangan baku", "Kecenderungan", "Pencilan")
SEVERITY_NOTE = Text(
    "Kecenderungan: rata-rata selisih nilai panelis dengan median panelis lain pada badan publik yang sama (positif: lebih murah). "
    "Pencilan: nilai yang berselisih lebih dari {points} poin dengan median itu (ambang preset). Nilai panelis yang berkonflik kepentingan tidak dihitung."
)
ZRANK_TITLE = "Peringkat z-score (informatif)"
ZRANK_SHEET = "Peringkat z"
ZRANK_HEADER: tuple[str, ...] = ("Tahap", "Peringkat z", "ID", "Nama badan publik", "z-score")
ZRANK_NOTE = (
    "Hanya sebagai informasi: setiap nilai panelis dibakukan terhadap rata-rata dan simpangan baku panelis itu, lalu dirata-ratakan per badan "
    "publik. Peringkat ini tidak menggantikan nilai dan peringkat resmi menurut aturan."
)
CONFLICT_TITLE = "Konflik kepentingan"
CONFLICT_HEADER: tuple[str, ...] = ("Tahap", "Panelis", "ID", "Nama badan publik", "Alasan")
SEVERITY_SHEET = "Panelis"

Row = tuple[str | int | Decimal | None, ...]


def severity_rows(recap: Recap) -> tuple[Row, ...]:
    """The severity table (rule K5) as rows of :data:`panel_labels.SEVERITY_HEADER`."""
    if recap.panel is None:
        return ()
    return tuple((s.stage, s.panelist, s.scored, s.mean, s.spread, s.lean, s.outliers) for s in recap.panel.severity)


def zrank_rows(recap: Recap) -> tuple[Row, ...]:
    """The informational z-score rank (rule K6) as rows of :data:`panel_labels.ZRANK_HEADER`."""
    if recap.panel is None:
        return ()
    return tuple((r.stage, r.rank, r.body_id, r.name, r.z) for r in recap.panel.ranks)


def conflict_rows(recap: Recap) -> tuple[Row, ...]:
    """Every declared conflict of interest as rows of :data:`panel_labels.CONFLICT_HEADER`."""
    if recap.panel is None:
        return ()
    return tuple((c.stage or ALL_STAGES, c.panelist, c.body_id, c.name, c.reason) for c in recap.panel.conflicts)
