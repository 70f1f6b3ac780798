"""Round trips: template → filled in code → read back → the same Assessment as scoring the answers directly.

Also the real-spreadsheet test: LibreOffice re-saves filled templates (recalculating every formula);
kipmonev reads them back to the same scores, and the recalculated Ringkasan equals kipmonev's numbers.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import small, small_data, with_preset
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils import coordinate_to_tuple
from strategies import answers_for
from workbook_helpers import direct, fill, libreoffice_resave

from kipmonev import Assessment, load_questionnaire, score
from kipmonev.core.resources import shipped_editions
from kipmonev.model.questionnaire import AnyQuestion, ChecklistQuestion, ChoiceQuestion, NumberQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.submission import Answer
from kipmonev.outputs.formulas import summary_layout
from kipmonev.sources.reader import read_submission
from kipmonev.sources.xlsx import open_xlsx


def _with_whole_na_indicator() -> Questionnaire:
    """Three indicators; CC's only question may be N/A, so S4 rescales the others' weights; inclusive ranges."""
    data = small_data()
    data["indikator"] = [{"kode": "AA", "nama": "A", "bobot": 50}, {"kode": "BB", "nama": "B", "bobot": 30}, {"kode": "CC", "nama": "C", "bobot": 20}]
    common = {"definisi_operasional": "Definisi.", "dasar_hukum": "UU 14/2008 Pasal 9", "rekomendasi": "Lengkapi."}
    data["pertanyaan"].append({"kode": "CC.1.1", "indikator": "CC", "teks": "Cabang?", "tipe": "ya_tidak", "poin": 3, "boleh_na": True, "bukti": "dokumen", **common})
    # 'paling lambat 10 hari kerja': 10 is in the first range although the second starts there (first match wins).
    data["pertanyaan"][4]["rentang"] = [{"dari": 0, "sampai": 10, "termasuk_sampai": True, "poin": 2}, {"dari": 10, "sampai": 17, "poin": 1}, {"dari": 17, "poin": 0}]
    data["id"] = "uji-tiga"
    return Questionnaire.model_validate(data)


SMALL_VARIANTS = {
    "kecil": small(),
    "kecil-ki-pusat": with_preset(small(), "ki-pusat"),
    "kecil-ki-kaltim": with_preset(small(), "ki-kaltim"),
    # Half-even to one decimal, half credit without evidence, later stages zero below the gate.
    "kecil-varian": small(
        pembulatan={"tempat_desimal": 1, "mode": "setengah_genap"},
        kredit_tanpa_bukti=Decimal("0.5"),
        gerbang={"batas": 50, "jika_tidak_lolos": "tahap_lain_nol"},
        jawaban_kosong="tidak_lengkap",
    ),
    "tiga-indikator": _with_whole_na_indicator(),
}
SHIPPED = {s.id: load_questionnaire(s.id) for s in shipped_editions(examples=True)}
EDITIONS = {**SMALL_VARIANTS, **SHIPPED}
STAGE = st.decimals(min_value=0, max_value=100, places=2)


def _comparable(a: Assessment) -> dict[str, Any]:
    return a.model_dump(mode="json", exclude={"source", "notices"})


def test_every_shipped_edition_is_covered() -> None:
    assert len(SHIPPED) == 9  # KI Pusat's seven categories, the provincial commissions' kabupaten/kota and the worked example of the format
    assert {q.category for q in SHIPPED.values()} - {"Contoh"} == {"Pemerintah Kabupaten/Kota", "Kementerian", "Lembaga Negara dan LPNK", "Lembaga Non-Struktural", "Pemerintah Provinsi", "BUMN", "Perguruan Tinggi Negeri", "Partai Politik"}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(EDITIONS))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_round_trip_gives_the_same_assessment(name: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    q = EDITIONS[name]
    answers = data.draw(answers_for(q), label="answers")
    verification = data.draw(st.one_of(st.just({}), answers_for(q, verifier=True)), label="verification")
    stages = {s.code: data.draw(STAGE, label=s.code) for s in q.rules.later_stages if data.draw(st.booleans())}
    path = fill(tmp_path_factory.mktemp("rt") / "isian.xlsx", q, answers, verification, stages)
    # Shipped editions are resolved from the workbook's own metadata; the others are given.
    read_q, submission = read_submission(path, None if name in SHIPPED else q)
    assert read_q.content_hash == q.content_hash
    assert _comparable(score(read_q, submission)) == _comparable(score(q, direct(q, answers, verification, stages)))


# --- LibreOffice as a real client ----------------------------------------------------------

EVIDENCE = [(), ("https://ppid.contoh.go.id/a.pdf",), ("sk-ppid.pdf",), ("  ",), ("https://ppid.contoh.go.id/a.pdf", "catatan.pdf")]


def _random_answer(q: AnyQuestion, rng: random.Random, met_bias: float, verifier: bool = False) -> Answer | None:
    roll = rng.random()
    if roll < 0.1:
        return None
    if q.allow_na and roll < 0.2:
        return Answer(not_applicable=True)
    evidence = rng.choice(EVIDENCE)
    if verifier and q.verifier_scale:  # S11: the verifier picks a level
        return Answer(value=rng.choice(q.verifier_labels))
    if isinstance(q, YesNoQuestion) and q.substitute is not None and rng.random() < 0.3:
        return Answer(value="Ya", substitute=True, evidence=evidence)
    if isinstance(q, YesNoQuestion):
        return Answer(value="Ya" if rng.random() < met_bias else rng.choice(["Tidak", "ya ", "TIDAK"]), evidence=evidence)
    if isinstance(q, ChoiceQuestion):
        return Answer(value=rng.choice(q.labels), evidence=evidence)
    if isinstance(q, ChecklistQuestion):
        return Answer(value=tuple(i.code for i in q.items if rng.random() < met_bias), evidence=evidence)
    assert isinstance(q, NumberQuestion)
    if rng.random() < 0.6:  # the edges of the ranges, where '<' and '≤' differ
        edges = [r.low for r in q.ranges] + [r.high for r in q.ranges if r.high is not None]
        return Answer(value=rng.choice(edges), evidence=evidence)
    if q.is_percent:  # a percentage outside 0–100 is refused (KM-F-001)
        return Answer(value=Decimal(rng.randint(0, 10000)) / 100, evidence=evidence)
    return Answer(value=Decimal(rng.randint(-500, 40000)) / 100, evidence=evidence)


def _cases() -> list[tuple[str, dict[str, Answer], dict[str, Answer], dict[str, Decimal]]]:
    rng = random.Random(20250815)
    cases = []
    for name, q in EDITIONS.items():
        for i in range(3):
            bias = (0.95, 0.6, 0.2)[i]
            answers = {x.code: a for x in q.questions if (a := _random_answer(x, rng, bias)) is not None}
            verification = {x.code: a for x in q.questions if (a := _random_answer(x, rng, bias, verifier=True)) is not None and a.value is not None} if i == 1 else {}
            stages = {s.code: Decimal(rng.randint(0, 10000)) / 100 for s in q.rules.later_stages} if i != 2 else {}
            cases.append((name, answers, verification, stages))
    # Every question met (tops of the bands) and nothing answered.
    cases.append(("kecil", {x.code: Answer(value="Ya", evidence=("https://a.go.id/b",)) for x in SMALL_VARIANTS["kecil"].questions if isinstance(x, YesNoQuestion)}, {}, {"presentasi": Decimal("89.995")}))
    cases.append(("tiga-indikator", {"CC.1.1": Answer(not_applicable=True), "AA.1.1": Answer(value="Ya", evidence=("https://a.go.id/b",))}, {}, {}))
    cases.append(("ki-pusat-2025-bumn", {}, {}, {}))
    return cases


def _summary(path: Path, q: Questionnaire) -> dict[str, object]:
    layout = summary_layout(q)
    with open_xlsx(path) as book:
        sheet = book.sheet("Ringkasan")
        out: dict[str, object] = {}
        for key, ref in layout.items():
            pos = coordinate_to_tuple(ref)
            out[key] = sheet.value(*pos)
        return out


def _expected(a: Assessment) -> dict[str, object]:
    c = a.counts
    out: dict[str, object] = {
        "questions": c.questions,
        "answered": c.answered,
        "missing": c.missing,
        "not_applicable": c.not_applicable,
        "no_evidence": c.no_evidence,
        "verified": c.verified,
        "saq_self": a.saq_self.score,
        "saq_verified": a.saq_verified.score if a.saq_verified is not None else "–",
        "basis": (a.saq_verified or a.saq_self).score,
        "final": a.outcome.estimate_score,
        "band": a.outcome.estimate_band.name,
    }
    for ind in a.saq_self.indicators:
        out |= {f"{ind.code}.earned": ind.earned, f"{ind.code}.possible": ind.possible, f"{ind.code}.self": ind.contribution, f"{ind.code}.percent": ind.percent if ind.percent is not None else "–"}
    for ind in (a.saq_verified.indicators if a.saq_verified is not None else ()):
        out |= {f"{ind.code}.v_earned": ind.earned, f"{ind.code}.v_possible": ind.possible, f"{ind.code}.verified": ind.contribution}
    for stage in a.stages:
        if stage.code != "saq":
            out[f"stage.{stage.code}"] = stage.score if stage.score is not None else "–"
    if a.gate is not None:
        out["gate"] = "Lolos" if a.gate.passed else "Tidak lolos"
    return out


@pytest.mark.slow
def test_libreoffice_recalculates_the_summary_to_kipmonevs_numbers_and_its_files_read_back(tmp_path: Path) -> None:
    cases = _cases()
    files: list[Path] = []
    expected: list[tuple[Questionnaire, Assessment]] = []
    (tmp_path / "isi").mkdir()
    for i, (name, answers, verification, stages) in enumerate(cases):
        q = EDITIONS[name]
        files.append(fill(tmp_path / "isi" / f"{i:02d}-{name}.xlsx", q, answers, verification, stages))
        expected.append((q, score(q, direct(q, answers, verification, stages))))
    resaved = libreoffice_resave(files, tmp_path / "lo")
    for path, (q, assessment) in zip(resaved, expected, strict=True):
        want = _expected(assessment)
        got = _summary(path, q)
        assert {k: got[k] for k in want} == want, path.name
        read_q, submission = read_submission(path, q)
        assert _comparable(score(read_q, submission)) == _comparable(assessment), path.name


@pytest.mark.slow
def test_the_bundled_examples_ringkasan_recalculates_to_kipmonevs_numbers(tmp_path: Path) -> None:
    """The committed examples carry the current formulas: regenerate them (examples/generate.py) when these change."""
    examples = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.xlsx"))
    resaved = libreoffice_resave(examples, tmp_path / "lo")
    for original, path in zip(examples, resaved, strict=True):
        q, submission = read_submission(original)
        want = _expected(score(q, submission))
        got = _summary(path, q)
        assert {k: got[k] for k in want} == want, original.name
