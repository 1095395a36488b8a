"""Content mistakes stop the build with a message naming the file, the field and a fix."""

import pytest

from kpu_content.model import ContentError
from tests.conftest import build


def _build_with(content_copy, tmp_path, name, text):
    (content_copy / "berita" / name).write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        build(tmp_path / "out", PATH=str(content_copy))
    return str(error.value)


GOOD_HEADER = "Title: Uji\nDate: 2024-01-02 10:00\nCategory: berita\nTags: uji\n"


def test_unknown_division_names_file_value_choices_and_nearest(content_copy, tmp_path):
    message = _build_with(
        content_copy, tmp_path, "salah.md", GOOD_HEADER + "Divisi: teknis-penyelengaraan\n\nIsi.\n"
    )
    assert "content/berita/salah.md" in message
    assert 'kolom "Divisi": nilai "teknis-penyelengaraan" tidak dikenal' in message
    assert 'Mungkin maksud Anda "teknis-penyelenggaraan"?' in message
    assert "hukum-pengawasan" in message


def test_missing_type_and_division_are_both_reported(content_copy, tmp_path):
    text = "Title: Uji\nDate: 2024-01-02 10:00\n\nIsi.\n"
    message = _build_with(content_copy, tmp_path, "kosong.md", text)
    assert 'kolom "Category" (jenis konten) wajib diisi' in message
    assert 'kolom "Divisi" wajib diisi' in message
    assert "Ada 2 kesalahan" in message


def test_missing_title_is_reported_not_skipped(content_copy, tmp_path):
    text = "Date: 2024-01-02 10:00\nCategory: berita\nDivisi: sekretariat\n\nIsi.\n"
    message = _build_with(content_copy, tmp_path, "tanpa-judul.md", text)
    assert 'content/berita/tanpa-judul.md:1: kolom "Title" wajib diisi' in message


def test_unknown_type_suggests_the_nearest(content_copy, tmp_path):
    text = GOOD_HEADER.replace("Category: berita", "Category: pengumuman-resmi")
    message = _build_with(
        content_copy, tmp_path, "jenis.md", text + "Divisi: sekretariat\n\nIsi.\n"
    )
    assert 'nilai "pengumuman-resmi" tidak dikenal' in message
    assert 'Mungkin maksud Anda "pengumuman"?' in message


def test_missing_image_and_alt_are_reported(content_copy, tmp_path):
    text = GOOD_HEADER + "Divisi: sekretariat\nImage: images/tidak-ada.jpg\n\nIsi.\n"
    message = _build_with(content_copy, tmp_path, "gambar.md", text)
    assert 'kolom "Image": gambar "images/tidak-ada.jpg" tidak ditemukan' in message
    assert 'kolom "Image_alt" wajib diisi' in message


def test_unparseable_date_stops_the_build_instead_of_dropping_the_item(content_copy, tmp_path):
    text = "Title: Uji\nDate: 25 Mei 2021\nCategory: berita\nDivisi: sekretariat\n\nIsi.\n"
    message = _build_with(content_copy, tmp_path, "tanggal.md", text)
    assert 'content/berita/tanggal.md:2: kolom "Date": "25 Mei 2021" tidak dalam format' in message
    assert '"2021-05-25 10:00"' in message


def test_unknown_status_stops_the_build(content_copy, tmp_path):
    text = GOOD_HEADER + "Divisi: sekretariat\nStatus: draf\n\nIsi.\n"
    message = _build_with(content_copy, tmp_path, "status.md", text)
    assert 'kolom "Status": nilai "draf" tidak dikenal' in message
    assert 'Mungkin maksud Anda "draft"?' in message


def test_page_without_title_is_reported(content_copy, tmp_path):
    (content_copy / "pages" / "profil" / "baru.md").write_text(
        "Order: 3\n\nIsi.\n", encoding="utf-8"
    )
    with pytest.raises(ContentError) as error:
        build(tmp_path / "out", PATH=str(content_copy))
    assert 'content/pages/profil/baru.md:1: kolom "Title" wajib diisi' in str(error.value)
