"""Cutting pages to what Pagefind reads (cutter.py) and keeping the cuts (fragments.py)."""

import os
import threading

import pytest
from selectolax.lexbor import LexborHTMLParser

from kpu_search import fragments
from kpu_search.cutter import cut_page
from kpu_search.indexer import IndexingStopped, run_pagefind
from tests.site.test_differential import tree


def page(body, head="<title>Judul</title>", html='<html lang="id">'):
    return f"<!doctype html>\n{html}<head>{head}</head><body>{body}</body></html>".encode()


def cut(data):
    result = cut_page(data)
    return None if result is None else result.decode("utf-8")


def parsed(text):
    return LexborHTMLParser(text)


ARTICLE = "<article data-pagefind-body><h1>Rapat pleno</h1><p>Isi berita.</p></article>"
CHROME = '<header><nav><a href="/">Beranda</a></nav></header>'


@pytest.mark.parametrize(
    "body",
    [
        "<main><p>Tanpa penanda.</p></main>",
        "<p>Teks yang menyebut data-pagefind-body tanpa menjadi atribut.</p>",
        "<p data-pagefind-ignore>Diabaikan</p>",
    ],
    ids=["no marker", "marker in text only", "other attribute only"],
)
def test_a_page_without_a_body_element_has_no_fragment(body):
    assert cut_page(page(body)) is None


def test_the_fragment_holds_the_lang_the_title_and_the_body_only():
    text = cut(page(CHROME + ARTICLE + "<footer>Kaki</footer>"))
    tree_ = parsed(text)
    assert tree_.root.attributes == {"lang": "id"}
    assert tree_.head.css_first("title").text() == "Judul"
    assert [n.tag for n in tree_.body.iter()] == ["article"]
    assert tree_.css_first("article").text() == "Rapat plenoIsi berita."
    assert "Beranda" not in text and "Kaki" not in text


def test_every_html_attribute_is_kept():
    text = cut(page(ARTICLE, html='<html lang="en" dir="ltr">'))
    assert parsed(text).root.attributes == {"lang": "en", "dir": "ltr"}


def test_two_body_elements_are_both_kept_in_order():
    second = "<aside data-pagefind-body><p>Kedua</p></aside>"
    body = parsed(cut(page(ARTICLE + CHROME + second))).body
    assert [n.tag for n in body.iter()] == ["article", "aside"]


def test_a_body_inside_a_body_is_kept_once():
    nested = "<div data-pagefind-body><p>Luar</p><div data-pagefind-body>Dalam</div></div>"
    text = cut(page(nested))
    assert text.count("Dalam") == 1


def test_marked_elements_outside_the_body_are_carried_over():
    head = (
        '<title>Judul</title><meta charset="utf-8">'
        '<meta data-pagefind-meta="image[content]" content="/gambar.jpg" property="og:image">'
    )
    body = (
        '<span data-pagefind-filter="Jenis:Berita"></span>'
        '<p data-pagefind-sort="tanggal">2024-02-14</p>' + CHROME + ARTICLE
    )
    tree_ = parsed(cut(page(body, head=head)))
    meta = tree_.head.css_first("meta[data-pagefind-meta]")
    assert meta.attributes["content"] == "/gambar.jpg"
    assert tree_.head.css_first("meta[charset]") is None  # nothing Pagefind reads
    assert [n.tag for n in tree_.body.iter()] == ["span", "p", "article"]


def test_an_ignored_element_outside_the_body_is_kept_only_if_it_holds_marks():
    plain = "<div data-pagefind-ignore><p>Menu</p></div>"
    holding = '<div data-pagefind-ignore="all"><span data-pagefind-filter="X:y"></span></div>'
    assert "Menu" not in cut(page(plain + ARTICLE))
    assert 'data-pagefind-filter="X:y"' in cut(page(holding + ARTICLE))


def test_non_ascii_text_is_kept_as_it_is():
    body = "<article data-pagefind-body><p>Pemilu — “jujur” &amp; adil: ḍ, é, 選挙</p></article>"
    text = cut(page(body))
    assert "Pemilu — “jujur” &amp; adil: ḍ, é, 選挙" in text


def test_headings_and_images_outside_the_body_are_carried_over_in_order():
    body = '<img src="/logo.svg" alt="Logo"><nav><h1>Situs</h1></nav>' + ARTICLE
    tree_ = parsed(cut(page(body)))
    assert [n.tag for n in tree_.body.iter()] == ["img", "h1", "article"]


@pytest.mark.parametrize(
    "data",
    [
        page('<main data-pagefind-filter="Jenis:Berita">' + ARTICLE + "</main>"),
        page(ARTICLE).replace(b"<body>", b"<body data-pagefind-meta='x:y'>"),
        page("<p>Isi</p>").replace(b"<body>", b"<body data-pagefind-body>"),
        page(ARTICLE).replace(b"Isi berita.", "Isi berita é.".encode("latin-1")),
    ],
    ids=["marked around the body", "marked <body>", "body on <body>", "not UTF-8"],
)
def test_a_page_that_cannot_be_cut_without_doubt_is_kept_whole(data):
    assert cut_page(data) == data


# Pagefind reads the same from fragments as from the pages ----------------------------------

PAGES = {
    "index.html": page(CHROME + "<p>Beranda tanpa badan.</p>"),
    "berita/a/index.html": page(
        CHROME + ARTICLE + '<span data-pagefind-filter="Tahun">2024</span>',
        head='<title>A</title><meta data-pagefind-meta="ringkas[content]" content="Ringkas">',
    ),
    "berita/b/index.html": page(
        '<article data-pagefind-body><h1>Pencalonan</h1><h2 id="syarat">Syarat</h2>'
        "<p>Persyaratan calon <span data-pagefind-ignore>tersembunyi</span> bupati.</p>"
        '<img src="/b.jpg" alt="Foto"></article><aside data-pagefind-body>Lain</aside>'
    ),
    # Pagefind's default title is the page's first <h1>, its image the first <img> after it.
    "judul-di-luar.html": page(
        '<img src="/logo.svg" alt="Logo"><h1>Judul di luar</h1><img src="/kedua.jpg" alt="K">'
        '<article data-pagefind-body><p>Isi tanpa judul.</p><img src="/dalam.jpg" alt="D">'
        "</article>"
    ),
    "judul-di-menu.html": page(
        "<nav data-pagefind-ignore><h1>Situs</h1></nav><header><h1>Kedua</h1></header>"
        "<article data-pagefind-body><h1>Judul dalam</h1><p>Isi.</p></article>"
    ),
    "ppid/c.html": page(
        '<div data-pagefind-ignore="all"><span data-pagefind-filter="Jenis:PPID"></span></div>'
        "<article data-pagefind-body><p>Daftar informasi publik.</p></article>",
        html='<html lang="en">',
    ),
}


# The kept fragments below: three pages with a body, one without.
STORE = {
    name: PAGES[name]
    for name in ("index.html", "berita/a/index.html", "berita/b/index.html", "ppid/c.html")
}


def write_site(folder, pages=STORE):
    for name, data in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def test_pagefind_indexes_the_fragments_as_it_indexes_the_pages(tmp_path):
    site = write_site(tmp_path / "site", PAGES)
    made = fragments.refresh(site, tmp_path / "kept")
    assert (made.pages, made.read, made.cut) == (5, 6, 5)
    run_pagefind(site, tmp_path / "full" / "pagefind")
    run_pagefind(made.site, tmp_path / "cut" / "pagefind")
    assert tree(tmp_path / "cut") == tree(tmp_path / "full")


# The kept fragments ------------------------------------------------------------------------


def test_only_changed_pages_are_read_again(tmp_path):
    site = write_site(tmp_path / "site")
    fragments.refresh(site, tmp_path / "kept")
    again = fragments.refresh(site, tmp_path / "kept")
    assert (again.read, again.cut, again.removed) == (0, 0, 0)
    changed = site / "berita" / "a" / "index.html"
    changed.write_bytes(changed.read_bytes().replace(b"Isi berita.", b"Isi baru."))
    os.utime(site / "index.html", ns=(1, 1))  # same bytes, new time stamp: not read again
    after = fragments.refresh(site, tmp_path / "kept")
    assert (after.read, after.cut) == (1, 1)
    assert (
        b"Isi baru." in (tmp_path / "kept" / "pages" / "berita" / "a" / "index.html").read_bytes()
    )


def test_only_what_pagefind_reads_makes_a_new_fragment(tmp_path):
    site = write_site(tmp_path / "site")
    fragments.refresh(site, tmp_path / "kept")
    changed = site / "berita" / "a" / "index.html"
    changed.write_bytes(changed.read_bytes().replace(b"Beranda", b"Halaman depan"))
    after = fragments.refresh(site, tmp_path / "kept")
    assert (after.read, after.cut) == (1, 0)


def test_fragments_of_pages_gone_or_without_a_body_are_deleted(tmp_path):
    site = write_site(tmp_path / "site")
    fragments.refresh(site, tmp_path / "kept")
    (site / "ppid" / "c.html").unlink()
    (site / "berita" / "b" / "index.html").write_bytes(page("<p>Tanpa badan lagi.</p>"))
    after = fragments.refresh(site, tmp_path / "kept")
    kept = tmp_path / "kept" / "pages"
    assert sorted(p.relative_to(kept).as_posix() for p in kept.rglob("*.html")) == [
        "berita/a/index.html"
    ]
    assert (after.pages, after.cut, after.removed) == (1, 1, 1)
    assert not (kept / "ppid").exists()


def test_a_fragment_left_by_a_killed_build_is_not_trusted(tmp_path, capsys):
    site = write_site(tmp_path / "site")
    fragments.refresh(site, tmp_path / "kept")
    kept = tmp_path / "kept" / "pages"
    # A killed build: a fragment replaced and a temporary file left, the ledger never saved.
    (kept / "berita" / "a" / "index.html").write_bytes(b"<html><body>setengah")
    (kept / "berita" / "a" / ".index.html.999.tmp").write_bytes(b"<html>")
    (kept / "sisa.html").write_bytes(b"<html><body data-pagefind-body>asing</body></html>")
    after = fragments.refresh(site, tmp_path / "kept")
    assert (after.cut, after.removed) == (1, 2)
    assert b"Isi berita." in (kept / "berita" / "a" / "index.html").read_bytes()
    assert sorted(p.name for p in (kept / "berita" / "a").iterdir()) == ["index.html"]
    assert not (kept / "sisa.html").exists()
    assert "Cache kpu_search: 1 berkas rusak" in capsys.readouterr().out


def test_a_lost_ledger_cuts_every_page_again(tmp_path):
    site = write_site(tmp_path / "site")
    fragments.refresh(site, tmp_path / "kept")
    (tmp_path / "kept" / fragments.LEDGER).write_bytes(b"rusak")
    assert fragments.refresh(site, tmp_path / "kept").cut == 3


def test_a_site_without_any_body_is_indexed_whole(tmp_path):
    site = write_site(tmp_path / "site", {"index.html": page("<p>Satu</p>")})
    (tmp_path / "kept" / "pages").mkdir(parents=True)
    assert fragments.refresh(site, tmp_path / "kept") is None
    assert not (tmp_path / "kept").exists()


def test_a_stopped_refresh_raises_and_keeps_what_it_cut(tmp_path):
    site = write_site(tmp_path / "site")
    stopped = threading.Event()
    stopped.set()
    with pytest.raises(IndexingStopped):
        fragments.refresh(site, tmp_path / "kept", stopped)
    assert fragments.refresh(site, tmp_path / "kept").cut == 3
