"""What the matcher returns: answers with scores, or a decline with suggestions and a hint."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.models import Entry, Expert, Topic


@dataclass(frozen=True)
class Answer:
    """One matched entry with its score.

    The score ranks the answers to one question: higher is better, answers scoring below
    MatcherSettings.threshold (0.40) are never given, and it is not clipped (a close question
    usually scores 0.8 to 1.5), so the order of near-ties stays visible. It is not a
    probability.
    """

    entry: Entry
    score: float


@dataclass(frozen=True)
class MatchResult:
    """What the matcher made of a question."""

    question: str
    answers: tuple[Answer, ...]
    suggestions: tuple[str, ...] = ()
    experts: tuple[Expert, ...] = ()
    topics: tuple[Topic, ...] = ()
    # Why the question was declined, when that helps the reader ("Ozan speaks about Iran, not
    # Iraq."); empty otherwise.
    hint: str = ""

    @property
    def declined(self) -> bool:
        """True when the briefing does not answer the question."""
        return not self.answers
