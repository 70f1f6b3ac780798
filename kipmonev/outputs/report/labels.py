"""Short texts, labels and qualification badges shared by the body report and the recap report.

Pure functions, no I/O: they only make text from result files safe and short enough to show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from kipmonev.core.catalogue import Text
from kipmonev.engine.links import is_link
from kipmonev.model.questionnaire import NoteStatus
from kipmonev.model.result import BandResult

#: The indicator chart of the body report and the band chart of the recap.
CHART_VERIFIED = Text("Nilai verifikasi")
CHART_SELF = Text("Nilai mandiri")
CHART_NOT_APPLICABLE = Text("tidak berlaku")
CHART_SHARE = Text("{value} dari {weight}")
CHART_BODIES = Text("{count} badan publik")

#: Longest body name used in titles and PDF metadata.
SHORT_NAME_LENGTH = 120
#: Longest evidence label in one-line rows; a link always points at the full address.
EVIDENCE_LABEL_LENGTH = 56

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Drop control characters (keeping tab and newline), which no report format can show."""
    return _CONTROL.sub("", text)


def sentence(text: str) -> str:
    """A message fragment as a sentence: capital first letter (the scoring messages start in lower case)."""
    text = clean_text(text).strip()
    return text[:1].upper() + text[1:]


def short_text(text: str, limit: int = SHORT_NAME_LENGTH) -> str:
    """One line of at most ``limit`` characters, ending in '…' when cut."""
    line = " ".join(clean_text(text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def evidence_label(text: str, limit: int = EVIDENCE_LABEL_LENGTH) -> str:
    """A long address shortened for a compact row: ``ppid.contoh.go.id/…/laporan-2025.pdf``; names are cut with '…'."""
    line = " ".join(text.split())
    if not is_link(line):
        return short_text(line, limit)
    bare = re.sub(r"^https?://", "", line, flags=re.IGNORECASE).rstrip("/")
    if len(bare) <= limit:
        return bare
    host, _, path = bare.partition("/")
    last = path.rsplit("/", 1)[-1]
    short = f"{host}/…/{last}" if last and last != path else f"{host}/…"
    return short if len(short) <= limit else short_text(short, limit)


def safe_color(color: str) -> str:
    """The colour if it is ``#rrggbb``, else neutral grey: a result file cannot inject CSS."""
    return color if _COLOR.match(color) else "#777777"


def _text_color(background: str) -> str:
    """Black or white text, whichever reads better on the band colour (WCAG relative luminance)."""
    r, g, b = (int(safe_color(background)[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else float(((c + 0.055) / 1.055) ** 2.4)

    lum = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    return "#000000" if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else "#ffffff"


@dataclass(frozen=True)
class BandView:
    """A qualification with colours safe to put into a style attribute."""

    code: str
    name: str
    lower: Decimal
    color: str
    text_color: str
    message: str | None


def band_view(band: BandResult) -> BandView:
    """A band ready for display: validated background colour and a readable text colour."""
    color = safe_color(band.color)
    return BandView(band.code, clean_text(band.name), band.lower, color, _text_color(color), clean_text(band.message) if band.message else None)


# --- the cover's note on where the edition's content comes from (honest labelling) ------------------

COVER_NOTE_HEADING = Text("Catatan tentang isi kuesioner dan aturan")
COVER_NOTE_COUNTS = Text(
    "Dari {total} nilai aturan yang dipakai, {confirmed} terkonfirmasi dengan sumbernya dan {preset} merupakan preset berlabel "
    "(asumsi, karena ketentuan resminya tidak dipublikasikan); rinciannya ada pada Lampiran Metodologi."
)
COVER_NOTE_ALL_CONFIRMED = Text("Seluruh {total} nilai aturan yang dipakai terkonfirmasi dengan sumbernya; rinciannya ada pada Lampiran Metodologi.")
COVER_NOTE_UNRECORDED = Text("Edisi kuesioner ini tidak mencatat apakah nilai aturannya terkonfirmasi atau preset.")


def cover_note(description: str | None, statuses: Iterable[NoteStatus]) -> tuple[str, ...]:
    """The cover's note: the edition's own description, then how many rule values are confirmed and how many presets."""
    counted = list(statuses)
    confirmed = sum(1 for s in counted if s is NoteStatus.CONFIRMED)
    preset = len(counted) - confirmed
    lines = [clean_text(description)] if description else []
    if not counted:
        lines.append(COVER_NOTE_UNRECORDED.text())
    elif preset:
        lines.append(COVER_NOTE_COUNTS.text(total=len(counted), confirmed=confirmed, preset=preset))
    else:
        lines.append(COVER_NOTE_ALL_CONFIRMED.text(total=len(counted)))
    return tuple(lines)


# --- why printed parts may not add up to the printed total -----------------------------------------

_ROUNDING_WHY = "karena pembulatan: setiap angka dibulatkan sendiri, sedangkan nilainya dihitung dari nilai tepat, bukan dari angka yang tercetak."
ROUNDING_NOTE_INDICATORS = Text("Jumlah nilai indikator {track} yang tercetak ({shown}) berbeda {diff} dari nilai SAQ ({total}) " + _ROUNDING_WHY)
ROUNDING_NOTE_STAGES = Text("Jumlah kontribusi tahap yang tercetak ({shown}) berbeda {diff} dari nilai akhir ({total}) " + _ROUNDING_WHY)
TRACK_SELF = "mandiri"
TRACK_VERIFIED = "verifikasi"


# --- the evidence section (the result's evidence_checks) ---------------------------------------------

EVIDENCE_HEADING = Text("Bukti Dukung yang Diperiksa")
EVIDENCE_INTRO = Text(
    "Setiap bukti dukung yang diperiksa kipmonev, per pertanyaan: berkas di folder bukti (jenis menurut isinya, jumlah halaman, "
    "ukuran dan sidik SHA-256) dan tautan (status dan waktu pemeriksaan). Temuan pemeriksaan tidak mengubah nilai."
)
EVIDENCE_KIND_FILE = Text("Berkas")
EVIDENCE_KIND_LINK = Text("Tautan")
EVIDENCE_PASSED = Text("Lolos pemeriksaan")
EVIDENCE_PAGES = Text("{pages} halaman")
EVIDENCE_SCAN = Text("hasil pindai (tanpa lapisan teks)")
EVIDENCE_SIZE = Text("{size} MB")
EVIDENCE_SHA = Text("SHA-256 {short}…")
EVIDENCE_HTTP = Text("HTTP {status}")
EVIDENCE_CHECKED_AT = Text("diperiksa {moment}")
#: A link's state when no HTTP answer came (EvidenceRecord.status), in words.
LINK_STATES = {"not_opened": Text("tidak dibuka (alamat lokal)"), "no_answer": Text("tidak menjawab"), "not_checked": Text("tidak diperiksa")}
#: What a file holds by its content (EvidenceRecord.media_type), in a word or two.
MEDIA_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument": "Office",
    "application/zip": "zip",
    "application/x-ole-storage": "Office lama",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "text/plain": "teks",
}
