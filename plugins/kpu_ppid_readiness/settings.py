"""Settings of the readiness report: freshness rules, required pages and section weights."""

import datetime

from kpu_settings import URL_ALLOWED, Setting, url_folder

# UU 14/2008 Pasal 9 ayat (3): periodic information at least every six months. Annual
# reports (finance, performance, access to information) are yearly by nature.
DEFAULT_FRESHNESS = {
    "*": {"bulan": 6, "dasar": "UU 14/2008 Pasal 9 ayat (3)"},
    "laporan-keuangan": {
        "bulan": 12,
        "dasar": "laporan tahunan; UU 14/2008 Pasal 9 ayat (2) huruf c",
    },
    "kinerja": {
        "bulan": 12,
        "dasar": "laporan kinerja tahunan; UU 14/2008 Pasal 9 ayat (2) huruf b",
    },
    "laporan-akses-informasi": {
        "bulan": 12,
        "dasar": "laporan tahunan; Perki 1/2021 (pasal belum diverifikasi)",
    },
}

# The standard PPID pages an evaluator opens, and words each must hold.
DEFAULT_PAGES = [
    {
        "url": "ppid/profil-ppid/",
        "nama": "Profil PPID dan strukturnya",
        "memuat": ["struktur"],
        "petunjuk": "Profil PPID memuat struktur organisasi PPID beserta tugasnya.",
    },
    {
        "url": "ppid/maklumat-pelayanan/",
        "nama": "Maklumat pelayanan informasi",
        "memuat": [],
        "petunjuk": "Maklumat pelayanan ditandatangani pimpinan badan publik.",
    },
    {
        "url": "ppid/prosedur-permohonan/",
        "nama": "Prosedur permohonan informasi, dengan jangka waktunya",
        "memuat": ["hari kerja"],
        "petunjuk": "Sebutkan jangka waktu jawaban (10 + 7 hari kerja; 3 + 2 selama tahapan).",
    },
    {
        "url": "ppid/prosedur-keberatan/",
        "nama": "Prosedur keberatan, dengan jangka waktunya",
        "memuat": ["hari kerja"],
        "petunjuk": "Sebutkan jangka waktu pengajuan dan tanggapan keberatan.",
    },
    {
        "url": "ppid/prosedur-sengketa/",
        "nama": "Prosedur sengketa informasi, dengan jangka waktunya",
        "memuat": ["hari kerja"],
        "petunjuk": "Sebutkan jangka waktu pengajuan sengketa ke Komisi Informasi.",
    },
    {
        "url": "ppid/regulasi/",
        "nama": "Regulasi keterbukaan informasi",
        "memuat": [],
        "petunjuk": "Daftar peraturan yang menjadi dasar layanan informasi.",
    },
    {
        "url": "ppid/laporan-layanan/",
        "nama": "Laporan layanan informasi publik tahunan",
        "memuat": [],
        "petunjuk": "Halaman yang memuat laporan layanan setiap tahun.",
    },
]

# Weights of the e-Monev indicators the website shows (Perki 1/2022). The evaluation
# also scores commitment and facilities, which a website cannot show; those are left out
# and the overall score is computed over the sections below.
DEFAULT_WEIGHTS = {
    "jenis-informasi": {
        "bobot": 40,
        "indikator": "Jenis informasi",
        "dasar": "Perki 1/2022, indikator jenis informasi (bobot sekitar 40%, belum diverifikasi)",
    },
    "digitalisasi": {
        "bobot": 20,
        "indikator": "Digitalisasi",
        "dasar": "Perki 1/2022, indikator digitalisasi (bobot sekitar 20%, belum diverifikasi)",
    },
    "kualitas-informasi": {
        "bobot": 10,
        "indikator": "Kualitas informasi",
        "dasar": "Perki 1/2022, indikator kualitas informasi (sekitar 10%, belum diverifikasi)",
    },
    "pelayanan": {
        "bobot": 10,
        "indikator": "Pelayanan informasi",
        "dasar": "Perki 1/2022, indikator pelayanan informasi (sekitar 10%, belum diverifikasi)",
    },
}


def _today(value):
    if value is None:
        return True
    datetime.date.fromisoformat(value)
    return True


def _rule(value):
    return (
        isinstance(value, dict)
        and set(value) == {"bulan", "dasar"}
        and isinstance(value["bulan"], int)
        and not isinstance(value["bulan"], bool)
        and value["bulan"] > 0
        and isinstance(value["dasar"], str)
        and bool(value["dasar"].strip())
    )


def _freshness(value):
    return isinstance(value, dict) and "*" in value and all(_rule(v) for v in value.values())


def _pages(value):
    return isinstance(value, list) and all(
        isinstance(p, dict)
        and {"url", "nama"} <= set(p) <= {"url", "nama", "memuat", "petunjuk"}
        and url_folder(p["url"])
        and isinstance(p["nama"], str)
        and isinstance(p.get("memuat", []), list)
        and all(isinstance(w, str) and w.strip() for w in p.get("memuat", []))
        for p in value
    )


def _weights(value):
    return (
        isinstance(value, dict)
        and set(value) <= set(DEFAULT_WEIGHTS)
        and bool(value)
        and all(
            isinstance(w, dict)
            and set(w) == {"bobot", "indikator", "dasar"}
            and isinstance(w["bobot"], int | float)
            and not isinstance(w["bobot"], bool)
            and w["bobot"] > 0
            for w in value.values()
        )
    )


SCHEMA = (
    Setting(
        "KPU_READINESS_URL",
        "ppid/kesiapan/",
        url_folder,
        f'{URL_ALLOWED}, misalnya "ppid/kesiapan/"',
    ),
    Setting(
        "KPU_READINESS_TODAY",
        None,
        _today,
        'None (hari ini menurut zona kantor) atau tanggal "TTTT-BB-HH" untuk pengujian',
    ),
    Setting(
        "KPU_READINESS_FRESHNESS",
        DEFAULT_FRESHNESS,
        _freshness,
        'dict kelompok berkala ke {"bulan": bilangan bulat positif, "dasar": "aturannya"},'
        ' dengan "*" sebagai aturan umum',
    ),
    Setting(
        "KPU_READINESS_PAGES",
        DEFAULT_PAGES,
        _pages,
        'daftar halaman {"url": "ppid/…/", "nama": "…", "memuat": ["kata"], "petunjuk": "…"}',
    ),
    Setting(
        "KPU_READINESS_WEIGHTS",
        DEFAULT_WEIGHTS,
        _weights,
        "dict bagian (jenis-informasi, digitalisasi, kualitas-informasi, pelayanan) ke"
        ' {"bobot": angka positif, "indikator": "…", "dasar": "…"}',
    ),
)
