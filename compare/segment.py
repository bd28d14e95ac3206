"""segment: text to lines (the cleaner's units), and paragraphs to sentences.

News files come in two layouts: paragraphs separated by blank lines, or one paragraph per line.
Both are read as one unit per line, except that a line broken inside a sentence (hard-wrapped
text: no end punctuation, the next line going on in lower case) is joined to the next.

Sentences end at . ! ? (and the closing quotes or brackets after them) when the next word starts
a sentence, except after abbreviations ("U.S.", "Gen.", "Oct."), initials and inside decimals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare.model import Paragraph, Sentence

# Words that end in a full stop without ending a sentence (compared lower-case, without dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt rep sen gov pres supt insp
    st mt ft jr sr co corp inc ltd bros no nos vol fig approx est dept univ assn
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    vs etc al cf ie eg e.g i.e u.s u.k u.n e.u a.m p.m ph.d""".split()
)
# Abbreviations that are also everyday words ("the answer was no.", "he told The Sun."): they
# only count as abbreviations when a number follows ("No. 10", "Nos. 3 and 4", "Sat. 19 Oct").
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "sat", "sun", "wed"})

_TERMINAL = ".!?"
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])")
_DIGIT_AHEAD = re.compile(r"\s*\d")
# Capital letters of the scripts news is written in (Latin with accents, Cyrillic).
UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ"
# The dateline that opens wire copy: the place in capitals, then after commas a state, a country
# or a date ("Ore.", "May 3"), the agency in brackets, and a dash: "LAGOS (Reuters) -",
# "MARLOW FALLS, Vt. (AP) —", "WASHINGTON, Jan. 5 (AFP) –". Shared with compare.attribution (which
# reads the agency from it) and compare.labels (which leaves it out of a row's label).
# The place part alone ("MARLOW FALLS, Vt.", "WASHINGTON, Jan. 5"), which a newspaper's dateline
# prints with no agency ("MARLOW FALLS —").
DATELINE_PLACE = rf"^[{UPPER}][{UPPER}' .-]{{1,40}}(?:,\s*[\w .]{{2,30}}){{0,2}}"
DATELINE_HEAD = rf"{DATELINE_PLACE}\s*\((?P<name>[\w .&-]{{2,40}})\)"
DATELINE = re.compile(rf"{DATELINE_HEAD}\s*[-–—]")
_DOTTED_ABBREVIATION = re.compile(r"(?:[a-z]\.)+[a-z]")
_LINE_END_PUNCT = re.compile(r"[.!?:;][\"'”’»)\]]*$|[\"”’]$")


@dataclass(frozen=True)
class Line:
    """A unit the cleaner classifies: one line, or hard-wrapped lines joined."""

    text: str
    after_blank: bool  # a blank line precedes it: it starts a new block


def ends_sentence(text: str) -> bool:
    """Does the line end the way story text ends (full stop, question, closing quote)?"""
    return bool(_LINE_END_PUNCT.search(text.rstrip()))


def split_lines(text: str) -> list[Line]:
    """Lines of the text, whitespace-collapsed; hard-wrapped sentences joined back together."""
    # Each unit is kept as its list of pieces and joined once at the end: joining piece by piece
    # copies the unit so far for every wrapped line, quadratic in a long hard-wrapped paragraph.
    units: list[tuple[list[str], bool]] = []
    after_blank = True
    previous_open = False  # the last kept line stopped mid-sentence
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            after_blank = True
            previous_open = False
            continue
        if previous_open and not after_blank and line[:1].islower() and units:
            units[-1][0].append(line)
        else:
            units.append(([line], after_blank))
        previous_open = not ends_sentence(line) and len(line) > 40
        after_blank = False
    return [Line(" ".join(pieces), blank) for pieces, blank in units]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in a paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    # The full stops of an opening dateline ("MARLOW FALLS, Vt. (AP) —") end no sentence: cut
    # there, the dateline's agency would open the story's first sentence ("(AP) — A storm ...").
    dateline = DATELINE.match(text)
    opening = dateline.end() if dateline else 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.start() < opening or _is_abbreviation(text, match.start()):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at `dot` part of an abbreviation or an initial, not a sentence end?"""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "\"'“‘(":
        word_start -= 1
    word = text[word_start:dot].lower()
    if not word:
        return False
    if word in NUMBER_ABBREVIATIONS:
        return bool(_DIGIT_AHEAD.match(text, dot + 1))  # no slice: that copies the rest per dot
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return True
    # dotted abbreviations such as "U.S" or "a.m" (the final dot is the one we are looking at)
    return bool(_DOTTED_ABBREVIATION.fullmatch(word))


def make_paragraphs(texts: list[str]) -> tuple[Paragraph, ...]:
    """Number the kept paragraphs from 0 and split each into sentences."""
    paragraphs = []
    for index, text in enumerate(texts):
        sentences = tuple(
            Sentence(text=text[a:b], paragraph=index, start=a, end=b) for a, b in split_sentences(text)
        )
        paragraphs.append(Paragraph(index=index, text=text, sentences=sentences))
    return tuple(paragraphs)
