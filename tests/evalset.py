"""Scoring rules for question sets (the same rules as shared/eval/score.py), used in tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.present.plain import with_original
from knowledge import Matcher
from knowledge.normalize import fold, question_language

ANSWERABLE = ("direct", "topic", "context", "typo", "paraphrase", "short", "tr")


def top(matcher: Matcher, question: str) -> str:
    """The id of the first answer to `question`, which must not be declined."""
    result = matcher.match(question)
    assert result.answers, f"declined: {question!r}"
    return result.answers[0].entry.id


def _blob(answer: Any, question: str) -> tuple[str, str]:
    """The expert's folded name, and all `ask --json` shows of the answer: its words (after
    the briefing's lead-in, when the quote has one; a Turkish original to a question asked in
    Turkish, after the English note to one asked in English), the name and the title."""
    expert = answer.entry.expert
    name = fold(expert.name) if expert else ""
    title = expert.title if expert else ""
    words = with_original(answer.entry, question_language(question))
    return name, fold(" ".join([words, expert.name if expert else "", title]))


def satisfies(answer: Any, case: dict[str, Any]) -> bool:
    name, blob = _blob(answer, case["q"])
    experts = case.get("experts") or []
    if experts and not any(e in name for e in experts):
        return False
    phrases = case.get("any") or []
    return not phrases or any(fold(str(p)) in blob for p in phrases)


@dataclass
class Scores:
    hit1: float
    hit3: float
    wrong1: float
    declined: float
    failures: list[str]


def score(matcher: Matcher, path: Path) -> Scores:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    hit1 = hit3 = wrong1 = answerable = declines = decline_ok = 0
    failures = []
    for case in cases:
        answers = matcher.match(case["q"]).answers
        if case.get("decline"):
            declines += 1
            decline_ok += not answers
            if answers:
                failures.append(f"{case['q']!r} should decline, got {answers[0].entry.id}")
            continue
        answerable += 1
        hits = [satisfies(a, case) for a in answers[:3]]
        hit1 += bool(hits[:1]) and hits[0]
        hit3 += any(hits)
        wrong1 += bool(answers) and not hits[0]
        if not hits or not hits[0]:
            got = answers[0].entry.id if answers else "declined"
            failures.append(f"[{case['cat']}] {case['q']!r} -> {got}")
    return Scores(
        hit1=hit1 / answerable if answerable else 1.0,
        hit3=hit3 / answerable if answerable else 1.0,
        wrong1=wrong1 / answerable if answerable else 0.0,
        declined=decline_ok / declines if declines else 1.0,
        failures=failures,
    )
