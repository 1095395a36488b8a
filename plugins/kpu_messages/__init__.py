"""Shared wording for admin-facing errors (not a Pelican plugin: it has no register()).

Every plugin that stops a build over a content or settings mistake raises an
AdminFacingError, so the tasks can print the Bahasa Indonesia message alone.
"""

import difflib


class AdminFacingError(ValueError):
    """A mistake an admin must fix; its message is complete and in Bahasa Indonesia."""


def nearest(value, allowed):
    """Return the allowed value closest to a misspelt or shortened one, or None."""
    value = str(value).strip().lower()
    allowed = list(allowed)
    if not value:
        return None
    lowered = {a.lower(): a for a in allowed}
    if value in lowered:
        return lowered[value]
    # Admins often write only the first word of a slug ("hukum" for "hukum-pengawasan").
    containing = [a for a in allowed if value in a.lower()]
    if len(containing) == 1:
        return containing[0]
    matches = difflib.get_close_matches(value, list(lowered), n=1, cutoff=0.5)
    return lowered[matches[0]] if matches else None


def unknown_value(field, value, allowed):
    """Say that a field's value is not allowed, list the choices and suggest the nearest."""
    hint = nearest(value, allowed)
    message = f'kolom "{field}": nilai "{value}" tidak dikenal. Pilihan: {", ".join(allowed)}.'
    if hint:
        message += f' Mungkin maksud Anda "{hint}"?'
    return message


def problem_report(problems):
    """Join "file: message" lines under one heading that counts them."""
    return (
        f"Ada {len(problems)} kesalahan di konten; perbaiki lalu bangun ulang situs:\n"
        + "\n".join(problems)
    )
