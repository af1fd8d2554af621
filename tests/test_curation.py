"""Curators' checks: an entry that its own questions can never reach is reported."""

from __future__ import annotations

from pathlib import Path

from knowledge import KnowledgeBase, Matcher, load_knowledge
from knowledge.curation import Nearest, astray_questions, shadowed_entries


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
    matcher = Matcher(load_knowledge(knowledge_copy))
    found = shadowed_entries(matcher)
    assert [s.entry_id for s in found] == ["shadowed-by-alaska"]
    assert found[0].first == alaska.id
    assert "readers can never reach it" in found[0].describe()
    # Question by question too: the new entry's one question goes to the Alaska entry.
    astray, count = astray_questions(matcher)
    assert count == sum(len(e.questions) for e in matcher.knowledge.entries)
    mine = [q for q in astray if q.entry_id == "shadowed-by-alaska"]
    assert [(q.question, q.first) for q in mine] == [(f"{alaska.questions[0].rstrip('?')}, "
                                                      "exactly?", alaska.id)]
    assert mine[0].describe().endswith(f"gets entry '{alaska.id}' first")
    assert all(q.entry_id != alaska.id or q.question not in alaska.questions[:1] for q in astray)


def test_a_declined_alternate_question_is_listed(knowledge_copy: Path) -> None:
    path = next(knowledge_copy.glob("*.yaml"))
    path.write_text(path.read_text(encoding="utf-8") + """
  - id: asked-vaguely
    expert: basbug
    topics: [arctic]
    questions: ["Arctic?", "What is it about?"]
    quote: "This is a place where the USA and Russia come face to face."
""", encoding="utf-8")
    astray, _ = astray_questions(Matcher(load_knowledge(knowledge_copy)))
    vague = [q for q in astray if q.question == "What is it about?"]
    assert len(vague) == 1 and vague[0].first is None  # nothing asked: declined
    assert vague[0].describe().endswith("gets a decline")


def test_the_nearest_entry_to_an_unanswered_question(knowledge: KnowledgeBase) -> None:
    nearest = Nearest(knowledge)
    found = nearest("What did Ozan say about Iraq and Iran?")
    assert found is not None and found[0].startswith("ozan") and 0 < found[1] <= 1
    assert nearest("?!") is None
