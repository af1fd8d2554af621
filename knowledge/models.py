"""Frozen records for what a briefing holds: the briefing, its experts, topics and entries."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload


@dataclass(frozen=True, slots=True)
class Expert:
    """A person whose words the briefing quotes."""

    id: str
    name: str
    title: str
    aliases: tuple[str, ...]
    # The first briefing that declares the expert; `briefing_ids` lists every one that does (an
    # expert quoted in several briefings, declared identically in each, is one expert).
    briefing_id: str
    briefing_ids: tuple[str, ...] = ()

    def same_person(self, other: Expert) -> bool:
        """Declared identically: the same id, name, title and aliases."""
        return (self.id, self.name, self.title, self.aliases) == (
            other.id, other.name, other.title, other.aliases)


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject the experts discuss; aliases are the words readers use for it.

    Topic ids belong to their briefing: two briefings may both have an "arctic" topic. `ref`
    names a topic across the whole knowledge base: its id where no other briefing uses that id,
    else "<briefing id>/<topic id>" (set by the loader).
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    briefing_id: str
    ref: str = ""
    # The name shown to readers of other languages: (language, name) pairs. Display only: the
    # matcher reads `name` and `aliases`.
    names: tuple[tuple[str, str], ...] = ()

    def name_in(self, language: str) -> str:
        """The topic's name for a reader of `language` (its English `name` if none)."""
        return dict(self.names).get(language, self.name)

    @property
    def key(self) -> str:
        """The topic's name in the whole knowledge base (see `ref`)."""
        return self.ref or self.id


class SourceText:
    """A briefing's source text, held, or read from its file when first asked for.

    A knowledge base read from the cache (knowledge/cache.py) has had every source checked
    against the digest recorded when its quotes were verified; it does not keep a thousand
    sources in memory for the few callers that read them.
    """

    __slots__ = ("_path", "_text")

    def __init__(self, text: str | None = None, path: str | None = None) -> None:
        self._text = text
        self._path = path

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = Path(self._path or "").read_text(encoding="utf-8")
        return self._text


@dataclass(frozen=True, slots=True)
class Briefing:
    """One published collection of expert views, with the text it quotes."""

    id: str
    title: str
    publisher: str
    compiler: str
    date: str
    summary: str
    source_path: str
    source: SourceText = field(repr=False, compare=False)
    # Where the event took place ("Reykjavik, Iceland"), when the curator gives it: "the
    # Reykjavik talks" name the occasion every passage is about.
    place: str = ""

    @property
    def source_text(self) -> str:
        """The text the quotes are taken from."""
        return self.source.text


# The language of the briefings' `text`: the experts' published words, never translated.
BRIEFING_LANGUAGE = "en"
# Letters of the Turkish alphabet that English does not use.
_TURKISH_LETTERS = frozenset("çğıöşüÇĞİÖŞÜ")


def written_in(text: str) -> str:
    """"tr" or "en": the language of a source passage (an entry's `original`).

    Turkish when at least a tenth of its words hold, outside a capitalised word, a letter of
    the Turkish alphabet that English lacks: Turkish names in an English sentence ("What did
    Başbuğ say?") are not enough.
    """
    words = text.split()
    turkish = sum(1 for w in words if not w[0].isupper() and _TURKISH_LETTERS.intersection(w))
    return "tr" if words and turkish * 10 >= len(words) else "en"


class Questions(Sequence[str]):
    """An entry's alternate questions, read when asked for.

    The cache loads a knowledge base with its questions this way: each entry's questions are
    a slice of one file, mapped into memory (`source`, `start`, `end`), read and split only
    for the few entries a reader is shown or a question names. At 1,000 briefings that keeps
    a million strings (some 60 MB) out of memory. Made from strings, it holds them joined. It
    compares equal to the tuple of its questions.
    """

    __slots__ = ("_block", "_end", "_source", "_start")

    def __init__(self, questions: Iterable[str] | str = (), source: Any = None,
                 start: int = 0, end: int = 0) -> None:
        self._block = questions if isinstance(questions, str) else "\n".join(questions)
        self._source, self._start, self._end = source, start, end

    @property
    def span(self) -> tuple[int, int]:
        """Where the questions are in their mapped file (0, 0 when made from strings)."""
        return self._start, self._end

    @property
    def block(self) -> str:
        """The questions, one a line."""
        if self._source is None:
            return self._block
        return bytes(self._source[self._start:self._end]).decode("utf-8")

    def _all(self) -> tuple[str, ...]:
        return tuple(self.block.split("\n")) if self.block else ()

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[str, ...]: ...

    def __getitem__(self, i: int | slice) -> str | tuple[str, ...]:
        return self._all()[i]

    def __len__(self) -> int:
        return self.block.count("\n") + 1 if self.block else 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Questions):
            return self.block == other.block
        return isinstance(other, tuple) and self._all() == other

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return f"Questions({self._all()!r})"


@dataclass(frozen=True, slots=True)
class Entry:
    """One answer: an expert's quote, or a curator's context note, and the questions it answers."""

    id: str
    briefing_id: str
    expert: Expert | None
    topics: tuple[Topic, ...]
    questions: tuple[str, ...] | Questions
    text: str
    is_quote: bool
    key: bool = False
    profile: bool = False
    original: str | None = None
    position: int = 0
    lead: str | None = None
    # Worked out once (`__post_init__`): the matcher reads it for every candidate answer.
    _passage: str = field(init=False, repr=False, compare=False, default="")

    def __post_init__(self) -> None:
        passage = f"{self.lead} “{self.text}”" if self.lead else self.text
        # A note's source passage is read too: the compiler's biography in its Turkish.
        object.__setattr__(self, "_passage",
                           f"{passage} {self.original}" if self.original else passage)

    @property
    def passage(self) -> str:
        """What the briefing prints for this entry: the compiler's words that introduce the
        quote and report its point ("Emphasizing that … for decades, … Başbuğ stated that"),
        when the curator gave them as `lead`, then the quote; and a note's `original`.
        Matching reads the passage."""
        return self._passage

    def shown_in(self, language: str) -> str:
        """What a reader of `language` is shown as the answer: `text_in`, after its lead."""
        words = self.text_in(language)
        return f"{self.lead} “{words}”" if self.lead and words == self.text else words

    def text_in(self, language: str) -> str:
        """The words a reader of `language` is shown: the source's `original` when it is written
        in that language and `text` is not (the compiler's biography is Turkish in the
        source), else `text`.

        Only an original already in the briefing is shown: nothing is translated here.
        """
        if (self.original and language != BRIEFING_LANGUAGE
                and written_in(self.original) == language):
            return self.original
        return self.text

    def original_beside(self, language: str) -> str | None:
        """The source's own words to show after `text_in(language)` when that is not them: a
        note's `original`, so the reader can see what the briefing itself prints beside the
        curator's words (the compiler's biography, Turkish in the source, for an English
        reader; the sentence that reports Başbuğ recalling the Arctic Council's founding, for
        every reader). None when `text_in` already is the original (the biography for a
        Turkish reader) or there is none. A passage the briefing's sentence runs on past
        ("…, Başbuğ also stated that") ends in an ellipsis, so it does not read as whole."""
        if not self.original or self.text_in(language) == self.original:
            return None
        if self.original.rstrip()[-1:] in ".!?…”\"'":
            return self.original
        return f"{self.original.rstrip()} …"

    @property
    def kind(self) -> str:
        """'quote' for an expert's words, 'profile' for an expert note, 'context' otherwise."""
        if self.profile:
            return "profile"
        return "quote" if self.is_quote else "context"


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything loaded from one knowledge directory."""

    directory: str
    briefings: tuple[Briefing, ...]
    experts: tuple[Expert, ...]
    topics: tuple[Topic, ...]
    entries: tuple[Entry, ...]
    # Identifies the files this was loaded from (knowledge/cache.py); empty when built in
    # memory (tests, synthetic bases), which are never cached.
    cache_key: str = field(default="", repr=False, compare=False)
    _by_id: dict[str, Entry] = field(init=False, repr=False, compare=False)
    _by_expert: dict[str, list[Entry]] = field(init=False, repr=False, compare=False)
    _by_topic: dict[str, list[Entry]] = field(init=False, repr=False, compare=False)
    # Topics by key, and by bare id (each id's topics): `topic` without a scan of them all.
    _topic_keys: dict[str, list[Topic]] = field(init=False, repr=False, compare=False)
    _topic_ids: dict[str, list[Topic]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_expert: dict[str, list[Entry]] = {}
        by_topic: dict[str, list[Entry]] = {}
        for entry in self.entries:
            if entry.expert is not None and entry.is_quote:
                by_expert.setdefault(entry.expert.id, []).append(entry)
            for topic in entry.topics:
                by_topic.setdefault(topic.key, []).append(entry)
        order = {b.id: i for i, b in enumerate(self.briefings)}
        for found in by_expert.values():
            # Headline quotes first, then briefing by briefing in source order.
            found.sort(key=lambda e: (not e.key, order.get(e.briefing_id, 0), e.position))
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entries})
        object.__setattr__(self, "_by_expert", by_expert)
        object.__setattr__(self, "_by_topic", by_topic)
        keys: dict[str, list[Topic]] = {}
        ids: dict[str, list[Topic]] = {}
        for topic in self.topics:
            keys.setdefault(topic.key, []).append(topic)
            ids.setdefault(topic.id, []).append(topic)
        object.__setattr__(self, "_topic_keys", keys)
        object.__setattr__(self, "_topic_ids", ids)

    def briefing(self, briefing_id: str) -> Briefing:
        """The briefing with this id."""
        for briefing in self.briefings:
            if briefing.id == briefing_id:
                return briefing
        raise KeyError(briefing_id)

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return self._by_id.get(entry_id)

    def asked_in(self, question: str, language: str) -> str:
        """A suggested question (an entry's first) as a reader of `language` would ask it: the
        first of the same entry's questions written in that language, else as it is."""
        if language == BRIEFING_LANGUAGE:
            return question
        for entry in self.entries:
            if question in entry.questions:
                return next((q for q in entry.questions if written_in(q) == language), question)
        return question

    def expert(self, expert_id: str) -> Expert | None:
        """The expert with this id, or None."""
        for expert in self.experts:
            if expert.id == expert_id:
                return expert
        return None

    def topic(self, ref: str) -> Topic | None:
        """The topic with this `ref` (or unqualified id, when only one briefing uses it)."""
        found = self._topic_keys.get(ref, [])
        if not found and "/" not in ref:
            found = self._topic_ids.get(ref, [])
        return found[0] if len(found) == 1 else None

    def topics_of(self, briefing_id: str) -> list[Topic]:
        """One briefing's topics, in its file's order."""
        return [t for t in self.topics if t.briefing_id == briefing_id]

    def experts_of(self, briefing_id: str) -> list[Expert]:
        """The experts one briefing quotes."""
        return [e for e in self.experts if briefing_id in (e.briefing_ids or (e.briefing_id,))]

    def only(self, briefing_id: str) -> KnowledgeBase:
        """The same knowledge base narrowed to one briefing (`ask --briefing`)."""
        return KnowledgeBase(
            directory=self.directory,
            briefings=tuple(b for b in self.briefings if b.id == briefing_id),
            experts=tuple(self.experts_of(briefing_id)),
            topics=tuple(self.topics_of(briefing_id)),
            entries=tuple(e for e in self.entries if e.briefing_id == briefing_id),
        )

    def entries_for_expert(self, expert_id: str) -> list[Entry]:
        """The expert's quotes in source order, headline quote first, profile excluded."""
        return list(self._by_expert.get(expert_id, ()))

    def entries_for_topic(self, ref: str) -> list[Entry]:
        """Entries on a topic (by its `key`), in knowledge-base order."""
        topic = self.topic(ref)
        return list(self._by_topic.get(topic.key if topic else ref, ()))
