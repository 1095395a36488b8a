"""The output check's last line of defence: nothing on a finished page may run."""

import pytest

from kpu_verify.active import active_content

PAGE = "<!doctype html><html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ("", '<a href="java&#9;script:x">k</a>', 'alamat "java\tscript:x" pada <a href>'),
        ("", "<p OnClick=x>k</p>", 'atribut "onclick" pada <p>'),
        ("", '<svg><a xlink:href="javascript:x">k</a></svg>', "<a xlink:href>"),
        ("", '<form><button formaction="javascript:x">k</button></form>', "formaction"),
        ("<script>alert(1)</script>", "", "<script> di dalam halaman"),
        ('<script src="https://cdn.example/a.js"></script>', "", "dari situs lain"),
        ("", '<iframe src="https://www.youtube.com/embed/abc"></iframe>', "<iframe"),
        ("", '<object data="x.swf"></object>', "<object>"),
        ('<base href="https://evil.example/">', "", "<base>"),
        ('<meta http-equiv="Refresh" content="0;url=https://x">', "", "refresh"),
        ("", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', ""),
    ],
)
def test_anything_that_could_run_is_found(head, body, expected):
    found = active_content(PAGE.format(head=head, body=body), "kab.kpu.go.id")
    assert found and all(isinstance(line, int) for line, _what in found)
    assert any(expected in what for _line, what in found), found


def test_the_sites_own_scripts_data_and_embeds_pass():
    head = (
        '<script type="application/ld+json">{"@type": "Organization"}</script>'
        '<script src="/theme/js/share.js" defer></script>'
        '<script src="https://kab.kpu.go.id/theme/js/search.js"></script>'
    )
    body = (
        '<a href="https://www.kpu.go.id">KPU</a> <a href="mailto:a@b.c">m</a> '
        "<noscript><p>Pencarian perlu JavaScript.</p></noscript>"
        '<form action="/cari/"><input name="q"></form>'
    )
    assert active_content(PAGE.format(head=head, body=body), "kab.kpu.go.id") == ()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<iframe srcdoc="&lt;script&gt;x&lt;/script&gt;"></iframe>', '"srcdoc"'),
        # A player in the page contacts YouTube before play: videos must stay facades.
        ('<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>', "<iframe src="),
        ('<img src="https://evil.example/t.gif" alt="">', 'memuat "https://evil.example/t.gif"'),
        ('<img srcset="/a.jpg 1x, https://evil.example/b.jpg 2x" alt="">', "evil.example/b.jpg"),
        ('<form action="https://evil.example/kumpul"><input name="nik"></form>', "<form> memuat"),
        ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link> memuat"),
        ('<div style="background:url(https://evil.example/h.png)">x</div>', "atribut style"),
        ('<table background="https://evil.example/bg.png"><tr><td>x</td></tr></table>', "<table>"),
    ],
)
def test_anything_loaded_from_another_site_is_found(body, expected):
    found = active_content(PAGE.format(head="", body=body), "kab.kpu.go.id")
    assert any(expected in what for _line, what in found), found
