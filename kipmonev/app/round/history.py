"""``round history ID``: a body's audit trail, from the round's event log."""

from __future__ import annotations

from kipmonev.app import problems_decisions as pd
from kipmonev.app.round.workspace import Round
from kipmonev.core.errors import KipmonevError, Location
from kipmonev.core.text import closest
from kipmonev.engine.decisions import body_history
from kipmonev.model.decision import History
from kipmonev.model.round import RosterEntry


def roster_body(r: Round, body_id: str) -> RosterEntry:
    """The roster entry of ``body_id`` (compared case-insensitively).

    Raises:
        KipmonevError: The ID is not on the roster (the closest ID is suggested).
    """
    entry = r.roster.by_id().get(body_id.casefold())
    if entry is None:
        near = closest(body_id, [e.id for e in r.roster.entries])
        suggestion = pd.SUGGEST.text(body=near) if near else ""
        raise KipmonevError(pd.UNKNOWN_BODY_SUMMARY.text(), (pd.UNKNOWN_BODY.at(Location(r.roster.source), body=body_id, suggestion=suggestion),))
    return entry


def round_history(r: Round, body_id: str) -> History:
    """Every event of the round's log that concerns one roster body, in words (rules D1, D2).

    Raises:
        KipmonevError: The ID is not on the roster.
    """
    return body_history(r.events(), roster_body(r, body_id))
