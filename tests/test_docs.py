"""Documentation is part of the feature: generated blocks are current, every command is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_runner import run

from kipmonev.app.docgen import format_reference
from kipmonev.cli import _readme, cli
from kipmonev.core.resources import ShippedFile, questionnaires_dir, shipped_editions
from kipmonev.model.questionnaire import NoteStatus
from kipmonev.sources.loader import load_questionnaire

ROOT = Path(__file__).resolve().parents[1]


def test_questionnaire_format_reference_is_current() -> None:
    text = (questionnaires_dir() / "README.md").read_text(encoding="utf-8")
    assert format_reference() in text, "run `make docs`"


def test_readme_cli_reference_is_current() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _readme.cli_reference() in text, "run `make docs`"


def test_every_command_is_in_the_readme_with_help_text() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in _readme._commands(cli):
        assert f"### `kipmonev {' '.join(path)}`" in text
        assert _readme.help_text(path).split("\n\n")[1].strip(), f"{path} has no help text"


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make setup test" in ci
    assert "apt-get update && apt-get install -y make && make setup test" in readme
    assert "apt-get update && apt-get install -y make && make setup examples" in readme


def _readme_block(starting: str) -> str:
    """The text of the README's code block whose first line is ``starting``, without that line."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("```\n" + starting + "\n") + len("```\n" + starting + "\n")
    return text[start : text.index("```", start)]


def test_readme_shows_what_the_commands_really_print(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    code, stdout, _ = run("score", "examples", "-o", "out")
    assert code == 0
    shown = _readme_block("$ kipmonev score examples -o out --report pdf,html,xlsx")
    assert shown.startswith(stdout)  # the lines --report adds come after (see test_batch_cli)
    code, stdout, _ = run("check", "examples/09-pt-contoh-nusantara.xlsx")
    assert (code, stdout) == (1, _readme_block("$ kipmonev check examples/09-pt-contoh-nusantara.xlsx"))


def test_the_readme_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [part.split("```", 1)[0] for part in text.split("```python\n")[1:]]
    assert blocks, "the README shows the library API"
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})  # our own README, run as documentation
    assert "Tidak Informatif" in capsys.readouterr().out


def test_readme_opens_with_what_the_shipped_content_is() -> None:
    head = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:25])
    assert "written from UU 14/2008 and Perki 1/2021;\n> they are not official KI items." in head
    assert "only the five qualification bands and their lower limits\n> (90/80/60/40/0) are confirmed" in head


@pytest.mark.parametrize("shipped", [s for s in shipped_editions() if s.id.startswith("ki-pusat-")], ids=lambda s: s.id)
def test_every_ki_pusat_edition_says_its_items_are_not_official(shipped: ShippedFile) -> None:
    edition = load_questionnaire(shipped.path)
    assert edition.description is not None
    assert re.fullmatch(
        r"Butir pertanyaan untuk kategori .+ ditulis dari UU 14/2008( \(termasuk Pasal 1[45]\))? dan Perki 1/2021 dan bukan butir resmi KI Pusat, "
        r"karena bank soal resmi KI Pusat tidak dipublikasikan\.",
        edition.description,
    )
    statuses = {n.status for n in (*edition.notes, *edition.rules.notes)}
    assert statuses == {NoteStatus.CONFIRMED, NoteStatus.PRESET}
