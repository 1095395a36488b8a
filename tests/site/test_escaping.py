"""Metadata is shown as text, never run: the gate refuses tags, templates escape the rest."""

import pytest

from kpu_messages import ContentError
from tests.conftest import build, html_pages, soup, write_content

# Tags in plain-text fields stop the build (kpu_gate), written or spelt with entities. What
# passes the gate (a "<" that opens no tag, quotes, ampersands) must reach the page as text
# (Jinja autoescape).
TITLE = 'Rapat "pleno" & evaluasi <3 dan a<b'
HOSTILE = """\
Title: Rapat "pleno" & evaluasi <3 dan a<b
Date: 2024-02-14 09:30
Category: berita
Divisi: teknis-penyelenggaraan
Tags: 1<2, aman
Author: Humas "A&B" <3
Summary: Ringkasan biasa.

Isi berita.
"""


HOSTILE_PPID = """\
Judul: Laporan "kinerja" <3 & a<b
Klasifikasi: berkala
Kelompok: kinerja
Tahun: 2024
Tanggal: 2025-01-02
Ringkasan: nilai < 5 & > 3 ringkasan
Penguasa_Informasi: Subbagian "A&B"
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
    assert page.h1.get_text() == TITLE
    assert TITLE in page.title.get_text()
    raw = next((hostile_site / "berita").glob("*/*/index.html")).read_text(encoding="utf-8")
    assert "evaluasi &lt;3 dan a&lt;b" in raw and "&amp; evaluasi" in raw


def test_html_in_author_and_tags_never_becomes_markup(hostile_site):
    for path in html_pages(hostile_site):
        page = soup(path)
        assert _scripts_other_than_ours(page) == [], path
        assert not page.find(attrs={"onerror": True}), path
        assert page.find("b") is None, path


def test_html_in_ppid_fields_is_shown_as_text(hostile_site):
    page = soup(hostile_site / "ppid" / "laporan" / "index.html")
    assert page.h1.get_text() == 'Laporan "kinerja" <3 & a<b'
    dip = soup(hostile_site / "ppid" / "daftar-informasi-publik" / "index.html")
    assert "nilai < 5 & > 3 ringkasan" in dip.get_text()


def test_written_tags_in_text_fields_stop_the_build_naming_each_field(tmp_path):
    news = (
        HOSTILE.replace(TITLE, '<script>alert("judul")</script> Rapat')
        .replace("1<2", "<b>tebal</b>")
        .replace('Humas "A&B" <3', "Humas &lt;img src=x onerror=alert(1)&gt;")
    )
    ppid = (
        HOSTILE_PPID.replace('Laporan "kinerja" <3 & a<b', "<script>x</script> Laporan")
        .replace("nilai < 5 & > 3", "<img src=x onerror=alert(2)>")
        .replace('Subbagian "A&B"', "<b>Subbagian</b>")
    )
    content = write_content(tmp_path / "content", {"berita/a.md": news, "ppid/laporan.md": ppid})
    (content / "images").mkdir()
    with pytest.raises(ContentError) as error:
        build(tmp_path / "out", PATH=str(content))
    lines = str(error.value).splitlines()[1:]
    for where, field in [
        ("content/berita/a.md:1:", "Title"),
        ("content/berita/a.md:5:", "Tags"),
        ("content/berita/a.md:6:", "Author"),
        ("content/ppid/laporan.md:1:", "Judul"),
        ("content/ppid/laporan.md:6:", "Ringkasan"),
        ("content/ppid/laporan.md:7:", "Penguasa_Informasi"),
    ]:
        assert any(line.startswith(f'{where} kolom "{field}" berisi HTML') for line in lines), (
            where,
            field,
            lines,
        )
    assert not (tmp_path / "out" / "berita").exists()
