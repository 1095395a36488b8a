"""The pull-request summary of `invoke check`: escaping, reading reports, grouping, capping."""

import html

import pytest
from markdown_it import MarkdownIt

from kpu_check.summary import (
    ADDED,
    ALTERED,
    REMOVED,
    PageChanges,
    capped,
    code_span,
    escape_text,
    group_pages,
    page_url,
    parse_name_status,
    render_summary,
    report_items,
)

SITE = "https://kab-contoh.kpu.go.id"
# GitHub renders job summaries as GitHub-flavoured Markdown: a CommonMark parser with tables.
MARKDOWN = MarkdownIt("commonmark").enable("table")

TRICKY = [
    "kolom `Title` berisi ``dua`` backtick",
    "`diawali dan diakhiri backtick`",
    "pipa | di | tengah",
    '<script>alert("x")</script> &amp; <img src=x onerror=alert(1)>',
    "*tebal* _miring_ [tautan](javascript:alert(1)) # judul",
    "baris\npertama\r\nkedua",
    "\\ garis miring terbalik \\`",
]


@pytest.mark.parametrize("text", TRICKY)
def test_a_code_span_shows_the_text_exactly_and_nothing_else(text):
    rendered = MARKDOWN.renderInline(code_span(text))
    flat = " ".join(text.split())
    assert rendered == f"<code>{html.escape(flat, quote=True)}</code>"


@pytest.mark.parametrize("text", TRICKY)
def test_escaped_text_renders_as_the_same_plain_text(text):
    rendered = MARKDOWN.renderInline(escape_text(text))
    assert "<" not in rendered.replace("&lt;", "")  # no element of any kind
    assert html.unescape(rendered) == " ".join(text.split())


def test_a_problem_with_a_pipe_stays_in_its_list_item_inside_a_table_free_summary():
    summary = render_summary(False, "Ada 1 kesalahan", ["content/a.md:3: a | b | c"])
    rendered = MARKDOWN.render(summary)
    assert "<table" not in rendered
    assert "<li><code>content/a.md:3: a | b | c</code></li>" in rendered


@pytest.mark.parametrize(
    "message, heading, items",
    [
        (
            "Ada 2 kesalahan di konten; perbaiki lalu bangun ulang situs:\n"
            'content/berita/a.md:4: kolom "Divisi": nilai "x" tidak dikenal.\n'
            'content/ppid/b.md:1: kolom "Judul" wajib diisi.',
            "Ada 2 kesalahan di konten; perbaiki lalu bangun ulang situs:",
            [
                'content/berita/a.md:4: kolom "Divisi": nilai "x" tidak dikenal.',
                'content/ppid/b.md:1: kolom "Judul" wajib diisi.',
            ],
        ),
        (
            "Build terbit berhenti karena Pelican memberi peringatan:\n- satu\n- dua",
            "Build terbit berhenti karena Pelican memberi peringatan:",
            ["satu", "dua"],
        ),
        ("\nSatu kalimat saja.\n\n", "Satu kalimat saja.", []),
        ("", "", []),
    ],
)
def test_a_failed_builds_message_splits_into_heading_and_one_problem_per_line(
    message, heading, items
):
    assert report_items(message) == (heading, items)


def test_git_name_status_lines_become_added_altered_removed():
    lines = [
        "A\tcontent/berita/baru.md",
        "M\tcontent/berita/lama.md",
        "D\tcontent/ppid/hapus.md",
        "T\tcontent/images/foto.jpg",
        "C75\tcontent/a.md\tcontent/b.md",
        "",
        "bukan baris git",
    ]
    assert parse_name_status(lines) == [
        (ADDED, "content/berita/baru.md"),
        (ALTERED, "content/berita/lama.md"),
        (REMOVED, "content/ppid/hapus.md"),
        (ALTERED, "content/images/foto.jpg"),
        (ADDED, "content/b.md"),
    ]


@pytest.mark.parametrize(
    "page, url",
    [
        ("berita/2024/uji/index.html", f"{SITE}/berita/2024/uji/"),
        ("index.html", f"{SITE}/"),
        ("ppid/daftar-informasi-publik.csv", f"{SITE}/ppid/daftar-informasi-publik.csv"),
        ("profil/index.html.bak", f"{SITE}/profil/index.html.bak"),
    ],
)
def test_an_output_page_has_the_address_its_folder_gives(page, url):
    assert page_url(SITE + "/", page) == url


def test_changed_sources_map_to_the_pages_built_from_them():
    sources = {
        "berita/2026/baru/index.html": "content/berita/2026-01-02-baru.md",
        "berita/2024/lama/index.html": "content/berita/2024-01-02-lama.md",
        "profil/index.html": "content/pages/profil.md",
    }
    changes = [
        (ALTERED, "content/berita/2024-01-02-lama.md"),
        (ADDED, "content/berita/2026-01-02-baru.md"),
        (REMOVED, "content/berita/2023-01-01-hapus.md"),
        (ADDED, "content/images/foto.jpg"),
        (ALTERED, "content/berita/2026-03-01-draf.md"),
    ]
    grouped = group_pages(changes, sources, SITE)
    assert grouped.added == [(f"{SITE}/berita/2026/baru/", "content/berita/2026-01-02-baru.md")]
    assert grouped.altered == [(f"{SITE}/berita/2024/lama/", "content/berita/2024-01-02-lama.md")]
    assert grouped.removed == ["content/berita/2023-01-01-hapus.md"]
    assert grouped.other == [
        (ALTERED, "content/berita/2026-03-01-draf.md"),
        (ADDED, "content/images/foto.jpg"),
    ]


@pytest.mark.parametrize("count, shown, rest", [(0, 0, 0), (3, 3, 0), (5, 5, 0), (8, 5, 3)])
def test_long_lists_are_capped_with_a_count_of_the_rest(count, shown, rest):
    first, left = capped(range(count), limit=5)
    assert (len(first), left) == (shown, rest)
    assert first == list(range(shown))


def test_a_capped_summary_says_how_many_more_there_are():
    pages = PageChanges(added=[(f"{SITE}/berita/{n}/", f"content/berita/{n}.md") for n in range(7)])
    summary = render_summary(True, pages=pages, limit=5)
    assert "**Ditambahkan (7)**" in summary
    assert summary.count(f"]({SITE}/berita/") == 5
    assert "- … dan 2 lainnya" in summary


def test_every_problem_is_listed_even_when_page_lists_are_capped():
    problems = [f"content/berita/{n}.md:1: salah" for n in range(250)]
    summary = render_summary(False, "Ada 250 kesalahan", problems, limit=5)
    assert all(f"` {problem} `" in summary for problem in problems)
    assert "lainnya" not in summary


def test_a_passing_summary_has_a_tick_heading_and_linked_pages():
    pages = PageChanges(
        added=[(f"{SITE}/berita/2026/baru/", "content/berita/baru.md")],
        altered=[(f"{SITE}/profil/", "content/pages/profil.md")],
        removed=["content/berita/hapus.md"],
    )
    rendered = MARKDOWN.render(render_summary(True, pages=pages, base="origin/main"))
    assert rendered.startswith("<h2>✅ Pemeriksaan konten berhasil</h2>")
    assert "<h3>Halaman yang berubah</h3>" in rendered
    assert f'<a href="{SITE}/berita/2026/baru/"><code>/berita/2026/baru/</code></a>' in rendered
    assert f'<a href="{SITE}/profil/"><code>/profil/</code></a>' in rendered
    assert "<code>content/berita/hapus.md</code> (berkas dihapus)" in rendered
    assert "<code>origin/main</code>" in rendered


def test_a_failing_summary_lists_every_problem_as_path_line_message():
    problems = ['content/berita/a.md:4: kolom "Divisi": nilai "`x`" tidak dikenal.']
    summary = render_summary(False, "Ada 1 kesalahan di konten:", problems)
    rendered = MARKDOWN.render(summary)
    assert rendered.startswith("<h2>❌ Pemeriksaan konten gagal</h2>")
    assert (
        "<li><code>content/berita/a.md:4: kolom &quot;Divisi&quot;: nilai &quot;`x`&quot; "
        "tidak dikenal.</code></li>"
    ) in rendered


def test_a_page_address_with_markup_characters_stays_one_safe_link():
    url = f"{SITE}/halaman/a)b<c>`d/"
    summary = render_summary(True, pages=PageChanges(added=[(url, "content/pages/x.md")]))
    rendered = MARKDOWN.render(summary)
    assert f'href="{SITE}/halaman/a%29b%3Cc%3E%60d/"' in rendered
    assert "<c>" not in rendered


def test_without_pages_the_changed_files_are_listed():
    changes = [(ADDED, "content/berita/baru.md"), (REMOVED, "content/ppid/lama.md")]
    summary = render_summary(False, "Gagal", pages=None, changes=changes)
    assert "**Berkas yang berubah (2)**" in summary
    assert "- ` content/berita/baru.md ` (ditambahkan)" in summary
    assert "- ` content/ppid/lama.md ` (dihapus)" in summary
