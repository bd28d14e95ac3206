"""The tool against careful readers' annotations: the seeds' gold (the targets issue 4 sets), the
development event, the two test events written for this project, and the held-out events
(breach-settlement, syrup-recall, congressman-indicted, hurricane-landfall, rail-strike,
match-fixing) written after the rules (regression floors, once measured).

Scored with the project's shared scorer (`../shared/tools/score_gold.py`), in process, on the
JSON that `compare matrix` prints. Nothing from the gold is used by the code under test.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from compare.pipeline import diff, load_articles, matrix
from compare.render import matrix_json
from tests.conftest import need_shared

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_gold.py"


@pytest.fixture(autouse=True)
def _shared_scorer() -> None:
    need_shared(SCORER)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_gold", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("score_gold", module)
    spec.loader.exec_module(module)
    return module


def _score(folder: Path, gold_path: Path) -> dict[str, Any]:
    sg = _scorer()
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    out = json.loads(matrix_json(matrix(load_articles([str(folder)]))))
    res, amap = sg.score(gold, out)
    st = sg.score_structure(gold, out, amap)
    precision = res["omit_tp"] / max(1, res["omit_tp"] + res["omit_fp"])
    recall = res["omit_tp"] / max(1, res["omit_tp"] + res["omit_fn"])
    return {
        "gold": gold,
        "facts": len(out["facts"]),
        "cell_accuracy": res["cells_ok"] / max(1, res["cells"]),
        "shared": res["shared_ok"] / max(1, res["shared_cells"]),
        "omission_f1": 2 * precision * recall / max(1e-9, precision + recall),
        "exclusives": (res["excl_ok"], res["excl"]),
        "boilerplate": (st["bp_dropped"], st["bp_total"]),
        "story": (st["story_kept"], st["story_total"]),
        "aligned": (st["align_ok"], st["align_total"]),
        "apart": (st["notalign_ok"], st["notalign_total"]),
        "conflicts": _conflicts_flagged(gold, res, amap),
        "evidence_ok": res["ev_ok"] / max(1, res["ev_cells"]),
        "rows": res["rows"],
        "amap": amap,
    }


def _conflicts_flagged(gold: dict[str, Any], res: dict[str, Any], amap: dict[str, str]) -> tuple[int, int]:
    """(flagged, total) of the gold's conflicts, as score_gold.py's main counts them: the fact's
    best row has a conflict cell in an article the conflict names."""
    conflicts = gold.get("conflicts") or []
    flagged = 0
    for c in conflicts:
        row = res["rows"].get(c["id"])
        cells = (row or {}).get("coverage", {})
        flagged += any((cells.get(amap[str(a)]) or {}).get("status") == "conflict" for a in c["values"])
    return flagged, len(conflicts)


@pytest.fixture(scope="module")
def seeds() -> dict[str, Any]:
    return _score(ROOT / "seeds", SHARED / "gold" / "seeds.yaml")


def test_seeds_meet_the_issue_targets(seeds: dict[str, Any]) -> None:
    # Floors under the figures measured since the links became a fitted scorer (issue 14): shared
    # cells 0.87-0.91 (the fitted threshold sits on a flat stretch of F1). The hand-swept
    # thresholds before it scored 0.93 on these very articles; the fitted ones are not tuned to
    # them (see docs/how-it-works.md). Aligned 6 of 7 since paragraphs are also linked by their
    # wording (TEXT_LINK, fitted leaving one event out) and person rows no longer join them (5
    # of 7 before). 5 of 7 again since the session-5 refit: the joining threshold's move (0.2502
    # -> 0.2485) chains one paragraph (the long-range weapons) into the leads' group, which
    # already holds three of its article's paragraphs; a cap of two per article regains it and
    # central-bank's eighth pair but loses two of syrup-recall's and one of rail-strike's.
    assert seeds["shared"] >= 0.85
    assert seeds["omission_f1"] >= 0.95
    assert seeds["boilerplate"][0] == seeds["boilerplate"][1]
    assert seeds["story"][0] == seeds["story"][1]
    assert seeds["exclusives"][0] >= 16
    # 4 of 7 when groups began to form by average linkage (session 6): the pairs lost were joined
    # only through a chain, a paragraph reporting two things linked to one paragraph of a group
    # that reports one of them; across the ten gold events the aligned pairs stayed 90 of 100 and
    # the paragraphs kept out of every group rose from 21 to 25 of 38 (see ALIGNED_APART below).
    # 5 of 7 again after the session-6 refits (joining threshold 0.2485 -> 0.2503 -> 0.2497 -> 0.2494).
    assert seeds["aligned"][0] >= 5


def test_seed_matrix_is_readable(seeds: dict[str, Any]) -> None:
    assert 30 <= seeds["facts"] <= 80


def test_diff_pairs_the_gold_aligned_paragraphs() -> None:
    """Issue 3: on every seed pair of the gold's `aligned` list, `compare diff A B` pairs those
    paragraphs: 5 of the 7 at the bagged joining threshold (4 with claim links alone, 6 with the
    old hand-swept scorer; 6 with the wording links at the earlier threshold 0.2823, where the
    sixth came only inside a 3x3 block held together by a misjoined fact)."""
    sg = _scorer()
    gold = yaml.safe_load((SHARED / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
    articles = {a.id: a for a in load_articles([str(ROOT / "seeds")])}

    def article_id(short: str) -> str:
        stem = gold["articles"][short].rsplit(".", 1)[0]
        return next(i for i in articles if i.startswith(stem) or stem.startswith(i))

    def paragraph(aid: str, prefix: str) -> int | None:
        wanted = sg.norm(prefix)
        for p in articles[aid].paragraphs:
            text = sg.norm(p.text)
            if text.startswith(wanted) or wanted in text[: len(wanted) + 40]:
                return p.index
        return None

    found = 0
    for x, y in gold["aligned"]:
        (sx, px), (sy, py) = x.split(": ", 1), y.split(": ", 1)
        ax, ay = article_id(sx), article_id(sy)
        ix, iy = paragraph(ax, px), paragraph(ay, py)
        result = diff(articles[ax], articles[ay])
        found += any(ix in p.a and iy in p.b for p in result.pairs)
    assert found >= 5


OTHER_EVENTS = {
    "harbour-fire": (
        SHARED / "gold" / "dev" / "harbour-fire",
        SHARED / "gold" / "dev" / "harbour-fire" / "gold.yaml",
    ),
    "bridge-collapse": (
        ROOT / "tests" / "events" / "bridge-collapse",
        ROOT / "tests" / "events" / "bridge-collapse" / "gold.yaml",
    ),
    "central-bank": (
        ROOT / "tests" / "events" / "central-bank",
        ROOT / "tests" / "events" / "central-bank" / "gold.yaml",
    ),
}


# The aligned pairs the matrix finds on each event, measured with the wording links (before them:
# harbour-fire 4 of 4, bridge-collapse 5 of 8, central-bank 5 of 9). One of bridge-collapse's
# pairs names a paragraph that is not in the cleaned article (dropped before alignment).
ALIGNED_FLOORS = {"harbour-fire": 4, "bridge-collapse": 6, "central-bank": 6}


@pytest.mark.parametrize("event", sorted(OTHER_EVENTS))
def test_other_events_stay_above_their_floors(event: str) -> None:
    """Generality guard: events the rules were not written for. Floors sit a little under the
    measured values (cells 0.90-0.96), so a change that helps the seeds by hurting other news
    fails here."""
    folder, gold = OTHER_EVENTS[event]
    got = _score(folder, gold)
    assert got["aligned"][0] >= ALIGNED_FLOORS[event], got["aligned"]
    assert got["cell_accuracy"] >= 0.85
    assert got["omission_f1"] >= 0.85
    assert got["boilerplate"][0] >= got["boilerplate"][1] - 1
    assert got["story"][0] >= got["story"][1] - 1
    assert got["exclusives"][0] >= got["exclusives"][1] - 1


# A held-out event (tests/events/breach-settlement: a court approves a data-breach settlement;
# wire, cp1252 tabloid, British daily, UTF-16 aggregator, windows-1252 HTML page), written after
# the code and never used to fit or tune anything. Its floors sit a little under what the tool
# measured when it was added (cells 0.947, shared 0.931, omission F1 0.938, exclusives 8/8,
# boilerplate 28/28, story 98/101, aligned 10/10, 68 rows for 35 gold facts), so a change that
# makes other news worse fails here; raise them when the tool gets better on it. Raised after the
# furniture and attribution fixes it prompted (general rules, each with its own unit test): story
# 101/101, boilerplate 28/28, and every attribution field right (outlet 5/5, byline 5/5, credits
# 3 of 3, published 4/4).
HELD_OUT = ROOT / "tests" / "events" / "breach-settlement"
ATTRIBUTION_SCORER = SHARED / "tools" / "score_attribution.py"


def test_held_out_event_stays_above_its_floors() -> None:
    got = _score(HELD_OUT, HELD_OUT / "gold.yaml")
    # Floors a little under the figures measured after the furniture and extraction fixes found
    # on this event (it stopped being held out then: the fixes are general rules, but were
    # found here): every exclusive, boilerplate line, story paragraph and alignment, and its one
    # conflict (41.2 vs 44 million people) flagged.
    assert got["cell_accuracy"] >= 0.94
    assert got["shared"] >= 0.92
    assert got["omission_f1"] >= 0.93
    assert got["exclusives"][0] == got["exclusives"][1]
    assert got["boilerplate"][0] == got["boilerplate"][1]
    assert got["story"][0] == got["story"][1]
    assert got["aligned"][0] == got["aligned"][1]
    assert got["conflicts"][0] == got["conflicts"][1]
    assert got["facts"] <= 2 * len(got["gold"]["facts"])


def _attribution(folder: Path) -> dict[str, Any]:
    """score_attribution.py's figures for an event folder with its gold.yaml."""
    need_shared(ATTRIBUTION_SCORER)
    spec = importlib.util.spec_from_file_location("score_attribution", ATTRIBUTION_SCORER)
    assert spec is not None and spec.loader is not None
    sa = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sa)
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    out = json.loads(matrix_json(matrix(load_articles([str(folder)]))))
    figures: dict[str, Any] = sa.figures(sa.score(gold, out))
    return figures


def test_held_out_event_attribution_is_right() -> None:
    got = _attribution(HELD_OUT)
    assert (got["outlet"], got["byline"], got["published"]) == ("5/5", "5/5", "4/4")
    assert (got["credits_p"], got["credits_r"]) == (1.0, 1.0)


# The held-out event of session 4 (tests/events/syrup-recall: a drugmaker recalls a contaminated
# children's syrup; Reuters-style wire, cp1252 tabloid, translated Spanish daily in UTF-16, live
# page in UTF-8 with a BOM copying wire sentences, local paper's HTML page). Written after the
# rules, scored once, and NOT to be tuned on: no fitting script reads it (scripts/gold_events.py),
# and nothing in compare/ may be changed because of it. Measured when it was added: cells 0.949,
# shared 0.934, omission F1 0.931, exclusives 10/11, boilerplate 34/37, story 111/111, aligned
# 10/11, conflicts 1/1, evidence carrying the fact 0.790, 91 rows for 36 gold facts; attribution
# outlet 3/5, byline 4/5, credits precision 0.60 and recall 0.60, published 1/4. The floors sit a
# little under those figures: regression floors, not targets.
SESSION4_HELD_OUT = ROOT / "tests" / "events" / "syrup-recall"


def test_session4_held_out_event_stays_above_its_floors() -> None:
    got = _score(SESSION4_HELD_OUT, SESSION4_HELD_OUT / "gold.yaml")
    assert got["cell_accuracy"] >= 0.93
    assert got["shared"] >= 0.91
    assert got["omission_f1"] >= 0.91
    assert got["exclusives"][0] >= got["exclusives"][1] - 2
    assert got["boilerplate"][0] >= got["boilerplate"][1] - 4
    assert got["story"][0] >= got["story"][1] - 1
    assert got["aligned"][0] >= got["aligned"][1] - 2
    assert got["conflicts"][0] == got["conflicts"][1]
    assert got["evidence_ok"] >= 0.75
    assert got["facts"] <= 3 * len(got["gold"]["facts"])


def test_session4_held_out_event_attribution_stays_above_its_floors() -> None:
    got = _attribution(SESSION4_HELD_OUT)
    # measured once at 3/5, 4/5, 1/4 and 0.60/0.60; the attribution rules its findings prompted
    # (general ones, tests in test_attribution.py) give every field right
    assert (got["outlet"], got["byline"], got["published"]) == ("5/5", "5/5", "4/4")
    assert (got["credits_p"], got["credits_r"]) == (1.0, 1.0)


# A second held-out event, of session 4 (tests/events/congressman-indicted: a congressman indicted
# for spending campaign money on himself; a cable-news page, a digital-native outlet's page and a
# newspaper of record's page, all saved HTML). Written by a helper after the code, scored once and
# not to be tuned on; no fitting script reads it. Measured when it was added: cells 0.954, shared
# 0.970, omission F1 0.935, exclusives 13/17, boilerplate 46/50, story 97/98, aligned 8/10, 78 rows
# for 51 gold facts, its conflict (23 against 25 counts) flagged; every attribution field right.
# Three general reading rules it prompted (an embedded post on X keeps its words; editors' update
# notes, print-edition lines and reader-funding appeals are furniture) gave cells 0.967, shared
# 0.980, omission F1 0.953, exclusives 14/17, boilerplate 50/50, story 98/98, aligned 9/10 and 75
# rows. The floors sit a little under those figures.
HELD_OUT_US = ROOT / "tests" / "events" / "congressman-indicted"


def test_held_out_us_event_stays_above_its_floors() -> None:
    got = _score(HELD_OUT_US, HELD_OUT_US / "gold.yaml")
    assert got["cell_accuracy"] >= 0.95
    assert got["shared"] >= 0.96
    assert got["omission_f1"] >= 0.93
    assert got["exclusives"][0] >= got["exclusives"][1] - 4
    assert got["boilerplate"][0] == got["boilerplate"][1]
    assert got["story"][0] == got["story"][1]
    assert got["aligned"][0] >= got["aligned"][1] - 2
    assert got["conflicts"][0] == got["conflicts"][1]
    assert got["facts"] <= 2 * len(got["gold"]["facts"])


def test_held_out_us_event_attribution_is_right() -> None:
    got = _attribution(HELD_OUT_US)
    assert (got["outlet"], got["byline"], got["published"]) == ("3/3", "3/3", "3/3")
    assert (got["credits_p"], got["credits_r"]) == (1.0, 1.0)


# The held-out event of session 5 (tests/events/hurricane-landfall: a Category 4 hurricane makes
# landfall in Alabama; a cable-news page in windows-1252 with an embedded X post, a digital outlet's
# page running an AP story with HTML entities, a newspaper of record's page with a correction note).
# Written by a helper after the code, its pages and gold committed before the tool first ran on
# them; scored once and not to be tuned on; no fitting script reads it. Measured when it was added
# (the tool at commit 17964cd): cells 0.953, shared 0.969, omission F1 0.941, exclusives 27/32,
# boilerplate 54/59, story 112/112, aligned 13/13, evidence carrying the fact 0.946, 119 rows for 64
# gold facts, and its one conflict (at least four against at least six dead) NOT flagged;
# attribution outlet 3/3, byline 1/3, credits precision 1.00 and recall 0.50, published 3/3. The
# floors sit a little under those figures: regression floors, not targets. The conflict is not
# floored (it was missed); flagging it is a target.
# Spent as a held-out test: general causes it showed were fixed in session 5 (its README
# section lists them), so its figures now measure those rules too, not news the rules never saw.
HELD_OUT_STORM = ROOT / "tests" / "events" / "hurricane-landfall"


def test_session5_held_out_event_stays_above_its_floors() -> None:
    got = _score(HELD_OUT_STORM, HELD_OUT_STORM / "gold.yaml")
    assert got["cell_accuracy"] >= 0.93
    assert got["shared"] >= 0.95
    assert got["omission_f1"] >= 0.92
    assert got["exclusives"][0] >= got["exclusives"][1] - 7
    assert got["boilerplate"][0] >= got["boilerplate"][1] - 7
    assert got["story"][0] == got["story"][1]
    # 11 of 13 since day rows (session 6: "early Wednesday" is a date row): the storm's
    # intensification ("exploded in strength" / "rapidly intensified"), a paraphrase the lexical
    # scorer cannot see, was grouped through a statement row the day row now takes; the same change
    # raised exclusives here 28 -> 30.
    assert got["aligned"][0] >= got["aligned"][1] - 2
    assert got["evidence_ok"] >= 0.92
    assert got["facts"] <= 2 * len(got["gold"]["facts"])
    # Fixed after the measurement by general rules (two floors of a toll conflict; see the event's
    # README section): kept from regressing.
    assert got["conflicts"][0] == got["conflicts"][1]
    assert got["boilerplate"][0] == got["boilerplate"][1]


def _fraction(text: str) -> tuple[int, int]:
    """ "2/3" -> (2, 3), as score_attribution.py prints its counts."""
    right, total = text.split("/")
    return int(right), int(total)


def test_session5_held_out_event_attribution_stays_above_its_floors() -> None:
    got = _attribution(HELD_OUT_STORM)
    for field in ("outlet", "published"):
        right, total = _fraction(got[field])
        assert right == total, (field, got[field])
    # 1/3 and 0.50 when measured; all right after the session-5 byline and credit rules.
    assert got["byline"] == "3/3"
    assert got["credits_p"] >= 0.99
    assert got["credits_r"] >= 0.99


# The held-out event of session 5 (tests/events/rail-strike: a national rail strike in Portugal;
# AFP-style wire, cp1252 tabloid, translated Coimbra daily in UTF-16, live page in UTF-8 with a BOM
# copying wire sentences, a Lisbon business site's HTML page). Written by a helper after the code,
# its gold committed before the tool was first run on it, scored once and NOT to be tuned on: no
# fitting script reads it, and nothing in compare/ may be changed because of it. Measured when it
# was added (tool at 17964cd): cells 0.913, shared 0.905, omission F1 0.885, exclusives 12/13,
# boilerplate 34/37, story 99/101, aligned 12/13, conflicts 0/1 (the union's 87% and the operator's
# 41% turnout are two agreeing rows), evidence carrying the fact 0.804, 67 rows for 32 gold facts;
# attribution outlet 5/5, byline 4/5, credits precision 1.00 and recall 0.80, published 3/5,
# reuses 1/1. The floors sit a little under those figures: regression floors, not targets.
# Spent as a held-out test, as hurricane-landfall: see its README section for what was fixed.
HELD_OUT_RAIL = ROOT / "tests" / "events" / "rail-strike"


def test_rail_strike_held_out_event_stays_above_its_floors() -> None:
    got = _score(HELD_OUT_RAIL, HELD_OUT_RAIL / "gold.yaml")
    assert got["cell_accuracy"] >= 0.89
    assert got["shared"] >= 0.88
    assert got["omission_f1"] >= 0.86
    assert got["exclusives"][0] >= got["exclusives"][1] - 2
    assert got["boilerplate"][0] >= got["boilerplate"][1] - 4
    assert got["story"][0] >= got["story"][1] - 3
    assert got["aligned"][0] >= got["aligned"][1] - 2
    assert got["evidence_ok"] >= 0.77
    assert got["facts"] <= 3 * len(got["gold"]["facts"])


def test_rail_strike_pay_demand_and_offer_are_no_conflict() -> None:
    """Two shares of one unit that are different facts (9% demanded, 4.5% offered; in one sentence
    in two outlets) must never show as a different figure: the event's one measured success on
    conflicts, kept as a floor while the real conflict (turnout) is still missed."""
    got = _score(HELD_OUT_RAIL, HELD_OUT_RAIL / "gold.yaml")
    for fact in ("pay-demand-9pct", "pay-offer-4-5pct"):
        row = got["rows"][fact]
        assert all((cell or {}).get("status") != "conflict" for cell in row["coverage"].values()), fact


def test_rail_strike_held_out_event_attribution_stays_above_its_floors() -> None:
    got = _attribution(HELD_OUT_RAIL)
    assert got["outlet"] == "5/5"
    # byline 4/5, published 3/5 and credit recall 0.80 when measured; raised after the session-5
    # attribution rules ("By A with B in Place", "Published ... | Updated ...", "With <agency>").
    assert got["byline"] == "5/5"
    assert got["published"] == "5/5"  # 3/5 measured; the live page's start is its date since
    assert got["credits_p"] >= 1.0
    assert got["credits_r"] >= 0.99
    assert got["reuses"] == "1/1"
    assert got["false_reuses"] == 0


# The second held-out event of session 5 (tests/events/match-fixing: a football federation fines,
# docks and bans a club for fixing matches; Reuters-style wire, cp1252 tabloid sports site,
# translated Varaždin daily in UTF-16, a football-business site's HTML page). Written by a helper
# after the code, its gold committed before the tool was first run on it; measured once at the end
# of session 5 (floors below), then spent in session 6 (its facts read for diagnosis, and it
# weighed in one alignment choice).
HELD_OUT_FIXING = ROOT / "tests" / "events" / "match-fixing"


def test_match_fixing_held_out_event_stays_above_its_floors() -> None:
    # Measured once on the final code of session 5 (commit 97b10f6): cells 0.957, shared 0.947,
    # omission F1 0.928, exclusives 9/10, boilerplate 30/30, story 83/83, aligned 14/15, conflict
    # 1/1, evidence 0.899, 46 rows for 29 gold facts. Floors a little under: regression floors.
    got = _score(HELD_OUT_FIXING, HELD_OUT_FIXING / "gold.yaml")
    assert got["cell_accuracy"] >= 0.94
    assert got["shared"] >= 0.93
    assert got["omission_f1"] >= 0.90
    assert got["exclusives"][0] >= got["exclusives"][1] - 2
    assert got["boilerplate"][0] == got["boilerplate"][1]
    assert got["story"][0] == got["story"][1]
    assert got["aligned"][0] >= got["aligned"][1] - 2
    assert got["conflicts"][0] == got["conflicts"][1]
    assert got["evidence_ok"] >= 0.87
    assert got["facts"] <= 2 * len(got["gold"]["facts"])


def test_match_fixing_held_out_event_attribution_stays_above_its_floors() -> None:
    # Measured: outlet 3/4, byline 2/4, credits 1.00/1.00, published 3/4; all right after the
    # three general fixes its README section lists.
    got = _attribution(HELD_OUT_FIXING)
    for field in ("outlet", "byline", "published"):
        assert got[field] == "4/4", (field, got[field])
    assert got["credits_p"] >= 0.99
    assert got["credits_r"] >= 0.99


# Session 6's held-out event: written by a helper that did not run the tool on it, measured
# once at the end of the session, at commit 54dfe96 (tests/events/README.md has the figures):
# cells 0.954, shared 0.933, omission F1 0.940, exclusives 12/12, boilerplate 45/45, story
# 121/121, aligned 14/15, 3 of 8 unrelated paragraphs kept apart, evidence 0.912, 83 rows for 39
# facts, its conflict not flagged; attribution outlet 4/5, byline 5/5, credits 0/3, published 4/5,
# reuses 1/1. The floors sit a little under those figures: regression floors, not targets.
HELD_OUT_LAUNCH = ROOT / "tests" / "events" / "launch-failure"


def test_session6_held_out_event_stays_above_its_floors() -> None:
    got = _score(HELD_OUT_LAUNCH, HELD_OUT_LAUNCH / "gold.yaml")
    assert got["cell_accuracy"] >= 0.93
    assert got["shared"] >= 0.91
    assert got["omission_f1"] >= 0.92
    assert got["exclusives"][0] >= got["exclusives"][1] - 1
    assert got["boilerplate"][0] == got["boilerplate"][1]
    assert got["story"][0] == got["story"][1]
    assert got["aligned"][0] >= got["aligned"][1] - 2
    assert got["apart"][0] >= 3
    assert got["evidence_ok"] >= 0.89
    assert got["facts"] <= 2.3 * len(got["gold"]["facts"])


def test_session6_held_out_event_attribution_stays_above_its_floors() -> None:
    got = _attribution(HELD_OUT_LAUNCH)
    assert int(got["outlet"].split("/")[0]) >= 4  # 4/5 measured
    assert got["byline"] == "5/5"
    assert int(got["published"].split("/")[0]) >= 4  # 4/5 measured
    assert got["reuses"] == "1/1"
    assert got["false_reuses"] == 0


def test_no_fitting_script_reads_the_held_out_events() -> None:
    """The fits name their events in scripts/gold_events.py; a held-out event must not be one,
    and no fitting script may name a held-out folder itself."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        gold_events = importlib.import_module("gold_events")
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    fitted = {folder.resolve() for _, _, folder in gold_events.fitted_events(SHARED)}
    for held_out in (
        HELD_OUT,
        SESSION4_HELD_OUT,
        HELD_OUT_US,
        HELD_OUT_STORM,
        HELD_OUT_RAIL,
        HELD_OUT_FIXING,
        HELD_OUT_LAUNCH,
    ):
        assert held_out.resolve() not in fitted
        for script in (ROOT / "scripts").glob("*.py"):
            text = script.read_text(encoding="utf-8")
            assert held_out.name not in text or script.name == "gold_events.py", script.name


EVENTS = ROOT / "tests" / "events"
DEV_EVENT = SHARED / "gold" / "dev" / "harbour-fire"
ALL_EVENTS = {
    "seeds": (ROOT / "seeds", SHARED / "gold" / "seeds.yaml"),
    "harbour-fire": (DEV_EVENT, DEV_EVENT / "gold.yaml"),
    **{
        name: (EVENTS / name, EVENTS / name / "gold.yaml")
        for name in (
            "bridge-collapse",
            "central-bank",
            "breach-settlement",
            "syrup-recall",
            "congressman-indicted",
            "hurricane-landfall",
            "rail-strike",
            "match-fixing",
        )
    },
}
# Paragraphs the gold says report nothing the other articles report, kept out of every group,
# measured when groups began to form by average linkage (session 6; before it, with single links
# chaining paragraphs: 2, 1, 2, 2, 2, 2, 2, 3, 1 and 4, 21 of 38 in all).
ALIGNED_APART = {
    "seeds": 2,
    "harbour-fire": 1,
    "bridge-collapse": 2,
    "central-bank": 2,
    "breach-settlement": 2,
    "syrup-recall": 2,
    "congressman-indicted": 3,
    "hurricane-landfall": 3,
    "rail-strike": 2,
    "match-fixing": 6,
}


@pytest.mark.parametrize("event", sorted(ALL_EVENTS))
def test_groups_keep_unrelated_paragraphs_apart(event: str) -> None:
    """A paragraph only one outlet reports stays out of the matrix's groups (gold `not_aligned`)."""
    folder, gold = ALL_EVENTS[event]
    got = _score(folder, gold)
    assert got["apart"][0] >= ALIGNED_APART[event], got["apart"]
