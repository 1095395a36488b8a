"""Addresses a page may not take, links to unpublished items, clashes a Slug field causes."""

import datetime

import pytest

from kpu_check.links import Release, candidate_paths, filename_links, unpublished_links
from kpu_check.policy import field_line, reserved_prefixes, reserved_urls, url_prefix
from kpu_messages import AdminFacingError
from tests.conftest import DEV_CONF, PUBLISH_CONF
from tests.site.test_check import _publish, news

WIB = datetime.timezone(datetime.timedelta(hours=7))
NOW = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=WIB)
CONFS = {"dev": DEV_CONF, "publish": PUBLISH_CONF}


def _build(tmp_path, files, conf=PUBLISH_CONF):
    return _publish(tmp_path, {"berita/a.md": news(), **files}, conf)


def _problems(tmp_path, files, conf=PUBLISH_CONF):
    with pytest.raises(AdminFacingError) as error:
        _build(tmp_path, files, conf)
    return str(error.value).splitlines()[1:]


# --- Addresses the kit writes pages of its own at -------------------------------------------

RESERVED = [
    ("pages/cari.md", "/cari/", "pencarian"),
    ("pages/tag.md", "/tag/", "daftar berita per tag"),
    ("pages/divisi.md", "/divisi/", "halaman divisi"),
    ("pages/feeds.md", "/feeds/", "umpan berita"),
    ("pages/laporan/publikasi.md", "/laporan/publikasi/", "laporan publikasi"),
    (
        "pages/ppid/daftar-informasi-publik.md",
        "/ppid/daftar-informasi-publik/",
        "Daftar Informasi Publik",
    ),
    (
        "pages/ppid/informasi-dikecualikan.md",
        "/ppid/informasi-dikecualikan/",
        "daftar informasi yang dikecualikan",
    ),
    ("pages/berita.md", "/berita/", "berita"),
    ("pages/berita/halaman/2.md", "/berita/halaman/2/", "berita"),
    ("pages/kategori.md", "/kategori/", "daftar berita per jenis"),
    ("pages/arsip.md", "/arsip/", "arsip berita"),
    ("pages/arsip/2024.md", "/arsip/2024/", "arsip berita"),
    ("pages/penulis.md", "/penulis/", "daftar berita per penulis"),
    ("pages/draf.md", "/draf/", "pratinjau draf"),
    ("pages/images/x.md", "/images/x/", "gambar"),
    ("pages/sosial.md", "/sosial/", "kartu media sosial"),
    ("pages/pagefind.md", "/pagefind/", "indeks pencarian"),
    ("pages/theme.md", "/theme/", "berkas tampilan situs"),
]


def _reserved_line(source, url, label):
    return (
        f'content/{source}:1: alamat "{url}" dipakai situs untuk halamannya sendiri ({label}); '
        "ganti nama berkas atau folder halaman ini."
    )


@pytest.mark.parametrize(("source", "url", "label"), RESERVED, ids=[r[0] for r in RESERVED])
def test_a_page_at_an_address_of_the_kit_is_named_without_a_traceback(tmp_path, source, url, label):
    problems = _problems(tmp_path, {source: "Title: Halaman\n\nIsi.\n"})
    assert problems == [_reserved_line(source, url, label)]


def test_dev_builds_name_every_such_page_together(tmp_path):
    files = {source: "Title: Halaman\n\nIsi.\n" for source, _url, _label in RESERVED}
    problems = _problems(tmp_path, files, DEV_CONF)
    assert problems == sorted(_reserved_line(*row) for row in RESERVED)


def test_a_draft_page_is_judged_by_the_address_it_will_have(tmp_path):
    problems = _problems(tmp_path, {"pages/cari.md": "Title: Cari\nStatus: draft\n\nIsi.\n"})
    assert problems == [_reserved_line("pages/cari.md", "/cari/", "pencarian")]


def test_pages_beside_or_under_the_kits_addresses_pass(tmp_path):
    files = {
        "pages/ppid/profil-ppid.md": "Title: Profil PPID\n\nIsi.\n",
        "pages/ppid/regulasi.md": "Title: Regulasi\n\nIsi.\n",
        "pages/laporan.md": "Title: Laporan\n\nIsi.\n",
        "pages/beritaku.md": "Title: Beritaku\n\nIsi.\n",
        "pages/profil/arsip.md": "Title: Arsip kantor\n\nIsi.\n",
        "pages/divisi-kami.md": "Title: Divisi kami\n\nIsi.\n",
    }
    out = _build(tmp_path, files)
    for path in ("ppid/profil-ppid", "laporan", "beritaku", "profil/arsip", "divisi-kami"):
        assert (out / path / "index.html").is_file(), path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("tag/{slug}/", "tag/"),
        ("arsip/{date:%Y}/{date:%m}/", "arsip/"),
        ("tag-{slug}/", "tag-"),
        ("cari/", "cari/"),
        ("cari/index.html", "cari/"),
        ("/laporan/publikasi/", "laporan/publikasi/"),
        ("feeds/jenis/{slug}.atom.xml", "feeds/jenis/"),
        ("index.html", ""),
        ("{slug}/", ""),
    ],
)
def test_the_fixed_start_of_an_address_setting(value, expected):
    assert url_prefix(value) == expected


def test_reserved_prefixes_follow_the_settings():
    settings = {
        "CARI_URL": "temukan/",
        "CARI_SAVE_AS": "temukan/index.html",
        "TAG_URL": "label/{slug}/",
        "ARTICLE_URL": "warta/{date:%Y}/{slug}/",
        "DRAFT_URL": "draf/{slug}/",
        "DRAFT_SAVE_AS": "",  # publish builds write no drafts; the address stays the kit's
        "INDEX_SAVE_AS": "index.html",
        "FEED_ALL_ATOM": None,
        "PPID_URL": "ppid/",  # the PPID page is the admin's own (pages/ppid.md)
        "PPID_DIP_URL": "ppid/dip/",
        "KPU_IMAGE_OUTPUT_DIR": "gambar",
    }
    assert sorted(reserved_prefixes(settings)) == [
        ("draf/", "pratinjau draf"),
        ("gambar/", "gambar"),
        ("label/", "daftar berita per tag"),
        ("ppid/dip/", "Daftar Informasi Publik"),
        ("temukan/", "pencarian"),
        ("warta/", "berita"),
    ]


@pytest.mark.parametrize(
    ("url", "reported"),
    [
        ("cari/", True),
        ("cari/lanjut/", True),
        ("carilah/", False),
        ("tag-rapat/", True),
        ("ppid/", False),
        ("ppid/daftar-informasi-publik/2024/", True),
    ],
)
def test_a_page_is_reported_at_or_under_a_reserved_prefix_only(url, reported):
    reserved = [("cari/", "pencarian"), ("tag-", "tag"), ("ppid/daftar-informasi-publik/", "DIP")]
    assert bool(reserved_urls([("pages/x.md", url)], reserved)) is reported


def test_the_most_specific_reserved_address_names_the_page():
    reserved = [("berita/", "berita"), ("berita/halaman/", "daftar berita")]
    [(_source, message)] = reserved_urls([("pages/x.md", "berita/halaman/2/")], reserved)
    assert "(daftar berita)" in message and message.line == 1


# --- Links to drafts and scheduled news -------------------------------------------------------


def _dead(link, where, line, source="berita/a.md"):
    return (
        f'content/{source}:{line}: tautan "{link}" menuju {where}; tautan itu mati di situs terbit '
        "sampai tujuannya terbit. Hapus tautannya, atau terbitkan tujuannya dulu."
    )


def _linking_tree():
    later = datetime.datetime.now(WIB) + datetime.timedelta(days=30)
    body = (
        "Pengantar.\n\nLihat [rapat]({filename}2024-09-01-rapat.md),\n"
        "[jadwal](|filename|/berita/jadwal.md#acara) dan [profil]({filename}/pages/profil.md)."
    )
    files = {
        "berita/2024-09-01-rapat.md": news(title="Rapat", extra="Status: draft\n"),
        "berita/jadwal.md": news(title="Jadwal", date=later.strftime("%Y-%m-%d %H:%M")),
        "berita/a.md": news(body=body),
        # A draft may link to a draft: neither is on the published site.
        "berita/draf-lain.md": news(
            title="Draf lain", extra="Status: draft\n", body="[r]({filename}2024-09-01-rapat.md)"
        ),
        "pages/profil/tersembunyi.md": (
            "Title: Tersembunyi\nStatus: hidden\n\nLihat\n"
            "[rapat]({filename}../../berita/2024-09-01-rapat.md).\n"
        ),
    }
    expected = [
        _dead("{filename}2024-09-01-rapat.md", "draf", 9),
        _dead(
            "|filename|/berita/jadwal.md#acara",
            f"tulisan terjadwal (terbit {later:%Y-%m-%d})",
            10,
        ),
        _dead(
            "{filename}../../berita/2024-09-01-rapat.md",
            "draf",
            5,
            source="pages/profil/tersembunyi.md",
        ),
    ]
    return files, expected


@pytest.mark.parametrize("conf", list(CONFS))
def test_links_to_drafts_and_scheduled_news_are_named_at_their_line_in_every_build(tmp_path, conf):
    files, expected = _linking_tree()
    assert _problems(tmp_path, files, CONFS[conf]) == expected


@pytest.mark.parametrize("conf", list(CONFS))
def test_a_draft_linking_to_a_draft_passes(tmp_path, conf):
    files = {
        "berita/draf-a.md": news(
            title="Draf A", extra="Status: draft\n", body="[b]({filename}draf-b.md)"
        ),
        "berita/draf-b.md": news(title="Draf B", extra="Status: draft\n"),
    }
    assert _build(tmp_path, files, CONFS[conf]).is_dir()


def test_links_are_read_from_the_markup_once_each():
    html = (
        '<p><a href="{filename}a.md">a</a> <a href=" {filename}a.md ">lagi</a> '
        '<img src="|filename|b.md"> <a href="https://kpu.go.id">luar</a></p>'
        "<!-- <a href='{filename}komentar.md'> -->"
    )
    assert filename_links(html) == ["{filename}a.md", "|filename|b.md"]
    assert filename_links("<p>tanpa tautan berkas</p>") == []


@pytest.mark.parametrize(
    ("link", "folder", "expected"),
    [
        ("{filename}a.md", "berita", ["berita/a.md"]),
        ("{filename}../pages/profil.md#visi", "berita", ["pages/profil.md"]),
        ("|filename|/berita/a.md", "pages/profil", ["berita/a.md"]),
        (
            "{filename}rapat%20akbar.md",
            "berita",
            ["berita/rapat%20akbar.md", "berita/rapat akbar.md"],
        ),
    ],
)
def test_a_link_is_looked_up_as_pelican_does(link, folder, expected):
    assert candidate_paths(link, folder) == expected


LATER = NOW + datetime.timedelta(days=10)
RELEASES = {
    "berita/draf.md": Release(draft=True),
    "berita/terjadwal.md": Release(date=LATER),
    "berita/terbit.md": Release(),
    "pages/profil.md": Release(),
}


@pytest.mark.parametrize(
    ("target", "public_from", "expected"),
    [
        ("draf.md", NOW, "menuju draf;"),
        ("terjadwal.md", NOW, f"menuju tulisan terjadwal (terbit {LATER:%Y-%m-%d});"),
        # A scheduled item may link to one due before it.
        ("terjadwal.md", LATER + datetime.timedelta(days=1), None),
        ("terbit.md", NOW, None),
        ("../pages/profil.md", NOW, None),
        ("../images/foto.jpg", NOW, None),
        ("tidak-ada.md", NOW, None),
    ],
)
def test_only_links_to_items_not_yet_public_are_reported(target, public_from, expected):
    html = f'<p><a href="{{filename}}{target}">tautan</a></p>'
    problems = unpublished_links(html, "berita", RELEASES, public_from)
    if expected is None:
        assert problems == []
    else:
        [problem] = problems
        assert expected in problem and problem.needle == f"{{filename}}{target}"


# --- Clashes a Slug field causes ---------------------------------------------------------------


def test_a_clash_from_a_slug_field_points_at_that_field(tmp_path):
    problems = _problems(
        tmp_path, {"berita/sama.md": news(), "berita/b.md": news(extra="Slug: sama\n")}
    )
    assert problems == [
        'content/berita/b.md:6: alamat "/berita/2024/sama/" juga dipakai oleh berita/sama.md. '
        "Ganti nama salah satu berkas.",
        'content/berita/sama.md:1: alamat "/berita/2024/sama/" juga dipakai oleh berita/b.md. '
        "Ganti nama salah satu berkas.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title: A\nSlug: a\n\nIsi.\n", 2),
        ("Title: A\nslug : a\n\nIsi.\n", 2),
        ("Title: A\u2028dari Word\r\nSlug: a\r\n\r\nIsi.\r\n", 2),
        ("Title: A\n\nSlug: di isi, bukan kolom.\n", None),
        ("Title: A\n\nIsi.\n", None),
    ],
)
def test_a_header_field_is_found_in_the_header_only(text, expected):
    assert field_line(text, "Slug") == expected
