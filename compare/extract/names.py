"""names: capitalised name spans, what each one is (person, organisation, place), and one
canonical form per person across articles (`EntityIndex`).

A name is a person on evidence from the article: a title before it ("Sen. Ada Quill", "the
canal inspector Ivo Brandt"), a reporting verb after it ("Quill said"), or a surname later used
alone. It is not a person when it is a place (GeoNames data: countries, US states, cities of
100,000 people or more, or a compass word before one: "South Carolina"), an organisation (an
institution word such as "House", "Ministry", "Democrats"; an acronym) or a title alone
("Justice"). Nothing here is a list of people from any story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz

from compare.extract.dates import MONTHS, WEEKDAYS
from compare.model import EntityType
from compare.reporting import (
    CHANNEL_VERBS,
    CONTINUE,
    REQUEST_VERBS,
    SPEECH_VERBS,
    TELL,
    Verb,
    alternation,
    finite,
)
from compare.text import NUMBER_WORDS, STOPWORDS, fold

# A capitalised word; the look-behind starts one only at a word's first letter and the
# possessive repeat reads a 20,000-letter word once.
NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*+"
CAP = rf"(?<![\w'’.-]){NAME_WORD}"
# Longest name span in words: "Maria del Carmen de la Vega" has six; longer runs of capitals
# are headlines or tables and are cut into spans of this size.
MAX_NAME_WORDS = 6
_PARTICLES = "of|de|del|van|von|der|al|bin|la|le|du|the"
_NAME = re.compile(rf"{CAP}(?:\s++(?:(?:{_PARTICLES})\s++)?{NAME_WORD}){{0,{MAX_NAME_WORDS - 1}}}")
# A name of one to four words, for "NAME said" and "said NAME".
NAME = rf"{CAP}(?:\s++{NAME_WORD}){{0,3}}"
# A speaker as a run of capitals before a reporting verb, with the organisation and title that
# may stand in front of the name: "Harbourline Chief Executive Ada Quill said" (organisation,
# two title words, two names: five); MAX_NAME_WORDS allows a longer name or title.
SPEAKER_RUN = rf"{CAP}(?:\s++{NAME_WORD}){{0,{MAX_NAME_WORDS - 1}}}"

# Reporting verbs that attribute words to whoever stands next to them: the shared speech verbs,
# "continued" (read beside a quote), and those of a request or of the channel ("asked", "urged",
# "tweeted", "spoke"), which name a speaker too. Not the verbs of announcing or publishing, whose
# subject is as often an institution ("the ministry announced"). See `compare.reporting`.
SPEAKER_VERBS: tuple[Verb, ...] = (*SPEECH_VERBS, CONTINUE, *REQUEST_VERBS, *CHANNEL_VERBS)
_SAY_VERB_WORDS = alternation(finite(SPEAKER_VERBS))
SAY_VERBS = rf"(?:{_SAY_VERB_WORDS}|{alternation(TELL.finite)}(?: \w+)?)"
# Reporting verbs that may stand before their subject ('"...," said Quill'). Not "told": the name
# after "told" is the listener ("she told The Courier"), never the speaker.
SAY_VERBS_INVERTED = _SAY_VERB_WORDS

# Corporate and government titles that are also common nouns in capitalised phrases ("Executive
# Order", "the Executive Branch"): titles only before a full name of at least
# FULL_NAME_WORDS words ("Chief Executive Ada Quill", "Treasurer Ivo Brandt"). General news
# usage.
FULL_NAME_TITLE_WORDS = frozenset(
    """executive manager chairperson treasurer administrator comptroller controller counsel
    solicitor auditor registrar""".split()
)
# A first name and a surname.
FULL_NAME_WORDS = 2
# Title words: a person named right after one of these is a person; a later "the minister"
# refers to whoever was named with that title. General news usage (offices, ranks, honorifics).
TITLE_WORDS = FULL_NAME_TITLE_WORDS | frozenset(
    """president vice-president minister secretary secretary-general general chief spokesperson
    spokesman spokeswoman director ambassador chancellor governor mayor senator leader head
    commissioner chairman chairwoman chair ceo cfo coo boss commander officer premier king queen prince
    princess pope mr mrs ms mx miss dr prof professor judge justice prosecutor sheriff captain
    colonel sergeant inspector detective lieutenant admiral rep representative congressman
    congresswoman congressperson sen gov lt gen col sgt capt cmdr adm det insp supt
    superintendent speaker envoy lawmaker councillor councilman councilwoman deputy attorney
    sir dame lord lady rabbi imam bishop archbishop cardinal sheikh emir sultan coach
    founder economist analyst""".split()
)
# Titles that name the same office, so that "Rep. Ada Quill", "Representative Ada Quill" and
# "Congresswoman Quill" are one person even when another Quill is in the story. Honorifics
# (Mr, Ms, Dr ...) are in no family: they agree with any title.
TITLE_FAMILIES = {
    **dict.fromkeys(
        ("rep", "representative", "congressman", "congresswoman", "congressperson", "lawmaker"), "legislator"
    ),
    **dict.fromkeys(("sen", "senator"), "senator"),
    **dict.fromkeys(("gov", "governor"), "governor"),
    **dict.fromkeys(("president", "vice-president"), "president"),
    **dict.fromkeys(("gen", "general"), "general"),
    **dict.fromkeys(("lt", "lieutenant"), "lieutenant"),
    **dict.fromkeys(("col", "colonel"), "colonel"),
    **dict.fromkeys(("sgt", "sergeant"), "sergeant"),
    **dict.fromkeys(("capt", "captain"), "captain"),
    **dict.fromkeys(("adm", "admiral"), "admiral"),
    **dict.fromkeys(("det", "detective"), "detective"),
    **dict.fromkeys(("prof", "professor"), "professor"),
    **dict.fromkeys(("judge", "justice"), "judge"),
    **dict.fromkeys(("minister", "premier"), "minister"),
    **dict.fromkeys(("spokesperson", "spokesman", "spokeswoman"), "spokesperson"),
}

# Words that make a name an institution or a group of people, not a person ("White House",
# "the Coast Guard", "House Democrats"). General news vocabulary.
ORG_WORDS = frozenset(
    """house council ministry commission office bank police service services government department
    agency brigade court parliament party union association committee authority authorities
    company group corporation institute university hospital army forces guard press news times
    post airport port station senate congress assembly administration navy church federation
    foundation league club bureau board fund trust inc ltd plc llc corp co council
    democrats republicans democrat republican conservatives liberals tories socialists greens
    """.split()
)
# Compass and size words before a place that still name a place ("South Carolina", "Greater
# Manchester", "Northern Ireland").
PLACE_PREFIXES = frozenset(
    "north south east west northern southern eastern western central upper lower greater new".split()
)
# Short forms of places common in English news copy (general knowledge).
PLACE_ABBREVIATIONS = frozenset("us u.s u.s. usa u.s.a uk u.k u.k. uae".split())

# Capitalised words that open sentences but name nobody: function words, months, days, number
# words, and openers common in news copy. Participles and "-ing" forms ("Asked", "Speaking") are
# caught by _is_opener rather than listed.
NOT_NAMES = (
    frozenset(w.capitalize() for w in STOPWORDS)
    | {m.capitalize() for m in MONTHS}
    | {d.capitalize() for d in WEEKDAYS}
    | {w.capitalize() for w in NUMBER_WORDS}
    | {"Despite", "Ahead", "Another", "Elsewhere", "Early", "Meanwhile", "Several", "It", "This", "That"}
)


@cache
def places() -> frozenset[str]:
    """Folded place names (see data/build_places.py), read once on first use."""
    text = resources.files("compare.extract.data").joinpath("places.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@cache
def person_nouns() -> frozenset[str]:
    """Common nouns naming a kind of person ("grandmother", "nurse"; WordNet, see
    data/build_person_nouns.py), read once on first use."""
    text = resources.files("compare.extract.data").joinpath("person_nouns.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_place(name: str) -> bool:
    """A country, continent, US state or large city, or one with a compass word before it."""
    folded = fold(name).strip(".,'’ ")
    if folded in PLACE_ABBREVIATIONS or folded in places():
        return True
    first, _, rest = folded.partition(" ")
    return bool(rest) and first in PLACE_PREFIXES and rest in places()


def is_organisation(name: str) -> bool:
    """An institution word anywhere in the name, or an acronym ("the Canal Authority",
    "Senate Republicans", "UNHCR"); places written in capitals ("UK") are places."""
    tokens = name.split()
    if any(fold(t).strip(".,'’") in ORG_WORDS for t in tokens):
        return True
    return any(_is_acronym(t) for t in tokens) and not is_place(name)


# An acronym with a lower-case "s": a plural ("CEOs", "MPs") or a headline verb ("OKs").
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


def _is_acronym(token: str) -> bool:
    letters = token.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


def _is_title(token: str) -> bool:
    return fold(token).strip(".,") in TITLE_WORDS


def _titles_name(tokens: Sequence[str], i: int) -> bool:
    """Is tokens[i] a title of the name after it? A word of FULL_NAME_TITLE_WORDS only when a
    full name follows ("Executive Ada Quill", not "Executive Order")."""
    if not _is_title(tokens[i]):
        return False
    if fold(tokens[i]).strip(".,") in FULL_NAME_TITLE_WORDS:
        return len(tokens) - i - 1 >= FULL_NAME_WORDS
    return True


def _is_opener(token: str, at_sentence_start: bool) -> bool:
    """A word that opens a sentence without naming anyone; at the very start of a sentence a
    participle or gerund ("Asked about", "Speaking on") counts too (mid-sentence, "Ahmed" or
    "Channing" are names)."""
    if token in NOT_NAMES:
        return True
    low = token.lower()
    return at_sentence_start and len(low) > 4 and low.endswith(("ing", "ed")) and token[1:].islower()


@dataclass(frozen=True)
class NameSpan:
    text: str
    start: int
    end: int
    title: tuple[str, ...]  # the title words right before the name ("Canal", "Inspector")
    initial: bool = False  # a single capitalised word starting the sentence: maybe not a name


def find_names(sentence: str) -> list[NameSpan]:
    """Capitalised spans, with their leading title words split off."""
    spans: list[NameSpan] = []
    for m in _NAME.finditer(sentence):
        span = _name_span(sentence, m)
        if span is not None:
            spans.append(span)
    return spans


def _name_span(sentence: str, m: re.Match[str]) -> NameSpan | None:
    tokens = m.group(0).split()
    for i, token in enumerate(tokens):  # a possessive ends a name: "Norway's Western"
        if token.endswith(("'s", "’s")) and i < len(tokens) - 1:
            tokens = tokens[: i + 1]
            break
    title: list[str] = []
    # Split leading title words after the last one ("Canal Inspector Ivo Brandt" -> title +
    # name); a span that is all title ("Deputy Secretary General") names nobody.
    if all(_is_title(t) for t in tokens):
        return None  # "Chief Executive", "Deputy Secretary General": a title alone names nobody
    marks = [i for i in range(len(tokens)) if _titles_name(tokens, i)]
    if marks:
        if marks[-1] == len(tokens) - 1:
            return None
        title, tokens = tokens[: marks[-1] + 1], tokens[marks[-1] + 1 :]
        if fold(tokens[0]) in ("of", "for", "de", "du"):
            return None  # "Minister of Fisheries": the title goes on, no name follows
    elif len(tokens) >= 3 and _is_acronym(tokens[0]) and not any(_is_acronym(t) for t in tokens[1:]):
        title, tokens = tokens[:1], tokens[1:]  # "UNHCR Ada Quill": an org before a name
    else:
        orgs = [i for i, t in enumerate(tokens[:-2]) if fold(t) in ORG_WORDS]
        if orgs:  # "the Reserve Bank Ada Quill": an institution, then a name
            title, tokens = tokens[: orgs[-1] + 1], tokens[orgs[-1] + 1 :]
    if not title and m.start() == 0 and len(tokens) > FULL_NAME_WORDS and fold(tokens[0]) in person_nouns():
        # "Grandmother Ada Quill, 71, ...": at the start of a sentence a capitalised noun
        # naming a kind of person describes the full name after it.
        title, tokens = tokens[:1], tokens[1:]
    if not title:
        before = sentence[max(0, m.start() - 30) : m.start()].split()
        if before and _is_title(before[-1]):
            title = [before[-1]]  # "canal inspector Ivo Brandt", "minister Ada Q."
    at_start = m.start() == 0 and not title
    while tokens and (_is_opener(tokens[0], at_start) or fold(tokens[0]) in STOPWORDS):
        at_start = False
        tokens.pop(0)
    while tokens and fold(tokens[-1]) in STOPWORDS:
        tokens.pop()
    if not tokens:
        return None
    text = " ".join(tokens).removesuffix("'s").removesuffix("’s").rstrip(".'’")
    if len(text) < 2 or text in NOT_NAMES or (text.isupper() and len(text) > 5):
        return None
    if all(len(t.strip(".")) <= 1 for t in text.split()):
        return None  # initials alone ("A. B.") name nobody we can tell apart
    if any(_ACRONYM_PLURAL.fullmatch(t) for t in text.split()):
        return None  # "Judge OKs $2bn deal", "CEOs": an acronym's plural or verb is no name
    initial = len(tokens) == 1 and m.start() == 0 and not title
    begin = sentence.find(text, m.start(), m.end() + 1)
    if begin < 0:
        begin = m.start()
    return NameSpan(text, begin, begin + len(text), tuple(title), initial)


# A description set off by commas between a name and its verb: "Ada Quill, a lead lawyer for
# the class, said"; "Ada Quill, D-Ohio, whose district includes 300,000 members, said". At most
# APPOSITION_PARTS comma-separated parts of at most APPOSITION_CHARS characters each (a number
# with a thousands comma is two parts), never across a sentence end or a quote.
APPOSITION_PARTS = 3
APPOSITION_CHARS = 60
APPOSITION = rf"(?:(?:,\s*+[^,.;:!?()\"“”\n]{{1,{APPOSITION_CHARS}}}+){{1,{APPOSITION_PARTS}}},)"
# Lower-case title words, as a pattern ("boss", "chief executive").
_ROLE = "|".join(sorted(TITLE_WORDS, key=len, reverse=True))
# A name after a reporting verb, with the organisation and role that may stand before it:
# "insisted Acme boss Ivo Brandt", "said Acme chief executive Ada Quill".
NAME_AFTER_ROLE = rf"(?:{CAP}(?:\s++{NAME_WORD}){{0,2}}\s++(?:{_ROLE})(?:\s++(?:{_ROLE})){{0,2}}\s++)?{NAME}"
# An age in commas after a name: "Ada Quill, 71, of Linz".
AGE_APPOSITION = re.compile(rf"(?P<name>{NAME}),\s++\d{{1,3}},")

# Words before a name that make it the object of a preposition, not a subject ("locals in
# Brenzago, northern Italy, told ..."). General English.
PREPOSITIONS = frozenset("in at on of from to into near by with for about against outside inside".split())


def described(text: str, name_start: int, apposition: str | None) -> bool:
    """Can the name at `name_start`, with the `apposition` after it, be the subject of the verb
    that follows? Not when it is a preposition's object, nor when the apposition names a place
    ("Leeds, England, ...": a place, not a person, is being described)."""
    if not apposition:
        return True
    before = text[max(0, name_start - 16) : name_start].split()
    if before and fold(before[-1]).strip(",") in PREPOSITIONS:
        return False
    first_part = apposition.strip(", ").split(",")[0]
    return not is_place(first_part)


# "Ada Quill said", "said Ada Quill": the name next to a reporting verb.
SUBJECT_BEFORE_VERB = re.compile(rf"(?P<name>{NAME})(?P<app>{APPOSITION})?\s++{SAY_VERBS}\b")
SUBJECT_AFTER_VERB = re.compile(rf"\b{SAY_VERBS_INVERTED},?\s++(?P<name>{NAME_AFTER_ROLE})")


def reporting_subjects(text: str) -> set[str]:
    """Last words of the names standing before or after a reporting verb, or before an age in
    commas ("Ada Quill, 71,": only people have ages)."""
    found = set()
    for pattern in (SUBJECT_BEFORE_VERB, SUBJECT_AFTER_VERB, AGE_APPOSITION):
        for m in pattern.finditer(text):
            if pattern is SUBJECT_BEFORE_VERB and not described(text, m.start(), m.group("app")):
                continue
            found.add(m.group("name").split()[-1].rstrip(".,'’"))
    return found


def find_people(spans: Sequence[NameSpan], text: str) -> set[str]:
    """Which names in an article are people: named with a title, the subject of a reporting
    verb, or a two- or three-word name whose last word is also used alone (a surname); never
    a place, an organisation or a title alone."""
    subjects = reporting_subjects(text)
    singles = {s.text for s in spans if len(s.text.split()) == 1}
    # A capitalised word seen only at the start of sentences ("Locals said ...") is a common
    # word, not a name, unless a full name ends with it.
    mid_sentence = {s.text for s in spans if not s.initial}
    surnames = {s.text.split()[-1] for s in spans if len(s.text.split()) > 1}
    people: set[str] = set()
    for span in spans:
        tokens = span.text.split()
        if is_organisation(span.text) or any(_is_title(t) for t in tokens):
            continue
        titled = any(_is_title(t) for t in span.title)
        if titled:
            people.add(span.text)
            continue
        if is_place(span.text):
            continue
        if span.initial and span.text not in mid_sentence and span.text not in surnames:
            continue
        if tokens[-1] in subjects or (2 <= len(tokens) <= 3 and tokens[-1] in singles):
            people.add(span.text)
    return people


def entity_type(name: str, people: Iterable[str] | set[str]) -> EntityType | None:
    """What a name is in its article: a person (see find_people), else a place or an
    organisation where the name says so, else None."""
    if name in people:
        return "person"
    if is_place(name):
        return "place"
    if is_organisation(name):
        return "organisation"
    return None


def title_families(titles: Iterable[str]) -> frozenset[str]:
    """The offices a set of title words names ("Rep." and "Congressman" -> {"legislator"})."""
    return frozenset(TITLE_FAMILIES[f] for t in titles if (f := fold(t).strip(".,")) in TITLE_FAMILIES)


def strip_titles(name: str) -> str:
    """'Rep. Ada Quill' -> 'Ada Quill': title words in front of a name are not part of it."""
    tokens = name.split()
    while len(tokens) > 1 and _titles_name(tokens, 0):
        tokens.pop(0)
    return " ".join(tokens)


# Spellings of one sound across Latin transliterations and national spellings: "x"/"ks"
# (Aleksandr/Alexander), "ph"/"f", "w"/"v" (German and Polish w, Cyrillic в), "b"/"v" (Greek β,
# Spanish b and v), "ck"/"q"/"c"/"k". General orthography, not taken from any article.
SOUND_SPELLINGS = (("x", "ks"), ("ph", "f"), ("w", "v"), ("b", "v"), ("ck", "k"), ("q", "k"), ("c", "k"))


def sounds(word: str) -> str:
    """A folded word with the spellings of one sound merged (SOUND_SPELLINGS)."""
    word = fold(word)
    for a, b in SOUND_SPELLINGS:
        word = word.replace(a, b)
    return word


def skeleton(first_name: str) -> str:
    """Consonants of a folded first name, doubled letters and spellings of one sound merged:
    transliterations of one name meet ('aleksandr'/'alexander', 'dmitri'/'dmitry'), different
    names do not ('john'/'jane', 'mark'/'mary')."""
    word = sounds(first_name)
    out: list[str] = []
    for ch in word:
        if ch in "aeiouy" or not ch.isalpha():
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


class EntityIndex:
    """Canonical names across all articles: spelling variants, title variants and short forms
    merged.

    "Quill" joins "Ada Quill"; "Kovalenko" and "Kovalenkko" differ by a transliteration-sized
    edit; "Aleksandr Petrov" and "Alexander Petrov" share a surname and a first name's consonants.
    Titles in front of names are dropped; where a surname alone could be two people, the title
    family decides ("Congresswoman Quill" is the Quill named "Rep." elsewhere). The canonical
    form is the longest full name seen most often.
    """

    # Two folded surnames this similar (rapidfuzz ratio) are one name spelt two ways.
    SPELLING_RATIO = 85.0
    # With the very same first name, surnames this similar are one person transliterated two
    # ways (two transliterations of one Kazakh surname score 78; unrelated surnames of one
    # length about 40).
    TRANSLITERATION_RATIO = 75.0
    # Full names compared with each new name per bucket: keeps a flood of look-alike names
    # (a hostile file) linear; real stories have a handful of people per surname prefix.
    MAX_CANDIDATES = 64

    def __init__(self, names: Iterable[str], titles: Mapping[str, Iterable[str]] | None = None) -> None:
        counts: dict[str, int] = {}
        raw_of: dict[str, list[str]] = {}
        for raw in names:
            n = strip_titles(raw)
            counts[n] = counts.get(n, 0) + 1
            raw_of.setdefault(n, []).append(raw)
        families: dict[str, frozenset[str]] = {}
        for n, raws in raw_of.items():
            words_ = [w for r in raws for w in r.split()[:-1]] + list((titles or {}).get(n, ()))
            for r in raws:
                words_ += list((titles or {}).get(r, ()))
            families[n] = title_families(words_)
        ordered = sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n))
        self._canonical: dict[str, str] = {}
        self._families = families
        # Every name seen so far, by bucket: a short or variant form can only be the same as a
        # name whose surname shares its first letters, or whose first name is the same (see
        # _same), so each name is compared with the names of its buckets only.
        buckets: dict[str, list[str]] = {}
        for name in ordered:
            keys = self._buckets(name)
            matches = [
                self._canonical[seen]
                for key in keys
                for seen in buckets.get(key, ())[: self.MAX_CANDIDATES]
                if self._same(name, seen)
            ]
            target = self._choose(name, list(dict.fromkeys(matches)))
            if target is None and len(name.split()) == 1:
                # A first name alone ("Wendell said") is the one full name it starts, if only
                # one does: a speaker is never cut to a first name.
                firsts = {self._canonical[seen] for seen in buckets.get("first:" + fold(name), [])}
                target = firsts.pop() if len(firsts) == 1 else None
            self._canonical[name] = target if target is not None else name
            for key in keys:
                buckets.setdefault(key, []).append(name)
        for n, raws in raw_of.items():
            for r in raws:
                self._canonical.setdefault(r, self._canonical[n])

    def _choose(self, name: str, matches: list[str]) -> str | None:
        """The full name a shorter form belongs to: the first match (longest, most often seen)
        unless a match holds the same office as the short form and the first does not."""
        if not matches:
            return None
        mine = self._families.get(name, frozenset())
        if mine:
            for full in matches:
                if self._families.get(full, frozenset()) & mine:
                    return full
        return matches[0]

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
            # on ("Zhukova" / "Jukova"), and in letters that spell one sound ("Vasiliev" /
            # "Basiliev", compared with SOUND_SPELLINGS merged).
            return min(len(last_a), len(last_b)) >= 5 and (
                max(fuzz.ratio(last_a, last_b), fuzz.ratio(sounds(last_a), sounds(last_b)))
                >= self.TRANSLITERATION_RATIO
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
        # Both have first names: they must agree, allowing spelling and transliteration
        # ("Aleksandr"/"Alexander", "Yevgeny"/"Evgeny"), or an initial.
        skel_a, skel_b = skeleton(a[0]), skeleton(b[0])
        return (
            a[0] == b[0]
            or fuzz.ratio(a[0], b[0]) >= self.SPELLING_RATIO
            or (a[0][0] == b[0][0] and len(a[0].strip(".")) <= 2)
            or (len(skel_a) >= 3 and skel_a == skel_b)
        )

    def canonical(self, name: str) -> str:
        return self._canonical.get(name, self._canonical.get(strip_titles(name), name))
