"""kpu_buildstate.contract.write_or_keep: a file identical to the last site's copy is linked."""

import os

import pytest

from kpu_buildstate import contract


@pytest.fixture
def folders(tmp_path):
    """A build writing into staging/ with the last complete site in previous/."""
    staging, previous = tmp_path / "staging", tmp_path / "previous"
    (staging / "ppid").mkdir(parents=True)
    (previous / "ppid").mkdir(parents=True)
    settings = {"OUTPUT_PATH": str(tmp_path / "output")}
    state = contract.start_build(settings)
    state.staging, state.previous = str(staging), str(previous)
    return settings, staging, previous


def test_an_identical_file_is_the_last_sites_copy_with_its_time_stamp(folders):
    settings, staging, previous = folders
    old = previous / "ppid" / "data.json"
    old.write_bytes(b'{"a": 1}\n')
    os.utime(old, ns=(1_000_000_000, 1_000_000_000))
    target = staging / "ppid" / "data.json"
    contract.write_or_keep(settings, str(target), b'{"a": 1}\n')
    assert os.path.samefile(target, old)
    assert target.stat().st_mtime_ns == 1_000_000_000


def test_a_changed_file_is_written_anew_and_the_last_site_is_untouched(folders):
    settings, staging, previous = folders
    old = previous / "ppid" / "data.json"
    old.write_bytes(b"old")
    target = staging / "ppid" / "data.json"
    contract.write_or_keep(settings, str(target), b"new")
    assert target.read_bytes() == b"new"
    assert not os.path.samefile(target, old)
    assert old.read_bytes() == b"old"


def test_a_hard_link_already_in_the_output_is_replaced_not_written_through(folders):
    settings, staging, previous = folders
    old = previous / "ppid" / "data.json"
    old.write_bytes(b"old")
    target = staging / "ppid" / "data.json"
    os.link(old, target)  # as a reused page lies in the output
    contract.write_or_keep(settings, str(target), b"new")
    assert target.read_bytes() == b"new"
    assert old.read_bytes() == b"old"


@pytest.mark.parametrize("has_previous", [False, True])
def test_without_a_last_copy_the_file_is_written(folders, has_previous):
    settings, staging, _ = folders
    if not has_previous:
        contract.build(settings).previous = None
    target = staging / "ppid" / "new.html"
    contract.write_or_keep(settings, str(target), b"<p>baru</p>")
    assert target.read_bytes() == b"<p>baru</p>"
    assert target.stat().st_nlink == 1
