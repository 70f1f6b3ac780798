"""Compare two editions: questions added, removed and changed, indicator changes, and rule changes.

Values are compared as they read in the authoring workbook (``KO.2.1 = Ya``, ``Tidak ada = 0; Lengkap = 3``),
so a change shows the way authors wrote it. Question and indicator order is not compared.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from pydantic import Field

from kipmonev.core.formatting import format_plain
from kipmonev.engine.problems import DIFF_GATE, DIFF_NO_ROUNDING, DIFF_ROUNDING
from kipmonev.formats.questionnaire_layout import YES_NO, condition_text
from kipmonev.model.base import Frozen
from kipmonev.model.questionnaire import (
    AnyQuestion,
    Band,
    ChecklistQuestion,
    ChoiceQuestion,
    Indicator,
    NumberQuestion,
    Questionnaire,
    Range,
    RuleNote,
    Rules,
    Stage,
    YesNoQuestion,
)


class FieldChange(Frozen):
    """One field whose value differs; ``None`` means absent or empty."""

    field: str = Field(description="Nama kolom atau kunci, misalnya 'poin' atau 'tahap[saq].bobot'.")
    before: str | None = Field(description="Nilai di edisi lama.")
    after: str | None = Field(description="Nilai di edisi baru.")


class ItemRef(Frozen):
    """An indicator or question that exists in only one of the editions."""

    code: str
    text: str = Field(description="Nama indikator atau teks pertanyaan.")


class ItemChange(Frozen):
    """An indicator or question present in both editions, with what changed in it."""

    code: str
    changes: tuple[FieldChange, ...]


class QuestionnaireDiff(Frozen):
    """Everything that differs between an old and a new edition."""

    old: str = Field(description="Id dan versi edisi lama.")
    new: str = Field(description="Id dan versi edisi baru.")
    old_hash: str
    new_hash: str
    settings: tuple[FieldChange, ...] = ()
    indicators_added: tuple[ItemRef, ...] = ()
    indicators_removed: tuple[ItemRef, ...] = ()
    indicators_changed: tuple[ItemChange, ...] = ()
    questions_added: tuple[ItemRef, ...] = ()
    questions_removed: tuple[ItemRef, ...] = ()
    questions_changed: tuple[ItemChange, ...] = ()
    rules: tuple[FieldChange, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the editions score identically and read the same (order aside)."""
        parts = (self.settings, self.indicators_added, self.indicators_removed, self.indicators_changed)
        return not any((*parts, self.questions_added, self.questions_removed, self.questions_changed, self.rules))


# --- values as authors read them -------------------------------------------------------------------


def _num(value: object) -> str:
    return format_plain(value)  # type: ignore[arg-type]


def _question_values(q: AnyQuestion) -> dict[str, str | None]:
    return {
        "indikator": q.indicator,
        "tipe": q.type.value,
        "teks": q.text,
        "petunjuk": q.hint,
        "definisi_operasional": q.definition,
        "dasar_hukum": q.legal_basis,
        "poin": _num(q.points) if isinstance(q, YesNoQuestion) else None,
        "pilihan": "; ".join(f"{o.label} = {_num(o.points)}" for o in q.options) if isinstance(q, ChoiceQuestion) else None,
        "butir": "; ".join(f"{i.code}. {i.label} = {_num(i.points)}" for i in q.items) if isinstance(q, ChecklistQuestion) else None,
        "rentang": "; ".join(_range(r) for r in q.ranges) if isinstance(q, NumberQuestion) else None,
        "satuan": q.unit if isinstance(q, NumberQuestion) else None,
        "bukti": q.evidence.value,
        "boleh_na": _yes_no(q.allow_na),
        "syarat": condition_text(q.condition) if q.condition else None,
        "rekomendasi": q.recommendation,
        "dinilai_oleh": q.assessed_by.value if q.assessed_by is not None else None,
        "periode": str(q.period) if q.period is not None else None,
        "skala_verifikasi": "; ".join(f"{lv.label} = {_num(lv.points)}" + (f" ({lv.description})" if lv.description else "") for lv in q.verifier_scale or ()) or None,
        "ketidaklengkapan": q.incompleteness.value if isinstance(q, ChecklistQuestion) else None,
        "bukti_pengganti": _substitute(q),
    }


def _substitute(q: AnyQuestion) -> str | None:
    sub = q.substitute if isinstance(q, YesNoQuestion) else None
    if sub is None:
        return None
    signer = f", ditandatangani {sub.signed_by}" if sub.signed_by else ""
    return f"{sub.name}{signer}; bukti {sub.evidence.value}; label '{sub.label}'"


def _range(r: Range) -> str:
    span = f"≥ {_num(r.low)}" if r.high is None else f"[{_num(r.low)}–{_num(r.high)}{']' if r.high_inclusive else ')'}"
    return f"{span} = {_num(r.points)}"


def _yes_no(value: bool) -> str:
    return YES_NO[0] if value else YES_NO[1]


def _indicator_values(i: Indicator) -> dict[str, str | None]:
    return {"nama": i.name, "bobot": _num(i.weight), "deskripsi": i.description}


def _notes(notes: tuple[RuleNote, ...]) -> str | None:
    return "; ".join(f"{n.item} ({n.status.value}: {n.source or n.reason})" for n in notes) or None


def _settings_values(q: Questionnaire) -> dict[str, str | None]:
    return {
        "id": q.id,
        "judul": q.title,
        "komisi": q.commission,
        "tahun": str(q.year),
        "kategori": q.category,
        "versi": str(q.version),
        "deskripsi": q.description,
        "aturan_id": q.rule_set,
        "keterangan": _notes(q.notes),
        "poin_langsung": _yes_no(q.direct_points),
        "batas_ukuran_bukti_mb": _num(q.evidence_max_mb),
        **{f"kelompok[{g.code}]": g.title for g in q.groups},
    }


def _rule_values(r: Rules) -> dict[str, str | None]:
    rounding = r.rounding
    return {
        "gerbang": DIFF_GATE.text(threshold=_num(r.gate.threshold), on_fail=r.gate.on_fail.value) if r.gate else None,
        "pembulatan": DIFF_NO_ROUNDING.text() if rounding.places is None else DIFF_ROUNDING.text(places=rounding.places, mode=rounding.mode.value),
        "kredit_tanpa_bukti": _num(r.evidence_credit),
        "jawaban_kosong": r.missing_answers.value,
        "verifikasi_wajib": _yes_no(r.verification_required),
        "keterangan": _notes(r.notes),
    }


# --- comparing -------------------------------------------------------------------------------------


def _changes(before: dict[str, str | None], after: dict[str, str | None], prefix: str = "") -> list[FieldChange]:
    keys = [*after, *(k for k in before if k not in after)]  # a removed group is a change too
    return [FieldChange(field=prefix + key, before=before.get(key), after=after.get(key)) for key in keys if before.get(key) != after.get(key)]


_T = TypeVar("_T")
_C = TypeVar("_C", Stage, Band)


def _by_code(
    old: Sequence[_T], new: Sequence[_T], code: Callable[[_T], str], values: Callable[[_T], dict[str, str | None]]
) -> tuple[list[_T], list[_T], list[ItemChange]]:
    old_map = {code(x): x for x in old}
    new_map = {code(x): x for x in new}
    added = [x for x in new if code(x) not in old_map]
    removed = [x for x in old if code(x) not in new_map]
    changed = [
        ItemChange(code=code(x), changes=tuple(found))
        for x in new
        if code(x) in old_map and (found := _changes(values(old_map[code(x)]), values(x)))
    ]
    return added, removed, changed


def _stage_values(s: Stage) -> dict[str, str | None]:
    return {"nama": s.name, "bobot": _num(s.weight)}


def _band_values(b: Band) -> dict[str, str | None]:
    return {"nama": b.name, "batas_bawah": _num(b.lower), "warna": b.color, "pesan": b.message}


def _coded_changes(what: str, old: Sequence[_C], new: Sequence[_C], values: Callable[[_C], dict[str, str | None]]) -> list[FieldChange]:
    """Changes to stages or bands, each named ``tahap[saq].bobot``; an order change is one more change."""
    added, removed, changed = _by_code(old, new, lambda x: x.code, values)
    changes = [FieldChange(field=f"{what}[{x.code}]", before=None, after=_summary(values(x))) for x in added]
    changes += [FieldChange(field=f"{what}[{x.code}]", before=_summary(values(x)), after=None) for x in removed]
    for item in changed:
        changes += [c.model_copy(update={"field": f"{what}[{item.code}].{c.field}"}) for c in item.changes]
    old_order = [x.code for x in old if x.code in {y.code for y in new}]
    new_order = [x.code for x in new if x.code in {y.code for y in old}]
    if old_order != new_order:
        changes.append(FieldChange(field=f"{what} (urutan)", before=", ".join(old_order), after=", ".join(new_order)))
    return changes


def _rules_changes(old: Rules, new: Rules) -> list[FieldChange]:
    """Rule changes in the order the workbook shows them: stages, gate, bands, then the settings."""
    scalars = _changes(_rule_values(old), _rule_values(new))
    changes = _coded_changes("tahap", old.stages, new.stages, _stage_values)
    changes += [c for c in scalars if c.field == "gerbang"]
    changes += _coded_changes("kualifikasi", old.bands, new.bands, _band_values)
    return changes + [c for c in scalars if c.field != "gerbang"]


def _summary(values: dict[str, str | None]) -> str:
    return ", ".join(f"{k} {v}" for k, v in values.items() if v is not None)


def _label(q: Questionnaire) -> str:
    return f"{q.id} versi {q.version}"


def diff_questionnaires(old: Questionnaire, new: Questionnaire) -> QuestionnaireDiff:
    """Compare two editions field by field, matching indicators, questions, stages and bands by code.

    Returns:
        The differences; :attr:`QuestionnaireDiff.empty` when there are none.
    """
    ind_added, ind_removed, ind_changed = _by_code(old.indicators, new.indicators, lambda i: i.code, _indicator_values)
    q_added, q_removed, q_changed = _by_code(old.questions, new.questions, lambda q: q.code, _question_values)
    return QuestionnaireDiff(
        old=_label(old),
        new=_label(new),
        old_hash=old.content_hash,
        new_hash=new.content_hash,
        settings=tuple(_changes(_settings_values(old), _settings_values(new))),
        indicators_added=tuple(ItemRef(code=i.code, text=i.name) for i in ind_added),
        indicators_removed=tuple(ItemRef(code=i.code, text=i.name) for i in ind_removed),
        indicators_changed=tuple(ind_changed),
        questions_added=tuple(ItemRef(code=q.code, text=q.text) for q in q_added),
        questions_removed=tuple(ItemRef(code=q.code, text=q.text) for q in q_removed),
        questions_changed=tuple(q_changed),
        rules=tuple(_rules_changes(old.rules, new.rules)),
    )
