"""Workbook commands: write a fill-in template, check a filled workbook."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kipmonev.app.check import WorkbookCheck, check_workbook
from kipmonev.cli._common import UserError, option, printable, progress_bar, user_errors
from kipmonev.cli._i18n import Command, FilePath, FloatRange
from kipmonev.cli._options import force_option, questionnaire_option
from kipmonev.cli.problems import (
    CHECK_BLANK,
    CHECK_BODY,
    CHECK_COMPLETE,
    CHECK_COUNTS,
    CHECK_DEAD_LINKS,
    CHECK_ERRORS,
    CHECK_ESTIMATE,
    CHECK_EVIDENCE_OK,
    CHECK_EVIDENCE_PROBLEMS,
    CHECK_FILE,
    CHECK_FINAL,
    CHECK_INCOMPLETE,
    CHECK_LINKS_OK,
    CHECK_NOT_FINAL_ERRORS,
    CHECK_NOT_YET,
    CHECK_SELF_SCORE,
    CHECK_STAGE_SCORE,
    CHECK_VERIFIED_SCORE,
    CHECK_WARNINGS,
    OUTPUT_EXISTS,
    TEMPLATE_WRITTEN,
)
from kipmonev.core.formatting import format_number
from kipmonev.model.submission import BodyIdentity
from kipmonev.sources.loader import load_questionnaire, load_rule_set, with_rule_set


@click.command("template", cls=Command)
@click.argument("questionnaire", metavar="KUESIONER")
@click.option("-o", "--output", required=True, metavar="BERKAS", type=FilePath(dir_okay=False, path_type=Path), help="Berkas .xlsx yang ditulis, misalnya isian.xlsx.")
@click.option("--body", "body_name", metavar="NAMA", help="Nama badan publik yang diisikan ke sheet Identitas.")
@option("--rules", "rule_set", old="--aturan", metavar="ATURAN", help="Id atau berkas aturan pengganti aturan kuesioner, misalnya ki-dki-jakarta.")
@force_option()
def template_cmd(questionnaire: str, output: Path, body_name: str | None, rule_set: str | None, force: bool) -> None:
    """Buat templat isian (.xlsx) untuk KUESIONER (id kuesioner bawaan atau berkas YAML).

    Templat berisi petunjuk pengisian, identitas, kuesioner dengan daftar pilihan jawaban, kolom
    verifikator, nilai tahap lanjutan, dan ringkasan nilai yang dihitung otomatis.

    \b
    Contoh:
      kipmonev template ki-pusat-2025-kementerian -o isian.xlsx --body "Kementerian Urusan Contoh"
    """
    from kipmonev.outputs.template import write_template  # NOTE: openpyxl only for this command

    with user_errors():
        q = load_questionnaire(questionnaire)
        if rule_set:
            q = with_rule_set(q, load_rule_set(rule_set))
        if output.exists() and not force:
            raise UserError(OUTPUT_EXISTS.text(path=str(output)))
        write_template(q, output, BodyIdentity(name=body_name) if body_name else None)
    click.echo(TEMPLATE_WRITTEN.text(path=str(output), questionnaire_id=q.id, questions=len(q.questions)))


@click.command("check", cls=Command)
@click.argument("workbook", metavar="ISIAN.xlsx", type=FilePath(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk mesin.")
@click.option("--check-links", "links", is_flag=True, help="Periksa juga apakah setiap tautan bukti dukung dapat dibuka.")
@questionnaire_option()
@option("--timeout", "timeout", old="--batas-waktu", metavar="DETIK", type=FloatRange(min=0.1), default=10, show_default=True, help="Batas waktu setiap tautan, dalam detik.")
@option(
    "--allow-local-addresses",
    "allow_private",
    old="--izinkan-alamat-lokal",
    is_flag=True,
    help="Buka juga tautan ke alamat jaringan lokal atau privat (intranet). Tanpa opsi ini tautan tersebut dilaporkan tanpa dibuka.",
)
@click.option(
    "--link-cache",
    "link_cache",
    metavar="BERKAS.json",
    type=FilePath(dir_okay=False, path_type=Path),
    help="Dengan --check-links: simpan hasil setiap tautan (dan waktu pemeriksaannya) di berkas ini dan pakai lagi selama 24 jam, "
    "sehingga tautan yang sama tidak dibuka ulang untuk isian berikutnya.",
)
@click.option(
    "--evidence",
    "evidence",
    metavar="FOLDER|ZIP",
    type=FilePath(exists=True, path_type=Path),
    help="Folder (atau .zip) bukti dukung badan publik: setiap dokumen yang disebut di kolom bukti diperiksa di sana (ada, jenis menurut isinya, ukuran, PDF dapat dibuka dan tidak dikunci, hasil pindai). Nilai tidak berubah.",
)
def check_cmd(workbook: Path, as_json: bool, links: bool, questionnaire: str | None, timeout: float, allow_private: bool, link_cache: Path | None, evidence: Path | None) -> None:
    """Periksa berkas isian: apa yang belum diisi atau tidak sah (dengan selnya) dan perkiraan nilainya.

    Menampilkan nilai mandiri, nilai verifikasi bila kolom verifikator terisi, dan kualifikasi yang
    akan diperoleh. Keluar dengan kode 0 bila isian lengkap dan sah, 1 bila tidak.

    \b
    Contoh:
      kipmonev check isian.xlsx
      kipmonev check isian.xlsx --check-links --json
      kipmonev check isian.xlsx --evidence bukti/
    """
    label = "Memeriksa tautan dan bukti dukung" if links and evidence else "Memeriksa tautan" if links else "Memeriksa bukti dukung"
    with user_errors(), progress_bar(label, as_json or not (links or evidence)) as progress:
        q = load_questionnaire(questionnaire) if questionnaire else None
        result = check_workbook(workbook, q, links=links, timeout=timeout, allow_private=allow_private, progress=progress, link_cache=link_cache, evidence=evidence)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif result.assessment is None:
        raise UserError(result.error_text())
    else:
        click.echo(printable("\n".join(check_lines(result))))
    if not result.ok:
        raise SystemExit(1)


def check_lines(result: WorkbookCheck) -> list[str]:
    """What ``check`` prints for a readable workbook, in Indonesian, one line per item."""
    a = result.assessment
    assert a is not None
    not_yet = CHECK_NOT_YET.text()
    out = [CHECK_FILE.text(path=result.path), CHECK_BODY.text(name=a.body.name, questionnaire_id=a.questionnaire.id, version=str(a.questionnaire.version))]
    if result.blank:  # one line instead of a warning for every question
        return [*out, "", CHECK_BLANK.text()]
    c = a.counts
    out.append(CHECK_COUNTS.text(answered=c.answered, total=c.questions, not_applicable=c.not_applicable, missing=c.missing, no_evidence=c.no_evidence))
    if result.errors:
        out += ["", CHECK_ERRORS.text(count=len(result.errors)), *(f"- {p}" for p in result.errors)]
    if result.warnings:
        out += ["", CHECK_WARNINGS.text(count=len(result.warnings)), *(f"- {p}" for p in result.warnings)]
    if result.link_problems:
        out += ["", CHECK_DEAD_LINKS.text(count=len(result.link_problems)), *(f"- {p}" for p in result.link_problems)]
    elif result.links_checked:
        out += ["", CHECK_LINKS_OK.text(count=result.links_checked)]
    if result.evidence_problems:
        out += ["", CHECK_EVIDENCE_PROBLEMS.text(count=len(result.evidence_problems), checked=result.evidence_checked), *(f"- {p}" for p in result.evidence_problems)]
    elif result.evidence_checked:
        out += ["", CHECK_EVIDENCE_OK.text(count=result.evidence_checked)]
    out += ["", CHECK_SELF_SCORE.text(value=format_number(a.saq_self.score))]
    out.append(CHECK_VERIFIED_SCORE.text(value=format_number(a.saq_verified.score) if a.saq_verified is not None else not_yet))
    for stage in a.stages:
        if stage.code != "saq":
            out.append(CHECK_STAGE_SCORE.text(stage=stage.name, value=format_number(stage.score) if stage.score is not None else not_yet))
    o = a.outcome
    if o.complete and o.final_score is not None and o.band is not None and not result.errors:
        out.append(CHECK_FINAL.text(value=format_number(o.final_score), band=o.band.name))
    else:
        invalid = [CHECK_NOT_FINAL_ERRORS.text(count=len(result.errors))] if result.errors else []
        reasons = "; ".join([*invalid, *(r.rstrip(".") for r in o.reasons)])
        out.append(CHECK_ESTIMATE.text(value=format_number(o.estimate_score), band=o.estimate_band.name, reasons=reasons))
    out += ["", CHECK_COMPLETE.text() if result.ok else CHECK_INCOMPLETE.text(count=len(result.errors) + len(result.warnings) + len(result.link_problems) + len(result.evidence_problems))]
    return out
