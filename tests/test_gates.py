"""Gates as data (rules G1–G6 in kipmonev.engine.gates) and the provincial presets' funnels.

Each preset test builds synthetic bodies, runs them through the engine the way the batch does (score,
decide the gates over the batch, score again with the batch's calls, recap), and checks the funnel and the
final scores against the commission's rule applied by hand in the test.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from kipmonev.core.resources import shipped_rule_sets
from kipmonev.engine.gates import GateCall, GateEntry, evaluate_gates, gate_values
from kipmonev.engine.recap import build_recap, row_from_assessment
from kipmonev.engine.scoring import score
from kipmonev.model.questionnaire import ConsistencyError, Gate, Questionnaire, Rules
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment, BandResult, GatePass
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.questionnaire_xlsx import write_questionnaire_xlsx
from kipmonev.outputs.recap_export import write_recap_xlsx
from kipmonev.outputs.report.recap import build_recap_report, recap_html
from kipmonev.sources.loader import load_rule_set, with_rule_set
from kipmonev.sources.questionnaire_xlsx import import_questionnaire_with_warnings

D = Decimal


def _edition(category: str) -> Questionnaire:
    """A one-question edition whose answer is the SAQ itself: options '0'…'100' worth 0…100 points."""
    options = [{"label": str(n), "poin": n} for n in range(101)]
    return Questionnaire.model_validate(
        {
            "id": "uji-gerbang",
            "judul": "Kuesioner uji gerbang",
            "komisi": "Komisi Informasi Uji",
            "tahun": 2025,
            "kategori": category,
            "versi": 2025081501,
            "aturan": load_rule_set("ki-pusat").rules.model_dump(by_alias=True),
            "aturan_id": "ki-pusat",
            "indikator": [{"kode": "AA", "nama": "Indikator A", "bobot": 100}],
            "pertanyaan": [
                {
                    "kode": "AA.1.1",
                    "indikator": "AA",
                    "teks": "Nilai?",
                    "tipe": "pilihan",
                    "pilihan": options,
                    "definisi_operasional": "Definisi.",
                    "dasar_hukum": "UU 14/2008 Pasal 9",
                    "rekomendasi": "Lengkapi.",
                }
            ],
        }
    )


def _edition_with(preset: str, category: str) -> Questionnaire:
    return with_rule_set(_edition(category), load_rule_set(preset))


def _submission(body: str, saq: int, stages: dict[str, Decimal]) -> Submission:
    answer = {"AA.1.1": Answer(value=str(saq))}
    return Submission(questionnaire_id="uji-gerbang", body=BodyIdentity(id=body, name=f"Badan {body}"), answers=answer, verification=answer, stage_scores=stages)


Body = tuple[str, str, int, dict[str, Any]]  # id, category, SAQ, later-stage scores


def _round(preset: str, bodies: list[Body]) -> tuple[dict[str, Assessment], Recap]:
    """What ``kipmonev score`` does with these bodies: score, decide the gates over the batch, score again, recap."""
    editions = {cat: _edition_with(preset, cat) for cat in {b[1] for b in bodies}}
    subs = {b[0]: (editions[b[1]], _submission(b[0], b[2], {k: D(v) for k, v in b[3].items()})) for b in bodies}
    first = {key: score(q, s) for key, (q, s) in subs.items()}
    rules = next(iter(editions.values())).rules
    entries = [GateEntry(key, q.category, gate_values(rules, (first[key].saq_verified or first[key].saq_self).score, s.stage_scores)) for key, (q, s) in subs.items()]
    calls = evaluate_gates(rules, entries)
    final = {key: score(q, s, calls[key]) for key, (q, s) in subs.items()}
    bands = tuple(BandResult(code=b.code, name=b.name, lower=b.lower, color=b.color, message=b.message) for b in rules.bands)
    recap = build_recap([row_from_assessment(a, f"{key}.xlsx") for key, a in final.items()], [], len(bodies), bands, "2025-11-23")
    return final, recap


def _weighted(weights: list[int], scores: list[Decimal]) -> Decimal:
    return (sum((D(w) * s for w, s in zip(weights, scores, strict=True)), D(0)) / sum(D(w) for w in weights)).quantize(D("0.01"))


# --- the rules, on their own ----------------------------------------------------------------

def _rules(*gates: dict[str, Any]) -> Rules:
    bands = [{"kode": "atas", "nama": "A", "batas_bawah": 50}, {"kode": "bawah", "nama": "B", "batas_bawah": 0}]
    stages = [{"kode": "saq", "nama": "SAQ", "bobot": 60}, {"kode": "visitasi", "nama": "Visitasi", "bobot": 20}, {"kode": "presentasi", "nama": "Presentasi", "bobot": 20}]
    data: dict[str, Any] = {"tahap": stages, "kualifikasi": bands}
    if gates:
        data["gerbang"] = gates[0]
        data["gerbang_lanjutan"] = list(gates[1:])
    return Rules.model_validate(data)


def _calls(rules: Rules, values: dict[str, tuple[str, list[int | None]]]) -> dict[str, list[tuple[bool | None, int | None]]]:
    entries = [GateEntry(k, cat, tuple(None if v is None else D(v) for v in vals)) for k, (cat, vals) in values.items()]
    return {k: [(c.passed, c.rank) for c in calls] for k, calls in evaluate_gates(rules, entries).items()}


@pytest.mark.parametrize(
    ("gate", "values", "expected"),
    [
        # G2: the threshold is inclusive
        ({"batas": 60, "jika_tidak_lolos": "nilai_saq"}, {"a": ("K", [60]), "b": ("K", [59])}, {"a": [(True, None)], "b": [(False, None)]}),
        # G3: top 2 per category; ranks are per category
        (
            {"peringkat": 2, "jika_tidak_lolos": "nilai_saq"},
            {"a": ("K", [90]), "b": ("K", [80]), "c": ("K", [70]), "d": ("L", [10])},
            {"a": [(True, 1)], "b": [(True, 2)], "c": [(False, 3)], "d": [(True, 1)]},
        ),
        # G3: a tie on the last place, all pass (semua_lolos, the default)
        (
            {"peringkat": 2, "jika_tidak_lolos": "nilai_saq"},
            {"a": ("K", [90]), "b": ("K", [80]), "c": ("K", [80]), "d": ("K", [70])},
            {"a": [(True, 1)], "b": [(True, 2)], "c": [(True, 2)], "d": [(False, 4)]},
        ),
        # G3: a tie on the last place that would exceed N, none of it passes (tidak_lolos)
        (
            {"peringkat": 2, "seri": "tidak_lolos", "jika_tidak_lolos": "nilai_saq"},
            {"a": ("K", [90]), "b": ("K", [80]), "c": ("K", [80]), "d": ("K", [70])},
            {"a": [(True, 1)], "b": [(False, 2)], "c": [(False, 2)], "d": [(False, 4)]},
        ),
        # G4: "≥ 50 or top 1" and "≥ 50 and top 1"
        (
            {"batas": 50, "peringkat": 1, "jika_tidak_lolos": "nilai_saq"},
            {"a": ("K", [40]), "b": ("K", [30]), "c": ("L", [55]), "d": ("L", [60])},
            {"a": [(True, 1)], "b": [(False, 2)], "c": [(True, 2)], "d": [(True, 1)]},
        ),
        (
            {"batas": 50, "peringkat": 1, "gabungan": "dan", "jika_tidak_lolos": "nilai_saq"},
            {"a": ("K", [40]), "c": ("L", [55]), "d": ("L", [60])},
            {"a": [(False, 1)], "c": [(False, 2)], "d": [(True, 1)]},
        ),
        # G5: a missing score is undecided and not ranked
        ({"peringkat": 1, "jika_tidak_lolos": "nilai_saq"}, {"a": ("K", [None]), "b": ("K", [20])}, {"a": [(None, None)], "b": [(True, 1)]}),
    ],
)
def test_one_gate(gate: dict[str, Any], values: dict[str, tuple[str, list[int | None]]], expected: dict[str, list[tuple[bool | None, int | None]]]) -> None:
    assert _calls(_rules(gate), values) == expected


def test_chained_gates_only_rank_those_who_passed_the_gate_before() -> None:
    """G1: the top 1 at visitasi is taken among the bodies that passed SAQ ≥ 60, not among all."""
    rules = _rules({"batas": 60, "jika_tidak_lolos": "tahap_dicapai"}, {"tahap": "visitasi", "peringkat": 1, "jika_tidak_lolos": "tahap_dicapai"})
    calls = _calls(rules, {"a": ("K", [50, 99]), "b": ("K", [70, 80]), "c": ("K", [90, 60])})
    assert calls == {"a": [(False, None), (None, None)], "b": [(True, None), (True, 1)], "c": [(True, None), (False, 2)]}


@pytest.mark.parametrize(
    ("rules", "code"),
    [
        ({"gerbang": {"jika_tidak_lolos": "nilai_saq"}}, "KM-G-001"),
        ({"gerbang": {"tahap": "wawancara", "batas": 1, "jika_tidak_lolos": "nilai_saq"}}, "KM-G-002"),
        ({"gerbang": {"tahap": "presentasi", "batas": 1, "jika_tidak_lolos": "nilai_saq"}}, "KM-G-003"),
        ({"gerbang": {"tahap": "visitasi", "batas": 1, "jika_tidak_lolos": "nilai_saq"}, "gerbang_lanjutan": [{"batas": 1, "jika_tidak_lolos": "nilai_saq"}]}, "KM-G-004"),
        ({"rubrik": [{"tahap": "saq", "kriteria": [{"kode": "satu", "nama": "A", "bobot": 100}]}]}, "KM-G-005"),
        ({"rubrik": [{"tahap": "presentasi", "kriteria": [{"kode": "satu", "nama": "A", "bobot": 60}]}]}, "KM-Q-001"),
    ],
)
def test_gate_and_rubric_mistakes_are_refused_with_their_code(rules: dict[str, Any], code: str) -> None:
    bands = [{"kode": "semua", "nama": "A", "batas_bawah": 0}]
    stages = [{"kode": "saq", "nama": "SAQ", "bobot": 60}, {"kode": "visitasi", "nama": "Visitasi", "bobot": 20}, {"kode": "presentasi", "nama": "Presentasi", "bobot": 20}]
    with pytest.raises(ValueError) as caught:
        Rules.model_validate({"tahap": stages, "kualifikasi": bands, **rules})
    causes = [e.get("ctx", {}).get("error") for e in caught.value.errors()]  # type: ignore[attr-defined]
    assert [m.code for c in causes if isinstance(c, ConsistencyError) for _, m in c.problems] == [code]


def test_a_ranking_gate_scored_alone_is_undecided_not_failed() -> None:
    q = _edition_with("ki-sumbar-2023", "OPD")
    alone = score(q, _submission("X", 40, {"verifikasi_faktual": D(90)}))
    assert alone.gate is not None and (alone.gate.passed, alone.outcome.complete, alone.outcome.method) == (None, False, "gate_pending")
    assert alone.outcome.reasons == ("gerbang 'Nilai ≥ 50 atau 10 nilai tertinggi per kategori → verifikasi faktual' memakai peringkat per kategori, yang hanya dapat diputuskan bila semua badan publik dinilai bersama (kipmonev score).",)
    # The threshold alone decides a body above it.
    assert score(q, _submission("Y", 50, {"verifikasi_faktual": D(90)})).gate.passed is True  # type: ignore[union-attr]
    ranked = score(q, _submission("X", 40, {"verifikasi_faktual": D(90)}), (GateCall(True, D(40), True, GatePass.RANK, 3),))
    assert (ranked.outcome.final_score, ranked.gates[0].by, ranked.gates[0].rank) == (D("55.00"), "peringkat", 3)


def test_old_editions_keep_their_content_hash() -> None:
    """Keys added for gates and rubrics enter the hash only when set, so filled workbooks keep matching."""
    q = _edition("K")
    assert q.rules.gate == Gate.model_validate({"batas": 60, "jika_tidak_lolos": "nilai_saq"})
    data = q.model_dump(by_alias=True)
    data["aturan"]["gerbang"] = {"batas": 60, "jika_tidak_lolos": "nilai_saq"}
    del data["aturan"]["gerbang_lanjutan"], data["aturan"]["rubrik"]
    assert Questionnaire.model_validate(data).content_hash == q.content_hash


# --- the presets' funnels -------------------------------------------------------------------------

def _step(recap: Recap, index: int) -> tuple[int, int, int, int]:
    s = recap.funnel.gates[index]
    return s.reached, s.passed, s.failed, s.undecided


def test_ki_bali_2025_visits_only_scores_72_to_100() -> None:
    bodies: list[Body] = [(f"B{n:02d}", "OPD", saq, {"presentasi": 80}) for n, saq in enumerate([95, 88, 72, 71, 60, 45, 30, 72, 99, 10])]
    final, recap = _round("ki-bali-2025", bodies)
    visited = [b for b in bodies if b[2] >= 72]  # "visitasi only for scores 72–100"
    assert _step(recap, 0) == (10, len(visited), 10 - len(visited), 0) == (10, 5, 5, 0)
    assert recap.funnel.gates[0].label == "Nilai 72–100 lolos ke visitasi dan presentasi"
    assert set(recap.funnel.gates[0].passed_names) == {f"Badan {b[0]}" for b in visited}
    for key, _, saq, _stages in bodies:
        expected = _weighted([70, 30], [D(saq), D(80)]) if saq >= 72 else D(saq)  # 70 % kuesioner + 30 % presentasi
        assert final[key].outcome.final_score == expected, key
    assert final["B00"].questionnaire.commission == "Komisi Informasi Provinsi Bali"


def test_ki_jabar_2024_questionnaire_is_80_percent() -> None:
    bodies: list[Body] = [("K1", "Pemerintah Kabupaten/Kota", 92, {"visitasi_presentasi": 70}), ("K2", "Pemerintah Kabupaten/Kota", 81, {"visitasi_presentasi": 90}), ("K3", "Pemerintah Kabupaten/Kota", 79, {})]
    final, recap = _round("ki-jabar-2024", bodies)
    assert _step(recap, 0) == (3, 2, 1, 0)
    assert [final[k].outcome.final_score for k in ("K1", "K2", "K3")] == [_weighted([80, 20], [D(92), D(70)]), _weighted([80, 20], [D(81), D(90)]), D(79)]
    assert [final[k].outcome.band.name for k in ("K1", "K2", "K3")] == ["Menuju Informatif", "Menuju Informatif", "Cukup Informatif"]  # type: ignore[union-attr]


def test_ki_sumbar_2023_fifty_percent_or_top_ten_per_category() -> None:
    # Two categories: in OPD few reach 50, so the top 10 carry bodies below it; in BUMD many reach 50.
    opd = [(f"O{n:02d}", "OPD", saq, {"verifikasi_faktual": 60}) for n, saq in enumerate([70, 55, 48, 47, 45, 44, 40, 40, 39, 35, 30, 30, 20, 10])]
    bumd = [(f"U{n:02d}", "BUMD", saq, {"verifikasi_faktual": 60}) for n, saq in enumerate([90, 85, 80, 75, 70, 66, 65, 60, 58, 55, 52, 51, 20])]
    final, recap = _round("ki-sumbar-2023", opd + bumd)

    def by_hand(group: list[Body]) -> set[str]:
        scores = sorted((b[2] for b in group), reverse=True)
        tenth = scores[9]  # ties on the 10th place all pass
        return {b[0] for b in group if b[2] >= 50 or b[2] >= tenth}

    expected = by_hand(opd) | by_hand(bumd)
    assert expected == {"O00", "O01", "O02", "O03", "O04", "O05", "O06", "O07", "O08", "O09"} | {f"U{n:02d}" for n in range(12)}
    passed = {k for k, a in final.items() if a.gate is not None and a.gate.passed}
    assert passed == expected
    assert _step(recap, 0) == (27, len(expected), 27 - len(expected), 0)
    assert final["O05"].gate.by == "peringkat" and final["U11"].gate.by == "batas"  # type: ignore[union-attr]
    for key, _, saq, _ in opd + bumd:
        assert final[key].outcome.final_score == (_weighted([70, 30], [D(saq), D(60)]) if key in expected else D(saq)), key


def test_ki_sumbar_2024_top_three_of_each_of_eleven_categories_present() -> None:
    """Published: 160 bodies visited, 33 presented (3 in each of 11 categories)."""
    categories = [f"Kategori {c:02d}" for c in range(11)]
    bodies: list[Body] = [(f"C{c:02d}-{n}", cat, 90 - 5 * n, {"visitasi": 80 - c, "presentasi": 85}) for c, cat in enumerate(categories) for n in range(5)]
    final, recap = _round("ki-sumbar-2024", bodies)
    assert _step(recap, 0) == (55, 33, 22, 0)
    presented = {k for k, a in final.items() if a.gates[0].passed}
    assert presented == {f"C{c:02d}-{n}" for c in range(11) for n in range(3)}
    # Presenters: 60 / 20 / 20; the others: kuesioner and visitasi reweighted (the preset 'tahap_dicapai').
    assert final["C00-0"].outcome.final_score == _weighted([60, 20, 20], [D(90), D(80), D(85)])
    assert final["C00-4"].outcome.final_score == _weighted([60, 20], [D(70), D(80)])
    assert final["C00-4"].stages[2].contribution is None and final["C00-4"].outcome.method == "gate_failed_reached"


def test_ki_sumbar_2024_a_tie_on_third_place_presents_all_tied() -> None:
    bodies: list[Body] = [(k, "OPD", saq, {"visitasi": 80, "presentasi": 85}) for k, saq in (("A", 90), ("B", 85), ("C", 80), ("D", 80), ("E", 70))]
    final, recap = _round("ki-sumbar-2024", bodies)
    assert {k for k, a in final.items() if a.gates[0].passed} == {"A", "B", "C", "D"}
    assert [final[k].gates[0].rank for k in "ABCDE"] == [1, 2, 3, 3, 5]
    assert _step(recap, 0) == (5, 4, 1, 0)


def test_ki_sumbar_2025_everyone_presents_the_top_three_nominees_are_visited() -> None:
    """Published: kuesioner → masa sanggah → presentasi → visitasi of the top-3 nominees (per category)."""
    opd: list[Body] = [(f"O{n}", "OPD", saq, {"presentasi": pres, "visitasi": 90}) for n, (saq, pres) in enumerate([(95, 60), (90, 90), (85, 95), (80, 70), (70, 99)])]
    bumd: list[Body] = [(f"U{n}", "BUMD", saq, {"presentasi": 80, "visitasi": 75}) for n, saq in enumerate([88, 77, 66, 55])]
    final, recap = _round("ki-sumbar-2025", opd + bumd)

    def cumulative(b: Body) -> Decimal:  # the nominees are ranked on kuesioner 60 and presentasi 20, reweighted (dasar: kumulatif)
        return (60 * D(b[2]) + 20 * D(b[3]["presentasi"])) / 80

    nominees = set()
    for group in (opd, bumd):
        third = sorted((cumulative(b) for b in group), reverse=True)[2]
        nominees |= {b[0] for b in group if cumulative(b) >= third}
    assert nominees == {"O1", "O2", "O0", "U0", "U1", "U2"}  # O4's 99 in presentasi does not outweigh its kuesioner 70
    assert [(s.label, s.reached, s.passed, s.failed, s.undecided) for s in recap.funnel.gates] == [("3 nominasi teratas per kategori → visitasi", 9, 6, 3, 0)]
    for key, _, saq, stages in opd + bumd:
        if key in nominees:
            expected = _weighted([60, 20, 20], [D(saq), D(stages["presentasi"]), D(stages["visitasi"])])
        else:  # not visited: the stages it took part in, reweighted (preset 'tahap_dicapai')
            expected = _weighted([60, 20], [D(saq), D(stages["presentasi"])])
        assert final[key].outcome.final_score == expected, key
    assert final["O0"].questionnaire.commission == "Komisi Informasi Provinsi Sumatera Barat"


@pytest.mark.parametrize(("preset", "weights"), [("kid-diy-2024", [70, 30]), ("kid-diy-2025", [50, 50])])
def test_kid_diy_weights(preset: str, weights: list[int]) -> None:
    bodies: list[Body] = [("K1", "Kalurahan", 90, {"kualitas_layanan": 70}), ("K2", "OPD", 60, {"kualitas_layanan": 100}), ("K3", "OPD", 30, {})]
    final, recap = _round(preset, bodies)
    assert recap.funnel.gates == ()
    assert final["K1"].outcome.final_score == _weighted(weights, [D(90), D(70)])
    assert final["K2"].outcome.final_score == _weighted(weights, [D(60), D(100)])
    assert (final["K3"].outcome.complete, recap.funnel.complete) == (False, 2)
    assert final["K1"].questionnaire.commission == "Komisi Informasi Daerah Daerah Istimewa Yogyakarta"


def test_ki_jatim_chained_saq_80_visitasi_80_wawancara() -> None:
    bodies: list[Body] = [
        ("J1", "OPD", 95, {"visitasi": 90, "wawancara": 88}),
        ("J2", "OPD", 85, {"visitasi": 79, "wawancara": 99}),  # stops at the visitasi gate
        ("J3", "OPD", 80, {"visitasi": 80, "wawancara": 70}),
        ("J4", "OPD", 79, {"visitasi": 95, "wawancara": 95}),  # stops at the SAQ gate; later scores unused
        ("J5", "BUMD", 60, {}),
        ("J6", "BUMD", 90, {"visitasi": 85}),  # wawancara not yet scored
    ]
    final, recap = _round("ki-jatim", bodies)
    assert [(s.label, s.reached, s.passed, s.failed, s.undecided) for s in recap.funnel.gates] == [
        ("SAQ ≥ 80 → visitasi", 6, 4, 2, 0),
        ("Visitasi ≥ 80 → wawancara", 4, 3, 1, 0),
    ]
    assert recap.funnel.gates[1].passed_names == ("Badan J6", "Badan J1", "Badan J3")
    assert final["J1"].outcome.final_score == _weighted([50, 25, 25], [D(95), D(90), D(88)])
    assert final["J2"].outcome.final_score == _weighted([50, 25], [D(85), D(79)])
    assert final["J4"].outcome.final_score == D(79) and final["J5"].outcome.final_score == D(60)
    assert (final["J6"].outcome.complete, final["J6"].outcome.method) == (False, "stage_missing")
    assert recap.funnel.passed_gate == 3  # J1, J3, J6: failed no gate


@pytest.mark.parametrize("rule_set", [s.id for s in shipped_rule_sets()])
def test_every_rule_set_round_trips_through_the_authoring_workbook(rule_set: str, tmp_path: Path) -> None:
    """Gates go on the Gerbang sheet (a plain SAQ gate stays on Tahap), rubrics on the Rubrik sheet."""
    q = _edition_with(rule_set, "OPD")
    back, warnings = import_questionnaire_with_warnings(write_questionnaire_xlsx(q, tmp_path / "edisi.xlsx"))
    assert (warnings, back, back.content_hash) == ([], q, q.content_hash)


def test_the_recap_workbook_and_report_show_each_gate_with_counts_and_names(tmp_path: Path) -> None:
    """Rule B7 in the recap outputs: a Gerbang sheet in the workbook and a gate table in the HTML/PDF report."""
    bodies: list[Body] = [
        ("J1", "OPD", 95, {"visitasi": 90, "wawancara": 88}),
        ("J2", "OPD", 85, {"visitasi": 79}),
        ("J3", "OPD", 70, {}),
    ]
    _, recap = _round("ki-jatim", bodies)
    write_recap_xlsx(recap, tmp_path / "rekap.xlsx")
    sheet = load_workbook(tmp_path / "rekap.xlsx")["Gerbang"]
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        ["No", "Gerbang", "Sampai di gerbang", "Lolos", "Tidak lolos", "Belum diputuskan", "Yang lolos"],
        [1, "SAQ ≥ 80 → visitasi", 3, 2, 1, 0, "Badan J1, Badan J2"],
        [2, "Visitasi ≥ 80 → wawancara", 2, 1, 1, 0, "Badan J1"],
    ]
    html = recap_html(build_recap_report(recap, date(2026, 12, 6)))
    table = html[html.index('<table class="grid gates">') :]
    table = table[: table.index("</table>")]
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[dh][^>]*>.*?</t[dh]>", table)]
    assert cells == [
        "No", "Gerbang", "Sampai di gerbang", "Lolos", "Tidak lolos", "Belum diputuskan", "Yang lolos",
        "1", "SAQ ≥ 80 → visitasi", "3", "2", "1", "0", "Badan J1, Badan J2",
        "2", "Visitasi ≥ 80 → wawancara", "2", "1", "1", "0", "Badan J1",
    ]  # fmt: skip


def test_a_recap_without_gates_has_no_gate_table(tmp_path: Path) -> None:
    _, recap = _round("kid-diy-2025", [("K1", "OPD", 90, {"kualitas_layanan": 70})])
    write_recap_xlsx(recap, tmp_path / "rekap.xlsx")
    assert "Gerbang" not in load_workbook(tmp_path / "rekap.xlsx").sheetnames
    assert 'class="grid gates"' not in recap_html(build_recap_report(recap, date(2026, 12, 6)))
