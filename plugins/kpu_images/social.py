"""The ready-to-post caption of an article for the office's social accounts."""

import re

from markupsafe import Markup


def first_sentences(text, count=2):
    """Return the first `count` sentences of plain text."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join(sentences[:count]).strip()


# Election acronyms that stay in capitals inside hashtags (#PPID, not #Ppid).
ACRONYMS = {"kpu", "ppid", "dpt", "dps", "jdih", "ppk", "pps", "kpps", "tps", "pkpu", "dip", "sdm"}


def hashtag(tag):
    """Turn a tag such as "pemilu 2024" into "#Pemilu2024" ("ppid" into "#PPID")."""
    words = re.findall(r"[0-9A-Za-z]+", str(tag))
    parts = [w.upper() if w.lower() in ACRONYMS else w[:1].upper() + w[1:] for w in words]
    return "#" + "".join(parts) if parts else ""


def caption(article, url, office_hashtags):
    """Write title, a two-sentence summary, the link and hashtags, one block each."""
    summary = Markup(article.summary or "").striptags()
    tags = [hashtag(t) for t in getattr(article, "tags", [])] + list(office_hashtags)
    unique = list(dict.fromkeys(t for t in tags if t))
    return f"{article.title}\n\n{first_sentences(summary)}\n\n{url}\n\n{' '.join(unique)}\n"
