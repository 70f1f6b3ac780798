"""Issue 15's walk, end to end through the real CLI: a verification a commission can defend.

Five bodies, three verifiers (Ani, Budi, Citra). KEM-04 is reassigned from Ani to Citra. Budi costs KEM-02
three yes/no items and Citra costs KEM-03 two. A second opinion over 20 % of the items gives per verifier
pair a Cohen's kappa, checked here against the confusion table of the verdicts typed. The pleno decides
every clash. KEM-02 objects to two items, one accepted and one rejected; KEM-03's objection comes after the
window and is refused by date. The results are signed off (dijamin mutu), fixed by the pleno with an SK and
the annex written. Every number the annex prints is traced back to ``round history``: the verdicts, the
sanggah decisions with the SAQ before and after, and the penetapan line with the final score.
"""

from __future__ import annotations

import json
import re
import subprocess
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_runner import run
from round_helpers import COMMISSION, fill_body, write_roster
from test_sanggah import _claim
from test_signoff import saq_only_rules
from test_verify_round import _as_body, _fill_pack, _key, _others, _yes_no, ev_codes

from kipmonev.app.round.verify import current_submissions
from kipmonev.app.round.workspace import open_round
from kipmonev.core.formatting import format_number
from kipmonev.engine.scoring import score
from kipmonev.model.questionnaire import NO_LABEL, YES_LABEL, ChecklistQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.result import Assessment
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.sources.verify_pack import read_binding

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("defended")]

ROSTER = [
    ("KEM-01", "Kementerian Satu", "Kementerian"),
    ("KEM-02", "Kementerian Dua", "Kementerian"),
    ("KEM-03", "Kementerian Tiga", "Kementerian"),
    ("KEM-04", "Kementerian Empat", "Kementerian"),
    ("BUMN-01", "PT Rekaan Satu (Persero)", "BUMN"),
]
BODIES = [b for b, _, _ in ROSTER]
PLAN = "Kategori;ID;Verifikator\nKementerian;;Ani\n;KEM-02;Budi\n;KEM-03;Citra\nBUMN;;Budi\n"
ASSIGNED = {"KEM-01": "Ani", "KEM-02": "Budi", "KEM-03": "Citra", "KEM-04": "Citra", "BUMN-01": "Budi"}
LOST = {"KEM-02": 3, "KEM-03": 2}
SK = "010/KEP/KI-NC/XII/2025"
CLAIM_ACCEPTED = "SK PPID sudah terbit 2 Januari 2025."
CLAIM_REJECTED = "Daftar informasi publik tersedia di laman."


def _round(folder: Path, *args: str, by: str = "Sari") -> tuple[int, str, str]:
    return run("round", "--by", by, *args[:1], str(folder), *args[1:])


def _ok(step: tuple[int, str, str]) -> str:
    code, out, err = step
    assert code == 0, out + err
    return out


def _result(folder: Path, body: str) -> Assessment:
    return Assessment.from_json((folder / "rekap" / "hasil" / f"{body}.json").read_bytes())


def _verified_saq(q: Questionnaire, answers: dict[str, Answer], verdicts: dict[str, str]) -> Decimal:
    """The verified SAQ computed from the verdicts typed, straight through the scoring engine (no round, no log)."""
    verification: dict[str, Answer] = {}
    for code, typed in verdicts.items():
        question = q.question_map[code]
        if isinstance(question, ChecklistQuestion):  # 'Ya' typed on every item: all met
            verification[code] = Answer(value=tuple(i.code for i in question.items) if typed == YES_LABEL else ())
        else:
            verification[code] = Answer(value=typed)
    sub = Submission(questionnaire_id=q.id, body=BodyIdentity(id="X", name="X"), answers=answers, verification=verification)
    verified = score(q, sub).saq_verified
    assert verified is not None
    return verified.score


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("defended")
    folder = tmp / "putaran"
    rules = saq_only_rules(tmp / "hanya-saq.yaml")
    roster = write_roster(tmp / "daftar.csv", [(*r, "", "") for r in ROSTER])
    out: dict[str, Any] = {"folder": folder}
    _ok(run("round", "--by", "Sari", "init", str(folder), "--commission", COMMISSION, "--roster", str(roster), "--rules", str(rules), "--deadline-objection", "25-11-2025"))
    inbox = tmp / "masuk"
    inbox.mkdir()
    for body, name, category in ROSTER:
        fill_body(inbox / f"{body}.xlsx", category, body, name, rule_set=str(rules))
    _ok(_round(folder, "receive", str(inbox)))
    plan = tmp / "penugasan.csv"
    plan.write_text(PLAN, encoding="utf-8")
    _ok(_round(folder, "assign", str(plan)))
    plan.write_text(PLAN + ";KEM-04;Citra\n", encoding="utf-8")
    out["reassigned"] = _ok(_round(folder, "assign", str(plan)))

    # First verification: packs out, verdicts typed, packs in.
    _ok(_round(folder, "verify-pack"))
    with open_round(folder, "Sari") as r:
        cur = current_submissions(r)
    qs = {b: cur[b.casefold()].questionnaire for b in BODIES}
    out["qs"] = qs
    out["answers"] = {b: cur[b.casefold()].submission.answers for b in BODIES}
    verdicts: dict[str, dict[str, str]] = {}
    for body in BODIES:
        q, answers = qs[body], out["answers"][body]
        chosen = _as_body(q, answers, _yes_no(q, answers)) | _others(q, answers, ev_codes(q, answers))
        lost = [c for c in _yes_no(q, answers) if isinstance(q.question_map[c], YesNoQuestion)][: LOST.get(body, 0)]
        for c in lost:
            chosen[c] = NO_LABEL
        verdicts[body] = chosen
        out[f"lost_{body}"] = lost
        _fill_pack(folder / "verifikasi" / ASSIGNED[body] / f"{body}-verifikasi.xlsx", q, chosen)
    out["first"] = verdicts
    out["collected"] = _ok(_round(folder, "verify-collect", str(folder / "verifikasi")))

    # Second opinion: a seeded sample, the second verifier flips every third yes/no verdict.
    out["sampled"] = _ok(_round(folder, "second-opinion", "--percent", "20", "--seed", "20251206"))
    _ok(_round(folder, "verify-pack", "--second", "-o", str(tmp / "kedua")))
    second: dict[tuple[str, str], str] = {}
    seconds: dict[str, str] = {}
    for path in sorted((tmp / "kedua").rglob("*.xlsx")):
        binding = read_binding(path)
        assert binding.body_id is not None and binding.verifier is not None
        seconds[binding.body_id] = binding.verifier
        chosen = {}
        q = qs[binding.body_id]
        for i, c in enumerate(binding.sample):
            v = verdicts[binding.body_id][c]
            if i % 3 == 0 and v in (YES_LABEL, NO_LABEL) and isinstance(q.question_map[c], YesNoQuestion):
                v = NO_LABEL if v == YES_LABEL else YES_LABEL
            chosen[c] = second[(binding.body_id, c)] = v
        _fill_pack(path, q, chosen)
    out["second"], out["seconds"] = second, seconds
    _ok(_round(folder, "verify-collect", str(tmp / "kedua")))
    out["status"] = json.loads(_ok(_round(folder, "verify-status", "--json")))
    # The pleno keeps the first verifier's verdict on every clash.
    for clash in out["status"]["clashes"]:
        body, code = clash["body_id"], clash["code"]
        _ok(_round(folder, "verify-decide", body, code, verdicts[body][code], "--reason", "Pleno: bukti dukung diperiksa ulang."))
    out["after_pleno"] = json.loads(_ok(_round(folder, "verify-status", "--json")))

    # Preliminary results, then the sanggah window.
    _ok(_round(folder, "recap", "-q"))
    out["preliminary"] = {b: _result(folder, b) for b in BODIES}
    out["packed"] = _ok(_round(folder, "sanggah-pack"))
    accepted, rejected, _ = out["lost_KEM-02"]
    returned = tmp / "kembali"
    returned.mkdir()
    (returned / "KEM-02-sanggah.xlsx").write_bytes((folder / "sanggah" / "KEM-02-sanggah.xlsx").read_bytes())
    _claim(returned / "KEM-02-sanggah.xlsx", {accepted: (CLAIM_ACCEPTED, YES_LABEL, "https://ppid.contoh.example/sk-ppid-2025.pdf"), rejected: (CLAIM_REJECTED, YES_LABEL, "")})
    late = tmp / "terlambat"
    late.mkdir()
    (late / "KEM-03-sanggah.xlsx").write_bytes((folder / "sanggah" / "KEM-03-sanggah.xlsx").read_bytes())
    _claim(late / "KEM-03-sanggah.xlsx", {out["lost_KEM-03"][0]: ("Dokumen sudah diunggah.", YES_LABEL, "")})
    out["filed"] = _ok(_round(folder, "sanggah-collect", str(returned), "--date", "24-11-2025"))
    out["late"] = _round(folder, "sanggah-collect", str(late), "--date", "27-11-2025")
    out["accepted"] = _ok(_round(folder, "sanggah-decide", "KEM-02", accepted, "diterima", "--reason", "SK PPID terbukti terbit sebelum verifikasi.", by="Budi"))
    out["rejected"] = _ok(_round(folder, "sanggah-decide", "KEM-02", rejected, "ditolak", "--reason", "Tautan tidak memuat daftar informasi publik.", by="Budi"))
    _ok(_round(folder, "recap", "-q"))
    out["after_sanggah"] = {b: _result(folder, b) for b in BODIES}

    # Sign-off, then the pleno fixes the results and the annex is written.
    out["signed"] = _ok(_round(folder, "sign-off", "--level", "dijamin-mutu", "--all", "--reason", "Diperiksa tim mutu."))
    _ok(_round(folder, "recap", "-q"))
    out["fixed"] = _ok(_round(folder, "penetapan", "--all", "--sk", SK, "--date", "05-12-2025"))
    _ok(_round(folder, "recap", "-q"))
    out["final"] = {b: _result(folder, b) for b in BODIES}
    annex = folder / "penetapan" / "lampiran-penetapan-010-KEP-KI-NC-XII-2025"
    out["pdf"] = subprocess.run(["pdftotext", "-layout", str(annex.with_suffix(".pdf")), "-"], check=True, capture_output=True, text=True).stdout
    out["xlsx"] = [[c.value for c in row] for row in openpyxl.load_workbook(annex.with_suffix(".xlsx"))["Lampiran"].iter_rows()]
    out["history"] = {b: _ok(_round(folder, "history", b)) for b in BODIES}
    return out


def test_three_verifiers_and_the_reassigned_body(walk: dict[str, Any]) -> None:
    status = walk["after_pleno"]
    assert {v["verifier"] for v in status["verifiers"]} == {"Ani", "Budi", "Citra"}
    assert {b["body_id"]: b["verifier"] for b in status["bodies"]} == ASSIGNED
    assert "Ani → Citra" in walk["history"]["KEM-04"]
    assert all(b["pending"] == [] for b in status["bodies"]), "every item verified once the pleno decided the clashes"


def test_kappa_per_pair_equals_the_confusion_table_of_the_verdicts_typed(walk: dict[str, Any]) -> None:
    qs: dict[str, Questionnaire] = walk["qs"]
    by_pair: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for (body, code), second in walk["second"].items():
        by_pair.setdefault((ASSIGNED[body], walk["seconds"][body]), []).append((_key(qs[body], code, walk["first"][body][code]), _key(qs[body], code, second)))
    pairs = walk["status"]["pairs"]
    assert {(p["first"], p["second"]) for p in pairs} == set(by_pair)
    for pair in pairs:
        items = by_pair[(pair["first"], pair["second"])]
        n = len(items)
        categories = {c for item in items for c in item}
        p_o = Fraction(sum(a == b for a, b in items), n)
        p_e = sum(Fraction(sum(a == c for a, _ in items), n) * Fraction(sum(b == c for _, b in items), n) for c in categories)
        kappa = None if p_e == 1 else (p_o - p_e) / (1 - p_e)
        assert (pair["items"], pair["agreed"]) == (n, sum(a == b for a, b in items))
        assert pair["kappa_exact"] == (None if kappa is None else f"{kappa.numerator}/{kappa.denominator}")
    assert walk["status"]["clashes"], "every third sampled yes/no item was flipped"


def test_two_sanggah_decided_and_one_refused_by_date(walk: dict[str, Any]) -> None:
    code, out, _ = walk["late"]
    assert code == 1
    assert "27 November 2025" in out and "25 November 2025" in out
    q: Questionnaire = walk["qs"]["KEM-02"]
    answers = walk["answers"]["KEM-02"]
    accepted, rejected, _ = walk["lost_KEM-02"]
    before = _verified_saq(q, answers, walk["first"]["KEM-02"])
    after = _verified_saq(q, answers, walk["first"]["KEM-02"] | {accepted: YES_LABEL})
    assert before < after
    objection = walk["after_sanggah"]["KEM-02"].objection
    assert objection is not None
    assert (objection.saq_before, objection.saq_after) == (before, after)
    assert [(c.code, c.decision) for c in objection.items] == [(accepted, "diterima"), (rejected, "ditolak")]
    assert walk["preliminary"]["KEM-02"].outcome.estimate_score == before
    assert walk["after_sanggah"]["KEM-03"].objection is None or not walk["after_sanggah"]["KEM-03"].objection.items


def test_final_only_after_sign_off_and_penetapan_and_the_annex_ranks(walk: dict[str, Any]) -> None:
    for body in BODIES:
        assert walk["after_sanggah"][body].outcome.complete is False
        assert walk["final"][body].outcome.complete is True
    final = {b: walk["final"][b].outcome.final_score for b in BODIES}
    assert final["KEM-02"] == walk["after_sanggah"]["KEM-02"].objection.score_after
    assert COMMISSION.casefold() in walk["pdf"].casefold() and "2025" in walk["pdf"] and SK in walk["pdf"] and "5 Desember 2025" in walk["pdf"]
    assert len(set(re.findall(r"\d{1,2} (?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}", walk["pdf"]))) == 1
    ranks = {row[2]: (row[0], row[1], Decimal(str(row[4]))) for row in walk["xlsx"][1:] if row[2] in BODIES}
    assert ranks == {
        "BUMN-01": ("BUMN", 1, final["BUMN-01"]),
        "KEM-01": ("Kementerian", 1, final["KEM-01"]),
        "KEM-04": ("Kementerian", 1, final["KEM-04"]),
        "KEM-02": ("Kementerian", 3, final["KEM-02"]),
        "KEM-03": ("Kementerian", 3, final["KEM-03"]),
    }
    # Kementerian: KEM-01 and KEM-04 verified as they answered share rank 1; KEM-02 (two items lost after its
    # accepted sanggah) and KEM-03 (two items lost) share rank 3.
    assert final["KEM-01"] == final["KEM-04"] > final["KEM-02"] == final["KEM-03"]



def test_every_number_is_traceable_in_history(walk: dict[str, Any]) -> None:
    history = walk["history"]
    for body, lost in ((b, walk[f"lost_{b}"]) for b in BODIES):
        for code in lost:
            assert f"Verifikator {ASSIGNED[body]} (peran utama) memutuskan {code}: {NO_LABEL}." in history[body], (body, code)
    objection = walk["after_sanggah"]["KEM-02"].objection
    assert objection is not None
    line = next(ln for ln in history["KEM-02"].splitlines() if "diterima oleh Budi" in ln)
    assert f"{format_number(objection.score_before)} → {format_number(objection.score_after)}" in line
    assert "ditolak oleh Budi" in history["KEM-02"]
    assert CLAIM_ACCEPTED in history["KEM-02"] and CLAIM_REJECTED in history["KEM-02"]
    assert "ditolak: diterima 27 November 2025" in history["KEM-03"]
    packed = next(ln for ln in history["KEM-02"].splitlines() if "Paket sanggah" in ln)
    assert f"nilai verifikasi sementara {format_number(objection.saq_before)}" in packed
    for body in BODIES:
        fixed = next(ln for ln in history[body].splitlines() if SK in ln)
        assert format_number(walk["final"][body].outcome.final_score) in fixed, (body, fixed)
        assert f"Hasil disahkan: dijamin mutu, atas nilai {format_number(walk['final'][body].outcome.final_score)}." in history[body]
    assert "20251206" in "".join(history.values()) + walk["sampled"]
