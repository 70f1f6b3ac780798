"""Hypothesis strategies that build answers for any questionnaire."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from kipmonev.model.questionnaire import AnyQuestion, ChecklistQuestion, ChoiceQuestion, NumberQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.submission import Answer

EVIDENCE = st.sampled_from([(), ("https://ppid.contoh.go.id/a",), ("sk-ppid.pdf",), ("  ",)])


def answer_for(q: AnyQuestion, verifier: bool = False) -> st.SearchStrategy[Answer | None]:
    """A valid answer (or blank) for one question, with or without evidence; a verifier picks a scale's level."""
    if verifier and q.verifier_scale:
        values: st.SearchStrategy[object] = st.sampled_from(q.verifier_labels)
    elif isinstance(q, YesNoQuestion) and q.substitute is not None:
        labels = st.sampled_from(q.labels)
        answered_sub = st.builds(lambda v, e, sub: Answer(value=v, evidence=e, substitute=sub and v == "Ya"), labels, EVIDENCE, st.booleans())
        options_sub: list[st.SearchStrategy[Answer | None]] = [answered_sub, st.none()]
        if q.allow_na:
            options_sub.append(st.just(Answer(not_applicable=True)))
        return st.one_of(*options_sub)
    elif isinstance(q, YesNoQuestion | ChoiceQuestion):
        values = st.sampled_from(q.labels)
    elif isinstance(q, ChecklistQuestion):
        values = st.lists(st.sampled_from([i.code for i in q.items]), unique=True).map(tuple)
    elif isinstance(q, NumberQuestion) and q.is_percent:  # valid answers only: a percentage lies in 0–100
        values = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)
    else:
        values = st.decimals(min_value=-5, max_value=200, places=2, allow_nan=False, allow_infinity=False)
    answered = st.builds(lambda v, e: Answer(value=v, evidence=e), values, EVIDENCE)
    options: list[st.SearchStrategy[Answer | None]] = [answered, st.none()]
    if q.allow_na:
        options.append(st.just(Answer(not_applicable=True)))
    return st.one_of(*options)


def answers_for(questionnaire: Questionnaire, verifier: bool = False) -> st.SearchStrategy[dict[str, Answer]]:
    """A random, valid answer set: some blank, some N/A, some without evidence (a verifier's, when ``verifier``)."""
    parts = {q.code: answer_for(q, verifier) for q in questionnaire.questions}
    return st.fixed_dictionaries(parts).map(lambda d: {k: v for k, v in d.items() if v is not None})


def met(q: AnyQuestion) -> Answer:
    """The answer that earns a question its full points, with evidence that satisfies any rule."""
    evidence = ("https://ppid.contoh.go.id/bukti.pdf",)
    if isinstance(q, YesNoQuestion):
        return Answer(value="Ya", evidence=evidence)
    if isinstance(q, ChoiceQuestion):
        return Answer(value=max(q.options, key=lambda o: o.points).label, evidence=evidence)
    if isinstance(q, ChecklistQuestion):
        return Answer(value=tuple(i.code for i in q.items), evidence=evidence)
    assert isinstance(q, NumberQuestion)
    best = max(q.ranges, key=lambda r: r.points)
    return Answer(value=Decimal(best.low), evidence=evidence)
