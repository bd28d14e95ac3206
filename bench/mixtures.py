"""Labelled mixtures of news events for corpus mode: many events, several articles each.

An event is a story template (a fire, a court ruling, a strike...) filled with its own place,
people, organisation, figures and date. Each article of the event is one outlet's version: a
share of the template's sentences, each in one of two wordings, some figures rounded or
updated, sentences regrouped into paragraphs, page furniture, and usually front matter
(outlet, title, published). Different events of the same template share almost every word and
none of their names or figures; a "sequel" event reuses an earlier event's place and official
weeks later, with new figures. Names are made from syllables, so there is an endless supply.

Used by the tests (`tests/test_events.py`, `tests/test_corpus*.py`), by the fit of the
clustering constants (`scripts/fit_events.py`, generator seeds 100-104) and by the corpus
benchmark (`bench/corpus.py`). Everything depends only on the seed: the same arguments give
the same files.

    python bench/mixtures.py OUT_DIR --events 50 --seed 1   # writes OUT_DIR/*.txt and labels.tsv
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

# Each template: a headline and sentences; "{a|b}" picks one wording per article. Slots:
# place, country, official (full name), official_last, person (full), person_last, org,
# weekday, n1..n4 (figures), money.
TEMPLATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "{n1} dead as fire sweeps through {place} warehouse",
        (
            "{At least {n1} people were killed|{n1} people died} when a fire {swept through|tore through} a "
            "warehouse in {place}, {country}, on {weekday}, the fire service said.",
            "About {n2} firefighters {battled the blaze|fought the flames} for {n3} hours before it "
            "was brought under control.",
            "{Fire chief|The head of the fire service} {official} said the cause was not yet known but that "
            "arson had not been ruled out.",
            '"{We have never seen a fire spread so fast|It spread faster than anything we have seen}," '
            "{official_last} told reporters at the scene.",
            "The warehouse, owned by {org}, stored {furniture and textiles|textiles and paper goods}, "
            "according to local officials.",
            "{Residents|People living nearby} were told to keep windows closed as {thick smoke|black smoke} "
            "drifted over the {northern|eastern} districts of {place}.",
            "{person}, who lives {near the site|across the road}, said {he|she} heard "
            "{a loud bang|an explosion} shortly before the flames appeared.",
            "{org} said in a statement that it was cooperating fully with investigators.",
            "Damage was estimated at {money}, {the city council said|according to the city council}.",
        ),
    ),
    (
        "{place} court jails {person} for {n1} years over {org} fraud",
        (
            "A court in {place} {sentenced|jailed} {person}, a former director of {org}, to {n1} years in "
            "prison on {weekday} for {fraud|defrauding investors}.",
            "Judge {official} said {person_last} had {deceived|misled} more than {n2} investors who lost a "
            "total of {money}.",
            '"{This was a deliberate and lengthy deception|The deception was deliberate and went on for '
            'years}," {official_last} said as {she|he} read the verdict.',
            "Prosecutors had asked for {n3} years; the defence said it would {appeal|consider an appeal}.",
            "{org} collapsed in {n4} after auditors found gaps in its accounts.",
            "{person_last}'s lawyer told reporters outside the court in {place} that {his|her} client "
            "{maintained his innocence|denied wrongdoing}.",
            "Several investors {wept|applauded} in the public gallery as the sentence was read.",
            "The case is one of the largest fraud trials in {country} in a decade.",
        ),
    ),
    (
        "{org} workers in {place} strike over pay",
        (
            "{Thousands of|About {n1}} workers at {org} in {place} walked out on {weekday} in a dispute over "
            "pay, {halting production|stopping production lines}.",
            "The union, led by {person}, is demanding a rise of {n2} percent; the company has offered {n3} "
            "percent.",
            '"{Our members cannot pay their bills|Our members can no longer make ends meet}," '
            "{person_last} told a rally outside the {main gate|factory gates}.",
            "{org} said the strike would cost it about {money} a day and called on the union to return to "
            "talks.",
            "{Labour minister|The labour minister} {official} urged both sides to {accept mediation|agree to "
            "mediation}.",
            "The plant employs {n4} people and is one of the largest employers in {country}.",
            "Pickets {gathered|stood} at the entrances through the night, {local media|local broadcasters} "
            "reported.",
        ),
    ),
    (
        "Floods in {place}: {n1} dead, thousands evacuated",
        (
            "{Flooding|Flash floods} in {place}, {country}, {killed {n1} people|left {n1} people dead} and "
            "forced {n2} residents from their homes on {weekday}.",
            "{Up to|As much as} {n3} millimetres of rain fell in {n4} hours, the {weather service|national "
            "weather office} said.",
            "Regional governor {official} declared a state of emergency and asked the army for help with "
            "evacuations.",
            '"{The water rose in minutes|Within minutes the water was at our doors}," said {person}, who '
            "was rescued from a rooftop.",
            "{official_last} said damage to roads and bridges would cost at least {money} to repair.",
            "Rail services to {place} were suspended and {several|dozens of} schools were closed.",
            "Aid group {org} set up shelters in sports halls across the region.",
        ),
    ),
    (
        "{country}'s central bank raises rates to {n1}%",
        (
            "The central bank of {country} raised its main interest rate to {n1} percent on {weekday}, "
            "{its {n2}th increase|the {n2}th rise} in a row, as inflation stayed above target.",
            "Governor {official} said {consumer prices|prices} had risen {n3} percent over the past year, "
            "well above the bank's goal.",
            '"{We will do what it takes to bring inflation down|We are determined to bring inflation back to '
            'target}," {official_last} told a news conference in {place}.',
            "Economists at {org} had expected {the decision|the move}, though {some|a few} had forecast a "
            "pause.",
            "{person}, chief economist at {org}, said the bank was likely to {raise rates again|tighten "
            "further} before the summer.",
            "The currency {rose|firmed} after the announcement, while shares in {place} fell slightly.",
            "The government has set aside {money} to help households with energy bills.",
        ),
    ),
    (
        "{official} wins {place} mayoral election",
        (
            "{official} won the mayoral election in {place} on {weekday} with {n1} percent of the vote, "
            "{official results showed|according to official results}.",
            "{official_last}, {the candidate of {org}|who ran for {org}}, defeated {person}, who took {n2} "
            "percent.",
            "Turnout was {n3} percent, {up from|compared with} {n4} percent four years ago.",
            '"{Tonight the city chose change|The people of this city have chosen change}," '
            "{official_last} told supporters.",
            "{person_last} conceded defeat {late on {weekday}|in a short speech} and congratulated "
            "{his|her} rival.",
            "The new mayor has promised to spend {money} on public transport and housing.",
            "{place} is the {second|third}-largest city in {country}.",
        ),
    ),
    (
        "Train derails near {place}, {n1} injured",
        (
            "A {passenger|regional} train {derailed|came off the tracks} near {place} on {weekday}, "
            "injuring {n1} people, {n2} of them seriously, {the rail operator said|officials said}.",
            "The train, operated by {org}, was carrying about {n3} passengers "
            "{from the capital|to the coast} when {n4} carriages left the rails.",
            "Transport minister {official} said an investigation {had been opened|was under way} and that "
            "{track maintenance|the condition of the track} would be examined.",
            '"{The carriage just tipped over|Our carriage simply rolled onto its side}," passenger {person} '
            "told {state television|local radio}.",
            "{official_last} visited the injured in hospital in {place} later in the day.",
            "Services on the line are expected to be suspended for several days; repairs could cost {money}.",
            "It was the worst rail accident in {country} since {n4} people were hurt in a collision.",
        ),
    ),
    (
        "{org} to cut {n1} jobs in {place}",
        (
            "{org} will cut {n1} jobs at its {plant|site} in {place}, the company {said|announced} on "
            "{weekday}, blaming {weak demand|falling orders}.",
            "Chief executive {official} said the cuts were needed to save {money} a year.",
            '"{These are painful decisions|This is a painful decision} but {necessary|unavoidable}," '
            "{official_last} said in a statement.",
            "The {site|plant} employs {n2} people; the cuts will be made over {n3} months.",
            "{person}, a local union leader, called the decision {a betrayal|a disgrace} and "
            "promised protests.",
            "Shares in {org} rose {n4} percent after the announcement.",
            "The regional government of {place} said it would {seek talks|ask for talks} with the company.",
        ),
    ),
)

FURNITURE = ("Advertisement", "Share this article", "Sign up to our newsletter", "Follow us on social media")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ONSETS = "b br c ch d dr f g gr h j k kl l m n p pr r s st t tr v w z".split()
_VOWELS = "a e i o u ai ei ou ia".split()
_CODAS = ["", "", "n", "r", "l", "s", "nd", "rt", "m", "k"]
_PLACE_ENDS = ("ville", "burg", "haven", "ford", "stad", "grad", "mouth", "polis", "dale", "wick")
_ORG_ENDS = ("Holdings", "Group", "Industries", "Logistics", "Motors", "Capital", "Foods", "Rail")
_OUTLETS = tuple(
    f"The {a} {b}"
    for a in ("Daily", "Evening", "Morning", "Weekly", "National", "Northern", "Coastal")
    for b in ("Herald", "Post", "Times", "Courier", "Wire", "Ledger", "Star")
)
START_DAY = dt.date(2025, 3, 1).toordinal()
SPAN_DAYS = 60  # events happen within two months
SEQUEL_SHARE = 0.1  # share of events that revisit an earlier event's place and official
SEQUEL_GAP_DAYS = (21, 45)
DATED_SHARE = 0.85  # share of articles with front matter (outlet, title, published)
# Share of a template's sentences (after the first) an outlet keeps; with one to three background
# sentences of their own, two articles of one event score about as low as the repository's real
# wire/tabloid pairs (mean pair score ~0.3), not as high as copies of one text.
KEEP_SHARE = 0.45


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))


def _name(rng: random.Random) -> tuple[str, str]:
    first, last = _word(rng, rng.randint(1, 2)).title(), _word(rng, rng.randint(2, 3)).title()
    return f"{first} {last}", last


@dataclass(frozen=True)
class Event:
    """One event of a mixture: its template, its slot values and its day."""

    label: str
    template: int
    slots: dict[str, str]
    day: int


# Templates whose official is a national figure (labour minister, central bank governor,
# transport minister): every event of that kind in one country names the same person.
NATIONAL_OFFICIAL = frozenset({2, 4, 6})
CITIES_PER_COUNTRY = 5
EVENTS_PER_COUNTRY = 10  # so that about two events share each city


@dataclass(frozen=True)
class Country:
    name: str
    cities: tuple[str, ...]
    officials: dict[int, tuple[str, str]]  # template -> (full name, last name)


def _country(rng: random.Random) -> Country:
    cities = tuple(_word(rng, 2).title() + rng.choice(_PLACE_ENDS) for _ in range(CITIES_PER_COUNTRY))
    return Country(_word(rng, 2).title() + "ia", cities, {t: _name(rng) for t in NATIONAL_OFFICIAL})


def make_events(
    n_events: int, seed: int, templates: Sequence[int] | None = None, apart: bool = False
) -> list[Event]:
    """`templates` limits the story kinds (indices into TEMPLATES); default all. `apart`: every
    event in a country of its own and no sequels, so no two events share a place or a person."""
    rng = random.Random(f"mixture-events:{seed}")
    kinds = list(templates) if templates is not None else list(range(len(TEMPLATES)))
    n_countries = n_events if apart else max(2, n_events // EVENTS_PER_COUNTRY)
    countries = [_country(rng) for _ in range(n_countries)]
    sequel_share = 0.0 if apart else SEQUEL_SHARE
    events: list[Event] = []
    for k in range(n_events):
        template = rng.choice(kinds)
        country = countries[k] if apart else rng.choice(countries)
        official, official_last = country.officials.get(template) or _name(rng)
        person, person_last = _name(rng)
        place = rng.choice(country.cities)
        day = START_DAY + rng.randrange(SPAN_DAYS)
        earlier = [e for e in events if e.template == template]
        if earlier and rng.random() < sequel_share:
            base = rng.choice(earlier)
            place, country_name = base.slots["place"], base.slots["country"]
            official, official_last = base.slots["official"], base.slots["official_last"]
            day = base.day + rng.randint(*SEQUEL_GAP_DAYS)
        else:
            country_name = country.name
        slots = {
            "place": place,
            "country": country_name,
            "official": official,
            "official_last": official_last,
            "person": person,
            "person_last": person_last,
            "org": _word(rng, 2).title() + " " + rng.choice(_ORG_ENDS),
            "weekday": WEEKDAYS[day % 7],
            "n1": str(rng.randint(3, 60)),
            "n2": str(rng.randint(11, 900)),
            "n3": str(rng.randint(4, 48)),
            "n4": str(rng.randint(5, 40)),
            "money": f"{rng.randint(2, 95)} million euros",
        }
        events.append(Event(f"ev{k:04d}", template, slots, day))
    return events


def _fill(text: str, slots: dict[str, str], rng: random.Random) -> str:
    """Choose one wording of each {a|b} group (innermost first), then fill the slots."""
    while True:
        end = text.find("}")
        if end < 0:
            return text
        start = text.rfind("{", 0, end)
        inner = text[start + 1 : end]
        choice = rng.choice(inner.split("|")) if "|" in inner else slots.get(inner, inner)
        text = text[:start] + choice + text[end + 1 :]


# Sentences any outlet may add around a story: context, other voices, a call for witnesses.
# They bring names and figures of their own, so articles of one event share less than their core.
BACKGROUND: tuple[str, ...] = (
    "Analyst {extra} said the episode would {weigh on|test} public confidence in {country}.",
    "{extra}, a spokesperson for the opposition, called for an inquiry.",
    "The region has seen {k} similar incidents in the past {j} years, {extra} of the local university said.",
    "Last year, {k} people were affected by a comparable event elsewhere in {country}.",
    "Anyone with information was asked to contact the authorities, {extra} said.",
    "{extra} contributed reporting.",
    "Earlier this month {extra2} warned that {k} similar cases were under review in {city2}.",
    "{extra2}, who has studied the sector for {j} years, said {it was too early to draw conclusions|lessons "
    "would have to be learned}.",
    "The news comes a week after {extra2} stepped down as head of the regional authority in {city2}.",
    "Opposition leader {extra} said the government had {ignored warnings|been slow to act} for years.",
    "Officials in {city2} said they were following the situation closely.",
)
NUMBER_NAMES = {
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
}


def _vary_figure(value: str, rng: random.Random) -> str:
    """An outlet's figure: usually the same; sometimes updated, rounded or spelled out."""
    if not value.isdigit():
        return value
    number, roll = int(value), rng.random()
    if roll < 0.08:
        return str(number + rng.randint(1, 3))
    if roll < 0.2 and number > 20:
        return f"about {round(number, -1)}"
    if roll < 0.4 and number in NUMBER_NAMES:
        return NUMBER_NAMES[number]
    return value


def write_article(event: Event, index: int, seed: int) -> str:
    """One outlet's article about `event`: text with optional front matter."""
    rng = random.Random(f"mixture-article:{seed}:{event.label}:{index}")
    headline, sentences = TEMPLATES[event.template]
    slots = dict(event.slots)
    for key in ("n1", "n2", "n3", "n4"):
        slots[key] = _vary_figure(slots[key], rng)
    slots.update(
        extra=_name(rng)[0],
        extra2=_name(rng)[0],
        city2=_word(rng, 2).title() + rng.choice(_PLACE_ENDS),
        k=str(rng.randint(2, 30)),
        j=str(rng.randint(2, 20)),
    )
    kept = [sentences[0]] + [s for s in sentences[1:] if rng.random() < KEEP_SHARE]
    for _ in range(rng.randint(1, 3)):
        kept.insert(rng.randint(1, len(kept)), rng.choice(BACKGROUND))
    if len(kept) > 3 and rng.random() < 0.3:
        i = rng.randrange(1, len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    filled = [_fill(s, slots, rng) for s in kept]
    paragraphs: list[str] = []
    while filled:
        take = rng.choice((1, 1, 2))
        paragraphs.append(" ".join(filled[:take]))
        filled = filled[take:]
    for _ in range(rng.randint(0, 2)):
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(FURNITURE))
    title = _fill(headline, slots, rng)
    body = "\n\n".join(paragraphs) + "\n"
    if rng.random() < DATED_SHARE:
        published = dt.date.fromordinal(event.day + rng.choice((0, 0, 0, 1, 1, 2))).isoformat()
        outlet = rng.choice(_OUTLETS)
        return f'---\noutlet: "{outlet}"\ntitle: "{title}"\npublished: {published}\n---\n{body}'
    return f"{title}\n\n{body}"


def write_mixture(
    out_dir: Path,
    n_events: int,
    seed: int,
    sizes: Sequence[int] = (1, 2, 3, 4, 6, 8),
    templates: Sequence[int] | None = None,
    apart: bool = False,
) -> dict[str, str]:
    """Write every article of `n_events` events into `out_dir` (emptied first); file names are
    opaque and shuffled. Returns file name -> event label, also written to labels.tsv."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    rng = random.Random(f"mixture-sizes:{seed}")
    labels: dict[str, str] = {}
    files: list[tuple[str, str]] = []
    for event in make_events(n_events, seed, templates, apart):
        for i in range(rng.choice(tuple(sizes))):
            files.append((event.label, write_article(event, i, seed)))
    rng.shuffle(files)
    for k, (label, text) in enumerate(files):
        name = f"a{k:05d}.txt"
        (out_dir / name).write_text(text, encoding="utf-8")
        labels[name] = label
    (out_dir / "labels.tsv").write_text(
        "".join(f"{n}\t{lab}\n" for n, lab in labels.items()), encoding="utf-8"
    )
    return labels


def bcubed_f1(pred: Mapping[str, object], gold: Mapping[str, object]) -> float:
    """B-cubed F1 of a clustering `pred` (file -> cluster) against the labels `gold`."""
    by_pred, by_gold = _groups(pred), _groups({n: gold[n] for n in pred})
    precision = sum(len(by_pred[pred[n]] & by_gold[gold[n]]) / len(by_pred[pred[n]]) for n in pred)
    recall = sum(len(by_pred[pred[n]] & by_gold[gold[n]]) / len(by_gold[gold[n]]) for n in pred)
    return 2 * precision * recall / (precision + recall) / len(pred) if precision + recall else 0.0


def pairwise_f1(pred: Mapping[str, object], gold: Mapping[str, object]) -> float:
    """F1 over pairs of files: put together by `pred` and by `gold`, counted per group."""
    both = _pairs(Counter((pred[n], gold[n]) for n in pred).values())
    by_pred = _pairs(len(g) for g in _groups(pred).values())
    by_gold = _pairs(len(g) for g in _groups({n: gold[n] for n in pred}).values())
    if not both:
        return 0.0
    precision, recall = both / by_pred, both / by_gold
    return 2 * precision * recall / (precision + recall)


def _pairs(sizes: Iterable[int]) -> float:
    """Pairs within groups of these sizes."""
    return sum(k * (k - 1) / 2 for k in sizes)


def _groups(labels: Mapping[str, object]) -> dict[object, set[str]]:
    groups: dict[object, set[str]] = defaultdict(set)
    for name, label in labels.items():
        groups[label].add(name)
    return groups


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sizes", default="1,2,3,4,6,8", help="articles per event, chosen at random")
    args = parser.parse_args(argv)
    labels = write_mixture(args.out_dir, args.events, args.seed, [int(s) for s in args.sizes.split(",")])
    print(f"wrote {len(labels)} articles of {args.events} events to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
