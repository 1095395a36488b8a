import pytest
from lxml import etree

from kpu_gate.svg import MAX_BYTES, vet_svg

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XHTML = "http://www.w3.org/1999/xhtml"
NS = f'xmlns="{SVG}" xmlns:xlink="{XLINK}"'


def svg(body, attrs=""):
    return f'<svg {NS} viewBox="0 0 10 10"{attrs}>{body}</svg>'


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">' for i in range(1, 10))
    + f"]><svg {NS}><text>&lol9;</text></svg>"
)

# (id, document, a text one of the problems must quote)
HOSTILE = [
    ("script", svg("<script>alert(1)</script>"), "<script>"),
    ("script-upper", svg("<SCRIPT>alert(1)</SCRIPT>"), "<SCRIPT>"),
    (
        "script-prefixed",
        f'<s:svg xmlns:s="{SVG}"><s:script>alert(1)</s:script></s:svg>',
        "s:script",
    ),
    ("script-in-metadata", svg("<metadata><script>alert(1)</script></metadata>"), "<script>"),
    ("onload", svg("<rect/>", ' onload="alert(1)"'), 'onload="alert(1)"'),
    ("OnLoad", svg('<rect OnLoad="alert(1)"/>'), "OnLoad"),
    ("on-namespaced", svg('<rect xmlns:x="urn:x" x:onclick="alert(1)"/>'), "x:onclick"),
    (
        "on-on-inkscape-element",
        svg(
            '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/'
            'sodipodi-0.dtd" onmouseover="alert(1)"/>'
        ),
        "onmouseover",
    ),
    ("xlink-javascript", svg('<a xlink:href="javascript:alert(1)"><rect/></a>'), "tautan skrip"),
    ("javascript-tab", svg('<a href="java&#9;script:alert(1)"><rect/></a>'), "tautan skrip"),
    ("javascript-spaced", svg('<a href="&#10; JavaScript:alert(1)"><rect/></a>'), "tautan skrip"),
    ("use-other-file", svg('<use href="other.svg#x"/>'), "other.svg#x"),
    ("use-host-relative", svg('<use href="//evil.example/s.svg#a"/>'), "//evil.example"),
    ("image-https", svg('<image href="https://evil.example/x.png"/>'), "https://evil.example"),
    ("image-file", svg('<image xlink:href="file:///C:/Users/budi/foto.jpg"/>'), "alamat luar"),
    (
        "image-data-svg",
        svg('<image href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/>'),
        "data:image/svg+xml",
    ),
    ("image-data-png", svg('<image xlink:href="data:image/png;base64,iVBORw0K"/>'), "GPS"),
    ("href-empty", svg('<use href=""/>'), 'href=""'),
    ("link-out", svg('<a href="https://kpu.go.id/"><rect/></a>'), "https://kpu.go.id/"),
    (
        "foreignObject",
        svg(
            f'<foreignObject><body xmlns="{XHTML}"><script>alert(1)</script></body></foreignObject>'
        ),
        "<foreignObject>",
    ),
    (
        "html-script",
        svg(f'<html:script xmlns:html="{XHTML}">alert(1)</html:script>'),
        "html:script",
    ),
    ("xhtml-iframe", svg(f'<iframe xmlns="{XHTML}" src="https://x/"/>'), "<iframe>"),
    ("embed", svg('<embed src="x.swf"/>'), "<embed>"),
    ("object", svg('<object data="x.html"/>'), "<object>"),
    ("handler", svg('<handler type="application/ecmascript">alert(1)</handler>'), "<handler>"),
    ("listener", svg('<listener event="click" handler="#h"/>'), "<listener>"),
    ("unknown-namespace", svg('<x:thing xmlns:x="urn:x"/>'), "<x:thing>"),
    ("no-namespace-child", svg('<g xmlns=""><rect/></g>'), "namespace kosong"),
    (
        "set-href",
        svg('<a href="#a"><set attributeName="href" to="javascript:alert(1)"/><rect/></a>'),
        'attributeName="href"',
    ),
    ("set-xlink-href", svg('<a><set attributeName="xlink:href" to="#b"/></a>'), "xlink:href"),
    ("animate-on", svg('<rect><animate attributeName="onclick" to="x"/></rect>'), "onclick"),
    (
        "animate-values-scheme",
        svg('<rect><animate attributeName="fill" values="red;data:text/html,x"/></rect>'),
        "data:text/html",
    ),
    ("style-import", svg("<style>@import url(https://x/s.css);</style>"), "@import"),
    ("style-import-string", svg('<style>@IMPORT "s.css";</style>'), "@import"),
    ("style-import-escaped", svg('<style>@\\69mport "s.css";</style>'), "@import"),
    ("style-url", svg("<style>rect{fill:url(https://x/#a)}</style>"), "url(https://x/#a)"),
    ("style-url-escaped", svg("<style>rect{fill:\\75rl(https://x/#a)}</style>"), "https://x/#a"),
    (
        "style-url-in-cdata",
        svg('<style><![CDATA[rect > a{background:url("//x/a.png")}]]></style>'),
        "//x/a.png",
    ),
    (
        "style-comment-string-trick",
        svg("<style>a{content:'/*'} rect{fill:url(https://x/#a)} b{content:'*/'}</style>"),
        "https://x/#a",
    ),
    (
        "style-font-data",
        svg("<style>@font-face{src:url(data:font/woff2;base64,AA)}</style>"),
        "data:",
    ),
    ("style-image-set", svg('<style>a{background:image-set("x.png" 1x)}</style>'), "image-set("),
    ("style-attr-url", svg('<rect style="fill:url(https://x/#a)"/>'), "url(https://x/#a)"),
    ("fill-attr-url", svg('<rect fill="url(https://x/#a)"/>'), "url(https://x/#a)"),
    ("filter-other-file", svg('<rect filter="url(other.svg#f)"/>'), "other.svg#f"),
    ("style-expression", svg('<rect style="width:expression(alert(1))"/>'), "expression("),
    ("style-javascript", svg("<style>a{x:java\\73 cript:alert(1)}</style>"), "javascript:"),
    ("style-moz-binding", svg('<rect style="-moz-binding:url(#x)"/>'), "-moz-binding"),
    ("style-behavior", svg('<rect style="behavior : url(#x)"/>'), "behavior:"),
    (
        "xml-stylesheet",
        '<?xml-stylesheet href="https://x/s.css"?>' + svg("<rect/>"),
        "xml-stylesheet",
    ),
    ("pi-inside", svg("<?foo bar?><rect/>"), "<?foo bar?>"),
    ("xml-base", svg('<g xml:base="https://x/"><use href="#a"/></g>'), "xml:base"),
    ("src", svg('<image src="x.png"/>'), 'src="x.png"'),
    ("formaction", svg('<a formaction="https://x/"/>'), "formaction"),
    (
        "xxe",
        f'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f"<svg {NS}><text>&xxe;</text></svg>",
        "DOCTYPE",
    ),
    (
        "xxe-parameter",
        f'<!DOCTYPE svg [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><svg {NS}/>',
        "DOCTYPE",
    ),
    (
        "xxe-external-dtd",
        f'<!DOCTYPE svg SYSTEM "file:///etc/passwd"><svg {NS}><text>&passwd;</text></svg>',
        "&passwd;",
    ),
    ("billion-laughs", LAUGHS, "DOCTYPE"),
    (
        "attlist-default-onload",
        f'<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]><svg {NS}/>',
        "DOCTYPE",
    ),
    (
        "doctype-behind-comment",
        f'<!-- <!DOCTYPE svg> --><!DOCTYPE svg [<!ENTITY a "b">]><svg {NS}/>',
        "DOCTYPE",
    ),
    (
        "entities-in-utf32",
        (
            "<?xml version='1.0' encoding='utf-32'?><!DOCTYPE svg [<!ENTITY a 'b'>]>"
            f"<svg {NS}><text>&a;</text></svg>"
        ).encode("utf-32"),
        "DOCTYPE",
    ),
    ("not-xml", svg("<rect>"), "bukan XML"),
    ("empty", b"", "bukan XML"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bukan XML"),
    ("too-deep", svg("<g>" * 300 + "</g>" * 300), "bukan XML"),
    ("root-html", f'<html xmlns="{XHTML}"><body/></html>', "<html>"),
    ("root-svg-without-namespace", "<svg><rect/></svg>", f'xmlns="{SVG}"'),
    ("too-large", svg("<desc>" + "x" * MAX_BYTES + "</desc>"), "lebih dari 2 MB"),
]


@pytest.mark.parametrize(
    "document, quoted", [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE]
)
def test_hostile_svg_is_refused_and_nothing_is_published(document, quoted):
    data = document if isinstance(document, bytes) else document.encode()
    published, problems = vet_svg(data)
    assert published == b""
    assert problems
    assert any(quoted in problem for problem in problems), problems


@pytest.mark.parametrize("case", ["xxe", "xxe-parameter", "xxe-external-dtd"])
def test_external_entities_are_never_read(case):
    document = dict((name, doc) for name, doc, _ in HOSTILE)[case]
    published, problems = vet_svg(document.encode())
    assert problems
    assert "root:" not in published.decode() + "".join(problems)


def test_script_message_says_what_to_do():
    assert vet_svg(svg("<script>alert(1)</script>").encode())[1] == [
        "SVG berisi <script>; skrip tidak boleh ada di gambar. Ekspor ulang gambarnya tanpa "
        'skrip, misalnya sebagai "Plain SVG" di Inkscape.'
    ]


def test_every_offending_thing_is_reported():
    document = svg('<script>a()</script><rect onclick="b()"/><use href="x.svg#a"/><script/>')
    problems = vet_svg(document.encode())[1]
    assert len(problems) == 4
    assert sum("<script>" in problem for problem in problems) == 2


def test_html_inside_foreign_object_is_reported_once_per_dangerous_thing():
    document = svg(f'<foreignObject><div xmlns="{XHTML}"><p>a</p><p>b</p></div></foreignObject>')
    assert len(vet_svg(document.encode())[1]) == 1


LOGO = svg(
    '<title>Logo KPU</title><defs><linearGradient id="g" x1="0" x2="1">'
    '<stop offset="0" stop-color="#a50f1a"/><stop offset="1" stop-color="#1d4f91"/>'
    '</linearGradient><path id="a" d="M0 0h5v5z"/></defs>'
    "<style>.c{fill:url( '#g' )} rect > .d{stroke:url(#g)}</style>"
    '<rect width="10" height="10" fill="url(#g)"/><use href="#a" x="2"/>'
    '<use xlink:href="#a" x="4" class="c"/><a href=" #a"><circle cx="5" cy="5" r="1"/></a>'
    '<text x="1" y="9">KPU</text>'
)
INKSCAPE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    "<!-- Created with Inkscape (http://www.inkscape.org/) -->\n"
    f'<svg xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#"'
    ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
    f' xmlns:svg="{SVG}" xmlns="{SVG}" xmlns:xlink="{XLINK}"'
    ' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'
    ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
    ' width="210mm" height="297mm" viewBox="0 0 210 297" version="1.1" id="svg8"'
    ' inkscape:version="1.0 (4035a4fb49, 2020-05-01)" sodipodi:docname="C:\\Users\\budi\\logo.svg"'
    ' inkscape:export-filename="C:\\Users\\budi\\Desktop\\logo.png" inkscape:export-xdpi="96">\n'
    '  <defs id="defs2">\n'
    '    <linearGradient inkscape:collect="always" id="g">\n'
    '      <stop style="stop-color:#a50f1a;stop-opacity:1" offset="0" id="stop1"/>\n'
    "    </linearGradient>\n"
    '    <inkscape:perspective sodipodi:type="inkscape:persp3d" id="p3d"/>\n'
    "  </defs>\n"
    '  <sodipodi:namedview id="base" pagecolor="#ffffff" inkscape:zoom="0.35">\n'
    '    <inkscape:grid type="xygrid" id="grid1"/>\n'
    "  </sodipodi:namedview>\n"
    '  <metadata id="metadata5">\n'
    '    <rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format>'
    '<dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/>'
    "<dc:creator><cc:Agent><dc:title>Budi Santoso</dc:title></cc:Agent></dc:creator>"
    '<cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/>'
    "</cc:Work></rdf:RDF>\n"
    "  </metadata>\n"
    '  <g inkscape:label="Layer 1 (Budi)" inkscape:groupmode="layer" id="layer1">\n'
    "    <!-- logo lama di C:\\Users\\budi\\arsip -->\n"
    '    <path style="fill:url(#g);stroke:none" d="M 10,10 H 200 V 100 Z" id="path1"'
    ' sodipodi:nodetypes="cccc" inkscape:connector-curvature="0"/>\n'
    '    <ellipse cx="105" cy="150" rx="40" ry="20" sodipodi:type="arc" sodipodi:cx="105"/>\n'
    '    <text x="20" y="250" xml:space="preserve">KPU <!-- sementara --> Kabupaten'
    "<tspan>Sleman</tspan><!-- cek lagi --> 2024</text>\n"
    "  </g>\n"
    "</svg>\n"
)
ILLUSTRATOR = (
    "\ufeff<?xml version='1.0' encoding='utf-8'?>\n"
    "<!-- Generator: Adobe Illustrator 24.0.0, SVG Export Plug-In -->\n"
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"'
    ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    f'<svg version="1.1" {NS} x="0px" y="0px" viewBox="0 0 50 50" xml:space="preserve">'
    '<polygon points="0,0 50,0 25,50" fill="#A50F1A"/><text>Pemilu é</text></svg>'
)
CLEAN = [("logo", LOGO), ("inkscape", INKSCAPE), ("illustrator", ILLUSTRATOR)]


def drawing(data):
    """Return every SVG element outside <metadata> with its SVG attributes and own text."""
    root = etree.fromstring(data)
    items = []
    for element in root.iter(f"{{{SVG}}}*"):
        if any(True for _ in element.iterancestors(f"{{{SVG}}}metadata")):
            continue
        if element.tag == f"{{{SVG}}}metadata":
            continue
        attributes = tuple(
            sorted(
                (key, value)
                for key, value in element.attrib.items()
                if etree.QName(key).namespace
                in (None, XLINK, "http://www.w3.org/XML/1998/namespace")
            )
        )
        text = (element.text or "") + "".join(child.tail or "" for child in element)
        items.append((element.tag, attributes, " ".join(text.split())))
    return sorted(items)


@pytest.mark.parametrize("document", [case[1] for case in CLEAN], ids=[c[0] for c in CLEAN])
def test_clean_svg_passes_with_its_drawing_unchanged(document):
    published, problems = vet_svg(document.encode())
    assert problems == []
    before, after = drawing(document.encode()), drawing(published)
    assert before == after
    assert len(after) >= 3


@pytest.mark.parametrize("document", [case[1] for case in CLEAN], ids=[c[0] for c in CLEAN])
def test_clean_svg_round_trips_deterministically(document):
    published = vet_svg(document.encode())[0]
    assert vet_svg(document.encode())[0] == published
    assert vet_svg(published) == (published, [])


@pytest.mark.parametrize(
    "private",
    ["Budi", "sodipodi", "inkscape:", "C:\\Users", "<!--", "rdf:", "dc:", "cc:", "metadata"],
)
def test_inkscape_export_loses_its_private_metadata(private):
    assert private in INKSCAPE
    assert private not in vet_svg(INKSCAPE.encode())[0].decode()


def test_inkscape_export_keeps_paths_gradients_and_text():
    published = vet_svg(INKSCAPE.encode())[0].decode()
    for kept in ['d="M 10,10 H 200 V 100 Z"', '<linearGradient id="g">', "fill:url(#g)"]:
        assert kept in published
    text = etree.fromstring(published.encode()).find(f".//{{{SVG}}}text")
    assert "".join(text.itertext()) == "KPU  KabupatenSleman 2024"


def test_declaration_kept_only_when_the_source_has_one():
    assert vet_svg(INKSCAPE.encode())[0].startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert vet_svg(LOGO.encode())[0].startswith(b"<svg ")


def test_external_doctype_and_comments_are_dropped():
    published = vet_svg(ILLUSTRATOR.encode())[0]
    assert b"DOCTYPE" not in published and b"Generator" not in published
    assert "Pemilu é".encode() in published


def test_clean_logo_with_one_event_handler_is_refused():
    published, problems = vet_svg(LOGO.replace("<rect ", '<rect onclick="x()" ').encode())
    assert published == b""
    assert len(problems) == 1 and "onclick" in problems[0]
