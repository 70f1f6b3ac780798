"""The bundled example workbooks: fictional bodies across every category and qualification, reproducible."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kipmonev import score
from kipmonev.sources.reader import read_submission, read_workbook

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FILES = sorted(EXAMPLES.glob("*.xlsx"))


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("examples_generate", EXAMPLES / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _scores(path: Path) -> dict[str, Any]:
    q, submission = read_submission(path)
    a = score(q, submission)
    return {
        "questionnaire": a.questionnaire.id,
        "body": a.body.name,
        "self": a.saq_self.score,
        "verified": a.saq_verified.score if a.saq_verified else None,
        "stages": [(s.code, s.score) for s in a.stages],
        "final": a.outcome.final_score,
        "estimate": a.outcome.estimate_score,
        "band": a.outcome.estimate_band.code,
        "counts": a.counts.model_dump(),
        "notices": [n.where.split(", ", 1)[1] for n in a.notices],  # without the folder
    }


def test_examples_cover_every_category_and_qualification() -> None:
    assert len(FILES) >= 12
    results = [_scores(path) for path in FILES]
    assert {r["questionnaire"] for r in results} == {
        f"ki-pusat-2025-{c}" for c in ("kementerian", "lembaga-negara-lpnk", "lembaga-non-struktural", "pemerintah-provinsi", "bumn", "perguruan-tinggi-negeri", "partai-politik")
    }
    assert {r["band"] for r in results} == {"informatif", "menuju_informatif", "cukup_informatif", "kurang_informatif", "tidak_informatif"}
    assert any(r["verified"] is not None for r in results) and any(r["verified"] is None for r in results)
    assert any(r["final"] is not None for r in results)
    assert any(any("Kuesioner!G" in where for where in r["notices"]) for r in results)  # some answers without a link
    for r in results:
        assert any(word in r["body"] for word in ("Contoh", "Fiktif", "Imajiner", "Rekaan", "Teladan")), r["body"]


@pytest.mark.slow
def test_running_the_generator_again_reproduces_the_committed_scores(tmp_path: Path) -> None:
    written = _generator().main(tmp_path)
    assert sorted(p.name for p in written) == [p.name for p in FILES]
    for path in written:
        assert _scores(path) == _scores(EXAMPLES / path.name), path.name


GOLDEN_READ = Path(__file__).parent / "golden" / "isian-contoh-terbaca.txt"


def _read_lines(path: Path) -> list[str]:
    """Everything the reader returns for one workbook, one line per answer, warning and evidence entry."""
    filled = read_workbook(path)
    q, sub = filled.questionnaire, filled.submission
    where = f"{path.parent}{os.sep}"
    lines = [f"== {path.name}: {q.id} versi {q.version}, aturan {q.rule_set}", f"identitas {sub.body.model_dump_json(exclude_defaults=True)}"]
    # Evidence is pinned once, by its cell, in the "bukti" lines (the verifier's copy is the body's).
    lines += [f"jawaban {code} {a.model_dump_json(exclude_defaults=True, exclude={'evidence'})}" for code, a in sub.answers.items()]
    lines += [f"verifikasi {code} {a.model_dump_json(exclude_defaults=True, exclude={'evidence'})}" for code, a in sub.verification.items()]
    assert all(a.evidence == (sub.answers[code].evidence if code in sub.answers else ()) for code, a in sub.verification.items())
    lines += [f"tahap {code} {value}" for code, value in sub.stage_scores.items()]
    lines += [f"peringatan {w.code} {str(w.location).replace(where, '')}: {w.message}" for w in filled.warnings]
    lines += [f"bukti {code} {str(loc).replace(where, '')} {item}" for code, loc, item in filled.evidence]
    lines.append(f"tautan {len(filled.evidence_links)}, galat {len(filled.errors)}, pemberitahuan {len(sub.notices)}")
    return lines


def test_every_example_reads_as_its_golden() -> None:
    """Set KIPMONEV_UPDATE_GOLDEN=1 to rewrite the golden; review the diff before committing.

    The reader's whole output for each bundled example (answers, verification, stages, warnings with
    their cells and messages, evidence entries), so a change to the reading path that changes anything
    read shows up here line by line.
    """
    text = "\n".join(line for path in FILES for line in _read_lines(path)) + "\n"
    if os.environ.get("KIPMONEV_UPDATE_GOLDEN") == "1":
        GOLDEN_READ.write_text(text, encoding="utf-8")
    assert GOLDEN_READ.exists(), f"{GOLDEN_READ} missing: run with KIPMONEV_UPDATE_GOLDEN=1"
    assert text.splitlines() == GOLDEN_READ.read_text(encoding="utf-8").splitlines()
