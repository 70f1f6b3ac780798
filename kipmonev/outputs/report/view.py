"""The body report's view model: what a reader sees, built from one Assessment and nothing else.

Pure functions, no I/O. Everything here is presentation: grouping questions by indicator, labels in
Indonesian, sentences that repeat the result's own numbers, and the year-over-year differences (the only
arithmetic, a subtraction of two published scores). Scoring and banding stay in ``kipmonev.engine.scoring``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import PureWindowsPath

from kipmonev.core.catalogue import Text
from kipmonev.core.formatting import format_long_date, format_number, format_percent, format_plain, format_timestamp
from kipmonev.core.numbers import parse_number
from kipmonev.engine.links import is_link
from kipmonev.model.questionnaire import NA_LABEL, AnswerType, GateFailRule, MissingAnswerRule
from kipmonev.model.result import (
    AnswerResult,
    Assessment,
    Basis,
    EvidenceRecord,
    EvidenceSource,
    Fulfilment,
    GatePass,
    GateResult,
    Improvement,
    IndicatorResult,
    Method,
    QuestionResult,
    QuestionStatus,
)
from kipmonev.model.submission import BodyIdentity
from kipmonev.outputs.report.labels import (
    COVER_NOTE_HEADING,
    EVIDENCE_CHECKED_AT,
    EVIDENCE_HEADING,
    EVIDENCE_HTTP,
    EVIDENCE_INTRO,
    EVIDENCE_KIND_FILE,
    EVIDENCE_KIND_LINK,
    EVIDENCE_PAGES,
    EVIDENCE_PASSED,
    EVIDENCE_SCAN,
    EVIDENCE_SHA,
    EVIDENCE_SIZE,
    LINK_STATES,
    MEDIA_TYPES,
    ROUNDING_NOTE_INDICATORS,
    ROUNDING_NOTE_STAGES,
    TRACK_SELF,
    TRACK_VERIFIED,
    BandView,
    band_view,
    clean_text,
    cover_note,
    evidence_label,
    sentence,
    short_text,
)
from kipmonev.outputs.report.panel import panel_views
from kipmonev.outputs.report.rows import (
    AnswerView,
    ChecklistLine,
    Comparison,
    Evidence,
    EvidenceCheckRow,
    ImprovementRow,
    IndicatorChange,
    IndicatorSection,
    Methodology,
    NoteRow,
    QuestionRow,
    StageRow,
    Verdict,
)
from kipmonev.outputs.report.sanggah import ObjectionView, objection_view

#: Longest body name in the running header of each page.
HEADER_NAME_LENGTH = 60
#: Longest body name shown on the cover; real names are far shorter, a longer one is cut with '…'.
COVER_NAME_LENGTH = 300


STATUS_LABELS: dict[QuestionStatus, str] = {
    QuestionStatus.ANSWERED: "Dijawab",
    QuestionStatus.MISSING: "Tidak dijawab",
    QuestionStatus.NOT_APPLICABLE: "Tidak berlaku",
    QuestionStatus.NO_EVIDENCE: "Tanpa bukti dukung",
}

EVIDENCE_LABELS = {"tautan": "Tautan (URL)", "dokumen": "Dokumen atau tautan", "tidak_perlu": "Tidak wajib"}
ASSESSED_BY_LABELS = {"badan_publik": "badan publik", "verifikator": "verifikator", "panel": "panel penilai", "sistem": "sistem"}
TYPE_LABELS = {"ya_tidak": "Ya/Tidak", "pilihan": "Pilihan bertingkat", "daftar": "Daftar periksa", "angka": "Angka"}
ROUNDING_LABELS = {"setengah_ke_atas": "setengah ke atas (half-up)", "setengah_genap": "setengah ke genap (half-even)"}
NOTE_STATUS_LABELS = {"terkonfirmasi": "Terkonfirmasi", "preset": "Preset (asumsi)"}


@dataclass(frozen=True)
class BodyReport:
    """Everything the body report shows, ready for a template or a workbook writer.

    Attributes:
        assessment: The canonical result (templates may read it directly).
        report_date: The date printed on the report (given by the caller; render never reads the clock).
    """

    assessment: Assessment
    report_date: dt.date
    report_date_text: str
    title: str
    subtitle: str
    pdf_title: str
    pdf_subject: str
    body_name: str
    body_short_name: str
    identity: tuple[tuple[str, str], ...]
    edition: tuple[tuple[str, str], ...]
    cover_note_heading: str
    cover_note: tuple[str, ...]
    rounding_notes: tuple[str, ...]
    is_final: bool
    status_label: str
    headline_label: str
    headline_score: Decimal
    band: BandView
    reasons: tuple[str, ...]
    basis_label: str
    saq_self: Decimal
    saq_verified: Decimal | None
    stages: tuple[StageRow, ...]
    gate_text: str | None
    formula: str
    formula_note: str | None
    indicators: tuple[IndicatorSection, ...]
    improvements: tuple[ImprovementRow, ...]
    comparison: Comparison | None
    methodology: Methodology
    notices: tuple[str, ...]
    #: Every checked piece of evidence, in question order (empty when nothing was checked).
    evidence_checks: tuple[EvidenceCheckRow, ...] = ()
    evidence_heading: str = ""
    evidence_intro: str = ""
    objection: ObjectionView | None = None


# --- builders ------------------------------------------------------------------------


def _evidence(items: Iterable[str]) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for raw in items:
        text = clean_text(raw).strip()
        if text:
            # NOTE: only http(s) URLs become links; 'javascript:' and friends stay inert text.
            out.append(Evidence(text, text if is_link(text) else None, evidence_label(text)))
    return tuple(out)


def _answer_text(q: QuestionResult, a: AnswerResult) -> str:
    if a.status is QuestionStatus.NOT_APPLICABLE and a.answer is None:
        return "Tidak berlaku"
    if a.answer is None:
        return "–"
    if q.type is AnswerType.NUMBER:
        try:
            number = format_plain(Decimal(a.answer))
        except InvalidOperation:
            return clean_text(a.answer)
        return f"{number} {clean_text(q.unit)}" if q.unit else number
    if a.substitute:
        return f"{clean_text(a.answer)} (bukti pengganti)"
    return clean_text(a.answer)


def _answer_view(q: QuestionResult, a: AnswerResult) -> AnswerView:
    checklist: tuple[ChecklistLine, ...] = ()
    text = _answer_text(q, a)
    short = text
    if q.type is AnswerType.CHECKLIST and a.answer is not None:
        checklist = tuple(ChecklistLine(s.code, clean_text(s.label), s.points, s.code in a.checked) for s in q.scale)
        short = f"{sum(1 for c in checklist if c.checked)} dari {len(checklist)} butir"
    return AnswerView(
        text=text,
        short=short,
        checklist=checklist,
        evidence=_evidence(a.evidence),
        status=a.status,
        status_label=STATUS_LABELS[a.status],
        earned=a.earned,
        possible=a.possible,
        reason=a.reason,
    )


#: The reader's label for each degree of fulfilment the result records.
FULFILMENT_VERDICTS: dict[Fulfilment, Verdict] = {
    Fulfilment.FULL: Verdict("met", "Terpenuhi"),
    Fulfilment.PARTIAL: Verdict("partial", "Terpenuhi sebagian"),
    Fulfilment.NONE: Verdict("unmet", "Belum terpenuhi"),
}


def verdict(status: QuestionStatus, fulfilment: Fulfilment | None) -> Verdict:
    """The reader's verdict on a question, from the counted answer's status and the result's own fulfilment."""
    match status:
        case QuestionStatus.NOT_APPLICABLE:
            return Verdict("na", "Tidak berlaku")
        case QuestionStatus.MISSING:
            return Verdict("missing", "Tidak dijawab")
        case QuestionStatus.NO_EVIDENCE:
            return Verdict("no-evidence", "Tanpa bukti dukung")
    if fulfilment is None:
        return Verdict("info", "Tidak bernilai")
    return FULFILMENT_VERDICTS[fulfilment]


#: Verdicts that need no explanation: the definition and legal basis are shown only for the others.
_SETTLED = frozenset({"met", "na", "info"})


def _without_folders(where: str) -> str:
    """A notice's place with the file's name only: the body's report never shows the commission's folders.

    ``/home/ki/masuk/isian.xlsx, Kuesioner!G6`` becomes ``isian.xlsx, Kuesioner!G6`` (Windows paths too).
    """
    file, sep, rest = where.partition(", ")
    return PureWindowsPath(file).name + sep + rest if ("/" in file or "\\" in file) else where


def _switched_off(q: QuestionResult) -> bool:
    """An answered item left out because a condition switched it off: explained, so the row says which answer did it."""
    c = q.counted
    return c.status is QuestionStatus.NOT_APPLICABLE and c.answer is not None and c.answer.casefold() != NA_LABEL.casefold()


def _verified_short(q: QuestionResult, same: bool) -> str:
    v = q.verified_answer
    if v is None:
        return "belum diverifikasi"
    if same:
        return "sesuai"
    return _answer_view(q, v).short


def _rule_notes(q: QuestionResult) -> tuple[str, ...]:
    """The question's own scoring rules, in words, for the explanation of an item."""
    notes: list[str] = []
    if q.all_or_nothing:
        notes.append("Ketidaklengkapan menghilangkan nilai nomor ini: poin hanya diberikan bila semua butir terpenuhi.")
    sub = q.substitute
    if sub is not None:
        signer = f", ditandatangani {clean_text(sub.signed_by)}" if sub.signed_by else ""
        used = " Badan publik memakai bukti pengganti." if q.self_answer.substitute else ""
        notes.append(f"Bukti pengganti diterima: {clean_text(sub.name)}{signer}; bukti yang diwajibkan: {EVIDENCE_LABELS.get(sub.evidence_required, sub.evidence_required)}.{used}")
    if q.verifier_scale:
        levels = "; ".join(
            f"{clean_text(s.label)} = {format_plain(s.points)}" + (f" ({clean_text(s.description)})" if s.description else "") for s in q.verifier_scale
        )
        notes.append(f"Skala verifikasi: {levels}.")
    return tuple(notes)


def _question_row(q: QuestionResult, plan: dict[str, int], groups: tuple[tuple[str, str], ...] = ()) -> QuestionRow:
    decided = verdict(q.counted.status, q.counted.fulfilment)
    v = q.verified_answer
    same = v is not None and v.answer == q.self_answer.answer and v.checked == q.self_answer.checked
    return QuestionRow(
        code=clean_text(q.code),
        text=clean_text(q.text),
        hint=clean_text(q.hint) if q.hint else None,
        definition=clean_text(q.definition),
        legal_basis=clean_text(q.legal_basis),
        recommendation=clean_text(q.recommendation),
        type_label=TYPE_LABELS.get(q.type, q.type),
        evidence_label=EVIDENCE_LABELS.get(q.evidence_required, q.evidence_required),
        max_points=q.max_points,
        self_answer=_answer_view(q, q.self_answer),
        verified_answer=_answer_view(q, q.verified_answer) if q.verified_answer is not None else None,
        respondent_note=clean_text(q.respondent_note) if q.respondent_note else None,
        verifier_note=clean_text(q.verifier_note) if q.verifier_note else None,
        earned=q.counted.earned,
        possible=q.counted.possible,
        reason=clean_text(q.counted.reason) if q.counted.reason else None,
        verdict=decided,
        explain=decided.key not in _SETTLED or _switched_off(q),
        verified_same=same,
        verified_short=_verified_short(q, same),
        plan_number=plan.get(q.code),
        groups=groups,
        assessed_by=ASSESSED_BY_LABELS.get(q.assessed_by, q.assessed_by) if q.assessed_by else None,
        rule_notes=_rule_notes(q),
    )


def _sections(a: Assessment) -> tuple[IndicatorSection, ...]:
    verified = {i.code: i for i in a.saq_verified.indicators} if a.saq_verified else {}
    plan = {i.code: n for n, i in enumerate(a.improvements, start=1)}
    by_indicator: dict[str, list[QuestionRow]] = {}
    previous: dict[str, tuple[str, ...]] = {}  # per indicator: the group codes of its last question
    for q in a.questions:
        codes = tuple(g.code for g in q.groups)
        before = previous.get(q.indicator, ())
        same = 0
        while same < min(len(codes), len(before)) and codes[same] == before[same]:
            same += 1
        previous[q.indicator] = codes
        starts = tuple((clean_text(g.code), clean_text(g.title)) for g in q.groups[same:])
        by_indicator.setdefault(q.indicator, []).append(_question_row(q, plan, starts))
    sections = []
    for ind in a.saq_self.indicators:
        v = verified.get(ind.code)
        rows = tuple(by_indicator.get(ind.code, ()))
        description = clean_text(ind.description) if ind.description else None
        sections.append(IndicatorSection(ind.code, clean_text(ind.name), description, ind.weight, ind, v, v or ind, rows))
    return tuple(sections)


def _indicator_names(a: Assessment) -> dict[str, str]:
    return {i.code: clean_text(i.name) for i in a.saq_self.indicators}


def _improvements(a: Assessment) -> tuple[ImprovementRow, ...]:
    names = _indicator_names(a)
    counted = {q.code: q.counted.fulfilment for q in a.questions}

    def row(n: int, i: Improvement) -> ImprovementRow:
        return ImprovementRow(
            number=n,
            code=clean_text(i.code),
            indicator=names.get(i.indicator, i.indicator),
            text=clean_text(i.text),
            status_label=verdict(i.status, counted.get(i.code, Fulfilment.PARTIAL if i.earned > 0 else Fulfilment.NONE)).label,
            earned=i.earned,
            possible=i.possible,
            gain=i.gain,
            gain_saq=i.gain_saq,
            recommendation=clean_text(i.recommendation),
            legal_basis=clean_text(i.legal_basis),
        )

    return tuple(row(n, i) for n, i in enumerate(a.improvements, start=1))


def _basis_label(a: Assessment) -> str:
    return "nilai SAQ terverifikasi" if a.outcome.basis is Basis.VERIFIED else "nilai SAQ mandiri"


def _formula(a: Assessment) -> tuple[str, str | None]:
    """The final score written out with the body's own numbers, following how the result says it was formed."""
    o = a.outcome
    head = "Nilai akhir" if o.complete else "Perkiraan nilai akhir"
    result = format_number(o.estimate_score)
    terms = " + ".join(f"{format_plain(s.weight)}% × {format_number(s.score) if s.score is not None else '(belum ada)'}" for s in a.stages)
    gate = a.gate
    match o.method:
        case Method.SAQ_ONLY:
            return f"{head} = {_basis_label(a)} = {result}", None
        case Method.GATE_FAILED_SAQ if gate is not None and len(a.gates) <= 1 and gate.threshold is not None and gate.top is None:
            note = f"Nilai SAQ {_num(gate.score)} di bawah batas gerbang {_num(gate.threshold)}, sehingga nilai akhir sama dengan {_basis_label(a)} dan tahap lanjutan tidak dihitung."
            return f"{head} = {_basis_label(a)} = {result}", note
        case Method.GATE_FAILED_ZERO if gate is not None and len(a.gates) <= 1 and gate.threshold is not None and gate.top is None:
            return f"{head} = {terms} = {result}", f"Nilai SAQ di bawah batas gerbang {_num(gate.threshold)}, sehingga tahap lanjutan bernilai 0."
        case Method.GATE_FAILED_SAQ | Method.GATE_FAILED_ZERO | Method.GATE_FAILED_REACHED:
            failed = next((g for g in a.gates if g.passed is False), gate)
            label = clean_text(failed.label or "") if failed is not None else ""
            formula = f"{head} = {_basis_label(a)} = {result}" if o.method is Method.GATE_FAILED_SAQ else f"{head} = {terms} = {result}"
            return formula, f"Tidak lolos gerbang {label}; {FAIL_RULES.get(failed.on_fail if failed else '', '')}."
        case Method.GATE_PENDING:
            return f"Nilai akhir = {terms}", f"Keputusan gerbang peringkat diambil saat semua badan publik dinilai bersama; perkiraan sementara = {_basis_label(a)} = {result}."
        case Method.STAGE_MISSING:
            missing = ", ".join(clean_text(s.name) for s in a.stages if s.score is None)
            return f"Nilai akhir = {terms}", f"Nilai tahap {missing} belum ada; perkiraan sementara = {_basis_label(a)} = {result}."
    return f"{head} = {terms} = {result}", None


#: What a body that fails a gate receives, in words.
FAIL_RULES = {
    "nilai_saq": "nilai akhirnya sama dengan nilai SAQ",
    "tahap_lain_nol": "tahap yang tidak diikuti bernilai 0",
    "tahap_dicapai": "nilai akhirnya rata-rata berbobot tahap yang diikuti",
}


def _num(value: Decimal | None) -> str:
    return "–" if value is None else format_number(value)


def _gate_line(g: GateResult) -> str:
    label = clean_text(g.label or "")
    if not g.reached:
        return f"{label}: tidak dicapai."
    if g.passed is None:
        return f"{label}: belum diputuskan (nilai {_num(g.score)})."
    why = ("peringkat " + str(g.rank) if g.by is GatePass.RANK else f"batas {_num(g.threshold)}") if g.passed else FAIL_RULES.get(g.on_fail, g.on_fail)
    rank = f", peringkat {g.rank} di kategorinya" if g.rank is not None and g.by is not GatePass.RANK else ""
    return f"{label}: nilai {_num(g.score)}{rank}, {'lolos' if g.passed else 'tidak lolos'} ({why})."


def _gate_text(a: Assessment) -> str | None:
    g = a.gate
    if g is None:
        return None
    if len(a.gates) > 1 or g.top is not None or g.threshold is None or g.stage != "saq" or g.passed is None:
        return " ".join(_gate_line(x) for x in a.gates or (g,))
    later = ", ".join(clean_text(s.name) for s in a.stages if s.code != "saq") or "tahap berikutnya"
    if g.passed:
        return f"Nilai SAQ {_num(g.score)} ≥ batas {_num(g.threshold)}: lolos ke {later}."
    rule = "nilai akhir = nilai SAQ" if g.on_fail is GateFailRule.SAQ_SCORE else "tahap lanjutan bernilai 0"
    return f"Nilai SAQ {_num(g.score)} < batas {_num(g.threshold)}: tidak lolos ke {later} ({rule})."


def _identity(body: BodyIdentity, category: str) -> tuple[tuple[str, str], ...]:
    rows = [
        ("Nama badan publik", body.name),
        ("Kode", body.id),
        ("Kategori", body.category or category),
        ("Provinsi", body.province),
        ("Situs web", body.website),
        ("PPID", body.ppid_name),
        ("Email PPID", body.ppid_email),
    ]
    return tuple((label, clean_text(value)) for label, value in rows if value)


def _adds_up(parts: Iterable[Decimal | None], total: Decimal | None, note: Text, **values: str) -> str | None:
    """A footnote when the printed parts do not add up to the printed total (rounding), else ``None``."""
    shown = list(parts)
    if total is None or not shown or any(p is None for p in shown):
        return None
    printed = sum((_as_printed(p) for p in shown if p is not None), Decimal(0))
    total_printed = _as_printed(total)
    if printed == total_printed:
        return None
    return note.text(shown=format_number(printed), diff=format_number(abs(printed - total_printed)), total=format_number(total_printed), **values)


def _as_printed(value: Decimal) -> Decimal:
    """The number as the report prints it (two decimals, the filters' rounding), read back."""
    printed = parse_number(format_number(value))
    assert printed is not None
    return printed


def _rounding_notes(a: Assessment) -> tuple[str, ...]:
    """Why the indicator or stage parts printed in the summary may differ from the printed total by 0,01."""
    notes: list[str | None] = []
    for track, label in ((a.saq_self, TRACK_SELF), (a.saq_verified, TRACK_VERIFIED)):
        if track is not None and track.active_weight == 100:  # otherwise the SAQ is scaled, not a plain sum
            notes.append(_adds_up((i.contribution for i in track.indicators), track.score, ROUNDING_NOTE_INDICATORS, track=label))
    if a.outcome.method is Method.WEIGHTED_STAGES:
        notes.append(_adds_up((s.contribution for s in a.stages), a.outcome.estimate_score, ROUNDING_NOTE_STAGES))
    return tuple(n for n in notes if n is not None)


def _stage_rows(a: Assessment) -> tuple[StageRow, ...]:
    return tuple(StageRow(s.code, clean_text(s.name), s.weight, s.score, s.contribution) for s in a.stages)


def _methodology(a: Assessment) -> Methodology:
    r = a.rules
    places = "tanpa pembulatan" if r.rounding_places is None else f"{r.rounding_places} desimal, {ROUNDING_LABELS.get(r.rounding_mode, r.rounding_mode)}"
    simple = a.gate is not None and len(a.gates) <= 1 and a.gate.threshold is not None and a.gate.top is None and a.gate.stage == "saq" and a.gate.on_fail is not GateFailRule.REACHED_STAGES
    if a.gate is None:
        gate = "Tidak ada gerbang: semua badan publik dinilai pada setiap tahap."
    elif simple:
        rule = "nilai akhirnya sama dengan nilai SAQ" if a.gate.on_fail is GateFailRule.SAQ_SCORE else "tahap lanjutannya bernilai 0"
        gate = f"Nilai SAQ minimal {_num(a.gate.threshold)} (termasuk) untuk lolos ke tahap berikutnya; badan publik yang tidak lolos, {rule}."
    else:
        parts = [f"{clean_text(g.label or '')} (yang tidak lolos: {FAIL_RULES.get(g.on_fail, g.on_fail)})" for g in (a.gates or (a.gate,))]
        ranked = any(g.top is not None for g in a.gates)
        ties = " Peringkat per kategori dihitung atas semua badan publik yang dinilai bersama; nilai yang sama berbagi peringkat." if ranked else ""
        gate = "Gerbang berurutan: " + "; ".join(parts) + "." + ties
    missing = (
        "Pertanyaan yang tidak dijawab bernilai 0."
        if r.missing_answers is MissingAnswerRule.ZERO
        else "Bila ada pertanyaan yang tidak dijawab, nilai belum final dan hanya diberikan perkiraan."
    )
    verification = (
        "Nilai akhir dan kualifikasi hanya diberikan setelah semua jawaban diverifikasi."
        if r.verification_required
        else "Jawaban yang belum diverifikasi dihitung sesuai jawaban mandiri."
    )
    notes = tuple(
        NoteRow(
            clean_text(n.item),
            n.status,
            NOTE_STATUS_LABELS.get(n.status, n.status),
            clean_text(n.source or n.reason or "–"),
        )
        for n in r.notes
    )
    aggregation = (
        "Nilai indikator = poin diperoleh ÷ poin maksimum yang berlaku × bobot indikator.",
        "Nilai SAQ = jumlah nilai indikator × 100 ÷ jumlah bobot indikator yang memiliki butir berlaku.",
        "Nilai SAQ dihitung dua kali: atas jawaban mandiri (nilai mandiri) dan atas keputusan verifikator (nilai verifikasi).",
        "Nilai akhir = jumlah bobot tahap × nilai tahap ÷ 100; kualifikasi ditentukan dari nilai akhir yang telah dibulatkan.",
        "Butir yang tidak berlaku dikeluarkan dari poin maksimum, tetapi tetap ditampilkan.",
    )
    return Methodology(
        bands=tuple(band_view(b) for b in r.bands),
        indicators=a.saq_self.indicators,
        stages=_stage_rows(a),
        gate=gate,
        rounding=f"Setiap nilai yang diumumkan dibulatkan satu kali: {places}.",
        evidence_credit=f"Jawaban bernilai tanpa bukti dukung yang diwajibkan mendapat {format_percent(r.evidence_credit)} dari poinnya.",
        missing_answers=missing,
        verification=verification,
        aggregation=aggregation,
        notes=notes,
        questionnaire_id=a.questionnaire.id,
        questionnaire_title=clean_text(a.questionnaire.title),
        questionnaire_description=clean_text(a.questionnaire.description) if a.questionnaire.description else None,
        questionnaire_version=a.questionnaire.version,
        content_hash=a.questionnaire.content_hash,
        rule_set=a.questionnaire.rule_set,
        kipmonev_version=a.kipmonev_version,
        schema_version=a.schema_version,
        panels=panel_views(a),
    )


def _basis_indicators(a: Assessment) -> dict[str, IndicatorResult]:
    track = a.saq_verified or a.saq_self
    return {i.code: i for i in track.indicators}


def _comparison(current: Assessment, previous: Assessment) -> Comparison:
    now, before = _basis_indicators(current), _basis_indicators(previous)
    rows: list[IndicatorChange] = []
    for code in [*now, *(c for c in before if c not in now)]:
        n, b = now.get(code), before.get(code)
        ref = n if n is not None else b
        name = clean_text(ref.name) if ref is not None else code
        cur = n.contribution if n is not None else None
        prev = b.contribution if b is not None else None
        change = cur - prev if cur is not None and prev is not None else None
        rows.append(IndicatorChange(code, name, n.weight if n is not None else None, prev, cur, change))
    return Comparison(
        edition=clean_text(previous.questionnaire.title),
        year=previous.questionnaire.year,
        previous_score=previous.outcome.estimate_score,
        previous_band=band_view(previous.outcome.estimate_band),
        previous_final=previous.outcome.complete,
        current_score=current.outcome.estimate_score,
        change=current.outcome.estimate_score - previous.outcome.estimate_score,
        indicators=tuple(rows),
        same_questionnaire_family=previous.questionnaire.category == current.questionnaire.category
        and [i.code for i in previous.saq_self.indicators] == [i.code for i in current.saq_self.indicators],
    )


def build_body_report(assessment: Assessment, report_date: dt.date, previous: Assessment | None = None) -> BodyReport:
    """Build the body report's view model.

    Args:
        assessment: The canonical result.
        report_date: The date printed on the report; the caller decides it (the CLI passes today).
        previous: The same body's result of an earlier year, for the comparison section.
    """
    a = assessment
    o = a.outcome
    qn = a.questionnaire
    formula, formula_note = _formula(a)
    short = short_text(a.body.name)
    title = f"Laporan Hasil Penilaian Monev Keterbukaan Informasi Publik {qn.year}"
    edition = (
        ("Penyelenggara", clean_text(qn.commission)),
        ("Tahun penilaian", str(qn.year)),
        ("Kuesioner", f"{clean_text(qn.title)} (versi {qn.version})"),
    )
    return BodyReport(
        assessment=a,
        report_date=report_date,
        report_date_text=format_long_date(report_date),
        title=title,
        subtitle=f"{clean_text(qn.commission)} · Kategori {clean_text(qn.category)}",
        pdf_title=f"Laporan Hasil Penilaian {qn.year} — {short}",
        pdf_subject=f"Monev Keterbukaan Informasi Publik {qn.year}, {short_text(qn.commission, 80)}, kategori {short_text(qn.category, 60)}",
        body_name=short_text(a.body.name, COVER_NAME_LENGTH),
        body_short_name=short_text(a.body.name, HEADER_NAME_LENGTH),
        identity=_identity(a.body, qn.category),
        edition=edition,
        cover_note_heading=COVER_NOTE_HEADING.text(),
        cover_note=cover_note(qn.description, (n.status for n in a.rules.notes)),
        rounding_notes=_rounding_notes(a),
        is_final=o.complete,
        status_label="Final" if o.complete else "Perkiraan — belum final",
        headline_label="Nilai akhir" if o.complete else "Perkiraan nilai akhir",
        headline_score=o.estimate_score,
        band=band_view(o.estimate_band),
        reasons=tuple(sentence(r) for r in o.reasons),
        basis_label=_basis_label(a),
        saq_self=a.saq_self.score,
        saq_verified=a.saq_verified.score if a.saq_verified else None,
        stages=_stage_rows(a),
        gate_text=_gate_text(a),
        formula=formula,
        formula_note=formula_note,
        indicators=_sections(a),
        improvements=_improvements(a),
        comparison=_comparison(a, previous) if previous is not None else None,
        methodology=_methodology(a),
        notices=tuple(clean_text(f"{_without_folders(n.where)}: {n.message}") for n in a.notices),
        evidence_checks=_evidence_checks(a),
        evidence_heading=EVIDENCE_HEADING.text(),
        evidence_intro=EVIDENCE_INTRO.text(),
        objection=objection_view(a),
    )


_MB = 1024 * 1024


def evidence_check_row(code: str, e: EvidenceRecord) -> EvidenceCheckRow:
    """One record as a row: the facts a verifier needs to show what was seen (rules B1-B8, link checks)."""
    is_file = e.kind is EvidenceSource.FILE
    value = clean_text(e.file_name or e.value)
    media = (MEDIA_TYPES.get(e.media_type, e.media_type) if e.media_type else None) if is_file else None
    size = Decimal(-(-e.size * 10 // _MB)) / 10 if is_file and e.size is not None else None
    sha = e.sha256[:12] if is_file and e.sha256 else None
    status: str | None = None
    checked: str | None = None
    if not is_file:
        state = LINK_STATES.get(e.status or "")
        status = state.text() if state is not None else (EVIDENCE_HTTP.text(status=e.status) if e.status else None)
        if e.checked_at:
            try:
                checked = format_timestamp(dt.datetime.fromisoformat(e.checked_at))
            except ValueError:
                checked = clean_text(e.checked_at)
    parts: list[str] = []
    if is_file and e.sha256 is None:  # not found or not looked up: the finding says which
        parts = []
    elif is_file:
        parts = [p for p in (media, EVIDENCE_PAGES.text(pages=e.pages) if e.pages is not None else None, EVIDENCE_SCAN.text() if e.text_layer is False else None) if p]
        if size is not None:
            parts.append(EVIDENCE_SIZE.text(size=format_number(size, 1)))
        parts.append(EVIDENCE_SHA.text(short=sha))
    else:
        parts = [p for p in (status, EVIDENCE_CHECKED_AT.text(moment=checked) if checked else None) if p]
    return EvidenceCheckRow(
        code=code,
        kind=(EVIDENCE_KIND_FILE if is_file else EVIDENCE_KIND_LINK).text(),
        value=value,
        href=value if not is_file and is_link(value) else None,
        media=media,
        pages=e.pages if is_file else None,
        size_mb=size,
        sha256=sha,
        status=status,
        checked_at=checked,
        details=", ".join(parts),
        finding=sentence(e.message) if e.message else EVIDENCE_PASSED.text(),
        ok=e.problem_code is None,
        problem_code=e.problem_code,
    )


def _evidence_checks(a: Assessment) -> tuple[EvidenceCheckRow, ...]:
    return tuple(evidence_check_row(q.code, e) for q in a.questions for e in q.evidence_checks)
