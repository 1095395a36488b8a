import datetime
from types import SimpleNamespace
from xml.etree import ElementTree

import pytest

from kpu_content.model import labelled_feed_title
from kpu_divisions.model import DEFAULTS, Feed, all_feeds, build_divisions, group_feeds, opml
from kpu_report.chart import axis_ticks, stacked_bars
from kpu_report.model import build_report, month_window

OFFICE = {
    "divisions": [
        {"slug": "teknis", "name": "Divisi Teknis", "commissioner": "A", "description": "T"},
        {"slug": "hukum", "name": "Divisi Hukum", "commissioner": "B"},
    ],
    "secretariat": {"slug": "sekretariat", "name": "Sekretariat", "head": "S"},
}
TYPES = {"berita": "Berita", "opini": "Opini"}


def _article(slug, divisions, category, date):
    return SimpleNamespace(
        slug=slug,
        divisions=[{"slug": d} for d in divisions],
        category=SimpleNamespace(slug=category, name=category),
        date=datetime.datetime.fromisoformat(date),
    )


ARTICLES = [
    _article("c", ["teknis", "hukum"], "berita", "2026-11-02 10:00"),
    _article("b", ["hukum"], "opini", "2026-06-30 23:59"),
    _article("a", ["teknis"], "berita", "2025-12-01 00:00"),
    _article("old", ["teknis"], "berita", "2025-11-30 23:59"),
]


def test_divisions_keep_config_order_secretariat_last_and_their_items():
    settings = {**DEFAULTS, "KPU_DIVISION_FEED_ATOM": "feeds/divisi/{slug}.atom.xml"}
    divisions = build_divisions(OFFICE, ARTICLES, settings)
    assert [d.slug for d in divisions] == ["teknis", "hukum", "sekretariat"]
    teknis, hukum, secretariat = divisions
    assert [a.slug for a in teknis.articles] == ["c", "a", "old"]
    assert [a.slug for a in hukum.articles] == ["c", "b"]
    assert secretariat.articles == [] and secretariat.lead_role == "Sekretaris"
    assert teknis.url == "divisi/teknis/" and teknis.feed_atom == "feeds/divisi/teknis.atom.xml"
    assert teknis.feed_rss == "" and hukum.description == ""


def test_every_configured_feed_is_listed_in_groups():
    settings = {
        "FEED_ALL_ATOM": "feeds/semua.atom.xml",
        "FEED_ALL_RSS": "feeds/semua.rss.xml",
        "CATEGORY_FEED_ATOM": "feeds/jenis/{slug}.atom.xml",
        "PPID_FEED_ATOM": "feeds/ppid.atom.xml",
        **DEFAULTS,
        "KPU_DIVISION_FEED_ATOM": "feeds/divisi/{slug}.atom.xml",
        "KPU_DIVISION_FEED_RSS": "feeds/divisi/{slug}.rss.xml",
    }
    divisions = build_divisions(OFFICE, ARTICLES, settings)
    categories = [SimpleNamespace(slug="berita", name="berita")]
    feeds = all_feeds(settings, categories, divisions, TYPES)
    assert len(feeds) == 2 + 1 + 3 * 2 + 1
    assert [group for group, _ in group_feeds(feeds)] == [
        "Semua berita",
        "Per jenis konten",
        "Per divisi",
        "Informasi publik",
    ]
    assert Feed("Per jenis konten", "Berita", "feeds/jenis/berita.atom.xml", "atom") in feeds


def test_no_feed_settings_no_feeds():
    divisions = build_divisions(OFFICE, ARTICLES, DEFAULTS)
    assert all_feeds(DEFAULTS, [], divisions, TYPES) == []


def test_opml_lists_each_feed_once_atom_first_with_absolute_urls_and_escaped_names():
    feeds = [
        Feed("Per divisi", "Hukum & Pengawasan", "feeds/divisi/hukum.rss.xml", "rss"),
        Feed("Per divisi", "Hukum & Pengawasan", "feeds/divisi/hukum.atom.xml", "atom"),
        Feed("Semua berita", "Semua berita", "feeds/semua.rss.xml", "rss"),
    ]
    root = ElementTree.fromstring(opml(feeds, "Umpan KPU", "https://kab.kpu.go.id"))
    outlines = root.findall("./body/outline/outline")
    # A reader subscribes to every outline: the division must appear once, as Atom.
    assert [o.get("xmlUrl") for o in outlines] == [
        "https://kab.kpu.go.id/feeds/divisi/hukum.atom.xml",
        "https://kab.kpu.go.id/feeds/semua.rss.xml",
    ]
    assert outlines[0].get("text") == "Hukum & Pengawasan"
    assert root.find("./head/title").text == "Umpan KPU"


def test_category_feed_title_shows_the_type_label_not_the_slug():
    labels = {"klarifikasi-hoaks": "Klarifikasi Hoaks"}
    site = "KPU Kota Contoh"
    assert (
        labelled_feed_title(f"{site} - klarifikasi-hoaks", site, labels)
        == f"{site} - Klarifikasi Hoaks"
    )
    assert labelled_feed_title(f"{site} - Divisi Teknis", site, labels) == f"{site} - Divisi Teknis"
    assert labelled_feed_title(site, site, labels) == site


@pytest.mark.parametrize(
    ("end", "months", "first", "last"),
    [
        (datetime.date(2026, 11, 28), 12, (2025, 12), (2026, 11)),
        (datetime.date(2026, 1, 5), 3, (2025, 11), (2026, 1)),
        (datetime.date(2026, 12, 31), 1, (2026, 12), (2026, 12)),
    ],
)
def test_month_window(end, months, first, last):
    window = month_window(end, months)
    assert len(window) == months and window[0] == first and window[-1] == last


def test_report_counts_per_division_type_and_month():
    divisions = [("teknis", "Teknis"), ("hukum", "Hukum"), ("sekretariat", "Sekretariat")]
    report = build_report(ARTICLES, divisions, TYPES, datetime.date(2026, 11, 28), 12)
    assert report.total == 3  # "old" is outside the window; "c" counts once overall
    teknis, hukum, secretariat = report.by_division
    assert teknis.total == 2 and hukum.total == 2 and secretariat.total == 0
    assert teknis.counts[0] == 1 and teknis.counts[-1] == 1
    berita, opini = report.by_type
    assert berita.total == 2 and opini.counts[6] == 1
    assert report.totals == [1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]


def test_chart_is_accessible_svg_with_one_bar_per_nonzero_cell():
    divisions = [("teknis", "Teknis")]
    report = build_report(ARTICLES, divisions, TYPES, datetime.date(2026, 11, 28), 12)
    labels = [f"B{i}" for i in range(12)]
    svg = stacked_bars(report, labels, "Judul <grafik>", "Uraian & data")
    root = ElementTree.fromstring(svg)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert root.get("role") == "img"
    assert root.find("svg:title", ns).text == "Judul <grafik>"
    bars = [r for r in root.findall("svg:rect", ns) if float(r.get("height")) > 12]
    assert len(bars) == 3


@pytest.mark.parametrize(
    ("largest", "top", "step"),
    [
        (0, 1, 1),
        (1, 1, 1),
        (3, 3, 1),
        (5, 5, 1),
        (6, 6, 2),
        (9, 10, 2),
        (23, 25, 5),
        (240, 250, 50),
    ],
)
def test_axis_ends_at_the_first_round_step_above_the_largest_bar(largest, top, step):
    assert axis_ticks(largest) == (top, step)
    assert top // step <= 5 and top >= largest
