"""The canonical result: JSON round trip, the published schema, provenance."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import jsonschema
from conftest import FULL_ANSWERS, small, submission

from kipmonev import Answer, Assessment, __version__, result_schema, score
from kipmonev.model.result import EvidenceRecord, EvidenceSource


def test_json_round_trip_is_exact() -> None:
    answers = dict(FULL_ANSWERS)
    answers["BB.1.2"] = Answer(value=Decimal("12.5"))
    result = score(small(), submission(answers, stages={"presentasi": Decimal("77.777")}))
    text = result.to_json()
    again = Assessment.from_json(text)
    assert again == result
    assert again.to_json() == text


def test_result_validates_against_the_published_schema() -> None:
    result = score(small(verifikasi_wajib=True), submission(verification={"AA.1.1": Answer(value="Tidak", note="Tautan mati.")}))
    jsonschema.validate(json.loads(result.to_json()), result_schema())
    jsonschema.Draft202012Validator.check_schema(result_schema())


def test_scores_are_json_numbers_and_provenance_is_recorded() -> None:
    q = small()
    data = json.loads(score(q, submission()).to_json())
    assert data["saq_self"]["score"] == 100
    assert data["questionnaire"]["content_hash"] == q.content_hash
    assert data["questionnaire"]["version"] == 2025081501
    assert data["kipmonev_version"] == __version__
    assert data["schema_version"] == "1.0"


def test_content_hash_follows_content() -> None:
    data = small().model_dump(by_alias=True)
    first = small().content_hash
    data["pertanyaan"][0]["poin"] = 3
    from kipmonev.model.questionnaire import Questionnaire

    assert Questionnaire.model_validate(data).content_hash != first
    assert small().content_hash == first


def test_content_hash_ignores_how_a_number_is_written() -> None:
    from kipmonev.model.questionnaire import Questionnaire

    data = small().model_dump(by_alias=True)
    data["indikator"][0]["bobot"] = "60.00"
    data["pertanyaan"][0]["poin"] = "2.0"
    assert Questionnaire.model_validate(data).content_hash == small().content_hash


def test_evidence_manifest_round_trips_and_old_json_still_reads() -> None:
    result = score(small(), submission())
    record = EvidenceRecord(kind=EvidenceSource.FILE, value="sk.pdf", location="Kuesioner!F12", sha256="ab" * 32, size=10, media_type="application/pdf", pages=1, text_layer=True)
    first = result.questions[0].model_copy(update={"evidence_checks": (record,)})
    with_manifest = result.model_copy(update={"questions": (first, *result.questions[1:])})
    text = with_manifest.to_json()
    jsonschema.validate(json.loads(text), result_schema())
    assert Assessment.from_json(text).questions[0].evidence_checks == (record,)
    old = json.loads(result.to_json())
    for question in old["questions"]:
        question.pop("evidence_checks")
    assert Assessment.from_json(json.dumps(old)).questions[0].evidence_checks == ()
    assert "evidence_checks" in result_schema()["$defs"]["QuestionResult"]["properties"]


def test_trusted_copies_are_what_model_construct_gives() -> None:
    """The scoring engine's fast construction: same values, same field order, same set fields as ``model_construct``."""
    from kipmonev.model.result import AnswerResult, Improvement, QuestionStatus, trusted, trusted_new

    later: Any = None
    template = Improvement.model_construct(code="A.1", indicator="A", text="t", definition="d", recommendation="r", legal_basis="l", status=later, earned=later, possible=later, gain_saq=later, gain=later)
    points: dict[str, Any] = {"status": QuestionStatus.MISSING, "earned": Decimal(0), "possible": Decimal("2.5"), "gain_saq": Decimal("1.25"), "gain": Decimal("1.00")}
    fast = trusted(template, points)
    slow = Improvement.model_construct(code="A.1", indicator="A", text="t", definition="d", recommendation="r", legal_basis="l", **points)
    assert fast == slow and list(fast.__dict__) == list(slow.__dict__) and fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump_json() == slow.model_dump_json() and repr(fast) == repr(slow)
    assert template.status is None  # the template is left as it was

    values: dict[str, Any] = {"answer": "Ya", "checked": (), "evidence": ("https://a.go.id",), "status": QuestionStatus.ANSWERED, "earned": Decimal(1), "possible": Decimal(1)}
    values |= {"reason": None, "fulfilment": None, "level": None, "substitute": False}
    built = trusted_new(AnswerResult, dict(values), frozenset(AnswerResult.model_fields))
    constructed = AnswerResult.model_construct(**values)
    assert built == constructed and list(built.__dict__) == list(constructed.__dict__) and built.model_fields_set == constructed.model_fields_set
    assert built.model_dump_json() == constructed.model_dump_json()
