"""The files ``round init`` writes: ``putaran.yaml`` (with Indonesian comments) and an empty roster."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from kipmonev.core.fileio import write_atomic
from kipmonev.formats.round_layout import ROSTER_HEADER
from kipmonev.model.round import RoundConfig


def _scalar(value: str) -> str:
    """A YAML scalar that reads back as the same text (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def config_text(config: RoundConfig) -> str:
    """The text of ``putaran.yaml`` for these settings."""
    lines = [
        "# Pengaturan putaran monev keterbukaan informasi publik (kipmonev round).",
        "# Tanggal boleh ditulis 2025-11-23, 23-11-2025, 23/11/2025 atau 23 November 2025.",
        "# Setiap perubahan (misalnya perpanjangan tenggat) dicatat pada log putaran saat perintah berikutnya dijalankan.",
        f"komisi: {_scalar(config.commission)}",
        f"tahun: {config.year}",
        "# Aturan penilaian (tahap, gerbang, kualifikasi): id aturan bawaan atau jalur berkas.",
        f"aturan: {_scalar(config.rule_set) if config.rule_set else ''}",
        "# Daftar badan publik yang diundang (CSV atau XLSX: ID, Nama, Kategori, Email PPID, Induk).",
        f"daftar: {_scalar(config.roster)}",
        "# Edisi kuesioner per kategori: id edisi bawaan (lihat 'kipmonev questionnaires') atau jalur berkas.",
        "edisi:",
        *[f"  {_scalar(category)}: {_scalar(edition)}" for category, edition in config.editions.items()],
        "tenggat:",
        f"  pengisian: {_date(config.deadlines.filling)}",
        f"  verifikasi: {_date(config.deadlines.verification)}",
        f"  sanggah: {_date(config.deadlines.objection)}",
        "# Pengesahan yang wajib sebelum nilai final: dijamin_mutu (round sign-off), ditetapkan (round penetapan), atau [].",
        "pengesahan: [" + ", ".join(level.value for level in config.sign_offs) + "]",
    ]
    return "\n".join(lines) + "\n"


def write_config(config: RoundConfig, path: Path) -> None:
    """Write ``putaran.yaml`` atomically."""
    write_atomic(path, config_text(config))


def write_roster_template(path: Path) -> None:
    """Write an empty roster: the heading row only, UTF-8 with BOM and ``;`` so Excel opens it as columns."""
    write_atomic(path, "\ufeff" + ";".join(ROSTER_HEADER) + "\r\n")
