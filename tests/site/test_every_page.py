"""Checks that hold for every HTML page of the built sample site."""

import re
from urllib.parse import urlparse

import pytest

from tests.conftest import html_pages, soup

MENU = ["Beranda", "Profil", "Berita", "PPID", "Kontak"]


@pytest.fixture(scope="module")
def pages(built_site):
    found = html_pages(built_site)
    assert len(found) > 40, "the sample site should have many pages"
    return [(path.relative_to(built_site), soup(path)) for path in found]


def test_every_page_is_indonesian_with_a_title_and_one_h1(pages):
    for path, page in pages:
        assert page.html.get("lang") == "id", path
        assert page.title and page.title.string and page.title.string.strip(), path
        assert len(page.find_all("h1")) == 1, path


def test_every_page_has_the_main_menu_and_landmarks(pages):
    for path, page in pages:
        nav = page.find("nav", attrs={"aria-label": "Menu utama"})
        assert nav is not None, path
        assert [a.get_text(strip=True) for a in nav.find_all("a")][: len(MENU)] == MENU, path
        assert page.find("main", id="konten") is not None, path
        assert page.find("header") and page.find("footer"), path
        skip = page.find("a", class_="kpu-skip-link")
        assert skip is not None and skip["href"] == "#konten", path


def test_no_asset_is_loaded_from_another_host(pages):
    for path, page in pages:
        for tag, attr in (
            ("link", "href"),
            ("script", "src"),
            ("img", "src"),
            ("source", "srcset"),
        ):
            for element in page.find_all(tag):
                value = element.get(attr)
                if not value or (tag == "link" and "alternate" in element.get("rel", [])):
                    continue
                host = urlparse(value).netloc
                assert host == "", f"{path}: <{tag} {attr}={value}> loads from {host}"


def test_every_image_has_alt_text(pages):
    for path, page in pages:
        for img in page.find_all("img"):
            assert img.has_attr("alt"), f"{path}: {img}"


def test_scripts_are_ours_deferred_and_only_where_needed(pages):
    for path, page in pages:
        # JSON-LD is data, not code; everything else counts.
        scripts = [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
        assert all(s.has_attr("src") and s.has_attr("defer") for s in scripts), path
        sources = [s["src"] for s in scripts]
        if page.find(class_="kpu-video"):  # a video facade: its player script, once
            assert sources.count("/theme/js/video.js") == 1, path
            sources.remove("/theme/js/video.js")
        if str(path).startswith("ppid/daftar-informasi-publik/"):
            assert sources == ["/theme/js/dip-filter.js"], path
        elif str(path) == "cari/index.html":
            # search.js first: it starts Pagefind at once, the interface at DOMContentLoaded.
            assert sources == ["/theme/js/search.js", "/pagefind/pagefind-ui.js"], path
        elif page.find(class_="kpu-share"):
            assert sources == ["/theme/js/share.js"], path
        else:
            assert sources == [], f"{path} has a <script>"


def test_json_ld_is_valid_json_everywhere(pages):
    import json

    for path, page in pages:
        for script in page.find_all("script", type="application/ld+json"):
            assert json.loads(script.string)["@context"] == "https://schema.org", path


def test_no_english_ui_leaks_from_pelicans_default_theme(pages):
    for path, page in pages:
        text = page.get_text(" ")
        for word in ("Posted", "Read more", "Categories", "Proudly powered", "Page 1 of"):
            assert word not in text, f"{path}: {word!r}"


def test_the_footer_carries_address_contacts_and_every_social_account(pages, built_site):
    from tests.conftest import make_settings

    office = make_settings()["KPU_OFFICE"]
    for path, page in pages[:5]:
        footer = page.find("footer", class_="kpu-footer")
        text = re.sub(r"\s+", " ", footer.get_text(" "))
        assert office["address"] in text and office["phone"] in text and office["email"] in text
        hrefs = {a["href"] for a in footer.find_all("a")}
        for url in office["social"].values():
            assert url in hrefs, f"{path}: {url} missing from footer"
