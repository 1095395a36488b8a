"""kpu_incremental's named folders: digests and manifests that survive a moved project."""

import datetime

import pytest
from pelican import signals
from pelican.contents import Article

from kpu_incremental.digest import fingerprint, stable_digest
from kpu_incremental.places import Places, build_places
from tests.conftest import make_settings

PLACES = Places({"PATH": "/a/situs/content", "CACHE_PATH": "/a/situs/cache", "STAGING": ""})


@pytest.mark.parametrize(
    ("path", "portable"),
    [
        ("/a/situs/content/berita/x.md", "<PATH>/berita/x.md"),
        ("/a/situs/content", "<PATH>"),
        ("/a/situs/content2/x.md", "/a/situs/content2/x.md"),  # another folder, not inside
        ("/a/situs/cache/terbit", "<CACHE_PATH>/terbit"),
        ("/lain/x.md", "/lain/x.md"),
        ("berita/x.md", "berita/x.md"),
    ],
)
def test_a_path_under_a_named_folder_is_written_by_its_name(path, portable):
    assert PLACES.portable(path) == portable
    assert PLACES.local(portable) == path


def test_the_innermost_folder_names_a_path():
    places = Places({"CACHE_PATH": "/p/cache", "OUTPUT": "/p/cache/terbit", "PROJECT": "/p"})
    assert places.portable("/p/cache/terbit/index.html") == "<OUTPUT>/index.html"
    assert places.portable("/p/node_modules/x") == "<PROJECT>/node_modules/x"


def test_an_identity_keeps_its_kind_and_names_its_folder():
    key = "Article:/a/situs/content/berita/x.md"
    assert PLACES.portable_key(key) == "Article:<PATH>/berita/x.md"
    moved = Places({"PATH": "/b/lain/content"})
    assert moved.local_key(PLACES.portable_key(key)) == "Article:/b/lain/content/berita/x.md"


def _article(root):
    (root / "content").mkdir(parents=True)
    settings = make_settings(PATH=str(root / "content"))
    metadata = {"title": "Judul", "date": datetime.datetime(2024, 5, 1), "slug": "x"}
    with signals.content_object_init.muted():
        item = Article(
            "<p>Isi.</p>",
            metadata=metadata,
            settings=settings,
            source_path=f"{root}/content/berita/x.md",
            context={},
        )
    return item, build_places(settings, f"{root}/output", "")


def test_a_moved_project_digests_the_same_only_with_its_places(tmp_path):
    here, here_places = _article(tmp_path / "runner-1" / "situs")
    there, there_places = _article(tmp_path / "runner-2" / "kerja" / "situs")
    assert fingerprint(here, here_places) == fingerprint(there, there_places)
    assert fingerprint(here) != fingerprint(there)
    listing = {"articles": [here], "OUTPUT_PATH": str(tmp_path / "runner-1" / "situs" / "output")}
    moved = {"articles": [there], "OUTPUT_PATH": f"{tmp_path}/runner-2/kerja/situs/output"}
    assert stable_digest(listing, places=here_places) == stable_digest(moved, places=there_places)
