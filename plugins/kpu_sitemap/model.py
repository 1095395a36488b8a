"""Build sitemap.xml and robots.txt from the list of published pages."""

import re
from xml.etree import ElementTree

from kpu_settings import FILE_ALLOWED, FOLDER_ALLOWED, Setting, folders, relative_file

SCHEMA = (
    Setting("KPU_SITEMAP", "sitemap.xml", relative_file, f'{FILE_ALLOWED}, misalnya "sitemap.xml"'),
    # The build report is for the office, not for crawlers. The share kits (/sosial/) stay
    # open: their cards are the og:image and twitter:image of nearly every page, and the
    # crawlers that draw link previews (X's, LinkedIn's) honour robots.txt, so a closed
    # /sosial/ leaves those previews without a picture. The captions beside the cards are
    # only the item's title, summary and link, already public on its page; keeping them out
    # would take a wildcard rule ("/sosial/*.txt") that is an extension some crawlers and
    # Python's own parser do not read, or a second folder per item for the office to fetch.
    Setting(
        "KPU_ROBOTS_DISALLOW",
        ("laporan",),
        folders,
        f"daftar folder yang tertutup bagi mesin pencari, masing-masing {FOLDER_ALLOWED},"
        ' misalnya ("laporan",)',
    ),
)
NOINDEX = '<meta name="robots" content="noindex">'


def page_url(siteurl, relative):
    """Return the public URL of an output file ("berita/index.html" -> ".../berita/")."""
    path = relative.replace("\\", "/")
    if path == "index.html":
        path = ""
    elif path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return f"{siteurl}/{path}"


def sitemap_xml(entries):
    """Return a sitemap for (url, lastmod or None) entries, sorted by URL."""
    root = ElementTree.Element("urlset", xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")
    for url, lastmod in sorted(entries):
        node = ElementTree.SubElement(root, "url")
        ElementTree.SubElement(node, "loc").text = url
        if lastmod:
            ElementTree.SubElement(node, "lastmod").text = lastmod
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(root, "unicode") + "\n"


def closed_share_folders(disallowed, share_folders):
    """Return a message per disallowed folder holding (or held in) a folder of share images."""
    problems = []
    for folder in (f.strip("/") for f in disallowed):
        for share in (f.strip("/") for f in share_folders):
            if share == folder or share.startswith(f"{folder}/") or folder.startswith(f"{share}/"):
                problems.append(
                    f'KPU_ROBOTS_DISALLOW menutup folder "{folder}", padahal di "{share}" ada '
                    "gambar pratinjau tautan (og:image) yang harus bisa diambil X, LinkedIn dan "
                    f'aplikasi lain. Hapus "{folder}" dari KPU_ROBOTS_DISALLOW.'
                )
    return problems


def robots_txt(siteurl, sitemap, disallowed):
    """Return robots.txt: everything open except the given folders, and where the sitemap is.

    A Sitemap line must be an absolute URL, so a build without an absolute SITEURL (the
    local one) leaves it out rather than write a path crawlers would reject.
    """
    lines = ["User-agent: *"]
    lines += [f"Disallow: /{folder.strip('/')}/" for folder in disallowed]
    if not disallowed:
        lines.append("Disallow:")
    if re.match(r"^https?://[^/]+", siteurl or ""):
        lines += ["", f"Sitemap: {siteurl.rstrip('/')}/{sitemap}"]
    return "\n".join(lines) + "\n"
