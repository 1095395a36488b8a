"""Shared wording for admin-facing errors (not a Pelican plugin: it has no register()).

Every plugin that stops a build over a content or settings mistake raises an
AdminFacingError, so the tasks can print the Bahasa Indonesia message alone.
"""

import difflib
import os

# Problems found while reading are kept in the build's shared context (new for every build,
# so live reload never sees stale ones) and raised together once everything is read.
PROBLEMS_KEY = "kpu_problems"


class AdminFacingError(ValueError):
    """A mistake an admin must fix; its message is complete and in Bahasa Indonesia."""


class ContentError(AdminFacingError):
    """One or more content files have mistakes an admin must fix."""


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


def record_problems(context, source, messages):
    """Remember problems of one source file (path relative to content/) for the final report."""
    if messages and context is not None:
        context.setdefault(PROBLEMS_KEY, {}).setdefault(source, []).extend(messages)


def recorded_problems(context):
    """Return {source: [messages]} recorded so far in this build."""
    return context.get(PROBLEMS_KEY, {}) if context is not None else {}


def raise_recorded(generators):
    """Stop the build with every recorded problem, once all generators have read their files."""
    if not generators:
        return
    context, settings = generators[0].context, generators[0].settings
    content_dir = os.path.basename(os.path.normpath(settings["PATH"]))
    lines = [
        f"{os.path.join(content_dir, source)}: {message}"
        for source, messages in sorted(recorded_problems(context).items())
        for message in messages
    ]
    if lines:
        raise ContentError(problem_report(lines))
