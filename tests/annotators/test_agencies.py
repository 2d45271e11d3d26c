"""Tests of the `agencies` annotator: gazetteer matching, shapes, context, seed and gold pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.annotators.agencies import AgenciesAnnotator, find_agencies
from annotator.annotators.agencies.gazetteer import (
    Entry,
    Gazetteer,
    default_gazetteer,
    load_entries,
    load_places,
)
from annotator.annotators.agencies.tokens import Tokens
from annotator.evaluate import evaluate
from annotator.model import Document
from annotator.pipeline import Options, annotate_bytes

ROOT = Path(__file__).parents[2]
SHARED = ROOT / ".." / "shared"
SEED = ROOT / "fixtures" / "html" / "chinadaily-2010-12-17-copyright-crackdown.html"
TABLE = Path(__file__).parents[1] / "data" / "agency_sentences.txt"


def mentions(text: str, gazetteer: Gazetteer | None = None) -> list[tuple[str, str, str | None]]:
    """(text, name, parent) of every agency found in `text`."""
    tokens = Tokens.of(text)
    result = []
    for found in find_agencies(tokens, gazetteer):
        start, end = tokens.span(found.start, found.stop)
        result.append((text[start:end], found.name, found.parent))
    return result


def read_table() -> list[tuple[str, list[tuple[str, str | None, str | None]]]]:
    """The hand-written sentences and what each must give (see the file's header)."""
    cases = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, expected = (part.strip() for part in line.split("||"))
        wanted = []
        if expected != "-":
            for item in expected.split(";;"):
                item, _, parent = item.partition("^")
                text, _, name = item.partition("=>")
                wanted.append((text.strip(), name.strip() or None, parent.strip() or None))
        cases.append(
            (sentence.replace("\\n", "\n"), [(t.replace("\\n", "\n"), n, p) for t, n, p in wanted])
        )
    return cases


CASES = read_table()


def test_table_is_large_enough():
    assert len(CASES) >= 100
    assert sum(1 for _, wanted in CASES if not wanted) >= 30  # traps and common nouns


@pytest.mark.parametrize(("sentence", "wanted"), CASES, ids=[c[0][:50] for c in CASES])
def test_sentence(sentence, wanted):
    found = mentions(sentence)
    assert [text for text, _, _ in found] == [text for text, _, _ in wanted]
    for (_, name, parent), (_, want_name, want_parent) in zip(found, wanted, strict=True):
        if want_name:
            assert name == want_name
        if want_parent:
            assert parent == want_parent


def _seed_agencies() -> list[dict]:
    result = annotate_bytes(
        SEED.read_bytes(), str(SEED), Options(annotators=("agencies",), timestamp=False)
    )
    assert not result.checks
    text = result.document.text
    for annotation in result.annotations:
        assert text[annotation.start : annotation.end] == annotation.text
    return [a.to_dict() for a in result.annotations]


def test_seed_article():
    found = _seed_agencies()
    by_name = {a["name"]: a for a in found}
    assert by_name["Ministry of Public Security"]["country"] == "CN"
    assert by_name["U.S. Immigration and Customs Enforcement"]["text"] == (
        "US immigration and customs enforcement"
    )
    assert by_name["U.S. Immigration and Customs Enforcement"]["parent"] == (
        "U.S. Department of Homeland Security"
    )
    assert by_name["U.S. Department of Homeland Security"]["text"] == "homeland security department"
    assert by_name["U.S. Department of Justice"]["text"] == "US ministry of justice"
    units = {a["text"]: a for a in found if a["parent"] == "Ministry of Public Security"}
    assert set(units) == {"economic crime investigation department", "network security bureau"}
    assert all(u["country"] == "CN" for u in units.values())
    assert not any(a["text"].casefold() in ("police", "law enforcement agencies") for a in found)
    assert len(found) == 6


def test_annotations_have_the_spec_fields():
    for annotation in _seed_agencies():
        assert annotation["type"] == "agency"
        assert annotation["annotator"] == "agencies"
        assert annotation["kind"] in {
            "ministry",
            "department",
            "agency",
            "bureau",
            "police",
            "regulator",
            "central-bank",
            "court",
            "legislature",
            "military",
            "intergovernmental",
            "other",
        }
        assert 0 < annotation["confidence"] <= 1


def test_gold_f1():
    def annotate(data: bytes, source: str):
        return annotate_bytes(data, source, Options(annotators=("agencies",), timestamp=False))

    report = evaluate(SHARED / "gold", annotate=annotate, types=("agency",))
    assert report.by_type["agency"].f1 >= 0.85


def test_output_is_deterministic_and_offsets_exact():
    text = "The FBI and  the\nCIA briefed Congress. The WHO said so."
    annotator = AgenciesAnnotator()
    document = Document(id="x", source="x", text=text)
    first = [a.to_dict() for a in annotator.annotate(document, None)]
    second = [a.to_dict() for a in annotator.annotate(document, None)]
    assert first == second
    assert [a["text"] for a in first] == ["FBI", "CIA", "Congress", "WHO"]
    for item in first:
        assert text[item["start"] : item["end"]] == item["text"]


def test_gazetteer_has_no_duplicate_names():
    entries = load_entries()
    assert len(entries) >= 650
    names = [e.name.casefold() for e in entries]
    assert len(names) == len(set(names))


# --- the matcher's rules, on a small gazetteer written here


@pytest.fixture(scope="module")
def small() -> Gazetteer:
    entries = [
        Entry("U.S. Department of Justice", "US", "department", aliases=("Justice Department",)),
        Entry("Ministry of Justice", "GB", "ministry", acronyms=("MoJ",)),
        Entry("Ministry of Health", "NZ", "ministry"),
        Entry("Ministry of Health", "GB", "ministry"),
        Entry("Centers for Disease Control and Prevention", "US", "agency", acronyms=("CDC",)),
        Entry(
            "Chinese Center for Disease Control and Prevention", "CN", "agency", acronyms=("CDC",)
        ),
        Entry("Congress", "US", "legislature"),
    ]
    return Gazetteer(entries, load_places())


def test_prefix_is_part_of_the_span(small):
    assert mentions("the US ministry of justice said", small) == [
        ("US ministry of justice", "U.S. Department of Justice", None)
    ]
    assert mentions("Britain's Ministry of Justice said", small)[0][:2] == (
        "Britain's Ministry of Justice",
        "Ministry of Justice",
    )


def test_swapped_head_only_where_the_country_has_no_such_body(small):
    # Britain's only justice body is its ministry; New Zealand has none in this gazetteer.
    assert mentions("the UK department of justice", small)[0][1] == "Ministry of Justice"
    assert mentions("the New Zealand department of justice", small) == []
    assert mentions("the British department of health", small)[0][1] == "Ministry of Health"
    assert mentions("the American ministry of justice", small)[0][1] == "U.S. Department of Justice"


def test_unprefixed_ambiguous_name_follows_the_article(small):
    text = "The CDC said so. Later the Chinese Center for Disease Control and Prevention agreed."
    assert [m[1] for m in mentions(text, small)] == [
        "Chinese Center for Disease Control and Prevention",
        "Chinese Center for Disease Control and Prevention",
    ]
    assert mentions("The CDC said so.", small)[0][1] == "Centers for Disease Control and Prevention"


def test_acronyms_are_case_sensitive(small):
    assert mentions("The MoJ said so in London.", small)[0][0] == "MoJ"
    assert mentions("The MOJ said so in London. the moj said so.", small) == []


def test_foreign_acronym_needs_its_country(small):
    assert mentions("The MoJ said so.", small) == []
    assert mentions("The Ministry of Justice and the MoJ.", small)[1][0] == "MoJ"


def test_single_word_name_must_stand_alone(small):
    assert mentions("Congress voted.", small)[0][0] == "Congress"
    assert mentions("The Congress Party won in India.", small) == []
    assert mentions("the party congress opened", small) == []


def test_no_match_across_a_blank_line(small):
    assert mentions("the Justice\n\nDepartment", small) == []


def test_default_gazetteer_is_built_once():
    assert default_gazetteer() is default_gazetteer()


def test_publisher_country_settles_a_name_several_countries_share() -> None:
    """ "the Senate" with no country named: the publisher's chamber on a U.S. site, and no
    country at all (the name as written) when the publisher is unknown."""
    tokens = Tokens.of("The Senate passed the bill on Tuesday.")
    assert [f.name for f in find_agencies(tokens, home="US")] == ["U.S. Senate"]
    assert [(f.name, f.country) for f in find_agencies(tokens)] == [("Senate", None)]


def test_a_lone_house_elsewhere_is_no_us_chamber() -> None:
    """ "out of the House" on an Indian page that never mentions the U.S. is the state
    assembly, not Congress: no U.S. chamber is read there."""
    tokens = Tokens.of("He led his party's members out of the House in protest.")
    assert [f.name for f in find_agencies(tokens, home="IN")] == []
    assert [f.name for f in find_agencies(tokens, home="US")] == ["U.S. House of Representatives"]


@pytest.mark.parametrize(
    ("text", "home", "names"),
    [
        ("The Senate passed the bill.", "AU", ["Australian Senate"]),
        ("The Senate passed the bill.", "CA", ["Senate of Canada"]),
        ("The Senate passed the bill.", "GB", []),
        ("In Kenya, the Senate passed the bill.", None, ["Senate of Kenya"]),
        ("In Kenya, the Senate passed the bill.", "US", ["U.S. Senate"]),
        ("The U.S. and Ireland disagree; the Senate passed the bill.", None, ["U.S. Senate"]),
        # an assembly's "House", where the country has no such chamber (written112)
        (
            "The Nandi County Assembly sat on Tuesday. Mr Ogola told the House the coolers were idle.",
            "KE",
            ["Nandi County Assembly", "Nandi County Assembly"],
        ),
        ("Mr Ogola told the House the coolers were idle.", "KE", []),
    ],
)
def test_a_lone_senate_is_the_chamber_of_the_articles_country(text, home, names) -> None:
    """ "the Senate" is the chamber of the one country the article is of or names: of
    several, the publisher's, else the one that bears the name outright (the U.S. Senate,
    not Ireland's Seanad); on a British page, none."""
    assert [f.name for f in find_agencies(Tokens.of(text), home=home)] == names


@pytest.mark.parametrize(
    ("text", "home", "names"),
    [
        (
            "Internal Affairs cancelled the licence.",
            "NZ",
            ["Department of Internal Affairs of New Zealand"],
        ),
        ("Internal Affairs cancelled the licence.", "US", []),
        # an everyday word as a short name: only where the body is named in full too
        (
            "The Revenue Commissioners seized the goods. Revenue said it does not comment.",
            "IE",
            ["Revenue Commissioners", "Revenue Commissioners"],
        ),
        ("Revenue rose by 5 per cent in the year.", "IE", []),
        (
            "The council and Horizons said the river was rising.",
            "NZ",
            ["Horizons Regional Council"],
        ),
        # a province's court named short: the province the article names
        (
            "King's Bench Justice Harriet Olander said the Alberta fraud was deliberate.",
            "CA",
            ["Court of King's Bench of Alberta"],
        ),
        (
            "He was sentenced in Court of King's Bench in Saskatoon, Saskatchewan.",
            "CA",
            ["Court of King's Bench for Saskatchewan"],
        ),
        ("The King's Bench Division of the High Court ruled.", "CA", ["High Court"]),
        # a railway zone and a state force named as India's press names them: India's only
        (
            "South Central Railway's (SCR) Vijayawada division cancelled eight trains.",
            "IN",
            ["South Central Railway (India)", "South Central Railway (India)"],
        ),
        ("Great Western Railway trains were cancelled.", "GB", []),
        # a South Indian city's municipal corporation named short, as the state's press does
        (
            "The Madurai Corporation council met, and the Tiruchi Corporation followed.",
            "IN",
            ["Madurai City Municipal Corporation", "Tiruchirappalli City Municipal Corporation"],
        ),
        ("The Salem Corporation filed its annual report.", "US", []),
        # the Ghana Revenue Authority's customs arm, named short as Ghana's press does
        (
            "Officers of the Customs Division at Tema port seized the goods.",
            "GH",
            ["Ghana Revenue Authority Customs Division"],
        ),
        (
            "The Controller of Budget said Kura had not paid.",
            "KE",
            ["Controller of Budget of Kenya", "Kenya Urban Roads Authority"],
        ),
        # a court named by its kind alone, as Malaysia's press names the one "here"
        (
            "KUCHING: A former engineer has claimed trial in the Sessions Court here.",
            "MY",
            ["Sessions Court (Malaysia)"],
        ),
        # an acronym in title case, as the country's press writes it, before a post
        (
            "In June, the Cogta MEC told the provincial legislature.",
            "ZA",
            ["Department of Cooperative Governance and Traditional Affairs"],
        ),
        # an Indian district's collectorate, by the Collector's office
        (
            "The amount will be recovered with the help of the Collector's office.",
            "IN",
            ["District Collectorate"],
        ),
        ("The amount will be recovered with the help of the Collector's office.", "US", []),
        # a Manitoba page's Public Utilities Board (not its Crown utility, a company)
        (
            "Manitoba Hydro applied to the Public Utilities Board (PUB) in January.",
            "CA",
            ["Manitoba Public Utilities Board", "Manitoba Public Utilities Board"],
        ),
        (
            "She appeared before the Circuit Criminal Court, and the Charities Regulator acted.",
            "IE",
            ["Circuit Court (Ireland)", "Charities Regulator (Ireland)"],
        ),
        # a British council's Trading Standards service
        (
            "Trading Standards officers said the roofer had no insurance.",
            "GB",
            ["Trading Standards (local authority)"],
        ),
    ],
)
def test_a_local_short_name_is_read_in_its_country_only(text, home, names) -> None:
    """ "Internal Affairs" is New Zealand's department only in a New Zealand article."""
    assert [f.name for f in find_agencies(Tokens.of(text), home=home)] == names


def test_unresolved_name_takes_its_lower_case_form_as_written() -> None:
    """A name several countries bear, unplaced, keeps the words as written, capitalised:
    "attorney general's office" → "Attorney General's Office" (not "General 'S")."""
    tokens = Tokens.of("Ozark police called the attorney general's office last week.")
    assert "Attorney General's Office" in [f.name for f in find_agencies(tokens)]


def test_a_renamed_kenyan_ministry_by_its_name_of_the_day() -> None:
    """ "the Ministry of Lands and Physical Planning" (2018-2022) in a 2021 article is that
    ministry, not the one renamed from it in 2022."""
    text = "In Nakuru, Kenya, the Ministry of Lands and Physical Planning said."
    found = find_agencies(Tokens.of(text), home="KE", day="2021-11-09")
    assert [f.name for f in found] == ["Ministry of Lands and Physical Planning (Kenya)"]


@pytest.mark.parametrize(
    ("text", "home", "parent"),
    [
        ("The Senate Standing Committee on Finance and Budget met.", "KE", "Senate of Kenya"),
        ("The Senate Standing Committee on Finance and Budget met.", "US", "U.S. Senate"),
        ("In Nairobi, Kenya, the Senate Standing Committee on Roads met.", None, "Senate of Kenya"),
    ],
)
def test_a_chambers_committee_belongs_to_the_publishers_chamber(text, home, parent) -> None:
    """ "the Senate Standing Committee" on a Kenyan site is a committee of Kenya's Senate."""
    found = find_agencies(Tokens.of(text), home=home)
    assert [f.parent for f in found if "Committee" in f.name] == [parent]


@pytest.mark.parametrize(
    ("home", "name"),
    [
        ("ZA", "South African National Treasury"),
        ("GB", "HM Treasury"),
        ("NZ", "New Zealand Treasury"),
        ("KE", "National Treasury of Kenya"),
        ("US", "U.S. Department of the Treasury"),
        (None, "U.S. Department of the Treasury"),
    ],
)
def test_a_bare_treasury_is_the_home_countrys(home, name) -> None:
    """ "Treasury approval" is the publisher's country's treasury (written120's South African
    page had read it as the U.S. Treasury); with no home known, the U.S. one."""
    tokens = Tokens.of("The loan still needs Treasury approval under the Act.")
    assert [f.name for f in find_agencies(tokens, home=home)] == [name]
