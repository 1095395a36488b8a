"""Shared wording for admin-facing errors (not a Pelican plugin: it has no register()).

Every plugin that stops a build over a content or settings mistake raises an
AdminFacingError, so the tasks can print the Bahasa Indonesia message alone.
"""

import difflib
import logging
import os
import re
import stat
import sys

from kpu_buildstate import contract

# Problems found while reading are kept in the build's shared context (new for every build,
# so live reload never sees stale ones) and raised together once everything is read.
PROBLEMS_KEY = contract.per_build_key("kpu_problems")


class AdminFacingError(ValueError):
    """A mistake an admin must fix; its message is complete and in Bahasa Indonesia."""


class ContentError(AdminFacingError):
    """One or more content files have mistakes an admin must fix."""


class Problem(str):
    """A message that knows where it points: a line of the file, or a text written there.

    A plain str works everywhere a Problem does; the report then finds the line from the
    field the message names or the text it quotes (see locate_line).
    """

    def __new__(cls, text, line=None, needle=None):
        """Make a message pointing at `line` (1-based) or at the first line holding `needle`."""
        problem = super().__new__(cls, text)
        problem.line = line
        problem.needle = needle
        return problem

    def __reduce__(self):
        return (type(self), (str(self), self.line, self.needle))


class FileProblem(Problem):
    """A problem with a whole file (not UTF-8, a symlink): what else it shows is noise."""


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


FIELD = re.compile(r'^kolom "([^"]+)"')
QUOTED = re.compile(r'"([^"]{2,})"')


def locate_line(text, message):
    """Return the line of a file a message is about: its field's line, or a quoted value's."""
    # Lines as editors count them: "\x0b" or "\u2028" (pasted from Word) are not line breaks.
    lines = text.replace("\r\n", "\n").split("\n")
    if getattr(message, "line", None):
        return message.line
    needle = getattr(message, "needle", None)
    field = FIELD.match(message)
    if needle and field:
        # A field's problem that quotes a value: the header line holding it (a continuation
        # line of `Lampiran:`, say), not the same text in the body.
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                break
            if needle in line:
                return number
    if needle:
        found = _find(lines, needle)
        if found:
            return found
    if field:
        key = field.group(1).lower()
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                break  # the header ends at the first blank line
            if line.split(":", 1)[0].strip().lower() == key:
                return number
    for value in QUOTED.findall(message[field.end() :] if field else message):
        for number, line in enumerate(lines, start=1):
            if value in line:
                return number
    return 1


def _find(lines, needle):
    """Return the first line holding `needle`, preferring the body over the header."""
    body = next((n for n, line in enumerate(lines, start=1) if not line.strip()), 0)
    for number, line in enumerate(lines, start=1):
        if number > body and needle in line:
            return number
    for number, line in enumerate(lines[:body], start=1):
        if needle in line:
            return number
    return None


def _readable_text(path):
    """Return a content file's text for finding lines; "" for links, pipes and the like.

    Opening a named pipe would wait forever, and a link may point at a private file.
    """
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return ""
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def problem_lines(content_path, problems):
    """Format {source: [messages]} as sorted "content/path:line: message" lines."""
    content_dir = os.path.basename(os.path.normpath(content_path))
    formatted = []
    for source, messages in sorted(problems.items()):
        whole = [m for m in messages if isinstance(m, FileProblem)]
        messages = whole or messages  # a file that cannot be read yields no other truths
        text = _readable_text(os.path.join(content_path, source))
        for message in messages:
            line = locate_line(text, message)
            formatted.append(
                (source, line, f"{os.path.join(content_dir, source)}:{line}: {message}")
            )
    return [entry for _source, _line, entry in sorted(formatted, key=lambda e: (e[0], e[1]))]


def raise_recorded(generators):
    """Stop the build with every recorded problem, once all generators have read their files."""
    if not generators:
        return
    context, settings = generators[0].context, generators[0].settings
    lines = problem_lines(settings["PATH"], recorded_problems(context))
    if lines:
        raise ContentError(problem_report(lines))


class PlainReport(logging.Filter):
    """Print an admin-facing error alone: no traceback, no wrapped lines.

    Pelican's own command (`pelican content -s publishconf.py`) logs a failed build with its
    traceback through a console that wraps at 80 columns, which splits "path:line:" apart so
    neither an admin, an editor nor a CI annotation can use it. Our errors are complete
    sentences; they are written to stderr as they are, and Pelican still exits non-zero.
    """

    def filter(self, record):
        """Write an AdminFacingError's message plainly and drop the record; pass the rest."""
        error = record.exc_info[1] if record.exc_info else None
        if not isinstance(error, AdminFacingError):
            return True
        sys.stderr.write(f"\nBUILD GAGAL. {error}\n")
        sys.stderr.flush()
        return False


def report_plainly():
    """Give every handler of the root logger the PlainReport filter (once)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, PlainReport) for f in handler.filters):
            handler.addFilter(PlainReport())
