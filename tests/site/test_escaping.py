"""Metadata containing HTML is shown as text, never run (Jinja autoescape)."""

import pytest

from tests.conftest import build, soup, write_content

HOSTILE = """\
Title: <script>alert("judul")</script> Rapat pleno
Date: 2024-02-14 09:30
Category: berita
Divisi: teknis-penyelenggaraan
Tags: <b>tebal</b>, aman
Author: <img src=x onerror=alert(1)>
Summary: Ringkasan biasa.

Isi berita.
"""


HOSTILE_PPID = """\
Judul: <script>alert("ppid")</script> Laporan
Klasifikasi: berkala
Kelompok: kinerja
Tahun: 2024
Tanggal: 2025-01-02
Ringkasan: <img src=x onerror=alert(2)> ringkasan
Penguasa_Informasi: <b>Subbagian</b>
Penanggung_Jawab: Sekretaris
Waktu_Pembuatan: Januari 2025
Tempat_Pembuatan: Kantor
Bentuk: elektronik
Retensi: 5 tahun
"""


OUR_SCRIPTS = {
    "/theme/js/dip-filter.js",
    "/theme/js/share.js",
    "/theme/js/search.js",
    "/pagefind/pagefind-ui.js",
}


def _scripts_other_than_ours(page):
    return [
        s
        for s in page.find_all("script")
        if s.get("src") not in OUR_SCRIPTS and s.get("type") != "application/ld+json"
    ]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    content = write_content(
        base / "content", {"berita/a.md": HOSTILE, "ppid/laporan.md": HOSTILE_PPID}
    )
    (content / "images").mkdir()
    return build(base / "out", PATH=str(content))


def test_a_script_in_a_title_is_shown_as_text(hostile_site):
    page = soup(next((hostile_site / "berita").glob("*/*/index.html")))
    assert _scripts_other_than_ours(page) == []
    assert page.h1.get_text() == '<script>alert("judul")</script> Rapat pleno'
    assert "<script>" in page.title.get_text()


def test_html_in_author_and_tags_never_becomes_markup(hostile_site):
    for path in hostile_site.rglob("*.html"):
        page = soup(path)
        assert _scripts_other_than_ours(page) == [], path
        assert not page.find(attrs={"onerror": True}), path
        assert page.find("b") is None, path


def test_html_in_ppid_fields_is_shown_as_text(hostile_site):
    page = soup(hostile_site / "ppid" / "laporan" / "index.html")
    assert page.h1.get_text() == '<script>alert("ppid")</script> Laporan'
    dip = soup(hostile_site / "ppid" / "daftar-informasi-publik" / "index.html")
    assert "<img src=x onerror=alert(2)> ringkasan" in dip.get_text()
