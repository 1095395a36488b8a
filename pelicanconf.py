"""Pelican settings for a KPU regency site (development build).

Everything that differs between two KPU offices lives in the KPU_OFFICE block right
below. The rest of this file is the kit's shared configuration; the `kpu_office` plugin
validates the block at start-up and derives SITENAME, TIMEZONE and the like from it.
"""

import sys
from pathlib import Path

# =============================================================================
# REGENCY BLOCK — the only part another office needs to change.
# The values below describe the bundled *sample* site (KPU Kabupaten Temanggung).
# =============================================================================
KPU_OFFICE = {
    # Office name as it appears in the header, titles and footer.
    "name": "KPU Kabupaten Temanggung",
    "regency": "Kabupaten Temanggung",
    "province": "Jawa Tengah",
    # Dateline used in news items ("TEMANGGUNG –").
    "dateline": "TEMANGGUNG",
    "tagline": "Komisi Pemilihan Umum Kabupaten Temanggung",
    "address": "Jl. Pahlawan No. 1, Temanggung, Jawa Tengah 56211",
    "phone": "(0293) 491 000",
    "email": "kab.temanggung@kpu.go.id",
    "office_hours": "Senin–Jumat, 07.30–16.00 WIB",
    # WIB, WITA or WIT.
    "timezone": "WIB",
    # Public address of the published site (used by publishconf.py).
    "site_url": "https://kab-temanggung.kpu.go.id",
    # Logo shown in the header: a path inside the output, or "" for the theme's emblem.
    "logo": "",
    # The office's PPID portal, and its request and objection forms ("" = the portal's home).
    "ppid_portal": "https://temanggungkabppid.kpu.go.id",
    "ppid_request_form": "https://temanggungkabppid.kpu.go.id/formulir-permohonan",
    "ppid_objection_form": "https://temanggungkabppid.kpu.go.id/formulir-keberatan",
    # Official accounts fixed by the office's decree. Leave a value "" if the office has none.
    "social": {
        "x": "https://x.com/kpu_temanggung",
        "facebook": "https://www.facebook.com/kpukabupatentemanggung",
        "instagram": "https://www.instagram.com/kpu_temanggung",
        "tiktok": "https://www.tiktok.com/@kpu_temanggung",
        "youtube": "https://www.youtube.com/@kputemanggung",
        "whatsapp": "https://wa.me/6229300000000",
    },
    # Hashtags added to the ready-to-post captions (/sosial/<slug>/x.txt, instagram.txt …).
    "hashtags": ["#KPUTemanggung", "#TemanPemilih"],
    # The five divisions; `slug` is what news items write in their `Divisi:` field, and
    # /divisi/<slug>/ is the division's page; `description` is shown there.
    "divisions": [
        {
            "slug": "keuangan-umum-logistik",
            "name": "Divisi Keuangan, Umum, Rumah Tangga dan Logistik",
            "commissioner": "Nama Ketua (contoh)",
            # Optional: "role" (default "Anggota"; one "Ketua", listed first on
            # /profil/profil-anggota/) and "photo" (a file under content/images/).
            "role": "Ketua",
            "description": (
                "Anggaran dan keuangan, urusan umum dan rumah tangga kantor, serta pengadaan dan "
                "distribusi logistik pemilu."
            ),
        },
        {
            "slug": "sosialisasi-parmas-sdm",
            "name": (
                "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat "
                "dan Sumber Daya Manusia"
            ),
            "commissioner": "Henry Sofyan Rois",
            "description": (
                "Sosialisasi dan pendidikan pemilih, partisipasi masyarakat, kehumasan, layanan "
                "informasi publik, dan sumber daya manusia badan ad hoc."
            ),
        },
        {
            "slug": "perencanaan-data-informasi",
            "name": "Divisi Perencanaan, Data dan Informasi",
            "commissioner": "Nama Anggota (contoh)",
            "description": (
                "Perencanaan program dan anggaran, pemutakhiran data pemilih berkelanjutan, serta"
                " pengelolaan data dan teknologi informasi."
            ),
        },
        {
            "slug": "teknis-penyelenggaraan",
            "name": "Divisi Teknis Penyelenggaraan",
            "commissioner": "Nama Anggota (contoh)",
            "description": (
                "Tahapan teknis pemilu dan pemilihan: pencalonan, pemungutan dan penghitungan "
                "suara, rekapitulasi, serta bimbingan teknis badan ad hoc."
            ),
        },
        {
            "slug": "hukum-pengawasan",
            "name": "Divisi Hukum dan Pengawasan",
            "commissioner": "Nama Anggota (contoh)",
            "description": (
                "Produk hukum, advokasi dan penyelesaian sengketa, JDIH, serta pengawasan "
                "internal dan kepatuhan penyelenggara."
            ),
        },
    ],
    "secretariat": {
        "slug": "sekretariat",
        "name": "Sekretariat KPU Kabupaten Temanggung",
        "head": "Nama Sekretaris (contoh)",
        "description": "Dukungan administrasi, keuangan, teknis dan hukum bagi KPU Kabupaten.",
    },
    # "Layanan Pemilih" on the home page and in the footer, in this order. Known services:
    # cek_dpt, info_pemilu, jdih, lapor, kpu_ri, kpu_provinsi, bawaslu, siakba. Each entry may
    # change "label", "description" or "url", or hide the link with "show": False. Without this
    # key the national services are shown (those that need the office's own address are not).
    "voter_services": [
        {"service": "cek_dpt"},
        {"service": "info_pemilu"},
        {"service": "jdih"},
        {"service": "lapor"},
        {"service": "kpu_ri"},
        # Addresses of the next two not verified from here (built offline); they follow the
        # usual patterns <provinsi>.kpu.go.id and <kabupaten>.bawaslu.go.id.
        {
            "service": "kpu_provinsi",
            "label": "KPU Provinsi Jawa Tengah",
            "url": "https://jateng.kpu.go.id",
        },
        {
            "service": "bawaslu",
            "label": "Bawaslu Kabupaten Temanggung",
            "url": "https://temanggung.bawaslu.go.id",
        },
        # Open only while ad hoc bodies are recruited.
        {"service": "siakba", "show": False},
    ],
    # Shown on every opinion piece (Category: opini).
    "opinion_disclaimer": (
        "Tulisan ini adalah pandangan pribadi penulis dan tidak mencerminkan sikap resmi "
        "KPU Kabupaten Temanggung."
    ),
    # Shows a "this is a demo site" notice on every page; set False on a real site.
    "sample_site": True,
}
# =============================================================================
# End of the regency block. Nothing below names an office.
# =============================================================================

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))
from kpu_office.model import zone_name  # noqa: E402  (one derivation of the zone for the kit)

# The kpu_office plugin derives this again at start-up; set here too so Pelican's own
# settings check sees a zone from the very start.
TIMEZONE = zone_name(KPU_OFFICE)

PATH = "content"
OUTPUT_PATH = "output"
THEME = str(ROOT / "theme")
PLUGIN_PATHS = [str(ROOT / "plugins")]
# Order matters where plugins share a signal: kpu_content files each item's divisions before
# kpu_images draws its card; kpu_check sees raw HTML before kpu_images rewrites <img>.
PLUGINS = [
    # First: every other plugin writes into its staging folder, swapped in whole at the end.
    "kpu_output",
    "kpu_office",
    # Early: every file and document passes the gate before other plugins rewrite it.
    "kpu_gate",
    "kpu_readahead",
    # Early: its `finalized` handler writes the pages that later handlers read.
    "kpu_incremental",
    "kpu_dates",
    "kpu_content",
    "kpu_check",
    "kpu_images",
    "kpu_navigation",
    "kpu_assets",
    # Before kpu_service_report: its generator fills the election periods the report reads.
    "kpu_stages",
    # Before kpu_ppid: its generator offers the service report's DIP item that kpu_ppid reads.
    "kpu_service_report",
    # Before kpu_ppid too: its generator offers the adopted national DIK entries.
    "kpu_national_dik",
    "kpu_ppid",
    "kpu_divisions",
    "kpu_gallery",
    "kpu_video",
    "kpu_commissioners",
    "kpu_report",
    # Before the sitemap and search: /admin/ is written, then seen as noindex and unindexed.
    "kpu_admin",
    # After every page is written and before the sitemap reads them: the PPID readiness page.
    "kpu_ppid_readiness",
    "kpu_sitemap",
    "kpu_icons",
    "kpu_search",
    "kpu_verify",  # last: checks the finished output
]

DEFAULT_LANG = "id"
READERS = {"rst": None, "htm": None, "html": None}  # admins write Markdown only
SITEURL = ""
RELATIVE_URLS = False

# News items: the type is Pelican's category (berita, features, opini, pengumuman).
ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = ""

SUMMARY_MAX_LENGTH = 40

# Pages take their URL from where the file sits: pages/profil/sejarah.md -> /profil/sejarah/
PATH_METADATA = r"pages/(?P<pagepath>.+)\.md"
PAGE_URL = "{pagepath}/"
PAGE_SAVE_AS = "{pagepath}/index.html"

ARTICLE_URL = "berita/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "berita/{date:%Y}/{slug}/index.html"
DRAFT_URL = "draf/{slug}/"
DRAFT_SAVE_AS = "draf/{slug}/index.html"
DRAFT_PAGE_URL = "draf/halaman/{slug}/"
DRAFT_PAGE_SAVE_AS = "draf/halaman/{slug}/index.html"
CATEGORY_URL = "kategori/{slug}/"
CATEGORY_SAVE_AS = "kategori/{slug}/index.html"
CATEGORIES_URL = "kategori/"
CATEGORIES_SAVE_AS = "kategori/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
AUTHOR_URL = "penulis/{slug}/"
AUTHOR_SAVE_AS = "penulis/{slug}/index.html"
AUTHORS_URL = "penulis/"
AUTHORS_SAVE_AS = "penulis/index.html"
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = "arsip/index.html"
YEAR_ARCHIVE_URL = "arsip/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "arsip/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "arsip/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "arsip/{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_SAVE_AS = ""

# `berita` is the paginated list of all news; `index` (home) shows only the latest.
DIRECT_TEMPLATES = ["index", "berita", "categories", "tags", "authors", "archives", "404", "cari"]
CARI_URL = "cari/"
CARI_SAVE_AS = "cari/index.html"
BERITA_URL = "berita/"
BERITA_SAVE_AS = "berita/index.html"
INDEX_SAVE_AS = "index.html"
PAGINATED_TEMPLATES = {
    "berita": None,
    "category": None,
    "tag": None,
    "author": None,
    "period_archives": None,
}
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)
HOME_LATEST_COUNT = 7

# Main menu; `sections` are the first URL segments under which an item is "current".
KPU_MENU = [
    {"label": "Beranda", "url": "", "sections": [""]},
    {"label": "Profil", "url": "profil/", "sections": ["profil"]},
    {
        "label": "Berita",
        "url": "berita/",
        "sections": ["berita", "kategori", "tag", "arsip", "penulis"],
    },
    {"label": "PPID", "url": "ppid/", "sections": ["ppid"]},
    {"label": "Kontak", "url": "kontak/", "sections": ["kontak"]},
]
KPU_FOOTER_LINKS = [
    {"label": "Profil", "url": "profil/"},
    {"label": "Semua berita", "url": "berita/"},
    {"label": "Berita per divisi", "url": "divisi/"},
    {"label": "Arsip berita", "url": "arsip/"},
    {"label": "Daftar Informasi Publik", "url": "ppid/daftar-informasi-publik/"},
    {"label": "Tahapan pemilihan", "url": "tahapan/"},
    {"label": "Galeri foto", "url": "galeri/"},
    {"label": "Video", "url": "video/"},
    {"label": "Umpan berita (RSS)", "url": "feeds/"},
]

# Photo albums (kpu_gallery): content/galeri/<album>/album.md and its photos become
# /galeri/<album>/ and a page per photo; the defaults are in plugins/kpu_gallery/settings.py.
KPU_GALLERY_PER_PAGE = 12
KPU_GALLERY_HOME_COUNT = 3
# Stages (kpu_stages): content/tahapan/*.md, one stage or agenda item per file, become the
# /tahapan/ timeline, the home panel and /tahapan/<pemilihan>.ics; defaults in
# plugins/kpu_stages/settings.py. KPU_STAGES_TODAY = "2024-11-27" shows the site as on that day.
KPU_STAGES_TODAY = None
# Videos (kpu_video): the list of every item's YouTube videos, and how many the home page shows.
KPU_VIDEO_URL = "video/"
KPU_HOME_VIDEO_COUNT = 3

# The national DIK (kpu_national_dik): the exempt-information entries of
# plugins/kpu_national_dik/data/dik-nasional.csv join the office's own on
# /ppid/informasi-dikecualikan/. None = not adopted. The list is NOT a copy of the KPU RI decree
# and that decree changes: check every row against the decree in force, state its number and
# date here, and list under "kecuali" the rows it does not hold (docs/panduan-admin.md, PPID).
# The values below are a SAMPLE (contoh), not a verified decree.
KPU_NATIONAL_DIK = {
    "keputusan": (
        "Keputusan KPU tentang Daftar Informasi yang Dikecualikan (contoh; nomor dan tanggal"
        " belum diverifikasi, wajib diisi kantor dari keputusan yang berlaku)"
    ),
    "tanggal": "2025-07-01",
    # The sample office keeps its own items for these two (content/ppid/).
    "kecuali": ["salinan-dokumen-kependudukan", "memorandum-rancangan-keputusan"],
}

# Feeds are off while writing; publishconf.py turns them on.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Autoescape: a title or field containing <script> must be shown as text, never run.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# A news item's URL comes from its file name, not its title, so correcting a title never
# breaks a link: berita/2021-05-25-rapat-evaluasi.md -> /berita/2021/rapat-evaluasi/
SLUGIFY_SOURCE = "basename"
FILENAME_METADATA = r"(?:\d{4}-\d{2}-\d{2}-)?(?P<slug>.+)"
# Start every build from an empty output folder so renamed or deleted items leave no stale page.
DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
