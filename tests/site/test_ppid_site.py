"""The PPID section of the built sample: DIP, DIK, item pages, open data and feeds."""

import csv
import hashlib
import io
import json
from pathlib import Path

import feedparser
import pikepdf
import pytest
from pelican.readers import Readers

from kpu_attachments import format_size
from kpu_national_dik.model import adopted, read_entries
from kpu_ppid.settings import DEFAULT_GROUPS
from tests.conftest import ROOT, make_settings, soup

DIP = Path("ppid/daftar-informasi-publik")
DIK = Path("ppid/informasi-dikecualikan")
COLUMNS = [
    "No.",
    "Judul informasi",
    "Ringkasan isi informasi",
    "Pejabat/unit yang menguasai informasi",
    "Penanggung jawab pembuatan/penerbitan",
    "Waktu dan tempat pembuatan",
    "Bentuk informasi",
    "Jangka waktu penyimpanan",
    "Tautan",
]


@pytest.fixture(scope="module")
def sample_items():
    """The sample PPID items as their files say, read independently of the plugin."""
    reader = Readers(make_settings()).readers["md"]
    items = {}
    for path in sorted((ROOT / "content" / "ppid").glob("*.md")):
        _body, metadata = reader.read(str(path))
        items[path.stem] = metadata
    # Each year's request register adds the service report to the DIP (kpu_service_report).
    for register in sorted((ROOT / "content" / "ppid" / "register").glob("*.csv")):
        items[f"laporan-layanan-informasi-{register.stem}"] = {
            "judul": f"Laporan Layanan Informasi Publik Tahun {register.stem}",
            "klasifikasi": "setiap-saat",
            "kelompok": "laporan-layanan-informasi",
            "tahun": register.stem,
        }
    return items


def _rows(page):
    return page.select("tr[data-row]")


def test_sample_covers_every_class_several_groups_and_years(sample_items):
    classes = {m["klasifikasi"] for m in sample_items.values()}
    assert classes == {"berkala", "serta-merta", "setiap-saat", "dikecualikan"}
    assert len(sample_items) >= 12
    assert len({m["kelompok"] for m in sample_items.values()}) >= 6
    assert len({m["tahun"] for m in sample_items.values()}) >= 3


def test_dip_table_has_the_law_columns_caption_and_scopes(built_site):
    page = soup(built_site / DIP / "index.html")
    tables = page.select("table.kpu-dip-table")
    assert [t.caption.get_text(" ", strip=True).split(" (")[0] for t in tables] == [
        "Informasi Berkala",
        "Informasi Serta Merta",
        "Informasi Setiap Saat",
    ]
    for table in tables:
        headers = [th.get_text(strip=True) for th in table.thead.find_all("th")]
        assert headers == COLUMNS
        assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
        for group in table.find_all("tbody"):
            assert group.find("th", scope="rowgroup") is not None
            assert all(row.find("th", scope="row") for row in group.select("tr[data-row]"))


def test_dip_rows_equal_the_non_exempt_content_and_are_numbered(built_site, sample_items):
    page = soup(built_site / DIP / "index.html")
    rows = _rows(page)
    public = {slug for slug, m in sample_items.items() if m["klasifikasi"] != "dikecualikan"}
    assert {row["id"] for row in rows} == public
    assert [int(row.td.get_text()) for row in rows] == list(range(1, len(public) + 1))
    for row in rows:
        assert row["data-klasifikasi"] == sample_items[row["id"]]["klasifikasi"]
        link = row.find("a", class_="kpu-dip-table__link")
        assert link["href"] == f"/ppid/{row['id']}/"
        assert (built_site / "ppid" / row["id"] / "index.html").exists()


def test_groups_follow_the_configured_order(built_site):
    groups = DEFAULT_GROUPS
    page = soup(built_site / DIP / "index.html")
    berkala = page.select("table.kpu-dip-table")[0]
    labels = [th.get_text(strip=True) for th in berkala.select("th[scope=rowgroup]")]
    order = list(groups["berkala"].values())
    assert labels == sorted(labels, key=order.index)


def test_prebuilt_views_narrow_by_class_and_year(built_site, sample_items):
    for klasifikasi in ("berkala", "setiap-saat"):
        page = soup(built_site / DIP / klasifikasi / "index.html")
        expected = {s for s, m in sample_items.items() if m["klasifikasi"] == klasifikasi}
        assert {row["id"] for row in _rows(page)} == expected
    year = "2024"
    page = soup(built_site / DIP / "tahun" / year / "index.html")
    expected = {
        s
        for s, m in sample_items.items()
        if m["tahun"] == year and m["klasifikasi"] != "dikecualikan"
    }
    assert {row["id"] for row in _rows(page)} == expected
    current = page.select("[data-dip-filter] a[aria-current=page]")
    assert [a.get_text() for a in current] == ["Semua klasifikasi", year]
    combined = soup(built_site / DIP / "berkala" / "tahun" / year / "index.html")
    assert {row["id"] for row in _rows(combined)} == {
        s for s in expected if sample_items[s]["klasifikasi"] == "berkala"
    }


def test_every_filter_link_leads_to_a_built_page(built_site):
    page = soup(built_site / DIP / "index.html")
    for link in page.select("[data-dip-filter] a"):
        assert (built_site / link["href"].lstrip("/") / "index.html").exists(), link["href"]


def test_dik_lists_exempt_items_without_any_document_link(built_site, sample_items):
    page = soup(built_site / DIK / "index.html")
    exempt = {s for s, m in sample_items.items() if m["klasifikasi"] == "dikecualikan"}
    # The sample also adopts the national list (kpu_national_dik, test_national_dik_site.py).
    entries, _problems = read_entries()
    exempt |= {entry.id for entry in adopted(entries, make_settings()["KPU_NATIONAL_DIK"])}
    rows = page.select("table.kpu-dip-table tbody tr")
    assert {row["id"] for row in rows} == exempt
    headers = [th.get_text(strip=True) for th in page.select("table thead th")]
    assert "Dasar hukum" in headers and "Hasil uji konsekuensi" in headers
    assert not page.select("table a")
    for slug in exempt:
        assert not (built_site / "ppid" / slug).exists()


def test_item_page_shows_fields_attachments_and_the_way_back(built_site):
    page = soup(built_site / "ppid" / "laporan-keuangan-2024" / "index.html")
    terms = [dt.get_text(strip=True) for dt in page.select(".kpu-ppid-fields dt")]
    for term in ("Ringkasan isi informasi", "Penanggung jawab pembuatan/penerbitan", "Tahun"):
        assert term in terms
    back = page.find("a", string="Lihat di Daftar Informasi Publik")
    assert back["href"] == "/ppid/daftar-informasi-publik/#laporan-keuangan-2024"


def test_attachment_sizes_and_hashes_match_the_published_files(built_site):
    checked = 0
    for item_page in (built_site / "ppid").glob("*/index.html"):
        for row in soup(item_page).select(".kpu-files .kpu-file"):
            link = row.find("a", class_="kpu-file__action")
            if link["href"].startswith("https://"):
                continue
            published = built_site / link["href"].lstrip("/")
            data = published.read_bytes()
            assert link.has_attr("download")
            assert row.select_one(".kpu-file__format").get_text(strip=True) == "PDF"
            hash_text = row.select_one("details .kpu-file__hash").get_text(strip=True)
            assert hash_text == hashlib.sha256(data).hexdigest()
            assert row.select_one(".kpu-file__size").get_text(strip=True) == format_size(len(data))
            source = ROOT / "content" / "ppid" / "lampiran" / published.name
            with pikepdf.open(source) as original, pikepdf.open(published) as clean:
                # The published copy is the gate's: the same pages, no Info, no XMP.
                assert len(clean.pages) == len(original.pages)
                assert "/Info" not in clean.trailer and "/Metadata" not in clean.Root
            checked += 1
    assert checked >= 8


def _csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_open_data_parses_and_agrees_with_the_html(built_site):
    page = soup(built_site / DIP / "index.html")
    html_rows = {
        row["id"]: [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]
        for row in _rows(page)
    }
    records = _csv(built_site / "ppid" / "daftar-informasi-publik.csv")
    document = json.loads((built_site / "ppid" / "daftar-informasi-publik.json").read_text("utf-8"))
    assert document["jumlah"] == len(records) == len(html_rows)
    assert set(document["kolom"]) == set(records[0])
    for record, from_json in zip(records, document["data"], strict=True):
        assert record["judul"] == from_json["judul"] and int(record["nomor"]) == from_json["nomor"]
        slug = record["tautan"].rstrip("/").rsplit("/", 1)[-1]
        cells = html_rows[slug]
        assert cells[0] == record["nomor"]
        assert cells[1].startswith(record["judul"]) and cells[2] == record["ringkasan"]
        assert cells[7] == record["retensi"]
    dik = _csv(built_site / "ppid" / "informasi-dikecualikan.csv")
    dik_json = json.loads((built_site / "ppid" / "informasi-dikecualikan.json").read_text("utf-8"))
    assert (
        len(dik)
        == dik_json["jumlah"]
        == len(soup(built_site / DIK / "index.html").select("tbody tr"))
    )
    assert all("lampiran" not in record for record in dik)


def test_open_data_is_linked_from_both_pages(built_site):
    for folder, name in ((DIP, "daftar-informasi-publik"), (DIK, "informasi-dikecualikan")):
        hrefs = {a["href"] for a in soup(built_site / folder / "index.html").find_all("a")}
        assert f"/ppid/{name}.csv" in hrefs and f"/ppid/{name}.json" in hrefs


def test_ppid_feed_holds_only_dip_items_and_news_feeds_hold_none(published_site, sample_items):
    feed = feedparser.parse((published_site / "feeds" / "ppid.atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    public = {s for s, m in sample_items.items() if m["klasifikasi"] != "dikecualikan"}
    slugs = {entry.link.rstrip("/").rsplit("/", 1)[-1] for entry in feed.entries}
    assert slugs == public
    for entry in feed.entries:
        assert entry.id and entry.updated and entry.link.startswith("https://")
        assert "/berita/" not in entry.link
    for news_feed in (published_site / "feeds").rglob("*.xml"):
        if news_feed.name == "ppid.atom.xml":
            continue
        parsed = feedparser.parse(news_feed.read_bytes())
        assert all("/ppid/" not in entry.link for entry in parsed.entries), news_feed


def test_ppid_items_stay_out_of_news_lists(built_site):
    for page in ("berita/index.html", "index.html", "arsip/index.html"):
        hrefs = [a["href"] for a in soup(built_site / page).select("main a")]
        assert not any(h.startswith("/ppid/") and h.count("/") > 3 for h in hrefs), page


def test_landing_page_links_dip_dik_standard_pages_and_portal_forms(built_site):
    page = soup(built_site / "ppid" / "index.html")
    hrefs = {a["href"] for a in page.select("main a")}
    for target in (
        "/ppid/daftar-informasi-publik/",
        "/ppid/informasi-dikecualikan/",
        "/ppid/profil-ppid/",
        "/ppid/maklumat-pelayanan/",
        "/ppid/prosedur-permohonan/",
        "/ppid/prosedur-keberatan/",
        "/ppid/prosedur-sengketa/",
        "/ppid/regulasi/",
        "/ppid/laporan-layanan/",
    ):
        assert target in hrefs, target
    office = make_settings()["KPU_OFFICE"]
    assert {office["ppid_request_form"], office["ppid_objection_form"]} <= hrefs


def test_home_page_links_the_dip_directly(built_site):
    hrefs = {a["href"] for a in soup(built_site / "index.html").select("main a")}
    assert "/ppid/daftar-informasi-publik/" in hrefs
