"""Metadata containing HTML is shown as text, never run (Jinja autoescape)."""

import pytest

from tests.conftest import build, soup, write_content

HOSTILE = """\
Title: <script>alert("judul")</script> Rapat pleno
Date: 2024-02-14 09:30
Category: berita
Divisi: teknis-penyelenggaraan
Tags: <b>tebal</b>, aman
Author: <img src=x onerror=alert(1)>
Summary: Ringkasan biasa.

Isi berita.
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    content = write_content(base / "content", {"berita/a.md": HOSTILE})
    (content / "images").mkdir()
    return build(base / "out", PATH=str(content))


def test_a_script_in_a_title_is_shown_as_text(hostile_site):
    page = soup(next((hostile_site / "berita").glob("*/*/index.html")))
    assert page.find("script") is None
    assert page.h1.get_text() == '<script>alert("judul")</script> Rapat pleno'
    assert "<script>" in page.title.get_text()


def test_html_in_author_and_tags_never_becomes_markup(hostile_site):
    for path in hostile_site.rglob("*.html"):
        page = soup(path)
        assert page.find("script") is None, path
        assert not page.find(attrs={"onerror": True}), path
        assert page.find("b") is None, path
