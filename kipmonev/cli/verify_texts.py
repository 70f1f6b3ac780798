"""Lines the round's verification commands print (``assign``, ``verify-pack``, ``verify-collect``, ``second-opinion``, ``verify-status``, ``verify-decide``)."""

from __future__ import annotations

from kipmonev.core.catalogue import Text

ASSIGNED = Text("{body}: {old} → {new}")
ASSIGNED_SUMMARY = Text("Penugasan dicatat: {count} badan publik berganti atau mendapat verifikator.")
ASSIGNED_NONE = Text("Penugasan tidak berubah.")
WARNING = Text("Peringatan: {message}")
PACKS_WRITTEN = Text("Paket verifikasi ditulis: {count} berkas di {folder}.")
PACKS_UNASSIGNED = Text("Tanpa verifikator, tidak dibuatkan paket ({count}): {ids}. Tugaskan dengan kipmonev round assign.")
PACK_RECORDED = Text("{file} [{body}, {verifier}, peran {role}]: {recorded} putusan dicatat, {unchanged} tidak berubah.")
PACK_REFUSED = Text("{file}: ditolak.")
COLLECT_SUMMARY = Text("Dikumpulkan {count} paket: {ok} diterima, {refused} ditolak.")
SAMPLE_SUMMARY = Text("Sampel pendapat kedua: {items} dari {total} pertanyaan ({percent}%, benih {seed}), {bodies} badan publik.")
SAMPLE_BODY = Text("- {body}: {count} pertanyaan untuk {verifier} ({codes})")
SAMPLE_NEXT = Text("Paket pendapat kedua: kipmonev round verify-pack {folder} --second")
LOAD_HEADER = ("VERIFIKATOR", "BADAN PUBLIK", "SELESAI", "PERTANYAAN", "DIPUTUSKAN")
PAIR_TITLE = Text("Kesepakatan pendapat kedua:")
PAIR_HEADER = ("VERIFIKATOR UTAMA", "PENDAPAT KEDUA", "PERTANYAAN", "SEPAKAT", "PERSEN", "KAPPA")
NOT_VERIFIED_TITLE = Text("Belum diverifikasi ({count} badan publik):")
NOT_VERIFIED_BODY = Text("- {body} {name} ({verifier}): {count} pertanyaan: {items}")
CLASH_MARK = Text("{code} di {cell} (beda putusan)")
CLASH_TITLE = Text("Beda putusan untuk pleno ({count}):")
CLASH_LINE = Text("- {body} {code}: {first} '{first_verdict}' vs {second} '{second_verdict}'")
NO_VERIFIER = Text("(belum ditugaskan)")
UNDEFINED = Text("tak terdefinisi")
DECIDED = Text("Putusan pleno dicatat: {body} {code} = '{verdict}' (putusan {verifier}).")
