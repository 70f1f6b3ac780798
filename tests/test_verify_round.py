"""Verification in a round end to end: a team, packs out and in, a reassigned body, a second opinion with kappa.

Three verifiers; KEM-04 is reassigned from Ani to Citra; a pack for an old version and a pack with an edited
body answer are refused; the second-opinion sample's kappa is checked against a hand calculation from the
confusion table; the recap scores with the log's verdicts; every verdict is in ``round history``.
"""

from __future__ import annotations

import subprocess
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_runner import run
from round_helpers import COMMISSION, fill_body, write_roster
from workbook_helpers import lo_profile, soffice

from kipmonev.app.round.assign import assign_verifiers
from kipmonev.app.round.history import round_history
from kipmonev.app.round.init import InitOptions, init_round
from kipmonev.app.round.recap import round_recap
from kipmonev.app.round.receive import receive_files
from kipmonev.app.round.verify import (
    SecondOpinion,
    collect_packs,
    current_submissions,
    decide_clash,
    draw_second_opinion,
    verification_status,
    write_packs,
)
from kipmonev.app.round.workspace import open_round
from kipmonev.core.errors import KipmonevError
from kipmonev.engine.scoring import score
from kipmonev.engine.verification import verdict_key, verdict_text
from kipmonev.formats import workbook_texts as wtx
from kipmonev.formats.workbook_layout import COLUMNS, HEADER_ROW, answer_rows
from kipmonev.model.questionnaire import NO_LABEL, YES_LABEL, ChecklistQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.submission import Answer
from kipmonev.sources.verify_pack import read_binding, read_pack

ROSTER = [
    ("KEM-01", "Kementerian Satu", "Kementerian"),
    ("KEM-02", "Kementerian Dua", "Kementerian"),
    ("KEM-03", "Kementerian Tiga", "Kementerian"),
    ("KEM-04", "Kementerian Empat", "Kementerian"),
]


def _fill_pack(path: Path, q: Questionnaire, verdicts: dict[str, str]) -> None:
    """Type verdicts into a pack's Jawaban Verifikasi column, as a verifier does in a spreadsheet ('Ya'/'Tidak')."""
    wb = openpyxl.load_workbook(path)
    ws = wb[wtx.SHEET_ANSWERS]
    column = COLUMNS[wtx.COL_VERIFY]
    for i, row in enumerate(answer_rows(q), start=1):
        if row.question is None or row.question.code not in verdicts:
            continue
        value = verdicts[row.question.code]
        if isinstance(row.question, ChecklistQuestion):
            if row.item is not None:
                ws.cell(row=HEADER_ROW + i, column=column, value=value)
        elif row.item is None:
            ws.cell(row=HEADER_ROW + i, column=column, value=value)
    wb.save(path)


def _yes_no(q: Questionnaire, answers: dict[str, Answer]) -> list[str]:
    """The answered yes/no and checklist questions: verdicts 'Ya'/'Tidak' fit them all."""
    return [qq.code for qq in q.questions if isinstance(qq, YesNoQuestion | ChecklistQuestion) and qq.code in answers and not answers[qq.code].is_blank and not qq.verifier_scale]


def _as_body(q: Questionnaire, answers: dict[str, Answer], codes: list[str]) -> dict[str, str]:
    """Verdicts equal to the body's answers (all items 'Ya' for a checklist the body met)."""
    return {c: YES_LABEL if isinstance(q.question_map[c], ChecklistQuestion) else str(answers[c].value) for c in codes}


@pytest.fixture(scope="module")
def verified(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("verify")
    folder = tmp / "putaran"
    roster = write_roster(tmp / "daftar.csv", [(*r, "", "") for r in ROSTER])
    init_round(folder, InitOptions(commission=COMMISSION, roster=roster), "Sari")
    inbox = tmp / "masuk"
    inbox.mkdir()
    fill_body(inbox / "KEM-01.xlsx", "Kementerian", "KEM-01", "Kementerian Satu", no_evidence=1)
    fill_body(inbox / "KEM-02.xlsx", "Kementerian", "KEM-02", "Kementerian Dua")
    fill_body(inbox / "KEM-03.xlsx", "Kementerian", "KEM-03", "Kementerian Tiga", missing=1)
    fill_body(inbox / "KEM-04.xlsx", "Kementerian", "KEM-04", "Kementerian Empat")
    plan = tmp / "penugasan.csv"
    plan.write_text("Kategori;ID;Verifikator\nKementerian;;Ani\n;KEM-02;Budi\n;KEM-03;Citra\n", encoding="utf-8")
    out: dict[str, Any] = {"folder": folder, "tmp": tmp}
    with open_round(folder, "Sari") as r:
        receive_files(r, [inbox])
        initial = assign_verifiers(r, plan)
        plan.write_text("Kategori;ID;Verifikator\nKementerian;;Ani\n;KEM-02;Budi\n;KEM-03;Citra\n;KEM-04;Citra\n", encoding="utf-8")
        moved = assign_verifiers(r, plan)
        out["assigned"] = (initial.changed, moved.changed)
        packs = write_packs(r)
        out["packs"] = sorted(p.relative_to(packs.folder).as_posix() for p in packs.written)
        cur = current_submissions(r)
        q = cur["kem-01"].questionnaire
        out["q"] = q
        by_body = {p.name.split("-verifikasi")[0]: p for p in packs.written}
        # KEM-01 (Ani): copies the body's column everywhere, 'Ya' included where the body gave no evidence.
        a1 = cur["kem-01"].submission.answers
        verdicts: dict[str, dict[str, str]] = {"KEM-01": _as_body(q, a1, _yes_no(q, a1)) | _others(q, a1, ev_codes(q, a1))}
        _fill_pack(by_body["KEM-01"], q, verdicts["KEM-01"])
        # KEM-02 (Budi) and KEM-03, KEM-04 (Citra): the first three yes/no answers judged 'Tidak'.
        for body in ("KEM-02", "KEM-03", "KEM-04"):
            answers = cur[body.casefold()].submission.answers
            codes = _yes_no(q, answers)
            chosen = _as_body(q, answers, codes) | _others(q, answers, ev_codes(q, answers))
            for c in [c for c in codes if isinstance(q.question_map[c], YesNoQuestion)][:3]:
                chosen[c] = NO_LABEL
            verdicts[body] = chosen
            _fill_pack(by_body[body], q, chosen)
        out["first_verdicts"] = verdicts
        # A pack with an edited body answer is refused.
        edited = tmp / "KEM-03-diubah.xlsx"
        edited.write_bytes(by_body["KEM-03"].read_bytes())
        wb = openpyxl.load_workbook(edited)
        code = _yes_no(q, cur["kem-03"].submission.answers)[0]
        row = next(HEADER_ROW + i for i, rw in enumerate(answer_rows(q), start=1) if rw.code == code)
        wb[wtx.SHEET_ANSWERS].cell(row=row, column=COLUMNS[wtx.COL_ANSWER], value=NO_LABEL)
        wb.save(edited)
        out["edited_code"] = code
        out["collected"] = collect_packs(r, [by_body[b] for b in ("KEM-01", "KEM-03", "KEM-04")] + [edited])
    # KEM-02 sends a new version after its pack was written: Budi's pack is for the old one.
    newer = tmp / "masuk2"
    newer.mkdir()
    fill_body(newer / "KEM-02 revisi.xlsx", "Kementerian", "KEM-02", "Kementerian Dua", missing=2)
    with open_round(folder, "Sari") as r:
        receive_files(r, [newer])
        out["stale"] = collect_packs(r, [by_body["KEM-02"]])
        fresh = write_packs(r, verifier="Budi")
        answers = current_submissions(r)["kem-02"].submission.answers
        chosen = _as_body(q, answers, _yes_no(q, answers)) | _others(q, answers, ev_codes(q, answers))
        verdicts["KEM-02"] = chosen
        _fill_pack(fresh.written[0], q, chosen)
        out["fresh"] = collect_packs(r, fresh.written)
        out["before_sample"] = verification_status(r)
        drawn = draw_second_opinion(r, Decimal(25), 20251206)
        out["drawn"] = drawn
        seconds = write_packs(r, second=True)
        out["second_packs"] = sorted(p.relative_to(seconds.folder).as_posix() for p in seconds.written)
        # The second verifier disagrees on every third sampled item, and agrees elsewhere.
        second_verdicts: dict[tuple[str, str], str] = {}
        for path in seconds.written:
            binding = read_binding(path)
            assert binding.body_id is not None
            given = verdicts[binding.body_id]
            chosen = {}
            for i, c in enumerate(binding.sample):
                v = given[c]
                if i % 3 == 0 and v in (YES_LABEL, NO_LABEL) and isinstance(q.question_map[c], YesNoQuestion):
                    v = NO_LABEL if v == YES_LABEL else YES_LABEL
                chosen[c] = v
                second_verdicts[(binding.body_id, c)] = v
            _fill_pack(path, q, chosen)
        out["second_verdicts"] = second_verdicts
        out["second_collected"] = collect_packs(r, seconds.written)
        out["state"] = verification_status(r)
    return out


def ev_codes(q: Questionnaire, answers: dict[str, Answer]) -> list[str]:
    return [qq.code for qq in q.questions if qq.code in answers and not answers[qq.code].is_blank]


def _others(q: Questionnaire, answers: dict[str, Answer], codes: list[str]) -> dict[str, str]:
    """Verdicts for the questions that are not yes/no or checklists: the body's own answer, or the top level."""
    out = {}
    for c in codes:
        qq = q.question_map[c]
        if isinstance(qq, YesNoQuestion | ChecklistQuestion) and not qq.verifier_scale:
            continue
        out[c] = qq.verifier_labels[-1] if qq.verifier_scale else verdict_text(answers[c])
    return out


def _key(q: Questionnaire, code: str, typed: str) -> str:
    """A typed verdict as the pack reads it: a checklist's 'Ya' on every item credits all its items."""
    question = q.question_map[code]
    if isinstance(question, ChecklistQuestion):
        return verdict_key(Answer(value=tuple(i.code for i in question.items) if typed == YES_LABEL else ()))
    return verdict_key(Answer(value=typed))


def test_team_and_reassignment(verified: dict[str, Any]) -> None:
    first, second = verified["assigned"]
    assert first == [("KEM-01", None, "Ani"), ("KEM-02", None, "Budi"), ("KEM-03", None, "Citra"), ("KEM-04", None, "Ani")]
    assert second == [("KEM-04", "Ani", "Citra")]
    assert verified["packs"] == ["Ani/KEM-01-verifikasi.xlsx", "Budi/KEM-02-verifikasi.xlsx", "Citra/KEM-03-verifikasi.xlsx", "Citra/KEM-04-verifikasi.xlsx"]


def test_refused_packs_say_why(verified: dict[str, Any]) -> None:
    collected = verified["collected"]
    edited = collected[-1]
    assert [p.code for p in edited.errors] == ["KM-V-013"]
    assert edited.errors[0].message.startswith(f"jawaban badan publik pada paket berbeda dengan isian yang diterima untuk 1 pertanyaan ({verified['edited_code']}).")
    stale = verified["stale"][0]
    assert [p.code for p in stale.errors] == ["KM-V-012"]
    assert stale.errors[0].message.startswith("paket ini dibuat untuk isian KEM-02.xlsx (")
    assert "versi berlaku KEM-02 sekarang KEM-02 revisi.xlsx (" in stale.errors[0].message
    assert verified["fresh"][0].errors == ()


def test_copied_column_and_credit_without_evidence_warned(verified: dict[str, Any]) -> None:
    ani = verified["collected"][0]
    codes = [p.code for p in ani.warnings]
    assert "KM-V-021" in codes and codes.count("KM-V-020") == 1
    missing = next(p for p in ani.warnings if p.code == "KM-V-020")
    assert missing.location.sheet == wtx.SHEET_ANSWERS and missing.location.cell is not None
    assert missing.message.endswith("', padahal data dukung badan publik kosong. Periksa kembali bukti sebelum pleno.")
    citra = verified["collected"][1]
    assert "KM-V-021" not in [p.code for p in citra.warnings]


def test_progress_per_verifier_and_pending(verified: dict[str, Any]) -> None:
    before = verified["before_sample"]
    loads = {v.verifier: (v.bodies, v.bodies_done, v.items, v.items_done) for v in before.verifiers}
    assert loads["Ani"][:2] == (1, 1) and loads["Budi"][:2] == (1, 1) and loads["Citra"][:2] == (2, 2)
    assert all(b.pending == () for b in before.bodies)


def test_second_opinion_kappa_by_hand(verified: dict[str, Any]) -> None:
    drawn = verified["drawn"]
    assert (drawn.seed == 20251206 and drawn.items == -(-drawn.total * 25 // 100)) or drawn.items == round(drawn.total / 4)
    state = verified["state"]
    q: Questionnaire = verified["q"]
    first_verdicts: dict[str, dict[str, str]] = verified["first_verdicts"]
    second_verdicts: dict[tuple[str, str], str] = verified["second_verdicts"]
    assignment = {"KEM-01": "Ani", "KEM-02": "Budi", "KEM-03": "Citra", "KEM-04": "Citra"}
    seconds = {b.body_id: b.second_verifier for b in state.bodies}
    by_pair: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for (body, code), second in second_verdicts.items():
        first = first_verdicts[body][code]
        by_pair.setdefault((assignment[body], seconds[body]), []).append((_key(q, code, first), _key(q, code, second)))
    assert by_pair
    for pair in state.pairs:
        items = by_pair[(pair.first, pair.second)]
        n = len(items)
        cats = {c for p in items for c in p}
        p_o = Fraction(sum(a == b for a, b in items), n)
        p_e = sum(Fraction(sum(a == c for a, _ in items), n) * Fraction(sum(b == c for _, b in items), n) for c in cats)
        assert (pair.items, pair.agreed) == (n, sum(a == b for a, b in items))
        assert pair.percent_exact == f"{p_o.numerator}/{p_o.denominator}"
        expected = None if p_e == 1 else (p_o - p_e) / (1 - p_e)
        assert pair.kappa_exact == (None if expected is None else f"{expected.numerator}/{expected.denominator}")
    assert {(p.first, p.second) for p in state.pairs} == set(by_pair)


def test_clashes_stay_unverified_until_the_pleno(verified: dict[str, Any]) -> None:
    state = verified["state"]
    clashes = state.clashes
    assert clashes, "every third sampled yes/no item was flipped"
    for c in clashes:
        body = next(b for b in state.bodies if b.body_id == c.body_id)
        assert c.code not in body.decided and any(p.code == c.code and p.clash for p in body.pending)
    folder: Path = verified["folder"]
    clash = clashes[0]
    with open_round(folder, "Ketua Pleno") as r:
        with pytest.raises(KipmonevError) as error:
            decide_clash(r, clash.body_id, clash.code, "Mungkin", "rapat pleno")
        assert error.value.problems[0].code == "KM-V-051"
        chosen = decide_clash(r, clash.body_id, clash.code, clash.second.text, "bukti tidak dapat dibuka saat pleno")
        after = verification_status(r)
        history = round_history(r, clash.body_id)
    assert chosen.verifier == clash.second.verifier
    body = next(b for b in after.bodies if b.body_id == clash.body_id)
    assert body.decided[clash.code].value == clash.second.answer.value and not any(p.code == clash.code for p in body.pending)
    last = history.rows[-1]
    assert (last.actor, last.kind, last.what, last.old, last.new, last.reason) == (
        "Ketua Pleno", "verification.resolved", f"Pleno memutuskan {clash.code}: {clash.second.text}.", clash.first.text, clash.second.text, "bukti tidak dapat dibuka saat pleno",
    )


def test_every_verdict_traceable_in_history(verified: dict[str, Any]) -> None:
    folder: Path = verified["folder"]
    with open_round(folder, "Sari") as r:
        history = round_history(r, "KEM-04")
    kinds = [row.kind for row in history.rows]
    assigned = [(row.old, row.new, row.reason) for row in history.rows if row.kind == "verification.assigned"]
    assert assigned == [(None, "Ani", "penugasan awal dari penugasan.csv"), ("Ani", "Citra", "dialihkan dari Ani (penugasan.csv)")]
    recorded = [row for row in history.rows if row.kind == "verification.recorded"]
    first_verdicts: dict[str, dict[str, str]] = verified["first_verdicts"]
    firsts = [row for row in recorded if "(peran utama)" in row.what]
    assert len(firsts) == len(first_verdicts["KEM-04"])
    assert all(row.what.startswith("Verifikator Citra (peran utama) memutuskan ") and row.reason == "paket verifikasi KEM-04-verifikasi.xlsx" for row in firsts)
    drawn: SecondOpinion = verified["drawn"]
    sampled_for = {body: (second, codes) for body, second, codes in drawn.bodies}
    assert "KEM-04" in sampled_for, "seed 20251206 samples every body of this round"
    sampled = [row for row in history.rows if row.kind == "second_opinion.sampled"]
    assert [(row.new, row.reason) for row in sampled] == [(sampled_for["KEM-04"][0], "sampel 25% dengan benih 20251206")]
    seconds = [row for row in recorded if "(peran kedua)" in row.what]
    assert len(seconds) == len(sampled_for["KEM-04"][1])
    assert kinds.index("second_opinion.sampled") < min(kinds.index("verification.recorded", i) for i, k in enumerate(kinds) if k == "verification.recorded" and "(peran kedua)" in history.rows[i].what)


def test_recap_scores_with_the_log(verified: dict[str, Any]) -> None:
    folder: Path = verified["folder"]
    import datetime as dt

    with open_round(folder, "Sari") as r:
        result = round_recap(r, dt.date(2025, 11, 23))
    rows = {row.body_id: row for row in result.recap.rows}
    # Budi's second version was copied as given; Citra judged three answers 'Tidak'.
    assert rows["KEM-03"].saq_verified is not None and rows["KEM-03"].saq_verified < rows["KEM-03"].saq_self
    # KEM-02 counts its second version (the stale pack was refused): the recap's self score is that version's.
    with open_round(folder, "Sari") as r:
        kem02 = current_submissions(r)["kem-02"]
    assert kem02.record.name == "KEM-02 revisi.xlsx"
    assert rows["KEM-02"].saq_self == score(kem02.questionnaire, kem02.submission).saq_self.score
    assert rows["KEM-02"].saq_verified is not None


def test_pack_saved_by_libreoffice_reads_back_the_same(verified: dict[str, Any], tmp_path: Path) -> None:
    binary = soffice()
    assert binary is not None
    folder: Path = verified["folder"]
    q: Questionnaire = verified["q"]
    pack = folder / "verifikasi" / "Citra" / "KEM-03-verifikasi.xlsx"
    subprocess.run([binary, "--headless", "--norestore", f"-env:UserInstallation={lo_profile()}", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(pack)], check=True, capture_output=True, timeout=180)
    saved = tmp_path / pack.name
    assert read_binding(saved) == read_binding(pack)
    ours, theirs = read_pack(pack, q).submission, read_pack(saved, q).submission
    assert (theirs.answers, theirs.verification) == (ours.answers, ours.verification)


def test_pack_locks_body_columns(verified: dict[str, Any]) -> None:
    folder: Path = verified["folder"]
    q: Questionnaire = verified["q"]
    ws = openpyxl.load_workbook(folder / "verifikasi" / "Ani" / "KEM-01-verifikasi.xlsx")[wtx.SHEET_ANSWERS]
    assert ws.protection.sheet
    row = next(HEADER_ROW + i for i, rw in enumerate(answer_rows(q), start=1) if rw.question is not None and rw.item is None and isinstance(rw.question, YesNoQuestion))
    assert ws.cell(row=row, column=COLUMNS[wtx.COL_ANSWER]).protection.locked
    assert ws.cell(row=row, column=COLUMNS[wtx.COL_EVIDENCE]).protection.locked
    assert not ws.cell(row=row, column=COLUMNS[wtx.COL_VERIFY]).protection.locked
    assert str(ws.cell(row=3, column=1).value).startswith("Paket verifikasi KEM-01 Kementerian Satu untuk verifikator Ani")


def test_cli(verified: dict[str, Any]) -> None:
    folder: Path = verified["folder"]
    code, out, err = run("round", "verify-status", str(folder))
    assert code == 0, err
    assert out.splitlines()[0].split() == ["VERIFIKATOR", "BADAN", "PUBLIK", "SELESAI", "PERTANYAAN", "DIPUTUSKAN"]
    assert "Kesepakatan pendapat kedua:" in out
    tmp: Path = verified["tmp"]
    code, out, err = run("round", "verify-collect", str(folder), str(tmp / "KEM-03-diubah.xlsx"))
    assert code == 1
    assert "KEM-03-diubah.xlsx: ditolak." in out and "KM-V-013" not in out
