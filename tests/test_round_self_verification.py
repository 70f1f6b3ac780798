"""Issue 15's blocker: in a round, a body cannot verify itself or score its own presentation.

A body that sends the full template (with the verifier's columns and the Tahap sheet), copies its answers
into *Jawaban Verifikasi* and types 100 as its presentation score must get exactly the result of the same
answers without them, and both are reported to it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from cli_runner import run
from round_helpers import CATEGORIES, COMMISSION, answers, write_roster

from kipmonev.model.submission import BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.sources.loader import load_questionnaire


def _round_with(tmp_path: Path, verification: bool, stages: bool) -> dict[str, Any]:
    tmp_path.mkdir()
    folder = tmp_path / "putaran"
    roster = write_roster(tmp_path / "daftar.csv", [("KEM-01", "Kementerian Contoh", "Kementerian")])
    code, _, err = run("round", "init", str(folder), "--commission", COMMISSION, "--roster", str(roster))
    assert (code, err) == (0, ""), err
    q = load_questionnaire(CATEGORIES["Kementerian"])
    given = answers(q, missing=4)
    submission = Submission(
        questionnaire_id=q.id,
        body=BodyIdentity(id="KEM-01", name="Kementerian Contoh", category="Kementerian", year=2025),
        answers=given,
        verification=dict(given) if verification else {},
        stage_scores={"presentasi": Decimal(100)} if stages else {},
    )
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    write_filled(q, submission, inbox / "KEM-01.xlsx")  # the full template, not the round's own
    code, _, err = run("round", "receive", "-q", str(folder), str(inbox))
    assert (code, err) == (0, ""), err
    code, _, err = run("round", "recap", str(folder), "--date", "2025-11-24")
    assert code in (0, 1), err
    result = next((folder / "rekap" / "hasil").glob("*.json"))
    loaded: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return loaded


def test_self_typed_verification_and_stage_scores_change_nothing_and_are_reported(tmp_path: Path) -> None:
    honest = _round_with(tmp_path / "a", verification=False, stages=False)
    cheat = _round_with(tmp_path / "b", verification=True, stages=True)
    for key in ("outcome", "saq_self", "saq_verified", "stages", "gate", "gates", "questions"):
        assert cheat[key] == honest[key], key
    assert cheat["outcome"]["final_score"] is None
    codes = [n["code"] for n in cheat["notices"]]
    assert codes.count("KM-V-001") == 1 and codes.count("KM-V-002") == 1
    assert "KM-V-001" not in [n["code"] for n in honest["notices"]]
    note = next(n for n in cheat["notices"] if n["code"] == "KM-V-002")
    assert note["message"] == (
        "sheet Tahap pada berkas badan publik berisi nilai tahap (presentasi). Dalam putaran, nilai tahap lanjutan berasal "
        "dari panel Komisi Informasi, sehingga nilai ini diabaikan dalam penilaian."
    )
