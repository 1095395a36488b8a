"""Check a built site as a visitor and a crawler would meet it: links, anchors, leaks.

HTMLParser (not BeautifulSoup) keeps the pass over thousands of pages quick.
"""

import functools
import hashlib
import html
import os
import re
import sys
from array import array
from urllib.parse import unquote, urljoin, urlparse
from xml.etree import ElementTree

from PIL import Image

from kpu_verify.active import active_page

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
LINK_ATTRIBUTES = {"href", "src"}


TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")
ABSOLUTE = re.compile(r"/|[a-zA-Z][a-zA-Z0-9+.-]*:")  # a link that means the same on every page
ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*"([^"]*)"')


class FileMemo:
    """What was read from each output file, reused while the file's size and time match.

    Pages the incremental writer kept and images hard-linked from the image cache keep
    their time stamps, so a rebuild reads only the files that were written again.
    """

    def __init__(self, entries=None, facts=None):
        self.entries = dict(entries or {})
        self.fresh = {}
        self.listing = None  # (pages, images) of the output, once read_all has walked it
        # Facts the incremental writer gathered while it rendered pages: no need to reread.
        for path, (size, mtime_ns, found) in (facts or {}).items():
            for kind, result in found.items():
                self.entries[(kind, path)] = (size, mtime_ns, result)

    def get(self, kind, path, compute):
        """Return compute(path), or the remembered result if the file is unchanged.

        What was read in this build is trusted without another look: the check runs after
        every page is written.
        """
        key = (kind, path)
        if key in self.fresh:
            return self.fresh[key][2]
        stat = os.stat(path)
        now = (stat.st_size, stat.st_mtime_ns)
        entry = self.entries.get(key)
        if entry is not None and entry[:2] == now:
            result = entry[2]
        else:
            result = compute(path)
        self.fresh[key] = (*now, result)
        return result


def read_all(output, memo, site_host=""):
    """Read every page and image of the output into `memo` (the slow part of the check)."""
    output = os.path.normpath(output)
    scan = functools.partial(active_page, site_host=site_host)
    pages, images, every = [], [], []
    for folder, _dirs, files in os.walk(output):
        for name in files:
            path = os.path.join(folder, name)
            every.append(path)
            extension = os.path.splitext(name)[1].lower()
            if extension == ".html":
                memo.get("page", path, index_page)
                memo.get("active", path, scan)
                pages.append(path)
            elif extension in IMAGE_EXTENSIONS:
                memo.get("image", path, carries_metadata)
                images.append(path)
    memo.listing = (output, pages, images, every)


with open(__file__, "rb") as _source:
    _CHECKER = hashlib.blake2b(_source.read(), digest_size=8).hexdigest()


def links_signature(siteurl, memo):
    """Digest what the link check depends on: every file's path, every page as it was read.

    Equal signatures mean equal link-check results, so a build that changed nothing need not
    check its links again. Needs the listing that read_all made; None without it.
    """
    if memo.listing is None:
        return None
    output, pages, _images, every = memo.listing
    hasher = hashlib.blake2b(f"{_CHECKER}\n{siteurl}\n{output}\n".encode(), digest_size=16)
    hasher.update("\n".join(sorted(every)).encode("utf-8", "surrogateescape"))
    for path in sorted(pages):
        size, mtime_ns, _found = memo.fresh[("page", path)]
        hasher.update(f"\n{path}:{size}:{mtime_ns}".encode("utf-8", "surrogateescape"))
    return hasher.hexdigest()


def active_pages(output, site_host, memo=None):
    """Return (page, line, what) for everything on published pages that could run."""
    memo = memo or FileMemo()
    scan = functools.partial(active_page, site_host=site_host)
    found = []
    for path in _listed(output, memo, 1):
        relative = os.path.relpath(path, output).replace(os.sep, "/")
        found += [(relative, line, what) for line, what in memo.get("active", path, scan)]
    return found


def _listed(output, memo, index):
    """Return the pages (index 1) or images (index 2) of `output`, walking only if needed."""
    output = os.path.normpath(output)
    if memo.listing is not None and memo.listing[0] == output:
        return memo.listing[index]
    wanted = (".html",) if index == 1 else tuple(IMAGE_EXTENSIONS)
    return [
        os.path.join(folder, name)
        for folder, _dirs, files in os.walk(output)
        for name in files
        if name.lower().endswith(wanted)
    ]


def index_page(path):
    """Return (ids, links) of one HTML file.

    The kit writes every attribute in double quotes, so a regular expression over the tags is
    enough, and many times faster than an HTML parser over thousands of pages.
    """
    with open(path, encoding="utf-8", errors="replace") as handle:
        return index_text(handle.read())


def index_text(text):
    """Return (ids, links, lines) of one page's HTML text (see index_page).

    Links are interned and their line numbers packed: most links (menu, footer) repeat on
    every page, and the memo of thousands of pages is kept between builds.
    """
    ids, links, lines = set(), [], array("I")
    line, position = 1, 0
    for match in TAG.finditer(text):
        tag, raw = match.group(1).lower(), match.group(2)
        if "=" not in raw:
            continue
        attributes = {k.lower(): html.unescape(v) for k, v in ATTRIBUTE.findall(raw)}
        line += text.count("\n", position, match.start())
        position = match.start()
        if attributes.get("id"):
            ids.add(sys.intern(attributes["id"]))
        if tag == "a" and attributes.get("name"):
            ids.add(sys.intern(attributes["name"]))
        if tag == "link" and "alternate" in attributes.get("rel", "").split():
            continue
        found = [attributes[name] for name in LINK_ATTRIBUTES if attributes.get(name)]
        for candidate in attributes.get("srcset", "").split(","):
            if candidate.strip():
                found.append(candidate.strip().split()[0])
        for link in found:
            links.append(sys.intern(link))
            lines.append(line)
    return frozenset(ids), tuple(links), lines


def internal_target(link, page_url, site_host):
    """Return (path, fragment) for a link into this site, or None for another site or scheme."""
    absolute = urljoin(page_url, link)
    parsed = urlparse(absolute)
    if parsed.scheme not in ("http", "https", "") or (parsed.netloc and parsed.netloc != site_host):
        return None
    return unquote(parsed.path), parsed.fragment


def resolve(output, path):
    """Map a URL path to the file that serves it (a normalised path), or None."""
    relative = path.lstrip("/")
    candidate = os.path.normpath(os.path.join(output, relative))
    if path.endswith("/") or os.path.isdir(candidate):
        candidate = os.path.join(candidate, "index.html")
    return candidate if os.path.isfile(candidate) else None


def check_links(output, siteurl, memo=None):
    """Return (page, line, link, message) for links to missing files and missing anchors."""
    memo = memo or FileMemo()
    site = urlparse(siteurl or "http://situs.lokal")
    base = f"{site.scheme}://{site.netloc}{site.path.rstrip('/')}"
    output = os.path.normpath(output)
    pages = {path: memo.get("page", path, index_page) for path in _listed(output, memo, 1)}
    problems = []
    targets, served_by = {}, {}  # most links (menu, footer) repeat on every page
    for page, (ids, links, lines) in sorted(pages.items()):
        relative = page[len(output) + 1 :].replace(os.sep, "/")
        page_url = f"{base}/{relative}"
        for link, line in zip(links, lines, strict=True):
            if link.startswith("#"):  # a place on this very page
                if len(link) > 1 and link[1:] not in ids:
                    message = f'tautan "{link}" menuju bagian "{link}" yang tidak ada.'
                    problems.append((relative, line, link, message))
                continue
            key = link if ABSOLUTE.match(link) else (link, page_url)
            if key not in targets:
                targets[key] = internal_target(link, page_url, site.netloc)
            target = targets[key]
            if target is None:
                continue
            path, fragment = target
            if site.path and path.startswith(site.path):
                path = "/" + path[len(site.path.rstrip("/")) + 1 :]
            if path not in served_by:
                served_by[path] = resolve(output, path)
            served = served_by[path]
            if served is None:
                message = f'tautan "{link}" menuju halaman yang tidak ada.'
                problems.append((relative, line, link, message))
            elif fragment and served.endswith(".html"):
                if fragment not in pages.get(served, (frozenset(),))[0]:
                    message = f'tautan "{link}" menuju bagian "#{fragment}" yang tidak ada.'
                    problems.append((relative, line, link, message))
    return problems


def carries_metadata(path):
    """Tell whether an image file holds EXIF, XMP or a comment."""
    with Image.open(path) as image:
        return bool(
            len(image.getexif()) or {"xmp", "XML:com.adobe.xmp", "comment"} & set(image.info)
        )


def images_with_metadata(output, memo=None):
    """Return published images that still carry EXIF, XMP or a comment."""
    memo = memo or FileMemo()
    return [
        os.path.relpath(path, output)
        for path in _listed(output, memo, 2)
        if memo.get("image", path, carries_metadata)
    ]


def listed_urls(path):
    """Return the page URLs a sitemap or feed lists."""
    tree = ElementTree.parse(path)
    urls = []
    for element in tree.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "loc" or (tag == "link" and element.text and element.text.strip()):
            urls.append(element.text.strip())
        elif (
            tag == "link" and element.get("rel", "alternate") == "alternate" and element.get("href")
        ):
            urls.append(element.get("href"))
    return urls


def unpublished_urls(output, siteurl, urls):
    """Return the listed URLs that no published page serves."""
    site = urlparse(siteurl or "http://situs.lokal")
    missing = []
    for url in urls:
        target = internal_target(url, f"{site.scheme}://{site.netloc}/", site.netloc)
        if target is not None and resolve(output, target[0]) is None:
            missing.append(url)
    return missing


def matches(pattern, path):
    """Tell whether an output path falls under a URL pattern such as "draf/"."""
    return re.match(re.escape(pattern.strip("/")) + r"(/|$)", path) is not None
