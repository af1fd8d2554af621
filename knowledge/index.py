"""The matcher's index: what is built once per knowledge base, as flat numpy arrays.

Everything per entry lives in a few arrays rather than in Python objects, so the index costs
well under a kilobyte or two per entry, can be written to disk as `.npy` files and read back
memory-mapped (see `knowledge/cache.py`): a restart at a thousand briefings maps the index
instead of rebuilding it.

* `vocab`, `df`: every folded content word of the entries (quote, alternate questions,
  topic names and aliases) and of the experts' names, sorted, with the number of entries
  whose document holds it (1 for a name word found in none);
* `postings`, `quote_postings`: for each vocabulary word, the entries whose document (or
  whose quote alone) holds it, as compressed sparse rows (`Rows`);
* per entry: its expert (index, -1 for context), whether it is a quote, a profile, a headline;
* topic groups: topics that read the same (same name and aliases) form one group; each
  group's entries;
* the alternate questions as content words (names set aside), and each entry's folded text,
  as UTF-8 text blobs with offsets (`Texts`), decoded only for the candidates of a question.

Each distinct text is folded and tokenised once (`_Tokens`): copies of a briefing repeat
topic aliases and short questions thousands of times.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from knowledge.models import KnowledgeBase
from knowledge.normalize import fold, folded_content_tokens, tokens

# Arrays of an index, by name, with their dtype: what is saved, loaded and validated.
ARRAYS: dict[str, str] = {
    "vocab_blob": "uint8", "vocab_ptr": "int64", "df": "int64",
    "postings_ptr": "int64", "postings_idx": "int32",
    "quote_ptr": "int64", "quote_idx": "int32",
    "entry_expert": "int32", "entry_is_quote": "bool", "entry_profile": "bool",
    "entry_key": "float64",
    "topic_group": "int32", "group_topic": "int32",
    "group_ptr": "int64", "group_idx": "int64",
    "question_blob": "uint8", "question_ptr": "int64", "question_entry": "int32",
    "entry_question_ptr": "int64",
    "text_blob": "uint8", "text_ptr": "int64",
}


def _offsets(pointers: np.ndarray) -> array[int]:
    """The pointers as a compact array of Python-indexable integers: 8 bytes each, where a list
    of ints costs about 36 (12 MB of the index's memory at 1,000 briefings), and as fast to
    index from Python (a numpy scalar is several times slower)."""
    offsets = array("q")
    offsets.frombytes(np.ascontiguousarray(pointers, dtype=np.int64).tobytes())
    return offsets


class Rows:
    """Compressed sparse rows: row i is `values[pointers[i]:pointers[i + 1]]`."""

    def __init__(self, pointers: np.ndarray, values: np.ndarray) -> None:
        self.pointers = pointers
        self.values = values
        self._starts = _offsets(pointers)

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, i: int) -> np.ndarray:
        return self.values[self._starts[i] : self._starts[i + 1]]

    def span(self, i: int) -> range:
        """The positions of row i in `values`."""
        return range(self._starts[i], self._starts[i + 1])

    @classmethod
    def build(cls, rows: Sequence[Iterable[int]], dtype: str) -> Rows:
        lengths = [0]
        flat: list[int] = []
        for row in rows:
            before = len(flat)
            flat.extend(row)
            lengths.append(len(flat) - before)
        return cls(np.cumsum(lengths, dtype=np.int64), np.array(flat, dtype=dtype))


class Texts:
    """Strings stored as one UTF-8 blob and offsets; `texts[i]` decodes one."""

    def __init__(self, blob: np.ndarray, pointers: np.ndarray) -> None:
        self.blob = blob
        self.pointers = pointers
        self._starts = _offsets(pointers)

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, i: int) -> str:
        return bytes(self.blob[self._starts[i] : self._starts[i + 1]]).decode("utf-8")

    def all(self) -> list[str]:
        whole = bytes(self.blob)
        return [whole[a:b].decode("utf-8") for a, b in
                zip(self._starts, self._starts[1:], strict=False)]

    @classmethod
    def build(cls, texts: Iterable[str]) -> Texts:
        encoded = [t.encode("utf-8") for t in texts]
        pointers = np.cumsum([0, *map(len, encoded)], dtype=np.int64)
        blob = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy()
        return cls(blob, pointers)


class _Tokens:
    """Folded content words of texts, each distinct text folded and tokenised once.

    Words are interned (one string object per word however many texts hold it) and each text's
    words are kept only for texts that recur (questions, aliases); an entry's own text is seen
    once and its words are turned into word ids at once.
    """

    def __init__(self) -> None:
        self.content: dict[str, tuple[str, ...]] = {}

    def words(self, text: str, remember: bool = True) -> tuple[str, ...]:
        found = self.content.get(text)
        if found is None:
            found = tuple(map(sys.intern, folded_content_tokens(fold(text))))
            if remember:
                self.content[text] = found
        return found


@dataclass
class Index:
    """The arrays of one knowledge base's index; see the module docstring."""

    arrays: dict[str, np.ndarray]
    briefings: int

    def __post_init__(self) -> None:
        a = self.arrays
        self.vocab: list[str] = Texts(a["vocab_blob"], a["vocab_ptr"]).all()
        self.df = a["df"]
        self.postings = Rows(a["postings_ptr"], a["postings_idx"])
        self.quote_postings = Rows(a["quote_ptr"], a["quote_idx"])
        self.entry_expert = a["entry_expert"]
        self.entry_is_quote = a["entry_is_quote"]
        self.entry_profile = a["entry_profile"]
        self.entry_key = a["entry_key"]
        self.topic_group: list[int] = a["topic_group"].tolist()
        self.group_topic: list[int] = a["group_topic"].tolist()
        self.group_entries = Rows(a["group_ptr"], a["group_idx"])
        self.question_texts = Texts(a["question_blob"], a["question_ptr"])
        self.question_entry = a["question_entry"]
        self.entry_questions = Rows(a["entry_question_ptr"], np.arange(0))
        self.folded_texts = Texts(a["text_blob"], a["text_ptr"])

    def questions_of(self, entry: int) -> range:
        """The positions of an entry's alternate questions in `question_texts`."""
        return self.entry_questions.span(entry)

    def check(self, entries: int, topics: int) -> None:
        """ValueError unless the arrays fit together and fit a base of this size."""
        a = self.arrays
        for name, dtype in ARRAYS.items():
            if name not in a or a[name].dtype != np.dtype(dtype) or a[name].ndim != 1:
                raise ValueError(f"array {name}: missing or not 1-d {dtype}")
        words = len(a["vocab_ptr"]) - 1
        groups = len(a["group_topic"])
        sizes = {
            "df": words, "postings_ptr": words + 1, "quote_ptr": words + 1,
            "entry_expert": entries, "entry_is_quote": entries, "entry_profile": entries,
            "entry_key": entries, "topic_group": topics, "group_ptr": groups + 1,
            "entry_question_ptr": entries + 1, "text_ptr": entries + 1,
            "question_entry": len(a["question_ptr"]) - 1,
        }
        for name, size in sizes.items():
            if len(a[name]) != size:
                raise ValueError(f"array {name}: {len(a[name])} items, expected {size}")
        for ptr, values in (("vocab_ptr", "vocab_blob"), ("postings_ptr", "postings_idx"),
                            ("quote_ptr", "quote_idx"), ("group_ptr", "group_idx"),
                            ("question_ptr", "question_blob"), ("text_ptr", "text_blob"),
                            ("entry_question_ptr", "question_entry")):
            p = a[ptr]
            if p[0] != 0 or p[-1] != len(a[values]) or (len(p) > 1 and np.any(p[1:] < p[:-1])):
                raise ValueError(f"array {ptr}: offsets do not fit {values}")
        for name, bound in (("postings_idx", entries), ("quote_idx", entries),
                            ("group_idx", entries), ("question_entry", entries),
                            ("topic_group", groups), ("group_topic", topics)):
            if len(a[name]) and (a[name].min() < 0 or a[name].max() >= bound):
                raise ValueError(f"array {name}: index out of range")


def build_index(knowledge: KnowledgeBase) -> Index:
    """Fold, tokenise and index every entry of the knowledge base."""
    entries, experts, topics = knowledge.entries, knowledge.experts, knowledge.topics
    cache = _Tokens()
    expert_index = {e.id: i for i, e in enumerate(experts)}
    topic_index = {(t.briefing_id, t.id): i for i, t in enumerate(topics)}

    # Topics that read the same form one group; `group_topic` is each group's first topic.
    group_of: dict[tuple[str, ...], int] = {}
    topic_group = [
        group_of.setdefault((fold(t.name), *sorted(t.aliases)), len(group_of)) for t in topics
    ]
    group_topic = [0] * len(group_of)
    for i, group in reversed(list(enumerate(topic_group))):
        group_topic[group] = i

    # Words get provisional ids in the order they are first seen; the vocabulary is sorted
    # at the end and the ids mapped onto it. Documents are kept as ids in flat arrays, not as
    # sets of strings: at 60,000 entries that is the difference between megabytes and
    # hundreds of them.
    ids: dict[str, int] = {}

    def ids_of(words: Iterable[str]) -> set[int]:
        return {ids.setdefault(w, len(ids)) for w in words}

    topic_ids: dict[tuple[str, ...], set[int]] = {}
    name_words = {w for e in experts for w in tokens(e.name)}
    members: list[list[int]] = [[] for _ in group_of]
    documents = _Pairs()
    quotes = _Pairs()
    kept: dict[tuple[str, ...], str] = {}
    question_texts: list[str] = []
    question_entry = array("i")
    entry_question_ptr = [0]
    folded: list[bytes] = []
    for i, entry in enumerate(entries):
        folded_text = fold(entry.passage)
        folded.append(folded_text.encode("utf-8"))
        in_text = ids_of(folded_content_tokens(folded_text))
        quotes.add(i, in_text)
        document = set(in_text)
        for question in entry.questions:
            asked = cache.words(question)
            document.update(ids_of(asked))
            # Without the experts' names: who is asked about is scored apart, so names are
            # set aside from the question and from these alike.
            text = kept.get(asked)
            if text is None:
                text = kept[asked] = " ".join(w for w in asked if w not in name_words)
            question_texts.append(text)
            question_entry.append(i)
        entry_question_ptr.append(len(question_texts))
        for topic in entry.topics:
            index = topic_index[(topic.briefing_id, topic.id)]
            members[topic_group[index]].append(i)
            key = (topic.name, *topic.aliases)
            if key not in topic_ids:
                topic_ids[key] = ids_of(w for alias in key for w in cache.words(alias))
            document.update(topic_ids[key])
        documents.add(i, document)
    group_entries = [sorted(set(m)) for m in members]

    counts = np.bincount(np.frombuffer(documents.words, dtype=np.int32), minlength=len(ids))
    df = dict(zip(ids, counts.tolist(), strict=True))
    for expert in experts:
        for alias in (expert.name, expert.name.split()[-1], *expert.aliases):
            alias_words = tokens(alias)
            while alias_words and alias_words[0] in ("the", "a", "an"):  # as the phrases
                alias_words = alias_words[1:]
            for word in alias_words:
                df.setdefault(word, 1)
    vocab = sorted(df)
    rank = np.zeros(len(ids), dtype=np.int64)
    for position, word in enumerate(vocab):
        provisional = ids.get(word)
        if provisional is not None:
            rank[provisional] = position

    vocab_texts = Texts.build(vocab)
    postings = documents.rows(rank, len(vocab))
    quote_rows = quotes.rows(rank, len(vocab))
    groups = Rows.build(group_entries, "int64")
    asked_texts = Texts.build(question_texts)
    text_blob = np.frombuffer(b"".join(folded), dtype=np.uint8).copy()
    text_ptr = np.cumsum([0, *map(len, folded)], dtype=np.int64)
    arrays = {
        "vocab_blob": vocab_texts.blob, "vocab_ptr": vocab_texts.pointers,
        "df": np.array([df[w] for w in vocab], dtype=np.int64),
        "postings_ptr": postings.pointers, "postings_idx": postings.values,
        "quote_ptr": quote_rows.pointers, "quote_idx": quote_rows.values,
        "entry_expert": np.array(
            [expert_index[e.expert.id] if e.expert else -1 for e in entries], dtype=np.int32),
        "entry_is_quote": np.array([e.is_quote for e in entries], dtype=bool),
        "entry_profile": np.array([e.profile for e in entries], dtype=bool),
        "entry_key": np.array([e.key for e in entries], dtype=np.float64),
        "topic_group": np.array(topic_group, dtype=np.int32),
        "group_topic": np.array(group_topic, dtype=np.int32),
        "group_ptr": groups.pointers, "group_idx": groups.values,
        "question_blob": asked_texts.blob, "question_ptr": asked_texts.pointers,
        "question_entry": np.frombuffer(question_entry, dtype=np.int32).copy(),
        "entry_question_ptr": np.array(entry_question_ptr, dtype=np.int64),
        "text_blob": text_blob, "text_ptr": text_ptr,
    }
    return Index(arrays, len(knowledge.briefings))


class _Pairs:
    """(word id, entry) pairs in two flat arrays, entries in ascending order."""

    def __init__(self) -> None:
        self.words = array("i")
        self.owners = array("i")

    def add(self, entry: int, words: set[int]) -> None:
        self.words.extend(words)
        self.owners.extend([entry] * len(words))

    def rows(self, rank: np.ndarray, size: int) -> Rows:
        """For each vocabulary word (by rank), the entries that hold it."""
        words = rank[np.frombuffer(self.words, dtype=np.int32)]
        order = np.argsort(words, kind="stable")  # entries stay ascending within a word
        values = np.frombuffer(self.owners, dtype=np.int32)[order]
        pointers = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(words, minlength=size), out=pointers[1:])
        return Rows(pointers, values)
