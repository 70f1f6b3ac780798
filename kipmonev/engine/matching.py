"""Matching bodies across years and files: one rule, used by reports, comparisons and the batch.

Rule M1: two records are the same body when their IDs are equal (ignoring case and surrounding
spaces); when neither has an ID, when their names are equal (ignoring case and runs of spaces).
A record with an ID never matches one without.
"""

from __future__ import annotations

from collections.abc import Iterable

from kipmonev.model.result import Assessment
from kipmonev.model.submission import BodyIdentity


def _key(body: BodyIdentity) -> tuple[str, str]:
    return (body.id or "").strip().casefold(), " ".join(body.name.split()).casefold()


def find_previous(assessment: Assessment, candidates: Iterable[Assessment]) -> Assessment | None:
    """The candidate for the same body from the latest earlier year: same id, else same name when neither has an id."""
    body_id, name = _key(assessment.body)
    year = assessment.questionnaire.year
    found = [
        c
        for c in candidates
        if c.questionnaire.year < year and ((body_id and _key(c.body)[0] == body_id) or (not body_id and not _key(c.body)[0] and _key(c.body)[1] == name))
    ]
    return max(found, key=lambda c: c.questionnaire.year, default=None)
