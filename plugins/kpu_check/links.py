"""Links between content items that only the dev build can follow: to drafts or scheduled news.

Pure functions. The dev build writes drafts under /draf/ and publishes news with a future
Date; the publish build writes neither, so such a link dies only on the published site.
"""

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from kpu_gate.markup import elements
from kpu_messages import Problem

# Pelican's own markers (INTRASITE_LINK_REGEX) for a link to another content file.
MARKERS = ("{filename}", "|filename|")
# The attributes Pelican rewrites such links in.
LINK_ATTRIBUTES = ("href", "src", "poster", "data", "cite", "formaction", "action", "content")
DEAD_UNTIL_PUBLISHED = (
    "tautan itu mati di situs terbit sampai tujuannya terbit. Hapus tautannya, atau terbitkan "
    "tujuannya dulu."
)


@dataclass(frozen=True)
class Release:
    """When an item becomes public: never while a draft, otherwise from its date (news only)."""

    draft: bool = False
    date: object = None  # an aware datetime; pages have none, so they are public at once


def filename_links(html):
    """Return the `{filename}` links of an HTML fragment as written, once each, in order."""
    if not html or not any(marker in html for marker in MARKERS):
        return []  # most items link no other file; spare them the parse
    links = []
    for node in elements(html):  # parsed as a browser does, by the gate's parser
        for name in LINK_ATTRIBUTES:
            value = (node.attrs.get(name) or "").strip()
            if value.startswith(MARKERS) and value not in links:
                links.append(value)
    return links


def candidate_paths(link, relative_dir):
    """Return the content paths Pelican tries for a link, in its order (see _link_replacer)."""
    marker = next(m for m in MARKERS if link.startswith(m))
    path = urlparse(link[len(marker) :]).path
    paths = []
    for variant in (path, unquote(path)):
        if variant.startswith("/"):
            found = variant[1:]
        else:
            found = posixpath.normpath(posixpath.join(relative_dir, variant))
        if found not in paths:
            paths.append(found)
    return paths


def unpublished_links(html, relative_dir, releases, public_from):
    """Report links to items not yet public when the linking item is (at `public_from`).

    `releases` maps content paths (relative to content/) to a Release; `relative_dir` is the
    linking item's folder there.
    """
    problems = []
    for link in filename_links(html):
        target = next(
            (releases[p] for p in candidate_paths(link, relative_dir) if p in releases), None
        )
        if target is None:
            continue  # a static file, or a missing one (the gate reports those)
        if target.draft:
            where = "draf"
        elif target.date is not None and target.date > public_from:
            where = f"tulisan terjadwal (terbit {target.date:%Y-%m-%d})"
        else:
            continue
        problems.append(
            Problem(f'tautan "{link}" menuju {where}; {DEAD_UNTIL_PUBLISHED}', needle=link)
        )
    return problems
