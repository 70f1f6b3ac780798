"""``kipmonev check``: read a filled workbook, score it, optionally check its links, and say what to fix.

This module sits above scoring (it calls :func:`kipmonev.scoring.score`); the rest of the workbook
package does not import it, so reading and writing workbooks stay below the scoring layer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kipmonev.core.errors import Location, Problem, WorkbookError
from kipmonev.core.numbers import json_number
from kipmonev.core.reasons import reason
from kipmonev.engine.links import is_link
from kipmonev.engine.scoring import score
from kipmonev.formats.workbook_texts import SHEET_IDENTITY
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.result import Assessment, EvidenceRecord
from kipmonev.sources.evidence import EvidenceCheck, EvidenceItem, check_files
from kipmonev.sources.reader import FilledWorkbook, read_workbook

if TYPE_CHECKING:  # NOTE: the network stack is imported only when links are checked
    from kipmonev.sources.links import LinkCheck


def _number(value: Decimal | None) -> int | float | None:
    return None if value is None else json_number(value)


@dataclass(frozen=True)
class WorkbookCheck:
    """The outcome of checking one workbook.

    Attributes:
        path: The file as named by the caller.
        filled: What was read, or ``None`` when the workbook could not be read.
        assessment: The provisional assessment, or ``None`` when the workbook could not be read.
        errors: Problems that stop the workbook from being read (each with its sheet and cell).
        link_problems: Evidence links that do not work, by cell (only when links were checked).
        links_checked: How many evidence links were checked.
    """

    path: str
    filled: FilledWorkbook | None = None
    assessment: Assessment | None = None
    errors: tuple[Problem, ...] = ()
    link_problems: tuple[Problem, ...] = ()
    links_checked: int = 0
    error_summary: str = field(default="", repr=False)
    #: Problems of the evidence files (only when an evidence folder or zip was given).
    evidence_problems: tuple[Problem, ...] = ()
    #: How many evidence entries naming a document were checked against the evidence folder.
    evidence_checked: int = 0

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Unanswered questions, answers without required evidence and other warnings."""
        return self.filled.warnings if self.filled is not None else ()

    @property
    def blank(self) -> bool:
        """Readable, but nothing answered yet: the template as it came."""
        return self.filled is not None and self.filled.submission.is_blank

    @property
    def ok(self) -> bool:
        """Complete and valid: readable, something answered, no warnings, no dead links (exit code 0)."""
        return not self.errors and not self.blank and not self.warnings and not self.link_problems and not self.evidence_problems

    def error_text(self) -> str:
        """The complete message for the errors, as ``str(WorkbookError)`` would give it."""
        return str(WorkbookError(self.error_summary, self.errors))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping for ``--json``: scores, band, problems with their cells."""
        a = self.assessment
        data: dict[str, Any] = {
            "file": self.path,
            "valid": not self.errors,
            "complete": self.ok,
            "blank": self.blank,
            "questionnaire": None,
            "body": None,
            "score_self": None,
            "score_verified": None,
            "stages": {},
            "score": None,
            "final": False,
            "band": None,
            "reasons": [],
            "counts": None,
            "errors": [p.to_dict() for p in self.errors],
            "warnings": [p.to_dict() for p in self.warnings],
            "link_problems": [p.to_dict() for p in self.link_problems],
            "links_checked": self.links_checked,
            "evidence_problems": [p.to_dict() for p in self.evidence_problems],
            "evidence_checked": self.evidence_checked,
            "evidence_checks": {},
        }
        if a is not None:
            band = a.outcome.estimate_band
            data.update(
                questionnaire={"id": a.questionnaire.id, "version": a.questionnaire.version, "hash": a.questionnaire.content_hash, "rule_set": a.questionnaire.rule_set},
                body=a.body.model_dump(),
                score_self=_number(a.saq_self.score),
                score_verified=_number(a.saq_verified.score) if a.saq_verified is not None else None,
                stages={s.code: _number(s.score) for s in a.stages if s.code != "saq"},
                score=_number(a.outcome.estimate_score),
                final=a.outcome.complete,
                band={"code": band.code, "name": band.name},
                reasons=list(a.outcome.reasons),
                counts=a.counts.model_dump(),
                evidence_checks={q.code: [r.model_dump(mode="json", exclude_none=True) for r in q.evidence_checks] for q in a.questions if q.evidence_checks},
            )
        return data


def check_workbook(
    path: Path,
    questionnaire: Questionnaire | None = None,
    links: bool = False,
    timeout: float = 10,
    concurrency: int = 8,
    *,
    allow_private: bool = False,
    progress: Callable[[int, int], None] | None = None,
    link_cache: Path | None = None,
    evidence: Path | None = None,
) -> WorkbookCheck:
    """Read, score and optionally link-check one filled workbook.

    Args:
        path: The filled workbook.
        questionnaire: The edition to read it with; ``None`` uses the workbook's metadata.
        links: Also check that every evidence URL can be opened.
        timeout: Seconds per link request.
        concurrency: Most link requests at once.
        allow_private: Also request links to private and loopback addresses (an intranet check).
        progress: Called with (done, to do) during the link check and then the evidence check: the links
            (at most MAX_LINKS) and the documents count as one job, links first.
        link_cache: A JSON file of earlier link results (:mod:`kipmonev.sources.link_cache`): links with
            a result younger than 24 hours are not opened again; the file is updated.
        evidence: The body's evidence folder or zip: every document an evidence cell names is checked
            there (:mod:`kipmonev.sources.evidence`, rules B1-B8) and its record put in the result's
            ``evidence_checks``. The score does not change.

    Returns:
        The check; a workbook that cannot be read gives ``errors`` instead of raising.

    Raises:
        QuestionnaireError: The questionnaire named by the workbook is itself invalid.
        LinkCacheError: ``link_cache`` is a file that is not a link cache.
    """
    try:
        filled = read_workbook(path, questionnaire, keep_going=True)
    except WorkbookError as e:
        return WorkbookCheck(str(path), errors=e.problems, error_summary=e.summary)
    # Invalid cells are shown with the warnings and an estimate that counts them as unanswered.
    assessment = score(filled.questionnaire, filled.submission)
    dead: list[Problem] = []
    checked = 0
    link_check: LinkCheck | None = None
    if links:
        from kipmonev.sources.link_cache import LinkCache
        from kipmonev.sources.links import MAX_LINKS, check_link_results  # NOTE: the network stack only when asked for
        from kipmonev.sources.problems_links import LINK_CACHE_UNWRITABLE

        cache = LinkCache(link_cache) if link_cache is not None else None
        checked = min(len({url for _, url in filled.evidence_links}), MAX_LINKS)
        link_check = check_link_results(filled.evidence_links, timeout=timeout, concurrency=concurrency, allow_private=allow_private, progress=progress, cache=cache)
        dead = list(link_check.problems)
        if cache is not None:
            try:
                cache.save()
            except OSError as e:
                dead.append(LINK_CACHE_UNWRITABLE.at(Location(str(cache.path)), reason=reason(e)))
    files = None
    if evidence is not None:
        report = partial(_after_links, progress, checked) if progress is not None and checked else progress
        files = check_evidence_files(filled, evidence, report)
    assessment = with_evidence_records(assessment, filled, files, link_check)
    evidence_problems = files.problems if files is not None else ()
    evidence_checked = sum(1 for i in evidence_items(filled) if not is_link(i.value)) if evidence is not None else 0
    return WorkbookCheck(str(path), filled, assessment, filled.errors, tuple(dead), checked, evidence_problems=evidence_problems, evidence_checked=evidence_checked)


def evidence_items(filled: FilledWorkbook) -> list[EvidenceItem]:
    """Every evidence entry of the workbook (documents and links), in workbook order, with its question's indicator."""
    questions = filled.questionnaire.question_map
    return [
        EvidenceItem(code, questions[code].indicator if code in questions else "", value, where, questions[code].period if code in questions else None)
        for code, where, value in filled.evidence
    ]


def check_evidence_files(filled: FilledWorkbook, evidence: Path, progress: Callable[[int, int], None] | None = None) -> EvidenceCheck:
    """Check the documents the workbook's evidence cells name against ``evidence`` (a folder or zip; rules B1-B8).

    The size limit and each question's period are the edition's (``batas_ukuran_bukti_mb``, ``periode``);
    ``progress`` is called with (documents checked, documents to check).
    """
    return check_files(evidence_items(filled), evidence, max_mb=filled.questionnaire.evidence_max_mb, progress=progress)


def _after_links(progress: Callable[[int, int], None], links: int, done: int, total: int) -> None:
    """``progress`` for the evidence check when ``links`` links were checked before it: one job, links first."""
    progress(links + done, links + total)


@dataclass(frozen=True)
class BodyEvidence:
    """What ``score --evidence`` found for one body.

    Attributes:
        source: The body's evidence folder or zip; ``None`` when it has none (one notice says so).
        problems: How many evidence problems were found (0 without evidence).
    """

    source: Path | None
    problems: int


def check_body_evidence(filled: FilledWorkbook, assessment: Assessment, folder: Path) -> tuple[Assessment, BodyEvidence]:
    """Check one body's evidence, found under ``folder`` by its ID (``<ID>/`` or ``<ID>.zip``), for a batch.

    The problems become notices of the assessment and each document's record its ``evidence_checks``;
    a body without an ID or without evidence under ``folder`` gets one notice. A refused zip is a notice
    too: the batch goes on. The score is never changed.
    """
    from kipmonev.model.submission import Notice
    from kipmonev.sources import problems_evidence as pe
    from kipmonev.sources.evidence import find_evidence

    documents = sum(1 for i in evidence_items(filled) if not is_link(i.value))
    body_id = (filled.submission.body.id or "").strip()
    source = find_evidence(folder, body_id) if body_id else None
    if source is None:
        where = Location(filled.submission.source or assessment.source or "", sheet=SHEET_IDENTITY)
        entry = pe.EVIDENCE_NONE_FOR_BODY if body_id else pe.EVIDENCE_BODY_WITHOUT_ID
        problem = entry.at(where, body_id=body_id, folder=folder.name, count=documents) if body_id else entry.at(where, folder=folder.name, count=documents)
        return assessment.model_copy(update={"notices": (*assessment.notices, Notice.of(problem))}), BodyEvidence(None, 0)
    files = check_evidence_files(filled, source)
    checked = with_evidence_records(assessment, filled, files, None)
    notices = (*checked.notices, *(Notice.of(p) for p in files.problems))
    return checked.model_copy(update={"notices": notices}), BodyEvidence(source, len(files.problems))


def with_evidence_records(assessment: Assessment, filled: FilledWorkbook, files: EvidenceCheck | None, links: LinkCheck | None) -> Assessment:
    """The assessment with each question's ``evidence_checks``: its documents' and its links' records, in workbook order.

    Only what was checked gets a record (documents with an evidence folder, links with a link check);
    the score is unchanged.
    """
    if files is None and links is None:
        return assessment
    pending = {code: list(records) for code, records in (files.records if files is not None else {}).items()}
    found: dict[str, list[EvidenceRecord]] = {}
    for code, where, value in filled.evidence:
        if is_link(value):
            if links is not None:
                found.setdefault(code, []).append(links.record(where, value))
        elif pending.get(code):
            found.setdefault(code, []).append(pending[code].pop(0))
    questions = tuple(q.model_copy(update={"evidence_checks": tuple(found[q.code])}) if q.code in found else q for q in assessment.questions)
    return assessment.model_copy(update={"questions": questions})
