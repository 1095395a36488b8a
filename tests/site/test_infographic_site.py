"""The infographic: shown whole, with its text version tied to it; mistakes stop the build."""

import re

import pytest

from kpu_messages import ContentError
from tests.conftest import build, soup

PAGE = "berita/2026/infografis-tahapan-pemutakhiran-data-pemilih/index.html"
HEADER = (
    "Title: Infografis uji\nDate: 2026-11-27 09:00\nCategory: infografis\n"
    "Divisi: perencanaan-data-informasi\n"
)


def test_the_sample_infographic_is_shown_whole_with_a_full_size_link(built_site):
    page = soup(built_site / PAGE)
    figure = page.select_one(".kpu-article figure.kpu-infographic")
    img = figure.find("img")
    assert "kpu-infographic__image" in img["class"]
    assert img["alt"].startswith("Infografis empat tahapan")
    # Its own proportions (720 × 1280 source), not a card's 16:9 box.
    assert (int(img["width"]), int(img["height"])) == (720, 1280)
    full = figure.select_one("a.kpu-infographic__full")["href"]
    assert re.fullmatch(r"/images/infografis-pemutakhiran-data-pemilih-[0-9a-f]+-720\.jpg", full)
    assert (built_site / full.lstrip("/")).is_file()
    assert page.select(".kpu-article__figure") == []  # not the ordinary (captioned) figure


def test_the_text_version_is_under_the_image_and_describes_it(built_site):
    page = soup(built_site / PAGE)
    figure = page.select_one("figure.kpu-infographic")
    text = page.find(id=figure["aria-describedby"])
    assert text is not None and text.name == "section"
    assert text.h2.get_text(strip=True) == "Teks infografis"
    words = text.get_text(" ", strip=True)
    for fact in ("Menghimpun data", "Rapat pleno", "1.250", "860", "540"):
        assert fact in words
    # Under the image, in reading order.
    assert figure.find_next("section") is text


def test_the_infographic_card_in_lists_is_fitted_not_cropped(built_site):
    home = soup(built_site / "index.html")
    sheet = home.find("link", rel="stylesheet")["href"]
    css = (built_site / sheet.lstrip("/")).read_text(encoding="utf-8")
    rule = (
        r"\.kpu-card:has\(\.kpu-badge--infografis\) \.kpu-card__image"
        r"\s*\{[^}]*object-fit:\s*contain"
    )
    assert re.search(rule, css)
    card = home.select_one(".kpu-card:has(.kpu-badge--infografis)")
    assert card is not None and card.find("img")["alt"].startswith("Infografis")


@pytest.mark.parametrize(
    ("fields", "body", "expected"),
    [
        (
            "Image: images/infografis-pemutakhiran-data-pemilih.png\nImage_alt: Infografis uji\n",
            "Lihat gambar.\n",
            [
                "content/berita/2026-11-27-infografis-uji.md:8: isi tulisan (di bawah "
                "kolom-kolom) wajib memuat teks versi infografis, paling sedikit 150 huruf "
                "(kini 13)"
            ],
        ),
        (
            "",
            "Tahapan pemutakhiran data pemilih: menghimpun, mencocokkan, pleno, mengumumkan. " * 3,
            [
                'content/berita/2026-11-27-infografis-uji.md:3: kolom "Image" wajib diisi untuk '
                "infografis"
            ],
        ),
    ],
    ids=["without-text", "without-image"],
)
def test_a_missing_part_stops_the_build_naming_file_line_and_field(
    content_copy, tmp_path, fields, body, expected
):
    (content_copy / "berita" / "2026-11-27-infografis-uji.md").write_text(
        HEADER + fields + "\n" + body, encoding="utf-8"
    )
    with pytest.raises(ContentError) as error:
        build(tmp_path / "out", PATH=str(content_copy))
    message = str(error.value)
    for start in expected:
        assert start in message, message
    assert "Ada 1 kesalahan" in message, message
