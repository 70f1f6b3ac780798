"""Matching bodies across years and files: one rule, used by reports, comparisons, the recap and the batch.

Rule M1: two records are the same body when their IDs are equal, ignoring case and surrounding spaces.
When neither has an ID, they are the same body when their names are equal, ignoring case and runs of
spaces (``'Dinas  Kominfo '`` is ``'dinas kominfo'``). A record with an ID never matches one without,
even when the name of one is the ID of the other. An ID made only of spaces is no ID.

Why names only without IDs: an ID is what a commission assigns to tell bodies apart, so two bodies with
different IDs and the same name (two ``Dinas Kominfo`` of different regencies) stay apart; a body that
has no ID can only be recognised by its name.

:func:`body_key` is the rule; every comparison of bodies goes through it.

Rule M2, for comparing two result sets only (``kipmonev compare``): see :func:`pair_by_key_then_name`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from kipmonev.model.result import Assessment

#: What identifies a body under rule M1: ``("id", <id>)`` or, without an ID, ``("name", <name>)``.
BodyKey = tuple[str, str]
T = TypeVar("T")


def body_key(body_id: str | None, name: str) -> BodyKey:
    """The key under which rule M1 matches a body: equal keys are the same body."""
    given = (body_id or "").strip().casefold()
    if given:
        return ("id", given)
    return ("name", norm_name(name))


def find_previous(assessment: Assessment, candidates: Iterable[Assessment]) -> Assessment | None:
    """The candidate for the same body (rule M1) from the latest earlier year, or ``None``."""
    key = body_key(assessment.body.id, assessment.body.name)
    year = assessment.questionnaire.year
    found = [c for c in candidates if c.questionnaire.year < year and body_key(c.body.id, c.body.name) == key]
    return max(found, key=lambda c: c.questionnaire.year, default=None)


def norm_name(name: str) -> str:
    """A name as rules M1 and M2 compare it: case and runs of spaces ignored."""
    return " ".join(name.split()).casefold()


def pair_by_key_then_name(old: Sequence[T], new: Sequence[T], ident: Callable[[T], tuple[str | None, str]]) -> Pairing[T]:
    """Pair two sets of records: by rule M1, then what is left by rule M2.

    Rule M2 (comparisons of two result sets only): a record left unpaired by M1 on each side is paired with
    one on the other side when their names are equal (as :func:`norm_name` compares them) and that name is
    carried by exactly one unpaired record on each side. Such a pair is marked ``by_name``, so the caller
    warns about it: the body's ID changed between the two sets, or one of them is wrong. Two unpaired
    records with the same name on one side are never paired by name.
    """
    before = {body_key(*ident(r)): r for r in old}
    after = {body_key(*ident(r)): r for r in new}
    pairs = [Pair(before[k], after[k], by_name=False) for k in sorted(before.keys() & after.keys())]
    left_old = [before[k] for k in sorted(before.keys() - after.keys())]
    left_new = [after[k] for k in sorted(after.keys() - before.keys())]
    names_old = Counter(norm_name(ident(r)[1]) for r in left_old)
    names_new = Counter(norm_name(ident(r)[1]) for r in left_new)
    unique = {n for n in names_old if names_old[n] == 1 and names_new.get(n) == 1}
    by_name_new = {norm_name(ident(r)[1]): r for r in left_new if norm_name(ident(r)[1]) in unique}
    for record in left_old:
        name = norm_name(ident(record)[1])
        if name in unique:
            pairs.append(Pair(record, by_name_new[name], by_name=True))
    return Pairing(
        pairs=tuple(pairs),
        only_old=tuple(r for r in left_old if norm_name(ident(r)[1]) not in unique),
        only_new=tuple(r for r in left_new if norm_name(ident(r)[1]) not in unique),
    )


@dataclass(frozen=True)
class Pair(Generic[T]):
    """Two records of one body; ``by_name`` when rule M2 paired them (their IDs differ or one is missing)."""

    old: T
    new: T
    by_name: bool


@dataclass(frozen=True)
class Pairing(Generic[T]):
    """The records paired across two sets and those found on one side only."""

    pairs: tuple[Pair[T], ...]
    only_old: tuple[T, ...]
    only_new: tuple[T, ...]
