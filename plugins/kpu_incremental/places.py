"""The build's folders by name, so digests and the manifest never hold an absolute path.

A page's digests would otherwise change with the folder the project sits in: the settings
hold the content, theme and cache folders, and each content item is known by its source
path. CI checks the site out afresh (another folder on another runner) and restores only
`cache/`; with every path under a known folder written as that folder's name plus the rest,
the restored manifest still matches, and its pages are reused there too.
"""

import os

_TOKEN = "<{}>"


class Places:
    """Named folders: turn a path under one into `<NAME>/rest` and back."""

    def __init__(self, folders):
        pairs = {}
        for name, folder in folders.items():
            if folder:
                pairs.setdefault(os.path.abspath(folder).rstrip(os.sep) or os.sep, name)
        # Longest folder first, so a folder inside another (staging inside cache/) wins.
        self.pairs = sorted(
            ((folder, _TOKEN.format(name)) for folder, name in pairs.items()),
            key=lambda pair: -len(pair[0]),
        )
        self.prefixes = tuple(folder for folder, _token in self.pairs)

    def portable(self, path):
        """Return `path` with its folder named, or `path` itself when under no known folder."""
        if not self.prefixes or not path.startswith(self.prefixes):
            return path
        for folder, token in self.pairs:
            rest = path[len(folder) :]
            if path.startswith(folder) and (not rest or rest[0] == os.sep):
                return token + rest.replace(os.sep, "/")
        return path

    def local(self, path):
        """Return the path `portable` wrote, under this build's folders."""
        if not path.startswith("<"):
            return path
        for folder, token in self.pairs:
            if path.startswith(token):
                return folder + path[len(token) :].replace("/", os.sep)
        return path  # a folder this build does not have: matches nothing

    def portable_key(self, key):
        """Return a content item's identity (`Kind:source path`) with its folder named."""
        kind, sep, path = key.partition(":")
        return f"{kind}{sep}{self.portable(path)}" if sep else key

    def local_key(self, key):
        """Return the identity `portable_key` wrote, under this build's folders."""
        kind, sep, path = key.partition(":")
        return f"{kind}{sep}{self.local(path)}" if sep else key


NOWHERE = Places({})


def build_places(settings, live, staging):
    """Name the folders a build's data can point into: content, theme, plugins, cache, output.

    The project is the content folder's parent (what tasks.py and the tests lay out): paths
    elsewhere in it, such as node_modules/, are then portable too.
    """
    content = settings.get("PATH", "")
    folders = {
        "PATH": content,
        "THEME": settings.get("THEME", ""),
        "CACHE_PATH": settings.get("CACHE_PATH", ""),
        "OUTPUT": live,
        "STAGING": staging,
        "PROJECT": os.path.dirname(os.path.abspath(content)) if content else "",
    }
    for index, folder in enumerate(settings.get("PLUGIN_PATHS", [])):
        folders[f"PLUGINS{index}"] = folder
    return Places(folders)
