"""The round's store and intake: append-only events, versions, strays, kill -9 and two runs at once."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_runner import run
from round_helpers import COMMISSION, answers, fill_body, write_roster

from kipmonev.app.round.receive import receive_files
from kipmonev.app.round.workspace import open_round
from kipmonev.engine.round import current_versions, file_records
from kipmonev.model.recap import Recap
from kipmonev.model.round import NewEvent, Outcome
from kipmonev.model.submission import BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.sources.loader import load_questionnaire
from kipmonev.sources.round_store import SCHEMA_VERSION, RoundStore, StoreError

ROSTER = [
    ("KEM-01", "Kementerian Urusan Contoh", "Kementerian", "ppid@kem01.go.id", ""),
    ("KEM-02", "Kementerian Koordinasi Fiktif", "Kementerian", "ppid@kem02.go.id", ""),
    ("BUMN-01", "PT Contoh Nusantara (Persero)", "BUMN", "ppid@bumn01.co.id", "KEM-01"),
]


def _round(tmp_path: Path) -> Path:
    folder = tmp_path / "putaran"
    roster = write_roster(tmp_path / "daftar.csv", ROSTER)
    code, _, err = run("round", "--by", "Sari", "init", str(folder), "--commission", COMMISSION, "--roster", str(roster), "--deadline-submission", "23-11-2025")
    assert (code, err) == (0, ""), err
    return folder


def _touch(path: Path, when: float) -> Path:
    os.utime(path, (when, when))
    return path


def test_store_refuses_update_and_delete(tmp_path: Path) -> None:
    with RoundStore.open(tmp_path / "s.sqlite") as store:
        store.append("Sari", [NewEvent(kind="round.created", subject="putaran", new="KI Contoh")])
        for statement in ("UPDATE events SET actor = 'Budi'", "DELETE FROM events"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                store.connection.execute(statement)
        assert [(e.seq, e.actor, e.kind) for e in store.events()] == [(1, "Sari", "round.created")]
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_store_from_a_newer_kipmonev_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}").connection.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        RoundStore.open(path)
    assert str(caught.value) == f"{path}: basis data putaran memakai skema versi {SCHEMA_VERSION + 1}, lebih baru dari yang dikenal kipmonev ini (versi {SCHEMA_VERSION}). Basis data tidak diubah. Perbarui kipmonev."
    assert path.read_bytes() == before


def test_store_refuses_unknown_event_kind(tmp_path: Path) -> None:
    with RoundStore.open(tmp_path / "s.sqlite") as store, pytest.raises(StoreError, match=r"jenis peristiwa 'nilai\.diubah' tidak dikenal"):
        store.append("Sari", [NewEvent(kind="nilai.diubah", subject="KEM-01")])


def test_receive_versions_and_strays(tmp_path: Path) -> None:
    folder = _round(tmp_path)
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    base = time.time() - 1000
    _touch(fill_body(inbox / "KEM-01-v1.xlsx", "Kementerian", "KEM-01", "Kementerian Urusan Contoh", missing=2), base)
    _touch(fill_body(inbox / "KEM-01-v2.xlsx", "Kementerian", "KEM-01", "Kementerian Urusan Contoh"), base + 10)
    _touch(fill_body(inbox / "kem02.xlsx", "Kementerian", "KEM-02", "Kementerian Koordinasi", no_evidence=3), base + 20)
    _touch(fill_body(inbox / "kosong.xlsx", "BUMN", "BUMN-01", "PT Contoh Nusantara (Persero)", blank=True), base + 30)
    _touch(fill_body(inbox / "asing.xlsx", "BUMN", "BUMN-99", "PT Asing"), base + 40)
    (inbox / "KEM-01-v2 (1).xlsx").write_bytes((inbox / "KEM-01-v2.xlsx").read_bytes())
    _touch(inbox / "KEM-01-v2 (1).xlsx", base + 50)
    (inbox / "catatan.docx").write_bytes(b"PK\x03\x04 bukan isian")
    _touch(inbox / "catatan.docx", base + 60)
    (inbox / "~$KEM-01-v2.xlsx").write_bytes(b"lock")
    code, out, err = run("round", "--by", "Budi", "receive", str(folder), str(inbox))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "KEM-01-v1.xlsx [KEM-01]: versi isian",
        "KEM-01-v2.xlsx [KEM-01]: versi isian",
        "kem02.xlsx [KEM-02]: versi isian",
        "  nama badan publik 'Kementerian Koordinasi' berbeda dengan nama di daftar untuk ID 'KEM-02' ('Kementerian Koordinasi Fiktif'). Nama di daftar yang dipakai. Periksa apakah ID-nya benar.",
        "kosong.xlsx [BUMN-01]: templat kosong (belum diisi)",
        "  templat belum diisi: tidak ada satu pun jawaban. Berkas dicatat tetapi tidak dinilai. Kirim templat yang sudah diisi.",
        "asing.xlsx [BUMN-99]: ID tidak ada di daftar",
        "  ID badan publik 'BUMN-99' tidak ada di daftar putaran. Berkas dicatat tetapi tidak dinilai. Periksa ID pada sheet Identitas atau tambahkan badan publik itu ke daftar.",
        "KEM-01-v2 (1).xlsx [KEM-01]: berkas kembar",
        "  isi berkas sama persis dengan KEM-01-v2.xlsx yang sudah diterima. Berkas kembar tidak menjadi versi baru. Tidak perlu tindakan.",
        "catatan.docx: bukan berkas isian",
        "  berkas bukan isian kuesioner (.docx). Hanya isian .xlsx atau .xlsm yang dinilai. Berkas dicatat tetapi tidak dinilai.",
        "",
        "Diterima 7 berkas: 3 versi isian, 0 perlu perbaikan, 1 templat kosong, 1 ID tidak dikenal, 1 kembar, 0 sudah diterima sebelumnya, 1 bukan isian, 0 keluaran putaran.",
        f"Kemajuan: kipmonev round status {folder}",
    ]
    with open_round(folder) as r:
        events = r.events()
        files = file_records(events)
        current = current_versions(events)
        v1, v2 = (next(f for f in files.values() if f.name == n) for n in ("KEM-01-v1.xlsx", "KEM-01-v2.xlsx"))
        assert current == {"kem-01": v2.sha256, "kem-02": next(f.sha256 for f in files.values() if f.name == "kem02.xlsx")}
        assert (v1.missing, v2.missing, v2.duplicates) == (2, 0, ("KEM-01-v2 (1).xlsx",))
        pointer = [e for e in events if e.kind == "submission.current" and e.subject == "KEM-01"]
        assert [(e.old, e.new, e.actor) for e in pointer] == [(None, v1.sha256, "Budi"), (v1.sha256, v2.sha256, "Budi")]
        # Every file is kept as received, under its hash, whatever happens to the original later.
        assert all((folder / f.stored).read_bytes() and (folder / f.stored).name.startswith(f.sha256) for f in files.values())
    (inbox / "KEM-01-v2.xlsx").write_bytes(b"diubah setelah dikirim")
    assert (folder / v2.stored).stat().st_size == v2.size
    code, out, _ = run("round", "receive", str(folder), str(inbox / "kem02.xlsx"))
    assert out.splitlines()[:2] == ["kem02.xlsx [KEM-02]: sudah diterima sebelumnya", "  berkas ini sudah diterima sebelumnya dengan isi yang sama. Berkas tidak dicatat lagi. Tidak perlu tindakan."]


def test_unreadable_workbook_is_a_version_that_needs_fixing(tmp_path: Path) -> None:
    folder = _round(tmp_path)
    broken = tmp_path / "KEM-02_isian.xlsx"
    broken.write_bytes(b"PK\x03\x04 rusak")
    with open_round(folder, "Sari") as r:
        report = receive_files(r, [broken])
        (item,) = report.items
        assert (item.outcome, item.body_id) == (Outcome.UNREADABLE, "KEM-02")
        assert item.messages[0].code == "KM-R-047"
        assert current_versions(r.events()) == {"kem-02": item.sha256}


def test_round_outputs_and_unchanged_templates_are_recognised(tmp_path: Path) -> None:
    folder = _round(tmp_path)
    code, out, _ = run("round", "templates", str(folder))
    assert (code, out) == (0, f"Templat ditulis: 3 berkas di {folder / 'templat'}.\n")
    with open_round(folder, "Sari") as r:
        report = receive_files(r, [folder / "templat"])
    assert sorted((i.path.name, i.outcome, i.body_id) for i in report.items) == [
        ("BUMN-01-PT-Contoh-Nusantara-Persero.xlsx", Outcome.BLANK, "BUMN-01"),
        ("KEM-01-Kementerian-Urusan-Contoh.xlsx", Outcome.BLANK, "KEM-01"),
        ("KEM-02-Kementerian-Koordinasi-Fiktif.xlsx", Outcome.BLANK, "KEM-02"),
    ]


def test_changed_roster_and_deadline_are_events(tmp_path: Path) -> None:
    folder = _round(tmp_path)
    config = folder / "putaran.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("pengisian: 2025-11-23", "pengisian: 30 November 2025"), encoding="utf-8")
    write_roster(folder / "daftar-badan-publik.csv", [*ROSTER[:2], ("PTN-01", "Universitas Negeri Fiktif", "Perguruan Tinggi Negeri", "", "")])
    with open_round(folder, "Rina") as r:
        events = r.events()
    assert [(e.kind, e.actor, e.reason) for e in events] == [
        ("round.created", "Sari", "putaran 2025 dibuat"),
        ("config.set", "Sari", "putaran.yaml dibuat"),
        ("roster.set", "Sari", "3 badan publik; ditambah 3, dihapus 0"),
        ("config.set", "Rina", "putaran.yaml diubah: tenggat"),
        ("roster.set", "Rina", "3 badan publik; ditambah 1, dihapus 1"),
    ]
    assert events[3].data["sebelumnya"]["tenggat"]["pengisian"] == "2025-11-23"
    assert events[3].data["pengaturan"]["tenggat"]["pengisian"] == "2025-11-30"
    assert (events[4].data["ditambah"], events[4].data["dihapus"]) == (["PTN-01"], ["BUMN-01"])


# --- kill -9 and two runs at once -------------------------------------------------------------

@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    for i in range(24):
        body = ROSTER[i % 3]
        fill_body(folder / f"{body[0]}-{i:02d}.xlsx", body[2], body[0], body[1], missing=i)
    return folder


def _received(folder: Path) -> int:
    connection = sqlite3.connect(f"file:{folder / 'putaran.sqlite'}?mode=ro", uri=True, timeout=30)
    try:
        return int(connection.execute("SELECT count(*) FROM events WHERE kind = 'file.received'").fetchone()[0])
    finally:
        connection.close()


def _receive_process(folder: Path, inbox: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "kipmonev", "round", "receive", "-q", str(folder), str(inbox)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _check_consistent(folder: Path, files: int) -> None:
    with open_round(folder, "Sari") as r:
        assert r.store.check() == ["ok"]
        events = r.events()
        records = file_records(events)
        assert len(records) == files
        pointers = [e for e in events if e.kind == "submission.current"]
        # Each version's registration and its pointer were committed together: none without the other.
        assert sorted(e.new or "" for e in pointers) == sorted(f.sha256 for f in records.values() if f.outcome is Outcome.VERSION)
        assert all((folder / f.stored).is_file() for f in records.values())
        assert not list((folder / "berkas-masuk").glob(".*.part"))


def test_kill_9_during_receive_leaves_a_consistent_round_and_the_next_run_finishes(tmp_path: Path, inbox: Path) -> None:
    folder = _round(tmp_path)
    process = _receive_process(folder, inbox)
    deadline = time.monotonic() + 120
    while _received(folder) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.poll() is None, "receive finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    done = _received(folder)
    assert 3 <= done < 24
    with open_round(folder, "Sari") as r:
        assert r.store.check() == ["ok"]
        assert len(file_records(r.events())) == done
        report = receive_files(r, [inbox])
    assert sum(1 for i in report.items if i.outcome is None) == done  # what the killed run committed is not registered twice
    _check_consistent(folder, 24)


def test_two_receives_at_once_register_every_file_once(tmp_path: Path, inbox: Path) -> None:
    folder = _round(tmp_path)
    first, second = _receive_process(folder, inbox), _receive_process(folder, inbox)
    for process in (first, second):
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    _check_consistent(folder, 24)


def test_an_edition_given_as_a_file_reads_the_workbooks_made_from_it(tmp_path: Path) -> None:
    folder = _round(tmp_path)
    shutil.copytree(Path(__file__).parent.parent / "questionnaires" / "ki-pusat-2025", folder / "kuesioner")
    edition = folder / "kuesioner" / "kementerian.yaml"
    edition.write_text(edition.read_text(encoding="utf-8").replace("id: ki-pusat-2025-kementerian", "id: ki-nusa-2025-kementerian"), encoding="utf-8")
    config = folder / "putaran.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace('"Kementerian": "ki-pusat-2025-kementerian"', '"Kementerian": "kuesioner/kementerian.yaml"'), encoding="utf-8")
    assert run("round", "templates", str(folder))[0] == 0
    q = load_questionnaire(edition)
    workbook = write_filled(q, Submission(questionnaire_id=q.id, body=BodyIdentity(id="KEM-01", name="Kementerian Urusan Contoh", category="Kementerian"), answers=answers(q)), tmp_path / "KEM-01.xlsx", body_only=True)
    with open_round(folder, "Sari") as r:
        (item,) = receive_files(r, [workbook]).items
    assert (item.outcome, item.body_id, item.messages) == (Outcome.VERSION, "KEM-01", ())
    code, _, err = run("round", "recap", str(folder), "-j", "1", "-q")
    assert (code, err) == (0, "")
    assert [row.body_id for row in Recap.from_json((folder / "rekap" / "rekap.json").read_bytes()).rows] == ["KEM-01"]
