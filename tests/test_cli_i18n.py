"""Click's own texts in Indonesian (kipmonev/cli/_i18n.py): every usage error, by kind, and no command left out."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from cli_runner import run

from kipmonev.cli import _i18n, cli


@pytest.mark.parametrize(
    ("args", "usage", "last_line"),
    [
        (["--bogus"], "Penggunaan: kipmonev [OPSI] PERINTAH [ARGUMEN]...", "Galat: Opsi '--bogus' tidak dikenal."),
        (["check", "--check-link", "x.xlsx"], "Penggunaan: kipmonev check [OPSI] ISIAN.xlsx", "Galat: Opsi '--check-link' tidak dikenal. Mungkin maksud Anda '--check-links'?"),
        (["valdate"], "Penggunaan: kipmonev [OPSI] PERINTAH [ARGUMEN]...", "Galat: Perintah 'valdate' tidak dikenal. Mungkin maksud Anda 'validate'?"),
        (["check"], "Penggunaan: kipmonev check [OPSI] ISIAN.xlsx", "Galat: Argumen wajib belum diisi 'ISIAN.xlsx'."),
        (["check", "tidak-ada.xlsx"], "Penggunaan: kipmonev check [OPSI] ISIAN.xlsx", "Galat: Nilai tidak sah untuk 'ISIAN.xlsx': Berkas 'tidak-ada.xlsx' tidak ditemukan."),
        (["schema", "a", "b"], "Penggunaan: kipmonev schema [OPSI]", "Galat: Ada argumen yang tidak dikenal (a b)"),
        (["score", ".", "-o", "x", "-j", "abc"], "Penggunaan: kipmonev score [OPSI] BERKAS_ATAU_FOLDER...", "Galat: Nilai tidak sah untuk '-j' / '--jobs': 'abc' bukan bilangan bulat yang sah."),
        (["report", ".", "-o", "x", "--date", "2025"], "Penggunaan: kipmonev report [OPSI] MASUKAN...", "Galat: Nilai tidak sah untuk '--date': tanggal '2025' tidak dikenali. Tanggal ditulis sebagai 2025-11-23, 23-11-2025, 23/11/2025 atau 23 November 2025. Perbaiki tanggalnya."),
        (["round", "init", "--year", "1990", "x"], "Penggunaan: kipmonev round init [OPSI] FOLDER", "Galat: Nilai tidak sah untuk '--year': 1990 di luar rentang 2008<=x<=2100."),
        (["check", "x.xlsx", "--timeout", "0"], "Penggunaan: kipmonev check [OPSI] ISIAN.xlsx", "Galat: Nilai tidak sah untuk '--timeout': 0.0 di luar rentang x>=0.1."),
        # click's parser raises these without a context, so no usage line is printed (as before)
        (["check", "x.xlsx", "--timeout"], None, "Galat: Opsi '--timeout' memerlukan nilai."),
        (["check", "--check-links=1", "x.xlsx"], None, "Galat: Opsi '--check-links' tidak menerima nilai."),
    ],
)
def test_usage_errors_are_indonesian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], usage: str | None, last_line: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[-1] == last_line
    if usage is None:
        assert lines == [last_line]
    else:
        assert lines[0] == usage
        assert lines[1].startswith("Lihat 'kipmonev") and lines[1].endswith(" --help' untuk bantuan.")


def _commands(command: click.Command) -> list[click.Command]:
    found = [command]
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            found += _commands(sub)
    return found


_CLICK_TYPES = (click.Path, click.IntRange, click.FloatRange, click.Choice, click.DateTime)
_OURS = (_i18n.FilePath, _i18n.IntRange, _i18n.FloatRange, _i18n.Choice)  # dates: _i18n.Date, never click.DateTime


def test_every_command_and_parameter_type_speaks_indonesian() -> None:
    commands = _commands(cli)
    assert len(commands) > 10
    for command in commands:
        assert isinstance(command, _i18n.Group if isinstance(command, click.Group) else _i18n.Command), command.name
        for param in command.params:
            if isinstance(param.type, _CLICK_TYPES):  # click's own would explain a bad value in English
                assert isinstance(param.type, _OURS), (command.name, param.name)
