"""Panel (stage-score) files read safely: panelist columns by header, other columns ignored, rows matched by line.

Rules P1–P3 are in :mod:`kipmonev.engine.stages`.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from cli_runner import run
from workbook_helpers import fill, met

from kipmonev.app.problems_stages import STAGE_NOT_IN_RULE_SET
from kipmonev.core.catalogue import quoted
from kipmonev.core.errors import Location
from kipmonev.engine import problems_panel as ep
from kipmonev.engine.stages import CombineRule, combine
from kipmonev.formats.panel_texts import ID_ALIASES
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment
from kipmonev.model.submission import Answer, BodyIdentity
from kipmonev.sources import problems_panel as sp
from kipmonev.sources.loader import load_questionnaire
from kipmonev.sources.stages import StageScoreError, panelist_name, read_stage_file

D = Decimal
LINK = "https://ppid.kementerian-contoh.example/dokumen.pdf"
KEMENTERIAN = "ki-pusat-2025-kementerian"


def _answers(q: Questionnaire, changes: dict[str, str | tuple[str, ...]]) -> dict[str, Answer]:
    """Every question met with its evidence, except the ``changes`` (verified as given)."""
    answers = {qq.code: met(qq, LINK) for qq in q.questions}
    for code, value in changes.items():
        answers[code] = Answer(value=value, evidence=(LINK,))
    return answers


#: Answers that give the Kementerian edition a verified SAQ of exactly 93,62.
SAQ_93_62: dict[str, str | tuple[str, ...]] = {
    "DG.2.1": "Tidak",
    "DG.3.1": "Memiliki akun media sosial resmi, tetapi tidak ada unggahan informasi publik dalam tiga bulan terakhir",
    "KU.1.5": "Tidak",
    "KU.1.7": "Tidak",
    "PL.1.1": ("a", "b", "e"),
    "JI.8.3": "Tidak",
}


def _workbook(folder: Path, body_id: str | None, name: str, changes: dict[str, str | tuple[str, ...]] | None = None) -> Path:
    q = load_questionnaire(KEMENTERIAN)
    answers = _answers(q, changes or {})
    folder.mkdir(parents=True, exist_ok=True)
    return fill(folder / f"{body_id or 'tanpa-id'}.xlsx", q, answers, answers, body=BodyIdentity(id=body_id, name=name, category="Kementerian"))


def _result(out: Path, stem: str) -> Assessment:
    return Assessment.from_json((out / "hasil" / f"{stem}.json").read_bytes())


def test_issue_17_row_numbers_are_never_averaged_in_as_a_panelist(tmp_path: Path) -> None:
    """The blocker of issue 17: ``No;Nama;Kode;Tahap;P1;P2`` gave presentasi 54,33 and final 85,76."""
    _workbook(tmp_path / "isian", "BP-1", "Kementerian Contoh", SAQ_93_62)
    panel = tmp_path / "panelis.csv"
    panel.write_text("No;Nama;Kode;Tahap;P1;P2\n1;Kementerian Contoh;BP-1;presentasi;80;82\n", encoding="utf-8")
    code, out, err = run("score", str(tmp_path / "isian"), "-o", str(tmp_path / "out"), "--stage-scores", str(panel), "-j", "1")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"Nilai tahap dari {panel}: kolom panelis 'P1' dan 'P2'; kolom lain diabaikan: 'No'."
    result = _result(tmp_path / "out", "BP-1")
    assert result.saq_verified is not None and result.saq_verified.score == D("93.62")
    assert [(s.code, s.score) for s in result.stages] == [("saq", D("93.62")), ("presentasi", D("81.00"))]
    assert result.outcome.final_score == D("91.10")


@pytest.mark.parametrize(
    ("header", "panelist"),
    [
        ("P1", "P1"),
        ("p 2", "p 2"),
        ("Panelis 1", "Panelis 1"),
        ("Panelis A", "Panelis A"),
        ("PANELIS-3", "PANELIS-3"),
        ("Juri 2", "Juri 2"),
        ("Penilai 4", "Penilai 4"),
        ("Nilai Panelis A", "Nilai Panelis A"),
        ("Nilai Juri 1", "Nilai Juri 1"),
        ("Panelis: Dr. Ani Wijaya", "Dr. Ani Wijaya"),
        ("juri:  Budi", "Budi"),
        ("No", None),
        ("Nama", None),
        ("Rata-rata", None),
        ("Jumlah", None),
        ("Nilai", None),
        ("Nilai Akhir", None),
        ("Panelis", None),
        ("PA", None),
        ("Keterangan", None),
    ],
)
def test_panelist_columns_are_recognised_by_header(header: str, panelist: str | None) -> None:
    assert panelist_name(header) == panelist


def test_totals_and_averages_are_ignored_and_listed(tmp_path: Path) -> None:
    path = tmp_path / "panelis.csv"
    path.write_text("No;Kode;Juri 1;Juri 2;Juri 3;Jumlah;Rata-rata\n1;A;70;80;90;240;80\n", encoding="utf-8")
    read = read_stage_file(path, CombineRule.MEDIAN)
    assert (read.panel_columns, read.ignored_columns) == (("Juri 1", "Juri 2", "Juri 3"), ("No", "Jumlah", "Rata-rata"))
    (row,) = read.rows
    assert (row.body_id, row.score.value, row.score.scores) == ("A", D(80), (("Juri 1", D(70)), ("Juri 2", D(80)), ("Juri 3", D(90))))


def test_a_file_without_any_panelist_column_says_which_columns_it_ignored(tmp_path: Path) -> None:
    path = tmp_path / "panelis.csv"
    path.write_text("Kode;Nilai;Rata-rata\nA;80;80\n", encoding="utf-8")
    with pytest.raises(StageScoreError) as caught:
        read_stage_file(path)
    assert str(caught.value) == f"{path}, baris 1: " + sp.NO_PANEL_COLUMNS.text(ignored=["Nilai", "Rata-rata"])


def test_a_file_without_id_or_name_column(tmp_path: Path) -> None:
    path = tmp_path / "panelis.csv"
    path.write_text("No;P1\n1;80\n", encoding="utf-8")
    with pytest.raises(StageScoreError) as caught:
        read_stage_file(path)
    assert str(caught.value) == f"{path}, baris 1: " + sp.NO_BODY_COLUMN.text(aliases=ID_ALIASES)


def test_a_panelist_declared_twice(tmp_path: Path) -> None:
    path = tmp_path / "panelis.csv"
    path.write_text("Kode;Panelis: Ani;panelis: ani\nA;80;90\n", encoding="utf-8")
    with pytest.raises(StageScoreError) as caught:
        read_stage_file(path)
    assert str(caught.value) == f"{path}, baris 1: " + sp.DUPLICATE_PANELIST.text(panelist="ani")


@pytest.mark.parametrize(
    ("scores", "expected"),
    [(["80"], "80"), (["70", "90"], "80"), (["60", "95", "70"], "70"), (["0", "70", "80", "100"], "75")],
)
def test_median(scores: list[str], expected: str) -> None:
    assert combine([D(s) for s in scores], CombineRule.MEDIAN) == D(expected)


def test_rows_matched_by_case_by_name_and_not_at_all_are_reported_by_line(tmp_path: Path) -> None:
    """P1: case differences match with a warning; P2: a row without an ID by name; P3: the rest by line."""
    folder = tmp_path / "isian"
    _workbook(folder, "BP-01", "Kementerian Satu")
    _workbook(folder, "BP-02", "Kementerian Dua")
    _workbook(folder, "BP-03", "Kementerian Tiga")
    _workbook(folder, "BP-04", "Kementerian Empat")
    panel = tmp_path / "panelis.csv"
    panel.write_text(
        "No;Kode;Nama;P1;P2\n"
        "1;BP-01;Kementerian Satu;80;90\n"
        "2;bp-02 ;Kementerian Dua;70;80\n"
        "3;;kementerian  tiga;60;70\n"
        "4;BP-4;Kementerian Empat;90;90\n"
        "5;BP-99;Kementerian Lain;50;50\n"
        "6;;Kementerian Rekaan;40;40\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, _, err = run("score", str(folder), "-o", str(out), "--stage-scores", str(panel), "-j", "1", "-q")
    assert code == 0, err

    def at(line: int, field: str) -> Location:
        return Location(str(panel), line=line, field=field)

    expected = [
        ep.ID_CASE.at(at(3, "Kode"), given="bp-02", body="BP-02"),
        ep.MATCHED_BY_NAME.at(at(4, "Nama"), name="Kementerian Tiga", body="BP-03"),
        ep.NOT_IN_BATCH.at(at(5, "Kode"), body="BP-4", hint=" Mungkin yang dimaksud 'BP-04'."),
        ep.NOT_IN_BATCH.at(at(6, "Kode"), body="BP-99", hint=""),
        ep.NAME_NOT_IN_BATCH.at(at(7, "Nama"), name="Kementerian Rekaan"),
    ]
    assert err.splitlines() == [f"Peringatan: {p}" for p in expected]
    recap = Recap.from_json((out / "rekap.json").read_bytes())
    assert [(w.code, w.where) for w in recap.warnings] == [(p.code, str(p.location)) for p in expected]
    stages = {r.body_id: r.stages[0].score for r in recap.rows}
    assert stages == {"BP-01": D("85.00"), "BP-02": D("75.00"), "BP-03": D("65.00"), "BP-04": None}
    # The body's own result carries the warning about its row.
    assert [n.code for n in _result(out, "BP-02").notices if n.code.startswith("KM-P")] == ["KM-P-101"]
    assert [n.code for n in _result(out, "BP-03").notices if n.code.startswith("KM-P")] == ["KM-P-102"]


def test_the_panelist_columns_line_names_every_ignored_column(tmp_path: Path) -> None:
    _workbook(tmp_path / "isian", "BP-1", "Kementerian Contoh")
    panel = tmp_path / "panelis.csv"
    panel.write_text("Kode;Panelis: Ani;Panelis: Budi;Jumlah\nBP-1;80;90;170\n", encoding="utf-8")
    code, out, _ = run("score", str(tmp_path / "isian"), "-o", str(tmp_path / "out"), "--stage-scores", str(panel), "-j", "1")
    assert code == 0
    assert out.splitlines()[0] == f"Nilai tahap dari {panel}: kolom panelis {quoted(['Ani', 'Budi'], 'dan')}; kolom lain diabaikan: 'Jumlah'."


def test_a_stage_the_applied_rule_set_lacks_is_reported_at_its_cell_with_a_fix(tmp_path: Path) -> None:
    """Issue 17: a ki-pusat workbook's presentasi score under --rules ki-kaltim (no presentasi stage)."""
    q = load_questionnaire(KEMENTERIAN)
    answers = _answers(q, {})
    folder = tmp_path / "isian"
    folder.mkdir()
    book = fill(folder / "BP-1.xlsx", q, answers, answers, stages={"presentasi": D(90)}, body=BodyIdentity(id="BP-1", name="Kementerian Contoh", category="Kementerian"))
    code, _, err = run("score", str(folder), "-o", str(tmp_path / "out"), "--rules", "ki-kaltim", "-j", "1", "-q")
    expected = STAGE_NOT_IN_RULE_SET.at(Location(str(book), sheet="Tahap", cell="D5"), stage="presentasi", rule_set="ki-kaltim", stages=["visitasi"])
    assert (code, err) == (0, f"Peringatan: {expected}\n")
    result = _result(tmp_path / "out", "BP-1")
    assert [(s.code, s.score) for s in result.stages] == [("saq", D("100.00")), ("visitasi", None)]
    assert result.outcome.complete is False and result.questionnaire.commission == "Komisi Informasi Provinsi Kalimantan Timur"
