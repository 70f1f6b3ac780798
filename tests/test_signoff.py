"""Sign-off, penetapan, corrections and input hashes in a round, through the real CLI (rules F1-F6 of engine/signoff.py).

One round, SAQ-only rules (so a result can be complete), four Kementerian and one BUMN: KEM-01 and KEM-02 get
the same verdicts (a tie), KEM-03 three 'Tidak' (lower), KEM-04 is sent but never verified. The walk: recap
(not final, 'Belum dijamin mutu.'), refusals, sign-off dijamin mutu, recap ('Belum ditetapkan dalam pleno.'),
penetapan with the annex (PDF and XLSX), recap (final), a correction with its SK, the annex again, history,
and an edited stored copy detected.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_runner import run
from round_helpers import COMMISSION, fill_body, write_roster
from test_verify_round import _as_body, _fill_pack, _others, _yes_no, ev_codes

from kipmonev.app.round.assign import assign_verifiers
from kipmonev.app.round.init import InitOptions, init_round
from kipmonev.app.round.receive import receive_files
from kipmonev.app.round.verify import collect_packs, current_submissions, write_packs
from kipmonev.app.round.workspace import open_round
from kipmonev.model.questionnaire import NO_LABEL, YesNoQuestion
from kipmonev.model.result import Assessment, InputRole
from kipmonev.outputs.report.view import build_body_report

#: One worker builds the round once for every test of this module.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("signoff")]

SK = "001/KEP/KI-NC/XII/2025"
SK_FIX = "002/KEP/KI-NC/I/2026"
ROSTER = [
    ("KEM-01", "Kementerian Satu", "Kementerian"),
    ("KEM-02", "Kementerian Dua", "Kementerian"),
    ("KEM-03", "Kementerian Tiga", "Kementerian"),
    ("KEM-04", "Kementerian Empat", "Kementerian"),
    ("BUMN-01", "PT Rekaan Satu (Persero)", "BUMN"),
]
SIGNED = ["KEM-01", "KEM-02", "KEM-03", "BUMN-01"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sha256sum(path: Path) -> str:
    return subprocess.run(["sha256sum", str(path)], check=True, capture_output=True, text=True).stdout.split()[0]


def saq_only_rules(path: Path) -> Path:
    """A rule set with the SAQ as its only stage (a preset of the shipped DIY rules), so a round's result can be complete."""
    text = (Path(__file__).parents[1] / "questionnaires" / "aturan" / "kid-diy-2025.yaml").read_text(encoding="utf-8")
    stages = "      bobot: 50\n    - kode: kualitas_layanan\n      nama: Kualitas Layanan\n      bobot: 50\n"
    assert stages in text
    path.write_text(text.replace("id: kid-diy-2025", "id: uji-hanya-saq").replace(stages, "      bobot: 100\n"), encoding="utf-8")
    return path


def _result(folder: Path, body: str) -> Assessment:
    return Assessment.from_json((folder / "rekap" / "hasil" / f"{body}.json").read_bytes())


def _round(folder: Path, *args: str) -> tuple[int, str, str]:
    return run("round", "--by", "Sari", *args[:1], str(folder), *args[1:])


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("signoff")
    folder = tmp / "putaran"
    rules = saq_only_rules(tmp / "hanya-saq.yaml")
    roster = write_roster(tmp / "daftar.csv", [(*r, "", "") for r in ROSTER])
    init_round(folder, InitOptions(commission=COMMISSION, roster=roster, rule_set=str(rules)), "Sari")
    inbox = tmp / "masuk"
    inbox.mkdir()
    for body, name, category in ROSTER:
        fill_body(inbox / f"{body}.xlsx", category, body, name, rule_set=str(rules))
    plan = tmp / "penugasan.csv"
    plan.write_text("Kategori;ID;Verifikator\nKementerian;;Ani\nBUMN;;Budi\n", encoding="utf-8")
    out: dict[str, Any] = {"folder": folder, "inbox": inbox, "rules": rules}
    with open_round(folder, "Sari") as r:
        receive_files(r, [inbox])
        assign_verifiers(r, plan)
        packs = {p.name.split("-verifikasi")[0]: p for p in write_packs(r).written}
        cur = current_submissions(r)
        for body in SIGNED:
            c = cur[body.casefold()]
            q, answers = c.questionnaire, c.submission.answers
            chosen = _as_body(q, answers, _yes_no(q, answers)) | _others(q, answers, ev_codes(q, answers))
            if body == "KEM-03":
                for code in [code for code in _yes_no(q, answers) if isinstance(q.question_map[code], YesNoQuestion)][:3]:
                    chosen[code] = NO_LABEL
            _fill_pack(packs[body], q, chosen)
        collect_packs(r, [packs[b] for b in SIGNED])
        out["packs"] = {b: _sha(packs[b]) for b in SIGNED}
        late = packs["KEM-01"], cur["kem-01"].questionnaire
    steps: dict[str, tuple[int, str, str]] = {}
    steps["recap0"] = _round(folder, "recap", "-q")
    out["r0"] = {b: _result(folder, b) for b, _, _ in ROSTER}
    steps["fix_early"] = _round(folder, "penetapan", *SIGNED, "--sk", SK, "--date", "15-12-2025")
    steps["level_fixed"] = _round(folder, "sign-off", "--level", "ditetapkan", "--all", "--reason", "Pleno")
    steps["all_refused"] = _round(folder, "sign-off", "--level", "dijamin-mutu", "--all", "--reason", "Diperiksa tim mutu")
    steps["signed"] = _round(folder, "sign-off", "--level", "dijamin-mutu", *SIGNED, "--reason", "Diperiksa tim mutu")
    steps["again"] = _round(folder, "sign-off", "--level", "dijamin-mutu", "KEM-01", "--reason", "Diperiksa tim mutu")
    steps["recap1"] = _round(folder, "recap", "-q")
    out["r1"] = {b: _result(folder, b) for b, _, _ in ROSTER}
    steps["fixed"] = _round(folder, "penetapan", *SIGNED, "--sk", SK, "--date", "15-12-2025")
    annex = folder / "penetapan" / "lampiran-penetapan-001-KEP-KI-NC-XII-2025"
    out["pdf"] = subprocess.run(["pdftotext", "-layout", str(annex.with_suffix(".pdf")), "-"], check=True, capture_output=True, text=True).stdout
    out["xlsx"] = [[c.value for c in row] for row in openpyxl.load_workbook(annex.with_suffix(".xlsx"))["Lampiran"].iter_rows()]
    out["cover"] = [[c.value for c in row] for row in openpyxl.load_workbook(annex.with_suffix(".xlsx"))["Sampul"].iter_rows()]
    # After penetapan no verdict is recorded: KEM-01's pack again with a verdict changed, and a pleno decision.
    pack, q = late
    first = next(code for code, x in q.question_map.items() if isinstance(x, YesNoQuestion))
    _fill_pack(pack, q, {first: NO_LABEL})
    out["late_pack"] = pack
    steps["collect_late"] = _round(folder, "verify-collect", str(pack))
    steps["decide_late"] = _round(folder, "verify-decide", "KEM-01", first, "Tidak", "--reason", "Pleno")
    steps["fix_twice"] = _round(folder, "penetapan", "KEM-01", "--sk", "003/KEP", "--date", "16-12-2025")
    steps["recap2"] = _round(folder, "recap", "-q")
    out["r2"] = {b: _result(folder, b) for b, _, _ in ROSTER}
    steps["correct_early"] = _round(folder, "correct", "KEM-04", "--sk", SK_FIX, "--reason", "Salah hitung", "--score", "70")
    steps["correct_same"] = _round(folder, "correct", "KEM-03", "--sk", SK_FIX, "--reason", "Salah hitung", "--score", format(out["r2"]["KEM-03"].outcome.final_score))
    steps["corrected"] = _round(folder, "correct", "KEM-03", "--sk", SK_FIX, "--reason", "Salah hitung tahap", "--score", "88.5")
    out["pdf_corrected"] = subprocess.run(["pdftotext", "-layout", str(annex.with_suffix(".pdf")), "-"], check=True, capture_output=True, text=True).stdout
    out["xlsx_corrected"] = [[c.value for c in row] for row in openpyxl.load_workbook(annex.with_suffix(".xlsx"))["Lampiran"].iter_rows()]
    steps["history"] = _round(folder, "history", "KEM-03")
    steps["recap3"] = _round(folder, "recap", "-q")
    out["r3"] = {b: _result(folder, b) for b, _, _ in ROSTER}
    steps["status"] = _round(folder, "status")
    steps["inputs_ok"] = _round(folder, "verify-inputs")
    out["steps"] = steps
    return out


def test_not_final_before_penetapan(walk: dict[str, Any]) -> None:
    """Rule F3: verified results wait for 'dijamin mutu', then for the pleno; only then final (and 'Final' in the report)."""
    assert walk["steps"]["recap0"][0] == 0
    for body in SIGNED:
        first, second, fixed = walk["r0"][body], walk["r1"][body], walk["r2"][body]
        assert (first.outcome.complete, first.outcome.reasons, first.signoff and first.signoff.label) == (False, ("Belum dijamin mutu.",), "diverifikasi")
        assert (second.outcome.complete, second.outcome.reasons, second.signoff and second.signoff.label) == (False, ("Belum ditetapkan dalam pleno.",), "dijamin mutu")
        assert second.outcome.final_score is None and second.outcome.band is None
        assert (fixed.outcome.complete, fixed.outcome.reasons, fixed.signoff and fixed.signoff.label, fixed.signoff and fixed.signoff.sk) == (True, (), "ditetapkan", SK)
        assert fixed.outcome.final_score == second.outcome.estimate_score
    never = walk["r2"]["KEM-04"]
    assert never.signoff is not None and never.signoff.label == "belum diverifikasi" and not never.outcome.complete
    before = build_body_report(walk["r1"]["KEM-01"], dt.date(2025, 12, 15))
    after = build_body_report(walk["r2"]["KEM-01"], dt.date(2025, 12, 15))
    assert (before.is_final, before.status_label, after.is_final, after.status_label) == (False, "Perkiraan — belum final", True, "Final")


def test_refusals_say_why(walk: dict[str, Any]) -> None:
    """Rules F4, F5: exact messages, exit 1, nothing recorded."""
    folder = walk["folder"]
    steps = walk["steps"]
    code, _, err = steps["fix_early"]
    assert code == 1
    assert err.startswith("Galat: Penetapan tidak dicatat.\n")
    for body in SIGNED:
        assert (
            f"- {folder}: {body} belum dijamin mutu. putaran.yaml mewajibkan pengesahan dijamin mutu sebelum penetapan. Jalankan "
            f'kipmonev round sign-off {folder} --level dijamin-mutu {body} --reason "…" terlebih dahulu.'
        ) in err
    code, _, err = steps["level_fixed"]
    assert (code, err) == (1, f"Galat: {folder}: tingkat 'ditetapkan' diberikan oleh pleno, bukan dengan sign-off. Jalankan kipmonev round penetapan {folder} --sk \"Nomor SK\" --date TANGGAL.\n")
    code, _, err = steps["all_refused"]
    assert code == 1
    assert f"Galat: {folder}: KEM-04 belum diverifikasi lengkap: " in err
    assert f"Pengesahan hanya untuk badan publik yang seluruh pertanyaannya sudah diverifikasi. Lihat kipmonev round verify-status {folder}.\n" in err
    code, out, err = steps["again"]
    assert code == 0 and "Pengesahan dicatat: 0 badan publik (dijamin mutu).\n" in out
    assert err.startswith(f"Peringatan: {folder}: KEM-01 sudah disahkan (dijamin mutu) atas versi dan putusan yang sama pada ")
    code, _, err = steps["fix_twice"]
    assert (code, err) == (
        1,
        f"Galat: {folder}: KEM-01 sudah ditetapkan dengan SK {SK} tanggal 15 Desember 2025. Hasil yang sudah ditetapkan tidak ditetapkan ulang. "
        f'Ubah dengan kipmonev round correct {folder} KEM-01 --sk "…" --reason "…" --score NILAI.\n',
    )
    code, out, _ = steps["collect_late"]
    late = walk["late_pack"]
    assert (code, out) == (
        1,
        f"{late.name}: ditolak.\n  {late}: hasil KEM-01 sudah ditetapkan dalam pleno dengan SK {SK}; putusan verifikasi tidak dicatat lagi sesudah "
        "penetapan. Hasil yang sudah ditetapkan hanya berubah dengan koreksi: kipmonev round correct.\nDikumpulkan 1 paket: 0 diterima, 1 ditolak.\n",
    )
    code, _, err = steps["decide_late"]
    assert (code, err) == (
        1,
        f"Galat: {folder}: hasil KEM-01 sudah ditetapkan dalam pleno dengan SK {SK}; putusan pleno atas beda "
        "verifikasi tidak dicatat lagi. Hasil yang sudah ditetapkan hanya berubah dengan koreksi: kipmonev round correct.\n",
    )
    with open_round(folder, "Sari") as r:
        events = r.events()
    fixed_at = min(e.seq for e in events if e.kind == "penetapan.recorded")
    assert [e.kind for e in events if e.seq > fixed_at and e.kind.startswith("verification.")] == []  # nothing recorded
    code, _, err = steps["correct_early"]
    assert (code, err) == (
        1,
        f"Galat: {folder}: KEM-04 belum ditetapkan. Koreksi hanya untuk hasil yang sudah ditetapkan; sebelum penetapan, nilai berubah melalui "
        "putusan verifikasi (kipmonev round verify-collect) dan kipmonev round recap.\n",
    )
    code, _, err = steps["correct_same"]
    assert code == 1 and "sama dengan nilai KEM-03 yang berlaku. Koreksi mengubah nilai. Periksa nilainya.\n" in err


def test_signed_and_fixed_lines(walk: dict[str, Any]) -> None:
    code, out, _ = walk["steps"]["signed"]
    kem01 = walk["r0"]["KEM-01"].outcome.estimate_score
    assert code == 0
    assert out.startswith(f"KEM-01: disahkan (dijamin mutu), nilai {format(kem01, '.2f').replace('.', ',')}.\n")
    assert "Pengesahan dicatat: 4 badan publik (dijamin mutu).\n" in out
    code, out, _ = walk["steps"]["fixed"]
    assert code == 0 and out.startswith(f"Ditetapkan dengan SK {SK} tanggal 15 Desember 2025: 4 badan publik.\n")


def test_annex_pdf(walk: dict[str, Any]) -> None:
    """Rule F6: cover with the commission and year, the SK and one date, per category, a tie shown as an equal rank."""
    text = walk["pdf"]
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert lines[0] == COMMISSION.upper()
    assert "Lampiran Penetapan Hasil Monitoring dan Evaluasi Keterbukaan Informasi Publik Tahun 2025" in " ".join(lines[1:3])
    assert f"Nomor SK: {SK}" in lines and "Tanggal: 15 Desember 2025" in lines
    assert sum(line.count("2025") for line in lines) == 3  # the year on the cover, the SK date, the rule sentence has none
    assert "Desember" in text and text.count("Desember") == 1  # one date
    r = walk["r1"]
    score = {b: format(r[b].outcome.estimate_score, ".2f").replace(".", ",") for b in SIGNED}
    assert r["KEM-01"].outcome.estimate_score == r["KEM-02"].outcome.estimate_score > r["KEM-03"].outcome.estimate_score
    band = {b: r[b].outcome.estimate_band.name for b in SIGNED}
    expected = [
        "BUMN",
        f"1 BUMN-01 PT Rekaan Satu (Persero) {score['BUMN-01']} {band['BUMN-01']}",
        "Kementerian",
        f"1 KEM-02 Kementerian Dua {score['KEM-02']} {band['KEM-02']}",
        f"1 KEM-01 Kementerian Satu {score['KEM-01']} {band['KEM-01']}",
        f"3 KEM-03 Kementerian Tiga {score['KEM-03']} {band['KEM-03']}",
    ]
    table = [line for line in lines if line in expected]
    assert table == expected
    assert "KEM-04" not in text


def test_annex_xlsx(walk: dict[str, Any]) -> None:
    r = walk["r1"]
    assert walk["cover"] == [
        ["Lampiran Penetapan Hasil Monitoring dan Evaluasi Keterbukaan Informasi Publik", None],
        ["Komisi Informasi", COMMISSION],
        ["Tahun penilaian", "2025"],
        ["Nomor SK", SK],
        ["Tanggal", "15 Desember 2025"],
    ]
    rows = walk["xlsx"]
    assert rows[0] == ["Kategori", "Peringkat", "ID", "Nama badan publik", "Nilai akhir", "Kualifikasi", "Keterangan"]
    assert [row[:4] for row in rows[1:]] == [
        ["BUMN", 1, "BUMN-01", "PT Rekaan Satu (Persero)"],
        ["Kementerian", 1, "KEM-02", "Kementerian Dua"],
        ["Kementerian", 1, "KEM-01", "Kementerian Satu"],
        ["Kementerian", 3, "KEM-03", "Kementerian Tiga"],
    ]
    assert [row[4] for row in rows[1:]] == [float(r[b].outcome.estimate_score) for b in ("BUMN-01", "KEM-02", "KEM-01", "KEM-03")]
    assert [row[6] for row in rows[1:]] == [None] * 4


def test_correction_is_a_new_decision(walk: dict[str, Any]) -> None:
    """Rule F5: the correction is recorded with its SK; the annex and the next recap show it; history keeps old → new."""
    old = walk["r2"]["KEM-03"].outcome.final_score
    assert old is not None
    old_text = format(old, ".2f").replace(".", ",")
    code, out, _ = walk["steps"]["corrected"]
    assert code == 0
    band = walk["r2"]["KEM-03"].outcome.band
    assert band is not None
    assert out.startswith(f"KEM-03: nilai dikoreksi dengan SK {SK_FIX}: {old_text} → 88,50 ({band.name} → Menuju Informatif).\n")
    lines = [" ".join(line.split()) for line in walk["pdf_corrected"].splitlines() if line.strip()]
    assert "3 KEM-03 Kementerian Tiga 88,50 Menuju Informatif" in lines
    squeezed = "".join(walk["pdf_corrected"].split())  # the note wraps inside its cell
    assert "".join(f"Dikoreksi dengan SK {SK_FIX}: {old_text} → 88,50.".split()) in squeezed
    assert f"Nomor SK: {SK}" in lines and "Tanggal: 15 Desember 2025" in lines  # the annex of the original SK, its one date
    kem03 = next(row for row in walk["xlsx_corrected"] if row[2] == "KEM-03")
    assert kem03[4:] == [88.5, "Menuju Informatif", f"Dikoreksi dengan SK {SK_FIX}: {old_text} → 88,50."]
    code, out, _ = walk["steps"]["history"]
    assert code == 0
    history = [" ".join(line.split()) for line in out.splitlines()]
    fixed_line = next(line for line in history if "Hasil ditetapkan dalam pleno" in line)
    assert f"dengan SK {SK} tanggal 15 Desember 2025: nilai {old_text}, {band.name}. dijamin mutu → ditetapkan " in fixed_line
    signed_line = next(line for line in history if "Hasil disahkan: dijamin mutu" in line)
    assert f"Hasil disahkan: dijamin mutu, atas nilai {old_text}. diverifikasi → dijamin mutu " in signed_line  # old → new: the status
    corrected_line = next(line for line in history if "Nilai dikoreksi" in line)
    assert f"Nilai dikoreksi dengan SK {SK_FIX}: {old_text} → 88,50 ({band.name} → Menuju Informatif). {old_text} → 88,50 Salah hitung tahap" in corrected_line
    assert history.index(fixed_line) < history.index(corrected_line)
    after = walk["r3"]["KEM-03"]
    assert (after.outcome.complete, str(after.outcome.final_score), after.outcome.band and after.outcome.band.name) == (True, "88.5", "Menuju Informatif")
    assert [n.code for n in after.notices if n.code.startswith("KM-T")] == ["KM-T-001"]
    assert after.signoff is not None and [(c.sk, c.old, c.new) for c in after.signoff.corrections] == [(SK_FIX, old, Decimal("88.5"))]


def test_status_shows_signoff(walk: dict[str, Any]) -> None:
    code, out, _ = walk["steps"]["status"]
    assert code == 0
    assert "Pengesahan (wajib: dijamin mutu, ditetapkan):\n" in out
    table = [" ".join(line.split()) for line in out.split("Pengesahan (wajib")[1].splitlines()[1:6]]
    assert table[0] == "KATEGORI BELUM DINILAI BELUM DIVERIFIKASI DIVERIFIKASI DIJAMIN MUTU DITETAPKAN"
    assert "Kementerian 0 1 0 0 3" in table and "BUMN 0 0 0 0 1" in table and "Jumlah 0 1 0 0 4" in table


def test_input_hashes_equal_sha256sum(walk: dict[str, Any]) -> None:
    """Each result names its workbook, verifier pack, rule set and edition with the SHA-256 sha256sum gives."""
    for body in SIGNED:
        result = walk["r3"][body]
        by_role = {i.role: i for i in result.inputs}
        assert [i.role for i in result.inputs] == [InputRole.WORKBOOK, InputRole.VERIFY_PACK, InputRole.RULES, InputRole.QUESTIONNAIRE]
        assert (by_role[InputRole.WORKBOOK].name, by_role[InputRole.WORKBOOK].sha256) == (f"{body}.xlsx", _sha256sum(walk["inbox"] / f"{body}.xlsx"))
        assert by_role[InputRole.VERIFY_PACK].sha256 == walk["packs"][body]
        assert (by_role[InputRole.RULES].name, by_role[InputRole.RULES].sha256) == ("hanya-saq.yaml", _sha256sum(walk["rules"]))
    assert [i.role for i in walk["r3"]["KEM-04"].inputs] == [InputRole.WORKBOOK, InputRole.RULES, InputRole.QUESTIONNAIRE]


def test_edited_files_are_detected(walk: dict[str, Any], tmp_path: Path) -> None:
    folder = walk["folder"]
    code, out, _ = walk["steps"]["inputs_ok"]
    assert (code, out) == (0, "Diperiksa: 5 salinan berkas masuk, 5 hasil, 2 lampiran; 0 berubah atau hilang.\nSemua berkas sama dengan catatan log putaran.\n")
    copy = next((folder / "berkas-masuk").glob("*.xlsx"))
    result = folder / "rekap" / "hasil" / "KEM-01.json"
    saved = copy.read_bytes(), result.read_bytes()
    try:
        copy.write_bytes(saved[0] + b"\0")
        result.write_bytes(saved[1].replace(b'"complete":true', b'"complete":false', 1))
        assert result.read_bytes() != saved[1]
        code, out, err = _round(folder, "verify-inputs")
        assert code == 1
        assert f"{copy}: salinan berkas " in out and f"berubah sejak diterima: SHA-256 sekarang {_sha(copy)[:12]}, tercatat {copy.stem[:12]}." in out
        assert f"{result}: berkas ini berubah sejak ditulis putaran: SHA-256 sekarang {_sha(result)[:12]} tidak tercatat sebagai keluaran putaran." in out
        assert err == "Galat: Diperiksa: 5 salinan berkas masuk, 5 hasil, 2 lampiran; 2 berubah atau hilang.\n"
        code, _, err = _round(folder, "sign-off", "--level", "dijamin-mutu", "KEM-01", "--reason", "x")
        assert code == 0  # already fixed: nothing to sign, nothing recorded
    finally:
        copy.write_bytes(saved[0])
        result.write_bytes(saved[1])
    assert _round(folder, "verify-inputs")[0] == 0
