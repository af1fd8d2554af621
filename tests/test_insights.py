"""The curators' insights file: unanswered questions grouped, votes counted once per person,
retention, and no user or chat id kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.infra.insights import Insights


def test_declined_questions_are_grouped_most_frequent_first(tmp_path: Path) -> None:
    insights = Insights(tmp_path / "i.sqlite3")
    for text in ("What did Ozan say about Iraq?", "ozan iraq", "What does Ozan think of Iraq",
                 "weather in Ankara", "Ozan on Iraq?"):
        insights.record_question(text, "private", "b", "ozan-iran", 0.3, True)
    total, groups = insights.unanswered()
    assert total == 5
    assert [g.count for g in groups] == [4, 1]
    assert groups[0].examples[0] == "What did Ozan say about Iraq?"
    assert groups[0].as_json() == {"count": 4, "examples": list(groups[0].examples),
                                   "nearest": {"id": "ozan-iran", "score": 0.3}}
    insights.close()


def test_a_vote_counts_once_per_person_and_a_second_press_changes_it(tmp_path: Path) -> None:
    insights = Insights(tmp_path / "i.sqlite3")
    key = insights.record_answer("nord stream", "berktay-nord-stream", "b")
    assert insights.vote(key, 42, up=True) == "berktay-nord-stream"
    assert insights.vote(key, 42, up=False) == "berktay-nord-stream"  # changed, not added
    insights.vote(key, 43, up=False)
    other = insights.record_answer("nordstream", "berktay-nord-stream", "b")
    insights.vote(other, 42, up=True)
    [votes] = insights.feedback()
    assert (votes.entry_id, votes.up, votes.down) == ("berktay-nord-stream", 1, 2)
    assert votes.questions == ["nord stream", "nordstream"]
    assert insights.vote("unknown", 42, up=True) is None
    insights.close()
    # Across a restart the buttons still find their answer.
    again = Insights(tmp_path / "i.sqlite3")
    assert again.vote(key, 44, up=True) == "berktay-nord-stream"
    again.close()


def test_no_user_or_chat_id_is_stored(tmp_path: Path) -> None:
    insights = Insights(tmp_path / "i.sqlite3")
    insights.record_question("ozan iraq", "group", "b", None, None, True)
    key = insights.record_answer("ozan iran", "ozan-iran", "b")
    insights.vote(key, 987654321, up=False)
    insights.close()
    dump = "\n".join(sqlite3.connect(tmp_path / "i.sqlite3").iterdump())
    assert "987654321" not in dump


def test_old_rows_are_pruned(tmp_path: Path) -> None:
    now = [1_000_000.0]
    insights = Insights(tmp_path / "i.sqlite3", retention_days=90, clock=lambda: now[0])
    insights.record_question("old", "private", None, None, None, True)
    now[0] += 91 * 86400
    insights.record_question("new", "private", None, None, None, True)
    assert insights.prune() == 1
    assert insights.unanswered()[0] == 1
    assert insights.unanswered(since_days=1)[0] == 1
    insights.close()
