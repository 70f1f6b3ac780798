"""Every shipped edition and rule set validates and meets the content requirements."""

from __future__ import annotations

import pytest

from kipmonev import load_questionnaire, load_rule_set
from kipmonev.core.resources import ShippedFile, shipped_editions, shipped_rule_sets
from kipmonev.model.questionnaire import AnswerType

KI_PUSAT_CATEGORIES = {
    "Kementerian",
    "Lembaga Negara dan LPNK",
    "Lembaga Non-Struktural",
    "Pemerintah Provinsi",
    "BUMN",
    "Perguruan Tinggi Negeri",
    "Partai Politik",
}
EXPECTED_WEIGHTS = {"JI": 40, "DG": 20, "SP": 10, "KU": 10, "KO": 10, "PL": 10}


def test_the_seven_ki_pusat_categories_are_shipped() -> None:
    editions = [load_questionnaire(s.path) for s in shipped_editions() if s.id.startswith("ki-pusat-2025-")]
    assert {q.category for q in editions} == KI_PUSAT_CATEGORIES


@pytest.mark.parametrize("shipped", [s for s in shipped_editions(examples=True) if s.id.startswith("examples-")], ids=lambda s: s.id)
def test_shipped_example(shipped: ShippedFile) -> None:
    q = load_questionnaire(shipped.path)
    assert q.id == shipped.id, "the id must be <folder>-<file stem>"
    assert {n.status.value for n in q.notes} == {"preset"}, "an example's items are presets"


@pytest.mark.parametrize("shipped", shipped_editions(), ids=lambda s: s.id)
def test_shipped_edition(shipped: ShippedFile) -> None:
    q = load_questionnaire(shipped.path)
    assert q.id == shipped.id, "the id must be <folder>-<file stem>"
    scored = [x for x in q.questions if x.max_points > 0]
    assert len(scored) >= 60
    assert {i.code: int(i.weight) for i in q.indicators} == EXPECTED_WEIGHTS
    assert {x.type for x in q.questions} == set(AnswerType)
    assert any(x.condition is not None for x in q.questions)
    assert any(x.allow_na for x in q.questions)
    for x in q.questions:
        assert x.text.endswith("?"), x.code
        assert x.legal_basis and x.definition and x.recommendation
    assert {n.status.value for n in (*q.notes, *q.rules.notes)} == {"terkonfirmasi", "preset"}
    assert q.rule_set == "ki-pusat"


@pytest.mark.parametrize("shipped", shipped_rule_sets(), ids=lambda s: s.id)
def test_shipped_rule_set(shipped: ShippedFile) -> None:
    rules = load_rule_set(shipped.path)
    assert rules.id == shipped.id
    assert [(b.name, int(b.lower)) for b in rules.rules.bands] == [
        ("Informatif", 90),
        ("Menuju Informatif", 80),
        ("Cukup Informatif", 60),
        ("Kurang Informatif", 40),
        ("Tidak Informatif", 0),
    ]
    assert all(n.source or n.reason for n in rules.rules.notes)


def test_rule_set_presets() -> None:
    pusat, dki, kaltim = (load_rule_set(x).rules for x in ("ki-pusat", "ki-dki-jakarta", "ki-kaltim"))
    assert [(s.code, int(s.weight)) for s in pusat.stages] == [("saq", 80), ("presentasi", 20)]
    assert pusat.gate is not None and pusat.gate.threshold == 60
    assert [(s.code, int(s.weight)) for s in dki.stages] == [("saq", 70), ("presentasi", 30)]
    assert dki.gate is not None and dki.gate.threshold == 65
    assert [(s.code, int(s.weight)) for s in kaltim.stages] == [("saq", 80), ("visitasi", 20)]
    assert kaltim.gate is None
