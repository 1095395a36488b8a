"""The national DIK as data: reading the shipped list, checking the adoption, making items."""

import csv
import datetime
import io
import re
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date

from kpu_messages import Problem, nearest

DATA_FILE = Path(__file__).parent / "data" / "dik-nasional.csv"
COLUMNS = (
    "id",
    "judul",
    "kelompok",
    "dasar_hukum",
    "uji_konsekuensi",
    "jangka_waktu_pengecualian",
    "keputusan",
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LABEL = "daftar nasional KPU RI"
SETTING = "KPU_NATIONAL_DIK"


@dataclass(frozen=True)
class Entry:
    """One row of the national list, with the line it starts on."""

    line: int
    id: str
    judul: str
    kelompok: str
    dasar_hukum: str
    uji_konsekuensi: str
    jangka_waktu_pengecualian: str
    keputusan: str


def _without_notes(text):
    """Blank the note lines (starting with "#") so line numbers stay as in the file."""
    return "\n".join("" if line.lstrip().startswith("#") else line for line in text.splitlines())


def parse_entries(text):
    """Return (entries, problems) from the list's text; each problem knows its line."""
    reader = csv.reader(io.StringIO(_without_notes(text)))
    entries, problems, seen, header_seen = [], [], {}, False
    line = 0
    for row in reader:
        start, line = line + 1, reader.line_num
        if reader.line_num != start:
            message = "satu entri harus tepat satu baris (sel tanpa baris baru)"
            problems.append(Problem(message, start))
            continue
        if not any(cell.strip() for cell in row):
            continue
        if not header_seen:
            header_seen = True
            if [cell.strip().lower() for cell in row] != list(COLUMNS):
                message = f"baris judul kolom harus tepat: {','.join(COLUMNS)}"
                problems.append(Problem(message, start))
                return [], problems
            continue
        if len(row) != len(COLUMNS):
            problems.append(Problem(f"harus ada {len(COLUMNS)} kolom, ada {len(row)}", start))
            continue
        values = dict(zip(COLUMNS, (cell.strip() for cell in row), strict=True))
        empty = [name for name in COLUMNS if not values[name]]
        if empty:
            problems.append(Problem(f"kolom wajib diisi: {', '.join(empty)}", start))
            continue
        wrong = [name for name in ("id", "kelompok") if not SLUG.match(values[name])]
        if wrong:
            problems.append(
                Problem(
                    f"kolom {' dan '.join(wrong)} hanya boleh berisi huruf kecil, angka dan tanda"
                    " hubung",
                    start,
                )
            )
            continue
        if values["id"] in seen:
            problems.append(
                Problem(f'id "{values["id"]}" sudah dipakai di baris {seen[values["id"]]}', start)
            )
            continue
        seen[values["id"]] = start
        entries.append(Entry(line=start, **values))
    if not header_seen:
        problems.append(Problem(f"berkas kosong: tulis baris judul {','.join(COLUMNS)}", 1))
    return entries, problems


def read_entries(path=DATA_FILE):
    """Read the shipped list (or another one, in tests); return (entries, problems)."""
    return parse_entries(Path(path).read_text(encoding="utf-8-sig"))


def adoption_problems(value, ids, today, sample_site):
    """Return what is wrong in an office's KPU_NATIONAL_DIK beyond its shape, in Indonesian."""
    if value is None:
        return []
    problems = []
    decree = value["keputusan"].strip()
    if not decree:
        problems.append(
            f'{SETTING}["keputusan"] wajib diisi: nomor dan judul Keputusan KPU tentang Daftar'
            " Informasi yang Dikecualikan yang dicocokkan kantor dengan daftar nasional, misalnya"
            ' "Keputusan KPU Nomor … Tahun … tentang …".'
        )
    elif not sample_site and "contoh" in decree.lower():
        problems.append(
            f'{SETTING}["keputusan"] = "{decree}" masih keputusan contoh. Tulis nomor keputusan'
            " yang berlaku dan sudah dicocokkan kantor, atau matikan daftar nasional dengan"
            f" {SETTING} = None."
        )
    raw = value["tanggal"].strip()
    try:
        day = datetime.date.fromisoformat(raw) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) else None
    except ValueError:
        day = None
    if day is None:
        problems.append(
            f'{SETTING}["tanggal"] = "{raw}" bukan tanggal TTTT-BB-HH. Tulis tanggal penetapan'
            ' keputusan itu, misalnya "2025-03-10".'
        )
    elif day > today:
        problems.append(
            f'{SETTING}["tanggal"] = "{raw}" belum terjadi. Tulis tanggal penetapan keputusan'
            " yang sudah berlaku."
        )
    seen = set()
    for entry_id in value.get("kecuali", []):
        if entry_id in seen:
            problems.append(f'{SETTING}["kecuali"] memuat "{entry_id}" dua kali.')
        seen.add(entry_id)
        if entry_id not in ids:
            message = f'{SETTING}["kecuali"]: "{entry_id}" bukan id baris daftar nasional.'
            hint = nearest(entry_id, ids)
            if hint:
                message += f' Mungkin maksud Anda "{hint}"?'
            message += f" Id yang ada: {', '.join(ids)}."
            problems.append(message)
    return problems


def adopted(entries, value):
    """Return the entries an office adopts: all but those it lists under "kecuali"."""
    if value is None:
        return []
    left_out = set(value.get("kecuali", []))
    return [entry for entry in entries if entry.id not in left_out]


def group_problems(entries, groups):
    """Return a Problem per entry whose kelompok is not one of the office's exempt groups."""
    allowed = list(groups)
    problems = []
    for entry in entries:
        if entry.kelompok not in groups:
            message = (
                f'kolom "kelompok": "{entry.kelompok}" (id "{entry.id}") tidak ada di'
                f' PPID_GROUPS["dikecualikan"]. Pilihan: {", ".join(allowed)}.'
            )
            hint = nearest(entry.kelompok, allowed)
            if hint:
                message += f' Mungkin maksud Anda "{hint}"?'
            message += f' Tambahkan kelompok itu, atau tulis "{entry.id}" di {SETTING}["kecuali"].'
            problems.append(Problem(message, entry.line))
    return problems


def format_day(day):
    """Return a date as "10 Maret 2025"."""
    return format_date(day, "d MMMM y", locale="id")  # Babel, as kpu_dates formats dates


def decree_text(value):
    """Return the decree the office stated, as the DIK page says it."""
    day = datetime.date.fromisoformat(value["tanggal"].strip())
    return f"{value['keputusan'].strip()} tanggal {format_day(day)}"


def item_metadata(entry, value):
    """Return the fields of the PPID item an adopted entry becomes (as an item file's)."""
    day = datetime.date.fromisoformat(value["tanggal"].strip())
    return {
        "Judul": entry.judul,
        "Klasifikasi": "dikecualikan",
        "Kelompok": entry.kelompok,
        "Tahun": str(day.year),
        "Tanggal": day.isoformat(),
        "Dasar_Hukum": f"{entry.dasar_hukum}; {LABEL}: {decree_text(value)}",
        "Uji_Konsekuensi": entry.uji_konsekuensi,
        "Jangka_Waktu_Pengecualian": entry.jangka_waktu_pengecualian,
        "Slug": entry.id,
    }


def clash_hint(entry):
    """Say what to do when an office's own item file takes an entry's slug."""
    return (
        f'Bila berkas kantor ini menggantikan baris nasional itu, tulis "{entry.id}" di'
        f' {SETTING}["kecuali"] di pelicanconf.py; bila isinya lain, ganti nama berkas ini'
        " (atau kolom Slug)."
    )
