"""One iCalendar feed (RFC 5545) per election, written by the `icalendar` library.

A phone that subscribes re-reads the feed and replaces each event by its UID, so the UID
comes from what never changes when a stage is corrected: the election, the stage's slug
(its file name or `Slug`) and the site's host; never the title, the dates or the position.
The feed must be the same bytes when nothing changed (CI rebuilds daily; a changed feed
makes every subscriber download it again), so DTSTAMP comes from the content: the stage's
own start, in UTC. With METHOD:PUBLISH clients do not order updates by DTSTAMP; they take
the feed as it is.
"""

import datetime

from icalendar import Calendar, Event, Timezone
from markupsafe import Markup

PRODID = "-//KPU situs kabupaten//Tahapan pemilihan//ID"


def stage_uid(stage, host):
    """Return a UID stable across builds and edits of title and dates."""
    return f"{stage.election_slug}-{stage.slug}@{host or 'situs.lokal'}"


def plain_text(html):
    """Return the text of an HTML body, paragraphs kept apart, for DESCRIPTION."""
    paragraphs = html.replace("</p>", "</p>\n\n").replace("<br>", "\n").replace("</li>", "\n")
    lines = [Markup(part).striptags() for part in paragraphs.split("\n\n")]
    return "\n\n".join(line for line in lines if line)


def description(stage):
    """Return the event's DESCRIPTION: the body, the legal basis and the division."""
    parts = [plain_text(stage.body), f"Dasar hukum: {stage.dasar}"]
    parts.append(f"Penanggung jawab: {stage.division_name}")
    return "\n\n".join(part for part in parts if part)


def _stamp(stage, zone):
    start = stage.start
    if stage.all_day:
        start = datetime.datetime.combine(start, datetime.time(), tzinfo=zone)
    return start.astimezone(datetime.UTC)


def stage_event(stage, host, page_url, zone):
    """Return the VEVENT of one stage (all-day: VALUE=DATE with an exclusive DTEND)."""
    event = Event()
    event.add("uid", stage_uid(stage, host))
    event.add("dtstamp", _stamp(stage, zone))
    event.add("summary", stage.judul)
    event.add("dtstart", stage.start)
    end = stage.end + datetime.timedelta(days=1) if stage.all_day else stage.end
    event.add("dtend", end)
    if stage.tempat:
        event.add("location", stage.tempat)
    event.add("description", description(stage))
    if page_url:  # a URL must be absolute: left out of a preview build without SITEURL
        event.add("url", f"{page_url}#{stage.anchor}")
    event.add("categories", [stage.pemilihan])
    event.add("transp", "TRANSPARENT")  # a stage lasting weeks must not block the day
    return event


def election_calendar(election, site_name, host, page_url, zone, zone_id):
    """Return the .ics bytes of one election: CRLF lines, a VTIMEZONE, one VEVENT a stage."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{election.name} – {site_name}")
    calendar.add("x-wr-caldesc", f"Tahapan dan jadwal {election.name} ({site_name})")
    calendar.add("x-wr-timezone", zone_id)
    # The zone first: readers that meet a TZID before its VTIMEZONE may fall back to UTC.
    calendar.add_component(Timezone.from_tzid(zone_id))
    for stage in election.stages:
        calendar.add_component(stage_event(stage, host, page_url, zone))
    return calendar.to_ical()
