"""Load questionnaire and rule-set YAML files into models, with every problem located by file and line.

The loader reads YAML 1.2 (``no``/``on`` stay text), refuses anchors, aliases and tags before building
anything, resolves ``sertakan`` (include) lists and ``kecualikan`` (exclude) lists, and maps every
pydantic error back to the file and line where the offending key was written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from kipmonev.core.errors import Location, Problem, QuestionnaireError
from kipmonev.core.fileio import display_path
from kipmonev.core.reasons import reason
from kipmonev.core.resources import questionnaires_dir, shipped_editions, shipped_rule_sets
from kipmonev.core.text import closest
from kipmonev.model.questionnaire import (
    Loc,
    Questionnaire,
    RuleSet,
)
from kipmonev.sources.book_base import SPREADSHEET_SUFFIXES
from kipmonev.sources.problems import (
    A_FILE,
    EXCLUDE_NOT_LIST,
    EXCLUDE_UNKNOWN,
    FILE_NOT_FOUND,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
    INCLUDE_CYCLE,
    INCLUDE_NOT_FOUND,
    INCLUDE_NOT_LIST,
    INCLUDE_TOO_DEEP,
    INCLUDE_TOO_MANY,
    MEANT_ID,
    SUMMARY_CONTENT_INVALID,
    SUMMARY_EXCLUDE_INVALID,
    SUMMARY_FILE_NOT_FOUND,
    SUMMARY_FILE_UNREADABLE,
    SUMMARY_INCLUDE_INVALID,
    SUMMARY_INCLUDED_BROKEN,
    SUMMARY_QUESTIONNAIRE_NOT_FOUND,
    SUMMARY_QUESTIONNAIRE_PROBLEMS,
    SUMMARY_QUESTIONNAIRE_TOO_LARGE,
    SUMMARY_RULE_SET_INVALID,
    SUMMARY_RULE_SET_NOT_FOUND,
    SUMMARY_RULE_SET_NOT_FOUND_IN,
    SUMMARY_RULE_SET_PROBLEMS,
    SUMMARY_YAML_UNREADABLE,
    UNKNOWN_QUESTIONNAIRE,
    UNKNOWN_RULE_SET,
    YAML_ALIAS,
    YAML_BOOL_KEY,
    YAML_COMPLAINT_INDENT,
    YAML_COMPLAINT_OTHER,
    YAML_COMPLAINTS,
    YAML_DUPLICATE_KEY,
    YAML_NOT_MAPPING,
    YAML_SYNTAX,
    YAML_TAG,
    YAML_TOO_DEEP,
)
from kipmonev.sources.validation import LIST_KEYS, LOADER_KEYS, ValidationIssue, questionnaire_issues, validation_issues

# libyaml's C parser when available (about ten times faster); scalars are resolved by our own YAML 1.2 rules.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Largest questionnaire or rule-set file read, in bytes.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: Deepest chain of ``sertakan`` includes.
MAX_INCLUDE_DEPTH = 8
#: Most files included while loading one file, repeats counted (a file including another many times).
MAX_INCLUDED_FILES = 32
#: Deepest nesting of mappings and lists in one YAML file (an edition needs about six).
MAX_YAML_DEPTH = 20


@dataclass
class _Doc:
    """A loaded YAML mapping with the provenance of every key and item."""

    data: dict[str, Any]
    # merged location -> (source, 1-based line, location inside that source)
    where: dict[Loc, tuple[str, int, Loc]] = field(default_factory=dict)




def yaml_complaint(error: yaml.YAMLError) -> str:
    """The YAML parser's complaint in Bahasa Indonesia (rule R1: its English text never reaches a person)."""
    detail = str(getattr(error, "problem", None) or "")
    if detail in YAML_COMPLAINTS:
        return YAML_COMPLAINTS[detail]
    if detail.startswith("expected <block end>"):  # the pure-Python parser's wording for a broken indentation
        return YAML_COMPLAINT_INDENT.text()
    return YAML_COMPLAINT_OTHER.text()


def _syntax_problem(error: yaml.YAMLError, source: str) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = int(mark.line) + 1 if mark is not None else None
    return YAML_SYNTAX.at(Location(source, line=line), problem=yaml_complaint(error))


def _screen(text: str, source: str) -> list[Problem]:
    """Refuse anchors, aliases and explicit tags before anything is constructed (alias bombs, object tags)."""
    problems: list[Problem] = []
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 if event.start_mark is not None else None
            # Deep nesting would exhaust the recursion of composing (and costs quadratic scanning time in
            # flow style): the event stream is flat, so stop it at the first level too deep.
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    problems.append(YAML_TOO_DEEP.at(Location(source, line=line), limit=MAX_YAML_DEPTH))
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.AliasEvent) or (isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent) and event.anchor):
                problems.append(YAML_ALIAS.at(Location(source, line=line)))
                if len(problems) > 20:
                    break
            elif isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent) and event.tag not in (None, "!"):
                problems.append(YAML_TAG.at(Location(source, line=line), tag=str(event.tag)))
    except yaml.YAMLError as e:
        if "maximum nesting depth" in str(getattr(e, "problem", None) or e):
            # libyaml ≥ 0.2.5 stops deep nesting itself, before our own count sees it: same answer.
            mark = getattr(e, "problem_mark", None)
            line = int(mark.line) + 1 if mark is not None else None
            problems.append(YAML_TOO_DEEP.at(Location(source, line=line), limit=MAX_YAML_DEPTH))
        else:
            problems.append(_syntax_problem(e, source))
    return problems


# YAML 1.2 core schema for plain scalars: 'no', 'on' and 'yes' stay text (PyYAML alone would follow YAML 1.1).
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


def _scalar(node: yaml.ScalarNode) -> object:
    """Resolve a scalar by the YAML 1.2 core schema; numbers with a point become exact Decimals."""
    value = str(node.value)
    if node.style not in (None, ""):  # quoted or block scalars are text
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if value.startswith(("0x", "0o")):
        try:
            return int(value, 0)
        except ValueError:
            return value
    if _FLOAT.match(value):
        return Decimal(value)
    if value.lstrip("+-") in {".inf", ".Inf", ".INF"} or value in {".nan", ".NaN", ".NAN"}:
        return float(value.replace(".", "", 1))
    return value


def _plain(node: yaml.Node, loc: Loc, source: str, doc: _Doc, problems: list[Problem]) -> Any:
    """Turn composed nodes into plain Python, recording the line of every key and item."""
    doc.where[loc] = (source, node.start_mark.line + 1, loc)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                problems.append(YAML_BOOL_KEY.at(Location(source, line=key_line), key=str(getattr(key_node, "value", key))))
                continue
            if key in out:
                problems.append(YAML_DUPLICATE_KEY.at(Location(source, line=key_line), key=key))
                continue
            out[key] = _plain(value_node, (*loc, key), source, doc, problems)
            doc.where[(*loc, key)] = (source, key_line, (*loc, key))  # a key's line, not its value's
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v, (*loc, i), source, doc, problems) for i, v in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node)


def _read(path: Path, source: str) -> _Doc:
    """Read one YAML file into a plain mapping with line provenance."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # never more, whatever the file claims to be
        if len(raw) > MAX_FILE_BYTES:
            raise QuestionnaireError(SUMMARY_QUESTIONNAIRE_TOO_LARGE.text(), (FILE_TOO_LARGE.at(Location(source), limit_mb=MAX_FILE_BYTES // (1024 * 1024)),))
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise QuestionnaireError(SUMMARY_FILE_NOT_FOUND.text(), (FILE_NOT_FOUND.at(Location(source), kind=A_FILE.text()),)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise QuestionnaireError(SUMMARY_FILE_UNREADABLE.text(), (FILE_UNREADABLE.at(Location(source), reason=reason(e)),)) from e
    problems = _screen(text, source)
    if problems:
        raise QuestionnaireError(SUMMARY_YAML_UNREADABLE.text(source=source), tuple(problems))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as e:
        raise QuestionnaireError(SUMMARY_YAML_UNREADABLE.text(source=source), (_syntax_problem(e, source),)) from e
    if not isinstance(node, yaml.MappingNode):
        raise QuestionnaireError(SUMMARY_CONTENT_INVALID.text(source=source), (YAML_NOT_MAPPING.at(Location(source, line=1)),))
    doc = _Doc({})
    doc.data = _plain(node, (), source, doc, problems)
    if problems:
        raise QuestionnaireError(SUMMARY_YAML_UNREADABLE.text(source=source), tuple(problems))
    return doc


def _shift(where: dict[Loc, tuple[str, int, Loc]], key: str, mapping: dict[int, int]) -> dict[Loc, tuple[str, int, Loc]]:
    """Re-index provenance of list ``key`` by ``mapping`` (old index -> new index; absent = dropped)."""
    out: dict[Loc, tuple[str, int, Loc]] = {}
    for loc, value in where.items():
        if len(loc) >= 2 and loc[0] == key and isinstance(loc[1], int):
            if loc[1] not in mapping:
                continue
            loc = (key, mapping[loc[1]], *loc[2:])
        out[loc] = value
    return out


def _merge(base: _Doc, top: _Doc) -> _Doc:
    """Merge ``top`` over ``base``: list keys concatenate, other keys replace."""
    data = dict(base.data)
    where = dict(base.where)
    for key, value in top.data.items():
        if key in LIST_KEYS and isinstance(value, list) and isinstance(data.get(key), list):
            offset = len(data[key])
            data[key] = [*data[key], *value]
            sub = {loc: v for loc, v in top.where.items() if loc[:1] == (key,)}
            where.update(_shift(sub, key, {i: i + offset for i in range(len(value))}))
        else:
            data[key] = value
            where = {loc: v for loc, v in where.items() if loc[:1] != (key,)}
            where.update({loc: v for loc, v in top.where.items() if loc[:1] == (key,)})
    return _Doc(data, where)


def _resolve(path: Path, source: str, stack: tuple[Path, ...], budget: list[int] | None = None) -> _Doc:
    """Read ``path`` and everything it includes, merged, with provenance.

    ``budget`` holds how many more files may be included in this load, shared by the whole include tree.
    """
    budget = [MAX_INCLUDED_FILES] if budget is None else budget
    doc = _read(path, source)
    includes = doc.data.pop("sertakan", [])
    excludes = doc.data.pop("kecualikan", [])
    problems: list[Problem] = []
    merged = _Doc({})
    if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
        line = doc.where.get(("sertakan",), (source, 1, ()))[1]
        raise QuestionnaireError(SUMMARY_INCLUDE_INVALID.text(source=source), (INCLUDE_NOT_LIST.at(Location(source, line=line)),))
    for i, name in enumerate(includes):
        line = doc.where[("sertakan", i)][1]
        target = (path.parent / name).resolve()
        sub_source = os.path.normpath(Path(source).parent / name)
        if target in stack:
            problems.append(INCLUDE_CYCLE.at(Location(source, line=line), name=name))
        elif len(stack) >= MAX_INCLUDE_DEPTH:
            problems.append(INCLUDE_TOO_DEEP.at(Location(source, line=line), name=name, limit=MAX_INCLUDE_DEPTH))
        elif not target.is_file():
            problems.append(INCLUDE_NOT_FOUND.at(Location(source, line=line), name=name))
        elif budget[0] <= 0:
            problems.append(INCLUDE_TOO_MANY.at(Location(source, line=line), limit=MAX_INCLUDED_FILES))
            break
        else:
            budget[0] -= 1
            merged = _merge(merged, _resolve(target, sub_source, (*stack, target), budget))
    if problems:
        raise QuestionnaireError(SUMMARY_INCLUDED_BROKEN.text(source=source), tuple(problems))
    if excludes:
        merged = _exclude(merged, excludes, doc, source)
    own = _Doc(doc.data, {loc: v for loc, v in doc.where.items() if loc[:1] not in {(k,) for k in LOADER_KEYS}})
    return _merge(merged, own)


def _exclude(merged: _Doc, excludes: Any, doc: _Doc, source: str) -> _Doc:
    questions = merged.data.get("pertanyaan", [])
    if not isinstance(excludes, list) or not isinstance(questions, list):
        line = doc.where.get(("kecualikan",), (source, 1, ()))[1]
        raise QuestionnaireError(SUMMARY_EXCLUDE_INVALID.text(source=source), (EXCLUDE_NOT_LIST.at(Location(source, line=line)),))
    codes = [q.get("kode") if isinstance(q, dict) else None for q in questions]
    problems = [
        EXCLUDE_UNKNOWN.at(Location(source, line=doc.where[("kecualikan", i)][1]), code=str(code))
        for i, code in enumerate(excludes)
        if not isinstance(code, str) or code not in codes
    ]
    if problems:
        raise QuestionnaireError(SUMMARY_EXCLUDE_INVALID.text(source=source), tuple(problems))
    keep = [i for i, code in enumerate(codes) if code not in excludes]
    data = dict(merged.data)
    data["pertanyaan"] = [questions[i] for i in keep]
    return _Doc(data, _shift(merged.where, "pertanyaan", {old: new for new, old in enumerate(keep)}))


def _field_text(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (("." if text else "") + part)
    return text


def _locate(doc: _Doc, loc: Loc, fallback: str) -> Location:
    for end in range(len(loc), -1, -1):
        found = doc.where.get(loc[:end])
        if found is not None:
            source, line, local = found
            return Location(source, line=line, field=_field_text(local + loc[end:]) or None)
    return Location(fallback, field=_field_text(loc) or None)


def _problem(doc: _Doc, issue: ValidationIssue, source: str) -> Problem:
    where = issue.loc[:-1] if issue.kind == "missing" else issue.loc
    return issue.message.at(_locate(doc, where, source))


def _problems(error: ValidationError, doc: _Doc, source: str, prefix: Loc = ()) -> list[Problem]:
    problems = [_problem(doc, issue, source) for issue in validation_issues(error, doc.data, prefix)]
    return sorted(problems, key=lambda p: (p.location.source, p.location.line or 0))


def meant_id(name: str, known: list[str]) -> str:
    """The "did you mean" of an unknown questionnaire or rule-set id: the closest shipped id, or nothing."""
    near = closest(name, known)
    return MEANT_ID.text(id=near) if near else ""


def _rule_set_path(name: str, base: Path) -> Path | None:
    if name.endswith((".yaml", ".yml")):
        candidate = (base.parent / name).resolve()
        return candidate if candidate.is_file() else None
    return shipped_rule_set_path(name)


def _load_doc(path: Path) -> tuple[_Doc, str]:
    source = display_path(path)
    doc = _resolve(path.resolve(), source, (path.resolve(),))
    rules = doc.data.get("aturan")
    if isinstance(rules, str):
        rule_path = _rule_set_path(rules, path)
        if rule_path is None:
            line = doc.where.get(("aturan",), (source, 1, ()))[1]
            known = [s.id for s in shipped_rule_sets()]
            raise QuestionnaireError(SUMMARY_RULE_SET_NOT_FOUND_IN.text(source=source), (UNKNOWN_RULE_SET.at(Location(source, line=line), name=rules, meant=meant_id(rules, known), known=", ".join(known)),))
        rule_doc = _resolve(rule_path, display_path(rule_path), (rule_path,))
        try:
            RuleSet.model_validate(rule_doc.data)
        except ValidationError as e:
            raise QuestionnaireError(SUMMARY_RULE_SET_INVALID.text(source=display_path(rule_path)), tuple(_problems(e, rule_doc, display_path(rule_path)))) from e
        doc.data["aturan_id"] = rule_doc.data["id"]
        doc.data["aturan"] = rule_doc.data["aturan"]
        doc.where = {loc: v for loc, v in doc.where.items() if loc[:1] != ("aturan",)}
        doc.where.update({loc: v for loc, v in rule_doc.where.items() if loc[:1] == ("aturan",)})
    return doc, source


def shipped_rule_set_path(name: str) -> Path | None:
    """The file of a shipped rule set, by its id (``None`` for an unknown id)."""
    return next((s.path for s in shipped_rule_sets() if s.id == name), None)


#: (shipped folder, id) → the file :func:`resolve_questionnaire_path` found for it.
_SHIPPED_PATHS: dict[tuple[Path, str], Path] = {}


def resolve_questionnaire_path(name: str | Path) -> Path:
    """Turn a shipped id or a file path into a path.

    Raises:
        QuestionnaireError: Neither a file nor a shipped id.
    """
    path = Path(name)
    if path.suffix.lower() in {".yaml", ".yml", ".xlsx"} or path.exists():
        return path
    key = (questionnaires_dir(), str(name))
    known_path = _SHIPPED_PATHS.get(key)
    if known_path is not None and known_path.is_file():  # a batch resolves the same ids; listing the folders is the cost
        return known_path
    for shipped in shipped_editions(examples=True):
        if shipped.id == str(name):
            _SHIPPED_PATHS[key] = shipped.path
            return shipped.path
    known = [s.id for s in shipped_editions()]
    raise QuestionnaireError(SUMMARY_QUESTIONNAIRE_NOT_FOUND.text(), (UNKNOWN_QUESTIONNAIRE.at(Location(str(name)), name=str(name), meant=meant_id(str(name), known), known=", ".join(known)),))


def load_questionnaire(name: str | Path) -> Questionnaire:
    """Load and validate an edition from a YAML file, an authoring workbook (``.xlsx``) or a shipped id.

    Every problem in the file (and in what it includes) is reported at once, each with its file and line
    (or sheet and cell). A workbook's warnings are dropped here; use
    :func:`kipmonev.sources.questionnaire_xlsx.import_questionnaire_with_warnings` to get them.

    Raises:
        QuestionnaireError: The file is missing, unreadable, hostile, or breaks the format's rules.
    """
    path = resolve_questionnaire_path(name)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        from kipmonev.sources.questionnaire_xlsx import import_questionnaire  # NOTE: only for authoring workbooks

        return import_questionnaire(path)
    stat = path.stat() if path.is_file() else None
    return _load_cached(path.resolve(), str(path), stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)


@lru_cache(maxsize=64)
def _load_cached(path: Path, given: str, mtime_ns: int, size: int) -> Questionnaire:
    del mtime_ns, size  # part of the cache key only: an edited file is read again
    doc, source = _load_doc(Path(given))
    try:
        return Questionnaire.model_validate(doc.data)
    except ValidationError as e:
        problems = [_problem(doc, issue, source) for issue in questionnaire_issues(e, doc.data)]
        problems.sort(key=lambda p: (p.location.source, p.location.line or 0))
        raise QuestionnaireError(SUMMARY_QUESTIONNAIRE_PROBLEMS.text(source=source, count=len(problems)), tuple(problems)) from e


def load_rule_set(name: str | Path) -> RuleSet:
    """Load a rule set from a YAML file or a shipped id (``ki-pusat``, ``ki-dki-jakarta``, ``ki-kaltim``).

    Raises:
        QuestionnaireError: Unknown, unreadable or invalid.
    """
    path = _rule_set_path(str(name), Path.cwd() / "_") if not Path(name).is_file() else Path(name)
    if path is None:
        known = [s.id for s in shipped_rule_sets()]
        raise QuestionnaireError(SUMMARY_RULE_SET_NOT_FOUND.text(), (UNKNOWN_RULE_SET.at(Location(str(name)), name=str(name), meant=meant_id(str(name), known), known=", ".join(known)),))
    stat = path.stat()
    return _rule_set_cached(path.resolve(), display_path(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _rule_set_cached(path: Path, source: str, mtime_ns: int, size: int) -> RuleSet:
    del mtime_ns, size  # part of the cache key only: an edited file is read again
    doc = _resolve(path, source, (path,))
    try:
        return RuleSet.model_validate(doc.data)
    except ValidationError as e:
        problems = _problems(e, doc, source)
        raise QuestionnaireError(SUMMARY_RULE_SET_PROBLEMS.text(source=source, count=len(problems)), tuple(problems)) from e


def load_document(path: Path) -> Questionnaire | RuleSet:
    """Load a YAML file that is either an edition or a rule set (told apart by its ``pertanyaan`` key).

    An authoring workbook (``.xlsx``) is always an edition.

    Raises:
        QuestionnaireError: As for :func:`load_questionnaire` and :func:`load_rule_set`.
    """
    if path.suffix.lower() == ".xlsx":
        return load_questionnaire(path)
    source = display_path(path)
    doc = _resolve(path.resolve(), source, (path.resolve(),))
    if "pertanyaan" in doc.data or "sertakan" in doc.data or "indikator" in doc.data or "judul" in doc.data:
        return load_questionnaire(path)
    return load_rule_set(path)


#: (edition, rule set) instances → the edition under that rule set, for :func:`with_rule_set_shared`.
_APPLIED: dict[tuple[int, int], tuple[Questionnaire, RuleSet, Questionnaire]] = {}


def with_rule_set_shared(questionnaire: Questionnaire, rule_set: RuleSet) -> Questionnaire:
    """:func:`with_rule_set`, made once per process for the same edition and rule set instances.

    Applying re-validates the edition and hashes it again (about 8 ms); the reader applies the rule set a
    workbook's metadata names to every workbook made from such a template, and the loaders return one
    instance per file, so a batch of them shares one edition (and the scoring plan made for it). Keyed by
    the instances, never by content hash: a copy with other content keeps the hash it had cached.
    """
    key = (id(questionnaire), id(rule_set))
    kept = _APPLIED.get(key)
    if kept is not None and kept[0] is questionnaire and kept[1] is rule_set:
        return kept[2]
    if len(_APPLIED) >= 32:
        _APPLIED.clear()
    applied = with_rule_set(questionnaire, rule_set)
    _APPLIED[key] = (questionnaire, rule_set, applied)
    return applied


def with_rule_set(questionnaire: Questionnaire, rule_set: RuleSet) -> Questionnaire:
    """Return the edition with another commission's rules (stages, gates, bands, rounding) and name applied.

    The commission's name replaces the edition's (templates and reports name the commission that runs the
    assessment), unless the rule set is the one the edition was written for.
    """
    # Re-validated rather than model_copy'd, so cached values such as the content hash are recomputed.
    data = questionnaire.model_dump(by_alias=True)
    data.update(aturan=rule_set.rules.model_dump(by_alias=True), aturan_id=rule_set.id)
    if rule_set.id != questionnaire.rule_set:
        data.update(komisi=rule_set.commission)
    return Questionnaire.model_validate(data)
