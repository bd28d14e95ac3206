"""compare.attribution on page styles the gold events never showed: a catalogue of header, footer,
byline, date and credit forms of US, UK and European newspapers, TV sites, wire services, blogs,
press releases and translated pages. Every page, name and outlet is invented here; each case says
what a careful reader records (the rules at the end of shared/gold/seeds.yaml): the outlet only
where the page names itself, the people who wrote the text (not editors, photographers, helpers or
desks), the agencies and outlets whose reporting it carries, and the publication date (not an
"Updated" stamp, not a relative time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.model import Article, Source
from compare.pipeline import build_article, load_articles

TITLE = "Ferry timetable approved by council"
STORY = (
    "The regional council approved the new ferry timetable on Monday after a long debate.\n\n"
    "Councillors said the change would cut waiting times for commuters by a third.\n\n"
    "The operator will add two early crossings on weekdays from the spring.\n"
)


def art(text: str, *, author: str | None = None) -> Article:
    source = Source(id="x", path="x.txt", text=text, origin=(), author=author)
    return build_article(source)


def page(head: str = "", foot: str = "", *, top: str = "") -> str:
    """A page: `top` above the headline, `head` lines between the headline and the story, `foot`
    below it."""
    return f"{top}\n\n{TITLE}\n{head}\n\n{STORY}\n{foot}\n".lstrip()


Case = tuple[str, str | None, tuple[str, ...], tuple[str, ...], str | None]


def check(
    a: Article, outlet: str | None, byline: tuple[str, ...], credits: tuple[str, ...], published: str | None
) -> None:
    got = (a.outlet, a.byline, a.credits, a.published)
    assert got == (outlet, byline, credits, published)


# --- bylines under the headline --------------------------------------------------------------------

BYLINES: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    ("three names", "By Lena Holt, Omar Sy and Kari Nord", ("Lena Holt", "Omar Sy", "Kari Nord"), ()),
    (
        "four names",
        "By Lena Holt, Omar Sy, Kari Nord and Per Lund",
        ("Lena Holt", "Omar Sy", "Kari Nord", "Per Lund"),
        (),
    ),
    ("names then agency", "Lena Holt and Omar Sy, Associated Press", ("Lena Holt", "Omar Sy"), ("AP",)),
    ("names then the agency", "By Lena Holt, The Associated Press", ("Lena Holt",), ("AP",)),
    ("capitals then agency", "LENA HOLT, Associated Press", ("Lena Holt",), ("AP",)),
    ("names bar agency", "By Lena Holt and Omar Sy | Associated Press", ("Lena Holt", "Omar Sy"), ("AP",)),
    ("name, Reuters", "By Lena Holt, Reuters", ("Lena Holt",), ("Reuters",)),
    ("name, PA", "By Lena Holt, PA", ("Lena Holt",), ("PA Media",)),
    ("name (AFP)", "By Lena Holt (AFP)", ("Lena Holt",), ("AFP",)),
    ("name bar role", "Lena Holt | Staff Writer", ("Lena Holt",), ()),
    ("story by", "Story by Lena Holt", ("Lena Holt",), ()),
    ("written by", "Written by Lena Holt", ("Lena Holt",), ()),
    ("posted by", "Posted by Lena Holt", ("Lena Holt",), ()),
    ("words by", "Words by Lena Holt", ("Lena Holt",), ()),
    ("opinion by", "Opinion by Lena Holt", ("Lena Holt",), ()),
    ("analysis by", "Analysis by Lena Holt", ("Lena Holt",), ()),
    ("guest post by", "Guest post by Lena Holt", ("Lena Holt",), ()),
    ("author label", "Author: Lena Holt", ("Lena Holt",), ()),
    ("text label", "Text: Lena Holt", ("Lena Holt",), ()),
    ("foreign author label", "Autor: Lena Holt", ("Lena Holt",), ()),
    ("handle after name", "Lena Holt @lenaholt", ("Lena Holt",), ()),
    ("by name handle", "By Lena Holt @lenaholt", ("Lena Holt",), ()),
    ("special to", "Lena Holt, Special to the Lakeside Herald", ("Lena Holt",), ()),
    ("doctor title", "By Dr. Lena Holt", ("Lena Holt",), ()),
    ("name, place", "By Lena Holt, Bergen", ("Lena Holt",), ()),
    ("long role", "Lena Holt, Senior Political Correspondent", ("Lena Holt",), ()),
    ("role without comma", "Lena Holt Transport correspondent", ("Lena Holt",), ()),
    ("capitals for outlet", "By LENA HOLT FOR LAKESIDEONLINE", ("Lena Holt",), ()),
    ("capitals with role", "By LENA HOLT, CHIEF POLITICAL CORRESPONDENT", ("Lena Holt",), ()),
    ("two in place", "Lena Holt and Omar Sy in Bergen", ("Lena Holt", "Omar Sy"), ()),
    ("desk staff", "By Lakeside Herald Staff", (), ()),
    ("staff reports", "From staff reports", (), ()),
    ("editorial board", "By the Editorial Board", (), ()),
    ("agencies", "By Agencies", (), ()),
    ("agency in full", "By Associated Press", (), ("AP",)),
    ("agency staff", "By Reuters Staff", (), ("Reuters",)),
    ("compiled by", "Compiled by Lena Holt", ("Lena Holt",), ()),
    ("name and email", "Lena Holt\nlholt@lakeside-herald.example", ("Lena Holt",), ()),
    ("name then role line", "Lena Holt\nSenior Politics Reporter, Lakeside Post", ("Lena Holt",), ()),
    ("by name and date", "By Lena Holt, Nov. 29, 2026", ("Lena Holt",), ()),
    ("translator", "By Omar Sy\nTranslated by Lena Holt", ("Omar Sy",), ()),
]


# --- lines below the story: credits, helpers, bios, syndication ------------------------------------

FOOTS: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    ("agency contributed", "Associated Press contributed to this report.", (), ("AP",)),
    ("the agency contributed", "The Associated Press contributed to this report.", (), ("AP",)),
    (
        "outlet reporter contributed",
        "Lakeside Channel's Omar Sy contributed to this report.",
        (),
        ("Lakeside Channel",),
    ),
    ("person contributed from", "Lena Holt contributed reporting from Bergen.", (), ()),
    ("contributed research", "Kari Nord contributed research.", (), ()),
    (
        "originally published by",
        "This story was originally published by the Valley Ledger.",
        (),
        ("Valley Ledger",),
    ),
    ("first appeared in", "This article first appeared in The Harbour Review.", (), ("Harbour Review",)),
    (
        "republished from",
        "This article is republished from The Quayside Review under a Creative Commons license.",
        (),
        ("Quayside Review",),
    ),
    (
        "produced by",
        "This story was produced by Fjord Investigates, a nonprofit newsroom.",
        (),
        ("Fjord Investigates",),
    ),
    ("distributed by", "Distributed by Tribune Content Agency, LLC.", (), ("Tribune Content Agency",)),
    ("dash agency sign-off", "— AFP", (), ("AFP",)),
    ("agency sign-off in parens", "(AFP)", (), ("AFP",)),
    ("with two agencies", "(With AP, Reuters)", (), ("AP", "Reuters")),
    ("with agency in lower case", "With Hina", (), ("HINA",)),
    ("with agencies", "(with agencies)", (), ()),
    (
        "wire reporting chain",
        "Reporting by Lena Holt in Bergen; additional reporting by Omar Sy; Writing by Kari Nord; "
        "Editing by Per Lund",
        ("Lena Holt", "Kari Nord"),
        (),
    ),
    ("reporters filed from", "Lena Holt reported from Bergen, and Omar Sy from Oslo.", (), ()),
    ("photo caption agency", "A ferry docks in Bergen on Monday. (AP Photo/Lena Holt)", (), ()),
    ("photo via agency", "A ferry docks in Bergen. (Lena Holt/Lakeside Herald via AP)", (), ()),
    ("initials sign-off", "lho/om/kn", (), ()),
    ("editor sign-off", "Editor: Lena Holt", (), ()),
    ("follow prompt", "Follow Lena Holt on X: @lenaholt", (), ()),
    ("media contact", "Media contact: Lena Holt, +47 555 0100", (), ()),
]


@pytest.mark.parametrize(
    "bio",
    [
        "Lena Holt is a reporter at the Lakeside Herald covering transport.",
        "Lena Holt covers transport for the Lakeside Herald. She joined the paper in 2019.",
        "Lena Holt is a writer for Lakeside Herald Digital. Story tips can be sent to lena@lakeside.example.",
        "Lena Holt is a freelance journalist based in Bergen.",
    ],
)
def test_author_bio_at_the_foot_names_the_writer_and_credits_nobody(bio: str) -> None:
    a = art(page("By Lena Holt", bio, top="Lakeside Herald"))
    assert (a.outlet, a.byline, a.credits) == ("Lakeside Herald", ("Lena Holt",), ())


def test_own_outlets_reporter_contributing_is_no_credit() -> None:
    a = art(
        page("By Lena Holt", "Lakeside Herald's Omar Sy contributed to this report.", top="Lakeside Herald")
    )
    assert (a.outlet, a.byline, a.credits) == ("Lakeside Herald", ("Lena Holt",), ())


def test_print_edition_line_gives_no_publication_date_and_is_furniture() -> None:
    foot = (
        "A version of this article appears in print on Nov. 30, 2026, Section A, Page 12 of the "
        "Bergen edition with the headline: Ferry Timetable Approved."
    )
    a = art(page("By Lena Holt\nNov. 29, 2026", foot))
    assert a.published == "2026-11-29"
    assert not any("appears in print" in p.text for p in a.paragraphs)


# --- dates ------------------------------------------------------------------------------------------

DATES: list[tuple[str, str, str | None]] = [
    ("US with ET", "Nov. 29, 2026 5:04 PM ET", "2026-11-29"),
    ("US comma time ET", "Nov. 29, 2026, 5:04 p.m. ET", "2026-11-29"),
    ("UK weekday day month", "Sunday 29 November 2026 14.00 GMT", "2026-11-29"),
    ("slashed day first", "29/11/2026", "2026-11-29"),
    ("ISO with Z", "2026-11-29T14:00:00Z", "2026-11-29"),
    ("updated alone", "Updated 3:15 PM EST, Sun November 29, 2026", None),
    ("relative", "Published 6 hours ago", None),
    ("relative minutes", "Updated 35 minutes ago", None),
    ("published updated no bar", "Published Nov. 29, 2026 Updated Nov. 30, 2026", "2026-11-29"),
    ("time first ET", "Published 5:04 PM ET Nov. 29, 2026", "2026-11-29"),
    ("at time", "November 29, 2026 at 5:04 p.m. EST", "2026-11-29"),
    ("TV posted slash time", "Posted: Nov 29, 2026 / 05:04 PM EST", "2026-11-29"),
    ("last updated label", "Last Updated: Nov 29, 2026", None),
    ("originally published", "Originally published Nov. 29, 2026", "2026-11-29"),
    (
        "published at updated",
        "Published: November 29, 2026 at 5:04 PM ET Updated: November 30, 2026",
        "2026-11-29",
    ),
    ("weekday US", "Sunday, November 29, 2026", "2026-11-29"),
    ("dotted with trailing dot", "29.11.2026. 14:00", "2026-11-29"),
    ("German day dot month", "29. November 2026", "2026-11-29"),
    ("bullet time", "29 November 2026 • 2:00pm", "2026-11-29"),
    ("pipe time", "Nov. 29, 2026 | 5:04 PM", "2026-11-29"),
    ("HuffPost stamp", "Nov 29, 2026, 05:04 PM EST | Updated Nov 30, 2026", "2026-11-29"),
    ("Fox stamp", "Published November 29, 2026 5:04pm EST", "2026-11-29"),
    (
        "UK time zone first",
        "Published: 14:00 GMT, 29 November 2026 | Updated: 16:00 GMT, 29 November 2026",
        "2026-11-29",
    ),
    ("Xinhua source strip", "Source: Xinhua| 2026-11-29 14:00:00|Editor: Lena Holt", "2026-11-29"),
    ("posted on", "Posted on November 29, 2026 by Lena Holt", "2026-11-29"),
    ("byline then date bar", "By Lena Holt | Published Nov. 29, 2026", "2026-11-29"),
    ("name bullet date", "Lena Holt • November 29, 2026", "2026-11-29"),
    ("first published label", "First published on Sun 29 Nov 2026 14.00 GMT", "2026-11-29"),
    ("month abbrev no dot", "Nov 29 2026", "2026-11-29"),
    ("ordinal", "November 29th, 2026", "2026-11-29"),
]


def test_updated_then_published_line_under_nyt_style_byline() -> None:
    a = art(
        page(
            "By Lena Holt and Omar Sy\nLena Holt reported from Bergen. Omar Sy from Oslo.\n"
            "Nov. 29, 2026\nUpdated 5:04 p.m. ET"
        )
    )
    assert (a.byline, a.credits, a.published) == (("Lena Holt", "Omar Sy"), (), "2026-11-29")


# --- wire datelines and credits ------------------------------------------------------------------

WIRES: list[tuple[str, str, tuple[str, ...]]] = [
    ("Xinhua double hyphen", "BEIJING, Nov. 29 (Xinhua) -- ", ("Xinhua",)),
    ("Kyodo", "TOKYO, Nov. 29 (Kyodo) - ", ("Kyodo",)),
    ("ANSA first", "(ANSA) - ROME, NOV 29 - ", ("ANSA",)),
    ("EFE Spanish style", "Madrid, Nov 29 (EFE).- ", ("EFE",)),
    ("dpa", "Berlin (dpa) - ", ("dpa",)),
    ("AFP", "Paris (AFP) - ", ("AFP",)),
    ("Yonhap", "SEOUL, Nov. 29 (Yonhap) -- ", ("Yonhap",)),
    ("PTI", "NEW DELHI, Nov 29 (PTI) ", ("PTI",)),
    ("press release wire", "OSLO, Nov. 29, 2026 /PRNewswire/ -- ", ("PR Newswire",)),
    ("business wire", "OSLO--(BUSINESS WIRE)--", ("Business Wire",)),
]


@pytest.mark.parametrize(("dateline", "credits"), [c[1:] for c in WIRES], ids=[c[0] for c in WIRES])
def test_wire_dateline_forms(dateline: str, credits: tuple[str, ...]) -> None:
    a = art(f"{TITLE}\n\n{dateline}{STORY}")
    assert a.credits == credits
    assert a.byline == ()


def test_press_release_source_line_names_the_company_not_a_byline_or_outlet() -> None:
    a = art(f"{TITLE}\n\nOSLO, Nov. 29, 2026 /PRNewswire/ -- {STORY}\nSOURCE Fjord Ferries AS\n")
    assert (a.outlet, a.byline) == (None, ())


# --- outlets: mastheads and footers ---------------------------------------------------------------

OUTLETS: list[tuple[str, str, str | None]] = [
    ("company form", "© 2026 The Lakeside Herald Company. All Rights Reserved.", "The Lakeside Herald"),
    ("division of", "Copyright © 2026 Lakeside Herald, a division of Bayside Media Group", "Lakeside Herald"),
    ("year after name", "© Lakeside Herald 2026", "Lakeside Herald"),
    (
        "may not be published",
        "Copyright 2026 Lakeside Herald. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.",
        "Lakeside Herald",
    ),
    ("LLC", "© 2026 Lakeside Herald, LLC", "Lakeside Herald"),
    ("Inc comma", "Copyright © 2026, Lakeside Herald, Inc.", "Lakeside Herald"),
    (
        "agency notice",
        "Copyright 2026 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed without permission.",
        None,
    ),
]


@pytest.mark.parametrize(("foot", "outlet"), [c[1:] for c in OUTLETS], ids=[c[0] for c in OUTLETS])
def test_copyright_footer_forms(foot: str, outlet: str | None) -> None:
    a = art(page("By Lena Holt", foot))
    got = a.outlet.removeprefix("The ") if a.outlet else None
    assert got == (outlet.removeprefix("The ") if outlet else None)


def test_byline_strip_above_the_headline_is_not_the_headline() -> None:
    a = art(f"By Lena Holt | Nov. 29, 2026\n\n{TITLE}\n\n{STORY}")
    assert (a.title, a.byline, a.published) == (TITLE, ("Lena Holt",), "2026-11-29")


def test_masthead_and_share_bar_lines_name_nobody() -> None:
    a = art(
        page(
            "By Lena Holt\nShare this article\nFacebook Twitter LinkedIn Email\nCopy link",
            top="Lakeside Herald",
        )
    )
    assert (a.outlet, a.byline) == ("Lakeside Herald", ("Lena Holt",))


# --- HTML pages: meta tags and JSON-LD -------------------------------------------------------------

BODY = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n"))


def html_page(head: str, byline_html: str = "") -> str:
    return (
        "<!DOCTYPE html><html><head><title>Ferry timetable approved by council</title>"
        + head
        + "</head><body><article><h1>Ferry timetable approved by council</h1>"
        + byline_html
        + BODY
        + "</article></body></html>"
    )


LD_PEOPLE = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
    '"headline":"Ferry timetable approved by council","datePublished":"2026-11-29T14:00:00Z",'
    '"author":[{"@type":"Person","name":"Lena Holt"},{"@type":"Person","name":"Omar Sy"}],'
    '"publisher":{"@type":"Organization","name":"Lakeside Herald"}}</script>'
)
LD_STRING = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
    '"headline":"Ferry timetable approved by council","datePublished":"2026-11-29",'
    '"author":"Lena Holt","publisher":{"@type":"Organization","name":"Lakeside Herald"}}</script>'
)
LD_AGENCY = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
    '"headline":"Ferry timetable approved by council","datePublished":"2026-11-29",'
    '"author":{"@type":"Organization","name":"Associated Press"}}</script>'
)
META_TAGS = (
    '<meta name="author" content="Lena Holt">'
    '<meta property="article:published_time" content="2026-11-29T14:00:00Z">'
    '<meta property="og:site_name" content="Lakeside Herald">'
)
META_URL_AUTHOR = (
    '<meta property="article:author" content="https://www.facebook.com/lakesideherald">'
    '<meta property="og:site_name" content="Lakeside Herald">'
)
META_OUTLET_AUTHOR = (
    '<meta name="author" content="Lakeside Herald"><meta property="og:site_name" content="Lakeside Herald">'
)

HTMLS: list[tuple[str, str, str, str | None, tuple[str, ...], tuple[str, ...], str | None]] = [
    ("JSON-LD people", LD_PEOPLE, "", "Lakeside Herald", ("Lena Holt", "Omar Sy"), (), "2026-11-29"),
    ("JSON-LD string", LD_STRING, "", "Lakeside Herald", ("Lena Holt",), (), "2026-11-29"),
    ("JSON-LD agency", LD_AGENCY, "", None, (), ("AP",), "2026-11-29"),
    ("meta tags", META_TAGS, "", "Lakeside Herald", ("Lena Holt",), (), "2026-11-29"),
    ("author URL", META_URL_AUTHOR, "", "Lakeside Herald", (), (), None),
    ("outlet as author", META_OUTLET_AUTHOR, "", "Lakeside Herald", (), (), None),
    (
        "visible byline with agency",
        META_URL_AUTHOR,
        "<p>By LENA HOLT and OMAR SY, Associated Press</p>",
        "Lakeside Herald",
        ("Lena Holt", "Omar Sy"),
        ("AP",),
        None,
    ),
]


# --- second catalogue: more byline spellings, names, foot notes, dates and page metadata ----------

BYLINES_2: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "stacked capitals and agency",
        "BY LENA HOLT AND OMAR SY\nASSOCIATED PRESS",
        ("Lena Holt", "Omar Sy"),
        ("AP",),
    ),
    ("agency writer", "By LENA HOLT, Associated Press Writer", ("Lena Holt",), ("AP",)),
    (
        "capitals then agency no comma",
        "By LENA HOLT and OMAR SY Associated Press",
        ("Lena Holt", "Omar Sy"),
        ("AP",),
    ),
    ("semicolon", "By Lena Holt; Omar Sy", ("Lena Holt", "Omar Sy"), ()),
    ("ampersand", "By Lena Holt & Omar Sy", ("Lena Holt", "Omar Sy"), ()),
    (
        "five names",
        "By Lena Holt, Omar Sy, Kari Nord, Per Lund and Ann Lee",
        ("Lena Holt", "Omar Sy", "Kari Nord", "Per Lund", "Ann Lee"),
        (),
    ),
    ("dash role", "By Lena Holt - Staff Writer", ("Lena Holt",), ()),
    ("apostrophe name", "By Lena O’Connor", ("Lena O’Connor",), ()),
    ("hyphen name", "By Lena Holt-Berg", ("Lena Holt-Berg",), ()),
    ("accented name", "By José Núñez", ("José Núñez",), ()),
    ("accented capitals", "By JOSÉ NÚÑEZ", ("José Núñez",), ()),
    ("particles", "By Lena van der Berg", ("Lena van der Berg",), ()),
    ("short names", "By Li Wei", ("Li Wei",), ()),
    ("no-break space", "By\u00a0Lena Holt", ("Lena Holt",), ()),
    ("stacked handle", "Lena Holt\n@lenaholt", ("Lena Holt",), ()),
    ("name then outlet and place", "Lena Holt\nLakeside News, Bergen", ("Lena Holt",), ()),
    ("header reporting credit", "Reporting by Lena Holt; Editing by Omar Sy", ("Lena Holt",), ()),
    ("agency with agency", "By AFP with Reuters", (), ("AFP", "Reuters")),
]


@pytest.mark.parametrize(
    ("line", "byline", "credits"),
    [c[1:] for c in (*BYLINES, *BYLINES_2)],
    ids=[c[0] for c in (*BYLINES, *BYLINES_2)],
)
def test_byline_forms(line: str, byline: tuple[str, ...], credits: tuple[str, ...]) -> None:
    a = art(page(line))
    assert (a.byline, a.credits) == (byline, credits)
    assert a.title == TITLE


FOOTS_2: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    ("material from", "Material from Reuters was used in this report.", (), ("Reuters",)),
    ("information from", "Information from the Associated Press was used in this report.", (), ("AP",)),
    ("agency contributed bare", "The Associated Press contributed.", (), ("AP",)),
    ("wire services contributed", "Wire services contributed to this report.", (), ()),
    (
        "one-word outlet's reporter",
        "Fjordvision's Lena Holt contributed to this report.",
        (),
        ("Fjordvision",),
    ),
    ("compiled by agency", "Compiled by AFP", (), ("AFP",)),
    ("reach the reporter", "Lena Holt can be reached at lholt@lakeside.example or on X @lenaholt.", (), ()),
    ("editing only", "Editing by Omar Sy", (), ()),
]


@pytest.mark.parametrize(
    ("line", "byline", "credits"), [c[1:] for c in (*FOOTS, *FOOTS_2)], ids=[c[0] for c in (*FOOTS, *FOOTS_2)]
)
def test_foot_forms(line: str, byline: tuple[str, ...], credits: tuple[str, ...]) -> None:
    a = art(page(foot=line))
    assert (a.byline, a.credits) == (byline, credits)


def test_material_from_an_agency_is_furniture_not_story() -> None:
    a = art(page(foot="Material from Reuters was used in this report."))
    assert not any("Material from" in p.text for p in a.paragraphs)


DATES_2: list[tuple[str, str, str | None]] = [
    ("CNN published", "Published 9:00 AM EST, Sun November 29, 2026", "2026-11-29"),
    ("year first slashes", "2026/11/29", "2026-11-29"),
    ("CJK", "2026年11月29日 14:00", "2026-11-29"),
    ("day first dashes", "29-11-2026", "2026-11-29"),
    ("capitals", "PUBLISHED: 29 NOV 2026", "2026-11-29"),
    ("relative posted", "Posted 2 hours ago", None),
    ("yesterday", "Yesterday at 5:04 PM", None),
    (
        "Guardian modified",
        "Sun 29 Nov 2026 14.00 GMT Last modified on Sun 29 Nov 2026 16.00 GMT",
        "2026-11-29",
    ),
    ("em dash time", "November 29, 2026 — 5:04 PM", "2026-11-29"),
    ("no comma PM", "Nov 29 2026 5:04PM", "2026-11-29"),
    ("dated slashes", "Dated: 29/11/2026", "2026-11-29"),
]


@pytest.mark.parametrize(
    ("line", "date"), [c[1:] for c in (*DATES, *DATES_2)], ids=[c[0] for c in (*DATES, *DATES_2)]
)
def test_date_forms(line: str, date: str | None) -> None:
    a = art(page(line))
    assert a.published == date
    assert a.title == TITLE


OUTLETS_2: list[tuple[str, str, str | None]] = [
    ("no space", "©2026 Lakeside Herald", "Lakeside Herald"),
    ("name before sign", "Lakeside Herald © 2026", "Lakeside Herald"),
    ("all content", "All content © 2026 Lakeside Herald", "Lakeside Herald"),
    ("company form and year", "© Lakeside Herald Ltd 2026", "Lakeside Herald"),
]


@pytest.mark.parametrize(("foot", "outlet"), [c[1:] for c in OUTLETS_2], ids=[c[0] for c in OUTLETS_2])
def test_copyright_footer_forms_more(foot: str, outlet: str | None) -> None:
    a = art(page("By Lena Holt", foot))
    assert a.outlet == outlet


LD_GRAPH = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",'
    '"headline":"Ferry timetable approved by council","datePublished":"2026-11-29T09:00:00-05:00",'
    '"author":{"@type":"Person","name":"Lena Holt"},'
    '"publisher":{"@type":"NewsMediaOrganization","name":"Lakeside Herald"}}]}</script>'
)
SITE_NAME = '<meta property="og:site_name" content="Lakeside Herald">'
META_AUTHOR_LIST = '<meta name="author" content="Lena Holt, Omar Sy">' + SITE_NAME
META_AUTHOR_AGENCY = '<meta name="author" content="By LENA HOLT, Associated Press">' + SITE_NAME
META_BYL = '<meta name="byl" content="By Lena Holt and Omar Sy">' + SITE_NAME

HTMLS_2: list[tuple[str, str, str, str | None, tuple[str, ...], tuple[str, ...], str | None]] = [
    ("JSON-LD graph", LD_GRAPH, "", "Lakeside Herald", ("Lena Holt",), (), "2026-11-29"),
    ("meta author list", META_AUTHOR_LIST, "", "Lakeside Herald", ("Lena Holt", "Omar Sy"), (), None),
    ("meta author with agency", META_AUTHOR_AGENCY, "", "Lakeside Herald", ("Lena Holt",), ("AP",), None),
    ("meta byl", META_BYL, "", "Lakeside Herald", ("Lena Holt", "Omar Sy"), (), None),
    (
        "linked byline",
        '<meta property="og:site_name" content="Lakeside Herald">',
        '<div class="byline">By <a href="/by/lena-holt">Lena Holt</a></div>',
        "Lakeside Herald",
        ("Lena Holt",),
        (),
        None,
    ),
]


@pytest.mark.parametrize(
    ("head", "body", "outlet", "byline", "credits", "published"),
    [c[1:] for c in (*HTMLS, *HTMLS_2)],
    ids=[c[0] for c in (*HTMLS, *HTMLS_2)],
)
def test_html_metadata_forms(
    tmp_path: Path,
    head: str,
    body: str,
    outlet: str | None,
    byline: tuple[str, ...],
    credits: tuple[str, ...],
    published: str | None,
) -> None:
    path = tmp_path / "p.html"
    path.write_text(html_page(head, body), encoding="utf-8")
    (a,) = load_articles([str(path)])
    check(a, outlet, byline, credits, published)


@pytest.mark.parametrize(
    "line",
    [
        "The union (CP) said the fares were too high.",
        "The Ferry Company (AP) said the fares were too high.",
        "Passengers told the council - AFP figures show - that the fares were too high.",
    ],
)
def test_an_acronym_in_brackets_or_a_dash_in_a_sentence_is_no_agency_credit(line: str) -> None:
    assert art(page(foot=line)).credits == ()


# --- whole pages in the house styles of US, UK, wire, blog, translated and press-release sites -----
# (the structure of each style as its pages scrape to text; every name and outlet invented)

PAGES: list[tuple[str, str, str | None, tuple[str, ...], tuple[str, ...], str | None]] = [
    (
        "US cable site",
        "Lakeside News\nPolitics\n\nFerry operator fined after council vote\n"
        "The penalty follows months of complaints\n\nBy Lena Holt Lakeside News\n"
        "Published November 29, 2026 5:04pm EST\n\n" + STORY + "\n"
        "Lakeside News' Omar Sy and The Associated Press contributed to this report.\n\n"
        "Lena Holt is a politics reporter for Lakeside News Digital. Story tips can be sent to "
        "lena.holt@lakeside.example.\n",
        "Lakeside News",
        ("Lena Holt",),
        ("AP",),
        "2026-11-29",
    ),
    (
        "US digital site",
        "Lakeside Post\nPOLITICS\n\nFerry Operator Fined After Council Vote\n"
        "The penalty follows months of complaints from commuters.\n\nBy Lena Holt\n"
        "Nov 29, 2026, 05:04 PM EST\n|\nUpdated Nov 30, 2026\nLOADING ERROR LOADING\n\n" + STORY,
        "Lakeside Post",
        ("Lena Holt",),
        (),
        "2026-11-29",
    ),
    (
        "US paper of record",
        "Ferry Operator Fined After Council Vote\nThe penalty follows months of complaints.\n\n"
        "By Lena Holt and Omar Sy\nLena Holt reported from Bergen, and Omar Sy from Oslo.\n"
        "Nov. 29, 2026\nUpdated 5:04 p.m. ET\n\n" + STORY + "\nKari Nord contributed research.\n\n"
        "Lena Holt is a correspondent covering transport in Scandinavia. More about Lena Holt\n\n"
        "A version of this article appears in print on Nov. 30, 2026, Section A, Page 8 of the Bergen "
        "edition with the headline: Ferry Operator Fined. Order Reprints | Today’s Paper | Subscribe\n",
        None,
        ("Lena Holt", "Omar Sy"),
        (),
        "2026-11-29",
    ),
    (
        "UK paper",
        "Ferry operator fined after council vote\nPenalty follows months of complaints\n\n"
        "Lena Holt Transport correspondent\nSun 29 Nov 2026 14.00 GMT\n\n" + STORY,
        None,
        ("Lena Holt",),
        (),
        "2026-11-29",
    ),
    (
        "UK tabloid",
        "Ferry operator fined after council vote\n\nBy LENA HOLT FOR LAKESIDEONLINE\n\n"
        "Published: 14:00 GMT, 29 November 2026 | Updated: 16:00 GMT, 29 November 2026\n\n" + STORY,
        None,
        ("Lena Holt",),
        (),
        "2026-11-29",
    ),
    (
        "newsletter",
        "Ferry operator fined after council vote\nWhat the penalty means for commuters\n\n"
        "Lena Holt\nNov 29, 2026\n∙ Paid\nShare\n\n" + STORY + "\nSubscribe to Lakeside Notes\n",
        None,
        ("Lena Holt",),
        (),
        "2026-11-29",
    ),
    (
        "translated regional paper",
        "Dnevni Vjesnik\n\nFerry operator fined after council vote\n\nAutor: Lena Holt\n"
        "29.11.2026. u 14:00\n\n" + STORY + "\n(Hina)\n\nThis article was translated from Croatian.\n",
        "Dnevni Vjesnik",
        ("Lena Holt",),
        ("HINA",),
        "2026-11-29",
    ),
    (
        "press release",
        "Fjord Ferries Announces New Timetable\n\nNews provided by\nFjord Ferries AS\n"
        "29 Nov, 2026, 09:00 ET\n\nOSLO, Nov. 29, 2026 /PRNewswire/ -- "
        + STORY
        + "\nSOURCE Fjord Ferries AS\n",
        None,
        (),
        ("PR Newswire",),
        "2026-11-29",
    ),
]


@pytest.mark.parametrize(
    ("text", "outlet", "byline", "credits", "published"), [c[1:] for c in PAGES], ids=[c[0] for c in PAGES]
)
def test_whole_pages(
    text: str, outlet: str | None, byline: tuple[str, ...], credits: tuple[str, ...], published: str | None
) -> None:
    check(art(text), outlet, byline, credits, published)


# --- third catalogue: bylines with jobs and dates, share bars, wire and agency notes ---------------

HEADS_3: list[tuple[str, str, tuple[str, ...], tuple[str, ...], str | None]] = [
    (
        "two names with jobs",
        "By Lena Holt, Political Editor and Omar Sy, Home Affairs Editor",
        ("Lena Holt", "Omar Sy"),
        (),
        None,
    ),
    (
        "byline job date",
        "By Lena Holt, Transport Correspondent 29 November 2026 • 2:00pm",
        ("Lena Holt",),
        (),
        "2026-11-29",
    ),
    (
        "byline date updated",
        "By Lena Holt | Nov. 29, 2026 | Updated Nov. 30, 2026",
        ("Lena Holt",),
        (),
        "2026-11-29",
    ),
    ("share names after byline", "By Lena Holt Twitter Email", ("Lena Holt",), (), None),
    (
        "name over a strip with reading time",
        "Lena Holt\nNovember 29, 2026 · 3 min read",
        ("Lena Holt",),
        (),
        "2026-11-29",
    ),
    (
        "name over a UK stamp",
        "Lena Holt\nSunday 29 November 2026 14:00 GMT",
        ("Lena Holt",),
        (),
        "2026-11-29",
    ),
    (
        "glued update stamp",
        "By Lena Holt\n14:00, 29 Nov 2026Updated 16:00, 29 Nov 2026",
        ("Lena Holt",),
        (),
        "2026-11-29",
    ),
    ("blog posted on by", "Posted on November 29, 2026 by Lena Holt", ("Lena Holt",), (), "2026-11-29"),
    ("name bar date", "Lena Holt | November 29, 2026", ("Lena Holt",), (), "2026-11-29"),
    (
        "listen strip",
        "Listen to this article · 5:04 min Learn more\nShare full article\nBy Lena Holt",
        ("Lena Holt",),
        (),
        None,
    ),
    ("AP updated only", "By LENA HOLT\nUpdated 5:04 PM EST, November 29, 2026", ("Lena Holt",), (), None),
]


@pytest.mark.parametrize(
    ("line", "byline", "credits", "published"), [c[1:] for c in HEADS_3], ids=[c[0] for c in HEADS_3]
)
def test_byline_and_date_forms_3(
    line: str, byline: tuple[str, ...], credits: tuple[str, ...], published: str | None
) -> None:
    a = art(page(line))
    assert (a.byline, a.credits, a.published) == (byline, credits, published)
    assert a.title == TITLE


FOOTS_3: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "agency funding note",
        "The Associated Press receives support from the Fjord Foundation for its coverage of transport. "
        "The AP is solely responsible for all content.",
        (),
        ("AP",),
    ),
    ("follow coverage", "Follow AP’s coverage of ferries at https://apnews.example/hub/ferries.", (), ()),
    ("assistance", "—With assistance from Omar Sy and Kari Nord", (), ()),
    (
        "standards opens new tab",
        "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
        (),
        (),
    ),
    ("press contact", "Contact: Lena Holt, lholt@fjordferries.example", (), ()),
    ("author card", "Lena Holt\nSenior Politics Reporter, Lakeside Post", (), ()),
]


@pytest.mark.parametrize(("line", "byline", "credits"), [c[1:] for c in FOOTS_3], ids=[c[0] for c in FOOTS_3])
def test_foot_forms_3(line: str, byline: tuple[str, ...], credits: tuple[str, ...]) -> None:
    a = art(page("By Omar Sy", line))
    assert (a.byline, a.credits) == (("Omar Sy", *byline), credits)
    assert not any("solely responsible" in p.text or "opens new tab" in p.text for p in a.paragraphs)


@pytest.mark.parametrize(
    "headline",
    [
        "Mayor Praises Local Reporter",
        "Protests Erupt in Paris",
        "By the Numbers: Ferry Fares",
        "Storm Hits Coast, Thousands Flee",
        "Lena Holt, Veteran Reporter, Dies at 80",
        "Written Off: How the Ferry Failed",
        "Analysis by the Numbers",
        "Published Author Wins Prize",
        "Ferry Operator and Union Reach Deal, Reuters Says",
    ],
)
def test_a_headline_is_no_page_metadata(headline: str) -> None:
    from compare.attribution import is_page_metadata

    assert not is_page_metadata(headline)


def test_a_name_over_a_bare_job_line_is_a_byline() -> None:
    assert art(page("Lena Holt\nSenior Staff Reporter")).byline == ("Lena Holt",)


# --- the same page in the encodings files arrive in ------------------------------------------------

ENCODED_PAGE = (
    "Lakeside Herald\n\nFerry timetable approved by council\n\nBy José Núñez and Lena O’Connor\n"
    "Published 29 November 2026\n\n" + STORY + "\nLakeside Channel’s Omar Sy contributed to this report.\n"
    "© 2026 Lakeside Herald Ltd.\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_attribution_is_the_same_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes(ENCODED_PAGE.encode(encoding))
    (a,) = load_articles([str(path)])
    check(a, "Lakeside Herald", ("José Núñez", "Lena O’Connor"), ("Lakeside Channel",), "2026-11-29")


def test_attribution_survives_windows_line_ends_and_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    garbled = ENCODED_PAGE.encode("utf-8").decode("cp1252", errors="replace")  # UTF-8 read as cp1252
    path.write_bytes(garbled.replace("\n", "\r\n").encode("utf-8"))
    (a,) = load_articles([str(path)])
    check(a, "Lakeside Herald", ("José Núñez", "Lena O’Connor"), ("Lakeside Channel",), "2026-11-29")


@pytest.mark.parametrize(
    ("garbled", "meant"),
    [
        ("JosÃ© NÃºÃ±ez", "José Núñez"),
        ("Oâ€™Connor", "O’Connor"),
        ("â‚¬5m", "€5m"),
        ("â€œquotedâ€\x9d", "“quoted”"),
        ("„ÖL“ and MÜ’s", "„ÖL“ and MÜ’s"),  # real umlauts before quotes stay
        ("Citroën in São Paulo", "Citroën in São Paulo"),
    ],
)
def test_utf8_read_as_cp1252_is_repaired(garbled: str, meant: str) -> None:
    from compare.read import repair_mojibake

    assert repair_mojibake(garbled) == meant


US_CABLE_HTML_HEAD = (
    '<meta property="og:site_name" content="Lakeside News">'
    '<meta name="dc.creator" content="Lena Holt">'
    '<meta property="article:published_time" content="2026-11-29T17:04:05-05:00">'
    '<meta property="article:modified_time" content="2026-11-30T09:00:00-05:00">'
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
    '"headline":"Ferry timetable approved by council","datePublished":"2026-11-29T17:04:05-05:00",'
    '"dateModified":"2026-11-30T09:00:00-05:00",'
    '"author":[{"@type":"Person","name":"Lena Holt","url":"https://lakeside.example/person/l/lena-holt"}],'
    '"publisher":{"@type":"Organization","name":"Lakeside News"}}</script>'
)
US_PAPER_HTML_HEAD = (
    '<meta name="byl" content="By Lena Holt and Omar Sy">'
    '<meta property="article:published_time" content="2026-11-29T10:00:12.000Z">'
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
    '"headline":"Ferry timetable approved by council","datePublished":"2026-11-29T10:00:12.000Z",'
    '"author":[{"@type":"Person","name":"Lena Holt"},{"@type":"Person","name":"Omar Sy"}],'
    '"publisher":{"@type":"NewsMediaOrganization","name":"The Lakeside Times"}}</script>'
)
US_DIGITAL_FOOT = "<p>Lakeside News’ Omar Sy and The Associated Press contributed to this report.</p>"


def test_us_cable_html_page(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(html_page(US_CABLE_HTML_HEAD, "").replace("</article>", US_DIGITAL_FOOT + "</article>"))
    (a,) = load_articles([str(path)])
    check(a, "Lakeside News", ("Lena Holt",), ("AP",), "2026-11-29")


def test_us_paper_html_page(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(html_page(US_PAPER_HTML_HEAD, "<p>By Lena Holt and Omar Sy</p>"))
    (a,) = load_articles([str(path)])
    assert (a.byline, a.credits, a.published) == (("Lena Holt", "Omar Sy"), (), "2026-11-29")
    assert a.outlet in ("The Lakeside Times", "Lakeside Times")


@pytest.mark.parametrize(
    "bio",
    [
        "Lena Holt is a reporter at the Lakeside Herald covering transport.",
        "Lena Holt covers transport for the Lakeside Herald. She joined the paper in 2019.",
        "Lena Holt is a politics reporter for Lakeside News Digital. Story tips can be sent to "
        "lena@lakeside.example.",
    ],
)
def test_the_writers_bio_at_the_foot_is_furniture(bio: str) -> None:
    a = art(page("By Lena Holt", bio, top="Lakeside Herald"))
    assert not any(p.text.startswith("Lena Holt") for p in a.paragraphs)
    assert a.paragraphs[-1].text.startswith("The operator will add")


def test_a_sentence_about_a_journalist_inside_the_story_is_kept() -> None:
    text = page("By Omar Sy", "").replace(
        "Councillors said", "Lena Holt is a reporter for the Valley Ledger.\n\nCouncillors said"
    )
    a = art(text)
    assert any(p.text.startswith("Lena Holt is a reporter") for p in a.paragraphs)


@pytest.mark.parametrize(
    "caption",
    [
        "A ferry docks in Bergen on Monday.Credit...Omar Sy for The Lakeside Times",
        "Credit...Omar Sy for The Lakeside Times",
        "Passengers board the ferry in Bergen on Monday. (Omar Sy/Lakeside News Digital)",
        "FILE - A ferry docks in Bergen, Norway, on May 5, 2026. (AP Photo/Omar Sy, File)",
    ],
)
def test_a_photo_caption_inside_the_story_is_furniture_and_credits_nobody(caption: str) -> None:
    text = page("By Lena Holt").replace("Councillors said", caption + "\n\nCouncillors said")
    a = art(text)
    assert (a.byline, a.credits) == (("Lena Holt",), ())
    assert not any("Omar Sy" in p.text for p in a.paragraphs)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("29 de noviembre de 2026", "2026-11-29"),
        ("Publié le 29 novembre 2026 à 14h00", "2026-11-29"),
        ("29. November 2026, 14:00 Uhr", "2026-11-29"),
        ("29 settembre 2026", "2026-09-29"),
        ("Publicado em 29 de março de 2026", "2026-03-29"),
    ],
)
def test_a_translated_pages_own_date_stamp_in_its_language(line: str, date: str) -> None:
    from compare.attribution import parse_date

    assert parse_date(line) == date


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ("By Lena Holt Lakeside News", "Lakeside News"),
        ("By Lena Holt, Lakeside Herald", "Lakeside Herald"),
        ("Lena Holt, Special to the Valley Gazette", "Valley Gazette"),
        ("Lena Holt\nSenior Politics Reporter, Lakeside Post", "Lakeside Post"),
        ("By Lena Holt, Associated Press", None),
        ("By Lena Holt, Bergen", None),
        # the writer's job after the outlet is no part of its name
        ("Lena Holt, Lakeside Herald Reporter", "Lakeside Herald"),
        ("By Lena Holt, Lakeside Post Senior Staff Writer", "Lakeside Post"),
    ],
)
def test_the_writers_outlet_in_the_byline_is_the_outlet_of_a_page_naming_no_other(
    head: str, outlet: str | None
) -> None:
    assert art(page(head)).outlet == outlet


def test_a_masthead_beats_the_writers_outlet_in_the_byline() -> None:
    assert art(page("By Lena Holt, Valley Gazette", top="Lakeside Herald")).outlet == "Lakeside Herald"


# --- headlines that open with a byline label's words -----------------------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "Report by Watchdog Slams Rail Operator",
        "Analysis by Experts Finds Flaws in Bridge Design",
        "Reporter: Police Beat Me at Protest",
        "Author: Jane Austen Museum Reopens",
        "Text: Full Speech of the Prime Minister",
        "Words by Poet Laureate Open Festival",
        # a job's words inside a headline: no "Name, Job" byline, no "Job, Outlet" line
        "Nurses Strike - Staff Reporter Injured",
        "Police Chief, Mayor Clash Over Budget",
        "Ferry Workers | Special Report",  # no date, time or job in the strip
    ],
)
def test_a_headline_in_a_byline_labels_words_is_the_headline_and_names_nobody(headline: str) -> None:
    a = art(f"{headline}\n\nBy Lena Holt\n\n{STORY}")
    assert (a.title, a.byline) == (headline, ("Lena Holt",))


@pytest.mark.parametrize(
    ("line", "byline", "credits"),
    [
        ("Analysis by Lena Holt", ("Lena Holt",), ()),
        ("Author: Lena Holt, Political Editor", ("Lena Holt",), ()),
        ("Text: Ana de la Cruz and Omar Sy, Associated Press", ("Ana de la Cruz", "Omar Sy"), ("AP",)),
        ("Report by Dr. Mary Ann Holt", ("Mary Ann Holt",), ()),
    ],
)
def test_a_labelled_byline_of_names_is_read(
    line: str, byline: tuple[str, ...], credits: tuple[str, ...]
) -> None:
    a = art(page(line))
    assert (a.title, a.byline, a.credits) == (TITLE, byline, credits)
