"""The Atom feed of new and updated DIP items (exempt items never appear in it)."""

from feedgenerator import Atom1Feed


def _aware(value, zone):
    return value if value.tzinfo else value.replace(tzinfo=zone)


def ppid_atom(items, siteurl, feed_url, title, zone, limit=50):
    """Return an Atom document of the latest-changed DIP items, newest first."""
    public = sorted((i for i in items if not i.exempt), key=lambda i: i.updated, reverse=True)
    feed = Atom1Feed(
        title=title,
        link=f"{siteurl}/",
        feed_url=feed_url,
        description="Informasi publik baru dan yang diperbarui",
        language="id",
    )
    for item in public[:limit]:
        link = f"{siteurl}/{item.url}"
        feed.add_item(
            title=item.judul,
            link=link,
            unique_id=link,
            description=item.ringkasan,
            author_name=item.penanggung_jawab,
            pubdate=_aware(item.tanggal, zone),
            updateddate=_aware(item.updated, zone),
            categories=[item.klasifikasi, item.kelompok],
        )
    return feed.writeString("utf-8")
