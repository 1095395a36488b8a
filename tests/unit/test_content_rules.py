import pytest
from pelican.urlwrappers import Category

from kpu_content.model import (
    DEFAULT_CONTENT_TYPES,
    check_news_metadata,
    split_divisions,
)
from kpu_messages import nearest
from tests.conftest import make_settings

DIVISIONS = ["teknis-penyelenggaraan", "hukum-pengawasan", "sekretariat"]


def _metadata(**fields):
    settings = make_settings()
    base = {
        "title": "Judul",
        "date": "2024-01-01",
        "category": Category("berita", settings),
        "divisi": "teknis-penyelenggaraan",
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("teknis-penyelengaraan", "teknis-penyelenggaraan"),
        ("hukum", "hukum-pengawasan"),
        ("zzz", None),
    ],
)
def test_nearest_match(typo, expected):
    assert nearest(typo, DIVISIONS) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a", ["a"]), ("a, b", ["a", "b"]), (" a ,, b ", ["a", "b"]), ("", []), (None, [])],
)
def test_split_divisions(raw, expected):
    assert split_divisions(raw) == expected


def test_valid_metadata_has_no_problems():
    assert check_news_metadata(_metadata(), DIVISIONS, DEFAULT_CONTENT_TYPES) == []


def test_two_divisions_one_unknown():
    problems = check_news_metadata(
        _metadata(divisi="teknis-penyelenggaraan, hukum"),
        DIVISIONS,
        DEFAULT_CONTENT_TYPES,
    )
    assert problems == [
        'kolom "Divisi": nilai "hukum" tidak dikenal. Pilihan: teknis-penyelenggaraan, '
        'hukum-pengawasan, sekretariat. Mungkin maksud Anda "hukum-pengawasan"?'
    ]


def test_missing_fields_are_each_reported():
    problems = check_news_metadata(
        _metadata(title=None, date=None, category=None, divisi=None),
        DIVISIONS,
        DEFAULT_CONTENT_TYPES,
    )
    assert [p.split(":")[0] for p in problems] == [
        'kolom "Title" wajib diisi dengan judul berita.'.split(":")[0],
        'kolom "Date" wajib diisi, misalnya "Date',
        'kolom "Category" (jenis konten) wajib diisi. Pilihan',
        'kolom "Divisi" wajib diisi (satu atau beberapa, dipisah koma). Pilihan',
    ]


@pytest.mark.parametrize(
    ("status", "problems"),
    [("published", 0), ("draft", 0), ("hidden", 0), ("draf", 1), ("terbit", 1)],
)
def test_status_must_be_one_pelican_knows(status, problems):
    from kpu_content.model import check_status

    assert len(check_status({"status": status})) == problems


def test_header_is_read_until_the_first_blank_line():
    from kpu_content.model import read_header

    text = "Title: A: b\nDate: 2024-01-01\n\nBody: not a field\n"
    assert read_header(text) == {"title": "A: b", "date": "2024-01-01"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title: A\nDate: 25 Mei 2021\n\nx", 'kolom "Date": "25 Mei 2021" tidak dalam format'),
        ("Title: A\nDate: 2021-13-45\n\nx", 'kolom "Date": "2021-13-45" bukan tanggal'),
        ("Title: A\nDate: 2021-05-25\n\nx", "berkas tidak dapat dibaca"),
    ],
)
def test_diagnose_unreadable(text, expected):
    from kpu_content.model import diagnose_unreadable

    assert diagnose_unreadable(text)[0].startswith(expected)
