"""Pydantic validation errors of questionnaires and rule sets, as located issues in Indonesian.

Shared by the YAML loader (which places each issue at a file and line) and the spreadsheet importer
(which places it at a sheet and cell), so both report the same rules in the same words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from kipmonev.core.catalogue import Message
from kipmonev.core.text import closest
from kipmonev.model.problems import CODE_PREFIX, CONDITION_ANSWER, CONDITION_CYCLE, CONDITION_SCORED, CONDITION_SELF, DUPLICATE_CODE
from kipmonev.model.questionnaire import (
    PATTERN_HELP,
    AnswerType,
    ChecklistItem,
    ChecklistQuestion,
    ChoiceQuestion,
    ConsistencyError,
    Loc,
    NumberQuestion,
    Questionnaire,
    RuleSet,
    YesNoQuestion,
)
from kipmonev.sources.problems import (
    INVALID_VALUE,
    MISSING_KEY,
    OR,
    PYDANTIC_BOUNDS,
    PYDANTIC_RULES,
    RULE_MIN_ITEMS,
    RULE_ONE_OF,
    RULE_PATTERN,
    UNKNOWN_ANSWER_TYPE,
    UNKNOWN_KEY,
    UNKNOWN_KEY_SUGGESTED,
)

#: Keys whose lists are concatenated across included files; every other key is replaced.
LIST_KEYS = ("indikator", "pertanyaan")
#: Keys the loader itself reads (include and exclude), not the models.
LOADER_KEYS = ("sertakan", "kecualikan")


def _all_models() -> Iterator[type[BaseModel]]:
    stack: list[type[BaseModel]] = [Questionnaire, RuleSet, YesNoQuestion, ChoiceQuestion, ChecklistQuestion, NumberQuestion, ChecklistItem]
    seen: set[type[BaseModel]] = set()
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        for f in model.model_fields.values():
            stack.extend(arg for arg in _walk_types(f.annotation) if isinstance(arg, type) and issubclass(arg, BaseModel))


def _walk_types(tp: Any) -> Iterator[Any]:
    yield tp
    for arg in getattr(tp, "__args__", ()) or ():
        yield from _walk_types(arg)
    for meta in getattr(tp, "__metadata__", ()) or ():
        yield from _walk_types(meta)


@lru_cache(maxsize=1)
def _key_help() -> dict[str, str]:
    """Every YAML key the format knows, with its description (for suggestions and value help)."""
    keys: dict[str, str] = dict.fromkeys(LOADER_KEYS, "")
    for model in _all_models():
        for name, f in model.model_fields.items():
            keys.setdefault(f.alias or name, f.description or "")
    return keys


def _raw_path(data: Any, loc: tuple[str | int, ...]) -> Loc:
    """Follow a pydantic error location through the raw data, skipping union tags that are not keys."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and i and isinstance(loc[i - 1], int) and part == node.get("tipe"):
            continue  # the discriminator tag right after a list index, even where it is also a key ('pilihan')
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and part not in _key_help():
            continue  # a discriminator tag such as 'ya_tidak'
        else:
            path.append(part)
            node = None
    return tuple(path)




def _describe(error: Any, key: str) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in PYDANTIC_RULES:
        return PYDANTIC_RULES[kind]
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        bound = next(iter(ctx.values()), "")
        return f"{PYDANTIC_BOUNDS[kind]} {bound}"
    if kind == "too_short":
        return RULE_MIN_ITEMS.text(count=str(ctx.get("min_length", 1)))
    if kind in {"enum", "literal_error"}:
        # pydantic joins the last choice with an English "or"
        return RULE_ONE_OF.text(choices=str(ctx.get("expected", "")).replace(" or ", OR.text()))
    if kind == "string_pattern_mismatch":
        help_text = PATTERN_HELP.get(str(ctx.get("pattern")), "")
        return RULE_PATTERN.text() + (f"; {help_text}" if help_text else "")
    return str(error.get("msg", kind))


@dataclass(frozen=True)
class ValidationIssue:
    """One pydantic error translated into kipmonev's terms, before it is placed in a file.

    Shared by the YAML loader (which places issues at lines) and the spreadsheet importer (which places
    them at cells), so both report the same rules in the same words.

    Attributes:
        loc: The path in the raw data the issue is about; for ``missing``, the path of the absent key.
        message: The problem's code (``KM-Q-…``) and complete sentence as the YAML loader words it.
        kind: ``consistency``, ``unknown_key``, ``missing``, ``answer_type`` or ``invalid``.
        key: The key concerned (the last text part of ``loc``).
        detail: For ``invalid``: what the value must be ("harus berupa angka"); else empty.
    """

    loc: Loc
    message: Message
    kind: str
    key: str
    detail: str = ""


def validation_issues(error: ValidationError, data: Any, prefix: Loc = ()) -> list[ValidationIssue]:
    """Translate every error of a failed validation of ``data`` into located, Indonesian issues."""
    issues: list[ValidationIssue] = []
    too_short: set[Loc] = set()
    for err in error.errors(include_url=False):
        loc = _raw_path(data, prefix + tuple(err["loc"]))
        if err["type"] == "too_short":
            too_short.add(loc)
        ctx = err.get("ctx") or {}
        inner = ctx.get("error")
        if isinstance(inner, ConsistencyError):
            for rel, message in inner.problems:
                full = loc + rel
                issues.append(ValidationIssue(full, message, "consistency", next((p for p in reversed(full) if isinstance(p, str)), "")))
            continue
        key = next((p for p in reversed(loc) if isinstance(p, str)), "")
        kind = err["type"]
        if kind == "extra_forbidden":
            suggestion = closest(key, _key_help())
            issues.append(ValidationIssue(loc, UNKNOWN_KEY_SUGGESTED.fill(key=key, suggestion=suggestion) if suggestion else UNKNOWN_KEY.fill(key=key), "unknown_key", key))
        elif kind in {"missing", "union_tag_not_found"}:
            where = (*loc, "tipe") if kind == "union_tag_not_found" else loc
            missing = str(where[-1])
            issues.append(ValidationIssue(where, MISSING_KEY.fill(key=missing), "missing", missing))
        elif kind == "union_tag_invalid":
            expected = [t.value for t in AnswerType]
            issues.append(ValidationIssue((*loc, "tipe"), UNKNOWN_ANSWER_TYPE.fill(given=str(ctx.get("tag")), allowed=tuple(expected)), "answer_type", "tipe"))
        else:
            detail = _describe(err, key)
            issues.append(ValidationIssue(loc, INVALID_VALUE.fill(key=key, detail=detail), "invalid", key, detail))
    # A list whose items all failed is also "too short" to pydantic; that echo is left out.
    with_item_issues = {i.loc[:n] for i in issues for n in range(1, len(i.loc)) if isinstance(i.loc[n], int)}
    return [i for i in issues if not (i.loc in too_short and i.loc in with_item_issues and i.kind == "invalid")]


# Cross-item problems that stay true when broken items are set aside (others may only be echoes of them).
_SAFE_WITHOUT_BROKEN = {e.code for e in (DUPLICATE_CODE, CONDITION_SELF, CONDITION_SCORED, CONDITION_ANSWER, CONDITION_CYCLE, CODE_PREFIX)}


def questionnaire_issues(error: ValidationError, data: dict[str, Any]) -> list[ValidationIssue]:
    """Every issue of a failed :class:`Questionnaire` validation, cross-item ones included.

    Pydantic runs a list's validators only when every item is valid, so a duplicate code would otherwise
    be reported only after the broken items were fixed. The data is validated again without the list
    items that failed on their own; cross-item issues that stay true then are added, located in ``data``.
    """
    found = validation_issues(error, data)
    broken: dict[str, set[int]] = {key: set() for key in LIST_KEYS}
    for err in error.errors(include_url=False):
        loc = err["loc"]
        if len(loc) >= 2 and loc[0] in broken and isinstance(loc[1], int):  # an item's field, or the item itself (unknown 'tipe')
            broken[str(loc[0])].add(loc[1])
    if not any(broken.values()):
        return found
    reduced = dict(data)
    kept: dict[str, list[int]] = {}
    for key, bad in broken.items():
        items = reduced.get(key)
        if not bad or not isinstance(items, list):
            continue
        kept[key] = [i for i in range(len(items)) if i not in bad]
        reduced[key] = [items[i] for i in kept[key]]
    try:
        Questionnaire.model_validate(reduced)
    except ValidationError as again:
        seen = {(i.loc, i.message) for i in found}
        for issue in validation_issues(again, reduced):
            loc = issue.loc
            if len(loc) >= 2 and isinstance(loc[0], str) and loc[0] in kept and isinstance(loc[1], int):
                loc = (loc[0], kept[loc[0]][loc[1]], *loc[2:])
            if issue.message.code in _SAFE_WITHOUT_BROKEN and (loc, issue.message) not in seen:
                found.append(ValidationIssue(loc, issue.message, issue.kind, issue.key, issue.detail))
    return found
