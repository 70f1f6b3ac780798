"""A questionnaire diff as plain Indonesian text, one section per kind of change."""

from __future__ import annotations

from collections.abc import Iterable

from kipmonev.core.catalogue import Text
from kipmonev.engine.diff import FieldChange, QuestionnaireDiff
from kipmonev.outputs.problems import (
    DIFF_EMPTY_VALUE,
    DIFF_INDICATORS_ADDED,
    DIFF_INDICATORS_CHANGED,
    DIFF_INDICATORS_REMOVED,
    DIFF_NONE,
    DIFF_QUESTIONS_ADDED,
    DIFF_QUESTIONS_CHANGED,
    DIFF_QUESTIONS_REMOVED,
    DIFF_RULES,
    DIFF_SETTINGS,
    DIFF_TITLE,
)

#: Values longer than this are shown on two lines, before and after.
_INLINE = 40


def _value(value: str | None) -> str:
    return DIFF_EMPTY_VALUE.text() if value is None else value


def _field_lines(changes: Iterable[FieldChange], indent: str) -> list[str]:
    lines: list[str] = []
    for c in changes:
        before, after = _value(c.before), _value(c.after)
        if len(before) <= _INLINE and len(after) <= _INLINE:
            lines.append(f"{indent}{c.field}: {before} → {after}")
        else:
            lines += [f"{indent}{c.field}:", f"{indent}  - {before}", f"{indent}  + {after}"]
    return lines


def render_diff(diff: QuestionnaireDiff) -> str:
    """The differences as plain Indonesian text, one section per kind of change (empty sections left out)."""
    lines = [DIFF_TITLE.text(old=diff.old, new=diff.new)]
    if diff.empty:
        return "\n".join([*lines, DIFF_NONE.text()]) + "\n"
    sections: list[tuple[Text, int, list[str]]] = [
        (DIFF_SETTINGS, len(diff.settings), _field_lines(diff.settings, "  ")),
        (DIFF_INDICATORS_ADDED, len(diff.indicators_added), [f"  + {i.code}  {i.text}" for i in diff.indicators_added]),
        (DIFF_INDICATORS_REMOVED, len(diff.indicators_removed), [f"  - {i.code}  {i.text}" for i in diff.indicators_removed]),
        (DIFF_INDICATORS_CHANGED, len(diff.indicators_changed), [line for c in diff.indicators_changed for line in [f"  ~ {c.code}", *_field_lines(c.changes, "      ")]]),
        (DIFF_QUESTIONS_ADDED, len(diff.questions_added), [f"  + {q.code}  {q.text}" for q in diff.questions_added]),
        (DIFF_QUESTIONS_REMOVED, len(diff.questions_removed), [f"  - {q.code}  {q.text}" for q in diff.questions_removed]),
        (DIFF_QUESTIONS_CHANGED, len(diff.questions_changed), [line for c in diff.questions_changed for line in [f"  ~ {c.code}", *_field_lines(c.changes, "      ")]]),
        (DIFF_RULES, len(diff.rules), _field_lines(diff.rules, "  ")),
    ]
    for title, count, body in sections:
        if body:
            lines += ["", title.text(count=count), *body]
    return "\n".join(lines) + "\n"
