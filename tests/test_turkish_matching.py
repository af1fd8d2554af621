"""Turkish questions (no Telegram): endings, ASCII typing, framing words, and a development
set written from the source text (tests/data/turkish-dev.yaml).

tests/data/turkish.yaml is a blind check and is not read here (or anywhere while tuning).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import Matcher
from knowledge.normalize import TURKISH_NAMES, content_tokens, tokens
from tests.evalset import score

TURKISH_DEV = Path(__file__).parent / "data" / "turkish-dev.yaml"


@pytest.mark.parametrize(("word", "english"), [
    ("kirim", "crimea"), ("kirimi", "crimea"), ("kirimin", "crimea"), ("rusyanin", "russia"),
    ("rusyaya", "russia"), ("ukraynadaki", "ukraine"), ("arktikteki", "arctic"),
    ("konseyinin", "council"), ("gerginligi", "tension"), ("yaptirimlarin", "sanctions"),
    ("iliskileri", "relations"), ("atmosferi", "atmosphere"), ("zirvesinde", "summit"),
])
def test_turkish_words_with_endings_read_as_english(word: str, english: str) -> None:
    assert word in TURKISH_NAMES
    assert TURKISH_NAMES[word] == english
    assert TURKISH_NAMES.get(word) == english


@pytest.mark.parametrize("word", ["weather", "dollar", "sanctions", "arctic", "pasta", "kiel",
                                  "iraq", "kir", "ne"])
def test_other_words_are_not_turkish_words(word: str) -> None:
    assert word not in TURKISH_NAMES
    assert TURKISH_NAMES.get(word, word) == word


def test_turkish_framing_carries_no_weight() -> None:
    assert content_tokens("Öymen'e göre Kırım hakkında ne düşünüyor?") == ["oymen", "kirim"]
    assert content_tokens("Berktay'ın Kuzey Akım 2 hakkındaki görüşü nedir?") == [
        "berktay", "kuzey", "akim", "2"]
    assert content_tokens("Başbuğ Arktik konusunda neler söyledi?") == ["basbug", "arktik"]
    assert tokens("Rusya'nın Arktik'teki rolü") == ["rusya", "arktik", "rolu"]


@pytest.mark.parametrize(("question", "expert", "needle"), [
    ("Öymen Kırım'ın ilhakı hakkında ne dedi?", "oymen", "Crimea"),
    ("oymen kirimi ne dedi", "oymen", "Crimea"),
    ("Başbuğ'a göre Arktik neden değerli?", "basbug", "Arctic"),
    ("basbug arktikte ne diyor", "basbug", "Arctic"),
    ("Arktik Konseyi'nin üyeleri hangi ülkeler?", "basbug", "Canada"),
    ("Berktay'ın Kuzey Akım 2 hakkındaki görüşü nedir?", "berktay", "Nord Stream"),
    ("Ozan'a göre Rusya'nın İran müzakerelerindeki rolü nedir?", "ozan", "Iran"),
])
def test_turkish_questions_find_their_quotes(matcher: Matcher, question: str, expert: str,
                                             needle: str) -> None:
    answers = matcher.match(question).answers
    assert answers, f"declined: {question!r}"
    first = answers[0].entry
    assert first.expert is not None and first.expert.id == expert
    assert needle in first.text


def test_turkish_development_set(matcher: Matcher) -> None:
    scores = score(matcher, TURKISH_DEV)
    assert scores.hit3 >= 0.93, scores.failures
    assert scores.declined == 1.0, scores.failures
