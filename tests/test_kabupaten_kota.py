"""The Pemerintah Kabupaten/Kota edition, for the provincial commissions that assess kabupaten and kota (issue 17)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from cli_runner import run
from openpyxl import load_workbook
from round_helpers import answers

from kipmonev.core.resources import shipped_rule_sets
from kipmonev.model.submission import BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.sources.loader import load_questionnaire, load_rule_set, with_rule_set

EDITION = "ki-provinsi-2025-pemerintah-kabupaten-kota"
#: The questions of the edition itself; every other one comes from the KI Pusat government fragments.
OWN = ("JI.12.1", "JI.12.2", "DG.12.1", "KO.12.1")
PROVINCIAL = [s.id for s in shipped_rule_sets() if s.id != "ki-pusat"]


def test_the_edition_is_for_a_provincial_commission_and_says_its_items_are_not_official() -> None:
    q = load_questionnaire(EDITION)
    assert (q.commission, q.category, q.year, q.rule_set) == ("Komisi Informasi Provinsi", "Pemerintah Kabupaten/Kota", 2025, "ki-pusat")
    assert q.description is not None
    assert q.description.startswith(
        "Butir pertanyaan untuk kategori Pemerintah Kabupaten/Kota ditulis dari UU 14/2008 dan Perki 1/2021 dan bukan butir resmi komisi informasi provinsi mana pun"
    )
    assert {n.item: n.status.value for n in q.notes}["aturan ki-pusat sebagai aturan bawaan"] == "preset"


def test_its_own_questions_speak_of_kabupaten_kota_and_the_rest_are_the_provincial_edition_s_shared_ones() -> None:
    q = load_questionnaire(EDITION)
    province = load_questionnaire("ki-pusat-2025-pemerintah-provinsi")
    own = [x for x in q.questions if x.code in OWN]
    assert [x.code for x in own] == list(OWN)
    for x in own:
        assert "kabupaten/kota" in x.text, x.code
        assert "provinsi" not in f"{x.text} {x.definition} {x.recommendation}", x.code
    shared = [x.code for x in q.questions if x.code not in OWN]
    assert shared == [x.code for x in province.questions if not x.code.endswith(tuple(f".12.{n}" for n in range(1, 9)))]


@pytest.mark.parametrize("rule_set", PROVINCIAL)
def test_a_provincial_rule_set_names_its_commission_in_the_template_and_scores_with_its_stages(tmp_path: Path, rule_set: str) -> None:
    rules = load_rule_set(rule_set)
    template = tmp_path / "templat.xlsx"
    code, _, err = run("template", EDITION, "--rules", rule_set, "-o", str(template), "--body", "Pemerintah Kabupaten Contoh")
    assert code == 0, err
    lines = [v for (v,) in load_workbook(template, read_only=True)["Petunjuk"].iter_rows(max_col=1, values_only=True) if isinstance(v, str)]
    assert f"Penyelenggara: {rules.commission}. Kategori: Pemerintah Kabupaten/Kota. Tahun penilaian: 2025." in " ".join(lines)

    q = with_rule_set(load_questionnaire(EDITION), rules)
    body = BodyIdentity(id="KAB-01", name="Pemerintah Kabupaten Contoh", category=q.category, year=2025)
    write_filled(q, Submission(questionnaire_id=q.id, body=body, answers=answers(q)), tmp_path / "isian" / "kab-01.xlsx")
    code, _, err = run("score", str(tmp_path / "isian"), "-o", str(tmp_path / "hasil"), "--date", "2025-11-23")
    assert code == 0, err
    result = json.loads((tmp_path / "hasil" / "hasil" / "KAB-01.json").read_text(encoding="utf-8"))
    assert (result["questionnaire"]["commission"], result["questionnaire"]["rule_set"]) == (rules.commission, rule_set)
    assert [s["code"] for s in result["stages"]] == [s.code for s in rules.rules.stages]
    assert Decimal(str(result["saq_self"]["score"])) == 100
