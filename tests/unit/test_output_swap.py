"""kpu_output.folders: a build's staging folder replaces output/ whole, or not at all."""

import os

import pytest

from kpu_output import folders


def _site(folder, files):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def _tree(folder):
    return {
        str(path.relative_to(folder)): path.read_text()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def live(tmp_path):
    output = tmp_path / "output"
    _site(output, {"index.html": "lama", "berita/a/index.html": "a lama"})
    return output


def test_staging_is_a_hidden_sibling_on_the_same_disk(live):
    staging = folders.staging_path(str(live))
    assert os.path.dirname(staging) == str(live.parent)
    assert os.path.basename(staging).startswith(".output.")


def test_swap_replaces_the_whole_site(live):
    staging = folders.prepare_staging(str(live))
    assert os.listdir(staging) == [] and _tree(live)["index.html"] == "lama"
    _site(live.parent / os.path.basename(staging), {"index.html": "baru"})
    folders.swap_in(staging, str(live))
    folders.wait_for_deletions(str(live))
    assert _tree(live) == {"index.html": "baru"}  # nothing of the old site is left
    assert sorted(os.listdir(live.parent)) == ["output"]


def test_swap_without_an_atomic_exchange_still_replaces_the_site(live, monkeypatch):
    monkeypatch.setattr(folders, "exchange", lambda first, second: False)
    staging = folders.prepare_staging(str(live))
    _site(live.parent / os.path.basename(staging), {"index.html": "baru"})
    folders.swap_in(staging, str(live))
    folders.wait_for_deletions(str(live))
    assert _tree(live) == {"index.html": "baru"}
    assert sorted(os.listdir(live.parent)) == ["output"]


def test_the_atomic_exchange_swaps_two_folders(tmp_path):
    _site(tmp_path / "a", {"x": "a"})
    _site(tmp_path / "b", {"x": "b"})
    if not folders.exchange(str(tmp_path / "a"), str(tmp_path / "b")):
        pytest.skip("this system has no renameat2 exchange")
    assert (tmp_path / "a" / "x").read_text() == "b"
    assert (tmp_path / "b" / "x").read_text() == "a"


def test_the_first_build_just_renames(tmp_path):
    output = tmp_path / "output"
    staging = folders.prepare_staging(str(output))
    _site(tmp_path / os.path.basename(staging), {"index.html": "baru"})
    folders.swap_in(staging, str(output))
    assert _tree(output) == {"index.html": "baru"}


def test_a_killed_build_s_leftovers_are_removed_and_the_site_kept(live):
    staging = live.parent / os.path.basename(folders.staging_path(str(live)))
    _site(staging, {"index.html": "setengah"})  # a build killed halfway
    trash = live.parent / ".output.baru.123.4.0.hapus"
    _site(trash, {"x": "sisa"})  # killed while deleting a replaced site
    folders.prepare_staging(str(live))
    folders.wait_for_deletions(str(live))
    assert os.listdir(staging) == []
    assert not trash.exists()
    assert _tree(live) == {"index.html": "lama", "berita/a/index.html": "a lama"}


def test_a_site_moved_away_by_a_killed_swap_is_put_back(tmp_path):
    old = tmp_path / os.path.basename(folders.replaced_path(str(tmp_path / "output")))
    _site(old, {"index.html": "lama"})  # killed between the two renames
    folders.prepare_staging(str(tmp_path / "output"))
    assert _tree(tmp_path / "output") == {"index.html": "lama"}


def test_retained_files_are_linked_into_the_staging_folder(live):
    _site(live, {".git/HEAD": "ref", "CNAME": "kpu.example.go.id"})
    staging = folders.prepare_staging(str(live), retention=[".git", "CNAME"])
    assert open(os.path.join(staging, ".git", "HEAD")).read() == "ref"
    assert os.stat(os.path.join(staging, "CNAME")).st_ino == os.stat(live / "CNAME").st_ino
    assert _tree(live)["CNAME"] == "kpu.example.go.id"  # the live site is untouched
