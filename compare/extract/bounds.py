"""bounds: what keeps extraction linear in the size of its input, whatever the input.

Hostile or broken files (10 kB of digits, 20,000 dollar amounts in one "sentence") must cost
time and output in proportion to their size. Every pattern in this package starts only at a
token boundary, repeats a bounded number of times or possessively, and every extractor stops
after MAX_MENTIONS_PER_SENTENCE mentions; overlap between mentions is checked on a character
mask (`Taken`), not against a growing list.
"""

from __future__ import annotations

# Mentions kept per sentence, all kinds together. A real news sentence carries a handful (the
# densest in the seeds and the dev event: 9); a sentence with more is a table or a broken file,
# and keeping them all made 5,000 amounts in one sentence into 199 MB of JSON (issue 13).
MAX_MENTIONS_PER_SENTENCE = 50


class Taken:
    """Which characters of a sentence some mention already covers: O(1) per character."""

    def __init__(self, length: int) -> None:
        self._mask = bytearray(length + 1)

    def free(self, start: int, end: int) -> bool:
        """No character of [start, end) is taken (checked at both ends and inside, as the old
        interval test did: a mention may not start or end inside another)."""
        if start >= end:
            return not self._mask[start]
        return not (self._mask[start] or self._mask[end - 1])

    def mark(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)
