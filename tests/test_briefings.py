"""Several briefings side by side: two small briefings written for the tests
(tests/data/two-briefings) share the expert "arat" and both have a topic "energy"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import KnowledgeBase, KnowledgeError, Matcher, load_knowledge

TWO = Path(__file__).parent / "data" / "two-briefings"


@pytest.fixture(scope="module")
def two() -> KnowledgeBase:
    return load_knowledge(TWO)


def test_an_expert_declared_identically_in_two_files_is_one_expert(two: KnowledgeBase) -> None:
    assert [e.id for e in two.experts] == ["arat", "demir", "kaya"]
    arat = two.expert("arat")
    assert arat is not None and arat.briefing_ids == ("test-north", "test-south")
    positions = two.entries_for_expert("arat")
    assert {e.briefing_id for e in positions} == {"test-north", "test-south"}
    assert all(e.expert is arat for e in positions)  # one object, whichever file quoted it
    assert [e.id for e in two.experts_of("test-south")] == ["arat", "kaya"]


def test_an_expert_declared_differently_names_both_files(tmp_path: Path) -> None:
    target = tmp_path / "kb"
    shutil.copytree(TWO, target)
    south = target / "south.yaml"
    south.write_text(south.read_text(encoding="utf-8").replace(
        'title: "Maritime Policy Researcher"', 'title: "Energy Economist"', 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(target)
    [problem] = caught.value.problems
    assert str(south) in problem and str(target / "north.yaml") in problem
    assert "experts[0] (id 'arat')" in problem and "declared differently" in problem


def test_topic_ids_belong_to_their_briefing(two: KnowledgeBase) -> None:
    energy = [t for t in two.topics if t.id == "energy"]
    assert [t.key for t in energy] == ["test-north/energy", "test-south/energy"]
    assert two.topic("energy") is None  # ambiguous: never the first one by accident
    south = two.topic("test-south/energy")
    assert south is not None and south.briefing_id == "test-south"
    assert [e.id for e in two.entries_for_topic("test-south/energy")] == [
        "south-arat-borders", "south-kaya-lng"]
    assert [e.id for e in two.entries_for_topic("test-north/energy")] == ["north-arat-gas"]
    assert two.topic("shipping") is not None  # a topic id used once keeps its plain name
    assert [t.id for t in two.topics_of("test-north")] == ["shipping", "energy", "law"]


def test_the_shipped_briefing_keeps_plain_topic_names(knowledge: KnowledgeBase) -> None:
    assert all(t.key == t.id for t in knowledge.topics)
    assert knowledge.topic("arctic") is not None


def test_questions_are_answered_from_both_briefings(two: KnowledgeBase) -> None:
    matcher = Matcher(two)
    result = matcher.match("What did Arat say about gas?")
    assert {a.entry.briefing_id for a in result.answers} == {"test-north", "test-south"}
    kaya = matcher.match("pipeline to Europe")
    assert kaya.answers[0].entry.id == "south-kaya-lng"
