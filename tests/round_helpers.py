"""Building rounds for tests: rosters written inline, body workbooks filled with kipmonev.outputs.fill."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kipmonev.model.questionnaire import YES_LABEL, AnyQuestion, ChecklistQuestion, ChoiceQuestion, NumberQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.sources.loader import load_questionnaire

#: The seven categories of the shipped 2025 editions, with the edition of each.
CATEGORIES = {
    "Kementerian": "ki-pusat-2025-kementerian",
    "Lembaga Negara dan LPNK": "ki-pusat-2025-lembaga-negara-lpnk",
    "Lembaga Non-Struktural": "ki-pusat-2025-lembaga-non-struktural",
    "BUMN": "ki-pusat-2025-bumn",
    "Partai Politik": "ki-pusat-2025-partai-politik",
    "Pemerintah Provinsi": "ki-pusat-2025-pemerintah-provinsi",
    "Perguruan Tinggi Negeri": "ki-pusat-2025-perguruan-tinggi-negeri",
}
COMMISSION = "Komisi Informasi Provinsi Nusa Contoh"


def write_roster(path: Path, rows: Sequence[Sequence[str]], delimiter: str = ";", bom: bool = True) -> Path:
    """A roster CSV with the standard heading and the given rows (ID, Nama, Kategori[, Email PPID[, Induk]])."""
    lines = [delimiter.join(("ID", "Nama", "Kategori", "Email PPID", "Induk"))]
    lines += [delimiter.join(row) for row in rows]
    path.write_text(("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def met(q: AnyQuestion, code: str, evidence: bool = True) -> Answer:
    """The full-points answer to a question, with a link as evidence unless ``evidence`` is false."""
    links = (f"https://ppid.contoh.example/{code.lower()}.pdf",) if evidence else ()
    if isinstance(q, YesNoQuestion):
        return Answer(value=YES_LABEL, evidence=links)
    if isinstance(q, ChoiceQuestion):
        return Answer(value=max(q.options, key=lambda o: o.points).label, evidence=links)
    if isinstance(q, ChecklistQuestion):
        return Answer(value=tuple(i.code for i in q.items), evidence=links)
    assert isinstance(q, NumberQuestion)
    return Answer(value=max(q.ranges, key=lambda r: r.points).low, evidence=links)


def answers(q: Questionnaire, missing: int = 0, no_evidence: int = 0) -> dict[str, Answer]:
    """Every question met, except ``missing`` left blank and ``no_evidence`` met without evidence."""
    scored = [question for question in q.questions if question.max_points > 0 and question.condition is None]
    blank = {question.code for question in scored[:missing]}
    bare = {question.code for question in scored[missing : missing + no_evidence] if question.evidence.value != "tidak_perlu"}
    return {question.code: met(question, question.code, question.code not in bare) for question in q.questions if question.code not in blank}


def fill_body(path: Path, category: str, body_id: str, name: str, *, missing: int = 0, no_evidence: int = 0, blank: bool = False, rule_set: str | None = None) -> Path:
    """Write a body's own workbook (the round's template, filled) to ``path``."""
    q = load_questionnaire(CATEGORIES[category])
    if rule_set:
        from kipmonev.sources.loader import load_rule_set, with_rule_set

        q = with_rule_set(q, load_rule_set(rule_set))
    body = BodyIdentity(id=body_id, name=name, category=category, year=2025)
    submission = Submission(questionnaire_id=q.id, body=body, answers={} if blank else answers(q, missing, no_evidence))
    return write_filled(q, submission, path, body_only=True, commission=COMMISSION)
