"""Every weight and threshold of the matcher, in one place; docs/matcher.md says why each is so.

The values were calibrated by hand on the project's own question sets (tests/data: dev,
false-friends dev, Turkish; the holdout and the blind set only checked), one change at a time,
and are kept as found: a change here is a change of behaviour, to be evaluated as
docs/matcher.md describes before it is made.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MatcherSettings:
    """The matcher's numbers. Scores are sums of weighted parts, each part in [0, 1]."""

    # ---- how many
    top: int = 3  # answers given by default
    candidates: int = 40  # entries re-ranked against their alternate questions
    suggestions: int = 5  # questions suggested when declining

    # ---- the decision
    threshold: float = 0.40  # an answer scoring below this is never given
    min_coverage: float = 0.5  # decline when less of the question's weight is known
    # An answer whose document lacks this share of the question's weight is about something
    # else ("Where was Blinken born?" is not answered by where Blinken met Lavrov). A word
    # the briefing does not know at all counts `unmatched_unknown` of its weight: it may be
    # a reader's own word for what the entry says.
    max_unmatched: float = 0.5
    unmatched_unknown: float = 0.5
    # An English adverb in -ly the briefing does not know ("suddenly", "seriously") says how,
    # not what: it weighs this share of an unknown word in what is asked.
    unknown_adverb: float = 0.2
    # When the best matches each lack part of what was asked (none lacks a word it must
    # hold), the next one holding all of it answers, past at most this many set aside.
    max_set_aside: int = 5
    # A best answer scoring under `undecided_score`, lacking at least `undecided_unmatched` of
    # the question, with another passage within `undecided_margin` of it, is a guess: declined.
    undecided_score: float = 0.6
    undecided_unmatched: float = 0.25
    undecided_margin: float = 0.01
    # A best match lacking at least `whole_unmatched` of the question (not a word it must
    # hold) comes after a passage holding all of it that fits what is asked and scores within
    # `whole_margin` of it ("What if the leaders make escalating statements at their
    # meeting?": Başbuğ's "if both sides make statements that escalate the tension", not
    # Öymen's passage on the ministers' statements).
    whole_unmatched: float = 0.4
    whole_margin: float = 0.2
    # A time asked is read in the sentences holding the question's words whose weight
    # (inverse document frequency) is at least this: the rare ones, not "Biden" or "Russia".
    focus_idf: float = 3.0
    full_coverage: float = 0.85  # coverage at which scores are no longer scaled down
    # A name asked: a passage naming something comes first when within this of the best.
    name_margin: float = 0.2
    # A time asked ("When did …?"): a passage dating it (a year, a month) comes first when
    # within this of a best one that says only "recent" or "now".
    dated_margin: float = 0.3
    duplicate_text: float = 90.0  # token_set_ratio at which two answers say the same thing

    # ---- how a question word stands for a briefing word (similarity of the match)
    stem_similarity: float = 0.9  # same light stem ("sanctions", "sanction")
    synonym_similarity: float = 0.75  # a word of the same synonym group ("ties", "relations")
    compound_similarity: float = 0.8  # the last part of a compound ("ships" in "warships")
    translation_similarity: float = 0.9  # the English of a Turkish word the briefing has
    ending_similarity: float = 0.85  # a known word with an ending ("tarihte", "tarih")
    typo_factor: float = 0.9  # times the typo's own similarity (1 - edits / length)
    alias_typo_strength: float = 0.9  # an expert or topic named with a typo or split/joined
    # A question word matching a briefing word at least this well (a form, an ending, a
    # translation; not a synonym nor most typos) is compared with the alternate questions as
    # that word: "cooperating" as "cooperate".
    read_similarity: float = 0.85

    # ---- word weights
    idf_smoothing: float = 0.5  # idf = log((entries + 1) / (df + smoothing))
    topic_floor: float = 0.1  # added to a topic group's weight log((n + 1) / (size + 1))

    # ---- the parts of an entry's score
    w_lexical: float = 0.25  # share of the question's weight in the entry's whole document
    w_quote: float = 0.20  # ... in the quote (or note) alone: the words said count more
    w_question: float = 0.35  # closeness to the nearest alternate question (rapidfuzz)
    w_topic: float = 0.30  # topics named in the question that the entry is filed under
    w_phrase: float = 0.15  # share of the question's word pairs found verbatim in the text

    # ---- who is asked about
    expert_bonus: float = 0.15  # added to the named expert's entries
    other_expert_factor: float = 0.35  # another expert's entries, when one is named
    context_when_expert_factor: float = 0.5  # context notes, when an expert is named
    profile_factor: float = 0.6  # a profile, when the question is not "who is"
    reported_factor: float = 0.85  # what the briefing reports an expert said: after their words
    # A question about one of the two parties ("Does the US want …?"): a passage naming only
    # the other one ("Russia will not hesitate …") is scaled by this.
    other_side_factor: float = 0.9
    # A question asked as to come ("What will the US try to do in the Arctic?"): a passage
    # that tells nothing as to come (no "will") is scaled by this.
    tense_factor: float = 0.95
    # A "why" question: a passage giving no cause ("because", "therefore", …) is scaled by this.
    cause_factor: float = 0.96

    # "What do the experts say about …?": another expert's best answer comes before the best
    # expert's next ones when it scores at least this share of the best answer
    panel_share: float = 0.75

    # ---- a question that only names an expert: their positions in order
    name_only_base: float = 0.6
    name_only_headline: float = 0.05  # the headline quote first
    broad_headline: float = 0.05  # ... and on a subject, when only it and the expert are named
    name_only_order: float = 0.02  # then in knowledge-base order (spread over [0, 0.02))
    name_only_profile_asked: float = 0.1  # the profile, for "who is"
    name_only_profile_not_asked: float = -0.06  # ... else after the positions


DEFAULT_SETTINGS = MatcherSettings()
