import copy
import datetime
import re

import pytest
from PIL import Image, ImageColor, ImageDraw

from kpu_office import brand
from kpu_office.model import (
    derived_settings,
    office_now,
    office_zone,
    social_links,
    tel_href,
    unit_slugs,
    units,
    validate_office,
    zone_name,
)
from tests.conftest import ROOT, make_settings


@pytest.fixture
def office():
    return copy.deepcopy(make_settings()["KPU_OFFICE"])


def test_the_sample_block_is_valid(office):
    assert validate_office(office) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda o: o.update(timezone="WITB"), 'KPU_OFFICE["timezone"] = "WITB" tidak dikenal'),
        (lambda o: o.pop("email"), 'KPU_OFFICE["email"] wajib diisi'),
        (
            lambda o: o.update(site_url="kab-x.kpu.go.id"),
            'KPU_OFFICE["site_url"] harus alamat lengkap',
        ),
        (
            lambda o: o["social"].update(x="x.com/kpu"),
            'KPU_OFFICE["social"]["x"] harus alamat lengkap',
        ),
        (
            lambda o: o["social"].update(friendster="https://f.com"),
            'jaringan "friendster" tidak dikenal',
        ),
        (lambda o: o.update(divisions=[]), 'KPU_OFFICE["divisions"] wajib berisi daftar divisi'),
        (
            lambda o: o["divisions"][1].update(slug=o["divisions"][0]["slug"]),
            "sudah dipakai divisi lain",
        ),
        (lambda o: o["divisions"][0].pop("commissioner"), '"commissioner" wajib diisi'),
        (
            lambda o: o["divisions"][0].update(slug="Keuangan Umum"),
            'KPU_OFFICE["divisions"] nomor 1: slug "Keuangan Umum" hanya boleh huruf kecil, angka '
            'dan tanda hubung, misalnya "keuangan-umum".',
        ),
        (
            lambda o: o["divisions"][2].update(slug="data_informasi"),
            'KPU_OFFICE["divisions"] nomor 3: slug "data_informasi" hanya boleh huruf kecil, '
            'angka dan tanda hubung, misalnya "data-informasi".',
        ),
        (
            lambda o: o["divisions"][1].update(slug="sosialisasi--sdm-"),
            'KPU_OFFICE["divisions"] nomor 2: slug "sosialisasi--sdm-" tidak boleh diawali atau '
            "diakhiri tanda hubung, atau memuat dua tanda hubung berturut-turut, misalnya "
            '"sosialisasi-sdm".',
        ),
        (
            lambda o: o["secretariat"].update(slug="Sekretariat KPU"),
            'KPU_OFFICE["secretariat"]: slug "Sekretariat KPU" hanya boleh huruf kecil, angka dan '
            'tanda hubung, misalnya "sekretariat-kpu".',
        ),
    ],
)
def test_mistakes_in_the_block_are_named(office, change, expected):
    change(office)
    problems = validate_office(office)
    assert any(expected in p for p in problems), problems


def test_several_mistakes_are_reported_together(office):
    office.pop("phone")
    office["timezone"] = "GMT"
    assert len(validate_office(office)) == 2


def test_derived_settings_follow_the_block(office):
    office["timezone"] = "WIT"
    derived = derived_settings(office)
    assert derived["SITENAME"] == office["name"]
    assert derived["TIMEZONE"] == "Asia/Jayapura"
    assert derived["KPU_TIMEZONE_LABEL"] == "WIT"
    assert derived["KPU_PHONE_HREF"] == tel_href(office["phone"])


def test_social_links_keep_footer_order_and_skip_empty_accounts():
    links = social_links({"youtube": "https://y", "x": "https://x", "tiktok": ""})
    assert [link["network"] for link in links] == ["x", "youtube"]
    assert links[0]["label"] == "X (Twitter)"


@pytest.mark.parametrize("slug", ["teknis", "hukum-dan-ham", "dapil2", "2024-pemilu"])
def test_lowercase_slugs_with_single_hyphens_pass(office, slug):
    office["divisions"][0]["slug"] = slug
    office["secretariat"]["slug"] = f"sekretariat-{slug}"
    assert validate_office(office) == []


@pytest.mark.parametrize(
    ("label", "zone", "offset"),
    [("WIB", "Asia/Jakarta", 7), ("WITA", "Asia/Makassar", 8), ("WIT", "Asia/Jayapura", 9)],
)
def test_office_now_is_aware_and_in_the_office_zone(office, label, zone, offset):
    office["timezone"] = label
    settings = {"KPU_OFFICE": office, "TIMEZONE": "UTC"}  # the block decides, not TIMEZONE
    before = datetime.datetime.now(datetime.UTC)
    now = office_now(settings)
    assert str(office_zone(settings)) == zone_name(office) == zone
    assert now.utcoffset() == datetime.timedelta(hours=offset)
    assert before <= now <= datetime.datetime.now(datetime.UTC)


def test_an_unknown_zone_label_falls_back_to_wib_until_the_block_is_checked(office):
    office["timezone"] = "GMT"
    assert zone_name(office) == "Asia/Jakarta"


def test_units_are_the_divisions_in_order_then_the_secretariat(office):
    listed = units(office)
    slugs = [d["slug"] for d in office["divisions"]] + [office["secretariat"]["slug"]]
    assert [unit["slug"] for unit in listed] == slugs == unit_slugs(office)
    assert [unit["secretariat"] for unit in listed] == [False] * len(office["divisions"]) + [True]
    assert listed[0]["lead"] == office["divisions"][0]["commissioner"]
    assert listed[-1]["lead"] == office["secretariat"]["head"]
    assert listed[-1]["description"] == office["secretariat"]["description"]


def test_units_leave_the_block_unchanged(office):
    before = copy.deepcopy(office)
    units(office)[0]["name"] = "Diubah"
    assert office == before


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("(0293) 491 000", "tel:0293491000"),
        ("+62 293 491000", "tel:+62293491000"),
        ("0293-491000", "tel:0293-491000"),
    ],
)
def test_tel_href_drops_spaces_and_brackets(phone, href):
    assert tel_href(phone) == href


def _tokens():
    css = (ROOT / "theme" / "static" / "css" / "tokens.css").read_text(encoding="utf-8")
    return dict(re.findall(r"(--kpu-[a-z-]+):\s*(#[0-9a-f]{6})", css))


def test_the_palette_is_the_stylesheet_s():
    tokens = _tokens()
    named = {
        "--kpu-red-dark": brand.RED,
        "--kpu-red-darker": brand.RED_DARKER,
        "--kpu-ink": brand.INK,
        "--kpu-ink-muted": brand.MUTED,
        "--kpu-white": brand.WHITE,
    }
    assert {token: tokens[token] for token in named} == named
    types = [value for token, value in tokens.items() if token.startswith("--kpu-type-")]
    assert list(brand.DIVISION_COLOURS[: len(types)]) == types
    footer = (ROOT / "theme" / "static" / "css" / "footer.css").read_text(encoding="utf-8")
    assert all(c in footer for c in brand.DIVISION_COLOURS[len(types) :])


def test_the_emblem_is_drawn_in_the_palette_at_any_size_and_place():
    image = Image.new("RGB", (200, 200), "#000000")
    brand.draw_emblem(ImageDraw.Draw(image), 100, 50, 96)  # twice the 48 px design
    assert image.getbbox() == (100, 50, 197, 147)  # nothing drawn outside the emblem
    for point, colour in [
        ((102, 100), brand.RED),  # the rounded square, at its left edge
        ((125, 70), brand.RED),  # beside the roof
        ((148, 70), brand.WHITE),  # the roof
        ((148, 92), brand.RED_DARKER),  # the slot
        ((148, 110), brand.WHITE),  # the box
    ]:
        assert image.getpixel(point) == ImageColor.getrgb(colour), point
