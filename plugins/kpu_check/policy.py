"""What content may contain: known header fields, allowed raw HTML, sane dates.

Pure functions; each returns messages in Bahasa Indonesia that quote the offending text, so
the report can point at its line.
"""

import re
from html.parser import HTMLParser

from kpu_messages import nearest

NEWS_FIELDS = (
    "Title Date Modified Category Tags Divisi Author Authors Summary Slug Status Image Image_alt "
    "Image_caption Nomor Lampiran Klaim Putusan Dasar Sumber Lang Translation Template"
).split()
PAGE_FIELDS = (
    "Title Summary Order Template Slug Status Image Image_alt Image_caption Lang Translation "
    "Date Modified"
).split()

ALLOWED_TAGS = set(
    "a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em "
    "figcaption figure h1 h2 h3 h4 h5 h6 hr i iframe img ins kbd li mark ol p picture pre q s "
    "samp small source span strong sub summary sup table tbody td tfoot th thead time tr u ul "
    "wbr".split()
)
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "cite", "poster", "data"}
BAD_SCHEMES = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)
YOUTUBE = re.compile(
    r"^(?:https?:)?//(?:www\.)?(?:youtube\.com|youtube-nocookie\.com)/embed/([A-Za-z0-9_-]{6,})"
    r"|^(?:https?:)?//youtu\.be/([A-Za-z0-9_-]{6,})"
)
IFRAME = re.compile(r"<iframe\b[^>]*>(?:\s*</iframe>)?", re.IGNORECASE)


def unknown_fields(keys, known):
    """Flag header fields the kit does not know, with the nearest known name."""
    lowered = {name.lower(): name for name in known}
    problems = []
    for key in keys:
        if key.lower() in lowered:
            continue
        hint = nearest(key, list(lowered))
        message = f'kolom "{key}" tidak dikenal.'
        if hint:
            message += f' Mungkin maksud Anda "{lowered[hint]}"?'
        else:
            message += f" Kolom yang dikenal: {', '.join(known)}."
        problems.append(message)
    return problems


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(
                f'HTML "<{tag}" tidak diizinkan di konten. Hapus tag itu; tulis dengan Markdown.'
            )
            return
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(
                    f'atribut "{name}" (skrip) tidak diizinkan di konten. Hapus atribut itu.'
                )
            elif name in URL_ATTRIBUTES and BAD_SCHEMES.match(value):
                self.problems.append(
                    f'alamat "{value.strip()[:40]}" tidak diizinkan; pakai tautan http(s) biasa.'
                )
        if tag == "iframe":
            src = dict(attrs).get("src") or ""
            if not YOUTUBE.match(src):
                self.problems.append(
                    f'"<iframe" dari "{src[:60]}" tidak diizinkan; hanya video YouTube yang boleh '
                    "disematkan."
                )

    handle_startendtag = handle_starttag


def check_html(fragment):
    """Return a message for every disallowed tag, script attribute or script URL."""
    inspector = _Inspector()
    inspector.feed(fragment or "")
    inspector.close()
    return inspector.problems


def rewrite_youtube(fragment, default_title="Video YouTube"):
    """Point YouTube embeds at youtube-nocookie, lazily loaded, with an accessible title."""

    def replace(match):
        tag = match.group(0)
        src = re.search(r'src\s*=\s*"([^"]*)"', tag) or re.search(r"src\s*=\s*'([^']*)'", tag)
        found = YOUTUBE.match(src.group(1)) if src else None
        if not found:
            return tag
        video = found.group(1) or found.group(2)
        title = re.search(r'title\s*=\s*"([^"]+)"', tag)
        label = title.group(1) if title else default_title
        return (
            f'<iframe src="https://www.youtube-nocookie.com/embed/{video}" title="{label}" '
            'width="560" height="315" loading="lazy" '
            'referrerpolicy="strict-origin-when-cross-origin" '
            'allow="encrypted-media; picture-in-picture" allowfullscreen></iframe>'
        )

    return IFRAME.sub(replace, fragment or "")


def check_date(name, value, now, first_year=1999, max_ahead_days=366):
    """Return a message for a date whose year is implausible or that lies too far ahead."""
    if value is None:
        return None
    if value.year < first_year:
        return f'kolom "{name}": tahun {value.year} terlalu lama; periksa kembali tanggalnya.'
    if (value - now).days > max_ahead_days:
        return (
            f'kolom "{name}": {value:%Y-%m-%d} lebih dari setahun ke depan. Periksa tahunnya; '
            "tulisan bertanggal di masa depan baru terbit pada tanggal itu."
        )
    return None


def duplicate_urls(entries):
    """Given (source, kind, url) entries, report every source that shares a URL with another."""
    by_url = {}
    for source, kind, url in entries:
        by_url.setdefault(url, []).append((source, kind))
    problems = []
    for url, owners in sorted(by_url.items()):
        if len(owners) < 2:
            continue
        for source, _kind in owners:
            others = ", ".join(s for s, _ in owners if s != source)
            problems.append(
                (
                    source,
                    f'alamat "/{url}" juga dipakai oleh {others}. Ganti nama salah satu berkas.',
                )
            )
    return problems


PLACEHOLDER_LINK = re.compile(r'(?:href|src)\s*=\s*"\{(filename|static|attach)\}([^"#?]*)')


def check_placeholder_links(fragment, source_dir, content_root):
    """Report {filename}/{static} links whose file does not exist under content/."""
    import os

    problems = []
    for kind, target in PLACEHOLDER_LINK.findall(fragment or ""):
        base = content_root if target.startswith("/") else source_dir
        path = os.path.normpath(os.path.join(base, target.lstrip("/")))
        if not os.path.exists(path):
            problems.append(
                f'tautan "{{{kind}}}{target}" menuju berkas yang tidak ada di content/. '
                "Periksa nama dan letak berkasnya."
            )
    return problems
