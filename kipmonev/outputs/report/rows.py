"""The parts of the body report's view: one row, section or block each, ready for a template."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kipmonev.model.result import IndicatorResult, QuestionStatus
from kipmonev.outputs.report.labels import BandView
from kipmonev.outputs.report.panel import PanelView


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: a clickable link (http/https only) or a document name.

    Attributes:
        text: The full address or document name, shown where an item is explained.
        href: The link target (http/https only), else ``None``.
        label: A short form for one-line rows: a document name cut with '…', or the host, '…' and the last
            path segment of a long address (the body report's rows show a link as "bukti").
    """

    text: str
    href: str | None
    label: str


@dataclass(frozen=True)
class EvidenceCheckRow:
    """One checked piece of evidence (the result's ``evidence_checks``), ready to show.

    Attributes:
        code: The question's code.
        kind: "Berkas" or "Tautan".
        value: The file name as found (or as written) or the URL.
        href: The link target (http/https only), else ``None``.
        media: What the file holds by its content ("PDF", "Office"), else ``None``.
        pages: The PDF's pages, else ``None``.
        size_mb: The file's size in MB (one decimal, rounded up), else ``None``.
        sha256: The first 12 hex digits of the file's SHA-256, else ``None``.
        status: A link's status in words ("HTTP 200", "tidak diperiksa"), else ``None``.
        checked_at: When a link was checked ("23 November 2026 08.00 UTC"), else ``None``.
        details: The facts above as one line, for the HTML and PDF report.
        finding: The problem's message as a sentence, or "Lolos pemeriksaan".
        ok: No problem was found.
        problem_code: The problem's code, when there is one.
    """

    code: str
    kind: str
    value: str
    href: str | None
    media: str | None
    pages: int | None
    size_mb: Decimal | None
    sha256: str | None
    status: str | None
    checked_at: str | None
    details: str
    finding: str
    ok: bool
    problem_code: str | None


@dataclass(frozen=True)
class ChecklistLine:
    """One checklist item with whether the answer ticked it."""

    code: str | None
    label: str
    points: Decimal
    checked: bool


@dataclass(frozen=True)
class AnswerView:
    """An answer (the body's or the verifier's) as shown in the tables.

    Attributes:
        text: The answer as given (a checklist lists its ticked item codes).
        short: The answer in a few words for the compact rows: a checklist is ``"2 dari 3 butir"``.
    """

    text: str
    short: str
    checklist: tuple[ChecklistLine, ...]
    evidence: tuple[Evidence, ...]
    status: QuestionStatus
    status_label: str
    earned: Decimal
    possible: Decimal
    reason: str | None


@dataclass(frozen=True)
class Verdict:
    """How a question ended, for the reader: a CSS-friendly key and its Indonesian label."""

    key: str
    label: str


@dataclass(frozen=True)
class QuestionRow:
    """One question of an indicator table."""

    code: str
    text: str
    hint: str | None
    definition: str
    legal_basis: str
    recommendation: str
    type_label: str
    evidence_label: str
    max_points: Decimal
    self_answer: AnswerView
    verified_answer: AnswerView | None
    respondent_note: str | None
    verifier_note: str | None
    earned: Decimal
    possible: Decimal
    reason: str | None
    verdict: Verdict
    explain: bool
    verified_same: bool
    verified_short: str
    plan_number: int | None
    #: Titled groups (code, title) that begin at this question, outermost first.
    groups: tuple[tuple[str, str], ...] = ()
    #: Who scores the question, when the edition says it ("verifikator").
    assessed_by: str | None = None
    #: The question's own scoring rules in words: composite rule, substitute evidence, verifier scale.
    rule_notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorSection:
    """An indicator: both tracks' results and its questions."""

    code: str
    name: str
    description: str | None
    weight: Decimal
    self_result: IndicatorResult
    verified_result: IndicatorResult | None
    basis: IndicatorResult
    questions: tuple[QuestionRow, ...]


@dataclass(frozen=True)
class ImprovementRow:
    """One line of the Rencana perbaikan, in the result's order (largest gain first)."""

    number: int
    code: str
    indicator: str
    text: str
    status_label: str
    earned: Decimal
    possible: Decimal
    gain: Decimal
    gain_saq: Decimal
    recommendation: str
    legal_basis: str


@dataclass(frozen=True)
class IndicatorChange:
    """One indicator this year and the previous year (basis track)."""

    code: str
    name: str
    weight: Decimal | None
    previous: Decimal | None
    current: Decimal | None
    change: Decimal | None


@dataclass(frozen=True)
class Comparison:
    """The previous assessment next to this one."""

    edition: str
    year: int
    previous_score: Decimal
    previous_band: BandView
    previous_final: bool
    current_score: Decimal
    change: Decimal
    indicators: tuple[IndicatorChange, ...]
    same_questionnaire_family: bool


@dataclass(frozen=True)
class StageRow:
    """One stage of the final score."""

    code: str
    name: str
    weight: Decimal
    score: Decimal | None
    contribution: Decimal | None


@dataclass(frozen=True)
class NoteRow:
    """A rule value and whether it is confirmed or a preset."""

    item: str
    status: str
    status_label: str
    explanation: str


@dataclass(frozen=True)
class Methodology:
    """The appendix: the rules that produced the score, with their status."""

    bands: tuple[BandView, ...]
    indicators: tuple[IndicatorResult, ...]
    stages: tuple[StageRow, ...]
    gate: str
    rounding: str
    evidence_credit: str
    missing_answers: str
    verification: str
    aggregation: tuple[str, ...]
    notes: tuple[NoteRow, ...]
    questionnaire_id: str
    questionnaire_title: str
    questionnaire_description: str | None
    questionnaire_version: int
    content_hash: str
    rule_set: str | None
    kipmonev_version: str
    schema_version: str
    #: Stages scored by a panel kit: every panelist's criterion scores, who was left out for a conflict of interest and why.
    panels: tuple[PanelView, ...] = ()


