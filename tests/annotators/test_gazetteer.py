"""The world-wide gazetteer: well-formed files, unique bodies, every spelling reachable, coverage."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from annotator.annotators.agencies import find_agencies
from annotator.annotators.agencies.gazetteer import (
    DATA,
    Entry,
    Gazetteer,
    default_gazetteer,
    gazetteer_files,
    load_places,
)
from annotator.annotators.agencies.tokens import Tokens
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
        for spelling in (entry.name, *entry.aliases, *entry.acronyms):
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
