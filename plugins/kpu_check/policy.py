"""What content headers may contain: known fields, sane dates, one owner per URL.

A page may also not take an address the kit writes pages of its own at.

Pure functions; each returns messages in Bahasa Indonesia that quote the offending text, so
the report can point at its line.
"""

from kpu_content.model import HEADER_LINE, SHARE_CARD_FIELD
from kpu_messages import Problem, nearest

NEWS_FIELDS = (
    "Title Date Modified Category Tags Divisi Author Authors Summary Slug Status Image Image_alt "
    "Image_caption Nomor Lampiran Klaim Putusan Dasar Sumber Lang Translation Template"
).split() + [SHARE_CARD_FIELD]
PAGE_FIELDS = (
    "Title Summary Order Template Slug Status Image Image_alt Image_caption Lang Translation "
    "Date Modified"
).split()


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
    """Given (source, kind, url, via_slug) entries, report every source sharing a URL.

    A kind ending in "-later" is the address a draft or scheduled item will have once it is
    published; the message says so. `via_slug` tells that the address follows from the
    item's slug, so the report can point at a Slug field. Returns (source, via_slug, message).
    """
    by_url = {}
    for source, kind, url, via_slug in entries:
        owners = by_url.setdefault(url, [])
        if all(owner != source for owner, _kind, _via_slug in owners):
            owners.append((source, kind, via_slug))
    problems = []
    for url, owners in sorted(by_url.items()):
        if len(owners) < 2:
            continue
        later = any(kind.endswith("-later") for _source, kind, _via_slug in owners)
        for source, _kind, via_slug in owners:
            others = ", ".join(s for s, _k, _v in owners if s != source)
            note = " (setelah draf atau tulisan terjadwal itu terbit)" if later else ""
            problems.append(
                (
                    source,
                    via_slug,
                    f'alamat "/{url}" juga dipakai oleh {others}{note}. Ganti nama salah satu '
                    "berkas.",
                )
            )
    return problems


def field_line(text, name):
    """Return the line of header field `name` (any case) in a file's text, or None."""
    # Lines as editors and the report count them ("\u2028" pasted from Word breaks none).
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            return None  # the header ends at the first blank line
        match = HEADER_LINE.match(line)
        if match and match["key"].lower() == name.lower():
            return number
    return None


# Where the kit writes pages and files of its own, by the settings that place them, and what
# an admin knows them as. A page at one of these addresses makes Pelican stop with a
# traceback when it writes the second file; under one, it mixes with the kit's own pages.
RESERVED_URL_SETTINGS = (
    ("berita", "BERITA_URL BERITA_SAVE_AS"),
    ("daftar berita per jenis", "CATEGORY_URL CATEGORY_SAVE_AS CATEGORIES_URL CATEGORIES_SAVE_AS"),
    ("daftar berita per tag", "TAG_URL TAG_SAVE_AS TAGS_URL TAGS_SAVE_AS"),
    ("daftar berita per penulis", "AUTHOR_URL AUTHOR_SAVE_AS AUTHORS_URL AUTHORS_SAVE_AS"),
    (
        "arsip berita",
        "ARCHIVES_URL ARCHIVES_SAVE_AS YEAR_ARCHIVE_URL YEAR_ARCHIVE_SAVE_AS MONTH_ARCHIVE_URL "
        "MONTH_ARCHIVE_SAVE_AS DAY_ARCHIVE_URL DAY_ARCHIVE_SAVE_AS",
    ),
    ("pencarian", "CARI_URL CARI_SAVE_AS KPU_SEARCH_URL"),
    ("pratinjau draf", "DRAFT_URL DRAFT_SAVE_AS DRAFT_PAGE_URL DRAFT_PAGE_SAVE_AS"),
    ("halaman divisi", "KPU_DIVISION_URL KPU_DIVISIONS_URL"),
    (
        "umpan berita",
        "KPU_FEEDS_URL KPU_FEEDS_OPML FEED_ALL_ATOM FEED_ALL_RSS CATEGORY_FEED_ATOM "
        "CATEGORY_FEED_RSS PPID_FEED_ATOM KPU_DIVISION_FEED_ATOM KPU_DIVISION_FEED_RSS",
    ),
    ("laporan publikasi", "KPU_REPORT_URL"),
    ("Daftar Informasi Publik", "PPID_DIP_URL"),
    ("daftar informasi yang dikecualikan", "PPID_DIK_URL"),
)
# News items live under the first folder of their address, whatever follows it.
RESERVED_FIRST_SEGMENT = (("berita", "ARTICLE_URL ARTICLE_SAVE_AS"),)
RESERVED_FOLDERS = (
    ("indeks pencarian", "KPU_SEARCH_BUNDLE"),
    ("gambar", "KPU_IMAGE_OUTPUT_DIR"),
    ("kartu media sosial", "KPU_SOCIAL_DIR"),
    ("berkas tampilan situs", "THEME_STATIC_DIR"),
)


def url_prefix(value):
    """Return the fixed start of an address or output path ("tag/" of "tag/{slug}/").

    A value without a placeholder that does not end in "/" names a file, such as
    "cari/index.html"; its folder is what a page must not take. "" means none.
    """
    value = value.lstrip("/")
    if "{" in value:
        return value.split("{", 1)[0]
    if value.endswith("/"):
        return value
    folder = value.rpartition("/")[0]
    return f"{folder}/" if folder else ""


def first_folder(value):
    """Return the first folder of an address ("berita/" of "berita/{date:%Y}/{slug}/")."""
    prefix = url_prefix(value)
    return prefix.split("/", 1)[0] + "/" if "/" in prefix else prefix


def folder_prefix(value):
    """Return an output folder setting as an address prefix ("images" -> "images/")."""
    folder = value.strip("/")
    return f"{folder}/" if folder else ""


def reserved_prefixes(settings):
    """Return (prefix, label) for every address the kit writes pages of its own at or under."""
    reserved = []

    def add(label, names, prefix_of):
        for name in names.split():
            value = settings.get(name)
            prefix = prefix_of(value) if isinstance(value, str) and value.strip() else ""
            if prefix and (prefix, label) not in reserved:
                reserved.append((prefix, label))

    for label, names in RESERVED_URL_SETTINGS:
        add(label, names, url_prefix)
    for label, names in RESERVED_FIRST_SEGMENT:
        add(label, names, first_folder)
    for label, names in RESERVED_FOLDERS:
        add(label, names, folder_prefix)
    return reserved


def reserved_urls(entries, reserved):
    """Given (source, url) of pages, report each page at or under an address the kit uses."""
    problems = []
    for source, url in entries:
        matches = [(prefix, label) for prefix, label in reserved if url.startswith(prefix)]
        if not matches:
            continue
        _prefix, label = max(matches, key=lambda match: len(match[0]))  # the most specific
        problems.append(
            (
                source,
                Problem(
                    f'alamat "/{url}" dipakai situs untuk halamannya sendiri ({label}); ganti nama '
                    "berkas atau folder halaman ini.",
                    line=1,
                ),
            )
        )
    return problems
