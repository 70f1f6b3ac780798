"""Words the panel kit puts on its sheets beyond its layout (:mod:`kipmonev.formats.panel_texts`)."""

from __future__ import annotations

from kipmonev.core.catalogue import Text

NOTE_LINE = Text("{status} — {item}: {why}")
SCORE_ERROR = Text("Nilai kriteria adalah angka 0 sampai 100.")
SCORE_ERROR_TITLE = Text("Nilai tidak sah")
