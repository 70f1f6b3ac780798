"""Texts of the engine's verification views: how a verdict reads."""

from __future__ import annotations

from kipmonev.core.catalogue import Text

#: A checklist verdict that credits no item.
NO_ITEMS = Text("tidak ada butir")
