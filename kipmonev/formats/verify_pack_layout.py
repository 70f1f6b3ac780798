"""The verifier pack's own metadata: what binds a pack to one received submission, shared by writer and reader.

A pack is a fill-in workbook (:mod:`kipmonev.formats.workbook_layout`) filled with the body's answers, with
these keys added to its hidden Metadata sheet.
"""

from __future__ import annotations

#: Metadata key marking a verifier pack, and its value.
META_PACK = ("berkas", "paket_verifikasi")
#: The roster ID of the body the pack is for.
META_BODY = "badan_publik_id"
#: SHA-256 of the received file whose answers the pack shows.
META_SUBMISSION = "isian_sha256"
#: The verifier the pack was written for.
META_VERIFIER = "verifikator"
#: Whose verdicts the pack carries: ``utama`` or ``kedua`` (:class:`kipmonev.model.verification.Role`).
META_ROLE = "peran"
#: For a second opinion: the sampled question codes, separated by ``;``.
META_SAMPLE = "sampel"
#: The row of the Kuesioner sheet naming the pack's verifier and submission.
PACK_NOTE_ROW = 3
