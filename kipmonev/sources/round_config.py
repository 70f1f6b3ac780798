"""Read ``putaran.yaml``: the round's commission, year, editions per category, rule set and deadlines.

Scalars are read as text from the composed YAML tree, so no YAML 1.1 surprise (``no`` as ``False``, a date
as a ``date``) reaches the model, and every problem names its line. Dates are accepted as people write them:
``2025-11-23``, ``23-11-2025``, ``23/11/2025``, ``23 November 2025``, ``23 Nov 2025``.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from pathlib import Path

import yaml

from kipmonev.core.catalogue import quoted
from kipmonev.core.errors import Location, Problem, QuestionnaireError
from kipmonev.core.reasons import reason
from kipmonev.core.resources import shipped_rule_sets
from kipmonev.core.text import closest
from kipmonev.formats.round_layout import CONFIG_FILE
from kipmonev.model.round import Deadlines, RoundConfig
from kipmonev.model.signoff import LEVEL_ORDER, SignOffLevel
from kipmonev.sources import problems_round as pr
from kipmonev.sources.loader import load_questionnaire, load_rule_set, yaml_complaint

_KEYS = {"komisi": "commission", "tahun": "year", "edisi": "editions", "aturan": "rule_set", "daftar": "roster", "tenggat": "deadlines", "pengesahan": "sign_offs", "gabungan_panel": "panel_combine"}
_DEADLINES = {"pengisian": "filling", "verifikasi": "verification", "sanggah": "objection"}
_REQUIRED = ("komisi", "tahun", "edisi")
#: ``gabungan_panel``: how panelists' stage scores are combined, as written (English or Indonesian) → the rule.
_COMBINE = {"mean": "mean", "rata-rata": "mean", "trimmed": "trimmed", "rata-rata terpangkas": "trimmed", "median": "median"}

_MONTHS = {
    name: i
    for i, names in enumerate(
        (("januari", "jan"), ("februari", "feb", "pebruari"), ("maret", "mar"), ("april", "apr"), ("mei",), ("juni", "jun"),
         ("juli", "jul"), ("agustus", "agu", "agt", "ags", "aug"), ("september", "sep", "sept"), ("oktober", "okt", "oct"),
         ("november", "nov", "nop", "nopember"), ("desember", "des", "dec")),
        start=1,
    )
    for name in names
}
_NUMERIC = (
    (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"), (1, 2, 3)),
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"), (3, 2, 1)),
)
_WORDS = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


def parse_date(text: str) -> dt.date | None:
    """A date as Indonesians write it, or ``None``: day before month whenever the year is last."""
    value = " ".join(text.strip().casefold().split())
    for pattern, (y, m, d) in _NUMERIC:
        match = pattern.match(value)
        if match:
            try:
                return dt.date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                return None
    match = _WORDS.match(value)
    if match and match.group(2) in _MONTHS:
        try:
            return dt.date(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
        except ValueError:
            return None
    return None


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def at(self, node: yaml.Node | None, key: str | None = None) -> Location:
        line = node.start_mark.line + 1 if node is not None else None
        return Location(self.source, line=line, field=key)

    def mapping(self, node: yaml.Node, key: str, rule: str) -> list[tuple[yaml.ScalarNode, yaml.Node]] | None:
        if isinstance(node, yaml.MappingNode):
            pairs = [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
            return pairs
        if isinstance(node, yaml.ScalarNode) and node.value == "":
            return []
        self.problems.append(pr.CONFIG_NOT_MAPPING.at(self.at(node, key), key=key, rule=rule))
        return None

    def text(self, node: yaml.Node, key: str) -> str | None:
        if isinstance(node, yaml.ScalarNode):
            return " ".join(str(node.value).split())
        self.problems.append(pr.CONFIG_NOT_MAPPING.at(self.at(node, key), key=key, rule="Nilainya berupa satu teks."))
        return None

    def unknown(self, key_node: yaml.ScalarNode, known: dict[str, str], where: str) -> None:
        near = closest(str(key_node.value), known)
        names = quoted([near]) if near else quoted(list(known))
        self.problems.append(pr.CONFIG_KEY_UNKNOWN.at(self.at(key_node, where), key=key_node.value, known=names))


def _deadlines(r: _Reader, node: yaml.Node) -> Deadlines:
    values: dict[str, dt.date] = {}
    nodes: dict[str, yaml.Node] = {}
    for key_node, value_node in r.mapping(node, "tenggat", "Isinya pengisian, verifikasi dan sanggah, masing-masing sebuah tanggal.") or []:
        key = key_node.value.strip().casefold()
        if key not in _DEADLINES:
            r.unknown(key_node, _DEADLINES, "tenggat")
            continue
        text = r.text(value_node, f"tenggat.{key}")
        if not text:
            continue
        date = parse_date(text)
        if date is None:
            r.problems.append(pr.DATE_INVALID.at(r.at(value_node, f"tenggat.{key}"), value=text))
            continue
        values[key] = date
        nodes[key] = value_node
    order = [k for k in _DEADLINES if k in values]
    for earlier, later in pairwise(order):
        if values[later] < values[earlier]:
            r.problems.append(
                pr.DEADLINE_ORDER.at(r.at(nodes[later], f"tenggat.{later}"), later=later, later_date=values[later].isoformat(), earlier=earlier, earlier_date=values[earlier].isoformat())
            )
    return Deadlines.model_validate({_DEADLINES[k]: v for k, v in values.items()})


def _sign_offs(r: _Reader, node: yaml.Node) -> tuple[SignOffLevel, ...]:
    """``pengesahan``: a list of levels (or one), in any order and spelling (``dijamin mutu``, ``dijamin-mutu``)."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    known = {level.value: level for level in LEVEL_ORDER}
    found: set[SignOffLevel] = set()
    for item in items:
        text = r.text(item, "pengesahan")
        if text is None or (text == "" and not isinstance(node, yaml.SequenceNode)):
            continue
        level = known.get("_".join(text.casefold().replace("-", " ").split()))
        if level is None:
            r.problems.append(pr.SIGN_OFF_UNKNOWN.at(r.at(item, "pengesahan"), value=text, known=quoted(list(known), "dan")))
            continue
        found.add(level)
    return tuple(level for level in LEVEL_ORDER if level in found)


def _editions(r: _Reader, node: yaml.Node, base: Path) -> tuple[dict[str, str], list[Problem]]:
    """Category → edition; each edition is loaded once to check it exists and is valid."""
    editions: dict[str, str] = {}
    warnings: list[Problem] = []
    for key_node, value_node in r.mapping(node, "edisi", "Setiap baris berbentuk 'Kategori: id-edisi'.") or []:
        category = " ".join(str(key_node.value).split())
        value = r.text(value_node, f"edisi.{category}")
        if not value:
            r.problems.append(pr.CONFIG_TEXT_EMPTY.at(r.at(value_node, f"edisi.{category}"), key=f"edisi.{category}"))
            continue
        candidate = base / value
        name = str(candidate) if candidate.suffix.lower() in {".yaml", ".yml", ".xlsx"} else value
        try:
            q = load_questionnaire(name)
        except QuestionnaireError as e:
            if any(p.code in ("KM-Q-044",) for p in e.problems) or (not Path(name).exists() and Path(name).suffix):
                r.problems.append(pr.EDITION_UNKNOWN.at(r.at(value_node, f"edisi.{category}"), value=value, category=category))
            else:
                r.problems.extend(e.problems)
            continue
        if q.category.casefold() != category.casefold():
            warnings.append(pr.EDITION_CATEGORY.at(r.at(value_node, f"edisi.{category}"), edition=value, edition_category=q.category, category=category))
        editions[category] = name
    return editions, warnings


def read_round_config(folder: Path) -> tuple[RoundConfig, tuple[Problem, ...]]:
    """Read and check ``folder/putaran.yaml``.

    Returns:
        The settings, and warnings (an edition used for another category than its own).

    Raises:
        QuestionnaireError: The file is missing or breaks the rules; every problem with its line.
    """
    path = folder / CONFIG_FILE
    source = str(path)
    if not path.is_file():
        raise QuestionnaireError("Pengaturan putaran tidak ditemukan.", (pr.CONFIG_MISSING.at(Location(source), folder=str(folder)),))
    r = _Reader(source)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        mark = getattr(e, "problem_mark", None)
        why = yaml_complaint(e) if isinstance(e, yaml.YAMLError) else reason(e)
        raise QuestionnaireError(f"{source}: pengaturan putaran tidak dapat dibaca.", (pr.CONFIG_SYNTAX.at(Location(source, line=mark.line + 1 if mark else None), reason=why),)) from e
    pairs = r.mapping(root, "putaran", "Berkas ini berisi komisi, tahun, edisi, aturan, daftar dan tenggat.") if root is not None else []
    found: dict[str, tuple[yaml.ScalarNode, yaml.Node]] = {}
    for key_node, value_node in pairs or []:
        key = key_node.value.strip().casefold()
        if key not in _KEYS:
            r.unknown(key_node, _KEYS, key_node.value)
        else:
            found[key] = (key_node, value_node)
    for key in _REQUIRED:
        if key not in found:
            r.problems.append(pr.CONFIG_KEY_MISSING.at(Location(source, line=1), key=key))
    data: dict[str, object] = {}
    warnings: list[Problem] = []
    for key, (_, node) in found.items():
        if key == "tenggat":
            data["deadlines"] = _deadlines(r, node)
        elif key == "edisi":
            data["editions"], warnings = _editions(r, node, folder)
        elif key == "pengesahan":
            data["sign_offs"] = _sign_offs(r, node)
        else:
            text = r.text(node, key)
            if not text:
                if key in ("komisi", "tahun"):
                    r.problems.append(pr.CONFIG_TEXT_EMPTY.at(r.at(node, key), key=key))
                continue
            if key == "tahun":
                if not text.isdigit() or not 2008 <= int(text) <= 2100:
                    r.problems.append(pr.YEAR_INVALID.at(r.at(node, key), value=text))
                    continue
                data["year"] = int(text)
            elif key == "gabungan_panel":
                rule = _COMBINE.get(" ".join(text.casefold().split()))
                if rule is None:
                    r.problems.append(pr.COMBINE_UNKNOWN.at(r.at(node, key), value=text, known=quoted(list(_COMBINE))))
                    continue
                data["panel_combine"] = rule
            elif key == "aturan":
                candidate = folder / text
                name = str(candidate) if candidate.is_file() else text
                try:
                    load_rule_set(name)
                except QuestionnaireError:
                    r.problems.append(pr.RULE_SET_UNKNOWN.at(r.at(node, key), value=text, known=quoted([s.id for s in shipped_rule_sets()])))
                    continue
                data["rule_set"] = name
            else:
                data[_KEYS[key]] = text
    if r.problems:
        r.problems.sort(key=lambda p: p.location.line or 0)
        raise QuestionnaireError(f"{source}: {len(r.problems)} masalah ditemukan di pengaturan putaran.", tuple(r.problems))
    return RoundConfig.model_validate(data), tuple(warnings)
