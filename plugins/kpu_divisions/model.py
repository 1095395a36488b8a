"""Divisions and feeds as data: which items each division has, and every feed of the site."""

from dataclasses import dataclass, field
from xml.etree import ElementTree

from kpu_office.model import units
from kpu_settings import (
    FILE_ALLOWED,
    URL_ALLOWED,
    Setting,
    defaults,
    file_pattern,
    optional,
    positive_int,
    relative_file,
    url_folder,
    url_pattern,
)

FEED_ALLOWED = (
    'None (tanpa umpan) atau nama berkas relatif yang memuat {slug}, tanpa "/" di depan dan'
    ' tanpa "..", misalnya '
)
SCHEMA = (
    Setting(
        "KPU_DIVISION_URL",
        "divisi/{slug}/",
        url_pattern,
        f'{URL_ALLOWED}, yang memuat {{slug}}, misalnya "divisi/{{slug}}/"',
    ),
    Setting("KPU_DIVISIONS_URL", "divisi/", url_folder, f'{URL_ALLOWED}, misalnya "divisi/"'),
    Setting(
        "KPU_DIVISION_FEED_ATOM",
        None,
        optional(file_pattern),
        FEED_ALLOWED + '"feeds/divisi/{slug}.atom.xml"',
    ),
    Setting(
        "KPU_DIVISION_FEED_RSS",
        None,
        optional(file_pattern),
        FEED_ALLOWED + '"feeds/divisi/{slug}.rss.xml"',
    ),
    Setting("KPU_FEEDS_URL", "feeds/", url_folder, f'{URL_ALLOWED}, misalnya "feeds/"'),
    Setting(
        "KPU_FEEDS_OPML",
        "feeds/semua.opml",
        relative_file,
        f'{FILE_ALLOWED}, misalnya "feeds/semua.opml"',
    ),
    Setting(
        "KPU_HOME_DIVISION_COUNT",
        3,
        positive_int,
        "jumlah tulisan per divisi di beranda, bilangan bulat positif, misalnya 3",
    ),
)
DEFAULTS = defaults(SCHEMA)


@dataclass
class Division:
    """A division (or the secretariat) with its published items, newest first."""

    slug: str
    name: str
    lead: str
    lead_role: str
    description: str
    url: str
    articles: list = field(default_factory=list)
    feed_atom: str = ""
    feed_rss: str = ""


def build_divisions(office, articles, settings):
    """Return the office's divisions then the secretariat, each with its items."""
    divisions = []
    for unit in units(office):
        slug = unit["slug"]
        divisions.append(
            Division(
                slug=slug,
                name=unit["name"],
                lead=unit["lead"],
                lead_role="Sekretaris" if unit["secretariat"] else "Anggota koordinator divisi",
                description=unit.get("description", ""),
                url=settings["KPU_DIVISION_URL"].format(slug=slug),
                articles=[a for a in articles if slug in division_slugs(a)],
                feed_atom=_format(settings["KPU_DIVISION_FEED_ATOM"], slug),
                feed_rss=_format(settings["KPU_DIVISION_FEED_RSS"], slug),
            )
        )
    return divisions


def division_slugs(article):
    """Return the division slugs an article was filed under."""
    return [d["slug"] for d in getattr(article, "divisions", [])]


def _format(pattern, slug):
    return pattern.format(slug=slug) if pattern else ""


@dataclass(frozen=True)
class Feed:
    """One feed of the site as listed on /feeds/ and in the OPML file."""

    group: str
    title: str
    path: str
    kind: str  # "atom" or "rss"


def all_feeds(settings, categories, divisions, type_labels):
    """List every feed the build writes, grouped for the /feeds/ page."""
    feeds = []
    for key, kind in (("FEED_ALL_ATOM", "atom"), ("FEED_ALL_RSS", "rss")):
        if settings.get(key):
            feeds.append(Feed("Semua berita", "Semua berita", settings[key], kind))
    for category in categories:
        label = type_labels.get(category.slug, category.name)
        for key, kind in (("CATEGORY_FEED_ATOM", "atom"), ("CATEGORY_FEED_RSS", "rss")):
            if settings.get(key):
                path = settings[key].format(slug=category.slug)
                feeds.append(Feed("Per jenis konten", label, path, kind))
    for division in divisions:
        for path, kind in ((division.feed_atom, "atom"), (division.feed_rss, "rss")):
            if path:
                feeds.append(Feed("Per divisi", division.name, path, kind))
    if settings.get("PPID_FEED_ATOM"):
        feeds.append(Feed("Informasi publik", "PPID", settings["PPID_FEED_ATOM"], "atom"))
    return feeds


def group_feeds(feeds):
    """Group feeds for the /feeds/ page, keeping the order in which groups first appear."""
    groups = {}
    for feed in feeds:
        groups.setdefault(feed.group, []).append(feed)
    return list(groups.items())


def one_format_each(feeds):
    """Keep one copy of each feed, Atom before RSS: a reader importing an OPML file
    subscribes to every outline, so listing both formats subscribes it twice."""
    chosen = {}
    for feed in feeds:
        key = (feed.group, feed.title)
        if key not in chosen or (feed.kind == "atom" and chosen[key].kind != "atom"):
            chosen[key] = feed
    return list(chosen.values())


def opml(feeds, title, domain):
    """Return an OPML 2.0 document with one outline per subscribable feed, grouped like
    the /feeds/ page (which still offers both formats)."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(root, "body")
    groups = {}
    for feed in one_format_each(feeds):
        if feed.group not in groups:
            groups[feed.group] = ElementTree.SubElement(
                body, "outline", text=feed.group, title=feed.group
            )
        ElementTree.SubElement(
            groups[feed.group],
            "outline",
            type="rss",
            text=feed.title,
            title=feed.title,
            xmlUrl=f"{domain}/{feed.path}",
        )
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(root, "unicode") + "\n"
