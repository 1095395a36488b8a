"""Images and share metadata on built sites: privacy, sizes, cache, cards and bad photos."""

import json
import re
from urllib.parse import urlparse

import pytest
from pelican import Pelican
from PIL import Image

from kpu_images.social import BIO_LINE, CHANNELS, X_LIMIT, x_length
from kpu_messages import ContentError
from tests.conftest import PUBLISH_CONF, html_pages, make_settings, soup, write_content
from tests.photos import GPS_IFD, camera_jpeg, png_bytes

ARTICLE = """\
Title: {title}
Date: 2024-03-05 10:15
Category: berita
Divisi: teknis-penyelenggaraan
Tags: uji
Summary: Ringkasan.
{header}
Isi berita.

{body}
"""


def _article(title="Foto dari ponsel", header="", body=""):
    return ARTICLE.format(title=title, header=header, body=body)


def _build(base, files, images=None, **overrides):
    content = write_content(base / "content", files)
    (content / "images").mkdir(exist_ok=True)
    for name, data in (images or {}).items():
        (content / "images" / name).write_bytes(data)
    settings = make_settings(
        PATH=str(content),
        OUTPUT_PATH=str(base / "out"),
        CACHE_PATH=str(base / "cache"),
        **overrides,
    )
    Pelican(settings).run()
    return base / "out", settings


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    """A site whose one article carries a phone photo per EXIF orientation, and a HEIC."""
    import pillow_heif

    base = tmp_path_factory.mktemp("photos")
    images = {f"o{n}.jpg": camera_jpeg(n, 2000, 1500) for n in range(1, 9)}
    heif = pillow_heif.from_pillow(Image.open(__import__("io").BytesIO(camera_jpeg(1, 800, 600))))
    heic_path = base / "ponsel.heic"
    heif.save(str(heic_path))
    images["ponsel.heic"] = heic_path.read_bytes()
    images["logo.png"] = png_bytes(300, 200, alpha=True)
    body = "\n\n".join(f"![Foto orientasi {n}](/images/o{n}.jpg)" for n in range(2, 9))
    body += "\n\n![Foto HEIC dari ponsel](/images/ponsel.heic)\n\n![Logo](/images/logo.png)"
    files = {
        "berita/2024-03-05-foto.md": _article(
            header="Image: images/o1.jpg\nImage_alt: Foto rapat\nKartu_Berbagi: ya\n", body=body
        ),
        # Both are older than 12 months: they ask for their own cards (test_share_cards_site).
        "berita/2024-03-06-tanpa-foto.md": _article(
            title="Tulisan tanpa foto dengan judul yang sangat panjang untuk menguji kartu berbagi",
            header="Kartu_Berbagi: ya\n",
        ),
    }
    out, settings = _build(base, files, images)
    return base, out, settings, files, images


def _published_images(site):
    return [p for p in site.rglob("*") if p.suffix in {".jpg", ".jpeg", ".png", ".webp"}]


def test_every_published_image_is_clean_and_no_original_is_published(photo_site):
    _base, out, _settings, _files, images = photo_site
    published = _published_images(out)
    assert published
    names = {p.name for p in published}
    assert not names & set(images), "an original photo reached the output"
    for path in published:
        raw = path.read_bytes()
        assert b"KameraPonsel" not in raw and b"GPSLatitude" not in raw, path
        with Image.open(path) as image:
            image.load()
            exif = image.getexif()
            assert len(exif) == 0 and not exif.get_ifd(GPS_IFD), path
            assert not {"xmp", "XML:com.adobe.xmp", "icc_profile", "comment"} & set(image.info)


def test_pictures_declare_their_real_sizes_and_are_upright(photo_site):
    _base, out, _settings, _files, _images = photo_site
    page = soup(next((out / "berita" / "2024").glob("foto/index.html")))
    pictures = page.select("main picture")
    assert len(pictures) == 1 + 7 + 2  # header, seven orientations, HEIC and PNG
    for picture in pictures:
        img = picture.find("img")
        assert img["alt"] and img["decoding"] == "async"
        path = out / urlparse(img["src"]).path.lstrip("/")
        with Image.open(path) as image:
            assert image.size == (int(img["width"]), int(img["height"]))
            if "orientasi" in img["alt"] or img["alt"] == "Foto rapat":
                assert image.size[0] > image.size[1], f"{img['alt']} is not upright"
                red = image.convert("RGB").getpixel((5, 5))
                assert red[0] > 150 and red[2] < 100, f"{img['alt']} came out turned"
        for candidate in img["srcset"].split(", ") + picture.source["srcset"].split(", "):
            url, width = candidate.rsplit(" ", 1)
            with Image.open(out / urlparse(url).path.lstrip("/")) as image:
                assert image.width == int(width.rstrip("w")) and image.width <= 1600
        assert picture.source["type"] == "image/webp"
    loading = [p.img.get("loading") for p in pictures]
    assert loading[0] is None and pictures[0].img["fetchpriority"] == "high"
    assert set(loading[1:]) == {"lazy"}
    assert pictures[-1].img["src"].endswith(".png")


def test_second_build_encodes_nothing(photo_site):
    base, _out, first, files, images = photo_site
    assert first["KPU_IMAGE_STATE"].encoded == 10
    _out2, second = _build(base, files, images)
    assert second["KPU_IMAGE_STATE"].encoded == 0
    assert second["KPU_IMAGE_STATE"].reused == 10


def test_article_without_image_shares_its_card(photo_site):
    _base, out, _settings, _files, _images = photo_site
    page = soup(out / "berita" / "2024" / "tanpa-foto" / "index.html")
    og_image = page.find("meta", property="og:image")["content"]
    assert "/sosial/tanpa-foto/kartu-1200x630-" in og_image
    with Image.open(out / og_image.lstrip("/")) as card:
        assert card.size == (1200, 630)
    assert page.find("meta", property="og:image:width")["content"] == "1200"
    squares = list((out / "sosial" / "tanpa-foto").glob("kartu-1080x1080-*.jpg"))
    assert len(squares) == 1
    kit = out / "sosial" / "tanpa-foto"
    assert sorted(p.name for p in kit.glob("*.txt")) == [
        "facebook.txt",
        "instagram.txt",
        "whatsapp.txt",
        "x.txt",
    ]
    caption = (kit / "facebook.txt").read_text(encoding="utf-8")
    assert caption.startswith("Tulisan tanpa foto") and "#Uji" in caption


def test_every_sample_caption_keeps_its_channel_rules(built_site):
    kits = sorted(p for p in (built_site / "sosial").iterdir() if p.is_dir())
    articles = list((built_site / "berita").glob("[0-9][0-9][0-9][0-9]/*/index.html"))
    assert len(kits) == len(articles)
    longest = {}
    for kit in kits:
        texts = {c: (kit / f"{c}.txt").read_text(encoding="utf-8") for c, _label in CHANNELS}
        url = re.search(r"https://\S+", texts["facebook"]).group(0)
        assert url.endswith(f"/{kit.name}/")
        assert x_length(texts["x"].strip()) <= X_LIMIT and url in texts["x"], kit.name
        assert "http" not in texts["instagram"] and BIO_LINE in texts["instagram"], kit.name
        assert url in texts["whatsapp"] and texts["whatsapp"].startswith("*"), kit.name
        for channel, text in texts.items():
            size = x_length(text.strip()) if channel == "x" else len(text.strip())
            longest[channel] = max(longest.get(channel, 0), size)
    print(f"longest caption per channel: {longest}")


def test_article_with_a_photo_shares_its_card_not_the_photo(photo_site):
    _base, out, _settings, _files, _images = photo_site
    page = soup(out / "berita" / "2024" / "foto" / "index.html")
    og_image = page.find("meta", property="og:image")["content"]
    assert "/sosial/foto/kartu-1200x630-" in og_image
    assert page.find("meta", attrs={"name": "twitter:image"})["content"] == og_image
    alt = page.find("meta", property="og:image:alt")["content"]
    assert alt.startswith("Foto dari ponsel — ") and alt.endswith("Foto: Foto rapat")
    with Image.open(out / og_image.lstrip("/")) as card:
        assert card.size == (1200, 630)
        # The photo (its red top-left quadrant, tests/photos.py), darkened, fills the card.
        r, g, b = card.convert("RGB").getpixel((40, 300))
        assert r > g + 20 and r > b + 20 and r < 160


def test_every_article_with_a_photo_shares_a_1200x630_card(published_site):
    articles = sorted((published_site / "berita").glob("[0-9][0-9][0-9][0-9]/*/index.html"))
    with_photo = 0
    for path in articles:
        page = soup(path)
        if page.select_one("main picture") is None:
            continue
        with_photo += 1
        assert _meta(page, "og:image:width") == "1200", path
        assert _meta(page, "og:image:height") == "630", path
        assert len(_meta(page, "og:image:alt")) > 30, path
        image = published_site / urlparse(_meta(page, "og:image")).path.lstrip("/")
        with Image.open(image) as card:
            assert card.size == (1200, 630), path
    assert with_photo >= 5


def _bad_build(tmp_path, images, body="", header="", **overrides):
    files = {"berita/2024-03-05-foto.md": _article(header=header, body=body)}
    with pytest.raises(ContentError) as error:
        _build(tmp_path, files, images, **overrides)
    return str(error.value)


@pytest.mark.parametrize(
    ("images", "body", "expected"),
    [
        ({"rusak.jpg": b"bukan foto"}, "![Foto](/images/rusak.jpg)", "tidak dapat dibaca"),
        ({"potong.jpg": camera_jpeg()[:2000]}, "![Foto](/images/potong.jpg)", "terpotong"),
        ({"png.jpg": png_bytes()}, "![Foto](/images/png.jpg)", "isinya PNG"),
        ({}, "![Foto](/images/hilang.jpg)", '"/images/hilang.jpg" tidak ditemukan'),
        ({"a.jpg": camera_jpeg()}, "![](/images/a.jpg)", "tidak punya teks alternatif"),
        ({}, "![Foto](https://cdn.example.com/a.jpg)", "dimuat dari situs lain"),
    ],
)
def test_each_bad_image_stops_the_build_naming_file_and_image(tmp_path, images, body, expected):
    message = _bad_build(tmp_path, images, body=body)
    assert "content/berita/2024-03-05-foto.md:10: " in message and expected in message


def test_decompression_bomb_is_refused(tmp_path):
    message = _bad_build(
        tmp_path,
        {"besar.png": png_bytes(400, 400)},
        body="![Foto](/images/besar.png)",
        KPU_IMAGE_MAX_PIXELS=20_000,
    )
    assert '"besar.png" terlalu besar' in message


def test_header_image_problems_name_the_field(tmp_path):
    message = _bad_build(tmp_path, {}, header="Image: images/tidak-ada.jpg\n")
    assert 'kolom "Image": gambar "images/tidak-ada.jpg" tidak ditemukan' in message
    assert 'kolom "Image_alt" wajib diisi' in message


def test_all_bad_images_of_a_build_are_listed_together(tmp_path):
    images = {"rusak.jpg": b"x", "png.jpg": png_bytes()}
    body = "![A](/images/rusak.jpg)\n\n![B](/images/png.jpg)\n\n![C](/images/hilang.jpg)"
    message = _bad_build(tmp_path, images, body=body)
    assert message.startswith("Ada 3 kesalahan")


def _meta(page, key):
    tag = page.find("meta", property=key) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def _ld(page, kind):
    for script in page.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data["@type"] == kind:
            return data
    return None


def test_share_metadata_is_complete_and_absolute_in_the_publish_build(published_site):
    siteurl = make_settings(PUBLISH_CONF)["SITEURL"]
    pages = [p for p in html_pages(published_site) if "sosial" not in p.parts]
    for path in pages:
        page = soup(path)
        for key in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            assert _meta(page, key), (path, key)
        assert _meta(page, "og:locale") == "id_ID"
        for key in ("og:image", "og:url", "twitter:image"):
            assert _meta(page, key).startswith(siteurl + "/"), (path, key)
        assert int(_meta(page, "og:image:width")) > 0 and int(_meta(page, "og:image:height")) > 0
        assert _meta(page, "twitter:card") == "summary_large_image"
        image = published_site / urlparse(_meta(page, "og:image")).path.lstrip("/")
        with Image.open(image) as shared:
            assert shared.size == (
                int(_meta(page, "og:image:width")),
                int(_meta(page, "og:image:height")),
            )


def test_article_json_ld_names_the_office_as_publisher(published_site):
    siteurl = make_settings(PUBLISH_CONF)["SITEURL"]
    office = make_settings()["KPU_OFFICE"]
    article = soup(next((published_site / "berita" / "2021").glob("*/index.html")))
    news = _ld(article, "NewsArticle")
    assert news["headline"] == article.h1.get_text()
    assert news["datePublished"] and news["dateModified"] and news["author"]["name"]
    assert all(url.startswith(siteurl) for url in news["image"])
    # The article's own photo first (what search engines show), then its share card.
    photo = article.select_one(".kpu-article__figure img")
    if photo is not None:
        widest = photo["srcset"].split(",")[-1].split()[0]
        assert news["image"][0] == widest
    # A 2021 item is past the 12 months: it shares the office's standing card.
    assert news["image"][-1] == _meta(article, "og:image")
    assert "/sosial/kartu-situs-1200x630-" in news["image"][-1]
    publisher = news["publisher"]
    assert publisher["@type"] == "GovernmentOrganization" and publisher["name"] == office["name"]
    assert publisher["logo"]["url"].startswith(siteurl) and publisher["address"]["streetAddress"]
    crumbs = _ld(article, "BreadcrumbList")["itemListElement"]
    assert crumbs[0]["item"] == siteurl + "/" and crumbs[-1]["name"] == article.h1.get_text()
    home = _ld(soup(published_site / "index.html"), "GovernmentOrganization")
    assert home["name"] == office["name"] and home["address"]["streetAddress"] == office["address"]
    assert set(home["sameAs"]) == {u for u in office["social"].values() if u}


def test_share_links_need_no_script_from_another_site(published_site):
    article = soup(next((published_site / "berita" / "2024").glob("*/index.html")))
    links = {a.get_text(strip=True): a["href"] for a in article.select(".kpu-share a")}
    assert set(links) == {"WhatsApp", "Facebook", "X", "Telegram"}
    url = _meta(article, "og:url")
    for href in links.values():
        assert re.sub(r"%3A", ":", re.sub(r"%2F", "/", href)).count(url) == 1
    button = article.select_one("[data-copy-link]")
    assert button.has_attr("hidden") and button["data-copy-link"] == url
