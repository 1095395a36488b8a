"""Signal handlers of kpu_navigation."""

from kpu_navigation.model import ancestors, build_tree


def link_page_tree(generator):
    """Attach `parent`, `children` and `ancestors` to every page (hidden ones included)."""
    pages = generator.pages + generator.hidden_pages
    tree = build_tree(pages)
    for page in pages:
        parent, children = tree[id(page)]
        page.parent_page = parent
        page.child_pages = [c for c in children if c in generator.pages]
        page.ancestor_pages = ancestors(page, tree)
