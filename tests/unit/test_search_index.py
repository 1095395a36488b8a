"""kpu_search: a Pagefind bundle is checked whole, kept whole and replaced whole.

Every bundle here is made by the real Pagefind binary from a few small pages, then damaged
the way the issue saw it (files emptied, cut at 32/64/128 KiB or in half, missing).
"""

import json
import os
import shutil
from pathlib import Path

import pytest

from kpu_search.bundle import STATIC_FILES, check_bundle, page_count, static_files_table
from kpu_search.indexer import SearchIndexError, run_pagefind

PAGE = """<!doctype html><html lang="id"><head><title>{title}</title></head><body>
<nav>menu yang tidak diindeks</nav>
<article data-pagefind-body>
<span data-pagefind-filter="Jenis:{kind}"></span><span data-pagefind-filter="Tahun:{year}"></span>
<h1>{title}</h1><p>{text}</p></article></body></html>
"""
PAGES = {
    "index.html": ("Beranda KPU", "Berita", 2024, "Selamat datang di situs KPU kabupaten."),
    "berita/rapat/index.html": ("Rapat pleno", "Berita", 2024, "Rapat pleno rekapitulasi suara."),
    "berita/hoaks/index.html": (
        "Klarifikasi hoaks",
        "Opini",
        2023,
        "Pindah domisili tetap memilih.",
    ),
    "ppid/laporan/index.html": (
        "Laporan kinerja",
        "PPID",
        2025,
        "Laporan kinerja tahunan lembaga.",
    ),
}


def write_pages(folder):
    for name, (title, kind, year, text) in PAGES.items():
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=title, kind=kind, year=year, text=text), "utf-8")
    return Path(folder)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """A bundle made by the real Pagefind binary (read-only: copy it to damage it)."""
    site = write_pages(tmp_path_factory.mktemp("site"))
    run_pagefind(site, site / "pagefind")
    return site / "pagefind"


@pytest.fixture
def copy(bundle, tmp_path):
    return Path(shutil.copytree(bundle, tmp_path / "pagefind"))


def bundle_files(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*") if p.is_file())


def test_a_whole_bundle_passes(bundle):
    assert check_bundle(bundle) == []
    assert page_count(bundle) == len(PAGES)
    kinds = {p.parent.name for p in bundle.rglob("*.pf_*") if p.parent != bundle}
    assert kinds == {"fragment", "index", "filter"}  # the check meets every kind of file


def test_the_known_javascript_and_css_are_those_of_the_installed_pagefind(bundle):
    version = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))["version"]
    table = static_files_table(bundle)
    assert STATIC_FILES.get(version) == table, (
        f"Pagefind {version}: add this row to STATIC_FILES in plugins/kpu_search/bundle.py: "
        f"{version!r}: {table!r}"
    )


DAMAGES = {
    "missing": lambda path: path.unlink(),
    "emptied": lambda path: os.truncate(path, 0),
    "cut in half": lambda path: os.truncate(path, path.stat().st_size // 2),
}


@pytest.mark.parametrize("damage", DAMAGES)
def test_every_file_of_a_bundle_is_checked(bundle, tmp_path, damage):
    for index, name in enumerate(bundle_files(bundle)):
        copy = Path(shutil.copytree(bundle, tmp_path / str(index)))
        DAMAGES[damage](copy / name)
        found = dict(check_bundle(copy))
        assert name in found, f"{name} {damage} was not caught: {found}"


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("pagefind-ui.js", 64 * 1024),
        ("pagefind-ui.js", 32 * 1024),
        ("pagefind-component-ui.js", 128 * 1024),
    ],
)
def test_a_file_cut_at_a_buffer_boundary_is_caught(copy, name, size):
    whole = (copy / name).stat().st_size
    os.truncate(copy / name, size)
    assert check_bundle(copy) == [(name, f"{size} bita, seharusnya {whole} bita (terpotong)")]


def test_changed_bytes_of_the_same_length_are_caught(copy):
    data = bytearray((copy / "pagefind.js").read_bytes())
    data[100] ^= 1
    (copy / "pagefind.js").write_bytes(bytes(data))
    assert check_bundle(copy) == [("pagefind.js", "isinya tidak sama dengan berkas Pagefind 1.5.2")]


def test_an_emptied_entry_file_is_named_in_indonesian(copy):
    os.truncate(copy / "pagefind-entry.json", 0)
    assert check_bundle(copy) == [("pagefind-entry.json", "kosong (0 bita)")]
    assert page_count(copy) is None


def test_pagefind_failing_stops_with_its_reason(tmp_path):
    (tmp_path / "site").mkdir()  # no page at all: Pagefind refuses
    with pytest.raises(SearchIndexError) as failure:
        run_pagefind(tmp_path / "site", tmp_path / "site" / "pagefind")
    assert str(failure.value).startswith("Pagefind gagal membuat indeks pencarian (kode keluar 1)")
    assert "not able to build an index" in str(failure.value)
