"""Signal handlers of kpu_navigation."""

from kpu_navigation.model import SCHEMA, ancestors, build_tree
from kpu_settings import apply_schema


def apply_settings(pelican):
    """Check KPU_MENU and KPU_FOOTER_LINKS before a template draws them."""
    apply_schema(pelican.settings, SCHEMA, "kpu_navigation")


def link_page_tree(generator):
    """Attach `parent`, `children` and `ancestors` to every page (hidden ones included)."""
    pages = generator.pages + generator.hidden_pages
    tree = build_tree(pages)
    for page in pages:
        parent, children = tree[id(page)]
        page.parent_page = parent
        page.child_pages = [c for c in children if c in generator.pages]
        page.ancestor_pages = ancestors(page, tree)
