"""kpu_incremental's digests: stable between builds, sensitive to what a page shows."""

import datetime
import functools
import os
import threading
from decimal import Decimal
from fractions import Fraction
from pathlib import Path, PurePosixPath, PureWindowsPath
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from markupsafe import Markup
from pelican import signals
from pelican.contents import Article
from pelican.urlwrappers import Tag

from kpu_incremental.digest import fingerprint, identity, stable_digest
from tests.conftest import make_settings


@pytest.fixture(scope="module")
def settings():
    return make_settings()


def article(settings, source, body="<p>Isi.</p>", title="Judul"):
    """A bare Article (the kit's plugins, connected by earlier builds, stay out of it)."""
    date = datetime.datetime(2024, 5, 1, 10, 0)
    metadata = {"title": title, "date": date, "slug": source.rsplit("/", 1)[-1]}
    with signals.content_object_init.muted():
        return Article(body, metadata=metadata, settings=settings, source_path=source, context={})


def test_dict_order_does_not_matter_but_list_order_does():
    assert stable_digest({"a": 1, "b": [1, 2]}) == stable_digest({"b": [1, 2], "a": 1})
    assert stable_digest([1, 2]) != stable_digest([2, 1])


@pytest.mark.parametrize(
    ("left", "right"),
    [(1, "1"), (1, 1.0), (None, "None"), ("ab", ["a", "b"]), ((1,), 1), (True, 1)],
)
def test_values_of_different_kinds_never_collide(left, right):
    assert stable_digest(left) != stable_digest(right)


def test_markup_and_text_digest_alike():
    assert stable_digest(Markup("<b>x</b>")) == stable_digest("<b>x</b>")


def test_skipped_keys_are_left_out():
    assert stable_digest({"a": 1, "state": 2}, skip={"state"}) == stable_digest({"a": 1})


def test_a_tag_is_known_by_its_name_not_its_lazily_computed_slug(settings):
    fresh, used = Tag("Pemilu 2024", settings), Tag("Pemilu 2024", dict(settings))
    _ = used.slug  # computed and cached on first use in templates
    assert stable_digest([fresh]) == stable_digest([used])
    assert stable_digest([fresh]) != stable_digest([Tag("Pilkada", settings)])


def test_content_inside_data_is_digested_by_identity(settings):
    old = article(settings, "/site/berita/a.md", body="<p>Lama.</p>")
    new = article(settings, "/site/berita/a.md", body="<p>Baru.</p>")
    other = article(settings, "/site/berita/b.md")
    assert identity(old) == identity(new) == "Article:/site/berita/a.md"
    assert stable_digest({"articles": [old]}) == stable_digest({"articles": [new]})
    assert stable_digest({"articles": [old]}) != stable_digest({"articles": [other]})


def test_found_collects_the_content_met(settings):
    item = article(settings, "/site/berita/a.md")
    found = {}
    stable_digest({"x": [item, {"y": item}]}, found=found)
    assert found == {"Article:/site/berita/a.md": item}


def test_fingerprint_follows_text_and_metadata(settings):
    base = fingerprint(article(settings, "/s/a.md"))
    assert fingerprint(article(settings, "/s/a.md")) == base
    assert fingerprint(article(settings, "/s/a.md", body="<p>Lain.</p>")) != base
    assert fingerprint(article(settings, "/s/a.md", title="Judul baru")) != base


def test_memo_digests_shared_lists_once_and_still_sees_changes(settings):
    items = [article(settings, f"/s/{n}.md") for n in range(40)]
    pages = [{"page": n, "all": items} for n in range(3)]
    memo, again = {}, {}
    first = [stable_digest(p, memo=memo) for p in pages]
    assert first == [stable_digest(p, memo=again) for p in pages]  # the same in every build
    assert len(set(first)) == 3
    assert any(entry[0] is items for entry in memo.values())  # kept alive: ids stay unique
    changed = items[:-1] + [article(settings, "/s/lain.md")]
    assert stable_digest({"page": 0, "all": changed}, memo=memo) != first[0]


def test_a_cycle_does_not_loop():
    loop = {"name": "a"}
    loop["self"] = loop
    assert stable_digest(loop) == stable_digest(loop)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (Path("a"), Path("b")),
        (PurePosixPath("a"), PureWindowsPath("a")),
        (Decimal(1), Decimal(2)),
        (Decimal("1.0"), Decimal("1.00")),  # equal numbers, shown differently
        (Fraction(1, 2), Fraction(1, 3)),
        (1 + 2j, 1 + 3j),
        (UUID(int=1), UUID(int=2)),
        (ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Makassar")),
        (datetime.UTC, datetime.timezone(datetime.timedelta(hours=7))),
        (range(3), range(4)),
        (bytearray(b"a"), bytearray(b"b")),
        (functools.partial(int, base=2), functools.partial(int, base=8)),
        (os.path.join, os.path.split),
        (os, datetime),  # modules
        (Path, Decimal),  # classes
    ],
)
def test_values_of_other_libraries_are_digested_by_value(left, right):
    assert stable_digest({"x": left}) != stable_digest({"x": right})


@pytest.mark.parametrize(
    "make",
    [
        lambda: Path("content/berita"),
        lambda: Decimal("2.50"),
        lambda: Fraction(3, 4),
        lambda: 2 - 1j,
        lambda: UUID(int=7),
        lambda: ZoneInfo("Asia/Jayapura"),
        lambda: range(1, 9, 2),
        lambda: functools.partial(round, ndigits=2),
        lambda: os.path.join,
        lambda: Path,
    ],
)
def test_equal_values_of_other_libraries_digest_alike(make):
    # Two separate objects (a new Path, a new partial): only their value counts.
    assert stable_digest([make()]) == stable_digest([make()])


def test_an_object_whose_value_is_unknown_never_matches_a_digest():
    opaque = threading.Lock()
    first = stable_digest({"lock": opaque})
    assert first != stable_digest({"lock": opaque})  # not even the same object twice
    assert first != stable_digest({"lock": threading.Lock()})
