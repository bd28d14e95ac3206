"""clean: keep the story, drop the page furniture, and say why each line went.

Two passes, as in jusText: every line is first labelled from its own features (the rule table
below, length, end punctuation), then its neighbours settle the uncertain ones: a short line
between two story paragraphs is a subheading, the same short line among menus is a menu; a
caption's first line is known by the credit line after it; a teaser link's blurb is known by the
teaser before it and by sharing little with the story. A body pasted twice is found by comparing
each paragraph with the ones already kept, exactly and then with rapidfuzz.

Rules are data: `FURNITURE_RULES` names each pattern, why it exists and an example it drops.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from compare.model import Dropped, DropReason
from compare.segment import Line, ends_sentence, split_lines
from compare.text import content_stems

Label = Literal["story", "heading", "furniture", "teaser", "marker"]


@dataclass(frozen=True)
class Rule:
    """One furniture pattern: matched against a whole line (case-insensitive)."""

    name: str
    pattern: re.Pattern[str]
    label: Label
    example: str
    max_words: int  # longer lines are story text that happens to contain the words


# Rules that look for words anywhere in a line only apply to lines this short: "sign up" in a
# short line is a prompt, in a 40-word paragraph it is a quote ("convincing allies to sign up").
SHORT_LINE_WORDS = 15
# Rules anchored at the start of a line ("Read more: <headline>") may match longer lines: a teaser
# link quotes the other story's full headline, 24 words in seed 002, and a story paragraph does
# not open with "Read more:".
ANCHORED_LINE_WORDS = 40
# A print-edition note quotes the print headline and ends in reprint and subscription links: 30 to
# 45 words on the newspaper pages seen (US newspapers of record, 2024-2026), so room for a long
# headline.
PRINT_NOTE_WORDS = 70
# A reader-funding appeal runs 30 to 70 words on the reader-funded news sites seen (US digital
# outlets and UK newspapers, 2024-2026); its closing question is what identifies it, so the limit
# only keeps a long quoted paragraph that happens to hold the words from being dropped.
APPEAL_WORDS = 90
# A correction note is one to three sentences, 15 to 60 words on the newspaper pages seen (US
# newspapers of record, 2024-2026), with its label and date; longer lines are story.
CORRECTION_WORDS = 70
# An agency's funding disclosure names its funder and what it covers, then says it alone answers
# for the content: 30 to 60 words on the wire stories seen (US agencies, 2023-2026).
FUNDING_NOTE_WORDS = 80
# The heading of a reader-funding appeal box ("Support independent news", "A note to readers") has
# at most this many words: a box's title, not a subhead over several story paragraphs.
APPEAL_HEADING_WORDS = 8


# What a reader-funding appeal asks the reader for: money or membership. "Support" counts only
# with its object ("support us", "support our journalism"): "Would you support the plan?" is a
# question a story may quote.
_ASK = (
    r"(chip(ping)? in|contribut(e|ing)|donat(e|ing)|giv(e|ing) (a gift|today|now)|"
    r"(make|making) a (recurring |monthly |one-time )?(contribution|donation|gift)|"
    r"a (contribution|donation|gift)|becom(e|ing) a (paying |monthly )?(member|supporter|patron|donor)|"
    r"support(ing)? (us|our (work|journalism|reporting|newsroom|mission))|"
    r"keep(ing)? (our|this) (journalism|reporting|work|site) (free|going|independent))"
)
# A capitalised word (a name), whatever the rule's case-insensitive flag: "the Valley Ledger", not
# "the flood appeal".
_CAPITALISED = r"(?-i:[A-Z])[\w'’]*"
# What may follow the ask before the question mark: when, how often, how much, or to whom
# ("giving monthly?", "donating to the Valley Ledger?"); not an object of another kind
# ("donating blood?").
_ASK_TRAILER = (
    r"(\s+(today|now|again|monthly|each month|once|(with|as little as) \$?\d[\d,.]*|"
    rf"to (us|our \w+|(the )?{_CAPITALISED}( {_CAPITALISED}){{0,3}}))){{0,2}}"
)

# A line holding a quotation is someone speaking in the story, not the site: double quotes,
# guillemets, an opening curly single quote, or a straight single quote opening a word ("'Would
# you ...?' she asked"). An apostrophe inside or after a word ("the Ledger’s", "readers' money") is
# none.
_QUOTE = r"[\"“”‘«»]|(?<!\w)'"
_NO_QUOTE = rf"^(?!.*(?:{_QUOTE}))"
# The site saying who keeps it going: "thanks to readers like you", "because of listeners like
# you". A story reports what others said of "members like you"; the site says it without a speech
# verb.
_LIKE_YOU = (
    r"\b(thanks to|because of|made possible by|funded by|powered by|supported by|relies on|depends? on) "
    r"(readers|members|supporters|donors|listeners|viewers|subscribers) like you\b"
    r"(?![^.!?]{0,60}\b(said|says|told|tells|asked|asks)\b)"
)

_WEEKDAYS = r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|rsday|urday|sday)?\.?,?"
_MONTHS = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|"
    r"nov(ember)?|dec(ember)?)\.?"
)
# The date a correction's label carries after a bracket or a dash: "(June 3, 2019)", "— 3 June",
# "- Monday, June 3".
_NOTE_DATE = rf"(\d|{_MONTHS}\s*\d|{_WEEKDAYS}\s*(\d|{_MONTHS}))"
_CLOCK = r"\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s*[a-z]{2,5}([+-]\d{1,2}(:?\d{2})?)?)?"
# A line that is a date and nothing else: weekday, day and month in either order, year, and a
# time with its zone before or after ("08.15 GMT — Thu 14 Nov 2019", "Friday, June 21, 2019"),
# and the update stamp a strip of article metadata puts after it ("Jun 21, 2019 7:05 PM GMT+2 ·
# Updated 40 minutes ago").
_DATE_ONLY = (
    rf"^({_CLOCK}\s*[,|•·—–-]?\s*)?({_WEEKDAYS}\s+)?"
    rf"(\d{{1,2}}(st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(\s*[,|•·—–-]?\s*(at\s+)?{_CLOCK})?"
    rf"(\s+[|•·—–-]\s+(updated|last updated|modified|edited)\b[^.!?|•·]{{0,40}})?\s*$"
)


# A person's name in a furniture rule: two to four capitalised words, whatever the rule's flag.
_NAME = r"(?-i:[A-Z])[\w'’.-]+( (?-i:[A-Z])[\w'’.-]+){1,3}"


# A word of a filing note after "from": a capitalised word (a place, a writer's name, "D.C.") or
# one of the note's connectives ("Oslo, and John Roe from Bergen.").
_FILING_WORD = r"(?:(?-i:[A-Z])[\w'’.-]*+|and|from|in|contributed|reporting|reported)"


def _rule(
    name: str, pattern: str, example: str, label: Label = "furniture", max_words: int = SHORT_LINE_WORDS
) -> Rule:
    return Rule(name, re.compile(pattern, re.I), label, example, max_words)


# Each rule must match its example (tests check this); `label` says what the line is:
# furniture is dropped alone, a marker also opens a zone of teaser links that follow it.
FURNITURE_RULES: tuple[Rule, ...] = (
    # Ad slots and their placeholders.
    _rule(
        "advertisement",
        r"^\W*(advertisement|advertising|sponsored( content)?|ad|loader|loading\.*)\W*$",
        "ADVERTISEMENT",
    ),
    # Sign-up, subscription and app prompts: short imperative calls to action.
    _rule(
        "call-to-action",
        r"^(get|start|download|sign|subscribe|join|follow|register|log|create|try|install|"
        r"read news|listen|tap|click|unlock|upgrade|become)\b.{0,80}$",
        "Sign up to our free newsletter",
    ),
    _rule(
        "account-prompt",
        r"\b(already (a member|a subscriber|have an account)|sign (in|up)|log ?in|"
        r"subscribe|subscription|newsletters?|free trial|days free|premium)\b",
        "Already a member? Sign in here",
    ),
    _rule(
        "share-buttons",
        r"^(share|tweet|email|print|copy link|copy/paste|copy to clipboard|"
        r"comments?)\b.{0,80}$|^comments? \(\d+\)$|\b(share this article|embed link)\b",
        "Share this article Comments",
    ),
    # Whole-line pattern (no sentence punctuation anywhere), so long footer menus qualify too.
    # The items exclude the separator characters, so a line splits into items one way only:
    # with items that may hold " | ", a 19-item line ending in a full stop took 60 ms to fail,
    # and each further item doubled it.
    _rule(
        "menu-separators",
        r"^[^.!?|•·»>]{0,120}(\s[|•·»>]\s[^.!?|•·»>]{0,40}){2,}$",
        "About us | Contact | Careers | Advertise with us | Terms of Use | Privacy Policy",
        max_words=ANCHORED_LINE_WORDS,
    ),
    # Captions and credits: photo agencies, copyright lines, credits in brackets (`[^()]`: an
    # unclosed "(photo" is not rescanned to the line end from every later "(photo").
    _rule(
        "credit",
        r"(^copyright\b|\bcopyright \d{4}|©|\ball rights reserved\b|\bmandatory credit\b|"
        r"\((photo|picture|image|credit|file)[^()]*\)\s*$|\b(photo|picture|image|credit)s?\s*:\s*[A-Z]|"
        r"\b(getty images|afp via getty|ap photo|reuters/|epa-efe)\b|"
        # US papers' caption credits: "Credit...Jane Doe for The Valley Ledger" (often glued to
        # the caption) and "(Jane Doe/Valley Ledger)" closing a caption.
        r"\b(?-i:Credit)(\.{2,}|…)(?=\S)|"
        rf"\(\s*{_NAME}\s*/\s*(?-i:[A-Z])[^()/]{{1,60}}\)\s*$)",
        "Copyright Tomas Brenner/AP. All rights reserved",
        max_words=40,
    ),
    # Bylines, datelines and timestamps standing alone.
    _rule(
        "byline",
        r"^by [A-Z][\w'’.-]+( [A-Z][\w'’.-]+){0,3}(,| with| and| in)?[^.!?]{0,60}$",
        "By Jane Doe, Chief Reporter",
    ),
    # A news agency's or newsroom's funding disclosure under the story: "The Associated Press
    # receives support from X for its coverage of Y. The AP is solely responsible for all content."
    _rule(
        "funding-disclosure",
        r"\breceives? (financial )?support from\b[^!?]{0,200}\bsolely responsible for (all )?(of )?"
        r"(its |the |this )?content\b",
        "The Valley Wire receives support from the Orchard Fund for its coverage of farming. The Valley "
        "Wire is solely responsible for all content.",
        max_words=FUNDING_NOTE_WORDS,
    ),
    # Wire-copy credit lines at a story's foot: who reported, wrote and edited it.
    _rule(
        "reporting-credit",
        r"^\(?(additional |further )?(reporting|writing|editing|compiled|produced) by\b[^.!?]{0,150}\)?\.?$",
        "(Reporting by Jane Doe in Oslo; Editing by John Roe)",
        max_words=ANCHORED_LINE_WORDS,
    ),
    # The same credit as a sentence closing the story: "The Associated Press contributed to this
    # report.", "Reuters contributed reporting from London."
    _rule(
        "contributor-credit",
        r"^[^.!?]{3,160}? contributed (reporting|to (this|the) (report|story|article))"
        r"( from [^.!?]{1,60})?\.?$|"
        # "Material from Reuters was used": a source named ("Information from three hospitals was
        # used in the report" is the story's).
        r"^(material|information|reporting|content) (from|by) (the )?(?-i:[A-Z])[^.!?]{1,120} (was|were) "
        r"used in (this|the) (report|story|article)\.?$",
        "Associated Press writer Jane Doe in Oslo contributed to this report.",
        max_words=ANCHORED_LINE_WORDS,
    ),
    # Where the writers filed from, under a US newspaper's byline or at its foot: "Jane Doe
    # reported from Oslo, and John Roe from Bergen.", "Jane Doe reported from Oslo. John Roe from Bergen."
    # After "from" only places, writers' names and the note's connectives: "Jane Doe reported from
    # Oslo, where the ferry sank" is the story's sentence. Possessive repeats: one way to read it.
    _rule(
        "filing-note",
        rf"^{_NAME}( and {_NAME})? (reported|contributed reporting) from {_FILING_WORD}"
        rf"(?:[ ,]++{_FILING_WORD})*+$",
        "Jane Doe reported from Oslo, and John Roe from Bergen.",
        max_words=ANCHORED_LINE_WORDS // 2,
    ),
    # "Jane Doe, Transport Correspondent": a name and the writer's job on a line of its own.
    _rule(
        "byline-role",
        r"^[\w'’.-]+( [\w'’.-]+){1,3}\s*[,|]\s*[\w ]{0,40}\b(correspondent|reporter|editor|desk|"
        r"writer|staff|columnist|contributor)s?\b[\w ]{0,20}$",
        "Jane Doe, Transport Correspondent",
        max_words=10,
    ),
    _rule(
        "timestamp",
        r"^(published|updated|posted|last updated|first published)\b[^.!?]{0,60}"
        r"(\s*[|·•]\s*(last )?(updated|modified)\b[^.!?]{0,60})?$",
        "Published on Updated",
    ),
    # A date (and time) standing alone: the page's dateline stamp, above or below the story.
    _rule("date-line", _DATE_ONLY, "Thu 14 Nov 2019 08.15 GMT"),
    # Reading-time stamps, usually in a strip of article metadata ("Oct 5, 2025 · 4 min read").
    _rule("reading-time", r"\b\d{1,3}[ -]?min(ute)?s?\.? read\b", "Oct 5, 2025 · 4 min read · World"),
    _rule(
        "translation-note",
        r"^(translated|translation) (from|by)\b.{0,80}$|\b(machine[- ]translated|automatically translated)\b",
        "Translated from Finnish by our newsroom",
    ),
    # The page telling it is a translation, in its own voice: "This article was translated from
    # Finnish by ...", "This story has been machine-translated and checked by an editor".
    _rule(
        "translated-page",
        r"^this (article|story|report|text|piece|interview|post) (was|has been|is|were|have been) "
        r"(\w+ )?(translated|machine[- ]translated)\b[^!?]{0,160}$",
        "This article was translated from Finnish by our newsroom and reviewed by an editor.",
        max_words=ANCHORED_LINE_WORDS,
    ),
    # An outlet's line on its own standards under the story: "Our Standards: The Newsroom Code.",
    # "Read our editorial guidelines", "Editorial standards | Corrections".
    _rule(
        "standards-note",
        r"^(our|read our|about our|learn more about our|see our)\s+(editorial\s+)?(standards|principles|"
        r"guidelines|ethics policy|code of (ethics|conduct|practice))(\s*[:|].*|\W*)$|"
        r"^editorial (standards|principles|guidelines)\s*([:|].*|\W*)$",
        "Our Standards: How We Report and Correct.",
    ),
    # A live page's or explainer's list of its sources above or below the text: "Sources: AP,
    # the interior ministry. Counts change as districts report."
    _rule("sources-line", r"^sources?\s*:\s*\S", "Sources: AP, the state fire service."),
    # Reader instructions that belong to the site, not the story.
    _rule(
        "site-instruction",
        r"\b(suggest a correction|press ctrl|ctrl ?\+ ?enter|click here|"
        r"accessibility shortcuts|cookie|javascript|your browser|terms of (use|service)|"
        r"privacy policy|all rights)\b",
        "To suggest a correction or clarification, write to us",
    ),
    # Consent banners open with the site speaking about its cookies and run past 20 words.
    _rule(
        "cookie-consent",
        r"^(we|this (web)?site)( and our [\w ]{0,30}partners)? (use|uses|store) cookies\b",
        "We and our 842 partners use cookies and similar technologies to store and access "
        "information on your device for personalised advertising, measurement and content.",
        max_words=ANCHORED_LINE_WORDS,
    ),
    # Editors' notes on the page's own history: "This article has been updated with comment from
    # ...", "This story was originally published on ...". They describe the page, not the event.
    _rule(
        "update-note",
        r"^(this|the) (article|story|report|post|piece) (has been|was|is) (updated|originally published|"
        r"first published|republished)\b[^!?]{0,160}$|"
        # The notes of a page carried from another outlet. "This", not "the": "The report was
        # produced by an independent panel" and "The report first appeared in 2019" are story
        # sentences about a report; so is "Distributed by volunteers, the parcels ...": a note
        # names its distributor.
        r"^this (article|story|report|post|piece) (has been|was|is) (reprinted|syndicated|produced|"
        r"co-published)\b[^!?]{0,160}$|"
        r"^this (article|story|report|post|piece) (first|originally) (appeared|ran)\b[^!?]{0,160}$|"
        r"^(distributed|syndicated) by (the )?(?-i:[A-Z])[^!?]{0,80}$",
        "This article has been updated with comment from the mayor's office.",
        max_words=ANCHORED_LINE_WORDS,
    ),
    # A print newspaper's note under its web story: where the article ran in print and under what
    # headline, followed by reprint and subscription links.
    _rule(
        "print-edition",
        r"^(a version of this (article|story|piece|review) (appears|appeared) in print|"
        r"appeared in the [^.!?]{0,40}print edition)\b",
        "A version of this review appears in print on March 4, 2018, Section C, Page 3 of the "
        "Metro edition with the headline: Orchard Owners Count Frost Damage. Buy Reprints | E-Edition",
        max_words=PRINT_NOTE_WORDS,
    ),
    # Reader-funded sites ask for money under the story in the site's own voice: a question that
    # asks the reader to chip in, contribute, donate or become a member, a "support our journalism"
    # call, or the site saying it lives "thanks to readers like you". News copy reports donations in
    # the third person ("Residents donated $2 million"); it does not ask the reader for one, and an
    # appeal it quotes ("'Would you consider donating?' the mayor asked") is in quotation marks.
    _rule(
        "donation-appeal",
        rf"{_NO_QUOTE}(.*?\bwould you (please )?(consider |like to |be willing to )?"
        rf"(join(ing)? us (by |in |as )?|help(ing)? us (by )?)?{_ASK}{_ASK_TRAILER}\s*\?|"
        r".*?\b(support|fund) (our|independent) (journalism|reporting)( today| now)?\W*$|"
        r".*?\bsupport (us|our (work|journalism|reporting|newsroom|mission))\b"
        r"(?![^.!?]{0,30}\b(said|says)\b)|"
        r".*?\b(make|become) a (recurring |monthly )?(contribution|donation|supporter|member) (today|now)\b|"
        rf".*?{_LIKE_YOU}|"
        r"(please )?(donate|contribute|chip in)( \$?\d[\d,.]*)?( (now|today|monthly))?\W*$)",
        "Reporting like this takes time and money. Would you consider giving today? Thanks to listeners "
        "like you, this station stays on the air.",
        max_words=APPEAL_WORDS,
    ),
    # A newspaper's correction under (or over) its story: the label with a colon or a date
    # ("Correction: ...", "Clarification (June 3, 2019)"), "An earlier version of this article
    # misstated ...", "This story has been corrected to ...". It tells what the page once said
    # wrongly, not what happened; the story itself now says it rightly. "The article was corrected by
    # the court" and "Corrections - mostly small - were made" are the story's own subject.
    _rule(
        "correction-note",
        rf"^(corrections?|clarifications?)\s*(:|[(\[—–-]\s*{_NOTE_DATE})|"
        r"^an? (earlier|previous|prior) version of this (article|story|report|post|piece|item|column)\b|"
        r"^this (article|story|report|post|piece) (has been|was|is) (corrected|amended|clarified)\b",
        "Correction: An earlier version of this article gave the wrong opening date for the library.",
        max_words=CORRECTION_WORDS,
    ),
    # The site's corrections policy: "We correct our mistakes with a correction note. If you spot an
    # error, let us know." A line with quotation marks, or one reporting speech, is a quote in the
    # story, not the site.
    _rule(
        "corrections-policy",
        rf"{_NO_QUOTE}(?!.*\b(said|says|told|tells)\b)"
        r"(.*\bwe\b[^.!?]{0,40}\b(mistake|error)s?\b[^.!?]{0,60}\bcorrections?\b|"
        r".*\bif you (spot|see|find|notice) an? (error|mistake|typo|inaccuracy)\b[^.!?]{0,60}"
        r"\b(let us know|contact us|e-?mail us|write to us|tell us|notify us)\b)",
        "Whenever we get a fact wrong, we own the error in a public correction. If you notice an "
        "inaccuracy, write to us.",
        max_words=ANCHORED_LINE_WORDS,
    ),
    # Links to other stories: inline ("Read more: ...") and section markers opening a list.
    _rule(
        "inline-teaser",
        r"^(read more|read also|also read|see also|watch|video|photos|gallery|"
        r"listen|live|related|more)\s*:\s*\S.*$",
        "Read more: Orchard growers brace for late frost",
        "marker",
        max_words=ANCHORED_LINE_WORDS,
    ),
    _rule(
        "teaser-section",
        r"^(read more|related( stories| articles| news| topics)?|more (stories|news|"
        r"from|on this)|(other|more) topics of interest|you (may|might) also like|"
        r"recommended( for you)?|most (read|popular|viewed|shared)|trending( now)?|"
        r"top stories.*|our picks|editor'?s picks|latest (news|stories)|in other news|"
        r"what to read next|further reading)\W*$",
        "Related Stories",
        "marker",
    ),
    _rule("in-other-news", r"^in other news\b", "In other news, a zoo welcomed twin lynx kittens", "teaser"),
)

# A story paragraph has at least this many words and ends like a sentence. Shorter punctuated
# lines ("One app.", "Start reading") are menus and prompts far more often than story in the
# files we have seen; a one-line quote of four words is the price.
MIN_STORY_WORDS = 6
# A line this long is story text even without end punctuation (a paragraph cut off by a scraper).
LONG_STORY_WORDS = 25
# Headings (titles, subheads, menu entries, teaser links) have at most this many words.
MAX_HEADING_WORDS = 20
# The title has at least this many words: "World" or "AFP News" are section labels, not titles.
MIN_TITLE_WORDS = 3
# A teaser blurb (the paragraph after a teaser link) is at most this long ...
MAX_BLURB_WORDS = 45
# ... and is dropped as off-topic when less than this share of its content (IDF-weighted) is found
# elsewhere in the story. On-topic paragraphs after a link share most of their names and words.
OFF_TOPIC_OVERLAP = 0.4
# Two paragraphs of one article at least this similar (rapidfuzz ratio, 0-100) are one pasted
# twice: copies differ by a fixed typo or an encoding artefact, distinct paragraphs by far more.
DUPLICATE_RATIO = 92.0
# Near-exact duplicates are looked for among at most this many kept paragraphs (exact ones among
# all): a real article has a few dozen, and comparing every pair of a 100,000-line dump would
# take minutes for nothing.
FUZZY_DUPLICATE_LIMIT = 500
# Ignore very short lines when looking for duplicates: the same short sentence may recur.
MIN_DUPLICATE_CHARS = 40


@dataclass(frozen=True)
class Cleaned:
    """The story paragraphs (in order), the title if one was found, and what was dropped."""

    title: str | None
    paragraphs: tuple[str, ...]
    dropped: tuple[Dropped, ...]
    published: str | None = None  # a date a scraper glued onto the first line
    # Every line above the first story paragraph except the title, as it was (kept or dropped):
    # the masthead zone where a page names its site, section and byline. compare.attribution
    # reads what these lines say before they are dropped as furniture.
    header: tuple[str, ...] = ()


# A line that ends by closing a quotation with no full stop, question or exclamation mark inside or
# after it ends a headline quoting someone's words ("... calls it 'a fair start'"), not a sentence:
# a story sentence that ends on a quote has its end punctuation inside ('... the door."', US style)
# or after it ('... the door".', British style).
_QUOTED_WORDS_END = re.compile(r"[^\s.!?;:,\"'“”‘’»)\]][\"'”’»]\s*$")


def classify(text: str) -> Label:
    """First pass: a line's label from its own features."""
    n_words = len(text.split())
    for rule in FURNITURE_RULES:
        if n_words <= rule.max_words and rule.pattern.search(text):
            return rule.label
    if n_words >= LONG_STORY_WORDS:
        return "story"
    ends = ends_sentence(text) and not _QUOTED_WORDS_END.search(text)
    if ends and n_words >= MIN_STORY_WORDS and not text.rstrip().endswith("?"):
        return "story"
    if ends and n_words >= MIN_STORY_WORDS + 2:  # a question asked in the story
        return "story"
    if n_words <= MAX_HEADING_WORDS:
        return "heading"
    return "story"


_METADATA_PREFIX = re.compile(
    r"^\s*(?:date|published|updated|posted)\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:]+Z?)?\s+(?=\S)", re.I
)


def strip_metadata_prefix(text: str) -> tuple[str, str | None]:
    """Scrapers sometimes glue a metadata field onto the first line ("date 2025-03-02 The council ...");
    take it off and return the date it gave."""
    match = _METADATA_PREFIX.match(text)
    if not match:
        return text, None
    return text[match.end() :], match.group(1)


# "LIVE: <headline>" as the first heading of a page is a live page's own headline; under another
# headline, or in or after the story, it is a link to some live coverage (the inline-teaser rule).
_OWN_LIVE_TITLE = re.compile(r"^live\s*:\s*\S", re.I)


def clean(text: str, *, title: str | None = None, not_title: Callable[[str], bool] | None = None) -> Cleaned:
    """Split text into lines, label each, and keep the story paragraphs. `not_title` says which
    heading-like lines are a byline or a date stamp, never the headline (compare.attribution's
    `is_page_metadata`, passed in by the pipeline: attribution reads the cleaner's output)."""
    lines = split_lines(text)
    published = None
    if lines:
        first, published = strip_metadata_prefix(lines[0].text)
        lines[0] = Line(first, lines[0].after_blank)
    labels = [classify(line.text) for line in lines]
    _mark_caption_lead_lines(lines, labels)
    _mark_appeal_headings(lines, labels)
    _mark_author_bios(lines, labels)
    story_at = [i for i, lab in enumerate(labels) if lab == "story"]
    first_story = story_at[0] if story_at else len(lines)
    last_story = story_at[-1] if story_at else -1
    for i in range(first_story):
        if labels[i] == "marker" and _OWN_LIVE_TITLE.match(lines[i].text):
            labels[i] = "heading"  # a live page's own headline, not a link to another page

    found_title = _pick_title(lines, labels, first_story, title, not_title)
    if found_title is not None and found_title[0] == first_story:
        # The given title's line looked like story (a headline ending in a full stop): the
        # story, and the header zone above it, begin after it.
        story_at = [i for i in story_at if i != first_story]
        first_story = story_at[0] if story_at else len(lines)
        last_story = story_at[-1] if story_at else -1
    dropped: list[Dropped] = []
    kept: list[str] = []
    kept_folded: list[str] = []
    kept_keys: set[str] = set()
    in_teasers = False
    after_teaser_link = False
    story_stems = _story_stems(lines, labels)
    lines_with = Counter(stem for stems in story_stems for stem in stems)
    link_stems: set[str] | None = None  # content of the inline link the next paragraph may describe
    for i, (line, label) in enumerate(zip(lines, labels, strict=True)):
        reason: DropReason | None = None
        if found_title is not None and i == found_title[0]:
            continue  # the headline, whatever its line looks like ("... calls it 'a deal'.")
        if label == "marker":
            after_teaser_link = not _is_bare_marker(line.text)
            # A lone inline link ("Read more: <headline>") inside the story is a link, not a
            # teaser block: the paragraph after it is its blurb only if it speaks of the linked
            # story or closes the page's text; otherwise the story goes on after the link. Inside
            # a zone a section marker opened, the overlap test alone decides.
            link_stems = None if in_teasers else _word_stems(line.text.partition(":")[2])
            in_teasers = True
            reason = "boilerplate"
        elif label == "teaser":
            reason = "off-topic"
        elif label == "furniture":
            reason = "boilerplate"
        elif label == "heading":
            if in_teasers or i < first_story or i > last_story:
                reason = "boilerplate"
                after_teaser_link = in_teasers
                link_stems = None
            elif found_title is not None and _same_text(line.text, found_title[1]):
                reason = "duplicate"
            elif len(line.text.split()) < MIN_TITLE_WORDS and not ends_sentence(line.text):
                reason = "boilerplate"  # "World", "Loader": labels, not subheads
        elif label == "story" and after_teaser_link:
            words = len(line.text.split())
            describes_link = link_stems is None or i == last_story or bool(link_stems & story_stems[i])
            if (
                words <= MAX_BLURB_WORDS
                and describes_link
                and _off_topic(line.text, i, story_stems, lines_with)
            ):
                reason = "off-topic"
            in_teasers = after_teaser_link = False
        elif label == "story":
            in_teasers = after_teaser_link = False
        if reason is None and _is_duplicate(line.text, kept_folded, kept_keys):
            reason = "duplicate"
        if reason is not None:
            dropped.append(Dropped(line.text, reason))
            continue
        kept.append(line.text)
        kept_folded.append(_dup_key(line.text))
        kept_keys.add(kept_folded[-1])
    return Cleaned(
        title=found_title[1] if found_title else title,
        paragraphs=tuple(kept),
        dropped=tuple(dropped),
        published=published,
        header=tuple(
            line.text for i, line in enumerate(lines[:first_story]) if not found_title or i != found_title[0]
        ),
    )


def _is_bare_marker(text: str) -> bool:
    """A section marker alone ("Related Stories"), not a link with its headline ("Related: X")."""
    return ":" not in text


# The writer's bio under a story, in the present tense ("John Roe was a reporter for the Gazette for
# 30 years." closes an obituary): "Jane Doe is a politics reporter for the Valley Ledger.", "Jane Doe
# covers transport for the Valley Ledger. She joined the paper in 2019.", with what US and UK pages
# add after it (a pronoun's sentence, "Story tips can be sent to ...", "Follow her on X ...").
_BIO = re.compile(
    rf"^{_NAME} is (a|an|the) ([\w-]+ ){{0,4}}(reporter|correspondent|writer|editor|journalist|"
    r"columnist|producer|contributor|fellow|intern)s?\b[^.!?]{0,160}\.|"
    rf"^{_NAME} (covers|reports on|writes about) [^.!?]{{2,100}}\.",
)
# Each pronoun sentence but the last ends at its full stop, so a tail splits into sentences one
# way only: with the stop optional, "she aa she aa ... ?" split every way before failing
# (exponential: 22 pieces took 3 s).
_BIO_TAIL = re.compile(
    r"^(?:\s+(?:she|he|they) [^.!?]{2,160}[.!])*+(?:\s+(?:she|he|they) [^.!?]{2,160})?"
    r"(\s+(story tips|tips can be sent|follow (her|him|them)|more about|reach (her|him|them)) .{2,160})?\s*$",
    re.I,
)


def _mark_author_bios(lines: list[Line], labels: list[Label]) -> None:
    """The last story lines that are the writer's bio are furniture. Only at the foot: above it, "Jane
    Doe is a reporter for the Valley Ledger." is the story's own sentence about a journalist."""
    for i in range(len(lines) - 1, -1, -1):
        if labels[i] != "story":
            continue
        match = _BIO.match(lines[i].text)
        if not match or not _BIO_TAIL.match(lines[i].text[match.end() :]):
            return
        labels[i] = "furniture"


def _mark_caption_lead_lines(lines: list[Line], labels: list[Label]) -> None:
    """A caption's own line is often followed by the same caption with its credit appended:
    the line before a credit line that repeats it is a caption too."""
    for i in range(len(lines) - 1):
        nxt = lines[i + 1].text
        if labels[i + 1] == "furniture" and nxt.startswith(lines[i].text[: max(20, len(lines[i].text) // 2)]):
            labels[i] = "furniture"


_APPEAL = next(rule for rule in FURNITURE_RULES if rule.name == "donation-appeal")


def _mark_appeal_headings(lines: list[Line], labels: list[Label]) -> None:
    """A funding appeal set in a box has a short heading ("Support the Valley Ledger"): below the
    first story paragraph, a heading right over an appeal is the box's, not a subhead."""
    first_story = next((i for i, label in enumerate(labels) if label == "story"), len(labels))
    for i in range(first_story + 1, len(lines) - 1):
        following = lines[i + 1].text
        if (
            labels[i] == "heading"
            and len(lines[i].text.split()) <= APPEAL_HEADING_WORDS
            and len(following.split()) <= _APPEAL.max_words
            and _APPEAL.pattern.search(following)
        ):
            labels[i] = "furniture"


def _pick_title(
    lines: list[Line],
    labels: list[Label],
    first_story: int,
    given: str | None,
    not_title: Callable[[str], bool] | None = None,
) -> tuple[int, str] | None:
    """The headline: the front matter's title if given (and the line repeating it, also without
    the site's name a page title appends: "Headline | Site"), otherwise the last heading of at
    least MIN_TITLE_WORDS words before the first story paragraph that is not the byline under it."""
    if given:
        bare = _without_site_suffix(given)
        for i, line in enumerate(lines[: first_story + 1]):
            if _same_text(line.text, given):
                return i, given
            if bare != given and _same_text(line.text, bare):
                return i, line.text
        return None
    candidates = [
        i
        for i in range(min(first_story, len(lines)))
        if _could_be_title(lines, labels, i) and not (not_title and not_title(lines[i].text))
    ]
    live = [i for i in candidates if _OWN_LIVE_TITLE.match(lines[i].text)]
    if live and live[0] == candidates[0]:
        # A live page names itself so, as its first heading. Under another headline, "LIVE: ..."
        # is a link to some live coverage, not this page's title.
        return live[0], lines[live[0]].text.partition(":")[2].strip()
    others = [i for i in candidates if i not in live]
    return (others[-1], lines[others[-1]].text) if others else None


def _could_be_title(lines: list[Line], labels: list[Label], i: int) -> bool:
    """Is line `i` (above the story) a heading that may be the headline?"""
    if labels[i] != "heading" or len(lines[i].text.split()) < MIN_TITLE_WORDS:
        return False
    if _LIST_ITEM.match(lines[i].text):
        return False  # "• Shares fall 7%": a point of the summary box under the headline
    if _METADATA_STRIP.search(lines[i].text):
        return False  # "Jane Doe · Bergen · 04.03.2025 - 18:20": the byline strip under it
    above = lines[i - 1].text if i > 0 and labels[i - 1] == "heading" else ""
    # "Jane Doe in Oslo" right under a longer heading: the headline's byline. The second writer of
    # "Jane Doe and John Roe in Oslo" does not count: the line is as long as one writer's.
    match = _NAME_IN_PLACE.match(lines[i].text)
    own_words = len(lines[i].text.split()) - len((match.group("second") or "").split()) if match else 0
    return not (match and len(above.split()) > own_words)


# "Jane Doe in New York", "Jane Doe and John Roe in Lagos": the byline some papers print under the
# headline, a name and where the writer filed from, with no "By". A title-case headline can have
# the same shape ("Protests Erupt in Paris"), so it is only passed over right under a longer heading.
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]+"
_NAME_IN_PLACE = re.compile(
    rf"^{_CAP_WORD}( {_CAP_WORD}){{1,2}}(?P<second> and {_CAP_WORD}( {_CAP_WORD}){{1,2}})?"
    rf" in {_CAP_WORD}( {_CAP_WORD}){{0,2}}$"
)
# A strip of article metadata: items between " · " or " | " with a date or a clock time among
# them ("Jane Doe · Bergen · 04.03.2025 - 18:20", "Sport | 12 May 2025"), never the headline.
_METADATA_STRIP = re.compile(
    r"^(?=.*\s[·|•]\s)(?=.*(?:\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b))"
)
# A bulleted list item ("• ...", "- ...", "* ..."): a summary box's point, never the headline.
_LIST_ITEM = re.compile(r"^\s*[•·▪◦‣*–-]\s+\S")
# What a page title appends after the headline: " | Site", " - Site", " — Site" (a short name).
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—]{2,60}$")
# A site name appended to a title has at most this many words ("Channel 9 Perth", "The Sydney
# Morning Herald"); a longer tail after a dash is part of the headline.
MAX_SITE_SUFFIX_WORDS = 5


def _without_site_suffix(title: str) -> str:
    """The title without the site name a page appends ("Library hours extended | Valley Ledger")."""
    match = _SITE_SUFFIX.search(title)
    if not match or len(match.group(0).split()) - 1 > MAX_SITE_SUFFIX_WORDS or match.start() == 0:
        return title
    return title[: match.start()]


def _same_text(a: str, b: str) -> bool:
    return _dup_key(a) == _dup_key(b)


def _dup_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _is_duplicate(text: str, kept: list[str], kept_set: set[str]) -> bool:
    """Is this paragraph a copy (exact or near-exact) of one already kept?"""
    key = _dup_key(text)
    if len(key) < MIN_DUPLICATE_CHARS:
        return key in kept_set and len(key) > 0 and len(key.split()) >= MIN_STORY_WORDS
    if key in kept_set:
        return True
    if len(kept) > FUZZY_DUPLICATE_LIMIT:
        return False
    for other in kept:
        if abs(len(other) - len(key)) <= 0.1 * len(key) and fuzz.ratio(other, key) >= DUPLICATE_RATIO:
            return True
    return False


def _story_stems(lines: list[Line], labels: list[Label]) -> list[set[str]]:
    return [
        set(content_stems(line.text)) if lab == "story" else set()
        for line, lab in zip(lines, labels, strict=True)
    ]


def _word_stems(text: str) -> set[str]:
    """Content stems that are words, not numbers: "five minutes" and "$7,300" share no topic."""
    return {stem for stem in content_stems(text) if any(c.isalpha() for c in stem)}


def _off_topic(text: str, index: int, story_stems: list[set[str]], lines_with: Counter[str]) -> bool:
    """Share of the paragraph's content stems found in the article's other story lines
    (`lines_with`: how many story lines hold each stem, counted once per article so that a
    page of many teaser blurbs is not quadratic)."""
    own = set(content_stems(text))
    if not own:
        return True
    mine = story_stems[index]
    found = sum(1 for stem in own if lines_with[stem] - (stem in mine) > 0)
    return found / len(own) < OFF_TOPIC_OVERLAP
