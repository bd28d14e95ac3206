"""labels: a short line that says what a fact is, for an editor scanning the matrix.

A row label is not the start of a sentence: it is the fact's figure or speaker, then the core of
the statement that the row's claims share, with what does not carry the fact taken off (the
reporting frame "X said that", an opening connective, a relative clause, brackets). What is left
is cut at a word boundary to fit TARGET_LABEL characters. The evidence cells keep the whole
sentence, so nothing is lost by a short label.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from compare.claims import Claim
from compare.extract import format_money
from compare.reporting import (
    ANNOUNCING_VERBS,
    BELIEF_VERBS,
    CONTINUE,
    EVIDENCE_VERBS,
    SPEECH_VERBS,
    STATING_VERBS,
    TELL,
    Verb,
    alternation,
    finite,
    gerunds,
)
from compare.segment import DATELINE, DATELINE_PLACE, UPPER

if TYPE_CHECKING:
    from compare.facts import Linked

# A label is cut to this many characters: the target is a median under 60 and none over
# MAX_LABEL, which leaves room for a figure or a speaker before the statement.
TARGET_LABEL = 58
# No label is longer than this (a long speaker name plus a quote).
MAX_LABEL = 80
# Below this many characters a condensed statement says too little; its whole clause is used.
MIN_CORE = 18
# A member at least this share as linked to the others as the most central one is typical enough
# to give the row its label; the shortest of those is chosen (a label should not need a cut).
CENTRAL_SHARE = 0.75
# An opening phrase before the first comma of at most this many words is a connective or a
# setting ("However,", "In particular,", "At the time,"), not the statement.
OPENER_WORDS = 4

# Verbs whose subject frames the statement after them ("X said that ...", "X believes that ..."):
# the shared speech verbs, "continued" (", he continued."), announcing, and the frames of a mind or
# of evidence, which put a statement in someone's head or in the figures' mouth. Not the verbs of a
# request ("X urged that" states nothing) nor of the channel ("X spoke to reporters"). See
# `compare.reporting`.
FRAME_VERBS: tuple[Verb, ...] = (*SPEECH_VERBS, CONTINUE, *ANNOUNCING_VERBS, *BELIEF_VERBS, *EVIDENCE_VERBS)
_REPORTING = rf"(?:{alternation(finite(FRAME_VERBS))}|{alternation(TELL.finite)}(?: [\w.]+){{0,2}})"
# "..., adding that X", "while warning: X": the -ing forms of the verbs of stating (and of
# evidence) open a participle clause whose rest is the statement. Not those that take "to"
# ("responding to", "continuing to") or an outlet's verbs.
PARTICIPLE_FRAME_VERBS: tuple[Verb, ...] = (*STATING_VERBS, *EVIDENCE_VERBS)
_REPORTING_PARTICIPLE = rf"{alternation(gerunds(PARTICIPLE_FRAME_VERBS))}|{TELL.gerund} (?:\w+ ){{0,2}}?"
_NAME = (
    r"(?:[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,4}"
    r"|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Tt]he [a-z][\w -]{0,30}?)"
)
# "Quill said that ...", "The minister told reporters on Monday that ...": the frame is dropped.
_LEADING_FRAME = re.compile(rf"^{_NAME}\s+(?:also\s+|has\s+|had\s+)?{_REPORTING}\b[^,\"“]{{0,30}}?\s+that\s+")
_LEADING_FRAME_COLON = re.compile(rf"^{_NAME}\s+(?:also\s+)?{_REPORTING}\b[^,:\"“]{{0,30}}?[:,]\s+")
# "According to X, ..." and "As reported by X, ...".
_ACCORDING = re.compile(r"^(?:according to|as reported by|as quoted by)\s+[^,]{1,60},\s+", re.I)
# ", Quill said." / ", he added." / ", said the minister." at the end.
_TRAILING_FRAME = re.compile(
    rf",[\"'”’]?\s*(?:{_NAME}\s+(?:also\s+)?{_REPORTING}|{_REPORTING}\s+{_NAME})"
    r"(?:\s+(?:on|in|at|during|after|before|outside|inside|near|from|to|with)\s+[^,.]{0,60})?[.!]?[\"'”’]?\s*$"
)
# An age in commas after a name ("Ada Quill, 51, said"): a detail, not the statement. A comma
# followed by a digit is inside a number ("By noon, 2,461,000 ..."), not after an age.
_AGE = re.compile(r",\s+\d{1,3}(?=,(?!\d))")
_PARENTHESES = re.compile(r"\s*\([^()]{0,120}\)")
# Relative clauses in commas, one or several in a row (", who represents the district, which
# stretches to the coast,"); a comma inside a number ("which employs 4,100 people,") ends none.
_RELATIVE = re.compile(r"(?:,\s+(?:which|who|whom|whose)\s+(?:[^,]|(?<=\d),(?=\d)){0,160})+(?:,|$)")
_OPENER = re.compile(r"^([^,;:\"“]{1,60}),\s+")
# Words that begin an opening phrase which sets the scene rather than states the fact: the
# prepositions and connectives of English (a general word list, not taken from any article).
OPENER_STARTS = frozenset(
    """in at on for after before during since as by with under over despite amid following
    ahead however meanwhile moreover instead still also separately elsewhere nonetheless
    nevertheless indeed finally earlier later now then yesterday today tomorrow overall
    first second third last next previously currently recently additionally furthermore
    similarly likewise thus therefore hence besides otherwise accordingly""".split()
)
# An opening phrase whose first word is a participle ("Speaking to reporters,", "Asked about the
# delay,", "Founded in 1952,") sets the scene: English participle endings, and the shortest word taken
# for one (shorter ones are "red", "bed", "king"...).
PARTICIPLE_ENDINGS = ("ing", "ed")
MIN_PARTICIPLE = 5
_CONJUNCTION = re.compile(
    r"^(?:and|but|so|yet|or|nor|while|whereas|although|though|however|meanwhile|also)\s+", re.I
)
# A clause cut from "..., adding that X" or "... -- while warning: X" opens with the reporting
# verb's participle: the statement is X.
_PARTICIPLE_FRAME = re.compile(
    rf"^(?:(?:and|while|but)\s+)?(?:{_REPORTING_PARTICIPLE})(?:\s+that)?\s*[:,]?\s+", re.I
)
_QUOTE_MARKS = "\"“”‘’'«»"
# A dateline opening the text says where (and for which agency) it was filed, not what happened:
# wire copy's "MARLOW FALLS, Vt. (AP) —" and a newspaper's "MARLOW FALLS —" (the place in capitals
# and a dash, no agency). Without an agency, the dash must open a sentence (a capital, a figure or a
# quote): "UNICEF — the UN children's agency — said" is an acronym in apposition, not a dateline.
_DATELINE_OPENING = re.compile(rf"{DATELINE.pattern}\s*|{DATELINE_PLACE}\s+[-–—]\s+(?=[{UPPER}0-9\"“‘])")


def condense(text: str) -> str:
    """The statement of a clause without its reporting frame, opening connective, brackets and
    relative clauses; its first letter capitalised, no final full stop."""
    core = " ".join(text.split())
    core = _DATELINE_OPENING.sub("", core)
    core = _ACCORDING.sub("", core)
    core = _PARENTHESES.sub("", core)
    core = " ".join(_RELATIVE.sub(" ", _AGE.sub("", core)).split())
    opener = _OPENER.match(core)
    if opener and len(opener.group(1).split()) <= OPENER_WORDS:
        first = opener.group(1).split()[0].lower()
        if (
            first in OPENER_STARTS
            or (first.endswith("ly") and len(opener.group(1).split()) == 1)
            or (first.endswith(PARTICIPLE_ENDINGS) and len(first) >= MIN_PARTICIPLE)
        ):
            core = core[opener.end() :]
    core = _LEADING_FRAME.sub("", core)
    core = _TRAILING_FRAME.sub("", core)
    core = _CONJUNCTION.sub("", core)
    core = _PARTICIPLE_FRAME.sub("", core)
    core = core.lstrip(" ,;:").rstrip(" ,;:-–—").rstrip(".")
    if core.count('"') % 2 or (core.count("“") != core.count("”")):
        core = core.strip(_QUOTE_MARKS + " ")
    if len(core) < MIN_CORE:
        core = " ".join(text.split()).rstrip(".")
    return core[:1].upper() + core[1:]


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary to at most `limit` characters, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-–— ") + "…"


def _quoted_words(claim: Claim) -> str | None:
    """The quoted words in a claim, when the clause holds a quote."""
    for m in claim.mentions:
        if m.kind == "quote" and m.text and m.text in claim.text:
            return m.text.strip(_QUOTE_MARKS + " ,.")
    return None


def central_claim(
    members: Sequence[int], claims: Sequence[Claim], links: Mapping[tuple[int, int], float]
) -> Claim:
    """A typical wording of the row: among the members at least CENTRAL_SHARE as linked to the
    others as the most linked one, the one whose statement is shortest (it fits a label without
    a cut); then the content hash."""
    if len(members) == 1:
        return claims[members[0]]

    def centrality(i: int) -> float:
        return sum(links.get((min(i, j), max(i, j)), 0.0) for j in members if j != i)

    scores = {i: centrality(i) for i in members}
    top = max(scores.values())
    central = [i for i in members if scores[i] >= CENTRAL_SHARE * top]
    best = min(central, key=lambda i: (len(condense(claims[i].text)), claims[i].key))
    return claims[best]


def fact_label(
    kind: str,
    value: Any,
    value_text: str | None,
    speaker: str | None,
    members: Sequence[int],
    linked: Linked | None = None,
    *,
    wide: bool = False,
) -> str:
    """The row's label: figure or speaker first, then the core of its most typical claim
    (`members` index `linked.claims`). A `wide` label (a fact most articles carry: few rows,
    read by everyone) may use MAX_LABEL characters; the others are cut at TARGET_LABEL."""
    if kind == "entity" or linked is None or not members:
        return shorten(f"{value_text} (named)", MAX_LABEL) if kind == "entity" else (value_text or "")
    if kind in ("money", "quantity", "date") and value_text:
        # The sentence shown beside the figure is one that writes it so ("20 hours", not an
        # outlet's "19 hours" that agrees within its precision).
        # Best one whose condensed statement keeps the figure (a relative clause dropped from
        # "..., which also closed 14 schools, ..." would take the figure with it).
        claims = linked.claims
        members = (
            [i for i in members if value_text in condense(claims[i].text)]
            or [i for i in members if value_text in claims[i].text]
            or members
        )
    claim = central_claim(members, linked.claims, linked.links)
    core = condense(claim.text)
    if kind == "money" and isinstance(value, dict):
        prefix = f"{format_money(value)} — "
    elif kind in ("quantity", "date") and value_text:
        prefix = f"{value_text} — "
    elif kind == "quote":
        # The speaker leads only a label made of their own quoted words; a narrated statement
        # ("The council decided ...") keeps its room for the fact.
        quoted = _quoted_words(claim)
        prefix = ""
        if quoted and len(quoted.split()) >= 3:
            core = f"“{quoted}”"
            prefix = f"{speaker}: " if speaker else ""
    else:
        prefix = ""
    budget = max((MAX_LABEL if wide else TARGET_LABEL) - len(prefix), MIN_CORE)
    return shorten(prefix + shorten(core, budget), MAX_LABEL)
