"""What a question's words stand for among the briefing's words: forms, synonyms, typos.

A word of the question is mapped onto the vocabulary (knowledge/index.py) with a similarity:
the word itself (1.0), a word of the same light stem, a synonym, a compound it ends
("warships" for "ships"), a known word it extends by an ending ("tarihte" is "tarih"), or a
word it is a typo of, unless it is itself a real word the reader meant ("Iraq" is not "Iran",
"clear" is not the end of "nuclear"). How much each counts is in MatcherSettings.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Sequence, Set

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.index import Index
from knowledge.lexicon import (
    LISTED_ZIPF,
    english_word_meant,
    is_english_word,
    is_real_word,
    is_turkish_word,
)
from knowledge.lexicon import words as word_list
from knowledge.normalize import (
    PLAIN_FRAMING,
    STOP_WORDS,
    TURKISH_NAMES,
    fold,
    stem,
    synonyms,
    turkish_verb_stems,
)
from knowledge.settings import MatcherSettings
from knowledge.thesaurus import CONTINENTS, COUNTRIES, PLACE_ALIASES

# Endings that make another English word of a known one ("Trump" + "et") are not word forms;
# these are ("sanction" + "s", "Crimea" + "n").
ENGLISH_ENDINGS = frozenset(
    "s es ed d ing n an ian ns ese ish en er ers est ly ness ment ments al ity ize ise ized "
    "ised ful less ive ion ions ation ism ist ists".split()
)


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


# What a Turkish word of asking says in English (`Vocabulary.in_english`).
_ASKING = frozenset({"why", "between", "what", "whom", "happen"})


# British and American endings of one word, longest first: "organisation", "organization".
_SPELLINGS = (
    ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"),
    ("ises", "izes"), ("ise", "ize"), ("ysing", "yzing"), ("ysed", "yzed"), ("yses", "yzes"),
    ("yse", "yze"), ("ourite", "orite"), ("ouring", "oring"), ("oured", "ored"),
    ("ours", "ors"), ("our", "or"), ("elling", "eling"), ("elled", "eled"), ("tres", "ters"),
    ("tre", "ter"), ("ences", "enses"), ("ence", "ense"))


def _read_apart(word: str, shorter: str) -> bool:
    """Do the Turkish tables read a word and a shorter one it starts with as different words
    ("katilmis": join, "katil": murderer)?"""
    meant, other = TURKISH_NAMES.get(word), TURKISH_NAMES.get(shorter)
    return meant is not None and other is not None and stem(meant) != stem(other)


# Prepositions a question may open with before its question word ("In which year …?").
_OPENING_PREPOSITIONS = frozenset("in on at by from for to of during since until".split())


def _cased(word: str, written: str) -> str:
    """`word` in the case `written` was written in ("LAVROF": "LAVROV", "Poisno": "Poison")."""
    if written.isupper() and len(written) > 1:
        return word.upper()
    return word.capitalize() if written[:1].isupper() else word


def _country_meant(word: str) -> str | None:
    """The one country `word` (folded, four letters or more) is one slip from, if any."""
    if len(word) < 4:
        return None
    near = [name for name, distance, _ in process.extract(
        word, _COUNTRY_LIST, scorer=OSA.distance, score_cutoff=1, limit=3) if distance == 1]
    return near[0] if len(near) == 1 else None


def _listed_word_meant(word: str) -> str | None:
    """The English word of the lists (Zipf 3 and above) one slip from `word`, but not a
    shorter word it extends: a form the lists lack ("escalatory" is no "escalator")."""
    meant = english_word_meant(word, LISTED_ZIPF)
    return None if meant is None or word.startswith(meant) else meant


def other_spellings(word: str) -> list[str]:
    """`word` spelt as the other side of the Atlantic spells it ("centre": "center", "analyze":
    "analyse"), when it has such an ending and is long enough for it to be one (not "four")."""
    found = []
    for british, american in _SPELLINGS:
        for ending, other in ((british, american), (american, british)):
            if word.endswith(ending) and len(word) >= len(ending) + 3:
                found.append(word[:-len(ending)] + other)
    return found


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


_STOP_TYPOS = TypoIndex(sorted(w for w in STOP_WORDS - PLAIN_FRAMING if len(w) >= 4))


def misspelt_stop_word(word: str) -> bool:
    """'abot' for 'about', 'whta' for 'what': typos of framing words carry no meaning."""
    return stop_word_meant(word) is not None


def stop_word_meant(word: str) -> tuple[str, float] | None:
    """The framing word `word` misspells ("kimir": "kimdir") with the similarity, if any (four
    letters or more; of three, only two letters swapped: "sya", "say")."""
    if len(word) < 4:
        # Three letters are too few to tell a slip from another word, but for two swapped
        # ("sya": "say", "teh": "the"), the commonest slip of all.
        swapped = next((w for w in _SHORT_STOP_WORDS if transposed(word, w)), None)
        return (swapped, 1 - 1 / len(word)) if swapped and not is_english_word(word) else None
    found = _STOP_TYPOS.matches(word, limit=5)
    # "whre" and "wgere" are "where", not "were": the closest, then the nearest in length.
    return max(found, key=lambda f: (f[1], -abs(len(f[0]) - len(word)))) if found else None


_SHORT_STOP_WORDS = sorted(w for w in STOP_WORDS - PLAIN_FRAMING if len(w) == 3)


def transposed(word: str, other: str) -> bool:
    """Is `word` `other` with two adjacent letters swapped ("waht": "what")?"""
    if len(word) != len(other) or word == other:
        return False
    diff = [k for k, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == other[diff[1]] \
        and word[diff[1]] == other[diff[0]]


_LONG_STOP_TYPOS = TypoIndex(sorted(w for w in STOP_WORDS - PLAIN_FRAMING if len(w) >= 7))


def misspelt_long_stop_word(word: str) -> bool:
    """A word one slip from a framing word of seven letters or more, and no English word."""
    return (len(word) >= 6 and not is_english_word(word)
            and any(s >= 1 - 1.5 / len(word) for _, s in _LONG_STOP_TYPOS.matches(word, limit=1)))


def a_form_of(word: str, cut: int) -> bool:
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


# A word as written, and the apostrophe that may end it ("Lavrof's").
_WRITTEN = re.compile(r"[^\W\d_][\w'’]*")
_APOSTROPHE = re.compile(r"(?=['’])")

# Endings of English words the lists may be too small to hold in that form ("patching",
# "shakier", "traineeship"): a form of a real word is meant, not misspelt.
_FORM_ENDINGS = ("ing", "ed", "es", "s", "ies", "ier", "iest", "er", "ers", "est", "ly", "ness",
                 "ment", "ship")


def _ends_a_word(word: str, endings: Sequence[str], listed: Callable[[str], bool]) -> bool:
    """Is `word` one of `endings` after a word `listed` holds ("patch" + "ing"), that word
    perhaps without its "e" or "y" ("shelve", "shaky") or with its last consonant doubled
    ("map" + "ping")?"""
    for ending in endings:
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= 3 and any(
                listed(form) for form in (base, base + "e", base + "y")
                + ((base[:-1],) if base[-1] == base[-2] else ())):
            return True
    return False


def a_form_of_a_word(word: str) -> bool:
    """Is `word` a real word with an English ending ("patching", "shakier", "mending")?"""
    return _ends_a_word(word, _FORM_ENDINGS, is_real_word)


def inflected_english(word: str) -> bool:
    """A verb form ending "-ing" or "-ed" of an English word: "beefing" ("beef"), "ramped"
    ("ramp"), "shelving" ("shelve"), "mapping" ("map")."""
    return _ends_a_word(word, ("ing", "ed"), word_list("en").__contains__)


def may_correct(words: Sequence[str], target: str) -> bool:
    """Whether the words may be read as a typo of `target`.

    Not when every word is a real word, so one the reader meant ("Iraq" is not "Iran",
    "crime" is not "Crimea"), unless one is a form of the other ("America", "American").
    """
    text = "".join(words)
    if (target in PLACE_ALIASES or target in COUNTRIES) and any(
            inflected_english(w) for w in words):
        # "beefing" is no "Beijing": a verb form of a real word is meant, when the lists (words
        # used once per million) are too small to hold it, and a place is another subject.
        return False
    if not all(is_real_word(w) for w in words):
        return True
    short, long_ = sorted((text, target), key=len)
    return long_.startswith(short) and long_[len(short):] in ENGLISH_ENDINGS


COUNTRY_NAMES = frozenset(PLACE_ALIASES.values()) | COUNTRIES | CONTINENTS
_COUNTRY_LIST = sorted(name for name in COUNTRIES | CONTINENTS if name.isalpha())

# Words before a place named as a place, not as its government ("in Tokyo", "to Kabul").
LOCATIVE = frozenset(
    "in at to from near into around across inside outside over within throughout visit visiting "
    "visited via".split())


# Turkish endings of tense and aspect (folded), longest first: a verb asked in one tense
# ("veriliyor", is given) is the verb a Turkish question of the briefing writes in another
# ("verildi", was given). Not the aorist's "-ir"/"-er", which a plural's "-ler" would be taken
# for ("veriler", data), nor the copula's "-dir".
TURKISH_TENSES = ("iyorlar", "uyorlar", "mektedir", "maktadir", "iyor", "uyor", "mekte",
                  "makta", "ecek", "acak", "mis", "mus", "di", "du", "ti", "tu")


def turkish_verb_stem(word: str) -> str | None:
    """The stem of a Turkish verb form, four letters at least ("veriliyor", "verildi":
    "veril"), or None for an English word or one with no tense ending."""
    if is_english_word(word):
        return None
    for ending in TURKISH_TENSES:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return None


class Vocabulary:
    """The briefing's words with their weights, and the mapping of a question's words onto them."""

    def __init__(self, index: Index, entries: int, settings: MatcherSettings) -> None:
        self.settings = settings
        self.words: list[str] = index.vocab
        self.index_of = {w: i for i, w in enumerate(self.words)}
        smoothing = settings.idf_smoothing
        # Counted per briefing, so that an archive of like briefings weighs words as one does
        # (and a near-tie between two passages does not flip with the archive's size).
        per = max(index.briefings, 1)
        self.idf = [math.log((entries / per + 1) / (df / per + smoothing))
                    for df in index.df.tolist()]
        self.df = index.df
        self.briefings = index.briefings
        # An unknown word weighs as much as a word found once in each briefing.
        self.unknown_weight = float(math.log((entries / per + 1) / (1 + smoothing)))
        self.synonyms = synonyms()
        self.by_stem: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            self.by_stem.setdefault(stem(word), []).append(i)
        self.reversed = sorted(w[::-1] for w in self.words)
        self.typos = TypoIndex(self.words)
        self._tenses: dict[str, list[int]] | None = None  # by `turkish_verb_stem`, when asked

    def in_another_tense(self, word: str) -> list[int]:
        """The briefing's Turkish words that are `word`'s verb in another tense ("veriliyor":
        "verildi"). The table is made when a question first needs it."""
        verb = turkish_verb_stem(word)
        if verb is None:
            return []
        if self._tenses is None:
            self._tenses = {}
            for i, known in enumerate(self.words):
                stem_known = turkish_verb_stem(known)
                if stem_known is not None:
                    self._tenses.setdefault(stem_known, []).append(i)
        return self._tenses.get(verb, [])

    def __contains__(self, word: str) -> bool:
        return word in self.index_of

    def content(self, words: list[str]) -> list[str]:
        """The words that count: a misspelt stop word ("wat", "abut") is framing, not content,
        and so is a slip in a long one that Turkish writers make often enough for the word
        lists to hold it ("hakında" for "hakkında")."""
        return [w for w in words if self.index_of.get(w) is not None
                or not misspelt_stop_word(w)
                or (is_real_word(w) and not misspelt_long_stop_word(w))]

    def map_words(self, words: list[str]) -> tuple[list[float], list[list[tuple[int, float]]]]:
        """For each word: its weight, and the vocabulary words it stands for with a similarity."""
        s = self.settings
        weights: list[float] = []
        matches: list[list[tuple[int, float]]] = []
        for word in self.content(words):
            found: dict[int, float] = {}
            exact = self.index_of.get(word)
            if exact is not None:
                found[exact] = 1.0
            # "Turkey" is not "Türk" (Turkish), a shorter word of its stem.
            self._forms_and_synonyms(found, word, s.stem_similarity, s.synonym_similarity,
                                     shorter=word not in COUNTRY_NAMES)
            if exact is None:
                # The same word spelt the other side of the Atlantic ("centre", "organisation",
                # "normalize" where the briefing writes "center", "organization", "normalise"),
                # and its forms.
                for variant in other_spellings(word):
                    at = self.index_of.get(variant)
                    if at is not None:
                        found[at] = 1.0
                    self._forms_and_synonyms(found, variant, s.stem_similarity,
                                             s.synonym_similarity)
            if not is_english_word(word) and (exact is not None or is_turkish_word(word)):
                # A Turkish word the briefing has only in another entry's Turkish question
                # ("kuruldu"), or a form of one ("gelişmeleri"): its English too
                # ("establish", "developments"), which the quotes hold.
                for english in (TURKISH_NAMES.get(word) or "").split():
                    self._forms_and_synonyms(found, english, s.translation_similarity,
                                             s.synonym_similarity)
            if exact is None and not word.isdigit():
                # The last part of a compound: "ships" in "warships".
                for other in self.ending_with(word):
                    found.setdefault(other, s.compound_similarity)
                # The same Turkish verb in another tense: "veriliyor" is "verildi".
                for other in self.in_another_tense(word):
                    found.setdefault(other, s.ending_similarity)
                # A known word with an ending added, as Turkish does: "tarihte" is "tarih".
                for cut in range(len(word) - 1, 3, -1):
                    known = self.index_of.get(word[:cut])
                    if known is not None and _read_apart(word, word[:cut]):
                        break  # "katılmış" (joined) is not "katil" (murderer) with an ending
                    if known is not None and len(word) - cut <= 4:
                        if a_form_of(word, cut):
                            found.setdefault(known, s.ending_similarity)
                        break
                # A typo, unless it is a real word the reader meant ("Iraq", "clear").
                for typo, similarity in self.typos.matches(word, limit=3):
                    if may_correct([word], typo):
                        near = s.typo_factor * similarity
                        found.setdefault(self.index_of[typo], near)
                        # ... read as the word is: its forms and synonyms too ("willpng" is
                        # "willing", which is "keen").
                        self._forms_and_synonyms(found, typo, near * s.stem_similarity,
                                                 near * s.synonym_similarity)
            pairs = sorted(found.items(), key=lambda kv: -kv[1])
            matches.append(pairs)
            if pairs:
                weights.append(self.idf[pairs[0][0]])
            elif word.endswith("ly") and len(word) > 5 and is_english_word(word):
                # An adverb the briefing does not have ("seriously", "formally", "initially")
                # says how, not what: it weighs little in what is asked.
                weights.append(self.unknown_weight * s.unknown_adverb)
            else:
                weights.append(self.unknown_weight)
        return weights, matches

    def as_meant(self, text: str) -> str:
        """An English question with each misspelt word written as the word meant, so that
        every rule reads it as written right ("What poisno was used against Navalny?" asks
        for a poison; "Who is Iceland's foreign ministir?" for a minister's office): the
        briefing's word it is a slip of, when it is one and only one; otherwise a frequent
        English word one slip away, unless written as a name ("Lukashenka"), or else any
        English word of the lists one slip away (which also comes before a briefing word two
        slips away: "concude" is "conclude"); a country one slip away, and only one, before
        either ("Molsova": Moldova).

        A real word, a form of one ("patching"), a word of the briefing or a framing word is
        left as it is; so is a slip of as many briefing words as one ("nort": "nord",
        "north"), which the scoring reads as either.
        """
        return _WRITTEN.sub(self._written_as_meant, text)

    def _written_as_meant(self, match: re.Match[str]) -> str:
        written = match.group()
        head, *rest = _APOSTROPHE.split(written, maxsplit=1)  # "Lavrof's": "Lavrof" + "'s"
        word = fold(head)
        if (len(word) < 4 or not word.isalpha() or word in self.index_of or word in STOP_WORDS
                or is_real_word(word) or a_form_of_a_word(word)):
            return written
        typos = {typo: OSA.distance(word, typo) for typo, _ in self.typos.matches(word, limit=3)
                 if may_correct([word], typo)}
        country = _country_meant(word)
        if country is not None and all(typo == country or edits > 1
                                       for typo, edits in typos.items()) \
                and english_word_meant(word) in (None, country):
            # A country one slip away, and only one, is that country, written as a name or
            # not ("Molsova": Moldova, "Afghnistan"), when no word of the briefing nor a
            # frequent one is as near ("togh": "tough", not Togo): the rules read a country the
            # briefing does not name as another subject.
            return _cased(country, head) + "".join(rest)
        closest = [typo for typo, edits in typos.items() if edits == min(typos.values())]
        before = match.string[:match.start()].split()
        # (The question's first word, or its second after a preposition: "In wich year …?")
        opens = not before or (len(before) == 1 and fold(before[0]) in _OPENING_PREPOSITIONS)
        framing = stop_word_meant(word) if opens else None
        english = _listed_word_meant(word) if not typos or min(typos.values()) > 1 else None
        if framing is not None:
            meant: str | None = framing[0]  # "Whete is …?" opens with "where": a place asked
        elif typos and english is not None and not (head[:1].isupper() and match.start() > 0):
            # One slip from an English word of the lists before two from the briefing's:
            # "concude" is "conclude", not the briefing's "collude".
            meant = english
        elif len(closest) == 1:
            meant = closest[0]
        elif typos or self.known(word) or (head[:1].isupper() and match.start() > 0):
            return written
        else:
            meant = english_word_meant(word) or english
        if meant is None:
            return written
        return _cased(meant, head) + "".join(rest)

    def _forms_and_synonyms(self, found: dict[int, float], word: str, as_form: float,
                            as_synonym: float, shorter: bool = True) -> None:
        """Add to `found` the vocabulary words of `word`'s stem (`shorter`: also those shorter
        than it) and of its synonyms' stems, with these similarities unless already there."""
        for other in self.by_stem.get(stem(word), ()):
            if shorter or len(self.words[other]) >= len(word):
                found.setdefault(other, as_form)
        for synonym in self.synonyms.get(stem(word), ()):
            for other in self.by_stem.get(stem(synonym), ()):
                found.setdefault(other, as_synonym)

    def known(self, word: str) -> bool:
        """True when the word is a briefing word or a form or typo of one (or a framing typo)."""
        if word in self.index_of or word in STOP_WORDS:
            return True
        _, matches = self.map_words([word])
        return not matches or bool(matches[0])

    def ending_with(self, word: str, compounds_only: bool = True) -> list[int]:
        """Vocabulary words a little longer than `word` that end with it.

        Only compounds: what comes before is a word too ("war" + "ships"), so "clear" is not
        read as "nuclear"; and no country's name, which is not made of its parts ("land" is
        not "Iceland").
        """
        if len(word) < 4:
            return []
        key = word[::-1]
        found = []
        at = bisect.bisect_left(self.reversed, key)
        while at < len(self.reversed) and self.reversed[at].startswith(key):
            candidate = self.reversed[at][::-1]
            head = candidate[: len(candidate) - len(word)]
            if len(word) < len(candidate) <= len(word) + 4 and (
                not compounds_only or (len(head) >= 3 and is_real_word(head)
                                       and candidate not in COUNTRY_NAMES
                                       and candidate not in PLACE_ALIASES)
            ):
                found.append(self.index_of[candidate])
            at += 1
            if len(found) >= 5:
                break
        return found

    def _form_of_known(self, word: str) -> bool:
        """A Turkish form of a word the briefing has ("tarihte": "tarih", a topic's alias):
        the matcher reads its ending, the general table must not translate it away."""
        for cut in range(len(word) - 1, max(3, len(word) - 5), -1):
            if word[:cut] in self.index_of and a_form_of(word, cut):
                meant, stem_meant = TURKISH_NAMES.get(word), TURKISH_NAMES.get(word[:cut])
                if meant is not None and stem_meant is not None and stem_meant != meant:
                    continue  # "katilmis" (joined) is no form of "katil" (murderer)
                return True
        # A form of a verb whose verbal noun it has ("tirmaninca": "tirmanma").
        return any(base + noun in self.index_of for base in turkish_verb_stems(word)
                   for noun in ("ma", "me"))

    def _discussed(self, word: str | None) -> bool:
        """A word in more entries than there are briefings: a country the briefings discuss,
        not one a briefing lists once ("Oslo" is not a question about the Arctic Council's
        members)."""
        at = self.index_of.get(word) if word is not None else None
        return at is not None and int(self.df[at]) > self.briefings

    def in_english(self, words: list[str], names: Set[str] = frozenset()) -> list[str]:
        """Turkish names the briefing does not know as such, in English ("Kanada": "canada");
        a capital or a people it does not know, as the country it has ("Kyiv": "ukraine"),
        unless the word begins a longer name (`names`: "Minsk Protocol", "Oslo Declaration")
        or names a place rather than a government ("the time in Tokyo", "a trip to Kabul");
        a Turkish word of asking as its English, even when the briefing has it ("ne amaçla":
        "why")."""
        out: list[str] = []
        for pos, word in enumerate(words):
            if word in STOP_WORDS:
                out.append(word)
            elif word in self.index_of:
                english = TURKISH_NAMES.get(word)
                if english in _ASKING and not is_english_word(word):
                    # "arasındaki" (between), "ne amaçla" (why): a Turkish word that asks, or
                    # says as little as its English would, is framing as that is; that other
                    # entries' Turkish questions hold it makes it no subject.
                    out.extend(english.split())
                else:
                    out.append(word)
            elif not self._form_of_known(word) and word in TURKISH_NAMES:
                out.extend(TURKISH_NAMES[word].split())
            elif (self._discussed(PLACE_ALIASES.get(word))
                  and not (pos and words[pos - 1] in LOCATIVE)
                  and not (word in names and words[pos + 1 : pos + 2]
                           and words[pos + 1] in names)):
                out.append(PLACE_ALIASES[word])
            else:
                out.append(word)
        return out
