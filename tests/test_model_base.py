"""Every kipmonev model derives from the one frozen base (kipmonev.model.base.Frozen)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from pydantic import BaseModel, ValidationError

import kipmonev
from kipmonev.model.base import Frozen
from kipmonev.model.submission import BodyIdentity


def _models() -> list[type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for info in pkgutil.walk_packages(kipmonev.__path__, "kipmonev."):
        module = importlib.import_module(info.name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, BaseModel) and obj.__module__ == module.__name__ and obj is not Frozen:
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return [found[k] for k in sorted(found)]


@pytest.mark.parametrize("model", _models(), ids=lambda m: f"{m.__module__}.{m.__qualname__}")
def test_every_model_is_frozen_and_strict(model: type[BaseModel]) -> None:
    assert issubclass(model, Frozen)
    assert model.model_config.get("frozen") is True
    assert model.model_config.get("extra") == "forbid"


def test_frozen_refuses_unknown_keys_and_changes() -> None:
    body = BodyIdentity(name="Dinas Contoh")
    with pytest.raises(ValidationError):
        BodyIdentity.model_validate({"name": "Dinas Contoh", "nmae": "typo"})
    with pytest.raises(ValidationError):
        body.name = "Lain"  # type: ignore[misc]
