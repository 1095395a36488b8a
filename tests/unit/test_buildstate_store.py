"""kpu_buildstate: cache entries and pickles are written atomically and verified before use."""

import os
import pickle

import pytest

from kpu_buildstate import load_pickle, save_pickle
from kpu_buildstate.store import VerifiedFiles, write_entry


@pytest.fixture
def ledger(tmp_path):
    store = VerifiedFiles(str(tmp_path))
    store.write(str(tmp_path / "a.webp"), b"x" * 1000)
    store.save()
    return VerifiedFiles(str(tmp_path))  # as the next build reads it


def _cut_in_half(path):
    data = open(path, "rb").read()
    open(path, "wb").write(data[: len(data) // 2])


def _emptied(path):
    open(path, "wb").close()


def _garbage_at_start(path):
    with open(path, "r+b") as handle:
        handle.write(b"\xff\xd8garbage")


def _restored_with_new_time(path):
    os.utime(path, ns=(1, 1))  # same bytes, new stamp (a cache restored on CI)


@pytest.mark.parametrize("damage", [_cut_in_half, _emptied, _garbage_at_start, os.remove])
def test_a_damaged_entry_is_discarded_and_named(ledger, tmp_path, damage):
    path = str(tmp_path / "a.webp")
    damage(path)
    assert ledger.valid(path) is False
    assert not os.path.exists(path)
    if damage is not os.remove:
        assert ledger.discarded == ["a.webp"]
        assert "1 berkas rusak" in ledger.report("kpu_images")


def test_an_entry_with_its_bytes_but_a_new_time_stamp_is_kept(ledger, tmp_path):
    path = str(tmp_path / "a.webp")
    _restored_with_new_time(path)
    assert ledger.valid(path) is True
    assert os.path.exists(path) and ledger.discarded == []


def test_a_file_the_ledger_does_not_know_is_not_trusted(tmp_path):
    store = VerifiedFiles(str(tmp_path))
    (tmp_path / "left-by-a-killed-build.jpg").write_bytes(b"")
    assert store.valid(str(tmp_path / "left-by-a-killed-build.jpg")) is False


def test_write_entry_leaves_no_temporary_file(tmp_path):
    size, digest, mtime_ns = write_entry(str(tmp_path / "sub" / "b.jpg"), b"abc")
    assert (size, len(digest)) == (3, 32) and mtime_ns > 0
    assert os.listdir(tmp_path / "sub") == ["b.jpg"]


def test_a_damaged_ledger_trusts_nothing(ledger, tmp_path):
    _garbage_at_start(ledger.path)
    assert VerifiedFiles(str(tmp_path)).valid(str(tmp_path / "a.webp")) is False


@pytest.mark.parametrize("damage", [_cut_in_half, _emptied, _garbage_at_start])
def test_a_damaged_pickle_reads_as_the_default(tmp_path, damage):
    path = str(tmp_path / "memo.pickle")
    save_pickle(path, {"halaman": 1}, 3)
    assert load_pickle(path, 3) == {"halaman": 1}
    damage(path)
    assert load_pickle(path, 3, default="kosong") == "kosong"


def test_a_pickle_that_still_loads_but_was_changed_is_refused(tmp_path):
    path = str(tmp_path / "memo.pickle")
    save_pickle(path, {"halaman": 1}, 3)
    raw = open(path, "rb").read()
    forged = raw[:20] + pickle.dumps((3, {"halaman": 2}))
    open(path, "wb").write(forged)
    assert load_pickle(path, 3, default="kosong") == "kosong"
    assert load_pickle(path, 4, default="lama") == "lama"  # another format: default too
