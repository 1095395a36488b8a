"""The markup gate reads link addresses exactly as Chromium does, and nothing on the built
site resolves to a script address."""

import html

import pytest

from kpu_gate.allowlist import url_scheme
from kpu_gate.markup import vet_html

pytestmark = pytest.mark.browser

# Attribute values as an admin (or an attacker) writes them in HTML, entities included.
WRITTEN = [
    "javascript:alert(1)",
    "java&#9;script:alert(1)",
    "java&#x0A;script:alert(1)",
    "jav&#13;ascript:alert(1)",
    "&#32;&#1;javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "java script:alert(1)",
    "%6Aavascript:alert(1)",
    "javascript\u00a0:alert(1)",
    "https://www.kpu.go.id/",
    "/kontak/",
    "#fn:1",
    "mailto:humas@kpu.go.id",
]
SCRIPT_PROTOCOLS = {"javascript:", "vbscript:", "data:"}


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(site_url + "/")
    yield tab
    context.close()


def test_our_reading_of_each_address_is_chromiums(page):
    anchors = "".join(f'<a href="{value}">x</a>' for value in WRITTEN)
    page.evaluate("(markup) => { document.body.innerHTML = markup; }", anchors)
    protocols = page.evaluate("[...document.querySelectorAll('a')].map(a => a.protocol)")
    base = page.evaluate("location.protocol")
    for written, protocol in zip(WRITTEN, protocols, strict=True):
        scheme = url_scheme(html.unescape(written))
        assert (f"{scheme}:" if scheme else base) == protocol, (written, scheme, protocol)
        rejected = bool(vet_html(f'<p><a href="{written}">x</a></p>'))
        if protocol in SCRIPT_PROTOCOLS:
            assert rejected, f"{written} runs as {protocol} in Chromium but passed the gate"


def test_no_element_of_the_built_site_resolves_to_a_script_address(browser, site_url, built_site):
    paths = ["/", "/berita/", "/ppid/daftar-informasi-publik/", "/kontak/"]
    paths += [
        "/" + str(p.parent.relative_to(built_site)) + "/"
        for p in sorted((built_site / "berita").glob("[0-9][0-9][0-9][0-9]/*/index.html"))
    ]
    context = browser.new_context()
    tab = context.new_page()
    try:
        for path in paths:
            tab.goto(site_url + path)
            found = tab.evaluate(
                """() => [...document.querySelectorAll('[href],[src],[action],[formaction]')]
                    .flatMap(e => [e.href, e.src, e.action, e.formAction])
                    .filter(u => typeof u === 'string' && u)
                    .map(u => { try { return new URL(u).protocol } catch { return '' } })"""
            )
            assert not SCRIPT_PROTOCOLS & set(found), path
            handlers = tab.evaluate(
                "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
                ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"
            )
            assert handlers == [], (path, handlers)
    finally:
        context.close()
