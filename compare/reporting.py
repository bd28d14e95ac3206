"""reporting: the one vocabulary of reporting verbs ("said", "told", "added", "reported" ...).

Four steps look for a reporting verb, each for its own job:

- `compare.claims`: a short part of a sentence that ends in one ("..., the minister said") is the
  attribution of the statement beside it, never a clause of its own;
- `compare.labels`: a frame such as "X said that" is dropped from a fact's row label;
- `compare.extract.names` (and `quotes`): the name next to one is a speaker, so a person;
- `compare.attribution`: "the daily La Gazzetta reported" credits an outlet.

Each builds its pattern from the groups below, the shared speech verbs plus the few groups its job
needs, so the words are listed once. The groups are general English (verbs that introduce
reported speech in news copy), not words taken from any article or event. This module imports
nothing from the project, so every step, from `attribution` (read) to `labels` (render), may
use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple


class Verb(NamedTuple):
    """One reporting verb in the forms news copy uses it in."""

    past: str  # "said": the simple past, also the participle after "has"/"had"
    present: str | None  # "says"; None when the -s form is more often a plural noun ("claims", "notes")
    gerund: str  # "saying": opens a participle clause ("..., saying that ...")

    @property
    def finite(self) -> tuple[str, ...]:
        """The forms that stand after a subject: past, then present when it is a verb."""
        return (self.past,) if self.present is None else (self.past, self.present)


# -- single verbs that a job takes one by one ----------------------------------------------------

SAY = Verb("said", "says", "saying")
ADD = Verb("added", "adds", "adding")
NOTE = Verb("noted", None, "noting")  # "notes" is as often the noun
# "Tell" takes its listener as an object ("told reporters", "told The Courier on Monday"): each job
# adds it with its own pattern for the listener, and the name after it is never the speaker.
TELL = Verb("told", "tells", "telling")
REPORT = Verb("reported", None, "reporting")  # "reports" is as often the noun ("news reports")
WRITE = Verb("wrote", "writes", "writing")

# -- groups ----------------------------------------------------------------------------------------

# Verbs of stating: their object is the statement itself ("she added that ...", "'...,' he
# warned", "..., stressing that ..."), neutral or with a stance (stress, warn, insist, admit,
# concede ...). Their -ing form opens a participle clause whose rest is the statement. Present
# forms that are more often plural nouns ("notes", "states", "claims") are left out.
STATING_VERBS: tuple[Verb, ...] = (
    SAY,
    ADD,
    NOTE,
    Verb("stated", None, "stating"),
    Verb("explained", "explains", "explaining"),
    Verb("stressed", "stresses", "stressing"),
    Verb("warned", "warns", "warning"),
    Verb("cautioned", "cautions", "cautioning"),
    Verb("insisted", "insists", "insisting"),
    Verb("argued", "argues", "arguing"),
    Verb("declared", "declares", "declaring"),
    Verb("claimed", None, "claiming"),
    Verb("recalled", "recalls", "recalling"),
    Verb("reiterated", "reiterates", "reiterating"),
    Verb("acknowledged", "acknowledges", "acknowledging"),
    Verb("admitted", "admits", "admitting"),
    Verb("conceded", "concedes", "conceding"),
)

# Verbs of a reply: they attribute words as the others do ("'No,' she replied"), but their -ing form
# takes "to" ("responding to the report"), so it opens no statement.
REPLY_VERBS: tuple[Verb, ...] = (
    Verb("replied", None, "replying"),
    Verb("responded", "responds", "responding"),
    Verb("answered", None, "answering"),
    Verb("countered", None, "countering"),
)

# "'...,' she continued": a speech verb only right after quoted words; elsewhere its subject is
# anything that goes on ("the fighting continued"), so it is not in the shared base: names and
# labels, which read it beside a quote, add it.
CONTINUE = Verb("continued", "continues", "continuing")

# The shared base: verbs whose subject is the speaker of the words beside them ("'...,' she
# added", "Quill said that ..."), people and bodies alike. Every job that looks for a speaker or a
# frame starts from this group.
SPEECH_VERBS: tuple[Verb, ...] = (*STATING_VERBS, WRITE, *REPLY_VERBS)

# Verbs of making something public. Their subject is as often an institution as a person ("the
# ministry announced", "police confirmed"), so they are no evidence that a name is a person.
ANNOUNCING_VERBS: tuple[Verb, ...] = (
    Verb("announced", "announces", "announcing"),
    Verb("confirmed", "confirms", "confirming"),
)

# Speech acts whose content is a question, a request or a promise, not a statement: they name the
# speaker of quoted words, but "X urged that Y" does not state Y, so no label drops them as a frame.
REQUEST_VERBS: tuple[Verb, ...] = (
    Verb("asked", "asks", "asking"),
    Verb("urged", "urges", "urging"),
    Verb("vowed", None, "vowing"),
)

# Verbs of the channel, not of the content ("she tweeted", "he spoke to reporters"): they name a
# speaker, but frame no statement.
CHANNEL_VERBS: tuple[Verb, ...] = (
    Verb("tweeted", None, "tweeting"),
    Verb("posted", None, "posting"),
    Verb("spoke", "speaks", "speaking"),
)

# What an outlet does with a story ("the daily La Gazzetta reported", "the weekly revealed").
PUBLISHING_VERBS: tuple[Verb, ...] = (
    REPORT,
    WRITE,
    Verb("revealed", "reveals", "revealing"),
    Verb("cited", "cites", "citing"),
    Verb("quoted", None, "quoting"),
    Verb("published", "publishes", "publishing"),
)

# Verbs of a mind, not of speech: "X believes that Y" frames Y as "X said that Y" does, but names no
# speaker of quoted words. Labels only.
BELIEF_VERBS: tuple[Verb, ...] = (
    Verb("believed", "believes", "believing"),
    Verb("thought", "thinks", "thinking"),
)

# Verbs that frame a statement but whose subject is as often a thing as a person ("the figures
# suggested that ...", "the report indicated"): a frame to drop, no evidence of a person.
EVIDENCE_VERBS: tuple[Verb, ...] = (
    Verb("suggested", "suggests", "suggesting"),
    Verb("indicated", "indicates", "indicating"),
)


def finite(verbs: Iterable[Verb]) -> tuple[str, ...]:
    """The finite forms of `verbs` (past, then present), in order, each once."""
    return tuple(dict.fromkeys(form for verb in verbs for form in verb.finite))


def gerunds(verbs: Iterable[Verb]) -> tuple[str, ...]:
    """The -ing forms of `verbs`, in order, each once."""
    return tuple(dict.fromkeys(verb.gerund for verb in verbs))


def alternation(forms: Iterable[str]) -> str:
    """A non-capturing regex group matching any of `forms` (escaped), in the order given."""
    return "(?:" + "|".join(re.escape(form) for form in dict.fromkeys(forms)) + ")"
