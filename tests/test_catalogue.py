"""The problem catalogues: one code, one problem; every entry used; values formatted the Indonesian way."""

from __future__ import annotations

import importlib
import re
from decimal import Decimal
from pathlib import Path

import pytest

import kipmonev
from kipmonev.core.catalogue import ERROR, WARNING, Entry, entries, quoted
from kipmonev.core.errors import Location, Problem

PACKAGE = Path(kipmonev.__file__).parent


def _catalogues() -> list[tuple[Path, list[tuple[str, Entry]]]]:
    found = []
    for path in sorted(PACKAGE.rglob("problems*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        found.append((path, list(entries(vars(importlib.import_module(module))))))
    return found


def test_there_are_catalogues() -> None:
    assert _catalogues(), "every layer that reports problems keeps a problems*.py catalogue"


def test_codes_are_unique_across_catalogues() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for path, items in _catalogues():
        for name, entry in items:
            where = f"{path.parent.name}/{path.name}:{name}"
            if entry.code in seen:
                clashes.append(f"{entry.code}: {seen[entry.code]} and {where}")
            seen[entry.code] = where
    assert clashes == []


def test_codes_have_the_documented_shape() -> None:
    bad = [f"{path.parent.name}:{name} {e.code}" for path, items in _catalogues() for name, e in items if not re.fullmatch(r"KM-[A-Z]{1,3}-\d{3}", e.code)]
    assert bad == []


#: Entries merged before the code that reports them (another branch is landing it); remove a name when it is used.
#: The test fails on a name listed here that is used, so the list only shrinks.
NOT_YET_USED: set[str] = set()


def test_every_entry_is_used() -> None:
    sources = {p: p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if not p.name.startswith("problems")}
    unused = []
    for path, items in _catalogues():
        for name, _ in items:
            if not any(re.search(rf"\b{name}\b", text) for text in sources.values()):
                unused.append(f"{path.parent.name}/{path.name}:{name}")
    assert sorted(set(unused) - NOT_YET_USED) == []
    assert sorted(NOT_YET_USED - set(unused)) == [], "now used: remove from NOT_YET_USED"


def test_templates_end_with_a_full_stop() -> None:
    bad = [f"{path.parent.name}:{name}" for path, items in _catalogues() for name, e in items if not e.template.rstrip().endswith((".", "?", ")"))]
    assert bad == []


@pytest.mark.parametrize(
    ("template", "values", "expected"),
    [
        ("{n} baris.", {"n": 1234}, "1.234 baris."),
        ("nilai {v}.", {"v": Decimal("2.50")}, "nilai 2,5."),
        ("pilih {opts}.", {"opts": ("Ya", "Tidak")}, "pilih 'Ya' atau 'Tidak'."),
        ("pilih {opts}.", {"opts": ["Ya"]}, "pilih 'Ya'."),
        ("teks {t}.", {"t": "apa adanya"}, "teks apa adanya."),
    ],
)
def test_entry_formats_values(template: str, values: dict[str, object], expected: str) -> None:
    assert Entry("KM-T-001", ERROR, template).text(**values) == expected


def test_entry_at_makes_a_located_problem() -> None:
    entry = Entry("KM-T-002", WARNING, "jawaban {answer} tidak dikenal.")
    assert entry.at(Location("isian.xlsx", "Kuesioner", "F7"), answer="'Iya'") == Problem(Location("isian.xlsx", "Kuesioner", "F7"), "KM-T-002", "jawaban 'Iya' tidak dikenal.")
    assert entry.fields == ("answer",)


def test_entry_needs_every_value() -> None:
    with pytest.raises(KeyError):
        Entry("KM-T-003", ERROR, "{a} dan {b}.").text(a="x")


def test_quoted_with_dan() -> None:
    assert quoted(["a", "b", "c"], last="dan") == "'a', 'b' dan 'c'"
