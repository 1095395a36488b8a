"""The markup gate judges HTML the way a browser parses it, and rejects rather than cleans."""

import pytest

from kpu_gate.allowlist import browser_url, url_scheme, youtube_video
from kpu_gate.markup import markup_in_text, rewrite_youtube, vet_html

# (name, fragment, text the first message must contain, text the Problem must point at)
HOSTILE = [
    ("script tag", "<p>a</p><script>alert(1)</script>", 'HTML "<script>"', "<script>"),
    ("script mixed case", "<ScRiPt>alert(1)</ScRiPt>", 'HTML "<ScRiPt>"', "<ScRiPt>"),
    ("event handler", '<p onmouseover="curi()">x</p>', 'atribut "onmouseover" (skrip)', "<p on"),
    ("event handler upper", "<img src=a.jpg alt=a ONERROR=alert(1)>", '"onerror"', "<img"),
    ("javascript link", '<a href="javascript:curi()">k</a>', '"javascript:"', "javascript:"),
    ("javascript tab entity", '<a href="java&#9;script:x">k</a>', '"javascript:"', "java&#9;"),
    ("javascript newline entity", '<a href="jav&#x0A;ascript:x">k</a>', "javascript", "jav&#x0A;"),
    ("javascript raw tab", '<a href="java\tscript:x">k</a>', '"javascript:"', "java\tscript"),
    ("javascript leading space", '<a href="&#32; javascript:x">k</a>', "javascript", "&#32;"),
    ("javascript control char", '<a href="\x01javascript:x">k</a>', "javascript", "javascript"),
    ("javascript colon entity", '<a href="javascript&colon;x">k</a>', "javascript", "&colon;"),
    ("javascript upper", '<a href="JAVASCRIPT:x">k</a>', '"javascript:"', "JAVASCRIPT"),
    ("vbscript", '<a href="vbscript:msgbox(1)">k</a>', '"vbscript:"', "vbscript"),
    ("data url link", '<a href="data:text/html;base64,PHNjcmlwdD4=">k</a>', '"data:"', "data:"),
    ("data url image", '<img src="data:image/svg+xml,&lt;svg onload=x&gt;" alt="a">', "data:", ""),
    ("javascript in cite", '<blockquote cite="javascript:x">k</blockquote>', "javascript", ""),
    ("foreign iframe", '<iframe src="https://peta.example.com/embed"></iframe>', "<iframe", ""),
    (
        "lookalike youtube host",
        '<iframe src="https://www.youtube.com.evil.example/embed/abcdefgh"></iframe>',
        "hanya video YouTube",
        "youtube.com.evil",
    ),
    (
        "backslash host trick",
        '<iframe src="https://evil.example\\@www.youtube.com/embed/abcdefgh"></iframe>',
        "hanya video YouTube",
        "",
    ),
    ("iframe srcdoc", '<iframe srcdoc="&lt;script&gt;x&lt;/script&gt;"></iframe>', "srcdoc", ""),
    ("object", '<object data="x.swf"></object>', 'HTML "<object data="x.swf">"', "<object"),
    ("embed", '<embed src="x.swf">', 'HTML "<embed src="x.swf">"', "<embed"),
    (
        "form",
        '<form action="https://x"><input name="nik"></form>',
        'HTML "<form action="https://x">"',
        "<form",
    ),
    ("style tag", "<style>body{display:none}</style>", 'HTML "<style>"', "<style>"),
    ("style attribute", '<p style="position:fixed;top:0">x</p>', 'atribut "style"', "<p style"),
    (
        "style smuggled in a table cell",
        '<table><tr><td style="text-align:left;background:url(x)">1</td></tr></table>',
        "text-align",
        "background",
    ),
    ("svg", "<svg><script>alert(1)</script></svg>", 'HTML "<svg>"', "<svg>"),
    ("math mxss", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<math>", ""),
    (
        "noscript mxss",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        "<noscript>",
        "",
    ),
    ("base", '<base href="https://evil.example/">', 'HTML "<base href=', "<base"),
    (
        "meta refresh",
        '<meta http-equiv="refresh" content="0;url=https://x">',
        "<meta http-equiv",
        "",
    ),
    ("comment", "<p>a</p><!-- NIK 3323xxxx -->", "komentar HTML", "NIK"),
    ("processing instruction", "<?php echo 1 ?>", "<?php echo 1 ?>", ""),
    ("unknown attribute", '<p align="center">x</p>', 'atribut "align" pada <p>', "<p align"),
    ("xlink on html", '<a xlink:href="javascript:x">k</a>', '"xlink:href"', ""),
    ("ftp link", '<a href="ftp://x.example/a">k</a>', '"ftp:"', "ftp://"),
    ("file link", '<a href="file:///etc/passwd">k</a>', '"file:"', "file://"),
    ("rel opener", '<a href="https://x" target="_blank" rel="opener">k</a>', 'rel "opener"', ""),
]


@pytest.mark.parametrize(
    ("name", "fragment", "message", "needle"), HOSTILE, ids=[c[0] for c in HOSTILE]
)
def test_hostile_markup_is_rejected_and_quoted(name, fragment, message, needle):
    problems = vet_html(fragment)
    assert problems, f"{name} passed the gate"
    assert message in problems[0], problems
    if needle:
        assert needle in (problems[0].needle or ""), (problems[0].needle, problems[0])


CLEAN = [
    "<p>Rapat <strong>pleno</strong> dan <em>rekapitulasi</em>.</p>",
    '<p><a href="https://www.kpu.go.id">KPU</a> <a href="/kontak/">Kontak</a></p>',
    '<p><a href="mailto:humas@kpu.go.id">surel</a> <a href="tel:+62293491000">telepon</a></p>',
    '<p><a href="https://x.example" target="_blank" rel="noopener noreferrer">x</a></p>',
    '<p><a href="{filename}/pages/profil.md">profil</a></p>',
    '<p><a href="#bagian-2">lompat</a></p>',
    '<p>x<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>',
    '<table>\n<thead>\n<tr>\n<th style="text-align: left;">Hari</th>\n</tr>\n</thead>\n'
    '<tbody>\n<tr>\n<td style="text-align: center;">Senin</td>\n</tr>\n</tbody>\n</table>',
    "<details><summary>Selengkapnya</summary><p>isi</p></details>",
    '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=ab" '
    'title="Video" frameborder="0" allow="autoplay; encrypted-media" '
    'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>',
    '<p><img alt="Rapat pleno" src="/images/rapat.jpg"></p>',
    "<p>a &lt;script&gt; b &amp; c&nbsp;d</p>",
    "<p>unclosed <b>bold</p>",
    '<h2 id="faktanya">Faktanya</h2>',
    "",
    "teks biasa tanpa tag",
]


@pytest.mark.parametrize("fragment", CLEAN)
def test_clean_markup_passes(fragment):
    assert vet_html(fragment) == []


@pytest.mark.parametrize(
    ("value", "seen", "scheme"),
    [
        ("java\tscript:alert(1)", "javascript:alert(1)", "javascript"),
        (" \x00\x1fjavascript:x ", "javascript:x", "javascript"),
        ("JaVa\nScRiPt:x", "JaVaScRiPt:x", "javascript"),
        ("https://kpu.go.id", "https://kpu.go.id", "https"),
        ("/kontak/", "/kontak/", ""),
        ("#fn:1", "#fn:1", ""),
        ("java script:x", "java script:x", ""),  # a space: no scheme, a relative address
        ("%6Aavascript:x", "%6Aavascript:x", ""),
    ],
)
def test_urls_are_read_like_the_browsers_url_parser(value, seen, scheme):
    assert browser_url(value) == seen
    assert url_scheme(value) == scheme


@pytest.mark.parametrize(
    ("src", "video"),
    [
        ("https://www.youtube.com/embed/dQw4w9WgXcQ?si=x", "dQw4w9WgXcQ"),
        ("//www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ", None),
        ("https://evil.example/?https://www.youtube.com/embed/dQw4w9WgXcQ", None),
        ("javascript://www.youtube.com/embed/dQw4w9WgXcQ", None),
    ],
)
def test_only_youtube_embed_addresses_name_a_video(src, video):
    assert youtube_video(src) == video


def test_youtube_embeds_are_rewritten_from_the_parsed_tree():
    fragment = (
        '<p>a</p>\n<IFRAME title="Sosialisasi &amp; &quot;pemilih&quot;" '
        'src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=x" allowfullscreen></IFRAME>\n'
        '<iframe src="https://youtu.be/abcdefgh"></iframe>'
    )
    rewritten = rewrite_youtube(fragment)
    # Facades, not players: nothing on the page loads from YouTube until play is pressed.
    assert "<iframe" not in rewritten.lower() and "nocookie" not in rewritten
    assert rewritten.count('data-kpu-video="') == 2
    assert 'data-kpu-video-title="Sosialisasi &amp; &quot;pemilih&quot;"' in rewritten
    assert 'data-kpu-video-title="Video YouTube"' in rewritten and "si=x" not in rewritten
    assert rewritten.startswith("<p>a</p>\n")


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("<b>Humas</b>", "<b>"),
        ('Rapat <a href="x">pleno</a>', '<a href="x">'),
        ("<!-- catatan -->Judul", "<!-- catatan -->"),
        ("Pemilu 2024 <3", None),
        ("a < b dan c > d", None),
        ("AT&amp;T", None),
    ],
)
def test_markup_in_plain_text_fields_is_found(value, tag):
    assert markup_in_text(value) == tag


@pytest.mark.parametrize(
    "fragment",
    [
        '<p><a href="/" title="<img src=/images/a.jpg alt=a><svg onload=x>">k</a></p>',
        '<p><img alt="><svg onload=alert(1)>" src="/images/a.jpg"></p>',
        '<p><img alt="a>b" src="/images/a.jpg"></p>',
    ],
)
def test_image_tags_that_the_image_rewrite_would_cut_open_are_refused(fragment):
    (problem,) = vet_html(fragment)
    assert '"<img" hanya boleh sebagai tag gambar utuh' in problem


def test_an_embed_without_its_closing_tag_is_refused():
    fragment = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"><svg onload=x>'
    (problem,) = vet_html(fragment)
    assert 'tanpa penutup "</iframe>"' in problem
    assert rewrite_youtube(fragment) == fragment  # never rewritten half


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("Judul &lt;img src=x onerror=alert(1)&gt;", "<img src=x onerror=alert(1)>"),
        ("a &lt; b", None),
    ],
)
def test_tags_spelt_with_entities_in_text_fields_are_found(value, tag):
    assert markup_in_text(value) == tag
