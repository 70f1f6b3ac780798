"""What scoring needs of an edition that does not depend on any body's answers, built once per edition.

:func:`kipmonev.engine.scoring.score` builds about 300 result models per body. Most of a question's result
(its text, definition, scale, groups, substitute) and the result's edition and rules sections are the same
for every body of an edition, so they are built here once and the frozen instances are shared by every
Assessment of that edition. The plan is kept per questionnaire instance (a loaded edition is one cached
instance): not by content hash, because a ``model_copy`` of an edition keeps the hash it had cached while
its content differs (tests change an edition's category that way).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kipmonev.model.questionnaire import (
    NO_LABEL,
    YES_LABEL,
    AnyQuestion,
    Band,
    ChecklistQuestion,
    ChoiceQuestion,
    NumberQuestion,
    Questionnaire,
    YesNoQuestion,
)
from kipmonev.model.result import (
    AnswerResult,
    BandResult,
    GroupRef,
    Improvement,
    QuestionnaireRef,
    QuestionResult,
    RuleNoteResult,
    RulesSummary,
    ScaleStep,
    SubstituteResult,
    trusted,
)

_ZERO = Decimal(0)
_PLANS: dict[int, tuple[Questionnaire, ScoringPlan]] = {}  # id → (the instance, kept so its id is not reused; its plan)
_MAX_PLANS = 32
#: Stands for what each body fills in (the plan's copies are never shown as they are).
_LATER: Any = None


@dataclass(frozen=True)
class QuestionPlan:
    """One question's part of the result that every body shares, and what its answers are checked against."""

    question: AnyQuestion
    #: A QuestionResult of this question with the answers left empty: copied and filled per body.
    result: QuestionResult
    #: An Improvement of this question with the points left empty: copied and filled per body.
    improvement: Improvement
    #: S3: the scoping answers that keep the question on (stripped, casefolded); None without a condition.
    condition: frozenset[str] | None
    max_points: Decimal
    #: Yes/no and choice: each label by its casefolded text (the first label of equal ones); else empty.
    labels: dict[str, str]
    #: Checklists: the item codes; else empty.
    items: frozenset[str]


@dataclass(frozen=True)
class ScoringPlan:
    """An edition's result parts that do not depend on the answers, in question order."""

    questions: tuple[QuestionPlan, ...]
    questionnaire: QuestionnaireRef
    rules: RulesSummary
    bands: tuple[BandResult, ...]  # parallel to the rules' bands


def plan_for(q: Questionnaire) -> ScoringPlan:
    """The plan of an edition, built on first use and kept (a few dozen editions at most)."""
    kept = _PLANS.get(id(q))
    if kept is not None and kept[0] is q:
        return kept[1]
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.clear()
    plan = _build(q)
    _PLANS[id(q)] = (q, plan)
    return plan


def band_result(band: Band) -> BandResult:
    """A band as the result shows it."""
    return BandResult.model_construct(code=band.code, name=band.name, lower=band.lower, color=band.color, message=band.message)


def _build(q: Questionnaire) -> ScoringPlan:
    r = q.rules
    bands = tuple(band_result(b) for b in r.bands)
    notes = tuple(RuleNoteResult.model_construct(item=n.item, status=n.status, source=n.source, reason=n.reason) for n in (*r.notes, *q.notes))
    rules = RulesSummary.model_construct(
        bands=bands,
        rounding_places=r.rounding.places,
        rounding_mode=r.rounding.mode,
        evidence_credit=r.evidence_credit,
        missing_answers=r.missing_answers,
        verification_required=r.verification_required,
        notes=notes,
    )
    ref = QuestionnaireRef.model_construct(
        id=q.id,
        title=q.title,
        commission=q.commission,
        year=q.year,
        category=q.category,
        version=q.version,
        content_hash=q.content_hash,
        rule_set=q.rule_set,
        description=q.description,
        direct_points=q.direct_points,
    )
    return ScoringPlan(tuple(_question(q, qq) for qq in q.questions), ref, rules, bands)


def _question(q: Questionnaire, qq: AnyQuestion) -> QuestionPlan:
    result = QuestionResult.model_construct(
        code=qq.code,
        indicator=qq.indicator,
        type=qq.type,
        text=qq.text,
        hint=qq.hint,
        definition=qq.definition,
        legal_basis=qq.legal_basis,
        recommendation=qq.recommendation,
        evidence_required=qq.evidence,
        unit=qq.unit if isinstance(qq, NumberQuestion) else None,
        max_points=qq.max_points,
        scale=_scale(qq),
        verifier_scale=tuple(ScaleStep.model_construct(label=lv.label, points=lv.points, description=lv.description) for lv in qq.verifier_scale or ()),
        assessed_by=qq.assessed_by,
        period=qq.period,
        all_or_nothing=isinstance(qq, ChecklistQuestion) and qq.all_or_nothing,
        substitute=_substitute(qq),
        groups=tuple(GroupRef.model_construct(code=g.code, title=g.title) for g in q.groups_of(qq.code)),
        self_answer=_LATER,
        verified_answer=_LATER,
        verifier_note=_LATER,
        respondent_note=_LATER,
        counted=_LATER,
    )
    improvement = Improvement.model_construct(
        code=qq.code,
        indicator=qq.indicator,
        text=qq.text,
        definition=qq.definition,
        recommendation=qq.recommendation,
        legal_basis=qq.legal_basis,
        status=_LATER,
        earned=_LATER,
        possible=_LATER,
        gain_saq=_LATER,
        gain=_LATER,
    )
    condition = frozenset(x.strip().casefold() for x in qq.condition.answers) if qq.condition is not None else None
    labels = {lab.casefold(): lab for lab in reversed(qq.labels)} if isinstance(qq, YesNoQuestion | ChoiceQuestion) else {}
    items = frozenset(i.code for i in qq.items) if isinstance(qq, ChecklistQuestion) else frozenset()
    return QuestionPlan(qq, result, improvement, condition, qq.max_points, labels, items)


def _scale(q: AnyQuestion) -> tuple[ScaleStep, ...]:
    if isinstance(q, YesNoQuestion):
        return (ScaleStep.model_construct(label=YES_LABEL, points=q.points), ScaleStep.model_construct(label=NO_LABEL, points=_ZERO))
    if isinstance(q, ChoiceQuestion):
        return tuple(ScaleStep.model_construct(label=o.label, points=o.points) for o in q.options)
    if isinstance(q, ChecklistQuestion):
        return tuple(ScaleStep.model_construct(code=i.code, label=i.label, points=i.points) for i in q.items)
    return tuple(ScaleStep.model_construct(label=label, points=r.points) for r, label in zip(q.ranges, q.range_labels(), strict=True))


def _substitute(q: AnyQuestion) -> SubstituteResult | None:
    sub = q.substitute if isinstance(q, YesNoQuestion) else None
    if sub is None:
        return None
    return SubstituteResult.model_construct(name=sub.name, signed_by=sub.signed_by, evidence_required=sub.evidence, label=sub.label)


def question_result(plan: QuestionPlan, **answers: Any) -> QuestionResult:
    """The question's shared result with this body's answers and notes (the fields left empty in the plan)."""
    return trusted(plan.result, answers)


def improvement(plan: QuestionPlan, **points: Any) -> Improvement:
    """The question's shared improvement with this body's status, points and gains."""
    return trusted(plan.improvement, points)


#: Every field of an AnswerResult, set (as ``model_construct`` with all fields given records them).
ANSWER_FIELDS = frozenset(AnswerResult.model_fields)
