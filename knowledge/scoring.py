"""Scoring and ranking: every entry at once through numpy, then the best re-ranked.

An entry's score (docs/matcher.md) is, for a question with content words,

    (w_lexical * lexical + w_quote * in_quote + w_topic * topic
     + w_question * closeness + w_phrase * phrases) * factor + bonus

where `lexical` and `in_quote` are the share of the question's weight (idf) found in the
entry's document and in its quote alone (the best similarity per question word, through the
postings), `topic` the named topic groups it is filed under (specific ones weighing more), and
only for the `candidates` best so far: `closeness` the rapidfuzz similarity to its nearest
alternate question and `phrases` the share of the question's word pairs found in its text.
`factor` scales down partly understood questions, other experts' entries when one is named and
profiles for topical questions; `bonus` lifts the named expert's entries. The weights are in
MatcherSettings.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from knowledge.decision import asked_kind
from knowledge.index import Index, Rows
from knowledge.names import Found
from knowledge.settings import MatcherSettings

# Words of questions about a person's career: said of a named expert, the profile answers.
CAREER_WORDS = frozenset(
    "background biography bio profile job occupation profession professional professionally "
    "career living affiliation affiliated affiliations employer credentials qualifications "
    "expertise specialty speciality specialization field title meslegi mesleki kariyeri "
    "ozgecmisi ozgecmis meslek unvan unvani gorevi gorevli uzmanlik uzmanligi alani isi "
    "calisiyor calistigi kurumu".split())
PROFILE_WORDS = frozenset({"who", "kim", "kimdir"}) | CAREER_WORDS

# How many entries' texts the scorer keeps decoded (3,000 entries, about 30,000 alternate
# questions: a few MB).
DECODED_KEPT = 3_000


class _Decoded(NamedTuple):
    """An entry's texts as the re-rank reads them."""

    asked: list[str]  # its alternate questions
    ordered: list[str]  # each of them with its words sorted
    text: str  # its folded document text


def _sorted_words(text: str) -> str:
    """The text's words in sorted order: `fuzz.ratio` of two such is `fuzz.token_sort_ratio`."""
    return " ".join(sorted(text.split()))


# The Turkish question particle, as "is … ?" or "was … ?" ("Öymen büyükelçi miydi?").
TURKISH_BEING = frozenset("mi mu midir mudur miydi muydu miymis muymus".split())


def asks_what_they_are(words: list[str]) -> bool:
    """A yes-or-no question of being ("Is Berktay a journalist?", "Öymen büyükelçi mi?")."""
    return words[:1] in (["is"], ["was"]) or (bool(words[-1:]) and words[-1] in TURKISH_BEING)


# Words asking for a reason: "why", and the Turkish "neden", "niye", "niçin".
WHY_WORDS = frozenset({"why", "neden", "niye", "nicin"})


class Scorer:
    """Scores every entry for a question and re-ranks the best candidates."""

    def __init__(self, index: Index, group_weight: list[float], settings: MatcherSettings) -> None:
        self.index = index
        self.settings = settings
        self.entries = len(index.entry_expert)
        self.entry_expert = index.entry_expert
        self.entry_profile = index.entry_profile
        # Reported: an expert's entry that is not their quote nor their profile.
        self.entry_reported = ((index.entry_expert >= 0) & ~np.asarray(index.entry_is_quote, bool)
                               & ~np.asarray(index.entry_profile, bool))
        self.entry_key = index.entry_key
        self.group_entries = index.group_entries
        self.group_weight = group_weight
        self.postings = index.postings
        self.quote_postings = index.quote_postings
        self.question_texts = index.question_texts
        self.question_entry = index.question_entry
        self.folded_texts = index.folded_texts
        self._decoded: dict[int, _Decoded] = {}
        self._duplicates: dict[tuple[int, int], bool] = {}  # near_duplicate's answers

    def score(
        self,
        found: Found,
        rest: list[str],
        weights: list[float],
        matches: list[list[tuple[int, float]]],
        coverage: float,
        restrict: int | None,
        words: list[str],
        count: int,
        read: list[str] | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The best candidate entries, best first, and their scores. `read`: the question's
        words as the briefing writes them, compared with the alternate questions (`rest`
        when not given)."""
        # "Is Berktay a journalist?", "Öymen büyükelçi mi?": nothing asked but whether the
        # expert is what the question calls them, which their profile says.
        wants_profile = (any(w in PROFILE_WORDS for w in words)
                         or asked_kind(words) == "workplace"
                         or (not weights and asks_what_they_are(words)))
        base = self._base(found, weights, matches, wants_profile)
        factor, bonus = self._who(found, weights, coverage, restrict, wants_profile)
        candidates = best(base * factor + bonus, count)
        if not weights:
            return candidates, (base * factor + bonus)[candidates]
        raw = base[candidates].copy()
        self._rerank(candidates, rest if read is None else read, raw)
        if (found.experts and found.topics and not WHY_WORDS & set(words)
                and set(rest) <= {words[i] for i in found.topic_used}):
            # Only an expert and a subject ("Başbuğ Arktik hakkında ne dedi?"): the expert's
            # headline quote on it comes first, as it does for the expert named alone. Not
            # when a reason is asked ("Başbuğ Arktik neden önemli diyor?"): that is a point.
            named = np.isin(self.entry_expert[candidates], list(found.experts))
            on_it = self.topics(found, self.entries)[candidates] > 0
            bonus = bonus.copy()
            bonus[candidates[named & on_it & (self.entry_key[candidates] > 0)]] += (
                self.settings.broad_headline)
        final = raw * factor[candidates] + bonus[candidates]
        order = np.argsort(-final, kind="stable")
        return candidates[order], final[order]

    def _base(
        self,
        found: Found,
        weights: list[float],
        matches: list[list[tuple[int, float]]],
        wants_profile: bool,
    ) -> np.ndarray:
        """What the question's words (or, with none, the names alone) say about every entry."""
        n = self.entries
        s = self.settings
        if weights:
            lexical = self.lexical(self.postings, weights, matches)
            in_quote = self.lexical(self.quote_postings, weights, matches)
            topic = self.topics(found, n)
            base: np.ndarray = s.w_lexical * lexical + s.w_quote * in_quote + s.w_topic * topic
            return base
        if found.experts:
            # Only names: an expert's positions in order (headline first).
            base = (s.name_only_base + s.name_only_headline * self.entry_key
                    + s.name_only_order * (1 - np.arange(n) / n))
            lift = s.name_only_profile_asked if wants_profile else s.name_only_profile_not_asked
            return base + np.where(self.entry_profile, lift, 0.0)
        return np.zeros(n)

    def _who(
        self,
        found: Found,
        weights: list[float],
        coverage: float,
        restrict: int | None,
        wants_profile: bool,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Who is asked about, and how much of the question is known: factor and bonus."""
        n = self.entries
        s = self.settings
        factor = np.full(n, min(1.0, coverage / s.full_coverage) if weights else 1.0)
        bonus = np.zeros(n)
        if weights and not wants_profile:
            # A profile describes the expert; it answers "who is", not a topical question.
            factor[self.entry_profile] *= s.profile_factor
        # The experts' own words before what the briefing reports they said ("Başbuğ recalled
        # that the Arctic Council was established in 1996"), the same words asked.
        factor[self.entry_reported] *= s.reported_factor
        if found.experts:
            named = np.isin(self.entry_expert, list(found.experts))
            bonus[named] = s.expert_bonus
            factor[(~named) & (self.entry_expert >= 0)] *= s.other_expert_factor
            factor[self.entry_expert < 0] *= s.context_when_expert_factor
        if restrict is not None:
            factor[self.entry_expert != restrict] = 0.0
        return factor, bonus

    def _rerank(self, candidates: np.ndarray, rest: list[str], raw: np.ndarray) -> None:
        """Add to each candidate's score its closeness to its alternate questions and the
        phrases of the question found verbatim in its text, weighted."""
        s = self.settings
        kept = [self._kept(c) for c in candidates.tolist()]
        choices = [q for k in kept for q in k.asked]
        if choices:
            query = " ".join(rest)
            sims = process.cdist([query], choices, scorer=fuzz.token_set_ratio)[0]
            # token_sort_ratio, its sorting of the alternate questions done once per entry.
            sims += process.cdist([_sorted_words(query)], [q for k in kept for q in k.ordered],
                                  scorer=fuzz.ratio)[0]
            # The best of each candidate's questions (they come in runs, candidate by candidate).
            lengths = np.array([len(k.asked) for k in kept])
            some = lengths > 0
            closeness = np.zeros(len(candidates))
            closeness[some] = np.maximum.reduceat(sims, (np.cumsum(lengths) - lengths)[some]) / 200
            raw += s.w_question * closeness
        pairs = [f"{a} {b}" for a, b in itertools.pairwise(rest)]
        if pairs:
            for k, entry in enumerate(kept):
                raw[k] += s.w_phrase * sum(p in entry.text for p in pairs) / len(pairs)

    def _kept(self, entry: int) -> _Decoded:
        """`entry`'s texts, decoded. Kept for at most `DECODED_KEPT` entries (then forgotten
        all at once), since the same entries come back as candidates question after question."""
        found = self._decoded.get(entry)
        if found is None:
            if len(self._decoded) >= DECODED_KEPT:
                self._decoded.clear()
            asked = [self.question_texts[i] for i in self.index.questions_of(entry)]
            found = self._decoded[entry] = _Decoded(
                asked, [_sorted_words(q) for q in asked], self.folded_texts[entry])
        return found

    def topics(self, found: Found, n: int) -> np.ndarray:
        """Topics named in the question, the specific ones (few entries) counting most."""
        topic_score = np.zeros(n)
        groups = {g: strength * self.group_weight[g] for g, strength in found.topics.items()}
        if groups:
            for group, weight in groups.items():
                topic_score[self.group_entries[group]] += weight
            topic_score /= max(groups.values())
        return topic_score

    def lexical(
        self,
        postings: Rows,
        weights: list[float],
        matches: list[list[tuple[int, float]]],
    ) -> np.ndarray:
        """Share of the question's weight found in each entry (best similarity per word)."""
        n = self.entries
        total = sum(weights)
        lexical = np.zeros(n)
        for weight, pairs in zip(weights, matches, strict=True):
            strongest = np.zeros(n)
            for index, similarity in pairs:
                posting = postings[index]
                strongest[posting] = np.maximum(strongest[posting], similarity)
            lexical += weight * strongest
        return lexical / total if total else lexical

    def unmatched(self, entry: int, weights: list[float],
                  matches: list[list[tuple[int, float]]],
                  mark: Callable[[int], str] | None = None) -> float:
        """Share of the question's weight that `entry`'s document does not hold: a word with
        no match in it, a word unknown to the briefing counting `unmatched_unknown`.

        `mark(k)` says, for a missing word of a Turkish question, "ending" for a word of no
        language (an ending not read: it counts nothing) and "turkish" for a Turkish word the
        tables cannot put in English (it counts as an unknown word does); it is asked only of
        missing words.
        """
        total = sum(weights)
        if not total:
            return 0.0
        unknown = self.settings.unmatched_unknown
        missing = 0.0
        for k, (weight, pairs) in enumerate(zip(weights, matches, strict=True)):
            if pairs and any(_holds(self.postings[index], entry) for index, _ in pairs):
                continue
            kind = mark(k) if mark is not None else ""
            if kind == "ending":
                continue
            missing += weight * (unknown if not pairs or kind == "turkish" else 1.0)
        return missing / total

    def holds_all(self, entry: int, words: list[list[tuple[int, float]]],
                  in_text: bool = False) -> bool:
        """Does `entry`'s document (`in_text`: its quote or note alone) hold each of these
        words (one of its matches)?"""
        postings = self.quote_postings if in_text else self.postings
        return all(any(_holds(postings[index], entry) for index, _ in pairs)
                   for pairs in words)

    def near_duplicate(self, i: int, j: int) -> bool:
        """Two entries saying nearly the same words: only the better one is shown."""
        pair = (i, j) if i < j else (j, i)
        similar = self._duplicates.get(pair)
        if similar is None:
            if len(self._duplicates) >= DECODED_KEPT:
                self._duplicates.clear()
            similarity = fuzz.token_set_ratio(self._kept(i).text, self._kept(j).text)
            similar = self._duplicates[pair] = similarity >= self.settings.duplicate_text
        return similar


def _holds(posting: np.ndarray, entry: int) -> bool:
    """Is `entry` in a posting list (sorted entry numbers)?"""
    at = int(np.searchsorted(posting, entry))
    return at < len(posting) and int(posting[at]) == entry


def best(scores: np.ndarray, count: int) -> np.ndarray:
    """Indices of the `count` highest positive scores, best first; ties keep entry order.

    Scores hold many ties (zeros, equal topic scores), which make `np.partition` slow, so the
    cut-off comes from a plain sort of the positive scores instead.
    """
    pool = np.flatnonzero(scores > 0)
    if len(pool) > count:
        cut = np.sort(scores[pool])[-count]
        pool = pool[scores[pool] >= cut]
    return pool[np.argsort(-scores[pool], kind="stable")][:count]
