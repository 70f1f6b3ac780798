"""The scoring engine, rule by rule (S1–S10 in kipmonev/engine/scoring.py), as tables of answers and expected scores."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import FULL_ANSWERS, LINK, small, small_data, submission, with_preset

from kipmonev import Answer, SubmissionError, score
from kipmonev.engine.problems import ANSWER_UNKNOWN_QUESTION, REASON_MISSING_ANSWERS, REASON_NOT_VERIFIED, REASON_STAGE_MISSING
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.result import Fulfilment, QuestionStatus

D = Decimal


def _with(**changes: Answer | None) -> dict[str, Answer]:
    answers = dict(FULL_ANSWERS)
    for code, answer in changes.items():
        key = code.replace("_", ".")
        if answer is None:
            answers.pop(key)
        else:
            answers[key] = answer
    return answers


# Indicator A: AA.1.1 (2, link) + AA.1.2 (3) + AA.1.3 (1, N/A allowed) = 6 points, weight 60.
# Indicator B: BB.1.1 (4, document) + BB.1.2 (2) + BB.2.2 (2, only if BB.2.1 is Ya) = 8 points, weight 40.
@pytest.mark.parametrize(
    ("rule", "answers", "saq", "status"),
    [
        ("S1 all met", {}, "100.00", None),
        ("S1 Tidak earns 0", {"AA_1_1": Answer(value="Tidak", evidence=(LINK,))}, "80.00", ("AA.1.1", QuestionStatus.ANSWERED)),
        ("S1 case and spaces", {"AA_1_1": Answer(value="  yA ", evidence=(LINK,))}, "100.00", ("AA.1.1", QuestionStatus.ANSWERED)),
        ("S1 middle option", {"AA_1_2": Answer(value="sebagian")}, "80.00", ("AA.1.2", QuestionStatus.ANSWERED)),
        ("S1 checklist part", {"BB_1_1": Answer(value=("a",), evidence=("x.pdf",))}, "90.00", ("BB.1.1", QuestionStatus.ANSWERED)),
        ("S1 checklist with every item Tidak is answered, worth 0", {"BB_1_1": Answer(value=(), evidence=("x.pdf",))}, "80.00", ("BB.1.1", QuestionStatus.ANSWERED)),
        ("S2 checklist with no item met needs no evidence", {"BB_1_1": Answer(value=())}, "80.00", ("BB.1.1", QuestionStatus.ANSWERED)),
        ("S1 checklist as text", {"BB_1_1": Answer(value="A; c", evidence=("x.pdf",))}, "95.00", ("BB.1.1", QuestionStatus.ANSWERED)),
        ("S1 number in middle range", {"BB_1_2": Answer(value=D(10))}, "95.00", ("BB.1.2", QuestionStatus.ANSWERED)),
        ("S1 number with comma", {"BB_1_2": Answer(value="16,5")}, "95.00", ("BB.1.2", QuestionStatus.ANSWERED)),
        ("S1 number at open range", {"BB_1_2": Answer(value=D(17))}, "90.00", ("BB.1.2", QuestionStatus.ANSWERED)),
        ("S1 number below all ranges", {"BB_1_2": Answer(value=D(-1))}, "90.00", ("BB.1.2", QuestionStatus.ANSWERED)),
        ("S2 Ya without link", {"AA_1_1": Answer(value="Ya")}, "80.00", ("AA.1.1", QuestionStatus.NO_EVIDENCE)),
        ("S2 Ya with a file name where a link is needed", {"AA_1_1": Answer(value="Ya", evidence=("sk.pdf",))}, "80.00", ("AA.1.1", QuestionStatus.NO_EVIDENCE)),
        ("S2 checklist without document", {"BB_1_1": Answer(value=("a", "b", "c"))}, "80.00", ("BB.1.1", QuestionStatus.NO_EVIDENCE)),
        ("S2 Tidak needs no evidence", {"AA_1_1": Answer(value="Tidak")}, "80.00", ("AA.1.1", QuestionStatus.ANSWERED)),
        ("S3 N/A leaves the maximum", {"AA_1_3": Answer(not_applicable=True)}, "100.00", ("AA.1.3", QuestionStatus.NOT_APPLICABLE)),
        ("S3 N/A typed as label", {"AA_1_3": Answer(value="tidak berlaku")}, "100.00", ("AA.1.3", QuestionStatus.NOT_APPLICABLE)),
        ("S3 unmet condition leaves the maximum", {"BB_2_1": Answer(value="Tidak"), "BB_2_2": None}, "100.00", ("BB.2.2", QuestionStatus.NOT_APPLICABLE)),
        ("S3 blank scoping question keeps the item", {"BB_2_1": None, "BB_2_2": None}, "90.00", ("BB.2.2", QuestionStatus.MISSING)),
        ("missing answer counts 0", {"AA_1_2": None}, "70.00", ("AA.1.2", QuestionStatus.MISSING)),
        ("S4 nothing met in one indicator", {"AA_1_1": Answer(value="Tidak"), "AA_1_2": Answer(value="Tidak ada"), "AA_1_3": Answer(value="Tidak")}, "40.00", None),
        ("S4 exact division rounded once", {"BB_1_2": Answer(value=D(20)), "BB_2_1": Answer(value="Tidak"), "BB_2_2": None}, "86.67", None),
    ],
)
def test_saq_table(rule: str, answers: dict[str, Answer | None], saq: str, status: tuple[str, QuestionStatus] | None) -> None:
    result = score(small(), submission(_with(**answers)))
    assert str(result.saq_self.score) == saq, rule
    if status is not None:
        code, expected = status
        assert next(q for q in result.questions if q.code == code).self_answer.status is expected


def test_indicator_with_every_item_not_applicable_leaves_its_weight_out() -> None:
    data = small_data()
    data["pertanyaan"] = [p for p in data["pertanyaan"] if p["kode"] not in ("AA.1.1", "AA.1.2")]
    q = Questionnaire.model_validate(data)
    answers = {"AA.1.3": Answer(not_applicable=True), "BB.1.1": Answer(value=("a", "b"), evidence=("x.pdf",)), "BB.1.2": Answer(value=D(3)), "BB.2.1": Answer(value="Tidak")}
    result = score(q, submission(answers))
    assert result.saq_self.active_weight == 40
    assert [(i.code, i.percent, str(i.contribution)) for i in result.saq_self.indicators] == [("AA", None, "0.00"), ("BB", D("83.33"), "83.33")]
    assert str(result.saq_self.score) == "83.33"  # 5 of 6 points, rescaled from weight 40 to 100


def test_evidence_credit_fraction() -> None:
    q = small(kredit_tanpa_bukti="0.5")
    result = score(q, submission(_with(AA_1_1=Answer(value="Ya"))))
    assert str(result.saq_self.score) == "90.00"
    assert result.questions[0].self_answer.earned == 1


def test_missing_answers_make_incomplete_when_the_rules_say_so() -> None:
    q = small(jawaban_kosong="tidak_lengkap")
    result = score(q, submission(_with(AA_1_2=None), stages={"presentasi": D(90)}))
    assert result.outcome.complete is False
    assert result.outcome.band is None
    assert result.outcome.reasons == (REASON_MISSING_ANSWERS.text(count=1),)
    assert str(result.outcome.estimate_score) == "76.00"  # 0.7 × 70 + 0.3 × 90


# --- verification (S5) ---------------------------------------------------------------

def test_verifier_overrides_and_credits_without_the_evidence_rule() -> None:
    answers = _with(AA_1_1=Answer(value="Ya"))  # no link: self track gives 0
    verification = {code: Answer(value=a.value, not_applicable=a.not_applicable) for code, a in FULL_ANSWERS.items()}
    verification["AA.1.2"] = Answer(value="Sebagian", note="Hanya sebagian dokumen tersedia.")
    result = score(small(verifikasi_wajib=True), submission(answers, verification, {"presentasi": D(80)}))
    assert str(result.saq_self.score) == "80.00"
    assert result.saq_verified is not None
    assert str(result.saq_verified.score) == "80.00"
    q = {x.code: x for x in result.questions}
    assert q["AA.1.1"].self_answer.status is QuestionStatus.NO_EVIDENCE
    assert q["AA.1.1"].counted.status is QuestionStatus.ANSWERED
    assert q["AA.1.2"].verifier_note == "Hanya sebagian dokumen tersedia."
    assert result.outcome.basis == "verified"
    assert result.outcome.complete is True
    assert str(result.outcome.final_score) == "80.00"  # 0.7 × 80 + 0.3 × 80


def test_partial_verification_is_not_final() -> None:
    result = score(small(verifikasi_wajib=True), submission(verification={"AA.1.1": Answer(value="Tidak")}, stages={"presentasi": D(100)}))
    assert result.outcome.complete is False
    assert result.outcome.reasons == (REASON_NOT_VERIFIED.text(count=6),)
    assert result.saq_verified is not None
    assert str(result.saq_verified.score) == "80.00"  # the verifier's Tidak; the body's answers elsewhere
    assert result.counts.verified == 1


def test_a_verifiers_checklist_with_every_item_tidak_is_a_verdict() -> None:
    result = score(small(verifikasi_wajib=True), submission(verification={"BB.1.1": Answer(value=())}, stages={"presentasi": D(100)}))
    question = next(q for q in result.questions if q.code == "BB.1.1")
    assert question.verified_answer is not None
    assert (question.verified_answer.status, question.verified_answer.earned) == (QuestionStatus.ANSWERED, D(0))
    assert result.counts.verified == 1
    assert result.saq_verified is not None
    assert str(result.saq_verified.score) == "80.00"  # BB.1.1's 4 of indicator B's 8 points lost: 40 × 4/8


def test_no_verification_at_all() -> None:
    result = score(small(verifikasi_wajib=True), submission(stages={"presentasi": D(100)}))
    assert result.saq_verified is None
    assert result.outcome.reasons == (REASON_NOT_VERIFIED.text(count=7),)
    assert result.outcome.basis == "self"
    assert str(result.outcome.estimate_score) == "100.00"


# --- stages and gates (S6, S7) for each preset -----------------------------------------



@pytest.mark.parametrize(
    ("preset", "answers", "stages", "saq", "final", "passed", "band", "complete"),
    [
        # KI Pusat: gate 60 on the verified SAQ, SAQ 80 + presentasi 20, non-passers keep their SAQ.
        ("ki-pusat", {}, {"presentasi": D("70")}, "100.00", "94.00", True, "Informatif", True),
        ("ki-pusat", {"AA_1_2": Answer(value="Tidak ada"), "AA_1_1": Answer(value="Tidak")}, {}, "50.00", "50.00", False, "Kurang Informatif", True),
        ("ki-pusat", {"AA_1_2": Answer(value="Tidak ada")}, {}, "70.00", None, True, None, False),
        ("ki-pusat", {"AA_1_2": Answer(value="Tidak ada")}, {"presentasi": D("55.555")}, "70.00", "67.11", True, "Cukup Informatif", True),
        # KI DKI Jakarta: gate 65, SAQ 70 + presentasi 30.
        ("ki-dki-jakarta", {"AA_1_2": Answer(value="Tidak ada")}, {"presentasi": D("90")}, "70.00", "76.00", True, "Cukup Informatif", True),
        ("ki-dki-jakarta", {"AA_1_2": Answer(value="Sebagian"), "AA_1_3": Answer(value="Tidak"), "BB_1_2": Answer(value=D(12))}, {"presentasi": D("90")}, "65.00", "72.50", True, "Cukup Informatif", True),
        ("ki-dki-jakarta", {"AA_1_2": Answer(value="Sebagian"), "AA_1_3": Answer(value="Tidak"), "BB_1_2": Answer(value=D(20))}, {"presentasi": D("90")}, "60.00", "60.00", False, "Cukup Informatif", True),
        # KI Kaltim: no gate, SAQ 80 + visitasi 20; every body needs its visitasi score.
        ("ki-kaltim", {"AA_1_2": Answer(value="Tidak ada"), "AA_1_1": Answer(value="Tidak")}, {"visitasi": D("100")}, "50.00", "60.00", None, "Cukup Informatif", True),
        ("ki-kaltim", {}, {}, "100.00", None, None, None, False),
    ],
)
def test_presets(preset: str, answers: dict[str, Answer | None], stages: dict[str, Decimal], saq: str, final: str | None, passed: bool | None, band: str | None, complete: bool) -> None:
    q = with_preset(small(), preset)
    verification = _with(**answers)
    result = score(q, submission(_with(**answers), verification, stages))
    assert str(result.saq_verified.score if result.saq_verified else None) == saq
    assert (str(result.outcome.final_score) if result.outcome.final_score is not None else None) == final
    assert (result.gate.passed if result.gate else None) is passed
    assert (result.outcome.band.name if result.outcome.band else None) == band
    assert result.outcome.complete is complete


def test_gate_other_stages_zero() -> None:
    q = small(gerbang={"batas": 60, "jika_tidak_lolos": "tahap_lain_nol"})
    result = score(q, submission(_with(AA_1_2=Answer(value="Tidak ada"), AA_1_1=Answer(value="Tidak"))))
    assert str(result.outcome.estimate_score) == "35.00"  # 0.7 × 50 + 0.3 × 0
    assert result.outcome.complete is True
    assert [s.score for s in result.stages] == [D("50.00"), D(0)]


def test_missing_stage_gives_an_estimate_from_the_saq() -> None:
    result = score(small(), submission())
    assert result.outcome.complete is False
    assert result.outcome.reasons == (REASON_STAGE_MISSING.text(stage_name="Presentasi"),)
    assert result.outcome.estimate_includes_stages is False
    assert result.outcome.estimate_band.name == "Informatif"


# --- potensi (S10) ---------------------------------------------------------------------

def test_improvements_sorted_by_gain_with_recommendation() -> None:
    result = score(small(), submission(_with(AA_1_1=Answer(value="Ya"), BB_1_2=Answer(value=D(12)))))
    assert [(i.code, str(i.gain_saq)) for i in result.improvements] == [("AA.1.1", "20.00"), ("BB.1.2", "5.00")]
    assert result.improvements[0].status is QuestionStatus.NO_EVIDENCE
    assert result.improvements[0].recommendation == "Lengkapi."


# --- invalid answers ---------------------------------------------------------------------

def test_every_invalid_answer_is_reported_at_once() -> None:
    answers = {
        "AA.1.1": Answer(value="Mungkin"),
        "AA.1.2": Answer(not_applicable=True),
        "BB.1.1": Answer(value=("a", "z")),
        "BB.1.2": Answer(value="sepuluh"),
        "ZZ.9.9": Answer(value="Ya"),
    }
    with pytest.raises(SubmissionError) as caught:
        score(small(), submission(answers, stages={"wawancara": D(50), "presentasi": D(101)}))
    assert [str(p) for p in caught.value.problems] == [
        "jawaban (jawaban.ZZ.9.9): " + ANSWER_UNKNOWN_QUESTION.text(code="ZZ.9.9"),
        "jawaban (AA.1.1): jawaban 'Mungkin' tidak dikenal untuk AA.1.1. Pilih 'Ya' atau 'Tidak'.",
        "jawaban (AA.1.2): AA.1.2 tidak boleh dijawab 'Tidak Berlaku'. Jawab pertanyaan ini sesuai pilihannya.",
        "jawaban (BB.1.1): butir 'z' tidak dikenal untuk BB.1.1. Pilih dari 'a', 'b' atau 'c'.",
        "jawaban (BB.1.2): jawaban 'sepuluh' untuk BB.1.2 bukan angka. Isi dengan angka, misalnya 12 atau 7,5.",
        "jawaban (tahap.wawancara): nilai untuk tahap 'wawancara' yang tidak ada dalam aturan. Gunakan 'presentasi'.",
        "jawaban (tahap.presentasi): nilai tahap 'presentasi' adalah 101, di luar 0–100. Isi nilai antara 0 dan 100.",
    ]


def test_same_input_same_output() -> None:
    first = score(small(), submission()).to_json()
    assert score(small(), submission()).to_json() == first


@pytest.mark.parametrize(
    ("value", "points"),
    [("0", "3"), ("9.99", "3"), ("10", "3"), ("10.01", "1"), ("17", "1"), ("17.5", "0"), ("-1", "0")],
)
def test_number_ranges_with_an_inclusive_upper_bound(value: str, points: str) -> None:
    from kipmonev.model.questionnaire import NumberQuestion

    q = NumberQuestion.model_validate(
        {
            "kode": "PL.2.2", "indikator": "PL", "teks": "Rata-rata hari?", "definisi_operasional": "D.", "dasar_hukum": "UU 14/2008 Pasal 22",
            "rekomendasi": "R.", "tipe": "angka",
            "rentang": [{"dari": 0, "sampai": 10, "termasuk_sampai": True, "poin": 3}, {"dari": 10, "sampai": 17, "termasuk_sampai": True, "poin": 1}, {"dari": 17, "poin": 0}],
        }
    )
    assert q.points_for(D(value)) == D(points)


@pytest.mark.parametrize(
    ("rules", "answers", "stages", "method"),
    [
        ({"tahap": [{"kode": "saq", "nama": "SAQ", "bobot": 100}], "gerbang": None}, {}, {}, "saq_only"),
        ({}, {}, {"presentasi": D(90)}, "weighted_stages"),
        ({}, {}, {}, "stage_missing"),
        ({}, {"AA_1_1": Answer(value="Tidak"), "AA_1_2": Answer(value="Tidak ada")}, {}, "gate_failed_saq"),
        ({"gerbang": {"batas": 60, "jika_tidak_lolos": "tahap_lain_nol"}}, {"AA_1_1": Answer(value="Tidak"), "AA_1_2": Answer(value="Tidak ada")}, {}, "gate_failed_zero"),
    ],
)
def test_outcome_says_how_the_headline_was_formed(rules: dict[str, object], answers: dict[str, Answer], stages: dict[str, Decimal], method: str) -> None:
    result = score(small(**rules), submission(_with(**answers), stages=stages))
    assert result.outcome.method.value == method


def test_fulfilment_per_answer() -> None:
    result = score(small(), submission(_with(AA_1_2=Answer(value="Sebagian"), AA_1_1=Answer(value="Tidak"), AA_1_3=Answer(not_applicable=True))))
    by_code = {q.code: q.self_answer.fulfilment for q in result.questions}
    assert [by_code[c] for c in ("AA.1.1", "AA.1.2", "AA.1.3", "BB.1.1")] == [Fulfilment.NONE, Fulfilment.PARTIAL, None, Fulfilment.FULL]


@pytest.mark.parametrize(
    ("scope", "status", "reason"),
    [
        ("Tidak", QuestionStatus.NOT_APPLICABLE, "Tidak berlaku karena BB.2.1 dijawab 'Tidak'; pertanyaan ini hanya berlaku bila BB.2.1 dijawab 'Ya'."),
        ("tidak ", QuestionStatus.NOT_APPLICABLE, "Tidak berlaku karena BB.2.1 dijawab 'Tidak'; pertanyaan ini hanya berlaku bila BB.2.1 dijawab 'Ya'."),
        ("Ya", QuestionStatus.ANSWERED, None),
    ],
)
def test_a_question_switched_off_says_which_answer_switched_it_off(scope: str, status: QuestionStatus, reason: str | None) -> None:
    answers = {**FULL_ANSWERS, "BB.2.1": Answer(value=scope)}
    result = score(small(), submission(answers))
    switched = next(q for q in result.questions if q.code == "BB.2.2")
    assert (switched.self_answer.status, switched.self_answer.reason) == (status, reason)


@pytest.mark.parametrize(
    ("checked_with", "scored_with"),
    [
        ({}, {}),  # the same edition: the reader's pass is reused
        ({}, {"kredit_tanpa_bukti": "0.5"}),  # other rules: the credit for missing evidence applies
        ({"kredit_tanpa_bukti": "0.5"}, {}),
    ],
)
def test_score_after_the_readers_check_equals_a_fresh_score(checked_with: dict[str, str], scored_with: dict[str, str]) -> None:
    """The reader's check_answers pass, kept for the score of the same answers, never changes the score."""
    from kipmonev.engine.scoring import check_answers

    answers = {**FULL_ANSWERS, "AA.1.1": Answer(value="Ya"), "BB.2.1": Answer(value="Tidak")}  # no link; BB.2.2 off
    fresh = score(small(**scored_with), submission(answers)).to_json()
    q = small(**scored_with)
    check_answers(small(**checked_with) if checked_with != scored_with else q, answers)
    assert score(q, submission(answers)).to_json() == fresh
    check_answers(q, {**answers, "AA.1.2": Answer(value="Sebagian")})  # other answers checked last
    assert score(q, submission(answers)).to_json() == fresh
    with pytest.raises(SubmissionError, match=r"AA\.1\.2"):  # an answer that does not fit is still an error of the score
        bad = {**answers, "AA.1.2": Answer(value="Mungkin")}
        check_answers(q, bad)
        score(q, submission(bad))
