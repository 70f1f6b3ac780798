"""Telling OLE2 compound files apart (an old .xls, an encrypted .xlsx) by their directory alone."""

from __future__ import annotations

import struct
from pathlib import Path

import olefile

# What olefile may raise on a damaged or hostile directory, besides its own OleFileError (an OSError).
_DAMAGED = (OSError, EOFError, ValueError, IndexError, KeyError, struct.error, RecursionError)


def ole_names(path: Path) -> set[str] | None:
    """The stream and storage names in an OLE2 compound file's directory, or ``None`` when it is damaged.

    olefile reads the header, the FAT and the directory, not the streams, so an encrypted workbook is
    recognised wherever its directory lies.
    """
    try:
        with olefile.OleFileIO(str(path)) as ole:
            return {part for entry in ole.listdir(streams=True, storages=True) for part in entry}
    except _DAMAGED:
        return None
