import os

import pytest
from PIL import Image

from kpu_images.encode import EncodeJob, encode
from kpu_images.inspect import ImageInfo, ImageProblem, inspect_image
from kpu_images.model import (
    build_picture,
    image_source,
    picture_html,
    plan_widths,
    rewrite_images,
    tag_attributes,
)
from kpu_images.settings import DEFAULTS
from tests.photos import GPS_IFD, camera_jpeg, png_bytes


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (3000, (480, 960, 1600)),
        (1600, (480, 960, 1600)),
        (1200, (480, 960, 1200)),
        (800, (480, 800)),
        (480, (480,)),
        (300, (300,)),
    ],
)
def test_widths_are_never_wider_than_the_source(source, expected):
    assert plan_widths(source, (480, 960, 1600)) == expected


def _picture(width=3000, height=2000, alpha=False, alt="Foto rapat"):
    info = ImageInfo(width, height, "JPEG", alpha)
    return build_picture(info, "abcdef0123456789kk", "rapat", DEFAULTS, "https://x.go.id", alt)


def test_picture_plans_webp_and_fallback_with_heights():
    picture = _picture()
    assert [v.width for v in picture.variants] == [480, 960, 1600]
    assert picture.variants[0].height == 320
    assert picture.default.width == 960
    assert picture.variants[0].webp == "images/rapat-abcdef0123-480.webp"
    assert picture.variants[0].fallback.endswith("-480.jpg")
    assert _picture(alpha=True).variants[0].fallback.endswith("-480.png")


def test_picture_markup_sets_size_sources_and_loading():
    markup = picture_html(_picture(alt='Rapat "pleno" & <diskusi>'), "100vw")
    assert markup.startswith('<picture><source type="image/webp" srcset="https://x.go.id/images/')
    assert 'width="960" height="640"' in markup and 'loading="lazy"' in markup
    assert 'decoding="async"' in markup and "960w" in markup and 'sizes="100vw"' in markup
    assert 'alt="Rapat &quot;pleno&quot; &amp; &lt;diskusi&gt;"' in markup
    eager = picture_html(_picture(), "100vw", eager=True)
    assert 'fetchpriority="high"' in eager and "loading=" not in eager


def test_rewrite_images_replaces_each_img_once_and_keeps_the_rest():
    fragment = '<p>a <img alt="x" src="/images/a.jpg" /> b <img src="b.png" alt="y"></p>'
    seen = []

    def replace(attributes, index):
        seen.append((index, attributes["src"], attributes["alt"]))
        return "<picture/>" if index == 0 else None

    result = rewrite_images(fragment, replace)
    assert result == '<p>a <picture/> b <img src="b.png" alt="y"></p>'
    assert seen == [(0, "/images/a.jpg", "x"), (1, "b.png", "y")]


def test_tag_attributes_decodes_entities():
    assert tag_attributes('<img alt="A &amp; B" src="x.jpg">') == {"alt": "A & B", "src": "x.jpg"}


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("{static}/images/a.jpg", ("/images/a.jpg", False)),
        ("images/a.jpg", ("images/a.jpg", False)),
        ("https://cdn.example/a.jpg", ("https://cdn.example/a.jpg", True)),
        ("//cdn.example/a.jpg", ("//cdn.example/a.jpg", True)),
    ],
)
def test_image_source(src, expected):
    assert image_source(src) == expected


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_inspect_reports_the_upright_size(tmp_path, orientation):
    info = inspect_image(_write(tmp_path, "f.jpg", camera_jpeg(orientation)), 10**8)
    assert (info.width, info.height) == (600, 400) and info.format == "JPEG"


@pytest.mark.parametrize(
    ("name", "data", "limit", "expected"),
    [
        ("rusak.jpg", b"bukan gambar sama sekali", 10**8, "tidak dapat dibaca sebagai gambar"),
        ("potong.jpg", camera_jpeg()[:1500], 10**8, "rusak atau terpotong"),
        ("bom.png", png_bytes(400, 400), 20_000, "terlalu besar"),
        ("bohong.jpg", png_bytes(), 10**8, "berakhiran .jpg tetapi isinya PNG"),
        ("animasi.gif", b"GIF89a", 10**8, "berformat .gif"),
    ],
)
def test_bad_images_are_named_with_the_problem(tmp_path, name, data, limit, expected):
    with pytest.raises(ImageProblem) as problem:
        inspect_image(_write(tmp_path, name, data), limit)
    assert name in str(problem.value) and expected in str(problem.value)


def test_missing_image(tmp_path):
    with pytest.raises(ImageProblem, match='"hilang.jpg" tidak ditemukan'):
        inspect_image(str(tmp_path / "hilang.jpg"), 10**8)


def test_heic_without_its_plugin_gets_a_clear_error(tmp_path, monkeypatch):
    from PIL import UnidentifiedImageError

    def refuse(*_args, **_kwargs):
        raise UnidentifiedImageError("no plugin")

    monkeypatch.setattr(Image, "open", refuse)
    with pytest.raises(ImageProblem, match="pillow-heif"):
        inspect_image(_write(tmp_path, "foto.heic", b"\x00\x00\x00\x18ftypheic"), 10**8)


def _encode(tmp_path, data, widths, fallback="jpg", name="foto.jpg"):
    source = _write(tmp_path, name, data)
    job = EncodeJob(source, str(tmp_path / "key"), widths, fallback, 80, 75, 10**8)
    return encode(job)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_encoding_applies_orientation_and_strips_every_metadata(tmp_path, orientation):
    written = _encode(tmp_path, camera_jpeg(orientation), (480, 600))
    assert sorted(os.path.basename(p) for p in written) == [
        "key-480.jpg",
        "key-480.webp",
        "key-600.jpg",
        "key-600.webp",
    ]
    for path in written:
        with Image.open(path) as image:
            assert image.size in ((600, 400), (480, 320))
            assert len(image.getexif()) == 0 and not image.getexif().get_ifd(GPS_IFD)
            assert not {"xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "exif"} & set(
                image.info
            )
            red = image.convert("RGB").getpixel((5, 5))
            assert red[0] > 150 and red[2] < 100, f"orientation {orientation} came out turned"
        with open(path, "rb") as handle:
            raw = handle.read()
        assert b"KameraPonsel" not in raw and b"GPSLatitude" not in raw and b"lokasi" not in raw


def test_transparent_png_keeps_alpha_in_png_fallback(tmp_path):
    written = _encode(tmp_path, png_bytes(300, 200, alpha=True), (300,), "png", "logo.png")
    with Image.open(next(p for p in written if p.endswith(".png"))) as image:
        assert image.mode == "RGBA" and image.size == (300, 200)
