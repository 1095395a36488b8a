"""Build the page tree from each page's path (pages/profil/sejarah.md -> profil/sejarah)."""

from kpu_settings import Setting, links

LINK_ALLOWED = (
    '"label" (teks) dan "url" (alamat relatif di situs tanpa "/" di depan, misalnya "profil/";'
    ' "" untuk beranda)'
)
# The menu and the footer links are drawn by the theme; pelicanconf.py lists them.
SCHEMA = (
    Setting(
        "KPU_MENU",
        (),
        links(with_sections=True),
        f'daftar dict, masing-masing dengan {LINK_ALLOWED} serta "sections" (daftar bagian'
        ' pertama URL tempat menu itu aktif, misalnya ["berita", "kategori"])',
    ),
    Setting(
        "KPU_FOOTER_LINKS",
        (),
        links(),
        f"daftar dict, masing-masing dengan {LINK_ALLOWED}",
    ),
)


def parent_path(page_path):
    """Return the path of a page's parent ("profil" for "profil/sejarah"), or ""."""
    head, _, _ = page_path.rpartition("/")
    return head


def sort_key(page):
    """Order siblings by their `Order:` field, then by title."""
    try:
        order = int(page.metadata.get("order", 999))
    except (TypeError, ValueError):
        order = 999
    return (order, str(getattr(page, "title", "")).lower())


def build_tree(pages):
    """Map each page to (parent, children) using the `pagepath` taken from its file path."""
    by_path = {p.metadata.get("pagepath"): p for p in pages if p.metadata.get("pagepath")}
    tree = {id(p): [None, []] for p in pages}
    for page in pages:
        parent = by_path.get(parent_path(page.metadata.get("pagepath", "")))
        if parent is not None and parent is not page:
            tree[id(page)][0] = parent
            tree[id(parent)][1].append(page)
    for entry in tree.values():
        entry[1].sort(key=sort_key)
    return tree


def ancestors(page, tree):
    """Return the chain of parents from the top section down to the page's parent."""
    chain = []
    parent = tree[id(page)][0]
    while parent is not None and parent not in chain:
        chain.insert(0, parent)
        parent = tree[id(parent)][0]
    return chain
