"""Build sitemap.xml and robots.txt from the list of published pages."""

from xml.etree import ElementTree

from kpu_settings import FILE_ALLOWED, FOLDER_ALLOWED, Setting, folders, relative_file

SCHEMA = (
    Setting("KPU_SITEMAP", "sitemap.xml", relative_file, f'{FILE_ALLOWED}, misalnya "sitemap.xml"'),
    # The share kits and the report are for people who follow a link, not for crawlers.
    Setting(
        "KPU_ROBOTS_DISALLOW",
        ("sosial", "laporan"),
        folders,
        f"daftar folder yang tertutup bagi mesin pencari, masing-masing {FOLDER_ALLOWED},"
        ' misalnya ("sosial", "laporan")',
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


def robots_txt(siteurl, sitemap, disallowed):
    """Return robots.txt: everything open except the given folders, and where the sitemap is."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: /{folder.strip('/')}/" for folder in disallowed]
    if not disallowed:
        lines.append("Disallow:")
    lines += ["", f"Sitemap: {siteurl}/{sitemap}"]
    return "\n".join(lines) + "\n"
