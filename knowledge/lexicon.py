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

from rapidfuzz import process
from rapidfuzz.distance import OSA

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "tr")
_COMBINING = re.compile(r"[\u0300-\u036f]")


def _data_files() -> list[Path]:
    spec = importlib.util.find_spec("wordfreq")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return [Path(location) / "data" / f"small_{language}.msgpack.gz"
            for location in locations for language in LANGUAGES]


def identity() -> str:
    """Which word lists these are (their files' paths, sizes and times), for cache keys."""
    parts = []
    for path in _data_files():
        try:
            stat = path.stat()
            parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:missing")
    return ";".join(parts)


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
    """The folded real words of one language, as fold() folds them.

    Listed words in plain ASCII are kept as they are (the lists are lower-case; one with an
    apostrophe or a digit never equals a question's word, so it does no harm). The others are
    folded all at once, one NFKD and one pass removing combining marks over the lot, because a
    fold() per word would cost more than the rest of an answer.
    """
    listed = [word for bucket in _read_cbpack(language) for word in bucket]
    found = {word for word in listed if word.isascii()}
    text = " ".join(word for word in listed if not word.isascii())
    text = text.replace("ı", "i").replace("İ", "i")
    found.update(_COMBINING.sub("", unicodedata.normalize("NFKD", text)).split())
    return frozenset(found)


def is_real_word(word: str) -> bool:
    """True when `word` (folded) is a word of English or Turkish, not a misspelling.

    Turkish is read only for a word English does not have.
    """
    return any(word in words(language) for language in LANGUAGES)


def is_english_word(word: str) -> bool:
    """True when `word` (folded) is an English word."""
    return word in words("en")


def is_turkish_word(word: str) -> bool:
    """True when `word` (folded) is a Turkish word."""
    return word in words("tr")


# Zipf 5 and above: once in every 100,000 words or more ("take", "place", "trouble").
COMMON_ZIPF = 5.0


@functools.cache
def _common() -> frozenset[str]:
    buckets = _read_cbpack("en")
    top = round((9 - COMMON_ZIPF) * 100)  # bucket i holds Zipf 9 - i / 100
    return frozenset(word for bucket in buckets[: top + 1] for word in bucket)


# Turkish words of Zipf 4.3 and above ("ayrıca", "bakalım", "sence"): words of any text, not
# a person's first name as a reader types an unknown one ("İlker", "Altan": 4.1, 4.2).
COMMON_TURKISH_ZIPF = 4.3


@functools.cache
def _common_turkish() -> frozenset[str]:
    buckets = _read_cbpack("tr")
    top = round((9 - COMMON_TURKISH_ZIPF) * 100)
    listed = [word for bucket in buckets[: top + 1] for word in bucket]
    text = " ".join(listed).replace("ı", "i").replace("İ", "i")
    return frozenset(_COMBINING.sub("", unicodedata.normalize("NFKD", text)).split())


def is_common_turkish_word(word: str) -> bool:
    """True when `word` (folded) is among Turkish's frequent words (Zipf 4.3 and above)."""
    return word in _common_turkish()


def is_common_word(word: str) -> bool:
    """True when `word` is among English's most frequent words (Zipf 5 and above): a word
    of any subject ("take", "run"), which says less about what is asked than a rarer one."""
    return word in _common()


# English words of Zipf 4 and above (once in every 10,000 words or more): what a misspelt word
# the briefing does not know is read as, one slip away ("poisno": "poison"). Rarer words are
# left out: a word the lists miss is more often a rare word the reader meant than a slip.
MEANT_ZIPF = 4.0


# ... and, against a word of the briefing two slips away, any English word of the lists
# one slip away ("concude": "conclude", not the briefing's "collude").
LISTED_ZIPF = 3.0


@functools.cache
def _frequent_english(zipf: float = MEANT_ZIPF) -> tuple[dict[str, int], dict[int, list[str]]]:
    """Each English word of four letters or more of Zipf `zipf` and above with its rank (its
    bucket: the lower, the more frequent), and the words by length."""
    top = round((9 - zipf) * 100)
    rank: dict[str, int] = {}
    for at, bucket in enumerate(_read_cbpack("en")[: top + 1]):
        for word in bucket:
            if len(word) >= 4 and word.isascii() and word.isalpha():
                rank.setdefault(word, at)
    by_length: dict[int, list[str]] = {}
    for word in rank:
        by_length.setdefault(len(word), []).append(word)
    return rank, by_length


def english_word_meant(word: str, zipf: float = MEANT_ZIPF) -> str | None:
    """The English word of Zipf `zipf` and above (by default a frequent one) one slip (OSA:
    insert, delete, substitute, swap) from `word`, the most frequent of several; None when
    none is."""
    if len(word) < 4 or not word.isascii() or not word.isalpha():
        return None
    rank, by_length = _frequent_english(zipf)
    near = [choice for size in (len(word) - 1, len(word), len(word) + 1)
            for choice, distance, _ in process.extract(
                word, by_length.get(size, []), scorer=OSA.distance, score_cutoff=1, limit=20)
            if distance == 1]
    return min(near, key=lambda choice: (rank[choice], choice), default=None)
