"""The one did-you-mean rule (kipmonev.core.text.closest), used for sheet, column, setting and YAML key names.

Before it, the workbook reader and the questionnaire-workbook importer suggested any name within two
edits (hand-written Levenshtein), while the YAML loader and the round settings used difflib with cutoffs
0.75 and 0.6. The comments name the cases where they disagreed.
"""

from __future__ import annotations

import pytest

from kipmonev.core.text import closest

SHEETS = ["Petunjuk", "Identitas", "Kuesioner", "Tahap", "Ringkasan"]


@pytest.mark.parametrize(
    ("given", "choices", "expected"),
    [
        ("bobbot", ["bobot", "nama", "kode"], "bobot"),
        ("Kuisioner", SHEETS, "Kuesioner"),
        ("kuesioner", SHEETS, "Kuesioner"),  # case never matters
        ("tahap-2", SHEETS, "Tahap"),
        ("Pertanyan", ["Pengaturan", "Indikator", "Pertanyaan", "Pilihan"], "Pertanyaan"),
        ("rekomendasii", ["rekomendasi", "dasar_hukum"], "rekomendasi"),
        ("tahunn", ["tahun", "versi", "kategori"], "tahun"),
        # Two edits apart but nothing alike: Levenshtein ≤ 2 suggested 'id' for 'ab'; difflib does not.
        ("ab", ["id", "nama"], None),
        ("xyz", SHEETS, None),
        # Ties go to the choice listed first (difflib alone prefers the larger string).
        ("kode_b", ["kode_a", "kode_c"], "kode_a"),
        ("anything", [], None),
    ],
)
def test_closest(given: str, choices: list[str], expected: str | None) -> None:
    assert closest(given, choices) == expected


def test_closest_compares_through_key_and_returns_the_choice() -> None:
    assert closest("kuesioner", ["  Kuesioner\xa0"], key=lambda s: " ".join(s.split()).casefold()) == "  Kuesioner\xa0"
