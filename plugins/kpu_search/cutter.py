"""Cut a page down to what Pagefind reads from it: its "fragment".

A page with a data-pagefind-body element is indexed from that element only, plus the
data-pagefind-* attributes found elsewhere (meta, filters, sort keys in <head> or around the
article) and the <h1> and <img> elements its default title and image come from. A fragment
holds exactly those, under the page's own path, so Pagefind gives the same index from a
folder of fragments as from the whole site, in a fraction of the time (it no longer reads
the text of the header, menu and footer of every page; README, "Search").

Pages are parsed with selectolax (the Lexbor engine, a WHATWG HTML5 parser), never searched
with patterns: where an element ends is the parser's business. When a page is shaped so
that a fragment could change what Pagefind reads (a data-pagefind-* attribute on an element
that holds the body, a body on <html> or <body> itself, bytes that are not UTF-8), the
fragment is the whole page: slower, never different.
"""

import html

from selectolax.lexbor import LexborHTMLParser

BODY = "data-pagefind-body"
IGNORE = "data-pagefind-ignore"
PREFIX = "data-pagefind-"
# Pagefind 1.5.2 takes a page's default title from the first <h1> of the whole page, body or
# not, and its image from the first <img> after it (a header's <h1> wins over the article's):
# every <h1> and <img> outside the body is carried over, in page order, so that whichever
# comes first stays first. Their text is not indexed there.
DEFAULTS = ("h1", "img")


class _Whole(Exception):
    """The page cannot be cut without doubt; its fragment is the page itself."""


def cut_page(data):
    """Return the fragment of a page's bytes, or None if it has no data-pagefind-body."""
    if BODY.encode() not in data:
        return None  # most pages without a body are told apart without parsing them
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    tree = LexborHTMLParser(text)
    try:
        head_items, head_bodies = _scan(tree.head)
        body_items, bodies = _scan(tree.body)
        root = tree.root
        if root is None or _pagefind_names(root) or head_bodies:
            raise _Whole
        if tree.body is not None and _pagefind_names(tree.body):
            raise _Whole
    except _Whole:
        return data
    if not bodies:
        return None  # the marker was text, not an attribute
    title = tree.head.css_first("title") if tree.head is not None else None
    if title is not None and _pagefind_names(title):
        title = None  # carried over with the other marked elements
    return fragment_html(
        _attributes(root),
        title.html if title is not None else "",
        [node.html for node in head_items],
        [node.html for node in body_items],
    ).encode("utf-8")


def fragment_html(html_attributes, title, head, body):
    """Return a fragment's text: the <html> tag, the title and the marked elements."""
    return (
        f"<!doctype html>\n<html{html_attributes}>\n<head>{title}{''.join(head)}</head>\n"
        f"<body>{''.join(body)}</body>\n</html>\n"
    )


def _attributes(node):
    return "".join(
        f" {name}" if value is None else f' {name}="{html.escape(value, quote=True)}"'
        for name, value in node.attributes.items()
    )


def _pagefind_names(node):
    return [name for name in node.attributes if name.startswith(PREFIX)]


def _scan(parent):
    """Return (elements to carry over, the body elements among them) under `parent`, in order.

    A body element is taken whole; so is any other element with a data-pagefind-* attribute
    (its own text may be a filter's value), and every <h1> and <img> (DEFAULTS). An element
    marked only data-pagefind-ignore is left out unless it holds one of those: outside the
    body Pagefind reads nothing else.
    """
    if parent is None:
        return [], []
    if parent.tag in ("html", "body") and BODY in parent.attributes:
        raise _Whole
    items, bodies = [], []
    stack = [parent.child] if parent.child is not None else []
    while stack:
        node = stack.pop()
        if node.next is not None:
            stack.append(node.next)
        if node.tag.startswith("-"):  # text, comment
            continue
        names = _pagefind_names(node)
        if BODY in names:
            items.append(node)
            bodies.append(node)
            continue
        if names:
            if node.css_first(f"[{BODY}]") is not None:
                raise _Whole  # marked around the body: what it reads is not certain
            if names != [IGNORE] or _holds_marked(node):
                items.append(node)
            continue
        if node.tag in DEFAULTS:
            if node.css_first(f"[{BODY}]") is not None:
                raise _Whole
            items.append(node)
            continue
        if node.child is not None:
            stack.append(node.child)
    return items, bodies


def _holds_marked(node):
    inside = node.traverse(include_text=False)
    next(inside)  # the node itself comes first
    return any(_pagefind_names(child) or child.tag in DEFAULTS for child in inside)
