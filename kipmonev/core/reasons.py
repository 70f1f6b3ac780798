"""Why an operation failed, in Bahasa Indonesia, for the brackets of a problem's message (rule R1).

R1: a person never reads the system's English text (``[Errno 13] Permission denied``, ``File is not a
zip file``, ``UnicodeDecodeError``). An :class:`OSError` is told by its ``errno`` (a permission error says
to close the file in Excel, which holds it locked on Windows); a damaged archive, a truncated file or text
that is not UTF-8 by its kind; anything else as an unexpected error naming its kind, for the maintainers.
"""

from __future__ import annotations

import errno
import zipfile
import zlib

from kipmonev.core import problems_reasons as t
from kipmonev.core.catalogue import Text

__all__ = ["reason"]

_BY_ERRNO: dict[int, Text] = {
    errno.EACCES: t.PERMISSION,
    errno.EPERM: t.PERMISSION,
    errno.EBUSY: t.BUSY,
    errno.ETXTBSY: t.BUSY,
    errno.ENOENT: t.NOT_FOUND,
    errno.EEXIST: t.EXISTS,
    errno.EISDIR: t.IS_FOLDER,
    errno.ENOTDIR: t.NOT_FOLDER,
    errno.ENOSPC: t.DISK_FULL,
    errno.EDQUOT: t.DISK_FULL,
    errno.EROFS: t.READ_ONLY,
    errno.ENAMETOOLONG: t.NAME_TOO_LONG,
    errno.EMFILE: t.TOO_MANY_OPEN,
    errno.ENFILE: t.TOO_MANY_OPEN,
    errno.ELOOP: t.LINK_LOOP,
    errno.EIO: t.DEVICE,
}


def reason(error: BaseException, *, otherwise: Text | None = None) -> str:
    """The Indonesian reason for ``error`` (rule R1); ``otherwise`` names what an error of another kind means here."""
    if isinstance(error, OSError) and error.errno is not None:
        known = _BY_ERRNO.get(error.errno)
        return known.text() if known is not None else t.SYSTEM.text(errno=str(error.errno))
    if isinstance(error, zipfile.BadZipFile):
        return t.ZIP_DAMAGED.text()
    if isinstance(error, zlib.error):
        return t.COMPRESSED_DAMAGED.text()
    if isinstance(error, EOFError):
        return t.TRUNCATED.text()
    if isinstance(error, UnicodeDecodeError):
        return t.NOT_UTF8.text(line=bytes(error.object[: error.start]).count(b"\n") + 1)
    if isinstance(error, RuntimeError) and "encrypted" in str(error):  # zipfile: "File … is encrypted, password required"
        return t.ENCRYPTED.text()
    if otherwise is not None:
        return otherwise.text()
    if isinstance(error, OSError):  # raised by a library (olefile, zipfile) without a system error number
        return t.SYSTEM_PLAIN.text()
    if isinstance(error, NotImplementedError):
        return t.UNSUPPORTED.text()
    return t.UNEXPECTED.text(kind=type(error).__name__)
