"""The one base of every kipmonev model: frozen (values, not objects to patch) and strict about keys."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, PlainSerializer

from kipmonev.core.numbers import json_number

#: A score or points: an exact Decimal in Python, a JSON number in the canonical result.
Score = Annotated[Decimal, PlainSerializer(json_number, return_type=float, when_used="json")]


class Frozen(BaseModel):
    """A frozen pydantic model that refuses unknown keys, so a typo is an error rather than a silent default.

    Subclasses may add to ``model_config`` (pydantic merges it), e.g. the questionnaire's aliases.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
