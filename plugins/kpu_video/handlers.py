"""Signal handlers of kpu_video."""

from pelican.contents import Article, Page

from kpu_messages import record_problems
from kpu_settings import apply_schema
from kpu_video.generator import VideoGenerator
from kpu_video.model import item_videos, newest_first, pages_at_list_address, with_player
from kpu_video.settings import SCHEMA

CONTEXT_KEY = "kpu_videos"


def apply_settings(pelican):
    """Check the KPU_VIDEO* settings."""
    apply_schema(pelican.settings, SCHEMA, "kpu_video")


def player_url(settings):
    """Return the address of the player script (copied from theme/static/js/ by Pelican)."""
    return f"{settings.get('SITEURL', '')}/{settings.get('THEME_STATIC_DIR', 'theme')}/js/video.js"


def mark_content(content):
    """Give a news item or page with a video the player script, and note its videos.

    Runs after kpu_gate (which wrote the facades) and kpu_images (which rewrote their
    thumbnails), as PLUGINS lists them.
    """
    if not isinstance(content, (Article, Page)) or content._context is None:
        return
    fragment = content._content or ""
    content._content = with_player(fragment, player_url(content.settings))
    content.videos = item_videos(
        fragment, str(content.title), content.url, getattr(content, "date", None)
    )


def check_list_address(generator):
    """Report a page that would sit at /video/ (or under it), with the other content problems."""
    entries = [
        (page.relative_source_path, page.url)
        for key in ("pages", "hidden_pages")
        for page in generator.context.get(key, [])
    ]
    found = pages_at_list_address(entries, generator.settings["KPU_VIDEO_URL"])
    for source, problem in found:
        record_problems(generator.context, source, [problem])


def collect_videos(generators):
    """List every published item's videos, newest first, for /video/ and the home page.

    PPID items are read by kpu_ppid's own generator, so their bodies get the player here.
    """
    if not generators:
        return
    context, settings = generators[0].context, generators[0].settings
    videos = []
    for article in context.get("articles", []):
        videos += getattr(article, "videos", [])
    for item in context.get("ppid_items", []):
        if getattr(item, "exempt", False):
            continue  # an exempt item's body is never published
        item.body = with_player(item.body, player_url(settings))
        item.videos = item_videos(item.body, item.judul, item.url, item.tanggal)
        videos += item.videos
    context[CONTEXT_KEY] = newest_first(videos)


def add_generator(pelican):
    """Add the generator that writes /video/."""
    return VideoGenerator
