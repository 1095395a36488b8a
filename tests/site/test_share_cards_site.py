"""Share cards on a built site: recent and asking items get their own, the others the office's."""

import datetime

import pytest
from pelican import Pelican
from PIL import Image

from kpu_messages import ContentError
from kpu_office.model import office_now
from tests.conftest import make_settings, soup, write_content

NEWS = """\
Title: {title}
Date: {date}
Category: berita
Divisi: teknis-penyelenggaraan
Summary: Ringkasan.
{header}
Isi berita.
"""


def _news(title, days_ago, header=""):
    settings = make_settings()
    day = office_now(settings) - datetime.timedelta(days=days_ago)
    return NEWS.format(title=title, date=f"{day:%Y-%m-%d} 08:00", header=header)


def _build(base, files):
    settings = make_settings(
        PATH=str(write_content(base / "content", files)),
        OUTPUT_PATH=str(base / "out"),
        CACHE_PATH=str(base / "cache"),
    )
    Pelican(settings).run()
    return base / "out", settings


def _page(out, slug):
    (path,) = (out / "berita").glob(f"*/{slug}/index.html")
    return soup(path)


def _meta(page, key):
    tag = page.find("meta", property=key) or page.find("meta", attrs={"name": key})
    return tag["content"]


@pytest.fixture(scope="module")
def card_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("cards")
    files = {
        "berita/baru.md": _news("Berita pekan lalu", 7),
        "berita/lama.md": _news("Berita tiga tahun lalu", 3 * 366),
        "berita/lama-diminta.md": _news(
            "Berita lama yang dibagikan lagi", 3 * 366, "Kartu_Berbagi: ya\n"
        ),  # fmt: skip
        "berita/baru-ditolak.md": _news("Berita baru tanpa kartu", 7, "Kartu_Berbagi: tidak\n"),
    }
    return _build(base, files)


def test_a_recent_item_shares_its_own_card(card_site):
    out, _settings = card_site
    page = _page(out, "baru")
    image = _meta(page, "og:image")
    assert "/sosial/baru/kartu-1200x630-" in image
    assert _meta(page, "twitter:image") == image
    assert list((out / "sosial" / "baru").glob("kartu-1080x1080-*.jpg"))


@pytest.mark.parametrize("slug", ["lama", "baru-ditolak"])
def test_an_old_or_declining_item_shares_the_office_card(card_site, slug):
    out, settings = card_site
    page = _page(out, slug)
    site_card = settings["KPU_SITE_CARD"]
    assert _meta(page, "og:image") == f"/{site_card['path']}"
    assert _meta(page, "twitter:image") == f"/{site_card['path']}"
    assert (_meta(page, "og:image:width"), _meta(page, "og:image:height")) == ("1200", "630")
    assert _meta(page, "og:image:alt") == site_card["alt"]
    with Image.open(out / site_card["path"]) as card:
        assert card.size == (1200, 630)
    assert not list((out / "sosial" / slug).glob("kartu-*.jpg"))
    # Its ready-to-post captions are still written.
    assert (out / "sosial" / slug / "x.txt").is_file()
    ld = [s.string for s in page.find_all("script", type="application/ld+json")]
    assert any(f'"/{site_card["path"]}"' in text for text in ld if "NewsArticle" in text)


def test_an_old_item_that_asks_gets_its_own_card(card_site):
    out, _settings = card_site
    image = _meta(_page(out, "lama-diminta"), "og:image")
    assert "/sosial/lama-diminta/kartu-1200x630-" in image


def test_only_the_chosen_items_cards_are_drawn(card_site):
    _out, settings = card_site
    # Two items' cards and the office's: the others were never drawn.
    assert len(settings["KPU_IMAGE_STATE"].cards) == 3


def test_a_bad_share_card_value_stops_the_build(tmp_path):
    files = {"berita/salah.md": _news("Berita salah isi", 7, "Kartu_Berbagi: iya\n")}
    with pytest.raises(ContentError) as error:
        _build(tmp_path, files)
    assert (
        'content/berita/salah.md:6: kolom "Kartu_Berbagi": nilai "iya" tidak dikenal. '
        'Pilihan: ya, tidak. Mungkin maksud Anda "ya"?'
    ) in str(error.value)


def test_the_window_is_a_setting(tmp_path):
    files = {"berita/lama.md": _news("Berita tiga tahun lalu", 3 * 366)}
    settings = make_settings(
        PATH=str(write_content(tmp_path / "content", files)),
        OUTPUT_PATH=str(tmp_path / "out"),
        CACHE_PATH=str(tmp_path / "cache"),
        KPU_SHARE_CARD_MONTHS=48,
    )
    Pelican(settings).run()
    image = _meta(_page(tmp_path / "out", "lama"), "og:image")
    assert "/sosial/lama/kartu-1200x630-" in image


def test_an_incremental_build_a_year_later_moves_the_item_to_the_office_card(tmp_path, monkeypatch):
    import kpu_images.handlers

    files = {"berita/baru.md": _news("Berita seratus hari lalu", 100)}
    content = write_content(tmp_path / "content", files)
    later = office_now(make_settings()) + datetime.timedelta(days=300)

    def run(name, cache):
        settings = make_settings(
            PATH=str(content), OUTPUT_PATH=str(tmp_path / name), CACHE_PATH=str(tmp_path / cache)
        )
        Pelican(settings).run()
        return _page(tmp_path / name, "baru"), settings

    first, _settings = run("out", "cache")
    assert "/sosial/baru/kartu-1200x630-" in _meta(first, "og:image")
    # 400 days old now: the same output and cache, as the live preview rebuilds.
    monkeypatch.setattr(kpu_images.handlers, "office_now", lambda _settings: later)
    again, settings = run("out", "cache")
    assert _meta(again, "og:image") == f"/{settings['KPU_SITE_CARD']['path']}"
    assert settings["KPU_INCREMENTAL_STATE"].rendered > 0
    fresh, _settings = run("out-fresh", "cache-fresh")
    assert str(again) == str(fresh)
