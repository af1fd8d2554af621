"""The systems compared: briefing-bot's matcher and three baselines with a decline threshold.

Every system turns a question into a ranked list of answers in the JSON shape of
`briefing-bot ask --json` (id, expert name and title or None, text, score); [] is a decline.

Baselines rank documents and answer with their top three unless the best score is below the
system's threshold. The threshold is chosen on the question set itself by `choose_threshold`:
the candidates are every observed best score (answer when best >= t) and +inf (always decline);
the chosen one maximises hit@1 + the decline rate on the questions that must be declined
(categories oos and near together), ties broken by lower wrong@1, then by the lower threshold.
This is the most favourable threshold a baseline could have on this set (fitted in-sample).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process, utils

from benchmarks.scoring import ANSWERABLE, Answer, Case, outcome
from bot.present.plain import result_as_json
from knowledge import Expert, KnowledgeBase, Matcher
from knowledge.normalize import content_tokens, fold, stem

TOP = 3
_BLANK = re.compile(r"\n\s*\n")


class System:
    """A question answerer; `answer` applies the decline rule, `rank` does not."""

    name: str = ""
    label: str = ""
    threshold: float | None = None

    def rank(self, question: str) -> list[Answer]:
        """The best answers with their raw scores, before any decline threshold."""
        raise NotImplementedError

    def answer(self, question: str) -> list[Answer]:
        """The answers a user would get: none when the best score is below the threshold."""
        ranked = self.rank(question)
        if self.threshold is not None and (not ranked or ranked[0]["score"] < self.threshold):
            return []
        return ranked


class MatcherSystem(System):
    """briefing-bot's own matcher, as `briefing-bot ask --json` answers."""

    name = "briefing-bot"
    label = "briefing-bot matcher (entries, curated)"

    def __init__(self, knowledge: KnowledgeBase, matcher: Matcher | None = None) -> None:
        self.matcher = matcher or Matcher(knowledge)

    def rank(self, question: str) -> list[Answer]:
        answers: list[Answer] = result_as_json(self.matcher.match(question, top=TOP))["answers"]
        return answers

    def answer(self, question: str) -> list[Answer]:
        return self.rank(question)


@dataclass(frozen=True)
class Paragraph:
    """A blank-line-separated paragraph of a briefing's source text, with its speaker."""

    index: int
    text: str
    expert: Expert | None


def paragraphs(knowledge: KnowledgeBase) -> list[Paragraph]:
    """Every briefing's source split at blank lines, each paragraph given its section's expert.

    A section starts at an expert's header line: a one-line paragraph under 160 characters with
    a parenthesis that contains the expert's surname (accent- and case-folded), such as
    "Coşkun BAŞBUĞ (Security and Terrorism Expert / Retired Intelligence Colonel)"; the header
    belongs to its own section. Paragraphs before the first header are the briefing's intro
    (expert None); a paragraph starting with the briefing's compiler's name (the compiler's
    biography at the end of the page) closes the expert sections (it and what follows: None).
    """
    found: list[Paragraph] = []
    for briefing in knowledge.briefings:
        experts = [e for e in knowledge.experts if e.briefing_id == briefing.id]
        compiler = fold(briefing.compiler)
        current: Expert | None = None
        for raw in _BLANK.split(briefing.source_text):
            text = " ".join(raw.split())
            if not text:
                continue
            folded = fold(text)
            if compiler and folded.startswith(compiler):
                current = None
                experts = []
            elif "\n" not in raw.strip() and len(text) < 160 and "(" in text:
                for expert in experts:
                    if fold(expert.name.split()[-1]) in folded:
                        current = expert
                        break
            found.append(Paragraph(len(found), text, current))
    return found


def _expert_json(expert: Expert | None) -> dict[str, str] | None:
    return {"name": expert.name, "title": expert.title} if expert else None


def bm25_tokens(text: str) -> list[str]:
    """The baselines' shared analysis: folded words, stop words removed, light stemming."""
    return [stem(t) for t in content_tokens(text)]


class _BM25System(System):
    """rank-bm25's BM25Okapi (k1=1.5, b=0.75) over a list of documents."""

    def __init__(self, documents: list[list[str]], answers: list[Answer]) -> None:
        self.answers = answers
        self._index(documents)

    def _index(self, documents: list[list[str]]) -> None:
        from rank_bm25 import BM25Okapi

        # BM25Okapi divides by the corpus size; an empty document list would crash it.
        self.bm25 = BM25Okapi([d or ["<empty>"] for d in documents])

    def scores(self, question: str) -> np.ndarray:
        scores: np.ndarray = self.bm25.get_scores(bm25_tokens(question))
        return scores

    def rank(self, question: str) -> list[Answer]:
        scores = self.scores(question)
        order = np.argsort(-scores, kind="stable")[:TOP]
        return [{**self.answers[i], "score": float(scores[i])} for i in order]


class BM25Paragraphs(_BM25System):
    """(b) BM25 over the briefing's paragraphs."""

    name = "bm25-paragraphs"
    label = "BM25 (rank-bm25) over source paragraphs"

    def __init__(self, knowledge: KnowledgeBase) -> None:
        found = paragraphs(knowledge)
        super().__init__(
            [bm25_tokens(p.text) for p in found],
            [{"id": f"p{p.index}", "expert": _expert_json(p.expert), "text": p.text}
             for p in found],
        )


class BM25Entries(_BM25System):
    """(d) BM25 over the knowledge base's entries: quote + alternate questions + topic names."""

    name = "bm25-entries"
    label = "BM25 (rank-bm25) over KB entries"

    def __init__(self, knowledge: KnowledgeBase) -> None:
        documents = []
        answers: list[Answer] = []
        for entry in knowledge.entries:
            text = " ".join([entry.text, *entry.questions, *(t.name for t in entry.topics)])
            documents.append(bm25_tokens(text))
            answers.append(
                {"id": entry.id, "expert": _expert_json(entry.expert), "text": entry.text}
            )
        super().__init__(documents, answers)


class BM25sEntries(BM25Entries):
    """(e) The same documents as (d), scored by bm25s (sparse-matrix BM25, Lucene variant,
    k1=1.5, b=0.75): the fastest BM25 in Python. Needs the `bench` extra."""

    name = "bm25s-entries"
    label = "BM25 (bm25s, sparse matrices) over KB entries"

    def _index(self, documents: list[list[str]]) -> None:
        import bm25s

        self.bm25s = bm25s.BM25(k1=1.5, b=0.75)
        self.bm25s.index([d or ["<empty>"] for d in documents], show_progress=False)

    def scores(self, question: str) -> np.ndarray:
        words = bm25_tokens(question)
        if not words:
            return np.zeros(len(self.answers))
        scores: np.ndarray = self.bm25s.get_scores(words)
        return scores


class FuzzParagraphs(System):
    """(c) rapidfuzz token_set_ratio of the question against each paragraph."""

    name = "fuzz-paragraphs"
    label = "rapidfuzz token_set_ratio over source paragraphs"

    def __init__(self, knowledge: KnowledgeBase) -> None:
        found = paragraphs(knowledge)
        self.choices = [utils.default_process(fold(p.text)) for p in found]
        self.answers: list[Answer] = [
            {"id": f"p{p.index}", "expert": _expert_json(p.expert), "text": p.text}
            for p in found
        ]

    def rank(self, question: str) -> list[Answer]:
        query = utils.default_process(fold(question))
        best = process.extract(query, self.choices, scorer=fuzz.token_set_ratio, limit=TOP)
        return [{**self.answers[i], "score": float(score)} for _, score, i in best]


BASELINES: tuple[Callable[[KnowledgeBase], System], ...] = (
    BM25Paragraphs,
    FuzzParagraphs,
    BM25Entries,
    BM25sEntries,
)


def choose_threshold(cases: Sequence[Case], ranked: Sequence[Sequence[Answer]]) -> float:
    """The decline threshold that maximises hit@1 + decline rate (oos and near) on `cases`."""
    answerable = [i for i, c in enumerate(cases) if c["cat"] in ANSWERABLE]
    declines = [i for i, c in enumerate(cases) if c.get("decline")]
    best_scores = sorted({float(r[0]["score"]) for r in ranked if r})
    best_key: tuple[float, float, float] | None = None
    chosen = math.inf
    for threshold in [*best_scores, math.inf]:
        hit1 = wrong1 = 0.0
        for i in answerable:
            got = ranked[i] if ranked[i] and ranked[i][0]["score"] >= threshold else []
            result = outcome(cases[i], got)
            hit1 += result.hit1
            wrong1 += result.wrong1
        declined = sum(
            1 for i in declines if not ranked[i] or ranked[i][0]["score"] < threshold
        )
        objective = hit1 / max(1, len(answerable)) + declined / max(1, len(declines))
        key = (objective, -wrong1, -threshold)
        if best_key is None or key > best_key:
            best_key, chosen = key, threshold
    return chosen


def describe(system: System) -> dict[str, Any]:
    """Name, label and threshold of a system, for the report."""
    return {"name": system.name, "label": system.label, "threshold": system.threshold}
