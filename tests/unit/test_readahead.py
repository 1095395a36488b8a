"""kpu_readahead: a stored parse equals a fresh one; warnings travel with it."""

import pickle

import pytest
from pelican.readers import MarkdownReader
from pelican.urlwrappers import Category, Tag

from kpu_readahead import store
from kpu_readahead.handlers import ReadState, read_ahead
from kpu_readahead.worker import read_capturing
from tests.conftest import make_settings, write_content

NEWS = """Title: Rapat pleno {n}
Date: 2024-05-0{n} 10:00
Category: berita
Tags: pemilu, pilkada 2024

Paragraf *pertama* nomor {n}.

| a | b |
|---|---|
| 1 | 2 |
"""


@pytest.fixture(scope="module")
def settings():
    return make_settings()


def test_metadata_survives_pickling_without_the_settings(settings):
    metadata = {"tags": [Tag("pemilu", settings)], "category": Category("berita", settings)}
    stored = pickle.loads(pickle.dumps(store.portable(metadata)))
    back = store.restored(stored, settings)
    assert [t.name for t in back["tags"]] == ["pemilu"] and back["tags"][0].settings is settings
    assert back["category"] == Category("berita", settings)


@pytest.mark.parametrize("damage", [b"", b"\x80\x05garbage", b"not a pickle at all"])
def test_a_damaged_store_reads_as_empty(tmp_path, damage):
    path = tmp_path / "store.pickle"
    path.write_bytes(damage)
    assert store.load(path) == {}


def test_store_round_trip(tmp_path):
    path = tmp_path / "sub" / "store.pickle"
    store.save(path, {"a.md": (b"x", "<p>a</p>", {}, [])})
    assert store.load(path) == {"a.md": (b"x", "<p>a</p>", {}, [])}
    assert [p.name for p in path.parent.iterdir()] == ["store.pickle"]  # no temporary left


def test_a_reader_warning_is_captured_with_its_text(tmp_path, settings):
    (tmp_path / "dup.md").write_text(
        "Title: A\nDate: 2024-01-01\nDate: 2024-02-02\n\nIsi.\n", encoding="utf-8"
    )
    reader = MarkdownReader(settings)
    _content, metadata, warnings = read_capturing(reader.read, str(tmp_path / "dup.md"))
    assert metadata["date"].month == 1
    assert any("Duplicate definition of `date`" in message for _n, _l, message in warnings)


def test_parsing_in_workers_gives_what_the_reader_gives(tmp_path, settings):
    files = {f"berita/b{n}.md": NEWS.format(n=n) for n in range(1, 7)}
    folder = write_content(tmp_path / "content", files)
    paths = sorted(str(p) for p in folder.rglob("*.md"))
    state = ReadState(str(tmp_path / "store.pickle"), {})
    parsed = read_ahead(state, dict(settings, KPU_READAHEAD_MIN_PARALLEL=2), paths)
    assert parsed == len(paths)
    reader = MarkdownReader(settings)
    for path in paths:
        stamp, content, metadata, warnings = state.entries[path]
        expected_content, expected = reader.read(path)
        assert stamp == store.file_stamp(path) and warnings == []
        assert content == expected_content
        restored = store.restored(metadata, settings)
        assert restored["title"] == expected["title"] and restored["date"] == expected["date"]
        assert [t.name for t in restored["tags"]] == [t.name for t in expected["tags"]]
