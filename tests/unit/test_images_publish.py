"""kpu_images.publish: derived files are linked in, or their previous folder moved back whole."""

import os

from kpu_images.publish import cached_bytes, publish_files


def _cache(tmp_path, name, data):
    path = tmp_path / "cache" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def _first_build(tmp_path):
    files = {
        "sosial/a/kartu.jpg": _cache(tmp_path, "k1", b"kartu a"),
        "sosial/a/keterangan.txt": _cache(tmp_path, "t1", b"teks a"),
        "sosial/b/keterangan.txt": _cache(tmp_path, "t2", b"teks b"),
        "images/foto-480.webp": _cache(tmp_path, "f1", b"foto"),
    }
    previous = tmp_path / "previous"
    assert publish_files(str(previous), files) == []
    return files, str(previous)


def _tree(folder):
    found = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            found[os.path.relpath(path, folder)] = open(path, "rb").read()
    return found


def test_unchanged_folders_are_moved_back_whole(tmp_path):
    files, previous = _first_build(tmp_path)
    output = str(tmp_path / "output")
    assert sorted(publish_files(output, files, previous)) == ["images", "sosial"]
    assert _tree(output) == {k: open(v, "rb").read() for k, v in files.items()}
    assert not os.path.exists(os.path.join(previous, "sosial"))


def test_a_stale_file_stops_the_move_and_is_not_published(tmp_path):
    files, previous = _first_build(tmp_path)
    del files["sosial/b/keterangan.txt"]  # the news item was deleted or became a draft
    output = str(tmp_path / "output")
    assert publish_files(output, files, previous) == ["images"]
    assert "sosial/b/keterangan.txt" not in _tree(output)
    assert sorted(_tree(output)) == sorted(files)


def test_a_changed_file_stops_the_move(tmp_path):
    files, previous = _first_build(tmp_path)
    files["sosial/a/keterangan.txt"] = _cache(tmp_path, "t1-baru", b"teks a diperbaiki")
    output = str(tmp_path / "output")
    assert publish_files(output, files, previous) == ["images"]
    assert _tree(output)["sosial/a/keterangan.txt"] == b"teks a diperbaiki"


def test_files_other_writers_rewrite_do_not_stop_the_move(tmp_path):
    files, previous = _first_build(tmp_path)
    with open(os.path.join(previous, "images", "peta.svg"), "w") as handle:
        handle.write("<svg/>")  # a static file Pelican copies again this build
    output = str(tmp_path / "output")
    moved = publish_files(output, files, previous, others={"images/peta.svg"})
    assert sorted(moved) == ["images", "sosial"]
    stale = publish_files(str(tmp_path / "output2"), files, str(tmp_path / "output"))
    assert "images" not in stale  # without that knowledge the extra file stops it


def test_cached_bytes_are_stored_once_under_their_digest(tmp_path):
    first = cached_bytes(str(tmp_path), b"Rapat pleno")
    assert cached_bytes(str(tmp_path), b"Rapat pleno") == first
    assert cached_bytes(str(tmp_path), b"lain") != first
    assert open(first, "rb").read() == b"Rapat pleno"
