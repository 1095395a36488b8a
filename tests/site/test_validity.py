"""Every built page passes the Nu Html Checker; search engines get sitemap, robots, icons."""

import json
import shutil
import subprocess
from urllib.robotparser import RobotFileParser
from xml.etree import ElementTree

import pytest

from kpu_search.indexer import LANGUAGE
from tests.conftest import PUBLISH_CONF, ROOT, html_pages, make_settings, soup

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_passes_the_nu_html_checker(built_site):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("vnu.jar of Java ontbreekt: jalankan `npm ci` (dan pasang Java).")
    pages = sorted(str(p) for p in built_site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages],
        capture_output=True,
        text=True,
    )
    assert len(pages) > 100
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr[:5000]


def test_sitemap_lists_every_public_page_and_nothing_hidden(published_site):
    siteurl = make_settings(PUBLISH_CONF)["SITEURL"]
    tree = ElementTree.parse(published_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {loc.text for loc in tree.findall(".//s:loc", ns)}
    for must in (
        "/",
        "/berita/",
        "/ppid/daftar-informasi-publik/",
        "/ppid/laporan-keuangan-2024/",
        "/divisi/hukum-pengawasan/",
        "/profil/sejarah/",
    ):
        assert siteurl + must in urls, must
    assert not any("/sosial/" in u or "/laporan/" in u for u in urls)
    assert siteurl + "/404.html" not in urls
    robots = (published_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {siteurl}/sitemap.xml" in robots and "Disallow: /laporan/" in robots


def test_robots_txt_of_the_local_build_names_no_relative_sitemap(built_site):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and "Sitemap:" not in robots


def test_no_share_image_is_closed_to_crawlers_by_robots_txt(published_site):
    # Link-preview crawlers (X's, LinkedIn's) honour robots.txt: a blocked image is no image.
    parser = RobotFileParser()
    parser.parse((published_site / "robots.txt").read_text(encoding="utf-8").splitlines())
    checked = 0
    for path in html_pages(published_site):
        page = soup(path)
        for key in ("og:image", "twitter:image"):
            tag = page.find("meta", property=key) or page.find("meta", attrs={"name": key})
            if tag is None:
                continue
            for agent in ("*", "Twitterbot", "LinkedInBot", "facebookexternalhit"):
                assert parser.can_fetch(agent, tag["content"]), (path, key, agent)
            checked += 1
    assert checked > 200


def test_icons_manifest_and_theme_colour(published_site):
    page = soup(published_site / "index.html")
    manifest_link = page.find("link", rel="manifest")["href"]
    manifest = json.loads((published_site / manifest_link.split("/")[-1]).read_text("utf-8"))
    assert manifest["lang"] == "id" and manifest["start_url"].startswith("https://")
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for name in ("favicon.ico", "apple-touch-icon.png", "icon-192.png", "icon-512.png"):
        assert (published_site / name).stat().st_size > 0
    assert page.find("meta", attrs={"name": "theme-color"})["content"].startswith("#")
    assert page.find("link", rel="apple-touch-icon") is not None


def test_every_page_has_a_description_and_a_canonical_url(published_site):
    for path in html_pages(published_site):
        if "sosial" in path.parts:
            continue
        page = soup(path)
        description = page.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) > 20, path
        canonical = page.find("link", rel="canonical")
        assert canonical and canonical["href"].startswith("https://"), path


def test_search_index_covers_news_pages_and_ppid_only(built_site):
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) == {LANGUAGE}
    news = len(list((built_site / "berita").glob("[0-9][0-9][0-9][0-9]/*/index.html")))
    ppid_items = len(
        soup(built_site / "ppid" / "daftar-informasi-publik" / "index.html").select("tr[data-row]")
    )
    indexed = entry["languages"][LANGUAGE]["page_count"]
    assert news + ppid_items < indexed < news + ppid_items + 30
    for page in ("index.html", "berita/index.html", "laporan/publikasi/index.html"):
        assert "data-pagefind-body" not in (built_site / page).read_text("utf-8")


def test_the_search_index_is_written_inside_the_output_only(built_site):
    assert (built_site / "pagefind" / "pagefind-entry.json").exists()
    assert not (ROOT / "pagefind").exists(), "a build wrote a search index into the project"
