"""The search page and index of a built site; a damaged kept index is repaired by a build."""

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from kpu_search.bundle import check_bundle
from kpu_search.indexer import run_pagefind
from kpu_search.settings import RANKING
from tests.conftest import build, seed_image_cache, soup, write_content
from tests.site.test_differential import tree

NEWS = """Title: Rapat pleno rekapitulasi
Date: 2024-02-14 09:30
Category: berita
Divisi: teknis-penyelenggaraan
Summary: Ringkasan rapat.

Rapat pleno rekapitulasi suara tingkat kabupaten.
"""


def said(capsys):
    return " ".join(capsys.readouterr().out.split())  # the console wraps long lines


def first(folder):
    return sorted(p for p in Path(folder).iterdir() if p.is_file())[0]


DAMAGES = [
    # (what the issue saw, file of the kept index, damage)
    ("emptied entry", lambda kept: kept / "pagefind-entry.json", lambda p: os.truncate(p, 0)),
    (
        "fragment cut in half",
        lambda kept: first(kept / "fragment"),
        lambda p: os.truncate(p, p.stat().st_size // 2),
    ),
    ("file missing", lambda kept: first(kept / "index"), lambda p: p.unlink()),
]


def test_a_damaged_kept_index_is_repaired_by_the_next_build(tmp_path, capsys):
    content = write_content(tmp_path / "content", {"berita/a.md": NEWS})
    (content / "images").mkdir()
    out, cache = tmp_path / "out", tmp_path / "cache"

    def run():
        build(out, PATH=str(content), CACHE_PATH=str(cache))
        return said(capsys)

    assert "halaman diindeks" in run()
    assert check_bundle(out / "pagefind") == []
    assert "Pencarian: indeks tetap" in run()
    kept = cache / "kpu_search" / "pagefind"
    for name, where, damage in DAMAGES:
        path = where(kept)
        damage(path)
        relative = path.relative_to(kept.parent).as_posix()
        text = run()
        assert (
            f"Cache kpu_search: 1 berkas rusak atau tidak lengkap dibuang dan dibuat ulang "
            f"({relative})." in text
        ), name
        assert "halaman diindeks" in text, name
        assert check_bundle(out / "pagefind") == [], name
        assert check_bundle(kept) == [], name
    assert "Pencarian: indeks tetap" in run()
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_the_search_page_preloads_files_the_bundle_holds(built_site):
    page = soup(built_site / "cari" / "index.html")
    links = page.select("head link[rel=preload], head link[rel=modulepreload]")
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    (language,) = entry["languages"].values()
    wasm = f"/pagefind/wasm.{language['wasm'] or 'unknown'}.pagefind"  # what Pagefind loads
    assert {link["href"] for link in links} == {"/pagefind/pagefind.js", wasm}
    for link in links:
        assert (built_site / link["href"].lstrip("/")).is_file(), link["href"]


def test_the_search_page_carries_the_ranking_options(built_site):
    root = soup(built_site / "cari" / "index.html").find(id="pencarian")
    assert json.loads(root["data-search-ranking"]) == RANKING
    assert soup(built_site / "cari" / "index.html").find(id="label-pencarian").has_attr("hidden")


def test_indexing_stopped_for_a_newer_build_writes_nothing(built_site, tmp_path):
    # The live preview's next build stops the index of the build before (it replaces the
    # pages that index reads): the run ends at once, and no bundle, half or whole, appears.
    import shutil

    from kpu_search.handlers import start_indexing
    from kpu_search.indexer import _RUNNING, IndexingStopped, stop_indexing

    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    work = start_indexing(str(site), "pagefind", str(tmp_path / "kept"), "signature")
    for _ in range(1000):  # until Pagefind runs
        if _RUNNING:
            break
        time.sleep(0.01)
    stop_indexing()
    with pytest.raises(IndexingStopped):
        work.result(timeout=60)
    assert not (site / "pagefind").exists()
    assert not [path.name for path in site.iterdir() if path.name.startswith(".pagefind")]
    assert not (tmp_path / "kept").exists()


# Indexing the kept fragments of the pages (fragments.py) -----------------------------------


def full_index(out, tmp_path):
    """Decode the bundle of a full Pagefind run over every page of `out`, as tree() does."""
    full = tmp_path / "full"
    run_pagefind(out, full / "pagefind")
    return tree(full)


def built_index(out):
    return {name: data for name, data in tree(out).items() if name.startswith("pagefind/")}


def build_with_cache(out, cache, capsys, **overrides):
    build(out, CACHE_PATH=str(cache), **overrides)
    return said(capsys)


def recut(text):
    """Return how many fragments the build's index line says were made again."""
    return int(re.search(r"halaman diindeks \((\d+) potongan halaman dibuat ulang\)", text)[1])


def test_the_index_of_the_fragments_equals_a_full_run(tmp_path, capsys):
    out, cache = tmp_path / "out", seed_image_cache(tmp_path / "cache")
    text = build_with_cache(out, cache, capsys)
    fragments = cache / "kpu_search_fragments" / "pages"
    indexed = sorted(p.relative_to(fragments) for p in fragments.rglob("*.html"))
    assert recut(text) == len(indexed) > 0
    assert all(b"data-pagefind-body" in (out / page).read_bytes() for page in indexed)
    assert built_index(out) == full_index(out, tmp_path)


def test_an_edited_news_item_is_the_only_fragment_cut_again(tmp_path, capsys, content_copy):
    out, cache = tmp_path / "out", seed_image_cache(tmp_path / "cache")
    build_with_cache(out, cache, capsys, PATH=str(content_copy))
    item = sorted((content_copy / "berita").glob("*.md"))[0]
    item.write_text(item.read_text("utf-8") + "\nKataujiubahsatu di akhir berita.\n", "utf-8")
    text = build_with_cache(out, cache, capsys, PATH=str(content_copy))
    assert recut(text) == 1
    fragments = cache / "kpu_search_fragments" / "pages"
    holding = [p for p in fragments.rglob("*.html") if b"Kataujiubahsatu" in p.read_bytes()]
    assert len(holding) == 1
    assert built_index(out) == full_index(out, tmp_path)


def test_a_damaged_fragment_is_cut_again(tmp_path, capsys):
    out, cache = tmp_path / "out", seed_image_cache(tmp_path / "cache")
    build_with_cache(out, cache, capsys)
    fragments = cache / "kpu_search_fragments"
    damaged = sorted((fragments / "pages").rglob("*.html"))[0]
    stamp = damaged.stat()
    damaged.write_bytes(damaged.read_bytes().replace(b"<title>", b"<title>Palsu "))
    os.utime(damaged, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1))
    shutil.rmtree(cache / "kpu_search")  # no kept bundle: the next build indexes again
    text = build_with_cache(out, cache, capsys)
    relative = damaged.relative_to(fragments).as_posix()
    assert (
        f"Cache kpu_search: 1 berkas rusak atau tidak lengkap dibuang dan dibuat ulang "
        f"({relative})." in text
    )
    assert recut(text) == 1
    assert b"Palsu" not in damaged.read_bytes()
    assert built_index(out) == full_index(out, tmp_path)
