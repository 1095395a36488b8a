"""The sample site's content: pages, lists, dates and the per-type structure."""

import re

from tests.conftest import soup

INDONESIAN_DATE = re.compile(
    r"^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), [1-9]\d? "
    r"(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) "
    r"\d{4}, \d{2}\.\d{2} (WIB|WITA|WIT)$"
)


def _articles(site):
    return sorted((site / "berita").glob("[0-9][0-9][0-9][0-9]/*/index.html"))


def test_sample_has_enough_news_over_every_division_and_type(built_site):
    articles = [soup(p) for p in _articles(built_site)]
    assert len(articles) >= 15
    types, divisions = set(), set()
    for page in articles:
        meta = page.find("dl", class_="kpu-article-meta")
        rows = {r.dt.get_text(strip=True): r.dd.get_text(strip=True) for r in meta.find_all("div")}
        types.add(rows["Jenis"])
        divisions.update(d.strip() for d in rows["Divisi"].split(";"))
    assert {"Berita", "Features", "Opini", "Pengumuman"} <= types
    assert len([d for d in divisions if d.startswith("Divisi ")]) == 5


def test_article_dates_are_full_indonesian_dates(built_site):
    for path in _articles(built_site):
        time = soup(path).find("dl", class_="kpu-article-meta").find("time")
        assert INDONESIAN_DATE.match(time.get_text(strip=True)), (path, time.get_text())


def test_seed_article_date_is_tuesday_25_may_2021(built_site):
    dates = [soup(p).find("dl", class_="kpu-article-meta").time for p in _articles(built_site)]
    texts = [t.get_text(strip=True) for t in dates if t["datetime"].startswith("2021-05-25")]
    assert texts and texts[0].startswith("Selasa, 25 Mei 2021")


def test_profile_pages_exist_with_breadcrumbs(built_site):
    for slug in (
        "sejarah",
        "visi-misi",
        "tugas-dan-wewenang",
        "struktur-organisasi",
        "profil-anggota",
    ):
        page = soup(built_site / "profil" / slug / "index.html")
        crumbs = [li.get_text(strip=True) for li in page.select(".kpu-breadcrumbs li")]
        assert crumbs[:2] == ["Beranda", "Profil"], slug
    profile = soup(built_site / "profil" / "index.html")
    links = {a["href"] for a in profile.select(".kpu-subpages a")}
    assert "/profil/sejarah/" in links and "/profil/visi-misi/" in links


def test_lists_are_paginated_with_links_that_exist(built_site):
    page = soup(built_site / "berita" / "index.html")
    assert len(page.select(".kpu-card")) == 10
    pager = page.find("nav", attrs={"aria-label": "Halaman daftar"})
    targets = [a["href"] for a in pager.find_all("a")]
    assert "/berita/halaman/2/" in targets
    assert (built_site / "berita" / "halaman" / "2" / "index.html").exists()


def test_category_tag_archive_and_404_pages_exist(built_site):
    for rel in (
        "kategori/index.html",
        "kategori/pengumuman/index.html",
        "kategori/opini/index.html",
        "tag/index.html",
        "arsip/index.html",
        "404.html",
        "kontak/index.html",
        "ppid/index.html",
    ):
        assert (built_site / rel).exists(), rel
    archive = soup(built_site / "arsip" / "index.html").get_text(" ")
    assert "Mei 2021" in archive


def test_contact_page_shows_the_configured_contacts(built_site):
    from tests.conftest import make_settings

    office = make_settings()["KPU_OFFICE"]
    text = soup(built_site / "kontak" / "index.html").get_text(" ")
    assert office["address"] in text and office["email"] in text


def test_one_stylesheet_bundle_with_every_component(built_site):
    page = soup(built_site / "index.html")
    sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert len(sheets) == 1 and re.match(r"^/theme/css/kpu\.[0-9a-f]{10}\.css$", sheets[0])
    css = (built_site / sheets[0].lstrip("/")).read_text(encoding="utf-8")
    assert "--kpu-red" in css and ".kpu-card" in css and ".kpu-nav" in css


def test_menu_marks_the_current_section_and_nothing_on_the_404_page(built_site):
    def current(page):
        return [a.get_text(strip=True) for a in soup(page).select(".kpu-nav a[aria-current]")]

    assert current(built_site / "index.html") == ["Beranda"]
    assert current(built_site / "berita" / "index.html") == ["Berita"]
    assert current(built_site / "404.html") == []


def test_breadcrumbs_never_repeat_a_step(built_site):
    checked = 0
    for page in sorted(built_site.glob("berita/[0-9]*/*/index.html")):
        labels = [li.get_text(strip=True) for li in soup(page).select(".kpu-breadcrumbs__item")]
        assert all(a != b for a, b in zip(labels, labels[1:], strict=False)), (page, labels)
        badge = soup(page).select_one(".kpu-article__type .kpu-badge")
        if "kpu-badge--berita" in badge["class"]:
            assert labels[:2] == ["Beranda", "Berita"] and len(labels) == 3
            checked += 1
    assert checked >= 3


def test_pages_few_open_link_their_own_stylesheet_after_the_bundle(built_site):
    bundle = None
    for path, own in (
        ("tahapan/index.html", "kpu-tahapan"),
        ("ppid/laporan-layanan/2025/index.html", "kpu-laporan-layanan"),
        ("ppid/kesiapan/index.html", "kpu-kesiapan"),
    ):
        sheets = [
            link["href"] for link in soup(built_site / path).find_all("link", rel="stylesheet")
        ]
        assert len(sheets) == 2 and re.match(rf"^/theme/css/{own}\.[0-9a-f]{{10}}\.css$", sheets[1])
        assert (built_site / sheets[1].lstrip("/")).stat().st_size > 200
        bundle = bundle or sheets[0]
        assert sheets[0] == bundle
    css = (built_site / bundle.lstrip("/")).read_text(encoding="utf-8")
    assert ".kpu-timeline" not in css and ".kpu-service-report__summary" not in css
    assert ".kpu-home-stages__item" in css  # the home panel is in the bundle
    home = soup(built_site / "index.html").find_all("link", rel="stylesheet")
    assert [link["href"] for link in home] == [bundle]
