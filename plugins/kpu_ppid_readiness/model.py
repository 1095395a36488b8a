"""The readiness checks: what an e-Monev evaluator looks for on the website, line by line.

Every function takes plain data (items, links, texts) and returns Lines; nothing here
reads files, so each rule is tested directly.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlparse

from dateutil.relativedelta import relativedelta

PRESENT, MISSING, STALE = "ada", "kurang", "kedaluwarsa"
STATUS_LABELS = {PRESENT: "Ada", MISSING: "Kurang", STALE: "Kedaluwarsa"}

# Grades of the annual evaluation by overall score (Perki 1/2022; thresholds as published
# in evaluation reports, not checked against the regulation's annex).
GRADES = (
    (90, "Informatif"),
    (80, "Menuju Informatif"),
    (60, "Cukup Informatif"),
    (40, "Kurang Informatif"),
    (0, "Tidak Informatif"),
)


@dataclass(frozen=True)
class Line:
    """One thing an evaluator looks for, its state, and what to add or update."""

    section: str
    label: str
    status: str
    fix: str = ""
    detail: str = ""
    mandatory: bool = True


@dataclass(frozen=True)
class Item:
    """What the checks need of one public DIP item."""

    title: str
    klasifikasi: str
    kelompok: str
    published: datetime.date
    updated: datetime.date | None
    source: str
    url: str

    @property
    def current_as_of(self):
        """Return the date the item was last made current (updated, else published)."""
        return self.updated or self.published


def freshness_rule(rules, kelompok):
    """Return the rule {"bulan", "dasar"} for a kelompok (its own, else the default "*")."""
    return rules.get(kelompok) or rules["*"]


def periodic_lines(items, groups, rules, today, ppid_path):
    """Check that every berkala kelompok has an item made current within its rule."""
    lines = []
    for slug, label in groups.items():
        rule = freshness_rule(rules, slug)
        own = [i for i in items if i.klasifikasi == "berkala" and i.kelompok == slug]
        what = f"Informasi berkala: {label}"
        basis = f"paling lambat setiap {rule['bulan']} bulan ({rule['dasar']})"
        if not own:
            lines.append(
                Line(
                    "jenis-informasi",
                    what,
                    MISSING,
                    f"Tambahkan item content/{ppid_path}/<nama>.md dengan Klasifikasi: berkala"
                    f" dan Kelompok: {slug}.",
                    f"Belum ada item; diperbarui {basis}.",
                )
            )
            continue
        newest = max(own, key=lambda i: i.current_as_of)
        due = newest.current_as_of + relativedelta(months=rule["bulan"])
        shown = f"Terbaru: {newest.title} ({newest.current_as_of.isoformat()})"
        if due < today:
            lines.append(
                Line(
                    "jenis-informasi",
                    what,
                    STALE,
                    f"Perbarui content/{newest.source} (isi kolom Diperbarui setelah isinya"
                    " dimutakhirkan) atau tambahkan item baru untuk periode ini.",
                    f"{shown}; seharusnya diperbarui paling lambat {due.isoformat()}, {basis}.",
                )
            )
        else:
            lines.append(Line("jenis-informasi", what, PRESENT, "", f"{shown}; {basis}."))
    return lines


def list_lines(items, classes, ppid_path):
    """Check that the serta-merta and setiap-saat lists hold items and the DIP lists itself."""
    lines = []
    for slug in ("serta-merta", "setiap-saat"):
        count = sum(1 for i in items if i.klasifikasi == slug)
        label = f"Daftar {classes.get(slug, slug)} tidak kosong"
        if count:
            lines.append(Line("jenis-informasi", label, PRESENT, "", f"{count} item."))
        else:
            lines.append(
                Line(
                    "jenis-informasi",
                    label,
                    MISSING,
                    f"Tambahkan item content/{ppid_path}/<nama>.md dengan Klasifikasi: {slug}.",
                )
            )
    listed = [
        i for i in items if i.klasifikasi == "setiap-saat" and i.kelompok == "daftar-informasi"
    ]
    label = "DIP tercantum di dirinya sendiri (informasi setiap saat)"
    if listed:
        lines.append(Line("jenis-informasi", label, PRESENT, "", f"Item: {listed[0].title}."))
    else:
        lines.append(
            Line(
                "jenis-informasi",
                label,
                MISSING,
                f"Tambahkan item content/{ppid_path}/<nama>.md dengan Klasifikasi: setiap-saat"
                " dan Kelompok: daftar-informasi (misalnya keputusan penetapan DIP).",
            )
        )
    return lines


def site_path(href, siteurl):
    """Return a link as a path inside the site ("ppid/"), or None for another site."""
    if siteurl and href.startswith(siteurl):
        href = href[len(siteurl) :]
    parsed = urlparse(href)
    if parsed.scheme or parsed.netloc or not parsed.path.startswith("/"):
        return None
    return parsed.path.lstrip("/")


def reach_lines(home_links, ppid_links, menu, urls, siteurl):
    """Check that the DIP and DIK are one click from home and the PPID page holds them."""
    home = {site_path(h, siteurl) for h in home_links}
    ppid_page = {site_path(h, siteurl) for h in ppid_links}
    lines = []
    for name, url in (("DIP", urls["dip"]), ("DIK", urls["dik"])):
        label = f"{name} dapat dibuka dengan satu klik dari beranda"
        if url in home:
            lines.append(Line("digitalisasi", label, PRESENT, "", f"Tautan /{url} ada di beranda."))
        else:
            lines.append(
                Line(
                    "digitalisasi",
                    label,
                    MISSING,
                    f"Tautkan /{url} dari beranda (panel Layanan Informasi Publik di"
                    " theme/templates/index.html, atau KPU_MENU di pelicanconf.py).",
                )
            )
    in_menu = any(entry.get("url") == urls["ppid"] for entry in menu)
    label = "Menu PPID ada dan halamannya memuat DIP dan DIK"
    missing = [n for n, u in (("DIP", urls["dip"]), ("DIK", urls["dik"])) if u not in ppid_page]
    if in_menu and not missing:
        lines.append(Line("digitalisasi", label, PRESENT, "", f"Menu menuju /{urls['ppid']}."))
    elif not in_menu:
        lines.append(
            Line(
                "digitalisasi",
                label,
                MISSING,
                f'Tambahkan {{"label": "PPID", "url": "{urls["ppid"]}"}} ke KPU_MENU di'
                " pelicanconf.py.",
            )
        )
    else:
        lines.append(
            Line(
                "digitalisasi",
                label,
                MISSING,
                f"Tautkan {' dan '.join(missing)} dari halaman PPID (content/pages/ppid.md).",
            )
        )
    return lines


def page_lines(required, pages, linked, siteurl):
    """Check the standard PPID pages: each exists, holds what it must, and is linked.

    `pages` maps a page path to its text (None when the page does not exist); `linked`
    is every link on the home and PPID pages.
    """
    reachable = {site_path(h, siteurl) for h in linked}
    lines = []
    for page in required:
        text = pages.get(page["url"])
        label = f"Halaman {page['nama']}"
        if text is None:
            lines.append(
                Line(
                    "kualitas-informasi",
                    label,
                    MISSING,
                    f"Buat halaman content/pages/{page['url'].rstrip('/')}.md.",
                    page.get("petunjuk", ""),
                )
            )
            continue
        lowered = text.casefold()
        absent = [w for w in page.get("memuat", []) if w.casefold() not in lowered]
        if absent:
            lines.append(
                Line(
                    "kualitas-informasi",
                    label,
                    MISSING,
                    f"Lengkapi content/pages/{page['url'].rstrip('/')}.md: belum memuat "
                    + ", ".join(f'"{w}"' for w in absent)
                    + ".",
                    page.get("petunjuk", ""),
                )
            )
        elif page["url"] not in reachable:
            lines.append(
                Line(
                    "kualitas-informasi",
                    label,
                    MISSING,
                    f"Tautkan /{page['url']} dari halaman PPID (content/pages/ppid.md).",
                )
            )
        else:
            lines.append(Line("kualitas-informasi", label, PRESENT, "", f"/{page['url']}"))
    return lines


def report_line(report_years, today, report_url):
    """Check that the service report of the last full year is published."""
    year = today.year - 1
    label = f"Laporan layanan informasi publik tahun {year}"
    if year in report_years:
        url = report_url.format(slug=year)
        return Line("pelayanan", label, PRESENT, "", f"/{url}")
    return Line(
        "pelayanan",
        label,
        MISSING,
        f"Catat register permohonan tahun {year} di content/ppid/register/{year}.csv; laporan"
        " dan item DIP-nya dibuat otomatis.",
        "Laporan tahunan wajib disampaikan paling lambat tiga bulan setelah tahun berakhir.",
    )


def form_lines(office):
    """Check the links to the request and objection forms on the office's e-PPID portal."""
    lines = []
    portal = urlparse(office.get("ppid_portal", ""))
    for key, name, example in (
        ("ppid_request_form", "permohonan informasi", "formulir-permohonan"),
        ("ppid_objection_form", "pengajuan keberatan", "formulir-keberatan"),
    ):
        value = office.get(key, "")
        label = f"Tautan ke formulir {name} di portal e-PPID"
        parsed = urlparse(value)
        fix = (
            f'Isi KPU_OFFICE["{key}"] di pelicanconf.py dengan alamat formulirnya, misalnya'
            f' "https://{portal.netloc or "namakabppid.kpu.go.id"}/{example}".'
        )
        if not value:
            lines.append(Line("pelayanan", label, MISSING, fix, "Belum diisi."))
        elif parsed.scheme != "https" or not parsed.netloc or parsed.path in ("", "/"):
            lines.append(
                Line("pelayanan", label, MISSING, fix, f'"{value}" bukan alamat formulir.')
            )
        else:
            lines.append(Line("pelayanan", label, PRESENT, "", value))
    return lines


def link_lines(pages_links, exists, siteurl, open_data):
    """Check that nothing the DIP points to is dead, and that its open data is there.

    `pages_links` maps each DIP page (the list and every item) to its links; `exists`
    tells whether a site path is in the output. Links to other sites cannot be checked
    offline and are counted only.
    """
    dead, outside = [], set()
    for page, links in sorted(pages_links.items()):
        for href in links:
            path = site_path(href, siteurl)
            if path is None:
                if href.startswith(("http://", "https://")):
                    outside.add(href)
                continue
            if not exists(path):
                dead.append(f"/{page} → /{path}")
    label = "Tidak ada tautan mati atau lampiran hilang di DIP dan itemnya"
    note = f"{len(outside)} tautan ke situs lain tidak diperiksa (tanpa jaringan)."
    if dead:
        shown = "; ".join(dead[:5]) + (" …" if len(dead) > 5 else "")
        lines = [
            Line(
                "digitalisasi",
                label,
                MISSING,
                "Perbaiki tautan atau kolom Lampiran item yang bersangkutan.",
                f"{len(dead)} tautan mati: {shown}. {note}",
            )
        ]
    else:
        lines = [Line("digitalisasi", label, PRESENT, "", note)]
    missing = [path for path in open_data if not exists(path)]
    label = "DIP dan DIK tersedia sebagai data terbuka (CSV dan JSON)"
    if missing:
        lines.append(
            Line("digitalisasi", label, MISSING, "Periksa PPID_DIP_DATA dan PPID_DIK_DATA.")
        )
    else:
        lines.append(
            Line("digitalisasi", label, PRESENT, "", ", ".join(f"/{p}" for p in open_data))
        )
    return lines


def scores(lines, weights):
    """Return ({section: (score, weight)}, overall 0-100, grade) from the lines."""
    per_section = {}
    for section, weight in weights.items():
        own = [line for line in lines if line.section == section]
        if not own:
            continue
        passed = sum(1 for line in own if line.status == PRESENT)
        per_section[section] = (weight["bobot"] * passed / len(own), weight["bobot"])
    total = sum(w for _, w in per_section.values())
    overall = 100 * sum(s for s, _ in per_section.values()) / total if total else 0.0
    grade = next(label for floor, label in GRADES if overall >= floor)
    return per_section, round(overall, 1), grade


def mandatory_gaps(lines):
    """Return the mandatory lines that are not present (what --ketat fails on)."""
    return [line for line in lines if line.mandatory and line.status != PRESENT]
