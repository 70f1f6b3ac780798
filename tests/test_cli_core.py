"""The core commands: questionnaires, validate, schema, --version, and Indonesian help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run

from kipmonev import __version__
from kipmonev.cli import cli
from kipmonev.core.resources import shipped_editions


def test_version() -> None:
    assert run("--version") == (0, f"kipmonev {__version__}\n", "")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_indonesian_help(command: str) -> None:
    code, out, _ = run(command, "-h")
    assert code == 0
    assert out.startswith(f"Penggunaan: kipmonev {command} [OPSI]")
    assert "Tampilkan bantuan ini lalu keluar." in out
    assert "Show this message" not in out


def test_questionnaires_lists_every_shipped_edition() -> None:
    code, out, _ = run("questionnaires")
    assert code == 0
    for shipped in shipped_editions():
        assert shipped.id in out
    assert "ki-dki-jakarta" in out and "gerbang SAQ ≥ 65" in out


def test_questionnaires_json() -> None:
    code, out, _ = run("questionnaires", "--json")
    data = json.loads(out)
    assert code == 0
    assert {e["id"] for e in data["questionnaires"]} == {s.id for s in shipped_editions()}
    assert all(e["hash"].startswith("sha256:") for e in data["questionnaires"])


def test_validate_reports_each_file(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.yaml"
    bad.write_text("id: x\nbobbot: 1\n", encoding="utf-8")
    good = shipped_editions()[0].path
    code, out, err = run("validate", str(good), str(bad))
    assert code == 1
    assert out.startswith(f"Sah: {good} (kuesioner {shipped_editions()[0].id}, ")
    assert "kunci 'bobbot' tidak dikenal. Mungkin maksud Anda 'bobot'?" in err
    assert err.endswith("Galat: 1 dari 2 berkas bermasalah.\n")


def test_validate_missing_file_is_a_usage_error() -> None:
    code, _, err = run("validate", "tidak-ada.yaml")
    assert code == 2
    assert err.endswith("Galat: Nilai tidak sah untuk 'BERKAS...': Berkas 'tidak-ada.yaml' tidak ditemukan.\n")


def test_unknown_command_suggests() -> None:
    code, _, err = run("valdate")
    assert code == 2
    assert "Galat: Perintah 'valdate' tidak dikenal. Mungkin maksud Anda 'validate'?" in err


@pytest.mark.parametrize(("args", "title"), [((), "Assessment"), (("--questionnaire",), "Questionnaire")])
def test_schema(args: tuple[str, ...], title: str) -> None:
    code, out, _ = run("schema", *args)
    assert code == 0
    assert json.loads(out)["title"] == title
