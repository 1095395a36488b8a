"""The last line of defence: no published page may hold anything that runs.

The content gate judges what admins write; this reads every finished page (theme included)
the way a browser does, so a template, a plugin or a later rewrite that lets script through
is caught before the site ships. What may run is only the site's own script files and
JSON-LD data; what may be embedded is only YouTube's privacy mode.

Pages are parsed with selectolax (the Lexbor engine, a WHATWG HTML5 parser in C): a third of
a millisecond a page, against several for a pure-Python parser, over thousands of pages.
"""

import re
from urllib.parse import urlparse

from selectolax.lexbor import LexborHTMLParser

from kpu_gate.allowlist import SAFE_SCHEMES, browser_url, url_scheme

# Attributes that hold an address the browser may follow or load.
URL_ATTRIBUTES = (
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "cite",
    "background",
    "xlink:href",
)
NEVER = frozenset({"object", "embed", "applet", "base", "frame", "frameset", "portal"})
DATA_SCRIPT_TYPES = frozenset({"application/ld+json"})
# Addresses a browser loads without a click: each must be the site's own (no tracker, no
# asset from another host), whatever put it in the page.
LOADED = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src", "formaction"),
    "button": ("formaction",),
    "form": ("action",),
    "body": ("background",),
    "table": ("background",),
    "td": ("background",),
}
LOADED_LINKS = frozenset(
    {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}
)


def active_content(text, site_host=""):
    """Return (line, what) for each thing in a page that could run or load another site's code."""
    found = []
    for node in LexborHTMLParser(text).root.traverse():
        tag = (node.tag or "").lower()
        if not tag or tag.startswith(("-", "#")):
            continue  # text, comments and the like
        attrs = {name: value or "" for name, value in node.attributes.items()}
        for name, value in attrs.items():
            if "</noscript" in value.lower():
                # Lexbor reads <noscript> as if script were off, a browser with script on as
                # text up to "</noscript": the text hidden in this value would become markup.
                found.append((_line(text, "</noscript"), f"</noscript> di dalam atribut <{tag}>"))
            if name.lower().startswith("on"):
                found.append((_line(text, name), f'atribut "{name}" pada <{tag}>'))
            elif name.lower() in URL_ATTRIBUTES and _unsafe(value):
                found.append((_line(text, name), f'alamat "{value[:60]}" pada <{tag} {name}>'))
        if "srcdoc" in attrs:
            found.append((_line(text, "srcdoc"), f'atribut "srcdoc" pada <{tag}>'))
        if "url(" in attrs.get("style", "").lower():
            found.append((_line(text, "url("), f"gambar dari atribut style pada <{tag}>"))
        for address in _loaded(tag, attrs):
            if not _same_site(address, site_host):
                found.append((_line(text, address[:40]), f'<{tag}> memuat "{address[:60]}"'))
        problem = _element_problem(tag, attrs, site_host)
        if problem:
            found.append((_line(text, f"<{tag}"), problem))
    return tuple(found)


def _loaded(tag, attrs):
    """Return the addresses an element makes the browser load."""
    addresses = []
    for name in LOADED.get(tag, ()):
        value = attrs.get(name, "")
        if name == "srcset":
            addresses += [part.strip().split()[0] for part in value.split(",") if part.strip()]
        elif value.strip():
            addresses.append(value.strip())
    if tag == "link" and LOADED_LINKS & set(attrs.get("rel", "").lower().split()):
        addresses.append(attrs.get("href", "").strip())
    return [address for address in addresses if address]


def _line(text, needle):
    """Return the first line holding `needle` (any case), for pointing at it."""
    match = re.search(re.escape(needle), text, re.IGNORECASE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _unsafe(value):
    scheme = url_scheme(value or "")
    return bool(scheme) and scheme not in SAFE_SCHEMES


def _element_problem(tag, attrs, site_host):
    if tag in NEVER:
        return f"<{tag}>"
    if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
        return '<meta http-equiv="refresh">'
    if tag == "script":
        src = attrs.get("src")
        if src is None:
            kind = (attrs.get("type") or "").strip().lower()
            return None if kind in DATA_SCRIPT_TYPES else "<script> di dalam halaman"
        if not _same_site(src, site_host):
            return f'<script src="{src[:60]}"> dari situs lain'
    if tag == "iframe":
        # Even the nocookie player: videos are published as facades (kpu_gate's
        # rewrite_youtube) and video.js makes the player only after a click, so a player in a
        # page means YouTube is contacted before the citizen chose to play.
        return f'<iframe src="{(attrs.get("src") or "")[:60]}">'
    return None


def _same_site(src, site_host):
    parsed = urlparse(browser_url(src))
    if parsed.scheme == "" and not parsed.netloc:
        return True  # a path on this site
    return parsed.scheme in ("http", "https") and bool(site_host) and parsed.netloc == site_host


def active_page(path, site_host=""):
    """Return active_content() of one output page."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        return active_content(handle.read(), site_host)
