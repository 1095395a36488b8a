"""Vet SVG images: refuse anything that runs script or loads a resource, strip editor metadata.

An SVG opened directly is a document of the site's own origin, so a script in it runs with the
site's cookies and storage. Dangerous content is therefore refused, never cleaned silently: the
admin re-exports the file and knows exactly what is published. Private but harmless editor
metadata (author, local file paths) is removed instead, the way EXIF is stripped from photos.
"""

import re

from lxml import etree

MAX_BYTES = 2 * 1024 * 1024
SVG_NS = "http://www.w3.org/2000/svg"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_BASE = f"{{{XML_NS}}}base"
# Licence and editor data: removed from the published copy rather than refused.
METADATA_NS = frozenset(
    {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
        "http://creativecommons.org/ns#",
        "http://web.resource.org/cc/",
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.openswatchbook.org/uri/2009/osb",
    }
)
PLAIN_SVG = 'Ekspor ulang gambarnya sebagai "Plain SVG" di Inkscape.'
THEN_PLAIN_SVG = 'lalu ekspor ulang gambarnya sebagai "Plain SVG" di Inkscape.'
# What each refused element can bring in; compared lowercased, so <SCRIPT> is refused too.
DENIED_ELEMENTS = {
    "script": "skrip",
    "foreignobject": "HTML dan skrip",
    "iframe": "halaman lain",
    "embed": "berkas lain",
    "object": "berkas lain",
    "handler": "skrip",
    "listener": "skrip",
}
ANIMATIONS = frozenset({"set", "animate", "animatemotion", "animatetransform", "animatecolor"})
URL_ATTRIBUTES = frozenset({"src", "action", "formaction"})
# The DOCTYPE head up to where an internal subset ("[") would start; quoted ids may hold "[".
_DOCTYPE_HEAD = re.compile(
    r"<!DOCTYPE\s+[^\s\[>]+(?:\s+(?:SYSTEM|PUBLIC\s+(?:\"[^\"]*\"|'[^']*'))"
    r"\s+(?:\"[^\"]*\"|'[^']*'))?\s*"
)
_PROLOG_MISC = re.compile(r"\s+|<!--.*?-->|<\?.*?\?>", re.S)
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|(\r\n|[\n\r\f])|(.)|\Z)", re.S)
_CSS_IMPORT = re.compile(r"@import[^;]*;?", re.I)
_CSS_URL = re.compile(r"url\(\s*(?:\"([^\"]*)|'([^']*)|([^)]*))", re.I)
# These take a bare string as an address, so they load files without any url(...).
_CSS_URL_FUNCTIONS = re.compile(r"(image-set|image|src)\(", re.I)
_CSS_LEGACY = ("expression(", "javascript:", "vbscript:", "-moz-binding", "behavior:")


def vet_svg(data: bytes) -> tuple[bytes, list[str]]:
    """Return (the bytes to publish, problems); any problem means the file must not be published."""
    if len(data) > MAX_BYTES:
        size = f"{len(data) / 1024 / 1024:.1f}".replace(".", ",")
        return b"", [
            f"SVG lebih dari 2 MB ({size} MB); perkecil gambarnya, misalnya simpan sebagai "
            '"Optimized SVG" di Inkscape atau sederhanakan path-nya (Path > Simplify).'
        ]
    text = _decode_prolog(data)
    doctype = _doctype(text)
    if doctype is not None and doctype[1]:
        # Refused before parsing, so no entity (XXE, billion laughs) is ever looked at.
        return b"", [_doctype_problem(doctype[0])]
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return b"", [
            f"Berkas ini bukan XML yang sah ({error.msg}); buka lalu simpan ulang gambarnya "
            'sebagai "Plain SVG" di Inkscape.'
        ]
    if root.tag != f"{{{SVG_NS}}}svg":
        return b"", [
            f"Elemen akar berkas ini <{_qname(root)}>, bukan <svg> dengan "
            f'xmlns="{SVG_NS}"; berkas ini bukan gambar SVG. {PLAIN_SVG}'
        ]
    problems = []
    if doctype is None and root.getroottree().docinfo.doctype:
        # The parser saw a DOCTYPE the prolog scan could not (an unusual encoding): be strict.
        problems.append(_doctype_problem(root.getroottree().docinfo.doctype))
    for sibling in [*root.itersiblings(preceding=True), *root.itersiblings()]:
        if sibling.tag is etree.PI:
            problems.append(_pi_problem(sibling))
    _walk(root, False, problems)
    if problems:
        return b"", problems
    _strip_private(root)
    declared = re.match(r"<\?xml\s", text) is not None
    return etree.tostring(root, encoding="utf-8", xml_declaration=declared) + b"\n", []


def _decode_prolog(data):
    # Only the ASCII markup of the prolog is read, and latin-1 keeps it intact for UTF-8 too.
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("latin-1")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith((b"<\x00", b"\x00<")):
        return data.decode("utf-16-le" if data[0] else "utf-16-be", errors="replace")
    return data.decode("latin-1")


def _doctype(text):
    # Step over the prolog's comments and PIs one anchored match at a time, so a "<!DOCTYPE"
    # quoted in a comment cannot hide the real one and nothing backtracks over a large file.
    i = 0
    while (misc := _PROLOG_MISC.match(text, i)) is not None:
        i = misc.end()
    if not text.startswith("<!DOCTYPE", i):
        return None
    head = _DOCTYPE_HEAD.match(text, i)
    return text[i : i + 80], head is None or text.startswith("[", head.end())


def _doctype_problem(doctype):
    return (
        f"SVG berisi deklarasi {_show(doctype)} dengan bagian internal (misalnya <!ENTITY>); "
        "deklarasi seperti ini dapat membaca berkas di server atau membengkakkan ukuran berkas. "
        'Ekspor ulang gambarnya tanpa DOCTYPE, misalnya sebagai "Plain SVG" di Inkscape.'
    )


def _pi_problem(pi):
    shown = _show(f"<?{pi.target} {pi.text or ''}?>")
    return (
        f"SVG berisi instruksi {shown}; instruksi seperti "
        "<?xml-stylesheet?> memuat berkas dari luar dan tidak boleh ada di gambar. "
        "Hapus baris itu " + THEN_PLAIN_SVG
    )


def _walk(element, quiet, problems):
    # quiet: inside removed metadata or an already refused element, foreign namespaces are not
    # reported again; dangerous names, attributes and references are reported everywhere.
    refused = _check_element(element, quiet, problems)
    quiet = quiet or refused or _is_private(element)
    for child in element:
        if child.tag is etree.PI:
            problems.append(_pi_problem(child))
        elif child.tag is etree.Entity:
            problems.append(f"SVG berisi entitas {child.text} yang tidak dikenal. {PLAIN_SVG}")
        elif child.tag is not etree.Comment:
            _walk(child, quiet, problems)


def _check_element(element, quiet, problems):
    qname = etree.QName(element)
    local, name = qname.localname.lower(), _qname(element)
    foreign = qname.namespace != SVG_NS and qname.namespace not in METADATA_NS
    if local in DENIED_ELEMENTS:
        problems.append(_element_problem(name, local))
    elif foreign and not quiet:
        problems.append(
            f"SVG berisi elemen <{name}> dari luar SVG (namespace {qname.namespace or 'kosong'}); "
            f"elemen seperti ini dapat membawa HTML atau skrip. {PLAIN_SVG}"
        )
    refused = local in DENIED_ELEMENTS or foreign
    for key, value in element.attrib.items():
        _check_attribute(element, key, value, problems)
    if qname.namespace == SVG_NS and local in ANIMATIONS:
        _check_animation(element, problems)
    if qname.namespace == SVG_NS and local == "style":
        problems.extend(_css_problems("".join(element.itertext()), "<style>", full=True))
    return refused


def _element_problem(name, local):
    if local == "script":
        return (
            f"SVG berisi <{name}>; skrip tidak boleh ada di gambar. Ekspor ulang gambarnya tanpa "
            'skrip, misalnya sebagai "Plain SVG" di Inkscape.'
        )
    return (
        f"SVG berisi <{name}>, yang dapat membawa {DENIED_ELEMENTS[local]} ke dalam gambar; "
        "elemen ini tidak boleh ada. Ekspor ulang gambarnya tanpa elemen itu, misalnya sebagai "
        '"Plain SVG" di Inkscape.'
    )


def _check_attribute(element, key, value, problems):
    local = etree.QName(key).localname.lower()
    what = f'{_attr_name(element, key)}="{_show(value)}" pada <{_qname(element)}>'
    if local.startswith("on"):
        problems.append(
            f"SVG berisi atribut peristiwa {what}; atribut on... menjalankan skrip dan tidak boleh "
            f"ada di gambar. Hapus atributnya {THEN_PLAIN_SVG}"
        )
    elif local == "href":
        problems.extend(filter(None, [_reference_problem(value, what)]))
    elif local in URL_ATTRIBUTES or key == XML_BASE:
        problems.append(
            f"SVG berisi atribut {what} yang merujuk ke alamat lain; atribut ini tidak boleh ada "
            "di gambar. Hapus atributnya."
        )
    else:
        # Presentation attributes such as fill="url(...)" are CSS values, so style="" is not
        # the only place a paint server or filter can be fetched from.
        problems.extend(_css_problems(value, what, full=local == "style"))


def _check_animation(element, problems):
    name = _qname(element)
    target = element.get("attributeName", "").strip()
    target_local = target.rpartition(":")[2].lower()
    if target_local == "href" or target_local.startswith("on"):
        problems.append(
            f'SVG berisi animasi <{name} attributeName="{_show(target)}">, yang dapat mengubah '
            "tautan atau memasang skrip; animasi seperti ini tidak boleh ada di gambar. "
            "Hapus animasinya."
        )
    for attribute in ("values", "from", "to", "by"):
        value = element.get(attribute)
        if value is not None and _SCHEME.search(_squeeze(value)):
            problems.append(
                f'SVG berisi animasi <{name} {attribute}="{_show(value)}"> yang memuat alamat '
                "(seperti javascript: atau https:); hapus animasinya."
            )


def _css_problems(css, where, full):
    # Not a CSS parser: the CSS is only scanned for references. Escapes are decoded first
    # (\75rl( is url(); comments and strings can split a token but never make one, so scanning
    # the whole decoded text finds every real reference, at worst also one inside a comment.
    if "\\" in css:
        css = _CSS_ESCAPE.sub(_css_unescape, css)
    problems = []
    if full:
        for _ in _CSS_IMPORT.finditer(css):
            problems.append(
                f"SVG memuat CSS dari luar lewat @import di {where}; gambar tidak boleh memuat "
                "berkas lain. Salin aturan CSS-nya langsung ke dalam <style> atau hapus @import."
            )
        # The address of an @import is already reported with it; the file is refused anyway.
        css = _CSS_IMPORT.sub(" ", css)
    for match in _CSS_URL.finditer(css):
        target = next(group for group in match.groups() if group is not None)
        problem = _reference_problem(target, f"url({_show(target)}) di {where}")
        if problem:
            problems.append(problem)
    if not full:
        return problems
    for match in _CSS_URL_FUNCTIONS.finditer(css):
        problems.append(
            f"SVG memuat berkas lewat {match.group(0)}...) di {where}; gambar tidak boleh "
            "memuat apa pun dari luar berkasnya. Hapus aturan CSS itu."
        )
    squeezed = _squeeze(css).lower()
    for token in _CSS_LEGACY:
        if token in squeezed:
            problems.append(
                f'SVG berisi CSS "{token}" di {where}, yang dapat menjalankan skrip; '
                "hapus aturan CSS itu."
            )
    return problems


def _css_unescape(match):
    digits, newline, char = match.groups()
    if digits:
        code = int(digits, 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return "" if newline else char or ""


def _reference_problem(value, what):
    # The browser strips outer whitespace and C0 controls and drops tab/CR/LF anywhere, so
    # "java&#9;script:" is javascript: and " #a" is a fragment.
    url = re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(0x21))))
    if url.startswith("#"):
        return None
    scheme = _SCHEME.match(url)
    scheme = scheme.group(1).lower() if scheme else ""
    if scheme in ("javascript", "vbscript"):
        return (
            f"SVG berisi tautan skrip {what}; skrip tidak boleh ada di gambar. Hapus tautannya; "
            "pasang tautan di halaman, bukan di dalam gambar."
        )
    if scheme == "data":
        return (
            f"SVG menyematkan data {what}; data sematan dapat berisi skrip (SVG di dalam SVG) "
            "atau lokasi GPS (EXIF foto). Gambar ulang bagian itu sebagai vektor, atau unggah "
            "fotonya sebagai berkas tersendiri di content/images/ (metadatanya dibersihkan)."
        )
    if scheme or url.startswith(("//", "\\\\")):
        return (
            f"SVG merujuk ke alamat luar {what}; gambar tidak boleh memuat apa pun dari luar "
            "berkasnya. Salin isi yang dirujuk ke dalam SVG ini atau hapus rujukannya "
            "(tautan dipasang di halaman, bukan di gambar)."
        )
    return (
        f"SVG merujuk ke berkas lain {what}; hanya rujukan ke bagian berkas yang sama "
        '("#id") yang boleh. Salin isi yang dirujuk ke dalam SVG ini (di Inkscape: '
        "Edit > Clone > Unlink Clone) atau hapus rujukannya."
    )


def _strip_private(root):
    for node in list(root.iter()):
        if node.tag is etree.Comment or _is_private(node):
            _drop(node)
        else:
            for key in [key for key in node.attrib if etree.QName(key).namespace in METADATA_NS]:
                del node.attrib[key]
    # attributeName="xlink:..." names the prefix only in a value, which cleanup cannot see.
    etree.cleanup_namespaces(root, keep_ns_prefixes=["xlink"])


def _drop(node):
    # lxml removes an element's tail with it; the tail is the text after it (<text>a<!--c-->b).
    parent, previous = node.getparent(), node.getprevious()
    if node.tail and previous is not None:
        previous.tail = (previous.tail or "") + node.tail
    elif node.tail:
        parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _is_private(element):
    return element.tag == f"{{{SVG_NS}}}metadata" or etree.QName(element).namespace in METADATA_NS


def _qname(element):
    qname = etree.QName(element)
    return f"{element.prefix}:{qname.localname}" if element.prefix else qname.localname


def _attr_name(element, key):
    qname = etree.QName(key)
    if qname.namespace is None:
        return qname.localname
    if qname.namespace == XML_NS:
        return f"xml:{qname.localname}"
    prefixes = [prefix for prefix, uri in element.nsmap.items() if uri == qname.namespace]
    return f"{prefixes[0]}:{qname.localname}" if prefixes and prefixes[0] else qname.localname


def _squeeze(value):
    return re.sub(r"[\x00-\x20]", "", value)


def _show(value, limit=60):
    shown = "".join(char if char >= " " else repr(char)[1:-1] for char in value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
