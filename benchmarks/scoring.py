"""The scoring rules of benchmarks/score.py, in process, so every system is scored alike.

An answer is a dict like one of `briefing-bot ask --json`:
`{"id": ..., "expert": {"name": ..., "title": ...} | None, "text": ..., "score": ...}`;
an empty list of answers is a decline. The rules (fold, satisfies, hit@1, hit@3, wrong@1 and
the per-category rates) are score.py's own (`fold` and `satisfies` are imported from it, now
that score.py is part of the project); as a cross-check the benchmark also runs
score.py itself on `briefing-bot ask --json` and reports whether the figures agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmarks.score import ANSWERABLE, fold, satisfies

__all__ = ["ANSWERABLE", "fold", "satisfies"]

SUMMARY_KEYS = ("hit1", "hit3", "wrong1", "oos", "near", "tr")

Answer = dict[str, Any]
Case = dict[str, Any]


def load_cases(path: Path) -> list[Case]:
    """The questions of a score.py YAML file."""
    with path.open(encoding="utf-8") as handle:
        cases = yaml.safe_load(handle)
    if not isinstance(cases, list):
        raise ValueError(f"{path}: expected a list of questions")
    return cases


@dataclass(frozen=True)
class Outcome:
    """One question's result under score.py's rules."""

    hit1: bool
    hit3: bool
    wrong1: bool


def outcome(case: Case, answers: Sequence[Answer]) -> Outcome:
    """hit@1, hit@3 and wrong@1 of one question exactly as score.py computes them."""
    if case.get("decline"):
        ok = not answers
        return Outcome(ok, ok, False)
    hits = [satisfies(a, case) for a in answers[:3]]
    hit1 = bool(hits[:1]) and hits[0]
    return Outcome(hit1, any(hits), bool(answers) and not hit1)


def summarize(cases: Sequence[Case], answers: Sequence[Sequence[Answer]]) -> dict[str, float]:
    """score.py's summary line: hit1, hit3, wrong1 over answerable; oos, near; tr (hit@3)."""
    per_cat: dict[str, list[Outcome]] = {}
    for case, got in zip(cases, answers, strict=True):
        per_cat.setdefault(case["cat"], []).append(outcome(case, got))

    def rate(cats: Sequence[str], field: str) -> float:
        items = [getattr(o, field) for c in cats for o in per_cat.get(c, [])]
        return sum(items) / len(items) if items else float("nan")

    return {
        "hit1": rate(ANSWERABLE, "hit1"),
        "hit3": rate(ANSWERABLE, "hit3"),
        "wrong1": rate(ANSWERABLE, "wrong1"),
        "oos": rate(["oos"], "hit1"),
        "near": rate(["near"], "hit1"),
        "tr": rate(["tr"], "hit3"),
    }


def parse_summary_line(text: str) -> dict[str, float]:
    """The figures of score.py's last line (`hit1=0.889 hit3=...`)."""
    line = text.strip().splitlines()[-1].split("|")[-1]
    figures: dict[str, float] = {}
    for part in line.split():
        key, _, value = part.partition("=")
        if key in SUMMARY_KEYS:
            figures[key] = float(value)
    return figures
