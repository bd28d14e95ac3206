"""attribution: who publishes, carries, wrote and supplied an article, and when it was published.

Sources, in order of trust (the first that says something wins for the outlet and the date):
front matter and `sources.yaml` (what the user stated), the HTML page's metadata (trafilatura's
site name, author and date), then the text itself: the masthead lines above the story that the
cleaner drops as furniture, byline lines, credit lines and date lines.

Nothing is guessed. Every rule looks for a form in which a page names itself or its sources
("By NAME", "(Credit: X)", "LAGOS (Reuters) -"), and the tables below hold general knowledge (the
world's news agencies, the aggregators that carry other outlets' pages, the words newspapers are
named with), never a name taken from one article. When no rule fires, the field stays empty and the
file stem remains the article's label.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from compare.clean import Cleaned, classify
from compare.extract.names import NOT_NAMES, TITLE_WORDS, is_place
from compare.model import AttributionSource, Source
from compare.reporting import PUBLISHING_VERBS, SAY, Verb, alternation, finite
from compare.segment import DATELINE, DATELINE_HEAD, UPPER, ends_sentence

# --- tables of general knowledge -----------------------------------------------------------------

# News agencies of the world: spellings (compared through `fold`) -> the short name shown. A credit
# naming one is kept in this short form so that "The Associated Press" and "AP" are one credit.
# Sources: the agencies' own names; the list of members of the European Alliance of News Agencies,
# the OANA (Asia-Pacific) members and the large national agencies elsewhere.
_AGENCY_SPELLINGS: dict[str, tuple[str, ...]] = {
    "AP": ("ap", "associated press", "the associated press", "ap news"),
    "AFP": ("afp", "agence france presse", "agence france-presse", "afp news"),
    "Reuters": ("reuters", "thomson reuters"),
    "Bloomberg": ("bloomberg", "bloomberg news"),
    "dpa": ("dpa", "deutsche presse agentur", "deutsche presse-agentur"),
    "EFE": ("efe", "agencia efe"),
    "Europa Press": ("europa press",),
    "ANSA": ("ansa",),
    "AGI": ("agi", "agenzia giornalistica italia"),
    "Lusa": ("lusa",),
    "ANP": ("anp",),
    "Belga": ("belga",),
    "APA": ("apa", "austria presse agentur"),
    "Keystone-SDA": ("keystone sda", "sda"),
    "PA Media": ("pa media", "press association", "pa"),
    "Ritzau": ("ritzau",),
    "TT": ("tt", "tidningarnas telegrambyra"),
    "NTB": ("ntb", "norsk telegrambyra"),
    "STT": ("stt",),
    "PAP": ("pap", "polish press agency", "polska agencja prasowa"),
    "CTK": ("ctk", "czech news agency"),
    "MTI": ("mti",),
    "Agerpres": ("agerpres",),
    "BTA": ("bta",),
    "HINA": ("hina",),
    "Tanjug": ("tanjug",),
    "ANA-MPA": ("ana mpa", "athens news agency"),
    "Anadolu": ("anadolu", "anadolu agency", "aa"),
    "UNIAN": ("unian",),
    "Ukrinform": ("ukrinform",),
    "Interfax": ("interfax", "interfax ukraine"),
    "TASS": ("tass",),
    "RIA Novosti": ("ria novosti", "ria"),
    "Xinhua": ("xinhua", "xinhua news agency"),
    "Kyodo": ("kyodo", "kyodo news"),
    "Jiji": ("jiji", "jiji press"),
    "Yonhap": ("yonhap", "yonhap news agency"),
    "PTI": ("pti", "press trust of india"),
    "ANI": ("ani", "asian news international"),
    "IANS": ("ians",),
    "AAP": ("aap", "australian associated press"),
    "The Canadian Press": ("canadian press", "the canadian press", "cp"),
    "UPI": ("upi", "united press international"),
    "Bernama": ("bernama",),
    "Antara": ("antara",),
    "CNA": ("central news agency",),
    "IRNA": ("irna",),
    "WAFA": ("wafa",),
    "MENA": ("mena", "middle east news agency"),
    "KUNA": ("kuna",),
    "WAM": ("wam",),
    "SPA": ("saudi press agency",),
    "QNA": ("qna",),
    "APS": ("algerie presse service",),
    "MAP": ("maghreb arabe presse",),
    "NAN": ("news agency of nigeria",),
    "Prensa Latina": ("prensa latina",),
    "Notimex": ("notimex",),
    "Telam": ("telam",),
    "Agencia Brasil": ("agencia brasil",),
    # Press-release wires: they carry companies' releases word for word ("OSLO, May 3, 2025
    # /PRNewswire/ --"), so a page from one is credited to the wire as a news agency's copy is.
    "PR Newswire": ("pr newswire", "prnewswire"),
    "Business Wire": ("business wire", "businesswire"),
    "GlobeNewswire": ("globenewswire", "globe newswire"),
    "Accesswire": ("accesswire",),
    "EIN Presswire": ("ein presswire",),
}

# Aggregators and reading apps that carry other outlets' pages: a page of theirs is `via` them.
# Spellings (folded) -> the name shown. Source: the widely used news apps and portals that
# republish publishers' articles in full.
_AGGREGATOR_SPELLINGS: dict[str, tuple[str, ...]] = {
    "inkl": ("inkl",),
    "Yahoo News": ("yahoo news", "yahoo", "yahoo finance"),
    "MSN": ("msn", "msn news"),
    "Google News": ("google news",),
    "Apple News": ("apple news",),
    "Flipboard": ("flipboard",),
    "NewsBreak": ("newsbreak", "news break"),
    "SmartNews": ("smartnews",),
    "PressReader": ("pressreader",),
    "NewsNow": ("newsnow",),
    "Ground News": ("ground news",),
    "Head Topics": ("head topics",),
}

# Words newspapers, broadcasters and news sites are named with: a short title-case line above the
# story holding one of them is the page's masthead ("The Northern Gazette", "Nordic Business Times").
MASTHEAD_WORDS = frozenset(
    """times post news herald tribune journal gazette guardian telegraph chronicle express mail
    mirror observer independent courier dispatch examiner inquirer globe daily weekly press
    register sentinel argus advertiser tv radio broadcasting broadcaster television zeitung
    nachrichten presse""".split()
    # The same words in the languages of translated European pages (German, Dutch, Nordic, Romance,
    # Slavic, Hungarian newspapers: "Dnevni Vjesnik", "Corriere della Valle", "Bergens Tidende"):
    # the words the continent's national and regional papers are named with.
    + """tageblatt anzeiger kurier rundschau allgemeine dagblad krant posten tidende tidning
    tidningen dagbladet aftonbladet gazzetta corriere giornale diario periodico jornal gazeta
    noticias journal quotidien courrier novine vjesnik dnevnik vecernji noviny vesti vijesti
    wiadomosci hirlap ziarul""".split()
)
# Left out on purpose: newspaper words that end ordinary headlines ("Prices Hit Record", "Bridge
# Reopens Today", "A Rising Star", "New Safety Standard", "Court Review"): record, today, star,
# standard, review, leader, echo, monitor, insider.
# ... but not a section label made of generic words and "News" ("World News", "Latest News").
SECTION_WORDS = frozenset(
    """world latest breaking top local national international business sport sports politics live
    home more your our all other related trending daily morning evening weekend today opinion
    health science tech technology culture entertainment video videos finance markets economy
    us uk europe asia africa americas good bad big fake real more first last""".split()
    # The sections a news site's menu lists after its name ("The Northern Gazette | News | Sport |
    # Showbiz | Travel | Money"): the section labels of general news sites' menus.
    + """news showbiz celebrity travel money puzzles games crossword lifestyle life style fashion
    beauty food property motoring cars jobs weather podcasts newsletters arts books music film
    films environment climate education obituaries royals wellbeing""".split()
)
# The world's most written languages (English names): "published in Spanish" names a language, and
# a language is never an outlet. Source: the languages with the most written news (Ethnologue's
# largest languages and the official languages of the EU and the UN).
LANGUAGES = frozenset(
    """english spanish french german italian portuguese dutch flemish danish swedish norwegian
    finnish icelandic estonian latvian lithuanian polish czech slovak slovene slovenian croatian
    serbian bosnian bulgarian romanian hungarian greek albanian macedonian maltese irish welsh
    catalan basque galician russian ukrainian belarusian georgian armenian turkish kurdish persian
    farsi arabic hebrew urdu hindi bengali punjabi tamil telugu marathi gujarati kannada malayalam
    nepali sinhala chinese mandarin cantonese japanese korean vietnamese thai malay indonesian
    filipino tagalog burmese khmer swahili amharic hausa yoruba igbo somali afrikaans zulu
    kazakh uzbek azerbaijani mongolian""".split()
)
# A masthead is a name, not a sentence: at most this many words ("The Sydney Morning Herald").
MAX_MASTHEAD_WORDS = 5
# Web-address mastheads ("Example.com", "News.NET"): the name part and a top-level domain.
_DOMAIN_MASTHEAD = re.compile(
    r"^[A-Za-z][\w-]{1,40}\.(com|net|org|info|news|co\.uk|ua|de|fr|it|es|eu|ru|pl)$", re.I
)

# Words of outlet names that never name a person ("Lakeside Channel", "Fjord Media", "Harbour
# Online"): a possessive before a reporter's name ("Lakeside Channel's Jane Doe") names a newsroom.
# Not mastheads on their own: "Swimmers Cross the Channel" is a headline.
OUTLET_NAME_WORDS = frozenset(
    "channel network networks magazine digital online media newsroom broadcasting".split()
)
# The share bar's and social networks' names: never part of a writer's name ("By Jane Doe Twitter
# Email" is a byline run into its share buttons). The networks news pages link to.
SHARE_WORDS = frozenset(
    """share facebook twitter linkedin whatsapp telegram email e-mail print instagram tiktok youtube
    reddit pinterest bluesky mastodon threads messenger copy link comments""".split()
)
# Lines a page opens with that say what the writer's job is ("Jane Doe, Foreign Desk").
ROLE_WORDS = frozenset(
    """correspondent reporter editor writer desk staff contributor columnist chief bureau
    journalist analyst producer presenter anchor photographer""".split()
)
# Lower-case words inside a person's name ("Ursula von der Leyen", "Ana de Armas").
NAME_PARTICLES = frozenset("de da das do dos di du del della der den van von la le al bin ibn ben y".split())
# A person's name has this many words (given names and surnames, particles included).
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 5
# Words that make a capitalised phrase something other than a person ("Foreign Desk", "News").
NOT_NAME_WORDS = (
    MASTHEAD_WORDS
    | OUTLET_NAME_WORDS
    | SHARE_WORDS
    | ROLE_WORDS
    | frozenset(
        """january february march april may june july august september october november december
        monday tuesday wednesday thursday friday saturday sunday published updated agency agencies
        staff wire wires the and with by""".split()
    )
)
# Trailing words after an agency's name that still mean the agency ("AFP News", "Reuters Staff").
_AGENCY_SUFFIX = re.compile(
    r"\s+(news|staff|wire|wires|reporters?|journalists?|writers?|correspondents?|agency)$"
)
# An aggregator's name in the page's furniture marks the page as theirs, unless the line only asks
# the reader to follow the outlet there ("Follow us on Google News").
_FOLLOW_PROMPT = re.compile(r"\b(follow|find|add|join|read) us\b|\bpreferred source\b|\bfollow\b", re.I)

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        )
    )
    for m in names.split()
}
# The month names of the languages translated European pages keep their date stamps in (Spanish,
# French, German, Italian, Portuguese, Dutch: "29 de noviembre de 2025", "29 novembre 2025",
# "29. November 2025"). General knowledge; a page's own stamp is the one place they are read.
FOREIGN_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "enero janvier januar jänner gennaio janeiro januari",
            "febrero février fevrier februar febbraio fevereiro februari",
            "marzo mars märz maerz março marco maart",
            "abril avril aprile",
            "mayo mai maggio maio mei",
            "junio juin juni giugno junho",
            "julio juillet juli luglio julho",
            "agosto août aout augustus",
            "septiembre setiembre septembre settembre setembro",
            "octubre octobre oktober ottobre outubro",
            "noviembre novembre novembro",
            "diciembre décembre decembre dezember dicembre dezembro",
        )
    )
    for m in names.split()
}
MONTHS.update(FOREIGN_MONTHS)

# --- name matching -------------------------------------------------------------------------------

# An organisation's or person's name as a text names it: capitalised words, with "of", "and", "&"
# inside ("Bank of England", "Lumen.NET"). It never runs past punctuation other than . & ' -.
_ORG_WORD = rf"[{UPPER}0-9][\w&'’-]*(?:\.[\w&'’-]+)*"  # inner dots only: "Lumen.NET", not "Ltd."
ORG = rf"(?:[Tt]he\s+)?{_ORG_WORD}(?:\s+(?:of|and|&|for|{_ORG_WORD})){{0,6}}"
_TRAILING_CONNECTOR = re.compile(r"(\s+(of|and|&|for))+$|[.’'-]+$")


def fold(text: str) -> str:
    """Compare key for a name: accents dropped, lower case, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


AGENCIES: dict[str, str] = {fold(s): name for name, spellings in _AGENCY_SPELLINGS.items() for s in spellings}
AGGREGATORS: dict[str, str] = {
    fold(s): name for name, spellings in _AGGREGATOR_SPELLINGS.items() for s in spellings
}
# One pattern for every aggregator spelling, longest first ("yahoo news" before "yahoo").
_AGGREGATOR_NAME = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(AGGREGATORS, key=len, reverse=True))
    + r")(?!\w)",
    re.I,
)


def agency(text: str) -> str | None:
    """The agency a name means ("The Associated Press" -> "AP"), or None."""
    key = _AGENCY_SUFFIX.sub("", fold(text))
    key = key[4:] if key.startswith("the ") else key
    return AGENCIES.get(key) or AGENCIES.get(fold(text))


def _org(text: str) -> str:
    """A captured name without trailing connectors or dots ("Interfax." -> "Interfax")."""
    text = text.strip()
    while True:
        trimmed = _TRAILING_CONNECTOR.sub("", text).strip()
        if trimmed == text:
            return text
        text = trimmed


def person(text: str) -> str | None:
    """The text as a person's name ("Jane Doe", "Ana de la Cruz"), or None when it is not one."""
    name = " ".join(text.strip(" ,.;:|").split())
    parts = name.split()
    if not MIN_NAME_WORDS <= len(parts) <= MAX_NAME_WORDS:
        return None
    for i, word in enumerate(parts):
        bare = word.strip(".'’-")
        if not bare or any(c.isdigit() or c in ":/@" for c in bare) or fold(bare) in NOT_NAME_WORDS:
            return None  # "Share: Facebook", "X/Twitter", "@handle": no part of a name
        if bare.lower() in NAME_PARTICLES and 0 < i < len(parts) - 1:
            continue
        if not bare[0].isupper():
            return None
        if bare.isupper() and len(bare) > 2:  # an acronym ("AFP"), not a name
            return None
    if agency(name):
        return None
    return name


# --- dates ---------------------------------------------------------------------------------------

_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DATE_FORMS = (
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})"),
    # "29 November 2026", "29th Nov 2026", and the German and Nordic "29. November 2026".
    re.compile(
        rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?(?P<year>\d{{4}})"
    ),
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"),
    # Year first is certain whatever the separator: "2025/03/05" (East Asian pages), "2025年3月5日".
    re.compile(r"(?P<year>\d{4})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})(?![\d/])"),
    re.compile(r"(?P<year>\d{4})\s*年\s*(?P<mon>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
    # Day first with dots is the European order; slashes only when the order is certain (below).
    re.compile(r"(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})"),
)
# "05/03/2025": day first in most of the world, month first in the United States. Read only when
# the order is certain: a part above 12, or `day_first` known from the page (see `slash_order`).
# Dashes ("05-03-2025") are read the same way.
_SLASHED_DATE = re.compile(
    r"(?<![\d/-])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/-])"
)
# Time zones that say where a date stamp was written: Europe writes the day first, the United
# States the month first (zone abbreviations as the tz database and news sites print them).
_DAY_FIRST_ZONES = frozenset("gmt bst ist wet west cet cest met mest eet eest msk".split())
_MONTH_FIRST_ZONES = frozenset("et est edt ct cst cdt mt mst mdt pt pst pdt akst akdt hst".split())
# "translated from Spanish", "originally published in German": the language the page was written in.
_SOURCE_LANGUAGE = re.compile(
    r"\b(?:translated|published|written|appeared)\b[^.;]{0,40}?\b(?:from|in)\s+(?:the\s+)?"
    r"(?P<language>[A-Z][a-z]+)\b"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
# A time zone: "CET", "GMT+1", "+01:00", "Z".
_ZONE = r"(?P<zone>[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|Z)"
_TIME = (
    r"(?:(?:\s+[-–—]\s+|[,|\s]+(?:at\s+)?|T)\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?"
    rf"\s*{_ZONE}?)?"
)
# A time before the date ("Published: 08:15, 6 March 2025", "09:30 GMT, 5 May 2025").
_LEADING_TIME = r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}\s*)?[,|—–-]?\s+)?"
# A line that is a publication date and nothing else ("Published on 5 March 2023",
# "date: 2023-03-05", "Sun 5 Mar 2023 09.30 GMT"). "Updated" dates are not publication dates.
_DATE_LINE = re.compile(
    rf"^(?:(?P<kind>published|posted|first published|originally published|date|dated|updated|"
    rf"last updated|modified|"
    rf"(?:live )?coverage (?:began|started))\b"
    rf"\s*(?:on|:)?\s*)?{_LEADING_TIME}{_WEEKDAY}(?P<date>[\w .,/-]{{6,30}}?){_TIME}\s*$",
    re.I,
)


_LABELLED_DATE = re.compile(r"^\s*(published|posted|first published|originally published|date|dated)\b", re.I)


def parse_date(text: str, *, day_first: bool | None = None) -> str | None:
    """The first full date (day, month and year) in the text as YYYY-MM-DD, or None. A slashed
    date ("05/03/2025") is read only when its order is certain: a part above 12, or `day_first`."""
    if ("/" in text or "-" in text) and (slashed := _slashed(text, day_first)):
        return slashed
    for form in _DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        parts = match.groupdict()
        month = MONTHS.get(parts["month"].lower()) if parts.get("month") else int(parts["mon"])
        if month is None:
            continue
        try:
            return dt.date(int(parts["year"]), month, int(parts["day"])).isoformat()
        except ValueError:
            continue
    return None


def _slashed(text: str, day_first: bool | None) -> str | None:
    match = _SLASHED_DATE.search(text)
    if not match:
        return None
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    if a > 12 or b > 12:
        day_first = a > 12
    if day_first is None:
        return None  # 05/03/2025: 5 March or May 3? Nothing says.
    day, month = (a, b) if day_first else (b, a)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def zone_order(zone: str | None) -> bool | None:
    """Whether a date stamped with this time zone is written day first (Europe: True), month first
    (United States: False), or unknown (None)."""
    key = re.sub(r"[+-].*$", "", (zone or "")).casefold()
    if key in _DAY_FIRST_ZONES:
        return True
    if key in _MONTH_FIRST_ZONES:
        return False
    return None


def slash_order(lines: Iterable[str]) -> bool | None:
    """Day first (True) when the page says it was written in a language other than English
    ("This article was translated from Spanish"): every such locale writes the day before the
    month. None when nothing says (English pages are written both ways)."""
    for line in lines:
        if "translated" not in line and "published" not in line and "written" not in line:
            continue
        for match in _SOURCE_LANGUAGE.finditer(line):
            language = match.group("language").casefold()
            if language in LANGUAGES and language != "english":
                return True
    return None


# "Published 5 May 2025 | Updated 6 May 2025": the update stamp after the publication date is cut
# off, so the line reads as the date line it begins with.
# The separator may be missing ("Published Nov. 5, 2025 Updated Nov. 6, 2025", as US sites print the
# two stamps side by side); a line that opens with "Updated" is cut whole and gives no date.
# A scraper may glue it to the date before it ("29 Nov 2025Updated 16:00").
_UPDATE_TAIL = re.compile(r"\s*(?:[|·•]\s*)?(?:\b|(?<=\d))(?:last\s+)?(?:updated|modified)\b.*$", re.I)


def date_line(line: str, *, day_first: bool | None = None) -> str | None:
    """The publication date a date line gives; None for other lines and for "Updated" dates.
    A slashed date is read day first or month first as its time zone says, else as `day_first`."""
    match = _DATE_LINE.match(_UPDATE_TAIL.sub("", line.strip()))
    if not match:
        return None
    kind = (match.group("kind") or "").lower()
    if kind in ("updated", "last updated", "modified"):
        return None
    order = zone_order(match.group("zone"))
    date = parse_date(match.group("date"), day_first=day_first if order is None else order)
    return date if date and fold(match.group("date")).strip() else None


# --- credit and byline rules ---------------------------------------------------------------------


@dataclass
class Found:
    """What the rules found in one article, in the order found."""

    outlet: str | None = None
    via: str | None = None
    byline: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    published: str | None = None

    def credit(self, name: str) -> None:
        name = re.sub(r"^[Tt]he\s+", "", _org(name))  # "the Alpine Service" -> "Alpine Service"
        if fold(name) in LANGUAGES:  # "originally published in Finnish": a language, no outlet
            return
        if name and len(name.split()) <= MAX_NAME_WORDS + 1:
            self.credits.append(agency(name) or name)

    def author(self, name: str) -> None:
        self.byline.append(name)


# "(Credit: AFP)", "Credit: Jane Doe/Reuters", "(Source: dpa)": the text credits what it carries.
# A photo's credit ("Photo: Jane Doe/Imago", "Photo credit: ...") is the picture's, not the text's.
_CREDIT = re.compile(
    r"(?:^|\()\s*(?<!photo )(?<!picture )(?<!image )credits?\s*:\s*(?P<name>[^)]{2,60})\)?\s*$", re.I
)
_CREDIT_PAREN = re.compile(r"\(\s*credits?\s*:\s*(?P<name>[^)]{2,60})\)", re.I)
_PHOTO_BY = re.compile(r"\b(photo|picture|image|video)s?\b", re.I)
_PHOTO_CREDIT = re.compile(r"\b(photo|picture|image|video|graphic)s?\s*(credit)?s?\s*:", re.I)
# "Mandatory credit: EBU": broadcasters' footage and pool material.
_MANDATORY = re.compile(r"\bmandatory credit\s*:?\s*(?P<name>[^.;()]{2,60})", re.I)
# "This was reported by X with reference to Y": the formula Ukrainian and Russian outlets use in
# English for their own reports ("повідомляє X з посиланням на Y"): X is the outlet itself, Y the
# source it relies on.
_WITH_REFERENCE = re.compile(rf"\breported by (?P<outlet>{ORG}),? with (?:a )?reference to (?P<source>{ORG})")
# "As reported by Deutsche Welle, ...": the text credits another outlet's reporting.
_AS_REPORTED = re.compile(rf"\b[Aa]s (?:first |earlier |previously )?reported by (?P<name>{ORG})")
# An agency's dateline in the looser forms of European, translated and press-release pages: the
# place in ordinary case ("Berlin (dpa) -", "Madrid, 29 nov (EFE).-"), the agency first ("(ANSA) -
# ROME, NOV 29 -"), no dash after it ("NEW DELHI, Nov 29 (PTI) The ..."), and the release wires'
# marks ("OSLO, May 3, 2025 /PRNewswire/ --", "OSLO--(BUSINESS WIRE)--"). Only at a line's start,
# and only a known agency's name counts (`agency`), so "Acme Ltd (ACME) -" credits nobody.
_LOOSE_DATELINE = re.compile(
    rf"^(?P<place>[{UPPER}][\w'’ .-]{{1,40}}(?:,\s*[\w .]{{2,30}}){{0,2}}\s*)?"
    r"(?:\((?P<a>[\w .&-]{2,40})\)\s*(?P<dash>[-–—.]|\s)|/(?P<b>[\w .-]{2,30})/\s*[-–—]|"
    r"-{1,2}\((?P<c>[\w .-]{2,30})\)-{1,2})"
)
# The dateline standing alone ("QUITO, May 3 (Reuters) -"), as a clause cut off its sentence.
_DATELINE_ALONE = re.compile(rf"{DATELINE_HEAD}\s*[-–—]?\s*$")
# "An article first published in Finnish by X", "originally published in X": a translation or a
# republication credits the outlet that first ran the text.
_FIRST_PUBLISHED = re.compile(
    rf"\b(?:first|originally) (?:published|appeared)(?: in [A-Z][a-z]+)? (?:by|in|on) (?P<name>{ORG})"
)
# The page saying whose text it carries: "This article is republished from X under a Creative
# Commons license", "This story was produced by X", "This piece is reprinted with permission from X",
# and a syndicate's line at the foot ("Distributed by Tribune Content Agency, LLC."). Only with the
# page itself as the subject: "The film was produced by X" is the story's.
_CARRIED_FROM = re.compile(
    r"(?:\b(?i:this (?:article|story|report|piece|content|post|column|interview|feature|essay) "
    r"(?:is|was|has been) (?:republished|reprinted|syndicated|produced|co-published|published)"
    r"(?: here)?(?: with permission)? (?:from|by|of|in partnership with|with))|"
    r"^\s*(?i:distributed|syndicated) (?i:by))\s+(?P<name>" + ORG + ")"
)
# An agency's sign-off: "— AFP", "(AFP)" on a line of its own, or closing the last paragraph ("...
# the mayor said. — Reuters"), as Asian and African papers print wire copy.
_SIGN_OFF = re.compile(
    r"(?:^|[.!?\"”’]\s*)(?:[-–—]+\s*(?P<a>[\w .&-]{2,40}?)|^\s*\(\s*(?P<b>[\w .&-]{2,40}?)\s*\))\s*\.?\s*$"
)
# "© 2019 Northern Gazette Media Ltd. All rights reserved." below the story: the site's owner names
# itself. Above the story the same form is a photo's copyright, so only the page foot counts.
_COPYRIGHT = re.compile(
    rf"(?:©|\(c\)|\bcopyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?[,.]?\s*)?(?P<name>{ORG})", re.I
)
# "Lakeside Herald © 2025": the owner's name before the sign, as small sites print their footer.
_COPYRIGHT_AFTER = re.compile(rf"^\s*(?P<name>{ORG})\s*(?:©|\(c\))\s*\d{{4}}\b", re.I)
# The copyright sentence of a footer line that goes on with the owner's terms ("Copyright 2025
# Northern Gazette. All rights reserved. This material may not be published, broadcast, rewritten
# or redistributed."): only the part up to the first sentence end after the name is weighed.
_FIRST_SENTENCE_END = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z])")
# Company forms and owner words after a publisher's name ("Media Ltd", "Group plc", "SA").
# Company forms a copyright line may add after the publisher's name, English and European
# ("Ltd", "GmbH", "S.A.", "d.o.o.", "s.r.o.", "Oy", "AB", "A/S", "B.V.", "S.p.A."): the legal entity,
# not the outlet's name. General knowledge of company law abbreviations.
_COMPANY_SUFFIX = re.compile(
    r"(?:[\s,]+(?:ltd|limited|inc|llc|plc|sa|s\.a|ag|gmbh|corp|corporation|co|company|media|group|holdings?|publishing|"
    r"publications|d\.o\.o|d\.d|s\.r\.o|s\.r\.l|srl|s\.p\.a|spa|sp\. z o\.o|oy|oyj|ab|a/s|as|aps|"
    r"b\.v|bv|n\.v|nv|s\.l|sl|sas|sarl|kft|zrt|pty|\d{4})\.?)+$",
    re.I,
)
# Names a copyright line gives that are not a publisher: photo agencies and stock libraries, and
# the words of a bare notice ("© 2019 All rights reserved").
_NOT_PUBLISHER = re.compile(
    r"\b(images?|photos?|pictures?|stock|shutterstock|alamy|getty|epa|all rights|rights|copyright)\b|^all$",
    re.I,
)
# A footer that says the site only gathers other publishers' pages: an aggregator, not an outlet.
_AGGREGATOR_FOOTER = re.compile(r"\b(partner publishers|summaries from|aggregat\w*|curated from)\b", re.I)
# "(with AFP)", "(with agencies)" at a paragraph's end, and "... with Reuters." closing a short line.
_WITH_PAREN = re.compile(r"[(\[]\s*with (?P<name>[^()\[\]]{2,80}?)\s*[)\]]", re.I)
# "With AFP" as a line of its own at the story's foot: the agency whose copy the story used.
_WITH_LINE = re.compile(rf"^\s*with (?P<name>{ORG})\s*\.?\s*$", re.I)
# Agency names in running text that credit its reporting: "told Reuters", "according to AFP",
# "Reuters reported". Only agencies count: "according to police" names no outlet.
_AGENCY_CITED = re.compile(
    rf"\b(?i:told|according to|reported by|reports by|cited by|quoted by|asked by)\s+(?P<a>{ORG})|"
    rf"(?P<b>{ORG})\s+(?:reported|reports|news agency reported)\b"
)
# "By Jane Doe", "By Jane Doe and John Roe, Foreign Desk", "By Jane Doe with AP", "By AFP", and the
# other words pages open a byline with: "Story by", "Written by", "Posted by" (blogs), "Words by"
# (magazines), "Opinion by" / "Analysis by" (CNN-style labels), "Guest post by", and the labels of
# European and translated pages ("Author:", "Text:", "Autor:", "Auteur :"). `BYLINE_LEAD` is shared
# with the cleaner's byline rule.
BYLINE_LEAD = (
    r"(?:(?:(?:story|words|text|written|posted|opinion|analysis|commentary|column|guest\s+post|"
    r"guest\s+column|report)\s+)?by\s+|(?:authors?|autor(?:in|en|es)?|auteurs?|autore|autori|text|"
    r"words|writer|reporter)\s*:\s*)"
)
_BYLINE = re.compile(rf"^{BYLINE_LEAD}(?P<rest>.{{2,160}})$", re.I)
# "By JANE DOE FOR THE DAILY LANTERN": the outlet a freelance or agency writer filed for, after the
# names. Cut off before the names are read (the outlet is the page's, not a writer).
_FILED_FOR = re.compile(r"\s+(?i:for)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*$")
# Courtesy titles before a writer's name ("By Dr. Jane Doe"): not part of the name recorded.
HONORIFICS = frozenset("dr prof mr mrs ms mx sir dame rev".split())
_HONORIFIC = re.compile(rf"^(?:{'|'.join(sorted(HONORIFICS))})\.?\s+(?=[A-Z])", re.I)
# An agency in parentheses after a name ("By Jane Doe (AFP)"): the writer's agency.
_PAREN_NAME = re.compile(r"\(\s*(?P<name>[^()]{2,40}?)\s*\)")
# An outlet named by its kind: "the Italian daily La Gazzetta reported", "according to the
# weekly Der Beobachter", "the news site Nordnytt said". Names may hold lower-case particles
# ("Corriere della Sera"). The kinds are those no person is called (not "broadcaster", "writer"),
# and not "paper" ("in a paper Jane Doe wrote" is research).
_OUTLET_KIND = (
    r"(?:newspaper|daily|tabloid|magazine|weekly|news\s+(?:agency|site|website|portal|outlet)|"
    r"outlet|television\s+channel|tv\s+channel|radio\s+station|public\s+broadcaster|state\s+broadcaster)"
)
_PARTICLE_ORG = (
    rf"{_ORG_WORD}(?:\s+(?:(?:{'|'.join(sorted(NAME_PARTICLES))}|of|for)\s+)?(?:&\s+)?{_ORG_WORD}){{0,6}}"
)
_KIND_CUE = re.compile(rf"\b{_OUTLET_KIND}\b", re.I)  # a cheap test before the name patterns
# What an outlet named by its kind does with a story: says, or the verbs of publishing
# (`compare.reporting`). After an outlet's name "reports" is the verb, so it is added here although
# the shared table leaves it out as more often the noun.
OUTLET_VERBS: tuple[Verb, ...] = (SAY, *PUBLISHING_VERBS)
_REPORT_VERB = alternation((*finite(OUTLET_VERBS), "reports"))
_KIND_NAMED = re.compile(
    rf"\b(?i:{_OUTLET_KIND})\s+(?P<a>{_PARTICLE_ORG})\s*,?\s+{_REPORT_VERB}\b|"
    rf"\b(?i:according\s+to|told|cited\s+by|quoted\s+by|reported\s+by|in\s+an\s+interview\s+with)\s+"
    rf"(?:the\s+)?(?:[A-Z]\w+\s+)?(?i:{_OUTLET_KIND})\s+(?P<b>{_PARTICLE_ORG})"
)
# "(With inputs from PTI)", "with additional reporting from Reuters", "with material from AFP".
_WITH_INPUTS = re.compile(
    r"(?i:\bwith (?:additional |further )?(?:inputs?|reporting|information|material) (?:from|by) )"
    rf"(?P<name>{ORG})"
)
# "Source: AFP", "Sources: AP, AFP, the fire service." opening a line: the agencies listed are
# credits ("Ministry of Health" is an official source, not an outlet: agencies only).
_SOURCE_LINE = re.compile(r"^\s*(?i:sources?)\s*:\s*(?P<names>[^.;:]{2,200})")
# "Associated Press writer Jane Doe in London contributed to this report."
_CONTRIBUTED = re.compile(
    r"^(?P<names>[^.;]{3,160}?) contributed (?:reporting|to (?:this|the) (?:report|story|article))"
    r"(?: from [^.;]{1,60})?\.?$"
)
# "Material from Reuters was used in this report.", "Information from the Associated Press and
# the Valley Ledger was used in this story.": US broadcasters' and papers' credit for wire copy.
_MATERIAL_FROM = re.compile(
    r"^\s*(?i:material|information|reporting|content) (?i:from|by) (?P<names>[^.;]{2,120}?) "
    r"(?i:was|were) used in (?i:this|the) (?i:report|story|article)\.?\s*$"
)
# "The Associated Press receives support from X for its coverage of Y. The AP is solely responsible
# for all content.": an agency's funding note under its copy.
_FUNDING_NOTE = re.compile(rf"^(?P<name>{ORG}) receives (?:financial )?support from\b")
# "The Associated Press contributed.": the shortest contributor credit, taken only for an agency.
_CONTRIBUTED_BARE = re.compile(r"^(?P<names>[^.;]{2,60}?) contributed\.?$")
_WRITER_PREFIX = re.compile(
    rf"^(?:(?P<org>{ORG}) )?(?:(?i:staff) )?(?i:writers?|reporters?|correspondents?|journalists?)\s+"
)
# "(Reporting by Jane Doe in Oslo; Editing by John Roe)": wire copy's reporters.
_REPORTING = re.compile(
    r"\b(?P<extra>additional |further )?(?:reporting|writing|written|compiled)(?: and \w+)? by\s+"
    r"(?P<names>[^;)]+)",
    re.I,
)
# Lines this long can hold a byline or a credit label; longer ones are story paragraphs.
MAX_BYLINE_WORDS = 16
_SEPARATORS = re.compile(r"\s*(?:,|;|\||•|·|\band\b|&|\s[-–—]\s)\s*")
_IN_PLACE = re.compile(rf"\s+in\s+[{UPPER}].*$")


def _names(text: str, found: Found) -> None:
    """Split "Jane Doe and John Roe with AP" into bylines and credits; stop at a role or title.
    A place after a name ("Jane Doe in Bergen, Norway, and John Roe") is passed over, so
    the names after it are not lost."""
    for paren in _PAREN_NAME.finditer(text):
        if agency(paren.group("name")):
            found.credit(paren.group("name"))
    text = _PAREN_NAME.sub(lambda m: "" if agency(m.group("name")) else m.group(0), text)
    head, credited = text, ""
    if match := re.search(r"\s+with\s+", text):
        head, credited = text[: match.start()], text[match.end() :]
    in_place = False  # the part before was "Name in Place": a bare place may go on after it
    for raw in _SEPARATORS.split(head):
        part = _HONORIFIC.sub("", _IN_PLACE.sub("", raw).strip(" ."))
        if not part:
            continue
        words = {fold(w) for w in part.split()}
        if agency(part):  # "Reuters Staff" is the agency, before "staff" ends the list as a role
            found.credit(part)
        elif words & ROLE_WORDS:
            continue  # "Jane Doe, Political Editor and John Roe, Home Affairs Editor": a job, go on
        elif owned := _possessive(part):
            found.credit(owned[0])
            found.author(owned[1])
        elif name := person(part) or _leading_person(part):
            found.author(name)
            if name != part:
                if agency(rest := part[len(name) :].strip()):  # "Jane Doe Associated Press"
                    found.credit(rest)
                break  # "Jane Doe Updated 10:32": what follows the name is not a name
        elif in_place and _place(part):
            continue  # "Norway" of "in Bergen, Norway,": the place goes on
        else:
            break
        in_place = part != raw.strip(" .")
    for part in _SEPARATORS.split(credited):
        part = _IN_PLACE.sub("", part).strip(" .()")  # "with John Roe in Tromso"
        if not part:
            continue
        if agency(part):
            found.credit(part)
        elif name := person(part):
            found.author(name)


# "The Northern Gazette's Jane Doe", "the Associated Press' John Roe": a reporter named with the
# outlet they work for, as credit lines name colleagues from another newsroom.
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s?\s+(?P<name>\S.*)$")


def _possessive(text: str) -> tuple[str, str] | None:
    """(outlet, person) for "Outlet's Jane Doe", or None (also for "Jane Doe's colleague")."""
    match = _POSSESSIVE.match(text.strip())
    if not match or not (name := person(match.group("name"))):
        return None
    owner = match.group("owner").strip()
    words = owner.split()
    if agency(owner):
        return owner, name
    if (
        person(owner)
        or not 1 <= len(words) <= MAX_MASTHEAD_WORDS
        or not all(w[:1].isupper() or w.lower() in ("of", "and", "the", "&") for w in words)
        or any(c.isdigit() for c in owner)
        or not _outlet_like(owner)
    ):
        return None
    return owner, name


def _outlet_like(owner: str) -> bool:
    """Could the owner of "X's Jane Doe" be a newsroom? Not when every word is a calendar word, a
    pronoun or other function word, or a title ("Monday's", "It's", "President's"), nor when it is
    a place and nothing more ("Norway's Jane Doe" is a Norwegian, not a newsroom)."""
    words = [fold(w) for w in owner.split()]
    if all(w in TITLE_WORDS or w.capitalize() in NOT_NAMES for w in words):
        return False
    return not is_place(re.sub(r"^[Tt]he\s+", "", owner))


def _place(text: str) -> bool:
    """A place name going on after "in Bergen,": one to three capitalised words ("Norway",
    "Vt.", "New South Wales"), no figures."""
    words = text.split()
    return (
        1 <= len(words) <= MAX_PLACE_WORDS
        and not any(c.isdigit() for c in text)
        and all(w[:1].isupper() for w in words)
        and not agency(text)
    )


def _leading_person(text: str) -> str | None:
    """The longest run of words opening the text that is a person's name, before any comma or
    bar ("Jane Doe, Lakeside Post Reporter": not "Jane Doe, Lakeside")."""
    words = re.split(r"[,|;]", text, maxsplit=1)[0].split()
    for n in range(MIN_NAME_WORDS, len(words)):  # "Jane Doe Associated Press": an agency or an
        rest = " ".join(words[n:])  # outlet ("Jane Doe Lakeside News") ends the name
        if (agency(rest) or _masthead(rest)) and (name := person(" ".join(words[:n]))):
            return name
    for n in range(min(MAX_NAME_WORDS, len(words) - 1), MIN_NAME_WORDS - 1, -1):
        if name := person(" ".join(words[:n])):
            return name
    return None


# "Posted on November 29, 2025 by Jane Doe": a blog's date and byline in one line.
_DATED_BYLINE = re.compile(
    r"^(?:posted|published|written)\s+(?:on\s+)?(?P<date>[\w ,.]{6,40}?)\s+by\s+(?P<rest>.{2,80})$", re.I
)


def _byline_line(line: str, found: Found) -> None:
    dated = _DATED_BYLINE.match(line.strip())
    if dated and parse_date(dated.group("date")):
        _names(_uncapitalised(dated.group("rest")), found)
        return
    match = _BYLINE.match(line.strip())
    if match and len(line.split()) <= MAX_BYLINE_WORDS:
        rest = _uncapitalised(_FILED_FOR.sub("", match.group("rest")))
        labelled = match.group(0)[: match.start("rest")].strip().lower() != "by"
        if labelled and not _names_only(rest):
            return  # "Report by Watchdog Slams Rail Operator": a headline in the label's words
        _names(rest, found)


# After a label ("Analysis by", "Report by", "Author:", "Text:"), the capitalised words of one name:
# bylines name people in two or three ("Mary Ann Smith", "Ana de la Cruz"); a longer run of them
# after such words is a headline ("Author: Jane Austen Museum Reopens").
MAX_LABELLED_NAME_WORDS = 3


def _names_only(text: str) -> bool:
    """Whether a labelled byline's text is names alone, each with an agency or a job at most
    ("Jane Doe and John Roe, Associated Press", "Jane Doe, Political Editor"). Headlines open with
    the labels' words too ("Analysis by Experts Finds Flaws in Bridge Design", "Reporter: Police
    Beat Me at Protest"): there the words after the "name" are a phrase, or the name too long."""
    for raw in _SEPARATORS.split(text):
        part = _HONORIFIC.sub("", raw.strip(" ."))
        if not part or agency(part) or {fold(w) for w in part.split()} & ROLE_WORDS:
            continue
        capitalised = [w for w in part.split() if w.lower() not in NAME_PARTICLES]
        if person(part) != part or len(capitalised) > MAX_LABELLED_NAME_WORDS:
            return False
    return True


# Wire copy prints its bylines in capitals ("By JANE DOE"): after "By", a name of at most this many
# words in capitals is a person, not an acronym. Longer runs in capitals are a headline or a desk.
MAX_CAPITALS_NAME_WORDS = 3


def _uncapitalised(text: str) -> str:
    """ "JANE DOE, AP" -> "Jane Doe, AP": the names of a byline in capitals, in title case
    (agency short forms stay as they are)."""
    parts = re.split(r"(\s*(?:,|;|\||•|·|\band\b|&|\s[-–—]\s)\s*)", text, flags=re.I)
    out = []
    for part in parts:
        words = part.split()
        if part.strip() == "AND":  # "JANE DOE AND JOHN ROE": the separator too
            part = part.lower()
        # The names in capitals open the part: "JANE DOE Associated Press" -> "Jane Doe ...".
        caps = next((i for i, w in enumerate(words) if not (w.isupper() and w.isalpha())), len(words))
        head = " ".join(words[:caps])
        if (
            MIN_NAME_WORDS <= caps <= MAX_CAPITALS_NAME_WORDS
            and not agency(head)
            and all(fold(w) not in NOT_NAME_WORDS for w in words[:caps])
        ):
            part = " ".join([*(w[:1] + w[1:].lower() for w in words[:caps]), *words[caps:]])
        out.append(part)
    return "".join(out)


def _role_line(line: str, found: Found) -> None:
    """A byline without "By": a name, then the writer's job ("Jane Doe, Foreign Desk", "Jane Doe |
    Staff Reporter", "Jane Doe Transport correspondent"), their agency ("Jane Doe and John Roe,
    Associated Press"), "Special to the X", or their handle or address ("Jane Doe @janedoe")."""
    text = _uncapitalised(_CONTACT.sub("", line.strip()))
    if len(text.split()) > MAX_BYLINE_WORDS // 2:
        return
    if text != _uncapitalised(line.strip()) and (name := person(text)):
        found.author(name)
        return
    parts = re.split(_ROLE_SEPARATOR, text, maxsplit=1)
    # The job ends in its job word: "Nurses Strike - Staff Reporter Injured" is a headline.
    job = re.split(_ROLE_SEPARATOR, parts[-1], maxsplit=1)[0].split()
    if (
        len(parts) == 2
        and ((job and fold(job[-1]) in ROLE_WORDS) or _SPECIAL_TO.match(parts[1]))
        and not any(c.isdigit() for c in parts[1])  # "Jane Doe, Veteran Reporter, Dies at 80"
        and (name := person(parts[0]))
    ):
        found.author(name)
        return
    if (label := _LAST_LABEL.match(text)) and agency(label.group("label")):
        people = [person(part) for part in _SEPARATORS.split(label.group("names")) if part.strip()]
        if people and all(people):
            found.byline.extend(name for name in people if name)
            found.credit(label.group("label"))
        return
    if name := _name_then_desk(text):
        found.author(name)


# What parts a name from the writer's job in a byline without "By": a comma, a bar or a spaced dash.
_ROLE_SEPARATOR = re.compile(r"\s*(?:,|\|)\s*|\s+[-–—]\s+")
# "Special to the Northern Gazette": a freelancer's byline label (the paper is the page's own).
_SPECIAL_TO = re.compile(r"^special\s+(?:to|for)\b", re.I)
# A social handle or an e-mail address closing a byline ("Jane Doe @janedoe"). It begins a word
# after the start of a run of spaces (the lookbehinds): tried from inside a long word or space run
# too, the search would rescan the rest of it from every character, quadratic on a 100 kB word.
_CONTACT = re.compile(r"(?<!\s)\s*(?<!\S)(?:@\w{2,30}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*$")
# "NAMES, LABEL" split at the last separator: "Jane Doe, John Roe and Ann Lee | Associated Press".
_LAST_LABEL = re.compile(r"^(?P<names>.+)(?:\s*,\s*|\s+[|•·]\s+|\s+[-–—]\s+)(?P<label>[^,|•·]+)$")


def _name_then_desk(text: str) -> str | None:
    """ "Jane Doe Transport correspondent": a name and the writer's job with no comma, as British
    papers print it. The job is one capitalised word at most, then lower-case words ending in a
    job word; a title-case headline ("Mayor Praises Local Reporter") has no lower-case job word."""
    words = text.split()
    if len(words) < MIN_NAME_WORDS + 1 or fold(words[-1]) not in ROLE_WORDS or not words[-1].islower():
        return None
    for k in range(MIN_NAME_WORDS, min(MAX_NAME_WORDS, len(words) - 1) + 1):
        rest = words[k:]
        if all(w.islower() for w in rest[1:]) and (name := person(" ".join(words[:k]))):
            return name
    return None


def _job_line(text: str, *, with_outlet: bool = True) -> bool:
    """ "Senior Politics Reporter, Lakeside Post": the writer's job on the line under their name,
    with the outlet after it (`with_outlet`; under a name line, "Staff Reporter" alone will do)."""
    parts = re.split(r"\s*(?:,|\|)\s*", text, maxsplit=1)
    head = parts[0].split()
    return (
        (len(parts) == 2 or not with_outlet)  # alone, "Mayor Praises Local Reporter" is a headline
        # After the comma an outlet or the desk's city: "Police Chief, Mayor Clash Over Budget" is a
        # headline (two subjects).
        and (len(parts) == 1 or bool(_masthead(parts[1]) or agency(parts[1]) or _place(parts[1])))
        and 1 <= len(head) <= MAX_PLACE_WORDS + 1
        and fold(head[-1]) in ROLE_WORDS
        and all(w[:1].isupper() for w in head)
        and len(text.split()) <= MAX_BYLINE_WORDS // 2
    )


# Ranks a newsroom job is given ("Senior Staff Reporter", "Chief Correspondent").
JOB_RANKS = frozenset(
    "senior junior chief deputy associate assistant executive managing contributing special".split()
)


def _rank_and_job(text: str) -> bool:
    """ "Senior Staff Reporter": ranks and job words only (a headline has a verb or a noun besides)."""
    words = [fold(w) for w in text.split()]
    return (
        1 < len(words) <= MAX_PLACE_WORDS + 1
        and words[-1] in ROLE_WORDS
        and all(w in JOB_RANKS or w in ROLE_WORDS for w in words[:-1])
    )


def _byline_outlet(lines: Sequence[str]) -> str | None:
    """The outlet a byline names as the writer's, on a page that names itself nowhere else: "By
    Jane Doe Lakeside News", "By Jane Doe, Lakeside News", "Jane Doe, Special to the Valley Ledger",
    "Senior Politics Reporter, Lakeside Post" under the name. Only a masthead-shaped name counts
    (a newspaper word in it), never an agency or an aggregator."""
    for line in lines:
        text = line.strip()
        if len(text.split()) > MAX_BYLINE_WORDS // 2:
            continue
        byline = _BYLINE.match(text)
        rest = byline.group("rest") if byline else text
        candidates = []
        if byline and (name := _leading_person(rest)):
            candidates.append(rest[len(name) :].strip(" ,|—–-"))
        parts = [part.strip() for part in re.split(r"\s*(?:,|\|)\s*|\s+[-–—]\s+", rest)]
        if len(parts) > 1 and (byline or person(parts[0]) or _job_line(text)):
            candidates += [
                re.sub(r"^(?i:special\s+(?:to|for)\s+)(?:the\s+)?", "", part) for part in parts[1:]
            ]
        for candidate in map(_without_job, candidates):
            if (name := _masthead(candidate)) and not agency(name) and not _aggregator_in(name):
                return name
    return None


def _without_job(text: str) -> str:
    """An outlet named with the writer's job after it ("Daily Mail Reporter", "Herald Staff
    Writer"): the job words are no part of the outlet's name."""
    words = text.split()
    while words and (fold(words[-1]) in ROLE_WORDS or fold(words[-1]) in JOB_RANKS):
        words.pop()
    return " ".join(words)


def _stacked_byline(lines: Sequence[str], found: Found) -> None:
    """A name on a line of its own with the writer's job, handle or address on the next line
    ("Jane Doe" / "Senior Reporter, Lakeside Post"; "Jane Doe" / "jdoe@example.com")."""
    for line, nxt in pairwise(lines):
        desk = _masthead(nxt.split(",")[0])  # "Lakeside News, Bergen": the writer's outlet and city
        dated = bool(date_line(nxt) or _strip_date(nxt))  # "Jane Doe" / "Nov 29, 2025": a newsletter's
        if (name := person(line)) and (
            _job_line(nxt.strip(), with_outlet=False) or _CONTACT.fullmatch(nxt) or desk or dated
        ):
            found.author(name)


# "From staff reports", "Staff and wire reports": the desk's byline, which names nobody.
_STAFF_REPORTS = re.compile(r"^(?:from\s+)?(?:\w+\s+)?staff(?:\s+and\s+(?:wire|news)\s+)?\s+reports?$", re.I)


# A relative time stamp ("Published 6 hours ago", "Yesterday at 5:04 PM"): page metadata, but no
# date (the day it counts from is not on the page).
_RELATIVE_STAMP = re.compile(
    r"^(?:(?:published|posted|updated|last updated)\s*:?\s*)?(?:\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|"
    r"hrs?|days?|weeks?)\s+ago|yesterday|today|just now)(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*[A-Z]{2,4})?)?\s*$",
    re.I,
)


def _strip_with_metadata(line: str) -> bool:
    """Whether a strip ("Jane Doe · Oslo · 12/11/2025") holds, after its first item, a date, a time
    or a job: two runs of capitalised words between bars alone may as well be a headline."""
    items = _MENU_SEPARATOR.split(line.strip())[1:]
    return any(
        any(c.isdigit() for c in item) or {fold(w) for w in item.split()} & ROLE_WORDS for item in items
    )


def is_page_metadata(line: str) -> bool:
    """Whether a line is a byline or a date stamp rather than a headline: the cleaner passes such a
    line over when it picks the title ("Written by Jane Doe", "Jane Doe and John Roe, Associated
    Press", "Published 5:04 PM ET Nov. 29, 2025")."""
    text = line.strip()
    if not text or len(text.split()) > MAX_BYLINE_WORDS:
        return False
    if _STAFF_REPORTS.match(text) or _job_line(text) or _RELATIVE_STAMP.match(text) or _rank_and_job(text):
        return True
    outlet, *places = (part.strip() for part in text.split(","))
    if places and _masthead(outlet) and all(_place(place) for place in places):
        return True  # "Lakeside News, Bergen": the writer's desk under their name
    probe = Found()
    _byline_line(text, probe)
    _role_line(text, probe)
    if _strip_with_metadata(text):  # "Ferry Workers | Special Report" is a headline and its label
        _strip_byline(text, probe)
    if probe.byline or probe.credits:
        return True
    return bool(date_line(text) or _strip_date(text))


# Words a line must hold for each credit rule to be tried: a cheap test that spares the name
# patterns (which try every capitalised word) on the many story lines that cannot match.
_CUES_CITED = re.compile(r"\b(told|according to|reported|reports|cited|quoted|asked by)\b", re.I)


def _credit_rules(line: str, found: Found) -> None:
    low = line.casefold()
    if "credit" in low:
        _credit_labels(line, found)
    if "reference to" in low:
        for match in _WITH_REFERENCE.finditer(line):
            if found.outlet is None:
                found.outlet = _org(match.group("outlet"))
            found.credit(match.group("source"))
    if "reported by" in low:
        for match in _AS_REPORTED.finditer(line):
            found.credit(match.group("name"))
    if "(" in line[:80] and (dateline := DATELINE.match(line)):
        name = dateline.group("name")
        if agency(name) or (name[:1].isupper() and not parse_date(name) and not re.search(r"\d", name)):
            found.credit(name)
    if (loose := _LOOSE_DATELINE.match(line)) and _loose_name(loose):
        found.credit(_loose_name(loose))
    if "with" in low:
        for match in (*_WITH_PAREN.finditer(line), *_WITH_LINE.finditer(line)):
            for name in _SEPARATORS.split(match.group("name")):  # "(With AP, Reuters)"
                if agency(name) and not _ambiguous(name):
                    found.credit(name)
    if _CUES_CITED.search(line):
        for match in _AGENCY_CITED.finditer(line):
            name = match.group("a") or match.group("b")
            if agency(name) and not _ambiguous(name):
                found.credit(name)
    if "published" in low or "appeared" in low:
        for match in _FIRST_PUBLISHED.finditer(line):
            found.credit(match.group("name"))
    if any(cue in low for cue in ("published", "printed", "syndicated", "produced", "distributed")):
        for match in _CARRIED_FROM.finditer(line):
            found.credit(match.group("name"))
    if len(line.split()) <= MAX_BYLINE_WORDS * 4 and (sign_off := _SIGN_OFF.search(line)):
        name = sign_off.group("a") or sign_off.group("b")
        if agency(name):
            found.credit(name)
    if " by" in low:
        for match in _REPORTING.finditer(line):
            if match.group("extra"):  # "Additional reporting by X": a helper, as "X contributed"
                _contributors(match.group("names"), found)
            else:
                _names(match.group("names"), found)
    if "with" in low and ("from" in low or " by" in low):
        for match in _WITH_INPUTS.finditer(line):
            found.credit(match.group("name"))
    if "source" in low and (source := _SOURCE_LINE.match(line)):
        for part in _SEPARATORS.split(source.group("names")):
            if agency(part.strip()):
                found.credit(part.strip())
    if _KIND_CUE.search(line):
        for match in _KIND_NAMED.finditer(line):
            found.credit(match.group("a") or match.group("b"))
    if "contributed" in low and (contributed := _CONTRIBUTED.match(line.strip())):
        _contributors(contributed.group("names"), found)
    if (
        "contributed" in low
        and (bare := _CONTRIBUTED_BARE.match(line.strip()))
        and agency(bare.group("names"))
    ):
        found.credit(bare.group("names"))
    if "support from" in low and (funded := _FUNDING_NOTE.match(line)) and agency(funded.group("name")):
        found.credit(funded.group("name"))
    if " used in " in low and (material := _MATERIAL_FROM.match(line)):
        _contributors(material.group("names"), found)


def _loose_name(match: re.Match[str]) -> str:
    """The agency a loose dateline names, or "". Without a dash after the agency, the place must be
    in capitals ("NEW DELHI, Nov 29 (PTI) The ..."), and an ambiguous short form needs the dash: in
    "The union (CP) said" the brackets hold an acronym, not a dateline's agency."""
    name = match.group("a") or match.group("b") or match.group("c") or ""
    dashed = bool((match.group("dash") or "-").strip())
    place = (match.group("place") or "").split(",")[0]
    if not agency(name) or (not dashed and (_ambiguous(name) or not place.isupper())):
        return ""
    return name


def _contributors(text: str, found: Found) -> None:
    """ "Associated Press writers Jane Doe in London and John Roe", "The Northern Gazette's Jane Doe
    and The Associated Press": who helped with the report. The agencies and outlets named are
    credits; the people are helpers, never the byline (the byline names who wrote the text, and a
    page that names its writers above the story names its helpers at the foot)."""
    prefix = _WRITER_PREFIX.match(text)
    if prefix:
        if prefix.group("org") and agency(prefix.group("org")):
            found.credit(prefix.group("org"))
        text = text[prefix.end() :]
    for raw in _SEPARATORS.split(text):
        part = _IN_PLACE.sub("", raw).strip(" .")
        if not part:
            continue
        if agency(part) and not _ambiguous(part):
            found.credit(part)
        elif owned := _possessive(part):
            found.credit(owned[0])
        elif (outlet := _masthead(part)) and not person(part):
            found.credit(outlet)  # "The Northern Gazette contributed reporting."


def _credit_labels(line: str, found: Found) -> None:
    """ "Mandatory credit: X", "(Credit: X)", "Credit: X" (not a photo's credit)."""
    for match in _MANDATORY.finditer(line):
        name = match.group("name")
        if "/" not in name and not _PHOTO_BY.search(name):  # "Mandatory credit: Photo by X/Y"
            found.credit(name)
    if not _PHOTO_CREDIT.search(line):
        for match in _CREDIT_PAREN.finditer(line):
            _credit_label(match.group("name"), found)
        label = None if _CREDIT_PAREN.search(line) else _CREDIT.search(line)
        if label:
            _credit_label(label.group("name"), found)


# Agency short forms that are also ordinary words or other abbreviations ("PA" Pennsylvania, "MAP",
# "SPA"): taken only where the form itself says "agency" (a dateline, a byline, a credit label),
# never from running text.
AMBIGUOUS_AGENCY_FORMS = frozenset("pa cp aa tt map spa mena nan wam aps ria agi apa cna ani sda bta".split())


def _ambiguous(name: str) -> bool:
    return _AGENCY_SUFFIX.sub("", fold(name)).removeprefix("the ") in AMBIGUOUS_AGENCY_FORMS


def _credit_label(text: str, found: Found) -> None:
    """The name in "Credit: Jane Doe/AFP" is the organisation after the slash; alone, the whole."""
    name = text.split("/")[-1].strip()
    if name and (agency(name) or (len(name.split()) <= MAX_NAME_WORDS and not person(name))):
        found.credit(name)  # a person's name alone is the photographer's credit


def _masthead(line: str) -> str | None:
    """A short title-case name line holding a newspaper word, or a web address, or None."""
    text = line.strip()
    if _DOMAIN_MASTHEAD.match(text):
        return text
    words = text.split()
    if not 1 <= len(words) <= MAX_MASTHEAD_WORDS or ends_sentence(text) or classify(text) != "heading":
        return None
    if "," in text:  # "Senior Reporter, Lakeside Post", "Lakeside News, Bergen": a name and more
        return None
    if any(c.isdigit() for c in text) or not all(
        w[0].isupper() or w.lower() in ("of", "and", "the", "&") for w in words
    ):
        return None
    if text.isupper() and len(words) > 1:  # a headline shouted in capitals, not a name
        return None
    keys = [k for k in (fold(w) for w in words) if k != "the"]
    # The newspaper word opens or closes the name ("Northern Gazette", "Nordic Business Times"); in
    # the middle of a line it is a verb or a noun of a headline ("Markets Post Gains").
    if not keys or not {keys[0], keys[-1]} & MASTHEAD_WORDS:
        return None
    if all(k in SECTION_WORDS or k == "news" or k == "the" for k in keys):
        return None  # "World News", "Top News": a section
    return text


def _footer_agency(lines: Sequence[str]) -> str | None:
    """An agency a copyright line below the story names ("Copyright 2019 The Associated Press"):
    the text is that agency's copy."""
    for line in lines:
        match = _COPYRIGHT.search(line)
        if (
            match
            and "/" not in line
            and (name := agency(_org(_COMPANY_SUFFIX.sub("", _org(match.group("name"))))))
        ):
            return name
    return None


def _names_agency(lines: Sequence[str], name: str) -> bool:
    """Whether a short line among `lines` names the agency `name` (its copyright, its standards
    line, its sign-off): a run of capitalised words that is one of the agency's spellings."""
    for line in lines:
        words = re.findall(r"[\w&'’-]+", line)
        if len(words) > MAX_BYLINE_WORDS:
            continue
        for i, word in enumerate(words):
            if not word[:1].isupper():
                continue
            for n in range(1, 5):
                run = " ".join(words[i : i + n])
                if i + n <= len(words) and agency(run) == name and not _ambiguous(run):
                    return True
    return False


def _footer_owner(lines: Sequence[str]) -> str | None:
    """The publisher a copyright line below the story names (not an agency, not an aggregator)."""
    for full in lines:
        line = _FIRST_SENTENCE_END.split(full, maxsplit=1)[0]
        if "/" in line or _AGGREGATOR_FOOTER.search(full) or len(line.split()) > MAX_BYLINE_WORDS:
            continue
        match = _COPYRIGHT.search(line)
        if not match or not re.search(r"[^\W\d_]", match.group("name")):  # "© 2025" names nobody
            match = _COPYRIGHT_AFTER.match(line)
        if not match:
            continue
        name = _org(_COMPANY_SUFFIX.sub("", _org(match.group("name"))))
        if (
            name
            and not _NOT_PUBLISHER.search(name)
            and len(name.split()) <= MAX_MASTHEAD_WORDS
            and not agency(name)
            and not _aggregator_in(name)
        ):
            return name
    return None


def _aggregator_in(line: str) -> str | None:
    """The aggregator a furniture line names (not in a "follow us on" prompt), or None."""
    match = _AGGREGATOR_NAME.search(line)
    if not match or _FOLLOW_PROMPT.search(line):
        return None
    return AGGREGATORS.get(fold(match.group(0)))


# --- putting it together -------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """What an article says about who made it (see the module docstring for the order of trust)."""

    outlet: str | None
    via: str | None
    byline: tuple[str, ...]
    credits: tuple[str, ...]
    published: str | None
    outlet_source: AttributionSource | None


def _unique(names: Iterable[str], drop: Iterable[str | None] = ()) -> tuple[str, ...]:
    dropped = {fold(d) for d in drop if d}
    seen: set[str] = set()
    out = []
    for name in names:
        key = fold(agency(name) or name)
        if key and key not in seen and key not in dropped:
            seen.add(key)
            out.append(name)
    return tuple(out)


def attribute(source: Source, cleaned: Cleaned, lines: Sequence[str]) -> Attribution:
    """The attribution of one article: `lines` are all its lines in reading order (story and
    furniture), `cleaned.header` the lines above its story."""
    origin = dict(source.origin)
    found = Found()
    for line in lines:
        _credit_rules(line, found)
        _byline_line(line, found)
    _stacked_byline(cleaned.header, found)
    for line in cleaned.header:
        _role_line(line, found)
        if agency(line) and not _ambiguous(line) and len(line.split()) <= 3:  # "AFP News" as byline
            found.credit(line)
    furniture = [*cleaned.header, *(d.text for d in cleaned.dropped)]
    for line in furniture:
        if found.via is None:
            found.via = _aggregator_in(line)
    for line in _below_title(lines, cleaned):
        _in_place_line(line, found)
        _strip_byline(line, found)
    text_outlet = found.outlet
    if text_outlet is None:
        for line in cleaned.header:
            name = _masthead(line)
            if name and not agency(name) and not _aggregator_in(name):
                text_outlet = name
                break
    if text_outlet is None and lines and cleaned.header and lines[0] == cleaned.header[0]:
        text_outlet = _menu_masthead(lines[0])
    footer = _footer(lines, cleaned)
    if text_outlet is None:
        text_outlet = _footer_owner(footer)
    if text_outlet is None:
        text_outlet = _byline_outlet(cleaned.header)
    if wire := _footer_agency(footer):
        found.credit(wire)
    dateline = _dateline_agency(cleaned)
    if text_outlet is None and dateline and (wire == dateline or _names_agency(footer, dateline)):
        text_outlet = dateline  # the agency's own copy: its dateline, and its name again at the foot

    outlet: str | None = None
    outlet_source: AttributionSource | None = None
    if source.outlet and origin.get("outlet") in ("front-matter", "sources.yaml"):
        outlet, outlet_source = source.outlet, _origin(origin["outlet"])
    elif source.outlet and _aggregator_in(source.outlet):
        found.via = found.via or _aggregator_in(source.outlet)
    elif source.outlet:
        outlet, outlet_source = source.outlet, "html"
    if outlet is None and text_outlet:
        outlet, outlet_source = text_outlet, "text"

    meta_people, meta_agencies = _metadata_authors(source.author)
    for name in meta_agencies:
        found.credit(name)
    byline = choose_byline(found.byline, meta_people, visible=_visible_byline(lines, cleaned))
    published = source.published or cleaned.published
    day_first = slash_order(furniture)  # a translation notice is furniture, never a story sentence
    if published is None:
        for line in cleaned.header:
            if published := date_line(line, day_first=day_first) or _strip_date(line, day_first):
                break
    if published is None:  # "By Jane Doe, Political Editor 29 November 2025 • 2:00pm"
        for line in cleaned.header:
            if _BYLINE.match(line.strip()) and (
                published := parse_date(_UPDATE_TAIL.sub("", line), day_first=day_first)
            ):
                break
    if published is None:  # a date stamp under a standfirst the cleaner kept as the first paragraph
        for line in _above_second_paragraph(lines, cleaned):
            if published := date_line(line, day_first=day_first) or _strip_date(line, day_first):
                break
    if published is None:  # below the story only a labelled date: bare ones head teaser links
        for line in (d.text for d in cleaned.dropped):
            if _LABELLED_DATE.match(line) and (published := date_line(line, day_first=day_first)):
                break
    via = found.via if found.via and fold(found.via) != fold(outlet or "") else None
    return Attribution(
        outlet=outlet,
        via=via,
        byline=_unique(byline),
        credits=_unique(found.credits, drop=(outlet, via)),
        published=published,
        outlet_source=outlet_source,
    )


def _metadata_authors(author: str | None) -> tuple[list[str], list[str]]:
    """The people and the news agencies an HTML page's author metadata names ("Jane Doe; John Roe",
    "Jane Doe, Associated Press"). A desk or an outlet ("Northern Gazette Staff") is neither."""
    people: list[str] = []
    agencies: list[str] = []
    for item in re.split(r";|,|\band\b|\|", author or "", flags=re.I):
        item = _uncapitalised(re.sub(r"^\s*by\s+", "", item.strip(), flags=re.I).strip())
        if not item:
            continue
        if agency(item) and not _ambiguous(item):
            agencies.append(item)
        elif name := person(item):
            people.append(name)
    return people, agencies


def choose_byline(
    from_text: Sequence[str], from_metadata: Sequence[str], *, visible: Sequence[str] = ()
) -> list[str]:
    """The byline when the page's metadata and its text both name people.

    A byline printed above the story (`visible`: "By Jane Doe" under the headline, "Jane Doe, Staff
    Reporter") is what every reader of the page sees credited, and it wins: a CMS's author field
    may hold whoever uploaded the page, not who wrote it. Otherwise the metadata, declared in a field
    made for it, beats names read from lines that are no byline (a wire credit or a contributor at
    the foot, a caption, a bio). The text's names replace the metadata's people only when they
    include every one of them (the text then completes a list the metadata cut short: many sites
    declare only the first writer). With no people in the metadata (none, or an outlet, a desk or
    an agency), the text's names stand."""
    if not from_metadata:
        return list(from_text)
    text_keys = {fold(name) for name in from_text}
    if visible and not all(fold(name) in text_keys for name in from_metadata):
        return list(visible)
    if all(fold(name) in text_keys for name in from_metadata):
        return list(from_text)
    return list(from_metadata)


def _visible_byline(lines: Sequence[str], cleaned: Cleaned) -> list[str]:
    """The people a byline above the story names: a "By ..." line, "Name, Role", "Name in Place"
    or "Name · Place · date" among the header lines (not a photo's credit)."""
    top = Found()
    for line in cleaned.header:
        if _PHOTO_BY.search(line) or "/" in line:
            continue  # "By Jane Doe/AP", "Photo by Jane Doe": the picture's credit
        _byline_line(line, top)
        _role_line(line, top)
    _stacked_byline(cleaned.header, top)
    for line in _below_title(lines, cleaned):
        _in_place_line(line, top)
        _strip_byline(line, top)
    return top.byline


def _above_second_paragraph(lines: Sequence[str], cleaned: Cleaned) -> Sequence[str]:
    """The lines between the first and the second story paragraph: where a page puts its byline and
    date stamp when the cleaner kept its standfirst ("The penalty follows months of complaints.")
    as the first paragraph. Teaser links, whose dates are not the page's, come after the story."""
    if len(cleaned.paragraphs) < 2 or cleaned.paragraphs[0] not in lines:
        return ()
    start = lines.index(cleaned.paragraphs[0]) + 1
    end = start
    while end < len(lines) and lines[end] != cleaned.paragraphs[1]:
        end += 1
    return lines[start:end] if end < len(lines) else ()


def _below_title(lines: Sequence[str], cleaned: Cleaned) -> Sequence[str]:
    """The lines between the headline and the first story paragraph (byline, date, standfirst)."""
    if not cleaned.title or cleaned.title not in lines or not cleaned.paragraphs:
        return ()
    start = lines.index(cleaned.title) + 1
    end = start
    while end < len(lines) and lines[end] != cleaned.paragraphs[0]:
        end += 1
    return lines[start:end] if end < len(lines) else ()


# "Jane Doe in New York": a byline without "By", the writer's name and where they filed from, as
# some papers print it under the headline. A title-case headline has the same shape ("Protests
# Erupt in Paris"), so only lines between the headline and the story are read this way.
_IN_PLACE_BYLINE = re.compile(rf"^(?P<names>.+?)\s+in\s+[{UPPER}][\w'’.-]*(?:\s+[{UPPER}][\w'’.-]*){{0,3}}$")


def _in_place_line(line: str, found: Found) -> None:
    if len(line.split()) > MAX_BYLINE_WORDS // 2:
        return
    match = _IN_PLACE_BYLINE.match(line.strip())
    if not match:
        return
    names = [part.strip() for part in _SEPARATORS.split(match.group("names"))]
    people = [person(part) for part in names if part]
    if people and all(people):
        found.byline.extend(name for name in people if name)


def _strip_byline(line: str, found: Found) -> None:
    """ "Jane Doe · Oslo · 12/11/2025 - 19:05 CET": a byline without "By", the writer's name opening
    a strip of article metadata. Every other item is a place (one to three capitalised words,
    not a section label), a date or time, a reading time, or the writer's job."""
    items = [item.strip() for item in _MENU_SEPARATOR.split(line.strip())]
    if len(items) < 2 or len(line.split()) > MAX_BYLINE_WORDS or not (name := person(items[0])):
        return
    for item in items[1:]:
        words = item.split()
        keys = {fold(w) for w in words}
        if any(c.isdigit() for c in item) or keys & ROLE_WORDS:
            continue
        if not 1 <= len(words) <= MAX_PLACE_WORDS or not all(
            w[:1].isupper() or (0 < i < len(words) - 1 and w in NAME_PARTICLES) for i, w in enumerate(words)
        ):
            return
        if keys & SECTION_WORDS or agency(item) or _aggregator_in(item):
            return
    found.author(name)


# A place in a byline strip has at most this many words ("Oslo", "New York City", "Rio de
# Janeiro" with its particle): longer items are a headline or a section path, not a place.
MAX_PLACE_WORDS = 3

# The separators of a menu line ("Site | World | Business").
_MENU_SEPARATOR = re.compile(r"\s+[|•·»]\s+")


def _menu_masthead(line: str) -> str | None:
    """The site's name opening the menu at the top of the page ("Fjord Post | World | Business |
    Sport"): a short name followed by at least two items, most of them section labels."""
    items = [item.strip() for item in _MENU_SEPARATOR.split(line)]
    if len(items) < 3:
        return None
    rest = [
        {k.replace(" ", "") for k in fold(item).split()} | {fold(item).replace(" ", "")} for item in items[1:]
    ]
    if 2 * sum(1 for keys in rest if keys & SECTION_WORDS) <= len(rest):
        return None
    name = items[0]
    words = name.split()
    keys = [fold(w) for w in words]
    if (
        not 1 <= len(words) <= MAX_MASTHEAD_WORDS
        or ends_sentence(name)
        or not name[:1].isupper()
        or all(k in SECTION_WORDS or k in ("news", "the") for k in keys)
        or agency(name)
        or _aggregator_in(name)
        or person(name)
    ):
        return None
    if name.isupper() and len(words) > 1:  # a masthead set in capitals: "THE DAILY COURIER"
        name = " ".join(w[:1] + w[1:].lower() for w in words)
    return name


# The separators of a metadata strip, also unspaced ("Source: Xinhua| 2025-11-05 14:00:00|Editor:
# Jane Doe", as Chinese state media print it).
_STRIP_SEPARATOR = re.compile(r"\s*[|•·]\s*")


def _strip_date(line: str, day_first: bool | None = None) -> str | None:
    """The publication date heading a strip of article metadata ("Oct. 5, 2025 · 4 min read ·
    World"): a date line among the strip's items."""
    items = _STRIP_SEPARATOR.split(line.strip())
    if len(items) < 2:
        return None
    for item in items:
        if date := date_line(item, day_first=day_first):
            return date
    return None


def _dateline_agency(cleaned: Cleaned) -> str | None:
    """The agency the story's opening dateline names ("LAGOS (Reuters) -"), or None."""
    if not cleaned.paragraphs:
        return None
    match = DATELINE.match(cleaned.paragraphs[0])
    return agency(match.group("name")) if match else None


def _footer(lines: Sequence[str], cleaned: Cleaned) -> Sequence[str]:
    """The lines below the last story paragraph."""
    last = cleaned.paragraphs[-1] if cleaned.paragraphs else None
    for i in range(len(lines) - 1, -1, -1):
        if lines[i] == last:
            return lines[i + 1 :]
    return ()


def _origin(name: str) -> AttributionSource:
    return "sources.yaml" if name == "sources.yaml" else "front-matter"


# A sentence of at most this many words that matches a credit formula says who reported the story,
# not what happened ("This was reported by X with reference to Y."): it is no fact row.
CREDIT_SENTENCE_WORDS = 16


def is_credit_sentence(text: str) -> bool:
    """Whether a story sentence only credits the reporting (an outlet, an agency, footage)."""
    if len(text.split()) > CREDIT_SENTENCE_WORDS:
        return False
    if any(p.search(text) for p in (_WITH_REFERENCE, _MANDATORY, _CREDIT_PAREN, _CREDIT)):
        return True
    if _DATELINE_ALONE.match(text.strip()):  # "QUITO, May 3 (Reuters) -" cut off its sentence
        return True
    if _CONTRIBUTED.match(text.strip()):
        return True
    match = _REPORTING_CREDIT.match(text)
    if match is None:
        return False
    # Only names follow: "Reporting by The Northern Gazette found ..." goes on as a sentence.
    words = re.findall(r"[^\W\d]+", text[match.end() :])
    return all(w[:1].isupper() or w in _CREDIT_CONNECTORS for w in words)


# "Additional reporting by Reuters", "With reporting by Jane Doe", "(Reporting by Jane Doe in Oslo;
# Editing by John Roe)": a sentence that is only a reporting credit.
_REPORTING_CREDIT = re.compile(
    r"^\W*(?:with |additional |further )*(?:reporting|writing|editing)(?: and \w+)? by\s", re.I
)
# Lower-case words a reporting credit may hold between its names.
_CREDIT_CONNECTORS = (
    frozenset("and in from of the with by editing writing reporting additional".split()) | NAME_PARTICLES
)
