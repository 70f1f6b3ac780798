"""Text helpers shared by every reader: the one did-you-mean rule."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

#: How alike a name must be to be suggested (difflib's ratio: 2 × matching characters ÷ both lengths).
#: 0.75 suggests 'bobot' for 'bobbot', 'Kuisioner' for 'Kuesioner', 'tahap-2' for 'tahap', and nothing
#: for short names that share a letter or two ('id' for 'ab').
SUGGEST_CUTOFF = 0.75


def closest(given: str, choices: Iterable[str], *, key: Callable[[str], str] = str.casefold, cutoff: float = SUGGEST_CUTOFF) -> str | None:
    """The choice most like ``given`` (compared through ``key``), for a "did you mean" hint; ``None`` if none is close.

    Ties go to the choice listed first.
    """
    options = list(dict.fromkeys(choices))
    keyed: dict[str, str] = {}
    for option in options:
        keyed.setdefault(key(option), option)
    if not keyed:
        return None
    near = difflib.get_close_matches(key(given), list(keyed), n=len(keyed), cutoff=cutoff)
    if not near:
        return None
    # NOTE: get_close_matches breaks ties by the larger string; the order of the choices is friendlier.
    ratio = {k: difflib.SequenceMatcher(None, k, key(given)).ratio() for k in near}  # the orientation difflib uses
    tied = {k for k in near if ratio[k] == ratio[near[0]]}
    return next(keyed[k] for k in keyed if k in tied)
