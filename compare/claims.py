"""claims: every sentence cut into the clauses that each state one thing.

A news sentence often carries two facts ("X declared Y, but Z have led opposition"), and outlets
report them apart; a whole sentence compared with a whole sentence links on whichever half
happens to match. A claim is one clause of a sentence with what the extractors found in it: its
figures, names and quoted words with their speaker. Facts are clusters of claims of different
articles (`compare.facts`); the evidence an editor reads is always the claim's whole sentence.

The splitter is deliberately plain: clauses are cut at joints that news copy uses between
independent statements (";", a dash, ", but", ", while" ...), a long opening phrase before the
first comma is a clause of its own when it carries a statement ("Ahead of the summit in Lisbon
on 17 October, ..."), and a clause longer than MAX_CLAIM_WORDS is cut again at a comma. A part is
only cut off when both sides keep MIN_CLAUSE_STEMS content words, so no fragment becomes a claim.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from compare.extract import ArticleMentions
from compare.model import Article, Mention
from compare.reporting import (
    ADD,
    ANNOUNCING_VERBS,
    NOTE,
    REPORT,
    SAY,
    SPEECH_VERBS,
    TELL,
    Verb,
    alternation,
    finite,
    gerunds,
)
from compare.text import content_stems, fold

# A clause is cut off only when it and the rest each keep at least this many content words:
# fewer is a fragment ("he said", "in July") that states nothing on its own.
MIN_CLAUSE_STEMS = 4
# Clauses longer than this many words are cut again at a comma: the claim model asks
# for claims of "at most ~25 words", about the length of one news statement.
MAX_CLAIM_WORDS = 25

# Joints between independent statements: ", but", ", while", "; ", a spaced dash.
_CLAUSE_JOINT = re.compile(r"(,\s+(?:but|while|whereas|although|though|and)\s+|;\s+|\s+(?:--|—|–|-)\s+)")
# A part that opens with a lowercase "or"/"nor" continues the clause before it ("X refused to back
# the call - or discuss the talks - during a briefing"): it has no subject of its own; so does a
# list or a role between dashes ("- including trips to A, B and C -", "- as 'staff outings'").
_CONTINUATION = re.compile(r"(?:or|nor|including|such as|as)\s")
# A long opening adverbial phrase ("Ahead of the transport ministers' meeting in Tallinn on 3
# March, ...") carries its setting as a statement of its own. Bounded repeats keep it linear.
_LEADING_PHRASE = re.compile(
    r"^((?:ahead of|after|before|despite|following|during|amid|since|at|in|on|with|as|when|"
    r"while|although|though|because)\b[^,;]{10,300}?),\s+(?=\S)",
    re.I,
)
# A short part that ends in a reporting verb ("the agency's chief Ana Silva said", "police
# confirmed", "officials told reporters") is the attribution of the statement beside it, not a
# statement: it stays with its neighbour. Any speaker will do, a person or a body, so the verbs of
# announcing and "reported" count too (`compare.reporting`).
ATTRIBUTION_VERBS: tuple[Verb, ...] = (*SPEECH_VERBS, *ANNOUNCING_VERBS, REPORT)
_ATTRIBUTION = re.compile(
    rf"^[^,;:]{{0,80}}?\b(?:{alternation(finite(ATTRIBUTION_VERBS))}|{alternation(TELL.finite)}(?:\s+\w+){{0,2}}|"
    r"according to [^,;:]{1,60})[.\s\"'”’]*$",
    re.I,
)
# What a part cut off at a comma must not open with: a relative pronoun, an inverted attribution
# (", said the minister", ", told reporters") or a participle that continues the same statement
# (", adding that ...", ", saying ...", ", noting ..."). Not the participles of other verbs: on
# MSRP's news sentences, ", warning that ..." and ", claiming ..." open parts that read well as
# claims of their own, and refusing those cuts moved them to a worse comma.
NO_SUBJECT_VERBS: tuple[Verb, ...] = (SAY, ADD, TELL)
NO_SUBJECT_PARTICIPLES: tuple[Verb, ...] = (ADD, SAY, NOTE)
_NO_SUBJECT = re.compile(
    rf"(?:which|who|whom|whose|{alternation(finite(NO_SUBJECT_VERBS))}|"
    rf"{alternation(gerunds(NO_SUBJECT_PARTICIPLES))}|according)\b",
    re.I,
)
# Commas where an over-long clause may be cut.
_COMMA = re.compile(r",\s+")
# Negation: a claim and its denial share every content word.
_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|without)\b|n['’]t\b", re.I)


@dataclass(frozen=True)
class Claim:
    """One clause of one sentence of one article, and what it carries."""

    article: str
    position: int  # the sentence's index among the article's sentences
    paragraph: int
    clause: int  # the clause's index within its sentence
    text: str  # the clause
    sentence: str  # the whole sentence: the evidence a reader checks
    mentions: tuple[Mention, ...]
    speaker: str | None  # who is quoted, when the clause carries quoted words
    negated: bool
    key: str  # content hash: orders ties without looking at file names

    @property
    def quoted(self) -> bool:
        return any(m.kind == "quote" for m in self.mentions)

    @property
    def values(self) -> tuple[Mention, ...]:
        """The figures the claim states: money, counts, shares and dates."""
        return tuple(m for m in self.mentions if m.kind in ("money", "quantity", "date"))


def split_claims(sentence: str) -> list[str]:
    """The sentence's clauses, in order (the whole sentence when it has no clear joint)."""
    clauses: list[str] = []
    for clause in _split_joints(sentence):
        clauses.extend(_split_long(clause))
    return clauses


def _enough(text: str) -> bool:
    return len(content_stems(text)) >= MIN_CLAUSE_STEMS and not _ATTRIBUTION.match(text)


def _split_joints(text: str) -> list[str]:
    lead = _LEADING_PHRASE.match(text)
    if lead and _enough(lead.group(1)) and _enough(text[lead.end() :]):
        return [lead.group(1), *_split_joints(text[lead.end() :])]
    pieces = _CLAUSE_JOINT.split(text)  # clause, joint, clause, joint, ...
    if len(pieces) < 3:
        return [text]
    clauses: list[str] = []
    joint = ""
    for n, piece in enumerate(pieces):
        if n % 2:
            joint = piece
            continue
        if not piece.strip():
            continue
        if clauses and (not _enough(piece) or not _enough(clauses[-1]) or _CONTINUATION.match(piece)):
            clauses[-1] = clauses[-1] + joint + piece  # glued back as the sentence has it
        else:
            clauses.append(piece)
    return clauses


def _split_long(clause: str) -> list[str]:
    """Cut a clause of more than MAX_CLAIM_WORDS words at the comma nearest its middle whose two
    sides both state something; repeat on each side. Never inside quoted words (a quote is one
    statement, told by one speaker) nor before a relative pronoun or a reporting verb (the right
    side would have no subject: "..., which says ...", "..., said the minister")."""
    if len(clause.split()) <= MAX_CLAIM_WORDS:
        return [clause]
    middle = len(clause) / 2
    cuts = sorted(_COMMA.finditer(clause), key=lambda m: abs(m.start() - middle))
    for cut in cuts:
        left, right = clause[: cut.start()], clause[cut.end() :]
        if _inside_quote(left) or _NO_SUBJECT.match(right):
            continue
        if _enough(left) and _enough(right):
            return _split_long(left) + _split_long(right)
    return [clause]


def _inside_quote(before: str) -> bool:
    """Is the end of `before` inside quoted words (a quotation opened and not yet closed)?"""
    return (
        before.count('"') % 2 == 1
        or before.count("“") > before.count("”")
        or (before.count("«") > before.count("»"))
    )


def _locate(sentence: str, clauses: Sequence[str]) -> list[tuple[int, int]]:
    """Character span of each clause in its sentence (clauses are cut from it in order)."""
    spans: list[tuple[int, int]] = []
    at = 0
    for clause in clauses:
        start = sentence.find(clause, at)
        if start < 0:  # rejoined with ", ": fall back to the previous end
            start = at
        end = min(len(sentence), start + len(clause))
        spans.append((start, end))
        at = end
    if spans:  # the last clause runs to the end of the sentence, the first from its start
        spans[0] = (0, spans[0][1])
        spans[-1] = (spans[-1][0], len(sentence))
    return spans


def _mention_start(sentence: str, mention: Mention) -> int:
    if mention.start >= 0:
        return mention.start
    found = sentence.find(mention.text)
    return found if found >= 0 else 0


def _article_fingerprint(article: Article) -> str:
    """A hash of the article's story text: two articles are told apart by what they say, never by
    their file names."""
    digest = hashlib.sha1()
    for paragraph in article.paragraphs:
        digest.update(paragraph.text.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()[:12]


def article_claims(article: Article, mentions: ArticleMentions) -> tuple[Claim, ...]:
    """Every claim of an article, in reading order."""
    fingerprint = _article_fingerprint(article)
    found: list[Claim] = []
    for position, sentence in enumerate(article.sentences):
        sentence_mentions = mentions.by_sentence[position]
        clauses = split_claims(sentence.text)
        spans = _locate(sentence.text, clauses)
        for index, (clause, (start, end)) in enumerate(zip(clauses, spans, strict=True)):
            own = tuple(
                m
                for m in sentence_mentions
                if m.kind == "quote" or start <= _mention_start(sentence.text, m) < end
            )
            speaker = next((m.speaker for m in own if m.kind == "quote" and m.speaker), None)
            key = hashlib.sha1(f"{fold(clause)}\x00{fingerprint}\x00{position}".encode()).hexdigest()[:16]
            found.append(
                Claim(
                    article=article.id,
                    position=position,
                    paragraph=sentence.paragraph,
                    clause=index,
                    text=clause.strip(),
                    sentence=sentence.text,
                    mentions=own,
                    speaker=speaker,
                    negated=bool(_NEGATION.search(clause)),
                    key=key,
                )
            )
    return tuple(found)
