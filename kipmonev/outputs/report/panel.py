"""The panel parts of the reports: a body's panel scores and conflicts (methodology appendix), the recap's panel section."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kipmonev.core.formatting import format_plain
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment
from kipmonev.outputs import panel_labels as pl
from kipmonev.outputs.report.labels import clean_text


@dataclass(frozen=True)
class PanelLine:
    """One panelist's row in a body's appendix."""

    panelist: str
    scores: tuple[Decimal | None, ...]
    score: Decimal | None
    note: str
    excluded: bool


@dataclass(frozen=True)
class PanelView:
    """One stage of a body scored by a panel kit: how, by whom, who was left out and why."""

    stage: str
    text: str
    header: tuple[str, ...]
    lines: tuple[PanelLine, ...]


def panel_views(a: Assessment) -> tuple[PanelView, ...]:
    """The appendix's panel part, one view per stage with a panel detail (rule K2: every conflict listed)."""
    out = []
    for s in a.stages:
        if s.panel is None:
            continue
        p = s.panel
        text = pl.APPENDIX_STAGE.text(stage=clean_text(s.name), room=clean_text(p.room), rule=pl.COMBINE_LABELS.get(p.combine, p.combine))
        header = (
            pl.APPENDIX_HEAD_PANELIST,
            *(pl.APPENDIX_HEAD_CRITERION.text(name=clean_text(c.name), weight=format_plain(c.weight)) for c in p.criteria),
            pl.APPENDIX_HEAD_SCORE,
            pl.APPENDIX_HEAD_NOTE,
        )
        lines = tuple(
            PanelLine(
                clean_text(x.panelist),
                tuple(c.score for c in x.criteria),
                x.score,
                pl.EXCLUDED.text(reason=clean_text(x.excluded)) if x.excluded else pl.NOT_SCORED if x.score is None else pl.USED,
                x.excluded is not None,
            )
            for x in p.panelists
        )
        out.append(PanelView(clean_text(s.name), text, header, lines))
    return tuple(out)


@dataclass(frozen=True)
class RecapPanel:
    """The recap report's panel section: severity (K5), the informational z-score rank (K6), the conflicts (K2)."""

    severity_title: str
    severity_header: tuple[str, ...]
    severity: tuple[pl.Row, ...]
    severity_note: str
    zrank_title: str
    zrank_header: tuple[str, ...]
    zranks: tuple[pl.Row, ...]
    zrank_note: str
    conflict_title: str
    conflict_header: tuple[str, ...]
    conflicts: tuple[pl.Row, ...]


def recap_panel(recap: Recap) -> RecapPanel | None:
    """The panel section, or ``None`` when the batch read no panel kit."""
    if recap.panel is None:
        return None
    return RecapPanel(
        pl.SEVERITY_TITLE,
        pl.SEVERITY_HEADER,
        pl.severity_rows(recap),
        pl.SEVERITY_NOTE.text(points=format_plain(recap.panel.outlier_points)),
        pl.ZRANK_TITLE,
        pl.ZRANK_HEADER,
        pl.zrank_rows(recap),
        pl.ZRANK_NOTE,
        pl.CONFLICT_TITLE,
        pl.CONFLICT_HEADER,
        pl.conflict_rows(recap),
    )
