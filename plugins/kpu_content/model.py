"""Rules for news-item metadata, written as pure functions so they are tested directly."""

import re

from pelican.utils import get_date

from kpu_attachments import ATTACHMENT_TYPES_ALLOWED, DEFAULT_ATTACHMENT_TYPES, attachment_types
from kpu_gate.dates import check_date_text
from kpu_messages import ContentError, unknown_value  # noqa: F401  (re-exported)
from kpu_settings import Setting, positive_int, slug_labels

# The content types a news item may have (its Pelican category), with their labels.
DEFAULT_CONTENT_TYPES = {
    "berita": "Berita",
    "features": "Features",
    "opini": "Opini",
    "pengumuman": "Pengumuman",
    "klarifikasi-hoaks": "Klarifikasi Hoaks",
    "infografis": "Infografis",
}

SCHEMA = (
    Setting(
        "KPU_CONTENT_TYPES",
        DEFAULT_CONTENT_TYPES,
        slug_labels,
        'dict jenis konten yang tidak kosong: slug huruf kecil (boleh angka dan "-") ke label,'
        ' misalnya {"berita": "Berita", "opini": "Opini"}',
    ),
    Setting(
        "KPU_ATTACHMENT_TYPES",
        DEFAULT_ATTACHMENT_TYPES,
        attachment_types,
        ATTACHMENT_TYPES_ALLOWED,
    ),
    # Read by the home page template: how many of the newest items it shows.
    Setting(
        "HOME_LATEST_COUNT",
        7,
        positive_int,
        "jumlah berita terbaru di beranda, bilangan bulat positif, misalnya 7",
    ),
)


# `Kartu_Berbagi:` asks for (or declines) an item's own share card whatever its age.
SHARE_CARD_FIELD = "Kartu_Berbagi"
SHARE_CARD_CHOICES = {"ya": True, "tidak": False}

# Statuses Pelican knows; any other value makes it skip the file with only a log line.
STATUSES = ("published", "draft", "hidden")
HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")


def split_divisions(raw):
    """Split a `Divisi:` value ("a, b") into slugs."""
    if not raw:
        return []
    if isinstance(raw, list):  # continued on a second line (kpu_gate reports that too)
        raw = ",".join(str(part) for part in raw)
    return [part.strip() for part in str(raw).split(",") if part.strip()]


def check_news_metadata(metadata, division_slugs, content_types):
    """Return messages (Bahasa Indonesia) for every mistake in one news item's metadata."""
    problems = []
    if not str(metadata.get("title", "")).strip():
        problems.append('kolom "Title" wajib diisi dengan judul berita.')
    if "date" not in metadata:
        problems.append('kolom "Date" wajib diisi, misalnya "Date: 2021-05-25 10:00".')
    category = metadata.get("category")
    type_slug = getattr(category, "slug", "") if category else ""
    if not type_slug:
        problems.append(
            f'kolom "Category" (jenis konten) wajib diisi. Pilihan: {", ".join(content_types)}.'
        )
    elif type_slug not in content_types:
        problems.append(unknown_value("Category", str(category), content_types))
    divisions = split_divisions(metadata.get("divisi"))
    if not divisions:
        problems.append(
            f'kolom "Divisi" wajib diisi (satu atau beberapa, dipisah koma). '
            f"Pilihan: {', '.join(division_slugs)}."
        )
    for slug in divisions:
        if slug not in division_slugs:
            problems.append(unknown_value("Divisi", slug, division_slugs))
    problems += check_status(metadata)
    problems += check_share_card(metadata)
    return problems


def _share_card_value(metadata):
    """Return the `Kartu_Berbagi:` value as written (stripped), or None without the field."""
    value = metadata.get(SHARE_CARD_FIELD.lower())
    if value is None:
        return None
    if isinstance(value, list):  # continued on a second line (kpu_gate reports that too)
        value = " ".join(str(part) for part in value)
    return str(value).strip()


def check_share_card(metadata):
    """Return a message when `Kartu_Berbagi:` is neither "ya" nor "tidak"."""
    value = _share_card_value(metadata)
    if value is None or value.lower() in SHARE_CARD_CHOICES:
        return []
    return [unknown_value(SHARE_CARD_FIELD, value, SHARE_CARD_CHOICES)]


def share_card_request(metadata):
    """Return True ("ya"), False ("tidak") or None (no field, or a value the gate refuses)."""
    value = _share_card_value(metadata)
    return SHARE_CARD_CHOICES.get(value.lower()) if value is not None else None


def check_status(metadata):
    """Return a message when `Status:` is not one Pelican knows (it would drop the file)."""
    status = str(metadata.get("status", "published")).strip()
    if status in STATUSES:
        return []
    return [unknown_value("Status", status, STATUSES)]


def read_header(text, lower=True):
    """Return the `Key: value` fields at the top of a Markdown file (keys lower-cased)."""
    fields = {}
    for line in text.splitlines():
        if not line.strip():
            break
        match = HEADER_LINE.match(line)
        if match:
            key = match["key"].lower() if lower else match["key"]
            fields[key] = match["value"].strip()
    return fields


def diagnose_unreadable(text):
    """Explain why Pelican could not read a file at all (it only logs this, in English)."""
    fields = read_header(text)
    if "date" in fields:
        try:
            get_date(fields["date"])
        except (ValueError, OverflowError):
            return [check_date_text("Date", fields["date"]) or f'kolom "Date": "{fields["date"]}"']
    return [
        "berkas tidak dapat dibaca. Periksa bagian kolom di awal berkas: satu kolom per "
        'baris dengan format "Nama: isi", lalu satu baris kosong sebelum isi tulisan.'
    ]


def check_page_metadata(metadata):
    """Return messages for every mistake in a static page's metadata."""
    problems = []
    if not str(metadata.get("title", "")).strip():
        problems.append('kolom "Title" wajib diisi dengan judul halaman.')
    problems += check_status(metadata)
    return problems


def labelled_feed_title(title, site_name, type_labels):
    """Return a category feed's title with the type's label in place of its slug.

    Pelican titles a category feed "<SITENAME> - <category name>", and a category's name is
    the type's slug ("klarifikasi-hoaks"); a feed reader shows that title to citizens."""
    prefix = f"{site_name} - "
    if title.startswith(prefix) and title[len(prefix) :] in type_labels:
        return prefix + type_labels[title[len(prefix) :]]
    return title
