"""The spreadsheet formulas of the template: the hidden Hitung sheet and the Ringkasan summary.

They mirror :func:`kipmonev.scoring.score` rule by rule (S1–S9 of its docstring, cited below), so that
Excel and LibreOffice show the numbers kipmonev computes; a LibreOffice test holds them to it. Every
answer is looked up by its question code (INDEX/MATCH), so sorted or inserted rows keep working.
Only Excel 2010+/LibreOffice functions are used (``_xlfn.`` marks the 2013 ones).

Link evidence follows :mod:`kipmonev.engine.links` (the one rule), spelled out in helper columns of
Hitung for the first :data:`LINKS_SEEN` URLs typed in a cell. Known differences, documented on the
Petunjuk sheet: the formulas see the typed text only, not the targets of hyperlinks, which kipmonev
reads; and they look at the first three URLs of a cell only.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kipmonev.core.numbers import json_number
from kipmonev.engine.links import CONTINUATION, HOST_END, URL_END
from kipmonev.formats import workbook_texts as tx
from kipmonev.formats.workbook_layout import COLUMNS
from kipmonev.model.questionnaire import (
    NA_LABEL,
    YES_LABEL,
    AnyQuestion,
    ChecklistQuestion,
    ChoiceQuestion,
    EvidenceKind,
    GateFailRule,
    NumberQuestion,
    Questionnaire,
    Rounding,
    RoundingMode,
    YesNoQuestion,
)
from kipmonev.outputs.calc_labels import CALC_HEADINGS, LINK_HEADING, LINK_PARTS
from kipmonev.outputs.style import (
    F_BOLD,
    F_HEADER,
    F_NOTE,
    F_TEXT,
    F_TITLE,
    FILL_HEADER,
    CellInput,
    fit_rows,
    label_key,
    num,
    page,
    protect,
    put,
    quote,
)


def round_formula(expr: str, rounding: Rounding) -> str:
    """The edition's rounding as a formula; the inner ROUND(…, 9) removes binary noise before a tie."""
    places = rounding.places
    if places is None:
        return expr
    clean = f"ROUND({expr},9)"
    if rounding.mode is RoundingMode.HALF_UP:
        return f"ROUND({clean},{places})"
    scaled = f"{clean}*10^{places}"
    return f"IF(ABS(MOD({scaled},1)-0.5)<1E-6,(INT({scaled})+MOD(INT({scaled}),2))/10^{places},ROUND({clean},{places}))"


def summary_layout(q: Questionnaire) -> dict[str, str]:
    """Where each number sits on the Ringkasan sheet: key → cell (``C5``).

    Keys: the counts (``questions``, ``answered``, ``missing``, ``not_applicable``, ``no_evidence``,
    ``verified``); per indicator ``<code>.earned``, ``.possible``, ``.percent``, ``.self``,
    ``.v_earned``, ``.v_possible``, ``.verified``; ``saq_self``, ``saq_verified``, ``basis``,
    ``stage.<code>`` per later stage, ``gate`` (when the rules have one), ``final`` and ``band``.
    """
    cells: dict[str, str] = {}
    row = 4
    for key, _ in tx.SUMMARY_COUNTS:
        cells[key] = f"C{row}"
        row += 1
    row += 1
    row += 1  # indicator headings
    for ind in q.indicators:
        for key, column in (("earned", "D"), ("possible", "E"), ("percent", "F"), ("self", "G"), ("v_earned", "H"), ("v_possible", "I"), ("verified", "J")):
            cells[f"{ind.code}.{key}"] = f"{column}{row}"
        row += 1
    row += 1
    for key, _ in tx.SUMMARY_TOTALS:
        cells[key] = f"C{row}"
        row += 1
    for stage in q.rules.later_stages:
        cells[f"stage.{stage.code}"] = f"C{row}"
        row += 1
    if q.rules.simple_gate is not None:
        cells["gate"] = f"C{row}"
        row += 1
    cells["final"] = f"C{row}"
    cells["band"] = f"C{row + 1}"
    return cells


class _Calc:
    """Column letters of the hidden Hitung sheet (one row per question, then one per checklist item)."""

    CODE, INDICATOR, PARENT, ROW = "A", "B", "C", "D"
    OWN, VER, EVIDENCE, OWN_NUM, VER_NUM = "E", "F", "G", "H", "I"
    ITEM_OWN_PTS, ITEM_VER_PTS, ITEM_VER_FILLED, ITEM_OWN_YES, ITEM_OWN_FILLED = "J", "K", "L", "M", "N"
    RAW, BLANK, NA, APPLICABLE, EVIDENCE_OK = "O", "P", "Q", "R", "S"
    POSSIBLE, EARNED, ANSWERED, NO_EVIDENCE, MISSING = "T", "U", "V", "W", "X"
    VER_GIVEN, VER_RAW, VER_NA, VIEW, VER_APPLICABLE, VER_POSSIBLE, VER_EARNED = "Y", "Z", "AA", "AB", "AC", "AD", "AE"
    ITEM_VER_YES = "AF"
    #: The evidence text as the link rule reads it; then, per URL seen, its helper columns.
    LINK_TEXT = "AG"


#: How many URLs typed in one evidence cell the formulas look at.
LINKS_SEEN = 3
# Per URL seen: where its "://" is, the text after it up to a space, that without trailing punctuation,
# its host, the word after it, and whether it counts.
_LINK_PARTS = ("pos", "after", "url", "host", "next", "ok")


def _link_column(n: int, part: str) -> str:
    """The Hitung column of ``part`` for the ``n``-th URL (1-based) of an evidence cell."""
    return get_column_letter(column_index_from_string(_Calc.LINK_TEXT) + 1 + (n - 1) * len(_LINK_PARTS) + _LINK_PARTS.index(part))


def _sub_all(expr: str, chars: tuple[str, ...], to: str) -> str:
    for char in chars:
        expr = f"SUBSTITUTE({expr},{char},{to})"
    return expr


def _strip_end(ref: str) -> str:
    """``ref`` without at most two trailing ``.``/``,`` (:func:`kipmonev.engine.links.strip_end`)."""
    once = f'IF(OR(RIGHT({ref},1)=".",RIGHT({ref},1)=","),LEFT({ref},LEN({ref})-1),{ref})'
    return f'IF(OR(RIGHT({once},1)=".",RIGHT({once},1)=","),LEFT({once},LEN({once})-1),{once})'


def _link_cells(ws: Worksheet, r: int, evidence: str) -> None:
    """The helper cells of row ``r``: the link rule of :mod:`kipmonev.engine.links` on the typed evidence text."""
    # Separators of items and ends of URLs become " ; " (a word that continues no URL); whitespace a space.
    ends = (*(quote(c) for c in URL_END), "CHAR(10)", "CHAR(13)")
    text = _sub_all(_sub_all(f"LOWER({evidence})", ("CHAR(9)", "_xlfn.UNICHAR(160)"), '" "'), ends, '" ; "')
    u = f"{_Calc.LINK_TEXT}{r}"
    ws[u] = f'=TRIM({text})&" "'
    for n in range(1, LINKS_SEEN + 1):
        c = {part: f"{_link_column(n, part)}{r}" for part in _LINK_PARTS}
        ws[c["pos"]] = f'=IFERROR(FIND(CHAR(1),SUBSTITUTE({u},"://",CHAR(1),{n})),0)'
        ws[c["after"]] = f'=IF({c["pos"]}=0,"",MID({u},{c["pos"]}+3,FIND(" ",{u},{c["pos"]}+3)-{c["pos"]}-3))'
        ws[c["url"]] = f"={_strip_end(c['after'])}"
        ends_host = ",".join(f"FIND({quote(ch)},{c['url']}&{quote(ch)})" for ch in HOST_END)
        ws[c["host"]] = f"=LEFT({c['url']},MIN({ends_host})-1)"
        word_at = f"{c['pos']}+3+LEN({c['after']})+1"
        ws[c["next"]] = f'=IF({c["pos"]}=0,"",IFERROR(MID({u},{word_at},FIND(" ",{u},{word_at})-({word_at})),""))'
        h, w = c["host"], _strip_end(c["next"])
        scheme = f'OR(IFERROR(MID({u},{c["pos"]}-5,5)="https",FALSE()),IFERROR(MID({u},{c["pos"]}-4,4)="http",FALSE()))'
        last_label = f'LEN({h})-FIND(CHAR(1),SUBSTITUTE({h},".",CHAR(1),LEN({h})-LEN(SUBSTITUTE({h},".",""))))'
        host_ok = f'ISNUMBER(FIND(".",{h})),LEFT({h},1)<>".",RIGHT({h},1)<>".",ISERROR(FIND("..",{h})),OR({last_label}>=2,ISNUMBER(--RIGHT({h},1)))'
        continues = f'AND({w}<>"",ISERROR(FIND("://",{w})),OR(' + ",".join(f"ISNUMBER(FIND({quote(ch)},{w}))" for ch in CONTINUATION) + "))"
        ws[c["ok"]] = f"=IF({c['pos']}=0,0,IFERROR(--AND({scheme},{host_ok},NOT({continues})),0))"


def _norm(expr: str) -> str:
    """A cell's text as the formulas compare it (NBSP to space, trimmed, lower case)."""
    return f'TRIM(LOWER(SUBSTITUTE({expr}&"",_xlfn.UNICHAR(160)," ")))'


def _is(cell: str, labels: tuple[str, ...] | list[str]) -> str:
    """1 when the normalised text in ``cell`` is one of ``labels``."""
    if not labels:
        return "0"
    if len(labels) == 1:
        return f"--({cell}={quote(label_key(labels[0]))})"
    return "--OR(" + ",".join(f"{cell}={quote(label_key(label))}" for label in labels) + ")"


def _raw(question: AnyQuestion, text: str, number: str, item_points: str, r: int, span: str, verifier: bool = False) -> str:
    """S1: the points an answer earns before the evidence rule (S11: the verifier's level; S12, S13)."""
    if verifier and question.verifier_scale:
        return "+".join(f"{num(lv.points)}*{_is(text, (lv.label,))}" for lv in question.verifier_scale)
    if isinstance(question, YesNoQuestion):
        claims = (YES_LABEL,) if question.substitute is None or verifier else (YES_LABEL, question.substitute.label)
        return f"{num(question.points)}*{_is(text, claims)}"
    if isinstance(question, ChoiceQuestion):
        return "+".join(f"{num(o.points)}*{_is(text, (o.label,))}" for o in question.options)
    if isinstance(question, ChecklistQuestion) and question.all_or_nothing:
        met = _Calc.ITEM_VER_YES if verifier else _Calc.ITEM_OWN_YES
        count = f"SUMPRODUCT(({span.format(_Calc.PARENT)}={_Calc.CODE}{r})*{span.format(met)})"
        return f"IF({count}={len(question.items)},{num(question.max_points)},0)"
    if isinstance(question, ChecklistQuestion):
        return f"SUMPRODUCT(({span.format(_Calc.PARENT)}={_Calc.CODE}{r})*{span.format(item_points)})"
    # The first range that contains the value gives its points (an inclusive upper bound may touch the
    # next range's lower bound), so the ranges are tried in order with nested IFs.
    chosen = "0"
    for rng in reversed(question.ranges):
        if rng.high is None:
            test = f"{number}>={num(rng.low)}"
        else:
            upper = "<=" if rng.high_inclusive else "<"
            test = f"AND({number}>={num(rng.low)},{number}{upper}{num(rng.high)})"
        chosen = f"IF({test},{num(rng.points)},{chosen})"
    return f"IF(ISNUMBER({number}),{chosen},0)"


def _number_of(cell_lookup: str, text: str) -> str:
    """A number as the cell shows it: typed as a number, or as text with a decimal comma or point.

    '75%' typed into a cell is stored as 0,75 with a percent format (CELL("format") starts with "P"), or
    kept as the text '75%' (NUMBERVALUE reads it as 0,75): both count as 75, as kipmonev reads them.
    """
    shown = f'ROUND({cell_lookup}*IF(LEFT(CELL("format",{cell_lookup}),1)="P",100,1),9)'
    typed = f'_xlfn.NUMBERVALUE(SUBSTITUTE({text},",","."),".")*IF(RIGHT({text},1)="%",100,1)'
    return f'IF(ISNUMBER({cell_lookup}),{shown},IFERROR(ROUND({typed},9),""))'


def _applicable(question: AnyQuestion, q: Questionnaire, view_col: str, span: str) -> str:
    """S3: 0 only when the scoping question was answered with one of its labels, other than the ones named."""
    cond = question.condition
    if cond is None:
        return "1"
    scope = q.question_map[cond.question]
    look = f"IFERROR(INDEX({span.format(view_col)},MATCH({quote(cond.question)},{span.format(_Calc.CODE)},0)),\"\")"
    return f"IF({_is(look, scope.labels)},{_is(look, cond.answers)},1)"


def _evidence_rule(kind: EvidenceKind, cell: str, r: int) -> str:
    """:func:`kipmonev.engine.links.evidence_satisfied` on the typed text (helper cells of row ``r``)."""
    if kind is EvidenceKind.NONE:
        return "1"
    if kind is EvidenceKind.LINK:
        return "--OR(" + ",".join(f"{_link_column(n, 'ok')}{r}=1" for n in range(1, LINKS_SEEN + 1)) + ")"
    # Items are separated by newlines and ";": a cell of separators only names nothing.
    text = _sub_all(cell, ("CHAR(9)", "CHAR(10)", "CHAR(13)", '";"', "_xlfn.UNICHAR(160)"), '" "')
    return f"--(LEN(TRIM({text}))>0)"


def _evidence_ok(question: AnyQuestion, cell: str, own: str, r: int) -> str:
    """Whether the evidence cell satisfies the question (typed URLs only; see the Petunjuk sheet); S13."""
    main = _evidence_rule(question.evidence, cell, r)
    if isinstance(question, YesNoQuestion) and question.substitute is not None:
        return f"IF({_is(own, (question.substitute.label,))},{_evidence_rule(question.substitute.evidence, cell, r)},{main})"
    return main


def calc_sheet(wb: Workbook, q: Questionnaire, last_answer_row: int, columns: dict[str, int] = COLUMNS) -> tuple[int, dict[str, int], int]:
    """Write the Hitung sheet; return (last row of the question block, indicator rows, totals row).

    ``columns`` is the Kuesioner layout; without a verifier column the verification cells are blank.
    """
    ws = wb.create_sheet(tx.SHEET_CALC)
    k = _Calc
    lookup_rows = max(2000, last_answer_row + 1000)
    ans = tx.SHEET_ANSWERS
    col_of = {name: get_column_letter(index) for name, index in columns.items()}

    def kcol(name: str) -> str:
        if name not in col_of:  # a body's own template has no verifier column: a blank column stands in
            return '""'
        return f"{ans}!${col_of[name]}$1:${col_of[name]}${lookup_rows}"

    questions = list(q.questions)
    items = [(question, item) for question in questions if isinstance(question, ChecklistQuestion) for item in question.items]
    last = 1 + len(questions) + len(items)
    # "$X$2:$X$<last>" for a Hitung column X, as a format string.
    span_fmt = f"${{0}}$2:${{0}}${last}"
    headers = {getattr(k, role): head for role, head in CALC_HEADINGS.items()}
    headers |= {_link_column(n, part): LINK_HEADING.format(n=n, part=LINK_PARTS[part]) for n in range(1, LINKS_SEEN + 1) for part in _LINK_PARTS}
    for letter, head in headers.items():
        ws[f"{letter}1"] = head

    def base(r: int, code: str) -> None:
        ws[f"{k.CODE}{r}"] = code
        ws[f"{k.ROW}{r}"] = f"=IFERROR(MATCH({k.CODE}{r},{kcol(tx.COL_CODE)},0),0)"
        ws[f"{k.OWN}{r}"] = f'=IF({k.ROW}{r}=0,"",{_norm(f"INDEX({kcol(tx.COL_ANSWER)},{k.ROW}{r})")})'
        verify = f'=IF({k.ROW}{r}=0,"",{_norm(f"INDEX({kcol(tx.COL_VERIFY)},{k.ROW}{r})")})'
        ws[f"{k.VER}{r}"] = verify if tx.COL_VERIFY in col_of else '=""'

    credit = q.rules.evidence_credit
    for r, question in enumerate(questions, start=2):
        base(r, question.code)
        ws[f"{k.INDICATOR}{r}"] = question.indicator
        ws[f"{k.EVIDENCE}{r}"] = f'=IF({k.ROW}{r}=0,"",INDEX({kcol(tx.COL_EVIDENCE)},{k.ROW}{r})&"")'
        if isinstance(question, NumberQuestion):
            own_cell = f"INDEX({kcol(tx.COL_ANSWER)},{k.ROW}{r})"
            ver_cell = f"INDEX({kcol(tx.COL_VERIFY)},{k.ROW}{r})"
            ws[f"{k.OWN_NUM}{r}"] = f'=IF({k.ROW}{r}=0,"",{_number_of(own_cell, f"{k.OWN}{r}")})'
            ws[f"{k.VER_NUM}{r}"] = f'=IF({k.ROW}{r}=0,"",{_number_of(ver_cell, f"{k.VER}{r}")})' if tx.COL_VERIFY in col_of else '=""'
        na_own = f"{k.NA}{r}"
        ws[f"{k.RAW}{r}"] = "=" + _raw(question, f"{k.OWN}{r}", f"{k.OWN_NUM}{r}", k.ITEM_OWN_PTS, r, span_fmt)
        if isinstance(question, ChecklistQuestion):
            # A checklist is answered once any item is (Ya or Tidak), as the reader and Answer.is_blank say.
            own_filled = f"SUMPRODUCT(({span_fmt.format(k.PARENT)}={k.CODE}{r})*{span_fmt.format(k.ITEM_OWN_FILLED)})"
            ws[f"{k.BLANK}{r}"] = f"=(1-{na_own})*--({own_filled}=0)"
            filled = f"SUMPRODUCT(({span_fmt.format(k.PARENT)}={k.CODE}{r})*{span_fmt.format(k.ITEM_VER_FILLED)})"
            ws[f"{k.VER_GIVEN}{r}"] = f'=--OR({k.VER}{r}<>"",{filled}>0)'
        else:
            ws[f"{k.BLANK}{r}"] = f'=--({k.OWN}{r}="")'
            ws[f"{k.VER_GIVEN}{r}"] = f'=--({k.VER}{r}<>"")'
        ws[f"{k.NA}{r}"] = "=" + _is(f"{k.OWN}{r}", (NA_LABEL,))
        ws[f"{k.APPLICABLE}{r}"] = "=" + _applicable(question, q, k.OWN, span_fmt)
        _link_cells(ws, r, f"{k.EVIDENCE}{r}")
        ws[f"{k.EVIDENCE_OK}{r}"] = "=" + _evidence_ok(question, f"{k.EVIDENCE}{r}", f"{k.OWN}{r}", r)
        mx = num(question.max_points)
        # S3: not applicable (condition or N/A) leaves the maximum; S2: no evidence earns the credit share.
        ws[f"{k.POSSIBLE}{r}"] = f"={k.APPLICABLE}{r}*(1-{na_own})*{mx}"
        ws[f"{k.EARNED}{r}"] = f"={k.APPLICABLE}{r}*(1-{k.BLANK}{r})*(1-{na_own})*{k.RAW}{r}*IF({k.EVIDENCE_OK}{r}=1,1,{num(credit)})"
        ws[f"{k.ANSWERED}{r}"] = f"={k.APPLICABLE}{r}*(1-{k.BLANK}{r})*(1-{na_own})"
        ws[f"{k.NO_EVIDENCE}{r}"] = f"={k.ANSWERED}{r}*--({k.RAW}{r}>0)*(1-{k.EVIDENCE_OK}{r})"
        ws[f"{k.MISSING}{r}"] = f"={k.APPLICABLE}{r}*{k.BLANK}{r}"
        # S5: the verifier's answer where given (no evidence rule), the body's own elsewhere.
        ws[f"{k.VER_RAW}{r}"] = "=" + _raw(question, f"{k.VER}{r}", f"{k.VER_NUM}{r}", k.ITEM_VER_PTS, r, span_fmt, verifier=True)
        ws[f"{k.VER_NA}{r}"] = "=" + _is(f"{k.VER}{r}", (NA_LABEL,))
        ws[f"{k.VIEW}{r}"] = f"=IF({k.VER_GIVEN}{r}=1,{k.VER}{r},{k.OWN}{r})"
        ws[f"{k.VER_APPLICABLE}{r}"] = "=" + _applicable(question, q, k.VIEW, span_fmt)
        ws[f"{k.VER_POSSIBLE}{r}"] = f"=IF({k.VER_GIVEN}{r}=1,{k.VER_APPLICABLE}{r}*(1-{k.VER_NA}{r})*{mx},{k.POSSIBLE}{r})"
        ws[f"{k.VER_EARNED}{r}"] = f"=IF({k.VER_GIVEN}{r}=1,{k.VER_APPLICABLE}{r}*(1-{k.VER_NA}{r})*{k.VER_RAW}{r},{k.EARNED}{r})"
    for r, (question, item) in enumerate(items, start=2 + len(questions)):
        base(r, f"{question.code}.{item.code}")
        ws[f"{k.PARENT}{r}"] = question.code
        ws[f"{k.ITEM_OWN_PTS}{r}"] = f"={num(item.points)}*{_is(f'{k.OWN}{r}', (YES_LABEL,))}"
        ws[f"{k.ITEM_VER_PTS}{r}"] = f"={num(item.points)}*{_is(f'{k.VER}{r}', (YES_LABEL,))}"
        ws[f"{k.ITEM_VER_FILLED}{r}"] = f'=--({k.VER}{r}<>"")'
        ws[f"{k.ITEM_OWN_FILLED}{r}"] = f'=--({k.OWN}{r}<>"")'
        ws[f"{k.ITEM_OWN_YES}{r}"] = "=" + _is(f"{k.OWN}{r}", (YES_LABEL,))
        ws[f"{k.ITEM_VER_YES}{r}"] = "=" + _is(f"{k.VER}{r}", (YES_LABEL,))

    # Indicator block (S4): sums per indicator, the active weight, exact contributions and SAQ.
    top = last + 3
    for i, head in enumerate(("indikator", "bobot", "diperoleh", "mungkin", "sumbangan", "diperoleh verifikasi", "mungkin verifikasi", "sumbangan verifikasi")):
        ws.cell(row=top - 1, column=i + 1, value=head)
    ind_rows: dict[str, int] = {}
    first, end = top, top + len(q.indicators) - 1
    totals = end + 2
    for j, ind in enumerate(q.indicators):
        r = top + j
        ind_rows[ind.code] = r
        ws[f"A{r}"] = ind.code
        ws[f"B{r}"] = json_number(ind.weight)
        ws[f"C{r}"] = f"=SUMPRODUCT(({span_fmt.format(k.INDICATOR)}=A{r})*{span_fmt.format(k.EARNED)})"
        ws[f"D{r}"] = f"=SUMPRODUCT(({span_fmt.format(k.INDICATOR)}=A{r})*{span_fmt.format(k.POSSIBLE)})"
        if q.direct_points:  # S14: earned points over all possible points, no weighting per indicator
            ws[f"E{r}"] = f"=IF(SUM($D${first}:$D${end})>0,C{r}*100/SUM($D${first}:$D${end}),0)"
        else:
            ws[f"E{r}"] = f"=IF(AND(D{r}>0,$B${totals}>0),C{r}*B{r}*100/(D{r}*$B${totals}),0)"
        ws[f"F{r}"] = f"=SUMPRODUCT(({span_fmt.format(k.INDICATOR)}=A{r})*{span_fmt.format(k.VER_EARNED)})"
        ws[f"G{r}"] = f"=SUMPRODUCT(({span_fmt.format(k.INDICATOR)}=A{r})*{span_fmt.format(k.VER_POSSIBLE)})"
        if q.direct_points:
            ws[f"H{r}"] = f"=IF(SUM($G${first}:$G${end})>0,F{r}*100/SUM($G${first}:$G${end}),0)"
        else:
            ws[f"H{r}"] = f"=IF(AND(G{r}>0,$C${totals}>0),F{r}*B{r}*100/(G{r}*$C${totals}),0)"
    ws[f"A{totals}"] = "total"
    ws[f"B{totals}"] = f"=SUMPRODUCT($B${first}:$B${end}*($D${first}:$D${end}>0))"
    ws[f"C{totals}"] = f"=SUMPRODUCT($B${first}:$B${end}*($G${first}:$G${end}>0))"
    ws[f"D{totals}"] = f"=MIN(MAX(SUM($E${first}:$E${end}),0),100)"
    ws[f"E{totals}"] = f"=MIN(MAX(SUM($H${first}:$H${end}),0),100)"
    ws[f"F{totals}"] = f"=SUM({span_fmt.format(k.VER_GIVEN)})"
    return last, ind_rows, totals


def summary_sheet(wb: Workbook, q: Questionnaire, calc_last: int, ind_rows: dict[str, int], totals: int, stages_sheet: bool = True) -> None:
    """Write the Ringkasan sheet: counts, indicators, SAQ tracks, stages, gate, final estimate and band.

    Without a Tahap sheet (a body's own template) the stage rows show "–" and the estimate is the SAQ.
    """
    ws = wb.create_sheet(tx.SHEET_SUMMARY)
    layout = summary_layout(q)
    rnd = q.rules.rounding
    k = _Calc
    calc = tx.SHEET_CALC
    span = f"{calc}!${{0}}$2:${{0}}${calc_last}"
    put(ws, 1, 1, tx.SUMMARY_TITLE, F_TITLE, border=False, wrap=False)
    put(ws, 2, 1, tx.SUMMARY_NOTE, F_NOTE, border=False)
    ws.merge_cells("A2:J2")
    ws.row_dimensions[2].height = 28
    any_verified = f"({calc}!$F${totals}>0)"
    count_formulas = {
        "questions": str(len(q.questions)),
        "answered": f"=SUM({span.format(k.ANSWERED)})",
        "missing": f"=SUM({span.format(k.MISSING)})",
        "not_applicable": f"={len(q.questions)}-SUM({span.format(k.ANSWERED)})-SUM({span.format(k.MISSING)})",
        "no_evidence": f"=SUM({span.format(k.NO_EVIDENCE)})",
        "verified": f"={calc}!$F${totals}",
    }
    for key, label in tx.SUMMARY_COUNTS:
        row = int(layout[key][1:])
        put(ws, row, 1, label, F_BOLD)
        put(ws, row, 2, None)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        value: str | int = int(count_formulas[key]) if key == "questions" else count_formulas[key]
        put(ws, row, 3, value, F_TEXT)
    head_row = int(layout[f"{q.indicators[0].code}.earned"][1:]) - 1
    for col, head in enumerate(tx.SUMMARY_INDICATOR_HEADERS, start=1):
        put(ws, head_row, col, head, F_HEADER, FILL_HEADER)
    score_format = "0" if rnd.places == 0 else "0." + "0" * (rnd.places if rnd.places is not None else 2)
    for ind in q.indicators:
        r = ind_rows[ind.code]
        row = int(layout[f"{ind.code}.earned"][1:])
        h = f"{calc}!"
        cells = {
            "A": ind.code,
            "B": ind.name,
            "C": json_number(ind.weight),
            "D": f"={h}C{r}",
            "E": f"={h}D{r}",
            "F": f'=IF({h}D{r}>0,{round_formula(f"{h}C{r}*100/{h}D{r}", rnd)},"{tx.NO_VALUE}")',
            "G": "=" + round_formula(f"{h}E{r}", rnd),
            "H": f'=IF({any_verified},{h}F{r},"{tx.NO_VALUE}")',
            "I": f'=IF({any_verified},{h}G{r},"{tx.NO_VALUE}")',
            "J": f'=IF({any_verified},{round_formula(f"{h}H{r}", rnd)},"{tx.NO_VALUE}")',
        }
        cells_typed: dict[str, CellInput] = dict(cells)
        for letter, content in cells_typed.items():
            put(ws, row, column_index_from_string(letter), content, F_BOLD if letter == "A" else F_TEXT)
            if letter in "FGJ":
                ws[f"{letter}{row}"].number_format = score_format
    totals_rows = {key: int(layout[key][1:]) for key, _ in tx.SUMMARY_TOTALS}
    saq_self = round_formula(f"{calc}!$D${totals}", rnd)
    saq_verified = round_formula(f"{calc}!$E${totals}", rnd)
    formulas: dict[str, str] = {
        "saq_self": "=" + saq_self,
        "saq_verified": f'=IF({any_verified},{saq_verified},"{tx.NO_VALUE}")',
        "basis": f"=IF({any_verified},{saq_verified},{saq_self})",
    }
    labels = dict(tx.SUMMARY_TOTALS)
    for key, row in totals_rows.items():
        put(ws, row, 1, labels[key], F_BOLD)
        put(ws, row, 2, None)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        put(ws, row, 3, formulas[key], F_BOLD)
        ws.cell(row=row, column=3).number_format = score_format
    basis = layout["basis"].replace("C", "$C$")
    stage_values: list[tuple[str, str]] = []  # (weight, published stage value cell)
    for stage in q.rules.later_stages:
        cell = layout[f"stage.{stage.code}"]
        row = int(cell[1:])
        look = f"IFERROR(INDEX({tx.SHEET_STAGES}!$D$1:$D$200,MATCH({quote(stage.code)},{tx.SHEET_STAGES}!$A$1:$A$200,0)),\"\")" if stages_sheet else '""'
        text = f'TRIM(SUBSTITUTE({look}&"",_xlfn.UNICHAR(160)," "))'
        number = f'IF(ISNUMBER({look}),{look},IF({text}="","",IFERROR(_xlfn.NUMBERVALUE(SUBSTITUTE({text},",","."),"."),"")))'
        put(ws, row, 1, tx.stage_label(stage.name), F_BOLD)
        put(ws, row, 2, None)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        shown = f'IF(ISNUMBER({number}),{round_formula(number, rnd)},"{tx.NO_VALUE}")'
        simple = q.rules.simple_gate
        if simple is not None and simple.on_fail is GateFailRule.OTHER_STAGES_ZERO:
            shown = f"IF({basis}>={num(simple.threshold)},{shown},0)"  # S6: later stages count 0 below the gate
        put(ws, row, 3, "=" + shown)
        ws.cell(row=row, column=3).number_format = score_format
        stage_values.append((num(stage.weight), f"$C${row}"))
    saq_weight = num(q.rules.stages[0].weight)
    weighted = round_formula("+".join([f"{saq_weight}*{basis}/100", *(f"{w}*{c}/100" for w, c in stage_values)]), rnd)
    all_present = "AND(" + ",".join(f"ISNUMBER({c})" for _, c in stage_values) + ")" if stage_values else "TRUE()"
    # S6/S7: weighted stages when every stage score is in; the basis SAQ as the estimate otherwise.
    final = f"IF({all_present},{weighted},{basis})"
    gate = q.rules.simple_gate
    if gate is not None:
        row = int(layout["gate"][1:])
        passed = f"({basis}>={num(gate.threshold)})"
        put(ws, row, 1, tx.gate_label(gate.threshold), F_BOLD)
        put(ws, row, 2, None)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        put(ws, row, 3, f'=IF({passed},"{tx.GATE_PASSED}","{tx.GATE_FAILED}")')
        if gate.on_fail is GateFailRule.SAQ_SCORE:
            final = f"IF({passed},{final},{basis})"
        else:
            final = f"IF({passed},{final},{round_formula(f'{saq_weight}*{basis}/100', rnd)})"
    final_row = int(layout["final"][1:])
    put(ws, final_row, 1, tx.FINAL_LABEL, F_BOLD)
    put(ws, final_row, 2, None)
    ws.merge_cells(start_row=final_row, start_column=1, end_row=final_row, end_column=2)
    put(ws, final_row, 3, "=" + final, F_BOLD)
    ws.cell(row=final_row, column=3).number_format = score_format
    band = f'"{q.rules.bands[-1].name}"'
    for b in reversed(q.rules.bands[:-1]):
        band = f"IF($C${final_row}>={num(b.lower)},{quote(b.name)},{band})"
    put(ws, final_row + 1, 1, tx.BAND_LABEL, F_BOLD)
    put(ws, final_row + 1, 2, None)
    ws.merge_cells(start_row=final_row + 1, start_column=1, end_row=final_row + 1, end_column=2)
    put(ws, final_row + 1, 3, "=" + band, F_BOLD)
    for letter, width in (("A", 10), ("B", 36), ("C", 20), ("D", 12), ("E", 12), ("F", 12), ("G", 12), ("H", 12), ("I", 12), ("J", 12)):
        ws.column_dimensions[letter].width = width
    fit_rows(ws, 3)
    protect(ws)
    page(ws)


