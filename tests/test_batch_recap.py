"""The recap (rules B1–B5), its exports, the stage-score file and compare; built from scored Assessments."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FULL_ANSWERS, small, submission, with_preset
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from kipmonev import score
from kipmonev.engine.compare import compare
from kipmonev.engine.matching import body_key
from kipmonev.engine.recap import build_recap, row_from_assessment, with_changes
from kipmonev.engine.stages import CombineRule, combine
from kipmonev.formats.panel_texts import ID_ALIASES
from kipmonev.model.recap import BodyRow, ErrorRow, Previous, Recap
from kipmonev.model.submission import BodyIdentity
from kipmonev.outputs.recap_export import write_recap_csv, write_recap_json, write_recap_xlsx
from kipmonev.sources.problems import STAGE_FILE_BAD_SCORE, STAGE_FILE_DUPLICATE, STAGE_FILE_EMPTY_ROW
from kipmonev.sources.problems_panel import NO_BODY_COLUMN
from kipmonev.sources.results import load_rows
from kipmonev.sources.stages import StageScoreError, read_stage_scores

D = Decimal
Q = with_preset(small(verifikasi_wajib=False), "ki-pusat")
BANDS = score(Q, submission()).rules.bands


def body(body_id: str, name: str, misses: tuple[str, ...] = (), presentasi: str | None = "80", category: str | None = None) -> BodyRow:
    answers = {k: v for k, v in FULL_ANSWERS.items() if k not in misses}
    sub = submission(answers, answers, stages={"presentasi": D(presentasi)} if presentasi else {}).model_copy(update={"body": BodyIdentity(id=body_id, name=name)})
    q = Q if category is None else Q.model_copy(update={"category": category})
    return row_from_assessment(score(q, sub), f"{body_id}.xlsx")


def test_ranking_ties_and_unranked_rule_b1() -> None:
    rows = [
        body("B", "Badan Beta"),  # 100 × 0.8 + 80 × 0.2 = 96
        body("A", "Badan Alfa"),  # same score: shares rank 1, listed first by name
        body("C", "Badan Gama", misses=("AA.1.2",)),  # SAQ 70 → 0.8 × 70 + 16 = 72
        body("D", "Badan Delta", presentasi=None),  # no presentasi score: unranked
        body("E", "Badan Epsilon", misses=("AA.1.1", "AA.1.2", "AA.1.3")),  # SAQ 40 < gate: final = 40
    ]
    recap = build_recap(rows, [], 5, BANDS, "2026-11-23")
    assert [(r.rank, r.body_id, str(r.final_score)) for r in recap.rows] == [
        (1, "A", "96.00"),
        (1, "B", "96.00"),
        (3, "C", "72.00"),
        (4, "E", "40.00"),
        (None, "D", "None"),
    ]


def test_band_counts_and_funnel_rules_b2_b3() -> None:
    rows = [body("A", "A"), body("C", "C", misses=("AA.1.2",)), body("D", "D", presentasi=None), body("E", "E", misses=("AA.1.1", "AA.1.2", "AA.1.3"))]
    errors = [ErrorRow(file="rusak.xlsx", code="KM-W-001", where="rusak.xlsx", message="Berkas rusak.")]
    recap = build_recap(rows, errors, 5, BANDS, "2026-11-23")
    (counts,) = recap.band_counts
    assert counts.counts == {"informatif": 1, "menuju_informatif": 0, "cukup_informatif": 1, "kurang_informatif": 1, "tidak_informatif": 0}
    assert (counts.not_final, counts.total) == (1, 4)
    assert recap.funnel.model_dump(exclude={"gates"}) == {"files": 5, "scored": 4, "saq_complete": 2, "passed_gate": 3, "complete": 3}
    # B6: the gate's own step, with the names of those that passed
    (step,) = recap.funnel.gates
    assert (step.label, step.reached, step.passed, step.failed, step.undecided, step.passed_names) == ("SAQ ≥ 60 → Presentasi/Uji Publik", 4, 3, 1, 0, ("A", "C", "D"))


def test_indicator_averages_and_weakest_rule_b4() -> None:
    rows = [body("A", "A"), body("C", "C", misses=("AA.1.2",))]
    recap = build_recap(rows, [], 2, BANDS, "2026-11-23")
    assert [(i.code, str(i.average_percent), i.bodies, i.weakest_rank) for i in recap.indicators] == [("AA", "75.00", 2, 1), ("BB", "100.00", 2, 2)]


def test_year_over_year_rule_b5() -> None:
    rows = [body("A", "A"), body("C", "C", misses=("AA.1.2",))]
    previous = {body_key("A", "A"): Previous(score=D("90.00"), band="Informatif", complete=True, change=D(0)), body_key("Z", "Z"): Previous(score=D(10), band="Tidak Informatif", complete=True, change=D(0))}
    recap = build_recap(rows, [], 2, BANDS, "2026-11-23", with_changes(rows, previous))
    assert [(r.body_id, r.previous.change if r.previous else None) for r in recap.rows] == [("A", D("6.00")), ("C", None)]


@pytest.fixture
def recap() -> Recap:
    rows = [body("A", "=HYPERLINK(\"http://x\")", category="Kementerian"), body("C", "Badan Gama", misses=("AA.1.2",)), body("D", "Badan Delta", presentasi=None)]
    errors = [ErrorRow(file="rusak.xlsx", code="KM-W-001", where="rusak.xlsx, Kuesioner!F9", message="jawaban 'Mungkin' tidak dikenal untuk AA.1.1.")]
    previous = with_changes(rows, {body_key("C", "C"): Previous(score=D("75.50"), band="Cukup Informatif", complete=True, change=D(0))})
    return build_recap(rows, errors, 4, BANDS, "2026-11-23", previous)


def test_recap_xlsx_cells(tmp_path: Path, recap: Recap) -> None:
    write_recap_xlsx(recap, tmp_path / "rekap.xlsx")
    wb = load_workbook(tmp_path / "rekap.xlsx")
    assert recap.funnel.gates  # the fixture's bodies met the KI Pusat gate, so the Gerbang sheet is there (rule B7)
    assert wb.sheetnames == ["Peringkat", "Rekap Kualifikasi", "Gerbang", "Indikator", "Galat"]
    ranking = wb["Peringkat"]
    header = [c.value for c in ranking[1]]
    assert header[:8] == ["Kategori", "Peringkat", "ID", "Nama badan publik", "Nilai mandiri", "Nilai verifikasi", "Presentasi/Uji Publik", "Lolos gerbang"]
    assert ranking.freeze_panes == "A2"
    rows = {r[2]: r for r in ranking.iter_rows(min_row=2, values_only=True)}
    assert rows["A"][3] == "'=HYPERLINK(\"http://x\")"  # formula injection neutralised
    assert rows["C"][0:2] == ("Uji", 1)
    assert rows["C"][header.index("Nilai akhir")] == 72.0
    assert rows["C"][header.index("Perubahan")] == -3.5
    # Missing numbers are empty cells, never text; an estimate has its own columns, never Kualifikasi.
    assert [rows["D"][header.index(h)] for h in ("Nilai akhir", "Kualifikasi", "Perkiraan nilai akhir", "Perkiraan kualifikasi", "Status")] == [None, None, 100.0, "Informatif", "Perkiraan"]
    assert [rows["C"][header.index(h)] for h in ("Kualifikasi", "Perkiraan nilai akhir", "Perkiraan kualifikasi")] == ["Cukup Informatif", None, None]
    assert not [(c.coordinate, c.value) for row in ranking.iter_rows(min_row=2) for c in row if c.value in ("–", "-")]
    assert ranking.auto_filter.ref == f"A1:{get_column_letter(len(header))}4"
    final_cell = next(c for c in ranking[get_column_letter(header.index("Nilai akhir") + 1)] if c.value == 72.0)
    assert final_cell.number_format == "0.00"
    band_cell = next(c for c in ranking[get_column_letter(header.index("Kualifikasi") + 1)] if c.value == "Cukup Informatif")
    assert band_cell.fill.start_color.rgb == "00d4a017"
    counts = [list(r) for r in wb["Rekap Kualifikasi"].iter_rows(values_only=True)]
    assert counts[0] == ["Kategori", "Informatif", "Menuju Informatif", "Cukup Informatif", "Kurang Informatif", "Tidak Informatif", "Belum final", "Jumlah"]
    assert counts[1] == ["Kementerian", 1, 0, 0, 0, 0, 0, 1]
    assert counts[2] == ["Uji", 0, 0, 1, 0, 0, 1, 2]
    assert counts[3] == ["Jumlah", 1, 0, 1, 0, 0, 1, 3]
    assert ["Berkas dalam batch", 4] in [r[:2] for r in counts]
    assert [list(r) for r in wb["Galat"].iter_rows(values_only=True)] == [
        ["Berkas", "Keadaan", "Lokasi", "Kode", "Pesan"],
        ["rusak.xlsx", "tidak dinilai", "rusak.xlsx, Kuesioner!F9", "KM-W-001", "jawaban 'Mungkin' tidak dikenal untuk AA.1.1."],
    ]


def test_recap_csv_opens_in_indonesian_excel(tmp_path: Path, recap: Recap) -> None:
    paths = write_recap_csv(recap, tmp_path)
    assert [p.name for p in paths] == ["peringkat.csv", "rekap-kualifikasi.csv", "indikator.csv", "galat.csv"]
    raw = (tmp_path / "peringkat.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    by_id = {r[2]: r for r in rows[1:]}
    assert by_id["C"][rows[0].index("Nilai akhir")] == "72,00"
    assert by_id["C"][rows[0].index("Perubahan")] == "-3,50"
    assert by_id["A"][3] == "'=HYPERLINK(\"http://x\")"


def test_recap_json_round_trip(tmp_path: Path, recap: Recap) -> None:
    write_recap_json(recap, tmp_path / "rekap.json")
    assert Recap.from_json((tmp_path / "rekap.json").read_bytes()) == recap
    assert load_rows(tmp_path) == list(recap.rows)


def test_compare(tmp_path: Path) -> None:
    old = [body("A", "A", misses=("AA.1.2",)), body("B", "B"), body("X", "X")]
    new = [body("A", "A"), body("B", "B", misses=("AA.1.1",)), body("Y", "Y")]
    result = compare(old, new)
    assert [(b.key, str(b.old_score), str(b.new_score), str(b.change)) for b in result.bodies] == [("A", "72.00", "96.00", "24.00"), ("B", "96.00", "80.00", "-16.00")]
    assert [(i.code, str(i.change)) for i in result.bodies[0].indicators] == [("AA", "50.00"), ("BB", "0.00")]
    assert (result.up, result.down, [o.key for o in result.only_old], [o.key for o in result.only_new]) == (1, 1, ["X"], ["Y"])


@pytest.mark.parametrize(
    ("scores", "rule", "expected"),
    [
        (["80", "90"], CombineRule.MEAN, "85"),
        (["80", "90"], CombineRule.TRIMMED, "85"),
        (["60", "80", "100"], CombineRule.TRIMMED, "80"),
        (["0", "80", "82", "84", "100"], CombineRule.TRIMMED, "82"),
        (["70", "80", "80"], CombineRule.MEAN, "76.66666666666666666666666667"),
    ],
)
def test_combining_panelists(scores: list[str], rule: CombineRule, expected: str) -> None:
    assert combine([D(s) for s in scores], rule) == D(expected)


def test_stage_scores_csv_with_comma_decimals(tmp_path: Path) -> None:
    path = tmp_path / "panelis.csv"
    path.write_text("\ufeffID;Nama;Panelis 1;Panelis 2;Panelis 3\nA;Badan A;80;90,5;\nB;Badan B;60;70;100\n", encoding="utf-8")
    scores = read_stage_scores(path, CombineRule.TRIMMED)
    assert {k: (str(v[""].value), v[""].panelists) for k, v in scores.items()} == {"A": ("85.25", 2), "B": ("70", 3)}


def test_stage_scores_every_problem_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "panelis.csv"
    path.write_text("id,tahap,juri 1,juri 2\nA,presentasi,80,sangat baik\nA,presentasi,70,70\nB,presentasi,,\nC,presentasi,101,50\n", encoding="utf-8")
    with pytest.raises(StageScoreError) as caught:
        read_stage_scores(path)
    where = str(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{where}, baris 2 (juri 2): " + STAGE_FILE_BAD_SCORE.text(given="sangat baik"),
        f"{where}, baris 3 (id): " + STAGE_FILE_DUPLICATE.text(body="A", stage="presentasi"),
        f"{where}, baris 4 (id): " + STAGE_FILE_EMPTY_ROW.text(body="B"),
        f"{where}, baris 5 (juri 1): " + STAGE_FILE_BAD_SCORE.text(given="101"),
    ]


def test_stage_scores_without_an_id_column(tmp_path: Path) -> None:
    path = tmp_path / "panelis.csv"
    path.write_text("no,p1\n1,80\n", encoding="utf-8")
    with pytest.raises(StageScoreError) as caught:
        read_stage_scores(path)
    assert str(caught.value) == f"{path}, baris 1: " + NO_BODY_COLUMN.text(aliases=ID_ALIASES)


def test_answers_flow_into_rows_unchanged() -> None:
    row = body("A", "A", misses=("AA.1.2",))
    assert row.saq_self == D("70.00") and row.missing_answers == 1
    assert [(s.code, s.score) for s in row.stages] == [("presentasi", D("80.00"))]


def _panel_workbook(path: Path, rows: list[list[object]], title: str = "Nilai Panelis", hidden_first: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    if hidden_first:
        ws.title = "Catatan"
        ws.sheet_state = "hidden"
        ws.append(["bukan tabel nilai"])
        ws = wb.create_sheet(title)
    else:
        ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("hidden_first", [False, True], ids=["first-sheet", "after-a-hidden-sheet"])
def test_stage_scores_xlsx_numbers_text_and_decimal_commas(tmp_path: Path, hidden_first: bool) -> None:
    rows: list[list[object]] = [[], ["ID", "Nama", "Panelis 1", "Panelis 2", "Panelis 3"], ["A", "Badan A", 80, "90,5", None], ["B", "Badan B", 60, 70.25, "100"]]
    path = _panel_workbook(tmp_path / "panelis.xlsx", rows, hidden_first=hidden_first)
    scores = read_stage_scores(path)
    assert {k: (str(v[""].value), v[""].panelists) for k, v in scores.items()} == {"A": ("85.25", 2), "B": ("76.75", 3)}


def test_stage_scores_xlsx_problems_name_the_real_sheet_and_cell(tmp_path: Path) -> None:
    rows: list[list[object]] = [["id", "tahap", "juri 1", "juri 2"], ["A", "presentasi", 80, "sangat baik"], ["C", "presentasi", 101, 50]]
    path = _panel_workbook(tmp_path / "panelis.xlsx", rows)
    with pytest.raises(StageScoreError) as caught:
        read_stage_scores(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}, Nilai Panelis!D2: " + STAGE_FILE_BAD_SCORE.text(given="sangat baik"),
        f"{path}, Nilai Panelis!C3: " + STAGE_FILE_BAD_SCORE.text(given="101"),
    ]
    no_id = _panel_workbook(tmp_path / "tanpa-id.xlsx", [[], ["no", "Panelis 1"], [1, 80]])
    with pytest.raises(StageScoreError) as caught:
        read_stage_scores(no_id)
    assert str(caught.value) == f"{no_id}, Nilai Panelis!A2: " + NO_BODY_COLUMN.text(aliases=ID_ALIASES)


def test_a_broken_stage_workbook_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "panelis.xlsx"
    path.write_bytes(b"PK\x03\x04 bukan zip utuh")
    with pytest.raises(StageScoreError) as caught:
        read_stage_scores(path)
    assert [p.code for p in caught.value.problems] == ["KM-W-003"]
    assert str(caught.value).startswith(f"{path}: ")
