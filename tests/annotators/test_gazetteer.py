"""The world-wide gazetteer: well-formed files, unique bodies, every spelling reachable, coverage."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import astuple
from pathlib import Path

import jsonschema
import pytest

from annotator.annotators.agencies import find_agencies
from annotator.annotators.agencies.gazetteer import (
    DATA,
    Entry,
    Gazetteer,
    Variant,
    default_gazetteer,
    gazetteer_files,
    load_places,
)
from annotator.annotators.agencies.spellings import END, build_index
from annotator.annotators.agencies.tokens import Tokens, fold
from annotator.annotators.places import places_data

ROOT = Path(__file__).parents[2]
SCHEMA = json.loads((ROOT / "schemas" / "gazetteer.schema.json").read_text("utf-8"))
FILES = gazetteer_files(DATA)
G20 = "AR AU BR CA CN DE FR GB IN ID IT JP KR MX RU SA ZA TR US EU".split()


def _documents() -> list[tuple[Path, dict]]:
    return [(path, json.loads(path.read_text("utf-8"))) for path in FILES]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_file_follows_the_schema_and_holds_its_own_country(path: Path) -> None:
    document = json.loads(path.read_text("utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    assert document["country"] == path.stem
    assert {entry["country"] for entry in document["entries"]} == {path.stem}


def test_bodies_are_unique_and_parents_resolve() -> None:
    entries = [entry for _path, document in _documents() for entry in document["entries"]]
    keys = Counter((entry["name"], entry["country"]) for entry in entries)
    assert [key for key, count in keys.items() if count > 1] == []
    names = {entry["name"] for entry in entries}
    assert sorted({e["parent"] for e in entries if e["parent"] and e["parent"] not in names}) == []


def test_every_country_file_has_its_names_in_places() -> None:
    countries = places_data()["countries"]
    missing = [path.stem for path in FILES if path.stem not in (*countries, "INT", "EU")]
    assert missing == []


def _as_matched(spelling: str) -> str:
    """One- and two-word names match capitalised: "Austrian police" is found as "Austrian Police"."""
    words = spelling.split()
    if len(words) > 2:
        return spelling
    return " ".join(w if w[:1].isupper() or w in ("of", "the", "and") else w.title() for w in words)


def test_every_entry_is_reachable_by_its_name_aliases_and_acronyms() -> None:
    gazetteer = default_gazetteer()
    unreachable = []
    for index, entry in enumerate(gazetteer.entries):
        for spelling in (entry.name, *entry.aliases, *entry.local_aliases, *entry.acronyms):
            tokens = Tokens.of(_as_matched(spelling))
            if not any(
                hit.start == 0
                and hit.stop == len(tokens.raw)
                and any(v.entry == index for v in hit.variants)
                for hit in gazetteer.match(tokens)
            ):
                unreachable.append((entry.country, entry.name, spelling))
    assert unreachable == []


def test_coverage_is_world_wide() -> None:
    per_country = Counter(entry.country for entry in default_gazetteer().entries)
    assert sum(per_country.values()) >= 3000
    assert len([c for c in per_country if c not in ("INT", "EU")]) >= 60
    assert {c: per_country[c] for c in G20 if per_country[c] < 30} == {}
    assert per_country["INT"] >= 150  # the UN system and other intergovernmental bodies


def _names(text: str, gazetteer: Gazetteer | None = None, **context) -> list[tuple[str, str]]:
    tokens = Tokens.of(text)
    return [
        (" ".join(tokens.raw[f.start : f.stop]), f.name)
        for f in find_agencies(tokens, gazetteer, **context)
    ]


def test_a_renamed_body_is_the_one_in_force_on_the_publication_day() -> None:
    entries = [
        Entry("Old Board of Trade", "GB", "agency", acronyms=("BOT",), valid_to="2003-03-01"),
        Entry("New Board of Trade", "GB", "agency", acronyms=("BOT",), valid_from="2003-03-01"),
    ]
    small = Gazetteer(entries, load_places())
    text = "In London, the BOT said exports rose."
    assert _names(text, small, day="2001-05-04") == [("BOT", "Old Board of Trade")]
    assert _names(text, small, day="2019-11-18") == [("BOT", "New Board of Trade")]


def test_a_name_without_its_country_is_that_of_the_country_the_article_is_about() -> None:
    court = "the Constitutional Court ruled on Monday."
    assert _names("In South Africa, " + court) == [
        ("Constitutional Court", "Constitutional Court of South Africa")
    ]
    assert _names("In Spain, " + court) == [
        ("Constitutional Court", "Constitutional Court of Spain")
    ]
    assert _names("T" + court[1:], home="IT") == [
        ("Constitutional Court", "Constitutional Court of Italy")
    ]
    unresolved = find_agencies(Tokens.of("T" + court[1:]))
    assert [(f.name, f.country) for f in unresolved] == [("Constitutional Court", None)]


def _expanded_trie(table: Gazetteer) -> dict:
    """A trie in which every prefixed spelling is spelt out (how the gazetteer was matched
    before prefixes were looked up at match time), built from the same forms."""
    trie: dict = {}

    def insert(keys: tuple[str, ...], variant: Variant) -> None:
        node = trie
        for key in keys:
            node = node.setdefault(key, {})
        node.setdefault(END, []).append(variant)

    def walk(node: dict, keys: tuple[str, ...]) -> None:
        for key, child in node.items():
            if key is not END:
                walk(child, (*keys, key))
                continue
            own, prefixed = child
            for entry, pattern, modes, acronym, single, cut_off, _rank in own:
                insert(
                    keys,
                    Variant(entry, pattern, modes, acronym=acronym, single=single, bare=cut_off),
                )
            for country, records in prefixed.items():
                for prefix in table.places.prefixes[country]:
                    for entry, form, modes, level, _rank in records:
                        variant = Variant.after_prefix(entry, prefix, form, modes, level)
                        insert((*map(fold, prefix), *keys), variant)

    walk(build_index(table.entries, table.places), ())
    return trie


def _expanded_matches(trie: dict, tokens: Tokens) -> list[tuple]:
    """The longest fitting spelling of `trie` at each token, as Gazetteer.match chooses it."""
    hits = []
    for start in range(len(tokens)):
        node, stop, ends = trie.get(tokens.keys[start]), start, []
        while node is not None:
            stop += 1
            if END in node:
                ends.append((stop, node[END]))
            node = node.get(tokens.keys[stop]) if stop < len(tokens) else None
        for stop, variants in reversed(ends):
            fitting = sorted(astuple(v) for v in variants if v.fits(tokens, start))
            if fitting and not tokens.crosses_paragraph(start, stop):
                hits.append((start, stop, fitting))
                break
    return hits


def test_prefixes_found_at_match_time_give_the_hits_of_every_prefixed_spelling() -> None:
    """The matcher looks a country's prefix up before a form instead of storing a spelling
    per prefix; on real article bodies and prefixed names it finds what a trie of all
    those spellings finds."""
    table = default_gazetteer()
    truth = json.loads((ROOT.parent / "shared/corpus/fundus-recent/ground-truth.json").read_text())
    texts = [truth[key].get("articleBody") or "" for key in sorted(truth)]
    texts.append(
        "Kenya's Ministry of Health met the Kenyan ministry of health, the U.S. Justice "
        "Ministry, the US justice department, America's State Department, the British "
        "Defense Ministry and People's Republic of China's Ministry of Commerce."
    )
    expanded = _expanded_trie(table)
    prefixed = 0
    for text in texts:
        tokens = Tokens.of(text)
        found = [
            (h.start, h.stop, sorted(astuple(v) for v in h.variants)) for h in table.match(tokens)
        ]
        assert found == _expanded_matches(expanded, tokens)
        prefixed += sum(any(v[3] for v in variants) for _, _, variants in found)
    assert prefixed >= 20
