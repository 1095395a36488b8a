"""What content HTML may hold: tags, attributes, URL schemes and embeds, and URL judging.

One table, read by both judges of the markup gate (the justhtml walk and the nh3 sanitizer),
so they can never disagree about the rules, only about how markup parses.
"""

import re

# Attributes any allowed tag may carry (Markdown's toc and footnotes write id and class).
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})

# Allowed tags and the attributes each may carry beyond the global ones.
TAG_ATTRIBUTES = {
    "a": {"href", "target", "rel", "hreflang"},
    "abbr": set(),
    "b": set(),
    "blockquote": set(),
    "br": set(),
    "caption": set(),
    "cite": set(),
    "code": set(),
    "col": {"span"},
    "colgroup": {"span"},
    "dd": set(),
    "del": {"datetime"},
    "details": {"open"},
    "dfn": set(),
    "div": set(),
    "dl": set(),
    "dt": set(),
    "em": set(),
    "figcaption": set(),
    "figure": set(),
    "h1": set(),
    "h2": set(),
    "h3": set(),
    "h4": set(),
    "h5": set(),
    "h6": set(),
    "hr": set(),
    "i": set(),
    "iframe": {
        "src",
        "width",
        "height",
        "allow",
        "allowfullscreen",
        "frameborder",
        "loading",
        "referrerpolicy",
    },
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ins": {"datetime"},
    "kbd": set(),
    "li": {"value"},
    "mark": set(),
    "ol": {"start", "reversed", "type"},
    "p": set(),
    "pre": set(),
    "q": set(),
    "s": set(),
    "samp": set(),
    "small": set(),
    "span": set(),
    "strong": set(),
    "sub": set(),
    "summary": set(),
    "sup": set(),
    "table": set(),
    "tbody": set(),
    "td": {"colspan", "rowspan", "headers", "style"},
    "tfoot": set(),
    "th": {"colspan", "rowspan", "headers", "scope", "abbr", "style"},
    "thead": set(),
    "time": {"datetime"},
    "tr": set(),
    "u": set(),
    "ul": set(),
    "wbr": set(),
}

# Attributes holding a URL, judged by scheme; the rest of an allowed attribute is plain text.
# (No `cite`: Ammonia does not judge its scheme, and the two judges must apply the same rules.)
URL_ATTRIBUTES = frozenset({"href", "src"})
# webcal: a calendar subscription (the stages' .ics feeds); the phone's calendar opens it.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "webcal"})
# Link types copied HTML carries; "opener" would hand the linked page this window.
REL_VALUES = frozenset({"noopener", "noreferrer", "nofollow", "external", "ugc", "sponsored"})
# Markdown tables align columns with style="text-align: …"; no other CSS is content's business.
STYLE_PROPERTIES = frozenset({"text-align"})
STYLE_VALUES = frozenset({"left", "right", "center", "justify", "start", "end"})

# Leading and trailing C0 controls and spaces, and tabs and newlines anywhere, are removed by
# the URL parser before it looks for a scheme (WHATWG URL, "basic URL parser").
_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = str.maketrans("", "", "\t\n\r")
# A scheme per WHATWG URL: an ASCII letter, then letters, digits, "+", "-" or ".", then ":".
# (A regular expression over the URL string the parser produced, not over HTML.)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_YOUTUBE = re.compile(
    r"(?:https?:)?//(?:www\.)?(?:youtube\.com|youtube-nocookie\.com)/embed/([A-Za-z0-9_-]{6,})"
    r"(?:[?#][^\\]*)?"
    r"|(?:https?:)?//youtu\.be/([A-Za-z0-9_-]{6,})(?:[?#][^\\]*)?",
    re.IGNORECASE,
)


def browser_url(value):
    """Return an attribute's URL as the browser's URL parser sees it before parsing."""
    return (value or "").strip(_C0_OR_SPACE).translate(_TAB_OR_NEWLINE)


def url_scheme(value):
    """Return the lower-cased scheme a browser reads in a URL, or "" for a relative URL."""
    match = _SCHEME.match(browser_url(value))
    return match.group(0)[:-1].lower() if match else ""


def unsafe_scheme(value):
    """Return the scheme of a URL if it is not one content may link to, else None."""
    scheme = url_scheme(value)
    return scheme if scheme and scheme not in SAFE_SCHEMES else None


def youtube_video(value):
    """Return the video id of a YouTube embed address, or None for any other address."""
    match = _YOUTUBE.fullmatch(browser_url(value))
    if not match:
        return None
    return match.group(1) or match.group(2)


def style_declarations(value):
    """Split a style attribute into (property, value) pairs, trimmed, values lower-cased.

    Property names keep their case: Ammonia keeps only "text-align" as written, so
    "TEXT-ALIGN" must be refused here too.
    """
    pairs = []
    for declaration in (value or "").split(";"):
        if declaration.strip():
            name, _, setting = declaration.partition(":")
            pairs.append((name.strip(), setting.strip().lower()))
    return pairs


def style_allowed(value):
    """Tell whether a style attribute only aligns text (what Markdown tables write)."""
    return all(
        name in STYLE_PROPERTIES and setting in STYLE_VALUES
        for name, setting in style_declarations(value)
    )
