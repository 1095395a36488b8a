from types import SimpleNamespace

from kpu_navigation.model import ancestors, build_tree, parent_path


def _page(path, title, order=None):
    metadata = {"pagepath": path}
    if order is not None:
        metadata["order"] = str(order)
    return SimpleNamespace(metadata=metadata, title=title)


def test_parent_path():
    assert parent_path("profil/sejarah") == "profil"
    assert parent_path("a/b/c") == "a/b"
    assert parent_path("kontak") == ""


def test_tree_orders_children_and_walks_ancestors():
    profil = _page("profil", "Profil")
    sejarah = _page("profil/sejarah", "Sejarah", 2)
    visi = _page("profil/visi-misi", "Visi", 1)
    rinci = _page("profil/sejarah/rinci", "Rinci")
    kontak = _page("kontak", "Kontak")
    tree = build_tree([profil, sejarah, visi, rinci, kontak])
    assert tree[id(profil)][1] == [visi, sejarah]
    assert tree[id(kontak)] == [None, []]
    assert ancestors(rinci, tree) == [profil, sejarah]


def test_orphan_subpage_has_no_parent():
    orphan = _page("layanan/jadwal", "Jadwal")
    tree = build_tree([orphan])
    assert tree[id(orphan)][0] is None and ancestors(orphan, tree) == []
