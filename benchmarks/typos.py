"""`python -m benchmarks.typos`: do answers survive a reader's slip of the keyboard?

Every question of the development sets (tests/data: dev, holdout, blind; `--sets
turkish,turkish-dev` for Turkish) that the matcher
answers right is asked again with one slip in one of its words of five letters or more (a
letter dropped, changed, swapped with the next, or added; never the first or the last), once
per seed. A question kept is answered right again; one lost is declined or answered wrong.
A question to decline that the matcher declines is asked so too; one answered has "leaked".
The slips are drawn by `random.Random(seed)`, so a run is the same on any machine.
"""

from __future__ import annotations

import argparse
import random
import string
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from benchmarks.paths import ROOT
from knowledge import Matcher, load_knowledge
from tests.evalset import ANSWERABLE, satisfies

SETS = ("dev", "holdout", "blind")
TURKISH_SETS = ("turkish", "turkish-dev")


def misspelt(word: str, rng: random.Random) -> str:
    """`word` with one slip inside it (not at its first or last letter)."""
    at = rng.randrange(1, len(word) - 1)
    slip = rng.choice("drsi")
    if slip == "d":
        return word[:at] + word[at + 1:]
    if slip == "r":
        return word[:at] + rng.choice(string.ascii_lowercase) + word[at + 1:]
    if slip == "s":
        return word[:at] + word[at + 1] + word[at] + word[at + 2:]
    return word[:at] + rng.choice(string.ascii_lowercase) + word[at:]


def variants(question: str, rng: random.Random) -> Iterator[str]:
    """The question with one of its longer words misspelt (none when it has no such word)."""
    words = question.split()
    longer = [i for i, w in enumerate(words) if len(w.strip("?.,!'\"")) >= 5]
    if not longer:
        return
    at = rng.choice(longer)
    word = words[at].strip("?.,!'\"")
    yield " ".join([*words[:at], words[at].replace(word, misspelt(word, rng)), *words[at + 1:]])


def run(matcher: Matcher, cases: Sequence[dict[str, Any]], seeds: Sequence[int]) -> Counter[str]:
    """Counts of kept, declined and wrong among the misspelt questions; and of the questions
    to decline, declined as written, how many a slip lets through ("leaked")."""
    counts: Counter[str] = Counter()
    for seed in seeds:
        rng = random.Random(seed)
        other = random.Random(f"to decline {seed}")  # (the answerable ones' slips as before)
        for case in cases:
            if case.get("decline"):
                if matcher.match(case["q"]).answers:
                    continue
                for question in variants(case["q"], other):
                    counts["to decline"] += 1
                    counts["leaked"] += bool(matcher.match(question).answers)
                continue
            if case.get("cat") not in ANSWERABLE:
                continue
            answers = matcher.match(case["q"]).answers
            if not (answers and satisfies(answers[0], case)):
                continue
            for question in variants(case["q"], rng):
                got = matcher.match(question).answers
                counts["asked"] += 1
                if got and satisfies(got[0], case):
                    counts["kept"] += 1
                elif not got:
                    counts["declined"] += 1
                else:
                    counts["wrong"] += 1
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.typos", description=__doc__)
    parser.add_argument("--seeds", type=int, default=5, help="seeds 1..N (default 5)")
    parser.add_argument("--sets", default=",".join(SETS),
                        help=f"question sets of tests/data (default {','.join(SETS)}; "
                        f"Turkish: {','.join(TURKISH_SETS)})")
    args = parser.parse_args(argv)
    data = ROOT / "tests" / "data"
    cases = [c for name in args.sets.split(",")
             for c in yaml.safe_load(Path(data / f"{name}.yaml").read_text(encoding="utf-8"))]
    counts = run(Matcher(load_knowledge()), cases, range(1, args.seeds + 1))
    asked = counts["asked"] or 1
    print(f"misspelt questions: {counts['asked']}; kept {counts['kept']} "
          f"({counts['kept'] / asked:.3f}), declined {counts['declined']}, "
          f"wrong {counts['wrong']}")
    print(f"misspelt questions to decline: {counts['to decline']}; leaked {counts['leaked']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
