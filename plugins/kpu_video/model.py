"""Videos as data: the facades in an item's HTML, and the site's list of videos.

The facades are written by the content gate (kpu_gate.markup.youtube_facade) and their
thumbnails rewritten by the image pipeline; this only reads that finished markup, so the
list shows exactly the poster the item page shows.
"""

import datetime
import html
import re
from dataclasses import dataclass

from kpu_messages import Problem

# One facade link as youtube_facade writes it; group 3 is the poster (a <picture> once
# kpu_images has rewritten the thumbnail, or the drawn poster), up to the play button.
_FACADE = re.compile(
    r'<a class="kpu-video__play" [^>]*?data-kpu-video="([A-Za-z0-9_-]+)" '
    r'data-kpu-video-title="([^"]*)"[^>]*>(.*?)<span class="kpu-video__button">',
    re.DOTALL,
)
_LOADING = re.compile(r'\sfetchpriority="high"')


@dataclass(frozen=True)
class Video:
    """One video on the site: what /video/ and the home page show of it."""

    video_id: str
    title: str  # plain text (templates escape it)
    poster: str  # HTML of the thumbnail <picture>, or of the drawn poster
    has_thumbnail: bool
    item_title: str
    item_url: str
    date: datetime.datetime


def facades(fragment):
    """Return (video id, title, poster HTML) for each facade in an HTML fragment, in order."""
    if not fragment or 'data-kpu-video="' not in fragment:
        return []
    found = []
    for video, title, poster in _FACADE.findall(fragment):
        # On a list, no thumbnail is the page's main image: always load it lazily.
        poster = _LOADING.sub(' loading="lazy"', poster.strip())
        found.append((video, html.unescape(title), poster))
    return found


def with_player(fragment, script_url):
    """Add the player script once to a fragment that holds a facade (else return it as is).

    Deferred like the site's other scripts; the script itself runs once per page even if
    several fragments on it carry the tag.
    """
    tag = f'<script src="{html.escape(script_url)}" defer></script>'
    if not facades(fragment) or tag in fragment:
        return fragment
    return f"{fragment}\n{tag}"


def item_videos(fragment, item_title, item_url, date):
    """Return the Videos of one item, each video once (an item may show one twice)."""
    videos, seen = [], set()
    for video, title, poster in facades(fragment):
        if video in seen:
            continue
        seen.add(video)
        has_thumbnail = "<img" in poster
        videos.append(Video(video, title, poster, has_thumbnail, item_title, item_url, date))
    return videos


def _naive(moment):
    """Return a comparable moment: news dates carry a zone, PPID dates may not."""
    if isinstance(moment, datetime.datetime):
        return moment.replace(tzinfo=None)
    return datetime.datetime.combine(moment, datetime.time())


def newest_first(videos):
    """Sort videos newest first; on the same moment by title, so every build agrees."""
    return sorted(videos, key=lambda v: (_naive(v.date), v.item_url, v.video_id), reverse=True)


def pages_at_list_address(entries, list_url):
    """Given (source, url) of pages, report each one at or under the video list's address.

    Pelican would stop with an English traceback when writing the list over the page.
    """
    return [
        (
            source,
            Problem(
                f'alamat "/{url}" dipakai situs untuk halamannya sendiri (daftar video); ganti '
                "nama berkas atau folder halaman ini.",
                line=1,
            ),
        )
        for source, url in entries
        if url.startswith(list_url)
    ]
