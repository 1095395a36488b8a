"""The regency block: its schema, its validation and the settings derived from it."""

import datetime
import re
import unicodedata
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from kpu_office.services import shown_services, validate_services, voter_lookup
from kpu_settings import SettingsError

# Indonesia's three zones and the IANA zone Pelican needs for dates.
TIMEZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}

# Order and labels of the official accounts shown in the footer.
SOCIAL_NETWORKS = {
    "x": "X (Twitter)",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "whatsapp": "WhatsApp",
}

REQUIRED_TEXT_FIELDS = (
    "name",
    "regency",
    "province",
    "dateline",
    "address",
    "phone",
    "email",
    "timezone",
    "site_url",
    "ppid_portal",
)


# Shown on every opinion piece unless the office writes its own wording.
DEFAULT_OPINION_DISCLAIMER = (
    "Tulisan ini adalah pandangan pribadi penulis dan tidak mencerminkan sikap resmi {name}."
)
# A commissioner without `role` is an Anggota; the page lists the Ketua first.
CHAIR_ROLE = "Ketua"
DEFAULT_ROLE = "Anggota"
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")

# A slug is part of addresses (/divisi/<slug>/) and of news items' Divisi field.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class OfficeConfigError(SettingsError):
    """The KPU_OFFICE block in pelicanconf.py is incomplete or wrong."""


def _is_https_url(value):
    parsed = urlparse(value)
    return parsed.scheme == "https" and bool(parsed.netloc)


def suggested_slug(value):
    """Turn a name into a slug the kit accepts ("Keuangan Umum" -> "keuangan-umum")."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def slug_problem(where, slug):
    """Return a message for a slug with characters an address cannot carry, else None."""
    if not isinstance(slug, str) or not slug.strip() or SLUG.fullmatch(slug):
        return None  # a missing slug has its own message
    if re.fullmatch(r"[a-z0-9-]+", slug):
        message = (
            f'{where}: slug "{slug}" tidak boleh diawali atau diakhiri tanda hubung, atau memuat '
            "dua tanda hubung berturut-turut"
        )
    else:
        message = f'{where}: slug "{slug}" hanya boleh huruf kecil, angka dan tanda hubung'
    hint = suggested_slug(slug)
    return f'{message}, misalnya "{hint}".' if hint else f"{message}."


def validate_office(office):
    """Return every problem in the block as a message in Bahasa Indonesia."""
    if not isinstance(office, dict):
        return ["KPU_OFFICE harus berupa dict (lihat contoh di pelicanconf.py)."]
    problems = []
    for field in REQUIRED_TEXT_FIELDS:
        value = office.get(field)
        if not isinstance(value, str) or not value.strip():
            problems.append(f'KPU_OFFICE["{field}"] wajib diisi dengan teks.')
    zone = office.get("timezone")
    if isinstance(zone, str) and zone and zone not in TIMEZONES:
        allowed = ", ".join(TIMEZONES)
        problems.append(
            f'KPU_OFFICE["timezone"] = "{zone}" tidak dikenal; pilih salah satu: {allowed}.'
        )
    for field in ("site_url", "ppid_portal", "ppid_request_form", "ppid_objection_form"):
        value = office.get(field)
        if isinstance(value, str) and value and not _is_https_url(value):
            problems.append(f'KPU_OFFICE["{field}"] harus alamat lengkap yang diawali https://.')
    problems += _validate_social(office.get("social", {}))
    problems += _validate_divisions(office.get("divisions"))
    secretariat = office.get("secretariat")
    if not isinstance(secretariat, dict) or not all(
        isinstance(secretariat.get(k), str) and secretariat.get(k) for k in ("slug", "name", "head")
    ):
        problems.append('KPU_OFFICE["secretariat"] wajib berisi "slug", "name" dan "head".')
    else:
        if problem := slug_problem('KPU_OFFICE["secretariat"]', secretariat["slug"]):
            problems.append(problem)
        if problem := photo_problem('KPU_OFFICE["secretariat"]', secretariat):
            problems.append(problem)
    problems += validate_services(office.get("voter_services"))
    wording = office.get("opinion_disclaimer")
    if wording is not None and (not isinstance(wording, str) or not wording.strip()):
        problems.append(
            'KPU_OFFICE["opinion_disclaimer"] harus berupa teks yang tidak kosong; hapus kuncinya '
            "untuk memakai kalimat bawaan."
        )
    return problems


def photo_problem(where, unit):
    """Return a message for a `photo` that is not a picture file under images/, else None."""
    photo = unit.get("photo")
    if photo is None or photo == "":
        return None
    if (
        not isinstance(photo, str)
        or not photo.startswith("images/")
        or ".." in photo.split("/")
        or not photo.lower().endswith(PHOTO_EXTENSIONS)
    ):
        return (
            f'{where}["photo"] harus nama berkas foto di content/images/, misalnya '
            '"images/anggota/nama.jpg" (jpg, png atau webp).'
        )
    return None


def _validate_social(social):
    if not isinstance(social, dict):
        return ['KPU_OFFICE["social"] harus berupa dict, misalnya {"x": "https://x.com/akun"}.']
    problems = []
    for network, url in social.items():
        if network not in SOCIAL_NETWORKS:
            allowed = ", ".join(SOCIAL_NETWORKS)
            problems.append(
                f'KPU_OFFICE["social"]: jaringan "{network}" tidak dikenal; pilih dari: {allowed}.'
            )
        elif url and not _is_https_url(url):
            problems.append(
                f'KPU_OFFICE["social"]["{network}"] harus alamat lengkap yang diawali https://.'
            )
    return problems


def _validate_divisions(divisions):
    if not isinstance(divisions, list) or not divisions:
        return ['KPU_OFFICE["divisions"] wajib berisi daftar divisi.']
    problems = []
    seen = set()
    chairs = 0
    for index, division in enumerate(divisions, start=1):
        where = f'KPU_OFFICE["divisions"] nomor {index}'
        if not isinstance(division, dict):
            problems.append(f"{where} harus berupa dict dengan slug, name dan commissioner.")
            continue
        for key in ("slug", "name", "commissioner"):
            if not isinstance(division.get(key), str) or not division.get(key).strip():
                problems.append(f'{where}: "{key}" wajib diisi.')
        role = division.get("role")
        if role is not None and (not isinstance(role, str) or not role.strip()):
            problems.append(
                f'{where}["role"] harus teks jabatan, misalnya "{CHAIR_ROLE}" atau '
                f'"{DEFAULT_ROLE}"; hapus kuncinya untuk "{DEFAULT_ROLE}".'
            )
        elif role == CHAIR_ROLE:
            chairs += 1
            if chairs == 2:
                problems.append(f'{where}["role"]: "{CHAIR_ROLE}" sudah diberikan ke divisi lain.')
        if problem := photo_problem(where, division):
            problems.append(problem)
        slug = division.get("slug")
        if slug in seen:
            problems.append(f'{where}: slug "{slug}" sudah dipakai divisi lain.')
        elif problem := slug_problem(where, slug):
            problems.append(problem)
        seen.add(slug)
    return problems


def social_links(social):
    """List the configured accounts in footer order, skipping empty ones."""
    return [
        {"network": network, "label": label, "url": social[network]}
        for network, label in SOCIAL_NETWORKS.items()
        if social.get(network)
    ]


def zone_name(office):
    """Return the IANA zone of the office's label (WIB, WITA, WIT)."""
    # pelicanconf.py and the invoke tasks read the block before kpu_office checks it: an
    # unknown label falls back to WIB there, and the build then stops with its message.
    return TIMEZONES.get(office.get("timezone"), TIMEZONES["WIB"])


def office_zone(settings):
    """Return the office's time zone as a tzinfo, from the settings' KPU_OFFICE block."""
    return ZoneInfo(zone_name(settings["KPU_OFFICE"]))


def office_now(settings):
    """Return the current time, timezone-aware, in the office's time zone."""
    return datetime.datetime.now(office_zone(settings))


def units(office):
    """List the divisions then the secretariat, each with its `lead` and `secretariat` flag."""
    # The lead is a division's commissioner or the secretariat's head, under one key.
    secretariat = office["secretariat"]
    return [
        *({**d, "lead": d["commissioner"], "secretariat": False} for d in office["divisions"]),
        {**secretariat, "lead": secretariat["head"], "secretariat": True},
    ]


def unit_slugs(office):
    """Return the slugs of the units, in the order of units()."""
    return [unit["slug"] for unit in units(office)]


def tel_href(phone):
    """Turn a phone number as written ("(0293) 491 000") into a tel: link ("tel:0293491000")."""
    return "tel:" + re.sub(r"[ ()]", "", phone)


def derived_settings(office):
    """Compute the Pelican settings that follow from a valid regency block."""
    return {
        "SITENAME": office["name"],
        "AUTHOR": f"Humas {office['name']}",
        "TIMEZONE": zone_name(office),
        "KPU_TIMEZONE_LABEL": office["timezone"],
        "KPU_SOCIAL_LINKS": social_links(office.get("social", {})),
        "KPU_PHONE_HREF": tel_href(office["phone"]),
        # Read by the home and footer blocks, the hoax box and opinion pieces.
        "KPU_VOTER_SERVICES": (services := shown_services(office.get("voter_services"))),
        "KPU_VOTER_LOOKUP": voter_lookup(services),
        "KPU_OPINION_DISCLAIMER": opinion_disclaimer(office),
    }


def opinion_disclaimer(office):
    """Return the disclaimer shown on opinion pieces: the office's wording or the default."""
    wording = office.get("opinion_disclaimer")
    return wording.strip() if wording else DEFAULT_OPINION_DISCLAIMER.format(name=office["name"])


def commissioners(office):
    """List the commissioners (chair first, then in division order) with role and division."""
    people = [
        {
            "name": d["commissioner"],
            "role": d.get("role") or DEFAULT_ROLE,
            "division": d["name"],
            "slug": d["slug"],
            "photo": d.get("photo") or "",
        }
        for d in office["divisions"]
    ]
    return sorted(people, key=lambda p: p["role"] != CHAIR_ROLE)  # stable: keeps the rest
