"""One PPID information item: its fields (in Bahasa Indonesia), parsing and validation."""

import datetime
import re
from dataclasses import dataclass, field

from kpu_attachments import parse_attachment_refs
from kpu_gate.dates import check_date_text, parse_date_text
from kpu_messages import Problem, nearest, unknown_value
from kpu_ppid.settings import EXEMPT

# Field names as an admin writes them; Pelican hands them over lower-cased.
COMMON_FIELDS = ("Judul", "Klasifikasi", "Kelompok", "Tahun", "Tanggal")
DIP_FIELDS = (
    "Ringkasan",
    "Penguasa_Informasi",
    "Penanggung_Jawab",
    "Waktu_Pembuatan",
    "Tempat_Pembuatan",
    "Bentuk",
    "Retensi",
)
EXEMPT_FIELDS = ("Dasar_Hukum", "Uji_Konsekuensi", "Jangka_Waktu_Pengecualian")
OPTIONAL_FIELDS = ("Diperbarui", "Nomor", "Lampiran", "Slug")
KNOWN_FIELDS = COMMON_FIELDS + DIP_FIELDS + EXEMPT_FIELDS + OPTIONAL_FIELDS
FORMS = ("cetak", "elektronik")
FIRST_YEAR = 1999  # KPU as an independent commission
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

FIELD_HINTS = {
    "Judul": "judul informasi",
    "Klasifikasi": "salah satu klasifikasi",
    "Kelompok": "kelompok informasi",
    "Tahun": 'tahun informasi, misalnya "2024"',
    "Tanggal": 'tanggal terbit di situs, misalnya "2025-03-10"',
    "Ringkasan": "ringkasan isi informasi",
    "Penguasa_Informasi": "pejabat atau unit yang menguasai informasi",
    "Penanggung_Jawab": "penanggung jawab pembuatan atau penerbitan informasi",
    "Waktu_Pembuatan": 'waktu pembuatan, misalnya "Februari 2025"',
    "Tempat_Pembuatan": 'tempat pembuatan, misalnya "Kantor KPU Kabupaten"',
    "Bentuk": '"cetak", "elektronik" atau "cetak, elektronik"',
    "Retensi": 'jangka waktu penyimpanan, misalnya "5 tahun" atau "permanen"',
    "Dasar_Hukum": "dasar hukum pengecualian (pasal dan keputusan)",
    "Uji_Konsekuensi": "hasil uji konsekuensi (alasan pengecualian)",
    "Jangka_Waktu_Pengecualian": "berapa lama informasi dikecualikan",
}


@dataclass
class PpidItem:
    """A validated information item of the DIP or the DIK."""

    source: str
    slug: str
    judul: str
    klasifikasi: str
    kelompok: str
    tahun: int
    tanggal: datetime.datetime
    diperbarui: datetime.datetime | None = None
    nomor: str = ""
    ringkasan: str = ""
    penguasa_informasi: str = ""
    penanggung_jawab: str = ""
    waktu_pembuatan: str = ""
    tempat_pembuatan: str = ""
    bentuk: tuple = ()
    retensi: str = ""
    dasar_hukum: str = ""
    uji_konsekuensi: str = ""
    jangka_waktu_pengecualian: str = ""
    lampiran: list = field(default_factory=list)
    body: str = ""
    attachments: list = field(default_factory=list)
    url: str = ""
    save_as: str = ""
    row: object = None  # a contract.DataRow when the item is one row of a data file

    # kpu_incremental names an item by its source file and re-renders the pages that show it
    # when its fields change.
    kpu_source_object = True

    @property
    def source_path(self):
        """Return the item's identity across builds: its file, and its slug in a data file."""
        return f"{self.source}#{self.slug}" if self.row is not None else self.source

    @property
    def exempt(self):
        """Tell whether the item belongs to the DIK (never published as a document)."""
        return self.klasifikasi == EXEMPT

    @property
    def updated(self):
        """Return the last change: `Diperbarui` if given, else `Tanggal`."""
        return self.diperbarui or self.tanggal


def _text(metadata, name):
    value = metadata.get(name.lower(), "")
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return str(value).strip()


def _lines(metadata, name):
    value = metadata.get(name.lower(), [])
    values = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in values if str(v).strip()]


def _check_unknown_fields(metadata):
    known = {name.lower(): name for name in KNOWN_FIELDS}
    problems = []
    for key in metadata:
        if key not in known:
            hint = nearest(key, list(known))
            message = f'kolom "{key}" tidak dikenal untuk item PPID.'
            if hint:
                message += f' Mungkin maksud Anda "{known[hint]}"?'
            problems.append(message)
    return problems


def _check_required(metadata, names):
    return [
        f'kolom "{name}" wajib diisi: {FIELD_HINTS[name]}.'
        for name in names
        if not _text(metadata, name)
    ]


def parse_year(raw, today):
    """Return (year, problem) for a `Tahun` value."""
    if not raw:
        return None, None
    if not re.fullmatch(r"\d{4}", raw) or not FIRST_YEAR <= int(raw) <= today.year:
        return None, (
            f'kolom "Tahun": "{raw}" bukan tahun yang sah. '
            f'Tulis empat angka antara {FIRST_YEAR} dan {today.year}, misalnya "{today.year}".'
        )
    return int(raw), None


def parse_date(name, raw, today):
    """Return (datetime, problem) for a `Tanggal`/`Diperbarui` value; no future dates."""
    if not raw:
        return None, None
    problem = check_date_text(name, raw, with_time=False)
    if problem:
        return None, problem
    day, clock = parse_date_text(raw)
    value = datetime.datetime.combine(day, clock or datetime.time())
    if value.date() > today:
        return None, (
            f'kolom "{name}": {raw} belum terjadi. Item PPID terbit saat dibangun; '
            "isi dengan tanggal hari ini atau sebelumnya."
        )
    return value, None


def parse_forms(raw):
    """Return (forms, problem) for `Bentuk` ("cetak, elektronik")."""
    if not raw:
        return (), None
    parts = [p.strip().lower() for p in re.split(r",|\bdan\b|/", raw) if p.strip()]
    wrong = [p for p in parts if p not in FORMS]
    if wrong:
        return (), unknown_value("Bentuk", wrong[0], FORMS)
    return tuple(f for f in FORMS if f in parts), None


def check_retention(raw):
    """Reject vague retention such as "selama berlaku": the archive schedule gives a period."""
    if raw and not (re.search(r"\d", raw) or "permanen" in raw.lower()):
        return (
            f'kolom "Retensi": "{raw}" terlalu kabur. Tulis jangka waktu dari jadwal retensi '
            'arsip, misalnya "5 tahun" atau "permanen".'
        )
    return None


def parse_item(source, metadata, body, classes, groups, today, default_slug):
    """Validate one item's metadata; return (PpidItem or None, problems)."""
    problems = _check_unknown_fields(metadata)
    problems += _check_required(metadata, COMMON_FIELDS)
    klasifikasi = _text(metadata, "Klasifikasi").lower()
    kelompok = _text(metadata, "Kelompok").lower()
    if klasifikasi and klasifikasi not in classes:
        problems.append(unknown_value("Klasifikasi", klasifikasi, classes))
    elif klasifikasi and kelompok and kelompok not in groups.get(klasifikasi, {}):
        allowed = list(groups.get(klasifikasi, {}))
        problems.append(unknown_value("Kelompok", kelompok, allowed) + f" (untuk {klasifikasi})")
    exempt = klasifikasi == EXEMPT
    problems += _check_required(metadata, EXEMPT_FIELDS if exempt else DIP_FIELDS)
    lampiran = parse_attachment_refs(_lines(metadata, "Lampiran"))
    if exempt and lampiran:
        problems.append(
            'kolom "Lampiran": informasi yang dikecualikan tidak boleh memiliki lampiran atau '
            "tautan dokumen. Hapus kolom Lampiran; DIK hanya memuat keterangan, bukan dokumennya."
        )
    tahun, problem = parse_year(_text(metadata, "Tahun"), today)
    tanggal, problem_date = parse_date("Tanggal", _text(metadata, "Tanggal"), today)
    diperbarui, problem_update = parse_date("Diperbarui", _text(metadata, "Diperbarui"), today)
    bentuk, problem_forms = parse_forms(_text(metadata, "Bentuk"))
    problems += [p for p in (problem, problem_date, problem_update, problem_forms) if p]
    if not exempt:
        problems += [p for p in (check_retention(_text(metadata, "Retensi")),) if p]
    if tanggal and diperbarui and diperbarui < tanggal:
        problems.append('kolom "Diperbarui" tidak boleh lebih awal daripada "Tanggal".')
    slug = _text(metadata, "Slug") or default_slug
    if not SLUG.match(slug):
        problems.append(
            f'kolom "Slug": "{slug}" hanya boleh berisi huruf kecil, angka dan tanda hubung.'
        )
    if problems:
        return None, problems
    item = PpidItem(
        source=source,
        slug=slug,
        judul=_text(metadata, "Judul"),
        klasifikasi=klasifikasi,
        kelompok=kelompok,
        tahun=tahun,
        tanggal=tanggal,
        diperbarui=diperbarui,
        nomor=_text(metadata, "Nomor"),
        bentuk=bentuk,
        lampiran=lampiran,
        # The body of an exempt item is never published: it may explain too much.
        body="" if exempt else body,
        **{
            name.lower(): _text(metadata, name)
            for name in (DIP_FIELDS if not exempt else EXEMPT_FIELDS)
            if name != "Bentuk"
        },
    )
    return item, []


def at_row(item, message):
    """Point a message about an item at its row when it comes from a data file."""
    return Problem(message, line=item.row.line) if item.row is not None else message


def _slug_clash(item, first):
    """Return (source, message) for two items with one slug, said where it can be fixed.

    When one of them is a row of a data file (the national DIK) and the other an office's
    own file, the office's file gets the message: the office fixes it there or in its
    settings, never in the kit's data file.
    """
    row_item, file_item = (item, first) if item.row is not None else (first, item)
    if row_item.row is None or file_item.row is not None:
        return item.source, at_row(item, f'slug "{item.slug}" sudah dipakai oleh {first.source}.')
    message = (
        f'slug "{item.slug}" juga dipakai entri baris {row_item.row.line} dari '
        f"{row_item.row.label} ({row_item.source})."
    )
    if row_item.row.clash_hint:
        message += " " + row_item.row.clash_hint
    # Line 1: the slug comes from the file's name (or its Slug field), not from a quoted value.
    return file_item.source, Problem(message, line=1)


def check_collection(items, reserved_slugs):
    """Return (source, message) pairs for clashes between items: slugs, nomor, reserved URLs."""
    problems = []
    seen_slugs, seen_numbers = {}, {}
    for item in items:
        if item.slug in reserved_slugs:
            message = f'slug "{item.slug}" sudah dipakai halaman lain; ganti nama berkas.'
            problems.append((item.source, at_row(item, message)))
        if item.slug in seen_slugs:
            problems.append(_slug_clash(item, seen_slugs[item.slug]))
        seen_slugs.setdefault(item.slug, item)
        if item.nomor:
            if item.nomor in seen_numbers:
                other = seen_numbers[item.nomor]
                problems.append(
                    (item.source, f'kolom "Nomor": "{item.nomor}" sudah dipakai oleh {other}.')
                )
            seen_numbers.setdefault(item.nomor, item.source)
    return problems
