"""Concatenate CSS files in a fixed order and name the result by its content hash.

Written here rather than with webassets: the theme has a handful of small files, and one
request with a hashed name (cacheable for a year) is all a slow phone needs.
"""

import hashlib
import re
from pathlib import Path

# Design tokens and the base layer come first; components follow in name order.
FIRST_FILES = ("tokens.css", "base.css")


def ordered_css_files(css_dir):
    """Return the theme's CSS files: tokens and base first, then components by name."""
    css_dir = Path(css_dir)
    files = sorted(p for p in css_dir.glob("*.css") if not p.name.startswith("kpu."))
    first = [css_dir / name for name in FIRST_FILES if (css_dir / name).exists()]
    return first + [p for p in files if p.name not in FIRST_FILES]


# Stylesheets of pages few citizens open (the stages timeline, the service report, the PPID
# readiness page): each its own fingerprinted file, linked by its page alone, so the bundle
# every page loads stays small.
PAGE_FOLDER = "pages"


def page_css_files(css_dir):
    """Return {name: file} of the page-only stylesheets in css/pages/ (name: the file stem)."""
    folder = Path(css_dir) / PAGE_FOLDER
    return {p.stem: p for p in sorted(folder.glob("*.css"))} if folder.is_dir() else {}


def bundle_css(files):
    """Join the files into one stylesheet, minified (every byte counts on a slow phone)."""
    return "\n".join(minify_css(path.read_text(encoding="utf-8")) for path in files) + "\n"


def minify_css(css):
    """Drop comments and needless whitespace; enough for hand-written CSS without hacks."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    return css.replace(";}", "}").strip()


def fingerprinted_name(css_text, stem="kpu"):
    """Return a file name that changes whenever the stylesheet's content changes."""
    digest = hashlib.sha256(css_text.encode("utf-8")).hexdigest()[:10]
    return f"{stem}.{digest}.css"
