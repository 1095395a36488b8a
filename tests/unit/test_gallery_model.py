"""Albums as data: captions, the photos of a folder, fields, order (pure functions)."""

import datetime

import pytest

from kpu_gallery.model import (
    album_slug_problem,
    neighbours,
    newest_first,
    parse_album,
    parse_captions,
    parse_date,
    parse_division,
    photo_file_problems,
    unsupported_file_problem,
)
from kpu_gallery.settings import SCHEMA
from kpu_settings import schema_problems

UNITS = [
    {"slug": "teknis-penyelenggaraan", "name": "Divisi Teknis Penyelenggaraan"},
    {"slug": "hukum-pengawasan", "name": "Divisi Hukum dan Pengawasan"},
    {"slug": "sekretariat", "name": "Sekretariat"},
]
TODAY = datetime.date(2026, 12, 3)
SOURCE = "galeri/rapat-pleno/album.md"


def metadata(**fields):
    """Album fields as Pelican's Markdown reader hands them over (lower-case keys)."""
    base = {
        "judul": "Rapat pleno",
        "tanggal": "2026-10-03",
        "divisi": "teknis-penyelenggaraan",
        "foto": ["a.jpg | Peserta rapat pleno", "b.png | Papan hasil rapat"],
    }
    base.update({key.lower(): value for key, value in fields.items()})
    return {key: value for key, value in base.items() if value is not None}


def parse(files=("a.jpg", "b.png"), slug="rapat-pleno", **fields):
    return parse_album(SOURCE, slug, metadata(**fields), "<p>Isi</p>", list(files), UNITS, TODAY)


def test_a_valid_album_keeps_order_captions_addresses_and_the_first_photo_as_cover():
    album, problems = parse()
    assert problems == []
    assert [(p.file, p.caption, p.slug, p.number) for p in album.photos] == [
        ("a.jpg", "Peserta rapat pleno", "a", 1),
        ("b.png", "Papan hasil rapat", "b", 2),
    ]
    assert album.cover.file == "a.jpg"
    assert album.division == {
        "slug": "teknis-penyelenggaraan",
        "name": "Divisi Teknis Penyelenggaraan",
    }
    assert album.date == datetime.datetime(2026, 10, 3)
    assert album.title == "Rapat pleno" and album.body == "<p>Isi</p>"


def test_sampul_chooses_the_cover():
    album, problems = parse(sampul="b.png")
    assert problems == [] and album.cover.file == "b.png"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("a.jpg | Peserta rapat", [("a.jpg", "Peserta rapat")]),
        ("  a.jpg|Peserta rapat  ", [("a.jpg", "Peserta rapat")]),
        ("a.jpg | Rapat | pleno", [("a.jpg", "Rapat | pleno")]),
    ],
)
def test_caption_lines_split_at_the_first_bar(line, expected):
    assert parse_captions([line]) == (expected, [])


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("a.jpg", 'belum ada tanda "|"'),
        ("a.jpg |", "keterangannya kosong"),
        ("a.jpg | ok", "keterangannya kosong"),
        ("| Peserta rapat", "tidak menyebut nama berkas"),
    ],
)
def test_a_photo_without_a_caption_is_refused_with_the_form_to_write(line, words):
    pairs, problems = parse_captions([line])
    assert pairs == [] and len(problems) == 1
    assert problems[0].startswith('kolom "Foto"') and words in problems[0]
    if "a.jpg" in line:
        assert '"a.jpg | apa yang tampak di foto"' in problems[0]
        assert problems[0].needle == "a.jpg"  # the report points at that photo's line


def test_a_photo_listed_twice_is_named():
    _pairs, problems = parse_captions(["a.jpg | Satu dua", "A.JPG | Tiga empat"])
    assert problems == ['kolom "Foto": foto "A.JPG" tercantum dua kali; hapus salah satu.']


def test_listed_but_missing_photo_suggests_the_name_on_disk():
    problems = photo_file_problems([("foto-1.jpg", "Keterangan")], ["Foto-1.JPG"], "content/x/")
    assert len(problems) == 2
    assert problems[0].startswith('kolom "Foto": foto "foto-1.jpg" tidak ada di folder content/x/.')
    assert 'Mungkin maksud Anda "Foto-1.JPG"?' in problems[0]
    assert 'foto "Foto-1.JPG" ada di folder album tetapi belum dicantumkan' in problems[1]
    assert '"Foto-1.JPG | keterangan foto"' in problems[1]


def test_listed_missing_photo_without_a_near_name_says_what_to_do():
    (problem,) = photo_file_problems([("hilang.jpg", "Keterangan")], [], "content/x/")
    assert "Salin fotonya ke folder itu atau hapus barisnya." in problem


def test_a_listed_file_that_is_no_photo_is_refused():
    (problem,) = photo_file_problems([("video.mp4", "Keterangan")], ["video.mp4"], "content/x/")
    assert '"video.mp4" bukan foto yang dapat dimuat' in problem and "JPG" in problem


@pytest.mark.parametrize(
    ("name", "words"),
    [("catatan.md", "hanya punya satu berkas album.md"), ("animasi.gif", "foto JPG, PNG")],
)
def test_other_files_in_an_album_folder_are_explained(name, words):
    assert words in unsupported_file_problem(name, "content/galeri/x/")


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"judul": None}, 'kolom "Judul" wajib diisi'),
        ({"foto": None, "files": ()}, 'kolom "Foto" wajib diisi'),
        ({"tanggal": "03/10/2026"}, 'kolom "Tanggal": "03/10/2026"'),
        ({"tanggal": "2026-02-30"}, "bukan tanggal yang ada"),
        ({"tanggal": "2027-01-01"}, "belum terjadi"),
        ({"divisi": "teknis"}, 'Mungkin maksud Anda "teknis-penyelenggaraan"?'),
        ({"divisi": "teknis-penyelenggaraan, hukum-pengawasan"}, "satu divisi saja"),
        ({"sampul": "c.jpg"}, 'kolom "Sampul": "c.jpg" bukan salah satu foto'),
        ({"judl": "x"}, 'kolom "judl" tidak dikenal untuk album foto'),
    ],
)
def test_each_field_mistake_stops_the_album_with_its_message(fields, words):
    files = fields.pop("files", ("a.jpg", "b.png"))
    album, problems = parse(files=files, **fields)
    assert album is None
    assert any(words in problem for problem in problems), problems


def test_every_problem_of_an_album_is_reported_together():
    album, problems = parse(files=("a.jpg", "c.jpg"), tanggal="kemarin", divisi="humas")
    assert album is None and len(problems) == 4
    joined = "\n".join(problems)
    assert 'kolom "Tanggal"' in joined and 'kolom "Divisi"' in joined
    assert 'foto "b.png" tidak ada' in joined and 'foto "c.jpg" ada di folder album' in joined


@pytest.mark.parametrize(
    ("folder", "words"),
    [
        ("Rapat Pleno 2026", 'Ganti nama foldernya menjadi "rapat-pleno-2026"'),
        ("halaman", "sudah dipakai untuk halaman daftar galeri"),
    ],
)
def test_a_folder_name_that_cannot_be_an_address_is_refused(folder, words):
    assert words in album_slug_problem(folder)
    album, problems = parse(slug=folder)
    assert album is None and any(words in p for p in problems)


def test_a_slug_folder_name_is_fine():
    assert album_slug_problem("rapat-pleno-2026") is None


def test_two_photos_with_the_same_address_are_named():
    _album, problems = parse(
        files=("Foto 1.jpg", "foto-1.jpg"),
        foto=["Foto 1.jpg | Peserta rapat", "foto-1.jpg | Peserta lain"],
    )
    assert any('mendapat alamat yang sama ("foto-1")' in p for p in problems)


def test_dates_and_divisions_parse_on_their_own():
    assert parse_date("2026-12-03", TODAY) == (datetime.datetime(2026, 12, 3), None)
    assert parse_date("", TODAY) == (None, None)
    assert parse_division("sekretariat", UNITS) == (
        {"slug": "sekretariat", "name": "Sekretariat"},
        None,
    )


def test_albums_are_listed_newest_first_and_photos_have_neighbours():
    older, _ = parse(tanggal="2025-01-01", judul="B lama")
    newer, _ = parse(tanggal="2026-01-01", judul="Z baru")
    same_day, _ = parse(tanggal="2026-01-01", judul="A baru")
    assert [a.title for a in newest_first([older, newer, same_day])] == [
        "A baru",
        "Z baru",
        "B lama",
    ]
    photos = newer.photos
    assert neighbours(photos, 0) == (None, photos[1])
    assert neighbours(photos, 1) == (photos[0], None)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("KPU_GALLERY_PATH", "/galeri"),
        ("KPU_GALLERY_URL", "galeri"),
        ("KPU_GALLERY_PER_PAGE", 0),
        ("KPU_GALLERY_HOME_COUNT", 20),
        ("KPU_GALLERY_THUMB_SIZES", " "),
    ],
)
def test_bad_gallery_settings_are_named(key, value):
    (problem,) = schema_problems({key: value}, SCHEMA)
    assert key in problem


def test_gallery_defaults_pass_their_own_checks():
    assert schema_problems({}, SCHEMA) == []


def test_without_kpu_images_a_photo_is_a_problem_not_a_raw_copy():
    from kpu_buildstate import contract

    settings = {}
    contract.start_build(settings)
    picture, problems = contract.plan_picture(settings, "content/galeri/x/a.jpg", "Keterangan")
    assert picture is None and '"kpu_images"' in problems[0]
