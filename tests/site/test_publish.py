"""The publish build: absolute URLs, feeds that parse, a clean output folder."""

import feedparser

from tests.conftest import PUBLISH_CONF, build, make_settings, soup


def test_links_and_assets_are_absolute_in_the_publish_build(published_site):
    siteurl = make_settings(PUBLISH_CONF)["SITEURL"]
    assert siteurl.startswith("https://")
    page = soup(published_site / "index.html")
    assert page.find("link", rel="stylesheet")["href"].startswith(siteurl + "/theme/css/kpu.")
    assert page.find("link", rel="canonical")["href"] == siteurl + "/"
    menu = [a["href"] for a in page.select(".kpu-nav a")]
    assert all(href.startswith(siteurl) for href in menu)


def test_site_feeds_parse_and_are_discoverable(published_site):
    page = soup(published_site / "index.html")
    alternates = {link["type"]: link["href"] for link in page.find_all("link", rel="alternate")}
    assert set(alternates) == {"application/atom+xml", "application/rss+xml"}
    for name in ("semua.atom.xml", "semua.rss.xml"):
        feed = feedparser.parse((published_site / "feeds" / name).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert len(feed.entries) >= 15
        assert all(entry.link.startswith("https://") for entry in feed.entries)


def test_publish_build_empties_the_output_folder_first(tmp_path):
    stale = tmp_path / "out" / "lama" / "basi.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("sisa build lama")
    build(tmp_path / "out", conf=PUBLISH_CONF)
    assert not stale.exists()
    assert (tmp_path / "out" / "index.html").exists()
