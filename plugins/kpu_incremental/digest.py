"""Stable digests of build data, so that two builds can tell what changed between them.

Content objects (news items, pages, PPID items) are digested by *identity* wherever they appear
inside other data; their own state is digested separately as a *fingerprint*. A page then
depends on the site-wide digest, on its own page variables and on the fingerprints of the
items its template touched.

Values of other libraries are digested by value where their value is known (paths, numbers,
time zones, partial functions); functions, classes and modules by their qualified name. Any
other object gets a digest of its own in every build, so a page holding it is rendered again
each time instead of being reused while it may be stale.
"""

import dataclasses
import datetime
import decimal
import enum
import fractions
import functools
import hashlib
import os
import pathlib
import types
import uuid
import zoneinfo

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

# Code is known by its qualified name: templates' context holds filters and helper functions.
_NAMED_KINDS = (
    type,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.ModuleType,
    types.MethodDescriptorType,
    types.WrapperDescriptorType,
    types.MethodWrapperType,
)
# Fields of a content object that are not its own state: the shared settings and context.
_SHARED_FIELDS = frozenset({"settings", "_context", "context"})
# Classes seen standing for a source file (Article, Page, PpidItem): a pure cache.
_SOURCE_KINDS = set()


def is_source_object(value):
    """Tell whether `value` stands for one source file (a Pelican content or a PPID item)."""
    return isinstance(value, Content) or getattr(type(value), "kpu_source_object", False)


def identity(value):
    """Return the key that names a content object across builds, or None for other values."""
    if isinstance(value, type) or not is_source_object(value):
        return None
    source = getattr(value, "source_path", None)
    return f"{type(value).__name__}:{source}" if isinstance(source, str) else None


class _Digester:
    """Feeds a canonical encoding of values into a hash."""

    def __init__(self, skip, found, memo, places=None):
        self.hasher = hashlib.blake2b(digest_size=16)
        self.update = self.hasher.update
        self.skip, self.found, self.memo, self.seen = skip, found, memo, set()
        self.places = places
        self.prefixes = places.prefixes if places is not None else ()

    def feed(self, value):
        update, kind = self.update, type(value)
        if kind is str or isinstance(value, str):  # Markup and plain text alike
            if self.prefixes and value.startswith(self.prefixes):
                value = self.places.portable(value)
            update(b"s%d:" % len(value))
            update(value.encode("utf-8", "surrogatepass"))
        elif kind in _SOURCE_KINDS and isinstance(getattr(value, "source_path", None), str):
            # The bulk of list pages: checked first, before the other kinds.
            key = f"{kind.__name__}:{value.source_path}"
            update(f"c:{self.portable_key(key)};".encode())
            if self.found is not None:
                self.found[key] = value
        elif value is None or kind is bool or kind is int or kind is float:
            update(f"{kind.__name__}:{value!r};".encode())
        elif kind is dict or kind is list or kind is tuple:
            self.feed_shared(value)
        elif isinstance(value, bytes):
            update(b"b%d:" % len(value))
            update(value)
        elif isinstance(value, datetime.date | datetime.time):
            update(f"d:{value.isoformat()};".encode())
        elif isinstance(value, URLWrapper):
            # Category, Tag, Author: the name is the identity (the slug is computed lazily).
            update(f"u:{kind.__name__}:{value.name};".encode())
        elif isinstance(value, datetime.timedelta | enum.Enum):
            update(f"t:{value!r};".encode())
        else:
            key = identity(value)
            if key is None:
                self.feed_shared(value)
                return
            _SOURCE_KINDS.add(kind)
            update(f"c:{self.portable_key(key)};".encode())
            if self.found is not None:
                self.found[key] = value

    def portable_key(self, key):
        """Name a content item the same wherever the project sits."""
        return key if self.places is None else self.places.portable_key(key)

    def feed_shared(self, value):
        """Digest a container once per build when it is shared by many pages (a paginator)."""
        if id(value) in self.seen:
            self.update(b"^;")
            return
        memo = self.memo
        if memo is not None and (len(value) > 32 if hasattr(value, "__len__") else True):
            known = memo.get(id(value))
            if known is None or known[0] is not value:
                # Keep the object itself so its id cannot be reused by another object.
                inner = _Digester(self.skip, self.found, memo, self.places)
                inner.seen.add(id(value))
                inner.feed_container(value)
                known = (value, inner.hasher.hexdigest())
                memo[id(value)] = known
            self.update(f"m:{known[1]};".encode())
            return
        self.seen.add(id(value))
        try:
            self.feed_container(value)
        finally:
            self.seen.discard(id(value))

    def feed_container(self, value):
        update = self.update
        if isinstance(value, dict):
            update(b"{")
            try:
                keys = sorted(value)  # plain keys (text): no repr() for each
            except TypeError:
                keys = sorted(value, key=repr)
            for key in keys:
                if key not in self.skip:
                    self.feed(key)
                    self.feed(value[key])
            update(b"}")
        elif isinstance(value, list | tuple):
            update(b"[%d" % len(value))
            for item in value:
                self.feed(item)
            update(b"]")
        elif isinstance(value, set | frozenset):
            update(b"<")
            digests = (
                stable_digest(v, self.skip, self.found, self.memo, self.places) for v in value
            )
            for text in sorted(digests):
                update(text.encode())
            update(b">")
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            update(f"D:{type(value).__name__}".encode())
            for item in dataclasses.fields(value):
                update(item.name.encode())
                self.feed(getattr(value, item.name))
        elif _is_data_object(value):
            update(f"O:{type(value).__name__}".encode())
            self.feed({k: v for k, v in vars(value).items() if k not in _SHARED_FIELDS})
        else:
            self.feed_foreign(value)

    def feed_foreign(self, value):
        """Digest a value of another library by what it holds, or uniquely when that is unknown."""
        if isinstance(value, _NAMED_KINDS):
            self.update(f"x:{_qualified_name(value)};".encode())
        elif isinstance(value, functools.partial):
            self.update(b"F")
            self.feed(value.func)
            self.feed(value.args)
            self.feed(value.keywords)
        else:
            text = _value_text(value)
            if self.places is not None and isinstance(value, pathlib.PurePath):
                text = self.places.portable(text)
            if text is None:
                # Not knowable (a lock, a generator, a client object): a digest no other build
                # has, so the page is rendered again rather than reused when it may be stale.
                text = "?" + os.urandom(16).hex()
            kind = type(value)
            name = f"{kind.__module__}.{kind.__qualname__}"
            self.update(f"v:{name}:{len(text)}:".encode())
            self.update(text.encode("utf-8", "surrogatepass"))


def _qualified_name(code):
    """Return `module.qualname` of a function, class, method or module."""
    if isinstance(code, types.ModuleType):
        return code.__name__
    if isinstance(code, types.MethodType):
        code = code.__func__  # the function: its object is not known stably (as before)
    module = getattr(code, "__module__", None) or ""
    return f"{module}.{getattr(code, '__qualname__', type(code).__qualname__)}"


def _value_text(value):
    """Return a canonical text of a value type of the standard library, or None if unknown."""
    # Base methods, not the value's own: a subclass's repr could hold an address.
    if isinstance(value, pathlib.PurePath):
        return value.as_posix()  # the type name, digested beside it, tells the flavour
    if isinstance(value, decimal.Decimal):
        return decimal.Decimal.__str__(value)  # keeps "1.0" apart from "1.00", as shown
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return float.__repr__(value)
    if isinstance(value, fractions.Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, complex):
        return complex.__repr__(value)
    if isinstance(value, zoneinfo.ZoneInfo):
        return value.key if isinstance(value.key, str) else None  # from_file(): no key
    if isinstance(value, datetime.timezone):
        return datetime.timezone.__repr__(value)
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, range):
        return f"{value.start}:{value.stop}:{value.step}"
    if isinstance(value, bytearray):
        return bytes(value).hex()
    return None


def _is_data_object(value):
    """Tell whether `value` is a data-holding object whose attributes describe it."""
    if callable(value) or not hasattr(value, "__dict__"):
        return False
    # Category, Tag, Author, paginator pages and the plugins' models hold data; objects of
    # other libraries (zones, locales, loggers) are described well enough by their type.
    module = type(value).__module__ or ""
    return module.startswith(("pelican.", "kpu_"))


def stable_digest(value, skip=frozenset(), found=None, memo=None, places=None):
    """Digest `value` the same way in every build; dict keys in `skip` are left out.

    Content objects met on the way are digested by identity and, if `found` is a dict,
    collected into it by identity. With a `memo` dict, large containers and data objects
    are digested once and reused by id (they must not change while the memo lives). With
    `places` (kpu_incremental.places.Places), a path under one of the build's folders is
    digested by the folder's name, so a project moved elsewhere digests the same.
    """
    digester = _Digester(frozenset(skip), found, memo, places)
    digester.feed(value)
    return digester.hasher.hexdigest()


def fingerprint(content, places=None):
    """Digest a content object's own state (text, metadata, fields added by plugins)."""
    if dataclasses.is_dataclass(content):
        state = {f.name: getattr(content, f.name) for f in dataclasses.fields(content)}
    else:
        state = {k: v for k, v in vars(content).items() if k not in _SHARED_FIELDS}
    return stable_digest(state, places=places)
