"""Checks that help curators: entries readers can never reach."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from knowledge.matcher import Matcher
from knowledge.models import KnowledgeBase
from knowledge.normalize import content_tokens


@dataclass(frozen=True)
class Shadowed:
    """An entry none of whose own questions gets it as the first answer."""

    entry_id: str
    question: str
    first: str | None  # the entry that answers that question first, or None when declined

    def describe(self) -> str:
        """One line for `briefing-bot check`."""
        got = f"entry '{self.first}' first" if self.first else "a decline"
        return (f"entry '{self.entry_id}' is shadowed: its question {self.question!r} gets {got}, "
                "and so do its other questions; readers can never reach it")


def shadowed_entries(matcher: Matcher) -> list[Shadowed]:
    """Entries whose alternate questions all rank another entry first (or are declined)."""
    found = []
    for entry in matcher.knowledge.entries:
        firsts = []
        for question in entry.questions:
            result = matcher.match(question, top=1)
            top = result.answers[0].entry.id if result.answers else None
            if top == entry.id:
                break
            firsts.append(top)
        else:
            found.append(Shadowed(entry.id, entry.questions[0], firsts[0] if firsts else None))
    return found


@dataclass(frozen=True)
class Astray:
    """An alternate question that does not get its own entry as the first answer."""

    entry_id: str
    question: str
    first: str | None  # the entry that answers it first, or None when declined

    def describe(self) -> str:
        """One line for `briefing-bot check --questions`."""
        got = f"entry '{self.first}' first" if self.first else "a decline"
        return f"entry '{self.entry_id}': its question {self.question!r} gets {got}"


def astray_questions(matcher: Matcher) -> tuple[list[Astray], int]:
    """Every alternate question whose first answer is another entry or a decline, and how
    many alternate questions there are: a curator rewords them, or accepts that a reader
    asking so is better served by the other entry."""
    found = []
    count = 0
    for entry in matcher.knowledge.entries:
        for question in entry.questions:
            count += 1
            result = matcher.match(question, top=1)
            first = result.answers[0].entry.id if result.answers else None
            if first != entry.id:
                found.append(Astray(entry.id, question, first))
    return found, count


@dataclass
class Nearest:
    """The entry whose alternate questions are closest to a question, for curators' reports.

    Built once per knowledge base: every alternate question reduced to its content words; a
    question is compared with rapidfuzz (token_set_ratio), so "Ozan on Iraq" finds the entry
    asked as "What did Ozan say about Iran?" and says how close it came.
    """

    knowledge: KnowledgeBase
    _choices: dict[int, str] = field(init=False, repr=False)
    _owner: list[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._choices, self._owner = {}, []
        for entry in self.knowledge.entries:
            for question in entry.questions:
                self._choices[len(self._owner)] = " ".join(content_tokens(question))
                self._owner.append(entry.id)

    def __call__(self, question: str) -> tuple[str, float] | None:
        """(entry id, similarity in 0..1) or None when nothing shares a word with it."""
        words = " ".join(content_tokens(question))
        if not words:
            return None
        found = process.extractOne(words, self._choices, scorer=fuzz.token_set_ratio,
                                   score_cutoff=1)
        if found is None:
            return None
        return self._owner[found[2]], round(found[1] / 100.0, 3)
