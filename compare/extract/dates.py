"""dates: absolute dates ("2023-03-05", "5 March 2023", "Mar. 5") and relative ones ("on
Wednesday", "last week", "next Tuesday"), resolved against the article's publication date.

A bare weekday points back in a past-tense clause ("was arrested on Monday") and forward in a
future one ("will be arraigned on Thursday", "is due to meet on Monday").
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re

from compare.extract.bounds import MAX_MENTIONS_PER_SENTENCE, Taken
from compare.model import Mention
from compare.text import NUMBER_WORDS, fold

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# (name, pattern, example). Digits are bounded ({1,2}, {4}) and start at a word boundary.
DATE_PATTERNS = (
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), "2023-03-05"),
    (
        "day-month-year",
        re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?\b"),
        "5 March 2023",
    ),
    (
        "month-day-year",
        re.compile(
            rf"\b(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:-\d{{1,2}})?(?:,\s+(?P<y>\d{{4}}))?\b"
        ),
        "March 5, 2023",
    ),
    ("month-year", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<y>\d{{4}})\b"), "February 2022"),
    (
        "in-month",
        re.compile(
            rf"\b(?:in|since|until|by|last|next|this|early|late|mid-?)\s+(?P<mon>{_MONTH})\b(?!\s+\d)"
        ),
        "in July",
    ),
    (
        "weekday",
        re.compile(rf"\b(?:(?P<dir>next|last|this coming|this past)\s+)?(?P<wd>{_WEEKDAY})\b", re.I),
        "on Wednesday",
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>today|yesterday|tomorrow|last (?:week|month|year|night)|"
            r"next (?:week|month|year)|(?:two|three|\d{1,3}) (?:days|weeks|months) ago)\b",
            re.I,
        ),
        "last week",
    ),
)

# Words that put a clause in the future: a weekday after them is the next such day. General
# English auxiliaries and scheduling words, not taken from any event ("plan" alone is not one:
# "presented the plan on Wednesday" is past).
FUTURE_MARKERS = frozenset("will shall won't would must due scheduled expected going".split())
# Prepositions of a deadline: "must appeal by Friday", "has until Monday to respond" look ahead
# unless the clause is in the past ("had fled by Friday"). General English.
DEADLINE_PREPOSITIONS = frozenset({"by", "until"})
# Two-word markers: "is set to meet", "plans to travel", "is to appear".
FUTURE_PAIRS = frozenset({("set", "to"), ("plans", "to"), ("plan", "to"), ("is", "to"), ("are", "to")})
# Words that end the clause a weekday belongs to when looking back for its tense.
_CLAUSE_BREAKS = frozenset("and but while after before when whereas".split())
# Temporal conjunctions whose clause, in the present tense, takes its time from the clause before
# it: "she will ask him when the committee meets on Thursday" is a future Thursday, as is
# "after the board meets on Monday". (General English grammar: a future-time subordinate clause
# is written in the present tense.)
TEMPORAL_SUBORDINATORS = frozenset("when after before until once".split())
# Auxiliaries that put a clause in the past; a word ending in "-ed" outside FUTURE_MARKERS is
# read as a past form too. The look back through a temporal subordinator stops at either.
PAST_MARKERS = frozenset("was were had did".split())
# Words of the clause looked at on each side of a weekday for its tense: enough for "is expected
# to be formally arraigned on", short enough to stay inside the clause.
TENSE_WINDOW = 8
# How many words the look back may read in all when it goes on through temporal subordinators
# into the clause they depend on ("she will ask him when the committee meets in the old town
# hall on" is 14): three clause windows.
LOOKBACK_WORDS = 3 * TENSE_WINDOW
# Words that tie a date to its clause without saying its tense ("On Monday, ...").
_DATE_PREPOSITIONS = frozenset("on by until from since this".split())
_WORD = re.compile(r"[\w'’]++|[,;:()\"“”]")


def parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", published[:64])
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def find_dates(
    sentence: str, published: dt.date | None, limit: int = MAX_MENTIONS_PER_SENTENCE
) -> list[tuple[int, int, Mention]]:
    found: list[tuple[int, int, Mention]] = []
    taken = Taken(len(sentence))
    for name, pattern, _example in DATE_PATTERNS:
        for m in pattern.finditer(sentence):
            if len(found) >= limit:
                return found
            if not taken.free(m.start(), m.end()):
                continue
            iso = _resolve(name, m, sentence, published)
            text = m.group(0)
            key = f"date:{iso}" if iso else f"date:{fold(text)}"
            mention = Mention(
                "date", text, key, {"date": iso, "text": text}, slot="date", start=m.start(), end=m.end()
            )
            taken.mark(m.start(), m.end())
            found.append((m.start(), m.end(), mention))
    return found


def _resolve(name: str, m: re.Match[str], sentence: str, published: dt.date | None) -> str | None:
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else (published.year if published else None)
    try:
        if name == "iso":
            return dt.date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat()
        if name in ("day-month-year", "month-day-year"):
            month = MONTHS[g["mon"].lower().rstrip(".")]
            return dt.date(year, month, int(g["d"])).isoformat() if year is not None else None
        if name == "month-year":
            return f"{int(g['y']):04d}-{MONTHS[g['mon'].lower().rstrip('.')]:02d}"
        if name == "in-month" and year is not None:
            return f"{year:04d}-{MONTHS[g['mon'].lower().rstrip('.')]:02d}"
        if name == "weekday" and published is not None:
            forward = _points_forward(g.get("dir"), sentence, m.start(), m.end())
            return weekday_date(published, WEEKDAYS[g["wd"].lower()], forward, g.get("dir")).isoformat()
        if name == "relative" and published is not None:
            return relative_date(g["rel"].lower(), published)
    except (ValueError, KeyError, OverflowError):
        return None
    return None


def weekday_date(published: dt.date, weekday: int, forward: bool, direction: str | None = None) -> dt.date:
    """The day a weekday names: the latest such day up to publication in the past, the next
    from publication on in the future ("next Tuesday" never means publication day itself)."""
    if forward:
        ahead = (weekday - published.weekday()) % 7
        if ahead == 0 and direction is not None and direction.lower() == "next":
            ahead = 7
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - weekday) % 7
    if back == 0 and direction is not None and direction.lower() in ("last", "this past"):
        back = 7
    return published - dt.timedelta(days=back)


def _points_forward(direction: str | None, sentence: str, start: int, end: int) -> bool:
    """Does this weekday lie ahead of publication? "next"/"this coming" say so; so does a
    deadline ("by Friday", "until Monday") in a clause not in the past; otherwise a future
    marker in its clause ("will", "would", "must", "is due to", "is set to") does, or, for a clause in
    the present tense opened by a temporal subordinator ("when the committee meets on Thursday"),
    a future marker in the clause it depends on."""
    if direction:
        return direction.lower() in ("next", "this coming")
    words = _clause_before(_WORD.findall(sentence[max(0, start - 12 * LOOKBACK_WORDS) : start]))
    if words and words[-1] in DEADLINE_PREPOSITIONS and not all(w in _DATE_PREPOSITIONS for w in words):
        return not any(_past(w) for w in words)  # a deadline: "would lodge an appeal by Friday"
    if all(w in _DATE_PREPOSITIONS for w in words):
        # The weekday opens its clause ("On Thursday, she will ..."): read the words after it.
        words = [fold(t) for t in _WORD.findall(sentence[end : end + 12 * TENSE_WINDOW])[:TENSE_WINDOW]]
    pairs = set(itertools.pairwise(words))
    return any(w in FUTURE_MARKERS or w.endswith("'ll") for w in words) or bool(pairs & FUTURE_PAIRS)


def _clause_before(tokens: list[str]) -> list[str]:
    """The folded words of the clause before a weekday, in reading order: back to a clause
    break, at most TENSE_WINDOW words; "and" inside a name ("Ways and Means") breaks
    nothing; a temporal subordinator after a present-tense clause lets the look go on into the
    clause before it (up to LOOKBACK_WORDS words, and not past a past-tense form there)."""
    words: list[str] = []
    budget = TENSE_WINDOW
    crossed = False
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        low = fold(token)
        if low in ',;:()"“”' or low in WEEKDAYS:
            break
        if (
            low == "and"
            and 0 < i < len(tokens) - 1
            and tokens[i - 1][:1].isupper()
            and tokens[i + 1][:1].isupper()
        ):
            continue  # "the House Ways and Means Committee"
        if low in _CLAUSE_BREAKS:
            if low in TEMPORAL_SUBORDINATORS and not any(_past(w) for w in words):
                crossed = True
                budget = LOOKBACK_WORDS
                continue
            break
        if crossed and _past(low):
            break
        words.append(low)
        if len(words) >= budget:
            break
    words.reverse()
    return words


def _past(word: str) -> bool:
    """A past-tense auxiliary, or a regular past form ("arrived"); not "expected"/"scheduled"."""
    return word in PAST_MARKERS or (len(word) > 3 and word.endswith("ed") and word not in FUTURE_MARKERS)


def relative_date(rel: str, published: dt.date) -> str | None:
    """'yesterday' -> the day before publication; weeks and months give the start of that span."""
    rel = " ".join(rel.split())
    if rel == "today":
        return published.isoformat()
    if rel in ("yesterday", "last night"):
        return (published - dt.timedelta(days=1)).isoformat()
    if rel == "tomorrow":
        return (published + dt.timedelta(days=1)).isoformat()
    if rel in ("last week", "next week"):  # the ISO week before (after) publication's
        shift = -7 if rel == "last week" else 7
        year, week, _ = (published + dt.timedelta(days=shift)).isocalendar()
        return f"{year}-W{week:02d}"
    if rel == "last month":
        return (published.replace(day=1) - dt.timedelta(days=1)).isoformat()[:7]
    if rel == "next month":
        return (published.replace(day=28) + dt.timedelta(days=4)).isoformat()[:7]
    if rel == "last year":
        return str(published.year - 1)
    if rel == "next year":
        return str(published.year + 1)
    m = re.fullmatch(r"(\w+) (days|weeks|months) ago", rel)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS.get(m.group(1), 0)
        days = n * {"days": 1, "weeks": 7, "months": 30}[m.group(2)]
        return (published - dt.timedelta(days=days)).isoformat()
    return None
