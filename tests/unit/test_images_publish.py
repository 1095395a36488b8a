"""kpu_images.publish: derived files are hard-linked from verified cache entries."""

import os

from kpu_buildstate.store import VerifiedFiles
from kpu_images.publish import cached_bytes, publish_files


def _tree(folder):
    found = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            found[os.path.relpath(path, folder)] = open(path, "rb").read()
    return found


def test_files_are_linked_into_the_output_not_copied(tmp_path):
    ledger = VerifiedFiles(str(tmp_path / "cache"))
    files = {
        "sosial/a/x.txt": cached_bytes(ledger, b"teks a"),
        "images/foto-480.webp": cached_bytes(ledger, b"foto"),
    }
    output = tmp_path / "output"
    publish_files(str(output), files)
    assert _tree(output) == {"sosial/a/x.txt": b"teks a", "images/foto-480.webp": b"foto"}
    cached = os.stat(files["images/foto-480.webp"])
    assert os.stat(output / "images/foto-480.webp").st_ino == cached.st_ino


def test_a_file_already_in_the_output_is_replaced(tmp_path):
    ledger = VerifiedFiles(str(tmp_path / "cache"))
    output = tmp_path / "output"
    (output / "sosial/a").mkdir(parents=True)
    (output / "sosial/a/x.txt").write_bytes(b"lama")
    publish_files(str(output), {"sosial/a/x.txt": cached_bytes(ledger, b"baru")})
    assert (output / "sosial/a/x.txt").read_bytes() == b"baru"


def test_cached_bytes_are_stored_once_under_their_digest(tmp_path):
    ledger = VerifiedFiles(str(tmp_path))
    first = cached_bytes(ledger, b"Rapat pleno")
    stamp = os.stat(first).st_mtime_ns
    assert cached_bytes(ledger, b"Rapat pleno") == first
    assert os.stat(first).st_mtime_ns == stamp  # trusted, not written again
    assert cached_bytes(ledger, b"lain") != first
    assert open(first, "rb").read() == b"Rapat pleno"


def test_a_damaged_caption_in_the_cache_is_written_again(tmp_path):
    ledger = VerifiedFiles(str(tmp_path))
    path = cached_bytes(ledger, b"Keterangan foto rapat pleno")
    with open(path, "r+b") as handle:
        handle.write(b"XXXX")  # garbage at the start, same size
    ledger.save()
    again = VerifiedFiles(str(tmp_path))
    assert cached_bytes(again, b"Keterangan foto rapat pleno") == path
    assert open(path, "rb").read() == b"Keterangan foto rapat pleno"
    assert again.discarded == [os.path.relpath(path, str(tmp_path))]
