"""kpu_sitemap: noindex marks are read once per change; robots.txt leaves share images open."""

import os
from urllib.robotparser import RobotFileParser

import pytest

from kpu_sitemap.handlers import says_noindex
from kpu_sitemap.model import NOINDEX, SCHEMA, closed_share_folders, page_url, robots_txt


def _page(path, head):
    path.write_text(f"<!doctype html><html><head>{head}</head><body></body></html>", "utf-8")
    return str(path)


def test_noindex_is_read_from_the_page_head(tmp_path):
    seen = {}
    assert says_noindex(_page(tmp_path / "cari.html", NOINDEX), {}, seen)
    assert not says_noindex(_page(tmp_path / "berita.html", "<title>Berita</title>"), {}, seen)
    assert sorted(os.path.basename(p) for p in seen) == ["berita.html", "cari.html"]


def test_an_unchanged_page_is_not_read_again(tmp_path):
    path = _page(tmp_path / "a.html", "<title>A</title>")
    seen = {}
    says_noindex(path, {}, seen)
    size, mtime_ns, _ = seen[path]
    # What the memo says wins while size and time stamp match: the file is not opened.
    assert says_noindex(path, {path: (size, mtime_ns, True)}, {})


def test_a_rewritten_page_is_read_again(tmp_path):
    path = _page(tmp_path / "a.html", "<title>A</title>")
    seen = {}
    says_noindex(path, {}, seen)
    size, mtime_ns, _ = seen[path]
    _page(tmp_path / "a.html", NOINDEX)
    os.utime(path, ns=(mtime_ns + 10**9, mtime_ns + 10**9))
    assert says_noindex(path, {path: (size, mtime_ns, False)}, {})


def test_page_urls_drop_index_html():
    assert page_url("https://kpu.example", "index.html") == "https://kpu.example/"
    assert page_url("https://kpu.example", "berita/index.html") == "https://kpu.example/berita/"
    assert page_url("https://kpu.example", "404.html") == "https://kpu.example/404.html"


@pytest.mark.parametrize(
    ("siteurl", "expected"),
    [
        ("https://kpu.example", "Sitemap: https://kpu.example/sitemap.xml"),
        ("https://kpu.example/", "Sitemap: https://kpu.example/sitemap.xml"),
        ("", None),
        ("/situs", None),
    ],
)
def test_robots_names_the_sitemap_only_by_an_absolute_url(siteurl, expected):
    lines = robots_txt(siteurl, "sitemap.xml", ["laporan"]).splitlines()
    assert lines[:2] == ["User-agent: *", "Disallow: /laporan/"]
    sitemap_lines = [line for line in lines if line.startswith("Sitemap:")]
    assert sitemap_lines == ([expected] if expected else [])


def test_robots_leaves_the_share_cards_open_by_default():
    disallowed = {s.key: s.default for s in SCHEMA}["KPU_ROBOTS_DISALLOW"]
    parser = RobotFileParser()
    parser.parse(robots_txt("https://kpu.example", "sitemap.xml", disallowed).splitlines())
    for agent in ("*", "Twitterbot", "LinkedInBot"):
        assert parser.can_fetch(agent, "https://kpu.example/sosial/a/kartu-1200x630-1.jpg")
        assert not parser.can_fetch(agent, "https://kpu.example/laporan/")


@pytest.mark.parametrize(
    ("disallowed", "closed"),
    [
        (("laporan",), []),
        (("sosial", "laporan"), ["sosial"]),
        (("images/asli",), ["images/asli"]),
        (("sosialisasi",), []),
    ],
)
def test_a_folder_of_share_images_may_not_be_closed_to_crawlers(disallowed, closed):
    problems = closed_share_folders(disallowed, ("sosial", "images"))
    assert [p.split('"')[1] for p in problems] == closed
    assert all("Hapus" in p for p in problems)
