"""Accuracy floors: `annotate eval` on the shared gold set and on our hand-made gold sets.

The floors are the figures reached so far (README, "Accuracy"), so that no change lowers
accuracy unnoticed. Raise them when accuracy improves; never lower them silently.
"""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, GOLD

SHARED_FLOORS = {"date": 1.0, "quote": 1.0, "agency": 1.0, "money": 1.0, "overall": 1.0}
# heldout's quotes: 0.950 until headings made of a speaker's words became quotes (its gold, an
# older convention, leaves its two such headings unlabelled; blind13's and the CBC gold label them).
HELDOUT_FLOORS = {"date": 0.97, "quote": 0.92, "agency": 1.0, "money": 1.0, "overall": 0.97}
BLIND2_FLOORS = {"date": 0.95, "quote": 0.96, "agency": 1.0, "money": 0.97, "overall": 0.96}
BLIND3_FLOORS = {"date": 0.98, "quote": 0.97, "agency": 1.0, "money": 1.0, "overall": 0.98}
BLIND4_FLOORS = {"date": 0.97, "quote": 0.93, "agency": 1.0, "money": 1.0, "overall": 0.96}
BLIND5_FLOORS = {"date": 0.98, "quote": 0.87, "agency": 0.98, "money": 1.0, "overall": 0.95}
BLIND6_FLOORS = {"date": 0.9, "quote": 0.92, "agency": 0.98, "money": 0.85, "overall": 0.93}
BLIND7_FLOORS = {"date": 0.9, "quote": 0.98, "agency": 0.98, "money": 1.0, "overall": 0.96}
BLIND8_FLOORS = {"date": 0.9, "quote": 0.95, "agency": 0.96, "money": 1.0, "overall": 0.93}
# The four sets of 2026-12 (fundus-recent outside the US/UK; postlight + fundus US/UK):
# first-sight 0.703, 0.733, 0.669, 0.742 overall; then blind13 (0.760) and blind14, one at a
# time; floors are the current figures.
BLIND9_FLOORS = {"date": 0.92, "quote": 0.84, "agency": 0.88, "money": 0.66, "overall": 0.87}
BLIND10_FLOORS = {"date": 0.9, "quote": 0.8, "agency": 0.75, "money": 1.0, "overall": 0.85}
BLIND11_FLOORS = {"date": 0.89, "quote": 0.87, "agency": 0.93, "money": 0.94, "overall": 0.9}
BLIND12_FLOORS = {"date": 0.84, "quote": 0.74, "agency": 0.79, "money": 0.83, "overall": 0.79}
BLIND13_FLOORS = {"date": 0.91, "quote": 0.81, "agency": 0.89, "money": 1.0, "overall": 0.86}
BLIND14_FLOORS = {"date": 0.89, "quote": 0.82, "agency": 0.96, "money": 1.0, "overall": 0.88}
BLIND15_FLOORS = {"date": 0.72, "quote": 0.68, "agency": 0.9, "money": 1.0, "overall": 0.75}
BLIND16_FLOORS = {"date": 0.89, "quote": 0.53, "agency": 0.91, "money": 1.0, "overall": 0.84}
BLIND17_FLOORS = {"date": 0.9, "quote": 0.79, "agency": 0.94, "money": 0.94, "overall": 0.87}
BLIND18_FLOORS = {"date": 0.8, "quote": 0.81, "agency": 0.82, "money": 0.93, "overall": 0.81}
BLIND19_FLOORS = {"date": 0.98, "quote": 0.95, "agency": 1.0, "money": 0.71, "overall": 0.95}
BLIND20_FLOORS = {"date": 0.97, "quote": 0.88, "agency": 0.97, "money": 1.0, "overall": 0.93}
BLIND21_FLOORS = {"date": 0.93, "quote": 0.79, "agency": 0.93, "money": 0.96, "overall": 0.87}
BLIND22_FLOORS = {"date": 0.94, "quote": 0.81, "agency": 0.93, "money": 1.0, "overall": 0.9}
BLIND23_FLOORS = {"date": 0.7, "quote": 0.6, "agency": 0.82, "money": 1.0, "overall": 0.68}
# blind24's labeller left "Apex Town Council" out as "the government" (debatable, says its
# note); named local councils are marked since 2026-12-06 (f), so agency F1 fell 0.714 -> 0.667.
BLIND24_FLOORS = {"date": 0.84, "quote": 0.84, "agency": 0.66, "money": 1.0, "overall": 0.84}
BLIND25_FLOORS = {"date": 0.85, "quote": 0.62, "agency": 0.88, "money": 1.0, "overall": 0.75}
BLIND26_FLOORS = {"date": 0.74, "quote": 0.75, "agency": 0.8, "money": 0.94, "overall": 0.77}
BLIND27_FLOORS = {"date": 0.93, "quote": 0.83, "agency": 1.0, "money": 1.0, "overall": 0.89}
BLIND28_FLOORS = {"date": 0.91, "quote": 0.79, "agency": 0.66, "overall": 0.81}
# Session 2026-12-06 (d): first sights 0.827, 0.729 and 0.886, then the rules from their misses.
BLIND29_FLOORS = {"date": 0.81, "quote": 0.89, "agency": 0.97, "money": 1.0, "overall": 0.89}
BLIND30_FLOORS = {"date": 0.93, "quote": 0.85, "agency": 0.8, "money": 1.0, "overall": 0.9}
BLIND31_FLOORS = {"date": 0.88, "quote": 0.85, "agency": 1.0, "money": 1.0, "overall": 0.91}


def _floors(floors: dict[str, float]) -> list[str]:
    return [arg for kind, value in floors.items() for arg in ("--min-f1", f"{kind}={value}")]


def test_shared_gold_meets_floors(run_cli):
    code, out, err = run_cli("eval", GOLD, "--json", *_floors(SHARED_FLOORS))
    report = json.loads(out)
    assert report["pages"] == 6
    assert code == 0, err


@pytest.mark.parametrize(
    ("folder", "pages", "floors"),
    [
        ("gold-heldout", 5, HELDOUT_FLOORS),
        ("gold-blind2", 6, BLIND2_FLOORS),
        ("gold-blind3", 6, BLIND3_FLOORS),
        ("gold-blind4", 6, BLIND4_FLOORS),
        ("gold-blind5", 6, BLIND5_FLOORS),
        ("gold-blind6", 6, BLIND6_FLOORS),
        ("gold-blind7", 6, BLIND7_FLOORS),
        ("gold-blind8", 6, BLIND8_FLOORS),
        ("gold-blind9", 6, BLIND9_FLOORS),
        ("gold-blind10", 6, BLIND10_FLOORS),
        ("gold-blind11", 6, BLIND11_FLOORS),
        ("gold-blind12", 6, BLIND12_FLOORS),
        ("gold-blind13", 6, BLIND13_FLOORS),
        ("gold-blind14", 6, BLIND14_FLOORS),
        ("gold-blind15", 6, BLIND15_FLOORS),
        ("gold-blind16", 6, BLIND16_FLOORS),
        ("gold-blind17", 6, BLIND17_FLOORS),
        ("gold-blind18", 6, BLIND18_FLOORS),
        ("gold-blind19", 6, BLIND19_FLOORS),
        ("gold-blind20", 6, BLIND20_FLOORS),
        ("gold-blind21", 6, BLIND21_FLOORS),
        ("gold-blind22", 6, BLIND22_FLOORS),
        ("gold-blind23", 6, BLIND23_FLOORS),
        ("gold-blind24", 6, BLIND24_FLOORS),
        ("gold-blind25", 5, BLIND25_FLOORS),
        ("gold-blind26", 6, BLIND26_FLOORS),
        ("gold-blind27", 6, BLIND27_FLOORS),
        ("gold-blind28", 4, BLIND28_FLOORS),
        ("gold-blind29", 6, BLIND29_FLOORS),
        ("gold-blind30", 4, BLIND30_FLOORS),
        ("gold-blind31", 4, BLIND31_FLOORS),
    ],
)
def test_our_gold_sets_meet_floors(run_cli, folder, pages, floors):
    corpus = GOLD.parent / "corpus"
    code, out, err = run_cli(
        "eval", FIXTURES / folder, "--corpus", corpus, "--json", *_floors(floors)
    )
    assert json.loads(out)["pages"] == pages
    assert code == 0, err


# Sets on pages written for the suite (fixtures/written-pages: fictional articles in the style
# of publishers of other countries, labelled blind); written1 scored 0.904 at first sight.
WRITTEN1_FLOORS = {"date": 0.97, "quote": 0.92, "agency": 0.95, "money": 1.0, "overall": 0.96}
# written2 scored 0.849 at first sight, after written1's rules.
WRITTEN2_FLOORS = {"date": 0.92, "quote": 0.91, "agency": 0.91, "money": 0.99, "overall": 0.93}
# written3 scored 0.836 at first sight, after written2's rules.
WRITTEN3_FLOORS = {"date": 0.93, "quote": 0.95, "agency": 0.97, "money": 0.98, "overall": 0.95}
# written4 scored 0.883 at first sight, after written3's rules.
# written4's quotes 0.871 -> 0.863 when "found that" became a cue: "It found that …" is read,
# its "it" resolved to the wrong body (a miss became a miss and a false alarm).
WRITTEN4_FLOORS = {"date": 0.98, "quote": 0.86, "agency": 0.95, "money": 0.98, "overall": 0.95}
# written5 scored 0.872 at first sight, after written4's rules.
WRITTEN5_FLOORS = {"date": 0.96, "quote": 0.89, "agency": 0.97, "money": 1.0, "overall": 0.96}
# written6 scored 0.830 at first sight, after written5's rules.
WRITTEN6_FLOORS = {"date": 0.89, "quote": 0.89, "agency": 0.95, "money": 1.0, "overall": 0.92}
# written7 scored 0.862 at first sight, after written6's rules.
# (lowered in session (i) from date 0.91 and overall 0.89: its labellers read the financial
# years "2026-27" and "2022-23" as two calendar years each; most labellers leave them out, and
# a short year span on a financial-year country's site is now read as no date)
# (agency lowered in session (r) from 0.96: 'Greater Chennai Corporation' is now Chennai's municipal corporation, which its labellers left out)
WRITTEN7_FLOORS = {"date": 0.87, "quote": 0.74, "agency": 0.95, "money": 0.96, "overall": 0.89}
# (agency lowered in session (i) from 0.90: 'City of <Place>' is now a municipality, which its labellers left out)
WRITTEN8_FLOORS = {"date": 0.93, "quote": 0.9, "agency": 0.9, "money": 0.98, "overall": 0.92}
# (date lowered in session (i) from 0.95: financial-year spans on a financial-year country's site are now no date; its labellers read them as years)
WRITTEN9_FLOORS = {"date": 0.94, "quote": 0.94, "agency": 0.97, "money": 0.96, "overall": 0.96}
WRITTEN10_FLOORS = {"date": 0.95, "quote": 0.9, "agency": 0.93, "money": 1.0, "overall": 0.94}
WRITTEN11_FLOORS = {"date": 0.98, "quote": 0.93, "agency": 0.95, "money": 1.0, "overall": 0.96}
WRITTEN12_FLOORS = {"date": 0.95, "quote": 0.96, "agency": 0.95, "money": 1.0, "overall": 0.96}
# (agency lowered in session (i) from 0.94: 'City of Harare' and 'City of Hobart' are now municipalities, which its labellers left out)
WRITTEN13_FLOORS = {"date": 0.94, "quote": 0.94, "agency": 0.92, "money": 0.97, "overall": 0.94}
WRITTEN14_FLOORS = {"date": 0.94, "quote": 0.96, "agency": 0.95, "money": 1.0, "overall": 0.96}
WRITTEN15_FLOORS = {"date": 0.94, "quote": 0.94, "agency": 0.95, "money": 1.0, "overall": 0.95}
WRITTEN16_FLOORS = {"date": 0.94, "quote": 0.99, "agency": 0.95, "money": 1.0, "overall": 0.96}
WRITTEN17_FLOORS = {"date": 0.94, "quote": 0.96, "agency": 0.82, "money": 0.96, "overall": 0.92}
WRITTEN18_FLOORS = {"date": 0.94, "quote": 0.85, "agency": 0.94, "money": 1.0, "overall": 0.93}
WRITTEN19_FLOORS = {"date": 0.97, "quote": 0.9, "agency": 0.98, "money": 0.98, "overall": 0.96}
WRITTEN20_FLOORS = {"date": 0.93, "quote": 0.86, "agency": 0.95, "money": 0.96, "overall": 0.93}
WRITTEN21_FLOORS = {"date": 0.92, "quote": 0.94, "agency": 0.95, "money": 1.0, "overall": 0.94}
# written22 (set V: Kisumu, Pietermaritzburg, Birmingham, Columbus, Quebec City, Cebu): its current scores (first sight in the README)
WRITTEN22_FLOORS = {"date": 0.97, "quote": 1.0, "agency": 0.96, "money": 1.0, "overall": 0.98}
# written23 (set W: Tamale, Mbarara, Gold Coast, Nashville, Waterford, Lucknow): its current scores (first sight in the README)
WRITTEN23_FLOORS = {"date": 0.98, "quote": 0.98, "agency": 0.84, "money": 0.98, "overall": 0.95}
# written24 (set X: Banjul, Monrovia, Nassau, Cleveland, Leeds, Pune): its current scores (first sight in the README)
WRITTEN24_FLOORS = {"date": 0.92, "quote": 0.95, "agency": 0.91, "money": 0.98, "overall": 0.93}
# written25 (set Y: Belize City, Nicosia, Apia, Sacramento, Galway, Durban): its current scores (first sight in the README)
WRITTEN25_FLOORS = {"date": 0.92, "quote": 0.87, "agency": 0.93, "money": 0.99, "overall": 0.93}
# written26 (set Z: Kano, Mombasa, Wollongong, Bristol, Tucson, Christchurch): its current scores (first sight in the README)
WRITTEN26_FLOORS = {"date": 0.96, "quote": 0.96, "agency": 0.95, "money": 0.97, "overall": 0.96}
# written27 (set AA: Bulawayo, Johor Bahru, Hamilton, Swansea, Omaha, Kandy): its current scores (first sight in the README)
WRITTEN27_FLOORS = {"date": 0.97, "quote": 0.95, "agency": 0.92, "money": 1.0, "overall": 0.96}
# written28 (set AB: Port Harcourt, Arusha, Townsville, Belfast, Baltimore, Saskatoon): its current scores (first sight in the README)
WRITTEN28_FLOORS = {"date": 0.94, "quote": 0.97, "agency": 0.95, "money": 1.0, "overall": 0.96}
# written29 (set AC: Enugu, Kigali, Perth, Glasgow, Denver, Halifax): its current scores (first sight in the README)
WRITTEN29_FLOORS = {"date": 0.93, "quote": 0.88, "agency": 0.96, "money": 0.98, "overall": 0.94}
# written30 (set AD: Windhoek, Gaborone, Wellington, Cardiff, Atlanta, Chennai): its current scores (first sight in the README)
WRITTEN30_FLOORS = {"date": 0.97, "quote": 0.9, "agency": 0.92, "money": 1.0, "overall": 0.95}
# written31 (set AE: Abuja, Ndola, Cairns, Aberdeen, Portland, Victoria): its current scores (first sight in the README)
WRITTEN31_FLOORS = {"date": 0.94, "quote": 0.92, "agency": 0.96, "money": 1.0, "overall": 0.95}
# written32 (set AF: Jinja, Eldoret, Launceston, Derry, Milwaukee, Mysuru): its current scores (first sight in the README)
WRITTEN32_FLOORS = {"date": 0.97, "quote": 0.93, "agency": 0.92, "money": 0.98, "overall": 0.95}
# written33 (set AG: Ibadan, Dar es Salaam, Geelong, Dundee, Pittsburgh, Kochi): its current scores (first sight in the README)
WRITTEN33_FLOORS = {"date": 0.94, "quote": 0.97, "agency": 1.0, "money": 0.97, "overall": 0.97}
# written34 (set AH: Kitwe, Nakuru, Toowoomba, Plymouth, Albuquerque, London Ontario): its current scores (first sight in the README)
WRITTEN34_FLOORS = {"date": 0.92, "quote": 0.93, "agency": 0.93, "money": 0.95, "overall": 0.93}
# written35 (set AI: Benin City, Entebbe, Newcastle NSW, Swindon, Tulsa, Kingston Ontario): its current scores (first sight in the README)
WRITTEN35_FLOORS = {"date": 0.93, "quote": 0.87, "agency": 0.95, "money": 0.99, "overall": 0.94}
# written36 (set AJ: Kumasi, Kisii, Ballarat, Inverness, Boise, Nagpur): its current scores (first sight in the README)
WRITTEN36_FLOORS = {"date": 0.91, "quote": 0.87, "agency": 0.95, "money": 1.0, "overall": 0.93}
# written37 (set AK: Gqeberha, Tema, Rotorua, Cork, Fresno, Surat): its current scores (first sight in the README)
WRITTEN37_FLOORS = {"date": 0.94, "quote": 0.87, "agency": 0.94, "money": 1.0, "overall": 0.93}
# written38 (set AL: Owerri, Kakamega, Bendigo, Exeter, Spokane, Regina): its current scores (first sight in the README)
WRITTEN38_FLOORS = {"date": 0.94, "quote": 0.9, "agency": 0.93, "money": 0.96, "overall": 0.93}
# written39 (set AM: Kaduna, Mwanza, Mackay, Aberystwyth, Des Moines, Moncton): its current scores (first sight in the README)
WRITTEN39_FLOORS = {"date": 0.93, "quote": 0.9, "agency": 0.95, "money": 0.97, "overall": 0.94}
# written40 (set AN: Cape Coast, Nyeri, Nelson, Limerick, Richmond, Coimbatore): its current scores (first sight in the README)
WRITTEN40_FLOORS = {"date": 0.93, "quote": 0.93, "agency": 0.96, "money": 1.0, "overall": 0.95}
# written41 (set AO: Calabar, Thika, Wagga Wagga, Norwich, Madison, Sudbury): its current scores (first sight in the README)
WRITTEN41_FLOORS = {"date": 0.95, "quote": 0.81, "agency": 0.95, "money": 1.0, "overall": 0.93}
# written42 (set AP: Jos, Mbale, Geraldton, Stirling, Louisville, Thunder Bay): its current scores (first sight in the README)
WRITTEN42_FLOORS = {"date": 0.87, "quote": 0.87, "agency": 0.96, "money": 0.95, "overall": 0.9}
# written43 (set AQ: Takoradi, Machakos, Napier, Kilkenny, Tacoma, Visakhapatnam): its current scores (first sight in the README)
WRITTEN43_FLOORS = {"date": 0.94, "quote": 0.85, "agency": 0.94, "money": 1.0, "overall": 0.93}
# Session (j): each set was scored once before its misses were read (first sights in the
# README); floors raised to the scores after the session's rules.
WRITTEN44_FLOORS = {"date": 0.97, "quote": 0.9, "agency": 0.96, "money": 0.98, "overall": 0.95}
WRITTEN45_FLOORS = {"date": 0.89, "quote": 0.99, "agency": 0.97, "money": 1.0, "overall": 0.95}
WRITTEN46_FLOORS = {"date": 0.97, "quote": 0.97, "agency": 0.97, "money": 1.0, "overall": 0.98}
WRITTEN47_FLOORS = {"date": 0.93, "quote": 0.87, "agency": 0.95, "money": 0.98, "overall": 0.93}
WRITTEN48_FLOORS = {"date": 0.95, "quote": 0.95, "agency": 1.0, "money": 0.98, "overall": 0.97}
WRITTEN49_FLOORS = {"date": 0.9, "quote": 0.87, "agency": 0.95, "money": 1.0, "overall": 0.92}
WRITTEN50_FLOORS = {"date": 0.91, "quote": 1.0, "agency": 0.96, "money": 1.0, "overall": 0.96}
WRITTEN51_FLOORS = {"date": 0.96, "quote": 0.95, "agency": 0.94, "money": 1.0, "overall": 0.96}
WRITTEN52_FLOORS = {"date": 0.91, "quote": 0.83, "agency": 0.96, "money": 1.0, "overall": 0.92}
WRITTEN53_FLOORS = {"date": 0.96, "quote": 0.93, "agency": 0.96, "money": 0.98, "overall": 0.96}
WRITTEN54_FLOORS = {"date": 0.95, "quote": 0.82, "agency": 0.94, "money": 1.0, "overall": 0.93}
WRITTEN55_FLOORS = {"date": 0.9, "quote": 0.8, "agency": 0.89, "money": 0.99, "overall": 0.89}
WRITTEN56_FLOORS = {"date": 0.94, "quote": 0.9, "agency": 0.9, "money": 1.0, "overall": 0.94}
WRITTEN57_FLOORS = {"date": 0.96, "quote": 0.85, "agency": 0.94, "money": 0.96, "overall": 0.93}
WRITTEN58_FLOORS = {"date": 0.96, "quote": 0.86, "agency": 0.93, "money": 0.99, "overall": 0.93}
WRITTEN59_FLOORS = {"date": 0.88, "quote": 0.84, "agency": 0.93, "money": 0.99, "overall": 0.91}
WRITTEN60_FLOORS = {"date": 0.97, "quote": 0.92, "agency": 0.91, "money": 1.0, "overall": 0.94}
WRITTEN61_FLOORS = {"date": 0.94, "quote": 0.96, "agency": 0.97, "money": 1.0, "overall": 0.96}
WRITTEN62_FLOORS = {"date": 0.9, "quote": 0.94, "agency": 0.94, "money": 1.0, "overall": 0.94}
WRITTEN63_FLOORS = {"date": 0.95, "quote": 0.9, "agency": 0.94, "money": 1.0, "overall": 0.94}
WRITTEN64_FLOORS = {"date": 0.95, "quote": 0.9, "agency": 0.94, "money": 1.0, "overall": 0.94}
WRITTEN65_FLOORS = {"date": 0.96, "quote": 0.9, "agency": 0.91, "money": 0.97, "overall": 0.94}
WRITTEN66_FLOORS = {"date": 0.94, "quote": 0.92, "agency": 0.88, "money": 1.0, "overall": 0.93}
WRITTEN67_FLOORS = {"date": 0.94, "quote": 0.82, "agency": 0.92, "money": 1.0, "overall": 0.92}
WRITTEN68_FLOORS = {"date": 0.91, "quote": 0.86, "agency": 0.95, "money": 1.0, "overall": 0.92}
WRITTEN69_FLOORS = {"date": 0.95, "quote": 0.89, "agency": 0.93, "money": 0.99, "overall": 0.94}
WRITTEN70_FLOORS = {"date": 0.94, "quote": 0.91, "agency": 0.96, "money": 0.96, "overall": 0.94}
WRITTEN71_FLOORS = {"date": 0.97, "quote": 0.91, "agency": 0.89, "money": 1.0, "overall": 0.94}
WRITTEN72_FLOORS = {"date": 0.92, "quote": 0.85, "agency": 0.94, "money": 1.0, "overall": 0.93}
WRITTEN73_FLOORS = {"date": 0.9, "quote": 0.84, "agency": 0.88, "money": 0.98, "overall": 0.9}
WRITTEN74_FLOORS = {"date": 0.95, "quote": 0.88, "agency": 0.91, "money": 0.99, "overall": 0.93}
WRITTEN75_FLOORS = {"date": 0.9, "quote": 0.86, "agency": 0.93, "money": 0.99, "overall": 0.91}
# (date 0.92 -> 0.91: "Ask me in winter" went with the rule that a season after a bare "in"
# and no tense is every such season, which written133 and eight older sets gained from)
WRITTEN76_FLOORS = {"date": 0.91, "quote": 0.88, "agency": 0.88, "money": 0.98, "overall": 0.91}
WRITTEN77_FLOORS = {"date": 0.88, "quote": 0.88, "agency": 0.91, "money": 0.97, "overall": 0.9}
WRITTEN78_FLOORS = {"date": 0.92, "quote": 0.88, "agency": 0.88, "money": 0.98, "overall": 0.91}
WRITTEN79_FLOORS = {"date": 0.94, "quote": 0.88, "agency": 0.94, "money": 1.0, "overall": 0.93}
WRITTEN80_FLOORS = {"date": 0.91, "quote": 0.88, "agency": 0.9, "money": 0.98, "overall": 0.92}
WRITTEN81_FLOORS = {"date": 0.88, "quote": 0.84, "agency": 0.91, "money": 0.99, "overall": 0.9}
WRITTEN82_FLOORS = {"date": 0.9, "quote": 0.73, "agency": 0.8, "money": 0.99, "overall": 0.86}
WRITTEN83_FLOORS = {"date": 0.89, "quote": 0.91, "agency": 0.92, "money": 0.99, "overall": 0.92}
WRITTEN84_FLOORS = {"date": 0.87, "quote": 0.86, "agency": 0.83, "money": 0.98, "overall": 0.88}
WRITTEN85_FLOORS = {"date": 0.89, "quote": 0.85, "agency": 0.87, "money": 1.0, "overall": 0.9}
WRITTEN86_FLOORS = {"date": 0.89, "quote": 0.84, "agency": 0.89, "money": 0.97, "overall": 0.9}
WRITTEN87_FLOORS = {"date": 0.95, "quote": 0.88, "agency": 0.84, "money": 0.98, "overall": 0.91}
WRITTEN88_FLOORS = {"date": 0.91, "quote": 0.87, "agency": 0.9, "money": 0.99, "overall": 0.91}
WRITTEN89_FLOORS = {"date": 0.87, "quote": 0.82, "agency": 0.92, "money": 0.98, "overall": 0.9}
WRITTEN90_FLOORS = {"date": 0.91, "quote": 0.85, "agency": 0.89, "money": 0.98, "overall": 0.9}
WRITTEN91_FLOORS = {"date": 0.92, "quote": 0.9, "agency": 0.89, "money": 1.0, "overall": 0.92}
WRITTEN92_FLOORS = {"date": 0.93, "quote": 0.85, "agency": 0.9, "money": 0.97, "overall": 0.91}
WRITTEN93_FLOORS = {"date": 0.88, "quote": 0.98, "agency": 0.93, "money": 0.97, "overall": 0.93}
WRITTEN94_FLOORS = {"date": 0.89, "quote": 0.88, "agency": 0.88, "money": 0.98, "overall": 0.9}
WRITTEN95_FLOORS = {"date": 0.87, "quote": 0.88, "agency": 0.89, "money": 1.0, "overall": 0.9}
WRITTEN96_FLOORS = {"date": 0.94, "quote": 0.85, "agency": 0.87, "money": 1.0, "overall": 0.91}
WRITTEN97_FLOORS = {"date": 0.93, "quote": 0.93, "agency": 0.91, "money": 0.95, "overall": 0.93}
WRITTEN98_FLOORS = {"date": 0.94, "quote": 0.82, "agency": 0.86, "money": 1.0, "overall": 0.9}
WRITTEN99_FLOORS = {"date": 0.92, "quote": 0.79, "agency": 0.93, "money": 0.99, "overall": 0.91}
WRITTEN100_FLOORS = {"date": 0.91, "quote": 0.86, "agency": 0.85, "money": 0.99, "overall": 0.9}
WRITTEN101_FLOORS = {"date": 0.9, "quote": 0.78, "agency": 0.91, "money": 0.99, "overall": 0.9}
WRITTEN102_FLOORS = {"date": 0.95, "quote": 0.93, "agency": 0.9, "money": 0.97, "overall": 0.93}
WRITTEN103_FLOORS = {"date": 0.93, "quote": 0.87, "agency": 0.9, "money": 0.97, "overall": 0.92}
WRITTEN104_FLOORS = {"date": 0.87, "quote": 0.84, "agency": 0.9, "money": 0.97, "overall": 0.89}
WRITTEN105_FLOORS = {"date": 0.94, "quote": 0.82, "agency": 0.9, "money": 1.0, "overall": 0.91}
WRITTEN106_FLOORS = {"date": 0.91, "quote": 0.95, "agency": 0.9, "money": 0.99, "overall": 0.93}
WRITTEN107_FLOORS = {"date": 0.94, "quote": 0.74, "agency": 0.93, "money": 0.99, "overall": 0.91}
WRITTEN108_FLOORS = {"date": 0.91, "quote": 0.87, "agency": 0.9, "money": 0.98, "overall": 0.91}
WRITTEN109_FLOORS = {"date": 0.92, "quote": 0.9, "agency": 0.86, "money": 0.96, "overall": 0.91}
WRITTEN110_FLOORS = {"date": 0.84, "quote": 0.93, "agency": 0.9, "money": 1.0, "overall": 0.9}
WRITTEN111_FLOORS = {"date": 0.88, "quote": 0.9, "agency": 0.9, "money": 0.96, "overall": 0.9}
WRITTEN112_FLOORS = {"date": 0.91, "quote": 0.85, "agency": 0.89, "money": 0.98, "overall": 0.9}
WRITTEN113_FLOORS = {"date": 0.89, "quote": 0.84, "agency": 0.9, "money": 0.95, "overall": 0.9}
WRITTEN114_FLOORS = {"date": 0.92, "quote": 0.87, "agency": 0.9, "money": 0.96, "overall": 0.91}
WRITTEN115_FLOORS = {"date": 0.93, "quote": 0.88, "agency": 0.87, "money": 1.0, "overall": 0.91}
WRITTEN116_FLOORS = {"date": 0.95, "quote": 0.88, "agency": 0.94, "money": 0.96, "overall": 0.93}
WRITTEN117_FLOORS = {"date": 0.91, "quote": 0.85, "agency": 0.91, "money": 1.0, "overall": 0.92}
WRITTEN118_FLOORS = {"date": 0.89, "quote": 0.88, "agency": 0.94, "money": 0.96, "overall": 0.91}
WRITTEN119_FLOORS = {"date": 0.87, "quote": 0.89, "agency": 0.91, "money": 0.97, "overall": 0.9}
WRITTEN120_FLOORS = {"date": 0.91, "quote": 0.84, "agency": 0.92, "money": 0.97, "overall": 0.91}
WRITTEN121_FLOORS = {"date": 0.91, "quote": 0.87, "agency": 0.94, "money": 1.0, "overall": 0.92}
WRITTEN122_FLOORS = {"date": 0.89, "quote": 0.85, "agency": 0.92, "money": 0.99, "overall": 0.9}
WRITTEN123_FLOORS = {"date": 0.92, "quote": 0.91, "agency": 0.97, "money": 0.98, "overall": 0.95}
WRITTEN124_FLOORS = {"date": 0.92, "quote": 0.96, "agency": 0.92, "money": 0.99, "overall": 0.94}
WRITTEN125_FLOORS = {"date": 0.86, "quote": 0.86, "agency": 0.87, "money": 1.0, "overall": 0.88}
WRITTEN126_FLOORS = {"date": 0.9, "quote": 0.83, "agency": 0.88, "money": 1.0, "overall": 0.89}
WRITTEN127_FLOORS = {"date": 0.94, "quote": 0.8, "agency": 0.93, "money": 0.98, "overall": 0.92}
WRITTEN128_FLOORS = {"date": 0.93, "quote": 0.95, "agency": 0.88, "money": 1.0, "overall": 0.93}
# (quote lowered in session (r) from 0.90: a quotation after "but that" is now found, its speaker
# written "its managing director" where the gold writes "managing director of the company")
WRITTEN129_FLOORS = {"date": 0.89, "quote": 0.89, "agency": 0.87, "money": 0.98, "overall": 0.9}
WRITTEN130_FLOORS = {"date": 0.92, "quote": 0.94, "agency": 0.95, "money": 0.99, "overall": 0.94}
WRITTEN131_FLOORS = {"date": 0.91, "quote": 0.79, "agency": 0.87, "money": 1.0, "overall": 0.89}
WRITTEN132_FLOORS = {"date": 0.92, "quote": 0.88, "agency": 0.89, "money": 0.97, "overall": 0.91}
WRITTEN133_FLOORS = {"date": 0.94, "quote": 0.91, "agency": 0.92, "money": 0.98, "overall": 0.93}
WRITTEN134_FLOORS = {"date": 0.93, "quote": 0.93, "agency": 0.92, "money": 0.98, "overall": 0.94}
WRITTEN135_FLOORS = {"date": 0.93, "quote": 0.92, "agency": 0.88, "money": 1.0, "overall": 0.92}
WRITTEN136_FLOORS = {"date": 0.94, "quote": 0.87, "agency": 0.92, "money": 1.0, "overall": 0.93}
WRITTEN137_FLOORS = {"date": 0.94, "quote": 0.93, "agency": 0.93, "money": 0.98, "overall": 0.94}
WRITTEN138_FLOORS = {"date": 0.89, "quote": 0.85, "agency": 0.91, "money": 0.99, "overall": 0.91}
WRITTEN139_FLOORS = {"date": 0.88, "quote": 0.87, "agency": 0.9, "money": 0.99, "overall": 0.91}
WRITTEN140_FLOORS = {"date": 0.95, "quote": 0.86, "agency": 0.89, "money": 0.99, "overall": 0.92}
WRITTEN141_FLOORS = {"date": 0.92, "quote": 0.86, "agency": 0.95, "money": 0.98, "overall": 0.93}
WRITTEN142_FLOORS = {"date": 0.91, "quote": 0.85, "agency": 0.94, "money": 0.99, "overall": 0.92}
WRITTEN143_FLOORS = {"date": 0.9, "quote": 0.88, "agency": 0.89, "money": 0.98, "overall": 0.91}
WRITTEN144_FLOORS = {"date": 0.82, "quote": 0.89, "agency": 0.9, "money": 0.99, "overall": 0.88}
WRITTEN145_FLOORS = {"date": 0.95, "quote": 0.95, "agency": 0.94, "money": 0.99, "overall": 0.95}
WRITTEN146_FLOORS = {"date": 0.91, "quote": 0.84, "agency": 0.94, "money": 0.97, "overall": 0.92}
WRITTEN147_FLOORS = {"date": 0.96, "quote": 0.84, "agency": 0.92, "money": 1.0, "overall": 0.93}
WRITTEN148_FLOORS = {"date": 0.89, "quote": 0.85, "agency": 0.9, "money": 0.98, "overall": 0.9}
WRITTEN149_FLOORS = {"date": 0.87, "quote": 0.86, "agency": 0.91, "money": 0.99, "overall": 0.91}
WRITTEN150_FLOORS = {"date": 0.95, "quote": 0.88, "agency": 0.87, "money": 0.97, "overall": 0.92}
WRITTEN151_FLOORS = {"date": 0.88, "quote": 0.76, "agency": 0.91, "money": 0.95, "overall": 0.87}


@pytest.mark.parametrize(
    ("folder", "pages", "floors"),
    [
        ("gold-written1", 6, WRITTEN1_FLOORS),
        ("gold-written2", 6, WRITTEN2_FLOORS),
        ("gold-written3", 6, WRITTEN3_FLOORS),
        ("gold-written4", 6, WRITTEN4_FLOORS),
        ("gold-written5", 6, WRITTEN5_FLOORS),
        ("gold-written6", 6, WRITTEN6_FLOORS),
        ("gold-written7", 6, WRITTEN7_FLOORS),
        ("gold-written8", 6, WRITTEN8_FLOORS),
        ("gold-written9", 6, WRITTEN9_FLOORS),
        ("gold-written10", 6, WRITTEN10_FLOORS),
        ("gold-written11", 6, WRITTEN11_FLOORS),
        ("gold-written12", 6, WRITTEN12_FLOORS),
        ("gold-written13", 6, WRITTEN13_FLOORS),
        ("gold-written14", 6, WRITTEN14_FLOORS),
        ("gold-written15", 6, WRITTEN15_FLOORS),
        ("gold-written16", 6, WRITTEN16_FLOORS),
        ("gold-written17", 6, WRITTEN17_FLOORS),
        ("gold-written18", 6, WRITTEN18_FLOORS),
        ("gold-written19", 6, WRITTEN19_FLOORS),
        ("gold-written20", 6, WRITTEN20_FLOORS),
        ("gold-written21", 6, WRITTEN21_FLOORS),
        ("gold-written22", 6, WRITTEN22_FLOORS),
        ("gold-written23", 6, WRITTEN23_FLOORS),
        ("gold-written24", 6, WRITTEN24_FLOORS),
        ("gold-written25", 6, WRITTEN25_FLOORS),
        ("gold-written26", 6, WRITTEN26_FLOORS),
        ("gold-written27", 6, WRITTEN27_FLOORS),
        ("gold-written28", 6, WRITTEN28_FLOORS),
        ("gold-written29", 6, WRITTEN29_FLOORS),
        ("gold-written30", 6, WRITTEN30_FLOORS),
        ("gold-written31", 6, WRITTEN31_FLOORS),
        ("gold-written32", 6, WRITTEN32_FLOORS),
        ("gold-written33", 6, WRITTEN33_FLOORS),
        ("gold-written34", 6, WRITTEN34_FLOORS),
        ("gold-written35", 6, WRITTEN35_FLOORS),
        ("gold-written36", 6, WRITTEN36_FLOORS),
        ("gold-written37", 6, WRITTEN37_FLOORS),
        ("gold-written38", 6, WRITTEN38_FLOORS),
        ("gold-written39", 6, WRITTEN39_FLOORS),
        ("gold-written40", 6, WRITTEN40_FLOORS),
        ("gold-written41", 6, WRITTEN41_FLOORS),
        ("gold-written42", 6, WRITTEN42_FLOORS),
        ("gold-written43", 6, WRITTEN43_FLOORS),
        ("gold-written44", 6, WRITTEN44_FLOORS),
        ("gold-written45", 6, WRITTEN45_FLOORS),
        ("gold-written46", 6, WRITTEN46_FLOORS),
        ("gold-written47", 6, WRITTEN47_FLOORS),
        ("gold-written48", 6, WRITTEN48_FLOORS),
        ("gold-written49", 6, WRITTEN49_FLOORS),
        ("gold-written50", 6, WRITTEN50_FLOORS),
        ("gold-written51", 6, WRITTEN51_FLOORS),
        ("gold-written52", 6, WRITTEN52_FLOORS),
        ("gold-written53", 6, WRITTEN53_FLOORS),
        ("gold-written54", 6, WRITTEN54_FLOORS),
        ("gold-written55", 6, WRITTEN55_FLOORS),
        ("gold-written56", 6, WRITTEN56_FLOORS),
        ("gold-written57", 6, WRITTEN57_FLOORS),
        ("gold-written58", 6, WRITTEN58_FLOORS),
        ("gold-written59", 6, WRITTEN59_FLOORS),
        ("gold-written60", 6, WRITTEN60_FLOORS),
        ("gold-written61", 6, WRITTEN61_FLOORS),
        ("gold-written62", 6, WRITTEN62_FLOORS),
        ("gold-written63", 6, WRITTEN63_FLOORS),
        ("gold-written64", 6, WRITTEN64_FLOORS),
        ("gold-written65", 6, WRITTEN65_FLOORS),
        ("gold-written66", 6, WRITTEN66_FLOORS),
        ("gold-written67", 6, WRITTEN67_FLOORS),
        ("gold-written68", 6, WRITTEN68_FLOORS),
        ("gold-written69", 6, WRITTEN69_FLOORS),
        ("gold-written70", 6, WRITTEN70_FLOORS),
        ("gold-written71", 6, WRITTEN71_FLOORS),
        ("gold-written72", 6, WRITTEN72_FLOORS),
        ("gold-written73", 6, WRITTEN73_FLOORS),
        ("gold-written74", 6, WRITTEN74_FLOORS),
        ("gold-written75", 6, WRITTEN75_FLOORS),
        ("gold-written76", 6, WRITTEN76_FLOORS),
        ("gold-written77", 6, WRITTEN77_FLOORS),
        ("gold-written78", 6, WRITTEN78_FLOORS),
        ("gold-written79", 6, WRITTEN79_FLOORS),
        ("gold-written80", 6, WRITTEN80_FLOORS),
        ("gold-written81", 6, WRITTEN81_FLOORS),
        ("gold-written82", 6, WRITTEN82_FLOORS),
        ("gold-written83", 6, WRITTEN83_FLOORS),
        ("gold-written84", 6, WRITTEN84_FLOORS),
        ("gold-written85", 6, WRITTEN85_FLOORS),
        ("gold-written86", 6, WRITTEN86_FLOORS),
        ("gold-written87", 6, WRITTEN87_FLOORS),
        ("gold-written88", 6, WRITTEN88_FLOORS),
        ("gold-written89", 6, WRITTEN89_FLOORS),
        ("gold-written90", 6, WRITTEN90_FLOORS),
        ("gold-written91", 6, WRITTEN91_FLOORS),
        ("gold-written92", 6, WRITTEN92_FLOORS),
        ("gold-written93", 6, WRITTEN93_FLOORS),
        ("gold-written94", 6, WRITTEN94_FLOORS),
        ("gold-written95", 6, WRITTEN95_FLOORS),
        ("gold-written96", 6, WRITTEN96_FLOORS),
        ("gold-written97", 6, WRITTEN97_FLOORS),
        ("gold-written98", 6, WRITTEN98_FLOORS),
        ("gold-written99", 6, WRITTEN99_FLOORS),
        ("gold-written100", 6, WRITTEN100_FLOORS),
        ("gold-written101", 6, WRITTEN101_FLOORS),
        ("gold-written102", 6, WRITTEN102_FLOORS),
        ("gold-written103", 6, WRITTEN103_FLOORS),
        ("gold-written104", 6, WRITTEN104_FLOORS),
        ("gold-written105", 6, WRITTEN105_FLOORS),
        ("gold-written106", 6, WRITTEN106_FLOORS),
        ("gold-written107", 6, WRITTEN107_FLOORS),
        ("gold-written108", 6, WRITTEN108_FLOORS),
        ("gold-written109", 6, WRITTEN109_FLOORS),
        ("gold-written110", 6, WRITTEN110_FLOORS),
        ("gold-written111", 6, WRITTEN111_FLOORS),
        ("gold-written112", 6, WRITTEN112_FLOORS),
        ("gold-written113", 6, WRITTEN113_FLOORS),
        ("gold-written114", 6, WRITTEN114_FLOORS),
        ("gold-written115", 6, WRITTEN115_FLOORS),
        ("gold-written116", 6, WRITTEN116_FLOORS),
        ("gold-written117", 6, WRITTEN117_FLOORS),
        ("gold-written118", 6, WRITTEN118_FLOORS),
        ("gold-written119", 6, WRITTEN119_FLOORS),
        ("gold-written120", 6, WRITTEN120_FLOORS),
        ("gold-written121", 6, WRITTEN121_FLOORS),
        ("gold-written122", 6, WRITTEN122_FLOORS),
        ("gold-written123", 6, WRITTEN123_FLOORS),
        ("gold-written124", 6, WRITTEN124_FLOORS),
        ("gold-written125", 6, WRITTEN125_FLOORS),
        ("gold-written126", 6, WRITTEN126_FLOORS),
        ("gold-written127", 6, WRITTEN127_FLOORS),
        ("gold-written128", 6, WRITTEN128_FLOORS),
        ("gold-written129", 6, WRITTEN129_FLOORS),
        ("gold-written130", 6, WRITTEN130_FLOORS),
        ("gold-written131", 6, WRITTEN131_FLOORS),
        ("gold-written132", 6, WRITTEN132_FLOORS),
        ("gold-written133", 6, WRITTEN133_FLOORS),
        ("gold-written134", 6, WRITTEN134_FLOORS),
        ("gold-written135", 6, WRITTEN135_FLOORS),
        ("gold-written136", 6, WRITTEN136_FLOORS),
        ("gold-written137", 6, WRITTEN137_FLOORS),
        ("gold-written138", 6, WRITTEN138_FLOORS),
        ("gold-written139", 6, WRITTEN139_FLOORS),
        ("gold-written140", 6, WRITTEN140_FLOORS),
        ("gold-written141", 6, WRITTEN141_FLOORS),
        ("gold-written142", 6, WRITTEN142_FLOORS),
        ("gold-written143", 6, WRITTEN143_FLOORS),
        ("gold-written144", 6, WRITTEN144_FLOORS),
        ("gold-written145", 6, WRITTEN145_FLOORS),
        ("gold-written146", 6, WRITTEN146_FLOORS),
        ("gold-written147", 6, WRITTEN147_FLOORS),
        ("gold-written148", 6, WRITTEN148_FLOORS),
        ("gold-written149", 6, WRITTEN149_FLOORS),
        ("gold-written150", 6, WRITTEN150_FLOORS),
        ("gold-written151", 6, WRITTEN151_FLOORS),
    ],
)
def test_written_page_sets_meet_floors(run_cli, folder, pages, floors):
    corpus = FIXTURES / "written-pages"
    code, out, err = run_cli(
        "eval", FIXTURES / folder, "--corpus", corpus, "--json", *_floors(floors)
    )
    assert json.loads(out)["pages"] == pages
    assert code == 0, err


def test_details_explain_each_miss(run_cli):
    code, out, _ = run_cli(
        "eval", FIXTURES / "gold-heldout", "--corpus", GOLD.parent / "corpus", "--json", "--details"
    )
    report = json.loads(out)
    assert code == 0
    for item in report["misses"] + report["false_alarms"]:
        assert item["why"] and item["page"] and item["type"] in ("date", "quote", "agency", "money")
