"""Curators' checks: an entry that its own questions can never reach is reported."""

from __future__ import annotations

from pathlib import Path

from knowledge import KnowledgeBase, Matcher, load_knowledge
from knowledge.curation import Nearest, shadowed_entries


def test_the_shipped_knowledge_base_has_no_shadowed_entry(matcher: Matcher) -> None:
    assert shadowed_entries(matcher) == []


def test_an_entry_whose_questions_another_answers_better_is_reported(
    knowledge_copy: Path, knowledge: KnowledgeBase
) -> None:
    path = next(knowledge_copy.glob("*.yaml"))
    alaska = next(e for e in knowledge.entries if "Alaska" in e.text and e.expert)
    # A second Başbuğ quote whose only question is the Alaska entry's, worded a little apart.
    path.write_text(path.read_text(encoding="utf-8") + f"""
  - id: shadowed-by-alaska
    expert: basbug
    topics: [arctic]
    questions: ["{alaska.questions[0].rstrip('?')}, exactly?"]
    quote: "This is a place where the USA and Russia come face to face."
""", encoding="utf-8")
    found = shadowed_entries(Matcher(load_knowledge(knowledge_copy)))
    assert [s.entry_id for s in found] == ["shadowed-by-alaska"]
    assert found[0].first == alaska.id
    assert "readers can never reach it" in found[0].describe()


def test_the_nearest_entry_to_an_unanswered_question(knowledge: KnowledgeBase) -> None:
    nearest = Nearest(knowledge)
    found = nearest("What did Ozan say about Iraq and Iran?")
    assert found is not None and found[0].startswith("ozan") and 0 < found[1] <= 1
    assert nearest("?!") is None
