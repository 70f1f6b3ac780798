"""Link records in the evidence manifest: each link's status and the time of its check, per question.

``check --check-links`` puts an :class:`~kipmonev.model.result.EvidenceRecord` (kind ``link``) in the
result's ``evidence_checks`` for every link an evidence cell names, next to the documents' records, in
workbook order. Links are served by a local server (127.0.0.1); nothing touches the internet.
"""

from __future__ import annotations

import hashlib
import json
import socket
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from cli_runner import run
from evidence_files import text_pdf
from local_server import local_server
from round_helpers import CATEGORIES, answers

from kipmonev.core.errors import Location
from kipmonev.model.result import Assessment
from kipmonev.model.submission import BodyIdentity, Submission
from kipmonev.outputs.fill import write_filled
from kipmonev.sources.link_cache import LinkCache
from kipmonev.sources.links import STATUS_NO_ANSWER, STATUS_NOT_CHECKED, STATUS_NOT_OPENED, check_link_results
from kipmonev.sources.loader import load_questionnaire


class _Pages(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self.send_response(410 if self.path == "/hilang" else 200)  # 410: no second try with GET
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(_Pages) as port:
        yield f"http://127.0.0.1:{port}"


def _workbook(folder: Path, evidence: dict[str, tuple[str, ...]]) -> Path:
    q = load_questionnaire(CATEGORIES["Kementerian"])
    filled = {code: a.model_copy(update={"evidence": evidence.get(code, ())}) for code, a in answers(q).items()}
    body = BodyIdentity(id="KEM-01", name="Kementerian Contoh", category="Kementerian", year=2025)
    return write_filled(q, Submission(questionnaire_id=q.id, body=body, answers=filled), folder / "isian.xlsx", body_only=True)


def _records(data: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    return {code: [(r["kind"], r["value"], r["location"], r.get("status"), r.get("problem_code"), r.get("sha256", "")[:8]) for r in rs] for code, rs in data["evidence_checks"].items()}


def test_each_link_gets_its_status_and_time_next_to_the_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: str) -> None:
    monkeypatch.chdir(tmp_path)
    sk = text_pdf("Keputusan tentang PPID")
    _workbook(tmp_path, {"SP.1.1": ("sk.pdf", f"{server}/ok"), "SP.1.2": (f"{server}/hilang",), "SP.1.6": (f"{server}/ok",)})
    Path("bukti").mkdir()
    (Path("bukti") / "sk.pdf").write_bytes(sk)
    before = datetime.now(UTC).replace(microsecond=0)
    code, out, _ = run("check", "isian.xlsx", "--check-links", "--allow-local-addresses", "--evidence", "bukti", "--link-cache", "tautan.json", "--json")
    data = json.loads(out)
    assert _records(data) == {
        "SP.1.1": [("file", "sk.pdf", "Kuesioner!G95", None, None, hashlib.sha256(sk).hexdigest()[:8]), ("link", f"{server}/ok", "Kuesioner!G95", "200", None, "")],
        "SP.1.2": [("link", f"{server}/hilang", "Kuesioner!G96", "410", "KM-W-060", "")],
        "SP.1.6": [("link", f"{server}/ok", "Kuesioner!G105", "200", None, "")],
    }
    times = {r["checked_at"] for rs in data["evidence_checks"].values() for r in rs if r["kind"] == "link"}
    assert all(before <= datetime.fromisoformat(t) <= datetime.now(UTC) and t.endswith("+00:00") for t in times)
    assert data["evidence_checks"]["SP.1.2"][0]["message"] == f"tautan {server}/hilang tidak dapat dibuka (status HTTP 410). Perbaiki tautannya atau pastikan dokumen dapat diakses publik."
    assert code == 1  # the dead link and the unanswered evidence; the records themselves change nothing
    # The second run takes the links from the cache: the same records, with the time of the first check.
    again = json.loads(run("check", "isian.xlsx", "--check-links", "--allow-local-addresses", "--evidence", "bukti", "--link-cache", "tautan.json", "--json")[1])
    assert again["evidence_checks"] == data["evidence_checks"]
    assert again["score"] == data["score"] == json.loads(run("check", "isian.xlsx", "--json")[1])["score"]


def test_a_cache_written_before_statuses_still_reads(tmp_path: Path, server: str) -> None:
    from kipmonev._version import __version__

    url = f"{server}/ok"
    cache_file = tmp_path / "tautan.json"
    old = {"format": "kipmonev-link-cache", "kipmonev": __version__, "links": {url: {"checked_at": "2026-11-23T08:00:00+00:00", "code": None, "severity": None, "text": None}}}
    cache_file.write_text(json.dumps(old), encoding="utf-8")
    where = Location("isian.xlsx", "Kuesioner", "G6")
    found = check_link_results([(where, url)], cache=LinkCache(cache_file, now=lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC)))
    record = found.record(where, url)
    assert (record.kind, record.status, record.checked_at, record.problem_code, record.location) == ("link", None, "2026-11-23T08:00:00+00:00", None, "Kuesioner!G6")


def _no_dns(host: str) -> Sequence[str]:
    raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")


G6, G7 = Location("isian.xlsx", "Kuesioner", "G6"), Location("isian.xlsx", "Kuesioner", "G7")


def test_offline_links_are_recorded_as_not_checked_with_the_one_message() -> None:
    found = check_link_results([(G6, "https://ppid.contoh.go.id/sk.pdf"), (G7, "https://jdih.contoh.go.id/perda")], lookup=_no_dns)
    records = [found.record(w, u) for w, u in [(G6, "https://ppid.contoh.go.id/sk.pdf"), (G7, "https://jdih.contoh.go.id/perda")]]
    assert [(r.status, r.checked_at, r.problem_code) for r in records] == [(STATUS_NOT_CHECKED, None, "KM-E-110")] * 2
    assert records[0].message == found.problems[0].message
    assert found.problems[0].message.startswith("tidak ada koneksi internet")


def test_a_link_that_does_not_answer_or_is_local_has_no_http_status(server: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/sk.pdf"
    found = check_link_results([(G6, closed)], timeout=2, allow_private=True)
    assert (found.record(G6, closed).status, found.record(G6, closed).problem_code) == (STATUS_NO_ANSWER, "KM-W-064")
    local = f"{server}/ok"
    found = check_link_results([(G7, local)])
    record = found.record(G7, local)
    assert (record.status, record.problem_code, record.checked_at is not None) == (STATUS_NOT_OPENED, "KM-W-065", True)


def test_a_result_without_evidence_checks_still_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _workbook(tmp_path, {})
    assert run("score", "isian.xlsx", "-o", "keluaran")[0] == 0
    text = next(Path("keluaran/hasil").glob("*.json")).read_text(encoding="utf-8")
    raw = json.loads(text)
    for q in raw["questions"]:
        q.pop("evidence_checks", None)
    assert all(q.evidence_checks == () for q in Assessment.from_json(json.dumps(raw)).questions)
