"""Generate the key reference of ``questionnaires/README.md`` from the models, so the two cannot drift.

``python -m kipmonev.app.docgen`` rewrites the generated block; a test fails when it is stale.
"""

from __future__ import annotations

import sys
import types
import typing
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kipmonev.app.problems import DOC_CURRENT, DOC_UPDATED
from kipmonev.model.questionnaire import (
    Band,
    ChecklistItem,
    ChecklistQuestion,
    ChoiceQuestion,
    Condition,
    Criterion,
    Gate,
    Group,
    Indicator,
    Level,
    NumberQuestion,
    Option,
    Questionnaire,
    Range,
    Rounding,
    Rubric,
    RuleNote,
    Rules,
    RuleSet,
    Stage,
    Substitute,
    YesNoQuestion,
)

BEGIN = "<!-- BEGIN GENERATED: format reference (python -m kipmonev.app.docgen) -->"
END = "<!-- END GENERATED -->"

_SECTIONS: list[tuple[str, type[BaseModel], tuple[str, ...]]] = [
    ("Edisi (berkas kuesioner)", Questionnaire, ()),
    ("Indikator (`indikator[]`)", Indicator, ()),
    ("Pertanyaan, kunci bersama (`pertanyaan[]`)", YesNoQuestion, ("tipe", "poin", "bukti_pengganti")),
    ("Tipe `ya_tidak`", YesNoQuestion, ("*common",)),
    ("Bukti pengganti (`bukti_pengganti`, hanya `ya_tidak`)", Substitute, ()),
    ("Tingkat skala verifikasi (`skala_verifikasi[]`)", Level, ()),
    ("Tipe `pilihan`", ChoiceQuestion, ("*common",)),
    ("Pilihan (`pilihan[]`)", Option, ()),
    ("Tipe `daftar`", ChecklistQuestion, ("*common",)),
    ("Butir daftar (`butir[]`)", ChecklistItem, ()),
    ("Tipe `angka`", NumberQuestion, ("*common",)),
    ("Rentang (`rentang[]`)", Range, ()),
    ("Syarat (`syarat`)", Condition, ()),
    ("Kelompok (`kelompok[]`)", Group, ()),
    ("Aturan (`aturan`)", Rules, ()),
    ("Tahap (`aturan.tahap[]`)", Stage, ()),
    ("Gerbang (`aturan.gerbang`, `aturan.gerbang_lanjutan[]`)", Gate, ()),
    ("Rubrik (`aturan.rubrik[]`)", Rubric, ()),
    ("Kriteria rubrik (`aturan.rubrik[].kriteria[]`)", Criterion, ()),
    ("Kualifikasi (`aturan.kualifikasi[]`)", Band, ()),
    ("Pembulatan (`aturan.pembulatan`)", Rounding, ()),
    ("Keterangan (`keterangan[]`, `aturan.keterangan[]`)", RuleNote, ()),
    ("Berkas aturan (`questionnaires/aturan/*.yaml`)", RuleSet, ()),
]
_COMMON = set(YesNoQuestion.model_fields) - {"type", "points", "substitute"}


def _type_text(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if origin is typing.Annotated:
        return _type_text(args[0])
    if origin in (typing.Union, types.UnionType):
        return " atau ".join(dict.fromkeys(_type_text(a) for a in args))
    if origin is typing.Literal:
        return " | ".join(f"`{a.value if isinstance(a, Enum) else a}`" for a in args)
    if origin is tuple:
        return f"daftar {_type_text(args[0])}"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return " | ".join(f"`{m.value}`" for m in tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return "pemetaan"
    names = {str: "teks", int: "bilangan bulat", Decimal: "angka", bool: "`true`/`false`"}
    return names.get(tp, getattr(tp, "__name__", str(tp)))


def _section(title: str, model: type[BaseModel], skip: tuple[str, ...]) -> list[str]:
    lines = [f"### {title}", "", "| kunci | wajib | nilai | keterangan |", "|---|---|---|---|"]
    for name, f in model.model_fields.items():
        key = f.alias or name
        if key in skip or ("*common" in skip and name in _COMMON):
            continue
        required = "ya" if f.is_required() else "tidak"
        cells = [f"`{key}`", required, _type_text(f.annotation), f.description or ""]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return [*lines, ""]


def format_reference() -> str:
    """The generated Markdown block, markers included."""
    body: list[str] = []
    for title, model, skip in _SECTIONS:
        body += _section(title, model, skip)
    return "\n".join([BEGIN, "", *body, END])


def replace_block(path: Path, block: str) -> bool:
    """Put ``block`` in place of the generated block between its first and last lines in ``path``.

    The block's first line (``<!-- BEGIN GENERATED… -->``) and last line (``<!-- END GENERATED… -->``)
    are the markers to find. Returns True when the file changed.
    """
    begin, end = block.split("\n", 1)[0], block.rsplit("\n", 1)[-1]
    text = path.read_text(encoding="utf-8")
    start, stop = text.index(begin), text.index(end) + len(end)
    new = text[:start] + block + text[stop:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def update(readme: Path) -> bool:
    """Rewrite the generated block of ``readme``; return True when it changed."""
    return replace_block(readme, format_reference())


if __name__ == "__main__":
    from kipmonev.core.resources import questionnaires_dir

    changed = update(questionnaires_dir() / "README.md")
    sys.stdout.write((DOC_UPDATED if changed else DOC_CURRENT).text(path="questionnaires/README.md") + "\n")
