"""The evidence check behind a verifier pack (``round verify-pack --evidence DIR``).

A body's evidence is found under DIR by its roster ID, as in ``score --evidence`` (``DIR/<ID>/``, else
``DIR/<ID>.zip``), and checked by rules B1-B8 (:mod:`kipmonev.sources.evidence`) against the documents its
received answers name. The round itself keeps no evidence: without DIR the pack has no evidence column.
"""

from __future__ import annotations

from pathlib import Path

from kipmonev.core.errors import Location
from kipmonev.engine.links import is_link
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.submission import Submission
from kipmonev.outputs.verify_pack import PackEvidence
from kipmonev.sources import problems_evidence as pe
from kipmonev.sources.evidence import EvidenceItem, check_files, find_evidence

#: Findings about the folder or zip as a whole (not one item's), shown in the pack's note.
_FOLDER_CODES = frozenset({pe.EVIDENCE_UNUSED.code, pe.EVIDENCE_ZIP_UNSAFE.code, pe.EVIDENCE_FOLDER_MISSING.code})


def pack_evidence(q: Questionnaire, submission: Submission, body_id: str, folder: Path) -> PackEvidence:
    """Check the body's evidence under ``folder`` for its pack; a body without one gets a note saying so."""
    items = [
        EvidenceItem(code, q.question_map[code].indicator, value, Location(body_id, field=code), q.question_map[code].period)
        for code, answer in submission.answers.items()
        if code in q.question_map
        for value in answer.evidence
    ]
    source = find_evidence(folder, body_id)
    if source is None:
        documents = sum(1 for i in items if i.value.strip() and not is_link(i.value))
        return PackEvidence({}, (pe.EVIDENCE_NONE_FOR_BODY.text(body_id=body_id, folder=folder.name, count=documents),))
    found = check_files(items, source, max_mb=q.evidence_max_mb)
    return PackEvidence(found.records, tuple(p.message for p in found.problems if p.code in _FOLDER_CODES))
