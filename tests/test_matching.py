"""Rule M1 (kipmonev.engine.matching): which records are the same body, wherever bodies are matched.

Before M1 was the one rule, five copies disagreed: find_previous (reports), compare's key
``(id or name).strip().casefold()``, the batch's duplicate check (the same key), the recap's year over
year (exact ID only, bodies without an ID never matched) and ``score --report --previous`` (exact ID only).
The comments in the table name which copies disagreed with the behaviour kept.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import FULL_ANSWERS, small, submission, with_preset

from kipmonev import score
from kipmonev.engine.compare import compare
from kipmonev.engine.matching import body_key, pair_by_key_then_name
from kipmonev.engine.recap import build_recap, previous_from_recap, row_from_assessment, with_changes
from kipmonev.model.recap import BodyRow
from kipmonev.model.submission import BodyIdentity

Q = with_preset(small(verifikasi_wajib=False), "ki-pusat")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("A-1", "Dinas Alfa"), ("A-1", "Dinas Alfa"), True),
        # Same ID, another name (the body renamed itself): the ID decides. All copies agreed.
        (("A-1", "Dinas Alfa"), ("A-1", "Dinas Komunikasi"), True),
        # Different IDs, the same name (two regencies' Dinas Kominfo): two bodies. All copies agreed.
        (("KAB-1", "Dinas Kominfo"), ("KAB-2", "Dinas Kominfo"), False),
        # Case and outer spaces of an ID do not matter; the recap and --report compared IDs exactly.
        (("a-1 ", "Dinas Alfa"), ("A-1", "Dinas Alfa"), True),
        # Without IDs, names match ignoring case and runs of spaces; the recap and --report never matched
        # bodies without an ID, compare and the duplicate check kept inner runs of spaces.
        ((None, "Dinas  Kominfo "), (None, "dinas kominfo"), True),
        ((None, "Dinas Kominfo"), (None, "Dinas Kominfo Kota"), False),
        # An ID never matches a body without one, even when its name is the ID: compare and the duplicate
        # check took "the ID, or else the name" as one key and matched these. An ID is the commission's
        # way to tell bodies apart; a name equal to someone's ID is a coincidence.
        (("KOMINFO", "Kementerian Komunikasi"), (None, "Kominfo"), False),
        (("A-1", "Dinas Alfa"), (None, "Dinas Alfa"), False),
        # An ID of spaces is no ID: find_previous agreed; compare and the duplicate check used the blank ID.
        (("  ", "Dinas Alfa"), (None, "dinas alfa"), True),
    ],
)
def test_rule_m1(a: tuple[str | None, str], b: tuple[str | None, str], same: bool) -> None:
    assert (body_key(*a) == body_key(*b)) is same
    assert (body_key(*b) == body_key(*a)) is same


def _row(body_id: str | None, name: str, misses: tuple[str, ...] = ()) -> BodyRow:
    answers = {k: v for k, v in FULL_ANSWERS.items() if k not in misses}
    sub = submission(answers, answers, stages={"presentasi": Decimal(80)}).model_copy(update={"body": BodyIdentity(id=body_id, name=name)})
    return row_from_assessment(score(Q, sub), f"{name}.xlsx")


def test_compare_and_year_over_year_use_m1_for_bodies_without_an_id() -> None:
    old = [_row(None, "Dinas  Kominfo", misses=("AA.1.2",)), _row("KOMINFO", "Kementerian")]
    new = [_row(None, "dinas kominfo"), _row(None, "Kominfo")]
    result = compare(old, new)
    assert [b.name for b in result.bodies] == ["dinas kominfo"]
    assert ([o.key for o in result.only_old], [o.key for o in result.only_new]) == (["KOMINFO"], ["Kominfo"])
    last_year = build_recap(old, [], 2, score(Q, submission()).rules.bands, "2025-11-23")
    previous = with_changes(new, previous_from_recap(last_year))
    recap = build_recap(new, [], 2, score(Q, submission()).rules.bands, "2026-11-23", previous)
    changes = {r.name: (r.previous.change if r.previous else None) for r in recap.rows}
    assert changes == {"dinas kominfo": new[0].estimate_score - old[0].estimate_score, "Kominfo": None}


@pytest.mark.parametrize(
    ("old", "new", "pairs", "only_old", "only_new"),
    [
        # M1 first: equal IDs pair whatever the names
        ([("A", "Dinas Kominfo")], [("a", "Dinas Komunikasi")], [("A", "a", False)], [], []),
        # M2: an ID changed, the name is the same and unique on both sides
        ([("BP-03", "Badan  Pengawas")], [("BPI-03", "badan pengawas")], [("BP-03", "BPI-03", True)], [], []),
        # M2 also pairs a body that lost its ID, with the warning
        ([("BP-03", "Badan Pengawas")], [(None, "Badan Pengawas")], [("BP-03", None, True)], [], []),
        # never by name when the name is not unique among the unpaired records of one side
        ([("K-1", "Dinas Kominfo"), ("K-2", "Dinas Kominfo")], [("K-9", "Dinas Kominfo")], [], ["K-1", "K-2"], ["K-9"]),
        # different names stay apart
        ([("A", "Satu")], [("B", "Dua")], [], ["A"], ["B"]),
    ],
)
def test_pairing_by_m1_then_m2(old: list[tuple[str | None, str]], new: list[tuple[str | None, str]], pairs: list[tuple[str | None, str | None, bool]], only_old: list[str], only_new: list[str]) -> None:
    result = pair_by_key_then_name(old, new, lambda r: r)
    assert [(p.old[0], p.new[0], p.by_name) for p in result.pairs] == pairs
    assert ([r[0] for r in result.only_old], [r[0] for r in result.only_new]) == (only_old, only_new)
