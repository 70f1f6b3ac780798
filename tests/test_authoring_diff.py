"""Comparing two editions that differ in known ways, built in code from small_data()."""

from __future__ import annotations

from typing import Any

from conftest import small, small_data

from kipmonev.engine.diff import FieldChange, ItemChange, ItemRef, diff_questionnaires
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.outputs.questionnaire_diff import render_diff


def next_year() -> dict[str, Any]:
    """small_data() revised: settings, weights, one question added and one removed, six changed, rules."""
    data = small_data(
        tahap=[{"kode": "saq", "nama": "SAQ", "bobot": 80}, {"kode": "visitasi", "nama": "Visitasi", "bobot": 20}],
        gerbang={"batas": 65, "jika_tidak_lolos": "tahap_lain_nol"},
        kredit_tanpa_bukti=0.5,
        pembulatan={"tempat_desimal": 1},
    )
    data.update(tahun=2026, versi=2026011501)
    data["aturan"]["kualifikasi"][1]["batas_bawah"] = 85
    data["indikator"][0]["bobot"] = 50
    data["indikator"][1]["bobot"] = 50
    questions = data["pertanyaan"]
    questions[0].update(teks="Apakah tautan tersedia?", poin=3, bukti="dokumen")
    questions[1]["pilihan"][2]["poin"] = 4
    questions[2]["boleh_na"] = False
    questions[3]["butir"].pop()
    questions[4]["rentang"][0]["sampai"] = 7
    questions[4]["rentang"][1]["dari"] = 7
    questions[6]["syarat"] = None
    del questions[5]
    questions.append({**questions[0], "kode": "AA.2.1", "teks": "Pertanyaan baru?", "poin": 1})
    return data


def test_the_diff_lists_exactly_the_known_changes() -> None:
    diff = diff_questionnaires(small(), Questionnaire.model_validate(next_year()))
    assert diff.settings == (FieldChange(field="tahun", before="2025", after="2026"), FieldChange(field="versi", before="2025081501", after="2026011501"))
    assert diff.indicators_added == diff.indicators_removed == ()
    assert diff.indicators_changed == (
        ItemChange(code="AA", changes=(FieldChange(field="bobot", before="60", after="50"),)),
        ItemChange(code="BB", changes=(FieldChange(field="bobot", before="40", after="50"),)),
    )
    assert diff.questions_added == (ItemRef(code="AA.2.1", text="Pertanyaan baru?"),)
    assert diff.questions_removed == (ItemRef(code="BB.2.1", text="Punya unit daerah?"),)
    assert [(c.code, [(f.field, f.before, f.after) for f in c.changes]) for c in diff.questions_changed] == [
        ("AA.1.1", [("teks", "Ya/tidak bertautan?", "Apakah tautan tersedia?"), ("poin", "2", "3"), ("bukti", "tautan", "dokumen")]),
        ("AA.1.2", [("pilihan", "Tidak ada = 0; Sebagian = 1; Lengkap = 3", "Tidak ada = 0; Sebagian = 1; Lengkap = 4")]),
        ("AA.1.3", [("boleh_na", "Ya", "Tidak")]),
        ("BB.1.1", [("butir", "a. Neraca = 2; b. Arus kas = 1; c. CALK = 1", "a. Neraca = 2; b. Arus kas = 1")]),
        ("BB.1.2", [("rentang", "[0–10) = 2; [10–17) = 1; ≥ 17 = 0", "[0–7) = 2; [7–17) = 1; ≥ 17 = 0")]),
        ("BB.2.2", [("syarat", "BB.2.1 = Ya", None)]),
    ]
    assert [(f.field, f.before, f.after) for f in diff.rules] == [
        ("tahap[visitasi]", None, "nama Visitasi, bobot 20"),
        ("tahap[presentasi]", "nama Presentasi, bobot 30", None),
        ("tahap[saq].bobot", "70", "80"),
        ("gerbang", "SAQ ≥ 60, jika tidak lolos: nilai_saq", "SAQ ≥ 65, jika tidak lolos: tahap_lain_nol"),
        ("kualifikasi[menuju_informatif].batas_bawah", "80", "85"),
        ("pembulatan", "2 desimal, setengah_ke_atas", "1 desimal, setengah_ke_atas"),
        ("kredit_tanpa_bukti", "0", "0,5"),
    ]
    assert not diff.empty


def test_the_rendering_reads_as_plain_indonesian() -> None:
    text = render_diff(diff_questionnaires(small(), Questionnaire.model_validate(next_year())))
    assert text == (
        "Perbedaan kuesioner uji-kecil versi 2025081501 → uji-kecil versi 2026011501\n"
        "\n"
        "Pengaturan diubah (2):\n"
        "  tahun: 2025 → 2026\n"
        "  versi: 2025081501 → 2026011501\n"
        "\n"
        "Indikator diubah (2):\n"
        "  ~ AA\n"
        "      bobot: 60 → 50\n"
        "  ~ BB\n"
        "      bobot: 40 → 50\n"
        "\n"
        "Pertanyaan ditambahkan (1):\n"
        "  + AA.2.1  Pertanyaan baru?\n"
        "\n"
        "Pertanyaan dihapus (1):\n"
        "  - BB.2.1  Punya unit daerah?\n"
        "\n"
        "Pertanyaan diubah (6):\n"
        "  ~ AA.1.1\n"
        "      teks: Ya/tidak bertautan? → Apakah tautan tersedia?\n"
        "      poin: 2 → 3\n"
        "      bukti: tautan → dokumen\n"
        "  ~ AA.1.2\n"
        "      pilihan: Tidak ada = 0; Sebagian = 1; Lengkap = 3 → Tidak ada = 0; Sebagian = 1; Lengkap = 4\n"
        "  ~ AA.1.3\n"
        "      boleh_na: Ya → Tidak\n"
        "  ~ BB.1.1\n"
        "      butir:\n"
        "        - a. Neraca = 2; b. Arus kas = 1; c. CALK = 1\n"
        "        + a. Neraca = 2; b. Arus kas = 1\n"
        "  ~ BB.1.2\n"
        "      rentang: [0–10) = 2; [10–17) = 1; ≥ 17 = 0 → [0–7) = 2; [7–17) = 1; ≥ 17 = 0\n"
        "  ~ BB.2.2\n"
        "      syarat: BB.2.1 = Ya → (kosong)\n"
        "\n"
        "Aturan diubah (7):\n"
        "  tahap[visitasi]: (kosong) → nama Visitasi, bobot 20\n"
        "  tahap[presentasi]: nama Presentasi, bobot 30 → (kosong)\n"
        "  tahap[saq].bobot: 70 → 80\n"
        "  gerbang:\n"
        "    - SAQ ≥ 60, jika tidak lolos: nilai_saq\n"
        "    + SAQ ≥ 65, jika tidak lolos: tahap_lain_nol\n"
        "  kualifikasi[menuju_informatif].batas_bawah: 80 → 85\n"
        "  pembulatan: 2 desimal, setengah_ke_atas → 1 desimal, setengah_ke_atas\n"
        "  kredit_tanpa_bukti: 0 → 0,5\n"
    )


def test_indicators_added_removed_and_stage_order() -> None:
    old = small_data(tahap=[{"kode": "saq", "nama": "SAQ", "bobot": 70}, {"kode": "presentasi", "nama": "P", "bobot": 20}, {"kode": "visitasi", "nama": "V", "bobot": 10}])
    new = small_data(tahap=[{"kode": "saq", "nama": "SAQ", "bobot": 70}, {"kode": "visitasi", "nama": "V", "bobot": 10}, {"kode": "presentasi", "nama": "P", "bobot": 20}])
    new["indikator"][1].update(kode="CC", nama="Indikator C")
    for question in new["pertanyaan"]:
        if question["indikator"] == "BB":
            question["indikator"] = "CC"
            question["kode"] = question["kode"].replace("BB", "CC")
            if question.get("syarat"):
                question["syarat"]["pertanyaan"] = "CC.2.1"
    diff = diff_questionnaires(Questionnaire.model_validate(old), Questionnaire.model_validate(new))
    assert diff.indicators_added == (ItemRef(code="CC", text="Indikator C"),)
    assert diff.indicators_removed == (ItemRef(code="BB", text="Indikator B"),)
    assert [q.code for q in diff.questions_added] == ["CC.1.1", "CC.1.2", "CC.2.1", "CC.2.2"]
    assert diff.rules == (FieldChange(field="tahap (urutan)", before="saq, presentasi, visitasi", after="saq, visitasi, presentasi"),)


def test_identical_editions_have_an_empty_diff() -> None:
    diff = diff_questionnaires(small(), small())
    assert diff.empty
    assert render_diff(diff) == "Perbedaan kuesioner uji-kecil versi 2025081501 → uji-kecil versi 2025081501\nTidak ada perbedaan isi.\n"
