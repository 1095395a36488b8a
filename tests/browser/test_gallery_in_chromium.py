"""Albums in a real browser: axe finds nothing, and the layout rules hold at every width."""

import pytest

from tests.browser.layout import WIDTHS, check_layout

pytestmark = pytest.mark.browser
ALBUM = "/galeri/simulasi-pemungutan-suara-2026/"
PAGES = ("/galeri/", ALBUM, ALBUM + "tps-contoh/", ALBUM + "kotak-suara/", "/")


@pytest.mark.parametrize("width", WIDTHS)
def test_gallery_pages_have_no_axe_violations(audit_pages, width):
    audit_pages(PAGES, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_gallery_pages_keep_the_layout_rules(browser, site_url, width):
    found = check_layout(browser, site_url, PAGES, width, "galeri")
    assert found == {}, found


@pytest.mark.parametrize("width", WIDTHS)
def test_photos_are_never_squashed_and_the_large_photo_fits_the_screen(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url + ALBUM)
        thumbs = page.eval_on_selector_all(
            ".kpu-gallery__image",
            "imgs => imgs.map(i => { const b = i.getBoundingClientRect();"
            " return [b.width, b.height, i.naturalWidth > 0 || i.loading === 'lazy']; })",
        )
        assert len(thumbs) == 5
        for thumb_width, thumb_height, _ in thumbs:
            assert thumb_width >= 80 and abs(thumb_width - thumb_height) < 1  # square tiles
        page.goto(site_url + ALBUM + "kotak-suara/")  # the portrait photo
        box = page.eval_on_selector(
            ".kpu-album-photo__image",
            "i => { const b = i.getBoundingClientRect(); return [b.width, b.height,"
            " i.naturalWidth, i.naturalHeight]; }",
        )
        shown_width, shown_height, natural_width, natural_height = box
        assert natural_width > 0, "the photo did not load"
        assert shown_height <= 0.8 * 800 + 1
        assert abs(shown_width / shown_height - natural_width / natural_height) < 0.02
    finally:
        context.close()


def test_the_lightbox_works_by_keyboard_without_javascript(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + ALBUM)
        page.click(".kpu-gallery__link >> nth=1")
        assert page.url.endswith(ALBUM + "bilik-suara/")
        assert page.text_content(".kpu-album-photo__count") == "Foto 2 dari 5"
        page.focus("a[rel=next]")
        page.keyboard.press("Enter")
        page.wait_for_url("**/kotak-suara/")
        page.click("text=Kembali ke album")
        assert page.url.endswith(ALBUM)
    finally:
        context.close()
