"""money: sums with a currency, normalised so that different wordings compare equal.

"€25bn", "25 billion euros" and "EUR 25,000,000,000" are all {"currency": "EUR", "amount": 2.5e10}.
Each mention also carries the interval its figure covers (see `numbers.value_range`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from compare.extract.bounds import MAX_MENTIONS_PER_SENTENCE, Taken
from compare.extract.numbers import (
    APPROXIMATE_WORDS,
    MAG,
    MAGNITUDES,
    NUM,
    NUMBER,
    RANGE_MAX_RATIO,
    parse_number,
    qualifier_before,
    range_joint,
    tidy,
    value_range,
)
from compare.model import Mention

CURRENCY_SYMBOLS = {
    "€": "EUR",
    "$": "USD",
    "£": "GBP",
    "¥": "JPY",
    "₴": "UAH",
    "₽": "RUB",
    "₹": "INR",
    "us$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
}
CURRENCY_CODES = tuple(
    """EUR USD GBP DKK SEK NOK CHF JPY CNY RUB UAH INR AUD CAD PLN HKD KZT TRY ZAR BRL MXN KRW CZK
    HUF ILS NZD SGD""".split()
)
CURRENCY_WORDS = {
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "kroner": "DKK",
    "krone": "DKK",
    "kronor": "SEK",
    "krona": "SEK",
    "yen": "JPY",
    "yuan": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "rupees": "INR",
    "francs": "CHF",
    "zloty": "PLN",
    "tenge": "KZT",
    "lira": "TRY",
    "liras": "TRY",
    "rand": "ZAR",
    "reais": "BRL",
    "pesos": "MXN",
    "won": "KRW",
    "forints": "HUF",
    "shekels": "ILS",
}
_SYM = r"(?:US\$|A\$|C\$|HK\$|[€$£¥₴₽₹])"
_CODE = "|".join(CURRENCY_CODES)
_CWORD = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))

# (name, pattern, example). Groups: sym|code|word, num, mag. Every pattern starts at a currency
# sign, a code at a word boundary, or the first character of a number (see numbers.NUM). The
# magnitude may be hyphenated, as some house styles write it ("the $4.2-billion package").
MONEY_PATTERNS = (
    (
        "symbol-first",
        re.compile(rf"(?P<sym>{_SYM})\s?(?P<num>{NUM})(?:[\s-]?(?P<mag>{MAG}))?", re.I),
        "€25bn",
    ),
    (
        "code-first",
        re.compile(rf"\b(?P<code>{_CODE})\s?(?P<num>{NUM})(?:[\s-]?(?P<mag>{MAG}))?"),
        "DKK 9 billion",
    ),
    (
        "word-after",
        re.compile(
            rf"(?P<num>{NUMBER})(?:\s?(?P<mag>{MAG}))?\s(?:(?:us|australian|canadian|danish|swedish|"
            rf"norwegian|swiss)\s)?(?P<word>{_CWORD}|{_CODE})\b",
            re.I,
        ),
        "25 billion euros",
    ),
)
# Single-letter magnitudes count only in these spellings ("$3m", "$2B"): "5 m" is metres.
_LETTER_MAGNITUDES = ("k", "m", "b", "K", "M", "B")


# What may stand between a sum and a second sum, in another currency, that restates it in
# brackets: "€20m ($21.6m)", "$5,000 (about £3,750)". Wire and foreign copy convert a sum for its
# readers this way; the bracketed sum is the same figure, not a second fact, so it gets no row of
# its own and counts as no unmatched value.
_RESTATED_BEFORE = re.compile(
    r"\s*[(\[]\s*(?:(?:" + "|".join(w.replace(" ", r"\s+") for w in APPROXIMATE_WORDS) + r")\s+)?", re.I
)
_RESTATED_AFTER = re.compile(r"\s*[)\]]")


def find_money(
    sentence: str,
    limit: int = MAX_MENTIONS_PER_SENTENCE,
    restated: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int, Mention]]:
    """Sums of money in a sentence, at most `limit`, as (start, end, mention). A sum in brackets
    right after another restates it (see _RESTATED_BEFORE): it is left out, and its span is
    added to `restated` when given, so that no later reader takes its digits for a figure."""
    found: list[tuple[int, int, Mention]] = []
    taken = Taken(len(sentence))
    for _name, pattern, _example in MONEY_PATTERNS:
        for m in pattern.finditer(sentence):
            if len(found) >= limit:
                break
            if not taken.free(m.start(), m.end()):
                continue
            mention = _money(sentence, m)
            if mention is not None:
                taken.mark(m.start(), m.end())
                found.append((m.start(), m.end(), mention))
    ends = {end: str(mention.value["currency"]) for _start, end, mention in found}
    kept: list[tuple[int, int, Mention]] = []
    for start, end, mention in found:
        if _restates(sentence, start, end, str(mention.value["currency"]), ends):
            if restated is not None:
                restated.append((start, end))
        else:
            kept.append((start, end, mention))
    return _join_ranges(sentence, kept)


# "$40m to $55m", "€2m-€3m", "between $40m and $55m", "estimates range from $4bn to $6bn": one sum
# known within bounds (the joints and cues: compare.extract.numbers.range_joint).
def _join_ranges(sentence: str, found: list[tuple[int, int, Mention]]) -> list[tuple[int, int, Mention]]:
    """Two sums of one currency written as the ends of a range are one mention whose interval
    runs from the low end's to the high end's, so that it is one row and a sum inside it agrees
    with it ("$5bn" is within "$4bn to $6bn")."""
    ordered = sorted(found, key=lambda f: f[0])
    joined: dict[int, tuple[int, int, Mention]] = {}  # low end's start -> the range
    dropped: set[int] = set()  # high ends' starts
    for (start, end, low), (next_start, next_end, high) in pairwise(ordered):
        if start in dropped:
            continue
        if range_joint(sentence, start, end, next_start) and _same_currency_rising(low, high):
            joined[start] = (start, next_end, _range_mention(sentence[start:next_end], low, high))
            dropped.add(next_start)
    if not joined:
        return found
    return [joined.get(f[0], f) for f in found if f[0] not in dropped]


def _same_currency_rising(low: Mention, high: Mention) -> bool:
    bottom, top = float(low.value["amount"]), float(high.value["amount"])
    return (
        low.value["currency"] == high.value["currency"]
        and 0 < bottom < top <= bottom * RANGE_MAX_RATIO
        and low.range is not None
        and high.range is not None
    )


def _range_mention(text: str, low: Mention, high: Mention) -> Mention:
    currency = low.value["currency"]
    bottom, top = low.value["amount"], high.value["amount"]
    assert low.range is not None and high.range is not None  # _same_currency_rising checked
    return Mention(
        "money",
        text,
        f"money:{currency}:{bottom}-{top}",
        {"currency": currency, "amount": bottom, "amount_high": top},
        slot=low.slot,
        start=low.start,
        end=high.end,
        range=(low.range[0], high.range[1]),
        qualifier=low.qualifier,
    )


def _restates(
    sentence: str, start: int, end: int, currency: str, before: dict[int, str]
) -> bool:
    """Is the sum at start:end bracketed right after a sum in another currency (`before`: where
    each sum ends -> its currency)? A bracketed sum in the same currency is another figure: results
    copy prints last year's beside this year's ("profit rose to £5.2m (£4.1m)")."""
    return _RESTATED_AFTER.match(sentence, end) is not None and any(
        e < start and other != currency and _RESTATED_BEFORE.fullmatch(sentence, e, start)
        for e, other in before.items()
    )


def _money(sentence: str, m: re.Match[str]) -> Mention | None:
    amount = parse_number(m.group("num"))
    if amount is None:
        return None
    mag_text = m.group("mag") or ""
    mag = mag_text.lower()
    if mag in ("k", "m", "b") and mag_text not in _LETTER_MAGNITUDES:
        mag = ""
    scale = MAGNITUDES.get(mag, 1.0)
    amount *= scale
    groups = m.groupdict()
    if groups.get("sym"):
        currency = CURRENCY_SYMBOLS[groups["sym"].lower()]
    elif groups.get("code"):
        currency = groups["code"].upper()
    else:
        word = groups["word"]
        currency = CURRENCY_WORDS.get(word.lower(), word.upper())
    qualifier = qualifier_before(sentence, m.start())
    return Mention(
        "money",
        m.group(0),
        f"money:{currency}:{tidy(amount)}",
        {"currency": currency, "amount": tidy(amount)},
        slot=f"money:{currency}",
        approximate=qualifier is not None,
        start=m.start(),
        end=m.end(),
        range=value_range(amount, m.group("num"), scale, qualifier),
        qualifier=qualifier,
    )


def format_money(value: dict[str, object]) -> str:
    """{"currency": "EUR", "amount": 2.5e10} -> '€25 billion' (for labels); a range
    ({"amount": 4e9, "amount_high": 6e9}) -> '$4 billion–$6 billion'."""
    if "amount_high" in value:
        low = format_money({"currency": value["currency"], "amount": value["amount"]})
        return f"{low}–{format_money({'currency': value['currency'], 'amount': value['amount_high']})}"
    amount = float(str(value["amount"]))
    currency = str(value["currency"])
    symbol = {"EUR": "€", "USD": "$", "GBP": "£"}.get(currency, currency + " ")
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= size:
            return f"{symbol}{amount / size:g} {word}"
    if amount != int(amount):
        return f"{symbol}{amount:,.2f}"  # cents are part of the figure ("$1.85 a loaf")
    return f"{symbol}{amount:,.0f}"
