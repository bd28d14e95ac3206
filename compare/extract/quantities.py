"""quantities: counts of things, shares and rates, death tolls and vague counts.

- a number with the noun it counts: "three-point plan", "12,000 troops", "six people";
- a range of such counts: "two to five years", "between 10 and 15 people", one figure;
- a share or rate: "4.5%", "30 percent", "2.5 percentage points", "75 basis points";
- a toll: "the death toll rose to 14" counts people;
- a vague count: "tens of thousands of people", approximate and never equal to an exact figure.

Each mention has a key (equal for the same count of the same thing), a slot (equal for counts of
the same thing, so that different values can contradict) and the interval its figure covers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from importlib import resources

from compare.extract.bounds import MAX_MENTIONS_PER_SENTENCE, Taken
from compare.extract.numbers import (
    NUM,
    NUMBER,
    RANGE_MAX_RATIO,
    parse_number,
    qualifier_before,
    range_joint,
    tidy,
    value_range,
)
from compare.extract.plurals import is_plural, may_be_plural, singular
from compare.model import Mention
from compare.text import STOPWORDS, fold, stem

# Vague counts: matched as approximate quantities, never in conflict with an exact figure. The
# value is a typical reading; the range what the phrase can mean ("dozens": two dozen up to a
# hundred). General English, not fitted on any event.
VAGUE_COUNTS = (
    ("tens of thousands", 10_000),
    ("hundreds of thousands", 100_000),
    ("dozens", 24),
    ("hundreds", 200),
    ("thousands", 2000),
    ("millions", 2_000_000),
    ("scores", 40),
)
VAGUE_RANGES = {
    "tens of thousands": (20_000.0, 100_000.0),
    "hundreds of thousands": (200_000.0, 1_000_000.0),
    "dozens": (24.0, 100.0),
    "hundreds": (200.0, 1000.0),
    "thousands": (2000.0, 10_000.0),
    "millions": (2_000_000.0, 1e9),
    "scores": (40.0, 100.0),
}
# A number, an optional magnitude, then up to AFTER_WORDS words (the counted noun is among
# them: three content words and two in-phrase words, see _unit_of), looked at ahead rather than
# consumed, so that "30 passengers and six cars" still finds "six cars". Possessive word
# repeats: a 20,000-letter "word" is read once.
AFTER_WORDS = 5
_QUANTITY = re.compile(
    rf"(?<![\w$€£.,-])(?P<num>{NUMBER})(?:\s?(?P<mag>million|billion|thousand)\b)?"
    rf"(?:-|\s)(?=(?P<after>(?:[A-Za-z][\w'’-]*+\s?){{1,{AFTER_WORDS}}}))",
    re.I,
)
_MAGNITUDE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")
_ORDINAL = re.compile(r"\d++(?:st|nd|rd|th)\b")
# Words after a number that make it something other than a count of things.
_NOT_UNITS = frozenset("""percent per cent am pm a.m p.m of to and or year-old years-old""".split())
# Denominators of a fraction written with a number word ("two-thirds of voters", "three-quarters
# majority"): a share, not a count of thirds. General English.
FRACTION_WORDS = frozenset(
    """half halves third thirds quarter quarters fifth fifths sixth sixths seventh sevenths
    eighth eighths ninth ninths tenth tenths""".split()
)
# "two years ago", "three days later": a time relative to another, not a count of years that
# another figure could contradict ("served for eight years" / "won it two years ago"). General
# English time units and the words that make them relative.
TIME_UNITS = frozenset("second minute hour day week month year decade century".split())
_RELATIVE_TIME = re.compile(r"\s*+(?:ago|later|earlier|before|after)\b", re.I)
# Nouns that count things with no plural of their own ("40 cabin crew", "six people"); other
# plurals, "children" and "feet" among them, are the lemmatiser's (compare.extract.plurals).
COUNT_NOUNS = frozenset("people crew staff police personnel".split())
# The slot of every count of a population of people, whatever noun names it: "3.2 million
# members", "3.5 million Americans" and "about 3 million people" can contradict one another
# (whether they count the same people is the link scorer's call, see compare.facts._same_slot).
# Counts of people in a role ("two paramedics", "30 passengers") keep a slot of their own.
PEOPLE_SLOT = "quantity:people"
# Count nouns that name people in general (the rest of COUNT_NOUNS are roles: crew, police;
# "child", "man", "woman" are population nouns, population_nouns.txt), and those that count
# people by their death: "six deaths" / "six fatalities" are six people killed, the figure
# another outlet gives as "six people died". General English.
_PEOPLE_COUNT_NOUNS = frozenset("people death fatality".split())
# Words that, right after a number, name people by what befell them: "23 injured", "three dead",
# "two missing" count people, as "23 people injured" does. General English (the adjectives and
# participles news copy uses as nouns for casualties and people held or moved), not fitted.
PEOPLE_PARTICIPLES = frozenset(
    """injured wounded dead killed missing displaced detained arrested evacuated rescued
    hospitalised hospitalized stranded trapped""".split()
)


@cache
def population_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns naming a population of people (WordNet; see data/build_person_nouns.py), read once
    on first use: (words in lower case, words that count people only when written with a
    capital, such as "american"), both folded."""
    text = (
        resources.files("compare.extract.data").joinpath("population_nouns.txt").read_text(encoding="utf-8")
    )
    words = [line for line in text.splitlines() if line and not line.startswith("#")]
    return (
        frozenset(w for w in words if w.islower()),
        frozenset(fold(w) for w in words if not w.islower()),
    )


def counts_people(unit: str, written: str | None = None) -> bool:
    """Is a count of `unit` (singular, folded; `written` as the text has it) a count of a
    population of people? "member", "resident", "people", and "Americans", "Texans" written
    with a capital, are; "firefighter", "device", "year" are not."""
    lower, capitalised = population_nouns()
    if unit in _PEOPLE_COUNT_NOUNS or unit in lower:
        return True
    return unit in capitalised and written is not None and written[:1].isupper()


def count_mention(
    text: str,
    value: float,
    unit: str,
    *,
    span: tuple[int, int] = (-1, -1),
    number_text: str = "",
    scale: float = 1.0,
    qualifier: str | None = None,
    vague: str | None = None,
    slot: str | None = None,
) -> Mention:
    """A quantity mention: `key` makes equal counts of one thing meet, `slot` makes different
    counts of one thing contradict (vague counts never equal an exact one: "~" in the key)."""
    key = f"quantity:{unit}:{'~' if vague else ''}{tidy(value)}"
    if vague:
        covered = VAGUE_RANGES[vague]
    else:
        covered = value_range(value, number_text or str(tidy(value)), scale, qualifier)
    return Mention(
        "quantity",
        text,
        key,
        {"count": tidy(value), "unit": unit},
        slot=slot or unit_slot(unit),
        approximate=bool(vague) or qualifier is not None,
        start=span[0],
        end=span[1],
        range=covered,
        qualifier=qualifier,
    )


def unit_slot(unit: str, written: str | None = None) -> str:
    """The slot of a count of `unit` (written as `written`): PEOPLE_SLOT for a noun naming a
    population of people, else the unit's stem as compare.text.stem gives it, so that
    inflections of one noun ("injury" / "injuries") meet. The one place to change when the
    stemmer changes."""
    if counts_people(unit, written):
        return PEOPLE_SLOT
    return f"quantity:{stem(unit)}"


# Content words after a number searched for the counted noun: "14 small wooden boxes".
UNIT_WINDOW = 3
# Function words that may stand inside the noun phrase after a number without ending it: a
# conjunction between modifiers ("3.2 million current and former members") and the
# comparatives that modify a count ("three more people", "two other patients"). Not counted
# in UNIT_WINDOW; general English.
IN_PHRASE_WORDS = frozenset("and or more other".split())
# In-phrase words that only join two modifiers: right after the number they end the phrase
# ("snapped in two and plunged").
_CONJUNCTIONS = frozenset({"and", "or"})


def _unit_of(after: str, hyphenated: bool) -> tuple[str, str] | None:
    """The counted noun and the word as written: in "three-point plan" the word joined by the
    hyphen; otherwise the head noun of the short noun phrase after the number: its first plural
    or count noun ('two brave paramedics' -> 'paramedic', '14 small wooden boxes' ->
    'box', '40 cabin crew' -> 'crew', '3.2 million past and present subscribers' ->
    'subscriber'), else the run's first word; a plural right after a count noun is the
    compound's head ('five police officers' -> 'officer')."""
    run: list[tuple[str, str]] = []
    for raw in after.split():
        w = fold(raw).strip("'’-")
        if w in IN_PHRASE_WORDS and not hyphenated and (run or w not in _CONJUNCTIONS):
            continue  # "current and former members", "three more people"; not "two and a half"
        if not w or w in STOPWORDS or not w.isalpha():
            break
        run.append((w, raw))
        if len(run) == UNIT_WINDOW:
            break
    if not run:
        return None
    head = 0
    if not hyphenated:
        heads = [i for i, (_, r) in enumerate(run) if _may_head(r)]
        head = heads[0] if heads else 0
        if heads and not is_plural(run[head][1]) and head + 1 < len(run) and is_plural(run[head + 1][1]):
            head += 1  # a compound's last noun is its head: "five police officers", "three news agencies"
    word, raw = run[head]
    if len(word) < 2:
        return None
    return (word if word in _NOT_UNITS else singular(raw.strip("'’-"))), raw.rstrip("'’-.,")


def _may_head(written: str) -> bool:
    """Can the word (as written) be the head noun of a count: a plural, a word with one form
    for both numbers ("species"), or a count noun ("crew")?"""
    return may_be_plural(written.strip("'’-")) or fold(written).strip("'’-") in COUNT_NOUNS


# Shares and rates; basis points are hundredths of a percentage point and are normalised to
# percentage points.
_PERCENT = re.compile(
    rf"(?P<num>{NUM})\s?(?P<unit>%|per ?cent\b|percentage points?\b|basis points?\b|bps?\b)", re.I
)


def find_percentages(sentence: str, limit: int = MAX_MENTIONS_PER_SENTENCE) -> list[tuple[int, int, Mention]]:
    found: list[tuple[int, int, Mention]] = []
    for m in _PERCENT.finditer(sentence):
        if len(found) >= limit:
            break
        value = parse_number(m.group("num"))
        if value is None:
            continue
        unit_text = m.group("unit").lower()
        scale = 1.0
        if unit_text.startswith(("basis", "bp")):
            value, unit, scale = value / 100, "percentage point", 0.01
        elif unit_text.startswith("percentage"):
            unit = "percentage point"
        else:
            unit = "percent"
        qualifier = qualifier_before(sentence, m.start())
        mention = count_mention(
            m.group(0),
            value,
            unit,
            span=m.span(),
            number_text=m.group("num"),
            scale=scale,
            slot=f"quantity:{unit}",  # shares and rates are not stemmed: percent != percentage point
            qualifier=qualifier,
        )
        found.append((m.start(), m.end(), mention))
    return found


# Tolls give a count with no noun after it: "the death toll has risen to 11". The count is of
# people, so that it meets "nine people were killed" in the same slot (and conflicts with it).
# The gap between "toll" and the verb is bounded (120 characters), so each "toll" costs O(1).
_TOLL = re.compile(
    rf"\b(?:death toll|toll|number of (?:dead|deaths|victims|fatalities))\b[^.;]{{0,120}}?"
    rf"\b(?:to|at|is|was|of|reached)\s+(?P<num>{NUMBER})\b(?!\s*(?:%|per))",
    re.I,
)


def find_tolls(sentence: str, limit: int = MAX_MENTIONS_PER_SENTENCE) -> list[tuple[int, int, Mention]]:
    found: list[tuple[int, int, Mention]] = []
    for m in _TOLL.finditer(sentence):
        if len(found) >= limit:
            break
        value = parse_number(m.group("num"))
        if value is None:
            continue
        mention = count_mention(
            m.group(0),
            value,
            "people",
            span=m.span("num"),
            number_text=m.group("num"),
            slot="quantity:people",
        )
        found.append((m.start("num"), m.end("num"), mention))
    return found


# A vague count and the words after its "of", read for the head noun as an exact count's are.
_VAGUE = re.compile(
    r"\b(" + "|".join(v for v, _ in VAGUE_COUNTS) + r")\s++of\s++(?P<unit>[a-z]++)"
    rf"(?=(?P<after>(?:\s?[A-Za-z][\w'’-]*+){{0,{UNIT_WINDOW - 1}}}))",
    re.I,
)


def find_vague(sentence: str, limit: int = MAX_MENTIONS_PER_SENTENCE) -> list[tuple[int, int, Mention]]:
    found: list[tuple[int, int, Mention]] = []
    for m in _VAGUE.finditer(sentence):
        if len(found) >= limit:
            break
        phrase = " ".join(m.group(1).lower().split())
        # The head noun of the phrase, as for an exact count: "dozens of ticket machines" counts
        # machines, not "ticket".
        head = _unit_of(m.group("unit") + m.group("after"), hyphenated=False)
        noun, written = head if head else (singular(m.group("unit")), m.group("unit"))
        end = m.end()
        if written != m.group("unit"):
            at = sentence.find(written, m.end(), m.end() + len(m.group("after")) + 1)
            end = at + len(written) if at >= 0 else end
        mention = count_mention(
            sentence[m.start() : end],
            dict(VAGUE_COUNTS)[phrase],
            noun,
            span=(m.start(), end),
            vague=phrase,
            slot=unit_slot(noun, written),
        )
        found.append((m.start(), end, mention))
    return found


def find_quantities(
    sentence: str, taken: Sequence[tuple[int, int]], limit: int = MAX_MENTIONS_PER_SENTENCE
) -> list[tuple[int, int, Mention]]:
    """Counts, shares, tolls and vague counts outside the spans already `taken` (money, dates)."""
    mask = Taken(len(sentence))
    for a, b in taken:
        mask.mark(a, b)
    found: list[tuple[int, int, Mention]] = []
    for start, end, mention in (
        find_percentages(sentence, limit) + find_tolls(sentence, limit) + find_vague(sentence, limit)
    ):
        if len(found) < limit:
            found.append((start, end, mention))
            mask.mark(start, end)
    for m in _COUNT_RANGE.finditer(sentence):
        if len(found) >= limit:
            break
        count = _count_range(sentence, m)
        if count is not None and mask.free(count.start, count.end):
            found.append((count.start, count.end, count))
            mask.mark(count.start, count.end)
    for m in _QUANTITY.finditer(sentence):
        if len(found) >= limit:
            break
        start = m.start()
        if not mask.free(start, start + 1):
            continue
        count = _count(sentence, m)
        if count is not None:
            found.append((count.start, count.end, count))
            mask.mark(count.start, count.end)
    return found


# "two to five years", "between 10 and 15 people", "20-30 homes": the ends of a range (joints
# and cues as for money: compare.extract.numbers.range_joint), then the counted noun after the
# high end. Only a plural or count noun is counted this way: "a 2-3 defeat" is a score.
_COUNT_RANGE = re.compile(
    rf"(?<![\w$€£.,-])(?P<low>{NUMBER})(?P<joint>\s+to\s+|\s+and\s+|[-–])(?P<num>{NUMBER})"
    rf"(?:\s?(?P<mag>million|billion|thousand)\b)?(?:-|\s)(?=(?P<after>(?:[A-Za-z][\w'’-]*+\s?){{1,{AFTER_WORDS}}}))",
    re.I,
)


_BETWEEN = re.compile(r"between\s$", re.I)


def _count_range(sentence: str, m: re.Match[str]) -> Mention | None:
    """A count known within bounds, as one mention covering both ends ({"count": 2, "count_high":
    5, "unit": "year"}), so that it is one row and a count inside it agrees with it."""
    if not range_joint(sentence, m.start(), m.end("low"), m.start("num")):
        return None
    high = _count(sentence, m)
    low_text = m.group("low")
    bottom = parse_number(low_text)
    if high is None or bottom is None or high.range is None or not high.value:
        return None
    scale = _MAGNITUDE_WORDS[m.group("mag").lower()] if m.group("mag") else 1.0
    bottom *= scale
    top = float(high.value["count"])
    unit = str(high.value["unit"])
    written = high.text.split()[-1] if high.text.split() else ""
    if not (0 < bottom < top <= bottom * RANGE_MAX_RATIO) or not _may_head(written):
        return None
    low_range = value_range(bottom, low_text, scale, high.qualifier)
    between = _BETWEEN.search(sentence, max(0, m.start() - len("between ")), m.start())
    start = between.start() if between else high.start
    return replace(
        high,
        text=sentence[start : high.end],
        start=start,
        key=f"quantity:{unit}:{tidy(bottom)}-{tidy(top)}",
        value={"count": tidy(bottom), "count_high": tidy(top), "unit": unit},
        range=(low_range[0], high.range[1]),
    )


# Characters before a number looked at for the word that may name it (a long word and spaces).
DESIGNATOR_WINDOW = 40


def _designator(sentence: str, start: int) -> bool:
    """A number right after a capitalised word inside the sentence may name something ("Channel 9
    asked", "Route 66 reopened"): with no counted noun after it, it
    counts nothing."""
    window = max(0, start - DESIGNATOR_WINDOW)  # bounded: a runaway sentence is read once
    before = sentence[window:start].split()
    if not before or (window == 0 and len(before) < 2):
        return False  # the sentence's first word is capitalised anyway ("Some 200 crew")
    word = before[-1]
    return word[:1].isupper() and word.isalpha() and not word.isupper()


# "312 of its 480 flights": the part counts what the whole counts (the noun follows the whole),
# so both are counts of flights. At most one determiner between "of" and the whole.
_PART_OF = re.compile(
    rf"of\s+(?:(?:its|the|their|his|her|our|all|these|those)\s+)?(?P<num>{NUMBER})"
    rf"(?:\s?(?:million|billion|thousand)\b)?[\s-](?P<after>(?:[A-Za-z][\w'’-]*+\s?){{1,{AFTER_WORDS}}})",
    re.I,
)
# "one in four tenants", "two in every three voters": a ratio, not a count of four tenants. Read
# just before the number, in RATIO_WINDOW characters: "N in every " is at most about 30 (a
# number in words and the connecting words), and the window keeps each number's look O(1).
_RATIO_BEFORE = re.compile(rf"(?<![\w.,])(?:{NUMBER})\s+in\s+(?:every\s+)?$", re.I)
RATIO_WINDOW = 30


def _count(sentence: str, m: re.Match[str]) -> Mention | None:
    num_text = m.group("num")
    start = m.start()
    if _YEAR.fullmatch(num_text) or _ORDINAL.match(sentence, start, start + 12):
        return None
    parsed = parse_number(num_text)
    if parsed is None:
        return None
    scale = _MAGNITUDE_WORDS[m.group("mag").lower()] if m.group("mag") else 1.0
    value = parsed * scale
    if num_text.lower() == "one":
        return None  # "one of the ..." is rarely a count worth a row
    if _RATIO_BEFORE.search(sentence, max(0, start - RATIO_WINDOW), start):
        return None  # "one in four tenants"
    hyphenated = sentence[m.end("num") : m.end("num") + 1] == "-"
    whole = None if hyphenated else _PART_OF.match(sentence, m.end())
    unit = _unit_of((whole or m).group("after"), hyphenated)
    if unit is None or unit[0] in ("am", "pm", "a.m", "p.m"):
        return None
    noun, raw = unit
    slot = unit_slot(noun, raw)
    if fold(raw) in PEOPLE_PARTICIPLES and not hyphenated:
        # "23 injured" is the figure "23 people injured" (one key); it contradicts only another
        # count of the injured (its own slot), not "40 missing" nor any other count of people.
        noun, slot = "people", f"quantity:{stem(fold(raw))}"
    if whole is not None and not may_be_plural(raw):
        return None  # "Four of the 11 dead": a part of a toll is no toll of its own
    if fold(raw) in FRACTION_WORDS:
        return None  # "two-thirds of voters", "three quarters of the ferries": a share
    if _designator(sentence, start) and not _may_head(raw):
        return None  # "Channel 9 asked", "Route 66 reopened"; not "in Linz 40 homes"
    if whole is not None:
        end = m.end("num")  # the part alone: the whole is a count of its own
    else:
        unit_at = sentence.find(raw, m.start("after"), m.end("after"))
        end = unit_at + len(raw) if unit_at >= 0 else m.end()
    if noun in TIME_UNITS and _RELATIVE_TIME.match(sentence, end):
        return None
    text = sentence[start:end].strip()
    qualifier = qualifier_before(sentence, start)
    return count_mention(
        text,
        value,
        noun,
        span=(start, end),
        number_text=num_text,
        scale=scale,
        qualifier=qualifier,
        slot=slot,
    )
