"""Core commands: list shipped questionnaires, validate files, print schemas."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kipmonev.cli._common import UserError, printable, table, user_errors
from kipmonev.cli._i18n import Command, FilePath
from kipmonev.core.errors import KipmonevError
from kipmonev.core.resources import shipped_editions, shipped_rule_sets
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.result import result_schema
from kipmonev.sources.loader import load_document, load_questionnaire, load_rule_set


@click.command("questionnaires", cls=Command)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk mesin.")
def questionnaires_cmd(as_json: bool) -> None:
    """Tampilkan kuesioner dan aturan yang disertakan.

    \b
    Contoh:
      kipmonev questionnaires
    """
    with user_errors():
        editions = [load_questionnaire(s.path) for s in shipped_editions()]
        rule_sets = [load_rule_set(s.path) for s in shipped_rule_sets()]
    if as_json:
        data = {
            "questionnaires": [_edition_row(q) for q in editions],
            "rule_sets": [{"id": r.id, "name": r.name, "commission": r.commission} for r in rule_sets],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    rows = [[q.id, q.commission, str(q.year), q.category, str(len(q.questions)), str(sum(1 for x in q.questions if x.max_points > 0))] for q in editions]
    click.echo("Kuesioner:")
    click.echo(table(rows, ["ID", "KOMISI", "TAHUN", "KATEGORI", "PERTANYAAN", "BERNILAI"]))
    click.echo("\nAturan:")
    click.echo(table([[r.id, r.commission, _stages_text(r.rules.stages, r.rules.gate)] for r in rule_sets], ["ID", "KOMISI", "TAHAP DAN GERBANG"]))


def _edition_row(q: Questionnaire) -> dict[str, object]:
    return {
        "id": q.id,
        "commission": q.commission,
        "year": q.year,
        "category": q.category,
        "version": q.version,
        "questions": len(q.questions),
        "scored_questions": sum(1 for x in q.questions if x.max_points > 0),
        "hash": q.content_hash,
    }


def _stages_text(stages: tuple[object, ...], gate: object) -> str:
    from kipmonev.core.formatting import format_plain
    from kipmonev.model.questionnaire import Gate, Stage

    parts = [f"{s.name} {format_plain(s.weight)}%" for s in stages if isinstance(s, Stage)]
    text = " + ".join(parts)
    if isinstance(gate, Gate):
        tests = ([f"≥ {format_plain(gate.threshold)}"] if gate.threshold is not None else []) + ([f"{gate.top} teratas per kategori"] if gate.top is not None else [])
        text += f"; gerbang {gate.stage.upper() if gate.stage == 'saq' else gate.stage} " + f" {gate.join.value} ".join(tests)
    return text


@click.command("validate", cls=Command)
@click.argument("files", metavar="BERKAS...", nargs=-1, required=True, type=FilePath(exists=True, dir_okay=False, path_type=Path))
def validate_cmd(files: tuple[Path, ...]) -> None:
    """Periksa berkas kuesioner atau aturan (YAML) dan laporkan semua masalahnya sekaligus.

    Keluar dengan kode 1 bila ada berkas yang bermasalah.

    \b
    Contoh:
      kipmonev validate questionnaires/ki-pusat-2025/bumn.yaml
    """
    failed = 0
    for path in files:
        try:
            doc = load_document(path)
        except KipmonevError as e:
            failed += 1
            click.echo(printable(str(e)), err=True)
            continue
        if isinstance(doc, Questionnaire):
            scored = sum(1 for x in doc.questions if x.max_points > 0)
            click.echo(f"Sah: {path} (kuesioner {doc.id}, {len(doc.questions)} pertanyaan, {scored} bernilai, {doc.content_hash[:19]})")
        else:
            click.echo(f"Sah: {path} (aturan {doc.id})")
    if failed:
        raise UserError(f"{failed} dari {len(files)} berkas bermasalah.")


@click.command("schema", cls=Command)
@click.option("--questionnaire", "of_questionnaire", is_flag=True, help="Skema format kuesioner, bukan skema hasil.")
def schema_cmd(of_questionnaire: bool) -> None:
    """Cetak JSON Schema hasil penilaian (atau format kuesioner).

    \b
    Contoh:
      kipmonev schema > assessment.schema.json
    """
    schema = Questionnaire.model_json_schema(by_alias=True) if of_questionnaire else result_schema()
    click.echo(json.dumps(schema, ensure_ascii=False, indent=2))

