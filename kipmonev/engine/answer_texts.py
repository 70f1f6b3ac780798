"""What people type instead of a questionnaire's answer labels, and the label they meant (a "did you mean" hint).

The words are matched after case folding and trimming; an unknown word falls back to the closest label by
spelling (:func:`kipmonev.core.text.closest`). The hint is only a suggestion in the error message: the answer
still has to be corrected, so a guess never changes a score.
"""

from __future__ import annotations

from collections.abc import Sequence

from kipmonev.core.text import closest
from kipmonev.engine.problems import ANSWER_MEANT
from kipmonev.model.questionnaire import NA_LABEL, NO_LABEL, YES_LABEL

__all__ = ["TYPED", "meant", "meant_label"]

#: Words and signs typed for each label, as they arrive in the cells of filled workbooks.
TYPED: dict[str, tuple[str, ...]] = {
    YES_LABEL: ("iya", "y", "yes", "sudah", "ada", "benar", "ok", "v", "✓", "✔", "√"),
    NO_LABEL: ("t", "tdk", "tak", "no", "n", "belum", "tidak ada", "blm", "x", "✗", "✘", "-"),
    NA_LABEL: ("n/a", "na", "tb", "t/b", "tidak relevan", "tdk berlaku"),
}


def meant_label(given: str, labels: Sequence[str]) -> str | None:
    """The label among ``labels`` that ``given`` most likely meant, or ``None`` when nothing is close."""
    key = " ".join(given.split()).casefold()
    for label, words in TYPED.items():
        if key in words and label in labels:
            return label
    return closest(given, labels)


def meant(given: str, labels: Sequence[str]) -> str:
    """The ``meant`` value of ANSWER_INVALID: " Mungkin maksud Anda '…'?" when a label is close, else nothing."""
    label = meant_label(given, labels)
    return ANSWER_MEANT.text(label=label) if label else ""
