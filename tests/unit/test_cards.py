"""Share cards: every text fits inside the margins, photos and verdicts, a key per input."""

import os

import pytest
from PIL import Image

from kpu_content.types import VERDICTS
from kpu_images.cards import STAMPS, CardJob, card_alt, card_key, draw_card, font_path, render
from kpu_images.layout import SIZES, fit_text, layout_card, width_of, wrap
from tests.photos import camera_jpeg

LONG_DIVISION = (
    "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan Sumber Daya Manusia"
)
LONG_OFFICE = "Komisi Pemilihan Umum Kabupaten Kepulauan Siau Tagulandang Biaro Sulawesi Utara"
LONG_TITLE = (
    "Rapat koordinasi evaluasi pengelolaan kehumasan, laman resmi, media sosial dan layanan "
    "informasi publik KPU kabupaten dan kota se-Jawa Tengah menjelang tahapan pemilihan "
    "serentak berikutnya di seluruh wilayah"
)
assert len(LONG_TITLE) >= 200
ONE_WORD = "Penyelenggaraanpemilihanumumdanpemilihankepaladaerahserentaknasional" * 2
DATE = "Rabu, 30 September 2026"


def _inside(box, safe):
    left, top, right, bottom = box
    return safe[0] <= left and right <= safe[2] and safe[1] <= top and bottom <= safe[3]


CASES = [
    ("pendek", "KPU Kabupaten Temanggung", "Rapat pleno", "Divisi Hukum", ""),
    ("divisi panjang", "KPU Kabupaten Temanggung", "Rapat pleno", LONG_DIVISION, ""),
    ("judul 200 huruf", "KPU Kabupaten Temanggung", LONG_TITLE, LONG_DIVISION, ""),
    ("kantor panjang", LONG_OFFICE, LONG_TITLE, LONG_DIVISION, "HOAKS"),
    ("satu kata", LONG_OFFICE + " " + ONE_WORD, ONE_WORD, ONE_WORD, "SEBAGIAN BENAR"),
    ("semua terpanjang", LONG_OFFICE, LONG_TITLE * 2, LONG_DIVISION * 2, "SEBAGIAN BENAR"),
]


@pytest.mark.parametrize("size_name", list(SIZES))
@pytest.mark.parametrize(
    ("office", "title", "division", "stamp"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_every_text_line_lies_inside_the_card_margins(size_name, office, title, division, stamp):
    layout = layout_card(size_name, office, title, division, DATE, stamp)
    assert layout.size == SIZES[size_name]
    assert {line.role for line in layout.lines} >= {"office", "title", "division", "date"}
    for line in layout.lines:
        assert line.text, line
        assert _inside(line.box, layout.safe), line
        assert width_of(line.text, line.points, line.weight) <= layout.safe[2] - line.x
    if stamp:
        assert _inside(layout.stamp_box, (0, 0, *layout.size))
        assert [line.text for line in layout.lines if line.role == "stamp"] == [stamp]
    ordered = sorted(layout.lines, key=lambda line: line.box[1])
    for upper, lower in zip(ordered, ordered[1:], strict=False):
        assert upper.box[3] <= lower.box[1] or upper.box[2] <= lower.box[0], (upper, lower)


def test_a_long_division_name_wraps_at_full_size_before_it_shrinks():
    layout = layout_card("og", "KPU Kabupaten Temanggung", "Rapat", LONG_DIVISION, DATE)
    division = [line for line in layout.lines if line.role == "division"]
    assert len(division) == 2 and {line.points for line in division} == {30}
    assert " ".join(line.text for line in division) == LONG_DIVISION


def test_a_long_title_shrinks_before_it_is_shortened():
    points, lines = fit_text(LONG_TITLE, "Bold", (64, 46, 34), 1056, 5)
    assert points < 64 and " ".join(lines) == LONG_TITLE


def test_wrap_never_cuts_words_and_shortens_with_an_ellipsis():
    title = " ".join(["Penyelenggaraan"] * 20)
    lines, cut = wrap(title, 60, "Bold", 1056, 4)
    assert cut and len(lines) == 4 and lines[-1].endswith("…")
    for line in lines:
        assert width_of(line, 60, "Bold") <= 1056
        assert all(word in ("Penyelenggaraan", "Penyelenggaraan…") for word in line.split())
    assert wrap("Rapat pleno", 60, "Bold", 1056, 4) == (["Rapat pleno"], False)


def test_a_word_wider_than_the_card_is_shortened_as_the_last_resort():
    points, lines = fit_text(ONE_WORD, "Bold", (64, 34), 1056, 2)
    assert points == 34 and lines[-1].endswith("…")
    assert all(width_of(line, 34, "Bold") <= 1056 for line in lines)


def test_a_stamped_title_drops_its_bracketed_tag():
    title = "[HOAKS] Surat suara sudah tercoblos"
    layout = layout_card("og", "KPU", title, "Divisi", DATE, "HOAKS")
    drawn = " ".join(line.text for line in layout.lines if line.role == "title")
    assert drawn == "Surat suara sudah tercoblos"


def test_every_verdict_of_the_content_type_has_a_stamp():
    assert set(STAMPS) == set(VERDICTS)
    assert STAMPS["hoaks"][0] == "HOAKS" and STAMPS["benar"][0] == "FAKTA"


def _job(tmp_path, **changes):
    fields = {
        "title": "Rapat pleno",
        "office": "KPU Kabupaten Contoh",
        "date_text": DATE,
        "division": LONG_DIVISION,
        "colour": "#1d4f91",
        "cache_stem": str(tmp_path / "kartu"),
    }
    return CardJob(**{**fields, **changes})


def test_a_card_with_a_photo_shows_the_photo_darkened_under_white_text(tmp_path):
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(camera_jpeg(1, 1600, 900))
    for size_name, size in SIZES.items():
        plain = draw_card(_job(tmp_path), size_name)
        pictured = draw_card(_job(tmp_path, photo=str(photo)), size_name)
        assert pictured.size == plain.size == size
        # Below the title, away from text: white on the plain card, a dark photo on the other.
        assert plain.getpixel((size[0] - 40, size[1] // 2)) == (255, 255, 255)
        assert max(pictured.getpixel((size[0] - 40, size[1] // 2))) < 110


def test_render_writes_both_card_sizes(tmp_path):
    written = render(_job(tmp_path, verdict="hoaks"))
    for path, size in zip(written, SIZES.values(), strict=True):
        with Image.open(path) as image:
            assert image.size == size and image.format == "JPEG"


BASE = ("Judul", "KPU", DATE, "Divisi", "#a50f1a", "", "")


@pytest.mark.parametrize("index", range(len(BASE)))
def test_the_card_key_changes_with_every_input(index):
    changed = list(BASE)
    changed[index] = changed[index] + "x"
    assert card_key(*changed) != card_key(*BASE)


def test_card_alt_says_what_the_card_shows():
    alt = card_alt("Surat suara", "KPU Contoh", DATE, "hoaks", "Petugas menyusun surat suara")
    assert alt == (
        "Cap HOAKS: Surat suara — KPU Contoh, Rabu, 30 September 2026. "
        "Foto: Petugas menyusun surat suara"
    )


def test_card_fonts_ship_with_a_package():
    assert os.path.exists(font_path("Bold")) and os.path.exists(font_path("Regular"))
