"""The recap report for the commission (Rekapitulasi Hasil Monev), rendered from a :class:`Recap` alone.

The view model groups and orders what the recap already holds (rules B1–B5 in :mod:`kipmonev.model.recap`):
the ranking per category, the counts per qualification, the distribution chart, the funnel, the weakest
indicators and the bodies in the highest qualification, as a starting point for the award decree. Its only
arithmetic is presentation: column totals of the counts and each funnel step's share of the files.
Templates display it; the XLSX is :func:`kipmonev.outputs.recap_export.write_recap_xlsx`, reused as is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kipmonev.core.fileio import workbook_bytes
from kipmonev.core.formatting import format_long_date, format_percent
from kipmonev.model.recap import BodyRow, Recap
from kipmonev.outputs.recap_labels import GATE_HEADER, SIGNOFF_HEADER, band_totals, gate_rows, recap_funnel, signed
from kipmonev.outputs.report.base import ReportFormat
from kipmonev.outputs.report.charts import Segment, StackedBar, distribution_chart
from kipmonev.outputs.report.labels import BandView, band_view, clean_text, sentence, short_text
from kipmonev.outputs.report.output import write_atomic
from kipmonev.outputs.report.panel import RecapPanel, recap_panel

#: The recap report's main template.
RECAP_TEMPLATE = "rekap.html.j2"
#: Colour of the "belum final" segment and label (no qualification yet).
NOT_FINAL_COLOR = "#9aa5b1"
#: Longest body name in the ranking tables; real names are far shorter.
NAME_LENGTH = 160

#: Rules B1–B5 as the reader needs them, in the methodology note.
RULES = (
    "Peringkat disusun per kategori menurut nilai akhir, hanya untuk badan publik yang nilainya final. Nilai yang sama berbagi peringkat "
    "dan peringkat berikutnya dilewati (1, 2, 2, 4); dalam satu peringkat, urutan menurut nama.",
    "Badan publik yang belum memiliki nilai akhir dicantumkan sesudahnya tanpa peringkat, dengan perkiraan nilai dan alasannya.",
    "Jumlah per kualifikasi memakai kualifikasi final; badan publik tanpa nilai akhir dihitung sebagai 'belum final'.",
    "Rata-rata capaian indikator memakai nilai dasar setiap badan publik (verifikasi bila ada): rata-rata persentase poin yang "
    "diperoleh, atas badan publik yang indikatornya berlaku. Tiga rata-rata terendah per kategori adalah indikator terlemah.",
    "Perbandingan antartahun mencocokkan badan publik menurut ID; perubahan = nilai tahun ini dikurangi nilai tahun lalu.",
)


@dataclass(frozen=True)
class RankRow:
    """One body in a category's ranking."""

    rank: int | None
    body_id: str
    name: str
    saq_self: Decimal
    saq_verified: Decimal | None
    stages: tuple[Decimal | None, ...]
    final_score: Decimal | None
    estimate_score: Decimal
    band: BandView
    is_final: bool
    note: str
    previous_score: Decimal | None
    previous_band: str | None
    change: Decimal | None
    #: In a round: the body's sign-off status (diverifikasi, dijamin mutu, ditetapkan); empty outside one.
    signoff: str = ""


@dataclass(frozen=True)
class CategoryRanking:
    """The ranking of one category: ranked bodies first, then those without a final score."""

    category: str
    rows: tuple[RankRow, ...]


@dataclass(frozen=True)
class CountRow:
    """Counts per qualification (in band order) for one category, or the total."""

    category: str
    counts: tuple[int, ...]
    not_final: int
    total: int


@dataclass(frozen=True)
class FunnelStep:
    """One step of the funnel and its share of the files in the batch."""

    label: str
    count: int
    share: str


@dataclass(frozen=True)
class GateLine:
    """One gate of the funnel (rule B7): its counts and who passed, as the recap workbook shows them."""

    index: int
    label: str
    reached: int
    passed: int
    failed: int
    undecided: int
    passed_names: str


@dataclass(frozen=True)
class WeakIndicator:
    """One of a category's weakest indicators (rule B4)."""

    category: str
    rank: int
    code: str
    name: str
    average: Decimal | None
    bodies: int


@dataclass(frozen=True)
class TopBody:
    """A body in the highest qualification, for the award list."""

    number: int
    category: str
    rank: int | None
    body_id: str
    name: str
    score: Decimal | None


@dataclass(frozen=True)
class ErrorLine:
    """A file that could not be scored."""

    file: str
    where: str
    code: str
    message: str


@dataclass(frozen=True)
class NonParticipantLine:
    """A roster body without a scorable version: its status, never a score."""

    body_id: str
    name: str
    category: str
    parent: str
    status: str


@dataclass(frozen=True)
class RecapReport:
    """Everything the recap report shows, ready for a template.

    Attributes:
        recap: The canonical recap (templates may read it directly).
        report_date: The date printed on the report (given by the caller; render never reads the clock).
    """

    recap: Recap
    report_date: dt.date
    report_date_text: str
    title: str
    commission: str
    year_text: str
    #: The date the recap was computed, shown in the methodology only when it is not the report's date.
    recap_date_text: str | None
    pdf_title: str
    pdf_subject: str
    questionnaires: tuple[str, ...]
    categories: tuple[str, ...]
    bands: tuple[BandView, ...]
    not_final_color: str
    stage_names: tuple[str, ...]
    counts: tuple[CountRow, ...]
    totals: CountRow
    funnel: tuple[FunnelStep, ...]
    gates: tuple[GateLine, ...]
    gate_header: tuple[str, ...]
    rankings: tuple[CategoryRanking, ...]
    weakest: tuple[WeakIndicator, ...]
    top_band: BandView | None
    top_bodies: tuple[TopBody, ...]
    errors: tuple[ErrorLine, ...]
    has_previous: bool
    rules: tuple[str, ...]
    #: A round's recap: the ranking shows each body's sign-off status.
    signed: bool = False
    signoff_header: str = SIGNOFF_HEADER
    non_participants: tuple[NonParticipantLine, ...] = ()
    #: The panel kits' section (severity, informational z-score rank, conflicts of interest), when the batch read kits.
    panel: RecapPanel | None = None


def _date_text(iso: str) -> str:
    try:
        return format_long_date(dt.date.fromisoformat(iso))
    except ValueError:
        return clean_text(iso)


def _rank_row(row: BodyRow, stage_names: tuple[str, ...]) -> RankRow:
    stages = {s.name: s.score for s in row.stages}
    band = band_view(row.band or row.estimate_band)
    if row.complete:
        note = "; ".join(f"{clean_text(s.name)}: {clean_text(s.note)}" for s in row.stages if s.note)
    else:
        note = " ".join(sentence(r) for r in row.reasons)
    prev = row.previous
    return RankRow(
        rank=row.rank,
        body_id=clean_text(row.body_id or "–"),
        name=short_text(row.name, NAME_LENGTH),
        saq_self=row.saq_self,
        saq_verified=row.saq_verified,
        stages=tuple(stages.get(name) for name in stage_names),
        final_score=row.final_score,
        estimate_score=row.estimate_score,
        band=band,
        is_final=row.complete,
        note=note,
        previous_score=prev.score if prev else None,
        previous_band=clean_text(prev.band) if prev else None,
        change=prev.change if prev else None,
        signoff=clean_text(row.signoff or ""),
    )


def _group(rows: Iterable[BodyRow]) -> dict[str, list[BodyRow]]:
    """Rows by category, in the recap's order (categories sorted, rule B1 within each)."""
    groups: dict[str, list[BodyRow]] = {}
    for row in rows:
        groups.setdefault(row.category, []).append(row)
    return groups


def _funnel(recap: Recap) -> tuple[FunnelStep, ...]:
    if recap.participation is not None:  # rule B6: from the roster, each step's share of the invited
        base = recap.participation.invited
    else:
        base = recap.funnel.files
    return tuple(FunnelStep(label, count, format_percent(Decimal(count) / base) if base else "–") for label, count in recap_funnel(recap))


def build_recap_report(recap: Recap, report_date: dt.date) -> RecapReport:
    """Build the recap report's view model from the canonical recap.

    Args:
        recap: The recap of a batch (``rekap.json``).
        report_date: The date printed on the report; the recap's own date is shown as the recap date.
    """
    bands = tuple(band_view(b) for b in recap.bands)
    stage_names = tuple(dict.fromkeys(clean_text(s.name) for r in recap.rows for s in r.stages))
    groups = _group(recap.rows)
    rankings = tuple(CategoryRanking(clean_text(category), tuple(_rank_row(r, stage_names) for r in rows)) for category, rows in groups.items())
    counts = tuple(
        CountRow(clean_text(c.category), tuple(c.counts.get(b.code, 0) for b in recap.bands), c.not_final, c.total) for c in recap.band_counts
    )
    total = band_totals(recap)
    totals = CountRow(total.category, tuple(total.counts[b.code] for b in recap.bands), total.not_final, total.total)
    order = {category: i for i, category in enumerate(groups)}
    weakest = tuple(
        WeakIndicator(clean_text(i.category), i.weakest_rank, clean_text(i.code), clean_text(i.name), i.average_percent, i.bodies)
        for i in sorted(recap.indicators, key=lambda i: (order.get(i.category, len(order)), i.weakest_rank or 0))
        if i.weakest_rank is not None
    )
    top = max(recap.bands, key=lambda b: b.lower, default=None)
    top_rows = [r for r in recap.rows if top is not None and r.band is not None and r.band.code == top.code]
    top_bodies = tuple(
        TopBody(n, clean_text(r.category), r.rank, clean_text(r.body_id or "–"), short_text(r.name, NAME_LENGTH), r.final_score)
        for n, r in enumerate(top_rows, start=1)
    )
    questionnaires = tuple(dict.fromkeys(clean_text(r.questionnaire_id) for r in recap.rows))
    commission = ", ".join(dict.fromkeys(clean_text(r.commission) for r in recap.rows if r.commission))
    year = ", ".join(dict.fromkeys(str(r.year) for r in recap.rows if r.year is not None))
    return RecapReport(
        recap=recap,
        report_date=report_date,
        report_date_text=format_long_date(report_date),
        title=f"Rekapitulasi Hasil Monitoring dan Evaluasi Keterbukaan Informasi Publik {year}".rstrip(),
        commission=commission,
        year_text=year,
        recap_date_text=None if recap.date == report_date.isoformat() else _date_text(recap.date),
        pdf_title=f"Rekapitulasi Hasil Monev Keterbukaan Informasi Publik {year} — {commission}" if commission else f"Rekapitulasi Hasil Monev Keterbukaan Informasi Publik {year}".rstrip(),
        pdf_subject=f"Peringkat, kualifikasi, corong penilaian dan indikator terlemah; {recap.funnel.scored} badan publik, {len(rankings)} kategori",
        questionnaires=questionnaires,
        categories=tuple(r.category for r in rankings),
        bands=bands,
        not_final_color=NOT_FINAL_COLOR,
        stage_names=stage_names,
        counts=counts,
        totals=totals,
        funnel=_funnel(recap),
        gates=tuple(GateLine(i, clean_text(label), reached, passed, failed, undecided, clean_text(names)) for i, label, reached, passed, failed, undecided, names in gate_rows(recap)),
        gate_header=GATE_HEADER,
        rankings=rankings,
        weakest=weakest,
        top_band=band_view(top) if top is not None else None,
        top_bodies=top_bodies,
        errors=tuple(ErrorLine(clean_text(e.file), clean_text(e.where), clean_text(e.code), clean_text(e.message)) for e in recap.errors),
        has_previous=recap.has_previous,
        signed=signed(recap),
        rules=RULES,
        non_participants=tuple(
            NonParticipantLine(clean_text(n.body_id), short_text(n.name, NAME_LENGTH), clean_text(n.category), clean_text(n.parent or "–"), clean_text(n.status_label))
            for n in (recap.participation.non_participants if recap.participation else ())
        ),
        panel=recap_panel(recap),
    )


def distribution_svg(report: RecapReport) -> str:
    """The distribution chart: one stacked bar per category and one for all categories."""
    white = "#ffffff"
    rows = [*report.counts, report.totals] if len(report.counts) > 1 else list(report.counts)
    bars = [
        StackedBar(
            label=row.category if row is not report.totals else "Semua kategori",
            segments=(
                *(Segment(count, band.color, band.text_color) for count, band in zip(row.counts, report.bands, strict=True)),
                Segment(row.not_final, report.not_final_color, white),
            ),
            total=row.total,
        )
        for row in rows
    ]
    legend = [(b.name, b.color) for b in report.bands] + [("Belum final", report.not_final_color)]
    return str(distribution_chart(bars, legend, "Sebaran kualifikasi per kategori"))


# --- rendering ------------------------------------------------------------------------


def recap_html(report: RecapReport, templates_dir: Path | None = None) -> str:
    """The recap report as one self-contained HTML document."""
    from markupsafe import Markup

    from kipmonev.outputs.report.html import load_templates, render_template

    templates = load_templates(templates_dir)
    context = {"r": report, "rk": report.recap, "chart_svg": Markup(distribution_svg(report))}  # NOTE: the chart escapes its own texts
    return render_template(templates, RECAP_TEMPLATE, context)


def recap_bytes(recap: Recap, fmt: ReportFormat | str, *, report_date: dt.date, templates_dir: Path | None = None) -> bytes:
    """Render the recap report in memory: PDF, HTML, the recap workbook (XLSX) or the canonical JSON.

    Raises:
        RenderError: A template is missing or broken, or the PDF cannot be laid out.
    """
    kind = ReportFormat(fmt)
    if kind is ReportFormat.JSON:
        return recap.to_json().encode("utf-8")
    if kind is ReportFormat.XLSX:
        from kipmonev.outputs.recap_export import recap_workbook

        return workbook_bytes(recap_workbook(recap))
    report = build_recap_report(recap, report_date)
    if kind is ReportFormat.HTML:
        return recap_html(report, templates_dir).encode("utf-8")
    from kipmonev.outputs.report.html import load_templates
    from kipmonev.outputs.report.pdf import html_to_pdf

    return html_to_pdf(recap_html(report, templates_dir), load_templates(templates_dir).roots)


def render_recap(
    recap: Recap,
    fmt: ReportFormat | str,
    out_path: Path,
    *,
    report_date: dt.date,
    templates_dir: Path | None = None,
    protected: Collection[Path] = (),
) -> Path:
    """Render the recap report for the commission and write it atomically.

    PDF and HTML come from ``reports/rekap.html.j2``; XLSX is the recap workbook of ``kipmonev score``
    (:func:`kipmonev.outputs.recap_export.recap_workbook`, the same bytes as its ``rekap.xlsx``); JSON is the canonical ``rekap.json``.

    Args:
        recap: The canonical recap.
        fmt: The format.
        out_path: The file to write; its folder must exist.
        report_date: The date printed on the report (render never reads the clock).
        templates_dir: A commission's template folder; files missing there come from the shipped ``reports/``.
        protected: Input files never to be replaced.

    Returns:
        The path written.

    Raises:
        RenderError: The report cannot be rendered, would replace an input, or cannot be written.
    """
    data = recap_bytes(recap, fmt, report_date=report_date, templates_dir=templates_dir)
    return write_atomic(data, Path(out_path), protected)
