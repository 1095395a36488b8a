"""Settings schemas: defaults set once, every value checked when the build starts.

Not a Pelican plugin (it has no register()): each plugin declares one schema of its own
settings and applies it in its `initialized` handler, so a mistake in pelicanconf.py stops
the build before any file is read, named as a settings mistake with the key, its value and
what is allowed, in Bahasa Indonesia.

Hand-written rather than with pydantic: a schema is some sixty lines of plain Settings whose
messages must be Indonesian and name pelicanconf.py. Pydantic's messages are English, and its
models would have to be built from the flat settings dict Pelican hands the plugins, only to
be written back into that dict for the templates.
"""

import copy
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kpu_messages import AdminFacingError

CONF = "pelicanconf.py"
# The attribute of a plugin package that holds its schema, so one build names every
# plugin's mistakes (see other_plugins_problems).
SCHEMA_ATTRIBUTE = "SETTINGS_SCHEMA"
LONGEST_VALUE = 80

# What is allowed, for the kinds of value many plugins share.
BOOL_ALLOWED = "True atau False (tanpa tanda kutip)"
FOLDER_ALLOWED = 'nama folder relatif, tanpa "/" di depan atau di belakang dan tanpa ".."'
FILE_ALLOWED = 'nama berkas relatif di dalam situs, tanpa "/" di depan dan tanpa ".."'
URL_ALLOWED = 'alamat halaman relatif yang diakhiri "/", tanpa "/" di depan dan tanpa ".."'
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EXTENSION = re.compile(r"^[a-z0-9]+$")
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class SettingsError(AdminFacingError):
    """One or more settings in pelicanconf.py are wrong; the message lists them all."""


@dataclass(frozen=True)
class Setting:
    """One setting of a plugin: its default, a check of its value, and what is allowed."""

    key: str
    default: Any
    check: Callable[[Any], bool]
    allowed: str  # Bahasa Indonesia, e.g. "bilangan bulat positif, misalnya 12"


def defaults(schema):
    """Return {key: default} of a schema."""
    return {setting.key: setting.default for setting in schema}


def shown(value):
    """Return repr(value), shortened when it is too long to read in one line."""
    text = repr(value)
    if len(text) > LONGEST_VALUE:
        text = text[: LONGEST_VALUE - 1] + "…"
    return text


def _passes(setting, value):
    try:
        return bool(setting.check(value))
    except (TypeError, ValueError, AttributeError, KeyError, IndexError):
        # A check tripping over an odd value (a set, a number where text belongs) means the
        # value is wrong; the admin must get the message, not a traceback.
        return False


def schema_problems(settings, schema):
    """Return one message per setting whose value (or default, when unset) is not allowed."""
    problems = []
    for setting in schema:
        value = settings.get(setting.key, setting.default)
        if not _passes(setting, value):
            problems.append(
                f"{setting.key} = {shown(value)} tidak sah. Yang diizinkan: {setting.allowed}."
            )
    return problems


def other_plugins_problems(settings, plugin):
    """Check the schemas of the other plugins this build loaded; return {plugin: problems}.

    Only asked once a plugin has found a mistake: its build stops here, before the plugins
    after it check their own settings, and the admin should fix everything in one go.
    """
    found = {}
    for name in settings.get("PLUGINS") or ():
        schema = getattr(sys.modules.get(str(name)), SCHEMA_ATTRIBUTE, None)
        if name == plugin or not schema:
            continue
        problems = schema_problems(settings, schema)
        if problems:
            found[name] = problems
    return found


def settings_report(problems):
    """Format {plugin: [messages]} as one heading and a "- pelicanconf.py: …" line each."""
    plugins = ", ".join(plugin for plugin, messages in problems.items() if messages)
    lines = [f"- {CONF}: {m}" for messages in problems.values() for m in messages]
    return f"Pengaturan di {CONF} belum benar ({plugins}):\n" + "\n".join(lines)


def raise_settings_problems(settings, plugin, problems, error=SettingsError):
    """Stop the build over `plugin`'s problems, listing the other plugins' mistakes too."""
    if not problems:
        return
    raise error(
        settings_report({plugin: list(problems), **other_plugins_problems(settings, plugin)})
    )


def apply_schema(settings, schema, plugin):
    """Set each default, check every setting, and raise one SettingsError naming all mistakes."""
    for setting in schema:
        # A copy: a build that changes a list or dict it was given must not change the
        # default the next build (live reload) starts from.
        settings.setdefault(setting.key, copy.deepcopy(setting.default))
    raise_settings_problems(settings, plugin, schema_problems(settings, schema))


# Checks: each takes a value and says whether it is allowed; the factories make one.


def boolean(value):
    """Tell whether the value is True or False (not "True", not 1)."""
    return isinstance(value, bool)


def positive_int(value):
    """Tell whether the value is a whole number above zero."""
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def int_between(low, high):
    """Make a check for a whole number from `low` to `high`, both included."""

    def check(value):
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high

    return check


def text(value):
    """Tell whether the value is a string with more than whitespace in it."""
    return isinstance(value, str) and bool(value.strip())


def optional(check):
    """Make a check that also allows None (the feature is off)."""
    return lambda value: value is None or check(value)


def _relative_parts(value):
    """Return the segments of a path inside the output, or None if it could leave it."""
    if not isinstance(value, str) or not value or value != value.strip():
        return None
    if value.startswith("/") or "\\" in value or "://" in value or any(c.isspace() for c in value):
        return None
    parts = value.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    return parts


def relative_folder(value):
    """Tell whether the value names a folder inside the output ("images", "a/b")."""
    return _relative_parts(value) is not None and not value.endswith("/")


def relative_file(value):
    """Tell whether the value names a file inside the output ("feeds/semua.opml")."""
    return relative_folder(value)


def url_folder(value):
    """Tell whether the value is a page URL inside the site ending in "/" ("divisi/")."""
    return _relative_parts(value) is not None and value.endswith("/")


def site_link(value):
    """Tell whether the value is a link inside the site: "" (home), "profil/", "a/b.xml"."""
    return value == "" or _relative_parts(value) is not None


def _with_slug(value):
    try:
        return "{slug}" in value and value.format(slug="contoh") != value
    except (KeyError, IndexError, ValueError):
        return False  # another {field} or a lone brace: Pelican would crash on it


def url_pattern(value):
    """Tell whether the value is a page URL pattern with {slug} ("divisi/{slug}/")."""
    return isinstance(value, str) and _with_slug(value) and url_folder(value)


def file_pattern(value):
    """Tell whether the value is a file path pattern with {slug} ("feeds/{slug}.atom.xml")."""
    return isinstance(value, str) and _with_slug(value) and relative_file(value)


def ascending_positive_ints(value):
    """Tell whether the value is a non-empty list of positive whole numbers, small to large."""
    return (
        isinstance(value, (tuple, list))
        and bool(value)
        and all(positive_int(v) for v in value)
        and all(a < b for a, b in zip(value, value[1:], strict=False))
    )


def folders(value):
    """Tell whether the value is a list (maybe empty) of folders inside the output."""
    return isinstance(value, (tuple, list)) and all(relative_folder(v) for v in value)


def _text_map(value, key_pattern):
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and key_pattern.match(k) for k in value)
        and all(text(v) for v in value.values())
    )


def slug_labels(value):
    """Tell whether the value is a non-empty dict of slugs ("opini") to labels ("Opini")."""
    return _text_map(value, SLUG)


def extension_labels(value):
    """Tell whether the value is a non-empty dict of extensions ("pdf", lower-case, no dot)."""
    return _text_map(value, EXTENSION)


def hex_colour(value):
    """Tell whether the value is a colour written as "#rrggbb"."""
    return isinstance(value, str) and bool(HEX_COLOUR.match(value))


def links(with_sections=False):
    """Make a check for a list of {"label": text, "url": link inside the site} dicts.

    With `with_sections`, each also needs "sections": the first URL segments under which
    the link is shown as current ("" for the home page).
    """
    keys = {"label", "url", "sections"} if with_sections else {"label", "url"}

    def link(entry):
        return (
            isinstance(entry, dict)
            and keys <= set(entry)
            and text(entry["label"])
            and site_link(entry["url"])
            and (
                not with_sections
                or (
                    isinstance(entry["sections"], (tuple, list))
                    and all(isinstance(s, str) and "/" not in s for s in entry["sections"])
                )
            )
        )

    return lambda value: isinstance(value, (tuple, list)) and all(link(e) for e in value)
