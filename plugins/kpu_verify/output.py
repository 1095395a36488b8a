"""Check a built site as a visitor and a crawler would meet it: links, anchors, leaks.

HTMLParser (not BeautifulSoup) keeps the pass over thousands of pages quick.
"""

import html
import os
import re
from urllib.parse import unquote, urljoin, urlparse
from xml.etree import ElementTree

from PIL import Image

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
LINK_ATTRIBUTES = {"href", "src"}


TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")
ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*"([^"]*)"')


class FileMemo:
    """What was read from each output file, reused while the file's size and time match.

    Pages the incremental writer kept and images hard-linked from the image cache keep
    their time stamps, so a rebuild reads only the files that were written again.
    """

    def __init__(self, entries=None, facts=None):
        self.entries = dict(entries or {})
        self.fresh = {}
        # Facts the incremental writer gathered while it rendered pages: no need to reread.
        for path, (size, mtime_ns, found) in (facts or {}).items():
            for kind, result in found.items():
                self.entries[(kind, path)] = (size, mtime_ns, result)

    def get(self, kind, path, compute):
        """Return compute(path), or the remembered result if the file is unchanged."""
        stat = os.stat(path)
        key, now = (kind, path), (stat.st_size, stat.st_mtime_ns)
        entry = self.fresh.get(key) or self.entries.get(key)
        if entry is not None and entry[:2] == now:
            result = entry[2]
        else:
            result = compute(path)
        self.fresh[key] = (*now, result)
        return result


def read_all(output, memo):
    """Read every page and image of the output into `memo` (the slow part of the check)."""
    for folder, _dirs, files in os.walk(output):
        for name in files:
            path = os.path.join(folder, name)
            extension = os.path.splitext(name)[1].lower()
            if extension == ".html":
                memo.get("page", path, index_page)
            elif extension in IMAGE_EXTENSIONS:
                memo.get("image", path, carries_metadata)


def index_page(path):
    """Return (ids, links) of one HTML file.

    The kit writes every attribute in double quotes, so a regular expression over the tags is
    enough, and many times faster than an HTML parser over thousands of pages.
    """
    with open(path, encoding="utf-8", errors="replace") as handle:
        return index_text(handle.read())


def index_text(text):
    """Return (ids, links) of one page's HTML text (see index_page)."""
    ids, links = set(), []
    line, position = 1, 0
    for match in TAG.finditer(text):
        tag, raw = match.group(1).lower(), match.group(2)
        if "=" not in raw:
            continue
        attributes = {k.lower(): html.unescape(v) for k, v in ATTRIBUTE.findall(raw)}
        line += text.count("\n", position, match.start())
        position = match.start()
        if attributes.get("id"):
            ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            ids.add(attributes["name"])
        if tag == "link" and "alternate" in attributes.get("rel", "").split():
            continue
        for name in LINK_ATTRIBUTES:
            if attributes.get(name):
                links.append((attributes[name], line))
        for candidate in attributes.get("srcset", "").split(","):
            if candidate.strip():
                links.append((candidate.strip().split()[0], line))
    return ids, links


def internal_target(link, page_url, site_host):
    """Return (path, fragment) for a link into this site, or None for another site or scheme."""
    absolute = urljoin(page_url, link)
    parsed = urlparse(absolute)
    if parsed.scheme not in ("http", "https", "") or (parsed.netloc and parsed.netloc != site_host):
        return None
    return unquote(parsed.path), parsed.fragment


def resolve(output, path):
    """Map a URL path to the file that serves it, or None."""
    relative = path.lstrip("/")
    candidate = os.path.join(output, relative)
    if path.endswith("/") or os.path.isdir(candidate):
        candidate = os.path.join(candidate, "index.html")
    return candidate if os.path.isfile(candidate) else None


def check_links(output, siteurl, memo=None):
    """Return (page, line, link, message) for links to missing files and missing anchors."""
    memo = memo or FileMemo()
    site = urlparse(siteurl or "http://situs.lokal")
    base = f"{site.scheme}://{site.netloc}{site.path.rstrip('/')}"
    pages = {}
    for folder, _dirs, files in os.walk(output):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                pages[os.path.realpath(path)] = memo.get("page", path, index_page)
    problems = []
    targets, served_by = {}, {}  # most links (menu, footer) repeat on every page
    for page, (_ids, links) in sorted(pages.items()):
        relative = os.path.relpath(page, output)
        page_url = f"{base}/{relative}"
        for link, line in links:
            key = link if link.startswith(("/", "http:", "https:")) else (link, page_url)
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
                ids = pages.get(os.path.realpath(served), (set(), []))[0]
                if fragment not in ids:
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
    found = []
    for folder, _dirs, files in os.walk(output):
        for name in files:
            if os.path.splitext(name)[1].lower() not in IMAGE_EXTENSIONS:
                continue
            path = os.path.join(folder, name)
            if memo.get("image", path, carries_metadata):
                found.append(os.path.relpath(path, output))
    return found


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
