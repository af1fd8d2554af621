"""Who and what a question is about: experts and topics named, with typos and joined words.

Aliases are matched as phrases of folded words: experts by name, surname and aliases, topic
groups (knowledge/index.py) by name and aliases. Then the question's 1- to 3-word spans, spaces
removed, are compared with the aliases, spaces removed, so "nordstream" and "nord strem" find
"Nord Stream" and "arktik" finds "Arctic"; a real word is never read as a typo of an alias
("Iraq" is not "Iran"). Words naming an expert are set aside: who is asked about is scored
apart from what is asked. Also here: the words of a question written as names, and a name or
number the briefing does not know at all (the matcher declines those).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from knowledge.lexicon import is_english_word
from knowledge.models import Expert, Topic
from knowledge.normalize import (
    PANEL_WORDS,
    SPEAKING,
    STOP_WORDS,
    TURKISH_NAMES,
    inflected_from,
    stem,
    synonyms,
    tokens,
)
from knowledge.settings import MatcherSettings
from knowledge.thesaurus import PLACE_ALIASES
from knowledge.words import COUNTRY_NAMES, TypoIndex, Vocabulary, a_form_of, may_correct

# Aliases made of a question word count only where they open the question ("When did …").
LEADING_ONLY = frozenset({"when", "where"})
MEASURES = frozenset(
    "old young age deep tall cold hot warm wide heavy big large small huge populous expensive "
    "cheap".split()
)
# A word written with a capital inside a sentence, or in capitals: a name.
WORD_WRITTEN = re.compile(r"[^\W\d_][\w'’]*")
# What follows a thing's name, not a person's: "Alaska, which it bought from the Russians".
THING_AFTER = re.compile(r",? which\b")


# Titles that follow a first name in Turkish ("Onur Bey", "Deniz Hanım", "Emre Hoca").
GIVEN_NAME_TITLES = frozenset({"bey", "beyin", "beye", "beyefendi", "hanim", "hoca", "hocam",
                               "hocanin", "hocaya"})


# Words that date a title ("former ambassador", "eski büyükelçi"): part of naming the expert.
TITLE_DATED = frozenset("former ex retired erstwhile onetime eski emekli".split())
# The experts' own country, which says who they are before their role ("the Turkish ambassador").
OWN_COUNTRY = frozenset("turkish turk turkiye turkey".split())


def _foreign(word: str) -> bool:
    """Does a word name a country other than the experts' own, by its name or its people's?"""
    word = TURKISH_NAMES.get(word, word)  # "rus": "russian"
    country = PLACE_ALIASES.get(word, word)
    return country in COUNTRY_NAMES and word not in OWN_COUNTRY and country not in OWN_COUNTRY


@dataclass
class Phrase:
    """An alias as a sequence of folded words, pointing at an expert or topic index."""

    words: tuple[str, ...]
    target: int


@dataclass
class Found:
    """Which experts and topics a question names, and which of its word positions they used."""

    experts: dict[int, float] = field(default_factory=dict)
    topics: dict[int, float] = field(default_factory=dict)  # by topic group
    used: set[int] = field(default_factory=set)
    rewrites: dict[int, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    subjects: set[int] = field(default_factory=set)  # groups named by a subject word
    topic_used: set[int] = field(default_factory=set)  # word positions that name a topic


def phrases(groups: Sequence[Iterable[str]]) -> list[Phrase]:
    """Each group's aliases as word phrases (a leading article dropped), duplicates once."""
    found = []
    for target, aliases in enumerate(groups):
        seen = set()
        for alias in aliases:
            words = tuple(tokens(alias))
            while words and words[0] in ("the", "a", "an"):
                words = words[1:]
            if words and words not in seen:
                seen.add(words)
                found.append(Phrase(words, target))
    return found


class Names:
    """The experts' and topics' aliases, and the search for them in a question."""

    def __init__(
        self,
        experts: Sequence[Expert],
        topics: Sequence[Topic],
        group_topic: Sequence[int],
        vocabulary: Vocabulary,
        settings: MatcherSettings,
    ) -> None:
        self.vocabulary = vocabulary
        self.settings = settings
        # Experts by name, surname and aliases; topic groups by name and aliases.
        self.expert_phrases = phrases([(e.name, surname(e.name), *e.aliases) for e in experts])
        self.topic_phrases = phrases(
            [(topics[i].name, *topics[i].aliases) for i in group_topic]
        )
        self.expert_first = first_word_index(self.expert_phrases)
        # Each expert's surname, and the other words of their name ("deniz", "coskun").
        self.surnames = [tuple(tokens(surname(e.name))) for e in experts]
        self.given_names = [
            {w for w in tokens(e.name) if len(w) >= 4 and w not in self.surnames[i]}
            for i, e in enumerate(experts)]
        self.topic_first = first_word_index(self.topic_phrases)
        # Aliases with the spaces taken out, for joined, split and misspelt names.
        self.joined: dict[str, list[tuple[str, int]]] = {}
        self.alias_words: dict[str, tuple[str, ...]] = {}
        for p in self.topic_phrases:
            self.joined.setdefault("".join(p.words), []).append(("topic", p.target))
            self.alias_words["".join(p.words)] = p.words
        for p in self.expert_phrases:
            if len("".join(p.words)) >= 5:
                self.joined.setdefault("".join(p.words), []).append(("expert", p.target))
        self.alias_typos = TypoIndex(self.joined)
        # A reader's word for an expert's role ("the envoy", "the reporter", "the scholar"):
        # the role word of an alias it is a synonym of ("ambassador", "journalist",
        # "academic"), unless the briefing uses the reader's word itself.
        alias_words = {w for p in self.expert_phrases for w in p.words if w not in STOP_WORDS}
        roles = {p.words[-1] for p in self.expert_phrases if is_english_word(p.words[-1])}
        table = self._synonyms = synonyms()
        self.role_words: dict[str, str] = {}
        for word in sorted(roles & alias_words):
            for other in table.get(stem(word), ()):
                if other not in alias_words and other not in vocabulary.index_of:
                    self.role_words.setdefault(other, word)

    def in_role_words(self, words: list[str]) -> list[str]:
        """`words` with a reader's word for an expert's role as the alias's ("envoy":
        "ambassador"); see `role_words`. Not the many told something ("What did Blinken tell
        reporters?"): an audience, no expert."""
        return [w if w.endswith("s") and words[k - 1:k] in (["tell"], ["told"]) else
                self.role_words.get(w, w) for k, w in enumerate(words)]

    def find(self, words: list[str]) -> Found:
        """Experts and topics named in the question, exact phrases first, then typos.

        Words naming an expert are set aside (`used`): who is asked about is not what is asked.
        Words naming a topic stay in the question; a typo or a joined/split spelling of a topic
        alias is replaced by the alias's own words (`rewrites`), so "nordstream" reads as
        "nord stream" for the rest of the matching.
        """
        found = Found()
        self._phrases_in(words, found)
        self._given_names_titled(words, found)
        self._given_names_misspelt(words, found)
        self._spellings_in(words, found)
        for pos in range(len(words) - 1):
            if words[pos] in TITLE_DATED and pos + 1 in found.used and found.experts:
                found.used.add(pos)  # "the former ambassador", "the ex-colonel": the expert
        return found

    def institution_asked(self, words: list[str], found: Found) -> bool:
        """Is an expert named only by the institution of an alias ("Atatürk University"), with
        no word for a person at it ("professor", "hoca")? Then the institution is asked of
        ("When was Atatürk University founded?"), not the expert at it ("per the Atatürk
        University professor")."""
        if len(found.experts) != 1 or not INSTITUTION_ALIAS_ENDS & set(words) or any(
                w.startswith(PEOPLE_AT_INSTITUTIONS) for w in words):
            return False
        target = next(iter(found.experts))
        spans = [range(pos, pos + len(p.words)) for p in self.expert_phrases
                 if p.target == target for pos in range(len(words))
                 if tuple(words[pos:pos + len(p.words)]) == p.words]
        institutional = {pos for span in spans if words[span[-1]] in INSTITUTION_ALIAS_ENDS
                         for pos in span}
        return bool(institutional) and all(set(span) <= institutional for span in spans)

    def _given_names_titled(self, words: list[str], found: Found) -> None:
        """An expert's first name with the Turkish title that follows it ("Onur Bey", "Emre
        Hoca") is the expert, as Turkish readers name a man or a teacher."""
        for pos, word in enumerate(words[:-1]):
            if words[pos + 1] not in GIVEN_NAME_TITLES or pos in found.used:
                continue
            for target, given in enumerate(self.given_names):
                if word in given:
                    found.experts[target] = max(found.experts.get(target, 0.0), 1.0)
                    found.used.update((pos, pos + 1))

    def _given_names_misspelt(self, words: list[str], found: Found) -> None:
        """A misspelt first name before an expert's surname is theirs too ("Denz Berktay",
        "Cokun Başbuğ"): one slip, in a word the briefing does not have."""
        for target in found.experts:
            last = self.surnames[target][-1:]
            for pos in range(1, len(words)):
                before = words[pos - 1]
                if (words[pos : pos + 1] != list(last) or pos not in found.used
                        or pos - 1 in found.used or before in STOP_WORDS
                        or before in self.vocabulary.index_of):
                    continue
                if any(OSA.distance(before, name) <= 1 for name in self.given_names[target]):
                    found.used.add(pos - 1)

    def _phrases_in(self, words: list[str], found: Found) -> None:
        """Aliases written out in full, word for word."""
        for first, sink in (
            (self.expert_first, found.experts),
            (self.topic_first, found.topics),
        ):
            for pos, word in enumerate(words):
                for phrase in first.get(word, ()):
                    size = len(phrase.words)
                    if all(w in STOP_WORDS for w in phrase.words) and not (
                        pos == 0 and phrase.words[0] in LEADING_ONLY
                    ):
                        continue
                    inflected = False
                    if tuple(words[pos : pos + size]) != phrase.words:
                        # "arktik bölgesini": a Turkish alias, its last word inflected, read
                        # as the alias's own words.
                        inflected = (size > 1 and pos + size <= len(words)
                                     and tuple(words[pos : pos + size - 1]) == phrase.words[:-1]
                                     and inflected_from(words[pos + size - 1], phrase.words[-1]))
                        if not inflected and not (
                                sink is found.experts and self._role_said_otherwise(
                                    words[pos : pos + size], phrase.words)):
                            continue
                    sink[phrase.target] = max(sink.get(phrase.target, 0.0), 1.0)
                    if sink is found.experts:
                        found.used.update(range(pos, pos + size))
                        found.used.update(self._own_country_before(words, pos))
                    else:
                        found.topic_used.update(range(pos, pos + size))
                        if inflected:
                            found.rewrites[pos] = (size, phrase.words)
                        if not all(w in STOP_WORDS for w in phrase.words):
                            found.subjects.add(phrase.target)

    def _role_said_otherwise(self, said: list[str], alias: tuple[str, ...]) -> bool:
        """An expert's alias of a field and a role, its role said in another word of the
        same meaning ("the Eastern Europe specialist": "Eastern Europe expert")."""
        return (len(alias) > 1 and len(said) == len(alias) and tuple(said[:-1]) == alias[:-1]
                and any(w not in STOP_WORDS for w in alias[:-1])
                and said[-1] in self._synonyms.get(stem(alias[-1]), ()))

    def anothers_role(self, words: list[str]) -> str | None:
        """An expert's role said of another country's holder ("the Russian ambassador", "the
        US ambassador to Russia", "an American journalist"): someone the briefing does not
        quote, whom its experts (Turkish) are not. The words naming them, or None."""
        for pos, word in enumerate(words):
            for phrase in self.expert_first.get(word, ()):
                size = len(phrase.words)
                if tuple(words[pos:pos + size]) != phrase.words or any(
                        w in self.surnames[phrase.target] or w in self.given_names[phrase.target]
                        for w in phrase.words):
                    continue
                back = pos - 1
                while back >= 0 and words[back] in TITLE_DATED:
                    back -= 1
                if back >= 0 and _foreign(words[back]):
                    return " ".join(words[back:pos + size])
                if words[pos + size:pos + size + 1] == ["to"] and pos + size + 1 < len(words) \
                        and _foreign(words[pos + size + 1]):
                    return " ".join(words[pos:pos + size + 2])
        return None

    @staticmethod
    def _own_country_before(words: list[str], pos: int) -> list[int]:
        """"The former Turkish ambassador": the experts' own country before an alias says who
        the expert is, as the alias does (its position, when it is there)."""
        back = pos - 1
        while back >= 0 and words[back] in TITLE_DATED:
            back -= 1
        return [back] if back >= 0 and words[back] in OWN_COUNTRY else []

    def _spellings_in(self, words: list[str], found: Found) -> None:
        """Typos and joined/split words: n-grams of the question, spaces removed, against
        aliases, spaces removed ("nord strem" ~ "nordstream", "arktic" ~ "arctic")."""
        strength = self.settings.alias_typo_strength
        for size in (1, 2, 3):
            for pos in range(len(words) - size + 1):
                span = range(pos, pos + size)
                if any(p in found.used or p in found.topic_used for p in span):
                    continue
                alias = self._alias_spelt(words[pos : pos + size])
                if alias is None:
                    continue
                for kind, target in self.joined[alias]:
                    if kind == "expert":
                        found.experts[target] = max(found.experts.get(target, 0.0), strength)
                        found.used.update(span)
                    else:
                        found.topics[target] = max(found.topics.get(target, 0.0), strength)
                        found.rewrites[pos] = (size, self.alias_words[alias])
                        found.topic_used.update(span)

    def _alias_spelt(self, gram: list[str]) -> str | None:
        """The alias (spaces removed) these words spell, joined, split, inflected or misspelt."""
        if gram[0] in STOP_WORDS or gram[-1] in STOP_WORDS:
            return None
        if len(gram) > 1 and all(w in self.vocabulary.index_of for w in gram):
            return None  # known words: a split alias would have matched as a phrase
        text = "".join(gram)
        if text in self.joined:
            return text
        if len(gram) == 1 and text in self.vocabulary.index_of:
            return None
        if len(gram) == 1 and (stem_alias := self.alias_prefix(text)) is not None:
            return stem_alias
        close = self.alias_typos.matches(text, limit=1)
        if not close or not may_correct(gram, close[0][0]):
            return None  # a word the reader meant: "Iraq" is not a typo of "Iran"
        return close[0][0]

    def unknown_subject(self, words: list[str], found: Found, names: set[str]) -> str | None:
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
            if measure and opens == pos and (word in MEASURES or (
                    word == "long" and words[pos + 1:pos + 2] in (["is"], ["are"]))) \
                    and words[pos + 1:pos + 2] not in (["a"], ["an"]):
                # "How long is the Northern Sea Route?" asks a length; "How long has …" a time.
                # "How big a step …?" asks how much it counts: a judgement.
                return f"how {word}"
            measure = measure and opens < pos
            if (number or measure or word in names) and not self.vocabulary.known(word):
                if measure and not number:
                    return " ".join(words[opens - 1 : pos + 1])
                end = pos + 1  # the whole name: "Hillary Clinton", "Caspian Sea"
                while (end < len(words) and words[end] in names and end not in found.used
                       and end not in found.topic_used):
                    end += 1
                return " ".join(words[pos:end])
        return None

    def first_name_of_known(self, words: list[str], pos: int, found: Found) -> bool:
        """True when the next word is a name the briefing knows (a first name before it)."""
        after = pos + 1
        if after >= len(words) or words[after] in STOP_WORDS:
            return False
        return (after in found.used or after in found.topic_used
                or self.vocabulary.known(words[after]))

    def false_friend(self, word: str) -> str | None:
        """The briefing word a real word resembles, which it was rightly not corrected into."""
        if word.isdigit() or not is_english_word(word):
            # An English word only: a Turkish one is read by its endings, and "görülüyor"
            # (is seen) is no near-spelling of "öngörülüyor" (is foreseen).
            return None
        close = [c for c, _ in self.alias_typos.matches(word, limit=3) if c not in STOP_WORDS]
        if close:
            return close[0]
        for other in self.vocabulary.ending_with(word, compounds_only=False):
            longer = self.vocabulary.words[other]
            if longer not in COUNTRY_NAMES and longer not in PLACE_ALIASES:
                # (A country's name is not made of its parts: "Iceland, not land" would read
                # as a riddle.)
                return longer
        return None

    def alias_prefix(self, word: str) -> str | None:
        """A one-word alias that `word` extends by a short ending ("tarihte": "tarih")."""
        for cut in range(len(word) - 1, max(3, len(word) - 5), -1):
            if word[:cut] in self.joined:
                if word[cut:] in ("s", "es") and is_english_word(word):
                    return None  # an English plural: "young bushes" are no Bush
                return word[:cut] if a_form_of(word, cut) else None
        return None

    def query_words(self, words: list[str], found: Found) -> list[str]:
        """The question's content words, without expert names, with topic typos rewritten."""
        rest: list[str] = []
        pos = 0
        while pos < len(words):
            if pos in found.rewrites:
                size, replacement = found.rewrites[pos]
                if not (set(replacement) <= PANEL_WORDS
                        and any(w in SPEAKING for w in words[pos + size : pos + size + 3])):
                    # ("What do the exerts say …?" is framing, as spelt right)
                    rest.extend(w for w in replacement if w not in STOP_WORDS)
                pos += size
                continue
            if pos not in found.used and words[pos] not in STOP_WORDS:
                rest.append(words[pos])
            pos += 1
        return rest


def names_in(text: str) -> set[str]:
    """Folded words written as names: a capital inside a sentence, or all capitals ("NATO").

    A question written all in capitals, or every word capitalised, says nothing this way.
    """
    written = list(WORD_WRITTEN.finditer(text))
    capitals = [m for m in written if m.group()[0].isupper()]
    # (Not counting the first word, which a capital opens anyway: "What did Lavrov tell
    # Blinken about Nord Stream?" names four of its seven others.)
    if len(written) >= 3 and len(capitals[1:] if written[0] in capitals[:1] else capitals) \
            > 0.6 * (len(written) - 1):
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


# The last word of an expert's alias naming where the expert works ("Atatürk University").
INSTITUTION_ALIAS_ENDS = frozenset("university universitesi".split())
# How the words for a person at an institution begin ("professor", "academic", "hocası").
PEOPLE_AT_INSTITUTIONS = tuple(
    "professor prof academic scholar lecturer teacher expert researcher faculty "
    "hoca akademisyen profesor".split())
# Words before a person's name in running text ("President Biden", "opposition leader Alexei
# Navalni"): general English, not this briefing's.
PERSON_TITLES = frozenset(
    "president minister secretary leader chancellor premier senator governor ambassador "
    "spokesman spokesperson spokeswoman chairman general mr mrs ms dr prof king queen".split()
)


def written_as_a_person(word: str, texts: Iterable[str]) -> bool:
    """True when `texts` write `word` (folded) the way a person's name is written.

    That is: always with a capital, and at least once on its own inside a sentence ("targeting
    Putin") or after a title and a first name ("leader Alexei Navalni"). The words of a
    many-word name are only ever written after another capitalised word ("the Black Sea",
    "the Ottawa Declaration"), and common words are written in lower case too, so neither is
    taken for a person: "Caspian Sea" is not the first name of someone called Sea. A word
    after an article ("the Arctic", "the Biden administration") is not on its own either:
    "Australia Arctic" names no one. Nor does a word that "which" follows: "Alaska, which it
    bought" is a thing; a person is "who".
    """
    alone = False
    for text in texts:
        written = list(WORD_WRITTEN.finditer(text))
        for i, match in enumerate(written):
            part = re.split(r"['’]", match.group())[0]
            if (tokens(part) or [""])[0] != word:
                continue
            if not part[:1].isupper() or THING_AFTER.match(text, match.end()):
                return False
            before = text[: match.start()].rstrip()
            if not before or before[-1] in ".?!:;\"“«(":
                continue  # a sentence's first word says nothing
            previous = written[i - 1].group() if i else ""
            if previous.lower() in ("the", "a", "an"):
                continue  # "the Arctic", "the Biden administration": says nothing
            title = tokens(written[i - 2].group())[:1] if i >= 2 else []
            if not previous[:1].isupper() or (title and title[0] in PERSON_TITLES):
                alone = True
    return alone


def surname(name: str) -> str:
    return name.split()[-1]


def first_word_index(phrases: list[Phrase]) -> dict[str, list[Phrase]]:
    index: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        index.setdefault(phrase.words[0], []).append(phrase)
    return index
