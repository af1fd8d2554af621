"""Several briefings side by side: two small briefings written for the tests
(tests/data/two-briefings) share the expert "arat" and both have a topic "energy"."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from knowledge import KnowledgeBase, KnowledgeError, Matcher, load_knowledge
from tests import telegram_helpers as tg

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


# --------------------------------------------------------------------------- command line


def test_the_command_line_names_each_answers_briefing() -> None:
    from tests.test_cli import cli

    done = cli("ask", "--knowledge", str(TWO), "--json", "What did Arat say about gas?")
    answers = json.loads(done.stdout)["answers"]
    assert {a["briefing"]["id"] for a in answers} == {"test-north", "test-south"}
    assert {a["briefing"]["title"] for a in answers} == {
        "Shipping in the High North", "Gas under the Eastern Mediterranean"}
    text = cli("ask", "--knowledge", str(TWO), "What did Arat say about gas?").stdout
    assert "Dr. Ada Arat, Maritime Policy Researcher — in “Shipping in the High North”" in text
    narrowed = cli("ask", "--knowledge", str(TWO), "--briefing", "test-south", "--json",
                   "What did Arat say about gas?")
    assert {a["briefing"]["id"] for a in json.loads(narrowed.stdout)["answers"]} == {
        "test-south"}
    wrong = cli("ask", "--knowledge", str(TWO), "--briefing", "nope", "gas")
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1
    assert "test-north, test-south" in wrong.stderr


def test_experts_and_topics_cover_every_briefing() -> None:
    from tests.test_cli import cli

    experts = cli("experts", "--knowledge", str(TWO)).stdout.splitlines()
    assert experts[0].startswith("Shipping in the High North [test-north]")
    assert sum("Dr. Ada Arat" in line for line in experts) == 2  # listed under both
    topics = cli("topics", "--knowledge", str(TWO)).stdout
    assert "test-north/energy" in topics and "test-south/energy" in topics


# --------------------------------------------------------------------------- Telegram


async def test_telegram_names_briefings_and_groups_topics(make_harness: Any,
                                                         two: KnowledgeBase) -> None:
    harness = await make_harness(two)
    calls = await harness.feed(tg.message("What did Arat say about gas?"))
    answer = tg.sent(calls)[-1].text
    assert "<i>Shipping in the High North</i>" in answer
    assert "<i>Gas under the Eastern Mediterranean</i>" in answer
    calls = await harness.feed(tg.message("/topics"))
    lists = tg.sent(calls)
    assert len(lists) == 2  # one per briefing, each under its title
    assert "Shipping in the High North" in lists[0].text
    data = [b["callback_data"] for b in lists[1].buttons()]
    assert "t:test-south/energy" in data
    calls = await harness.feed(tg.callback("t:test-south/energy", on=tg.bot_message("x")))
    shown = tg.sent(calls)[-1].text
    assert "Energy companies will drill" in shown and "northern gas fields" not in shown


def test_the_title_asked_is_each_briefings_or_the_one_named(two: KnowledgeBase) -> None:
    matcher = Matcher(two)
    each = matcher.match("What is the title of this briefing?")
    assert [a.entry.text for a in each.answers] == [
        "Shipping in the High North", "Gas under the Eastern Mediterranean"]
    gas = matcher.match("What is the title of the briefing on gas?")
    assert [(a.entry.text, a.entry.briefing_id) for a in gas.answers] == [
        ("Gas under the Eastern Mediterranean", "test-south")]


def test_a_title_its_source_does_not_print_is_not_given(tmp_path: Path) -> None:
    """The title is the briefing's own words only where its source prints it."""
    target = tmp_path / "kb"
    shutil.copytree(TWO, target)
    north = target / "north.yaml"
    north.write_text(north.read_text(encoding="utf-8").replace(
        'title: "Shipping in the High North"', 'title: "Ships of the Far North"', 1),
        encoding="utf-8")
    result = Matcher(load_knowledge(target)).match("What is the title of this briefing?")
    assert [a.entry.text for a in result.answers] == ["Gas under the Eastern Mediterranean"]


def test_a_source_gone_since_loading_gives_no_title(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Read from the cache, a source is read only when asked for: gone by then, the title is
    not given, and the question is read as any other (no traceback)."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    target = tmp_path / "kb"
    shutil.copytree(TWO, target)
    load_knowledge(target)  # checked, then kept in the cache
    cached = load_knowledge(target)
    (target / "sources" / "north.txt").unlink()
    result = Matcher(cached).match("What is the title of this briefing?")
    assert [a.entry.text for a in result.answers] == ["Gas under the Eastern Mediterranean"]
