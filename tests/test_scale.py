"""At 1000 times the knowledge base, the original questions keep their answers.

The synthetic base comes from benchmarks/synthetic.py (seeded, documented there and in
docs/benchmarks.md): the real entries first and unchanged, then 999 copies with new ids,
invented expert names, new topic ids and perturbed wording. For every question of
tests/data/holdout.yaml and of tests/data/dev.yaml:

* a question the briefing declines at 1x is declined at 1000x, and the other way round;
* a question that names an expert gets the very same top entry (a copy belongs to an invented
  expert, so it would be a wrong answer);
* any other question gets, at rank 1, one of the passages it got in its top 3 at 1x, or a
  synthetic copy of one: the copies restate the same passages with other words (synonyms,
  dropped words), so a copy whose wording happens to be closer to the question may rank first,
  but nothing outside the passages that answered the question at 1x may come in.

BRIEFING_SCALE_TEST=N runs it at another size. No timing is asserted here; benchmarks/ measures
time. The two tests at scale are marked `slow` (about 20 s to build the base): `python -m pytest`
runs them, `-m "not slow"` leaves them out while iterating.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from benchmarks.synthetic import synthesize
from knowledge import KnowledgeBase, Matcher

SCALE = int(os.environ.get("BRIEFING_SCALE_TEST", "1000"))
HOLDOUT = Path(__file__).parent / "data" / "holdout.yaml"
DEV = Path(__file__).parent / "data" / "dev.yaml"


def _questions(path: Path) -> list[str]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [str(case["q"]) for case in cases]


@pytest.fixture(scope="module")
def scaled(knowledge: KnowledgeBase) -> Matcher:
    return Matcher(synthesize(knowledge, SCALE))


def _source(entry_id: str) -> str:
    """The real entry a synthetic copy was made from (the id itself for a real entry)."""
    return re.sub(r"-x\d+$", "", entry_id)


def _changed(one: Matcher, many: Matcher, questions: list[str]) -> list[str]:
    """Each question whose answer at N× breaks one of the rules in the module docstring."""
    found = []
    for question in questions:
        before = [a.entry.id for a in one.match(question).answers]
        after = [a.entry.id for a in many.match(question).answers[:1]]
        named = bool(one.match(question).experts)
        if bool(before) != bool(after):
            problem = "decline changed"
        elif not before:
            continue
        elif named and after[0] != before[0]:
            problem = "names an expert: the top entry must not change"
        elif _source(after[0]) not in before[:3]:
            problem = "not one of the passages in the top 3 at 1x"
        else:
            continue
        found.append(f"{question!r}: {before[:3] or 'declined'} -> {after or 'declined'} "
                     f"({problem})")
    return found


def test_synthetic_base_is_deterministic_and_keeps_the_originals(
    knowledge: KnowledgeBase,
) -> None:
    small = synthesize(knowledge, 3)
    again = synthesize(knowledge, 3)
    n = len(knowledge.entries)
    assert len(small.entries) == 3 * n
    assert small.entries[:n] == knowledge.entries
    assert [e.text for e in small.entries] == [e.text for e in again.entries]
    assert len({e.id for e in small.entries}) == 3 * n
    assert len({e.id for e in small.experts}) == 3 * len(knowledge.experts)
    assert len({(t.briefing_id, t.id) for t in small.topics}) == 3 * len(knowledge.topics)
    for original, copy in zip(knowledge.entries, small.entries[n:2 * n], strict=True):
        assert copy.id != original.id
        assert copy.text != original.text
        assert copy.questions != original.questions
        if original.expert is not None:
            assert copy.expert is not None
            assert copy.expert.name != original.expert.name
    assert synthesize(knowledge, 1) is knowledge


@pytest.mark.slow
def test_holdout_questions_keep_their_answers_at_scale(matcher: Matcher, scaled: Matcher) -> None:
    changed = _changed(matcher, scaled, _questions(HOLDOUT))
    assert not changed, f"{len(changed)} changed at {SCALE}×:\n" + "\n".join(changed)


@pytest.mark.slow
def test_dev_questions_keep_their_answers_at_scale(matcher: Matcher, scaled: Matcher) -> None:
    changed = _changed(matcher, scaled, _questions(DEV))
    assert not changed, f"{len(changed)} changed at {SCALE}×:\n" + "\n".join(changed)
