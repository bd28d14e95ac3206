"""numbers: figures as written ("1,200", "1.4", "forty-one", "3 million") and the interval a
stated figure covers.

A figure in a news story is rounded to the precision it is written with, and a qualifier
("about", "more than", "up to") widens or opens it. Two reports conflict only when their
intervals do not meet, so "$1.4 billion" (1.35-1.45 bn) agrees with "$1.375 billion".

Every pattern here starts at a number's first character only (a look-behind refuses a start
inside a run of digits) and repeats possessively, so a run of 10 kB of digits is read once.
"""

from __future__ import annotations

import math
import re

from compare.text import NUMBER_WORDS

# Digits with thousands commas, or plain digits, each with an optional decimal part. Possessive
# repeats: a long run is consumed once and never re-split.
NUM = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})++(?:\.\d++)?|\d++(?:\.\d++)?)"
_NUM_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# A number in digits or in words ("forty-one", "two hundred"); words start at a word boundary.
NUMBER = rf"(?:{NUM}|(?<![\w-])(?:{_NUM_WORDS})(?:[- ](?:{_NUM_WORDS}))?(?![\w]))"

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
MAG = r"(?:thousand|millions?|billions?|trillion|mln|mn|bn|tn|[kmb])\b"

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})++(?:\.\d++)?|\d++(?:\.\d++)?")


def parse_number(text: str) -> float | None:
    """'1,200' -> 1200, '1.2' -> 1.2, 'forty-one' -> 41, 'two hundred' -> 200."""
    text = text.strip().lower()
    if _DIGITS.fullmatch(text):
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


def tidy(value: float) -> float | int:
    """An integer where the value is whole (keys read "40000000000", not "40000000000.0")."""
    if not math.isfinite(value):
        return value  # a digit run too long for a float: kept, never compared as a count
    return int(value) if value == int(value) else round(value, 6)


# --- the interval a figure covers --------------------------------------------------------------

# Qualifiers and what they do to the stated interval. General English, not fitted on any event.
# "about 200" may be off either way by a share of the figure ...
APPROXIMATE_WORDS = ("about", "around", "roughly", "approximately", "some", "nearly", "almost", "close to")
# ... "more than 200" is open above ...
LOWER_BOUND_WORDS = ("more than", "over", "at least", "upwards of", "in excess of")
# ... and "up to 200" is open below (counts and sums are not negative).
UPPER_BOUND_WORDS = ("up to", "fewer than", "less than", "under", "as many as", "no more than")

# How far "about", "nearly" and the like widen a figure each way, as a share of it. Ten percent
# is the usual reading of "about" in copy-editing guides (and "nearly 200" for 185 is common);
# not tuned on any event.
APPROXIMATE_SHARE = 0.1

_QUALIFIER = re.compile(
    r"(?<![\w-])(?P<q>"
    + "|".join(w.replace(" ", r"\s+") for w in APPROXIMATE_WORDS + LOWER_BOUND_WORDS + UPPER_BOUND_WORDS)
    + r")(?:\s+an?)?\s+$",  # "at least a dozen"
    re.I,
)
# Characters before a figure searched for a qualifier ("approximately " is 14 with its space).
QUALIFIER_WINDOW = 24


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier right before position `start` ("more than"), folded to single spaces."""
    m = _QUALIFIER.search(text[max(0, start - QUALIFIER_WINDOW) : start])
    return " ".join(m.group("q").lower().split()) if m else None


# Whole numbers from this size on have their trailing zeros read as rounding: copy writes
# "12,000 troops" for a count nobody made to the unit, while "10 people died" or "150
# volunteers" are counts (small tolls and crews are reported exactly).
ROUNDED_FROM = 1000


def stated_step(number_text: str) -> float:
    """The rounding unit of a figure as written: '1.4' -> 0.1, '1.375' -> 0.001, '12' -> 1,
    '200' -> 1, '12,000' -> 1000 (see ROUNDED_FROM), 'five' -> 1."""
    text = number_text.strip().replace(",", "")
    if not text or not text[0].isdigit():
        return 1.0
    if "." in text:
        return float(10.0 ** -len(text.split(".", 1)[1]))
    if len(text) > len(str(ROUNDED_FROM)) + 15 or int(text) < ROUNDED_FROM:
        return 1.0  # small counts are exact; absurdly long digit runs are not worth rounding
    stripped = text.rstrip("0")
    zeros = len(text) - len(stripped) if stripped else 0
    return float(10.0**zeros)


def value_range(
    value: float, number_text: str, scale: float = 1.0, qualifier: str | None = None
) -> tuple[float, float]:
    """The interval the stated figure covers: half a rounding unit each way, widened by
    APPROXIMATE_SHARE for "about", opened above for "more than", opened below for "up to".

    '1.4' with scale 1e9 -> (1.35e9, 1.45e9); 'more than 6' -> (6, inf); 'up to 6' -> (0, 6).
    """
    half = stated_step(number_text) * scale / 2
    low, high = value - half, value + half
    if qualifier in LOWER_BOUND_WORDS:
        return (value, math.inf)
    if qualifier in UPPER_BOUND_WORDS:
        return (0.0, value)
    if qualifier in APPROXIMATE_WORDS:
        low, high = low - value * APPROXIMATE_SHARE, high + value * APPROXIMATE_SHARE
    return (max(0.0, low), high)


# Two figures written as the ends of a range ("$40m to $55m", "€2m-€3m", "between 10 and 15
# people", "estimates range from $4bn to $6bn", "two to five years") are one figure known within
# bounds. "to" or an unspaced hyphen or en dash joins the ends (a spaced dash is an aside: "cost
# $2m — $3m more than planned"); "and" only after "between". "from X to Y" is a change (the figure
# before and after) unless a range is named ("ranging from"); so is a figure after a verb of
# change ("shares fell $2.10 to $45.30"). General English.
_RANGE_DASH = re.compile(r"\s+to\s+|[-–]", re.I)
_RANGE_AND = re.compile(r"\s+and\s+", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
_FROM_BEFORE = re.compile(r"(?<!\brange )(?<!\branges )(?<!\branged )(?<!\branging )\bfrom\s+$", re.I)
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|dropped|drops|jumped|jumps|climbed|climbs|"
    r"slipped|slips|gained|gains|lost|loses|up|down|cut|cuts|raised|raises|lowered|lowers|"
    r"increased|increases|decreased|decreases)\s+(?:by\s+)?$",
    re.I,
)
# Characters before a range's low end read for "between", "from" or a verb of change.
RANGE_CUE_WINDOW = 20
# The high end of a range is at most this many times the low end: "$3-$4bn" is not $3 to $4
# billion, and "$2.10 to $45.30" is a change, not a range. An order of magnitude, as FLOOR_REACH
# (compare.link): a writer who means $50m does not write "$4m to $50m" as one estimate.
RANGE_MAX_RATIO = 10.0


def range_joint(sentence: str, low_start: int, low_end: int, high_start: int) -> bool:
    """Do the figures at [low_start, low_end) and from high_start read as one range's ends?"""
    cue = sentence[max(0, low_start - RANGE_CUE_WINDOW) : low_start]
    if _CHANGE_BEFORE.search(cue):
        return False
    dash = _RANGE_DASH.fullmatch(sentence, low_end, high_start) and not _FROM_BEFORE.search(cue)
    between = _RANGE_AND.fullmatch(sentence, low_end, high_start) and _BETWEEN_BEFORE.search(cue)
    return bool(dash or between)
