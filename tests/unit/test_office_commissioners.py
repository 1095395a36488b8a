"""The commissioners' page model: initials, the people listed, photos that must exist."""

import copy

import pytest

from kpu_commissioners.model import initials, missing_photos, people
from tests.conftest import make_settings


@pytest.fixture
def office():
    return copy.deepcopy(make_settings()["KPU_OFFICE"])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Henry Sofyan Rois", "HS"),
        ("Nama Ketua (contoh)", "NK"),
        ("dr. Siti", "DS"),
        ("Ñoño", "Ñ"),
        ("", "?"),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


def test_people_lists_commissioners_then_the_secretariat_head(office):
    listed = people(office, "divisi/{slug}/")
    assert [p["name"] for p in listed][:2] == ["Nama Ketua (contoh)", "Henry Sofyan Rois"]
    assert listed[0]["role"] == "Ketua" and listed[1]["role"] == "Anggota"
    assert listed[1]["division_url"] == "divisi/sosialisasi-parmas-sdm/"
    head = listed[-1]
    assert (head["name"], head["role"], head["secretariat"]) == (
        "Nama Sekretaris (contoh)",
        "Sekretaris",
        True,
    )
    assert len(listed) == len(office["divisions"]) + 1


def test_a_photo_that_is_not_in_content_is_named(office, tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "ada.jpg").write_bytes(b"x")
    office["divisions"][0]["photo"] = "images/ada.jpg"
    office["divisions"][1]["photo"] = "images/tidak-ada.jpg"
    office["secretariat"]["photo"] = "images/Ada.jpg"
    problems = missing_photos(office, str(tmp_path))
    assert problems[0] == (
        'KPU_OFFICE["divisions"] nomor 2["photo"]: berkas "content/images/tidak-ada.jpg" tidak '
        "ditemukan. Simpan fotonya di content/images/ dan periksa ejaan namanya (huruf besar/kecil "
        "berbeda)."
    )
    assert problems[1].startswith('KPU_OFFICE["secretariat"]["photo"]: berkas "content/images/Ada')
    assert len(problems) == 2
