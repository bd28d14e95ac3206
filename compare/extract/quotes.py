"""quotes: quoted passages and who speaks them.

Quote spans are found by one left-to-right scan over the quote marks (no regular expression:
an opening quote without its closer cost seconds of backtracking per kilobyte, issue 13).

The speaker is the person the attribution names: "..., Quill said", "Quill said: ...",
"according to Quill". A pronoun ("he added") refers to the person a question was just put to
("Asked about the budget, Quill ...", "Quill was asked whether ...") or else to the most recent
speaker, the subject of a reporting verb, rather than to whoever was named last. "The minister"
refers to the person last named with that title.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from compare.extract.names import (
    APPOSITION,
    NAME,
    NAME_AFTER_ROLE,
    NOT_NAMES,
    SAY_VERBS,
    SAY_VERBS_INVERTED,
    SPEAKER_RUN,
    described,
    find_names,
    is_organisation,
    is_place,
    strip_titles,
)
from compare.text import fold

_DOUBLE_OPEN = '“"«„'
_DOUBLE_CLOSE = '”"»“'
# Shortest double-quoted passage taken as a quote, in characters, and in words for any quote:
# scare quotes ("Green Deal", 'red lines') are not quotes.
MIN_QUOTE_CHARS = 12
MIN_QUOTE_WORDS = 3


@dataclass(frozen=True)
class QuoteSpan:
    text: str
    start: int
    end: int
    speaker: str | None = None


def find_quote_spans(paragraph: str) -> list[QuoteSpan]:
    """Quoted passages of at least MIN_QUOTE_WORDS words, in reading order."""
    spans = _double_quotes(paragraph)
    covered = sorted((q.start, q.end) for q in spans)
    starts = [a for a, _ in covered]
    for q in _single_quotes(paragraph):
        i = bisect_right(starts, q.start) - 1
        if i >= 0 and covered[i][0] <= q.start < covered[i][1]:
            continue
        spans.append(q)
    return sorted(spans, key=lambda q: q.start)


_DOUBLE_MARK = re.compile('[“”"«»„]')
_SINGLE_MARK = re.compile("[‘’']")


def _double_quotes(text: str) -> list[QuoteSpan]:
    """Outlets mix “ with " in one quote, so any closing mark ends any opening one; an opening
    mark with no closer runs to the end of the paragraph (a quote continued in the next)."""
    marks = [m.start() for m in _DOUBLE_MARK.finditer(text)]
    spans: list[QuoteSpan] = []
    k = 0
    while k < len(marks):
        start = marks[k]
        if text[start] not in _DOUBLE_OPEN:
            k += 1
            continue
        nxt = marks[k + 1] if k + 1 < len(marks) else None
        inner_end = nxt if nxt is not None else len(text)
        closes = nxt is None or text[nxt] in _DOUBLE_CLOSE
        if closes:
            inner = text[start + 1 : inner_end].strip()
            if inner_end - start - 1 >= MIN_QUOTE_CHARS and len(inner.split()) >= MIN_QUOTE_WORDS:
                end = inner_end + 1 if nxt is not None else len(text)
                spans.append(QuoteSpan(inner, start, end))
            k += 2  # a pair too short to be a quote ("scare quotes") is still a pair
            continue
        k += 1
    return spans


def _single_quotes(text: str) -> list[QuoteSpan]:
    """'...' quotes: an opening mark not after a letter or digit, closed by the next mark not
    followed by a lower-case letter ("don't" and "'90s" inside are apostrophes), with at least
    MIN_QUOTE_WORDS spaces inside. Work is linear in the text: only the marks are visited, and
    spaces between marks are counted once."""
    marks = [m.start() for m in _SINGLE_MARK.finditer(text)]
    if len(marks) < 2:
        return []
    n = len(text)
    spaces_before: list[int] = []  # spaces in text[:mark]
    total, last = 0, 0
    for at in marks:
        total += text.count(" ", last, at)
        spaces_before.append(total)
        last = at
    closer = [text[at] != "‘" and not (at + 1 < n and text[at + 1].islower()) for at in marks]
    next_closer = [len(marks)] * (len(marks) + 1)  # index of the first closing mark after k
    for k in range(len(marks) - 1, -1, -1):
        next_closer[k] = k + 1 if k + 1 < len(marks) and closer[k + 1] else next_closer[k + 1]
    spans: list[QuoteSpan] = []
    k = 0
    while k < len(marks):
        at = marks[k]
        opens = (
            text[at] in "‘'"
            and (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"))
            and not (at + 1 < n and text[at + 1].isdigit())  # "'90s" is an apostrophe
        )
        j = next_closer[k]
        if opens and j < len(marks):
            end = marks[j]
            if spaces_before[j] - spaces_before[k] >= MIN_QUOTE_WORDS and not text[end - 1].isspace():
                inner = text[at + 1 : end].strip()
                if len(inner.split()) >= MIN_QUOTE_WORDS:
                    spans.append(QuoteSpan(inner, at, end + 1))
                    k = j + 1
                    continue
        k += 1
    return spans


# --- speakers ------------------------------------------------------------------------------------

_PRONOUNS = frozenset({"he", "she", "they"})
# Attributions that name no person: the speaker is left unknown rather than guessed.
_NOT_PERSONS = frozenset({"it", "we", "i", "you"})
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
_TITLE_PHRASE = r"\b[Tt]he(?:\s++[\w-]++){1,3}?"
# A word between a speaker and the verb is an adverb ("Quill also said", "she later told"), never
# a capitalised word (that belongs to the name).
_ADVERB = r"[a-z]\w*+"
# After a quote: ', Quill said' / ', said Quill' / ', he added' / ', the minister said'.
_AFTER_SPEAKER = re.compile(
    rf"\W{{0,3}}\s*+(?:{SAY_VERBS_INVERTED}\s++(?P<a>{NAME_AFTER_ROLE}|{_TITLE_PHRASE})\b|"
    rf"(?P<b>{_PRONOUN}|{SPEAKER_RUN}|{_TITLE_PHRASE})\s++(?:{_ADVERB}\s++)?{SAY_VERBS}\b)"
)
# Before a quote: 'Quill said: ' / 'Quill told reporters that ' / 'He added: ' / 'Quill, a
# lawyer for the class, said: '.
_BEFORE_SPEAKER = re.compile(
    rf"(?:(?P<s>{SPEAKER_RUN}|\b{_PRONOUN}|{_TITLE_PHRASE})\s++(?:{_ADVERB}\s++)?|(?P<n>{NAME})(?P<app>{APPOSITION})\s++)"
    rf"{SAY_VERBS}\b[^\"“”]{{0,40}}?[:,]?\s*+$"
)
# Verbs that put a quoted characterisation in their subject's mouth: 'Quill called the deal "a
# down payment"', 'Quill blasted the deal as "a down payment"'. The first kind takes the quote
# as the object's name, the second after "as". General English.
_NAMING_VERBS = r"(?:called|branded|dubbed|termed|labell?ed)"
_AS_VERBS = (
    r"(?:described|blasted|slammed|hailed|denounced|condemned|dismissed|derided|decried|praised|"
    r"critici[sz]ed|attacked|characteri[sz]ed|portrayed)"
)
_CHARACTERISED = re.compile(
    rf"(?P<s>{NAME}|\b{_PRONOUN})(?P<app>{APPOSITION})?\s++"
    rf"(?:{_NAMING_VERBS}\b[^\"“”.]{{0,40}}?|{_AS_VERBS}\b[^\"“”.]{{0,40}}?\bas)\s*+$"
)
_ACCORDING = re.compile(rf"\baccording to (?P<s>{NAME})")
# A question put to someone: the answer's pronoun refers to them.
_ASKED_NAME = re.compile(rf"\basked\s++(?P<s>{NAME})")
_NAME_ASKED = re.compile(rf"(?P<s>{NAME}|{_TITLE_PHRASE})\s++(?:was|were|is|had been|has been)\s++asked\b")
# After a quote: '"...?" he was asked' - the quote is a question put to that person.
_QUESTION_PUT = re.compile(
    rf"\W{{0,3}}\s*+(?P<s>{_PRONOUN}|{NAME}|{_TITLE_PHRASE})\s++(?:was|were)\s++asked\b"
)
# Before a quote: '... she was asked. "' - the quote goes on with the question.
_ASKED_TAIL = re.compile(r"\b(?:was|were)\s++asked\b[^\"“”]{0,40}$")
_QUESTION_TO = re.compile(rf"\bquestions?\s++(?:to|for)\s++(?P<s>{NAME})")
# The subject of a reporting verb, or of any verb in the past or present tense ("Quill
# reiterated", "the minister insists", "Quill, the firm's chief, will"): who a later "he added"
# most likely means.
_SUBJECT_BEFORE = re.compile(
    rf"(?P<s>{NAME}|{_TITLE_PHRASE})(?P<app>{APPOSITION})?\s++(?:{SAY_VERBS}|[a-z]{{1,30}}(?:ed|s)|will|would|had|has)\b"
)
# Words before a name that make it an object, not a subject ("with Quill", "to Quill").
_OBJECT_MARKERS = frozenset(
    "with to by of about for from against on at in into than between and met called told".split()
)
_SUBJECT_AFTER = re.compile(rf"\b{SAY_VERBS_INVERTED},?\s++(?P<s>{NAME_AFTER_ROLE})")
# Characters looked at after and before a quote for its attribution.
AFTER_WINDOW = 80
BEFORE_WINDOW = 120


# People looked back through for "the minister": the recent ones (bounds the work per lookup).
RECENT_PEOPLE = 64


@dataclass
class Speakers:
    """Who has been speaking so far in an article, in reading order.

    `person_names` are the article's people (see names.find_people); `people` those named so far
    outside quotes (name, title words), indexed by surname and first name; `speaker` the person
    of the latest reporting verb, verb subject or question, across paragraphs.
    """

    person_names: frozenset[str]
    people: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    by_surname: dict[str, str] = field(default_factory=dict)  # folded last word -> full name
    by_first: dict[str, str] = field(default_factory=dict)  # folded first word -> full name
    speaker: str | None = None
    named_set: set[str] = field(default_factory=set)

    def named(self, name: str, title: Sequence[str]) -> None:
        """A person named (outside quotes) in reading order."""
        self.people.append((name, tuple(title)))
        self.named_set.add(name)
        tokens = name.split()
        for key, table in ((fold(tokens[-1]), self.by_surname), (fold(tokens[0]), self.by_first)):
            known = table.get(key)
            if known is None or len(known.split()) <= len(tokens):
                table[key] = name

    def resolve(self, raw: str, pronoun_target: str | None = None) -> str | None:
        """A name as written, a pronoun, or "the minister" -> the person it refers to."""
        raw = raw.strip()
        low = raw.lower()
        if low in _NOT_PERSONS:
            return None
        if low in _PRONOUNS:
            return pronoun_target or self.speaker or (self.people[-1][0] if self.people else None)
        if low.startswith("the ") or low.startswith("the\n"):
            words = {fold(w).strip(".") for w in low[4:].replace("-", " ").split()}
            for name, title in reversed(self.people[-RECENT_PEOPLE:]):
                held = {fold(w).strip(".") for w in title}
                held |= {p for w in held for p in w.split("-")}
                if words & held:
                    return name
            return None
        spans = find_names(strip_titles(raw)) or find_names(raw)
        if not spans:
            return None
        name = spans[-1].text
        if fold(name) in _PRONOUNS or name in NOT_NAMES:
            return None
        tokens = name.split()
        # A surname or a first name alone is the full name known from the article, so a
        # speaker is never cut to "Ada" when "Ada Quill" was named.
        known = self.by_surname.get(fold(tokens[-1]))
        first = self.by_first.get(fold(tokens[0])) if len(tokens) == 1 else None
        if first is not None and len(first.split()) > 1 and (known is None or len(known.split()) == 1):
            return first  # "Wendell said" after "Wendell Okafor" was named
        if known is not None:
            return known if len(known) >= len(name) else name
        if name.isupper() or is_place(name) or is_organisation(name):
            return None  # "Nevada said", "the Canal Authority said": no person speaks
        return name


def _first_group(m: re.Match[str] | None) -> str | None:
    if m is None:
        return None
    return next((v for v in m.groupdict().values() if v), None)


def attribute(paragraph: str, quotes: Sequence[QuoteSpan], state: Speakers) -> list[QuoteSpan]:
    """Each quote of a paragraph with its speaker; `state` carries who spoke across paragraphs
    and is updated with the reporting verbs and questions of this paragraph."""
    events = _events(paragraph, quotes, state)
    positions = [at for at, _, _ in events]
    according = _ACCORDING.search(paragraph)
    according_who = state.resolve(according.group("s")) if according else None
    # No attribution next to a quote: the first name a reporting verb stands next to.
    first_sayer = next((who for _, kind, who in events if kind == "say"), None)
    out: list[QuoteSpan] = []
    asked: list[tuple[int, str]] = []  # questions quoted in this paragraph: (end, put to whom)
    for quote in quotes:
        # A pronoun refers to the latest question's addressee or verb's subject before the
        # quote in this paragraph, else to the article's latest speaker.
        k = bisect_right(positions, quote.start) - 1
        target = _pronoun_target(events, k, state)
        after = paragraph[quote.end : quote.end + AFTER_WINDOW]
        question = _QUESTION_PUT.match(after)
        if question:
            # '"...?" he was asked': the words are the questioner's; the answer that follows
            # is the addressee's.
            addressee = state.resolve(question.group("s"), pronoun_target=target)
            if addressee:
                asked.append((quote.end, addressee))
            out.append(QuoteSpan(quote.text, quote.start, quote.end, None))
            continue
        before = paragraph[max(0, quote.start - BEFORE_WINDOW) : quote.start]
        who: str | None = None
        nobody = False  # "it said", "the ministry said": attributed, but not to a person
        before_raw = None if _ASKED_TAIL.search(before) else _speaker_before(before)
        for raw in (_first_group(_AFTER_SPEAKER.match(after)), before_raw):
            if raw:
                who = state.resolve(raw, pronoun_target=asked[-1][1] if asked else target)
                nobody = who is None
                break
        if who is None and not nobody and not asked:
            # "Quill reiterated her view, saying: ..." - the clause's subject speaks. (After a
            # quoted question, an unattributed quote goes on with the question.)
            who = according_who or first_sayer or (events[k][2] if k >= 0 else None)
        out.append(QuoteSpan(quote.text, quote.start, quote.end, who))
    # Who speaks next: the latest reporting verb, question or quote of the paragraph; a verb's
    # subject only when the paragraph has none of those ("Quill reiterated ...").
    latest = [(at, who) for at, kind, who in events if kind != "subject"]
    latest += [(q.end, q.speaker) for q in out if q.speaker] + asked
    latest = latest or [(at, who) for at, _, who in events]
    if latest:
        state.speaker = max(latest, key=lambda e: e[0])[1]
    return out


def _speaker_before(before: str) -> str | None:
    """Who speaks the quote right after `before`: the subject of a reporting verb ('Quill, a
    lawyer, said: ') or of a verb that names the quote ('Quill called the deal ', 'Quill
    blasted the deal as ')."""
    for pattern in (_BEFORE_SPEAKER, _CHARACTERISED):
        m = pattern.search(before)
        if m is None:
            continue
        raw = m.group("s") or m.groupdict().get("n")
        if raw and described(before, m.start(), m.group("app")):
            return raw
    return None


def _pronoun_target(events: Sequence[tuple[int, str, str]], k: int, state: Speakers) -> str | None:
    """Whom "he added" means, given the paragraph's events up to index k: the latest person
    asked a question or named with a reporting verb, else the latest subject of any verb, else
    the article's latest speaker. Only the last RECENT_PEOPLE events are looked at."""
    for i in range(k, max(-1, k - RECENT_PEOPLE), -1):
        if events[i][1] in ("say", "asked"):
            return events[i][2]
    return events[k][2] if k >= 0 else state.speaker


def _events(paragraph: str, quotes: Sequence[QuoteSpan], state: Speakers) -> list[tuple[int, str, str]]:
    """Verbs' subjects ("Quill said", "Quill reiterated") and questions' addressees ("asked
    Quill", "Quill was asked") outside quotes, in reading order: (position, kind, person), kind
    "say" for a reporting verb. Each is whom a following "he added" refers to."""
    found: list[tuple[int, str, str]] = []
    starts = [q.start for q in quotes]
    for pattern, kind in (
        (_ASKED_NAME, "asked"),
        (_NAME_ASKED, "asked"),
        (_QUESTION_TO, "asked"),
        (_SUBJECT_BEFORE, "subject"),
        (_SUBJECT_AFTER, "say"),
    ):
        for m in pattern.finditer(paragraph):
            raw = m.group("s")
            if fold(raw) in _PRONOUNS or raw.endswith(("'s", "’s")):
                continue
            q = bisect_right(starts, m.start("s")) - 1
            if q >= 0 and quotes[q].start <= m.start("s") < quotes[q].end:
                continue  # named inside a quote: spoken about, not speaking
            this_kind = kind
            if pattern is _SUBJECT_BEFORE:
                before = paragraph[max(0, m.start("s") - 16) : m.start("s")].split()
                if before and fold(before[-1]).strip(",") in _OBJECT_MARKERS:
                    continue
                if not described(paragraph, m.start("s"), m.group("app")):
                    continue  # "Brenzago, northern Italy, ...": a place described
                if _SAYS.match(paragraph, m.end("app") if m.group("app") else m.end("s")):
                    this_kind = "say"
            who = state.resolve(raw)
            if who is not None and (who in state.person_names or who in state.named_set):
                found.append((m.start("s"), this_kind, who))
    found.sort(key=lambda e: e[0])
    return found


_SAYS = re.compile(rf"\s++{SAY_VERBS}\b")
