"""The YouTube facade (kpu_gate.markup) and the video list data (kpu_video.model)."""

import datetime

import pytest
from bs4 import BeautifulSoup

from kpu_gate.markup import rewrite_youtube, youtube_thumbnail
from kpu_gate.references import Listings
from kpu_video.model import facades, item_videos, newest_first, with_player

VIDEO = "dQw4w9WgXcQ"
# Every host of YouTube and Google a page could load from before the reader presses play.
TRACKING = ("youtube-nocookie", "ytimg", "googlevideo", "google", "gstatic", "doubleclick")


def facade(fragment, **options):
    return BeautifulSoup(rewrite_youtube(fragment, **options), "html.parser")


@pytest.mark.parametrize(
    "src",
    [
        f"https://www.youtube.com/embed/{VIDEO}?si=abc",
        f"https://www.youtube-nocookie.com/embed/{VIDEO}",
        f"https://youtu.be/{VIDEO}",
    ],
)
def test_every_embed_form_becomes_a_facade_that_loads_nothing(src):
    html = rewrite_youtube(f'<iframe src="{src}" title="Sosialisasi"></iframe>')
    page = BeautifulSoup(html, "html.parser")
    assert page.find("iframe") is None and page.find("script") is None
    play = page.select_one("figure.kpu-video > a.kpu-video__play")
    assert play["href"] == f"https://www.youtube.com/watch?v={VIDEO}"  # a link, not a load
    assert play["data-kpu-video"] == VIDEO and play["aria-label"] == "Putar video: Sosialisasi"
    assert page.select_one("figcaption").get_text() == "Sosialisasi"
    assert not any(host in html for host in TRACKING)
    assert "si=abc" not in html  # YouTube's share tracker is not carried over


def test_the_title_comes_from_the_embed_then_the_item_then_a_default():
    embed = f'<iframe src="https://youtu.be/{VIDEO}"{{}}></iframe>'
    own = facade(embed.format(' title="Debat"'), default_title="Berita")
    item = facade(embed.format(""), default_title="Berita  pleno")
    bare = facade(embed.format(' title="  "'))
    assert own.a["data-kpu-video-title"] == "Debat"
    assert item.a["data-kpu-video-title"] == "Berita pleno"
    assert bare.a["aria-label"] == "Putar video: Video YouTube"


def test_a_hostile_title_stays_text():
    title = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    html = rewrite_youtube(f"<iframe src='https://youtu.be/{VIDEO}' title='{title}'></iframe>")
    page = BeautifulSoup(html, "html.parser")
    assert page.find("script") is None and page.find("img") is None
    assert page.a["aria-label"] == f"Putar video: {title}"
    assert page.figcaption.get_text() == title
    assert "<script" not in html and "<img" not in html  # only as &lt;…&gt; text


def test_a_saved_thumbnail_is_an_image_tag_for_the_image_pipeline():
    page = facade(
        f'<iframe src="https://youtu.be/{VIDEO}" title="Rakor"></iframe>',
        thumbnail=lambda video: f"/images/video/{video}.jpg",
    )
    image = page.select_one("a.kpu-video__play img")
    assert image["src"] == f"/images/video/{VIDEO}.jpg" and image["alt"] == "Cuplikan video: Rakor"
    assert page.select_one(".kpu-video__poster") is None


def test_without_a_thumbnail_a_poster_is_drawn_with_the_title():
    page = facade(f'<iframe src="https://youtu.be/{VIDEO}" title="Rakor"></iframe>')
    assert page.find("img") is None
    assert page.select_one(".kpu-video__poster-title").get_text() == "Rakor"


def test_an_embed_alone_in_a_paragraph_replaces_it_and_one_in_text_stays_inline():
    alone = rewrite_youtube(f'<p>\n<iframe src="https://youtu.be/{VIDEO}"></iframe>\n</p>')
    assert alone.startswith('<figure class="kpu-video">') and "<p>" not in alone
    inline = facade(f'<p>Lihat <iframe src="https://youtu.be/{VIDEO}"></iframe> ini.</p>')
    assert inline.p.find("figure") is None  # a <figure> may not stand inside a <p>
    assert inline.p.select_one("span.kpu-video--inline a.kpu-video__play")
    assert inline.p.get_text().startswith("Lihat ")


def test_an_address_the_gate_refused_is_left_alone():
    fragment = '<iframe src="https://peta.example/embed/abcdefgh"></iframe>'
    assert rewrite_youtube(fragment) == fragment


def test_a_thumbnail_is_found_next_to_the_item_then_in_images_video_then_images(tmp_path):
    (tmp_path / "images" / "video").mkdir(parents=True)
    (tmp_path / "berita").mkdir()
    (tmp_path / "images" / f"{VIDEO}.jpg").write_bytes(b"x")  # the web editor's uploads
    assert youtube_thumbnail(VIDEO, str(tmp_path / "berita"), Listings(str(tmp_path))) == (
        f"/images/{VIDEO}.jpg"
    )
    (tmp_path / "images" / "video" / f"{VIDEO}.png").write_bytes(b"x")
    listings = Listings(str(tmp_path))
    berita = str(tmp_path / "berita")
    assert youtube_thumbnail(VIDEO, berita, listings) == f"/images/video/{VIDEO}.png"
    assert youtube_thumbnail("abcdefgh", berita, Listings(str(tmp_path))) is None
    (tmp_path / "berita" / f"{VIDEO}.jpg").write_bytes(b"x")
    assert youtube_thumbnail(VIDEO, berita, Listings(str(tmp_path))) == f"{VIDEO}.jpg"


def test_a_thumbnail_renamed_by_an_editor_still_matches_and_the_exact_name_wins(tmp_path):
    folder = tmp_path / "images" / "video"
    folder.mkdir(parents=True)
    (folder / "ab-cd_efgh1.webp").write_bytes(b"x")  # "AB_cd-EFGH1" lower-cased, "_"/"-" swapped
    (folder / "notes.txt").write_bytes(b"x")
    found = youtube_thumbnail("AB_cd-EFGH1", str(tmp_path), Listings(str(tmp_path)))
    assert found == "/images/video/ab-cd_efgh1.webp"
    (folder / "AB_cd-EFGH1.jpg").write_bytes(b"x")
    found = youtube_thumbnail("AB_cd-EFGH1", str(tmp_path), Listings(str(tmp_path)))
    assert found == "/images/video/AB_cd-EFGH1.jpg"
    assert youtube_thumbnail("notes", str(tmp_path), Listings(str(tmp_path))) is None


def test_the_list_reads_each_facade_once_with_its_poster():
    fragment = rewrite_youtube(
        f'<iframe src="https://youtu.be/{VIDEO}" title="A &amp; B"></iframe>'
        f'<iframe src="https://youtu.be/{VIDEO}"></iframe>'
        '<iframe src="https://youtu.be/abcdefgh" title="Kedua"></iframe>',
        thumbnail=lambda video: f"/images/video/{video}.jpg" if video == VIDEO else None,
    )
    found = facades(fragment)
    assert [(video, title) for video, title, _poster in found] == [
        (VIDEO, "A & B"),
        (VIDEO, "Video YouTube"),
        ("abcdefgh", "Kedua"),
    ]
    date = datetime.datetime(2024, 1, 2, 10, 0)
    videos = item_videos(fragment, "Judul", "berita/2024/x/", date)
    assert [v.video_id for v in videos] == [VIDEO, "abcdefgh"]
    assert videos[0].has_thumbnail and videos[0].poster.startswith("<img")
    assert not videos[1].has_thumbnail and "kpu-video__poster" in videos[1].poster


def test_the_player_script_is_added_once_and_only_where_a_video_is():
    fragment = rewrite_youtube(f'<iframe src="https://youtu.be/{VIDEO}"></iframe>')
    once = with_player(fragment, "/theme/js/video.js")
    assert once.count('<script src="/theme/js/video.js" defer></script>') == 1
    assert with_player(once, "/theme/js/video.js") == once
    assert with_player("<p>Tanpa video</p>", "/theme/js/video.js") == "<p>Tanpa video</p>"


def test_videos_are_listed_newest_first_whatever_their_zone():
    zone = datetime.timezone(datetime.timedelta(hours=7))
    old = item_videos(
        rewrite_youtube(f'<iframe src="https://youtu.be/{VIDEO}"></iframe>'),
        "Lama",
        "berita/lama/",
        datetime.datetime(2021, 5, 25, tzinfo=zone),
    )
    new = item_videos(
        rewrite_youtube('<iframe src="https://youtu.be/abcdefgh"></iframe>'),
        "Baru",
        "ppid/baru/",
        datetime.datetime(2024, 3, 1),
    )
    assert [v.item_title for v in newest_first(old + new)] == ["Baru", "Lama"]
