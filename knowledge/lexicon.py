"""Real words of English and Turkish, to tell a word the reader meant from a typo.

"Iraq" is one edit from "Iran" and "clear" is the end of "nuclear", but a reader who writes
them means them: correcting a real word into a different word the briefing knows puts a quote
about something else in an expert's mouth. The matcher corrects only words that are not real
words.

The word lists are wordfreq's "small" lists (every word used at least once per million words,
Zipf frequency 3 and above, from several corpora), which ship inside the wordfreq wheel:
nothing is downloaded. They are read straight from that data file with msgpack, without
importing wordfreq itself (which would pull in ftfy and regex and cost a tenth of a second at
every start), and only on the first question that needs them. If the file cannot be found
(a future wordfreq moving its data), wordfreq's own API is used instead.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import logging
import re
import unicodedata
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "tr")
# Whole words of letters a-z, two or more, in a text of words separated by spaces.
_WORDS = re.compile(r"(?<!\S)[a-z]{2,}(?!\S)")
_COMBINING = re.compile(r"[\u0300-\u036f]")


def _read_cbpack(language: str) -> list[list[str]]:
    """wordfreq's frequency list: buckets of words, most frequent first (Zipf 9 - i / 100)."""
    spec = importlib.util.find_spec("wordfreq")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / "data" / f"small_{language}.msgpack.gz"
        if path.is_file():
            import msgpack

            with gzip.open(path, "rb") as handle:
                data: list[Any] = msgpack.load(handle, raw=False)
            if isinstance(data[0], dict) and data[0].get("format") == "cB":
                return [list(bucket) for bucket in data[1:]]
    logger.debug("wordfreq data file not found; using wordfreq's API for %s", language)
    import wordfreq

    return [list(bucket) for bucket in wordfreq.get_frequency_list(language, wordlist="small")]


@functools.cache
def words(language: str) -> frozenset[str]:
    """The folded real words of one language (letters a-z only, two letters or more).

    The same words as fold() of each listed word gives, computed over the whole list at once
    (one NFKD and one pass removing combining marks), because a call per word would cost more
    than the rest of a question's answer.
    """
    text = " ".join(word for bucket in _read_cbpack(language) for word in bucket)
    text = text.replace("ı", "i").replace("İ", "i")
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return frozenset(_WORDS.findall(text))


@functools.cache
def real_words() -> frozenset[str]:
    """Real words in any of the readers' languages (English and Turkish)."""
    return frozenset().union(*(words(language) for language in LANGUAGES))


def is_real_word(word: str) -> bool:
    """True when `word` (folded) is a word of English or Turkish, not a misspelling."""
    return word in real_words()


def is_english_word(word: str) -> bool:
    """True when `word` (folded) is an English word."""
    return word in words("en")
