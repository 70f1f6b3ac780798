"""Indonesian for click's own messages (usage, help headings, parameter errors).

Click looks its texts up through ``gettext``; this module points those look-ups of the click modules at
a fixed Indonesian table, so help and usage errors read in one language. It is installed by
``kipmonev.cli`` only, never by the library.
"""

from __future__ import annotations

import importlib

_TEXTS = {
    "Usage:": "Penggunaan:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Positional arguments": "Argumen",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Try '{command} {option}' for help.": "Lihat '{command} {option}' untuk bantuan.",
    "Error: {message}": "Galat: {message}",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Missing argument": "Argumen wajib belum diisi",
    "Missing option": "Opsi wajib belum diisi",
    "Missing parameter": "Parameter wajib belum diisi",
    "Missing parameter: {param_name}": "Parameter wajib belum diisi: {param_name}",
    "Missing {param_type}": "{param_type} wajib belum diisi",
    "Missing command.": "Perintah belum diberikan.",
    "No such command {name!r}.": "Perintah {name!r} tidak dikenal.",
    "No such option {name!r}.": "Opsi {name!r} tidak dikenal.",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Aborted!": "Dibatalkan.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ditemukan.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder, bukan berkas.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "file": "Berkas",
    "directory": "Folder",
    "path": "Jalur",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "default: {default}": "bawaan: {default}",
    "required": "wajib",
    "Got unexpected extra argument ({args})": "Ada argumen yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen yang tidak dikenal ({args})",
    "Did you mean {possibility}?": "Mungkin maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mungkin maksud Anda salah satu dari: {possibilities}?)",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
}

_MODULES = ("click.core", "click.exceptions", "click.types", "click.formatting", "click.parser", "click.decorators", "click.termui")


def _gettext(message: str) -> str:
    return _TEXTS.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _TEXTS.get(singular if n == 1 else plural, singular if n == 1 else plural)


def install() -> None:
    """Point click's message look-ups at the Indonesian table (idempotent)."""
    for name in _MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            setattr(module, "_", _gettext)  # noqa: B010 - the attribute is click's private gettext alias
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", _ngettext)  # noqa: B010
