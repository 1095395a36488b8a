"""Videos on the built site: facades only, a local metadata-free thumbnail, the /video/ list."""

import re

import pytest
from PIL import Image

from kpu_messages import ContentError
from tests.conftest import build, html_pages, soup, write_content
from tests.photos import camera_jpeg

SAMPLE_PAGE = "berita/2021/evaluasi-kehumasan-dan-ppid/index.html"
SAMPLE_VIDEO = "tmgHumas21a"
# Addresses that would load YouTube or Google code, images or a player on page open.
LOADED_FROM_YOUTUBE = re.compile(
    r"ytimg\.com|googlevideo\.com|youtube-nocookie\.com|youtube\.com/(?:embed|iframe_api|s/)"
    r"|googleapis\.com|gstatic\.com|doubleclick\.net|ggpht\.com",
    re.IGNORECASE,
)
NEWS = "Title: {title}\nDate: {date}\nCategory: berita\nDivisi: sekretariat\nTags: uji\n\n{body}\n"
PPID = """\
Judul: {title}
Klasifikasi: {kind}
Kelompok: {group}
Tahun: 2024
Tanggal: {date}
Ringkasan: Ringkasan.
Penguasa_Informasi: Sekretariat
Penanggung_Jawab: Sekretaris
Waktu_Pembuatan: Januari 2025
Tempat_Pembuatan: Kantor
Bentuk: elektronik
Retensi: 5 tahun
{extra}
{body}
"""
EXEMPT = (
    "Dasar_Hukum: Pasal 17 UU 14/2008\nUji_Konsekuensi: Mengungkap data pribadi.\n"
    "Jangka_Waktu_Pengecualian: Selamanya\n"
)


def embed(video, title=""):
    named = f' title="{title}"' if title else ""
    return f'<iframe src="https://www.youtube.com/embed/{video}"{named}></iframe>'


def test_the_sample_video_is_a_facade_with_its_local_thumbnail(built_site):
    page = soup(built_site / SAMPLE_PAGE)
    assert page.find("iframe") is None
    play = page.select_one(".kpu-prose figure.kpu-video a.kpu-video__play")
    assert play["data-kpu-video"] == SAMPLE_VIDEO
    assert play["aria-label"].startswith("Putar video: Rakor evaluasi kehumasan")
    image = play.select_one("picture img")
    assert image["src"].startswith("/images/") and image["loading"] == "lazy"
    assert (built_site / image["src"].lstrip("/")).is_file()
    scripts = [tag["src"] for tag in page.find_all("script", src=True)]
    assert "/theme/js/video.js" in scripts
    assert (built_site / "theme" / "js" / "video.js").is_file()


def test_no_page_loads_anything_from_youtube_or_google(built_site):
    for path in html_pages(built_site):
        text = path.read_text(encoding="utf-8")
        assert "<iframe" not in text.lower(), path
        found = LOADED_FROM_YOUTUBE.search(text)
        assert found is None, f"{path}: {found and found.group(0)}"
        for tag in soup(path).find_all(["img", "source", "script", "link"]):
            for name in ("src", "srcset", "href"):
                value = tag.get(name) or ""
                assert "youtube" not in value and "google" not in value, (path, str(tag))


def test_the_video_list_shows_the_sample_and_links_to_its_page(built_site):
    page = soup(built_site / "video" / "index.html")
    assert page.h1.get_text(strip=True) == "Video"
    (card,) = page.select(".kpu-video-list .kpu-video-card")
    link = card.select_one(".kpu-video-card__title a")
    assert link.get_text(strip=True) == "Rakor evaluasi kehumasan dan PPID KPU se-Jawa Tengah"
    assert link["href"] == "/" + SAMPLE_PAGE.replace("index.html", "")
    assert card.select_one("picture img")["alt"].startswith("Cuplikan video:")
    home = soup(built_site / "index.html").select_one(".kpu-home__videos")
    assert home.select_one(".kpu-video-card__title a")["href"] == link["href"]
    footer = [a["href"] for a in soup(built_site / "index.html").select(".kpu-footer__links a")]
    assert "/video/" in footer


def test_a_thumbnail_with_gps_is_published_without_it(tmp_path):
    content = write_content(
        tmp_path / "content",
        {
            "berita/2024-01-02-video.md": NEWS.format(
                title="Video", date="2024-01-02 10:00", body=embed("abcdefgh1", "Sosialisasi")
            ),
        },
    )
    (content / "images" / "video").mkdir(parents=True)
    (content / "images" / "video" / "abcdefgh1.jpg").write_bytes(camera_jpeg())
    out = build(tmp_path / "out", PATH=str(content), CACHE_PATH=str(tmp_path / "cache"))
    page = soup(out / "berita" / "2024" / "video" / "index.html")
    image = page.select_one("a.kpu-video__play picture img")
    published = [image["src"]] + [
        part.split()[0] for part in image.parent.source["srcset"].split(",")
    ]
    for address in published:
        with Image.open(out / address.lstrip("/")) as picture:
            assert not picture.getexif(), address
            assert "exif" not in picture.info and "xmp" not in picture.info, address
    assert not (out / "images" / "video" / "abcdefgh1.jpg").exists()  # never the raw upload


def test_news_and_ppid_videos_are_listed_newest_first_with_a_poster_when_none_saved(tmp_path):
    content = write_content(
        tmp_path / "content",
        {
            "berita/2024-01-02-lama.md": NEWS.format(
                title="Berita lama", date="2024-01-02 10:00", body=embed("lamaVideo1")
            ),
            "ppid/baru.md": PPID.format(
                title="Informasi baru",
                kind="berkala",
                group="kinerja",
                date="2025-03-01",
                extra="",
                body=embed("baruVideo1", "Paparan kinerja"),
            ),
            "ppid/rahasia.md": PPID.format(
                title="Rahasia",
                kind="dikecualikan",
                group="rahasia-pribadi",
                date="2025-04-01",
                extra=EXEMPT,
                body=embed("rahasiaVid"),
            ),
        },
    )
    (content / "images").mkdir()
    out = build(tmp_path / "out", PATH=str(content), CACHE_PATH=str(tmp_path / "cache"))
    cards = soup(out / "video" / "index.html").select(".kpu-video-card")
    titles = [card.select_one(".kpu-video-card__title").get_text(strip=True) for card in cards]
    assert titles == ["Paparan kinerja", "Berita lama"]  # the exempt item's body is not shown
    assert all(card.select_one(".kpu-video__poster") for card in cards)  # no thumbnail saved
    item = soup(out / "ppid" / "baru" / "index.html")
    assert item.select_one("a.kpu-video__play")["aria-label"] == "Putar video: Paparan kinerja"
    assert item.select_one(".kpu-video__poster-title").get_text() == "Paparan kinerja"
    assert [t["src"] for t in item.find_all("script", src=True)].count("/theme/js/video.js") == 1
    news = soup(out / "berita" / "2024" / "lama" / "index.html")
    assert news.select_one("a.kpu-video__play")["aria-label"] == "Putar video: Berita lama"


def test_a_rebuild_follows_a_new_title_and_a_thumbnail_added_later(tmp_path):
    """The list and the item page are reused between builds only while their videos hold."""
    item = "berita/2024-01-02-video.md"
    content = write_content(
        tmp_path / "content",
        {
            item: NEWS.format(
                title="Video", date="2024-01-02 10:00", body=embed("laterThumb", "Lama")
            ),
        },
    )
    (content / "images" / "video").mkdir(parents=True)
    paths = {"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")}
    out = build(tmp_path / "out", **paths)
    assert soup(out / "video" / "index.html").select_one(".kpu-video__poster")
    write_content(
        content,
        {
            item: NEWS.format(
                title="Video", date="2024-01-02 10:00", body=embed("laterThumb", "Baru")
            ),
        },
    )
    out = build(tmp_path / "out", **paths)
    listed = soup(out / "video" / "index.html").select_one(".kpu-video-card")
    assert listed.select_one(".kpu-video-card__title").get_text(strip=True) == "Baru"
    home = soup(out / "index.html").select_one(".kpu-home__videos .kpu-video-card__title")
    assert home.get_text(strip=True) == "Baru"
    # Only a thumbnail is added; the Markdown is unchanged.
    (content / "images" / "video" / "laterThumb.jpg").write_bytes(camera_jpeg())
    out = build(tmp_path / "out", **paths)
    listed = soup(out / "video" / "index.html").select_one(".kpu-video-card")
    assert listed.select_one("picture img") and not listed.select_one(".kpu-video__poster")
    page = soup(out / "berita" / "2024" / "video" / "index.html")
    assert page.select_one("a.kpu-video__play picture img")


def test_a_page_at_the_video_list_address_is_named_in_indonesian(tmp_path):
    content = write_content(tmp_path / "content", {"pages/video.md": "Title: Video kami\n\nIsi.\n"})
    (content / "images").mkdir()
    with pytest.raises(ContentError) as error:
        build(tmp_path / "out", PATH=str(content), CACHE_PATH=str(tmp_path / "cache"))
    assert str(error.value).splitlines()[1:] == [
        'content/pages/video.md:1: alamat "/video/" dipakai situs untuk halamannya sendiri '
        "(daftar video); ganti nama berkas atau folder halaman ini."
    ]
