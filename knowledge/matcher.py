"""Match a reader's question to knowledge-base entries.

The matcher is built once per knowledge base. Everything about the choices is normalised at
build time: a vocabulary of folded words with inverse document frequencies, postings from word
to entries, alias phrases for experts and topics, and each entry's alternate questions reduced to
their content words. A question is then processed once:

1. fold it and split it into words;
2. find who is asked about (expert aliases, fuzzy for typos) and what about (topic aliases,
   fuzzy and also across joined or split words such as "nordstream");
3. map the remaining content words onto the vocabulary (exact, light stem, or rapidfuzz
   `process.extract` for typos) and score every entry at once through numpy postings;
4. re-rank the best candidates by rapidfuzz `cdist` against their alternate questions;
5. decline when too little of the question is known to the briefing, or the best score is
   below the calibrated threshold; otherwise return a few diverse answers.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.cache import index_for
from knowledge.index import Rows
from knowledge.lexicon import is_english_word, is_real_word
from knowledge.models import Entry, Expert, KnowledgeBase, Topic
from knowledge.normalize import (
    STOP_WORDS,
    TURKISH_NAMES,
    fold,
    plain_text,
    stem,
    synonyms,
    tokens,
    without_framing,
)

logger = logging.getLogger(__name__)

DEFAULT_TOP = 3
CANDIDATES = 40
# Calibrated on the project's own question sets (tests/data); see docs/matcher.md.
THRESHOLD = 0.40
MIN_COVERAGE = 0.5
FULL_COVERAGE = 0.85
DUPLICATE_TEXT = 90.0
SYNONYM_SIMILARITY = 0.75
SPEECH_VERBS = frozenset(
    "say said says think thinks thought believe believes argue argues argued claim claims "
    "predict predicts expect expects write wrote".split()
)
# Aliases made of a question word count only where they open the question ("When did …").
LEADING_ONLY = frozenset({"when", "where"})
SPEAKER_OPENERS = frozenset("did does do has have had will would".split())
PROFILE_WORDS = frozenset({"who", "kim", "kimdir", "background", "biography", "bio", "profile"})
# Endings that make another English word of a known one ("Trump" + "et") are not word forms;
# these are ("sanction" + "s", "Crimea" + "n").
ENGLISH_ENDINGS = frozenset(
    "s es ed d ing n an ian ns ese ish en er ers est ly ness ment ments al ity ize ise ized "
    "ised ful less ive ion ions ation ism ist ists".split()
)
MEASURES = frozenset(
    "old young age deep tall cold hot warm wide heavy big large small huge populous expensive "
    "cheap".split()
)
# A word written with a capital inside a sentence, or in capitals: a name.
_WORD_WRITTEN = re.compile(r"[^\W\d_][\w'’]*")

# Weights of the parts of an entry's score.
W_LEXICAL = 0.25
W_QUOTE = 0.20
W_QUESTION = 0.35
W_TOPIC = 0.30
W_PHRASE = 0.15
EXPERT_BONUS = 0.15
OTHER_EXPERT_FACTOR = 0.35
CONTEXT_WHEN_EXPERT_FACTOR = 0.5
PROFILE_FACTOR = 0.6


@dataclass(frozen=True)
class Answer:
    """One matched entry with its score.

    The score ranks the answers to one question: higher is better, answers scoring below
    THRESHOLD (0.40) are never given, and it is not clipped (a close question usually scores
    0.8 to 1.5), so the order of near-ties stays visible. It is not a probability.
    """

    entry: Entry
    score: float


@dataclass(frozen=True)
class MatchResult:
    """What the matcher made of a question."""

    question: str
    answers: tuple[Answer, ...]
    suggestions: tuple[str, ...] = ()
    experts: tuple[Expert, ...] = ()
    topics: tuple[Topic, ...] = ()
    # Why the question was declined, when that helps the reader ("Ozan speaks about Iran, not
    # Iraq."); empty otherwise.
    hint: str = ""

    @property
    def declined(self) -> bool:
        """True when the briefing does not answer the question."""
        return not self.answers


def max_typos(length: int) -> int:
    """How many edits (OSA: insert, delete, substitute, swap) a word this long may carry."""
    if length < 4:
        return 0
    if length < 7:
        return 1
    if length < 10:
        return 2
    return 3


def typo_of(word: str, target: str, distance: int) -> bool:
    """A typo model: one slip anywhere; more only when the first two letters are right."""
    return distance <= 1 or (distance <= max_typos(len(word)) and word[:2] == target[:2])


class TypoIndex:
    """Words to look typos up in, bucketed so a lookup scans only plausible candidates.

    Under the typo model a word with one slip is within one character of its target's length,
    and a word with more slips starts with the target's first two letters; so a lookup scans
    three length buckets and one prefix bucket instead of the whole vocabulary.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.by_length: dict[int, list[str]] = {}
        self.by_prefix: dict[str, list[str]] = {}
        for word in words:
            self.by_length.setdefault(len(word), []).append(word)
            self.by_prefix.setdefault(word[:2], []).append(word)

    def matches(self, word: str, limit: int) -> list[tuple[str, float]]:
        """Words that `word` is a plausible misspelling of, closest first, with a similarity."""
        allowed = max_typos(len(word))
        if not allowed or any(c.isdigit() for c in word):
            return []  # numbers and years are never typos of each other
        found: dict[str, int] = {}
        pools = [(self.by_length.get(len(word) + d, []), 1) for d in (-1, 0, 1)]
        if allowed > 1:
            pools.append((self.by_prefix.get(word[:2], []), allowed))
        for pool, cutoff in pools:
            for choice, distance, _ in process.extract(
                word, pool, scorer=OSA.distance, score_cutoff=cutoff, limit=limit
            ):
                if distance and typo_of(word, choice, int(distance)):
                    found[choice] = min(found.get(choice, cutoff), int(distance))
        ranked = sorted(found.items(), key=lambda kv: (kv[1], kv[0]))[:limit]
        return [(c, 1.0 - d / max(len(word), len(c))) for c, d in ranked]


@dataclass
class _Phrase:
    """An alias as a sequence of folded words, pointing at an expert or topic index."""

    words: tuple[str, ...]
    target: int


@dataclass
class _Found:
    """Which experts and topics a question names, and which of its word positions they used."""

    experts: dict[int, float] = field(default_factory=dict)
    topics: dict[int, float] = field(default_factory=dict)  # by topic group
    used: set[int] = field(default_factory=set)
    rewrites: dict[int, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    subjects: set[int] = field(default_factory=set)  # groups named by a subject word
    topic_used: set[int] = field(default_factory=set)  # word positions that name a topic


def _phrases(groups: Sequence[Iterable[str]]) -> list[_Phrase]:
    phrases = []
    for target, aliases in enumerate(groups):
        seen = set()
        for alias in aliases:
            words = tuple(tokens(alias))
            while words and words[0] in ("the", "a", "an"):
                words = words[1:]
            if words and words not in seen:
                seen.add(words)
                phrases.append(_Phrase(words, target))
    return phrases


class Matcher:
    """Answers free-text questions from a knowledge base."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self.entries: tuple[Entry, ...] = knowledge.entries
        self.experts: tuple[Expert, ...] = knowledge.experts
        self.topics: tuple[Topic, ...] = knowledge.topics

        index = index_for(knowledge)
        self.index = index
        self.topic_group = index.topic_group
        self.group_topic = index.group_topic

        # Alias phrases: experts by name, surname and aliases; topic groups by name and aliases.
        self._expert_phrases = _phrases(
            [(e.name, _surname(e.name), *e.aliases) for e in self.experts]
        )
        self._topic_phrases = _phrases(
            [(self.topics[i].name, *self.topics[i].aliases) for i in self.group_topic]
        )
        self._expert_first = _first_word_index(self._expert_phrases)
        self._topic_first = _first_word_index(self._topic_phrases)
        joined: dict[str, list[tuple[str, int]]] = {}
        self._alias_words: dict[str, tuple[str, ...]] = {}
        for p in self._topic_phrases:
            joined.setdefault("".join(p.words), []).append(("topic", p.target))
            self._alias_words["".join(p.words)] = p.words
        for p in self._expert_phrases:
            if len("".join(p.words)) >= 5:
                joined.setdefault("".join(p.words), []).append(("expert", p.target))
        self._joined = joined
        self._alias_typos = TypoIndex(joined)

        self.entry_expert = index.entry_expert
        self.entry_profile = index.entry_profile
        self.entry_key = index.entry_key
        self.group_entries = index.group_entries
        self.group_weight = index.group_weight
        self.vocab = index.vocab
        self.vocab_index = {w: i for i, w in enumerate(self.vocab)}
        self.idf = index.idf
        self.unknown_weight = index.unknown_weight
        self._synonyms = synonyms()
        self.by_stem: dict[str, list[int]] = {}
        for i, word in enumerate(self.vocab):
            self.by_stem.setdefault(stem(word), []).append(i)
        self._reversed = sorted(w[::-1] for w in self.vocab)
        self._vocab_typos = TypoIndex(self.vocab)
        self.postings = index.postings
        self.quote_postings = index.quote_postings
        self.question_texts = index.question_texts
        self.question_entry = index.question_entry
        self.folded_texts = index.folded_texts
        logger.debug("matcher ready: %d entries, %d words", len(self.entries), len(self.vocab))

    # ----------------------------------------------------------------- public API

    def match(
        self, question: str, top: int = DEFAULT_TOP, expert_id: str | None = None
    ) -> MatchResult:
        """Ranked answers for a question, or none with suggestions when it is out of scope."""
        text = plain_text(question)
        words = self._in_english(without_framing(tokens(text)))
        names = {TURKISH_NAMES.get(n, n) for n in _names_in(text)}
        found = self._find_names(words)
        first_names = {
            pos for pos, word in enumerate(words)
            if word in names and not self._known(word)
            and self._first_name_of_known(words, pos, found)
        }
        if first_names:
            # "Vladimir Putin", "Joe Biden": the briefing knows the person by the surname.
            words = [w for pos, w in enumerate(words) if pos not in first_names]
            found = self._find_names(words)
        experts = tuple(self.experts[i] for i in found.experts)
        topics = tuple(self.topics[self.group_topic[g]] for g in found.topics)
        restrict = self._expert_position(expert_id)
        rest = self._query_words(words, found)
        if not words:
            return MatchResult(question, ())

        unknown = self._unknown_subject(words, found, names)
        if unknown is not None:
            # A name or a number the briefing never mentions: whatever shares a word with it
            # is about something else ("Iraq" is not "Iran", "2024" is not "2014").
            return self._decline(question, found, restrict, unknown)
        weights, matches = self._map_words(rest)
        total = sum(weights)
        known = sum(w * m[0][1] for w, m in zip(weights, matches, strict=True) if m)
        coverage = known / total if total else 1.0
        if (rest and coverage < MIN_COVERAGE) or self._asks_unknown_speaker(words, found):
            # Most of what is asked is unknown to the briefing: an honest "not covered".
            missing = next((w for w in rest if not self._known(w) and self._false_friend(w)),
                           None)
            return self._decline(question, found, restrict, missing)
        if self._expert_silent_on_topics(found):
            # "What did Öymen say about Nord Stream?": he says nothing on it; others may.
            return MatchResult(question, (), self._suggest(found, restrict, topics_first=True),
                               experts, topics)

        order, scores = self._score(
            found, rest, weights, matches, coverage, restrict, words, max(CANDIDATES, 2 * top)
        )
        answers: list[Answer] = []
        chosen: list[int] = []
        for index, score in zip(order.tolist(), scores.tolist(), strict=True):
            if score < THRESHOLD or len(answers) >= top:
                break
            if any(self._near_duplicate(index, j) for j in chosen):
                continue
            chosen.append(index)
            answers.append(Answer(self.entries[index], round(score, 3)))
        if not answers:
            return MatchResult(question, (), self._suggest(found, restrict), experts, topics)
        return MatchResult(question, tuple(answers), (), experts, topics)

    def find_expert(self, name: str) -> Expert | None:
        """The expert a free-text name refers to (surname, ASCII spelling, role word)."""
        found = self._find_names(tokens(name))
        if found.experts:
            return self.experts[max(found.experts, key=lambda i: found.experts[i])]
        return None

    def find_topic(self, name: str) -> Topic | None:
        """The topic a free-text name refers to."""
        found = self._find_names(tokens(name))
        if found.topics:
            best = max(found.topics, key=lambda g: found.topics[g])
            return self.topics[self.group_topic[best]]
        return None

    # ----------------------------------------------------------------- internals

    def _expert_position(self, expert_id: str | None) -> int | None:
        if expert_id is None:
            return None
        for i, expert in enumerate(self.experts):
            if expert.id == expert_id:
                return i
        raise KeyError(expert_id)

    def _find_names(self, words: list[str]) -> _Found:
        """Experts and topics named in the question, exact phrases first, then typos.

        Words naming an expert are set aside (`used`): who is asked about is not what is asked.
        Words naming a topic stay in the question; a typo or a joined/split spelling of a topic
        alias is replaced by the alias's own words (`rewrites`), so "nordstream" reads as
        "nord stream" for the rest of the matching.
        """
        found = _Found()
        topic_words: set[int] = set()
        for first, sink in (
            (self._expert_first, found.experts),
            (self._topic_first, found.topics),
        ):
            for pos, word in enumerate(words):
                for phrase in first.get(word, ()):
                    size = len(phrase.words)
                    if all(w in STOP_WORDS for w in phrase.words) and not (
                        pos == 0 and phrase.words[0] in LEADING_ONLY
                    ):
                        continue
                    if tuple(words[pos : pos + size]) != phrase.words:
                        continue
                    sink[phrase.target] = max(sink.get(phrase.target, 0.0), 1.0)
                    if sink is found.experts:
                        found.used.update(range(pos, pos + size))
                    else:
                        topic_words.update(range(pos, pos + size))
                        found.topic_used.update(range(pos, pos + size))
                        if not all(w in STOP_WORDS for w in phrase.words):
                            found.subjects.add(phrase.target)
        # Typos and joined/split words: compare n-grams of the question, spaces removed,
        # with aliases, spaces removed ("nord strem" ~ "nordstream", "arktic" ~ "arctic").
        for size in (1, 2, 3):
            for pos in range(len(words) - size + 1):
                span = range(pos, pos + size)
                if any(p in found.used or p in topic_words for p in span):
                    continue
                gram = words[pos : pos + size]
                if gram[0] in STOP_WORDS or gram[-1] in STOP_WORDS:
                    continue
                if size > 1 and all(w in self.vocab_index for w in gram):
                    continue  # known words: a split alias would have matched as a phrase
                text = "".join(gram)
                if text in self._joined:
                    alias = text
                elif size == 1 and text in self.vocab_index:
                    continue
                elif size == 1 and (stem_alias := self._alias_prefix(text)) is not None:
                    alias = stem_alias
                else:
                    close = self._alias_typos.matches(text, limit=1)
                    if not close or not self._may_correct(gram, close[0][0]):
                        continue  # a word the reader meant: "Iraq" is not a typo of "Iran"
                    alias = close[0][0]
                for kind, target in self._joined[alias]:
                    if kind == "expert":
                        found.experts[target] = max(found.experts.get(target, 0.0), 0.9)
                        found.used.update(span)
                    else:
                        found.topics[target] = max(found.topics.get(target, 0.0), 0.9)
                        found.rewrites[pos] = (size, self._alias_words[alias])
                        topic_words.update(span)
                        found.topic_used.update(span)
        return found

    def _unknown_subject(self, words: list[str], found: _Found, names: set[str]) -> str | None:
        """A number, or a word written as a name, that the briefing does not know at all.

        Numbers are never corrected, so "2024" stays 2024. A name is a word written with a
        capital inside the sentence or in capitals ("Taiwan", "NATO"), that is neither an
        expert nor a topic nor a word of the briefing, nor a typo of one.
        """
        for pos, word in enumerate(words):
            if pos in found.used or pos in found.topic_used or word in STOP_WORDS:
                continue
            number = word.isdigit() and len(word) >= 2
            # "How old …", "how deep …": a physical measure, which the briefing never gives;
            # "how many people …": a count of something it does not know. A judgement ("how
            # likely", "how dangerous") is left to the coverage rule: opinions may answer it.
            opens = pos - 1 if words[pos - 1 : pos] in (["many"], ["much"]) else pos
            measure = opens > 0 and words[opens - 1] == "how"
            if measure and opens == pos and word in MEASURES:
                return f"how {word}"
            measure = measure and opens < pos
            if (number or measure or word in names) and not self._known(word):
                if measure and not number:
                    return " ".join(words[opens - 1 : pos + 1])
                end = pos + 1  # the whole name: "Hillary Clinton"
                while end < len(words) and words[end] in names and not self._known(words[end]):
                    end += 1
                return " ".join(words[pos:end])
        return None

    def _in_english(self, words: list[str]) -> list[str]:
        """Turkish names the briefing does not know as such, in English ("Kanada": "canada")."""
        out: list[str] = []
        for word in words:
            if word in TURKISH_NAMES and word not in self.vocab_index:
                out.extend(TURKISH_NAMES[word].split())
            else:
                out.append(word)
        return out

    def _first_name_of_known(self, words: list[str], pos: int, found: _Found) -> bool:
        """True when the next word is a name the briefing knows (a first name before it)."""
        after = pos + 1
        if after >= len(words) or words[after] in STOP_WORDS:
            return False
        return after in found.used or after in found.topic_used or self._known(words[after])

    def _known(self, word: str) -> bool:
        """True when the word is a briefing word or a form or typo of one (or a framing typo)."""
        if word in self.vocab_index or word in STOP_WORDS:
            return True
        _, matches = self._map_words([word])
        return not matches or bool(matches[0])

    @staticmethod
    def _may_correct(words: Sequence[str], target: str) -> bool:
        """Whether the words may be read as a typo of `target`.

        Not when every word is a real word, so one the reader meant ("Iraq" is not "Iran",
        "crime" is not "Crimea"), unless one is a form of the other ("America", "American").
        """
        text = "".join(words)
        if not all(is_real_word(w) for w in words):
            return True
        short, long_ = sorted((text, target), key=len)
        return long_.startswith(short) and long_[len(short):] in ENGLISH_ENDINGS

    def _false_friend(self, word: str) -> str | None:
        """The briefing word a real word resembles, which it was rightly not corrected into."""
        if word.isdigit() or not is_real_word(word):
            return None
        close = [c for c, _ in self._alias_typos.matches(word, limit=3) if c not in STOP_WORDS]
        if close:
            return close[0]
        for other in self._ending_with(word, compounds_only=False):
            return self.vocab[other]
        return None

    def _decline(
        self, question: str, found: _Found, restrict: int | None, missing: str | None
    ) -> MatchResult:
        """Not covered: suggestions and, when something was missing, a hint saying what."""
        experts = tuple(self.experts[i] for i in found.experts)
        topics = tuple(self.topics[self.group_topic[g]] for g in found.topics)
        if missing is None:
            return MatchResult(question, (), self._suggest(found, restrict), experts, topics)
        if missing.startswith("how "):
            hint = f"The briefing does not say {missing}."
            return MatchResult(question, (), self._suggest(found, restrict), experts, topics, hint)
        near = self._false_friend(missing)
        shown = " ".join(self._as_written(w, plain_text(question)) for w in missing.split())
        near_groups = [t for kind, t in self._joined.get(near or "", ()) if kind == "topic"]
        speaker = experts[0] if experts else None
        if near is not None:
            about = self._as_written(near)
            who = "The briefing"
            if speaker is not None and self._covers(found, near, near_groups):
                who = _surname(speaker.name)
            hint = f"{who} speaks about {about}, not {shown}."
        elif speaker is not None:
            hint = f"{_surname(speaker.name)} does not speak about {shown} in this briefing."
        else:
            hint = f"The briefing does not mention {shown}."
        suggestions = self._suggest(found, restrict, near_groups=near_groups)
        return MatchResult(question, (), suggestions, experts, topics, hint)

    def _covers(self, found: _Found, word: str, groups: list[int]) -> bool:
        """True when one of the named experts has an entry on the topics or with the word."""
        for i, entry in enumerate(self.entries):
            if int(self.entry_expert[i]) not in found.experts:
                continue
            if any(i in self.group_entries[g] for g in groups):
                return True
            if word in tokens(entry.text):
                return True
        return False

    def _as_written(self, word: str, question: str = "") -> str:
        """A folded word as the question or else the briefing writes it ("iran": "Iran")."""
        texts = itertools.chain(
            (question,), (e.text for e in self.entries), (t.name for t in self.topics))
        for text in texts:
            for match in _WORD_WRITTEN.finditer(text):
                for part in re.split(r"['’]", match.group()):
                    if fold(part) == word:
                        return part
        return word

    def _expert_silent_on_topics(self, found: _Found) -> bool:
        """True when the named experts say nothing on any of the subjects the question names.

        An expert covers a subject when one of their entries is filed under it or mentions one
        of its aliases in its words or questions.
        """
        if not found.experts or not found.subjects:
            return False
        mine = np.flatnonzero(np.isin(self.entry_expert, list(found.experts)))
        for group in found.subjects:
            if np.isin(self.group_entries[group], mine).any():
                return False
            topic = self.topics[self.group_topic[group]]
            aliases = [" ".join(tokens(a)) for a in (topic.name, *topic.aliases)]
            for i in mine:
                said = " ".join(tokens(" ".join((self.entries[i].text,
                                                 *self.entries[i].questions))))
                if any(a and f" {a} " in f" {said} " for a in aliases):
                    return False
        return True

    def _asks_unknown_speaker(self, words: list[str], found: _Found) -> bool:
        """'What did Angela Merkel say …?': a speaker the briefing does not know at all."""
        for pos, word in enumerate(words):
            if word not in SPEECH_VERBS or pos in found.used:
                continue
            start = pos
            while start > 0 and words[start - 1] not in SPEAKER_OPENERS and pos - start < 4:
                start -= 1
            if start == 0 or start == pos:
                continue
            speaker = [
                (p, w) for p, w in enumerate(words[start:pos], start) if w not in STOP_WORDS
            ]
            if speaker and not any(p in found.used for p, _ in speaker) and any(
                w not in self.vocab_index and stem(w) not in self.by_stem for _, w in speaker
            ):
                return True
        return False

    def _alias_prefix(self, word: str) -> str | None:
        """A one-word alias that `word` extends by a short ending ("tarihte": "tarih")."""
        for cut in range(len(word) - 1, max(3, len(word) - 5), -1):
            if word[:cut] in self._joined:
                return word[:cut] if _a_form_of(word, cut) else None
        return None

    def _query_words(self, words: list[str], found: _Found) -> list[str]:
        """The question's content words, without expert names, with topic typos rewritten."""
        rest: list[str] = []
        pos = 0
        while pos < len(words):
            if pos in found.rewrites:
                size, replacement = found.rewrites[pos]
                rest.extend(w for w in replacement if w not in STOP_WORDS)
                pos += size
                continue
            if pos not in found.used and words[pos] not in STOP_WORDS:
                rest.append(words[pos])
            pos += 1
        return rest

    def _map_words(self, words: list[str]) -> tuple[list[float], list[list[tuple[int, float]]]]:
        """For each word: its weight, and the vocabulary words it stands for with a similarity."""
        weights: list[float] = []
        matches: list[list[tuple[int, float]]] = []
        words = [w for w in words if self.vocab_index.get(w) is not None
                 or not _misspelt_stop_word(w) or is_real_word(w)]
        for word in words:
            found: dict[int, float] = {}
            exact = self.vocab_index.get(word)
            if exact is not None:
                found[exact] = 1.0
            for other in self.by_stem.get(stem(word), ()):
                found.setdefault(other, 0.9)
            for synonym in self._synonyms.get(stem(word), ()):
                for other in self.by_stem.get(stem(synonym), ()):
                    found.setdefault(other, SYNONYM_SIMILARITY)
            if exact is None and not word.isdigit():
                # The last part of a compound: "ships" in "warships".
                for other in self._ending_with(word):
                    found.setdefault(other, 0.8)
                # A known word with an ending added, as Turkish does: "tarihte" is "tarih".
                for cut in range(len(word) - 1, 3, -1):
                    known = self.vocab_index.get(word[:cut])
                    if known is not None and len(word) - cut <= 4:
                        if _a_form_of(word, cut):
                            found.setdefault(known, 0.85)
                        break
                # A typo, unless it is a real word the reader meant ("Iraq", "clear").
                for typo_of_word, similarity in self._vocab_typos.matches(word, limit=3):
                    if self._may_correct([word], typo_of_word):
                        found.setdefault(self.vocab_index[typo_of_word], 0.9 * similarity)
            pairs = sorted(found.items(), key=lambda kv: -kv[1])
            matches.append(pairs)
            if pairs:
                weights.append(float(self.idf[pairs[0][0]]))
            else:
                weights.append(self.unknown_weight)
        return weights, matches

    def _ending_with(self, word: str, compounds_only: bool = True) -> list[int]:
        """Vocabulary words a little longer than `word` that end with it.

        Only compounds: what comes before is a word too ("war" + "ships"), so "clear" is not
        read as "nuclear".
        """
        if len(word) < 4:
            return []
        key = word[::-1]
        found = []
        at = bisect.bisect_left(self._reversed, key)
        while at < len(self._reversed) and self._reversed[at].startswith(key):
            candidate = self._reversed[at][::-1]
            head = candidate[: len(candidate) - len(word)]
            if len(word) < len(candidate) <= len(word) + 4 and (
                not compounds_only or (len(head) >= 3 and is_real_word(head))
            ):
                found.append(self.vocab_index[candidate])
            at += 1
            if len(found) >= 5:
                break
        return found

    def _score(
        self,
        found: _Found,
        rest: list[str],
        weights: list[float],
        matches: list[list[tuple[int, float]]],
        coverage: float,
        restrict: int | None,
        words: list[str],
        count: int,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The best candidate entries, best first, and their scores."""
        n = len(self.entries)
        wants_profile = any(w in PROFILE_WORDS for w in words)

        # What the question's words say about every entry at once.
        if weights:
            lexical = self._lexical(self.postings, weights, matches)
            in_quote = self._lexical(self.quote_postings, weights, matches)
            base = W_LEXICAL * lexical + W_QUOTE * in_quote + W_TOPIC * self._topics(found, n)
        elif found.experts:
            # Only names: an expert's positions in order (headline first).
            base = 0.6 + 0.05 * self.entry_key + 0.02 * (1 - np.arange(n) / n)
            base = base + np.where(self.entry_profile, 0.1 if wants_profile else -0.06, 0.0)
        else:
            base = np.zeros(n)

        # Who is asked about, and how much of the question is known: factor and bonus.
        factor = np.full(n, min(1.0, coverage / FULL_COVERAGE) if weights else 1.0)
        bonus = np.zeros(n)
        if weights and not wants_profile:
            # A profile describes the expert; it answers "who is", not a topical question.
            factor[self.entry_profile] *= PROFILE_FACTOR
        if found.experts:
            named = np.isin(self.entry_expert, list(found.experts))
            bonus[named] = EXPERT_BONUS
            factor[(~named) & (self.entry_expert >= 0)] *= OTHER_EXPERT_FACTOR
            factor[self.entry_expert < 0] *= CONTEXT_WHEN_EXPERT_FACTOR
        if restrict is not None:
            factor[self.entry_expert != restrict] = 0.0

        candidates = _best(base * factor + bonus, count)
        if not weights:
            return candidates, (base * factor + bonus)[candidates]

        # Re-rank the candidates by closeness to their alternate questions and by phrases
        # of the question found verbatim in their text.
        raw = base[candidates].copy()
        slot = {int(c): k for k, c in enumerate(candidates)}
        indices = [q for c in candidates for q in self.index.questions_of(int(c))]
        query = " ".join(rest)
        if indices:
            choices = [self.question_texts[q] for q in indices]
            sims = process.cdist([query], choices, scorer=fuzz.token_set_ratio)[0]
            sims += process.cdist([query], choices, scorer=fuzz.token_sort_ratio)[0]
            closeness = np.zeros(len(candidates))
            for q, sim in zip(indices, sims, strict=True):
                k = slot[int(self.question_entry[q])]
                closeness[k] = max(closeness[k], sim / 200.0)
            raw += W_QUESTION * closeness
        pairs = [f"{a} {b}" for a, b in itertools.pairwise(rest)]
        if pairs:
            for k, c in enumerate(candidates):
                text = self.folded_texts[int(c)]
                raw[k] += W_PHRASE * sum(p in text for p in pairs) / len(pairs)
        final = raw * factor[candidates] + bonus[candidates]
        order = np.argsort(-final, kind="stable")
        return candidates[order], final[order]

    def _topics(self, found: _Found, n: int) -> np.ndarray:
        """Topics named in the question, the specific ones (few entries) counting most."""
        topic_score = np.zeros(n)
        groups = {g: strength * self.group_weight[g] for g, strength in found.topics.items()}
        if groups:
            for group, weight in groups.items():
                topic_score[self.group_entries[group]] += weight
            topic_score /= max(groups.values())
        return topic_score

    def _lexical(
        self,
        postings: Rows,
        weights: list[float],
        matches: list[list[tuple[int, float]]],
    ) -> np.ndarray:
        """Share of the question's weight found in each entry (best similarity per word)."""
        n = len(self.entries)
        total = sum(weights)
        lexical = np.zeros(n)
        for weight, pairs in zip(weights, matches, strict=True):
            best = np.zeros(n)
            for index, similarity in pairs:
                posting = postings[index]
                best[posting] = np.maximum(best[posting], similarity)
            lexical += weight * best
        return lexical / total if total else lexical

    def _near_duplicate(self, i: int, j: int) -> bool:
        """Two entries saying nearly the same words: only the better one is shown."""
        return fuzz.token_set_ratio(self.folded_texts[i], self.folded_texts[j]) >= DUPLICATE_TEXT

    def _suggest(
        self,
        found: _Found,
        restrict: int | None,
        topics_first: bool = False,
        near_groups: Sequence[int] = (),
    ) -> tuple[str, ...]:
        """Questions the briefing does answer, close to what was asked.

        `near_groups` are topics the reader may have had in mind (Iran for "Iraq"): the named
        expert's questions on them come first.
        """
        expert_ids = list(found.experts) or ([restrict] if restrict is not None else [])
        nearby: list[str] = []
        for group in near_groups:
            on_topic = [int(i) for i in self.group_entries[group]]
            mine = [i for i in on_topic if int(self.entry_expert[i]) in expert_ids]
            nearby.extend(self.entries[i].questions[0] for i in (mine or on_topic)[:2])
        by_expert: list[str] = []
        for expert in expert_ids:
            for entry in self.knowledge.entries_for_expert(self.experts[expert].id)[:3]:
                by_expert.append(entry.questions[0])
        by_topic: list[str] = []
        for group in found.topics:
            topic = self.topics[self.group_topic[group]]
            for entry in self.knowledge.entries_for_topic(topic.id)[:2]:
                by_topic.append(entry.questions[0])
        ordered = by_topic + by_expert if topics_first else by_expert + by_topic
        return tuple(dict.fromkeys(nearby + ordered))[:5]


_STOP_TYPOS = TypoIndex(sorted(w for w in STOP_WORDS if len(w) >= 4))


def _misspelt_stop_word(word: str) -> bool:
    """'abot' for 'about', 'whta' for 'what': typos of framing words carry no meaning."""
    if len(word) < 4:
        return False
    return bool(_STOP_TYPOS.matches(word, limit=1))


def _a_form_of(word: str, cut: int) -> bool:
    """Whether `word` is `word[:cut]` with an ending (Turkish or an English inflection).

    A real English word made by adding letters ("trumpet") is another word, unless the
    letters are an English ending ("soften") or a word of their own ("coastline").
    """
    ending = word[cut:]
    return (
        ending in ENGLISH_ENDINGS
        or (len(ending) >= 3 and is_english_word(ending))
        or not is_english_word(word)
    )


def _names_in(text: str) -> set[str]:
    """Folded words written as names: a capital inside a sentence, or all capitals ("NATO").

    A question written all in capitals, or every word capitalised, says nothing this way.
    """
    written = list(_WORD_WRITTEN.finditer(text))
    capitals = [m for m in written if m.group()[0].isupper()]
    if len(written) >= 3 and len(capitals) > 0.6 * len(written):
        return set()
    names: set[str] = set()
    for match in capitals:
        word = match.group()
        before = text[: match.start()].rstrip()
        opens = not before or before[-1] in ".?!:;\"“«(-"
        if opens and not (len(word) >= 2 and word.isupper()):
            continue
        folded = tokens(word)
        if folded:
            names.add(folded[0])
    return names


def _best(scores: np.ndarray, count: int) -> np.ndarray:
    """Indices of the `count` highest positive scores, best first; ties keep entry order.

    Scores hold many ties (zeros, equal topic scores), which make `np.partition` slow, so the
    cut-off comes from a plain sort of the positive scores instead.
    """
    pool = np.flatnonzero(scores > 0)
    if len(pool) > count:
        cut = np.sort(scores[pool])[-count]
        pool = pool[scores[pool] >= cut]
    return pool[np.argsort(-scores[pool], kind="stable")][:count]


def _surname(name: str) -> str:
    return name.split()[-1]


def _first_word_index(phrases: list[_Phrase]) -> dict[str, list[_Phrase]]:
    index: dict[str, list[_Phrase]] = {}
    for phrase in phrases:
        index.setdefault(phrase.words[0], []).append(phrase)
    return index
