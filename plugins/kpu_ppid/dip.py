"""The DIP and the DIK as data: grouping, numbering, filtered views and open-data rows."""

import csv
import io
import json
from dataclasses import dataclass, field

from kpu_ppid.settings import EXEMPT

# Open-data columns: name -> description (documented on the pages and in docs/).
DIP_COLUMNS = {
    "nomor": "Nomor urut dalam Daftar Informasi Publik",
    "judul": "Judul informasi",
    "klasifikasi": "Klasifikasi: berkala, serta-merta atau setiap-saat",
    "kelompok": "Kelompok informasi di dalam klasifikasinya",
    "tahun": "Tahun informasi",
    "ringkasan": "Ringkasan isi informasi",
    "penguasa_informasi": "Pejabat atau unit yang menguasai informasi",
    "penanggung_jawab": "Penanggung jawab pembuatan atau penerbitan informasi",
    "waktu_pembuatan": "Waktu pembuatan informasi",
    "tempat_pembuatan": "Tempat pembuatan informasi",
    "bentuk": "Bentuk informasi yang tersedia (cetak, elektronik)",
    "retensi": "Jangka waktu penyimpanan atau retensi arsip",
    "tautan": "Alamat halaman informasi di situs ini",
    "lampiran": "Alamat lampiran, dipisah dengan spasi",
    "sha256_lampiran": "SHA-256 tiap lampiran berkas, urutan sama dengan kolom lampiran",
    "tanggal_terbit": "Tanggal terbit di situs (ISO 8601)",
    "diperbarui": "Tanggal terakhir diperbarui (ISO 8601), kosong bila belum pernah",
}
DIK_COLUMNS = {
    "nomor": "Nomor urut dalam Daftar Informasi yang Dikecualikan",
    "judul": "Informasi yang dikecualikan",
    "kelompok": "Kelompok pengecualian",
    "tahun": "Tahun penetapan",
    "dasar_hukum": "Dasar hukum pengecualian",
    "uji_konsekuensi": "Hasil uji konsekuensi",
    "jangka_waktu_pengecualian": "Jangka waktu pengecualian",
    "sumber": "Asal baris: kantor (item kantor sendiri) atau nama daftar bersama yang diadopsi",
    "tautan": "Alamat baris ini di halaman DIK",
}
OWN_ITEM = "kantor"  # the DIK's `sumber` of an item the office wrote itself


@dataclass
class Row:
    """An item with its number in the full list (kept in every filtered view)."""

    number: int
    item: object


@dataclass
class Group:
    """A sub-group (kelompok) of a class with its rows."""

    slug: str
    label: str
    rows: list = field(default_factory=list)


@dataclass
class ClassSection:
    """A class (klasifikasi) of the DIP with its sub-groups."""

    slug: str
    label: str
    groups: list = field(default_factory=list)

    @property
    def count(self):
        """Count the rows of all the section's groups."""
        return sum(len(g.rows) for g in self.groups)


@dataclass
class View:
    """One pre-built page of the DIP: all items, or narrowed by class and/or year."""

    klasifikasi: str
    tahun: int | None
    url: str
    save_as: str
    sections: list

    @property
    def count(self):
        """Count the rows shown in this view."""
        return sum(s.count for s in self.sections)


def _order(items):
    return sorted(items, key=lambda i: (-i.tahun, -i.tanggal.timestamp(), i.judul.lower()))


def build_sections(items, classes, groups):
    """Group non-exempt items by class then sub-group, in settings order, numbered 1..N."""
    sections, number = [], 0
    for class_slug, class_label in classes.items():
        if class_slug == EXEMPT:
            continue
        section = ClassSection(class_slug, class_label)
        for group_slug, group_label in groups.get(class_slug, {}).items():
            members = [i for i in items if i.klasifikasi == class_slug and i.kelompok == group_slug]
            if not members:
                continue
            group = Group(group_slug, group_label)
            for item in _order(members):
                number += 1
                group.rows.append(Row(number, item))
            section.groups.append(group)
        if section.groups:
            sections.append(section)
    return sections


def filter_sections(sections, klasifikasi="", tahun=None):
    """Keep only the rows of one class and/or year; numbers stay as in the full DIP."""
    kept = []
    for section in sections:
        if klasifikasi and section.slug != klasifikasi:
            continue
        groups = []
        for group in section.groups:
            rows = [r for r in group.rows if tahun is None or r.item.tahun == tahun]
            if rows:
                groups.append(Group(group.slug, group.label, rows))
        kept.append(ClassSection(section.slug, section.label, groups))
    return [s for s in kept if s.groups]


def view_url(base_url, klasifikasi="", tahun=None):
    """Return the URL of a pre-built view: base/[class/][tahun/YYYY/]."""
    url = base_url
    if klasifikasi:
        url += f"{klasifikasi}/"
    if tahun is not None:
        url += f"tahun/{tahun}/"
    return url


def build_views(sections, classes, years, base_url):
    """Pre-build every class x year combination so filtering needs no JavaScript."""
    views = []
    for klasifikasi in ["", *[c for c in classes if c != EXEMPT]]:
        for tahun in [None, *years]:
            url = view_url(base_url, klasifikasi, tahun)
            views.append(
                View(
                    klasifikasi=klasifikasi,
                    tahun=tahun,
                    url=url,
                    save_as=url + "index.html",
                    sections=filter_sections(sections, klasifikasi, tahun),
                )
            )
    return views


def number_exempt(items):
    """Number the DIK's items, newest year first."""
    return [Row(n, item) for n, item in enumerate(_order(items), start=1)]


@dataclass(frozen=True)
class SharedSource:
    """A shared list (the national DIK) that some of the DIK's rows come from."""

    label: str
    note: str
    count: int


def exempt_sources(rows):
    """Return the shared lists the DIK's rows come from, with their row counts, in row order."""
    counts, notes = {}, {}
    for row in rows:
        if row.item.row is not None:
            label = row.item.row.label
            counts[label] = counts.get(label, 0) + 1
            notes.setdefault(label, row.item.row.note)
    return [SharedSource(label, notes[label], count) for label, count in counts.items()]


def dip_records(sections, siteurl, groups):
    """Return the DIP as open-data records with the documented DIP_COLUMNS."""
    records = []
    for section in sections:
        for group in section.groups:
            for row in group.rows:
                item = row.item
                records.append(
                    {
                        "nomor": row.number,
                        "judul": item.judul,
                        "klasifikasi": item.klasifikasi,
                        "kelompok": groups[item.klasifikasi][item.kelompok],
                        "tahun": item.tahun,
                        "ringkasan": item.ringkasan,
                        "penguasa_informasi": item.penguasa_informasi,
                        "penanggung_jawab": item.penanggung_jawab,
                        "waktu_pembuatan": item.waktu_pembuatan,
                        "tempat_pembuatan": item.tempat_pembuatan,
                        "bentuk": ", ".join(item.bentuk),
                        "retensi": item.retensi,
                        "tautan": f"{siteurl}/{item.url}",
                        "lampiran": " ".join(_absolute(a.url, siteurl) for a in item.attachments),
                        "sha256_lampiran": " ".join(a.sha256 for a in item.attachments if a.sha256),
                        "tanggal_terbit": item.tanggal.date().isoformat(),
                        "diperbarui": item.diperbarui.date().isoformat() if item.diperbarui else "",
                    }
                )
    return records


def dik_records(rows, siteurl, dik_url, groups):
    """Return the DIK as open-data records with the documented DIK_COLUMNS."""
    return [
        {
            "nomor": row.number,
            "judul": row.item.judul,
            "kelompok": groups[EXEMPT][row.item.kelompok],
            "tahun": row.item.tahun,
            "dasar_hukum": row.item.dasar_hukum,
            "uji_konsekuensi": row.item.uji_konsekuensi,
            "jangka_waktu_pengecualian": row.item.jangka_waktu_pengecualian,
            "sumber": row.item.row.label if row.item.row is not None else OWN_ITEM,
            "tautan": f"{siteurl}/{dik_url}#{row.item.slug}",
        }
        for row in rows
    ]


def _absolute(url, siteurl):
    return url if "://" in url else f"{siteurl}/{url}"


# A cell a spreadsheet would run as a formula (=HYPERLINK(…) sends data elsewhere when clicked).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Prefix text that a spreadsheet would read as a formula with an apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(columns, records):
    """Serialise records as CSV with a header row (UTF-8 BOM added by the writer)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: spreadsheet_safe(value) for key, value in r.items()} for r in records)
    return buffer.getvalue()


def to_json(title, columns, records, publisher, generated):
    """Serialise records as JSON with the column descriptions beside the data."""
    document = {
        "judul": title,
        "penerbit": publisher,
        "dibuat": generated,
        "kolom": columns,
        "jumlah": len(records),
        "data": records,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
