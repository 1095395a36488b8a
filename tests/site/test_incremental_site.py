"""Incremental builds give exactly what a full build gives, and touch nothing else.

Each edit below is built twice: incrementally (reusing the previous build) and from scratch
with kpu_incremental and kpu_readahead off. Every page, feed and listing must be identical.
"""

import re
from pathlib import Path

import pytest
from pelican import Pelican

from kpu_messages import AdminFacingError
from tests.conftest import PUBLISH_CONF, make_settings, seed_image_cache

# Pagefind names its files by content hash and the open-data JSON carries the build time.
COMPARED = (".html", ".xml", ".txt", ".csv", ".opml")


def run(content, output, cache, incremental=True):
    """Build the dev site; return its settings (with the build's state objects)."""
    settings = make_settings(
        PATH=str(content),
        OUTPUT_PATH=str(output),
        CACHE_PATH=str(cache),
        KPU_INCREMENTAL=incremental,
        KPU_READAHEAD=incremental,
    )
    Pelican(settings).run()
    return settings


def snapshot(output):
    """Map each compared file to (bytes, mtime_ns)."""
    return {
        str(path.relative_to(output)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(Path(output).rglob("*"))
        if path.is_file() and path.suffix in COMPARED
    }


def published_files(output):
    """Map every published file but the search index to its bytes (images and cards too)."""
    return {
        str(path.relative_to(output)): path.read_bytes()
        for path in sorted(Path(output).rglob("*"))
        if path.is_file()
        and path.relative_to(output).parts[0] != "pagefind"
        and path.suffix not in (".json",)
    }


def file_ids(output):
    """Map each file to its inode: a file linked from the last site keeps it, a new one not."""
    return {
        str(p.relative_to(output)): p.stat().st_ino for p in Path(output).rglob("*") if p.is_file()
    }


def assert_same_as_full_build(tmp_path, content, output, name):
    fresh = tmp_path / f"fresh-{name}"
    run(content, fresh, tmp_path / f"cache-fresh-{name}", incremental=False)
    got, expected = snapshot(output), snapshot(fresh)
    assert sorted(got) == sorted(expected)
    differing = [path for path in expected if got[path][0] != expected[path][0]]
    assert differing == []
    got, expected = published_files(output), published_files(fresh)
    assert sorted(got) == sorted(expected)
    assert [path for path in expected if got[path] != expected[path]] == []


@pytest.fixture
def site(tmp_path, content_copy):
    output, cache = tmp_path / "output", seed_image_cache(tmp_path / "cache")
    first = run(content_copy, output, cache)
    assert first["KPU_INCREMENTAL_STATE"].reused == 0
    return content_copy, output, cache


def test_a_rebuild_without_changes_renders_nothing_and_touches_nothing(site):
    content, output, cache = site
    before, files_before = snapshot(output), file_ids(output)
    state = run(content, output, cache)["KPU_INCREMENTAL_STATE"]
    assert state.rendered == 0 and state.reused > 100
    after, files_after = snapshot(output), file_ids(output)
    assert {p: v[0] for p, v in after.items()} == {p: v[0] for p, v in before.items()}
    pages = [p for p in before if p.endswith(".html")]
    assert [after[p][1] for p in pages] == [before[p][1] for p in pages]  # not even rewritten
    # Pages, photos and share cards were linked from the last site, not written again.
    relinked = {p for p in files_before if files_after.get(p) == files_before[p]}
    assert set(pages) <= relinked
    assert any(p.startswith("images/") for p in relinked)
    assert any(p.startswith("sosial/") and p.endswith(".jpg") for p in relinked)


def test_one_edit_renders_only_the_pages_that_show_the_item(tmp_path, site):
    content, output, cache = site
    before = snapshot(output)
    newest = sorted((content / "berita").glob("*.md"))[-1]
    newest.write_text(newest.read_text(encoding="utf-8") + "\nKalimat penanda uji.\n", "utf-8")
    state = run(content, output, cache)["KPU_INCREMENTAL_STATE"]
    total = state.rendered + state.reused
    assert 0 < state.rendered < total / 4
    after = snapshot(output)
    page = next(p for p in after if p.endswith(f"/{newest.stem[11:]}/index.html"))
    assert "Kalimat penanda uji." in after[page][0].decode()
    assert after["kontak/index.html"] == before["kontak/index.html"]  # same bytes, same time
    assert_same_as_full_build(tmp_path, content, output, "edit")


def test_titles_drafts_deletions_and_ppid_edits_match_a_full_build(tmp_path, site):
    content, output, cache = site
    news = sorted((content / "berita").glob("*.md"))
    retitled, drafted, deleted = news[3], news[-2], news[5]
    text = retitled.read_text(encoding="utf-8")
    retitled.write_text(
        re.sub(r"^Title: .*$", "Title: Judul yang dikoreksi", text, count=1, flags=re.M)
    )
    drafted.write_text("Status: draft\n" + drafted.read_text(encoding="utf-8"), "utf-8")
    deleted_url = f"/{deleted.stem[11:]}/index.html"
    deleted.unlink()
    ppid = sorted((content / "ppid").glob("*.md"))[0]
    text = ppid.read_text(encoding="utf-8")
    ppid.write_text(
        re.sub(r"^Judul: .*$", "Judul: Dokumen berjudul baru", text, count=1, flags=re.M)
    )
    run(content, output, cache)
    after = snapshot(output)
    assert not [p for p in after if p.endswith(deleted_url)]
    assert not [p for p in after if p.startswith("berita/") and drafted.stem[11:] in p]
    home = after["index.html"][0].decode() + after["berita/index.html"][0].decode()
    assert "Judul yang dikoreksi" in home or any(
        "Judul yang dikoreksi" in after[p][0].decode() for p in after if p.endswith(".html")
    )
    dip = after["ppid/daftar-informasi-publik/index.html"][0].decode()
    assert "Dokumen berjudul baru" in dip or "dikecualikan" in ppid.read_text(encoding="utf-8")
    assert_same_as_full_build(tmp_path, content, output, "mixed")


def test_a_mistake_in_a_stored_parse_still_stops_a_publish_build(tmp_path, content_copy):
    (content_copy / "berita" / "2024-03-01-tanggal-ganda.md").write_text(
        "Title: Tanggal ganda\nDate: 2024-03-01 09:00\nDate: 2024-03-02 09:00\n"
        "Category: berita\nDivisi: hukum-pengawasan\n\nIsi berita.\n",
        encoding="utf-8",
    )
    for attempt in ("parsed now", "parse from the store"):
        settings = make_settings(
            PUBLISH_CONF,
            PATH=str(content_copy),
            OUTPUT_PATH=str(tmp_path / "output"),
            CACHE_PATH=str(tmp_path / "cache"),
        )
        # Pelican only warns ("Duplicate definition of `date`"); the gate names the line.
        with pytest.raises(Exception, match='kolom "Date" ditulis dua kali'):
            Pelican(settings).run()
        assert attempt


def test_after_a_content_mistake_the_last_good_site_stays_whole(site):
    content, output, cache = site
    before = snapshot(output)
    broken = sorted((content / "berita").glob("*.md"))[2]
    good = broken.read_text(encoding="utf-8")
    broken.write_text(re.sub(r"^Divisi: .*$", "Divisi: divisi-keliru", good, count=1, flags=re.M))
    settings = make_settings(PATH=str(content), OUTPUT_PATH=str(output), CACHE_PATH=str(cache))
    with pytest.raises(AdminFacingError, match="divisi-keliru"):
        Pelican(settings).run()
    assert snapshot(output) == before  # the failed build wrote into its staging folder only
    broken.write_text(good, encoding="utf-8")
    state = run(content, output, cache)["KPU_INCREMENTAL_STATE"]
    assert state.rendered == 0  # the restored files are reused as they are
