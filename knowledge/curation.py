"""Checks that help curators: entries readers can never reach."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.matcher import Matcher


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
