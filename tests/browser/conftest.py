"""Real Chromium (Debian's package) driven by Playwright, over a local HTTP server."""

import functools
import http.server
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# Without these flags Chromium reaches for Google's hosts at start-up; this machine has no
# network, and a test must see only requests to 127.0.0.1.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """Serve the built sample site on 127.0.0.1 with a free port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium tidak ada: pasang dengan `apt-get install chromium` (Debian).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def audit_pages(browser, site_url):
    """Return a function that opens paths at a width and asserts axe and no sideways scroll."""
    from axe_playwright_python.sync_playwright import Axe

    def audit(paths, width):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        try:
            for path in paths:
                page.goto(site_url + path)
                results = Axe().run(page)
                assert results.violations_count == 0, f"{path}:\n{results.generate_report()}"
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, f"{path} scrolls sideways at {width}px"
        finally:
            context.close()

    return audit
