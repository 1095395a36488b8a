"""The PPID plugin's settings: defaults set once, checked when the build starts."""

from kpu_attachments import DEFAULT_ATTACHMENT_TYPES
from kpu_messages import AdminFacingError

# The four classes of UU 14/2008 in the order the DIP shows them.
DEFAULT_CLASSES = {
    "berkala": "Informasi Berkala",
    "serta-merta": "Informasi Serta Merta",
    "setiap-saat": "Informasi Setiap Saat",
    "dikecualikan": "Informasi yang Dikecualikan",
}

# Sub-groups (kelompok) per class, as real KPU DIPs group them.
DEFAULT_GROUPS = {
    "berkala": {
        "profil-badan-publik": "Profil Badan Publik",
        "program-dan-kegiatan": "Ringkasan Program dan Kegiatan",
        "kinerja": "Ringkasan Kinerja",
        "laporan-keuangan": "Ringkasan Laporan Keuangan",
        "tahapan-pemilu": "Tahapan, Program dan Jadwal Pemilu dan Pemilihan",
        "hasil-tahapan": "Hasil Setiap Tahapan",
        "hak-dan-partisipasi": "Hak, Kewajiban dan Tata Cara Partisipasi Masyarakat",
        "laporan-akses-informasi": "Laporan Akses Informasi Publik",
        "pengadaan": "Pengadaan Barang dan Jasa",
    },
    "serta-merta": {
        "keadaan-darurat": "Bencana dan Keadaan Darurat",
        "gangguan-layanan": "Gangguan Layanan dan Tahapan",
    },
    "setiap-saat": {
        "daftar-informasi": "Daftar Informasi Publik",
        "keputusan": "Keputusan dan Pertimbangannya",
        "kebijakan": "Kebijakan dan Dokumen Pendukung",
        "rencana-kerja-anggaran": "Rencana Kerja dan Anggaran",
        "perjanjian": "Perjanjian dengan Pihak Ketiga",
        "prosedur-layanan": "Prosedur Kerja dan Layanan",
        "laporan-layanan-informasi": "Laporan Layanan Informasi Publik",
    },
    "dikecualikan": {
        "rahasia-pribadi": "Informasi yang Mengungkap Rahasia Pribadi",
        "proses-penegakan-hukum": "Informasi yang Menghambat Proses Penegakan Hukum",
        "memorandum-internal": "Memorandum dan Surat yang Bersifat Rahasia",
        "keamanan-sistem-informasi": "Informasi yang Membahayakan Keamanan Sistem Informasi",
    },
}

DEFAULTS = {
    "PPID_PATH": "ppid",
    "PPID_CLASSES": DEFAULT_CLASSES,
    "PPID_GROUPS": DEFAULT_GROUPS,
    "PPID_ATTACHMENT_TYPES": DEFAULT_ATTACHMENT_TYPES,
    "PPID_URL": "ppid/",
    "PPID_ITEM_URL": "ppid/{slug}/",
    "PPID_DIP_URL": "ppid/daftar-informasi-publik/",
    "PPID_DIK_URL": "ppid/informasi-dikecualikan/",
    "PPID_DIP_DATA": "ppid/daftar-informasi-publik",
    "PPID_DIK_DATA": "ppid/informasi-dikecualikan",
    "PPID_FEED_ATOM": None,
}

EXEMPT = "dikecualikan"


class PpidSettingsError(AdminFacingError):
    """A PPID_* setting in pelicanconf.py is wrong."""


def with_defaults(settings):
    """Return the PPID settings, each taken from `settings` or its default."""
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}


def validate_settings(ppid):
    """Return every problem with the PPID settings, in Bahasa Indonesia."""
    problems = []
    classes = ppid["PPID_CLASSES"]
    if EXEMPT not in classes:
        problems.append(f'PPID_CLASSES wajib memuat klasifikasi "{EXEMPT}".')
    for class_slug in classes:
        groups = ppid["PPID_GROUPS"].get(class_slug)
        if not isinstance(groups, dict) or not groups:
            problems.append(f'PPID_GROUPS["{class_slug}"] wajib berisi daftar kelompok.')
    unknown = set(ppid["PPID_GROUPS"]) - set(classes)
    for class_slug in sorted(unknown):
        problems.append(
            f'PPID_GROUPS memuat klasifikasi "{class_slug}" yang tidak ada di PPID_CLASSES.'
        )
    for extension in ppid["PPID_ATTACHMENT_TYPES"]:
        if extension != extension.lower().lstrip("."):
            problems.append(
                f'PPID_ATTACHMENT_TYPES: tulis ekstensi "{extension}" kecil tanpa titik.'
            )
    for key in ("PPID_ITEM_URL",):
        if "{slug}" not in ppid[key]:
            problems.append(f"{key} wajib memuat {{slug}}.")
    return problems
