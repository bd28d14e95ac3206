"""extract: the checkable things in each sentence of an article.

Each extractor is a small table of patterns with an example per row (tests check each example):

- money: a currency symbol, code or word with a number and a magnitude word
  ("€40bn", "40 billion euros", "EUR 40,000,000,000" are all {"currency": "EUR", "amount": 4e10});
- quantity: a number or number word with the noun it counts ("five-point plan", "12,000 troops",
  "tens of thousands" as an approximate count);
- date: absolute ("2024-10-16", "16 October 2024", "Oct. 16") and relative ("on Wednesday",
  "last week"), resolved against the article's publication date when it is known;
- quote: text in quote marks with its speaker, found through "X said" / "according to X" /
  "X told reporters", a pronoun resolved to the last person named, a title ("the NATO chief")
  resolved to the person named with that title earlier;
- entity: capitalised names, with spelling variants and short forms merged by `EntityIndex`.

Everything here is rules and tables; nothing is looked up on the network.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from compare.model import Article, Mention
from compare.text import NUMBER_WORDS, STOPWORDS, fold, stem

# --- numbers ---------------------------------------------------------------------------------

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER = rf"(?:{_NUM}|(?:{_NUM_WORDS})(?:[- ](?:{_NUM_WORDS}))?)"

MAGNITUDES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}
_MAG = r"(?:thousand|millions?|billions?|trillion|mln|mn|bn|tn|[kmb])\b"


def parse_number(text: str) -> float | None:
    """'1,200' -> 1200, '1.2' -> 1.2, 'forty-one' -> 41, 'two hundred' -> 200."""
    text = text.strip().lower()
    if re.fullmatch(_NUM, text):
        return float(text.replace(",", ""))
    parts = re.split(r"[- ]", text)
    if not parts or any(p not in NUMBER_WORDS for p in parts):
        return None
    total = 0.0
    for part in parts:
        value = NUMBER_WORDS[part]
        if value == 100 and total:
            total *= 100
        else:
            total += value
    return total


def _tidy(value: float) -> float | int:
    return int(value) if value == int(value) else round(value, 6)


# --- money -----------------------------------------------------------------------------------

CURRENCY_SYMBOLS = {
    "€": "EUR",
    "$": "USD",
    "£": "GBP",
    "¥": "JPY",
    "₴": "UAH",
    "₽": "RUB",
    "₹": "INR",
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
}
CURRENCY_CODES = tuple(
    """EUR USD GBP DKK SEK NOK CHF JPY CNY RUB UAH INR AUD CAD PLN HKD KZT TRY ZAR BRL MXN KRW CZK
    HUF ILS NZD SGD""".split()
)
CURRENCY_WORDS = {
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "kroner": "DKK",
    "krone": "DKK",
    "kronor": "SEK",
    "krona": "SEK",
    "yen": "JPY",
    "yuan": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "rupees": "INR",
    "francs": "CHF",
    "zloty": "PLN",
    "tenge": "KZT",
    "lira": "TRY",
    "liras": "TRY",
    "rand": "ZAR",
    "reais": "BRL",
    "pesos": "MXN",
    "won": "KRW",
    "forints": "HUF",
    "shekels": "ILS",
}
_SYM = r"(?:US\$|A\$|C\$|HK\$|[€$£¥₴₽₹])"
_CODE = "|".join(CURRENCY_CODES)
_CWORD = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))

# (name, pattern, example). Groups: sym|code|word, num, mag.
MONEY_PATTERNS = (
    ("symbol-first", re.compile(rf"(?P<sym>{_SYM})\s?(?P<num>{_NUM})(?:\s?(?P<mag>{_MAG}))?", re.I), "€40bn"),
    (
        "code-first",
        re.compile(rf"\b(?P<code>{_CODE})\s?(?P<num>{_NUM})(?:\s?(?P<mag>{_MAG}))?"),
        "DKK 9 billion",
    ),
    (
        "word-after",
        re.compile(
            rf"(?P<num>{_NUMBER})(?:\s?(?P<mag>{_MAG}))?\s(?:(?:us|australian|canadian|danish|swedish|"
            rf"norwegian|swiss)\s)?(?P<word>{_CWORD}|{_CODE})\b",
            re.I,
        ),
        "40 billion euros",
    ),
)


def find_money(sentence: str) -> list[tuple[int, int, Mention]]:
    found: list[tuple[int, int, Mention]] = []
    for _name, pattern, _example in MONEY_PATTERNS:
        for m in pattern.finditer(sentence):
            if any(a <= m.start() < b or a < m.end() <= b for a, b, _ in found):
                continue
            amount = parse_number(m.group("num"))
            if amount is None:
                continue
            mag = (m.group("mag") or "").lower()
            if mag in ("k", "m", "b") and m.group("mag") not in ("k", "m", "bn", "b", "M", "B", "K"):
                mag = ""
            amount *= MAGNITUDES.get(mag, 1.0)
            groups = m.groupdict()
            if groups.get("sym"):
                currency = CURRENCY_SYMBOLS[groups["sym"].lower()]
            elif groups.get("code"):
                currency = groups["code"].upper()
            else:
                word = groups["word"]
                currency = CURRENCY_WORDS.get(word.lower(), word.upper())
            value = {"currency": currency, "amount": _tidy(amount)}
            key = f"money:{currency}:{_tidy(amount)}"
            found.append(
                (m.start(), m.end(), Mention("money", m.group(0), key, value, slot=f"money:{currency}"))
            )
    return found


def format_money(value: dict[str, object]) -> str:
    """{"currency": "EUR", "amount": 4e10} -> '€40 billion' (for labels)."""
    amount = float(str(value["amount"]))
    currency = str(value["currency"])
    symbol = {"EUR": "€", "USD": "$", "GBP": "£"}.get(currency, currency + " ")
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= size:
            return f"{symbol}{amount / size:g} {word}"
    return f"{symbol}{amount:,.0f}"


# --- quantities ------------------------------------------------------------------------------

# Vague counts: matched as approximate quantities, never in conflict with an exact figure.
VAGUE_COUNTS = (
    ("tens of thousands", 10_000),
    ("hundreds of thousands", 100_000),
    ("dozens", 24),
    ("hundreds", 200),
    ("thousands", 2000),
    ("millions", 2_000_000),
    ("scores", 40),
)
_VAGUE = re.compile(r"\b(" + "|".join(v for v, _ in VAGUE_COUNTS) + r")\s+of\s+(?P<unit>[a-z]+)", re.I)
_APPROX = re.compile(
    r"(?:about|around|some|nearly|almost|roughly|approximately|more than|over|"
    r"up to|at least|fewer than|less than|close to)\s+$",
    re.I,
)
_QUANTITY = re.compile(
    rf"(?<![\w$€£.,-])(?P<num>{_NUMBER})(?:\s?(?P<mag>million|billion|thousand))?"
    r"(?:-|\s)(?P<after>(?:[A-Za-z][\w'’-]*\s?){1,3})",
    re.I,
)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# Words after a number that make it something other than a count of things.
_NOT_UNITS = frozenset("""percent per cent am pm a.m p.m of to and or year-old years-old""".split())
_UNIT_UNITS = frozenset(
    """percent km kilometres kilometers miles metres meters hours days weeks
    months years minutes points kg tonnes tons degrees""".split()
)


def _count(
    text: str, value: float, unit: str, slot: str, *, approximate: bool = False, vague: bool = False
) -> Mention:
    """A quantity mention: `key` makes equal counts of one thing meet, `slot` makes different
    counts of one thing contradict (vague counts never equal an exact one: "~" in the key)."""
    key = f"quantity:{unit}:{'~' if vague else ''}{_tidy(value)}"
    value_json = {"count": _tidy(value), "unit": unit}
    return Mention("quantity", text, key, value_json, slot=f"quantity:{slot}", approximate=approximate)


def _unit_of(after: str, hyphenated: bool) -> str | None:
    """The counted noun: in "five-point plan" the word joined by the hyphen; otherwise the
    plural in the short run of content words after the number ('two brave firefighters' ->
    'firefighter'), else the run's last word ('200 fire crew' -> 'crew')."""
    run: list[str] = []
    for raw in after.split():
        w = fold(raw).strip("'’-")
        if not w or w in STOPWORDS or not w.isalpha():
            break
        run.append(w)
        if len(run) == 2:
            break
    if not run:
        return None
    if hyphenated:
        word = run[0]
    elif len(run) == 2 and (_is_plural(run[1]) or run[1] in COUNT_NOUNS):
        word = run[1]  # "two brave firefighters", "200 fire crew"
    else:
        word = run[0]  # "nine people lost their lives", "37 people injured"
    if len(word) < 2:
        return None
    if word in _NOT_UNITS:
        return word
    return _singular(word)


# Nouns that count things without a plural "s".
COUNT_NOUNS = frozenset("people crew staff police personnel children men women troops".split())


def _is_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss") and len(word) > 3


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# Shares and rates: "1.8%", "30 percent", "2.5 percentage points", "250 basis points" (basis
# points are hundredths of a percentage point and are normalised to percentage points).
_PERCENT = re.compile(
    rf"(?P<num>{_NUM})\s?(?P<unit>%|per ?cent\b|percentage points?\b|basis points?\b|bps?\b)", re.I
)


def find_percentages(sentence: str) -> list[tuple[int, int, Mention]]:
    found: list[tuple[int, int, Mention]] = []
    for m in _PERCENT.finditer(sentence):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        unit_text = m.group("unit").lower()
        if unit_text.startswith(("basis", "bp")):
            value, unit = value / 100, "percentage point"
        elif unit_text.startswith("percentage"):
            unit = "percentage point"
        else:
            unit = "percent"
        approximate = bool(_APPROX.search(sentence[max(0, m.start() - 20) : m.start()]))
        found.append((m.start(), m.end(), _count(m.group(0), value, unit, unit, approximate=approximate)))
    return found


# Tolls give a count with no noun after it: "the death toll has risen to 11". The count is of
# people, so that it meets "nine people were killed" in the same slot (and conflicts with it).
_TOLL = re.compile(
    rf"\b(?:death toll|toll|number of (?:dead|deaths|victims|fatalities))\b[^.;]{{0,120}}?"
    rf"\b(?:to|at|is|was|of|reached)\s+(?P<num>{_NUMBER})\b(?!\s*(?:%|per))",
    re.I,
)


def find_tolls(sentence: str) -> list[tuple[int, int, Mention]]:
    found: list[tuple[int, int, Mention]] = []
    for m in _TOLL.finditer(sentence):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        found.append((m.start("num"), m.end("num"), _count(m.group(0), value, "people", "people")))
    return found


def find_quantities(sentence: str, taken: Sequence[tuple[int, int]]) -> list[tuple[int, int, Mention]]:
    found: list[tuple[int, int, Mention]] = find_percentages(sentence) + find_tolls(sentence)
    for m in _VAGUE.finditer(sentence):
        phrase = m.group(1).lower()
        vague_value = dict(VAGUE_COUNTS)[phrase]
        noun = _singular(fold(m.group("unit")))
        mention = _count(m.group(0), vague_value, noun, stem(noun), approximate=True, vague=True)
        found.append((m.start(), m.end(), mention))
    for m in _QUANTITY.finditer(sentence):
        start, end = m.start(), m.end()
        if any(a <= start < b for a, b in taken) or any(a <= start < b for a, b, _ in found):
            continue
        num_text = m.group("num")
        if _YEAR.match(num_text) or re.match(r"\d+(st|nd|rd|th)\b", sentence[start : start + 6]):
            continue
        parsed = parse_number(num_text)
        if parsed is None:
            continue
        value = parsed * MAGNITUDES[m.group("mag").lower()] if m.group("mag") else parsed
        if num_text.lower() == "one" and not m.group("after")[:1].isdigit():
            continue  # "one of the ..." is rarely a count worth a row
        hyphenated = sentence[m.end("num") : m.end("num") + 1] == "-"
        unit = _unit_of(m.group("after"), hyphenated)
        if unit is None or unit in ("am", "pm", "a.m", "p.m"):
            continue
        approximate = bool(_APPROX.search(sentence[max(0, start - 20) : start]))
        unit_at = fold(sentence).find(unit, m.start("after"))
        end = unit_at + len(unit) if unit_at >= 0 else end
        while end < len(sentence) and sentence[end].isalpha():
            end += 1
        text = sentence[start:end].strip()
        found.append((start, end, _count(text, value, unit, stem(unit), approximate=approximate)))
    return found


# --- dates -----------------------------------------------------------------------------------

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# (name, pattern, example)
DATE_PATTERNS = (
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), "2024-10-16"),
    (
        "day-month-year",
        re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?\b"),
        "16 October 2024",
    ),
    (
        "month-day-year",
        re.compile(
            rf"\b(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:-\d{{1,2}})?(?:,\s+(?P<y>\d{{4}}))?\b"
        ),
        "October 16, 2024",
    ),
    ("month-year", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<y>\d{{4}})\b"), "February 2022"),
    (
        "in-month",
        re.compile(
            rf"\b(?:in|since|until|by|last|next|this|early|late|mid-?)\s+(?P<mon>{_MONTH})\b(?!\s+\d)"
        ),
        "in July",
    ),
    ("weekday", re.compile(rf"\b(?P<wd>{_WEEKDAY})\b"), "on Wednesday"),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>today|yesterday|tomorrow|last (?:week|month|year|night)|"
            r"next (?:week|month|year)|(?:two|three|\d+) (?:days|weeks|months) ago)\b",
            re.I,
        ),
        "last week",
    ),
)


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def find_dates(sentence: str, published: dt.date | None) -> list[tuple[int, int, Mention]]:
    found: list[tuple[int, int, Mention]] = []
    for name, pattern, _example in DATE_PATTERNS:
        for m in pattern.finditer(sentence):
            if any(a <= m.start() < b or a < m.end() <= b for a, b, _ in found):
                continue
            g = m.groupdict()
            iso: str | None = None
            year = int(g["y"]) if g.get("y") else (published.year if published else None)
            try:
                if name == "iso":
                    iso = dt.date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat()
                elif name in ("day-month-year", "month-day-year"):
                    month = MONTHS[g["mon"].lower().rstrip(".")]
                    if year is not None:
                        iso = dt.date(year, month, int(g["d"])).isoformat()
                elif name == "month-year":
                    iso = f"{int(g['y']):04d}-{MONTHS[g['mon'].lower().rstrip('.')]:02d}"
                elif name == "in-month" and year is not None:
                    iso = f"{year:04d}-{MONTHS[g['mon'].lower().rstrip('.')]:02d}"
                elif name == "weekday" and published is not None:
                    back = (published.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
                    iso = (published - dt.timedelta(days=back)).isoformat()
                elif name == "relative" and published is not None:
                    iso = _relative(g["rel"].lower(), published)
            except (ValueError, KeyError):
                iso = None
            text = m.group(0)
            key = f"date:{iso}" if iso else f"date:{fold(text)}"
            found.append(
                (m.start(), m.end(), Mention("date", text, key, {"date": iso, "text": text}, slot="date"))
            )
    return found


def _relative(rel: str, published: dt.date) -> str | None:
    """'yesterday' -> the day before publication; weeks and months give the start of that span."""
    if rel == "today":
        return published.isoformat()
    if rel in ("yesterday", "last night"):
        return (published - dt.timedelta(days=1)).isoformat()
    if rel == "tomorrow":
        return (published + dt.timedelta(days=1)).isoformat()
    if rel == "last week":  # the ISO week before publication's, e.g. "2024-W41"
        year, week, _ = (published - dt.timedelta(days=7)).isocalendar()
        return f"{year}-W{week:02d}"
    if rel == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.isoformat()[:7]
    if rel == "last year":
        return str(published.year - 1)
    m = re.match(r"(\w+) (days|weeks|months) ago", rel)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS.get(m.group(1), 0)
        days = n * {"days": 1, "weeks": 7, "months": 30}[m.group(2)]
        return (published - dt.timedelta(days=days)).isoformat()
    return None


# --- entities --------------------------------------------------------------------------------

_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_NAME = re.compile(rf"{_CAP}(?:\s+(?:(?:of|de|van|von|der|al|bin|la|le|du|the)\s+)?{_CAP})*")
# Title words: a person named right after one of these is a person; a later "the NATO chief"
# refers to whoever was named with that title.
TITLE_WORDS = frozenset(
    """president minister secretary secretary-general general chief spokesperson
    spokesman spokeswoman director ambassador chancellor governor mayor senator leader head
    commissioner chairman chair ceo boss commander officer premier king queen prince pope
    mr mrs ms dr prof judge prosecutor sheriff captain colonel sergeant inspector""".split()
)
# Capitalised words that begin sentences or name days and months: never a name on their own.
# Capitalised words that open sentences but name nobody: function words, months, days, number
# words, and openers common in news copy. Participles and "-ing" forms ("Asked", "Looking") are
# caught by _is_opener rather than listed.
_NOT_NAMES = (
    frozenset(w.capitalize() for w in STOPWORDS)
    | {m.capitalize() for m in MONTHS}
    | {d.capitalize() for d in WEEKDAYS}
    | {w.capitalize() for w in NUMBER_WORDS}
    | {"Despite", "Ahead", "Another", "Elsewhere", "Early", "Meanwhile", "Several", "It", "This", "That"}
)


def _is_opener(token: str, at_sentence_start: bool) -> bool:
    """A word that opens a sentence without naming anyone; at the very start of a sentence a
    participle or gerund ("Asked about", "Posting on X") counts too (mid-sentence, "Ahmed" or
    "Channing" are names)."""
    if token in _NOT_NAMES:
        return True
    low = token.lower()
    return at_sentence_start and len(low) > 4 and low.endswith(("ing", "ed")) and token[1:].islower()


@dataclass(frozen=True)
class NameSpan:
    text: str
    start: int
    end: int
    title: tuple[str, ...]  # the title words right before the name ("NATO", "chief")
    initial: bool = False  # a single capitalised word starting the sentence: maybe not a name


def find_names(sentence: str) -> list[NameSpan]:
    """Capitalised spans, with their leading title words split off."""
    spans: list[NameSpan] = []
    for m in _NAME.finditer(sentence):
        tokens = m.group(0).split()
        start = m.start()
        for i, token in enumerate(tokens):  # a possessive ends a name: "Ukraine's Western"
            if token.endswith(("'s", "’s")) and i < len(tokens) - 1:
                tokens = tokens[: i + 1]
                break
        title: list[str] = []
        # Split leading title words after the last one ("Ukrainian President Volodymyr
        # Zelensky" -> title + name); a span that is all title ("Alliance Secretary General")
        # names nobody.
        marks = [i for i, t in enumerate(tokens) if fold(t).strip(".") in TITLE_WORDS]
        if marks:
            if marks[-1] == len(tokens) - 1:
                continue
            title, tokens = tokens[: marks[-1] + 1], tokens[marks[-1] + 1 :]
            if fold(tokens[0]) in ("of", "for", "de", "du"):
                continue  # "Minister of Infrastructure": the title goes on, no name follows
        elif len(tokens) >= 3 and _is_org_word(tokens[0]) and not any(_is_org_word(t) for t in tokens[1:]):
            title, tokens = tokens[:1], tokens[1:]  # "NATO Julianne Smith": an org before a name
        else:
            orgs = [i for i, t in enumerate(tokens[:-2]) if fold(t) in ORG_WORDS]
            if orgs:  # "the National Bank Aigerim Jaqsybekova": an institution, then a name
                title, tokens = tokens[: orgs[-1] + 1], tokens[orgs[-1] + 1 :]
        if not title:
            before = sentence[max(0, m.start() - 30) : m.start()].split()
            if before and fold(before[-1]).strip(",.") in TITLE_WORDS:
                title = [before[-1]]  # "port director Søren Kjærgaard", "minister Christos V."
        at_start = m.start() == 0 and not title
        while tokens and (_is_opener(tokens[0], at_start) or fold(tokens[0]) in STOPWORDS):
            at_start = False
            tokens.pop(0)
        while tokens and fold(tokens[-1]) in STOPWORDS:
            tokens.pop()
        if not tokens:
            continue
        text = " ".join(tokens).removesuffix("'s").removesuffix("’s").rstrip(".'’")
        if len(text) < 2 or text in _NOT_NAMES or (text.isupper() and len(text) > 5):
            continue
        initial = len(tokens) == 1 and m.start() == 0 and not title
        begin = sentence.find(text, start)
        spans.append(NameSpan(text, begin, begin + len(text), tuple(title), initial))
    return spans


def _is_org_word(token: str) -> bool:
    """An acronym ("NATO", "EU") before a title word is part of the title, not a name."""
    return token.isupper() and len(token) >= 2


# Last words that make a name an institution, not a person ("White House said", "the Fire
# Brigade said").
ORG_WORDS = frozenset(
    """house council ministry commission office bank police service services government department
    agency brigade court parliament party union association committee authority authorities
    company group corporation institute university hospital army forces guard press news times
    post agency airport port station""".split()
)


def find_people(spans: Sequence[NameSpan], text: str) -> set[str]:
    """Which names in an article are people: named with a title, the subject of a reporting
    verb, or a two- or three-word name whose last word is also used alone (a surname)."""
    people = {
        s.text
        for s in spans
        if s.title
        and any(fold(t).strip(".") in TITLE_WORDS for t in s.title)
        and fold(s.text.split()[-1]) not in ORG_WORDS
    }
    subjects = {
        m.group(1).split()[-1] for m in re.finditer(rf"({_CAP}(?:\s+{_CAP}){{0,3}})\s+{SAY_VERBS}\b", text)
    }
    singles = {s.text for s in spans if len(s.text.split()) == 1}
    for span in spans:
        tokens = span.text.split()
        if any(t.isupper() for t in tokens) or fold(tokens[-1]) in ORG_WORDS:
            continue
        if tokens[-1] in subjects or (2 <= len(tokens) <= 3 and tokens[-1] in singles):
            people.add(span.text)
    return people


class EntityIndex:
    """Canonical names across all articles: spelling variants and short forms merged.

    "Zelensky" and "Zelenskyy" differ by a transliteration-sized edit; "Rutte" is the last word
    of "Mark Rutte". The canonical form is the longest full name seen most often.
    """

    # Two folded surnames this similar (rapidfuzz ratio) are one name spelt two ways.
    SPELLING_RATIO = 85.0
    # With the very same first name, surnames this similar are one person transliterated two
    # ways ("zhaksybekova" / "jaqsybekova" score 78; unrelated surnames of one length ~40).
    TRANSLITERATION_RATIO = 75.0

    def __init__(self, names: Iterable[str]) -> None:
        counts: dict[str, int] = {}
        for n in names:
            counts[n] = counts.get(n, 0) + 1
        ordered = sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n))
        self._canonical: dict[str, str] = {}
        # Names can only be the same when their surnames share the first letters, or their first
        # names are identical (see _same), so each name is compared with the full names of its
        # buckets only.
        buckets: dict[str, list[str]] = {}
        for name in ordered:
            keys = self._buckets(name)
            target = next(
                (full for key in keys for full in buckets.get(key, ()) if self._same(name, full)), None
            )
            if target is None:
                for key in keys:
                    buckets.setdefault(key, []).append(name)
                target = name
            self._canonical[name] = target

    @staticmethod
    def _buckets(name: str) -> list[str]:
        tokens = fold(name).split()
        if not tokens:
            return [""]
        keys = ["surname:" + tokens[-1][:3]]
        if len(tokens) > 1:
            keys.append("first:" + tokens[0])
        return keys

    def _same(self, name: str, full: str) -> bool:
        a, b = fold(name).split(), fold(full).split()
        if not a or not b:
            return False
        if a == b:
            return True
        last_a, last_b = a[-1], b[-1]
        if len(a) > 1 and len(b) > 1 and a[0] == b[0] and len(a[0]) > 2:
            # The same first name: a transliterated surname may differ from its first letter
            # on ("Zhaksybekova" / "Jaqsybekova").
            return (
                min(len(last_a), len(last_b)) >= 5
                and fuzz.ratio(last_a, last_b) >= self.TRANSLITERATION_RATIO
            )
        surname_same = last_a == last_b or (
            min(len(last_a), len(last_b)) >= 5
            and fuzz.ratio(last_a, last_b) >= self.SPELLING_RATIO
            and last_a[:3] == last_b[:3]
        )
        if not surname_same:
            return False
        if len(a) == 1 or len(b) == 1:
            return True
        # Both have first names: they must agree too (allowing transliteration: Vladimir/Volodymyr
        # do not, which is right: they may be different people).
        return (
            a[0] == b[0]
            or fuzz.ratio(a[0], b[0]) >= self.SPELLING_RATIO
            or (a[0][0] == b[0][0] and len(a[0]) <= 2)
        )

    def canonical(self, name: str) -> str:
        return self._canonical.get(name, name)


# --- quotes ----------------------------------------------------------------------------------

_QUOTE_SPANS = (
    # Double quotes of any style; outlets mix “ with " in one quote, so any closer ends any opener.
    re.compile(r"[“\"«]([^“”\"«»]{12,}?)(?:[”\"»]|$)"),
    re.compile(r"(?<![\w])[‘']([^’']*(?:[’'][a-z][^’']*)*\s[^’']*\s[^’']*\s[^’']+?)[’'](?![a-z])"),
)
# Reporting verbs that attribute a quote to whoever stands next to them.
SAY_VERBS = (
    r"(?:said|says|added|adds|told(?: \w+)?|stressed|warned|noted|insisted|argued|"
    r"explained|replied|declared|wrote|tweeted|posted|claimed|continued|vowed|stated|"
    r"recalled|asked|urged)"
)
_PRONOUN = r"(?:he|she|they)"
_AFTER_SPEAKER = re.compile(
    rf"^\W{{0,3}}\s*(?:{SAY_VERBS}\s+(?P<a>{_CAP}(?:\s+{_CAP}){{0,3}}|the [\w -]+?)\b|"
    rf"(?P<b>{_PRONOUN}|{_CAP}(?:\s+{_CAP}){{0,3}}|the [a-z][\w -]+?)\s+{SAY_VERBS}\b)",
    re.I,
)
_BEFORE_SPEAKER = re.compile(
    rf"(?P<s>{_CAP}(?:\s+{_CAP}){{0,3}}|{_PRONOUN}|the [a-z][\w -]+?)\s+(?:\w+\s+)?{SAY_VERBS}"
    rf"[^\"“”]{{0,40}}?[:,]?\s*$",
    re.I,
)
_ACCORDING = re.compile(rf"according to (?P<s>{_CAP}(?:\s+{_CAP}){{0,3}})")


@dataclass(frozen=True)
class QuoteSpan:
    text: str
    start: int
    end: int


def find_quote_spans(paragraph: str) -> list[QuoteSpan]:
    """Quoted passages of at least three words: scare quotes ('Victory Plan') are not quotes."""
    spans: list[QuoteSpan] = []
    for pattern in _QUOTE_SPANS:
        for m in pattern.finditer(paragraph):
            inner = m.group(1).strip()
            if len(inner.split()) < 3:
                continue
            if any(a <= m.start() < b for a, b in ((q.start, q.end) for q in spans)):
                continue
            spans.append(QuoteSpan(inner, m.start(), m.end()))
    return sorted(spans, key=lambda q: q.start)


# --- per-article extraction ------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleMentions:
    """Mentions per sentence (in article order), and the raw names the article uses."""

    article: Article
    by_sentence: tuple[tuple[Mention, ...], ...]
    names: tuple[str, ...]
    people: frozenset[str] = frozenset()  # the names that are people (see find_people)


def extract_article(article: Article) -> ArticleMentions:
    """Find money, quantities, dates, names and quotes with speakers in every sentence."""
    published = _parse_published(article.published)
    result: list[tuple[Mention, ...]] = []
    names: list[str] = []
    spans_by_sentence = [find_names(s.text) for s in article.sentences]
    all_spans = [sp for spans in spans_by_sentence for sp in spans]
    full_text = "\n".join(p.text for p in article.paragraphs)
    mid_sentence = {sp.text for sp in all_spans if not sp.initial}
    person_names = find_people(all_spans, full_text)
    people: list[tuple[str, tuple[str, ...]]] = []  # (name, title words) in order of appearance
    carried_speaker: str | None = None
    sentence_no = -1
    for paragraph in article.paragraphs:
        quotes = find_quote_spans(paragraph.text)
        for k, sentence in enumerate(paragraph.sentences):
            for span in spans_by_sentence[sentence_no + 1 + k]:
                at = sentence.start + span.start
                if any(q.start <= at < q.end for q in quotes):
                    continue  # named inside a quote: spoken about, not speaking
                if span.text in person_names:
                    people.append((span.text, span.title))
        speaker = _quote_speaker(paragraph.text, quotes, people) if quotes else None
        if quotes and speaker is None and paragraph.text.lstrip()[:1] in '"“«':
            speaker = carried_speaker  # a quote running on from the previous paragraph
        open_quote = bool(quotes) and not re.search(r"[\"”»’']\W*$", paragraph.text.rstrip())
        carried_speaker = speaker if open_quote else None
        for sentence in paragraph.sentences:
            sentence_no += 1
            mentions: list[Mention] = []
            money = find_money(sentence.text)
            mentions += [m for _, _, m in money]
            dates = find_dates(sentence.text, published)
            taken = [(a, b) for a, b, _ in money + dates]
            mentions += [m for _, _, m in dates]
            mentions += [m for _, _, m in find_quantities(sentence.text, taken)]
            for span in spans_by_sentence[sentence_no]:
                if span.initial and span.text not in mid_sentence:
                    continue  # "Investigators suspect ...": a capital that only starts sentences
                names.append(span.text)
                mentions.append(Mention("entity", span.text, f"entity:{fold(span.text)}", span.text))
            for quote in quotes:
                offset_start = paragraph.text.find(sentence.text)
                if quote.start < offset_start + len(sentence.text) and quote.end > offset_start:
                    mentions.append(
                        Mention("quote", quote.text, f"quote:{fold(quote.text)[:60]}", None, speaker=speaker)
                    )
                    break
            result.append(tuple(mentions))
    return ArticleMentions(article, tuple(result), tuple(names), frozenset(person_names))


def _quote_speaker(
    paragraph: str, quotes: list[QuoteSpan], people: list[tuple[str, tuple[str, ...]]]
) -> str | None:
    """Who is quoted in this paragraph: the name next to a reporting verb around a quote."""
    for names in (people,):
        for quote in quotes:
            after = paragraph[quote.end : quote.end + 80]
            before = paragraph[max(0, quote.start - 120) : quote.start]
            for m in (
                _AFTER_SPEAKER.match(after),
                _BEFORE_SPEAKER.search(before),
                _ACCORDING.search(paragraph),
            ):
                if m is None:
                    continue
                raw = next((v for v in m.groupdict().values() if v), None)
                if raw:
                    who = _resolve(raw.strip(), names, paragraph)
                    if who:
                        return who
    # No reporting verb next to the quote: a name with a reporting verb elsewhere in it.
    m = re.search(rf"(?P<s>{_CAP}(?:\s+{_CAP}){{0,3}})\s+{SAY_VERBS}\b", paragraph)
    if m:
        return _resolve(m.group("s"), people, paragraph)
    return None


def _resolve(raw: str, people: list[tuple[str, tuple[str, ...]]], paragraph: str) -> str | None:
    """A name as written, a pronoun, or "the NATO chief" -> the person it refers to."""
    low = raw.lower()
    if low in ("he", "she", "they"):
        return people[-1][0] if people else None
    if low.startswith("the "):
        title = set(fold(low[4:]).replace("-", " ").split())
        for name, words_ in reversed(people):
            held = {fold(w).strip(".") for w in words_}
            held |= {p for w in held for p in w.split("-")}
            if title & held:
                return name
        return None
    spans = find_names(raw)
    if not spans or spans[-1].text.lower() in ("he", "she", "they"):
        return None
    name = spans[-1].text
    for known, _ in reversed(people):
        if known == name or known.split()[-1] == name.split()[-1]:
            return known if len(known) >= len(name) else name
    if name in _NOT_NAMES or name.isupper():
        return None
    return name
