from kpu_assets.model import bundle_css, fingerprinted_name, ordered_css_files, page_css_files


def test_tokens_and_base_come_first_then_components_by_name(tmp_path):
    for name in ("card.css", "base.css", "article.css", "tokens.css", "kpu.0123456789.css"):
        (tmp_path / name).write_text(f"/* {name} */")
    names = [p.name for p in ordered_css_files(tmp_path)]
    assert names == ["tokens.css", "base.css", "article.css", "card.css"]


def test_bundle_joins_files_in_order(tmp_path):
    (tmp_path / "tokens.css").write_text(":root { --a: 1; }\n")
    (tmp_path / "card.css").write_text(".kpu-card { color: red; }\n")
    css = bundle_css(ordered_css_files(tmp_path))
    assert css.index("--a") < css.index(".kpu-card")


def test_fingerprint_changes_with_content():
    assert fingerprinted_name("a{}") != fingerprinted_name("b{}")
    assert fingerprinted_name("a{}") == fingerprinted_name("a{}")
    assert fingerprinted_name("a{}").startswith("kpu.") and fingerprinted_name("a{}").endswith(
        ".css"
    )


def test_page_stylesheets_are_found_by_name_and_left_out_of_the_bundle(tmp_path):
    (tmp_path / "card.css").write_text(".kpu-card { color: red; }\n")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "tahapan.css").write_text(".kpu-timeline { margin: 0; }\n")
    assert page_css_files(tmp_path) == {"tahapan": tmp_path / "pages" / "tahapan.css"}
    assert [p.name for p in ordered_css_files(tmp_path)] == ["card.css"]
    assert page_css_files(tmp_path / "none") == {}
