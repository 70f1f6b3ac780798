"""Matching bodies across years and files: one rule, used by reports, comparisons, the recap and the batch.

Rule M1: two records are the same body when their IDs are equal, ignoring case and surrounding spaces.
When neither has an ID, they are the same body when their names are equal, ignoring case and runs of
spaces (``'Dinas  Kominfo '`` is ``'dinas kominfo'``). A record with an ID never matches one without,
even when the name of one is the ID of the other. An ID made only of spaces is no ID.

Why names only without IDs: an ID is what a commission assigns to tell bodies apart, so two bodies with
different IDs and the same name (two ``Dinas Kominfo`` of different regencies) stay apart; a body that
has no ID can only be recognised by its name.

:func:`body_key` is the rule; every comparison of bodies goes through it.
"""

from __future__ import annotations

from collections.abc import Iterable

from kipmonev.model.result import Assessment

#: What identifies a body under rule M1: ``("id", <id>)`` or, without an ID, ``("name", <name>)``.
BodyKey = tuple[str, str]


def body_key(body_id: str | None, name: str) -> BodyKey:
    """The key under which rule M1 matches a body: equal keys are the same body."""
    given = (body_id or "").strip().casefold()
    if given:
        return ("id", given)
    return ("name", " ".join(name.split()).casefold())


def find_previous(assessment: Assessment, candidates: Iterable[Assessment]) -> Assessment | None:
    """The candidate for the same body (rule M1) from the latest earlier year, or ``None``."""
    key = body_key(assessment.body.id, assessment.body.name)
    year = assessment.questionnaire.year
    found = [c for c in candidates if c.questionnaire.year < year and body_key(c.body.id, c.body.name) == key]
    return max(found, key=lambda c: c.questionnaire.year, default=None)
