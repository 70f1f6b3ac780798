"""The round's decisions about one body as people read them: its audit trail (``round history``).

Decisions themselves are events in the round's log (:mod:`kipmonev.model.round`); these models are the views
derived from them (:mod:`kipmonev.engine.decisions`).
"""

from __future__ import annotations

from pydantic import Field

from kipmonev.model.base import Frozen


class HistoryRow(Frozen):
    """One event of a body's trail, in words."""

    seq: int = Field(description="Nomor urut peristiwa di log putaran.")
    at: str = Field(description="Waktu pencatatan (ISO 8601, UTC).")
    when: str = Field(description="Waktu pencatatan untuk dibaca, misalnya '23 November 2025 10.05 UTC'.")
    actor: str = Field(description="Siapa yang menjalankan perintah.")
    kind: str = Field(description="Jenis peristiwa (kunci EVENT_KINDS).")
    label: str = Field(description="Jenis peristiwa dalam kata-kata.")
    what: str = Field(description="Apa yang terjadi, dalam satu kalimat.")
    old: str | None = Field(None, description="Nilai sebelumnya, untuk dibaca (nama berkas, nilai, status).")
    new: str | None = Field(None, description="Nilai baru, untuk dibaca.")
    reason: str | None = Field(None, description="Alasan yang dicatat.")
    input_hash: str | None = Field(None, description="SHA-256 berkas masukan peristiwa ini, bila ada.")


class History(Frozen):
    """A body's trail: every event of the round's log that concerns it, oldest first."""

    body_id: str = Field(description="ID badan publik (dari daftar).")
    body_name: str = Field(description="Nama badan publik.")
    category: str = Field(description="Kategori badan publik.")
    rows: tuple[HistoryRow, ...]
