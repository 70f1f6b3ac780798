"""Texts of the round's decisions: one readable line per event kind for ``round history``."""

from __future__ import annotations

from kipmonev.core.catalogue import Text

#: One line per event kind (every key of ``model.round.EVENT_KINDS``; tests/test_round_history.py checks it).
#: Values come from the event: ``name`` (a file's name), ``outcome``, ``reason``, ``old``, ``new``, ``count``, and every key of the event's ``data`` (``butir``, ``verifikator``, ``peran``, ``jumlah``, ``daftar``).
HISTORY_LINES: dict[str, Text] = {
    "round.created": Text("Putaran dibuat untuk {new}."),
    "config.set": Text("Pengaturan putaran (putaran.yaml) dicatat."),
    "roster.set": Text("Daftar badan publik dicatat; badan publik ini {change}."),
    "file.received": Text("Berkas {name} diterima sebagai {outcome}."),
    "file.duplicate": Text("Berkas {name} diterima lagi; isinya sama persis dengan berkas yang sudah diterima."),
    "submission.current": Text("Berkas {name} menjadi versi berlaku."),
    "output.written": Text("Keluaran putaran {name} ditulis."),
    "verification.assigned": Text("Verifikator {new} ditugaskan untuk badan publik ini."),
    "verification.recorded": Text("Verifikator {verifikator} (peran {peran}) memutuskan {butir}: {new}."),
    "second_opinion.sampled": Text("{jumlah} pertanyaan ({daftar}) ditarik untuk pendapat kedua oleh {new}."),
    "verification.resolved": Text("Pleno memutuskan {butir}: {new}."),
    # sanggah (objection) round
    "sanggah.packed": Text("Paket sanggah {name} ditulis: {jumlah} pertanyaan ({daftar}), nilai verifikasi sementara {nilai}, batas sanggah {batas_teks}."),
    "sanggah.filed": Text("Sanggah atas {butir} diajukan (diterima {tanggal_teks}): '{klaim}'; jawaban yang diajukan {diajukan}; bukti baru {bukti}."),
    "sanggah.refused_late": Text("Paket sanggah {name} ditolak: diterima {tanggal_teks}, setelah batas masa sanggah {batas_teks}."),
    "sanggah.decided": Text("Sanggah atas {butir} {putusan} oleh {verifikator}: {old} → {new}, poin verifikasi {poin_sebelum} → {poin_sesudah}, nilai SAQ verifikasi {nilai_sebelum} → {nilai_sesudah}."),
    # sign-off, penetapan and corrections
    "signoff.recorded": Text("Hasil disahkan: {tingkat}, atas nilai {nilai}."),
    "penetapan.recorded": Text("Hasil ditetapkan dalam pleno dengan SK {sk} tanggal {tanggal_teks}: nilai {nilai}, {kualifikasi}."),
    "correction.recorded": Text("Nilai dikoreksi dengan SK {sk}: {old} → {new} ({kualifikasi_lama} → {kualifikasi})."),
    # later stages (presentasi/uji publik, visitasi)
    "stage.kit_written": Text("Dikirim ke tahap {nama_tahap} menurut rekap {rekap_teks}: lembar nilai {berkas} ({ruang}), panelis {panelis_teks}{konflik_teks}."),
    "stage.scored": Text("Panelis {panelis} menilai tahap {nama_tahap}: {nilai_teks} ({kriteria_teks}), dari {berkas} {tempat}{pengganti}."),
}
#: What ``roster.set`` did to the body.
ROSTER_ADDED = Text("ditambahkan ke daftar")
ROSTER_REMOVED = Text("dihapus dari daftar")
#: A file known only by its hash (not registered in this log).
UNKNOWN_FILE = Text("berkas {sha} yang tidak tercatat")
