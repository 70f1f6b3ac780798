"""kipmonev score --roster: the round's statuses for a plain folder, without a round."""

from __future__ import annotations

import json
from pathlib import Path

from cli_runner import run
from round_helpers import fill_body, write_roster


def test_score_with_a_roster_lists_who_did_not_take_part(tmp_path: Path) -> None:
    inbox = tmp_path / "isian"
    inbox.mkdir()
    fill_body(inbox / "KEM-01.xlsx", "Kementerian", "KEM-01", "Kementerian Satu")
    fill_body(inbox / "KEM-02.xlsx", "Kementerian", "KEM-02", "Kementerian Dua", blank=True)
    fill_body(inbox / "KEM-77.xlsx", "Kementerian", "KEM-77", "Kementerian Asing")
    roster = write_roster(tmp_path / "daftar.csv", [("KEM-01", "Kementerian Satu", "Kementerian"), ("KEM-02", "Kementerian Dua", "Kementerian"), ("BUMN-01", "PT Satu", "BUMN")])
    code, out, err = run("score", str(inbox), "-o", str(tmp_path / "hasil"), "--roster", str(roster), "-j", "1")
    assert code == 1  # the blank template and the unknown ID are problems of their files
    assert "Partisipasi: diundang 3 → mengirim 1 → lengkap 1 → diverifikasi 0 → lolos gerbang 1 → final 0." in out
    assert "- KEM-02 Kementerian Dua (Kementerian): mengirim templat kosong\n- BUMN-01 PT Satu (BUMN): tidak mengirim\n" in out
    assert f"{inbox / 'KEM-77.xlsx'}, Identitas: ID badan publik 'KEM-77' tidak ada di daftar putaran." in err
    recap = json.loads((tmp_path / "hasil" / "rekap.json").read_text(encoding="utf-8"))
    assert [r["body_id"] for r in recap["rows"]] == ["KEM-01"]
    assert sorted(p.name for p in (tmp_path / "hasil" / "hasil").iterdir()) == ["KEM-01.json"]
