"""Voter-service links of the regency block: known services, their checks and their order.

An office lists the services it points to in `KPU_OFFICE["voter_services"]`; each entry names
a known service and may override its label, description or address, or switch it off. The
list's order is the order shown ("Layanan Pemilih" on the home page and in the footer).
Without the key the office gets DEFAULT_ORDER with the national defaults.
"""

from urllib.parse import urlparse

from kpu_messages import nearest

# Known services: label, one-line description in Bahasa Indonesia, and the national address
# ("" where every office has its own: the provincial KPU and the regency's Bawaslu).
KNOWN_SERVICES = {
    "cek_dpt": {
        "label": "Cek DPT Online",
        "description": "Periksa apakah Anda terdaftar sebagai pemilih dan di TPS mana.",
        "url": "https://cekdptonline.kpu.go.id",
    },
    "info_pemilu": {
        "label": "Info Pemilu",
        "description": "Tahapan, peserta, calon dan hasil pemilu dan pemilihan.",
        "url": "https://infopemilu.kpu.go.id",
    },
    "jdih": {
        "label": "JDIH KPU",
        "description": "Peraturan, keputusan dan produk hukum KPU.",
        "url": "https://jdih.kpu.go.id",
    },
    "lapor": {
        "label": "LAPOR! (SP4N)",
        "description": "Sampaikan pengaduan pelayanan publik secara daring.",
        "url": "https://www.lapor.go.id",
    },
    "kpu_ri": {
        "label": "KPU RI",
        "description": "Situs resmi Komisi Pemilihan Umum Republik Indonesia.",
        "url": "https://www.kpu.go.id",
    },
    "kpu_provinsi": {
        "label": "KPU Provinsi",
        "description": "Situs resmi KPU provinsi.",
        "url": "",
    },
    "bawaslu": {
        "label": "Bawaslu Kabupaten",
        "description": "Laporkan dugaan pelanggaran pemilu kepada pengawas pemilu.",
        "url": "",
    },
    # Known but off unless an office lists it: worth a link only while recruitment is open.
    "siakba": {
        "label": "SIAKBA",
        "description": "Pendaftaran anggota badan ad hoc (PPK, PPS, KPPS).",
        "url": "https://siakba.kpu.go.id",
    },
}

# Shown, in this order, when the office does not write the key.
DEFAULT_ORDER = ("cek_dpt", "info_pemilu", "jdih", "lapor", "kpu_ri", "kpu_provinsi", "bawaslu")
# The service a voter-registration claim points to (the hoax box's "check your status" link).
VOTER_LOOKUP = "cek_dpt"
ENTRY_KEYS = ("service", "label", "description", "url", "show")
KEY = 'KPU_OFFICE["voter_services"]'


def _https(value):
    parsed = urlparse(value)
    return parsed.scheme == "https" and bool(parsed.netloc)


def default_entries():
    """Return the entries an office without the key gets: the services with a national address."""
    # The provincial KPU and the Bawaslu need the office's own address, so they are left out.
    return [{"service": name} for name in DEFAULT_ORDER if KNOWN_SERVICES[name]["url"]]


def validate_services(entries):
    """Return every mistake in the voter-service list, each naming its entry and field."""
    if entries is None:
        return []
    if not isinstance(entries, list):
        return [
            f"{KEY} harus berupa daftar (list), misalnya "
            '[{"service": "cek_dpt"}, {"service": "kpu_provinsi", "url": "https://…"}].'
        ]
    problems, seen = [], set()
    known = ", ".join(KNOWN_SERVICES)
    for index, entry in enumerate(entries):
        where = f"{KEY}[{index}]"
        if not isinstance(entry, dict):
            problems.append(f'{where} harus berupa dict, misalnya {{"service": "cek_dpt"}}.')
            continue
        for key in entry:
            if key not in ENTRY_KEYS:
                hint = nearest(key, ENTRY_KEYS)
                tip = f' Mungkin maksud Anda "{hint}"?' if hint else ""
                problems.append(
                    f'{where}: kunci "{key}" tidak dikenal. Kunci yang boleh: '
                    f"{', '.join(ENTRY_KEYS)}.{tip}"
                )
        name = entry.get("service")
        if not isinstance(name, str) or not name.strip():
            problems.append(f'{where}["service"] wajib diisi, salah satu dari: {known}.')
        elif name not in KNOWN_SERVICES:
            hint = nearest(name, KNOWN_SERVICES)
            tip = f' Mungkin maksud Anda "{hint}"?' if hint else ""
            problems.append(
                f'{where}["service"]: layanan "{name}" tidak dikenal. Pilihan: {known}.{tip}'
            )
        elif name in seen:
            problems.append(
                f'{where}["service"]: layanan "{name}" sudah ada di daftar; tulis sekali saja.'
            )
        seen.add(name)
        for field in ("label", "description"):
            if field in entry and (not isinstance(entry[field], str) or not entry[field].strip()):
                problems.append(
                    f'{where}["{field}"] tidak boleh kosong; hapus kuncinya untuk teks bawaan.'
                )
        if "show" in entry and not isinstance(entry["show"], bool):
            problems.append(f'{where}["show"] harus True atau False (tanpa tanda kutip).')
        if "url" in entry and (not isinstance(entry["url"], str) or not _https(entry["url"])):
            problems.append(
                f'{where}["url"] harus alamat lengkap yang diawali https://, '
                'misalnya "https://jateng.kpu.go.id".'
            )
        if (
            name in KNOWN_SERVICES
            and not KNOWN_SERVICES[name]["url"]
            and "url" not in entry
            and entry.get("show", True) is not False
        ):
            problems.append(
                f'{where}["url"] wajib diisi untuk "{name}" (tidak ada alamat bawaan), misalnya '
                '"https://…"; atau matikan layanan ini dengan "show": False.'
            )
    return problems


def shown_services(entries):
    """Return the services to show, in order, with label, description, url and `lookup` flag."""
    shown = []
    for entry in default_entries() if entries is None else entries:
        if not entry.get("show", True):
            continue
        service = {**KNOWN_SERVICES[entry["service"]], **entry}
        service.pop("show", None)
        service["lookup"] = entry["service"] == VOTER_LOOKUP
        shown.append(service)
    return shown


def voter_lookup(services):
    """Return the shown voter-lookup service (Cek DPT Online), or None when switched off."""
    return next((s for s in services if s["lookup"]), None)
