"""Telling OLE2 compound files apart (an old .xls, an encrypted .xlsx) by their directory alone."""

from __future__ import annotations

import struct
from pathlib import Path

_OLE_FREE = 0xFFFFFFFA  # sector numbers from here up are markers (end of chain, free, FAT, DIFAT)


def ole_names(path: Path) -> set[str] | None:
    """The stream and storage names in an OLE2 compound file's directory, or ``None`` when it is damaged.

    Only the header, the FAT sectors on the directory's chain and the directory itself are read, so an
    encrypted workbook is recognised wherever its directory lies, in a few reads.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(512)
            if len(header) < 512:
                return None
            shift = struct.unpack_from("<H", header, 30)[0]
            if shift not in (9, 12):
                return None
            size = 1 << shift
            per_sector = size // 4
            difat = [n for n in struct.unpack_from("<109I", header, 76) if n < _OLE_FREE]
            next_difat, difat_count = struct.unpack_from("<II", header, 68)
            for _ in range(min(difat_count, 64)):  # further FAT sectors of files beyond ~7 MB (512-byte sectors)
                if next_difat >= _OLE_FREE:
                    break
                handle.seek((next_difat + 1) * size)
                block = handle.read(size)
                if len(block) < size:
                    return None
                entries = struct.unpack_from(f"<{per_sector}I", block)
                difat += [n for n in entries[:-1] if n < _OLE_FREE]
                next_difat = entries[-1]
            names: set[str] = set()
            sector = struct.unpack_from("<I", header, 48)[0]
            for _ in range(1024):  # directory sectors read at most
                if sector >= _OLE_FREE:
                    return names
                handle.seek((sector + 1) * size)
                block = handle.read(size)
                if len(block) < size:
                    return None
                for offset in range(0, size, 128):
                    length = struct.unpack_from("<H", block, offset + 64)[0]
                    if 2 <= length <= 64 and block[offset + 66] in (1, 2, 5):
                        names.add(block[offset : offset + length - 2].decode("utf-16-le", errors="replace"))
                index, slot = divmod(sector, per_sector)
                if index >= len(difat):
                    return None
                handle.seek((difat[index] + 1) * size + slot * 4)
                link = handle.read(4)
                if len(link) < 4:
                    return None
                sector = struct.unpack("<I", link)[0]
            return None
    except OSError:
        return None
