"""Properties of the scoring engine over random answer sets (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from conftest import small, submission, with_preset
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import answers_for, met

from kipmonev import Answer, Assessment, score
from kipmonev.model.questionnaire import AnswerType, Questionnaire
from kipmonev.sources.loader import load_questionnaire

SMALL = small()
SMALL_PUSAT = with_preset(small(), "ki-pusat")
SHIPPED = load_questionnaire("ki-pusat-2025-bumn")
EDITIONS = [SMALL, SMALL_PUSAT, SHIPPED]
STAGE = st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=2))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _case(q: Questionnaire) -> st.SearchStrategy[tuple[dict[str, Answer], Decimal | None, bool]]:
    return st.tuples(answers_for(q), STAGE, st.booleans())


def _score(q: Questionnaire, answers: dict[str, Answer], stage: Decimal | None, verified: bool) -> Assessment:
    stages = {} if stage is None else {s.code: stage for s in q.rules.later_stages}
    verification = dict(answers) if verified else {}
    return score(q, submission(answers, verification, stages).model_copy(update={"questionnaire_id": q.id}))


def _drawn_result(data: st.DataObject) -> Assessment:
    q = data.draw(st.sampled_from(EDITIONS))
    return _score(q, *data.draw(_case(q)))


@FAST
@given(data=st.data())
def test_scores_stay_within_0_and_100(data: st.DataObject) -> None:
    result = _drawn_result(data)
    for value in (result.saq_self.score, result.outcome.estimate_score, *(s.score for s in result.stages if s.score is not None)):
        assert 0 <= value <= 100
    if result.outcome.final_score is not None:
        assert 0 <= result.outcome.final_score <= 100
    for ind in result.saq_self.indicators:
        assert 0 <= ind.earned <= ind.possible


@FAST
@given(data=st.data())
def test_potensi_equals_the_real_change_and_meeting_an_item_never_lowers_the_saq(data: st.DataObject) -> None:
    q = data.draw(st.sampled_from(EDITIONS))
    answers, stage, verified = data.draw(_case(q))
    before = _score(q, answers, stage, verified)
    if not before.improvements:
        return
    item = data.draw(st.sampled_from(before.improvements))
    changed = dict(answers)
    changed[item.code] = met(q.question_map[item.code])
    after = _score(q, changed, stage, verified)
    basis_before = before.saq_verified or before.saq_self
    basis_after = after.saq_verified or after.saq_self
    assert basis_after.score - basis_before.score == item.gain_saq
    assert after.outcome.estimate_score - before.outcome.estimate_score == item.gain
    assert item.gain_saq >= 0
    same_gate = (before.gate.passed if before.gate else None) == (after.gate.passed if after.gate else None)
    if same_gate:
        assert item.gain >= 0


@FAST
@given(data=st.data())
def test_every_result_reads_back_from_its_json_as_the_same_object(data: st.DataObject) -> None:
    result = _drawn_result(data)
    back = Assessment.model_validate_json(result.to_json())
    assert back == result
    assert back.to_json() == result.to_json()
    # Typed all the way: the enums come back as enums, not as their strings.
    assert type(back.outcome.method) is type(result.outcome.method)
    assert type(back.outcome.basis) is type(result.outcome.basis)
    assert {type(x.type) for x in back.questions} == {type(x.type) for x in result.questions} == {AnswerType}
