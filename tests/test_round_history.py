"""round history: a body's trail from the round's log (rules D1, D2 of engine/decisions.py)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from cli_runner import run
from round_helpers import COMMISSION, fill_body, write_roster

from kipmonev.app.round.history import round_history
from kipmonev.app.round.init import InitOptions, init_round
from kipmonev.app.round.receive import receive_files
from kipmonev.app.round.workspace import open_round
from kipmonev.core.errors import KipmonevError
from kipmonev.engine.problems_decisions import HISTORY_LINES
from kipmonev.model.round import EVENT_KINDS

ROSTER = [("KEM-01", "Kementerian Urusan Contoh", "Kementerian"), ("KEM-02", "Kementerian Koordinasi Fiktif", "Kementerian")]


def test_every_event_kind_has_a_line() -> None:
    missing = sorted(set(EVENT_KINDS) - set(HISTORY_LINES))
    assert missing == [], "add a line for each new event kind to HISTORY_LINES in kipmonev/engine/problems_decisions.py"
    assert sorted(set(HISTORY_LINES) - set(EVENT_KINDS)) == []


@pytest.fixture(scope="module")
def round_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("history")
    folder = tmp / "putaran"
    roster = write_roster(tmp / "daftar.csv", [(*r, "", "") for r in ROSTER])
    init_round(folder, InitOptions(commission=COMMISSION, roster=roster), "Sari")
    first, second = tmp / "satu", tmp / "dua"
    first.mkdir()
    second.mkdir()
    base = time.time() - 100
    one = fill_body(first / "KEM-01.xlsx", "Kementerian", "KEM-01", "Kementerian Urusan Contoh", missing=2)
    os.utime(one, (base, base))
    (first / "salinan KEM-01.xlsx").write_bytes(one.read_bytes())
    other = fill_body(first / "KEM-02.xlsx", "Kementerian", "KEM-02", "Kementerian Koordinasi Fiktif")
    fill_body(second / "KEM-01 revisi.xlsx", "Kementerian", "KEM-01", "Kementerian Urusan Contoh")
    with open_round(folder, "Sari") as r:
        receive_files(r, [one, first / "salinan KEM-01.xlsx", other])
    with open_round(folder, "Budi") as r:
        receive_files(r, [second])
    return folder


def test_a_body_trail(round_folder: Path) -> None:
    with open_round(round_folder, "Sari") as r:
        history = round_history(r, "kem-01")
    assert (history.body_id, history.body_name, history.category) == ("KEM-01", "Kementerian Urusan Contoh", "Kementerian")
    assert [(row.actor, row.kind, row.what, row.old, row.new, row.reason) for row in history.rows] == [
        ("Sari", "roster.set", "Daftar badan publik dicatat; badan publik ini ditambahkan ke daftar.", None, None, "2 badan publik; ditambah 2, dihapus 0"),
        ("Sari", "file.received", "Berkas KEM-01.xlsx diterima sebagai versi isian.", None, "versi isian", "diterima dari KEM-01.xlsx"),
        ("Sari", "submission.current", "Berkas KEM-01.xlsx menjadi versi berlaku.", None, "KEM-01.xlsx", "versi pertama diterima"),
        ("Sari", "file.duplicate", "Berkas salinan KEM-01.xlsx diterima lagi; isinya sama persis dengan berkas yang sudah diterima.", None, None, "isi sama dengan KEM-01.xlsx"),
        ("Budi", "file.received", "Berkas KEM-01 revisi.xlsx diterima sebagai versi isian.", None, "versi isian", "diterima dari KEM-01 revisi.xlsx"),
        ("Budi", "submission.current", "Berkas KEM-01 revisi.xlsx menjadi versi berlaku.", "KEM-01.xlsx", "KEM-01 revisi.xlsx", "versi yang lebih baru diterima"),
    ]
    seqs = [row.seq for row in history.rows]
    assert seqs == sorted(seqs)
    assert all(row.when.endswith(" UTC") and row.when[:2].strip().isdigit() for row in history.rows)
    # KEM-02's own file is not in KEM-01's trail
    assert not any("KEM-02" in row.what for row in history.rows)


def test_history_on_the_command_line(round_folder: Path) -> None:
    code, out, err = run("round", "history", str(round_folder), "KEM-01")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Riwayat KEM-01 Kementerian Urusan Contoh (Kementerian): 6 peristiwa."
    assert lines[2].split() == ["NO", "WAKTU", "OLEH", "PERISTIWA", "LAMA", "→", "BARU", "ALASAN"]
    assert "KEM-01.xlsx → KEM-01 revisi.xlsx" in lines[-1] and "Budi" in lines[-1] and lines[-1].endswith("versi yang lebih baru diterima")
    code, out, err = run("round", "history", str(round_folder), "KEM-01", "--json")
    assert code == 0
    data = json.loads(out)
    assert [row["kind"] for row in data["rows"]] == ["roster.set", "file.received", "submission.current", "file.duplicate", "file.received", "submission.current"]


def test_an_unknown_body(round_folder: Path) -> None:
    with open_round(round_folder) as r, pytest.raises(KipmonevError) as caught:
        round_history(r, "KEM-10")
    assert [(p.code, p.message) for p in caught.value.problems] == [
        ("KM-V-100", "ID badan publik 'KEM-10' tidak ada di daftar putaran. Mungkin maksudnya 'KEM-01'? Perintah ini memakai ID dari daftar badan publik. Periksa ID-nya dengan 'kipmonev round status'.")
    ]
    code, _, err = run("round", "history", str(round_folder), "XYZ")
    assert code == 1
    assert err == f"Galat: {round_folder / 'daftar-badan-publik.csv'}: ID badan publik 'XYZ' tidak ada di daftar putaran. Perintah ini memakai ID dari daftar badan publik. Periksa ID-nya dengan 'kipmonev round status'.\n"
