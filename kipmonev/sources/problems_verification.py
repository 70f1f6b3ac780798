"""Problems reading the verifiers' assignment file."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry, Text

ASSIGNMENT_UNREADABLE = Entry("KM-V-030", ERROR, "berkas penugasan tidak dapat dibaca ({reason}). Simpan sebagai CSV UTF-8 dengan kolom ID atau Kategori, dan Verifikator.")
ASSIGNMENT_HEADER = Entry("KM-V-031", ERROR, "berkas penugasan harus memiliki kolom Verifikator dan kolom ID atau Kategori pada baris pertama; ditemukan: {found}.")
ASSIGNMENT_SUMMARY = Text("Berkas penugasan tidak dapat dipakai.")
NOT_UTF8 = Text("bukan UTF-8")
