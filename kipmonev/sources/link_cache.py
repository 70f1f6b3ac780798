"""Link-check results kept between runs, so a batch of workbooks does not open the same link again.

A cache is a small JSON file (``--link-cache FILE``): for each link, what the check found (nothing, or
the problem's code, severity and text) and when (UTC). An entry older than its maximum age
(:data:`DEFAULT_MAX_AGE`, 24 hours) is checked again. Results that say more about the moment than about
the link (a timeout, a connection that failed, no network) are not kept. A file written by another
kipmonev version is read as empty (its messages may be worded otherwise). The file is written
atomically; a file that exists and is not a link cache is refused, never overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kipmonev._version import __version__
from kipmonev.core.catalogue import Message, Severity
from kipmonev.core.errors import KipmonevError, Location
from kipmonev.core.fileio import write_atomic
from kipmonev.sources.problems_links import LINK_CACHE_NOT_OURS, SUMMARY_LINK_CACHE

__all__ = ["DEFAULT_MAX_AGE", "FORMAT", "LinkCache", "LinkCacheError", "LinkResult"]

#: How long a link's result is used before the link is opened again.
DEFAULT_MAX_AGE = timedelta(hours=24)
#: The ``format`` value of a link cache file.
FORMAT = "kipmonev-link-cache"


class LinkCacheError(KipmonevError):
    """The cache file given is something else: it is neither read nor overwritten."""


@dataclass(frozen=True)
class LinkResult:
    """What the check of one link found, and when.

    Attributes:
        url: The link.
        checked_at: When it was opened (UTC).
        problem: What is wrong; ``None`` when it works.
        cached: Taken from the cache rather than opened in this run.
        status: The HTTP status of the final answer; ``None`` when no answer came (or an older cache).
    """

    url: str
    checked_at: datetime
    problem: Message | None
    cached: bool = False
    status: int | None = None


def _now() -> datetime:
    return datetime.now(UTC)


class LinkCache:
    """A link cache file, read on opening and written by :meth:`save`."""

    def __init__(self, path: Path, max_age: timedelta = DEFAULT_MAX_AGE, now: Callable[[], datetime] = _now) -> None:
        """Read the cache at ``path`` (a missing file is an empty cache).

        Args:
            path: The JSON file.
            max_age: Entries older than this are checked again.
            now: The clock (UTC), for tests.

        Raises:
            LinkCacheError: ``path`` exists but is not a link cache of kipmonev.
        """
        self.path = path
        self.max_age = max_age
        self.now = now
        self._entries: dict[str, LinkResult] = {}
        if path.exists():
            self._read()

    def _read(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            data = None
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("links"), dict):
            raise LinkCacheError(SUMMARY_LINK_CACHE.text(path=str(self.path)), (LINK_CACHE_NOT_OURS.at(Location(str(self.path))),))
        if data.get("kipmonev") != __version__:
            return
        for url, entry in data["links"].items():
            try:
                checked_at = datetime.fromisoformat(entry["checked_at"])
                code = entry["code"]
                problem = None if code is None else Message(str(code), Severity(entry["severity"]), str(entry["text"]))
                raw = entry.get("status")
                status = int(raw) if raw is not None else None
            except (KeyError, TypeError, ValueError):
                continue  # one damaged entry is checked again, the rest still counts
            if checked_at.tzinfo is not None:
                self._entries[str(url)] = LinkResult(str(url), checked_at, problem, cached=True, status=status)

    def get(self, url: str) -> LinkResult | None:
        """The result for ``url`` when one is kept and younger than :attr:`max_age`."""
        found = self._entries.get(url)
        if found is None or self.now() - found.checked_at > self.max_age:
            return None
        return found

    def put(self, result: LinkResult) -> None:
        """Keep ``result`` (replacing an older one)."""
        self._entries[result.url] = LinkResult(result.url, result.checked_at, result.problem, cached=True, status=result.status)

    def save(self) -> None:
        """Write the entries that have not expired, atomically.

        Raises:
            OSError: The file cannot be written.
        """
        now = self.now()
        links = {
            url: {
                "checked_at": r.checked_at.isoformat(timespec="seconds"),
                "code": None if r.problem is None else r.problem.code,
                "severity": None if r.problem is None else str(r.problem.severity),
                "text": None if r.problem is None else r.problem.text,
                "status": r.status,
            }
            for url, r in sorted(self._entries.items())
            if now - r.checked_at <= self.max_age
        }
        write_atomic(self.path, json.dumps({"format": FORMAT, "kipmonev": __version__, "links": links}, ensure_ascii=False, indent=1) + "\n")
