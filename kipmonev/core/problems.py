"""Texts of the core layer: the line that closes a capped list of problems.

Plain ``str.format`` templates: :mod:`kipmonev.core.catalogue` imports :mod:`kipmonev.core.errors`, so the
errors module cannot use its ``Text`` entries without an import cycle.
"""

from __future__ import annotations

#: The last line of a list of problems cut at MAX_LISTED_PROBLEMS.
MORE_PROBLEMS = "- …dan {count} masalah lainnya."
