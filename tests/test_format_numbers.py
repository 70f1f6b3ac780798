"""Numbers as people type them (issue 18): percent cells, percentages limited to 0–100, range labels.

Regressions: '75%' typed in Excel is stored as 0,75 in a percent-formatted cell and used to earn 0 points;
−5 % and 150 % were accepted; PL.2.2's label said "≥ 17 hari kerja = 0" while 17 scores 1.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import small_data
from openpyxl import load_workbook
from openpyxl.utils import coordinate_to_tuple
from workbook_helpers import cell_of, fill, libreoffice_resave

from kipmonev import SubmissionError, WorkbookError, score
from kipmonev.engine.scoring import check_submission
from kipmonev.model.questionnaire import NumberQuestion, Questionnaire, Range, range_label
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.formulas import summary_layout
from kipmonev.outputs.template import build_template
from kipmonev.sources.loader import load_questionnaire
from kipmonev.sources.number_format import is_percent_format, percent_text
from kipmonev.sources.reader import read_submission
from kipmonev.sources.xlsx import open_xlsx

PERCENT_QUESTION: dict[str, Any] = {
    "kode": "BB.3.1",
    "indikator": "BB",
    "teks": "Berapa persen permohonan selesai tepat waktu?",
    "tipe": "angka",
    "satuan": "persen",
    "rentang": [{"dari": 0, "sampai": 50, "poin": 0}, {"dari": 50, "sampai": 90, "poin": 1}, {"dari": 90, "poin": 2}],
    "definisi_operasional": "Persentase permohonan yang selesai dalam jangka waktu Pasal 22.",
    "dasar_hukum": "UU 14/2008 Pasal 22",
    "rekomendasi": "Selesaikan permohonan tepat waktu.",
}


def _percent_q() -> Questionnaire:
    data = small_data()
    data["pertanyaan"].append(PERCENT_QUESTION)
    return Questionnaire.model_validate(data)


Q = _percent_q()


def _submission(value: Decimal) -> Submission:
    return Submission(questionnaire_id=Q.id, body=BodyIdentity(id="BP-1", name="Badan Uji"), answers={"BB.3.1": Answer(value=value)})


def _percent_cell(tmp_path: Path, value: Any, number_format: str | None) -> Path:
    path = fill(tmp_path / "isian.xlsx", Q, {})
    wb = load_workbook(path)
    ws = wb["Kuesioner"]
    ref = cell_of(ws, "BB.3.1")
    ws[ref] = value
    if number_format is not None:
        ws[ref].number_format = number_format
    wb.save(path)
    return path


# --- the percent cell ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "number_format", "read", "points"),
    [
        (0.75, "0%", Decimal(75), Decimal(1)),  # the regression: 75% typed in Excel
        (0.95, "0.00%", Decimal(95), Decimal(2)),
        (0.5, '0" "%', Decimal(50), Decimal(1)),  # a custom percent format
        (0.755, "0.0%", Decimal("75.5"), Decimal(1)),
        ("75%", None, Decimal(75), Decimal(1)),  # typed as text
        ("7,5 %", None, Decimal("7.5"), Decimal(0)),
        (75, None, Decimal(75), Decimal(1)),  # typed as a plain number
        (0.75, None, Decimal("0.75"), Decimal(0)),  # a plain 0,75 stays 0,75
        (0.75, '0.00"%"', Decimal("0.75"), Decimal(0)),  # a quoted '%' is text, not a percent format
    ],
)
def test_a_percent_cell_is_read_as_the_number_it_shows(tmp_path: Path, value: object, number_format: str | None, read: Decimal, points: Decimal) -> None:
    _, submission = read_submission(_percent_cell(tmp_path, value, number_format), Q)
    assert submission.answers["BB.3.1"].value == read
    result = next(r for r in score(Q, submission).questions if r.code == "BB.3.1")
    assert result.self_answer.earned == points


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [(-0.05, "0%", "-5"), (1.5, "0%", "150"), (150, None, "150"), ("-5%", None, "-5"), ("100,5", None, "100,5")],
)
def test_percentages_outside_0_to_100_are_refused_at_their_cell(tmp_path: Path, value: object, number_format: str | None, shown: str) -> None:
    path = _percent_cell(tmp_path, value, number_format)
    with pytest.raises(WorkbookError) as caught:
        read_submission(path, Q)
    ref = cell_of(load_workbook(path)["Kuesioner"], "BB.3.1")
    assert [str(p) for p in caught.value.problems] == [
        f"{path}, Kuesioner!{ref}: jawaban {shown} untuk BB.3.1 berada di luar 0–100. BB.3.1 menanyakan persentase, yang bernilai 0 sampai 100. "
        "Isi persentase antara 0 dan 100, misalnya 75."
    ]


@pytest.mark.parametrize(("value", "ok"), [(Decimal(0), True), (Decimal(100), True), (Decimal("-0.01"), False), (Decimal("100.01"), False)])
def test_the_scorer_refuses_percentages_outside_0_to_100_from_any_source(value: Decimal, ok: bool) -> None:
    problems = check_submission(Q, _submission(value))
    assert [str(p) for p in problems] == ([] if ok else [f"jawaban (BB.3.1): jawaban {str(value).replace('.', ',')} untuk BB.3.1 berada di luar 0–100. BB.3.1 menanyakan persentase, yang bernilai 0 sampai 100. Isi persentase antara 0 dan 100, misalnya 75."])
    if not ok:
        with pytest.raises(SubmissionError):
            score(Q, _submission(value))


def test_a_number_that_is_not_a_percentage_keeps_its_full_range() -> None:
    days = small_data()["pertanyaan"][4]
    assert days["satuan"] == "hari kerja"
    assert check_submission(Q, Submission(questionnaire_id=Q.id, body=BodyIdentity(name="B"), answers={"BB.1.2": Answer(value=Decimal(150))})) == []


@pytest.mark.parametrize(
    ("code", "percent"),
    [("0%", True), ("0.00%", True), ('0" "%', True), ("#,##0.0%;[Red]-0.0%", True), ('0.00"%"', False), ("0\\%", False), ("[$%-421]0", False), ("General", False), ("0.00", False)],
)
def test_percent_number_formats(code: str, percent: bool) -> None:
    assert is_percent_format(code) is percent


@pytest.mark.parametrize(("text", "value"), [("75%", Decimal(75)), (" 7,5 % ", Decimal("7.5")), ("75", None), ("75%%", None), ("abc%", None), ("%", None)])
def test_percentages_typed_as_text(text: str, value: Decimal | None) -> None:
    assert percent_text(text) == value


@pytest.mark.slow
def test_libreoffice_counts_a_percent_cell_as_kipmonev_does(tmp_path: Path) -> None:
    (tmp_path / "isi").mkdir()
    files = [_percent_cell(tmp_path / "isi" / name, value, fmt) for name, value, fmt in (("a", 0.95, "0%"), ("b", "75%", None), ("c", 0.29, "0%"))]
    files = [f.rename(f.parent.parent / f"{f.parent.name}.xlsx") for f in files]
    for path in libreoffice_resave(files, tmp_path / "lo"):
        _, submission = read_submission(path, Q)
        assessment = score(Q, submission)
        layout = summary_layout(Q)
        with open_xlsx(path) as book:
            sheet = book.sheet("Ringkasan")
            pos = coordinate_to_tuple(layout["BB.earned"])
            assert pos is not None
            got = sheet.value(*pos)
        assert got == next(i.earned for i in assessment.saq_self.indicators if i.code == "BB"), path.name


# --- range labels from the scorer's bounds ----------------------------------------------------

def test_pl_2_2_label_agrees_with_its_score() -> None:
    q = load_questionnaire("ki-pusat-2025-kementerian")
    question = q.question_map["PL.2.2"]
    assert isinstance(question, NumberQuestion)
    assert question.range_labels() == ("0 s.d. 10 hari kerja", "lebih dari 10 s.d. 17 hari kerja", "> 17 hari kerja")
    assert [question.points_for(Decimal(v)) for v in (10, 17, "17.01")] == [3, 1, 0]
    ws = build_template(q)["Kuesioner"]
    assert ws[cell_of(ws, "PL.2.2", 11)].value == "0 s.d. 10 hari kerja = 3; lebih dari 10 s.d. 17 hari kerja = 1; > 17 hari kerja = 0"
    submission = Submission(questionnaire_id=q.id, body=BodyIdentity(name="B"), answers={"PL.2.2": Answer(value=Decimal(17), evidence=("register.pdf",))})
    result = next(r for r in score(q, submission).questions if r.code == "PL.2.2")
    assert [(s.label, s.points) for s in result.scale] == [("0 s.d. 10 hari kerja", Decimal(3)), ("lebih dari 10 s.d. 17 hari kerja", Decimal(1)), ("> 17 hari kerja", Decimal(0))]
    assert result.self_answer.earned == 1


def _r(low: int, high: int | None = None, inclusive: bool = False) -> Range:
    return Range.model_validate({"dari": low, "sampai": high, "termasuk_sampai": inclusive, "poin": 1})


@pytest.mark.parametrize(
    ("ranges", "labels"),
    [
        ((_r(0, 10), _r(10, 17), _r(17)), ("0 s.d. kurang dari 10", "10 s.d. kurang dari 17", "≥ 17")),
        ((_r(0, 10, True), _r(10, 17, True), _r(17)), ("0 s.d. 10", "lebih dari 10 s.d. 17", "> 17")),
        ((_r(0, 10, True), _r(10, 17), _r(20)), ("0 s.d. 10", "lebih dari 10 s.d. kurang dari 17", "≥ 20")),
        ((_r(0, 5, True), _r(6)), ("0 s.d. 5", "≥ 6")),
    ],
)
def test_every_label_says_what_its_range_contains(ranges: tuple[Range, ...], labels: tuple[str, ...]) -> None:
    assert tuple(range_label(ranges, i) for i in range(len(ranges))) == labels


def test_every_shipped_label_agrees_with_the_scorer_on_every_bound() -> None:
    """For each bound of each range, the range the scorer picks is the one whose label claims the value."""
    from kipmonev.core.resources import questionnaires_dir

    for path in sorted(questionnaires_dir().glob("*/*.yaml")):
        if path.name.startswith("_") or path.parent.name == "aturan":
            continue
        q = load_questionnaire(path)
        for question in q.questions:
            if not isinstance(question, NumberQuestion):
                continue
            labels = question.range_labels()
            for i, r in enumerate(question.ranges):
                owner = next(j for j, other in enumerate(question.ranges) if other.contains(r.low))
                says_exclusive = labels[i].startswith(("lebih dari", ">"))
                assert says_exclusive == (owner != i), (q.id, question.code, labels[i])
