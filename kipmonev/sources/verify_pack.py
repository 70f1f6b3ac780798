"""Read a verifier pack back: the workbook through the fill-in reader, and the binding in its Metadata sheet.

Whether the binding holds (the pack is for the body's current version, the body's answers are untouched)
is the round's question, answered in :mod:`kipmonev.app.round.verify`; this module only reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kipmonev.formats.verify_pack_layout import META_BODY, META_PACK, META_ROLE, META_SAMPLE, META_SUBMISSION, META_VERIFIER
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.verification import Role
from kipmonev.sources.reader import FilledWorkbook, read_metadata, read_workbook


@dataclass(frozen=True)
class PackBinding:
    """What a pack says it is for (``None`` where the Metadata sheet lacks a key: not a pack)."""

    is_pack: bool
    body_id: str | None
    sha256: str | None
    verifier: str | None
    role: Role | None
    sample: tuple[str, ...]


def read_binding(path: Path) -> PackBinding:
    """The binding of the workbook at ``path`` (any workbook: a body's own says it is no pack).

    Raises:
        WorkbookError: The file is not a readable workbook.
    """
    meta = read_metadata(path) or {}
    role = meta.get(META_ROLE, "")
    return PackBinding(
        is_pack=meta.get(META_PACK[0]) == META_PACK[1],
        body_id=meta.get(META_BODY) or None,
        sha256=meta.get(META_SUBMISSION) or None,
        verifier=(meta.get(META_VERIFIER) or "").strip() or None,
        role=Role(role) if role in {r.value for r in Role} else None,
        sample=tuple(c for c in (meta.get(META_SAMPLE) or "").split(";") if c),
    )


def read_pack(path: Path, q: Questionnaire) -> FilledWorkbook:
    """The pack's cells: the body's answers as the pack shows them and the verifier's answers and notes.

    Raises:
        WorkbookError: See :func:`kipmonev.sources.reader.read_workbook` (every invalid cell listed).
    """
    return read_workbook(path, q)
