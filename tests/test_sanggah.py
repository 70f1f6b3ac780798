"""The sanggah (objection) round end to end: packs of the items that lost points, claims, decisions, scores.

Three bodies verified by Ani: KEM-01 loses points on three yes/no questions (notes written), KEM-02 is
verified as it answered (no pack), KEM-03 is not verified. KEM-01 objects to two items (one row left
empty); one claim is accepted, one rejected; a copy sent after the deadline and a pack with an edited
locked cell are refused. Scores before and after sanggah are checked by hand from the edition's weights.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_runner import run
from round_helpers import COMMISSION, fill_body, write_roster
from test_verify_round import _as_body, _fill_pack, _others, _yes_no, ev_codes
from workbook_helpers import lo_profile, soffice

from kipmonev.app.round.assign import assign_verifiers
from kipmonev.app.round.init import InitOptions, init_round
from kipmonev.app.round.receive import receive_files
from kipmonev.app.round.verify import collect_packs, current_submissions, write_packs
from kipmonev.app.round.workspace import open_round
from kipmonev.formats import sanggah_texts as st
from kipmonev.model.questionnaire import NO_LABEL, YES_LABEL, Questionnaire, YesNoQuestion
from kipmonev.sources.sanggah_pack import read_sanggah_binding, read_sanggah_rows

pytestmark = pytest.mark.xdist_group("sanggah")  # one worker builds the round the tests follow step by step

ROSTER = [("KEM-01", "Kementerian Satu", "Kementerian"), ("KEM-02", "Kementerian Dua", "Kementerian"), ("KEM-03", "Kementerian Tiga", "Kementerian")]
NOTE = "Dokumen tidak dapat dibuka saat verifikasi."


def _claim(path: Path, claims: dict[str, tuple[str, str, str]]) -> None:
    """Type claims into a sanggah pack as a PPID does: (Tanggapan/Klaim, Jawaban yang Diajukan, Bukti Baru) per code."""
    wb = openpyxl.load_workbook(path)
    ws = wb[st.SHEET_SANGGAH]
    heads = {ws.cell(row=st.HEADER_ROW, column=c).value: c for c in range(1, ws.max_column + 1)}
    for row in range(st.FIRST_ROW, ws.max_row + 1):
        code = str(ws.cell(row=row, column=heads[st.HEAD_CODE]).value)
        if code in claims:
            for head, value in zip(st.BODY_HEADS, claims[code], strict=True):
                ws.cell(row=row, column=heads[head], value=value or None)
    wb.save(path)


@pytest.fixture(scope="module")
def sanggah(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("sanggah")
    folder = tmp / "putaran"
    roster = write_roster(tmp / "daftar.csv", [(*r, "", "") for r in ROSTER])
    init_round(folder, InitOptions(commission=COMMISSION, roster=roster, objection=dt.date(2025, 11, 25)), "Sari")
    inbox = tmp / "masuk"
    inbox.mkdir()
    for body_id, name, category in ROSTER:
        fill_body(inbox / f"{body_id}.xlsx", category, body_id, name)
    plan = tmp / "penugasan.csv"
    plan.write_text("Kategori;ID;Verifikator\nKementerian;;Ani\n", encoding="utf-8")
    out: dict[str, Any] = {"folder": folder, "tmp": tmp}
    with open_round(folder, "Sari") as r:
        receive_files(r, [inbox])
        assign_verifiers(r, plan)
        packs = {p.name.split("-verifikasi")[0]: p for p in write_packs(r).written}
        cur = current_submissions(r)
        q = cur["kem-01"].questionnaire
        out["q"] = q
        for body in ("KEM-01", "KEM-02"):
            answers = cur[body.casefold()].submission.answers
            out[f"verdicts_{body}"] = chosen = _as_body(q, answers, _yes_no(q, answers)) | _others(q, answers, ev_codes(q, answers))
            if body == "KEM-01":
                lost = [c for c in _yes_no(q, answers) if isinstance(q.question_map[c], YesNoQuestion)][:3]
                out["lost"] = lost
                for c in lost:
                    chosen[c] = NO_LABEL
            _fill_pack(packs[body], q, chosen)
        # Ani writes a note on each 'Tidak'.
        wb = openpyxl.load_workbook(packs["KEM-01"])
        from kipmonev.formats import workbook_texts as wtx
        from kipmonev.formats.workbook_layout import COLUMNS, HEADER_ROW, answer_rows

        for i, row in enumerate(answer_rows(q), start=1):
            if row.item is None and row.question is not None and row.question.code in out["lost"]:
                wb[wtx.SHEET_ANSWERS].cell(row=HEADER_ROW + i, column=COLUMNS[wtx.COL_VERIFY_NOTE], value=NOTE)
        wb.save(packs["KEM-01"])
        collected = collect_packs(r, [packs["KEM-01"], packs["KEM-02"]])
        assert all(not o.errors for o in collected)
    return out


def test_pack_holds_only_the_items_that_lost_points(sanggah: dict[str, Any]) -> None:
    folder: Path = sanggah["folder"]
    code, out, err = run("round", "--by", "Sari", "sanggah-pack", str(folder))
    assert code == 0, err
    assert out.splitlines() == [
        f"Paket sanggah ditulis: 1 berkas di {folder / 'sanggah'}. Batas masa sanggah: 25 November 2025.",
        "Tanpa poin yang hilang pada verifikasi, tidak dibuatkan paket (1): KEM-02.",
        "Belum ada hasil verifikasi, tidak dibuatkan paket (1): KEM-03.",
    ]
    pack = folder / "sanggah" / "KEM-01-sanggah.xlsx"
    rows = read_sanggah_rows(pack)
    assert [row.code for row in rows] == sanggah["lost"]
    assert all(row.shown[5] == NO_LABEL and row.shown[6] == NOTE and row.shown[4] != "0" and row.shown[7] == "0" for row in rows)
    assert read_sanggah_binding(pack).deadline == "2025-11-25"


def _pack(sanggah: dict[str, Any]) -> Path:
    pack: Path = sanggah["folder"] / "sanggah" / "KEM-01-sanggah.xlsx"
    if not pack.exists():
        assert run("round", "--by", "Sari", "sanggah-pack", str(sanggah["folder"]))[0] == 0
    return pack


@pytest.fixture(scope="module")
def filed(sanggah: dict[str, Any]) -> dict[str, Any]:
    folder: Path = sanggah["folder"]
    tmp: Path = sanggah["tmp"]
    pack = _pack(sanggah)
    first, second, third = sanggah["lost"]
    returned = tmp / "kembali"
    returned.mkdir()
    filled = returned / "KEM-01-sanggah.xlsx"
    filled.write_bytes(pack.read_bytes())
    _claim(filled, {first: ("SK PPID sudah terbit 2 Januari 2025.", YES_LABEL, "https://ppid.contoh.example/sk-ppid-2025.pdf"), second: ("Daftar informasi publik tersedia di laman.", YES_LABEL, "")})
    late = tmp / "terlambat"
    late.mkdir()
    (late / "KEM-01-sanggah.xlsx").write_bytes(filled.read_bytes())
    edited = tmp / "diubah"
    edited.mkdir()
    (edited / "KEM-01-sanggah.xlsx").write_bytes(filled.read_bytes())
    wb = openpyxl.load_workbook(edited / "KEM-01-sanggah.xlsx")
    ws = wb[st.SHEET_SANGGAH]
    ws.cell(row=st.FIRST_ROW + 2, column=st.LOCKED_HEADS.index(st.HEAD_VERDICT) + 1, value=YES_LABEL)
    wb.save(edited / "KEM-01-sanggah.xlsx")
    out: dict[str, Any] = {"codes": (first, second, third)}
    out["collect"] = run("round", "--by", "Sari", "sanggah-collect", str(folder), str(returned), "--date", "24-11-2025")
    out["late"] = run("round", "--by", "Sari", "sanggah-collect", str(folder), str(late), "--date", "28-11-2025")
    out["edited"] = run("round", "--by", "Sari", "sanggah-collect", str(folder), str(edited), "--date", "24-11-2025")
    out["again"] = run("round", "--by", "Sari", "sanggah-collect", str(folder), str(returned), "--date", "25-11-2025")
    return out


def test_claims_filed_and_empty_rows_ignored(filed: dict[str, Any]) -> None:
    code, out, err = filed["collect"]
    assert code == 0, out + err
    assert out.splitlines() == [
        "KEM-01-sanggah.xlsx [KEM-01]: 2 sanggah dicatat, 0 tidak berubah, 1 baris kosong diabaikan.",
        "Dikumpulkan 1 paket sanggah: 1 diterima, 0 ditolak (0 karena terlambat).",
    ]
    code, out, _ = filed["again"]
    assert code == 0 and out.splitlines()[0] == "KEM-01-sanggah.xlsx [KEM-01]: 0 sanggah dicatat, 2 tidak berubah, 1 baris kosong diabaikan."


def test_late_pack_refused_by_date(filed: dict[str, Any], sanggah: dict[str, Any]) -> None:
    code, out, _ = filed["late"]
    assert code == 1
    path = sanggah["tmp"] / "terlambat" / "KEM-01-sanggah.xlsx"
    assert out.splitlines() == [
        "KEM-01-sanggah.xlsx: ditolak.",
        f"  {path}: Sanggah diterima 28 November 2025, setelah batas masa sanggah 25 November 2025; sanggah yang terlambat tidak diproses. "
        "Beri tahu badan publik bahwa sanggahnya ditolak karena terlambat. Bila Komisi Informasi memperpanjang masa sanggah, ubah tenggat sanggah "
        "di putaran.yaml lalu kumpulkan paket ini lagi.",
        "Dikumpulkan 1 paket sanggah: 0 diterima, 1 ditolak (1 karena terlambat).",
    ]


def test_edited_locked_cell_refused(filed: dict[str, Any], sanggah: dict[str, Any]) -> None:
    code, out, _ = filed["edited"]
    assert code == 1
    third = filed["codes"][2]
    path = sanggah["tmp"] / "diubah" / "KEM-01-sanggah.xlsx"
    assert out.splitlines()[1] == (
        f"  {path}, Sanggah: sel terkunci pada paket berbeda dengan hasil verifikasi untuk 1 baris ({third}). Kolom Kode sampai Poin Verifikasi "
        "tidak boleh diubah; isi hanya Tanggapan/Klaim, Jawaban yang Diajukan dan Bukti Baru pada paket asli."
    )


@pytest.fixture(scope="module")
def decided(filed: dict[str, Any], sanggah: dict[str, Any]) -> dict[str, Any]:
    folder = str(sanggah["folder"])
    first, second, third = filed["codes"]
    return {
        "pending": run("round", "sanggah-status", folder),
        "accepted": run("round", "--by", "Ani", "sanggah-decide", folder, "KEM-01", first, "diterima", "--reason", "SK PPID sah dan dapat dibuka."),
        "rejected": run("round", "--by", "Ani", "sanggah-decide", folder, "KEM-01", second, "ditolak", "--reason", "Laman tidak memuat daftar informasi publik."),
        "unfiled": run("round", "--by", "Ani", "sanggah-decide", folder, "KEM-01", third, "diterima", "--reason", "-"),
        "status": run("round", "sanggah-status", folder, "--json"),
        "history": run("round", "history", folder, "KEM-01", "--json"),
    }


def _points(q: Questionnaire, verdicts: dict[str, str]) -> Decimal:
    """The verified SAQ by hand: each indicator's weight × points earned ÷ points possible, over the weights, rounded half up."""
    total = Fraction(0)
    weights = Fraction(0)
    for ind in q.indicators:
        questions = [qq for qq in q.questions if qq.indicator == ind.code]
        possible = sum(Fraction(qq.max_points) for qq in questions)
        if not possible:
            continue
        lost = sum(Fraction(qq.max_points) for qq in questions if verdicts.get(qq.code) == NO_LABEL)
        total += Fraction(ind.weight) * (possible - lost) / possible
        weights += Fraction(ind.weight)
    exact = total / weights * 100
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fmt(value: Decimal) -> str:
    """Two decimals with a decimal comma, as the hand calculation prints them."""
    return f"{value:.2f}".replace(".", ",")


@pytest.fixture(scope="module")
def hand(sanggah: dict[str, Any], filed: dict[str, Any]) -> tuple[Decimal, Decimal]:
    """The verified SAQ before sanggah (three items 'Tidak') and after the first claim is accepted, by hand."""
    verdicts = dict.fromkeys(filed["codes"], NO_LABEL)
    return _points(sanggah["q"], verdicts), _points(sanggah["q"], verdicts | {filed["codes"][0]: YES_LABEL})


def test_decisions_change_the_after_score_only_when_accepted(decided: dict[str, Any], filed: dict[str, Any], sanggah: dict[str, Any], hand: tuple[Decimal, Decimal]) -> None:
    q: Questionnaire = sanggah["q"]
    first, second, third = filed["codes"]
    before, after = hand
    assert before < after < Decimal(100)
    points = {c: fmt(Decimal(q.question_map[c].max_points)) for c in (first, second)}
    code, out, err = decided["accepted"]
    assert code == 0, err
    assert out.strip() == f"Sanggah KEM-01 {first} diterima: Tidak → Ya; poin 0,00 → {points[first]}; nilai SAQ verifikasi {fmt(before)} → {fmt(after)}."
    code, out, err = decided["rejected"]
    assert code == 0, err
    assert out.strip() == f"Sanggah KEM-01 {second} ditolak: Tidak → Tidak; poin 0,00 → 0,00; nilai SAQ verifikasi {fmt(after)} → {fmt(after)}."
    code, _, err = decided["unfiled"]
    assert code == 1
    assert f"tidak ada sanggah atas {third} dari KEM-01 pada versi berlaku. Putusan hanya untuk sanggah yang diajukan; sanggah yang ada: '{first}' dan '{second}'." in err


def test_status_lists_filed_decided_pending_and_late(decided: dict[str, Any], filed: dict[str, Any]) -> None:
    first, second, _ = filed["codes"]
    code, out, _ = decided["pending"]
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Batas masa sanggah: 25 November 2025."
    assert lines[2].split() == ["ID", "BADAN", "PUBLIK", "PAKET", "DIAJUKAN", "DIPUTUS", "MENUNGGU", "TERLAMBAT"]
    assert lines[4].split() == ["KEM-01", "Kementerian", "Satu", "ya", "2", "0", "2", "1"]
    assert "Sanggah menunggu putusan (2):" in lines
    assert f"- KEM-01 {first}: 'SK PPID sudah terbit 2 Januari 2025.' (diajukan Ya, diterima 24 November 2025)" in lines
    assert "- KEM-01 KEM-01-sanggah.xlsx: diterima 28 November 2025, batas 25 November 2025" in lines
    state = json.loads(decided["status"][1])
    body = state["bodies"][0]
    assert [(c["code"], c["decision"], c["decided_by"]) for c in body["claims"]] == [(first, "diterima", "Ani"), (second, "ditolak", "Ani")]


def test_history_has_a_line_for_every_sanggah_event(decided: dict[str, Any], filed: dict[str, Any], sanggah: dict[str, Any], hand: tuple[Decimal, Decimal]) -> None:
    first, second, third = filed["codes"]
    before, after = hand
    rows = [r for r in json.loads(decided["history"][1])["rows"] if r["kind"].startswith("sanggah.")]
    assert [(r["kind"], r["actor"]) for r in rows] == [("sanggah.packed", "Sari"), ("sanggah.filed", "Sari"), ("sanggah.filed", "Sari"), ("sanggah.refused_late", "Sari"), ("sanggah.decided", "Ani"), ("sanggah.decided", "Ani")]
    assert rows[0]["what"] == f"Paket sanggah KEM-01-sanggah.xlsx ditulis: 3 pertanyaan ({first}, {second}, {third}), nilai verifikasi sementara {fmt(before)}, batas sanggah 25 November 2025."
    assert rows[1]["what"] == (
        f"Sanggah atas {first} diajukan (diterima 24 November 2025): 'SK PPID sudah terbit 2 Januari 2025.'; jawaban yang diajukan Ya; "
        "bukti baru https://ppid.contoh.example/sk-ppid-2025.pdf."
    )
    assert (rows[1]["old"], rows[1]["new"], rows[1]["reason"]) == ("Tidak", "Ya", "paket sanggah KEM-01-sanggah.xlsx")
    assert rows[2]["what"].endswith("jawaban yang diajukan Ya; bukti baru tidak ada.")
    assert rows[3]["what"] == "Paket sanggah KEM-01-sanggah.xlsx ditolak: diterima 28 November 2025, setelah batas masa sanggah 25 November 2025."
    points = fmt(Decimal(sanggah["q"].question_map[first].max_points))
    assert rows[4]["what"] == f"Sanggah atas {first} diterima oleh Ani: Tidak → Ya, poin verifikasi 0,00 → {points}, nilai SAQ verifikasi {fmt(before)} → {fmt(after)}."
    assert (rows[4]["old"], rows[4]["new"], rows[4]["reason"]) == ("Tidak", "Ya", "SK PPID sah dan dapat dibuka.")
    assert rows[5]["what"] == f"Sanggah atas {second} ditolak oleh Ani: Tidak → Tidak, poin verifikasi 0,00 → 0,00, nilai SAQ verifikasi {fmt(after)} → {fmt(after)}."


@pytest.fixture(scope="module")
def recap(decided: dict[str, Any], sanggah: dict[str, Any]) -> dict[str, Any]:
    folder: Path = sanggah["folder"]
    code, out, err = run("round", "--by", "Sari", "recap", str(folder), "--date", "30-11-2025", "--report", "html,pdf,xlsx")
    assert code == 0, out + err
    results = {json.loads(p.read_text(encoding="utf-8"))["body"]["id"]: json.loads(p.read_text(encoding="utf-8")) for p in (folder / "rekap" / "hasil").glob("*.json")}
    return {"results": results, "out": out}


def test_result_keeps_the_score_before_and_after(recap: dict[str, Any], sanggah: dict[str, Any], filed: dict[str, Any], hand: tuple[Decimal, Decimal]) -> None:
    before, after = hand
    first, second, _ = filed["codes"]
    result = recap["results"]["KEM-01"]
    objection = result["objection"]
    assert (Decimal(str(objection["saq_before"])), Decimal(str(objection["saq_after"]))) == (before, after)
    assert Decimal(str(result["saq_verified"]["score"])) == after
    assert Decimal(str(result["outcome"]["estimate_score"])) == Decimal(str(objection["score_after"]))
    items = [(i["code"], i["decision"], i["verdict_before"], i["verdict_after"], i["decided_by"]) for i in objection["items"]]
    assert items == [(first, "diterima", "Tidak", "Ya", "Ani"), (second, "ditolak", "Tidak", "Tidak", "Ani")]
    assert objection["items"][0]["points_before"] == 0 and objection["items"][0]["points_after"] == float(sanggah["q"].question_map[first].max_points)
    assert recap["results"]["KEM-02"]["objection"] is None


def _report(folder: Path, suffix: str) -> Path:
    found = [p for p in (folder / "rekap").rglob(f"*{suffix}") if "KEM-01" in p.name or "Satu" in p.name]
    assert len(found) == 1, sorted(str(p) for p in (folder / "rekap").rglob(f"*{suffix}"))
    return found[0]


def test_body_report_shows_both_scores_with_each_decision(recap: dict[str, Any], sanggah: dict[str, Any], filed: dict[str, Any], hand: tuple[Decimal, Decimal]) -> None:
    folder: Path = sanggah["folder"]
    before, after = hand
    first, second, _ = filed["codes"]
    html = _report(folder, ".html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Hasil Sanggah" in text
    assert f"Nilai SAQ verifikasi {fmt(before)} {fmt(after)}" in text
    assert "2 sanggah: 1 diterima, 1 ditolak, 0 belum diputus." in text
    assert f"{first} SK PPID sudah terbit 2 Januari 2025. Jawaban yang diajukan: Ya. Bukti baru: https://ppid.contoh.example/sk-ppid-2025.pdf. Diterima 24 November 2025." in text
    assert "Diterima : SK PPID sah dan dapat dibuka. (Ani, " in text and "Tidak → Ya" in text
    assert f"{second} Daftar informasi publik tersedia di laman." in text and "Ditolak : Laman tidak memuat daftar informasi publik." in text
    pdf = _report(folder, ".pdf")
    shown = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Hasil Sanggah" in shown and fmt(before) in shown and fmt(after) in shown
    assert "SK PPID sah dan dapat dibuka." in shown and "Laman tidak memuat daftar informasi publik." in shown
    ws = openpyxl.load_workbook(_report(folder, ".xlsx"))["Sanggah"]
    assert [ws.cell(row=4, column=c).value for c in (1, 2, 3)] == ["Nilai SAQ verifikasi", float(before), float(after)]
    assert [ws.cell(row=8, column=c).value for c in (1, 6, 9, 10)] == [first, "Diterima", "Tidak", "Ya"]
    assert [ws.cell(row=9, column=c).value for c in (1, 6, 9, 10)] == [second, "Ditolak", "Tidak", "Tidak"]


def test_pack_locks_every_shown_cell_and_offers_the_choices(sanggah: dict[str, Any]) -> None:
    wb = openpyxl.load_workbook(_pack(sanggah))
    ws = wb[st.SHEET_SANGGAH]
    assert ws.protection.sheet and wb["Metadata"].sheet_state == "veryHidden"
    assert ws.cell(row=st.WINDOW_ROW, column=1).value == "Masa sanggah berakhir 25 November 2025. Sanggah yang diterima setelah tanggal itu tidak diproses."
    width = len(st.LOCKED_HEADS) + len(st.BODY_HEADS)
    for row in range(st.FIRST_ROW, ws.max_row + 1):
        assert [ws.cell(row=row, column=c).protection.locked for c in range(1, width + 1)] == [True] * len(st.LOCKED_HEADS) + [False] * len(st.BODY_HEADS)
    claimed = f"{chr(ord('A') + len(st.LOCKED_HEADS) + 1)}{st.FIRST_ROW}"
    lists = [dv for dv in ws.data_validations.dataValidation if claimed in str(dv.sqref)]
    assert len(lists) == 1 and lists[0].type == "list"
    ref = str(lists[0].formula1).split("!")[1].replace("$", "").split(":")
    shown = [wb["Pilihan"][c].value for c in ref]
    assert shown == [YES_LABEL, NO_LABEL]


def test_pack_saved_by_libreoffice_reads_back_the_same(sanggah: dict[str, Any], filed: dict[str, Any], tmp_path: Path) -> None:
    binary = soffice()
    assert binary is not None
    pack = sanggah["tmp"] / "kembali" / "KEM-01-sanggah.xlsx"
    subprocess.run([binary, "--headless", "--norestore", f"-env:UserInstallation={lo_profile()}", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(pack)], check=True, capture_output=True, timeout=180)
    saved = tmp_path / pack.name
    assert read_sanggah_binding(saved) == read_sanggah_binding(pack)
    assert [(r.code, r.shown, r.claim, r.claimed, r.evidence) for r in read_sanggah_rows(saved)] == [(r.code, r.shown, r.claim, r.claimed, r.evidence) for r in read_sanggah_rows(pack)]
    code, out, _ = run("round", "--by", "Sari", "sanggah-collect", str(sanggah["folder"]), str(saved), "--date", "25-11-2025")
    assert code == 0 and out.splitlines()[0] == "KEM-01-sanggah.xlsx [KEM-01]: 0 sanggah dicatat, 2 tidak berubah, 1 baris kosong diabaikan."
