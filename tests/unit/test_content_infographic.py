"""The infographic's required fields and the hoax box's voter-registration rule."""

import pytest

from kpu_content.types import (
    INFOGRAPHIC_MIN_TEXT,
    about_voter_registration,
    check_infographic_fields,
    hoax_details,
)

DIVISIONS = [{"slug": "sekretariat", "name": "Sekretariat"}]
LONG = "Langkah pertama menghimpun data kependudukan. " * 5


def test_an_infographic_with_image_and_text_passes():
    assert len(LONG) > INFOGRAPHIC_MIN_TEXT
    metadata = {"image": "images/a.png", "image_alt": "Infografis"}
    assert check_infographic_fields(metadata, LONG) == []


def test_an_infographic_without_image_or_text_gets_both_messages():
    problems = check_infographic_fields({}, "Lihat gambar.")
    assert problems[0].startswith('kolom "Image" wajib diisi untuk infografis')
    assert problems[1].startswith("isi tulisan (di bawah kolom-kolom) wajib memuat teks versi")
    assert "(kini 13)" in problems[1]
    assert len(problems) == 2


@pytest.mark.parametrize(
    ("claim", "tags", "expected"),
    [
        ("Pemilih yang pindah domisili otomatis kehilangan hak pilih.", (), True),
        ("Nama saya hilang dari DPT!", (), True),
        ("Warga yang belum terdaftar tidak bisa memilih.", (), True),
        ("Daftar  Pemilih Tetap sudah ditutup.", (), True),
        ("Surat suara sudah dicoblos sebelum hari pemungutan.", (), False),
        ("Surat suara sudah dicoblos sebelum hari pemungutan.", ("daftar-pemilih",), True),
        ("Anggota KPU menerima adptasi anggaran.", ("hoaks",), False),  # "dpt" inside a word
        ("KPU membeli logistik dari luar negeri.", ("hoaks", "logistik"), False),
    ],
)
def test_a_claim_about_voter_registration(claim, tags, expected):
    assert about_voter_registration(claim, tags) is expected


def test_hoax_details_carry_the_rule():
    metadata = {
        "klaim": "Pindah domisili menghapus hak pilih.",
        "putusan": "hoaks",
        "dasar": "PKPU.",
        "sumber": "https://www.kpu.go.id",
    }
    assert hoax_details(metadata)["voter_registration"] is True
    metadata["klaim"] = "KPU membeli logistik dari luar negeri."
    assert hoax_details(metadata, ["logistik"])["voter_registration"] is False


def test_the_web_editor_form_of_an_infographic_requires_what_the_build_requires():
    from kpu_admin.model import news_fields

    form = {f["name"]: f for f in news_fields("infografis", DIVISIONS, "images")}
    assert form["Image"]["required"] is True and form["Image_alt"]["required"] is True
    assert form["body"]["label"] == "Teks versi infografis"
    assert str(INFOGRAPHIC_MIN_TEXT) in form["body"]["hint"]
    news = {f["name"]: f for f in news_fields("berita", DIVISIONS, "images")}
    assert news["Image"]["required"] is False and news["body"]["label"] == "Isi"
