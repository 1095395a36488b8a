"""Divisions, feeds, the feeds page, OPML, type-specific boxes and the publishing report."""

import datetime
import hashlib
import json
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import feedparser
import pytest
from pelican.readers import Readers

from kpu_content.model import DEFAULT_CONTENT_TYPES
from kpu_report.model import month_window
from tests.conftest import ROOT, make_settings, soup

OFFICE = make_settings()["KPU_OFFICE"]
DIVISION_SLUGS = [d["slug"] for d in OFFICE["divisions"]] + [OFFICE["secretariat"]["slug"]]


@pytest.fixture(scope="module")
def news():
    """Published news items as their files say: slug -> (date, type, divisions)."""
    reader = Readers(make_settings()).readers["md"]
    items = {}
    for path in sorted((ROOT / "content" / "berita").glob("*.md")):
        _body, meta = reader.read(str(path))
        if meta.get("status", "published") != "published":
            continue
        slug = path.stem[11:] if path.stem[:4].isdigit() else path.stem
        divisions = [d.strip() for d in str(meta["divisi"]).split(",")]
        items[slug] = (meta["date"], str(meta["category"]), divisions)
    return items


def _slug_of(link):
    return link.rstrip("/").rsplit("/", 1)[-1]


def test_each_division_page_lists_exactly_its_items(built_site, news):
    for slug in DIVISION_SLUGS:
        expected = [s for s, (_d, _t, divs) in news.items() if slug in divs]
        listed = []
        page_path = built_site / "divisi" / slug / "index.html"
        while page_path:
            page = soup(page_path)
            listed += [_slug_of(a["href"]) for a in page.select(".kpu-card__title a")]
            nxt = page.find("a", rel="next")
            page_path = built_site / nxt["href"].lstrip("/") / "index.html" if nxt else None
        assert sorted(listed) == sorted(expected), slug
        dates = [news[s][0] for s in listed]
        assert dates == sorted(dates, reverse=True)


def test_division_page_names_its_lead_and_description(built_site):
    division = OFFICE["divisions"][0]
    page = soup(built_site / "divisi" / division["slug"] / "index.html")
    assert page.h1.get_text(strip=True) == division["name"]
    text = page.get_text(" ")
    assert division["commissioner"] in text
    assert " ".join(division["description"].split()) in " ".join(text.split())
    index = soup(built_site / "divisi" / "index.html")
    assert len(index.select(".kpu-subpages__item")) == len(DIVISION_SLUGS)


def test_home_has_a_section_per_division_with_items(built_site, news):
    page = soup(built_site / "index.html")
    cards = page.select(".kpu-division-card")
    with_items = [s for s in DIVISION_SLUGS if any(s in divs for _d, _t, divs in news.values())]
    assert len(cards) == len(with_items)
    for card in cards:
        assert 1 <= len(card.select("li")) <= 3


def _feed(site, path):
    parsed = feedparser.parse((site / path).read_bytes())
    assert not parsed.bozo, (path, parsed.bozo_exception)
    return parsed


def _check_atom(parsed):
    assert parsed.version == "atom10"
    assert parsed.feed.id and parsed.feed.updated
    for entry in parsed.entries:
        assert entry.id and entry.updated and entry.link.startswith("https://")
        assert entry.get("author"), entry.link


def _check_rss(parsed):
    assert parsed.version == "rss20"
    for entry in parsed.entries:
        assert entry.id and entry.published and entry.link.startswith("https://")


def test_division_feeds_hold_exactly_their_items_newest_first(published_site, news):
    for slug in DIVISION_SLUGS:
        expected = sorted(
            (s for s, (_d, _t, divs) in news.items() if slug in divs),
            key=lambda s: news[s][0],
            reverse=True,
        )
        for kind, check in (("atom", _check_atom), ("rss", _check_rss)):
            parsed = _feed(published_site, f"feeds/divisi/{slug}.{kind}.xml")
            check(parsed)
            assert [_slug_of(e.link) for e in parsed.entries] == expected, (slug, kind)


def test_an_item_with_two_divisions_is_in_both_feeds(published_site, news):
    shared = [s for s, (_d, _t, divs) in news.items() if len(divs) == 2]
    assert shared
    for slug in shared:
        for division in news[slug][2]:
            parsed = _feed(published_site, f"feeds/divisi/{division}.atom.xml")
            assert slug in [_slug_of(e.link) for e in parsed.entries]


def test_site_and_type_feeds_are_valid(published_site, news):
    _check_atom(_feed(published_site, "feeds/semua.atom.xml"))
    _check_rss(_feed(published_site, "feeds/semua.rss.xml"))
    for content_type in {t for _d, t, _divs in news.values()}:
        parsed = _feed(published_site, f"feeds/jenis/{content_type}.atom.xml")
        _check_atom(parsed)
        expected = {s for s, (_d, t, _divs) in news.items() if t == content_type}
        assert {_slug_of(e.link) for e in parsed.entries} == expected


def test_feed_ids_are_stable_across_builds(published_site, tmp_path):
    from tests.conftest import PUBLISH_CONF, build

    again = build(tmp_path / "again", conf=PUBLISH_CONF)
    for path in ("feeds/semua.atom.xml", "feeds/divisi/hukum-pengawasan.rss.xml"):
        first = [e.id for e in _feed(published_site, path).entries]
        assert first == [e.id for e in _feed(again, path).entries]


def test_feeds_page_and_opml_list_every_feed_written(published_site):
    written = {
        str(p.relative_to(published_site)) for p in (published_site / "feeds").rglob("*.xml")
    }
    page = soup(published_site / "feeds" / "index.html")
    listed = {a["href"].split("/", 3)[3] for a in page.select(".kpu-feeds a")}
    assert listed == written
    root = ElementTree.fromstring((published_site / "feeds" / "semua.opml").read_bytes())
    urls = [o.get("xmlUrl").split("/", 3)[3] for o in root.iter("outline") if o.get("xmlUrl")]
    # One subscription per feed: the Atom copy where there is one, the RSS copy otherwise.
    subjects = {path.replace(".rss.xml", "").replace(".atom.xml", "") for path in written}
    assert len(urls) == len(set(urls)) == len(subjects)
    assert {u.replace(".rss.xml", "").replace(".atom.xml", "") for u in urls} == subjects
    assert all(u.endswith(".atom.xml") or u.replace(".rss.", ".atom.") not in written for u in urls)


def test_category_feeds_are_titled_with_the_type_label(published_site):
    labels = make_settings().get("KPU_CONTENT_TYPES", DEFAULT_CONTENT_TYPES)
    checked = 0
    for path in (published_site / "feeds" / "jenis").glob("*.atom.xml"):
        slug = path.name.removesuffix(".atom.xml")
        title = _feed(published_site, f"feeds/jenis/{path.name}").feed.title
        assert title.endswith(" - " + labels[slug]), title
        checked += 1
    assert checked >= 3


def test_feed_autodiscovery_on_matching_pages(published_site):
    division = soup(published_site / "divisi" / "teknis-penyelenggaraan" / "index.html")
    alternates = {link["href"] for link in division.find_all("link", rel="alternate")}
    assert any(h.endswith("/feeds/divisi/teknis-penyelenggaraan.atom.xml") for h in alternates)
    assert any(h.endswith("/feeds/divisi/teknis-penyelenggaraan.rss.xml") for h in alternates)
    category = soup(published_site / "kategori" / "opini" / "index.html")
    alternates = {link["href"] for link in category.find_all("link", rel="alternate")}
    assert any(h.endswith("/feeds/jenis/opini.atom.xml") for h in alternates)


def test_report_counts_equal_a_count_from_the_content(built_site, news):
    zone = ZoneInfo(make_settings()["TIMEZONE"])
    window = month_window(datetime.datetime.now(zone).date(), 12)
    inside = {s: v for s, v in news.items() if (v[0].year, v[0].month) in window}
    page = soup(built_site / "laporan" / "publikasi" / "index.html")
    division_table, type_table = page.select("table.kpu-report-table")
    for slug in DIVISION_SLUGS:
        row = division_table.find("tr", attrs={"data-series": slug})
        counts = [int(td.get_text()) for td in row.find_all("td")]
        for i, (year, month) in enumerate(window):
            expected = sum(
                1
                for date, _t, divs in inside.values()
                if slug in divs and (date.year, date.month) == (year, month)
            )
            assert counts[i] == expected, (slug, year, month)
        assert counts[-1] == sum(1 for _d, _t, divs in inside.values() if slug in divs)
    for row in type_table.select("tbody tr"):
        total = int(row.find_all("td")[-1].get_text())
        assert total == sum(1 for _d, t, _divs in inside.values() if t == row["data-series"])
    footer = [int(td.get_text()) for td in type_table.tfoot.find_all("td")]
    assert footer[-1] == len(inside)
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("svg", attrs={"role": "img"}) is not None
    menu = [a["href"] for a in page.select(".kpu-nav a")]
    assert "/laporan/publikasi/" not in menu


def test_hoax_clarification_has_the_box_and_claim_review(built_site, news):
    hoaxes = [s for s, (_d, t, _divs) in news.items() if t == "klarifikasi-hoaks"]
    assert hoaxes
    date = news[hoaxes[0]][0]
    page = soup(built_site / "berita" / str(date.year) / hoaxes[0] / "index.html")
    box = page.find("aside", class_="kpu-hoax")
    assert "Putusan:" in box.get_text() and box.find("blockquote").get_text(strip=True)
    assert box.find("a")["href"].startswith("https://")
    data = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    (review,) = [d for d in data if d["@type"] == "ClaimReview"]
    assert review["claimReviewed"] == box.find("blockquote").get_text(strip=True)


def test_announcement_shows_number_and_downloadable_attachments(built_site, news):
    found = 0
    for slug, (date, content_type, _divs) in news.items():
        if content_type != "pengumuman":
            continue
        page = soup(built_site / "berita" / str(date.year) / slug / "index.html")
        rows = page.select(".kpu-files .kpu-file")
        if not rows:
            continue
        meta = page.find("dl", class_="kpu-article-meta").get_text(" ")
        assert "Nomor" in meta
        # An announcement is its files: they come before the text.
        files = page.select_one(".kpu-files")
        prose = page.select_one(".kpu-prose")
        assert files.sourceline < prose.sourceline
        for row in rows:
            link = row.find("a", class_="kpu-file__action")
            if link["href"].startswith("https://"):
                continue
            data = (built_site / link["href"].lstrip("/")).read_bytes()
            assert row.select_one(".kpu-file__format").get_text(strip=True) == "PDF"
            assert row.select_one(".kpu-file__size").get_text(strip=True).endswith("KB")
            shown = row.select_one("details .kpu-file__hash").get_text(strip=True)
            assert shown == hashlib.sha256(data).hexdigest()
            found += 1
    assert found >= 3
