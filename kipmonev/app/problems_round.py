"""Problems the round's use cases report (the round folder itself)."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry

ROUND_EXISTS = Entry("KM-R-080", ERROR, "folder ini sudah berisi putaran (putaran.yaml ada). Satu folder memuat satu putaran. Pakai folder lain atau lanjutkan putaran yang ada.")
NO_EDITIONS = Entry("KM-R-081", ERROR, "tidak ada edisi kuesioner bawaan untuk tahun {year}. Tahun yang tersedia: {years}. Pilih tahun lain dengan --year atau tulis edisinya di putaran.yaml.")
NO_INPUTS = Entry("KM-R-082", ERROR, "tidak ada berkas untuk diterima. Perintah ini menerima berkas atau folder berisi isian. Periksa jalurnya.")
NOTHING_TO_SCORE = Entry("KM-R-084", ERROR, "belum ada isian yang dapat dinilai. Rekap dibuat dari versi berlaku setiap badan publik. Terima isian dengan 'kipmonev round receive' terlebih dahulu.")
