"""The Bahasa Indonesia locale of Decap CMS matches the English one key for key."""

import json
import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

LOCALE_JS = ROOT / "plugins" / "kpu_admin" / "static" / "locale-id.js"
PLACEHOLDER = re.compile(r"%\{(\w+)\}")
# Polyglot, which Decap uses, separates the plural forms of a phrase with four pipes.
PLURAL = "||||"
MIN_TRANSLATED = 0.9

# Why English is loaded from dist/esm/en/index.js as a data: URL: the package's "main" is a UMD
# build that needs `window` and exports nothing, and its "module" (dist/esm/index.js) re-exports
# './en' without a file extension from a package not marked "type": "module", which Node refuses.
# That one file imports nothing, so it loads on its own. Our file runs in a vm context whose
# only global is a fake `window.CMS`, as a browser would run it after decap-cms.js.
LOADER = r"""
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

async function main() {
  const [root, localeFile] = process.argv.slice(1);
  const pkgJson = require.resolve('decap-cms-locales/package.json', { paths: [root] });
  const pkg = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
  const enFile = path.join(path.dirname(pkgJson), 'dist', 'esm', 'en', 'index.js');
  const enUrl = 'data:text/javascript;base64,' + fs.readFileSync(enFile).toString('base64');
  const en = (await import(enUrl)).default;
  const calls = [];
  const window = { CMS: { registerLocale(name, phrases) { calls.push([name, phrases]); } } };
  const source = fs.readFileSync(localeFile, 'utf8');
  vm.runInNewContext(source, { window }, { filename: localeFile });
  process.stdout.write(JSON.stringify({ version: pkg.version, en, calls }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
"""


def leaves(tree, prefix=""):
    """Flatten a nested phrase object into {"a.b.c": value}."""
    flat = {}
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(leaves(value, f"{path}."))
        else:
            flat[path] = value
    return flat


def placeholders(text):
    """Return the set of %{name} placeholders in a phrase."""
    return set(PLACEHOLDER.findall(text))


def placeholder_mismatches(english, ours):
    """Return the keys whose placeholder sets differ from English."""
    return sorted(
        key
        for key, text in english.items()
        if isinstance(ours.get(key), str) and placeholders(ours[key]) != placeholders(text)
    )


def plural_mismatches(english, ours):
    """Return the keys whose plural forms differ from English in number or placeholders."""
    bad = []
    for key, text in english.items():
        mine = ours.get(key)
        if not isinstance(mine, str):
            continue
        en_forms, our_forms = text.split(PLURAL), mine.split(PLURAL)
        same_count = len(en_forms) == len(our_forms)
        if not same_count or any(
            placeholders(a) != placeholders(b) for a, b in zip(en_forms, our_forms, strict=True)
        ):
            bad.append(key)
    return sorted(bad)


@pytest.fixture(scope="module")
def loaded():
    if shutil.which("node") is None:
        pytest.skip("node is not on PATH")
    result = subprocess.run(
        ["node", "-e", LOADER, str(ROOT), str(LOCALE_JS)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def english(loaded):
    flat = leaves(loaded["en"])
    # An English object that failed to load would make every comparison below pass vacuously.
    assert len(flat) > 100 and flat["auth.login"] == "Login"
    return flat


@pytest.fixture(scope="module")
def ours(loaded):
    assert [name for name, _ in loaded["calls"]] == ["id"], "registerLocale('id', …) once"
    return leaves(loaded["calls"][0][1])


def test_key_paths_match_english(english, ours):
    missing = sorted(english.keys() - ours.keys())
    extra = sorted(ours.keys() - english.keys())
    assert (missing, extra) == ([], []), f"missing: {missing}\nnot in English: {extra}"


def test_every_value_is_a_non_empty_string(ours):
    bad = sorted(key for key, text in ours.items() if not isinstance(text, str) or not text.strip())
    assert bad == []


def test_placeholders_match_english(english, ours):
    assert placeholder_mismatches(english, ours) == []


def test_plural_forms_match_english(english, ours):
    assert any(PLURAL in text for text in english.values()), "English has no plural phrases?"
    assert plural_mismatches(english, ours) == []


def test_most_phrases_are_translated(english, ours):
    same = sorted(key for key in english.keys() & ours.keys() if english[key] == ours[key])
    translated = 1 - len(same) / len(english)
    assert translated >= MIN_TRANSLATED, f"{translated:.0%} translated; unchanged: {same}"


def test_header_names_the_english_version_it_was_translated_from(loaded):
    header = LOCALE_JS.read_text(encoding="utf-8").split("*/", 1)[0]
    assert f"decap-cms-locales {loaded['version']}" in header


@pytest.mark.parametrize(
    ("english", "ours", "expected"),
    [
        ({"a": "%{count} items"}, {"a": "%{count} butir"}, []),
        ({"a": "%{count} items"}, {"a": "%{jumlah} butir"}, ["a"]),
        ({"a": "%{fieldLabel} is required."}, {"a": "Wajib diisi."}, ["a"]),
        ({"a": "Save"}, {"a": "Simpan %{x}"}, ["a"]),
    ],
)
def test_placeholder_mismatches_finds_renamed_lost_and_added(english, ours, expected):
    assert placeholder_mismatches(english, ours) == expected


@pytest.mark.parametrize(
    ("english", "ours", "expected"),
    [
        ({"a": "%{smart_count} entry |||| %{smart_count} entries"}, {"a": "x |||| y"}, ["a"]),
        ({"a": "%{smart_count} entry |||| %{smart_count} entries"}, {"a": "%{smart_count}"}, ["a"]),
        ({"a": "One"}, {"a": "Satu |||| Satu"}, ["a"]),
        (
            {"a": "%{smart_count} entry |||| %{smart_count} entries"},
            {"a": "%{smart_count} entri |||| %{smart_count} entri"},
            [],
        ),
    ],
)
def test_plural_mismatches_finds_missing_and_extra_forms(english, ours, expected):
    assert plural_mismatches(english, ours) == expected
