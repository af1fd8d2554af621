"""Part 1: answer quality of briefing-bot and the baselines on the same questions, same run."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.latency import time_calls
from benchmarks.scoring import (
    Answer,
    Case,
    load_cases,
    outcome,
    parse_summary_line,
    summarize,
)
from benchmarks.systems import BASELINES, MatcherSystem, System, choose_threshold
from knowledge import KnowledgeBase, Matcher


def _failures(cases: Sequence[Case], answers: Sequence[Sequence[Answer]]) -> list[str]:
    """Questions not answered right at rank 1 (or not declined), as score.py lists them."""
    found = []
    for case, got in zip(cases, answers, strict=True):
        result = outcome(case, got)
        if result.hit1:
            continue
        top = got[0] if got else None
        said = "declined" if top is None else (
            f"{(top.get('expert') or {}).get('name')}: {(top.get('text') or '')[:80]}"
        )
        found.append(f"[{case['cat']}] {case['q']!r} -> {said}")
    return found


def build_systems(knowledge: KnowledgeBase, matcher: Matcher | None = None) -> list[System]:
    """briefing-bot first, then the baselines (thresholds not yet chosen)."""
    return [MatcherSystem(knowledge, matcher), *(make(knowledge) for make in BASELINES)]


def evaluate(
    knowledge: KnowledgeBase,
    questions: Path,
    repeat: int,
    holdout: Path | None = None,
) -> dict[str, Any]:
    """Figures per system on `questions`; baselines' thresholds fitted there; timings at 1×."""
    cases = load_cases(questions)
    texts = [c["q"] for c in cases]
    systems = build_systems(knowledge)
    results: dict[str, Any] = {"questions": str(questions), "cases": len(cases), "systems": []}
    holdout_cases = load_cases(holdout) if holdout is not None else None
    for system in systems:
        if not isinstance(system, MatcherSystem):
            system.threshold = choose_threshold(cases, [system.rank(q) for q in texts])
        answers = [system.answer(q) for q in texts]
        row: dict[str, Any] = {
            "name": system.name,
            "label": system.label,
            "threshold": system.threshold,
            "summary": summarize(cases, answers),
            "failures": _failures(cases, answers),
            "latency": time_calls(system.answer, texts, repeat, budget_s=30.0),
        }
        if holdout_cases is not None:
            got = [system.answer(c["q"]) for c in holdout_cases]
            row["holdout"] = summarize(holdout_cases, got)
        results["systems"].append(row)
    if holdout is not None:
        results["holdout"] = str(holdout)
    return results


def score_py_cross_check(questions: Path, score_py: Path) -> dict[str, Any]:
    """Run benchmarks/score.py on `briefing-bot ask --json`: its figures, to compare."""
    script = Path(sys.executable).parent / "briefing-bot"
    proc = subprocess.run(
        [sys.executable, str(score_py), "--questions", str(questions), "--",
         str(script), "ask", "--json"],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode not in (0, 1) or not proc.stdout.strip():
        return {"error": (proc.stderr or proc.stdout)[-500:]}
    return {"summary": parse_summary_line(proc.stdout)}
