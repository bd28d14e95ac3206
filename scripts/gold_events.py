"""The visible gold events the fitting scripts fit on, each validated by leaving it out, and
the figures of a threshold on labelled pairs.

One list for scripts/fit_link.py, fit_facts.py and fit_align.py. tests/events/breach-settlement
is not in it, nor are the held-out events of session 4, tests/events/syrup-recall and
tests/events/congressman-indicted (three saved US news pages), nor the held-out events of
session 5, tests/events/hurricane-landfall (three saved US news pages), tests/events/rail-strike
and tests/events/match-fixing, nor session 6's tests/events/launch-failure: validation events that
no fit reads, scored once and not to be tuned on. Never add them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def fitted_events(shared: Path = SHARED) -> tuple[tuple[str, Path, Path], ...]:
    """(name, gold file, article folder) of each event, with `shared` as ../shared."""
    return (
        ("seeds", shared / "gold" / "seeds.yaml", shared / "seeds"),
        ("harbour-fire", shared / "gold/dev/harbour-fire/gold.yaml", shared / "gold/dev/harbour-fire"),
        *(
            (name, REPO / "tests" / "events" / name / "gold.yaml", REPO / "tests" / "events" / name)
            for name in ("bridge-collapse", "central-bank")
        ),
    )


def article_ids(gold: dict[str, object], ids: list[str]) -> dict[str, str]:
    """The gold's short article ids -> the tool's article ids (file stems)."""
    out = {}
    for short, name in dict(gold["articles"]).items():  # type: ignore[call-overload]
        stem = os.path.splitext(str(name))[0]
        out[str(short)] = next(i for i in ids if i == stem or i.startswith(stem) or stem.startswith(i))
    return out


class Labelled(Protocol):
    """A scored pair the gold labels as the same thing or not."""

    @property
    def score(self) -> float: ...

    @property
    def same(self) -> bool: ...


def figures(pairs: Sequence[Labelled], threshold: float) -> dict[str, float]:
    """Accuracy, precision, recall and F1 of deciding "same" at `threshold`."""
    tp = sum(p.same and p.score >= threshold for p in pairs)
    fp = sum(not p.same and p.score >= threshold for p in pairs)
    fn = sum(p.same and p.score < threshold for p in pairs)
    tn = len(pairs) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": (tp + tn) / max(1, len(pairs)), "precision": precision, "recall": recall, "f1": f1}


def leave_one_event_out(
    by_event: dict[str, list[Any]], choose: Callable[[list[Any]], float], *, digits: int = 4
) -> float:
    """Print each event's figures at the threshold `choose` fits on the other events, then
    return (and print) the threshold fitted on every event."""
    for name, pairs in by_event.items():
        train = [p for other, ps in by_event.items() if other != name for p in ps]
        t = choose(train)
        f = figures(pairs, t)
        positives = sum(p.same for p in pairs)
        print(f"  {name:16} {_line(t, f, digits)}  ({positives} same / {len(pairs) - positives} not)")
    everything = [p for ps in by_event.values() for p in ps]
    threshold = choose(everything)
    print(f"  {'all events':16} {_line(threshold, figures(everything, threshold), digits)}")
    return threshold


def _line(threshold: float, f: dict[str, float], digits: int) -> str:
    return (
        f"threshold {threshold:.{digits}f}  accuracy {f['accuracy']:.3f}  precision {f['precision']:.3f}  "
        f"recall {f['recall']:.3f}  F1 {f['f1']:.3f}"
    )
