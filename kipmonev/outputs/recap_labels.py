"""What every recap output says the same way: the funnel's steps and the total row of the counts.

The CLI's summary reads them too (:func:`participation_line`, :data:`TOTAL_LABEL`).

The recap workbook (:mod:`kipmonev.outputs.recap_export`) and the recap report
(:mod:`kipmonev.outputs.report.recap`) both read these, so they cannot disagree (rule B3 of
:mod:`kipmonev.engine.recap` defines the steps).
"""

from __future__ import annotations

from kipmonev.model.recap import BandCounts, Funnel, Participation, Recap

#: The label of the row that adds up every category.
TOTAL_LABEL = "Jumlah"
#: The ranking's column of a round's sign-off status (diverifikasi, dijamin mutu, ditetapkan).
SIGNOFF_HEADER = "Status pengesahan"

#: What became of a file listed on the Galat sheet (and in galat.csv).
FILE_FAILED = "tidak dinilai"
FILE_SKIPPED = "dilewati"
FILE_WARNED = "dinilai, dengan peringatan"
#: The message of a file scored with warnings: one row per file (every warning is in its report and in ``kipmonev check``).
WARNED_MESSAGE = "{count} peringatan; yang pertama: {first}"

#: The funnel's steps in order: (field of :class:`~kipmonev.model.recap.Funnel`, label).
FUNNEL_STEPS: tuple[tuple[str, str], ...] = (
    ("files", "Berkas dalam batch"),
    ("scored", "Berhasil dibaca dan dinilai"),
    ("saq_complete", "SAQ lengkap (semua pertanyaan dijawab)"),
    ("passed_gate", "Lolos gerbang (semua, bila aturan tanpa gerbang)"),
    ("complete", "Dinilai di semua tahap (nilai akhir)"),
)


#: The gate table (rule B7): its sheet or heading, and its columns, in every recap output.
GATE_TITLE = "Gerbang"
GATE_HEADER: tuple[str, ...] = ("No", "Gerbang", "Sampai di gerbang", "Lolos", "Tidak lolos", "Belum diputuskan", "Yang lolos")
#: When no body passed a gate.
NO_ONE = "–"


#: Rule B6, the funnel from the roster when the recap has one: (field of :class:`~kipmonev.model.recap.Participation`, label, short label for one line).
PARTICIPATION_STEPS: tuple[tuple[str, str, str], ...] = (
    ("invited", "Diundang (daftar badan publik)", "diundang"),
    ("sent", "Mengirim isian", "mengirim"),
    ("complete", "Lengkap (semua pertanyaan dijawab)", "lengkap"),
    ("verified", "Diverifikasi", "diverifikasi"),
    ("passed_gate", "Lolos gerbang", "lolos gerbang"),
    ("final", "Final (nilai akhir)", "final"),
)


def signed(recap: Recap) -> bool:
    """A round's recap: its rows carry the sign-off status, shown as a column of the ranking."""
    return any(r.signoff is not None for r in recap.rows)


def funnel_steps(funnel: Funnel | Participation) -> tuple[tuple[str, int], ...]:
    """(label, count) of each step of a batch's funnel (B3) or a round's participation funnel (B6), in order."""
    steps = [(name, label) for name, label, _ in PARTICIPATION_STEPS] if isinstance(funnel, Participation) else FUNNEL_STEPS
    return tuple((label, int(getattr(funnel, name))) for name, label in steps)


def participation_line(participation: Participation) -> str:
    """The roster's funnel (B6) on one line, for a terminal: ``diundang 60 → mengirim 44 → …``."""
    return " → ".join(f"{short} {int(getattr(participation, name))}" for name, _, short in PARTICIPATION_STEPS)


def recap_funnel(recap: Recap) -> tuple[tuple[str, int], ...]:
    """The funnel every recap output shows: the roster's (B6) when the recap has one, else the batch's (B3)."""
    return funnel_steps(recap.participation if recap.participation is not None else recap.funnel)


def band_totals(recap: Recap) -> BandCounts:
    """The counts per qualification over every category (the ``Jumlah`` row)."""
    counts = recap.band_counts
    return BandCounts(
        category=TOTAL_LABEL,
        counts={b.code: sum(c.counts.get(b.code, 0) for c in counts) for b in recap.bands},
        not_final=sum(c.not_final for c in counts),
        total=sum(c.total for c in counts),
    )


def gate_rows(recap: Recap) -> tuple[tuple[int, str, int, int, int, int, str], ...]:
    """Each gate of the batch's funnel (rule B7) as a row of :data:`GATE_HEADER`: the names of those who passed joined."""
    return tuple((g.index, g.label, g.reached, g.passed, g.failed, g.undecided, ", ".join(g.passed_names) or NO_ONE) for g in recap.funnel.gates)

