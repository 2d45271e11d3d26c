"""Headlines: the <h1> a title confirms, else a title without its section prefix and site
suffix; never a bare section or site name."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from annotator.reading.extract import extract_document
from annotator.reading.headline import choose_headline

NYT = "Opinion | Republicans Are Following Trump to Nowhere"


@pytest.mark.parametrize(
    ("titles", "h1s", "sites", "sections", "headline"),
    [
        # the NYT opinion page: og:title 'Opinion | …', the <h1> is the headline
        (
            [NYT, f"{NYT} - The New York Times"],
            ["Republicans Are Following Trump to Nowhere"],
            ["The New York Times"],
            [],
            "Republicans Are Following Trump to Nowhere",
        ),
        # the same page with its section as the only <h1>: never the answer
        ([NYT], ["Opinion"], [], [], "Republicans Are Following Trump to Nowhere"),
        (
            [f"{NYT} - The New York Times"],
            [],
            ["nytimes"],
            ["Opinion"],
            "Republicans Are Following Trump to Nowhere",
        ),
        (
            ["About bugs – Vortex Cannon Entertainment"],
            ["About bugs"],
            ["vortexcannon"],
            [],
            "About bugs",
        ),
        (
            [
                "Three Ways to Be the Thermostat — Postlight — Digital Strategy, Design and Engineering"
            ],
            [],
            ["postlight"],
            [],
            "Three Ways to Be the Thermostat",
        ),
        (
            ["Dylann Roof Convicted Of Charleston Church Massacre : The Two-Way : NPR"],
            [],
            ["npr"],
            [],
            "Dylann Roof Convicted Of Charleston Church Massacre : The Two-Way",
        ),
        (
            ["The Space Review: Seeking a bigger role for a big rocket"],
            ["Seeking a bigger role for a big rocket"],
            [],
            [],
            "Seeking a bigger role for a big rocket",
        ),
        # a logo <h1> naming the site is no headline
        (
            ["‘Fantastic Beasts’: A Nice Place to Visit | The New Republic"],
            ["The New Republic"],
            ["newrepublic"],
            [],
            "‘Fantastic Beasts’: A Nice Place to Visit",
        ),
        # a headline that names the site is still a headline
        (
            ["NPR chief executive steps down | NPR"],
            ["NPR chief executive steps down"],
            ["npr"],
            [],
            "NPR chief executive steps down",
        ),
        # straight and curly quotes, dashes: the same title
        (
            ["The Early Reviews Are Here - And They're Not Great"],
            ["The Early Reviews Are Here — And They’re Not Great"],
            [],
            [],
            "The Early Reviews Are Here — And They’re Not Great",
        ),
        # a breadcrumb ending in the article's own title names no section
        (
            ["普通に使える手のひらサイズの超小型スマホ「Palm Phone」の実機チェック - 週刊アスキー"],
            ["普通に使える手のひらサイズの超小型スマホ「Palm Phone」の実機チェック"],
            [],
            ["普通に使える手のひらサイズの超小型スマホ「Palm Phone」の実機チェック"],
            "普通に使える手のひらサイズの超小型スマホ「Palm Phone」の実機チェック",
        ),
    ],
)
def test_headline(titles, h1s, sites, sections, headline):
    assert choose_headline(titles, h1s, sites, sections) == headline


def test_the_nyt_opinion_page_of_the_benchmark():
    """blind8's NYT page gave the headline 'Opinion' before."""
    page = (
        CORPUS / "html" / "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34.html.gz"
    )
    doc = extract_document(page.read_bytes(), page.name)
    assert doc.headline == "Republicans Are Following Trump to Nowhere"


def test_a_title_escaped_twice_is_unescaped():
    page = (
        "<html><head><meta property='og:title' content='Kohberger&amp;#8217;s lawyers'>"
        "</head><body>"
        + "<p>The defense team asked the court on Friday to delay the hearing by a month.</p>" * 4
        + "</body></html>"
    )
    assert extract_document(page.encode(), "x").headline == "Kohberger’s lawyers"
