"""The one base of every kipmonev model: frozen (values, not objects to patch) and strict about keys."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """A frozen pydantic model that refuses unknown keys, so a typo is an error rather than a silent default.

    Subclasses may add to ``model_config`` (pydantic merges it), e.g. the questionnaire's aliases.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
