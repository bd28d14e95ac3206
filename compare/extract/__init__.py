"""extract: the checkable things in each sentence of an article, one module per kind.

- `money`: a currency sign, code or word with a number ("€25bn" = "25 billion euros");
- `quantities`: counts of things, shares, tolls and vague counts ("12,000 troops", "4.5%");
- `dates`: absolute and relative dates resolved against the publication date;
- `names`: capitalised names, which of them are people, places or organisations, and one
  canonical form per person across articles (`EntityIndex`);
- `quotes`: quoted passages and their speakers.

Money, counts and shares carry the interval their figure covers (`Mention.range`), every mention
its offsets in the sentence (`Mention.start`, `Mention.end`). Everything is rules and tables;
nothing is looked up on the network. Work and output grow linearly with the text (see `bounds`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from compare.extract.bounds import MAX_MENTIONS_PER_SENTENCE
from compare.extract.dates import DATE_PATTERNS, find_dates, parse_published
from compare.extract.money import MONEY_PATTERNS, find_money, format_money
from compare.extract.names import (
    SAY_VERBS,
    TITLE_WORDS,
    EntityIndex,
    NameSpan,
    entity_type,
    find_names,
    find_people,
)
from compare.extract.numbers import parse_number, value_range
from compare.extract.quantities import VAGUE_COUNTS, find_quantities
from compare.extract.quotes import QuoteSpan, Speakers, attribute, find_quote_spans
from compare.model import Article, Mention, Paragraph
from compare.text import fold

__all__ = [
    "DATE_PATTERNS",
    "MAX_MENTIONS_PER_SENTENCE",
    "MONEY_PATTERNS",
    "SAY_VERBS",
    "TITLE_WORDS",
    "VAGUE_COUNTS",
    "ArticleMentions",
    "EntityIndex",
    "NameSpan",
    "QuoteSpan",
    "build_entity_index",
    "extract_article",
    "find_dates",
    "find_money",
    "find_names",
    "find_people",
    "find_quantities",
    "find_quote_spans",
    "format_money",
    "parse_number",
    "value_range",
]

_QUOTE_MARKS = "\"”»’'“«‘"


@dataclass(frozen=True)
class ArticleMentions:
    """Mentions per sentence (in article order), and the raw names the article uses."""

    article: Article
    by_sentence: tuple[tuple[Mention, ...], ...]
    names: tuple[str, ...]
    people: frozenset[str] = frozenset()  # the names that are people (see find_people)
    # Title words each person was named with ("Ada Quill" -> ("rep", "congresswoman")), for
    # EntityIndex to tell two people of one surname apart.
    titles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Positions of the sentences whose mentions were cut at MAX_MENTIONS_PER_SENTENCE.
    capped: tuple[int, ...] = ()


def build_entity_index(mentions: Iterable[ArticleMentions]) -> EntityIndex:
    """One EntityIndex over articles: every name, quote speaker and title they use."""
    names: list[str] = []
    titles: dict[str, set[str]] = {}
    for am in mentions:
        names += am.names
        names += [m.speaker for ms in am.by_sentence for m in ms if m.speaker]
        for name, words in am.titles:
            titles.setdefault(name, set()).update(words)
    return EntityIndex(names, titles)


def extract_article(article: Article) -> ArticleMentions:
    """Find money, quantities, dates, names and quotes with speakers in every sentence."""
    published = parse_published(article.published)
    spans_by_sentence = [find_names(s.text) for s in article.sentences]
    all_spans = [sp for spans in spans_by_sentence for sp in spans]
    full_text = "\n".join(p.text for p in article.paragraphs)
    mid_sentence = {sp.text for sp in all_spans if not sp.initial}
    person_names = find_people(all_spans, full_text)
    surnames = {p.split()[-1] for p in person_names if len(p.split()) > 1}
    people_or_surnames = person_names | surnames
    titles: dict[str, set[str]] = {}
    for sp in all_spans:
        if sp.text in person_names and sp.title:
            titles.setdefault(sp.text, set()).update(fold(t).strip(".,") for t in sp.title)
    state = Speakers(frozenset(person_names))
    result: list[tuple[Mention, ...]] = []
    names: list[str] = []
    capped: list[int] = []
    carried: str | None = None
    sentence_no = 0
    for paragraph in article.paragraphs:
        quotes = find_quote_spans(paragraph.text)
        own_spans = spans_by_sentence[sentence_no : sentence_no + len(paragraph.sentences)]
        for sentence, spans in zip(paragraph.sentences, own_spans, strict=True):
            for span in spans:
                if not _inside(quotes, sentence.start + span.start) and span.text in person_names:
                    state.named(span.text, span.title)
        quotes = attribute(paragraph.text, quotes, state)  # also when none: who spoke last
        if quotes and quotes[0].speaker is None and paragraph.text.lstrip()[:1] in '"“«':
            # A quote running on from the previous paragraph keeps its speaker.
            first = quotes[0]
            quotes[0] = QuoteSpan(first.text, first.start, first.end, carried)
        carried = quotes[-1].speaker if quotes and not _closes_quote(paragraph.text) else None
        for sentence, spans in zip(paragraph.sentences, own_spans, strict=True):
            mentions = _sentence_mentions(sentence.text, spans, published, mid_sentence, people_or_surnames)
            quote = _quote_in(paragraph, quotes, sentence.start, sentence.end)
            if quote is not None:
                mentions.append(quote)
            if len(mentions) > MAX_MENTIONS_PER_SENTENCE:
                mentions = mentions[:MAX_MENTIONS_PER_SENTENCE]
                capped.append(sentence_no)
            names += [m.text for m in mentions if m.kind == "entity"]
            result.append(tuple(mentions))
            sentence_no += 1
    return ArticleMentions(
        article,
        tuple(result),
        tuple(names),
        frozenset(person_names),
        tuple(sorted((n, tuple(sorted(ws))) for n, ws in titles.items())),
        tuple(capped),
    )


def _sentence_mentions(
    text: str,
    spans: Sequence[NameSpan],
    published: dt.date | None,
    mid_sentence: set[str],
    people: set[str] | frozenset[str],
) -> list[Mention]:
    """Money first, then dates, then counts outside both, then names; each kind stops at the
    cap, so a sentence of 20,000 amounts costs no more than reading it."""
    over = MAX_MENTIONS_PER_SENTENCE + 1  # one more than kept, so that a cut is seen
    restated: list[tuple[int, int]] = []  # "(about $21.6m)" after "€20m": no figure of its own
    money = find_money(text, over, restated)
    dates = find_dates(text, published, over)
    taken = [(a, b) for a, b, _ in money + dates] + restated
    mentions = [m for _, _, m in money] + [m for _, _, m in dates]
    mentions += [m for _, _, m in find_quantities(text, taken, over)]
    for span in spans[:over]:
        if span.initial and span.text not in mid_sentence and span.text not in people:
            continue  # "Officials suspect ...": a capital that only starts sentences
        mentions.append(
            Mention(
                "entity",
                span.text,
                f"entity:{fold(span.text)}",
                span.text,
                start=span.start,
                end=span.end,
                entity_type=entity_type(span.text, people),
            )
        )
    return mentions


def _inside(quotes: Sequence[QuoteSpan], at: int) -> bool:
    """Is paragraph position `at` inside a quote? (Quotes are sorted and do not overlap.)"""
    k = _bisect(quotes, at)
    return k >= 0 and quotes[k].start <= at < quotes[k].end


def _bisect(quotes: Sequence[QuoteSpan], at: int) -> int:
    """Index of the last quote starting at or before `at` (-1: none)."""
    lo, hi = 0, len(quotes)
    while lo < hi:
        mid = (lo + hi) // 2
        if quotes[mid].start <= at:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _quote_in(paragraph: Paragraph, quotes: Sequence[QuoteSpan], start: int, end: int) -> Mention | None:
    """The first quote overlapping the sentence at [start, end) of the paragraph."""
    if not quotes:
        return None
    k = max(0, _bisect(quotes, start))
    for quote in quotes[k : k + 2]:
        if quote.start < end and quote.end > start:
            return Mention(
                "quote",
                quote.text,
                f"quote:{fold(quote.text)[:60]}",
                None,
                speaker=quote.speaker,
                start=max(0, quote.start - start),
                end=min(end, quote.end) - start,
            )
    return None


def _closes_quote(text: str) -> bool:
    """Does the paragraph end on a closing quote mark (before trailing punctuation)? A scan from
    the end, not a regular expression: 50,000 quote marks in a row cost one pass."""
    tail = text.rstrip()
    i = len(tail)
    while i > 0 and not tail[i - 1].isalnum():
        if tail[i - 1] in _QUOTE_MARKS:
            return True
        i -= 1
    return False
