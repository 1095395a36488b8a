"""kpu_search: a Pagefind bundle is checked whole, kept whole and replaced whole.

Every bundle here is made by the real Pagefind binary from a few small pages, then damaged
the way the issue saw it (files emptied, cut at 32/64/128 KiB or in half, missing).
"""

import gzip
import json
import os
import shutil
import types
from pathlib import Path

import pytest

from kpu_buildstate import contract
from kpu_search import handlers
from kpu_search import kept as kept_index
from kpu_search.bundle import STATIC_FILES, check_bundle, page_count, static_files_table
from kpu_search.indexer import SearchIndexError, run_pagefind
from kpu_search.settings import RANKING, ranking_options

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


def test_the_index_keeps_words_as_written_not_their_stems(bundle):
    words = b"".join(gzip.decompress(p.read_bytes()) for p in (bundle / "index").iterdir())
    assert b"memilih" in words  # Pagefind's Indonesian stemmer indexed it as "pilih"


@pytest.mark.parametrize(
    ("value", "allowed"),
    [
        (RANKING, True),
        ({}, True),
        ({"termSimilarity": 0, "pageLength": 1, "termSaturation": 2.0, "termFrequency": 0.5}, True),
        ({"diacriticSimilarity": 0.8, "metaWeights": {"title": 5.0, "penulis": 0}}, True),
        ({"termSimilarity": 40}, True),  # no upper bound in Pagefind
        ({"pageLength": 1.5}, False),
        ({"termSaturation": -1}, False),
        ({"termSimilarity": float("nan")}, False),
        ({"termSimilarity": "3"}, False),
        ({"termSimilarity": True}, False),
        ({"term_similarity": 3}, False),  # Pagefind's Rust name, not its JavaScript one
        ({"metaWeights": {"title": -1}}, False),
        ({"metaWeights": [5]}, False),
        ([("termSimilarity", 3)], False),
    ],
)
def test_ranking_options_are_those_pagefind_takes_in_their_ranges(value, allowed):
    assert ranking_options(value) is allowed


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


def test_a_bundle_report_names_the_files_under_output():
    report = handlers.bundle_report("pagefind", [("pagefind-ui.js", "kosong (0 bita)")])
    assert report.startswith("Indeks pencarian yang baru dibuat Pagefind tidak utuh")
    assert "- output/pagefind/pagefind-ui.js: kosong (0 bita)" in report


def test_pagefind_failing_stops_with_its_reason(tmp_path):
    (tmp_path / "site").mkdir()  # no page at all: Pagefind refuses
    with pytest.raises(SearchIndexError) as failure:
        run_pagefind(tmp_path / "site", tmp_path / "site" / "pagefind")
    assert str(failure.value).startswith("Pagefind gagal membuat indeks pencarian (kode keluar 1)")
    assert "not able to build an index" in str(failure.value)


# The kept copy -----------------------------------------------------------------------------


def keep(bundle, tmp_path, signature="tanda-1"):
    # From a copy: the kept files are hard links, and the tests below damage them.
    copy = shutil.copytree(bundle, tmp_path / "output" / "pagefind")
    kept = tmp_path / "cache" / "kpu_search"
    kept_index.keep(copy, kept, "pagefind", signature)
    return kept


def test_a_kept_index_is_reused_for_its_signature_only(bundle, tmp_path, capsys):
    kept = keep(bundle, tmp_path)
    assert kept_index.reuse(kept, "pagefind", "tanda-2") is None
    assert kept.exists()  # other pages are no damage: the next index replaces it
    assert kept_index.reuse(kept, "pagefind", "tanda-1") == str(kept / "pagefind")
    assert bundle_files(kept / "pagefind") == bundle_files(bundle)
    assert [p.name for p in kept.parent.iterdir()] == ["kpu_search"]  # no temporary left
    assert "Cache" not in capsys.readouterr().out


KEPT_DAMAGES = {
    "emptied entry": ("pagefind/pagefind-entry.json", lambda p: os.truncate(p, 0)),
    "fragment cut in half": (
        "fragment",
        lambda p: os.truncate(p, p.stat().st_size // 2),
    ),
    "index chunk missing": ("index", lambda p: p.unlink()),
    "file added": ("pagefind/tambahan.js", lambda p: p.write_text("alert(1)")),
    "folder linked in": ("pagefind/luar", lambda p: p.symlink_to(p.parent.parent.parent)),
    "signature changed": ("signature", lambda p: p.write_text("tanda-9")),
}


@pytest.mark.parametrize("damage", KEPT_DAMAGES)
def test_a_damaged_kept_index_is_discarded_and_said_once(bundle, tmp_path, capsys, damage):
    kept = keep(bundle, tmp_path)
    where, harm = KEPT_DAMAGES[damage]
    if where in ("fragment", "index"):
        where = f"pagefind/{where}/" + sorted(os.listdir(kept / "pagefind" / where))[0]
    harm(kept / where)
    assert kept_index.reuse(kept, "pagefind", "tanda-1") is None
    assert not kept.exists()
    said = " ".join(capsys.readouterr().out.split())  # the console wraps long lines
    line = (
        f"Cache kpu_search: 1 berkas rusak atau tidak lengkap dibuang dan dibuat ulang ({where})."
    )
    assert said == line


def test_a_kept_index_without_its_ledger_is_discarded_quietly(bundle, tmp_path, capsys):
    kept = keep(bundle, tmp_path)
    (kept / kept_index.LEDGER).unlink()
    assert kept_index.reuse(kept, "pagefind", "tanda-1") is None
    assert not kept.exists()
    assert capsys.readouterr().out == ""


def test_a_kept_index_with_restored_time_stamps_is_reused(bundle, tmp_path):
    kept = keep(bundle, tmp_path)
    for path in (kept / "pagefind").rglob("*"):
        os.utime(path, ns=(1, 1))  # a cache restored by CI: same bytes, new time stamps
    assert kept_index.reuse(kept, "pagefind", "tanda-1") == str(kept / "pagefind")


def test_leftovers_of_killed_builds_are_removed(tmp_path):
    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    dead = site / ".pagefind.new-999999999"  # above pid_max: that process is gone
    dead.mkdir()
    ours = site / f".pagefind.old-{os.getpid()}"
    ours.mkdir()
    living = site / ".pagefind.new-1"  # init never ends
    living.mkdir()
    kept_index.remove_stale(site / "pagefind")
    assert sorted(p.name for p in site.iterdir()) == [".pagefind.new-1", "pagefind"]


# Indexing after the site is published (KPU_SEARCH_WAIT = False) --------------------------


def test_indexing_a_published_site_replaces_its_bundle_whole(tmp_path):
    live = write_pages(tmp_path / "output")
    (live / "pagefind").mkdir()
    (live / "pagefind" / "lama.txt").write_text("indeks lama")
    kept = tmp_path / "cache" / "kpu_search"
    signature = handlers.pages_signature(live, "pagefind")
    work = handlers.index_published(live, "pagefind", kept, signature)
    try:
        assert work.result() == len(PAGES)
        assert work in handlers._UNFINISHED  # the next build of this process waits for it
    finally:
        handlers._UNFINISHED.remove(work)
    assert check_bundle(live / "pagefind") == []
    assert not (live / "pagefind" / "lama.txt").exists()
    assert sorted(p.name for p in live.iterdir() if p.name.startswith(".")) == []
    assert kept_index.reuse(kept, "pagefind", signature) == str(kept / "pagefind")


def test_a_failed_index_leaves_the_bundle_in_place(tmp_path):
    live = tmp_path / "output"
    (live / "pagefind").mkdir(parents=True)  # no page: Pagefind fails
    (live / "pagefind" / "lama.txt").write_text("indeks lama")
    with pytest.raises(SearchIndexError):
        handlers.index_and_keep(live, "pagefind", tmp_path / "cache" / "kpu_search", "tanda")
    assert [p.name for p in live.iterdir()] == ["pagefind"]
    assert (live / "pagefind" / "lama.txt").read_text() == "indeks lama"
    assert not (tmp_path / "cache").exists()


def test_a_staged_build_that_does_not_wait_indexes_only_the_published_site(tmp_path):
    live, staging = tmp_path / "output", write_pages(tmp_path / "staging")
    settings = {
        "KPU_SEARCH": True,
        "KPU_SEARCH_BUNDLE": "pagefind",
        "KPU_SEARCH_WAIT": False,
        "CACHE_PATH": str(tmp_path / "cache"),
    }
    state = contract.build(settings)
    state.live_output, state.staging = str(live), str(staging)
    handlers.index_site(types.SimpleNamespace(settings=settings, output_path=str(staging)))
    assert state.background == [] and handlers._UNFINISHED == []
    assert len(state.after_publish) == 1
    staging.rename(live)  # what publishing does
    work = state.after_publish[0](str(live))
    try:
        assert work.result() == len(PAGES)
    finally:
        handlers._UNFINISHED.remove(work)
    assert check_bundle(live / "pagefind") == []
    assert not staging.exists()  # nothing wrote into the staging path after the swap
