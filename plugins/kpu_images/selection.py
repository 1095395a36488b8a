"""Which news items get a share card of their own: pure functions of dates and one field.

Drawing two cards per item is most of a cold build's image time, and a card matters only
while an item is still shared. Items of the last months (by date or modified date) and items
that ask for one get their own; the others share the office's standing card.
"""

import calendar


def months_before(moment, months):
    """Return the same time of day `months` calendar months earlier (day clamped to month end)."""
    total = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(total, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def gets_own_card(date, modified, asked, since):
    """Tell whether an item gets its own card: as asked, else if its latest date is >= `since`.

    `asked` is True or False when the item's front matter says so, None when it does not;
    `since` is the build's moment less the window, timezone-aware. A naive date is read in
    `since`'s time zone (the office's), as Pelican reads dates without a zone.
    """
    if asked is not None:
        return asked
    latest = max(d for d in (date, modified) if d is not None)
    if latest.tzinfo is None:
        latest = latest.replace(tzinfo=since.tzinfo)
    return latest >= since
