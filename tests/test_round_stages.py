"""A round's later stages through the real CLI (rules L1-L5 of engine/round_stages.py).

Four Kementerian under the shipped ki-sumbar-2025 rules (SAQ 60, presentasi 20 with a three-criterion rubric,
visitasi 20; the 3 highest cumulative scores per category after presentasi go on to visitasi). Each body is
verified as it answered, with 0-3 questions left blank, so their SAQs differ. The walk: recap; presentasi kits
for all four with panelists Dewi and Eko and Eko's conflict of interest with KEM-02; Eko's sheet with the
conflicted row filled is refused, his clean one recorded; Dewi's sheet, then her second sheet replacing one
score; recap (the ranking gate sends three bodies on); visitasi kits for those three only; a sheet for KEM-04
refused; sheets collected; sign-off, penetapan, recap: final scores equal to the scoring engine's from the
stage scores computed here by hand; status and history lines exact.
"""

from __future__ import annotations

import hashlib
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from round_helpers import COMMISSION, fill_body, write_roster
from test_round_defended import _ok, _result, _round
from test_verify_round import _as_body, _fill_pack, _others, _yes_no, ev_codes

from kipmonev.app.round.assign import assign_verifiers
from kipmonev.app.round.init import InitOptions, init_round
from kipmonev.app.round.receive import receive_files
from kipmonev.app.round.verify import collect_packs, current_submissions, write_packs
from kipmonev.app.round.workspace import open_round
from kipmonev.core.errors import QuestionnaireError
from kipmonev.engine.gates import GateCall
from kipmonev.engine.scoring import score
from kipmonev.model.result import GatePass, InputRole
from kipmonev.model.submission import Submission
from kipmonev.sources.loader import load_rule_set, with_rule_set
from kipmonev.sources.round_config import read_round_config

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("round_stages")]

RULES = "ki-sumbar-2025"
ROSTER = [
    ("KEM-01", "Kementerian Satu", "Kementerian", 0),
    ("KEM-02", "Kementerian Dua", "Kementerian", 1),
    ("KEM-03", "Kementerian Tiga", "Kementerian", 2),
    ("KEM-04", "Kementerian Empat", "Kementerian", 3),
]
BODIES = [b for b, *_ in ROSTER]
CONFLICT = "Pernah menjadi konsultan KEM-02 (2024)"
#: Presentasi criterion scores (komitmen pimpinan 34, inovasi 33, strategi informasi 33), per panelist and body.
DEWI = {"KEM-01": (70, 80, 90), "KEM-02": (85, 85, 85), "KEM-03": (60, 70, 80), "KEM-04": (50, 55, 60)}
DEWI_AGAIN = {"KEM-01": (90, 90, 90)}  # her second sheet: replaces her first score for KEM-01
EKO = {"KEM-01": (80, 80, 80), "KEM-03": (75, 65, 70), "KEM-04": (55, 50, 45)}
#: Visitasi (no rubric: one 'Nilai tahap' per panelist).
VISIT = {"Dewi": {"KEM-01": 88, "KEM-02": 76, "KEM-03": 90}, "Eko": {"KEM-01": 84, "KEM-03": 70}}
WEIGHTS = (Decimal(34), Decimal(33), Decimal(33))
SK = "005/KEP/KI-NC/XII/2025"


def _fill_sheet(kit: Path, out: Path, scores: dict[tuple[str, str], tuple[int, ...]]) -> Path:
    """A panelist's copy of the kit: scores typed into the rows of (body, panelist), as in a spreadsheet."""
    wb = openpyxl.load_workbook(kit)
    ws = wb["Nilai"]
    for row in range(5, ws.max_row + 1):
        key = (str(ws.cell(row=row, column=1).value), str(ws.cell(row=row, column=3).value))
        for i, value in enumerate(scores.get(key, ())):
            ws.cell(row=row, column=4 + i, value=value)
    wb.save(out)
    return out


def _two(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _weighted(scores: tuple[int, ...]) -> Decimal:
    return sum((Decimal(s) * w for s, w in zip(scores, WEIGHTS, strict=True)), Decimal(0)) / sum(WEIGHTS)


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("stages")
    folder = tmp / "putaran"
    roster = write_roster(tmp / "daftar.csv", [(b, n, c, "", "") for b, n, c, _ in ROSTER])
    init_round(folder, InitOptions(commission=COMMISSION, roster=roster, rule_set=RULES), "Sari")
    inbox = tmp / "masuk"
    inbox.mkdir()
    for body, name, category, missing in ROSTER:
        fill_body(inbox / f"{body}.xlsx", category, body, name, missing=missing, rule_set=RULES)
    plan = tmp / "penugasan.csv"
    plan.write_text("Kategori;ID;Verifikator\nKementerian;;Ani\n", encoding="utf-8")
    out: dict[str, Any] = {"folder": folder, "verified": {}}
    with open_round(folder, "Sari") as r:
        receive_files(r, [inbox])
        assign_verifiers(r, plan)
        packs = {p.name.split("-verifikasi")[0]: p for p in write_packs(r).written}
        cur = current_submissions(r)
        for body in BODIES:
            c = cur[body.casefold()]
            q, answers = c.questionnaire, c.submission.answers
            _fill_pack(packs[body], q, _as_body(q, answers, _yes_no(q, answers)) | _others(q, answers, ev_codes(q, answers)))
            out["verified"][body] = (q, answers)
        collect_packs(r, [packs[b] for b in BODIES])
    steps: dict[str, tuple[int, str, str]] = {}
    steps["recap0"] = _round(folder, "recap", "-q", "--date", "01-12-2025")
    out["r0"] = {b: _result(folder, b) for b in BODIES}
    conflicts = tmp / "konflik.csv"
    conflicts.write_text(f"Panelis;ID;Alasan\nEko;KEM-02;{CONFLICT}\n", encoding="utf-8")
    steps["kit_early"] = _round(folder, "panel-kit", "--stage", "visitasi", "--panelist", "Dewi")
    steps["kit"] = _round(folder, "panel-kit", "--stage", "presentasi", "--panelist", "Dewi", "--panelist", "Eko", "--conflicts", str(conflicts))
    kit = folder / "panel" / "presentasi" / "panel-presentasi-01-Panel-Presentasi.xlsx"
    out["kit"] = kit
    steps["kit_again"] = _round(folder, "panel-kit", "--stage", "presentasi", "--panelist", "Dewi")
    back = tmp / "kembali"
    back.mkdir()
    _fill_sheet(kit, back / "eko-salah.xlsx", {**{(b, "Eko"): s for b, s in EKO.items()}, ("KEM-02", "Eko"): (50, 50, 50)})
    eko = _fill_sheet(kit, tmp / "eko.xlsx", {(b, "Eko"): s for b, s in EKO.items()})
    dewi = _fill_sheet(kit, tmp / "dewi.xlsx", {(b, "Dewi"): s for b, s in DEWI.items()})
    dewi_again = _fill_sheet(kit, tmp / "dewi-revisi.xlsx", {(b, "Dewi"): s for b, s in DEWI_AGAIN.items()})
    out["sheets"] = {"eko": eko, "dewi": dewi, "dewi_again": dewi_again}
    steps["collect_bad"] = _round(folder, "panel-collect", str(back), str(eko))
    steps["collect_dewi"] = _round(folder, "panel-collect", str(dewi))
    steps["collect_same"] = _round(folder, "panel-collect", str(dewi))
    steps["collect_again"] = _round(folder, "panel-collect", str(dewi_again))
    steps["recap1"] = _round(folder, "recap", "-q", "--date", "08-12-2025")
    out["r1"] = {b: _result(folder, b) for b in BODIES}
    steps["kit_visit"] = _round(folder, "panel-kit", "--stage", "visitasi", "--panelist", "Dewi", "--panelist", "Eko")
    visit_kit = folder / "panel" / "visitasi" / "panel-visitasi-01-Panel-Visitasi.xlsx"
    out["visit_rows"] = [(row[0].value, row[2].value) for row in openpyxl.load_workbook(visit_kit)["Nilai"].iter_rows(min_row=5) if row[0].value]
    # Dewi fills her copy of the kit; Eko's scores come as a stage-score file, as score --stage-scores takes one.
    visit = [_fill_sheet(visit_kit, tmp / "visitasi-Dewi.xlsx", {(b, "Dewi"): (s,) for b, s in VISIT["Dewi"].items()}), tmp / "visitasi-Eko.csv"]
    visit[1].write_text("ID;Tahap;Panelis: Eko\n" + "".join(f"{b};visitasi;{s}\n" for b, s in VISIT["Eko"].items()), encoding="utf-8")
    eko_csv_bad = tmp / "visitasi-Eko-salah.csv"
    eko_csv_bad.write_text("ID;Tahap;Panelis: Eko\nKEM-01;visitasi;84\nKEM-02;visitasi;80\n", encoding="utf-8")
    steps["collect_csv_bad"] = _round(folder, "panel-collect", str(eko_csv_bad))
    wrong = _fill_sheet(visit_kit, tmp / "visitasi-KEM-04.xlsx", {})
    wb = openpyxl.load_workbook(wrong)  # a row typed in for KEM-04, which the gate did not send to visitasi
    wb["Nilai"].append(["KEM-04", "Kementerian Empat", "Dewi", 99])
    wb.save(wrong)
    out["wrong_row"] = wb["Nilai"].max_row
    steps["collect_wrong"] = _round(folder, "panel-collect", str(wrong))
    steps["status"] = _round(folder, "status")
    steps["collect_visit"] = _round(folder, "panel-collect", *map(str, visit))
    steps["recap2"] = _round(folder, "recap", "-q", "--date", "12-12-2025")
    # KEM-04 is signed off, then Dewi sends her presentasi scores for it again (same scores, another file):
    # a new stage.scored event, so the sign-off lapses (rule F2) and the score stays the same.
    steps["signed_early"] = _round(folder, "sign-off", "--level", "dijamin-mutu", "KEM-04", "--reason", "Diperiksa tim mutu")
    resent = _fill_sheet(kit, tmp / "dewi-KEM-04.xlsx", {("KEM-04", "Dewi"): DEWI["KEM-04"]})
    steps["collect_resent"] = _round(folder, "panel-collect", str(resent))
    steps["recap2b"] = _round(folder, "recap", "-q", "--date", "12-12-2025")
    out["r2"] = {b: _result(folder, b) for b in BODIES}
    steps["signed"] = _round(folder, "sign-off", "--level", "dijamin-mutu", "--all", "--reason", "Diperiksa tim mutu")
    steps["fixed"] = _round(folder, "penetapan", *BODIES, "--sk", SK, "--date", "15-12-2025")
    steps["recap3"] = _round(folder, "recap", "-q", "--date", "15-12-2025")
    out["r3"] = {b: _result(folder, b) for b in BODIES}
    steps["history"] = _round(folder, "history", "KEM-01")
    steps["history2"] = _round(folder, "history", "KEM-02")
    out["history"] = {b: json.loads(_ok(_round(folder, "history", b, "--json")))["rows"] for b in ("KEM-01", "KEM-02")}
    out["recap"] = json.loads((folder / "rekap" / "rekap.json").read_bytes())
    out["steps"] = steps
    with open_round(folder, "Sari") as r:
        out["events"] = r.events("stage.")
    return out


def test_kits_only_for_bodies_the_recap_sends(walk: dict[str, Any]) -> None:
    """Rule L1: presentasi has no gate before it (all four); visitasi comes after the top-3 gate."""
    folder, steps = walk["folder"], walk["steps"]
    code, _, err = steps["kit_early"]
    assert (code, err) == (
        1,
        f"Galat: {folder}: rekap tanggal 1 Desember 2025 tidak mengirim satu pun badan publik ke tahap Visitasi. Badan publik dikirim ke suatu "
        "tahap bila lolos setiap gerbang sebelumnya. Catat nilai tahap sebelumnya, jalankan kipmonev round recap, lalu ulangi.\n",
    )
    out = _ok(steps["kit"])
    assert out.splitlines() == [
        f"Lembar nilai tahap Presentasi ditulis: {walk['kit']} (4 badan publik, 2 panelis; rekap 1 Desember 2025).",
        "- KEM-01 Kementerian Satu",
        "- KEM-02 Kementerian Dua",
        "- KEM-03 Kementerian Tiga",
        "- KEM-04 Kementerian Empat",
        f"  konflik kepentingan: Eko dengan KEM-02 ({CONFLICT}); barisnya dikunci.",
        f"Kirim lembar nilai kepada panelis; kumpulkan yang sudah diisi dengan: kipmonev round panel-collect {folder} FOLDER",
    ]
    code, _, err = steps["kit_again"]
    assert code == 1 and "lembar nilai 'panel-presentasi-01-Panel-Presentasi.xlsx' sudah ada dan mungkin sudah diisi." in err
    assert walk["visit_rows"] == [(b, p) for b in ("KEM-01", "KEM-02", "KEM-03") for p in ("Dewi", "Eko")]
    # Eko's conflict with KEM-02 was declared for every stage: the visitasi kit carries it without the file.
    assert _ok(walk["steps"]["kit_visit"]).splitlines()[4] == f"  konflik kepentingan: Eko dengan KEM-02 ({CONFLICT}); barisnya dikunci."



def test_refused_sheets_say_where_and_record_nothing(walk: dict[str, Any], tmp_path: Path) -> None:
    """Rule L4: a conflicted panelist's filled row and a body the gate did not send; the other sheet of the call is recorded."""
    steps, folder = walk["steps"], walk["folder"]
    bad = folder.parent / "kembali" / "eko-salah.xlsx"
    code, out, _ = steps["collect_bad"]
    assert code == 1
    assert out.splitlines() == [
        "eko.xlsx [presentasi]: 3 nilai panelis dicatat (0 menggantikan nilai sebelumnya), 0 tidak berubah.",
        "  Eko → KEM-01",
        "  Eko → KEM-03",
        "  Eko → KEM-04",
        "eko-salah.xlsx: ditolak.",
        f"  {bad}, Nilai!A8: panelis 'Eko' menyatakan konflik kepentingan dengan 'KEM-02' ({CONFLICT}), tetapi barisnya diisi. Panelis "
        "yang berkonflik kepentingan tidak menilai badan publik itu. Kosongkan baris ini, lalu kirim lagi lembarnya.",
        "Dikumpulkan 2 lembar nilai: 1 diterima, 1 ditolak.",
    ]
    wrong = folder.parent / "visitasi-KEM-04.xlsx"
    code, out, _ = steps["collect_wrong"]
    assert code == 1
    assert out.splitlines() == [
        "visitasi-KEM-04.xlsx: ditolak.",
        f"  {wrong}, Nilai!A{walk['wrong_row']}: badan publik 'KEM-04' tidak dikirim ke tahap Visitasi dalam putaran ini (tidak ada lembar "
        "nilai untuknya). Nilai tahap dicatat hanya untuk badan publik yang lolos ke tahap itu. Hapus nilai di baris ini atau periksa ID-nya.",
        "Dikumpulkan 1 lembar nilai: 0 diterima, 1 ditolak.",
    ]
    csv_bad = folder.parent / "visitasi-Eko-salah.csv"
    code, out, _ = steps["collect_csv_bad"]
    assert code == 1
    assert out.splitlines() == [
        "visitasi-Eko-salah.csv: ditolak.",
        f"  {csv_bad}, baris 3 (ID): panelis 'Eko' menyatakan konflik kepentingan dengan 'KEM-02' ({CONFLICT}), tetapi barisnya diisi. Panelis "
        "yang berkonflik kepentingan tidak menilai badan publik itu. Kosongkan baris ini, lalu kirim lagi lembarnya.",
        "Dikumpulkan 1 lembar nilai: 0 diterima, 1 ditolak.",
    ]
    refused = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (bad, wrong, csv_bad)}
    assert [e for e in walk["events"] if e.input_hash in refused] == []
    assert not [e for e in walk["events"] if e.kind == "stage.scored" and e.subject == "KEM-02" and e.actor == "Eko"]


def test_a_second_sheet_replaces_the_first_and_history_keeps_both(walk: dict[str, Any]) -> None:
    """Rule L3: Dewi's second sheet for KEM-01 is a new event; collecting the same sheet again records nothing."""
    assert _ok(walk["steps"]["collect_same"]).splitlines()[0] == "dewi.xlsx [presentasi]: 0 nilai panelis dicatat (0 menggantikan nilai sebelumnya), 4 tidak berubah."
    assert _ok(walk["steps"]["collect_again"]).splitlines()[0] == "dewi-revisi.xlsx [presentasi]: 1 nilai panelis dicatat (1 menggantikan nilai sebelumnya), 0 tidak berubah."
    mine = [e for e in walk["events"] if e.kind == "stage.scored" and e.subject == "KEM-01" and e.actor == "Dewi" and e.data["tahap"] == "presentasi"]
    sheets = walk["sheets"]
    assert [(e.old, e.new, e.input_hash, e.data["dicatat_oleh"]) for e in mine] == [
        (None, "79,90", hashlib.sha256(sheets["dewi"].read_bytes()).hexdigest(), "Sari"),
        ("79,90", "90,00", hashlib.sha256(sheets["dewi_again"].read_bytes()).hexdigest(), "Sari"),
    ]
    assert [c["nilai"] for c in mine[-1].data["kriteria"]] == ["90", "90", "90"]


def test_final_scores_equal_the_engine_from_stage_scores_by_hand(walk: dict[str, Any]) -> None:
    """Rule L5: presentasi = mean of the kept panelists' weighted scores (K1-K3), visitasi = mean; the gate ranks the cumulative score."""
    presentasi = {
        "KEM-01": (_weighted(DEWI_AGAIN["KEM-01"]) + _weighted(EKO["KEM-01"])) / 2,  # Dewi's replaced score is gone
        "KEM-02": _weighted(DEWI["KEM-02"]),  # Eko's conflict of interest: Dewi alone
        "KEM-03": (_weighted(DEWI["KEM-03"]) + _weighted(EKO["KEM-03"])) / 2,
        "KEM-04": (_weighted(DEWI["KEM-04"]) + _weighted(EKO["KEM-04"])) / 2,
    }
    visitasi = {b: (Decimal(VISIT["Dewi"][b]) + Decimal(VISIT["Eko"][b])) / 2 for b in ("KEM-01", "KEM-03")} | {"KEM-02": Decimal(VISIT["Dewi"]["KEM-02"])}
    saq = {b: walk["r3"][b].saq_verified.score for b in BODIES}
    cumulative = {b: _two((60 * saq[b] + 20 * _two(presentasi[b])) / 80) for b in BODIES}
    ranked = sorted(BODIES, key=lambda b: -cumulative[b])
    assert ranked[:3] == ["KEM-01", "KEM-02", "KEM-03"]
    rules = load_rule_set(RULES)
    for body in BODIES:
        q, answers = walk["verified"][body]
        q = with_rule_set(q, rules)
        rank = ranked.index(body) + 1
        calls = (GateCall(reached=True, value=cumulative[body], passed=rank <= 3, by=GatePass.RANK if rank <= 3 else None, rank=rank),)
        stages = {"presentasi": presentasi[body], **({"visitasi": visitasi[body]} if body in visitasi else {})}
        # Every body was verified as it answered: the verifier's track is the body's answers.
        sub = Submission(questionnaire_id=q.id, body=walk["r3"][body].body, answers=answers, verification=answers, stage_scores=stages)
        expected = score(q, sub, calls)
        got = walk["r3"][body]
        assert expected.saq_verified is not None and expected.saq_verified.score == saq[body]
        assert [(s.code, s.score) for s in got.stages] == [(s.code, s.score) for s in expected.stages]
        assert (got.outcome.final_score, got.outcome.complete, got.outcome.band and got.outcome.band.code) == (expected.outcome.final_score, True, expected.outcome.band and expected.outcome.band.code)
        assert [(g.passed, g.rank) for g in got.gates] == [(rank <= 3, rank)]
        before = walk["r2"][body]
        assert (before.outcome.complete, before.outcome.reasons, before.outcome.estimate_score) == (False, ("Belum dijamin mutu.",), expected.outcome.final_score)
    # Eko is listed as left out of KEM-02's presentasi, with his reason (rule K2).
    panel = next(s.panel for s in walk["r3"]["KEM-02"].stages if s.code == "presentasi")
    assert panel is not None and [(p.panelist, p.excluded) for p in panel.panelists] == [("Dewi", None), ("Eko", CONFLICT)]
    funnel = walk["recap"]["funnel"]["gates"]
    assert [(g["reached"], g["passed"], g["failed"], g["undecided"]) for g in funnel] == [(4, 3, 1, 0)]


def test_a_stage_score_after_sign_off_lapses_it(walk: dict[str, Any]) -> None:
    """Rule F2 of engine/signoff.py: stage.scored changes the result, so KEM-04 is signed off again with the rest."""
    assert _ok(walk["steps"]["signed_early"]).splitlines()[0] == "KEM-04: disahkan (dijamin mutu), nilai 84,56."
    assert _ok(walk["steps"]["collect_resent"]).splitlines()[0] == "dewi-KEM-04.xlsx [presentasi]: 1 nilai panelis dicatat (1 menggantikan nilai sebelumnya), 0 tidak berubah."
    code, out, err = walk["steps"]["signed"]
    assert (code, err) == (0, "")
    assert out.splitlines()[:5] == [
        "KEM-01: disahkan (dijamin mutu), nilai 94,20.",
        "KEM-02: disahkan (dijamin mutu), nilai 90,48.",
        "KEM-03: disahkan (dijamin mutu), nilai 87,71.",
        "KEM-04: disahkan (dijamin mutu), nilai 84,56.",
        "Pengesahan dicatat: 4 badan publik (dijamin mutu).",
    ]


def test_results_name_the_panelists_sheets_with_their_hashes(walk: dict[str, Any]) -> None:
    inputs = [(i.name, i.sha256) for i in walk["r3"]["KEM-01"].inputs if i.role is InputRole.PANEL]
    tmp = walk["folder"].parent
    files = [walk["sheets"]["eko"], walk["sheets"]["dewi_again"], tmp / "visitasi-Dewi.xlsx", tmp / "visitasi-Eko.csv"]
    assert sorted(inputs) == sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in files)


def test_status_shows_each_stage_per_body(walk: dict[str, Any]) -> None:
    out = _ok(walk["steps"]["status"])
    table = out[out.index("Tahap lanjutan") : out.index("Pengesahan")].rstrip().splitlines()
    assert table == [
        "Tahap lanjutan (lembar nilai panelis):",
        "TAHAP       ID      BADAN PUBLIK       PANELIS  MASUK  MENUNGGU   KONFLIK",
        "----------  ------  -----------------  -------  -----  ---------  -------",
        "Presentasi  KEM-01  Kementerian Satu   2        2      –          –",
        "Presentasi  KEM-02  Kementerian Dua    1        1      –          Eko",
        "Presentasi  KEM-03  Kementerian Tiga   2        2      –          –",
        "Presentasi  KEM-04  Kementerian Empat  2        2      –          –",
        "Visitasi    KEM-01  Kementerian Satu   2        0      Dewi, Eko  –",
        "Visitasi    KEM-02  Kementerian Dua    1        0      Dewi       Eko",
        "Visitasi    KEM-03  Kementerian Tiga   2        0      Dewi, Eko  –",
    ]


def test_history_lines(walk: dict[str, Any]) -> None:
    """Rule D2: one readable line per stage event, with the panelist as the actor."""
    lines = {b: [(row["actor"], row["what"]) for row in rows if row["kind"].startswith("stage.")] for b, rows in walk["history"].items()}
    kit, visit = "panel-presentasi-01-Panel-Presentasi.xlsx", "panel-visitasi-01-Panel-Visitasi.xlsx"
    assert lines["KEM-01"] == [
        ("Sari", f"Dikirim ke tahap Presentasi menurut rekap 1 Desember 2025: lembar nilai {kit} (Panel Presentasi), panelis 'Dewi' dan 'Eko'."),
        ("Eko", "Panelis Eko menilai tahap Presentasi: 80,00 (Komitmen pimpinan 80, Inovasi 80, Strategi penyampaian informasi 80), dari eko.xlsx sel A6."),
        ("Dewi", "Panelis Dewi menilai tahap Presentasi: 79,90 (Komitmen pimpinan 70, Inovasi 80, Strategi penyampaian informasi 90), dari dewi.xlsx sel A5."),
        (
            "Dewi",
            "Panelis Dewi menilai tahap Presentasi: 90,00 (Komitmen pimpinan 90, Inovasi 90, Strategi penyampaian informasi 90), dari dewi-revisi.xlsx "
            "sel A5; menggantikan lembar dewi.xlsx (nilai 79,90).",
        ),
        ("Sari", f"Dikirim ke tahap Visitasi menurut rekap 8 Desember 2025: lembar nilai {visit} (Panel Visitasi), panelis 'Dewi' dan 'Eko'."),
        ("Dewi", "Panelis Dewi menilai tahap Visitasi: 88,00 (Nilai tahap 88), dari visitasi-Dewi.xlsx sel A5."),
        ("Eko", "Panelis Eko menilai tahap Visitasi: 84,00 (nilai tahap dari berkas nilai), dari visitasi-Eko.csv baris 2."),
    ]
    assert lines["KEM-02"][0] == (
        "Sari",
        f"Dikirim ke tahap Presentasi menurut rekap 1 Desember 2025: lembar nilai {kit} (Panel Presentasi), panelis 'Dewi' dan 'Eko'; "
        f"konflik kepentingan Eko: {CONFLICT}.",
    )


@pytest.mark.parametrize(
    ("written", "expected", "problem"),
    [
        ("median", "median", None),
        ("Rata-rata terpangkas", "trimmed", None),
        ("rata-rata", "mean", None),
        (
            "modus",
            None,
            "gabungan_panel 'modus' tidak dikenal. Nilai panelis tahap lanjutan digabung dengan salah satu dari 'mean', 'rata-rata', 'trimmed', "
            "'rata-rata terpangkas' atau 'median'. Tulis salah satunya, atau hapus baris ini untuk rata-rata.",
        ),
    ],
)
def test_gabungan_panel_in_putaran_yaml(tmp_path: Path, written: str, expected: str | None, problem: str | None) -> None:
    (tmp_path / "putaran.yaml").write_text(f"komisi: {COMMISSION}\ntahun: 2025\nedisi:\n  Kementerian: ki-pusat-2025-kementerian\ngabungan_panel: {written}\n", encoding="utf-8")
    if problem is None:
        assert read_round_config(tmp_path)[0].panel_combine == expected
        return
    with pytest.raises(QuestionnaireError) as e:
        read_round_config(tmp_path)
    assert [(p.location.line, p.message) for p in e.value.problems] == [(5, problem)]
