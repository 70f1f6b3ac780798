"""Sign-off state from the log, pure (rules F1-F3, F5, F6 of engine/signoff.py), and ``pengesahan`` in putaran.yaml."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kipmonev.core.errors import QuestionnaireError
from kipmonev.engine.recap import competition_ranks
from kipmonev.engine.signoff import body_signoff, build_annex, hold_reason
from kipmonev.model.round import Event, RosterEntry
from kipmonev.model.signoff import AnnexRow, SignOffLevel, SignOffStatus
from kipmonev.sources.round_config import read_round_config

Q, F = SignOffLevel.QUALITY, SignOffLevel.FIXED
BODY = RosterEntry(id="KEM-01", name="Kementerian Satu", category="Kementerian")


def _event(seq: int, kind: str, **data: Any) -> Event:
    return Event(seq=seq, at=f"2025-12-0{seq % 9 + 1}T10:00:00+00:00", actor="Sari", kind=kind, subject="KEM-01", new="90,00", data=data)


def _signed(seq: int, sha: str = "a" * 64) -> Event:
    return _event(seq, "signoff.recorded", kode_tingkat="dijamin_mutu", isian=sha, hasil="r" * 64)


def _fixed(seq: int, score: str = "90.00") -> Event:
    return _event(seq, "penetapan.recorded", sk="1/SK", tanggal="2025-12-15", skor=score, kualifikasi="Informatif", kode_kualifikasi="informatif", warna="#1b7a3a")


CURRENT = _event(1, "submission.current")
VERDICT = _event(2, "verification.recorded")


@pytest.mark.parametrize(
    ("required", "reached", "expected"),
    [
        ((Q, F), (), "Belum dijamin mutu."),
        ((Q, F), (Q,), "Belum ditetapkan dalam pleno."),
        ((Q, F), (Q, F), None),
        ((F,), (), "Belum ditetapkan dalam pleno."),
        ((Q,), (Q,), None),
        ((), (), None),
    ],
)
def test_hold_reason_is_the_first_required_level_missing(required: tuple[SignOffLevel, ...], reached: tuple[SignOffLevel, ...], expected: str | None) -> None:
    """Rule F3."""
    assert hold_reason(required, reached) == expected


@pytest.mark.parametrize(
    ("events", "submission", "pending", "status", "marks", "stale"),
    [
        ([], None, 0, SignOffStatus.NO_RESULT, 0, 0),
        ([CURRENT], "a" * 64, 3, SignOffStatus.UNVERIFIED, 0, 0),
        ([CURRENT, VERDICT], "a" * 64, 0, SignOffStatus.VERIFIED, 0, 0),
        ([CURRENT, VERDICT, _signed(3)], "a" * 64, 0, SignOffStatus.QUALITY, 1, 0),
        # F2: a verdict after the sign-off, a new version, a sanggah decision, or a sign-off of another version: lapsed
        ([CURRENT, VERDICT, _signed(3), _event(4, "verification.recorded")], "a" * 64, 0, SignOffStatus.VERIFIED, 0, 1),
        ([CURRENT, VERDICT, _signed(3), _event(4, "submission.current")], "b" * 64, 0, SignOffStatus.VERIFIED, 0, 1),
        ([CURRENT, VERDICT, _signed(3), _event(4, "sanggah.decided")], "a" * 64, 0, SignOffStatus.VERIFIED, 0, 1),
        ([CURRENT, VERDICT, _signed(3, "b" * 64)], "a" * 64, 0, SignOffStatus.VERIFIED, 0, 1),
        # F5: penetapan binds whatever is recorded after it
        ([CURRENT, VERDICT, _signed(3), _fixed(4), _event(5, "verification.recorded")], "a" * 64, 0, SignOffStatus.FIXED, 0, 1),
    ],
)
def test_status_from_the_log(events: list[Event], submission: str | None, pending: int, status: SignOffStatus, marks: int, stale: int) -> None:
    """Rules F1, F2, F5."""
    state = body_signoff(events, BODY, submission, pending, (Q, F))
    assert (state.status, len(state.marks), len(state.stale)) == (status, marks, stale)
    assert state.hold == hold_reason((Q, F), {m.level for m in state.marks} | ({Q, F} if state.penetapan else set()))


def test_corrections_after_penetapan_count_latest_first() -> None:
    """Rule F5: the latest correction is the score; the penetapan stays."""
    def corrected(seq: int, old: str, new: str) -> Event:
        return _event(seq, "correction.recorded", sk=f"{seq}/SK", skor_lama=old, skor=new, kualifikasi_lama="Informatif", kualifikasi="Menuju Informatif", kode_kualifikasi="menuju_informatif", warna="#5a9e2f")

    state = body_signoff([CURRENT, _fixed(2), corrected(3, "90.00", "85.00"), corrected(4, "85.00", "87.50")], BODY, "a" * 64, 0, (Q, F))
    assert state.penetapan is not None and state.penetapan.score == Decimal("90.00")
    assert [(c.sk, c.old, c.new) for c in state.corrections] == [("3/SK", Decimal("90.00"), Decimal("85.00")), ("4/SK", Decimal("85.00"), Decimal("87.50"))]


@pytest.mark.parametrize(
    ("scores", "ranks"),
    [
        ([90, 80, 80, 70], [1, 2, 2, 4]),
        ([80, 80, 80], [1, 1, 1]),
        ([70, 90], [1, 2]),
        ([], []),
    ],
)
def test_competition_ranks(scores: list[int], ranks: list[int]) -> None:
    """Rule B1, shared by the recap and the annex: ties share a rank and the next skips."""
    entries = [(Decimal(s), f"Badan {i}", f"ID-{i}") for i, s in enumerate(scores)]
    assert [rank for _, rank in competition_ranks(entries)] == ranks


def test_annex_per_category_ranked_with_ties() -> None:
    """Rule F6: categories sorted, a tie listed by name with the same rank."""

    def row(body: str, name: str, category: str, score: str) -> AnnexRow:
        return AnnexRow(rank=0, body_id=body, name=name, category=category, score=Decimal(score), band_code="informatif", band_name="Informatif", band_color="#1b7a3a")

    annex = build_annex("KI Contoh", 2025, "1/SK", "2025-12-15", [row("K1", "Zeta", "Kementerian", "90"), row("B1", "Alfa", "BUMN", "70"), row("K2", "Beta", "Kementerian", "95"), row("K3", "Alfa", "Kementerian", "90")])
    assert [(c, [(r.rank, r.body_id) for r in rows]) for c, rows in annex.categories] == [("BUMN", [(1, "B1")]), ("Kementerian", [(1, "K2"), (2, "K3"), (2, "K1")])]


CONFIG = "komisi: KI Contoh\ntahun: 2025\nedisi:\n  Kementerian: ki-pusat-2025-kementerian\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("", (Q, F)),
        ("pengesahan: [dijamin_mutu, ditetapkan]\n", (Q, F)),
        ("pengesahan: [ditetapkan, dijamin mutu]\n", (Q, F)),
        ("pengesahan: []\n", ()),
        ("pengesahan: ditetapkan\n", (F,)),
        ("pengesahan:\n  - dijamin-mutu\n", (Q,)),
    ],
)
def test_config_sign_offs(tmp_path: Path, line: str, expected: tuple[SignOffLevel, ...]) -> None:
    (tmp_path / "putaran.yaml").write_text(CONFIG + line, encoding="utf-8")
    assert read_round_config(tmp_path)[0].sign_offs == expected


def test_config_unknown_sign_off(tmp_path: Path) -> None:
    (tmp_path / "putaran.yaml").write_text(CONFIG + "pengesahan: [dijamin_mutu, disahkan]\n", encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        read_round_config(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path}/putaran.yaml, baris 5 (pengesahan): pengesahan 'disahkan' tidak dikenal. 'pengesahan' berisi daftar tingkat yang wajib "
        "sebelum nilai final: 'dijamin_mutu' dan 'ditetapkan' (keduanya bila kunci ini tidak ditulis), atau daftar kosong []. Perbaiki isinya, "
        "misalnya 'pengesahan: [dijamin_mutu, ditetapkan]'."
    ]


def test_plain_score_names_its_inputs_and_stays_unchanged(tmp_path: Path) -> None:
    """Outside a round: the inputs are recorded with the hash sha256sum gives; no sign-off, the outcome as scored."""
    import hashlib

    from cli_runner import run
    from round_helpers import fill_body

    from kipmonev.model.result import Assessment, InputRole

    workbook = fill_body(tmp_path / "isian KEM-01.xlsx", "Kementerian", "KEM-01", "Kementerian Satu")
    code, _, _ = run("score", str(workbook), "-o", str(tmp_path / "hasil"), "-q")
    assert code == 0
    result = Assessment.from_json((tmp_path / "hasil" / "hasil" / "KEM-01.json").read_bytes())
    assert [(i.role, i.name) for i in result.inputs] == [(InputRole.WORKBOOK, "isian KEM-01.xlsx"), (InputRole.QUESTIONNAIRE, "kementerian.yaml")]
    assert result.inputs[0].sha256 == hashlib.sha256(workbook.read_bytes()).hexdigest()
    assert result.signoff is None
    assert "Belum dijamin mutu." not in result.outcome.reasons and "Belum ditetapkan dalam pleno." not in result.outcome.reasons


def test_old_results_still_read() -> None:
    """The new fields are optional: a result written before them (no 'inputs', no 'signoff') reads with empty defaults."""
    import json

    from round_helpers import answers

    from kipmonev.engine.scoring import score
    from kipmonev.model.result import Assessment
    from kipmonev.model.submission import BodyIdentity, Submission
    from kipmonev.sources.loader import load_questionnaire

    q = load_questionnaire("ki-pusat-2025-kementerian")
    body = BodyIdentity(id="KEM-01", name="Kementerian Satu", category="Kementerian", year=2025)
    data = json.loads(score(q, Submission(questionnaire_id=q.id, body=body, answers=answers(q))).to_json())
    del data["inputs"], data["signoff"]
    result = Assessment.model_validate(data)
    assert (result.inputs, result.signoff) == ((), None)
