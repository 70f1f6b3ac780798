"""CLI conventions a person notices (issue 20): bare commands print help, Indonesian command aliases, English option names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_runner import run

from kipmonev.cli import ALIASES, _readme, cli
from kipmonev.cli.problems import OPTION_RENAMED

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("group", [(), ("round",), ("questionnaire",)])
def test_a_bare_group_prints_its_help_and_exits_0(group: tuple[str, ...]) -> None:
    shown = run(*group, "--help")
    assert shown[0] == 0
    assert run(*group) == shown


@pytest.mark.parametrize(
    ("alias", "command"),
    [("periksa", "check"), ("nilai", "score"), ("templat", "template"), ("laporan", "report")],
)
def test_an_indonesian_alias_runs_the_command(alias: str, command: str) -> None:
    assert ALIASES[alias] == command
    assert run(alias, "-h") == run(command, "-h")


def test_the_help_shows_the_aliases() -> None:
    _, out, _ = run("--help")
    commands = out.split("Perintah:\n", 1)[1]
    assert [line.split("  ")[1].strip() for line in commands.splitlines()] == [
        "check (periksa)",
        "compare",
        "panel",
        "questionnaire",
        "questionnaires",
        "report (laporan)",
        "round",
        "schema",
        "score (nilai)",
        "template (templat)",
        "validate",
    ]


def test_a_misspelt_alias_is_suggested() -> None:
    code, _, err = run("perikas")
    assert code == 2
    assert err.endswith("Galat: Perintah 'perikas' tidak dikenal. Mungkin maksud Anda 'periksa'?\n")


#: Each old (Indonesian) option name of earlier releases, a command using it, and its English name.
#: ``OPT`` is where the option name goes; every case runs in its own folder with the same relative paths.
OPT = "{option}"
RENAMED = [
    ("--aturan", "--rules", ["template", "ki-pusat-2025-bumn", "-o", "isian.xlsx", OPT, "ki-mars"]),
    ("--daftar", "--roster", ["score", "masuk", "-o", "hasil", OPT, "salah.csv"]),
    ("--kuesioner", "--questionnaire", ["report", "hasil.json", "-o", "laporan", OPT, "ki-tidak-ada"]),
    ("--tahun", "--year", ["round", "init", "r", "--commission", "KI Contoh", OPT, "2030"]),
    ("--komisi", "--commission", ["round", "init", "r", OPT, "KI Contoh"]),
    ("--oleh", "--by", ["round", OPT, "Sari", "init", "r", "--commission", "KI Contoh", "--roster", "daftar.csv"]),
    ("--tenggat-pengisian", "--deadline-submission", ["round", "init", "r", "--commission", "KI Contoh", OPT, "23-11-2025"]),
    ("--tenggat-verifikasi", "--deadline-verification", ["round", "init", "r", "--commission", "KI Contoh", OPT, "30 November 2025"]),
    ("--tenggat-sanggah", "--deadline-objection", ["round", "init", "r", "--commission", "KI Contoh", OPT, "2025-12-07"]),
    ("--tanggal", "--date", ["round", "status", "ada", OPT, "20-11-2025"]),
    ("--batas-waktu", "--timeout", ["check", "x.xlsx", OPT, "0"]),
]


def _prepare(folder: Path) -> None:
    folder.mkdir()
    (folder / "masuk").mkdir()
    (folder / "daftar.csv").write_text("ID;Nama;Kategori\nKEM-01;Kementerian Contoh;Kementerian\n", encoding="utf-8")
    (folder / "salah.csv").write_text("Nama\nKementerian Contoh\n", encoding="utf-8")
    (folder / "hasil.json").write_text("{}", encoding="utf-8")


def _made(folder: Path) -> list[str]:
    """What a run left behind that the option decides: putaran.yaml, who the log names, the dashboard."""
    made = [p.read_text(encoding="utf-8") for p in (folder / "r" / "putaran.yaml", folder / "ada" / "status" / "dasbor.html") if p.exists()]
    if (folder / "r" / "putaran.sqlite").exists():
        with sqlite3.connect(folder / "r" / "putaran.sqlite") as db:
            made += [actor for (actor,) in db.execute("SELECT DISTINCT actor FROM events")]
    return made


@pytest.mark.parametrize(("old", "new", "args"), RENAMED, ids=[old for old, _, _ in RENAMED])
def test_an_old_option_name_still_works_and_warns_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, args: list[str]) -> None:
    runs = []
    for name in (old, new):
        folder = tmp_path / name.strip("-")
        _prepare(folder)
        monkeypatch.chdir(folder)
        assert run("round", "init", "ada", "--commission", "KI Contoh", "--roster", "daftar.csv")[0] == 0
        runs.append((run(*[name if a == OPT else a for a in args]), _made(folder)))
    ((old_code, old_out, old_err), old_made), ((new_code, new_out, new_err), new_made) = runs
    assert (old_code, old_out, old_made) == (new_code, new_out, new_made)
    assert old_err == f"Peringatan: {OPTION_RENAMED.text(old=old, new=new)}\n" + new_err
    assert old not in run(*args[: args.index(OPT)], "--help")[1]  # hidden from the help


def test_the_renamed_options_are_every_old_name() -> None:
    assert [old for old, _, _ in RENAMED] + ["--izinkan-alamat-lokal"] == [
        "--aturan", "--daftar", "--kuesioner", "--tahun", "--komisi", "--oleh",
        "--tenggat-pengisian", "--tenggat-verifikasi", "--tenggat-sanggah", "--tanggal", "--batas-waktu", "--izinkan-alamat-lokal",
    ]  # fmt: skip
    for path in _readme._commands(cli):
        help_text = _readme.help_text(path)
        assert not any(f"{old} " in help_text for old, _, _ in RENAMED), path


def test_score_report_takes_the_date_and_the_templates_report_takes(tmp_path: Path) -> None:
    templates = tmp_path / "templat"
    templates.mkdir()
    css = (ROOT / "reports" / "laporan.css").read_text(encoding="utf-8")
    (templates / "laporan.css").write_text("/* templat komisi contoh */\n" + css, encoding="utf-8")
    workbook = ROOT / "examples" / "09-pt-contoh-nusantara.xlsx"
    args = ["--date", "23-11-2025", "--templates", str(templates)]
    assert run("score", str(workbook), "-o", str(tmp_path / "hasil"), "--report", "html", "-q", *args)[0] == 0
    assert run("report", str(workbook), "-o", str(tmp_path / "laporan"), "--format", "html", *args)[0] == 0
    for folder in (tmp_path / "hasil" / "laporan", tmp_path / "hasil", tmp_path / "laporan"):
        (html,) = folder.glob("*.html")
        text = html.read_text(encoding="utf-8")
        assert "templat komisi contoh" in text and "23 November 2025" in text, html
