"""A questionnaire diff as plain Indonesian text, one section per kind of change."""

from __future__ import annotations

from collections.abc import Iterable

from kipmonev.core import messages as msg
from kipmonev.engine.diff import FieldChange, QuestionnaireDiff

#: Values longer than this are shown on two lines, before and after.
_INLINE = 40


def _value(value: str | None) -> str:
    return msg.diff_empty_value() if value is None else value


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
    lines = [msg.diff_title(diff.old, diff.new)]
    if diff.empty:
        return "\n".join([*lines, msg.diff_none()]) + "\n"
    sections: list[tuple[str, list[str]]] = [
        ("pengaturan", _field_lines(diff.settings, "  ")),
        ("indikator_ditambahkan", [f"  + {i.code}  {i.text}" for i in diff.indicators_added]),
        ("indikator_dihapus", [f"  - {i.code}  {i.text}" for i in diff.indicators_removed]),
        ("indikator_diubah", [line for c in diff.indicators_changed for line in [f"  ~ {c.code}", *_field_lines(c.changes, "      ")]]),
        ("pertanyaan_ditambahkan", [f"  + {q.code}  {q.text}" for q in diff.questions_added]),
        ("pertanyaan_dihapus", [f"  - {q.code}  {q.text}" for q in diff.questions_removed]),
        ("pertanyaan_diubah", [line for c in diff.questions_changed for line in [f"  ~ {c.code}", *_field_lines(c.changes, "      ")]]),
        ("aturan", _field_lines(diff.rules, "  ")),
    ]
    counts = {
        "pengaturan": len(diff.settings),
        "indikator_ditambahkan": len(diff.indicators_added),
        "indikator_dihapus": len(diff.indicators_removed),
        "indikator_diubah": len(diff.indicators_changed),
        "pertanyaan_ditambahkan": len(diff.questions_added),
        "pertanyaan_dihapus": len(diff.questions_removed),
        "pertanyaan_diubah": len(diff.questions_changed),
        "aturan": len(diff.rules),
    }
    for key, body in sections:
        if body:
            lines += ["", msg.diff_section(key, counts[key]), *body]
    return "\n".join(lines) + "\n"
