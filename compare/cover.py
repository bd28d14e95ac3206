"""cover: facts across articles, and what every article says about each one.

Facts are built in two layers and then merged:

1. value facts: money, counts and dates with the same normalised value ("€40bn" = "40 billion
   euros") in several articles are one fact. Two values in the same slot (same currency, or the
   same counted noun) whose sentences share context words ("37 people injured" / "41 people
   treated for injuries") are one fact in *conflict*, not two facts;
2. statement facts (claims and quotes): sentences of different articles linked by the sentence
   graph (`compare.align`) are joined strongest link first, one sentence per article per fact,
   so that facts do not chain through loosely related sentences.

A statement fact whose sentences are exactly those of a value fact is the same row. Each cell is
`stated` (the article has a member sentence), `conflict` (another value in the same slot),
`partial` (the article says it more weakly: a link just under SENTENCE_LINK, a vague count, or
the same statement without the figure) or `absent`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from compare.align import PARTIAL_LINK, SentenceGraph
from compare.extract import ArticleMentions, EntityIndex, format_money
from compare.model import Article, Cell, Fact, FactKind, Mention, Status
from compare.text import content_stems, stem

# A statement with fewer content words than this is not a checkable fact (a subhead, a
# transition such as "He added:"), though it still counts for alignment.
MIN_CLAIM_STEMS = 4
# ... or this many when the sentence carries a figure or a quote with its speaker.
MIN_SHORT_CLAIM_STEMS = 2
# Two groups of sentences are joined into one fact only when their sentences are, on average,
# at least this similar (missing links count 0): single links alone chain a statement to a
# loosely related one through a third sentence that resembles both.
GROUP_MEAN_LINK = 0.2
# Mean linkage is computed on at most this many members per side (big groups at scale).
MEAN_SAMPLE = 12
# Two value mentions in the same slot contradict each other only when their sentences share at
# least this many content stems besides the number and the counted noun: "37 people were
# injured" / "41 people treated for injuries" share the injury and the place, while "two
# firefighters died" / "200 firefighters deployed" share only the fire.
CONFLICT_CONTEXT = 2
# Counts of different nouns with the same value are one fact when their sentences share this
# many content stems ("five-part plan" / "five-point plan" / "five key points" of the plan).
SAME_VALUE_CONTEXT = 2
# Longest label shown, in characters; the evidence keeps the whole sentence.
MAX_LABEL = 140

_KIND_ORDER: dict[str, int] = {
    "money": 0,
    "quantity": 1,
    "date": 2,
    "quote": 3,
    "claim": 4,
    "event": 5,
    "entity": 6,
}


@dataclass
class Row:
    """A fact being built: member sentences per article, and cells other than `stated`."""

    kind: FactKind
    members: dict[str, int]  # article id -> sentence position
    units: dict[str, int] | None = None  # article id -> clause unit, for statement rows
    value: Any = None
    value_text: str | None = None
    speaker: str | None = None
    others: dict[str, tuple[Status, int]] = field(default_factory=dict)  # conflict / partial


@dataclass(frozen=True)
class ValueMention:
    article: str
    position: int
    mention: Mention
    context: frozenset[str]


def build_facts(
    articles: Sequence[Article], graph: SentenceGraph, mentions: Sequence[ArticleMentions]
) -> tuple[Fact, ...]:
    """Every fact found in the articles, with one cell per article, in display order."""
    sentences = {a.id: a.sentences for a in articles}
    entity_index = EntityIndex(
        [n for am in mentions for n in am.names]
        + [m.speaker for am in mentions for ms in am.by_sentence for m in ms if m.speaker]
    )
    by_sentence = {am.article.id: am.by_sentence for am in mentions}
    values = _value_rows(articles, by_sentence, graph)
    statements = _statement_rows(articles, graph, by_sentence, entity_index)
    rows = _merge(values, statements, by_sentence)
    _mark_partials(rows, graph, articles, by_sentence)
    rows += _people_rows(articles, mentions, entity_index)
    facts = [_to_fact(row, articles, sentences, graph) for row in rows]
    facts.sort(key=lambda f: _order_key(f, articles))
    return tuple(
        Fact(f"f{i + 1}", f.kind, f.label, f.value, f.speaker, f.coverage) for i, f in enumerate(facts)
    )


# --- value facts -----------------------------------------------------------------------------


def _value_mentions(
    articles: Sequence[Article], by_sentence: dict[str, tuple[tuple[Mention, ...], ...]]
) -> list[ValueMention]:
    found = []
    for article in articles:
        for position, sentence in enumerate(article.sentences):
            stems = set(content_stems(sentence.text))
            for m in by_sentence[article.id][position]:
                if m.kind not in ("money", "quantity", "date"):
                    continue
                if m.kind == "date" and not _specific_date(m):
                    continue
                unit = (m.slot or "").rsplit(":", 1)[-1]
                context = frozenset(s for s in stems if not s.isdigit() and s != unit)
                found.append(ValueMention(article.id, position, m, context))
    return found


def _specific_date(m: Mention) -> bool:
    """A date worth a row: a resolved day or month with its year, not 'Wednesday' alone."""
    iso = (m.value or {}).get("date")
    return isinstance(iso, str) and len(iso) >= 7 and "W" not in iso


def _value_rows(
    articles: Sequence[Article],
    by_sentence: dict[str, tuple[tuple[Mention, ...], ...]],
    graph: SentenceGraph,
) -> list[Row]:
    """Group equal values across articles, then fold contradicting values into one row."""
    groups: dict[str, list[ValueMention]] = defaultdict(list)
    for vm in _value_mentions(articles, by_sentence):
        if vm.mention.approximate and vm.mention.key.split(":")[-1].startswith("~"):
            continue  # vague counts ("dozens of people") only ever make a cell partial
        groups[vm.mention.key].append(vm)
    # Most widely reported value first; a tie goes to the value of the first article (in id
    # order) that gives one, so which of two contradicting figures leads a row is explainable.
    ordered = sorted(
        groups.items(),
        key=lambda kv: (-len({v.article for v in kv[1]}), min((v.article, v.position) for v in kv[1]), kv[0]),
    )
    rows: list[tuple[Row, list[ValueMention]]] = []
    for _key, vms in ordered:
        members: dict[str, int] = {}
        for vm in sorted(vms, key=lambda v: (v.article, v.position)):
            members.setdefault(vm.article, vm.position)
        first = vms[0].mention
        target = _find_related(rows, vms, same_value=True)
        if target is not None:  # same count of a differently named thing, same context
            row, pool = target
            for aid, pos in members.items():
                if aid not in row.members and aid not in row.others:
                    row.members[aid] = pos
            pool.extend(vms)
            continue
        target = _find_related(rows, vms, same_value=False)
        if target is not None:  # another value in the same slot: a conflict
            row, pool = target
            for aid, pos in members.items():
                if aid not in row.members and aid not in row.others:
                    row.others[aid] = ("conflict", pos)
            continue
        row = Row(first.kind, members, value=first.value, value_text=first.text)
        rows.append((row, list(vms)))
    return [r for r, _ in rows]


def _find_related(
    rows: list[tuple[Row, list[ValueMention]]], vms: list[ValueMention], *, same_value: bool
) -> tuple[Row, list[ValueMention]] | None:
    """An existing row these mentions belong to (same value, other noun) or contradict."""
    articles = {v.article for v in vms}
    for row, pool in rows:
        if articles & set(row.members):
            continue  # an article giving both values is not contradicting itself
        for a in pool:
            for b in vms:
                if a.mention.kind != b.mention.kind or a.article == b.article:
                    continue
                value_a = _number(a.mention)
                value_b = _number(b.mention)
                if same_value:
                    if a.mention.kind != "quantity" or value_a != value_b:
                        continue
                    if len(a.context & b.context) >= SAME_VALUE_CONTEXT:
                        return row, pool
                else:
                    if a.mention.slot != b.mention.slot or value_a == value_b:
                        continue
                    if a.mention.approximate or b.mention.approximate:
                        continue
                    if len(a.context & b.context) >= CONFLICT_CONTEXT:
                        return row, pool
    return None


def _number(m: Mention) -> Any:
    value = m.value or {}
    return value.get("amount", value.get("count", value.get("date")))


# --- statement facts -------------------------------------------------------------------------


def _checkable(text: str, mentions: Sequence[Mention]) -> bool:
    """Worth a row: a statement with enough content words, or a short one that carries a
    figure or an attributed quote ("We are in this for the long haul," he added). Questions
    put to a speaker are not facts."""
    if text.rstrip("\"'”’ ").endswith("?"):
        return False
    n = len(content_stems(text))
    if n >= MIN_CLAIM_STEMS:
        return True
    carries = any(m.kind in ("money", "quantity") or (m.kind == "quote" and m.speaker) for m in mentions)
    return carries and n >= MIN_SHORT_CLAIM_STEMS


def _statement_rows(
    articles: Sequence[Article],
    graph: SentenceGraph,
    by_sentence: dict[str, tuple[tuple[Mention, ...], ...]],
    entity_index: EntityIndex,
) -> list[Row]:
    """Join linked sentences strongest first; a fact holds one sentence per article."""
    checkable = _checkable_units(graph, by_sentence)
    parent = {u: u for u in checkable}
    arts: dict[int, set[str]] = {u: set(graph.units[u].articles) for u in checkable}
    group: dict[int, list[int]] = {u: [u] for u in checkable}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links = sorted(
        (
            (s, a, b)
            for (a, b), s in graph.edges.items()
            if graph.linked(a, b) and a in checkable and b in checkable
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for _, a, b in links:
        ra, rb = find(a), find(b)
        if ra == rb or arts[ra] & arts[rb]:
            continue
        if len(group[ra]) + len(group[rb]) > 2 and _mean_link(graph, group[ra], group[rb]) < GROUP_MEAN_LINK:
            continue
        root, other = min(ra, rb), max(ra, rb)
        parent[other] = root
        arts[root] |= arts.pop(other)
        group[root] = group[root] + group.pop(other)
    clusters: dict[int, list[int]] = defaultdict(list)
    for u in sorted(checkable):
        clusters[find(u)].append(u)
    rows = []
    for units in clusters.values():
        members: dict[str, int] = {}
        member_units: dict[str, int] = {}
        for u in units:
            for ref in graph.units[u].refs:
                if ref.article not in members or ref.position < members[ref.article]:
                    members[ref.article] = ref.position
                    member_units[ref.article] = u
        row = _statement_row(members, by_sentence, entity_index)
        row.units = member_units
        rows.append(row)
    return rows


def _checkable_units(
    graph: SentenceGraph, by_sentence: dict[str, tuple[tuple[Mention, ...], ...]]
) -> frozenset[int]:
    """Units worth a row (see _checkable), decided once per distinct clause."""
    found = set()
    for u in graph.units:
        ref = u.refs[0]
        if _checkable(u.text, by_sentence[ref.article][ref.position]):
            found.add(u.id)
    return frozenset(found)


def _mean_link(graph: SentenceGraph, xs: list[int], ys: list[int]) -> float:
    xs, ys = sorted(xs)[:MEAN_SAMPLE], sorted(ys)[:MEAN_SAMPLE]
    return sum(graph.score(x, y) for x in xs for y in ys) / (len(xs) * len(ys))


def _statement_row(
    members: dict[str, int],
    by_sentence: dict[str, tuple[tuple[Mention, ...], ...]],
    entity_index: EntityIndex,
) -> Row:
    """A claim, or a quote when most of its sentences are quoted speech (with the speaker most
    of them name)."""
    quotes = [m for aid, pos in members.items() for m in by_sentence[aid][pos] if m.kind == "quote"]
    if 2 * len(quotes) >= len(members):
        speakers = Counter(entity_index.canonical(q.speaker) for q in quotes if q.speaker)
        top = min(speakers, key=lambda s: (-speakers[s], s)) if speakers else None
        # Named only when most of the quotes agree: outlets attributing one statement to
        # different people is not a speaker to print (the cells keep each outlet's sentence).
        speaker = top if top is not None and 2 * speakers[top] > len(quotes) else None
        return Row("quote", members, speaker=speaker)
    return Row("claim", members)


# --- people ----------------------------------------------------------------------------------


def _people_rows(
    articles: Sequence[Article], mentions: Sequence[ArticleMentions], entity_index: EntityIndex
) -> list[Row]:
    """One row per person named in any article (spelling variants and surnames merged): who is
    in whose story. The evidence is the first sentence that names them."""
    people = {entity_index.canonical(p) for am in mentions for p in am.people}
    seen: dict[str, dict[str, int]] = {}
    for am in mentions:
        for position, ms in enumerate(am.by_sentence):
            for m in ms:
                if m.kind != "entity":
                    continue
                name = entity_index.canonical(str(m.value))
                if name in people:
                    seen.setdefault(name, {}).setdefault(am.article.id, position)
    return [
        Row("entity", members, value={"name": name}, value_text=name)
        for name, members in sorted(seen.items())
    ]


# --- merging and cells -----------------------------------------------------------------------


def _merge(
    values: list[Row], statements: list[Row], by_sentence: dict[str, tuple[tuple[Mention, ...], ...]]
) -> list[Row]:
    """A statement row with exactly the sentences of a value row is that row (the value row
    keeps the value, the statement gives quote/speaker); a lone sentence already shown as a
    value's evidence adds nothing."""
    value_sentences = {(aid, pos) for r in values for aid, pos in r.members.items()}
    by_members = {frozenset(r.members.items()): r for r in values}
    lone_sentences: set[tuple[str, int]] = set()
    rows = list(values)
    for row in statements:
        key = frozenset(row.members.items())
        if key in by_members:
            continue  # the value row says it, with its figure
        if len(row.members) == 1:
            only = next(iter(row.members.items()))
            if only in value_sentences:
                continue
            if only in lone_sentences:  # another clause of the same exclusive sentence
                continue
            lone_sentences.add(only)
        rows.append(row)
    return rows


def _mark_partials(
    rows: list[Row],
    graph: SentenceGraph,
    articles: Sequence[Article],
    by_sentence: dict[str, tuple[tuple[Mention, ...], ...]],
) -> None:
    """Absent articles that say the same thing more weakly get a `partial` cell: a checkable
    sentence linked to one of the row's sentences by at least PARTIAL_LINK (but not enough to
    join the row), or a vague count ("dozens of people") in the slot of an exact one."""
    nbrs = graph.neighbours()
    checkable = _checkable_units(graph, by_sentence)
    sentences_of = {a.id: a.sentences for a in articles}
    for row in rows:
        present = set(row.members) | set(row.others)
        best: dict[str, tuple[float, int]] = {}
        for aid in row.members:
            # Only statements are matched by wording; a figure needs the figure.
            units = (row.units[aid],) if row.units and aid in row.units else ()
            for unit in units:
                for other, score in nbrs.get(unit, []):
                    if score < PARTIAL_LINK or other not in checkable:
                        continue
                    for ref in graph.units[other].refs:
                        if ref.article in present:
                            continue
                        if score > best.get(ref.article, (0.0, 0))[0]:
                            best[ref.article] = (score, ref.position)
        if row.kind == "quantity" and isinstance(row.value, dict):
            slot = f"quantity:{stem(str(row.value.get('unit')))}"
            contexts = [set(content_stems(sentences_of[aid][pos].text)) for aid, pos in row.members.items()]
            for article in articles:
                if article.id in present or article.id in best:
                    continue
                for position, ms in enumerate(by_sentence[article.id]):
                    if not any(m.approximate and m.slot == slot for m in ms):
                        continue
                    mine = set(content_stems(sentences_of[article.id][position].text))
                    if any(len(mine & other) >= CONFLICT_CONTEXT for other in contexts):
                        best[article.id] = (0.0, position)
                        break
        for aid, (_, pos) in sorted(best.items()):
            row.others[aid] = ("partial", pos)


def _to_fact(row: Row, articles: Sequence[Article], sentences: dict[str, Any], graph: SentenceGraph) -> Fact:
    coverage: list[tuple[str, Cell]] = []
    for article in articles:
        if article.id in row.members:
            s = sentences[article.id][row.members[article.id]]
            cell = Cell("stated", s.text, s.paragraph)
        elif article.id in row.others:
            status, pos = row.others[article.id]
            s = sentences[article.id][pos]
            cell = Cell(status, s.text, s.paragraph)
        else:
            cell = Cell("absent")
        coverage.append((article.id, cell))
    evidence = [c.evidence for _, c in coverage if c.status == "stated" and c.evidence]
    if row.units and (len(row.members) > 1 or row.kind in ("claim", "quote")):
        evidence = [_central_clause(row, graph)]
    label = _label(row, evidence)
    return Fact("", row.kind, label, row.value, row.speaker, tuple(coverage))


def _central_clause(row: Row, graph: SentenceGraph) -> str:
    """The member clause most like the others: the row's most typical wording (its whole
    sentence when the clause cannot stand alone, e.g. "which Ukraine has long asked for")."""
    units = sorted(set((row.units or {}).values()))
    best = max(units, key=lambda u: (sum(graph.score(u, v) for v in units if v != u), -u))
    text = graph.units[best].text
    if text[:1].islower():
        return graph.units[best].refs[0].text
    return text


def _label(row: Row, evidence: list[str]) -> str:
    """What the row says: its value first, then the shortest sentence stating it."""
    sentence = min(evidence, key=lambda e: (len(e), e)) if evidence else ""
    sentence = _shorten(sentence, MAX_LABEL)
    if row.kind == "money" and isinstance(row.value, dict):
        return f"{format_money(row.value)}: {sentence}"
    if row.kind in ("quantity", "date") and row.value_text:
        return f"{row.value_text}: {sentence}"
    if row.kind == "entity" and row.value_text:
        return f"{row.value_text} (named)"
    if row.kind == "quote" and row.speaker:
        return f"{row.speaker}: {sentence}"
    return sentence


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _order_key(fact: Fact, articles: Sequence[Article]) -> tuple[Any, ...]:
    """Facts everyone has first, then those most outlets have, exclusives last; within a band,
    contradicted figures first (what a reader must not miss), then by the first article that has
    it and where."""
    present = [i for i, (_, c) in enumerate(fact.coverage) if c.status != "absent"]
    stated = [i for i, (_, c) in enumerate(fact.coverage) if c.status == "stated"]
    first = stated[0] if stated else (present[0] if present else len(articles))
    cell = fact.coverage[first][1] if first < len(fact.coverage) else Cell("absent")
    conflicted = any(c.status == "conflict" for _, c in fact.coverage)
    return (
        -len(present),
        not conflicted,
        first,
        cell.paragraph or 0,
        _KIND_ORDER.get(fact.kind, 9),
        fact.label,
    )
