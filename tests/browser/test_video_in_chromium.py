"""The video facade in Chromium: nothing from YouTube or Google before play, the
youtube-nocookie player after a click, and the pages pass axe without sideways scroll."""

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

PAGE = "/berita/2021/evaluasi-kehumasan-dan-ppid/"
VIDEO = "tmgHumas21a"
PLAYER = f"https://www.youtube-nocookie.com/embed/{VIDEO}"
TRACKING_HOSTS = (
    "youtube.com",
    "youtube-nocookie.com",
    "ytimg.com",
    "googlevideo.com",
    "google.com",
    "gstatic.com",
    "googleapis.com",
    "doubleclick.net",
    "ggpht.com",
)
# What the player URL answers here (the machine has no network): enough to see it loaded.
PLAYER_STAND_IN = "<!doctype html><title>pemutar</title><p>Pemutar video (pengganti uji)</p>"


def _tracking(url):
    host = urlparse(url).hostname or ""
    return any(host == name or host.endswith("." + name) for name in TRACKING_HOSTS)


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    # Any other host is refused outright, so a stray load shows up as a request, never a hang.
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlparse(route.request.url).hostname == "127.0.0.1"
            else route.abort()
        ),
    )
    page.route(
        f"{PLAYER}*",
        lambda route: route.fulfill(status=200, content_type="text/html", body=PLAYER_STAND_IN),
    )
    yield page, requests
    context.close()


def test_nothing_is_requested_from_youtube_or_google_before_play(tab, site_url):
    page, requests = tab
    page.goto(site_url + PAGE, wait_until="networkidle")
    page.mouse.wheel(0, 20000)  # scroll the whole page: lazy images load, the facade too
    page.locator(".kpu-video").scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert page.locator(".kpu-video__play img").evaluate("img => img.complete && img.naturalWidth")
    assert requests and all(urlparse(url).hostname == "127.0.0.1" for url in requests), [
        url for url in requests if urlparse(url).hostname != "127.0.0.1"
    ]
    assert not any(_tracking(url) for url in requests)
    assert page.locator("iframe").count() == 0


def test_pressing_play_loads_the_nocookie_player_and_moves_focus_into_it(tab, site_url):
    page, requests = tab
    page.goto(site_url + PAGE, wait_until="networkidle")
    play = page.get_by_role("link", name="Putar video: Rakor evaluasi kehumasan dan PPID KPU")
    with page.expect_request(lambda request: request.url.startswith(PLAYER)) as loaded:
        play.click()
    assert loaded.value.url == f"{PLAYER}?autoplay=1"
    frame = page.locator("figure.kpu-video iframe")
    assert frame.get_attribute("title") == "Rakor evaluasi kehumasan dan PPID KPU se-Jawa Tengah"
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert page.locator(".kpu-video__play").count() == 0
    assert (
        page.frame_locator("figure.kpu-video iframe")
        .locator("p")
        .inner_text()
        .startswith("Pemutar video")
    )
    # Only the player itself came from YouTube's privacy host; nothing from Google.
    outside = [url for url in requests if urlparse(url).hostname != "127.0.0.1"]
    assert outside and all(url.startswith(PLAYER) for url in outside), outside


def test_without_script_the_facade_is_a_link_to_the_video(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + PAGE)
        link = page.locator("a.kpu-video__play")
        assert link.get_attribute("href") == f"https://www.youtube.com/watch?v={VIDEO}"
        assert link.is_visible() and page.locator("iframe").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_video_pages_pass_axe_without_sideways_scroll(audit_pages, width):
    audit_pages([PAGE, "/video/", "/"], width)
