"""Write an edition as YAML 1.2, as the loader reads it back: Indonesian keys, the model's order, no anchors."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from kipmonev.core.fileio import write_atomic
from kipmonev.core.numbers import json_number
from kipmonev.model.questionnaire import Questionnaire


def _plain(value: Any) -> Any:
    """Model dump → YAML-ready values: Decimals as int or float (≤ 4 places round-trip exactly), enums as text."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return json_number(value)
    return value


def questionnaire_yaml(q: Questionnaire, comment: str | None = None) -> str:
    """Render an edition as a YAML 1.2 document that :func:`kipmonev.load_questionnaire` loads back equal.

    Values equal to their defaults are left out, so the file reads like a hand-written one.

    Args:
        q: The edition.
        comment: A first-line comment, such as where the edition came from.
    """
    data = CommentedMap(_plain(q.model_dump(by_alias=True, exclude_defaults=True)))
    if comment:
        data.yaml_set_start_comment(comment)
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.ignore_aliases = lambda *_: True
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def write_questionnaire_yaml(q: Questionnaire, path: str | os.PathLike[str], comment: str | None = None, *, protect: Iterable[Path] = ()) -> Path:
    """Write :func:`questionnaire_yaml` atomically (a temporary file, then a rename).

    Args:
        q: The edition.
        path: The ``.yaml`` file to write.
        comment: A first-line comment.
        protect: Input files that must never be overwritten.

    Raises:
        ValueError: ``path`` is one of ``protect``.
        OSError: The folder cannot be written.
    """
    target = Path(path)
    write_atomic(target, questionnaire_yaml(q, comment), protect=protect)
    return target
