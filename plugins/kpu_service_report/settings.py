"""Settings of the annual service report: where the register is, deadlines and their law."""

import datetime

from kpu_settings import FOLDER_ALLOWED, URL_ALLOWED, Setting, relative_folder, url_pattern

# UU 14/2008 Pasal 22 ayat (7) and (8): an answer within 10 working days, extendable once by
# at most 7. During election stages the shorter election rule applies (see README: the
# article of that rule could not be checked, so it is marked on the page).
DEFAULT_DEADLINE = {
    "hari": 10,
    "perpanjangan": 7,
    "dasar": (
        "UU Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, Pasal 22 ayat (7) dan (8)"
    ),
}
DEFAULT_ELECTION_DEADLINE = {
    "hari": 3,
    "perpanjangan": 2,
    "dasar": (
        "Peraturan Komisi Informasi tentang standar layanan informasi publik pemilu dan"
        " pemilihan (nomor dan pasal belum diverifikasi; periksa peraturan yang berlaku)"
    ),
}
# The DIP columns of the report's own DIP item; {office} becomes the office's name.
DEFAULT_DIP_FIELDS = {
    "Penguasa_Informasi": "PPID {office}",
    "Penanggung_Jawab": "PPID {office}",
    "Tempat_Pembuatan": "Kantor {office}",
    "Bentuk": "elektronik",
    "Retensi": "5 tahun setelah tahun laporan",
}


def _deadline(value):
    return (
        isinstance(value, dict)
        and set(value) == {"hari", "perpanjangan", "dasar"}
        and isinstance(value["hari"], int)
        and not isinstance(value["hari"], bool)
        and value["hari"] > 0
        and isinstance(value["perpanjangan"], int)
        and not isinstance(value["perpanjangan"], bool)
        and value["perpanjangan"] >= 0
        and isinstance(value["dasar"], str)
        and bool(value["dasar"].strip())
    )


def _period(value):
    if not isinstance(value, dict) or set(value) != {"mulai", "selesai", "nama"}:
        return False
    start = datetime.date.fromisoformat(value["mulai"])
    end = datetime.date.fromisoformat(value["selesai"])
    return start <= end and isinstance(value["nama"], str) and bool(value["nama"].strip())


def _periods(value):
    return isinstance(value, list) and all(_period(v) for v in value)


def _dip_fields(value):
    return (
        isinstance(value, dict)
        and set(value) <= set(DEFAULT_DIP_FIELDS)
        and all(isinstance(v, str) and v.strip() for v in value.values())
    )


DEADLINE_ALLOWED = (
    'dict {"hari": bilangan bulat positif, "perpanjangan": bilangan bulat ≥ 0, "dasar":'
    ' "peraturan dan pasalnya"}'
)
SCHEMA = (
    Setting(
        "KPU_SERVICE_REGISTER_PATH",
        "ppid/register",
        relative_folder,
        f'{FOLDER_ALLOWED} di dalam content/, misalnya "ppid/register"',
    ),
    Setting(
        "KPU_SERVICE_REPORT_URL",
        "ppid/laporan-layanan/{slug}/",
        url_pattern,
        f"{URL_ALLOWED}, yang memuat {{slug}} (diisi tahun), misalnya"
        ' "ppid/laporan-layanan/{slug}/"',
    ),
    Setting("KPU_SERVICE_DEADLINE", DEFAULT_DEADLINE, _deadline, DEADLINE_ALLOWED),
    Setting(
        "KPU_SERVICE_ELECTION_DEADLINE", DEFAULT_ELECTION_DEADLINE, _deadline, DEADLINE_ALLOWED
    ),
    Setting(
        "KPU_SERVICE_ELECTION_PERIODS",
        [],
        _periods,
        'daftar masa tahapan di luar linimasa tahapan, tiap masa {"mulai": "TTTT-BB-HH",'
        ' "selesai": "TTTT-BB-HH", "nama": "…"}',
    ),
    Setting(
        "KPU_SERVICE_DIP_FIELDS",
        {},
        _dip_fields,
        f"dict kolom DIP laporan (boleh sebagian): {', '.join(DEFAULT_DIP_FIELDS)}",
    ),
)
