"""A deterministic corpus of filled workbooks for benchmarks and batch tests.

A few dozen distinct workbooks are filled for real (every shipped edition, several answer profiles, some
with the verifier's columns and a presentasi score); the rest are copies whose identity (body ID and name)
is rewritten inside the xlsx, so a corpus of 1,000 takes seconds, not minutes, to build.
"""

from __future__ import annotations

import random
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

from kipmonev import load_questionnaire
from kipmonev.core.resources import shipped_editions
from kipmonev.model.questionnaire import NA_LABEL, AnyQuestion, ChecklistQuestion, ChoiceQuestion, NumberQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled

PROFILES = (0.95, 0.8, 0.6, 0.35)  # share of questions met, from Informatif to Tidak Informatif


def _answer(q: AnyQuestion, rng: random.Random, p_met: float, link: str) -> Answer | None:
    roll = rng.random()
    if roll > 0.97:
        return None
    if q.allow_na and roll > 0.94:
        return Answer(value=NA_LABEL)
    evidence = (link,) if rng.random() > 0.03 else ()
    met = rng.random() < p_met
    if isinstance(q, YesNoQuestion):
        return Answer(value="Ya" if met else "Tidak", evidence=evidence)
    if isinstance(q, ChoiceQuestion):
        options = sorted(q.options, key=lambda o: o.points)
        return Answer(value=options[-1].label if met else rng.choice(options[:-1]).label, evidence=evidence)
    if isinstance(q, ChecklistQuestion):
        return Answer(value=tuple(i.code for i in q.items if met or rng.random() < 0.4), evidence=evidence)
    assert isinstance(q, NumberQuestion)
    best = max(q.ranges, key=lambda r: r.points)
    return Answer(value=best.low if met else Decimal(rng.randint(0, 40)), evidence=evidence)


def _submission(q: Questionnaire, rng: random.Random, index: int, p_met: float, verified: bool) -> Submission:
    body = BodyIdentity(id=f"KORPUS-{index:04d}", name=f"Badan Korpus {index:04d}", category=q.category, province="DKI Jakarta", year=q.year)
    answers = {}
    for x in q.questions:
        a = _answer(x, rng, p_met, f"https://ppid.korpus-{index:04d}.example/{x.code}")
        if a is not None:
            answers[x.code] = a
    verification = {code: Answer(value=a.value) for code, a in answers.items() if rng.random() > 0.1} if verified else {}
    stages = {s.code: Decimal(rng.randint(60, 95)) for s in q.rules.later_stages} if verified and rng.random() > 0.3 else {}
    return Submission(questionnaire_id=q.id, body=body, answers=answers, verification=verification, stage_scores=stages)


def _rewrite_identity(src: Path, dst: Path, old: tuple[str, str], new: tuple[str, str]) -> None:
    """Copy a workbook, replacing the body ID and name wherever a cell holds them (inline or shared strings)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/sharedStrings.xml" or info.filename.startswith("xl/worksheets/"):
                text = data.decode("utf-8")
                for before, after in zip(old, new, strict=True):
                    text = text.replace(f">{before}<", f">{after}<")
                data = text.encode("utf-8")
            zout.writestr(info, data)


def make_corpus(out_dir: Path, n: int, seed: int = 20251123, distinct: int = 28) -> list[Path]:
    """Write ``n`` filled workbooks into ``out_dir`` (deterministic for a seed); return their paths."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    editions = [load_questionnaire(s.path) for s in shipped_editions()]
    bases: list[tuple[Path, Submission]] = []
    for i in range(min(distinct, n)):
        q = editions[i % len(editions)]
        submission = _submission(q, rng, i, PROFILES[(i // len(editions)) % len(PROFILES)], verified=i % 2 == 0)
        path = out_dir / f"isian-{i:04d}.xlsx"
        write_filled(q, submission, path)
        bases.append((path, submission))
    paths = [p for p, _ in bases]
    for i in range(len(bases), n):
        src, sub = bases[i % len(bases)]
        dst = out_dir / f"isian-{i:04d}.xlsx"
        assert sub.body.id is not None
        _rewrite_identity(src, dst, (sub.body.id, sub.body.name), (f"KORPUS-{i:04d}", f"Badan Korpus {i:04d}"))
        paths.append(dst)
    return paths


def copy_corpus(src: list[Path], out_dir: Path) -> list[Path]:
    """Copy a corpus (a baseline must not read files the other run already has in the page cache only)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy2(p, out_dir / p.name)) for p in src]
