"""The PPID plugin's settings: one schema of each value, and the rules that tie them together."""

from kpu_attachments import ATTACHMENT_TYPES_ALLOWED, DEFAULT_ATTACHMENT_TYPES, attachment_types
from kpu_settings import (
    FILE_ALLOWED,
    FOLDER_ALLOWED,
    URL_ALLOWED,
    Setting,
    SettingsError,
    optional,
    relative_file,
    relative_folder,
    slug_labels,
    url_folder,
    url_pattern,
)

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
        "keamanan-logistik": "Informasi yang Membahayakan Keamanan Logistik Pemilu",
    },
}


def _group_tables(value):
    """Tell whether the value maps classes to {sub-group slug: label} dicts."""
    return isinstance(value, dict) and all(
        isinstance(groups, dict) and all(slug_labels({k: v}) for k, v in groups.items())
        for groups in value.values()
    )


FILE_STEM = 'nama berkas relatif tanpa ekstensi, tanpa "/" di depan dan tanpa ".."'
SCHEMA = (
    Setting(
        "PPID_PATH", "ppid", relative_folder, f'{FOLDER_ALLOWED} di dalam content/, misalnya "ppid"'
    ),
    Setting(
        "PPID_CLASSES",
        DEFAULT_CLASSES,
        slug_labels,
        'dict klasifikasi: slug huruf kecil ke label, misalnya {"berkala": "Informasi Berkala"}',
    ),
    Setting(
        "PPID_GROUPS",
        DEFAULT_GROUPS,
        _group_tables,
        "dict per klasifikasi berisi dict kelompok (slug huruf kecil ke label), misalnya"
        ' {"berkala": {"kinerja": "Ringkasan Kinerja"}}',
    ),
    Setting(
        "PPID_ATTACHMENT_TYPES",
        DEFAULT_ATTACHMENT_TYPES,
        attachment_types,
        ATTACHMENT_TYPES_ALLOWED,
    ),
    Setting("PPID_URL", "ppid/", url_folder, f'{URL_ALLOWED}, misalnya "ppid/"'),
    Setting(
        "PPID_ITEM_URL",
        "ppid/{slug}/",
        url_pattern,
        f'{URL_ALLOWED}, yang memuat {{slug}}, misalnya "ppid/{{slug}}/"',
    ),
    Setting(
        "PPID_DIP_URL",
        "ppid/daftar-informasi-publik/",
        url_folder,
        f'{URL_ALLOWED}, misalnya "ppid/daftar-informasi-publik/"',
    ),
    Setting(
        "PPID_DIK_URL",
        "ppid/informasi-dikecualikan/",
        url_folder,
        f'{URL_ALLOWED}, misalnya "ppid/informasi-dikecualikan/"',
    ),
    # Stems: the open data is written as <stem>.csv and <stem>.json.
    Setting(
        "PPID_DIP_DATA",
        "ppid/daftar-informasi-publik",
        relative_file,
        f'{FILE_STEM}, misalnya "ppid/daftar-informasi-publik"',
    ),
    Setting(
        "PPID_DIK_DATA",
        "ppid/informasi-dikecualikan",
        relative_file,
        f'{FILE_STEM}, misalnya "ppid/informasi-dikecualikan"',
    ),
    Setting(
        "PPID_FEED_ATOM",
        None,
        optional(relative_file),
        f'None (tanpa umpan) atau {FILE_ALLOWED}, misalnya "feeds/ppid.atom.xml"',
    ),
)

EXEMPT = "dikecualikan"


class PpidSettingsError(SettingsError):
    """A PPID_* setting in pelicanconf.py is wrong."""


def validate_settings(ppid):
    """Return every problem between the PPID settings (each already valid on its own)."""
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
    return problems
