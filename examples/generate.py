"""Write the example workbooks in this folder: filled templates of clearly fictional public bodies.

Run from the repository root::

    python examples/generate.py            # writes examples/*.xlsx and examples/bukti/
    python examples/generate.py OUT_DIR    # writes them elsewhere

The output is deterministic (fixed seed, fixed document dates, fixed zip timestamps): running it again
gives byte-identical files as long as the questionnaires and kipmonev do not change. Each body is tuned
to land in a chosen qualification; the script stops with an error if one does not.
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from kipmonev import load_questionnaire, score
from kipmonev.model.questionnaire import NO_LABEL, YES_LABEL, AnyQuestion, ChecklistQuestion, ChoiceQuestion, NumberQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.fill import fill_template
from kipmonev.outputs.template import save_workbook

SEED = 20250815
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Body:
    """One fictional body and the outcome it is tuned to."""

    file: str
    edition: str
    name: str
    province: str
    target: Decimal  # the SAQ aimed at (just above it)
    band: str  # the qualification the example must end in
    verified: bool  # the verifier's columns and the presentasi score are filled
    presentasi: Decimal | None = None
    missing_links: int = 0  # answers that earn points but lose their evidence (warnings)
    unanswered: int = 0  # questions left blank (warnings)


BODIES = (
    Body("01-kementerian-urusan-contoh.xlsx", "kementerian", "Kementerian Urusan Contoh", "DKI Jakarta", Decimal(95), "informatif", True, Decimal("93.5")),
    Body("02-kementerian-koordinasi-fiktif.xlsx", "kementerian", "Kementerian Koordinasi Fiktif", "DKI Jakarta", Decimal(58), "kurang_informatif", False, missing_links=4, unanswered=3),
    Body("03-badan-pengawas-imajiner.xlsx", "lembaga-negara-lpnk", "Badan Pengawas Imajiner", "DKI Jakarta", Decimal(85), "menuju_informatif", True, Decimal("82.25")),
    Body("04-lembaga-arsip-rekaan.xlsx", "lembaga-negara-lpnk", "Lembaga Arsip Rekaan", "Jawa Barat", Decimal(30), "tidak_informatif", True),
    Body("05-komisi-contoh-nasional.xlsx", "lembaga-non-struktural", "Komisi Contoh Nasional", "DKI Jakarta", Decimal(71), "cukup_informatif", True, Decimal(70)),
    Body("06-dewan-rekaan-indonesia.xlsx", "lembaga-non-struktural", "Dewan Rekaan Indonesia", "Banten", Decimal(44), "kurang_informatif", False, missing_links=2),
    Body("07-pemprov-nusa-contoh.xlsx", "pemerintah-provinsi", "Pemerintah Provinsi Nusa Contoh", "Nusa Contoh", Decimal(96), "informatif", True, Decimal(95)),
    Body("08-pemprov-tanah-fiktif.xlsx", "pemerintah-provinsi", "Pemerintah Provinsi Tanah Fiktif", "Tanah Fiktif", Decimal(68), "cukup_informatif", False, missing_links=3, unanswered=2),
    Body("09-pt-contoh-nusantara.xlsx", "bumn", "PT Contoh Nusantara (Persero)", "DKI Jakarta", Decimal(86), "menuju_informatif", True, Decimal(84)),
    Body("10-pt-rekaan-energi.xlsx", "bumn", "PT Rekaan Energi (Persero)", "Kalimantan Timur", Decimal(20), "tidak_informatif", False, unanswered=12),
    Body("11-universitas-negeri-fiktif.xlsx", "perguruan-tinggi-negeri", "Universitas Negeri Fiktif", "Jawa Tengah", Decimal(93), "informatif", True, Decimal("91.75")),
    Body("12-institut-teknologi-rekaan.xlsx", "perguruan-tinggi-negeri", "Institut Teknologi Rekaan", "Sulawesi Selatan", Decimal(52), "kurang_informatif", True),
    Body("13-partai-teladan-imajiner.xlsx", "partai-politik", "Partai Teladan Imajiner", "DKI Jakarta", Decimal(74), "cukup_informatif", True, Decimal(76)),
    Body("14-partai-contoh-bersatu.xlsx", "partai-politik", "Partai Contoh Bersatu", "DKI Jakarta", Decimal(35), "tidak_informatif", False, missing_links=2, unanswered=4),
)


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-").replace("--", "-")


def _link(body: Body, code: str) -> str:
    # '.example' is reserved (RFC 2606): these addresses can never belong to a real body.
    return f"https://ppid.{_slug(body.name)}.example/dokumen/{code.lower()}.pdf"


def _met(q: AnyQuestion, link: str) -> Answer:
    if isinstance(q, YesNoQuestion):
        return Answer(value=YES_LABEL, evidence=(link,))
    if isinstance(q, ChoiceQuestion):
        return Answer(value=max(q.options, key=lambda o: o.points).label, evidence=(link,))
    if isinstance(q, ChecklistQuestion):
        return Answer(value=tuple(i.code for i in q.items), evidence=(link,))
    assert isinstance(q, NumberQuestion)
    best = max(q.ranges, key=lambda r: r.points)
    return Answer(value=best.low, evidence=(link,))


def _unmet(q: AnyQuestion, rng: random.Random) -> Answer:
    if isinstance(q, YesNoQuestion):
        return Answer(value=NO_LABEL)
    if isinstance(q, ChoiceQuestion):
        return Answer(value=min(q.options, key=lambda o: o.points).label)
    if isinstance(q, ChecklistQuestion):
        keep = tuple(i.code for i in q.items if rng.random() < 0.4)
        return Answer(value=keep)
    assert isinstance(q, NumberQuestion)
    worst = min(q.ranges, key=lambda r: r.points)
    return Answer(value=worst.low)


def _saq(q: Questionnaire, answers: dict[str, Answer]) -> Decimal:
    return score(q, Submission(questionnaire_id=q.id, body=BodyIdentity(name="x"), answers=answers)).saq_self.score


def _answers(q: Questionnaire, body: Body, rng: random.Random) -> dict[str, Answer]:
    """Every question met, then met items taken away in random order while the SAQ stays ≥ the target."""
    answers = {x.code: _met(x, _link(body, x.code)) for x in q.questions}
    scored = [x for x in q.questions if x.max_points > 0]
    rng.shuffle(scored)
    for x in scored:
        trial = dict(answers)
        trial[x.code] = _unmet(x, rng)
        if _saq(q, trial) >= body.target:
            answers = trial
    met_links = [code for code, a in answers.items() if a.evidence and q.question_map[code].max_points > 0]
    for code in rng.sample(met_links, min(body.missing_links, len(met_links))):
        answers[code] = answers[code].model_copy(update={"evidence": ()})
    for code in rng.sample(sorted(answers), min(body.unanswered, len(answers))):
        if q.question_map[code].max_points > 0:
            del answers[code]
    return answers


def _verification(q: Questionnaire, answers: dict[str, Answer], rng: random.Random) -> dict[str, Answer]:
    """The verifier agrees with every answer but a few, where the evidence did not convince."""
    verified = {code: Answer(value=a.value, not_applicable=a.not_applicable) for code, a in answers.items()}
    for x in q.questions:
        if x.code not in verified:
            verified[x.code] = _unmet(x, rng)
    yes = [code for code, a in verified.items() if a.value == YES_LABEL and q.question_map[code].max_points > 0]
    for code in rng.sample(yes, min(2, len(yes))):
        verified[code] = Answer(value=NO_LABEL, note="Tautan bukti dukung tidak memuat dokumen yang dimaksud.")
    return verified


def build(body: Body, rng: random.Random) -> tuple[Workbook, Questionnaire, Submission]:
    """The filled workbook of one body, with the submission it holds."""
    q = load_questionnaire(f"ki-pusat-2025-{body.edition}")
    identity = BodyIdentity(
        id=f"BP-{body.file[:2]}",
        name=body.name,
        category=q.category,
        province=body.province,
        website=f"https://www.{_slug(body.name)}.example",
        ppid_name="Rina Contohwati",
        ppid_email=f"ppid@{_slug(body.name)}.example",
        year=q.year,
    )
    answers = _answers(q, body, rng)
    verification = _verification(q, answers, rng) if body.verified else {}
    stages = {"presentasi": body.presentasi} if body.presentasi is not None else {}
    submission = Submission(questionnaire_id=q.id, body=identity, answers=answers, verification=verification, stage_scores=stages)
    wb = fill_template(q, submission)
    return wb, q, submission


def main(out_dir: Path = HERE) -> list[Path]:
    """Write every example workbook into ``out_dir``; return their paths.

    Raises:
        SystemExit: An example did not land in the qualification it was tuned to.
    """
    rng = random.Random(SEED)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for body in BODIES:
        wb, q, submission = build(body, rng)
        band = score(q, submission).outcome.estimate_band.code
        if band != body.band:
            raise SystemExit(f"{body.file}: expected {body.band}, got {band}; adjust its target")
        path = out_dir / body.file
        save_workbook(wb, path)
        written.append(path)
    return written


def text_pdf(text: str) -> bytes:
    """A one-page PDF that draws ``text`` (a real text layer), written by hand with a correct xref."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode() + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _word() -> bytes:
    """The start of a Word document (a zip with [Content_Types].xml), fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in (("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2025, 8, 15, 0, 0, 0)), data)
    return buffer.getvalue()


def evidence(out_dir: Path = HERE) -> list[Path]:
    """Write ``bukti/BP-01/``: the evidence folder of the first example body (``score --evidence``, ``check --evidence``).

    One good PDF and one Word document renamed to .pdf, which the evidence check reports. The example
    workbooks cite links, so ``check`` also lists both files as named by no evidence cell.
    """
    folder = out_dir / "bukti" / "BP-01"
    folder.mkdir(parents=True, exist_ok=True)
    files = {"sk-ppid.pdf": text_pdf("Keputusan tentang PPID Kementerian Urusan Contoh"), "laporan-layanan-2024.pdf": _word()}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for path in [*main(target), *evidence(target)]:
        print(path)
