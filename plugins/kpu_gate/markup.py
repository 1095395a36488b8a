"""The markup gate: every field rendered as HTML is judged here, the way a browser parses it.

It never cleans. Each tag, attribute, URL or comment the allow-list would change is reported,
quoting the text as written, and the build stops. Two maintained implementations must agree:
justhtml parses the fragment exactly as a browser does (WHATWG HTML, entities decoded), so
each problem can be named and found in the file; nh3 (the Ammonia sanitizer) cleans the same
fragment with the same allow-list, and if it would change anything the walk did not name,
that is reported too. A fragment that passes is published as written.
"""

import html
import os
import re

import nh3

from kpu_gate.allowlist import (
    GLOBAL_ATTRIBUTES,
    REL_VALUES,
    SAFE_SCHEMES,
    STYLE_PROPERTIES,
    TAG_ATTRIBUTES,
    URL_ATTRIBUTES,
    browser_url,
    style_allowed,
    style_declarations,
    unsafe_scheme,
    youtube_video,
)
from kpu_messages import Problem

# How kpu_images finds the images it rewrites (over the text). The gate guarantees that in a
# vetted fragment each match is exactly one <img> start tag (see _image_tag_problems).
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# Fragments with these are always parsed, even when Ammonia would change nothing.
_PARSE_ALWAYS = ("style", "<iframe", "<img", "rel")
# Schemes a browser runs as script or as a document of its own when followed.
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "data", "blob", "filesystem"})
_HTML = "html"  # justhtml names the HTML namespace so; svg and math are foreign
# Only for quoting: the raw text of one attribute inside a start tag the parser located.
_RAW_ATTRIBUTE = r"""(?is)[\s/]{name}\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)"""


def _parse(fragment, locations=False):
    # Imported here: most builds never parse (Ammonia's verdict or the memo suffices), and
    # the parser costs a tenth of a second to import.
    from justhtml import JustHTML

    return JustHTML(fragment, sanitize=False, fragment=True, track_node_locations=locations).root


def _kinds():
    """Return justhtml's node classes (Element, Comment, Text), imported on first use."""
    from justhtml import Comment, Element, Text

    return Element, Comment, Text


def _start_tag(node, fragment):
    """Return the start tag of `node` as written in the fragment (for quoting)."""
    start, end = node._start_tag_start, node._start_tag_end  # set by track_node_locations
    if start is None or end is None:
        return f"<{node.name}"
    return fragment[start:end]


def _raw_value(tag_text, name, decoded):
    """Return an attribute's value as written (entities not decoded), for finding its line."""
    match = re.search(_RAW_ATTRIBUTE.format(name=re.escape(name)), tag_text)
    if not match:
        return decoded
    return match.group(1).strip("\"'")


def _short(text, limit=80):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _element_problems(node, fragment):
    """Judge one element against the allow-list; return its problems."""
    tag = node.name.lower()
    written = _start_tag(node, fragment)
    if node.namespace not in (None, _HTML) or tag not in TAG_ATTRIBUTES:
        return [
            Problem(
                f'HTML "{_short(written)}" tidak diizinkan di konten. '
                "Hapus tag itu; tulis dengan Markdown.",
                needle=written,
            )
        ], False
    problems = []
    allowed = TAG_ATTRIBUTES[tag] | GLOBAL_ATTRIBUTES
    for name, value in node.attrs.items():
        value = value or ""
        raw = _raw_value(written, name, value)
        if name.startswith("on"):
            problems.append(
                Problem(
                    f'atribut "{name}" (skrip) tidak diizinkan di konten: "{_short(written)}". '
                    "Hapus atribut itu.",
                    needle=written,
                )
            )
        elif name not in allowed:
            problems.append(
                Problem(
                    f'atribut "{name}" pada <{tag}> tidak diizinkan di konten: '
                    f'"{_short(written)}". Hapus atribut itu; tampilan diatur oleh situs.',
                    needle=written,
                )
            )
        elif name == "style" and not style_allowed(value):
            problems.append(
                Problem(
                    f'atribut style "{_short(value)}" tidak diizinkan; di konten hanya '
                    "perataan kolom tabel (text-align) yang boleh. Hapus atribut itu.",
                    needle=raw,
                )
            )
        elif name == "rel" and not set(value.lower().split()) <= REL_VALUES:
            problems.append(
                Problem(
                    f'atribut rel "{_short(value)}" tidak diizinkan; yang boleh: '
                    f"{', '.join(sorted(REL_VALUES))}. Hapus atribut itu.",
                    needle=raw,
                )
            )
        elif name in URL_ATTRIBUTES:
            problems += _url_problems(tag, name, value, raw)
    if tag == "iframe" and not node._end_tag_present:
        # Without </iframe> the browser reads the rest of the page as the frame's text; once
        # the embed is rewritten, that text would become markup.
        problems.append(
            Problem(
                f'"<iframe" tanpa penutup "</iframe>": "{_short(written)}". Tulis kode sematan '
                "YouTube utuh, diakhiri </iframe>.",
                needle=written,
            )
        )
    return problems, True


def _url_problems(tag, name, value, raw):
    scheme = unsafe_scheme(value)
    if scheme:
        seen = browser_url(value)
        shown = f' (peramban membacanya sebagai "{_short(seen, 40)}")' if seen != raw else ""
        danger = (
            "bisa menjalankan skrip"
            if scheme in SCRIPT_SCHEMES
            else "tidak boleh dipakai di konten"
        )
        return [
            Problem(
                f'alamat "{_short(raw, 60)}"{shown} tidak diizinkan: alamat "{scheme}:" {danger}. '
                "Pakai tautan https://, mailto: atau tel: biasa.",
                needle=raw,
            )
        ]
    if tag == "iframe" and name == "src" and not youtube_video(value):
        return [
            Problem(
                f'"<iframe" dari "{_short(raw, 60)}" tidak diizinkan; hanya video YouTube '
                "(youtube.com/embed/…, youtube-nocookie.com/embed/… atau youtu.be/…) yang "
                "boleh disematkan.",
                needle=raw,
            )
        ]
    return []


def _walk(node, fragment, problems):
    Element, Comment, Text = _kinds()  # noqa: N806  (classes)
    for child in node.children or ():
        if isinstance(child, Element):
            found, descend = _element_problems(child, fragment)
            problems += found
            if descend:
                _walk(child, fragment, problems)
        elif isinstance(child, Comment):
            text = f"<!--{child.data}-->"
            problems.append(
                Problem(
                    f'komentar HTML "{_short(text)}" tidak diizinkan: isinya tetap terbaca di '
                    "kode sumber halaman. Hapus komentar itu.",
                    needle=f"<!--{child.data}".split("\n")[0][:40],
                )
            )
        elif not isinstance(child, Text):  # a processing instruction such as <?php ... ?>
            written = _short(child.to_html())
            problems.append(
                Problem(
                    f'HTML "{written}" tidak diizinkan di konten. Hapus bagian itu.',
                    needle=written[:20],
                )
            )


def _keep_attribute(tag, name, value):
    """Ammonia's per-attribute hook: the same embed rule as the walk (YouTube only)."""
    if tag == "iframe" and name == "src" and not youtube_video(value):
        return None
    return value


def _sanitized(fragment):
    """Clean a fragment with Ammonia and the same allow-list."""
    # The per-attribute hook is a Python call for every attribute; only embeds need it.
    embeds = "<iframe" in fragment.lower()
    return nh3.clean(
        fragment,
        tags=set(_TAGS),
        attributes={key: set(value) for key, value in _ATTRIBUTES.items()},
        attribute_filter=_keep_attribute if embeds else None,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(SAFE_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
    )


_TAGS = frozenset(TAG_ATTRIBUTES)
_ATTRIBUTES = {"*": GLOBAL_ATTRIBUTES, **{tag: frozenset(a) for tag, a in TAG_ATTRIBUTES.items()}}


def _shape(node):
    """Return a comparable form of a parsed tree (text merged, style spacing ignored)."""
    Element, _Comment, Text = _kinds()  # noqa: N806  (classes)
    shape, text = [], []
    for child in node.children or ():
        if isinstance(child, Text):
            text.append(child.data)
            continue
        if text:
            shape.append("".join(text))
            text = []
        if isinstance(child, Element):
            attributes = tuple(
                sorted(
                    (name, tuple(style_declarations(value)) if name == "style" else value or "")
                    for name, value in child.attrs.items()
                )
            )
            shape.append((child.namespace, child.name, attributes, _shape(child)))
        else:
            shape.append(("#other", child.to_html()))
    if text:
        shape.append("".join(text))
    return tuple(shape)


def _first_difference(left, right):
    """Return the first part of `left` that `right` lacks, for quoting."""
    for mine, theirs in zip(left, right, strict=False):
        if mine != theirs:
            if isinstance(mine, tuple) and isinstance(theirs, tuple) and len(mine) == 4:
                if mine[:3] == theirs[:3]:
                    return _first_difference(mine[3], theirs[3])
            return _quoted(mine)
    return _quoted(left[len(right)]) if len(left) > len(right) else ""


def _quoted(part):
    """Write one part of a shape back as markup, for a message."""
    if isinstance(part, str):
        return part
    if len(part) == 2:
        return part[1]
    attributes = "".join(
        f' {name}="{"; ".join(": ".join(pair) for pair in value) if name == "style" else value}"'
        for name, value in part[2]
    )
    return f"<{part[1]}{attributes}>"


def vet_html(fragment):
    """Return a Problem for everything in an HTML fragment the allow-list would change."""
    if not fragment or "<" not in fragment:
        return []  # plain text: nothing to judge (entities alone cannot add markup)
    cleaned = _sanitized(fragment)
    lowered = fragment.lower()
    if cleaned == fragment and not any(word in lowered for word in _PARSE_ALWAYS):
        # Ammonia left every byte alone, so the browser parses exactly Ammonia's safe output.
        # Style values, closed embeds and image tags that later rewrites can find are rules
        # of ours that Ammonia does not apply.
        return []
    problems = []
    root = _parse(fragment, locations=True)
    _walk(root, fragment, problems)
    problems += _image_tag_problems(root, fragment)
    problems += _page_tag_problems(fragment)
    if problems:
        return problems
    original, sanitized = _shape(_parse(fragment)), _shape(_parse(cleaned))
    if original != sanitized:
        snippet = _short(_first_difference(original, sanitized) or fragment, 80)
        problems.append(
            Problem(
                f'HTML ini akan diubah oleh penyaring HTML (sanitizer): "{snippet}". '
                "Tulis bagian itu dengan Markdown biasa.",
            )
        )
    return problems


def _image_tag_problems(root, fragment):
    """Report "<img" text that is not exactly one image start tag.

    kpu_images rewrites images by IMG_TAG over the fragment's text. In a vetted fragment every
    match must be a whole <img> start tag, or its rewrite could cut an attribute open (an
    "<img" written inside a title, a ">" inside alt) and let the rest become markup.
    """
    Element = _kinds()[0]  # noqa: N806  (a class)
    tags = {
        (node._start_tag_start, node._start_tag_end)
        for node in _descendants(root)
        if isinstance(node, Element) and node.name == "img"
    }
    problems = []
    for match in IMG_TAG.finditer(fragment):
        if (match.start(), match.end()) not in tags:
            written = _short(fragment[match.start() : match.start() + 60])
            problems.append(
                Problem(
                    f'teks "{written}" tidak diizinkan: "<img" hanya boleh sebagai tag gambar '
                    'utuh, tanpa ">" di dalam nilai atributnya. Tulis gambar dengan Markdown: '
                    "![keterangan](/images/nama.jpg).",
                    needle=written[:30],
                )
            )
    return problems


def _page_tag_problems(fragment):
    """Report <html>, <head> or <body> tags, which lend their attributes to the page itself.

    Parsed alone the fragment drops them; inside the page a browser adds their attributes
    (style, background, onpageshow) to the page's own <html> and <body>.
    """
    lowered = fragment.lower()
    if not any(f"<{tag}" in lowered for tag in ("html", "head", "body")):
        return []
    from justhtml import JustHTML

    page = JustHTML("<!DOCTYPE html><html><head></head><body>" + fragment, sanitize=False).root
    problems = []
    for node in _descendants(page):
        if getattr(node, "name", "") in ("html", "head", "body") and node.attrs:
            written = " ".join(f"{k}={v!r}" for k, v in node.attrs.items())
            problems.append(
                Problem(
                    f'tag "<{node.name}>" tidak boleh ada di konten: atributnya '
                    f"({_short(written, 60)}) akan menempel pada halaman situs. Hapus tag itu.",
                    needle=f"<{node.name}",
                )
            )
    return problems


# Where a video's thumbnail is looked for: next to the item, then in these folders of content/
# (the second is where the web editor's media library uploads). The build has no network, so a
# thumbnail is never fetched from YouTube.
THUMBNAIL_FOLDERS = ("/images/video", "/images")
THUMBNAIL_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")
VIDEO_ATTRIBUTE = "data-kpu-video"  # marks a facade; kpu_video lists and plays what has it


def _video_key(name):
    """Fold a video id or file stem: the web editor and Windows change case and "_" to "-"."""
    return name.casefold().replace("_", "-")


def youtube_thumbnail(video, source_dir, listings):
    """Return the address of a video's own thumbnail as content/ spells it, or None.

    Looked for as <VIDEO_ID>.jpg (.jpeg, .png, .webp) next to the item, then in
    content/images/video/, then content/images/. Letter case and "_"/"-" are not told apart
    (an editor that lower-cases uploads must still match "tmgHumas21a"); the exact spelling
    wins when both exist. The address goes into an <img>, so the image pipeline publishes it
    like any other image (metadata removed, responsive, lazy).
    """
    root = os.path.abspath(listings.root)
    folders = [(os.path.abspath(source_dir), "")] + [
        (os.path.join(root, *folder.strip("/").split("/")), folder + "/")
        for folder in THUMBNAIL_FOLDERS
    ]
    for folder, prefix in folders:
        files = sorted(name for name, is_folder in listings.names(folder).items() if not is_folder)
        matches = [
            name
            for name in files
            if os.path.splitext(name)[1].lower() in THUMBNAIL_EXTENSIONS
            and _video_key(os.path.splitext(name)[0]) == _video_key(video)
        ]
        if matches:
            exact = [name for name in matches if os.path.splitext(name)[0] == video]
            return prefix + (exact or matches)[0]
    return None


def youtube_facade(video, title, thumbnail=None, inline=False):
    """Return the facade of one video: its thumbnail (or a drawn poster), a play button, title.

    Nothing on it loads from YouTube or Google. It is a link to the video on YouTube, so a
    reader without script still gets there by choice; kpu_video's script swaps in the
    youtube-nocookie player on click. `inline` uses spans only, for an embed inside a line
    of text, where a <figure> is not allowed.
    """
    text = html.escape(title)
    if thumbnail:
        poster = f'<img src="{html.escape(thumbnail)}" alt="Cuplikan video: {text}">'
    else:
        poster = (
            '<span class="kpu-video__poster"><span class="kpu-video__poster-title">'
            f"{text}</span></span>"
        )
    outer, caption = ("span", "span") if inline else ("figure", "figcaption")
    inline_class = " kpu-video--inline" if inline else ""
    return (
        f'<{outer} class="kpu-video{inline_class}">'
        f'<a class="kpu-video__play" href="https://www.youtube.com/watch?v={video}" '
        f'{VIDEO_ATTRIBUTE}="{video}" data-kpu-video-title="{text}" '
        f'aria-label="Putar video: {text}">{poster}'
        '<span class="kpu-video__button"><span class="kpu-video__icon"></span>'
        '<span class="kpu-video__label">Putar video</span></span></a>'
        f'<{caption} class="kpu-video__caption">{text}</{caption}>'
        f"</{outer}>"
    )


def _alone_in_paragraph(node):
    """Tell whether an embed is the only thing in its <p> (so the <p> gives way to a figure)."""
    Element, _Comment, Text = _kinds()  # noqa: N806  (classes)
    parent = node.parent
    if not isinstance(parent, Element) or parent.name != "p":
        return False
    for child in parent.children or ():
        if child is node:
            continue
        if isinstance(child, Text) and not child.data.strip():
            continue
        return False
    return parent._start_tag_start is not None and parent._end_tag_end is not None


def rewrite_youtube(fragment, default_title="", thumbnail=None):
    """Turn every vetted YouTube embed into a facade that loads nothing from YouTube.

    The title is the embed's own title, else `default_title` (the item's), else "Video
    YouTube". `thumbnail(video_id)` returns the address of a thumbnail the admin saved, or
    None (the facade then draws a neutral poster with the title).
    """
    if not fragment or "<iframe" not in fragment.lower():
        return fragment
    Element = _kinds()[0]  # noqa: N806  (a class)
    pieces, position = [], 0
    for node in _descendants(_parse(fragment, locations=True)):
        if not isinstance(node, Element) or node.name != "iframe":
            continue
        video = youtube_video(node.attrs.get("src") or "")
        start, end = node._start_tag_start, node._end_tag_end
        if video is None or start is None or end is None or start < position:
            continue  # not an embed the gate let through: it was reported already
        title = (
            " ".join((node.attrs.get("title") or "").split())
            or " ".join(str(default_title or "").split())
            or "Video YouTube"
        )
        found = thumbnail(video) if thumbnail else None
        if _alone_in_paragraph(node) and node.parent._start_tag_start >= position:
            start, end, inline = node.parent._start_tag_start, node.parent._end_tag_end, False
        else:
            inline = _in_phrasing(node)
        pieces += [fragment[position:start], youtube_facade(video, title, found, inline)]
        position = end
    return "".join(pieces) + fragment[position:]


_PHRASING_PARENTS = frozenset(
    {
        "p",
        "a",
        "span",
        "em",
        "strong",
        "b",
        "i",
        "small",
        "q",
        "sub",
        "sup",
        "mark",
        "cite",
        "abbr",
        "code",
        "kbd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "figcaption",
        "caption",
        "dt",
    }
)


def _in_phrasing(node):
    """Tell whether an embed sits where only phrasing content is allowed."""
    Element = _kinds()[0]  # noqa: N806  (a class)
    parent = node.parent
    while isinstance(parent, Element):
        if parent.name in _PHRASING_PARENTS:
            return True
        parent = parent.parent
    return False


def markup_in_text(value):
    """Return the first tag or comment in a plain-text field, or None.

    Entities are decoded once as well: Pelican writes a title into feeds after `striptags`,
    which decodes "&lt;img onerror=…&gt;" into a live tag for a reader that renders HTML.
    """
    if not value:
        return None
    if "&" in value:
        decoded = html.unescape(value)
        if decoded != value and "<" in decoded:
            found = markup_in_text(decoded)
            if found:
                return found
    if "<" not in value:
        return None
    Element, Comment, _Text = _kinds()  # noqa: N806  (classes)
    root = _parse(value, locations=True)
    for node in _descendants(root):
        if isinstance(node, Element):
            return _start_tag(node, value)
        if isinstance(node, Comment):
            return f"<!--{node.data}-->"
    return None


def elements(fragment, page=False):
    """Yield every element of an HTML fragment in document order (templates' too).

    With `page`, the text is a whole page (parsed as a document) and each element knows
    its line (`origin_line`).
    """
    Element = _kinds()[0]  # noqa: N806  (a class)
    if page:
        from justhtml import JustHTML

        root = JustHTML(fragment, sanitize=False, track_node_locations=True).root
    else:
        root = _parse(fragment)
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, Element):
            yield node
        children = list(node.children or ())
        content = getattr(node, "template_content", None)
        if content is not None:
            children.append(content)
        stack.extend(reversed(children))


def _descendants(node):
    for child in node.children or ():
        yield child
        yield from _descendants(child)
