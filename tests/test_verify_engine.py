"""The commission's verification derived from the log (rules V1-V8) and agreement (A1-A3)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from conftest import FULL_ANSWERS, small
from hypothesis import given
from hypothesis import strategies as st

from kipmonev.engine.agreement import agreement
from kipmonev.engine.verification import draw_sample, sample_size, second_verifier, verdict_key, verdict_text, verification_state, verify_cells
from kipmonev.model.round import Event, RosterEntry
from kipmonev.model.submission import Answer

SHA, OLD = "a" * 64, "b" * 64
ROSTER = [RosterEntry(id="BP-1", name="Badan Uji", category="Uji"), RosterEntry(id="BP-2", name="Badan Dua", category="Uji")]


def _events(*specs: tuple[str, str, str | None, str | None, dict[str, Any]]) -> list[Event]:
    return [
        Event(seq=i, at=f"2025-09-01T10:00:{i:02d}+00:00", actor="Sari", kind=kind, subject=subject, old=old, new=new, data=data)
        for i, (kind, subject, old, new, data) in enumerate(specs, start=1)
    ]


def _verdict(body: str, code: str, value: Any, verifier: str, role: str = "utama", sha: str = SHA) -> tuple[str, str, str | None, str | None, dict[str, Any]]:
    answer = Answer(value=value)
    return ("verification.recorded", body, None, verdict_text(answer), {"butir": code, "isian": sha, "peran": role, "verifikator": verifier, "jawaban": answer.model_dump(mode="json")})


def _state(events: list[Event], current: dict[str, str] | None = None) -> Any:
    return verification_state(events, ROSTER, current if current is not None else {"bp-1": SHA}, {"Uji": small()}, {SHA: FULL_ANSWERS, OLD: FULL_ANSWERS})


# --- agreement (A1-A3), checked against the confusion table by hand -------------------------------

def test_kappa_by_hand() -> None:
    # A: Ya Ya Ya Ya Tidak Tidak Ya Tidak ; B: Ya Ya Tidak Ya Tidak Tidak Ya Ya
    pairs = [("ya", "ya"), ("ya", "ya"), ("ya", "tidak"), ("ya", "ya"), ("tidak", "tidak"), ("tidak", "tidak"), ("ya", "ya"), ("tidak", "ya")]
    a = agreement(pairs)
    # Confusion table: ya/ya 4, ya/tidak 1, tidak/ya 1, tidak/tidak 2 -> p_o = 6/8
    assert a.confusion == {("ya", "ya"): 4, ("ya", "tidak"): 1, ("tidak", "tidak"): 2, ("tidak", "ya"): 1}
    assert (a.items, a.agreed, a.percent) == (8, 6, Fraction(3, 4))
    # Marginals: A says ya 5/8, B says ya 5/8 -> p_e = 25/64 + 9/64 = 34/64; kappa = (48/64 - 34/64) / (30/64) = 14/30
    assert a.kappa == Fraction(7, 15)


@pytest.mark.parametrize(
    ("pairs", "percent", "kappa"),
    [
        ([], None, None),
        ([("ya", "ya"), ("ya", "ya")], Fraction(1), None),  # p_e = 1: undefined, never 0 or 1
        ([("ya", "tidak"), ("tidak", "ya")], Fraction(0), Fraction(-1)),
        ([("ya", "ya"), ("tidak", "tidak")], Fraction(1), Fraction(1)),
    ],
)
def test_kappa_edges(pairs: list[tuple[str, str]], percent: Fraction | None, kappa: Fraction | None) -> None:
    a = agreement(pairs)
    assert (a.percent, a.kappa) == (percent, kappa)


@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abc")), min_size=1, max_size=40))
def test_kappa_matches_the_matrix_formula(pairs: list[tuple[str, str]]) -> None:
    # Second formula: kappa = (N * trace - sum(row_i * col_i)) / (N^2 - sum(row_i * col_i)), from the table.
    n = len(pairs)
    table = Counter(pairs)
    rows = Counter(a for a, _ in pairs)
    cols = Counter(b for _, b in pairs)
    trace = sum(table[(c, c)] for c in "abc")
    chance = sum(rows[c] * cols[c] for c in "abc")
    a = agreement(pairs)
    assert a.kappa == (None if chance == n * n else Fraction(n * trace - chance, n * n - chance))
    assert a.kappa is None or -1 <= a.kappa <= 1


# --- sampling (V6) ------------------------------------------------------------------------------

@pytest.mark.parametrize(("total", "percent", "size"), [(0, Decimal(10), 0), (7, Decimal(0), 0), (7, Decimal(10), 1), (20, Decimal("12.5"), 3), (10, Decimal(25), 3), (4, Decimal(100), 4)])
def test_sample_size(total: int, percent: Decimal, size: int) -> None:
    assert sample_size(total, percent) == size


def test_sample_is_reproducible_and_depends_on_the_seed() -> None:
    items = [(b, f"Q{i}") for b in ("BP-1", "BP-2") for i in range(30)]
    first = draw_sample(items, Decimal(20), 7)
    assert first == draw_sample(items, Decimal(20), 7)
    assert len(first) == 12 and first == [i for i in items if i in first]
    assert draw_sample(items, Decimal(20), 8) != first
    assert second_verifier(["Ani", "Budi", "Citra"], "Ani", "BP-1", 7) in ("Budi", "Citra")
    assert second_verifier(["Ani", "Budi", "Citra"], "Ani", "BP-1", 7) == second_verifier(["Citra", "Budi", "Ani"], "Ani", "BP-1", 7)
    assert second_verifier(["Ani"], "Ani", "BP-1", 7) is None


# --- state (V1-V5, V7, V8) ----------------------------------------------------------------------

def test_verdict_texts() -> None:
    assert [verdict_text(a) for a in (Answer(value="Ya"), Answer(not_applicable=True), Answer(value=("a", "c")), Answer(value=()), Answer(value=Decimal("2.5")))] == [
        "Ya", "Tidak Berlaku", "a, c", "tidak ada butir", "2,5",
    ]
    assert verdict_key(Answer(value=("c", "a"))) == verdict_key(Answer(value=("a", "c")))
    assert verdict_key(Answer(value="ya ")) == verdict_key(Answer(value="Ya"))


def test_unverified_items_named_with_their_cells() -> None:
    state = _state(_events(("verification.assigned", "BP-1", None, "Ani", {}), _verdict("BP-1", "AA.1.1", "Ya", "Ani")))
    body = state.bodies[0]
    assert (body.verifier, body.to_verify, list(body.decided)) == ("Ani", 7, ["AA.1.1"])
    cells = verify_cells(small())
    assert [(p.code, p.cell) for p in body.pending] == [(c, cells[c]) for c in ("AA.1.2", "AA.1.3", "BB.1.1", "BB.1.2", "BB.2.1", "BB.2.2")]
    assert cells["AA.1.1"] == "Kuesioner!I6"
    assert state.bodies[1].submission is None and state.bodies[1].pending == ()
    assert [(v.verifier, v.bodies, v.bodies_done, v.items, v.items_done) for v in state.verifiers] == [("Ani", 1, 0, 7, 1)]


def test_verdicts_on_another_version_do_not_count() -> None:
    # V2: Ani decided on the old version; the current one is unverified.
    state = _state(_events(("verification.assigned", "BP-1", None, "Ani", {}), _verdict("BP-1", "AA.1.1", "Ya", "Ani", sha=OLD)))
    assert state.bodies[0].decided == {} and len(state.bodies[0].pending) == 7


def test_reassignment_latest_counts_and_verdicts_stay() -> None:
    events = _events(
        ("verification.assigned", "BP-1", None, "Ani", {}),
        _verdict("BP-1", "AA.1.1", "Tidak", "Ani"),
        ("verification.assigned", "BP-1", "Ani", "Budi", {}),
        _verdict("BP-1", "AA.1.1", "Ya", "Budi"),
    )
    state = _state(events)
    assert state.bodies[0].verifier == "Budi"
    assert state.bodies[0].decided["AA.1.1"].value == "Ya"  # V3: the latest verdict
    assert [v.verifier for v in state.verifiers] == ["Budi"]


def test_clash_stays_unverified_until_the_pleno() -> None:
    sample = ("second_opinion.sampled", "BP-1", None, "Citra", {"isian": SHA, "butir": ["AA.1.1", "AA.1.2"], "benih": 7, "persen": "25", "jumlah": 2})
    base = [
        ("verification.assigned", "BP-1", None, "Ani", {}),
        sample,
        _verdict("BP-1", "AA.1.1", "Ya", "Ani"),
        _verdict("BP-1", "AA.1.2", "Lengkap", "Ani"),
        _verdict("BP-1", "AA.1.1", "Tidak", "Citra", role="kedua"),
        _verdict("BP-1", "AA.1.2", "lengkap", "Citra", role="kedua"),
    ]
    state = _state(_events(*base))
    body = state.bodies[0]
    assert (body.second_verifier, body.sampled) == ("Citra", ("AA.1.1", "AA.1.2"))
    assert [(c.code, c.first.text, c.second.text) for c in state.clashes] == [("AA.1.1", "Ya", "Tidak")]
    assert "AA.1.1" not in body.decided and body.decided["AA.1.2"].value == "Lengkap"
    assert [p.code for p in body.pending if p.clash] == ["AA.1.1"]
    assert [(p.first, p.second, p.items, p.agreed, p.percent, p.kappa) for p in state.pairs] == [("Ani", "Citra", 2, 1, "50%", "0,33")]  # p_e = 1/2 * 1/2 (Lengkap) -> (1/2 - 1/4) / (3/4)
    loads = {v.verifier: (v.items, v.items_done) for v in state.verifiers}
    assert loads == {"Ani": (7, 2), "Citra": (2, 2)}
    resolved = (
        "verification.resolved", "BP-1", None, "Tidak",
        {"isian": SHA, "butir": "AA.1.1", "jawaban": Answer(value="Tidak").model_dump(mode="json")},
    )
    after = _state(_events(*base, resolved))
    assert after.clashes == () and after.bodies[0].decided["AA.1.1"].value == "Tidak"


def test_decisions_read_in_history() -> None:
    from kipmonev.engine.decisions import body_history

    events = _events(
        ("verification.assigned", "BP-1", None, "Ani", {}),
        ("second_opinion.sampled", "BP-1", None, "Citra", {"isian": SHA, "butir": ["AA.1.1", "AA.1.2"], "daftar": "AA.1.1, AA.1.2", "benih": 7, "persen": "25", "jumlah": 2}),
        _verdict("BP-1", "AA.1.1", "Ya", "Ani"),
        ("verification.resolved", "BP-1", "Ya", "Tidak", {"isian": SHA, "butir": "AA.1.1", "jawaban": Answer(value="Tidak").model_dump(mode="json")}),
    )
    rows = body_history(events, ROSTER[0]).rows
    assert [r.what for r in rows] == [
        "Verifikator Ani ditugaskan untuk badan publik ini.",
        "2 pertanyaan (AA.1.1, AA.1.2) ditarik untuk pendapat kedua oleh Citra.",
        "Verifikator Ani (peran utama) memutuskan AA.1.1: Ya.",
        "Pleno memutuskan AA.1.1: Tidak.",
    ]
