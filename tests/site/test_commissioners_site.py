"""The commissioners' page is generated from KPU_OFFICE: names, roles, divisions, photos."""

import copy
import shutil

import pytest
from PIL import Image

from kpu_office.model import OfficeConfigError
from tests.conftest import ROOT, build, make_settings, soup

PAGE = "profil/profil-anggota/index.html"


def _cards(site):
    page = soup(site / PAGE)
    return [
        (
            card.select_one(".kpu-person-card__name").get_text(strip=True),
            card.select_one(".kpu-person-card__role").get_text(strip=True),
            card.select_one(".kpu-person-card__unit a")["href"],
        )
        for card in page.select(".kpu-person-card")
    ]


def test_the_sample_page_lists_the_office_block_chair_first(built_site):
    office = make_settings()["KPU_OFFICE"]
    cards = _cards(built_site)
    assert cards[0] == ("Nama Ketua (contoh)", "Ketua", "/divisi/keuangan-umum-logistik/")
    assert cards[1] == ("Henry Sofyan Rois", "Anggota", "/divisi/sosialisasi-parmas-sdm/")
    assert [name for name, _r, _u in cards[:-1]] == [d["commissioner"] for d in office["divisions"]]
    assert cards[-1] == ("Nama Sekretaris (contoh)", "Sekretaris", "/divisi/sekretariat/")
    for _name, _role, url in cards:
        assert (built_site / url.strip("/") / "index.html").is_file(), url


def test_the_page_keeps_its_address_menu_and_introduction(built_site):
    page = soup(built_site / PAGE)
    assert page.h1.get_text(strip=True) == "Profil Anggota"
    assert "data contoh" in page.select_one(".kpu-prose").get_text()
    profile = soup(built_site / "profil" / "index.html")
    assert "/profil/profil-anggota/" in {a["href"] for a in profile.select(".kpu-subpages a")}
    # Without a photo: initials, hidden from screen readers (the name follows as text).
    avatar = page.select_one(".kpu-person-card__initials")
    assert avatar.get_text() == "NK" and avatar["aria-hidden"] == "true"


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """The sample with a new chair's name and a photo (with GPS in its EXIF) for another."""
    base = tmp_path_factory.mktemp("anggota")
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "images" / "anggota").mkdir()
    photo = Image.new("RGB", (300, 400), "#777777")
    exif = Image.Exif()
    exif[0x8825] = {2: (7.0, 18.0, 0.0)}  # GPSInfo: latitude
    photo.save(content / "images" / "anggota" / "henry.jpg", quality=70, exif=exif)
    office = copy.deepcopy(make_settings()["KPU_OFFICE"])
    office["divisions"][0]["commissioner"] = "Siti Rahmawati"
    office["divisions"][1]["photo"] = "images/anggota/henry.jpg"
    return build(base / "out", PATH=str(content), KPU_OFFICE=office)


def test_a_changed_name_shows_after_a_rebuild(renamed):
    cards = _cards(renamed)
    assert cards[0][0] == "Siti Rahmawati"
    assert "Nama Ketua (contoh)" not in (renamed / PAGE).read_text(encoding="utf-8")


def test_a_photo_goes_through_the_image_pipeline(renamed):
    card = soup(renamed / PAGE).select(".kpu-person-card")[1]
    img = card.select_one("picture img")
    assert img["alt"] == "Foto Henry Sofyan Rois"
    assert img["src"].startswith("/images/henry-") and img["width"] == "300"
    published = renamed / img["src"].lstrip("/")
    assert "exif" not in Image.open(published).info
    assert not (renamed / "images" / "anggota" / "henry.jpg").exists()  # original not copied


def test_a_missing_photo_stops_the_build_naming_the_key(tmp_path):
    office = copy.deepcopy(make_settings()["KPU_OFFICE"])
    office["divisions"][2]["photo"] = "images/anggota/tidak-ada.jpg"
    with pytest.raises(OfficeConfigError) as error:
        build(tmp_path / "out", KPU_OFFICE=office)
    assert (
        'KPU_OFFICE["divisions"] nomor 3["photo"]: berkas "content/images/anggota/tidak-ada.jpg" '
        "tidak ditemukan" in str(error.value)
    )


def test_a_name_changed_between_two_builds_of_one_site_is_shown(tmp_path):
    """The second build reuses unchanged pages (kpu_incremental): this one must be redrawn."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    office = copy.deepcopy(make_settings()["KPU_OFFICE"])
    common = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}
    build(tmp_path / "out", KPU_OFFICE=office, **common)
    assert _cards(tmp_path / "out")[2][0] == "Nama Anggota (contoh)"
    office["divisions"][2]["commissioner"] = "Budi Santoso"
    build(tmp_path / "out", KPU_OFFICE=office, **common)
    assert _cards(tmp_path / "out")[2][0] == "Budi Santoso"
    division = soup(tmp_path / "out" / "divisi" / "perencanaan-data-informasi" / "index.html")
    assert "Budi Santoso" in division.get_text()
