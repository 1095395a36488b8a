"""kpu_sitemap: a page's noindex mark is read once and read again only after it changed."""

import os

from kpu_sitemap.handlers import says_noindex
from kpu_sitemap.model import NOINDEX, page_url


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
