"""Photo albums on built sites: pages, thumbnails, the no-JS lightbox, privacy and mistakes."""

import hashlib
import re
import shutil
from urllib.parse import urlparse

import pytest
from pelican import Pelican
from PIL import Image

from kpu_messages import AdminFacingError
from tests.conftest import ROOT, make_settings, seed_image_cache, soup, write_content
from tests.photos import GPS_IFD, camera_jpeg, png_bytes

SAMPLE = "galeri/simulasi-pemungutan-suara-2026"
SAMPLE_PHOTOS = ("tps-contoh", "bilik-suara", "kotak-suara", "tinta-pemilu", "papan-penghitungan")
ALBUM = """\
Judul: {title}
Tanggal: {date}
Divisi: hukum-pengawasan
Foto: {photos}

Isi album.
"""


def _album(title="Album uji", date="2026-11-01", photos=("a.jpg | Foto pertama album uji",)):
    return ALBUM.format(title=title, date=date, photos="\n    ".join(photos))


def _build(base, extra_files=None, photos=None, **overrides):
    """Build the sample content plus extra albums into base/out; return (site, settings)."""
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    write_content(content, extra_files or {})
    for name, data in (photos or {}).items():
        (content / name).write_bytes(data)
    settings = make_settings(
        PATH=str(content),
        OUTPUT_PATH=str(base / "out"),
        CACHE_PATH=str(seed_image_cache(base / "cache")),  # the sample's photos, encoded once
        **overrides,
    )
    Pelican(settings).run()
    return base / "out", settings


def _local(site, url):
    return site / urlparse(url).path.lstrip("/")


# The sample site ---------------------------------------------------------------------------


def test_the_sample_album_page_shows_title_date_division_body_and_every_thumbnail(built_site):
    page = soup(built_site / SAMPLE / "index.html")
    main = page.find("main")
    assert main.find("h1").get_text(strip=True).startswith("Simulasi pemungutan")
    assert main.find("time")["datetime"] == "2026-10-03"
    division = main.select_one(".kpu-album__meta a")
    assert division["href"] == "/divisi/teknis-penyelenggaraan/"
    assert (built_site / "divisi/teknis-penyelenggaraan/index.html").exists()
    assert "album contoh" in main.select_one(".kpu-prose").get_text()
    links = main.select("ul.kpu-gallery > li > a.kpu-gallery__link")
    assert [a["href"] for a in links] == [f"/{SAMPLE}/{slug}/" for slug in SAMPLE_PHOTOS]
    for link in links:
        img = link.select_one("picture > img")
        assert img["loading"] == "lazy" and img["decoding"] == "async"
        assert img["alt"].startswith("Ilustrasi: ")  # the caption names the link
        assert int(img["width"]) > 0 and int(img["height"]) > 0
        assert re.fullmatch(
            r"(/images/\S+-\d+\.jpg \d+w, )*/images/\S+-\d+\.jpg \d+w", img["srcset"]
        )
        assert link.select_one("picture > source[type='image/webp']")["srcset"]
        assert _local(built_site, img["src"]).exists()


def test_each_photo_page_is_a_lightbox_of_plain_links(built_site):
    count = len(SAMPLE_PHOTOS)
    for number, slug in enumerate(SAMPLE_PHOTOS, start=1):
        page = soup(built_site / SAMPLE / slug / "index.html")
        main = page.find("main")
        assert (
            main.select_one(".kpu-album-photo__count").get_text() == f"Foto {number} dari {count}"
        )
        img = main.select_one("figure picture img")
        caption = main.select_one("figure figcaption").get_text(strip=True)
        assert caption and img["alt"] == caption
        assert "loading" not in img.attrs  # the photo is what the page is for: load it first
        with Image.open(_local(built_site, img["src"])) as image:
            assert image.size == (int(img["width"]), int(img["height"]))
        nav = main.find("nav", attrs={"aria-label": "Foto lain di album ini"})
        previous, following = nav.find("a", rel="prev"), nav.find("a", rel="next")
        assert (previous is None) == (number == 1)
        assert (following is None) == (number == count)
        if previous:
            assert previous["href"] == f"/{SAMPLE}/{SAMPLE_PHOTOS[number - 2]}/"
        if following:
            assert following["href"] == f"/{SAMPLE}/{SAMPLE_PHOTOS[number]}/"
        back = nav.find("a", string=re.compile("Kembali ke album"))
        assert back["href"] == f"/{SAMPLE}/"
        largest = main.select_one(".kpu-album-photo__download a")["href"]
        assert _local(built_site, largest).exists()
        assert page.select("nav.kpu-breadcrumbs a")[-1]["href"] == f"/{SAMPLE}/"


def test_the_gallery_list_and_the_home_page_show_the_album(built_site):
    listing = soup(built_site / "galeri/index.html").find("main")
    card = listing.select_one("ul.kpu-album-list > li .kpu-album-card")
    assert card.find("h2").a["href"] == f"/{SAMPLE}/"
    assert "5 foto" in card.select_one(".kpu-album-card__meta").get_text()
    assert card.select_one("img.kpu-album-card__image")["alt"].startswith("Ilustrasi: tenda TPS")
    home = soup(built_site / "index.html")
    section = home.find("section", attrs={"aria-labelledby": "galeri-foto"})
    assert section.find("h2").get_text() == "Galeri foto"
    assert section.select_one(".kpu-album-card h3 a")["href"] == f"/{SAMPLE}/"
    assert section.find("a", string="Lihat semua galeri")["href"] == "/galeri/"
    footer = home.find("footer")
    assert footer.find("a", string="Galeri foto")["href"] == "/galeri/"


def test_the_sample_photos_are_published_only_as_derived_copies(built_site):
    originals = {
        hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (ROOT / "content" / SAMPLE).glob("*.jpg")
    }
    assert len(originals) == len(SAMPLE_PHOTOS)
    assert not (built_site / SAMPLE / "tps-contoh.jpg").exists()
    for path in built_site.rglob("*"):
        if path.suffix in {".jpg", ".jpeg", ".png", ".webp"}:
            assert hashlib.sha256(path.read_bytes()).hexdigest() not in originals, path


# A caption with quotes, an ampersand and angle-bracket-free markup characters: shown as text.
TRICKY_CAPTION = 'Bagan "hasil" rapat & pleno, 10 > 9'


# A site with phone photos and more albums ---------------------------------------------------


@pytest.fixture(scope="module")
def phone_site(tmp_path_factory):
    """The sample plus two albums of camera photos (GPS, maker, XMP, ICC), one per page."""
    base = tmp_path_factory.mktemp("galeri")
    photos = {
        "galeri/rapat-pleno/a.jpg": camera_jpeg(6, 1200, 900),
        "galeri/rapat-pleno/b.png": png_bytes(400, 300),
        "galeri/lama/a.jpg": camera_jpeg(1, 640, 480),
    }
    files = {
        "galeri/rapat-pleno/album.md": _album(
            "Rapat pleno terbuka",
            photos=("a.jpg | Peserta rapat pleno dari ponsel", f"b.png | {TRICKY_CAPTION}"),
        ),
        "galeri/lama/album.md": _album("Album lama", date="2020-01-05"),
    }
    site, settings = _build(base, files, photos, KPU_GALLERY_PER_PAGE=1, KPU_GALLERY_HOME_COUNT=2)
    return site, photos


def test_no_gps_or_camera_data_and_no_original_reaches_the_output(phone_site):
    site, photos = phone_site
    originals = {hashlib.sha256(data).hexdigest() for data in photos.values()}
    published = [p for p in site.rglob("*") if p.suffix in {".jpg", ".jpeg", ".png", ".webp"}]
    assert not (site / "galeri/rapat-pleno/a.jpg").exists()
    for path in published:
        raw = path.read_bytes()
        assert hashlib.sha256(raw).hexdigest() not in originals, path
        assert b"KameraPonsel" not in raw and b"GPSLatitude" not in raw, path
        with Image.open(path) as image:
            exif = image.getexif()
            assert len(exif) == 0 and not exif.get_ifd(GPS_IFD), path
            assert not {"xmp", "XML:com.adobe.xmp", "icc_profile", "comment"} & set(image.info)
    page = soup(site / "galeri/rapat-pleno/a/index.html")
    img = page.select_one("main figure img")
    # Stored 900x1200 with orientation 6: published upright, 4:3 landscape at 960 px.
    assert (int(img["width"]), int(img["height"])) == (960, 720)
    with Image.open(_local(site, img["src"])) as image:
        assert image.size == (960, 720)
        assert image.convert("RGB").getpixel((5, 5))[0] > 150  # red corner top-left: upright


def test_captions_are_escaped_as_alt_text_and_as_caption(phone_site):
    site, _photos = phone_site
    album = soup(site / "galeri/rapat-pleno/index.html")
    assert album.select("ul.kpu-gallery img")[1]["alt"] == TRICKY_CAPTION
    raw = (site / "galeri/rapat-pleno/b/index.html").read_text(encoding="utf-8")
    # kpu_images writes the attribute with html.escape: quotes and "&" cannot end it.
    assert 'alt="Bagan &quot;hasil&quot; rapat &amp; pleno, 10 &gt; 9"' in raw
    page = soup(site / "galeri/rapat-pleno/b/index.html")
    assert page.select_one("figcaption").get_text() == TRICKY_CAPTION


def test_albums_are_listed_newest_first_and_paginated(phone_site):
    site, _photos = phone_site
    first = soup(site / "galeri/index.html")
    second = soup(site / "galeri/halaman/2/index.html")
    third = soup(site / "galeri/halaman/3/index.html")
    titles = [
        s.select_one(".kpu-album-card__title").get_text(strip=True) for s in (first, second, third)
    ]
    assert titles == [
        "Rapat pleno terbuka",
        "Simulasi pemungutan dan penghitungan suara di TPS contoh",
        "Album lama",
    ]
    assert first.select_one("nav.kpu-pagination a[rel=next]")["href"] == "/galeri/halaman/2/"
    home = soup(site / "index.html").find("section", attrs={"aria-labelledby": "galeri-foto"})
    assert len(home.select(".kpu-album-card")) == 2


def test_a_site_without_albums_has_an_empty_gallery_and_no_home_block(tmp_path):
    base = tmp_path
    content = base / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("galeri"))
    settings = make_settings(
        PATH=str(content),
        OUTPUT_PATH=str(base / "out"),
        CACHE_PATH=str(seed_image_cache(base / "cache")),
    )
    Pelican(settings).run()
    assert "Belum ada album foto." in (base / "out/galeri/index.html").read_text(encoding="utf-8")
    home = soup(base / "out/index.html")
    assert home.find(id="galeri-foto") is None


# Admin mistakes -----------------------------------------------------------------------------


def test_every_album_mistake_is_reported_with_file_line_and_field(tmp_path):
    photo = camera_jpeg(1, 320, 240)
    files = {
        "galeri/salah/album.md": (
            "Judul: Album salah\n"
            "Tanggal: 31-12-2025\n"
            "Divisi: teknis\n"
            "Foto: ada.jpg | Foto yang ada di folder\n"
            "    hilang.jpg | Foto yang tidak ada\n"
            "    tanpa-keterangan.jpg\n"
            "    kosong.jpg |\n"
            "\nIsi.\n"
        ),
        "galeri/kosong/album.md": (
            "Judul: Tanpa foto\nTanggal: 2026-01-02\nDivisi: hukum-pengawasan\n\nIsi.\n"
        ),
        "galeri/tanpa-md/catatan.txt": "catatan",
    }
    photos = {
        "galeri/salah/ada.jpg": photo,
        "galeri/salah/tanpa-keterangan.jpg": photo,
        "galeri/salah/kosong.jpg": photo,
        "galeri/salah/lupa.jpg": photo,
        "galeri/salah/dokumen.pdf": b"%PDF-1.4",
        "galeri/tanpa-md/a.jpg": photo,
        "galeri/lepas.jpg": photo,
    }
    with pytest.raises(AdminFacingError) as raised:
        _build(tmp_path, files, photos)
    message = str(raised.value)
    expected = [
        'content/galeri/salah/album.md:2: kolom "Tanggal": "31-12-2025"',
        'content/galeri/salah/album.md:3: kolom "Divisi": nilai "teknis" tidak dikenal.',
        'content/galeri/salah/album.md:5: kolom "Foto": foto "hilang.jpg" tidak ada di folder '
        "content/galeri/salah/.",
        'content/galeri/salah/album.md:6: kolom "Foto": foto "tanpa-keterangan.jpg": belum ada '
        'tanda "|"',
        'content/galeri/salah/album.md:7: kolom "Foto": foto "kosong.jpg": keterangannya kosong.',
        'content/galeri/salah/album.md:4: kolom "Foto": foto "lupa.jpg" ada di folder album '
        "tetapi belum dicantumkan.",
        'content/galeri/salah/dokumen.pdf:1: berkas "dokumen.pdf" tidak dapat dimuat di album',
        'content/galeri/kosong/album.md:1: kolom "Foto" wajib diisi',
        'content/galeri/tanpa-md:1: folder album "content/galeri/tanpa-md/" belum punya berkas '
        "album.md.",
        'content/galeri/lepas.jpg:1: berkas "lepas.jpg" berada langsung di content/galeri/.',
    ]
    for line in expected:
        assert line in message, f"{line}\n---\n{message}"
    assert 'Mungkin maksud Anda "teknis-penyelenggaraan"?' in message
    assert "catatan.txt" in message  # named by the gate's survey of the folder


def test_a_photo_that_is_not_an_image_is_refused_by_the_image_pipeline(tmp_path):
    files = {"galeri/rusak/album.md": _album(photos=("a.jpg | Foto yang rusak sekali",))}
    with pytest.raises(AdminFacingError) as raised:
        _build(tmp_path, files, {"galeri/rusak/a.jpg": b"bukan foto"})
    message = str(raised.value)
    assert "content/galeri/rusak/album.md:" in message
    assert 'kolom "Foto": gambar "a.jpg" tidak dapat dibaca sebagai gambar' in message


def test_album_markup_goes_through_the_gate(tmp_path):
    text = _album().replace("Isi album.", 'Isi <script>alert("x")</script> album.')
    with pytest.raises(AdminFacingError) as raised:
        _build(tmp_path, {"galeri/skrip/album.md": text}, {"galeri/skrip/a.jpg": camera_jpeg()})
    assert "content/galeri/skrip/album.md:6:" in str(raised.value)
    assert "script" in str(raised.value)
