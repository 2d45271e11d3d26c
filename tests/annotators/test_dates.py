"""Tests of the `dates` annotator: the seed article, a table of news sentences, the gold pages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import annotator
from annotator import pipeline
from annotator.annotators.dates import DatesAnnotator, find_dates
from annotator.annotators.dates.calendar import (
    FUTURE,
    PAST,
    Period,
    choose,
    current_season,
    distance,
    half_period,
    month_period,
    quarter_period,
    week_period,
    weekend_period,
)
from annotator.model import Document, publication_day

ROOT = Path(__file__).parents[2]
SHARED = ROOT / ".." / "shared"
SEED = ROOT / "fixtures" / "html" / "chinadaily-2010-12-17-copyright-crackdown.html"
TABLE = Path(__file__).parents[1] / "data" / "date_sentences.tsv"


def _rows() -> list[tuple[str | None, str, list[tuple[str, str | None, str | None]]]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        published, sentence, expected = (line.split("\t") + [""])[:3]
        wanted = []
        for item in filter(None, (part.strip() for part in expected.split(" | "))):
            text, _, rest = item.partition(" => ")
            value, _, mod = rest.partition(" ")
            wanted.append((text, None if value == "null" else value, mod or None))
        rows.append((None if published == "none" else published, sentence, wanted))
    return rows


ROWS = _rows()


def _found(text: str, published: str | None) -> list[tuple[str, str | None, str | None]]:
    return [
        (a.text, a.fields["value"], a.fields.get("mod"))
        for a in find_dates(text, published, "en", "https://example.com/news")
    ]


def test_table_is_large_and_has_traps():
    assert len(ROWS) >= 150
    assert sum(1 for _p, _s, wanted in ROWS if not wanted) >= 40


@pytest.mark.parametrize(("published", "sentence", "wanted"), ROWS, ids=[r[1][:50] for r in ROWS])
def test_sentence(published, sentence, wanted):
    assert _found(sentence, published) == wanted


def test_seed_article_dates():
    result = annotator.annotate_html(SEED.read_bytes(), str(SEED), timestamp=False)
    found = {
        (a.text, a.fields["value"], a.fields.get("mod"))
        for a in result.annotations
        if a.type == "date"
    }
    assert found == {
        ("Thursday", "2010-12-16", None),
        ("September", "2010-09", None),
        ("December", "2010-12", None),
        ("the end of March 2011", "2011-03", "END"),
    }
    texts = result.document.text
    assert "in recent years" in texts and "the first month of the campaign" in texts
    for a in result.annotations:
        if a.type == "date":
            assert texts[a.start : a.end] == a.text
            assert a.annotator == "dates"


def test_seed_relative_fields():
    result = annotator.annotate_html(SEED.read_bytes(), str(SEED), timestamp=False)
    by_text = {a.text: a for a in result.annotations if a.type == "date"}
    assert by_text["Thursday"].fields["relative"] is True
    assert by_text["Thursday"].fields["anchor"] == "published"
    assert by_text["Thursday"].fields["granularity"] == "day"
    assert "relative" not in by_text["the end of March 2011"].fields
    assert by_text["Thursday"].confidence < by_text["the end of March 2011"].confidence


def test_previous_year_anchor_is_rewritten_to_a_pipeline_id():
    doc = Document(
        id="t",
        source="t",
        text="Use rose in 2017, up from the previous year.",
        published="2019-11-19T06:56:43-05:00",
    )
    result = pipeline.annotate_document(
        doc, pipeline.Options(annotators=("dates",), timestamp=False)
    )
    year, previous = result.annotations
    assert previous.fields["anchor"] == year.id
    assert previous.fields["value"] == "2016"


def test_publication_day_is_taken_as_written():
    # 23:30 at UTC-05:00 is already the next day in UTC; the written date counts.
    assert publication_day("2019-11-18T23:30:00-05:00").isoformat() == "2019-11-18"
    assert publication_day("2010-12-17T08:37:00+08:00").isoformat() == "2010-12-17"
    assert publication_day("yesterday") is None
    assert publication_day(None) is None
    assert publication_day("0001-01-01T00:00:00Z") is None  # a CMS placeholder, not a date


def test_numeric_dates_follow_the_publishers_locale():
    text = "The hearing was moved to 03/04/2011."
    uk = find_dates(text, "2011-01-01", "en", "https://www.bbc.co.uk/news/1")
    us = find_dates(text, "2011-01-01", "en-US", None)
    unknown = find_dates(text, "2011-01-01", "en", "https://example.com/x")
    assert uk[0].fields["value"] == "2011-04-03"
    assert us[0].fields["value"] == "2011-03-04"
    assert unknown[0].fields == {"value": None, "granularity": "day", "ambiguous": True}


def test_annotator_is_registered_and_schema_valid():
    from annotator.plugins import registry

    assert isinstance(registry().annotators["dates"], DatesAnnotator)
    schema = json.loads((ROOT / "annotator" / "schemas" / "annotation-set.schema.json").read_text())
    import jsonschema

    result = annotator.annotate_html(SEED.read_bytes(), str(SEED), timestamp=False)
    jsonschema.validate(result.to_dict(), schema)


def _overlaps(a: str, b: str) -> bool:
    return a in b or b in a


def test_gold_date_f1():
    true_pos = false_pos = false_neg = 0
    gold_files = sorted((SHARED / "gold").glob("*.gold.json"))
    assert gold_files
    for gold_file in gold_files:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        page = SHARED / "corpus" / gold["source"]
        document = pipeline.extract(page.read_bytes(), str(page))
        predicted = list(DatesAnnotator().annotate(document, None))
        expected = [g for g in gold["annotations"] if g["type"] == "date"]
        used: set[int] = set()
        for found in predicted:
            match = next(
                (
                    i
                    for i, g in enumerate(expected)
                    if i not in used
                    and g["value"] == found.fields["value"]
                    and _overlaps(g["text"], found.text)
                ),
                None,
            )
            if match is None:
                false_pos += 1
            else:
                used.add(match)
                true_pos += 1
        false_neg += len(expected) - len(used)
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    assert 2 * precision * recall / (precision + recall) >= 0.90


def test_a_bare_fall_is_autumn_only_where_english_says_so():
    sentence = "Those factors are behind the fall, the minister said."
    assert [(a.text, a.fields["value"]) for a in find_dates(sentence, "2024-11-26")] == [
        ("fall", "2024-FA")
    ]
    for url in ("https://thewest.com.au/news/x", "https://www.bbc.co.uk/news/x"):
        assert find_dates(sentence, "2024-11-26", url=url) == []
    canadian = find_dates(sentence, "2024-11-26", url="https://www.cbc.ca/news/x")
    assert [a.fields["value"] for a in canadian] == ["2024-FA"]
    assert [
        a.fields["value"]
        for a in find_dates("Elections in fall 2025.", "2024-11-26", url="https://thewest.com.au/x")
    ] == ["2025-FA"]


def test_seasons_south_of_the_equator_fall_six_months_apart():
    """On a South African or Australian page winter runs June to August: "during the winter"
    in October 2023 is the one just past (2023-WI), where a U.S. page's is 2022-WI (Dec 2022 –
    Feb 2023); "last spring" in July 2022 is September – November 2021."""

    def values(text: str, published: str, country: str | None) -> list[str]:
        return [a.fields["value"] for a in find_dates(text, published, country=country)]

    winter = "The firm trucked in water during the winter to keep its lines running."
    assert values(winter, "2023-10-17", "ZA") == ["2023-WI"]
    assert values(winter, "2023-10-17", "US") == ["2022-WI"]
    assert values("Last spring the wetland flooded.", "2022-07-30", "AU") == ["2021-SP"]
    assert values("Last spring the wetland flooded.", "2022-07-30", "US") == ["2022-SP"]
    assert values("He hopes this summer will be wetter.", "2023-10-02", "NZ") == ["2023-SU"]
    assert values("He hopes this summer will be wetter.", "2024-01-15", "NZ") == ["2023-SU"]


def test_a_day_weeks_from_publication_keeps_its_year_unless_its_episode_is_just_told():
    """ "adjourned till April 22", paragraphs after "May 2022", in an article of March 2024
    is 2024's; "On July 12 looters hit the mall" right after "The July 2021 riots" stays in
    the episode's year."""
    filler = " The court heard evidence from several witnesses about the payments." * 10
    text = "Officials checked the schools in May 2022." + filler
    text += " A separate case has been adjourned till April 22 for continuation of trial."
    values = [a.fields["value"] for a in find_dates(text, "2024-03-14", country="NG")]
    assert values == ["2022-05", "2024-04-22"]
    riots = "The July 2021 riots began after the arrest. On July 12 looters hit the mall."
    values = [a.fields["value"] for a in find_dates(riots, "2023-07-20", country="ZA")]
    assert values == ["2021-07", "2021-07-12"]


def _period(first: str, last: str, value: str) -> Period:
    return Period(date.fromisoformat(first), date.fromisoformat(last), value)


def test_calendar_periods_span_their_days_across_1_january():
    """The spans tense choices measure against (not only the values): quarters, halves,
    weeks, weekends and seasons at the turn of a year."""
    assert quarter_period(2019, 4) == _period("2019-10-01", "2019-12-31", "2019-Q4")
    assert quarter_period(2020, 1) == _period("2020-01-01", "2020-03-31", "2020-Q1")
    assert half_period(2019, 2) == _period("2019-07-01", "2019-12-31", "2019-H2")
    assert half_period(2020, 1) == _period("2020-01-01", "2020-06-30", "2020-H1")
    assert week_period(date(2019, 12, 31)) == _period("2019-12-30", "2020-01-05", "2020-W01")
    assert week_period(date(2021, 1, 3)) == _period("2020-12-28", "2021-01-03", "2020-W53")
    assert weekend_period(date(2021, 1, 2)) == _period("2021-01-02", "2021-01-03", "2020-W53-WE")
    assert month_period(2020, 2) == _period("2020-02-01", "2020-02-29", "2020-02")
    winter = _period("2019-12-01", "2020-02-29", "2019-WI")
    assert [current_season(date(2019, 12, 1)), current_season(date(2020, 2, 29))] == [winter] * 2
    seasons = [current_season(date(2019, month, 15)).value for month in range(1, 13)]
    assert seasons == ["2018-WI"] * 2 + ["2019-SP"] * 3 + ["2019-SU"] * 3 + ["2019-FA"] * 3 + [
        "2019-WI"
    ]
    assert current_season(date(2019, 7, 1)) == _period("2019-06-01", "2019-08-31", "2019-SU")


def test_choosing_by_tense_at_the_turn_of_the_year():
    anchor = date(2020, 1, 2)
    quarters = [quarter_period(2019, 4), quarter_period(2020, 1), quarter_period(2020, 2)]
    assert choose(quarters, anchor, PAST).value == "2020-Q1"  # the latest begun by then
    assert choose(quarters[:1] + quarters[2:], anchor, PAST).value == "2019-Q4"
    assert choose(quarters[:1] + quarters[2:], anchor, FUTURE).value == "2020-Q2"
    # Beyond the horizon the nearest wins: 2019-Q4 ended 2 days before, 2020-Q2 is 90 away.
    assert choose(quarters[:1] + quarters[2:], anchor, FUTURE, horizon=30).value == "2019-Q4"
    assert distance(quarters[0], anchor) == 2
    assert distance(quarters[1], anchor) == 0
    assert distance(quarters[2], anchor) == 90


def test_an_episodes_year_reaches_only_a_few_paragraphs():
    """ "In February 2018 …" dates a "January 31" of the same episode in the next paragraph,
    not one pages later, which keeps the year its tense gives."""
    episode = "In February 2018, the union signed the contract.\n\n"
    near = episode + "On a January 31 call, the analyst raised concerns."
    far = (
        episode
        + "Workers said the pay was low. " * 120
        + "\n\nOn a January 31 call, the analyst raised concerns."
    )
    assert [(d.text, d.fields["value"]) for d in find_dates(near, "2023-05-15")][-1] == (
        "January 31",
        "2018-01-31",
    )
    assert [(d.text, d.fields["value"]) for d in find_dates(far, "2023-05-15")][-1] == (
        "January 31",
        "2023-01-31",
    )


def test_days_only_the_united_states_names_are_its_days_on_any_page():
    """A British page's "Thanksgiving" is the American one; a name every country may give its
    own day ("Independence Day") is that country's on its page, and nothing on a page of a
    country the table lacks; Canada keeps its October Thanksgiving."""
    sentence = "On Thanksgiving, the sheriff said the camp would stay."
    assert [d.fields["value"] for d in find_dates(sentence, "2016-11-29", country="GB")] == [
        "2016-11-24"
    ]
    assert [d.fields["value"] for d in find_dates(sentence, "2016-11-29", country="CA")] == [
        "2016-10-10"
    ]
    independence = "On Independence Day, the prime minister spoke."
    assert find_dates(independence, "2019-08-20", country="FR") == []  # no day of France's
    # each country's own Independence Day, Mother's Day and Father's Day
    for sentence, published, country, value in [
        (independence, "2019-08-20", "IN", "2019-08-15"),
        (independence, "2019-08-20", "PK", "2019-08-14"),
        (independence, "2019-12-20", "KE", "2019-12-12"),
        ("Florists were busy on Mother's Day.", "2024-03-20", "GB", "2024-03-10"),
        ("Florists were busy on Mother's Day.", "2024-05-20", "US", "2024-05-12"),
        ("Sales were down on Father's Day.", "2024-09-10", "AU", "2024-09-01"),
        ("Sales were down on Father's Day.", "2024-06-20", "ZA", "2024-06-16"),
        ("Crowds gathered on Freedom Day.", "2021-04-30", "ZA", "2021-04-27"),
        ("The march was held on Human Rights Day.", "2024-03-25", "ZA", "2024-03-21"),
        ("The march was held on Human Rights Day.", "2024-12-12", "GB", "2024-12-10"),
        ("Schools closed on Madaraka Day.", "2023-06-05", "KE", "2023-06-01"),
    ]:
        found = find_dates(sentence, published, country=country)
        assert [d.fields["value"] for d in found] == [value], (sentence, country)
    assert find_dates("Crowds gathered on Freedom Day.", "2021-04-30", country="US") == []


def test_a_short_year_span_is_a_financial_year_where_the_publisher_has_one() -> None:
    """ "Rs 2,340 crore in 2021-22", "the first half of 2022-23" on an Indian site are
    financial years (no calendar year); on a site of no such country "2008-9" is two years."""
    indian = "https://www.coromandeltimes.in/business/x"
    text = "Revenue was Rs 2,340 crore in 2021-22 and $3.5 billion in the first half of 2022-23."
    assert find_dates(text, "2022-11-30", "en", indian) == []
    spans = find_dates("The 2008-9 recession hurt.", "2022-11-30", "en", "https://example.com/x")
    assert [d.fields["value"] for d in spans] == ["2008", "2009"]


def test_a_break_named_after_a_day_is_the_coming_or_the_nearest_one():
    """ "for the Christmas and New Year recess" looks ahead, whatever the tense; "after the
    Independence Day holiday" written the day before is the nearest (Ghana's, on a Ghanaian
    page)."""
    recess = "The House adjourned plenary for the Christmas and New Year recess."
    found = find_dates(recess, "2025-12-11", country="NG")
    assert [(a.text, a.fields["value"]) for a in found] == [
        ("Christmas", "2025-12-25"),
        ("New Year", "2026-01-01"),
    ]
    holiday = (
        "The suspects would be arraigned on Thursday, after the Independence Day holiday, "
        "and the beans had been handed over."
    )
    found = find_dates(holiday, "2024-03-05", country="GH")
    assert [a.fields["value"] for a in found] == ["2024-03-07", "2024-03-06"]
