"""The panel kit: score sheets per room from the stage's rubric, read back, conflicts of interest left out.

Rules K1–K7 are in :mod:`kipmonev.engine.panel`. The round trip runs the real commands on real files: the
kit is written, filled with openpyxl as a secretary would, read back by ``score --panel``.
"""

from __future__ import annotations

import statistics
from decimal import Decimal
from pathlib import Path

import pytest
from cli_runner import run
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from workbook_helpers import fill, libreoffice_resave, met, soffice

from kipmonev.core.errors import Location
from kipmonev.engine import problems_panel as ep
from kipmonev.engine.panel import OUTLIER_POINTS, Conflict, Kit, KitCriterion, KitRow, panel_summary, stage_file_from_kits, weighted
from kipmonev.engine.stages import CombineRule, combine
from kipmonev.formats import panel_texts as pt
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment
from kipmonev.model.submission import BodyIdentity
from kipmonev.sources import problems_panel as sp
from kipmonev.sources.loader import load_questionnaire
from kipmonev.sources.panel_kit import PanelKitError, read_conflicts, read_kit, read_rooms

D = Decimal
LINK = "https://ppid.kementerian-contoh.example/dokumen.pdf"
#: KI Sumbar 2025's presentasi rubric: komitmen pimpinan 34, inovasi 33, strategi penyampaian informasi 33.
SUMBAR = ("komitmen_pimpinan", "inovasi", "strategi_informasi")
WEIGHTS = (D(34), D(33), D(33))

ROOMS = """Ruang;ID;Nama;Panelis
Ruang A;BP-1;Badan Satu;Ani
Ruang A;BP-2;Badan Dua;Budi
Ruang A;;;Citra
Ruang B;BP-3;Badan Tiga;Dedi
Ruang B;BP-4;Badan Empat;Eka
Ruang C;BP-5;Badan Lima;Fajar
Ruang C;;;Gita
Ruang C;;;Hana
"""
CONFLICTS = "Panelis;ID;Alasan\nBudi;BP-2;Pernah bekerja di Badan Dua (2023)\n"
#: What each panelist gives each body, per criterion of the rubric.
SCORES: dict[tuple[str, str], tuple[int, int, int]] = {
    ("BP-1", "Ani"): (80, 70, 90),
    ("BP-1", "Budi"): (85, 75, 80),
    ("BP-1", "Citra"): (60, 65, 70),
    ("BP-2", "Ani"): (90, 88, 86),
    ("BP-2", "Budi"): (100, 100, 100),  # conflict of interest: filled anyway, never used (K2)
    ("BP-2", "Citra"): (70, 72, 74),
    ("BP-3", "Dedi"): (75, 75, 75),
    ("BP-3", "Eka"): (55, 65, 60),
    ("BP-4", "Dedi"): (95, 90, 85),
    ("BP-4", "Eka"): (80, 82, 84),
    ("BP-5", "Fajar"): (50, 60, 70),
    ("BP-5", "Gita"): (66, 77, 88),
    ("BP-5", "Hana"): (90, 95, 99),
}


def _by_hand(scores: tuple[int, int, int]) -> Decimal:
    """Rule K1 written out: Σ score × weight ÷ Σ weight."""
    return sum((D(s) * w for s, w in zip(scores, WEIGHTS, strict=True)), D(0)) / sum(WEIGHTS, D(0))


def _isian(folder: Path) -> None:
    q = load_questionnaire("ki-pusat-2025-kementerian")
    answers = {qq.code: met(qq, LINK) for qq in q.questions}
    folder.mkdir()
    for body, _ in SCORES:
        name = {"BP-1": "Badan Satu", "BP-2": "Badan Dua", "BP-3": "Badan Tiga", "BP-4": "Badan Empat", "BP-5": "Badan Lima"}[body]
        if not (folder / f"{body}.xlsx").exists():
            fill(folder / f"{body}.xlsx", q, answers, answers, body=BodyIdentity(id=body, name=name, category="Kementerian"))


def _columns(ws: Worksheet) -> dict[str, int]:
    return {str(c.value): c.column for c in ws[pt.HEADER_ROW] if c.value is not None}


def _fill_kit(path: Path, scores: dict[tuple[str, str], tuple[int, int, int]]) -> None:
    wb = load_workbook(path)
    ws = wb[pt.SHEET_SCORES]
    cols = _columns(ws)
    heads = [h for h in cols if "(bobot " in h]
    for row in range(pt.FIRST_ROW, ws.max_row + 1):
        key = (str(ws.cell(row=row, column=cols["ID"]).value), str(ws.cell(row=row, column=cols["Panelis"]).value))
        if key in scores:
            for head, value in zip(heads, scores[key], strict=True):
                ws.cell(row=row, column=cols[head], value=value)
    wb.save(path)


@pytest.fixture
def kit(tmp_path: Path) -> list[Path]:
    (tmp_path / "ruang.csv").write_text(ROOMS, encoding="utf-8")
    (tmp_path / "konflik.csv").write_text(CONFLICTS, encoding="utf-8")
    code, out, err = run("panel", "kit", str(tmp_path / "ruang.csv"), "--rules", "ki-sumbar-2025", "--stage", "presentasi", "--conflicts", str(tmp_path / "konflik.csv"), "-o", str(tmp_path / "kit"))
    assert (code, err) == (0, "")
    paths = sorted((tmp_path / "kit").glob("*.xlsx"))
    assert out.splitlines() == [
        f"Lembar nilai ditulis: {paths[0]} (Ruang A: 2 badan publik, 3 panelis).",
        f"Lembar nilai ditulis: {paths[1]} (Ruang B: 2 badan publik, 2 panelis).",
        f"Lembar nilai ditulis: {paths[2]} (Ruang C: 1 badan publik, 3 panelis).",
    ]
    return paths


def test_the_kit_has_a_sheet_per_room_from_the_stage_rubric(kit: list[Path]) -> None:
    assert [p.name for p in kit] == ["panel-presentasi-01-Ruang-A.xlsx", "panel-presentasi-02-Ruang-B.xlsx", "panel-presentasi-03-Ruang-C.xlsx"]
    wb = load_workbook(kit[0])
    assert wb.sheetnames == ["Nilai", "Rubrik", "Metadata"]
    assert wb["Metadata"].sheet_state == "veryHidden"
    ws = wb["Nilai"]
    assert ws["A1"].value == "Lembar nilai Presentasi — Ruang A"
    assert [c.value for c in ws[pt.HEADER_ROW]] == [
        "ID",
        "Nama badan publik",
        "Panelis",
        "Komitmen pimpinan (bobot 34)",
        "Inovasi (bobot 33)",
        "Strategi penyampaian informasi (bobot 33)",
        "Nilai berbobot",
        "Catatan",
    ]
    rows = [[c.value for c in r[:3]] for r in ws.iter_rows(min_row=pt.FIRST_ROW)]
    assert rows == [[b, n, p] for b, n in (("BP-1", "Badan Satu"), ("BP-2", "Badan Dua")) for p in ("Ani", "Budi", "Citra")]
    # A conflict of interest: the row is locked, grey, and says why.
    budi_bp2 = pt.FIRST_ROW + 4
    assert ws.cell(row=budi_bp2, column=8).value == "Konflik kepentingan: Pernah bekerja di Badan Dua (2023). Nilai panelis ini untuk badan publik ini tidak dipakai."
    assert ws.cell(row=budi_bp2, column=4).protection.locked and not ws.cell(row=pt.FIRST_ROW, column=4).protection.locked
    assert ws.protection.sheet
    assert ws.cell(row=pt.FIRST_ROW, column=7).value == f'=IF(COUNT(D{pt.FIRST_ROW}:F{pt.FIRST_ROW})<3,"",(D{pt.FIRST_ROW}*34+E{pt.FIRST_ROW}*33+F{pt.FIRST_ROW}*33)/100)'
    rubric = [[c.value for c in r] for r in wb["Rubrik"].iter_rows(min_row=4, max_row=6, max_col=3)]
    assert rubric == [["komitmen_pimpinan", "Komitmen pimpinan", "34"], ["inovasi", "Inovasi", "33"], ["strategi_informasi", "Strategi penyampaian informasi", "33"]]
    notes = [r[0] for r in wb["Rubrik"].iter_rows(min_row=8, values_only=True) if r[0]]
    assert "preset — bobot tahap 60/20/20 dan bobot kriteria 34/33/33: Tidak dipublikasikan." in notes


def test_round_trip_three_rooms_and_a_conflict_of_interest(tmp_path: Path, kit: list[Path]) -> None:
    for path in kit:
        _fill_kit(path, SCORES)
    _isian(tmp_path / "isian")
    code, out, err = run(
        "score", str(tmp_path / "isian"), "-o", str(tmp_path / "out"), "--rules", "ki-sumbar-2025", "--panel", str(tmp_path / "kit"), "--conflicts", str(tmp_path / "konflik.csv"), "-j", "1"
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        f"Nilai tahap dari lembar nilai panelis di {tmp_path / 'kit'}: 5 badan publik, panelis 'Ani', 'Budi', 'Citra', 'Dedi', 'Eka', 'Fajar', "
        "'Gita' dan 'Hana'; 1 konflik kepentingan dikecualikan."
    )
    results = {b: Assessment.from_json((tmp_path / "out" / "hasil" / f"{b}.json").read_bytes()) for b in ("BP-1", "BP-2", "BP-3", "BP-4", "BP-5")}
    for body, a in results.items():
        presentasi = next(s for s in a.stages if s.code == "presentasi")
        kept = [_by_hand(v) for (b, p), v in SCORES.items() if b == body and (b, p) != ("BP-2", "Budi")]
        assert presentasi.score == (sum(kept, D(0)) / len(kept)).quantize(D("0.01")), body
        assert presentasi.panel is not None
        assert [(p.panelist, [c.score for c in p.criteria]) for p in presentasi.panel.panelists] == [
            (p, [D(x) for x in v]) for (b, p), v in SCORES.items() if b == body
        ]
    budi = next(p for p in results["BP-2"].stages[1].panel.panelists if p.panelist == "Budi")  # type: ignore[union-attr]
    assert (budi.excluded, budi.score) == ("Pernah bekerja di Badan Dua (2023)", D(100))
    assert results["BP-5"].stages[1].panel.room == "Ruang C"  # type: ignore[union-attr]
    recap = Recap.from_json((tmp_path / "out" / "rekap.json").read_bytes())
    assert recap.panel is not None
    assert [(c.panelist, c.body_id, c.name, c.reason) for c in recap.panel.conflicts] == [("Budi", "BP-2", "Badan Dua", "Pernah bekerja di Badan Dua (2023)")]
    budi_row = next(s for s in recap.panel.severity if s.panelist == "Budi")
    assert (budi_row.scored, budi_row.mean) == (1, _by_hand(SCORES[("BP-1", "Budi")]).quantize(D("0.01")))


def test_the_same_kit_combined_by_median_and_trimmed_mean(tmp_path: Path, kit: list[Path]) -> None:
    for path in kit:
        _fill_kit(path, SCORES)
    _isian(tmp_path / "isian")
    for rule in ("median", "trimmed"):
        code, _, err = run("score", str(tmp_path / "isian"), "-o", str(tmp_path / rule), "--rules", "ki-sumbar-2025", "--panel", str(tmp_path / "kit"), "--combine", rule, "-j", "1", "-q")
        assert (code, err) == (0, "")
        a = Assessment.from_json((tmp_path / rule / "hasil" / "BP-5.json").read_bytes())
        values = sorted(_by_hand(v) for (b, _), v in SCORES.items() if b == "BP-5")
        assert a.stages[1].score == values[1].quantize(D("0.01"))  # three panelists: the median and the trimmed mean are the middle one
        assert a.stages[1].panel.combine == rule  # type: ignore[union-attr]


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_computes_the_weighted_score_kipmonev_uses(tmp_path: Path, kit: list[Path]) -> None:
    _fill_kit(kit[0], SCORES)
    (resaved,) = libreoffice_resave([kit[0]], tmp_path / "lo")
    ws = load_workbook(resaved, data_only=True)["Nilai"]
    shown = {(str(r[0].value), str(r[2].value)): r[6].value for r in ws.iter_rows(min_row=pt.FIRST_ROW)}
    for (body, panelist), value in shown.items():
        assert D(str(value)).quantize(D("0.0001")) == _by_hand(SCORES[(body, panelist)]).quantize(D("0.0001"))
    assert {r.panelist for r in read_kit(resaved).rows} == {"Ani", "Budi", "Citra"}


def test_a_kit_filled_wrongly_is_refused_with_every_cell(tmp_path: Path, kit: list[Path]) -> None:
    wb = load_workbook(kit[0])
    ws = wb["Nilai"]
    ws.cell(row=pt.FIRST_ROW, column=4, value="banyak")  # BP-1 Ani: not a number
    ws.cell(row=pt.FIRST_ROW + 1, column=4, value=120)  # BP-1 Budi: above 100
    ws.cell(row=pt.FIRST_ROW + 2, column=4, value=80)  # BP-1 Citra: one criterion of three
    wb.save(kit[0])
    with pytest.raises(PanelKitError) as e:
        read_kit(kit[0])
    assert [str(p) for p in e.value.problems] == [
        f"{kit[0]}, Nilai!D5: 'banyak' bukan nilai 0–100. Nilai kriteria adalah angka 0 sampai 100. Perbaiki nilainya.",
        f"{kit[0]}, Nilai!D6: '120' bukan nilai 0–100. Nilai kriteria adalah angka 0 sampai 100. Perbaiki nilainya.",
        f"{kit[0]}, Nilai!A7: nilai panelis 'Citra' untuk 'BP-1' baru sebagian (kosong: Inovasi, Strategi penyampaian informasi). Nilai berbobot "
        "memerlukan semua kriteria. Lengkapi nilainya, atau kosongkan seluruh baris bila panelis tidak menilai badan publik ini.",
    ]


def test_a_workbook_that_is_not_a_kit(tmp_path: Path) -> None:
    path = tmp_path / "lain.xlsx"
    from openpyxl import Workbook

    Workbook().save(path)
    with pytest.raises(PanelKitError) as e:
        read_kit(path)
    assert [p.code for p in e.value.problems] == [sp.KIT_NOT_A_KIT.code]


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        ("Ruang;ID;Nama;Panelis\n;BP-1;Badan;Ani\n", ["ruang.csv, baris 2: baris ini tidak menyebut ruangnya. Setiap baris daftar ruang menyebut ruang atau kelompoknya. Isi kolom Ruang."]),
        (
            "Ruang;ID;Nama;Panelis\nA;BP-1;Badan;Ani\nB;BP-1;Badan;Budi\n",
            ["ruang.csv, baris 3: badan publik 'BP-1' sudah tercantum di ruang 'A'. Satu badan publik dinilai di satu ruang. Hapus salah satu barisnya."],
        ),
        (
            "Ruang;ID;Nama;Panelis\nA;BP-1;Badan;\nA;;Tanpa ID;\n",
            [
                "ruang.csv, baris 3: baris untuk 'Tanpa ID' tidak memiliki ID badan publik. Lembar nilai dicocokkan dengan isian menurut ID. Isi kolom ID.",
                "ruang.csv, baris 2: ruang 'A' tidak memiliki panelis. Setiap ruang dinilai sedikitnya oleh satu panelis. Isi kolom Panelis pada baris ruang itu.",
            ],
        ),
        (
            "Ruang;Nama\nA;Badan\n",
            [
                "ruang.csv, baris 1: kolom Id tidak ditemukan. Kolom dikenali menurut judulnya. Beri judul kolom salah satu dari 'Id', 'Kode', 'Id Badan Publik', 'Kode Badan Publik' atau 'Kode/Id Badan Publik'.",
                "ruang.csv, baris 1: kolom Panelis tidak ditemukan. Kolom dikenali menurut judulnya. Beri judul kolom salah satu dari 'Panelis', 'Juri', 'Penilai' atau 'Nama Panelis'.",
            ],
        ),
    ],
)
def test_rooms_file_mistakes(tmp_path: Path, text: str, messages: list[str]) -> None:
    (tmp_path / "ruang.csv").write_text(text, encoding="utf-8")
    with pytest.raises(PanelKitError) as e:
        read_rooms(tmp_path / "ruang.csv")
    assert [str(p).replace(str(tmp_path) + "/", "") for p in e.value.problems] == messages


def test_conflicts_need_a_reason_panelist_and_body(tmp_path: Path) -> None:
    (tmp_path / "konflik.csv").write_text("Panelis;ID;Alasan;Tahap\nAni;BP-1;;\n;BP-2;Saudara;\nBudi;BP-3;Komisaris;Presentasi\n", encoding="utf-8")
    with pytest.raises(PanelKitError) as e:
        read_conflicts(tmp_path / "konflik.csv")
    assert [(p.code, p.location.line) for p in e.value.problems] == [(sp.CONFLICT_NO_REASON.code, 2), (sp.CONFLICT_INCOMPLETE.code, 3)]
    (tmp_path / "konflik.csv").write_text("Panelis;ID;Alasan;Tahap\nBudi;BP-3;Komisaris;Presentasi\n", encoding="utf-8")
    (conflict,) = read_conflicts(tmp_path / "konflik.csv")
    assert (conflict.covers("budi ", "bp-3", "presentasi"), conflict.covers("Budi", "BP-3", "visitasi")) == (True, False)


def test_kit_for_a_stage_the_rule_set_lacks(tmp_path: Path) -> None:
    (tmp_path / "ruang.csv").write_text(ROOMS, encoding="utf-8")
    code, _, err = run("panel", "kit", str(tmp_path / "ruang.csv"), "--rules", "ki-sumbar-2025", "--stage", "wawancara", "-o", str(tmp_path / "kit"))
    assert code == 1
    assert "aturan 'ki-sumbar-2025' tidak memiliki tahap lanjutan 'wawancara'. Lembar nilai panelis dibuat untuk tahap sesudah SAQ. Pilih salah satu dari 'presentasi' atau 'visitasi' dengan --stage." in err
    assert not (tmp_path / "kit").exists()


def test_an_existing_kit_is_not_overwritten_without_force(tmp_path: Path, kit: list[Path]) -> None:
    _fill_kit(kit[0], SCORES)
    before = kit[0].read_bytes()
    args = ("panel", "kit", str(tmp_path / "ruang.csv"), "--rules", "ki-sumbar-2025", "--stage", "presentasi", "-o", str(tmp_path / "kit"))
    code, _, err = run(*args)
    assert code == 1 and f"{kit[0]}: lembar nilai '{kit[0].name}' sudah ada dan mungkin sudah diisi." in err
    assert kit[0].read_bytes() == before
    assert run(*args, "--force")[0] == 0


def test_a_stage_without_a_rubric_is_scored_on_one_criterion(tmp_path: Path) -> None:
    (tmp_path / "ruang.csv").write_text("Ruang;ID;Nama;Panelis\nA;BP-1;Badan;Ani\n", encoding="utf-8")
    assert run("panel", "kit", str(tmp_path / "ruang.csv"), "--rules", "ki-bali-2025", "--stage", "presentasi", "-o", str(tmp_path / "kit"))[0] == 0
    ws = load_workbook(next((tmp_path / "kit").glob("*.xlsx")))["Nilai"]
    assert [c.value for c in ws[pt.HEADER_ROW]][3:5] == ["Nilai tahap (bobot 100)", "Nilai berbobot"]


def test_score_refuses_panel_with_stage_scores_and_conflicts_without_panel(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("ID;P1\nBP-1;80\n", encoding="utf-8")
    (tmp_path / "isian").mkdir()
    code, _, err = run("score", str(tmp_path / "isian"), "-o", str(tmp_path / "out"), "--conflicts", str(tmp_path / "a.csv"))
    assert code == 1 and "--conflicts diberikan tanpa --panel." in err
    code, _, err = run("score", str(tmp_path / "isian"), "-o", str(tmp_path / "out"), "--panel", str(tmp_path), "--stage-scores", str(tmp_path / "a.csv"))
    assert code == 1 and "--panel dan --stage-scores diberikan bersamaan." in err


# --- the engine, rules K1–K6 -------------------------------------------------------------------------

CRITERIA = (KitCriterion("a", "A", D(50)), KitCriterion("b", "B", D(50)))


def _kit(room: str, rows: list[tuple[str, str, int | None]], stage: str = "presentasi") -> Kit:
    at = Location(f"{room}.xlsx")
    return Kit(
        f"{room}.xlsx",
        "uji",
        stage,
        "Presentasi",
        room,
        CRITERIA,
        tuple(KitRow(at, b, f"Badan {b}", p, (None, None) if v is None else (D(v), D(v))) for b, p, v in rows),
    )


@pytest.mark.parametrize(
    ("scores", "weights", "expected"),
    [((D(80), D(60)), (D(50), D(50)), D(70)), ((D(90), D(60), D(30)), (D(34), D(33), D(33)), D("60.3")), ((None, None), (D(50), D(50)), None), ((D(100),), (D(100),), D(100))],
)
def test_k1_weighted_mean(scores: tuple[Decimal | None, ...], weights: tuple[Decimal, ...], expected: Decimal | None) -> None:
    assert weighted(scores, [KitCriterion(str(i), str(i), w) for i, w in enumerate(weights)]) == expected


def test_k2_k3_conflicts_left_out_then_combined() -> None:
    kit = _kit("A", [("X", "P1", 90), ("X", "P2", 60), ("X", "P3", 30), ("Y", "P1", 50), ("Y", "P2", None)])
    conflict = Conflict(Location("konflik.csv", line=2), "p3", "x", "Saudara")
    stage_file, errors, warnings = stage_file_from_kits([kit], [conflict], CombineRule.MEAN, "kit")
    assert (errors, warnings) == ((), ())
    x, y = stage_file.rows
    assert (x.body_id, x.score.value, x.score.panelists, y.score.value) == ("X", D(75), 2, D(50))
    assert [(p.panelist, p.excluded) for p in x.score.panel.panelists] == [("P1", None), ("P2", None), ("P3", "Saudara")]  # type: ignore[union-attr]


def test_k3_k4_nobody_scored_and_two_rooms() -> None:
    a = _kit("A", [("X", "P1", None), ("Z", "P1", 70)])
    b = _kit("B", [("Z", "P2", 80)])
    unused = Conflict(Location("konflik.csv", line=3), "P9", "Z", "Kerabat")
    stage_file, errors, warnings = stage_file_from_kits([a, b], [unused], CombineRule.MEAN, "kit")
    assert [r.body_id for r in stage_file.rows] == ["Z"]
    assert [str(p) for p in errors] == [
        "B.xlsx: badan publik 'Z' dinilai pada tahap presentasi di ruang 'B' padahal sudah dinilai di ruang 'A'. Satu badan publik dinilai di satu ruang per tahap. Hapus baris badan publik itu dari salah satu lembar nilai."
    ]
    assert [p.code for p in warnings] == [ep.NOBODY_SCORED.code, ep.CONFLICT_UNUSED.code]
    assert str(warnings[1]) == (
        "konflik.csv, baris 3: konflik kepentingan panelis 'P9' dengan 'Z' tidak cocok dengan baris mana pun di lembar nilai. "
        "Konflik dicocokkan menurut nama panelis dan ID badan publik. Periksa penulisan nama panelis dan ID."
    )


def test_k5_severity_mean_spread_lean_and_outliers() -> None:
    # P3 is harsh: 40 points under the others on X, 10 under on Y.
    kit = _kit("A", [("X", "P1", 90), ("X", "P2", 80), ("X", "P3", 45), ("Y", "P1", 70), ("Y", "P2", 70), ("Y", "P3", 60)])
    summary = panel_summary([kit], [], CombineRule.MEAN)
    p3 = next(s for s in summary.severity if s.panelist == "P3")
    assert (p3.scored, p3.mean, p3.spread) == (2, D("52.50"), D(statistics.stdev([D(45), D(60)])).quantize(D("0.01")))
    assert p3.lean == D("-25.00")  # ((45 − 85) + (60 − 70)) ÷ 2
    assert p3.outliers == 1 and OUTLIER_POINTS == 20  # 40 points off on X; 10 on Y is not
    assert [s.panelist for s in summary.severity] == ["P1", "P2", "P3"]


def test_k6_z_score_rank_is_informational_and_ties_share_a_rank() -> None:
    kit = _kit("A", [("X", "P1", 90), ("Y", "P1", 70), ("Z", "P1", 70), ("X", "P2", 60), ("Y", "P2", 50), ("Z", "P2", 50)])
    ranks = panel_summary([kit], [], CombineRule.MEAN).ranks
    assert [(r.body_id, r.rank) for r in ranks] == [("X", 1), ("Y", 2), ("Z", 2)]
    spread = statistics.stdev([D(90), D(70), D(70)])
    mean1, mean2 = (D(90) + 70 + 70) / 3, (D(60) + 50 + 50) / 3
    z = ((D(90) - mean1) / spread + (D(60) - mean2) / statistics.stdev([D(60), D(50), D(50)])) / 2
    assert ranks[0].z == z.quantize(D("0.01"))
    # A panelist who gives everyone the same score adds 0 to every z.
    flat = _kit("B", [("X", "P1", 80), ("Y", "P1", 80)])
    assert [r.z for r in panel_summary([flat], [], CombineRule.MEAN).ranks] == [D("0.00"), D("0.00")]


def test_combine_rules_on_kept_panelists() -> None:
    values = [D(90), D(60), D(30), D(80)]
    assert combine(values, CombineRule.TRIMMED) == D(70) and combine(values, CombineRule.MEDIAN) == D(70) and combine(values, CombineRule.MEAN) == D(65)


def test_reports_list_the_conflict_and_the_recap_shows_severity_and_the_z_rank(tmp_path: Path, kit: list[Path]) -> None:
    for path in kit:
        _fill_kit(path, SCORES)
    _isian(tmp_path / "isian")
    out = tmp_path / "out"
    args = ("score", str(tmp_path / "isian"), "-o", str(out), "--rules", "ki-sumbar-2025", "--panel", str(tmp_path / "kit"), "--conflicts", str(tmp_path / "konflik.csv"))
    code, _, err = run(*args, "--report", "html", "-j", "1", "-q")
    assert (code, err) == (0, "")
    (report,) = (out / "laporan").glob("*BP-2*.html")
    html = report.read_text(encoding="utf-8")
    assert "<h3>Penilaian panel dan konflik kepentingan</h3>" in html
    assert "Presentasi, Ruang A: nilai setiap panelis = Σ (nilai kriteria × bobot) ÷ jumlah bobot; nilai panelis digabung dengan rata-rata." in html
    assert '<tr class="excluded"><td>Budi</td><td class="num">100,00</td><td class="num">100,00</td><td class="num">100,00</td><td class="num">100,00</td><td>tidak dipakai: konflik kepentingan (Pernah bekerja di Badan Dua (2023))</td></tr>' in html
    recap_html = (out / "rekap.html").read_text(encoding="utf-8")
    assert "<h3>Keketatan panelis</h3>" in recap_html and "<h3>Peringkat z-score (informatif)</h3>" in recap_html
    assert "Peringkat ini tidak menggantikan nilai dan peringkat resmi menurut aturan." in recap_html
    assert "<tr><td>semua tahap</td><td>Budi</td><td>BP-2</td><td>Badan Dua</td><td>Pernah bekerja di Badan Dua (2023)</td></tr>" in recap_html
    wb = load_workbook(out / "rekap.xlsx")
    assert {"Panelis", "Peringkat z", "Konflik kepentingan"} <= set(wb.sheetnames)
    severity = {r[1]: r for r in wb["Panelis"].iter_rows(min_row=2, values_only=True)}
    ani = [_by_hand(SCORES[(b, "Ani")]) for b in ("BP-1", "BP-2")]
    assert severity["Ani"][:4] == ("presentasi", "Ani", 2, float((sum(ani, D(0)) / 2).quantize(D("0.01"))))
    assert severity["Budi"][2] == 1  # the conflicted score is not counted
    ranks = [r[:3] for r in wb["Peringkat z"].iter_rows(min_row=2, values_only=True)]
    assert len(ranks) == 5 and ranks[0][1] == 1


def test_a_result_written_before_panel_kits_still_reads(tmp_path: Path, kit: list[Path]) -> None:
    import json

    for path in kit:
        _fill_kit(path, SCORES)
    _isian(tmp_path / "isian")
    assert run("score", str(tmp_path / "isian"), "-o", str(tmp_path / "out"), "--rules", "ki-sumbar-2025", "--panel", str(tmp_path / "kit"), "-j", "1", "-q")[0] == 0
    data = json.loads((tmp_path / "out" / "hasil" / "BP-1.json").read_text(encoding="utf-8"))
    for stage in data["stages"]:
        del stage["panel"]  # as written by a kipmonev without panel kits
    old = Assessment.model_validate(data)
    assert [s.panel for s in old.stages] == [None, None, None]
    recap = json.loads((tmp_path / "out" / "rekap.json").read_text(encoding="utf-8"))
    del recap["panel"]
    assert Recap.model_validate(recap).panel is None


def test_k8_a_kit_read_under_another_rubric_is_refused(tmp_path: Path, kit: list[Path]) -> None:
    for path in kit:
        _fill_kit(path, SCORES)
    _isian(tmp_path / "isian")
    code, _, err = run("score", str(tmp_path / "isian"), "-o", str(tmp_path / "out"), "--rules", "ki-bali-2025", "--panel", str(tmp_path / "kit"), "-j", "1", "-q")
    assert code == 1 and "5 berkas tidak dapat dinilai" in err
    recap = Recap.from_json((tmp_path / "out" / "rekap.json").read_bytes())
    assert len(recap.errors) == 5
    assert recap.errors[0].message == (
        "lembar nilai presentasi ruang 'Ruang A' dinilai dengan kriteria komitmen_pimpinan (34), inovasi (33), strategi_informasi (33), padahal "
        "aturan yang diterapkan menilai tahap itu dengan nilai (100). Nilai panelis dihitung dengan rubrik aturan yang diterapkan. Buat lembar "
        "nilai dengan 'kipmonev panel kit' dan --rules yang sama dengan yang dipakai untuk menilai, lalu salin nilainya ke sana."
    )
