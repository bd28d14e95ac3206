"""plurals: is an English word a plural noun, and what is its singular.

A count is read in the singular so that "one witness" and "three witnesses", "a child" and
"14 children", "1 foot" and "6 feet" name the same thing. The singular is the word's lemma in
simplemma's English dictionary (a real lemmatiser rather than hand-made suffix rules, which read
"news" as the plural of "new" and "buses" as "buse"). simplemma knows no parts of speech, so it
also takes verb and adjective forms back to their lemma ("killed" -> "kill", "took" -> "take",
"older" -> "old"); a word is read as a plural noun only when the way it differs from its lemma is
a way English forms plurals (see IRREGULAR_PLURALS).

simplemma is imported on first use: importing it and loading its English dictionary take about
0.2 s (0.05 s and 0.13 s, measured on the development machine), which `compare --help` and
commands that read no counts should not pay.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from compare.text import STOPWORDS, fold

# The ways an English plural that does not end in "s" differs from its singular, as (plural
# ending, singular ending) with the rest of the word equal: women/woman, children/child,
# feet/foot, teeth/tooth, geese/goose, mice/mouse, data/datum, criteria/criterion, alumni/alumnus,
# larvae/larva. General English morphology (any grammar's list of irregular plurals); verb and
# adjective forms never differ from their lemma this way ("fled"/"flee", "won"/"win",
# "better"/"good"), so these patterns, not a list of words, tell a plural from a verb form.
IRREGULAR_PLURALS = (
    ("men", "man"),
    ("ren", ""),
    ("eet", "oot"),
    ("eeth", "ooth"),
    ("eese", "oose"),
    ("ice", "ouse"),
    ("a", "um"),
    ("a", "on"),
    ("i", "us"),
    ("ae", "a"),
)
# The shortest word read as a plural ending in "s" when the lemmatiser has no entry for it:
# "gas", "bus", "yes" are not plurals (the rule this module replaced used the same bound).
MIN_UNKNOWN_PLURAL = 4


@cache
def _lemmatiser() -> Callable[[str], str]:
    """simplemma's English lemmatiser, imported and loaded once, on first use."""
    import simplemma  # lazy: see the module docstring

    def english(word: str) -> str:
        return str(simplemma.lemmatize(word, lang="en"))

    return english


def lemma(word: str) -> str:
    """The dictionary form of `word` (as written, so that "Texans" is read as the demonym),
    folded; the folded word itself when the lemmatiser has no entry for it."""
    if not word:
        return word
    return fold(_lemmatiser()(word))


def _differs_as_a_plural(plural: str, single: str) -> bool:
    """Does `plural` (no final "s") differ from its lemma `single` the way an irregular plural
    differs from its singular?"""
    for plural_end, single_end in IRREGULAR_PLURALS:
        if plural.endswith(plural_end) and single.endswith(single_end):
            plural_stem = plural[: len(plural) - len(plural_end)]
            single_stem = single[: len(single) - len(single_end)]
            if single and plural_stem == single_stem:  # "men" / "man": the stem may be empty
                return True
    return False


# The English nouns whose plural turns a final "f"/"fe" into "-ves": a closed class (any grammar
# lists it). Other words in "-ves" are plurals of nouns in "-ve" ("caves", "nerves", "valves").
F_TO_VES = frozenset(
    """life wife knife leaf half calf shelf self elf wolf thief loaf sheaf scarf wharf hoof""".split()
)


def _ves_singular(folded: str, single: str) -> str:
    """English turns a final "f"/"fe" into "-ves" (lives, wives, halves, thieves); simplemma,
    knowing no parts of speech, reads such a word as a verb in "-ve" ("live", "wive"). Prefer
    the "f"/"fe" noun when it is one of F_TO_VES."""
    if not (folded.endswith("ves") and single == folded[:-1]):
        return single
    for noun in (folded[:-3] + "f", folded[:-3] + "fe"):
        if noun in F_TO_VES:
            return noun
    return single


def is_plural(word: str) -> bool:
    """Is `word` (as written) a plural noun: "boxes", "injuries", "children", "feet", "Texans";
    not "news", "series", "press", "bus", "killed", "took", "older"."""
    folded = fold(word)
    if folded in STOPWORDS:
        return False  # "was", "has", "does", "its": their lemmas differ, but they are no nouns
    single = lemma(word)
    if single == folded:
        return False
    if folded.endswith("s"):
        return True
    return _differs_as_a_plural(folded, single)


def may_be_plural(word: str) -> bool:
    """Can `word` stand as the plural head of a count? A plural noun, or a word in "-s" the
    lemmatiser leaves as it is: one form for both numbers ("species", "series",
    "headquarters") or a word it has no entry for."""
    folded = fold(word)
    if is_plural(word):
        return True
    return (
        folded.endswith("s")
        and not folded.endswith("ss")
        and len(folded) >= MIN_UNKNOWN_PLURAL
        and lemma(word) == folded
    )


def singular(word: str) -> str:
    """The singular of a plural noun, folded ("injuries" -> "injury", "witnesses" -> "witness",
    "children" -> "child", "feet" -> "foot", "lives" -> "life"); any other word folded and
    otherwise as it is ("people", "news", "species", "killed")."""
    folded = fold(word)
    if not is_plural(word):
        return folded
    return _ves_singular(folded, lemma(word))
