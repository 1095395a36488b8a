"""kpu_verify's link check on a small built folder: pages, anchors, other schemes."""

from kpu_verify.output import FileMemo, check_links, index_text, links_signature, read_all


def _write(folder, relative, body):
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{body}</body></html>", "utf-8")


def test_index_text_keeps_ids_links_and_their_lines():
    ids, links, lines = index_text('<a id="x" href="/a/">\n<img src="b.png" srcset="c.webp 2x">')
    assert ids == {"x"}
    assert list(zip(links, lines, strict=True)) == [("/a/", 1), ("b.png", 2), ("c.webp", 2)]


def test_links_to_missing_pages_and_anchors_are_reported(tmp_path):
    _write(tmp_path, "index.html", '<main id="konten"><a href="#konten">x</a></main>')
    _write(
        tmp_path,
        "berita/a/index.html",
        '<a href="#konten">lewati</a><a href="#">atas</a><a href="tel:0293">tel</a>'
        '<a href="mailto:a@b.id">surel</a><a href="/#konten">beranda</a>'
        '<a href="../../#hilang">x</a><a href="/tidak-ada/">y</a><a id="isi"></a>'
        '<a href="https://lain.example/">luar</a><a href="#isi">isi</a>',
    )
    problems = check_links(str(tmp_path), "https://kpu.example", FileMemo())
    assert sorted((page, link) for page, _line, link, _message in problems) == [
        ("berita/a/index.html", "#konten"),
        ("berita/a/index.html", "../../#hilang"),
        ("berita/a/index.html", "/tidak-ada/"),
    ]


def test_a_site_under_a_subpath_resolves_its_own_links(tmp_path):
    _write(tmp_path, "index.html", '<a href="/kpu/berita/">b</a><a href="/kpu/lain/">c</a>')
    _write(tmp_path, "berita/index.html", "")
    problems = check_links(str(tmp_path), "https://host.example/kpu", FileMemo())
    assert [link for _page, _line, link, _message in problems] == ["/kpu/lain/"]


def _signature(folder):
    memo = FileMemo()
    read_all(str(folder), memo)
    return links_signature("https://kpu.example", memo)


def test_the_link_signature_changes_with_any_file_or_page(tmp_path):
    _write(tmp_path, "index.html", '<a href="/berita/">b</a>')
    _write(tmp_path, "berita/index.html", "")
    first = _signature(tmp_path)
    assert _signature(tmp_path) == first  # nothing changed: the link check can be skipped
    (tmp_path / "berita" / "index.html").unlink()  # a link target disappears
    assert _signature(tmp_path) != first
    _write(tmp_path, "berita/index.html", "")
    _write(tmp_path, "index.html", '<a href="/berita/#isi">b</a>')  # a page changes
    assert _signature(tmp_path) != first
