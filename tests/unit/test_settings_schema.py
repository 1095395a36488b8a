"""Every plugin's settings schema: real mistakes are named with the key, value and rule."""

import importlib
from types import SimpleNamespace

import pytest

from kpu_office.handlers import apply_office_settings
from kpu_office.model import OfficeConfigError
from kpu_ppid.handlers import apply_settings as apply_ppid_settings
from kpu_ppid.settings import PpidSettingsError
from kpu_settings import (
    SettingsError,
    apply_schema,
    file_pattern,
    links,
    optional,
    relative_folder,
    schema_problems,
    shown,
    site_link,
    url_folder,
    url_pattern,
)
from tests.conftest import PUBLISH_CONF, make_settings

# Every plugin that owns settings; kpu_office validates its block itself (test_office.py).
WITH_SCHEMA = (
    "kpu_readahead",
    "kpu_incremental",
    "kpu_content",
    "kpu_check",
    "kpu_images",
    "kpu_navigation",
    "kpu_service_report",
    "kpu_national_dik",
    "kpu_gallery",
    "kpu_stages",
    "kpu_ppid",
    "kpu_divisions",
    "kpu_video",
    "kpu_commissioners",
    "kpu_report",
    "kpu_sitemap",
    "kpu_icons",
    "kpu_search",
    "kpu_admin",
    "kpu_ppid_readiness",
)
SCHEMAS = {name: importlib.import_module(name).SETTINGS_SCHEMA for name in WITH_SCHEMA}
OWNER = {setting.key: name for name, schema in SCHEMAS.items() for setting in schema}
BY_KEY = {setting.key: setting for schema in SCHEMAS.values() for setting in schema}

MENU_ITEM = {"label": "Profil", "url": "profil/", "sections": ["profil"]}
BAD = [
    ("KPU_IMAGE_WIDTHS", ()),
    ("KPU_VIDEO_URL", "/video/"),
    ("KPU_VIDEO_URL", "video"),
    ("KPU_HOME_VIDEO_COUNT", 13),
    ("KPU_HOME_VIDEO_COUNT", "3"),
    ("KPU_IMAGE_WIDTHS", (960, 480, 1600)),
    ("KPU_IMAGE_WIDTHS", (480, 480, 960)),
    ("KPU_IMAGE_WIDTHS", (0, 480)),
    ("KPU_IMAGE_WIDTHS", (-480, 960)),
    ("KPU_IMAGE_WIDTHS", "480, 960"),
    ("KPU_IMAGE_WIDTHS", (480.0, 960)),
    ("KPU_IMAGE_DEFAULT_WIDTH", 0),
    ("KPU_IMAGE_DEFAULT_WIDTH", "960"),
    ("KPU_IMAGE_JPEG_QUALITY", 0),
    ("KPU_IMAGE_JPEG_QUALITY", 101),
    ("KPU_IMAGE_JPEG_QUALITY", 80.5),
    ("KPU_IMAGE_WEBP_QUALITY", 0),
    ("KPU_IMAGE_WEBP_QUALITY", 101),
    ("KPU_IMAGE_SIZES", ""),
    ("KPU_IMAGE_SIZES", None),
    ("KPU_IMAGE_MAX_PIXELS", 0),
    ("KPU_IMAGE_MAX_PIXELS", -1),
    ("KPU_IMAGE_OUTPUT_DIR", "../images"),
    ("KPU_IMAGE_OUTPUT_DIR", "/var/www/images"),
    ("KPU_IMAGE_OUTPUT_DIR", "images/"),
    ("KPU_IMAGE_CACHE_DIR", ""),
    ("KPU_IMAGE_CACHE_DIR", "a/../../b"),
    ("KPU_SOCIAL_DIR", "sosial/../.."),
    ("KPU_SOCIAL_DIR", "kartu sosial"),
    ("KPU_SHARE_CARD_MONTHS", -1),
    ("KPU_SHARE_CARD_MONTHS", "12"),
    ("KPU_SHARE_CARD_MONTHS", 12.5),
    ("KPU_SHARE_CARD_MONTHS", True),
    ("KPU_REPORT_MONTHS", 0),
    ("KPU_REPORT_MONTHS", -3),
    ("KPU_REPORT_MONTHS", "12"),
    ("KPU_REPORT_MONTHS", True),
    ("KPU_REPORT_URL", "/laporan/publikasi/"),
    ("KPU_REPORT_URL", "laporan/publikasi"),
    ("KPU_STRICT", "True"),
    ("KPU_STRICT", 1),
    ("KPU_OUTPUT_CHECK", None),
    ("KPU_READAHEAD", "no"),
    ("KPU_READAHEAD_MIN_PARALLEL", 0),
    ("KPU_INCREMENTAL", 0),
    ("KPU_PARALLEL_RENDER", "False"),
    ("KPU_SEARCH", "ya"),
    ("KPU_SEARCH_URL", "cari"),
    ("KPU_SEARCH_BUNDLE", "../pagefind"),
    ("KPU_SEARCH_WAIT", 1),
    ("KPU_SEARCH_RANKING", {"pageLength": 2}),
    ("KPU_DIVISION_URL", "divisi/"),
    ("KPU_DIVISION_URL", "divisi/{nama}/"),
    ("KPU_DIVISION_URL", "divisi/{slug}"),
    ("KPU_DIVISIONS_URL", ""),
    ("KPU_DIVISION_FEED_ATOM", "feeds/divisi.atom.xml"),
    ("KPU_DIVISION_FEED_ATOM", ""),
    ("KPU_DIVISION_FEED_RSS", "/feeds/{slug}.rss.xml"),
    ("KPU_DIVISION_FEED_RSS", "feeds/{slug}/{x}.rss.xml"),
    ("KPU_FEEDS_URL", "feeds"),
    ("KPU_FEEDS_OPML", "../semua.opml"),
    ("KPU_HOME_DIVISION_COUNT", 0),
    ("KPU_SITEMAP", "/sitemap.xml"),
    ("KPU_SITEMAP", None),
    ("KPU_ROBOTS_DISALLOW", "sosial"),
    ("KPU_ROBOTS_DISALLOW", ("sosial", "../rahasia")),
    ("KPU_MANIFEST", ""),
    ("KPU_THEME_COLOUR", "red"),
    ("KPU_THEME_COLOUR", "#fff"),
    ("KPU_MENU", [{"label": "Beranda", "url": ""}]),
    ("KPU_MENU", [{**MENU_ITEM, "url": "/profil/"}]),
    ("KPU_MENU", [{**MENU_ITEM, "url": "https://kpu.go.id/"}]),
    ("KPU_MENU", [{**MENU_ITEM, "label": ""}]),
    ("KPU_MENU", [{**MENU_ITEM, "sections": "profil"}]),
    ("KPU_MENU", MENU_ITEM),
    ("KPU_FOOTER_LINKS", [{"label": "Profil"}]),
    ("KPU_FOOTER_LINKS", [("Profil", "profil/")]),
    ("KPU_FOOTER_LINKS", [{"label": "Arsip", "url": "../arsip/"}]),
    ("KPU_CONTENT_TYPES", {}),
    ("KPU_CONTENT_TYPES", {"Berita": "Berita"}),
    ("KPU_CONTENT_TYPES", {"berita": ""}),
    ("KPU_CONTENT_TYPES", ["berita", "opini"]),
    ("KPU_ATTACHMENT_TYPES", {".pdf": "PDF"}),
    ("KPU_ATTACHMENT_TYPES", {"PDF": "PDF"}),
    ("KPU_ATTACHMENT_TYPES", {}),
    ("HOME_LATEST_COUNT", 0),
    ("HOME_LATEST_COUNT", "7"),
    ("PPID_PATH", "../ppid"),
    ("PPID_CLASSES", {"Berkala": "Informasi Berkala"}),
    ("PPID_CLASSES", "berkala"),
    ("PPID_GROUPS", {"berkala": ["kinerja"]}),
    ("PPID_GROUPS", {"berkala": {"Kinerja Kantor": "Ringkasan Kinerja"}}),
    ("PPID_ATTACHMENT_TYPES", {".PDF": "PDF"}),
    ("PPID_URL", "/ppid/"),
    ("PPID_ITEM_URL", "ppid/"),
    ("PPID_ITEM_URL", 5),
    ("PPID_DIP_URL", "ppid/dip"),
    ("PPID_DIK_URL", ""),
    ("PPID_DIP_DATA", "/ppid/dip"),
    ("PPID_DIK_DATA", ""),
    ("PPID_FEED_ATOM", "../ppid.atom.xml"),
    ("KPU_SERVICE_REGISTER_PATH", "../register"),
    ("KPU_NATIONAL_DIK", {"keputusan": "Keputusan KPU Nomor 1 Tahun 2025"}),
    ("KPU_NATIONAL_DIK", {"keputusan": "K", "tanggal": "2025-07-01", "kecuali": "nik-kk-pemilih"}),
    ("KPU_NATIONAL_DIK", {"keputusan": "K", "tanggal": "2025-07-01", "nomor": "1"}),
    ("KPU_NATIONAL_DIK", True),
    ("KPU_READINESS_URL", "/ppid/kesiapan"),
    ("KPU_COMMISSIONERS_PAGE", "../profil"),
    ("KPU_READINESS_TODAY", "1 Juni 2026"),
    ("KPU_READINESS_FRESHNESS", {"kinerja": {"bulan": 12, "dasar": "x"}}),
    ("KPU_READINESS_FRESHNESS", {"*": {"bulan": 0, "dasar": "x"}}),
    ("KPU_READINESS_PAGES", [{"url": "ppid/regulasi/"}]),
    ("KPU_READINESS_WEIGHTS", {"komitmen": {"bobot": 10, "indikator": "x", "dasar": "y"}}),
    ("KPU_GALLERY_PATH", "/galeri"),
    ("KPU_GALLERY_URL", "galeri"),
    ("KPU_GALLERY_PER_PAGE", 0),
    ("KPU_GALLERY_HOME_COUNT", 13),
    ("KPU_GALLERY_THUMB_SIZES", ()),
    ("KPU_STAGES_PATH", "../tahapan"),
    ("KPU_STAGES_URL", "tahapan"),
    ("KPU_STAGES_TODAY", "27-11-2024"),
    ("KPU_SERVICE_REPORT_URL", "ppid/laporan-layanan/"),
    ("KPU_SERVICE_DEADLINE", {"hari": 10, "perpanjangan": 7}),
    ("KPU_SERVICE_DEADLINE", {"hari": 0, "perpanjangan": 7, "dasar": "UU 14/2008"}),
    ("KPU_SERVICE_ELECTION_DEADLINE", {"hari": "3", "perpanjangan": 2, "dasar": "x"}),
    (
        "KPU_SERVICE_ELECTION_PERIODS",
        [{"mulai": "2025-05-31", "selesai": "2025-05-01", "nama": "x"}],
    ),
    (
        "KPU_SERVICE_ELECTION_PERIODS",
        [{"mulai": "31-05-2025", "selesai": "2025-06-01", "nama": "x"}],
    ),
    ("KPU_SERVICE_DIP_FIELDS", {"Judul": "Laporan"}),
    ("KPU_SERVICE_DIP_FIELDS", {"Retensi": ""}),
    ("KPU_ADMIN_URL", "/admin/"),
    ("KPU_ADMIN_REPO", "kpu temanggung"),
    ("KPU_ADMIN_REPO", "pemilik/situs/lain"),
    ("KPU_ADMIN_BRANCH", ""),
    ("KPU_ADMIN_OAUTH_URL", "http://oauth.example"),
    ("KPU_ADMIN_LOCAL_BACKEND", 8081),
    ("KPU_ADMIN_LOCAL_BACKEND", "localhost:8081"),
    ("KPU_ADMIN_BUNDLE", None),
]


@pytest.mark.parametrize(("key", "value"), BAD, ids=[f"{k}={v!r}" for k, v in BAD])
def test_a_bad_value_is_named_with_its_file_key_value_and_rule(key, value):
    plugin, setting = OWNER[key], BY_KEY[key]
    settings = make_settings(**{key: value})
    with pytest.raises(SettingsError) as error:
        apply_schema(settings, SCHEMAS[plugin], plugin)
    message = str(error.value)
    assert message.startswith(f"Pengaturan di pelicanconf.py belum benar ({plugin}):\n")
    line = f"- pelicanconf.py: {key} = {shown(value)} tidak sah. Yang diizinkan: {setting.allowed}."
    assert message.splitlines()[1:] == [line]


def test_every_setting_of_every_schema_has_a_bad_value_in_the_table():
    assert set(BY_KEY) - {key for key, _value in BAD} == set()


def test_no_two_plugins_own_the_same_setting():
    keys = [setting.key for schema in SCHEMAS.values() for setting in schema]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("plugin", WITH_SCHEMA)
def test_defaults_and_both_settings_files_pass(plugin):
    assert schema_problems({}, SCHEMAS[plugin]) == []
    assert schema_problems(make_settings(), SCHEMAS[plugin]) == []
    assert schema_problems(make_settings(PUBLISH_CONF), SCHEMAS[plugin]) == []


def test_every_plugin_in_pelicanconf_that_reads_settings_has_a_schema():
    plugins = make_settings()["PLUGINS"]
    # kpu_office checks KPU_OFFICE itself; the rest read no setting of their own (kpu_output
    # reads only Pelican's own OUTPUT_PATH, DELETE_OUTPUT_DIRECTORY and OUTPUT_RETENTION).
    without = {"kpu_output", "kpu_office", "kpu_dates", "kpu_assets", "kpu_verify", "kpu_gate"}
    assert set(plugins) - without == set(WITH_SCHEMA)


def test_defaults_are_set_as_copies():
    settings = {}
    apply_schema(settings, SCHEMAS["kpu_content"], "kpu_content")
    settings["KPU_CONTENT_TYPES"]["baru"] = "Baru"
    assert "baru" not in BY_KEY["KPU_CONTENT_TYPES"].default
    assert settings["HOME_LATEST_COUNT"] == 7


def test_a_site_value_is_kept():
    settings = {"KPU_REPORT_MONTHS": 6}
    apply_schema(settings, SCHEMAS["kpu_report"], "kpu_report")
    assert settings == {"KPU_REPORT_MONTHS": 6, "KPU_REPORT_URL": "laporan/publikasi/"}


def test_every_mistake_of_a_plugin_is_listed_at_once():
    settings = make_settings(KPU_IMAGE_JPEG_QUALITY=0, KPU_IMAGE_WEBP_QUALITY=101)
    with pytest.raises(SettingsError) as error:
        apply_schema(settings, SCHEMAS["kpu_images"], "kpu_images")
    lines = str(error.value).splitlines()
    assert len(lines) == 3
    assert "KPU_IMAGE_JPEG_QUALITY = 0" in lines[1] and "KPU_IMAGE_WEBP_QUALITY = 101" in lines[2]


def test_the_first_plugin_that_stops_lists_the_later_plugins_mistakes_too():
    settings = make_settings(KPU_IMAGE_WIDTHS=(), KPU_REPORT_MONTHS=0, KPU_SEARCH="ya")
    with pytest.raises(SettingsError) as error:
        apply_schema(settings, SCHEMAS["kpu_images"], "kpu_images")
    message = str(error.value)
    assert message.startswith(
        "Pengaturan di pelicanconf.py belum benar (kpu_images, kpu_report, kpu_search):"
    )
    assert "- pelicanconf.py: KPU_REPORT_MONTHS = 0 tidak sah." in message
    assert "- pelicanconf.py: KPU_SEARCH = 'ya' tidak sah." in message


def test_a_long_value_is_shortened():
    types = {f"jenis-{n}": f"Jenis {n}" for n in range(50)}
    types["Salah"] = "Salah"
    settings = make_settings(KPU_CONTENT_TYPES=types)
    with pytest.raises(SettingsError) as error:
        apply_schema(settings, SCHEMAS["kpu_content"], "kpu_content")
    line = str(error.value).splitlines()[1]
    assert len(shown(types)) == 80 and shown(types).endswith("…")
    assert f"KPU_CONTENT_TYPES = {shown(types)} tidak sah." in line
    assert shown(types).startswith("{'jenis-0': 'Jenis 0', 'jenis-1'")


def test_office_mistakes_name_pelicanconf_and_the_other_plugins_mistakes():
    settings = make_settings(KPU_REPORT_MONTHS=0)
    settings["KPU_OFFICE"] = {**settings["KPU_OFFICE"], "timezone": "WIBB"}
    with pytest.raises(OfficeConfigError) as error:
        apply_office_settings(SimpleNamespace(settings=settings))
    message = str(error.value)
    assert isinstance(error.value, SettingsError)
    assert message.startswith("Pengaturan di pelicanconf.py belum benar (kpu_office, kpu_report):")
    assert '- pelicanconf.py: KPU_OFFICE["timezone"] = "WIBB" tidak dikenal' in message
    assert "- pelicanconf.py: KPU_REPORT_MONTHS = 0 tidak sah." in message


def test_ppid_rules_between_settings_name_pelicanconf():
    classes = {"berkala": "Informasi Berkala"}
    settings = make_settings(PPID_CLASSES=classes)
    with pytest.raises(PpidSettingsError) as error:
        apply_ppid_settings(SimpleNamespace(settings=settings))
    message = str(error.value)
    assert message.startswith("Pengaturan di pelicanconf.py belum benar (kpu_ppid):")
    assert '- pelicanconf.py: PPID_CLASSES wajib memuat klasifikasi "dikecualikan".' in message
    assert 'PPID_GROUPS memuat klasifikasi "serta-merta" yang tidak ada di PPID_CLASSES' in message


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (relative_folder, "images"),
        (relative_folder, "cache/kpu_images"),
        (url_folder, "laporan/publikasi/"),
        (url_pattern, "divisi/{slug}/"),
        (file_pattern, "feeds/divisi/{slug}.atom.xml"),
        (optional(file_pattern), None),
        (site_link, ""),
        (site_link, "feeds/semua.opml"),
        (links(), []),
        (links(with_sections=True), [{"label": "Beranda", "url": "", "sections": [""]}]),
    ],
)
def test_good_values_pass_their_check(check, value):
    assert check(value)
