"""The request register (register permohonan): one CSV row per request, no personal data.

The office keeps content/ppid/register/<year>.csv. Only the columns below are allowed: a
column whose name suggests personal data (name, NIK, address, contact) is refused by name,
and free text is checked for NIK numbers, e-mail addresses and phone numbers, because the
register is published as open data and UU 27/2022 forbids publishing requesters' data.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from kpu_messages import Problem, unknown_value

CHANNELS = {
    "langsung": "Datang langsung",
    "surat": "Surat",
    "surel": "Surel (email)",
    "e-ppid": "Portal e-PPID",
    "telepon": "Telepon",
    "media-sosial": "Media sosial",
}
CATEGORIES = {
    "perorangan": "Perorangan",
    "badan-hukum": "Badan hukum",
    "kelompok": "Kelompok masyarakat",
}
DECISIONS = {
    "dikabulkan": "Dikabulkan seluruhnya",
    "dikabulkan-sebagian": "Dikabulkan sebagian",
    "ditolak": "Ditolak (informasi dikecualikan)",
    "tidak-dikuasai": "Informasi tidak dikuasai",
}
OBJECTION_OUTCOMES = {
    "diterima": "Keberatan diterima",
    "ditolak": "Keberatan ditolak",
    "dicabut": "Keberatan dicabut",
    "proses": "Masih diproses",
}
DISPUTE_OUTCOMES = {
    "mediasi": "Selesai lewat mediasi",
    "dikabulkan": "Putusan mengabulkan permohonan",
    "ditolak": "Putusan menolak permohonan",
    "dicabut": "Permohonan sengketa dicabut",
    "proses": "Masih diproses",
}
YES_NO = {"ya": True, "tidak": False}

# Column name -> (required, what it holds); the order is the order of the published data.
COLUMNS = {
    "tanggal_diterima": (True, "tanggal permohonan diterima, TTTT-BB-HH"),
    "saluran": (True, ", ".join(CHANNELS)),
    "kategori_pemohon": (True, ", ".join(CATEGORIES)),
    "informasi_diminta": (True, "ringkasan informasi yang diminta, tanpa data pribadi"),
    "keputusan": (True, ", ".join(DECISIONS)),
    "dasar_penolakan": (False, "pasal pengecualian, wajib bila keputusan ditolak"),
    "tanggal_dijawab": (False, "tanggal jawaban, TTTT-BB-HH (kosong bila belum dijawab)"),
    "perpanjangan": (True, "ya atau tidak"),
    "tanggal_keberatan": (False, "tanggal keberatan diajukan, TTTT-BB-HH"),
    "hasil_keberatan": (False, ", ".join(OBJECTION_OUTCOMES)),
    "tanggal_sengketa": (False, "tanggal sengketa didaftarkan ke Komisi Informasi, TTTT-BB-HH"),
    "hasil_sengketa": (False, ", ".join(DISPUTE_OUTCOMES)),
}

# Words in a column name that mean it could hold someone's personal data.
PERSONAL_WORDS = {
    "nama": "nama",
    "name": "nama",
    "nik": "NIK",
    "ktp": "nomor KTP",
    "kk": "nomor KK",
    "alamat": "alamat",
    "address": "alamat",
    "email": "surel",
    "surel": "surel",
    "mail": "surel",
    "telepon": "nomor telepon",
    "telp": "nomor telepon",
    "tel": "nomor telepon",
    "phone": "nomor telepon",
    "hp": "nomor telepon",
    "wa": "nomor WhatsApp",
    "whatsapp": "nomor WhatsApp",
    "kontak": "kontak",
    "contact": "kontak",
    "lahir": "tanggal atau tempat lahir",
    "ttl": "tanggal atau tempat lahir",
    "pekerjaan": "pekerjaan",
    "identitas": "identitas",
}

# Free-text checks: a 16-digit NIK, an e-mail address, an Indonesian phone number.
NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"(?<![\d])(?:\+62|62|0)8[\d\s-]{7,13}\d")


@dataclass(frozen=True)
class Request:
    """One request of the register, with the line it was written on."""

    line: int
    received: datetime.date
    channel: str
    category: str
    requested: str
    decision: str
    refusal_basis: str
    answered: datetime.date | None
    extended: bool
    objection_date: datetime.date | None
    objection_outcome: str
    dispute_date: datetime.date | None
    dispute_outcome: str


def _column_words(name):
    return [w for w in re.split(r"[^a-z0-9]+", name.lower()) if w]


def personal_column(name):
    """Return what personal data a column name suggests ("NIK"), or None."""
    for word in _column_words(name):
        if word in PERSONAL_WORDS:
            return PERSONAL_WORDS[word]
    return None


def header_problems(header):
    """Return the problems of the register's first line (its column names)."""
    problems = []
    names = [name.strip().lower() for name in header]
    for name in names:
        kind = personal_column(name)
        if kind:
            problems.append(
                Problem(
                    f'kolom "{name}" dilarang: kolom ini bisa memuat data pribadi pemohon'
                    f" ({kind}). Hapus kolom itu; register hanya mencatat kategori pemohon"
                    " (perorangan, badan-hukum, kelompok).",
                    line=1,
                )
            )
        elif name not in COLUMNS:
            problems.append(Problem(unknown_value("kolom", name, COLUMNS), line=1))
    for name, (required, _) in COLUMNS.items():
        if required and name not in names:
            problems.append(Problem(f'kolom "{name}" wajib ada di baris judul.', line=1))
    duplicates = sorted({n for n in names if names.count(n) > 1})
    problems += [Problem(f'kolom "{n}" tertulis dua kali.', line=1) for n in duplicates]
    return problems


def _date(cells, name, line, problems, required=False):
    value = cells.get(name, "")
    if not value:
        if required:
            problems.append(Problem(f'kolom "{name}" wajib diisi ({COLUMNS[name][1]}).', line))
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(f'kolom "{name}": "{value}" bukan tanggal TTTT-BB-HH.', line))
        return None


def _choice(cells, name, allowed, line, problems, required=False):
    value = cells.get(name, "").lower()
    if not value:
        if required:
            problems.append(Problem(f'kolom "{name}" wajib diisi: {COLUMNS[name][1]}.', line))
        return ""
    if value not in allowed:
        problems.append(Problem(unknown_value(name, value, allowed), line))
        return ""
    return value


def personal_data_in_text(text):
    """Return what personal data a free text seems to carry ("NIK"), or None."""
    if NIK.search(text):
        return "NIK (16 angka)"
    if EMAIL.search(text):
        return "alamat surel"
    if PHONE.search(text):
        return "nomor telepon"
    return None


def _row(cells, line):
    """Return (Request or None, problems) for one row given as {column: text}."""
    problems = []
    received = _date(cells, "tanggal_diterima", line, problems, required=True)
    channel = _choice(cells, "saluran", CHANNELS, line, problems, required=True)
    category = _choice(cells, "kategori_pemohon", CATEGORIES, line, problems, required=True)
    decision = _choice(cells, "keputusan", DECISIONS, line, problems, required=True)
    extended = _choice(cells, "perpanjangan", YES_NO, line, problems, required=True)
    requested = cells.get("informasi_diminta", "")
    if not requested:
        problems.append(Problem('kolom "informasi_diminta" wajib diisi.', line))
    for name, text in cells.items():
        kind = personal_data_in_text(text) if name in COLUMNS else None
        if kind:
            problems.append(
                Problem(
                    f'kolom "{name}" tampaknya memuat data pribadi ({kind}); hapus dari'
                    " register, karena register diterbitkan sebagai data terbuka.",
                    line,
                )
            )
    basis = cells.get("dasar_penolakan", "")
    if decision == "ditolak" and not basis:
        problems.append(
            Problem(
                'kolom "dasar_penolakan" wajib diisi bila keputusan "ditolak": tulis pasal'
                " pengecualiannya, misalnya UU 14/2008 Pasal 17 huruf h.",
                line,
            )
        )
    answered = _date(cells, "tanggal_dijawab", line, problems)
    if received and answered and answered < received:
        problems.append(Problem('kolom "tanggal_dijawab" lebih awal dari tanggal_diterima.', line))
    objection = _date(cells, "tanggal_keberatan", line, problems)
    objection_outcome = _choice(cells, "hasil_keberatan", OBJECTION_OUTCOMES, line, problems)
    if objection_outcome and not objection:
        problems.append(Problem('kolom "hasil_keberatan" diisi tanpa tanggal_keberatan.', line))
    if objection and received and objection < received:
        problems.append(Problem('kolom "tanggal_keberatan" lebih awal dari permohonan.', line))
    dispute = _date(cells, "tanggal_sengketa", line, problems)
    dispute_outcome = _choice(cells, "hasil_sengketa", DISPUTE_OUTCOMES, line, problems)
    if dispute_outcome and not dispute:
        problems.append(Problem('kolom "hasil_sengketa" diisi tanpa tanggal_sengketa.', line))
    if dispute and not objection:
        problems.append(
            Problem(
                'kolom "tanggal_sengketa" diisi tanpa tanggal_keberatan: sengketa informasi'
                " hanya bisa diajukan setelah keberatan.",
                line,
            )
        )
    if problems:
        return None, problems
    request = Request(
        line=line,
        received=received,
        channel=channel,
        category=category,
        requested=requested,
        decision=decision,
        refusal_basis=basis,
        answered=answered,
        extended=YES_NO[extended],
        objection_date=objection,
        objection_outcome=objection_outcome or ("proses" if objection else ""),
        dispute_date=dispute,
        dispute_outcome=dispute_outcome or ("proses" if dispute else ""),
    )
    return request, []


def parse_register(text, year):
    """Return (requests, problems) for the register of `year` given as CSV text."""
    if text.startswith("\ufeff"):
        text = text[1:]  # Excel on Windows saves "CSV UTF-8" with a byte-order mark
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return [], [
            Problem(
                "register kosong: tulis baris judul kolom dan satu baris per permohonan.", line=1
            )
        ]
    header = [name.strip().lower() for name in rows[0]]
    problems = header_problems(rows[0])
    if problems:
        return [], problems
    requests = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(
                Problem(f"baris ini berisi {len(row)} kolom, padahal judulnya {len(header)}.", line)
            )
            continue
        cells = {name: cell.strip() for name, cell in zip(header, row, strict=True)}
        request, row_problems = _row(cells, line)
        if request and request.received.year != year:
            row_problems.append(
                Problem(f'kolom "tanggal_diterima": {request.received} bukan tahun {year}.', line)
            )
        problems += row_problems
        if request and not row_problems:
            requests.append(request)
    return requests, problems
