"""Ready-to-post captions of an article, one per channel: X, Instagram, Facebook, WhatsApp.

Pure functions of a Post (title, summary, link, hashtags), so each channel's rules are
tested directly: X's length as X counts it, no link on Instagram, bold on WhatsApp.
"""

import re
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup

# (file name without .txt, label) in the order `invoke social` prints them.
CHANNELS = (
    ("x", "X"),
    ("instagram", "Instagram"),
    ("facebook", "Facebook"),
    ("whatsapp", "WhatsApp"),
)
X_LIMIT = 280
X_URL_LENGTH = 23  # every link counts as 23 characters once t.co has wrapped it
# Code points X counts once; all others (emoji, CJK, and "…" too) count twice. From X's
# twitter-text configuration v3.
X_LIGHT_RANGES = ((0, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
INSTAGRAM_LIMIT = 2200
INSTAGRAM_MAX_HASHTAGS = 30
BIO_LINE = "Tautan lengkap di bio."
ELLIPSIS = "…"
URL = re.compile(r"https?://\S+")
# A code point outside the light ranges (X counts it twice); one regex scan instead of a
# Python test per character, which cost seconds per build at 5,000 items.
X_HEAVY = re.compile("[^" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in X_LIGHT_RANGES) + "]")

# Election acronyms that stay in capitals inside hashtags (#PPID, not #Ppid).
ACRONYMS = {"kpu", "ppid", "dpt", "dps", "jdih", "ppk", "pps", "kpps", "tps", "pkpu", "dip", "sdm"}


@dataclass(frozen=True)
class Post:
    """What every caption is made of: plain text, the public link, unique hashtags."""

    title: str
    summary: str
    url: str
    hashtags: tuple


def first_sentences(text, count=2):
    """Return the first `count` sentences of plain text."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join(sentences[:count]).strip()


def hashtag(tag):
    """Turn a tag such as "pemilu 2024" into "#Pemilu2024" ("ppid" into "#PPID")."""
    words = re.findall(r"[0-9A-Za-z]+", str(tag))
    parts = [w.upper() if w.lower() in ACRONYMS else w[:1].upper() + w[1:] for w in words]
    return "#" + "".join(parts) if parts else ""


def post_of(article, url, office_hashtags):
    """Collect an article's caption material: its tags as hashtags, then the office's."""
    summary = " ".join(Markup(article.summary or "").striptags().split())
    tags = [hashtag(t) for t in getattr(article, "tags", [])] + list(office_hashtags)
    unique = tuple(dict.fromkeys(t for t in tags if t))
    return Post(" ".join(str(article.title).split()), summary, url, unique)


def x_length(text):
    """Count text as X does: each link as 23, light code points once, the others twice."""
    text = unicodedata.normalize("NFC", text)
    links = URL.findall(text)
    rest = URL.sub("", text)
    return len(rest) + len(X_HEAVY.findall(rest)) + X_URL_LENGTH * len(links)


def trim_words(text, limit, measure=len):
    """Shorten text at a word boundary, ending in "…", until measure(text) <= limit."""
    if measure(text) <= limit:
        return text
    for match in reversed(list(re.finditer(r"\s+", text))):
        kept = text[: match.start()].rstrip(",.;:–—-") + ELLIPSIS
        if measure(kept) <= limit:
            return kept
    return ELLIPSIS  # not one word fits; no word is ever cut in the middle


def _blocks(*parts):
    """Join the non-empty parts with a blank line between them."""
    return "\n\n".join(part for part in parts if part)


def _with_hashtags(text, hashtags, limit, measure):
    """Add as many hashtags, in order, as fit within the limit."""
    kept = []
    for tag in hashtags:
        if measure(f"{text}\n\n{' '.join([*kept, tag])}") > limit:
            break
        kept.append(tag)
    return f"{text}\n\n{' '.join(kept)}" if kept else text


def x_caption(post):
    """Write the X post: title, two sentences, the link, hashtags while they fit in 280.

    A text too long loses its second sentence, then is shortened at a word boundary with
    "…"; the link always stays.
    """
    link = f"\n\n{post.url}"
    budget = X_LIMIT - x_length(link)
    # Whole sentences read better than a cut one: two, else one, else one shortened.
    for count in (2, 1):
        text = _blocks(post.title, first_sentences(post.summary, count))
        if x_length(text) <= budget:
            break
    text = trim_words(text, budget, x_length)
    return _with_hashtags(text + link, post.hashtags, X_LIMIT, x_length)


def instagram_caption(post):
    """Write the Instagram caption: no link (none is clickable there), the bio line, hashtags."""

    def unlinked(text):
        return " ".join(URL.sub("", text).split())

    tail = "\n\n" + _blocks(BIO_LINE, " ".join(post.hashtags[:INSTAGRAM_MAX_HASHTAGS]))
    body = _blocks(unlinked(post.title), unlinked(post.summary))
    return trim_words(body, INSTAGRAM_LIMIT - len(tail)) + tail


def facebook_caption(post):
    """Write the Facebook post: title, the whole summary, the link, hashtags."""
    return _blocks(post.title, post.summary, post.url, " ".join(post.hashtags))


def whatsapp_caption(post):
    """Write the WhatsApp message: the title in *bold*, the whole summary, the link."""
    title = post.title.replace("*", "")
    return _blocks(f"*{title}*", post.summary, post.url)


WRITERS = {
    "x": x_caption,
    "instagram": instagram_caption,
    "facebook": facebook_caption,
    "whatsapp": whatsapp_caption,
}


def captions(post):
    """Return {channel: caption text} for every channel, each ending in a newline."""
    return {channel: WRITERS[channel](post) + "\n" for channel, _label in CHANNELS}
