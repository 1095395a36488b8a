"""Plan derived images and write their <picture> markup: pure functions, tested directly."""

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# The gate's pattern: in a vetted fragment every match is exactly one <img> start tag.
from kpu_gate.markup import IMG_TAG  # noqa: F401  (used below, and the contract's name)

PLACEHOLDER = re.compile(r"^\{(static|filename|attach)\}")


@dataclass(frozen=True)
class Variant:
    """One published size of an image, in WebP and in the JPEG/PNG fallback."""

    width: int
    height: int
    webp: str  # output path relative to the output folder
    fallback: str


@dataclass(frozen=True)
class Picture:
    """Everything a template needs to show one image responsively."""

    alt: str
    variants: tuple
    default: Variant
    fallback_type: str
    siteurl: str

    @property
    def largest(self):
        """Return the widest variant (used as the share image)."""
        return self.variants[-1]

    def url(self, path):
        """Return a variant path as a URL of this site."""
        return f"{self.siteurl}/{path}"

    @property
    def srcset_webp(self):
        """Return the WebP candidates for <source srcset>."""
        return ", ".join(f"{self.url(v.webp)} {v.width}w" for v in self.variants)

    @property
    def srcset_fallback(self):
        """Return the JPEG/PNG candidates for <img srcset>."""
        return ", ".join(f"{self.url(v.fallback)} {v.width}w" for v in self.variants)


def plan_widths(source_width, widths):
    """Choose published widths: the configured ones below the source, never wider than it."""
    chosen = sorted(w for w in widths if w < source_width)
    if source_width <= max(widths):
        chosen.append(source_width)
    else:
        chosen.append(max(widths))
    return tuple(sorted(set(chosen)))


def derived_path(output_dir, stem, key, width, extension):
    """Name a derived file by source name, content key and width (safe to cache forever)."""
    return f"{output_dir}/{stem}-{key[:10]}-{width}.{extension}"


def build_picture(info, key, stem, settings, siteurl, alt):
    """Return the Picture for an inspected source image."""
    widths = plan_widths(info.width, settings["KPU_IMAGE_WIDTHS"])
    fallback = "png" if info.has_alpha else "jpg"
    output_dir = settings["KPU_IMAGE_OUTPUT_DIR"]
    variants = tuple(
        Variant(
            width=w,
            height=max(1, round(info.height * w / info.width)),
            webp=derived_path(output_dir, stem, key, w, "webp"),
            fallback=derived_path(output_dir, stem, key, w, fallback),
        )
        for w in widths
    )
    fitting = [v for v in variants if v.width <= settings["KPU_IMAGE_DEFAULT_WIDTH"]]
    default = fitting[-1] if fitting else variants[0]
    fallback_type = "image/png" if fallback == "png" else "image/jpeg"
    return Picture(alt, variants, default, fallback_type, siteurl)


def picture_html(picture, sizes, eager=False, css_class=""):
    """Write the <picture> markup: WebP source, JPEG/PNG fallback, size, lazy loading."""
    attr = html.escape
    loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
    klass = f' class="{attr(css_class)}"' if css_class else ""
    return (
        f'<picture><source type="image/webp" srcset="{attr(picture.srcset_webp)}" '
        f'sizes="{attr(sizes)}">'
        f'<img{klass} src="{attr(picture.url(picture.default.fallback))}" '
        f'srcset="{attr(picture.srcset_fallback)}" sizes="{attr(sizes)}" '
        f'width="{picture.default.width}" height="{picture.default.height}" '
        f'alt="{attr(picture.alt)}" {loading} decoding="async"></picture>'
    )


class _AttributeReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attributes = {}

    def handle_starttag(self, tag, attrs):
        self.attributes = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def tag_attributes(tag):
    """Return the attributes of one <img ...> tag as a dict (entities decoded)."""
    reader = _AttributeReader()
    reader.feed(tag)
    return reader.attributes


def image_source(src):
    """Strip Pelican's {static}/{filename} prefix; return (path, is_external)."""
    src = PLACEHOLDER.sub("", src.strip())
    if re.match(r"^[a-z]:[\\/]", src, re.IGNORECASE):
        return src, False  # a Windows drive ("C:\\Users\\…"): a path, judged by the gate
    return src, bool(re.match(r"^[a-z][a-z0-9+.-]*:|^//", src, re.IGNORECASE))


def rewrite_images(fragment, replace):
    """Replace each <img> in an HTML fragment by replace(attributes, index) unless it is None."""
    counter = iter(range(1_000_000))

    def substitute(match):
        replacement = replace(tag_attributes(match.group(0)), next(counter))
        return match.group(0) if replacement is None else replacement

    return IMG_TAG.sub(substitute, fragment)
