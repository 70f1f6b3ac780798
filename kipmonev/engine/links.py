"""What counts as an evidence link, and what is wrong with one that does not (pure: no I/O).

This module holds the one rule, used by the scoring (:func:`evidence_satisfied`), by the workbook
reader (how a cell splits into items, :func:`split_urls`; the warnings, :func:`link_fault`) and by the
Ringkasan formulas (:mod:`kipmonev.outputs.formulas` writes the same rule in spreadsheet functions, and
a LibreOffice test holds the two together). A link counts when it

- starts with ``http://`` or ``https://`` (any case) and has no whitespace inside;
- names a host (the text after ``://`` up to the first ``/``, ``?``, ``#`` or ``:``) with a dot, not at
  its start or end, no ``..``, and a last label of at least two characters (``.id``, ``.com``) or one
  digit (an IPv4 address).

In a cell, a URL ends at whitespace, ``;``, ``<``, ``>``, ``"`` or ``'``; at most two trailing ``.`` or
``,`` are punctuation of the sentence, not of the URL. When the word right after a URL (its own
trailing ``.``/``,`` aside) has no ``://`` but one of ``. / ? = & #``, the space was typed inside
the URL (``https://ppid.sulawesicontoh .go.id/profil``): the two are one item, which does not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kipmonev.core.catalogue import Entry
from kipmonev.engine.problems_links import LINK_NO_DOMAIN, LINK_NO_HOST, LINK_NO_SCHEME, LINK_NOT_HTTP, LINK_SPACE
from kipmonev.model.questionnaire import EvidenceKind

__all__ = ["CONTINUATION", "HOST_END", "URL_END", "LinkFault", "evidence_satisfied", "good_host", "host_of", "is_link", "link_fault", "split_urls", "strip_end"]

#: Characters that end a URL typed in a cell (besides whitespace).
URL_END = ";<>\"'"
#: Characters that end the host part of a URL.
HOST_END = "/?#:"
#: A word with one of these right after a URL (and no ``://``) continues it: the space is a typo.
CONTINUATION = "./?=&#"
#: Trailing punctuation taken off a URL (at most two characters).
_PUNCTUATION = ".,"
_SCHEME = re.compile(r"https?://", re.IGNORECASE)
_SPACE = re.compile(r"\s")  # the same characters as str.isspace
_COMMA_BEFORE_URL = re.compile(r",(?=https?://)", re.IGNORECASE)
_WORD = re.compile(f"[^\\s{re.escape(URL_END)}]*")  # up to whitespace or a URL_END character
_OTHER_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)
# A mistyped scheme: "https//", "https:/", "htps://", "http:".
_SCHEME_TYPO = re.compile(r"^h?t{1,2}ps?(?::/{0,3}|/{1,3})", re.IGNORECASE)
_DOMAIN_LIKE = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.([a-z]{2,})(?:[/?#:]\S*)?$", re.IGNORECASE)
# Last labels that make "a.b" a site rather than a file name ("laporan.pdf") or an abbreviation.
_SITE_ENDINGS = frozenset("id com org net info io co gov edu ac go or sch my web biz xyz site online app dev me int mil".split())


def strip_end(text: str) -> str:
    """``text`` without at most two trailing ``.``/``,``."""
    for _ in range(2):
        if text[-1:] in _PUNCTUATION and text:
            text = text[:-1]
    return text


def host_of(url: str) -> str:
    """The host part of ``scheme://host…`` (empty when there is none)."""
    rest = url.split("://", 1)[1] if "://" in url else ""
    end = min((i for i in (rest.find(c) for c in HOST_END) if i >= 0), default=len(rest))
    return rest[:end]


def good_host(host: str) -> bool:
    """A host with a domain: a dot, not first or last, no ``..``, a last label of two or more (or a digit: ``10.0.0.1``)."""
    if "." not in host or host.startswith(".") or host.endswith(".") or ".." in host:
        return False
    last = host.rsplit(".", 1)[1]
    return len(last) >= 2 or last in "0123456789"


@lru_cache(maxsize=8192)
def is_link(text: str) -> bool:
    """True for an evidence link that counts (see the module's rule).

    Cached: the reader, its warnings and the scoring ask about the same items of a workbook.
    """
    text = text.strip()
    return bool(_SCHEME.match(text)) and _SPACE.search(text) is None and good_host(host_of(text))


def evidence_satisfied(kind: EvidenceKind, evidence: tuple[str, ...]) -> bool:
    """Whether the evidence given meets what a question requires.

    ``tautan`` needs at least one link that counts (:func:`is_link`); ``dokumen`` needs at least one
    reference to a document, a URL or a file name (documents are often shared through links);
    ``tidak_perlu`` needs nothing.
    """
    if kind is EvidenceKind.NONE:
        return True
    items = [e for e in (x.strip() for x in evidence) if e]
    if kind is EvidenceKind.LINK:
        return any(is_link(e) for e in items)
    return bool(items)


def _continues(word: str) -> bool:
    word = strip_end(word)
    return "://" not in word and any(c in word for c in CONTINUATION)


def _word_end(piece: str, start: int) -> int:
    """Where the word starting at ``start`` ends: at whitespace, a ``URL_END`` character or the end."""
    m = _WORD.match(piece, start)
    return m.end() if m is not None else start


def split_urls(piece: str) -> list[str]:
    """The URLs typed in one piece of a cell (whitespace already single spaces), a typed-in space kept.

    A comma splits two URLs only when the second follows it directly (``…,https://…``).
    """
    if "," not in piece and _SCHEME.match(piece) and _WORD.fullmatch(piece):
        # The common cell, one URL and nothing else: what the loop below finds for it, without the loop.
        url = strip_end(piece)
        return [url] if url else []
    found: list[str] = []
    pos = 0
    while (m := _SCHEME.search(piece, pos)) is not None:
        end = _word_end(piece, m.end())
        url = piece[m.start() : end]
        pos = end
        if end < len(piece) and piece[end] == " ":
            word_end = _word_end(piece, end + 1)
            word = piece[end + 1 : word_end]
            if word and _continues(word):
                url = f"{url} {word}"
                pos = word_end
        found.extend(part for part in (strip_end(p) for p in _COMMA_BEFORE_URL.split(url)) if part)
    return found


@dataclass(frozen=True)
class LinkFault:
    """What is wrong with an evidence item meant as a link: the entry and its values (``effect`` aside)."""

    entry: Entry
    values: dict[str, str]


def link_fault(item: str) -> LinkFault | None:
    """What is wrong with ``item`` as a link, or ``None`` when it counts or is not meant as one (a file name)."""
    text = item.strip()
    if not text or is_link(text):
        return None
    if _SCHEME.match(text):
        if any(c.isspace() for c in text):
            cut = text.split()[0]
            return LinkFault(LINK_SPACE, {"text": text, "cut": cut, "suggestion": "".join(text.split())})
        host = host_of(text)
        if not host:
            return LinkFault(LINK_NO_HOST, {"text": text})
        return LinkFault(LINK_NO_DOMAIN, {"text": text, "host": host})
    if any(c.isspace() for c in text):
        return None
    typo = _SCHEME_TYPO.match(text)
    if typo is not None and _DOMAIN_LIKE.match(text[typo.end() :]):
        return LinkFault(LINK_NO_SCHEME, {"text": text, "suggestion": f"https://{text[typo.end() :]}"})
    other = _OTHER_SCHEME.match(text)
    if other is not None:
        return LinkFault(LINK_NOT_HTTP, {"text": text, "scheme": other.group(1).lower()})
    domain = _DOMAIN_LIKE.match(text)
    if domain is not None and (text.lower().startswith("www.") or domain.group(1).lower() in _SITE_ENDINGS):
        return LinkFault(LINK_NO_SCHEME, {"text": text, "suggestion": f"https://{text}"})
    return None
