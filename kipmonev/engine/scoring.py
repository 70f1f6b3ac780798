"""The scoring engine: pure functions from a questionnaire and a submission to an Assessment.

No I/O, no clock, no formatting of numbers. Every path that needs a score (the CLI, the workbook check,
reports, the recap) calls :func:`score`.

Rules (cited by tests):
    S1  A question earns the points of its answer: Ya → ``poin``; an option → its points; a checklist →
        the sum of the items met; a number → the points of the range it falls in (0 outside all).
    S2  An answer that would earn points but lacks the evidence the question requires earns
        ``kredit_tanpa_bukti`` × those points (preset 0), status ``no_evidence``. Only on the body's own
        answers: a verifier's decision is itself the evidence check.
    S3  "Tidak Berlaku" (where allowed) and questions whose condition is unmet are left out of the
        maximum, but listed. A condition counts as unmet only when its scoping question was answered
        with another answer; the reason names that question and the answer that switched it off.
    S4  Indicator contribution = earned ÷ possible × weight; SAQ = Σ contributions × 100 ÷ Σ weights of
        indicators with any applicable question (normally 100). Exact decimals; rounded once.
    S5  The verified track takes the verifier's answer where given and the body's own answer elsewhere.
        The basis SAQ is the verified track when any verifier answer exists, else the self track.
    S6  Gate: the published (rounded) basis SAQ ≥ ``batas`` passes. A body below it gets ``nilai_saq``
        (final = basis SAQ) or ``tahap_lain_nol`` (later stages count 0).
    S7  Final = Σ stage weight × published stage score ÷ 100, rounded once. Each published score is rounded
        exactly once from its exact inputs.
    S8  The final score and band are given only when complete: no reason in ``outcome.reasons`` (answers
        missing under ``jawaban_kosong: tidak_lengkap``; under ``verifikasi_wajib``, an answered question
        without the verifier's decision; a needed stage score missing). Otherwise the outcome carries an
        estimate, clearly marked.
    S9  Bands by inclusive lower bound on the rounded score; the first band whose bound is reached.
    S10 Potensi: for each unmet applicable item on the basis track, the change in the basis SAQ and in the
        headline score if that item alone earned its full points with its evidence.
    S11 Verifier scale (``skala_verifikasi``): the verifier picks a level; the verified track takes that
        level's points, the self track the body's own answer (S1).
    S12 Composite rule: a checklist with ``ketidaklengkapan: menghilangkan_nilai`` earns its points only
        when every item is met, else 0; ``mengurangi_nilai`` (the default) is S1's sum of the items met.
    S13 Substitute evidence: a Ya claimed with the question's ``bukti_pengganti`` (its label, or
        ``Answer.substitute``) is checked against the substitute's own evidence rule instead (S2).
    S14 Points as given (``poin_langsung``): SAQ = Σ earned × 100 ÷ Σ possible over every applicable
        question; an indicator's contribution is its earned points × 100 ÷ that same Σ possible (no
        re-weighting per indicator).
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from kipmonev._version import __version__
from kipmonev.core.catalogue import quoted
from kipmonev.core.errors import Location, Problem, SubmissionError
from kipmonev.core.numbers import parse_number
from kipmonev.engine import problems_gates as gp
from kipmonev.engine.answer_texts import meant
from kipmonev.engine.gates import GateCall, decide_alone, gate_label, gate_value, published_scores
from kipmonev.engine.links import evidence_satisfied
from kipmonev.engine.problems import (
    ANSWER_INVALID,
    ANSWER_NA_NOT_ALLOWED,
    ANSWER_NOT_NUMBER,
    ANSWER_UNKNOWN_ITEM,
    ANSWER_UNKNOWN_QUESTION,
    EVIDENCE_DOCUMENT,
    EVIDENCE_URL,
    NO_ITEMS,
    REASON_MISSING_ANSWERS,
    REASON_NOT_VERIFIED,
    REASON_STAGE_MISSING,
    STAGE_OUT_OF_RANGE,
    STAGE_UNKNOWN,
    SUBMISSION_INVALID,
    WHY_ANSWERED_NA,
    WHY_CONDITION_UNMET,
    WHY_NO_EVIDENCE,
    WHY_UNANSWERED,
)
from kipmonev.engine.rounding import round_score
from kipmonev.engine.scoring_plan import ANSWER_FIELDS, QuestionPlan, ScoringPlan, improvement, plan_for, question_result
from kipmonev.model.problems_format import PERCENT_OUT_OF_RANGE, WHY_INCOMPLETE_VOIDS, WHY_NO_SUBSTITUTE_EVIDENCE
from kipmonev.model.questionnaire import (
    NA_LABEL,
    YES_LABEL,
    AnyQuestion,
    Band,
    ChecklistQuestion,
    ChoiceQuestion,
    EvidenceKind,
    Gate,
    GateFailRule,
    Indicator,
    MissingAnswerRule,
    Questionnaire,
    Rules,
    YesNoQuestion,
)
from kipmonev.model.result import (
    AnswerResult,
    Assessment,
    Basis,
    Counts,
    Fulfilment,
    GatePass,
    GateResult,
    Improvement,
    IndicatorResult,
    Method,
    Outcome,
    QuestionResult,
    QuestionStatus,
    StageResult,
    TrackResult,
    trusted_new,
)
from kipmonev.model.submission import Answer, Submission

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)
# Enough precision that no division in S4 loses anything a 4-place rounding could see.
_CONTEXT = decimal.Context(prec=60, rounding=ROUND_HALF_EVEN)


def classify(value: Decimal, bands: tuple[Band, ...]) -> Band:
    """The band of a (rounded) score: the first band, from the top, whose inclusive lower bound it reaches.

    Raises:
        ValueError: The score is below every band (negative); bands always end at 0.
    """
    return bands[_band_index(value, bands)]


def _band_index(value: Decimal, bands: tuple[Band, ...]) -> int:
    """S9: the position of :func:`classify`'s band."""
    for i, band in enumerate(bands):
        if value >= band.lower:
            return i
    raise ValueError(f"score {value} is below every band")


# --- answers ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Normal:
    """An answer checked against its question: canonical value, or N/A, or blank."""

    blank: bool
    na: bool
    label: str | None  # canonical label for yes/no and choice
    checked: tuple[str, ...]
    number: Decimal | None
    evidence: tuple[str, ...]
    level: str | None = None  # S11: the verifier-scale level picked
    substitute: bool = False  # S13: Ya claimed with the substitute evidence


_BLANK = _Normal(True, False, None, (), None, ())


def _answer_text(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


_NA_KEY = NA_LABEL.casefold()


def _normalise(p: QuestionPlan, answer: Answer | None, where: str, problems: list[Problem], verifier: bool = False) -> _Normal:
    """Check one answer against its question (S1, S11, S13), collecting problems instead of raising."""
    if answer is None or answer.is_blank:
        return _BLANK
    q = p.question
    if answer.not_applicable or (isinstance(answer.value, str) and answer.value.strip().casefold() == _NA_KEY):
        if not q.allow_na:
            problems.append(ANSWER_NA_NOT_ALLOWED.at(Location(where, field=q.code), code=q.code))
            return _BLANK
        return _Normal(False, True, NA_LABEL, (), None, answer.evidence)
    value = answer.value
    if verifier and q.verifier_scale:
        text = value.strip().casefold() if isinstance(value, str) else None
        level = next((lv.label for lv in q.verifier_scale if lv.label.strip().casefold() == text), None)
        if level is None:
            allowed = q.verifier_labels + ((NA_LABEL,) if q.allow_na else ())
            problems.append(ANSWER_INVALID.at(Location(where, field=q.code), code=q.code, given=_answer_text(value), allowed=tuple(allowed), meant=meant(_answer_text(value), allowed)))
            return _BLANK
        return _Normal(False, False, level, (), None, answer.evidence, level=level)
    if isinstance(q, YesNoQuestion) and q.substitute is not None and not verifier:
        text = value.strip().casefold() if isinstance(value, str) else None
        if text == q.substitute.label.strip().casefold() or (answer.substitute and text == YES_LABEL.casefold()):
            return _Normal(False, False, YES_LABEL, (), None, answer.evidence, substitute=True)
    if isinstance(q, YesNoQuestion | ChoiceQuestion):
        label = p.labels.get(value.strip().casefold()) if isinstance(value, str) else None
        if label is None:
            allowed = q.labels + ((NA_LABEL,) if q.allow_na else ())
            problems.append(ANSWER_INVALID.at(Location(where, field=q.code), code=q.code, given=_answer_text(value), allowed=tuple(allowed), meant=meant(_answer_text(value), allowed)))
            return _BLANK
        return _Normal(False, False, label, (), None, answer.evidence)
    if isinstance(q, ChecklistQuestion):
        items = value if isinstance(value, tuple) else tuple(p for p in str(value).replace(";", ",").split(","))
        codes = p.items
        picked: list[str] = []
        for raw in items:
            code = raw.strip().casefold()
            if not code:
                continue
            if code not in codes:
                problems.append(ANSWER_UNKNOWN_ITEM.at(Location(where, field=q.code), code=q.code, item=raw.strip(), allowed=[i.code for i in q.items]))
            elif code not in picked:
                picked.append(code)
        ordered = tuple(i.code for i in q.items if i.code in picked)
        return _Normal(False, False, None, ordered, None, answer.evidence)
    number = value if isinstance(value, Decimal) else parse_number(value) if isinstance(value, str) else None
    if number is None or not number.is_finite():
        problems.append(ANSWER_NOT_NUMBER.at(Location(where, field=q.code), code=q.code, given=_answer_text(value)))
        return _BLANK
    if q.is_percent and not 0 <= number <= 100:
        problems.append(PERCENT_OUT_OF_RANGE.at(Location(where, field=q.code), value=number, code=q.code))
        return _BLANK
    return _Normal(False, False, None, (), number, answer.evidence)


def evidence_kind(kind: EvidenceKind) -> str:
    """The evidence a question requires, as a sentence names it ("tautan (URL)")."""
    return (EVIDENCE_URL if kind is EvidenceKind.LINK else EVIDENCE_DOCUMENT).text()


def _raw_points(q: AnyQuestion, a: _Normal) -> Decimal:
    if a.level is not None:  # S11
        return q.level_points(a.level) or _ZERO
    if isinstance(q, YesNoQuestion):
        return q.points if a.label == YES_LABEL else _ZERO
    if isinstance(q, ChoiceQuestion):
        return next(o.points for o in q.options if o.label == a.label)
    if isinstance(q, ChecklistQuestion):
        return q.points_for(a.checked)  # S1, S12
    assert a.number is not None
    return q.points_for(a.number)


def _display(q: AnyQuestion, a: _Normal) -> str | None:
    if a.blank:
        return None
    if a.label is not None:
        return a.label
    if isinstance(q, ChecklistQuestion):
        return ", ".join(a.checked) if a.checked else NO_ITEMS.text()
    return None if a.number is None else format(a.number.normalize(), "f")


# --- tracks -------------------------------------------------------------------------

@dataclass(frozen=True)
class _Scored:
    status: QuestionStatus
    earned: Decimal
    possible: Decimal
    reason: str | None


def _score_one(p: QuestionPlan, a: _Normal, unmet_by: str | None, rules: Rules, check_evidence: bool) -> _Scored:
    q = p.question
    if unmet_by is not None and q.condition is not None:
        why = WHY_CONDITION_UNMET.text(question=q.condition.question, answer=unmet_by, allowed=quoted(q.condition.answers))
        return _Scored(QuestionStatus.NOT_APPLICABLE, _ZERO, _ZERO, why)
    if a.blank:
        return _Scored(QuestionStatus.MISSING, _ZERO, p.max_points, WHY_UNANSWERED.text())
    if a.na:
        return _Scored(QuestionStatus.NOT_APPLICABLE, _ZERO, _ZERO, WHY_ANSWERED_NA.text())
    raw = _raw_points(q, a)
    substitute = q.substitute if isinstance(q, YesNoQuestion) and a.substitute else None
    kind = substitute.evidence if substitute is not None else q.evidence  # S13
    if check_evidence and raw > 0 and not evidence_satisfied(kind, a.evidence):
        earned = _CONTEXT.multiply(raw, rules.evidence_credit)
        if substitute is not None:
            return _Scored(QuestionStatus.NO_EVIDENCE, earned, p.max_points, WHY_NO_SUBSTITUTE_EVIDENCE.text(name=substitute.name, need=evidence_kind(kind)))
        return _Scored(QuestionStatus.NO_EVIDENCE, earned, p.max_points, WHY_NO_EVIDENCE.text(need=evidence_kind(q.evidence)))
    if isinstance(q, ChecklistQuestion) and q.all_or_nothing and raw == 0 and a.checked:
        return _Scored(QuestionStatus.ANSWERED, raw, p.max_points, WHY_INCOMPLETE_VOIDS.text())
    return _Scored(QuestionStatus.ANSWERED, raw, p.max_points, None)


def _unmet_by(p: QuestionPlan, answers: Mapping[str, _Normal]) -> str | None:
    """S3: the scoping question's answer that switches the question off; ``None`` while it applies.

    A condition is unmet only when its scoping question was answered with another answer.
    """
    condition = p.question.condition
    if condition is None or p.condition is None:
        return None
    target = answers.get(condition.question, _BLANK)
    if target.blank or target.na or target.label is None:
        return None
    return None if target.label.casefold() in p.condition else target.label


def _track(q: Questionnaire, answers: Mapping[str, _Normal], check_evidence: bool) -> dict[str, _Scored]:
    rules = q.rules
    return {
        p.question.code: _score_one(p, answers.get(p.question.code, _BLANK), _unmet_by(p, answers), rules, check_evidence)
        for p in plan_for(q).questions
    }


@dataclass(frozen=True)
class AnswerCheck:
    """How one of the body's answers counts, for the reader's warnings: the same rules as the score."""

    applicable: bool  # S3
    status: QuestionStatus  # S1, S2 (evidence), S13


def check_answers(questionnaire: Questionnaire, answers: Mapping[str, Answer]) -> dict[str, AnswerCheck]:
    """Each question's applicability and status on the body's track, by code (an invalid answer counts as blank).

    The reader warns from this (unanswered, lacking evidence), so its warnings and the score cannot disagree.
    """
    ignored: list[Problem] = []
    normal = {p.question.code: _normalise(p, answers.get(p.question.code), "", ignored) for p in plan_for(questionnaire).questions}
    scored = _track(questionnaire, normal, check_evidence=True)
    if not ignored:  # every answer fits: score() of these same answers starts from here
        _CHECKED.append(_Checked(questionnaire.questions, questionnaire.rules, tuple(answers.items()), normal, scored))
        del _CHECKED[:-_MAX_CHECKED]
    return {p.question.code: AnswerCheck(_unmet_by(p, normal) is None, scored[p.question.code].status) for p in plan_for(questionnaire).questions}


@dataclass(frozen=True)
class _Checked:
    """The body's track as :func:`check_answers` computed it, for :func:`score` of the same answers."""

    questions: tuple[AnyQuestion, ...]
    rules: Rules
    answers: tuple[tuple[str, Answer], ...]  # the very Answer instances checked (frozen values)
    normal: dict[str, _Normal]
    scored: dict[str, _Scored]

    def matches(self, questions: tuple[AnyQuestion, ...], answers: Mapping[str, Answer]) -> bool:
        return self.questions is questions and len(self.answers) == len(answers) and all(answers.get(code) is a for code, a in self.answers)


#: The last few answer sets the reader checked. The reader checks a workbook's answers for its warnings
#: (S1-S3, S13) and the score runs the same rules on the same answers right after; a hit skips the second
#: pass. Only exact reuse: the same question and Answer instances (immutable), and answers that all fit
#: (so no problem would need this call's location); the scored track only under the same rules instance.
_CHECKED: list[_Checked] = []
_MAX_CHECKED = 4


def _checked(q: Questionnaire, answers: Mapping[str, Answer]) -> _Checked | None:
    return next((c for c in reversed(_CHECKED) if c.matches(q.questions, answers)), None)


def _sums(q: Questionnaire, scored: Mapping[str, _Scored]) -> dict[str, tuple[Decimal, Decimal]]:
    sums = {i.code: (_ZERO, _ZERO) for i in q.indicators}
    for question in q.questions:
        s = scored[question.code]
        earned, possible = sums[question.indicator]
        sums[question.indicator] = (earned + s.earned, possible + s.possible)
    return sums


def _saq_exact(q: Questionnaire, sums: Mapping[str, tuple[Decimal, Decimal]]) -> tuple[Decimal, Decimal, dict[str, Decimal]]:
    """S4 (S14 for points as given): (exact SAQ, active weight, exact contribution per indicator)."""
    active = sum((i.weight for i in q.indicators if sums[i.code][1] > 0), _ZERO)
    possible_all = sum((p for _, p in sums.values()), _ZERO) if q.direct_points else _ZERO
    contributions = {ind.code: _contribution(q, ind, sums[ind.code], active, possible_all) for ind in q.indicators}
    return _total(contributions), active, contributions


def _contribution(q: Questionnaire, ind: Indicator, sums: tuple[Decimal, Decimal], active: Decimal, possible_all: Decimal) -> Decimal:
    """S4 (S14): one indicator's exact contribution from its (earned, possible) points."""
    earned, possible = sums
    if q.direct_points:
        return _CONTEXT.divide(_CONTEXT.multiply(earned, _HUNDRED), possible_all) if possible_all > 0 else _ZERO
    if possible > 0 and active > 0:
        return _CONTEXT.divide(_CONTEXT.multiply(_CONTEXT.multiply(earned, ind.weight), _HUNDRED), _CONTEXT.multiply(possible, active))
    return _ZERO


def _total(contributions: Mapping[str, Decimal]) -> Decimal:
    """The exact SAQ: the contributions summed in indicator order, held within 0–100."""
    return min(max(sum(contributions.values(), _ZERO), _ZERO), _HUNDRED)


def _track_result(q: Questionnaire, scored: Mapping[str, _Scored]) -> tuple[TrackResult, Decimal, dict[str, tuple[Decimal, Decimal]]]:
    sums = _sums(q, scored)
    exact, active, contributions = _saq_exact(q, sums)
    r = q.rules.rounding
    indicators = tuple(
        IndicatorResult.model_construct(
            code=ind.code,
            name=ind.name,
            description=ind.description,
            weight=ind.weight,
            earned=sums[ind.code][0],
            possible=sums[ind.code][1],
            percent=round_score(_CONTEXT.divide(_CONTEXT.multiply(sums[ind.code][0], _HUNDRED), sums[ind.code][1]), r) if sums[ind.code][1] > 0 else None,
            contribution=round_score(contributions[ind.code], r),
        )
        for ind in q.indicators
    )
    return TrackResult.model_construct(score=round_score(exact, r), indicators=indicators, active_weight=active), exact, sums


# --- stages and outcome ------------------------------------------------------------

@dataclass(frozen=True)
class _Final:
    value: Decimal | None  # published final, None when a needed stage score is missing or a gate is undecided
    stages: tuple[StageResult, ...]
    gates: tuple[GateResult, ...]
    missing: tuple[str, ...]  # names of stages whose scores are needed but missing
    failed: Gate | None  # the gate the body failed
    pending: tuple[str, ...]  # labels of gates only the batch can decide (a rank is needed)


@dataclass(frozen=True)
class _Staging:
    published: tuple[Decimal | None, ...]  # each stage's published score, before gate effects
    calls: tuple[GateCall, ...]
    failed: int | None  # index of the failed gate
    pending: tuple[int, ...]  # gates undecided although their score is known (a rank is needed)
    reached: frozenset[str]  # stage codes the body takes part in


def _staging(rules: Rules, saq: Decimal, stage_scores: Mapping[str, Decimal], decided: Sequence[GateCall] | None) -> _Staging:
    """S6 with rules G1–G6: which gates the body passed and which stages it reached.

    A gate's own threshold decides what it can; the batch's call (``decided``) fills in what needs a rank.
    """
    by_code = published_scores(rules, saq, stage_scores)
    published = [by_code[s.code] for s in rules.stages]
    codes = [s.code for s in rules.stages]
    calls: list[GateCall] = []
    failed: int | None = None
    pending: list[int] = []
    stopped = False
    for i, gate in enumerate(rules.gates):
        value = gate_value(rules, gate, by_code)
        if stopped:
            calls.append(GateCall(False, value, None))
            continue
        alone = decide_alone(gate, value)
        batch = decided[i] if decided is not None and i < len(decided) else None
        if alone is not None:
            meets = gate.threshold is not None and value is not None and value >= gate.threshold
            by = (GatePass.THRESHOLD if meets else GatePass.RANK) if alone else None
            calls.append(GateCall(True, value, alone, by, batch.rank if batch is not None else None))
        elif batch is not None and batch.passed is not None and value is not None:
            calls.append(GateCall(True, value, batch.passed, batch.by, batch.rank))
        else:
            calls.append(GateCall(True, value, None))
            if value is not None:
                pending.append(i)
            stopped = True
            continue
        if calls[-1].passed is False:
            failed = i
            stopped = True
    reached = frozenset(codes) if failed is None else frozenset(codes[: codes.index(rules.gates[failed].stage) + 1])
    return _Staging(tuple(published), tuple(calls), failed, tuple(pending), reached)


def _final_value(rules: Rules, saq: Decimal, stage_scores: Mapping[str, Decimal], decided: Sequence[GateCall] | None = None) -> Decimal | None:
    """S7: the published final, or None while a needed stage score is missing or a gate is undecided."""
    st = _staging(rules, saq, stage_scores, decided)
    if st.failed is not None:
        rule = rules.gates[st.failed].on_fail
        if rule is GateFailRule.SAQ_SCORE:
            return saq
        pairs = [(s, v) for s, v in zip(rules.stages, st.published, strict=True) if s.code in st.reached]
        if any(v is None for _, v in pairs):
            return None
        if rule is GateFailRule.REACHED_STAGES:
            total = sum((_CONTEXT.multiply(s.weight, v) for s, v in pairs if v is not None), _ZERO)
            return round_score(_CONTEXT.divide(total, sum((s.weight for s, _ in pairs), _ZERO)), rules.rounding)
        total = sum((_CONTEXT.multiply(s.weight, v) for s, v in pairs if v is not None), _ZERO)
        return round_score(_CONTEXT.divide(total, _HUNDRED), rules.rounding)
    if st.pending or any(v is None for v in st.published):
        return None
    total = sum((_CONTEXT.multiply(stage.weight, v) for stage, v in zip(rules.stages, st.published, strict=True) if v is not None), _ZERO)
    return round_score(_CONTEXT.divide(total, _HUNDRED), rules.rounding)


def _combine(rules: Rules, saq: Decimal, stage_scores: Mapping[str, Decimal], decided: Sequence[GateCall] | None) -> _Final:
    """S6, S7 with everything the result shows: each stage's score and contribution, each gate."""
    st = _staging(rules, saq, stage_scores, decided)
    rule = rules.gates[st.failed].on_fail if st.failed is not None else None
    saq_only = rule is GateFailRule.SAQ_SCORE
    reached_weight = sum((s.weight for s in rules.stages if s.code in st.reached), _ZERO)
    names = _next_stage_names(rules)
    gates = tuple(
        GateResult.model_construct(
            threshold=gate.threshold,
            score=call.value,
            passed=call.passed,
            on_fail=gate.on_fail,
            stage=gate.stage,
            label=gate_label(gate, names[i]),
            top=gate.top,
            join=gate.join if gate.threshold is not None and gate.top is not None else None,
            reached=call.reached,
            by=call.by,
            rank=call.rank,
        )
        for i, (gate, call) in enumerate(zip(rules.gates, st.calls, strict=True))
    )
    stages: list[StageResult] = []
    missing: list[str] = []
    for stage, value in zip(rules.stages, st.published, strict=True):
        shown = value
        contribution: Decimal | None = None
        if stage.code not in st.reached:
            shown = _ZERO if rule is GateFailRule.OTHER_STAGES_ZERO else value
        elif value is None:
            missing.append(stage.name)
        if shown is not None and not saq_only and (stage.code in st.reached or rule is GateFailRule.OTHER_STAGES_ZERO):
            weight = stage.weight if rule is not GateFailRule.REACHED_STAGES else _CONTEXT.divide(_CONTEXT.multiply(stage.weight, _HUNDRED), reached_weight)
            contribution = _CONTEXT.divide(_CONTEXT.multiply(weight, shown), _HUNDRED)
        stages.append(StageResult.model_construct(code=stage.code, name=stage.name, weight=stage.weight, score=shown, contribution=contribution))
    if saq_only:
        missing = []
    pending = tuple(gates[i].label or "" for i in st.pending)
    failed = rules.gates[st.failed] if st.failed is not None else None
    return _Final(_final_value(rules, saq, stage_scores, decided), tuple(stages), gates, tuple(missing), failed, pending)


def _next_stage_names(rules: Rules) -> tuple[str, ...]:
    codes = [s.code for s in rules.stages]
    return tuple(rules.stages[codes.index(g.stage) + 1].name if g.stage in codes[:-1] else g.stage for g in rules.gates)


def _method(rules: Rules, final: _Final) -> Method:
    """How the headline was formed, for reports that explain it."""
    if final.failed is not None:
        return {
            GateFailRule.SAQ_SCORE: Method.GATE_FAILED_SAQ,
            GateFailRule.OTHER_STAGES_ZERO: Method.GATE_FAILED_ZERO,
            GateFailRule.REACHED_STAGES: Method.GATE_FAILED_REACHED,
        }[final.failed.on_fail]
    if final.pending:
        return Method.GATE_PENDING
    if final.value is None:
        return Method.STAGE_MISSING
    return Method.WEIGHTED_STAGES if len(rules.stages) > 1 else Method.SAQ_ONLY


def _headline(final: _Final, basis_saq: Decimal) -> Decimal:
    return final.value if final.value is not None else basis_saq


# --- public --------------------------------------------------------------------------

def check_submission(questionnaire: Questionnaire, submission: Submission) -> list[Problem]:
    """Every problem with the answers and stage scores, without scoring (empty when all is well)."""
    problems: list[Problem] = []
    _normalise_all(questionnaire, submission, problems)
    return problems


def _normalise_all(q: Questionnaire, sub: Submission, problems: list[Problem]) -> tuple[dict[str, _Normal], dict[str, _Normal]]:
    source = sub.source or "jawaban"
    for label, given in (("jawaban", sub.answers), ("verifikasi", sub.verification)):
        problems.extend(
            ANSWER_UNKNOWN_QUESTION.at(Location(source, field=f"{label}.{code}"), code=code) for code in given if code not in q.question_map
        )
    checked = _checked(q, sub.answers)
    plan = plan_for(q)
    own = checked.normal if checked is not None else {p.question.code: _normalise(p, sub.answers.get(p.question.code), source, problems) for p in plan.questions}
    verifier = {p.question.code: _normalise(p, sub.verification.get(p.question.code), source, problems, verifier=True) for p in plan.questions if p.question.code in sub.verification}
    stage_codes = [s.code for s in q.rules.later_stages]
    for code, value in sub.stage_scores.items():
        if code not in stage_codes:
            problems.append(STAGE_UNKNOWN.at(Location(source, field=f"tahap.{code}"), stage=code, allowed=tuple(stage_codes)))
        elif not (0 <= value <= 100):
            problems.append(STAGE_OUT_OF_RANGE.at(Location(source, field=f"tahap.{code}"), stage=code, given=str(value)))
    return own, verifier


def _fulfilment(s: _Scored) -> Fulfilment | None:
    if s.possible <= 0:
        return None
    if s.earned >= s.possible:
        return Fulfilment.FULL
    return Fulfilment.PARTIAL if s.earned > 0 else Fulfilment.NONE


def _answer_result(q: AnyQuestion, a: _Normal, s: _Scored) -> AnswerResult:
    values = {
        "answer": _display(q, a),
        "checked": a.checked,
        "evidence": a.evidence,
        "status": s.status,
        "earned": s.earned,
        "possible": s.possible,
        "reason": s.reason,
        "fulfilment": _fulfilment(s),
        "level": a.level,
        "substitute": a.substitute,
    }
    return trusted_new(AnswerResult, values, ANSWER_FIELDS)


def score(questionnaire: Questionnaire, submission: Submission, gates: Sequence[GateCall] | None = None) -> Assessment:
    """Score one body: both SAQ tracks, the stages, the gates, the final score, its band and the potensi.

    Pure: the same inputs always give the same Assessment.

    Args:
        questionnaire: The edition, with its rules.
        submission: The body's answers, the verifier's answers and the later-stage scores.
        gates: The batch's call at each gate (:func:`kipmonev.engine.gates.evaluate_gates`), needed only
            for gates that rank bodies; without it such a gate is undecided unless the threshold decides.

    Raises:
        SubmissionError: An answer does not fit its question, names an unknown question, or a stage score
            is unknown or outside 0–100; every such problem is listed.
    """
    q = questionnaire
    rules = q.rules
    plan = plan_for(q)
    problems: list[Problem] = []
    own, verifier = _normalise_all(q, submission, problems)
    if problems:
        raise SubmissionError(SUBMISSION_INVALID.text(count=len(problems), questionnaire=q.id), tuple(problems))

    checked = _checked(q, submission.answers)
    self_scored = checked.scored if checked is not None and checked.rules is rules and checked.normal is own else _track(q, own, check_evidence=True)
    verified_view = {code: verifier.get(code, own[code]) for code in own}
    has_verification = bool(verifier)
    if has_verification:
        verified_scored = {
            p.question.code: (
                _score_one(p, verified_view[p.question.code], _unmet_by(p, verified_view), rules, check_evidence=False)
                if p.question.code in verifier
                else self_scored[p.question.code]
            )
            for p in plan.questions
        }
    self_track, self_exact, _ = _track_result(q, self_scored)
    verified_track = None
    basis_scored, basis_exact = self_scored, self_exact
    if has_verification:
        verified_track, basis_exact, _ = _track_result(q, verified_scored)
        basis_scored = verified_scored
    basis_saq = round_score(basis_exact, rules.rounding)
    final = _combine(rules, basis_saq, submission.stage_scores, gates)

    reasons: list[str] = []
    missing_count = sum(1 for s in self_scored.values() if s.status is QuestionStatus.MISSING)
    if rules.missing_answers is MissingAnswerRule.INCOMPLETE and missing_count:
        reasons.append(REASON_MISSING_ANSWERS.text(count=missing_count))
    # A question the body left blank has nothing to verify: it earns 0 on both tracks.
    unverified = sum(1 for code, answer in own.items() if code not in verifier and not answer.blank)
    if rules.verification_required and unverified:
        reasons.append(REASON_NOT_VERIFIED.text(count=unverified))
    reasons += [REASON_STAGE_MISSING.text(stage_name=name) for name in final.missing]
    reasons += [gp.REASON_GATE_PENDING.text(gate=label) for label in final.pending]
    headline = _headline(final, basis_saq)
    complete = not reasons
    outcome = Outcome.model_construct(
        complete=complete,
        final_score=headline if complete else None,
        band=plan.bands[_band_index(headline, rules.bands)] if complete else None,
        reasons=tuple(reasons),
        basis=Basis.VERIFIED if has_verification else Basis.SELF,
        estimate_score=headline,
        estimate_band=plan.bands[_band_index(headline, rules.bands)],
        estimate_includes_stages=final.value is not None and len(rules.stages) > 1 and final.failed is None,
        method=_method(rules, final),
    )

    questions = tuple(
        _question_result(p, own[p.question.code], self_scored[p.question.code], verifier.get(p.question.code), verified_scored.get(p.question.code) if has_verification else None, submission)
        for p in plan.questions
    )
    improvements = _improvements(q, plan, basis_scored, basis_exact, headline, submission.stage_scores, gates)
    counts = Counts.model_construct(
        questions=len(q.questions),
        answered=sum(1 for s in self_scored.values() if s.status in (QuestionStatus.ANSWERED, QuestionStatus.NO_EVIDENCE)),
        missing=missing_count,
        not_applicable=sum(1 for s in self_scored.values() if s.status is QuestionStatus.NOT_APPLICABLE),
        no_evidence=sum(1 for s in self_scored.values() if s.status is QuestionStatus.NO_EVIDENCE),
        verified=len(verifier),
    )
    return Assessment.model_construct(
        kipmonev_version=__version__,
        questionnaire=plan.questionnaire,
        rules=plan.rules,
        body=submission.body,
        source=submission.source,
        saq_self=self_track,
        saq_verified=verified_track,
        stages=final.stages,
        gate=final.gates[0] if final.gates else None,
        gates=final.gates,
        outcome=outcome,
        counts=counts,
        questions=questions,
        improvements=improvements,
        notices=submission.notices,
    )


def _question_result(p: QuestionPlan, own: _Normal, own_s: _Scored, ver: _Normal | None, ver_s: _Scored | None, sub: Submission) -> QuestionResult:
    q = p.question
    self_result = _answer_result(q, own, own_s)
    verified_result = _answer_result(q, ver, ver_s) if ver is not None and ver_s is not None else None
    verification = sub.verification.get(q.code)
    answer = sub.answers.get(q.code)
    return question_result(
        p,
        self_answer=self_result,
        verified_answer=verified_result,
        verifier_note=verification.note if verification is not None else None,
        respondent_note=answer.note if answer is not None else None,
        counted=verified_result or self_result,
    )


def _improvements(
    q: Questionnaire,
    plan: ScoringPlan,
    scored: Mapping[str, _Scored],
    basis_exact: Decimal,
    headline: Decimal,
    stage_scores: Mapping[str, Decimal],
    gates: Sequence[GateCall] | None,
) -> tuple[Improvement, ...]:
    """S10: what each unmet item alone would add, through the same aggregation as the score itself.

    Meeting one item changes only its indicator's earned points, so only that indicator's contribution is
    recomputed; the others, the active weight and the total's order of addition stay those of the score.
    """
    rules = q.rules
    sums = _sums(q, scored)
    _, active, contributions = _saq_exact(q, sums)
    possible_all = sum((p for _, p in sums.values()), _ZERO) if q.direct_points else _ZERO
    basis_saq = round_score(basis_exact, rules.rounding)
    finals: dict[tuple[object, ...], Decimal | None] = {}
    out: list[Improvement] = []
    for p in plan.questions:
        qq = p.question
        s = scored[qq.code]
        if s.possible <= 0 or s.earned >= s.possible:
            continue
        earned, possible = sums[qq.indicator]
        changed = dict(contributions)
        changed[qq.indicator] = _contribution(q, q.indicator_map[qq.indicator], (earned + (s.possible - s.earned), possible), active, possible_all)
        new_saq = round_score(_total(changed), rules.rounding)
        key = tuple(new_saq.as_tuple())  # exactly this Decimal: 90.0 and 90.00 are kept apart
        if key not in finals:
            finals[key] = _final_value(rules, new_saq, stage_scores, gates)
        new_final = finals[key]
        new_headline = new_saq if new_final is None else new_final
        out.append(improvement(p, status=s.status, earned=s.earned, possible=s.possible, gain_saq=new_saq - basis_saq, gain=new_headline - headline))
    out.sort(key=lambda i: (-i.gain, -i.gain_saq, i.code))
    return tuple(out)
