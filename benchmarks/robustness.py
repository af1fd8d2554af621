"""`python -m benchmarks.robustness`: do answers survive the ways readers dress a question?

Every question of the development sets (tests/data: dev, holdout, blind, false-friends-dev,
turkish, turkish-dev) is asked again as readers also write it: in lower case or capitals,
Turkish without its letters, with a greeting or a courteous opening, with a mention of the
briefing, after a sentence of its own, with a title before the expert's name, with a
slip of the keyboard (`benchmarks.typos`, seed 1). A question the matcher answers right
should stay right ("kept"); one it declines should stay declined ("leaked" when it does not).
Then a view asked in other words (`FRAMINGS`, `TURKISH_FRAMINGS`, of 12 expert-subject pairs
of the shipped briefing) should get the first answer of "What did X say about Y?".
"""

from __future__ import annotations

import argparse
import random
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from benchmarks.paths import ROOT
from benchmarks.typos import variants
from knowledge import Matcher, load_knowledge
from tests.evalset import ANSWERABLE, satisfies

SETS = ("dev", "holdout", "blind", "false-friends-dev", "turkish", "turkish-dev")
SURNAMES = ("Ozan", "Dilek", "Başbuğ", "Öymen", "Berktay")


def _lowered(question: str) -> str:
    return question[:1].lower() + question[1:]


def _without_turkish_letters(question: str) -> str:
    text = question.replace("ı", "i").replace("İ", "I")
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def _titled(question: str) -> str:
    for name in SURNAMES:
        if name in question and "Dr. " not in question and "Prof" not in question:
            return question.replace(name, f"Mr. {name}", 1)
    return question


def _misspelt(question: str) -> str:
    return next(variants(question, random.Random(question)), question)


DRESSINGS: dict[str, Callable[[str], str]] = {
    "lower case": lambda q: q.lower().rstrip("?"),
    "capitals": str.upper,
    "no Turkish letters": _without_turkish_letters,
    "a greeting": lambda q: f"hey bot, {q}",
    "a courteous opening": lambda q: f"Can you tell me {_lowered(q)}",
    "a mention of the briefing": lambda q: f"In this briefing, {_lowered(q)}",
    "the briefing after it": lambda q: q.rstrip("?") + ", according to the report?",
    "a sentence before it": lambda q: f"I was reading about the Blinken-Lavrov meeting. {q}",
    "a title": _titled,
    "a slip of the keyboard": _misspelt,
}


# A view asked in other words: each framing of each pair of the shipped briefing should get
# the first answer of "What did X say about Y?".
FRAMINGS = (
    "{x}'s view on {y}", "{x}'s stance on {y}", "How does {x} see {y}?", "{x} on {y}",
    "What's {x}'s take on {y}?", "What does {x} think of {y}?", "{x}'s thoughts on {y}?",
    "Tell me what {x} said about {y}", "How does {x} assess {y}?", "{x} about {y}",
    "What did {x} have to say about {y}?", "What are {x}'s views on {y}?", "{y} {x}",
    "What does {x} make of {y}?", "Where does {x} stand on {y}?", "Summarize {x} on {y}",
)
TURKISH_FRAMINGS = (
    "{x} {y} hakkında ne dedi?", "{x} {y} konusunda ne düşünüyor?", "{x} {y} için ne diyor?",
    "{x} {y} ile ilgili ne söylüyor?", "{x} {y} meselesine nasıl bakıyor?", "{x}, {y}?",
    "{y} {x}",
)
PAIRS = (  # (surname, in English, in Turkish)
    ("Ozan", "Iran", "İran"), ("Ozan", "China", "Çin"), ("Ozan", "Afghanistan", "Afganistan"),
    ("Dilek", "the Reset policy", "Reset politikası"), ("Dilek", "sanctions", "yaptırımlar"),
    ("Dilek", "Trump", "Trump"), ("Başbuğ", "Alaska", "Alaska"),
    ("Öymen", "Crimea", "Kırım"), ("Öymen", "Syria", "Suriye"), ("Berktay", "Navalny", "Navalni"),
    ("Berktay", "Nord Stream 2", "Kuzey Akım 2"), ("Berktay", "Belarus", "Belarus"),
)


def framings(matcher: Matcher) -> tuple[int, int, int, int]:
    """(English same, English asked, Turkish same, Turkish asked)."""
    counts = [0, 0, 0, 0]
    for surname, english, turkish in PAIRS:
        first = matcher.match(f"What did {surname} say about {english}?").answers[:1]
        want = first[0].entry.id if first else None
        for at, (forms, subject) in enumerate(((FRAMINGS, english),
                                                (TURKISH_FRAMINGS, turkish))):
            for framing in forms:
                got = matcher.match(framing.format(x=surname, y=subject)).answers[:1]
                counts[2 * at] += bool(got) and got[0].entry.id == want
                counts[2 * at + 1] += 1
    return counts[0], counts[1], counts[2], counts[3]


def run(matcher: Matcher, cases: Sequence[dict[str, Any]],
        dress: Callable[[str], str]) -> dict[str, int]:
    """Counts for one way of dressing the questions (questions it leaves as they were aside)."""
    counts = {"right": 0, "kept": 0, "declines": 0, "leaked": 0}
    for case in cases:
        dressed = dress(case["q"])
        if dressed == case["q"]:
            continue
        answers = matcher.match(case["q"]).answers
        if case.get("decline"):
            if not answers:
                counts["declines"] += 1
                counts["leaked"] += bool(matcher.match(dressed).answers)
        elif case.get("cat") in ANSWERABLE and answers and satisfies(answers[0], case):
            counts["right"] += 1
            got = matcher.match(dressed).answers
            counts["kept"] += bool(got) and satisfies(got[0], case)
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.robustness", description=__doc__)
    parser.parse_args(argv)
    data = ROOT / "tests" / "data"
    cases = [c for name in SETS
             for c in yaml.safe_load(Path(data / f"{name}.yaml").read_text(encoding="utf-8"))]
    matcher = Matcher(load_knowledge())
    print(f"{'dressed with':28s} {'right answers kept':>20s} {'declines leaked':>17s}")
    for name, dress in DRESSINGS.items():
        c = run(matcher, cases, dress)
        print(f"{name:28s} {c['kept']:>9d} of {c['right']:<7d} {c['leaked']:>6d} of "
              f"{c['declines']}")
    same, asked, same_tr, asked_tr = framings(matcher)
    print(f"a view asked in other words: the first answer of 'What did X say about Y?' for "
          f"{same} of {asked} English framings, {same_tr} of {asked_tr} Turkish ones")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
