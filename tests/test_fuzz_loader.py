"""Fuzzing the questionnaire loader: any YAML text gives a Questionnaire or a QuestionnaireError, nothing else.

Each fuzzer also has a positive property: the unmutated real file (an explicit ``@example``) must load,
and give the same questionnaire as loading it directly.
"""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from kipmonev import QuestionnaireError, load_questionnaire
from kipmonev.core.resources import questionnaires_dir
from kipmonev.model.questionnaire import Questionnaire

KEYS = ["id", "judul", "komisi", "tahun", "kategori", "versi", "aturan", "indikator", "pertanyaan", "kode", "bobot", "poin", "tipe", "pilihan", "butir", "rentang", "syarat", "sertakan", "kecualikan", "no", "on", "x"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.text(max_size=20), st.sampled_from(["ya_tidak", "pilihan", "ki-pusat", "JI.1.1", "JI", "100", "-", "~", "&a", "*a", "!tag"]))
TREES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)), max_leaves=30)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
VALID = (questionnaires_dir() / "ki-pusat-2025" / "_umum.yaml").read_text(encoding="utf-8")
HEADER = "id: acak\njudul: Acak\nkomisi: KI\ntahun: 2025\nkategori: Uji\nversi: 2025081501\naturan: ki-pusat\n"
WHOLE = HEADER + VALID  # a complete edition: the shared questions of ki-pusat-2025 under a header
WHOLE_TREE = YAML(typ="safe", pure=True).load(WHOLE)


def _dumped(tree: object) -> str:
    buffer = io.StringIO()
    YAML(typ="safe", pure=True).dump(tree, buffer)
    return buffer.getvalue()


UNMUTATED = {WHOLE, _dumped(WHOLE_TREE)}  # the real file, as written and as the structure fuzzer writes it


def _load(tmp_path: Path, text: str) -> None:
    path = tmp_path / "acak.yaml"
    path.write_text(text, encoding="utf-8")
    if text in UNMUTATED:
        whole = tmp_path / "utuh.yaml"
        whole.write_text(WHOLE, encoding="utf-8")
        assert load_questionnaire(path) == load_questionnaire(whole)  # unmutated: accepted, and the same
        return
    try:
        result = load_questionnaire(path)
    except QuestionnaireError as e:
        assert e.problems, "an error always lists its problems"
        assert all(p.location.source for p in e.problems)
    else:
        assert isinstance(result, Questionnaire)


@SETTINGS
@given(tree=st.dictionaries(st.sampled_from(KEYS), TREES, max_size=8))
@example(tree=WHOLE_TREE)
def test_random_structures(tmp_path: Path, tree: dict[str, object]) -> None:
    _load(tmp_path, _dumped(tree))


@settings(SETTINGS, max_examples=40)
@given(cut=st.integers(0, len(VALID)), junk=st.text(max_size=30))
@example(cut=0, junk="")
def test_mutated_real_file(tmp_path: Path, cut: int, junk: str) -> None:
    _load(tmp_path, HEADER + VALID[:cut] + junk + VALID[cut:])


@SETTINGS
@given(text=st.text(max_size=200))
@example(text=WHOLE)
def test_arbitrary_text(tmp_path: Path, text: str) -> None:
    _load(tmp_path, text)
