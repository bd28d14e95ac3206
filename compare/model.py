"""The data that flows between the steps: frozen dataclasses holding tuples.

Each step returns new values and never mutates its input, so results can be cached, compared
and rendered in any order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

DropReason = Literal["boilerplate", "duplicate", "off-topic"]
Status = Literal["stated", "partial", "conflict", "absent"]
FactKind = Literal["money", "quantity", "date", "quote", "entity", "claim", "event"]
EntityType = Literal["person", "organisation", "place"]


@dataclass(frozen=True)
class Source:
    """An article as read from disk: decoded text plus what front matter or sources.yaml said."""

    id: str
    path: str
    text: str
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    # Where each metadata key came from ("front-matter", "sources.yaml", "html"), so that a stated
    # outlet can be told from a detected one; and the author an HTML page's metadata names.
    origin: tuple[tuple[str, str], ...] = ()
    author: str | None = None


AttributionSource = Literal["front-matter", "sources.yaml", "html", "text"]


@dataclass(frozen=True)
class Reuse:
    """Another article of the run this one copies passages from, and the share of its story
    sentences that are copied (near-verbatim or lightly edited)."""

    article: str
    share: float


@dataclass(frozen=True)
class Dropped:
    """A line removed by the cleaner, with the reason a reader can check."""

    text: str
    reason: DropReason


@dataclass(frozen=True)
class Sentence:
    """One sentence of a kept paragraph; the unit a fact points to as its evidence."""

    text: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """A kept story paragraph; `index` counts kept paragraphs from 0 in reading order."""

    index: int
    text: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Article:
    """A cleaned, segmented article: the story only, with every dropped line kept aside."""

    id: str
    path: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    paragraphs: tuple[Paragraph, ...]
    dropped: tuple[Dropped, ...]
    # Attribution (issue 10), all additive with empty defaults: who carries the page, who wrote
    # it, whose reporting it credits, and which other articles of the run it copies.
    via: str | None = None
    byline: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    reuses: tuple[Reuse, ...] = ()
    outlet_source: AttributionSource | None = None

    @property
    def label(self) -> str:
        """What a column header shows: the outlet's name where known, else the file stem."""
        return self.outlet or self.id

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)


@dataclass(frozen=True)
class Mention:
    """Something an extractor found in one sentence.

    `key` is what must be equal for two mentions to be the same thing ("EUR:40000000000");
    `slot` is what must be equal for two different values to contradict each other
    ("quantity:people:injur").
    """

    kind: FactKind
    text: str
    key: str
    value: Any = None
    slot: str | None = None
    approximate: bool = False
    speaker: str | None = None
    # Character offsets of the mention in its sentence's text (-1: not known), so that a later
    # step can tell which clause of the sentence holds it.
    start: int = -1
    end: int = -1
    # Money, counts and shares: the interval the stated figure covers given its precision and
    # qualifier ("$1.4 billion" -> (1.35e9, 1.45e9); "more than 6" -> (6, inf)); None otherwise.
    range: tuple[float, float] | None = None
    # The qualifier written before a figure ("about", "more than", "up to"), folded; or None.
    qualifier: str | None = None
    # Names: what the name is, judged from the article ("person", "organisation", "place") or
    # None when nothing tells.
    entity_type: EntityType | None = None


@dataclass(frozen=True)
class Cell:
    """One article's answer for one fact."""

    status: Status
    evidence: str | None = None
    paragraph: int | None = None


_ABSENT = Cell("absent")


@dataclass(frozen=True)
class Fact:
    """A row of the matrix: one piece of information and what every article says about it."""

    id: str
    kind: FactKind
    label: str
    value: Any
    speaker: str | None
    coverage: tuple[tuple[str, Cell], ...]

    def cell(self, article_id: str) -> Cell:
        """This article's cell (absent when the article is not in the coverage)."""
        index = self.__dict__.get("_index")
        if index is None:
            index = dict(self.coverage)
            object.__setattr__(self, "_index", index)
        cell: Cell = index.get(article_id, _ABSENT)
        return cell

    @property
    def present(self) -> tuple[str, ...]:
        return tuple(aid for aid, c in self.coverage if c.status != "absent")


@dataclass(frozen=True)
class Group:
    """Paragraphs of different articles that report the same thing."""

    id: str
    members: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Pair:
    """Aligned paragraphs of two articles; either side may hold several paragraphs."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


@dataclass(frozen=True)
class MatrixResult:
    """What `compare matrix` shows: facts by articles, and the multi-way paragraph groups."""

    articles: tuple[Article, ...]
    facts: tuple[Fact, ...]
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class DiffResult:
    """What `compare diff` shows for two articles."""

    a: Article
    b: Article
    pairs: tuple[Pair, ...]
    only_a: tuple[int, ...]
    only_b: tuple[int, ...]
    facts: tuple[Fact, ...] = field(default=())


@dataclass(frozen=True)
class Problem:
    """One failed check of `compare check`."""

    path: str
    check: str
    message: str
    # "info" is reported but does not fail the check (a lightly edited wire copy of another
    # article: the usual case of a folder of news coverage, worth knowing, not an error).
    severity: Literal["error", "info"] = "error"


@dataclass(frozen=True)
class CheckResult:
    """What `compare check` reports; `ok` is False when any problem was found."""

    problems: tuple[Problem, ...]
    matrix: MatrixResult | None = None
    directory: str | None = None  # the folder checked
    files: tuple[str, ...] = ()  # every article file looked at, readable or not, in name order
    lock: str | None = None  # the lock file compared with (or written), if there was one
    lock_written: bool = False  # True when --update wrote the lock
    # Things worth knowing that fail nothing: an accepted known copy, a folder without a lock.
    notes: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that fail the check (information notes left out)."""
        return tuple(p for p in self.problems if p.severity == "error")
