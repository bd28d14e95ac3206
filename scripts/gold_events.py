"""The visible gold events the fitting scripts fit on, each validated by leaving it out.

One list for scripts/fit_link.py, fit_facts.py and fit_align.py. tests/events/breach-settlement
is not in it: it is a validation event that no fit reads.
"""

from __future__ import annotations

import os
from pathlib import Path

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
