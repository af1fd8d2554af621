"""Matcher behaviour: who and what is asked, typos, diacritics, declines, diversity."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from knowledge import KnowledgeBase, Matcher
from knowledge.decision import asked_kind, gives
from knowledge.matcher import _how_important, _instances_asked, _only_the_kind, event_places
from knowledge.names import Found
from knowledge.normalize import (
    STOP_WORDS,
    fold,
    in_one_word,
    occasion_places,
    stem,
    subject_last,
    tokens,
    without_courtesy,
    without_framing,
)
from knowledge.words import may_correct, other_spellings, stop_word_meant, transposed, typo_of
from tests.evalset import score, top

HERE = Path(__file__).parent
DEV = HERE / "data" / "dev.yaml"
FALSE_FRIENDS = HERE / "data" / "false-friends-dev.yaml"


def test_fold_handles_turkish_letters_and_marks() -> None:
    assert fold("Başbuğ’un İZMİR ılık Öymen ÇĞ") == "basbug'un izmir ilik oymen cg"
    # An ending after an apostrophe is not a word of its own: "Öymen'in" is Öymen.
    assert tokens("Öymen'in Kırım'ı görüşü") == ["oymen", "kirim", "gorusu"]
    assert tokens("Russia's don't") == ["russia", "don"]


def test_stem_relates_word_forms() -> None:
    assert stem("valuable") == stem("value")
    assert stem("sanctions") == stem("sanctioned")
    assert stem("strategically") == stem("strategies")
    assert stem("cooperating") == stem("cooperate") == stem("cooperated")
    assert stem("sent") == stem("send") and stem("built") == stem("building")
    assert stem("went") == stem("go")


def test_stem_keeps_unrelated_words_apart() -> None:
    # Cut down by the suffixes, these would share a stem with another word's, and so its
    # synonyms: "implement" with "implications" (effects), "norms" with "normalization",
    # "probe" with "probable".
    assert stem("implemented") == stem("implementation") == stem("implement")
    assert stem("implement") != stem("implications")
    assert stem("norms") != stem("normalization")
    assert stem("probe") == stem("probing") != stem("probable")
    # "states" (countries) is no form of "statements": statements are not countries.
    assert stem("states") != stem("statements")


def test_statements_are_no_countries_and_states_are_still_counted(matcher: Matcher) -> None:
    answers = matcher.match(
        "What if the two leaders make provocative statements at their meeting?").answers
    assert answers and answers[0].entry.id == "basbug-leaders-meeting"
    answers = matcher.match("How many member states are in the Arctic Council?").answers
    assert answers and "eight states" in answers[0].entry.text


@pytest.mark.parametrize(
    ("word", "target", "distance", "expected"),
    [("krimea", "crimea", 1, True), ("reykjavic", "reykjavik", 1, True),
     ("nordstrem", "nordstream", 1, True), ("moscwo", "moscow", 2, False),
     ("prices", "process", 2, False), ("berkaty", "berktay", 2, True)],
)
def test_typo_model(word: str, target: str, distance: int, expected: bool) -> None:
    assert typo_of(word, target, distance) is expected


@pytest.mark.parametrize(
    ("question", "expert", "needle"),
    [
        ("What did Başbuğ say about the Arctic Council?", "basbug", "arctic five"),
        ("basbug arctic council", "basbug", "arctic five"),
        ("the colonel on Alaska", "basbug", "alaska"),
        ("oymen crimea", "oymen", "crimea"),
        ("what does the ambassador make of syria", "oymen", "syria"),
        ("nord strem", "berktay", "nord stream"),
        ("berktay nordstream", "berktay", "nord stream"),
        ("Berktay on Navalny", "berktay", "navalni"),
        ("ozan north korea", "ozan", "north korea"),
        ("Prof. Dilek on the reset policy", "dilek", "reset"),
        ("the professor on Russia investigation", "dilek", "russia investigation"),
        ("Öymen Kırım hakkında ne dedi?", "oymen", "crimea"),
        ("Ozan Çin hakkında ne söyledi?", "ozan", "china"),
    ],
)
def test_expert_and_topic(matcher: Matcher, question: str, expert: str, needle: str) -> None:
    answer = matcher.match(question).answers[0]
    assert answer.entry.expert is not None and answer.entry.expert.id == expert
    assert needle in fold(answer.entry.text)


@pytest.mark.parametrize("name", ["Öymen", "oymen", "Onur Oymen", "the ambassador"])
def test_a_name_alone_answers_with_that_experts_positions(matcher: Matcher, name: str) -> None:
    result = matcher.match(name)
    assert len(result.answers) == 3
    assert all(a.entry.expert and a.entry.expert.id == "oymen" for a in result.answers)
    assert result.answers[0].entry.key  # the headline position comes first


def test_who_is_gives_the_profile(matcher: Matcher) -> None:
    answer = matcher.match("Who is Coskun Basbug?").answers[0]
    assert answer.entry.profile and answer.entry.expert and answer.entry.expert.id == "basbug"


def test_turkish_endings_on_known_words(matcher: Matcher) -> None:
    answer = matcher.match("Görüşme hangi tarihte oldu?").answers[0]
    assert "may 20, 2021" in fold(answer.entry.text)


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("When did the two ministers meet?", "may 20, 2021"),
        ("where were the talks held", "reykjavik"),
        ("Who published this?", "ankara center for crisis"),
        ("Who compiled it?", "eletek"),
    ],
)
def test_context_questions(matcher: Matcher, question: str, needle: str) -> None:
    answer = matcher.match(question).answers[0]
    assert needle in fold(answer.entry.text)


@pytest.mark.parametrize(
    "question",
    [
        "What's the weather in Ankara?",
        "hello",
        "thanks!",
        "asdf",
        "zzzz qqqq",
        "How do I reset my password?",
        "What did Angela Merkel say about the meeting?",
        "How cold does it get in the Arctic in winter?",
        "What will happen to oil prices?",
        "Best football team in Istanbul?",
        "",
        "???",
        "<script>alert(1)</script>",
    ],
)
def test_out_of_scope_is_declined(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).declined


def test_decline_for_known_expert_suggests_their_positions(matcher: Matcher) -> None:
    result = matcher.match("What did Başbuğ say about football?")
    assert result.declined
    assert result.suggestions


def test_answers_are_few_and_diverse(matcher: Matcher) -> None:
    for question in ("Arctic", "sanctions", "What do the experts think of the tension?"):
        result = matcher.match(question)
        assert 1 <= len(result.answers) <= 3
        texts = [a.entry.text for a in result.answers]
        assert len(set(texts)) == len(texts)
        scores = [a.score for a in result.answers]
        assert scores == sorted(scores, reverse=True)


def test_top_and_expert_restriction(matcher: Matcher) -> None:
    assert len(matcher.match("the Arctic", top=5).answers) == 5
    result = matcher.match("the Arctic", expert_id="oymen")
    assert result.answers and all(a.entry.expert.id == "oymen" for a in result.answers)


def test_find_expert_is_fuzzy(matcher: Matcher) -> None:
    for name, expected in [("basbug", "basbug"), ("Öymen", "oymen"), ("berktai", "berktay"),
                           ("the journalist", "berktay"), ("Mehmet Sait Dilek", "dilek")]:
        found = matcher.find_expert(name)
        assert found is not None and found.id == expected, name
    assert matcher.find_expert("Angela Merkel") is None


def test_holdout_questions(matcher: Matcher) -> None:
    """An independent question set written from the source alone (tests/data/holdout.yaml)."""
    result = score(matcher, HERE / "data" / "holdout.yaml")
    assert result.hit1 >= 0.85, result.failures
    assert result.hit3 >= 0.93, result.failures
    assert result.declined == 1.0, result.failures
    assert result.wrong1 <= 0.07, result.failures


def test_dev_questions(matcher: Matcher) -> None:
    result = score(matcher, DEV)
    assert result.hit1 >= 0.95, result.failures
    assert result.hit3 == 1.0, result.failures
    assert result.declined == 1.0, result.failures
    assert result.wrong1 <= 0.03, result.failures


@pytest.mark.parametrize(
    ("question", "suggested"),
    [("What did Öymen say about Nord Stream?", "nord stream"),
     ("What did Berktay say about the Arctic?", "arctic")],
)
def test_expert_silent_on_a_subject_is_declined_with_who_does(
    matcher: Matcher, question: str, suggested: str
) -> None:
    result = matcher.match(question)
    assert result.declined
    assert suggested in fold(result.suggestions[0])


@pytest.mark.parametrize(
    "question",
    ["What did Başbuğ say about the Iran nuclear negotiations?",
     "Dilek's opinion on North Korea's nuclear weapons?",
     "Dilek, Çin'in Arktik'teki planları hakkında ne söylüyor?"],
)
def test_expert_silent_on_a_country_is_declined_whatever_else_is_asked(
    matcher: Matcher, question: str
) -> None:
    # He speaks of talks, nuclear powers or the Arctic, but never of this country: a quote
    # of his would be about something else.
    assert matcher.match(question).declined


@pytest.mark.parametrize(
    "question",
    ["What does Öymen say about melting Arctic ice?",
     "What did Ozan say about Biden calling Putin a killer?",
     "What does Dilek think about the melting glaciers?",
     # A topic's alias is no word of every passage filed under it: the "murderer" remark is
     # Berktay's passage's, not the Biden-policy topic's.
     "What did Dilek say about Biden calling Putin a murderer?"],
)
def test_expert_silent_on_a_word_of_the_subject_is_declined(matcher: Matcher,
                                                            question: str) -> None:
    # The briefing knows the word (Başbuğ speaks of melting ice, Berktay of the "murderer"
    # remark), but none of this expert's passages holds it: his Arctic passage is not on ice.
    assert matcher.match(question).declined, matcher.match(question).answers[0].entry.id


@pytest.mark.parametrize(
    ("question", "expert"),
    [("What does Başbuğ say about melting Arctic ice?", "basbug"),
     ("What did Berktay say about Biden calling Putin a killer?", "berktay"),
     ("What does Öymen say about the Arctic?", "oymen")],
)
def test_expert_who_holds_the_word_still_answers(matcher: Matcher, question: str,
                                                 expert: str) -> None:
    answer = matcher.match(question).answers[0]
    assert answer.entry.expert is not None and answer.entry.expert.id == expert


def test_expert_who_speaks_of_the_country_still_answers(matcher: Matcher) -> None:
    answer = matcher.match("What did Başbuğ say about China in the Arctic?").answers[0]
    assert answer.entry.expert is not None and answer.entry.expert.id == "basbug"
    assert "china" in fold(answer.entry.text)


def test_a_title_written_as_a_name_names_the_expert(matcher: Matcher) -> None:
    # "Eastern" before "Europe" is written like a first name, but it is a word of Berktay's
    # title: he is asked about, and "Europe" is not a subject his answer must hold.
    result = matcher.match(
        "How did the Eastern Europe expert describe the atmosphere of the meeting?")
    assert [e.id for e in result.experts] == ["berktay"]
    assert result.answers[0].entry.id == "berktay-constructive-atmosphere"


def test_expert_who_mentions_a_subject_in_passing_still_answers(matcher: Matcher) -> None:
    answer = matcher.match("What did Dilek say about the Arctic?").answers[0]
    assert answer.entry.expert is not None and answer.entry.expert.id == "dilek"
    assert "arctic" in fold(answer.entry.text)


# ----------------------------------------------------------------- false friends
# A quote about something else is the worst answer: each class below once answered with one.


@pytest.mark.parametrize(
    ("question", "hint"),
    [
        ("Iraq", "The briefing speaks about Iran, not Iraq."),
        ("What did Ozan say about Iraq?", "Ozan speaks about Iran, not Iraq."),
        ("What does Başbuğ think about Austria?", None),
        ("Australia", None),
        # A near-spelling is hinted at only when it is a name: "nuclear, not clear" would
        # read as a riddle.
        ("clear", "The briefing does not mention clear."),
        ("crime in Russia", "The briefing speaks about Crimea, not crime."),
        ("crime", None),
        # Nor a country's name ending with the word: "Iceland, not land" is a riddle too.
        ("land", "The briefing does not mention land."),
        ("trumpet", None),
        ("What is unclear?", None),
        ("Prussia", None),
        # Nor are they forms of a shorter word by a light stem: "Nordic" is not "Nord" Stream.
        ("nordic", None),
        ("What did the experts say about the Nordic countries?",
         "The briefing does not mention Nordic."),
        # A name with another number than the briefing writes: Nord Stream-2 is not 1.
        ("Did the US sanction Nord Stream 1?", "The briefing does not mention Nord Stream 1."),
        ("nord stream 1", "The briefing does not mention Nord Stream 1."),
        ("What did Berktay say about the first Nord Stream pipeline?",
         "Berktay does not speak about Nord Stream 1 in this briefing."),  # first: 1
        # An expert's surname after another first name is a namesake, not the expert.
        ("What did İlker Başbuğ say about the Arctic?",
         "The briefing does not mention İlker Başbuğ."),
        ("Altan Öymen Kırım hakkında ne dedi?", "The briefing does not mention Altan Öymen."),
        # A Turkish question of someone's words opens with its speaker: one never mentioned.
        ("Macron Arktik hakkında ne dedi?", "The briefing does not mention Macron."),
    ],
)
def test_real_words_are_not_typos_of_briefing_words(
    matcher: Matcher, question: str, hint: str | None
) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id
    if hint is not None:
        assert result.hint == hint


def test_a_declined_false_friend_suggests_what_the_expert_does_say(matcher: Matcher) -> None:
    result = matcher.match("What did Ozan say about Iraq?")
    assert result.suggestions and "iran" in fold(result.suggestions[0])


@pytest.mark.parametrize(
    ("word", "target", "expected"),
    [("iraq", "iran", False), ("austria", "australia", False), ("crime", "crimea", False),
     ("america", "american", True), ("krimea", "crimea", True), ("irann", "iran", True),
     ("reykjavic", "reykjavik", True)],
)
def test_only_misspellings_and_word_forms_are_corrected(
    word: str, target: str, expected: bool
) -> None:
    assert may_correct([word], target) is expected


@pytest.mark.parametrize(
    "question",
    ["2024", "What happened in the 2024 election?", "What did Dilek say about 2008?",
     "What did Başbuğ predict for 2022?", "What happened in 1997?", "Alaska in 1866"],
)
def test_numbers_and_years_are_never_corrected(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize(
    ("question", "needle"),
    [("Why did relations get worse after 2014?", "crimea"),
     ("What did Dilek say about the 2016 elections?", "2016"),
     ("When did the US buy Alaska?", "1867")],
)
def test_numbers_the_briefing_has_still_answer(
    matcher: Matcher, question: str, needle: str
) -> None:
    assert needle in fold(matcher.match(question).answers[0].entry.text)


@pytest.mark.parametrize(
    ("question", "hint"),
    [
        ("What did Ozan say about Venezuela?", "Ozan does not speak about Venezuela"),
        ("What does Başbuğ think about Taiwan?", "Başbuğ does not speak about Taiwan"),
        ("Öymen on NATO enlargement", "Öymen does not speak about NATO"),
        ("What does Öymen think about Libya and Russia?", "Öymen does not speak about Libya"),
        ("What did the colonel say about Greenland?", "Başbuğ does not speak about Greenland"),
        ("Tell me about Georgia and the Black Sea", "The briefing does not mention Georgia"),
    ],
)
def test_unknown_named_subjects_are_declined(matcher: Matcher, question: str, hint: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id
    assert result.hint.startswith(hint)


@pytest.mark.parametrize(
    "question",
    ["What is Blinken's first name?", "How old is Lavrov?", "How deep is the Black Sea?",
     "How big is Alaska?", "How many people live in Alaska?",
     # A route Başbuğ never names: his "alternative routes to the aforementioned sea routes"
     # are no "northern route" (no topic alias names it).
     "Is the northern route open all year?",
     # A personal fact: the languages one speaks (not the "language" of rhetoric), a
     # supervisor.
     "Which languages does Onur Öymen speak?", "Who is Özge Eletek's master's supervisor?",
     # ... not told by "the language" of rhetoric, a word of the same stem (`OTHER_SENSE`).
     "What languages does Emre Ozan speak?",
     # Family: the biography tells where Eletek was born and studied, not of her siblings.
     "does özge eletek have any siblings?", "Özge Eletek'in kardeşi var mı?",
     "who are ozge eletek's parents", "Özge Eletek'in annesi kim?",
     "what was eletek's gpa when she graduated",
     # ... a language spoken, named ("Russian": not "the Russian side").
     "Does Özge Eletek speak Russian?",
     # An institution's money: no passage tells who funds ANKASAM or Nord Stream 2.
     "Is ANKASAM funded by the Turkish government?", "Who financed Nord Stream 2?",
     # A predecessor: the introduction names the ministers, not who held the office before.
     "Who was the US foreign minister before Antony Blinken?",
     "Lavrov'dan önce Rusya dışişleri bakanı kimdi?",
     # "How long is …" asks a length, which the briefing never gives.
     "How long is the Northern Sea Route?", "how long are the nord stream pipelines",
     # "How long has …" asks a length of time: a date is none, nor "long" as an adjective
     # (Dilek's "a long and sincere dialogue process").
     "How long has Lavrov been Russia's foreign minister?",
     "How long did the Blinken–Lavrov talks in Iceland last?",
     # ... as a "duration" asks it.
     "Blinken Lavrov talks duration", "duration of the blinken lavrov meeting",
     # A task, not a question on the briefing: the bot translates nothing.
     "Translate 'good morning' into Japanese.", "Please translate Ozan's quote into Turkish",
     "Başbuğ'un Arktik sözünü İngilizceye çevir",
     # An outcome asked in the past: a passage foreseeing the event does not tell it.
     "What was agreed at the Biden-Putin summit in June 2021?",
     "What agreements came out of the Biden-Putin summit in June 2021?",  # "came": the past
     "What did the Mueller report conclude?", "Haziran zirvesinde hangi kararlar alındı?",
     # "Which N VERB …?" asks who did a deed, as "Who VERB …?" does: only a passage telling
     # the deed answers ("… chair after Iceland" is not the Council's members).
     "Which firm built Nord Stream 2?",
     "Which nation took over the chairmanship of the Arctic Council from Iceland?",
     # "Which journalist …?" asks a person, as "Which president …?" does: Berktay names no
     # interviewer.
     "Which reporter was interviewing Biden when he called Putin a killer?",
     # A post held by the person asked of, which a passage naming them in another way (the
     # "Blinken-Lavrov meeting"), or naming another's post ("President Barack Obama"), does
     # not give.
     "What post did Blinken hold under President Obama?",
     "What job did Antony Blinken have in the Obama years?",
     # A time asked exactly ("what exact date") is a time asked.
     "On what precise date did American soldiers leave Afghanistan?",
     # Names the briefing never writes, however near its subjects (Iran's talks, Syria).
     "What does Ozan think about the Taliban?", "What did Öymen say about Assad?",
     "What happened at the Vienna talks?",
     # A city asked, and the passage names none ("planned to be held in June").
     "In which city was the June 2021 Biden-Putin summit held?",
     # An office after the name that holds it: only a passage naming the office answers.
     "Who was Obama's secretary of state during the reset?",
     # ... an office of two words ("prime minister").
     "Who was the prime minister of Iceland in 2021?",
     # A time gone by, and the passage only looks ahead ("in the near future").
     "When did the last American soldiers leave Afghanistan?",
     "On what date did American troops leave Afghanistan?",
     # A date asked of a time gone by: a passage telling of it with no date gives none.
     "On what date did Navalny return to Russia from Germany?",
     # A rate or a figure asked by its noun, and the passage gives none ("glaciers are
     # melting", "export Russian natural gas directly to Germany").
     "How fast are the Arctic glaciers melting every year?",
     "At what rate are the glaciers melting per year?",
     "What is the annual capacity of Nord Stream 2?",
     # The deed asked of "Who in … VERBed?", which no passage tells ("implement" is no
     # announcement).
     "Who in Obama's team first announced the Reset policy?",
     # What something was like, when the briefing never names it.
     "What was the weather like in Reykjavik on the day of the meeting?",
     # A deed done that the briefing never names: no passage says who did it.
     "Who sabotaged Nord Stream 2?", "Who blew up the Nord Stream pipeline?",
     # The deed a date is asked of ("When was … arrested?"): the passage tells of his
     # return, not of an arrest.
     "When was Navalny detained after he came back to Russia?",
     # Which ships, by name: "decided to send warships" names none.
     "Which ships did the US plan to send to the Black Sea?",
     "Which US Navy ships were sent to the Black Sea?",
     # Where an expert has lived, a personal fact: his profile's title names a region he
     # covers ("Eastern Europe Expert"), not one he lived in.
     "Has Deniz Berktay lived in Russia or Eastern Europe?",
     # An amount, and the passage's only number is in a name ("Nord Stream-2").
     "What share of Russia's gas exports goes to Germany?",
     "How much of Russia's natural gas goes to Europe?",
     # Where someone served, asked with "and when" after it.
     "Which country was Öymen ambassador to, and when?",
     # A country named anywhere in the question, which the passage never names: its passage
     # tells of other countries (the Reset with Russia; troops leaving Afghanistan).
     "What did Ozan say about the withdrawal of US troops from Germany?",
     "What was the reset policy with China?",
     # The holder of an office asked with "which" ("Which US president …?"), and the passage
     # names nobody ("the USA bought Alaska from Russia").
     "Which US president bought Alaska?",
     "Which foreign minister launched Obama's reset policy?",
     # ... and a role the briefing does not know at all ("Who was the X …?"): no passage
     # names its holder, whoever else it names.
     "Who was the interpreter for Lavrov and Blinken in Reykjavik?",
     # Who is the most of something the briefing never tells of ("wealthiest"): no passage
     # ranks anyone so.
     "which of the five experts is the wealthiest",
     # Works besides this briefing, which it does not list (ANKASAM's introduction presents
     # this one alone).
     "What other reports has ANKASAM published on Russia?",
     # The deed asked of someone named ("Was Navalni arrested …?"), and the passage tells of
     # his return, not of an arrest.
     "Was Navalni arrested when he returned to Russia?",
     # ... of something named in two words and a number, an adverb between; the passage tells
     # of sanctions waived, not of its completion (typed in lower case: the name as the
     # passages write it).
     "was nord stream 2 eventually completed?",
     # A thing of someone named ("N's X") that the briefing never names: a ranking, an
     # itinerary; the question's other words all in the passages.
     "What is Dokuz Eylül University's ranking?",
     "What was Blinken's itinerary at the Arctic Council in Reykjavik?",
     "Was Nord Stream 2 ever built?",
     # Where a thing is, and the briefing does not know the thing (a secretariat).
     "Where is the Arctic Council secretariat located?",
     # The kind asked with "which", and the briefing does not know it (a hotel).
     "In which hotel or building in Reykjavik did Blinken and Lavrov meet?",
     # A price paid, or an estimate, asked; the passages give none.
     "What price will Germany pay for gas from Nord Stream 2?",
     "alaska purchase price 1867",
     "What is the estimated value of the Arctic's underground resources?",
     # A time asked exactly, and the passage says "in the near future".
     "When exactly would the US complete its troop withdrawal from Afghanistan?",
     # Whether what an expert expected came to pass: told after the briefing, not in it.
     "Has the US since stepped back in the Arctic, as Başbuğ predicted?",
     "Did tensions really decrease after the meeting, as Berktay expected?",
     # How fast or how often, and the passage gives no rate nor frequency.
     "How fast are the Arctic glaciers melting?",
     "How often does the Arctic Council hold ministerial meetings?",
     # A query of keywords whose last the briefing does not know: all of it is the subject.
     "nord stream explosion",
     "biden putin murderer interview abc",
     # "Did <name> <verb> …?", and the briefing does not know the deed.
     "Did Germany certify Nord Stream 2?",
     "Did Biden apologise to the Kremlin for calling Putin a murderer?",
     # A time or a place asked inside a question of saying ("Did … say when …?"), and the
     # passage gives none.
     "Did Basbug say when Russia will finish building its Arctic bases?",
     "Does Berktay mention where the leaders will meet?",
     # ... asked with a negative, as a sceptic asks: the same question.
     "Didn't Germany certify Nord Stream-2?",
     "Wasn't Navalny arrested when he returned?",
     # A person's words about a subject, and the sentence reporting his words is on another
     # ("Both politicians stated … concerning the Arctic Region": not its militarization).
     "What did Lavrov say at the meeting about the militarization of the Arctic?",
     # Whether an expert expects a deed, and his passage tells of no such deed.
     "Does Berktay expect Germany to cancel Nord Stream-2?",
     "Does Öymen believe Russia will ever return Crimea to Ukraine?",
     # ... or that it should be done ("should be returned": what should be, "returned").
     "Does Öymen believe Crimea should be returned to Ukraine?",
     # Whether an event came about, and the passages tell of it only as planned.
     "Did the planned Biden–Putin summit actually take place?",
     # The kind asked with "which", a common word the briefing does not know.
     "In which German hospital was Navalny treated?",
     # The holder of a country's office, and the passage names another country's ("US
     # Former President Barack Obama").
     "Who was Russia's president when Obama came to office?",
     # A date asked by its noun ("What was the deadline …?"), and the passage says only "in
     # the near future".
     "What was the deadline for the Afghanistan pullout?",
     # The X of "What are the X of …?" in two words ("working groups"): its head is asked.
     "What are the working groups of the Arctic Council?",
     # A date to come, and the passage says only "in the near future".
     "Which day exactly will the American soldiers be out of Afghanistan?",
     "On which date will US troops leave Afghanistan?",
     # Where someone served, and the passage names no country.
     "Which countries was Öymen an ambassador in?",
     # The holder of an office, and the passage names nobody.
     "Who was the American president when the Arctic Council was founded?",
     # A time of day, and the passage gives a date ("on May 20, 2021").
     "What time did Blinken and Lavrov meet in Reykjavik?",
     # A person's response, and the passage tells only what was said to him.
     "How did Putin react when Biden called him a murderer?",
     # A name asked about, and the passage (Lavrov's words at the meeting) never names it.
     "What did Lavrov say about Syria during the talks in Reykjavik?",
     # An office asked of, and the passage names people but not that office.
     "who is head of ankasam now",
     # A third country's reaction, and its passage names the country for something else
     # (Iran's nuclear programme, China as an observer, Iceland as the host).
     "How did Iran react to the meeting?",
     "How did China officially react to the Reykjavik meeting?",
     "How did Iceland's government view the Blinken-Lavrov meeting?",
     "What is Germany's official position on Nord Stream-2?",
     # ... and one whose passage tells of it acting on something else (the EU on Crimea).
     "What did the European Union say about the Reykjavik talks?",
     # A person named, and the passage on the subject does not name him (Navalni; Blinken
     # and Lavrov in a question on Belarus).
     "What sanctions did the US impose over Navalni's poisoning?",
     "did blinken and lavrov talk about belarus in reykjavik",
     # A person's words on the meeting, and his passage reports words on something else.
     "What did Trump say about the Blinken–Lavrov meeting?",
     # An expert asked about a named thing he never speaks of (Nord Stream), though he
     # speaks of the other subject asked (sanctions).
     "What does the foreign-policy advisor say about Nord Stream 2 sanctions?",
     # Instances asked with "which", and the passage writes only the kind, in the question's
     # words ("bypassing Eastern European countries").
     "Which Eastern European countries are bypassed by Nord Stream 2?",
     # ... and the passage qualifies the kind in lower case: it names none ("energy
     # transmission companies and energy production companies").
     "Which energy companies does Başbuğ say are interested in the Arctic?",
     # A person's words asked, in a question naming four (not one written all in capitals),
     # and the passage reports no words of his.
     "What did Lavrov tell Blinken about Nord Stream?",
     # ... and the same typed in lower case or in capitals: a person the briefing names is
     # named however written.
     "how did putin respond when biden called him a killer",
     "WHAT DID PUTIN SAY AT THE REYKJAVIK MEETING?",
     # What "What X …?" asks for, after a courteous opening or a mention of the briefing.
     "Can you tell me what poison was used against Navalny?",
     "hey bot, What tolls does Russia charge on the Northern Sea Route?",
     "In this briefing, which Russian oligarchs were sanctioned over Crimea?",
    # Companies asked, of a passage naming none as such ("sectors such as defense and energy").
    "which russian oil companies were hit by the sanctions, according to dilek",
    "Which companies build Nord Stream 2?",
    # An interview asked by name, after a preposition ("in an interview" names none).
    "In which interview did Biden call Putin a killer?"],
)
def test_a_shared_word_asking_something_else_is_declined(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize(("question", "expected"), [
    # A length of time the passage gives ("evolving for decades").
    ("How long has the Arctic been a zone of conflict, according to Başbuğ?",
     "basbug-arctic-face-to-face"),
    # ... where "long" is only the asking ("How long …?"), not a word the passage must hold.
    ("How long has there been conflict in the Arctic, says Başbuğ?", "basbug-arctic-face-to-face"),
    ("What did Başbuğ say about Japan?", "basbug-observers"),
    # What was agreed asked as a condition; an outcome ("outcome", "result") is no such rule.
    ("What could change if the two leaders reach an agreement?", "basbug-leaders-meeting"),
    ("What was the outcome of the Russia investigation for relations?",
     "dilek-russia-investigation"),
    ("In which city did Blinken and Lavrov meet?", "context-meeting-date-place"),
    # A deed asked with an irregular past: "sent" is "send" ("decided to send warships").
    ("Which country sent warships to the Black Sea?", "berktay-warships-black-sea"),
    ("Who sent warships to the Black Sea?", "berktay-warships-black-sea"),
    ("Which countries are members of the Arctic Council?", "basbug-arctic-council"),
    # Instances named after the kind ("13 countries located outside, such as China …"), or
    # before it ("… Norway and Denmark. These countries …"), or kinds asked.
    ("Which outside countries follow the Arctic as observers?", "basbug-observers"),
    ("Which countries are the Arctic Five?", "basbug-arctic-council"),
    # ... but not a verb carrying another ("manage to push back").
    ("Did Moscow manage to push back against US policies?", "berktay-moscow-resists"),
    # A "which" question's verb, which the passage says in its own ("subjected to sanctions
    # over its strong sectors").
    ("Which Russian industries were targeted by sanctions?", "dilek-sanctions-tensions"),
    # What an expert thinks should be done, which his passage tells ("keen to cooperate").
    ("Does Ozan think the US should cooperate with Russia?", "ozan-russia-keen"),
    # A deed asked of something named that the passage tells ("will not impose sanctions").
    ("Was Nord Stream 2 ever sanctioned by the US?", "berktay-nord-stream"),
    # ... nor its verb in the present, after the auxiliary ("… do the sanctions target?"),
    # nor a place question's ("Where does … carry …?": "export … directly to Germany").
    ("Which sectors of Russia's economy do the sanctions target?", "dilek-sanctions-tensions"),
    ("Where does the Baltic pipeline carry Russian gas?", "berktay-nord-stream"),
    # ... nor the kind a second asking asks: the passage names the field, not "subject".
    ("Which university did the compiler graduate from, and in what subject?",
     "context-compiler-biography"),
    # A journalist's framing ("Give me …'s quote on …", "one-liner") and a sceptic's
    # ("surely", "…, won't it?": not "won") say nothing of what is asked.
    ("Give me Dilek's quote on the reset", "dilek-reset"),
    # General synonym groups of the briefing's words ("dispatch": send; what is examined is
    # analysed).
    ("Did Washington dispatch warships to the Black Sea?", "berktay-warships-black-sea"),
    ("what must be examined first to make sense of the meeting, per dilek",
     "dilek-obama-first-term"),
    # ... and who benefits is who has the advantage ("a great advantage to Russia").
    ("who benefits from where most arctic resources are", "basbug-resources-russia"),
    # ... an easy road asked is told by a difficult process ("there is a difficult process
    # for both countries").
    ("is the road ahead going to be easy for washington and moscow, per ozan",
     "ozan-moscow-conditions"),
    # ... and "FM" a foreign minister, as readers write it; what "counts as" something is it.
    ("when did the two FMs meet", "context-meeting-date-place"),
    ("which countries count as arctic council members", "basbug-arctic-council"),
    # ... what altered something changed it ("affected Trump's approach"); a hometown is where
    # one was born; inflammatory statements are statements that escalate.
    ("What altered Washington's approach under Trump?", "dilek-russia-investigation"),
    ("what is the hometown of the compiler", "context-compiler-biography"),
    ("What happens if the leaders make inflammatory statements at their meeting?",
     "basbug-leaders-meeting"),
    # ... and what is unworkable has lost its applicability ("ended the applicability of this
    # policy").
    ("what made the reset unworkable", "dilek-ukraine-crimea-sanctions"),
    # A workplace asked by its kind ("which institution"), which a passage gives by its name
    # ("her internship at the Ankara Center for Crisis and Policy Studies").
    ("which institution is eletek interning at", "context-compiler-biography"),
    # ... and what is brought together is gathered ("The briefing gathers the views …"); to
    # come back is to return ("Navalni's return from Germany to Russia").
    ("what does the briefing bring together", "context-briefing-ankasam"),
    ("which country did navalny come back from", "berktay-navalny-belarus"),
    # ... and what shapes or settles something decides it ("the meeting that will be decisive
    # in the relations").
    ("Which talks will shape relations between the two countries, according to Berktay?",
     "berktay-leaders-summer"),
    # ... and an interview asked yes or no, which the passage writes ("in an interview"): not
    # one asked by name.
    ("Did Biden call Putin a murderer in an interview?", "berktay-biden-harsh"),
    # An adverb the briefing does not have says how, not what ("suddenly").
    ("Why did Washington suddenly soften its tone toward Moscow?", "ozan-harsh-to-soft"),
    # A title before an expert's surname is no other first name.
    ("Doctor Ozan on Iran", "ozan-iran-north-korea"),
    ("Russia won't cooperate, will it?", "ozan-russia-keen"),
    # Words joining a clause ("whatever", "though", "rather than") name nothing asked.
    ("Will the US respond whatever Moscow does?", "oymen-aggressive-response"),
    # A form of the briefing's word is compared with the alternate questions as that word
    # ("cooperating": "Is Russia willing to cooperate?"; "counted": "count").
    ("Is Russia interested in cooperating with the US, in Dr. Ozan's view?",
     "ozan-russia-keen"),
    ("Is Russia counted as an emerging economy by Dilek?", "dilek-sanctions-tensions"),
    # "To what extent …?" asks how much, not for an "extent" the briefing does not know.
    ("To what extent does Ozan tie Biden's hard line to domestic politics?",
     "ozan-trump-concessions"),
    # ... nor do the forms of framing verbs ("viewed" as "view"), nor the introduction as
    # a part of the briefing.
    ("How should the Iceland talks be viewed, per Dilek?", "dilek-biden-putin-prep"),
    ("In the introduction, how did the meeting wrap up?", "context-meeting-date-place"),
    # "wrap up" is completing ("the meeting was completed in a constructive atmosphere").
    ("How did the ministers' talks wrap up?", "context-meeting-date-place"),
    # ... and to "weigh in" on something is to comment on it: framing.
    ("Did Öymen weigh in on Crimea?", "oymen-crimea-ukraine-syria"),
    ("Did Berktay weigh in on Belarus?", "berktay-navalny-belarus"),
    # Idioms read as the word they mean (knowledge/thesaurus.py, PHRASAL_VERBS): "blink
    # first" retreats, "at odds" is disagreement, "keep in touch" contact, a "day job" a
    # profession.
    ("Who blinked first in the Black Sea?", "berktay-warships-black-sea"),
    ("Are Washington and Moscow still at odds?", "berktay-constructive-atmosphere"),
    ("Is it worth keeping in touch with Moscow, per Öymen?", "oymen-mutual-contact"),
    # ... "set the stage for" prepares it, as "pave the way for" does.
    ("what was the meeting in iceland setting the stage for", "dilek-biden-putin-prep"),
    ("What is Berktay's day job?", "berktay-profile"),
    # ... and "end up" is becoming ("The USA became neighbor and riparian in the region").
    ("How did America end up an Arctic power?", "basbug-alaska"),
    ("How did Washington end up a neighbour in the polar north?", "basbug-alaska"),
    # An expert's first name apart from the surname ("Deniz Mr. Berktay") is no other person
    # the passage must name.
    ("What did Deniz Mr. Berktay say about Navalny's return to Russia?",
     "berktay-navalny-belarus"),
    ("Does Başbuğ think the US is trying to extend its claims beyond Alaska?", "basbug-alaska"),
    # ... and one the passage tells came about ("met", "was completed").
    ("Did the Blinken-Lavrov meeting take place in a constructive atmosphere?",
     "context-meeting-date-place"),
    # How often, which the passage says ("will be talked about very often").
    ("How often will the Arctic be talked about, according to Başbuğ?",
     "basbug-resources-trade-routes"),
    ("Which kinds of companies are eyeing the Arctic?", "basbug-resources-russia"),
    # ... or it qualifies the kind in words the question lacks ("Eastern European countries").
    ("Which countries does the Nord Stream 2 pipeline go around?", "berktay-nord-stream"),
    # A third party's reaction the passage tells ("the USA and the EU evaluated …").
    ("How did Brussels and Washington respond when Russia annexed Crimea?",
     "dilek-ukraine-crimea-sanctions"),
    ("How did the European Union respond to the annexation of Crimea?",
     "dilek-ukraine-crimea-sanctions"),
    # An office of a country the briefing names an office of (Russia's foreign minister).
    ("Who is Russia's foreign minister?", "context-meeting-date-place"),
    ("Who is the foreign minister of Russia?", "context-meeting-date-place"),
    ("What did the Russian opposition leader do?", "berktay-navalny-belarus"),
    # What "how many" counts runs to its verb: "member states", "non-Arctic countries".
    ("How many Arctic Council member states are there?", "basbug-arctic-council"),
    ("How many non-Arctic countries watch the region as observers?", "basbug-observers"),
    # A time gone by that the passage gives.
    ("When was the Arctic Council founded?", "context-arctic-council-founding"),
    # A country asked of an office, not where someone served: "the US".
    ("Which country is Blinken the secretary of state of?", "berktay-first-meeting"),
    # The holder of an office the passage names.
    ("Who was the US president during the reset?", "dilek-obama-first-term"),
    # A government's response, told as what it did.
    ("How did Washington respond to the annexation of Crimea?",
     "dilek-ukraine-crimea-sanctions"),
    # "Which experts …?" asks who of the panel, not for an entity the passage must name.
    ("Which of the experts discuss the annexation of Crimea?", "dilek-ukraine-crimea-sanctions"),
    ("Which experts bring up the annexation of Crimea by Russia?",
     "dilek-ukraine-crimea-sanctions"),
    # An adverb made of a word says how, not what the passage must hold.
    ("In which year did the USA officially buy Alaska?", "basbug-alaska"),
    # Names asked about that the passage holds; "before the meeting" is not what is asked about.
    ("What did Öymen say about Syria and Ukraine before the meeting?",
     "oymen-crimea-ukraine-syria"),
    # ... but not the briefing's own parties, which its passages may leave unnamed ...
    ("What did Öymen say about common interests between the US and Russia?",
     "oymen-mutual-contact"),
    # ... nor what a sentence before the question is about.
    ("I was reading about the Blinken-Lavrov meeting. Who compiled the briefing, and where "
     "did she study?", "context-compiler-biography"),
])
def test_a_question_near_those_rules_is_still_answered(matcher: Matcher, question: str,
                                                       expected: str) -> None:
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.id == expected


@pytest.mark.parametrize(("question", "expected"), [
    # "per Ozan" is "according to Ozan"; "play", "use", "overall" are the question's
    # framing, not a subject a passage must hold.
    ("What role does China play, per Ozan?", "ozan-china"),
    ("What harsh word did Biden use about Putin?", "berktay-biden-harsh"),
    ("How did the meeting go overall?", "context-meeting-date-place"),
])
def test_framing_verbs_are_not_asked_about(matcher: Matcher, question: str,
                                           expected: str) -> None:
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.id == expected


def test_a_word_one_slip_from_a_plain_framing_word_is_another_word(matcher: Matcher) -> None:
    # "user" is not a misspelt "used", nor "plans" "plays": what is asked for stays asked.
    assert stop_word_meant("user") is None and stop_word_meant("plans") is None
    assert stop_word_meant("abut") == ("about", 0.8)  # a misspelt framing word is framing
    result = matcher.match("What user base does Nord Stream 2 serve?")
    assert result.declined and result.hint == "The briefing does not mention user."


def test_the_outcome_of_the_meeting_is_answered(matcher: Matcher) -> None:
    # The briefing's own meeting: "completed in a constructive atmosphere" tells how it ended.
    assert not matcher.match("What was the outcome of the Blinken-Lavrov meeting?").declined


@pytest.mark.parametrize(
    ("question", "hint"),
    [
        # A name before a word the briefing knows is not a first name unless that word is a
        # person's name in the briefing: "Sea" and "Pact" are not people.
        ("What did Öymen say about the Warsaw Pact?", "Öymen does not speak about Warsaw Pact"),
        ("What did Başbuğ say about the Caspian Sea?", "Başbuğ does not speak about Caspian Sea"),
        ("What is the Minsk Protocol?", "The briefing does not mention"),
        # Declined for another reason first (the expert says nothing on the subject): no hint.
        ("What did Dilek say about the Baltic Sea?", ""),
        ("What does Berktay think about the Atlantic Council?", ""),
    ],
)
def test_an_unknown_name_before_a_known_word_is_declined(
    matcher: Matcher, question: str, hint: str
) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id
    assert result.hint.startswith(hint)


@pytest.mark.parametrize(
    ("question", "expert"),
    [("What did Joe Biden say about Putin?", None),
     ("Alexei Navalny's return", "berktay"),
     ("President Barack Obama and the reset", "dilek")],
)
def test_a_first_name_before_a_person_the_briefing_names_is_dropped(
    matcher: Matcher, question: str, expert: str | None
) -> None:
    result = matcher.match(question)
    assert not result.declined
    if expert is not None:
        first = result.answers[0].entry.expert
        assert first is not None and first.id == expert


@pytest.mark.parametrize(
    "question",
    [
        # A time or an amount is asked: a passage about the subject that gives none is no answer.
        "When was ANKASAM set up?",
        "How much does a barrel of oil cost?",
        # The best passage is about the subject but not about what is asked of it.
        "Where did Lavrov grow up?",
        # A personal fact or an office is asked: only a passage giving it answers.
        "What is Lavrov's full name?",
        "How old was Putin when he was born?",
        "Who is the prime minister of Canada?",
        "What is Blinken's favourite food?",
        "Which university did Ozan study at?",
    ],
)
def test_a_passage_that_does_not_hold_what_is_asked_is_not_given(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize(("question", "kind"), [
    # "Where" asking a view, a first step or a course, not a place.
    ("Where does Öymen stand on Crimea?", None),
    ("Where should one start when analysing the meeting, according to Dilek?", None),
    ("Where is this heading?", None),
    ("Where did Blinken and Lavrov meet?", "place"),
])
def test_where_asks_a_place_only_when_it_means_one(question: str, kind: str | None) -> None:
    assert asked_kind(tokens(question)) == kind


@pytest.mark.parametrize(("words", "named"), [
    ("where should you begin to understand the reykjavik talks", {"reykjavik"}),
    ("what did the experts say of the talks in iceland", {"iceland"}),
    # Said there, or the place itself: it is asked.
    ("what did putin say at the reykjavik meeting", set()),
    ("what did putin say at the meeting in reykjavik", set()),
    ("what did putin say during the talks in iceland", set()),
    ("why was the meeting held in reykjavik", set()),
    ("why reykjavik talks and not reykjavik itself", set()),
])
def test_the_place_of_the_event_may_only_name_it(words: str, named: set[str]) -> None:
    assert occasion_places(words.split(), {"reykjavik", "iceland"}) == named


def test_only_a_place_every_briefing_shares_names_the_event(knowledge: KnowledgeBase) -> None:
    ours = knowledge.briefings[0]
    assert event_places([ours]) == {"reykjavik", "iceland"}
    geneva = dataclasses.replace(ours, id="geneva-2021", place="Geneva, Switzerland")
    assert event_places([ours, geneva]) == frozenset()  # "Geneva talks" picks a briefing
    assert event_places([ours, dataclasses.replace(ours, id="b", place="Reykjavik")]) == {
        "reykjavik"}
    assert event_places([dataclasses.replace(ours, place="")]) == frozenset()


@pytest.mark.parametrize(("question", "expected"), [
    ("Where does Dilek say you should begin if you want to understand the Reykjavik talks?",
     "dilek-obama-first-term"),
    ("What did the Reykjavik talks suggest about future tensions?", "berktay-leaders-summer"),
])
def test_the_event_named_by_its_place_is_no_word_a_passage_must_hold(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


def test_places_listed_after_a_word_for_them_are_places_given(matcher: Matcher) -> None:
    listed = ("This brought about rising tensions in many disputed regions (Arctic Ocean-Middle "
              "East-Caucasus-Baltics etc.).")
    assert gives("place", listed, ["where", "tensions", "rise"])
    # Names in brackets after anything else are no places ("the Council (Ottawa 1996)").
    assert not gives("place", "It was set up by a declaration (Ottawa 1996).", ["where"])
    assert top(matcher, "where did tensions rise because of the sanctions on russia"
               ) == "dilek-sanctions-tensions"


@pytest.mark.parametrize(("question", "kind"), [
    ("How much is Biden prepared to concede to Moscow?", None),
    ("How much are they willing to give up?", None),
    # A figure: money, or a noun counted.
    ("How much are the Russians prepared to spend on the Arctic?", "amount"),
    ("How much money is Russia willing to pay for Arctic bases?", "amount"),
    ("How much did the US pay for Alaska?", "amount"),
])
def test_how_far_one_will_go_is_no_amount(question: str, kind: str | None) -> None:
    assert asked_kind(tokens(question)) == kind


def test_how_much_one_will_concede_finds_the_passage(matcher: Matcher) -> None:
    assert top(matcher, "How much is Biden willing to give the Russians in return for working "
                        "together?") == "ozan-trump-concessions"
    assert matcher.match("How much are the Russians prepared to spend on the Arctic?").declined


def test_where_to_start_finds_the_first_step(matcher: Matcher) -> None:
    assert top(matcher, "Where should you start if you want to understand this meeting, "
                        "according to Dilek?") == "dilek-obama-first-term"


@pytest.mark.parametrize(("question", "kind"), [
    ("On what day did the ministers talk in Iceland?", "past"),
    ("Which day is the next summit?", "time"),
    ("Görüşme hangi gün yapıldı?", "time"),
])
def test_a_day_asked_is_a_time_asked(question: str, kind: str) -> None:
    assert asked_kind(tokens(question)) == kind


@pytest.mark.parametrize(
    ("question", "needle"),
    [("When was the Arctic Council created?", "1996"),
     ("When did Russia annex Crimea?", "crimea"),
     ("How many countries are in the Arctic Council?", "canada"),
     # "what day" asks a time: only a passage that gives one answers it.
     ("On which day did the foreign ministers meet in Iceland?", "may 20")],
)
def test_a_passage_giving_the_time_or_amount_asked_still_answers(
    matcher: Matcher, question: str, needle: str
) -> None:
    result = matcher.match(question)
    assert not result.declined
    assert needle in fold(result.answers[0].entry.text)


@pytest.mark.parametrize(
    ("question", "expert", "needle"),
    [("What did Ozan say about Tehran's atomic programme?", "ozan", "iran"),
     ("What does Kyiv want from the West?", "dilek", "ukraine"),
     ("What did Berktay say about the penalties on the pipeline?", "berktay", "nord stream"),
     ("Did Biden call Putin a killer?", "berktay", "murderer"),
     # A reader's word for an expert's role is the alias's: envoy/ambassador, reporter/journalist.
     ("What does the envoy think about Crimea?", "oymen", "crimea"),
     ("What did the reporter say about Navalny?", "berktay", "navaln"),
     ("What did the scholar say about the reset?", "dilek", "reset"),
     # "USSR" is the briefing's "Soviet"; a shoreline is a coastline; gripes are complaints;
     # talks are a meeting ("the meeting between the two leaders … will be decisive").
     ("Which talks will settle where the relationship goes, per Berktay?", "berktay",
      "decisive"),
     ("Is Moscow resisting Washington in the ex-USSR states?", "berktay", "soviet"),
     ("How much of the Arctic shoreline belongs to Russia, per Başbuğ?", "basbug", "coast"),
     ("Has Russia got gripes about America?", "oymen", "complain"),
     # Words of time and of no one in particular frame a question ("lately", "anyone").
     ("Has anyone mentioned Belarus lately?", "berktay", "belarus")],
)
def test_general_vocabulary_reads_a_readers_words(
    matcher: Matcher, question: str, expert: str, needle: str
) -> None:
    """A capital for its country, a common synonym for the briefing's word (thesaurus.py)."""
    answer = matcher.match(question).answers[0]
    assert answer.entry.expert is not None and answer.entry.expert.id == expert
    assert needle in fold(answer.entry.text)


def test_other_countries_than_those_listed_need_one_more_named(matcher: Matcher) -> None:
    """Başbuğ names six of the 13 observers: others besides those six are not told, others
    besides three are; the briefing's own parties and "each other" list nothing."""
    assert matcher.match("Besides China, Japan, South Korea, Germany, France and England, which "
                         "other countries observe the Arctic Council?").declined
    assert top(matcher, "Apart from China, Japan and Germany, which other countries observe "
                        "the Arctic Council?") == "basbug-observers"
    assert top(matcher, "How do the US and Russia behave toward each other in the "
                        "Arctic?") == "basbug-arctic-face-to-face"


@pytest.mark.parametrize("question", [
    "What kinds of young bushes grow in the Arctic tundra?",
    "Do bushes grow in the Arctic tundra?",
])
def test_an_english_plural_is_no_person_of_the_name(matcher: Matcher, question: str) -> None:
    """Bushes are plants: Dilek's "young Bush era" does not answer, as an alias's form
    ("bush" + "es") nor as a word of the same stem."""
    assert matcher.match(question).declined


@pytest.mark.parametrize("question", [
    "What does Özge Eletek think about the meeting?",
    "What is Eletek's view on Crimea?",
    "Eletek görüşme hakkında ne düşünüyor?",
])
def test_the_compilers_view_is_not_in_the_briefing(matcher: Matcher, question: str) -> None:
    """The compiler is named only by the briefing's own texts, which quote no view of hers:
    her biography does not answer what she thinks."""
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    # A think tank is no view; nor are the names of no person ("Reykjavik", "Uluslararası").
    ("Has Eletek taken part in think-tank conferences?", "context-compiler-biography"),
    ("Where does Dilek say you should begin if you want to understand the Reykjavik talks?",
     "dilek-obama-first-term"),
    ("Biden döneminde uluslararası sistem ne durumda, prof dilek ne düşünüyor",
     "dilek-international-system"),
])
def test_a_view_asked_near_the_compiler_rule_is_answered(matcher: Matcher, question: str,
                                                         expected: str) -> None:
    assert top(matcher, question) == expected


def test_what_a_reader_should_do_is_not_in_the_briefing(matcher: Matcher) -> None:
    """"How can I …?" asks what the reader should do, which no passage tells, whatever words
    it shares (a council, England); asked of an expert, it asks his reading."""
    assert matcher.match("How can I get a council tax reduction in England?").declined
    assert top(matcher, "How do I read the Reykjavik meeting, according to Dilek?") == (
        "dilek-biden-putin-prep")


def test_reporters_told_are_no_expert(matcher: Matcher) -> None:
    """The reporters are Berktay, the journalist, as the experts asked of; reporters told
    something are an audience: what Blinken told them is not told (no passage reports Blinken's
    words alone)."""
    assert matcher.match("What did Blinken tell reporters?").declined
    assert top(matcher, "What did the reporters say about Navalny?") == "berktay-navalny-belarus"


@pytest.mark.parametrize("question", ["Oslo", "What is the Oslo Declaration?",
                                      "What is the weather like in Tehran?"])
def test_a_capital_stands_for_its_country_only_where_the_briefing_discusses_it(
    matcher: Matcher, question: str
) -> None:
    """Norway is only listed among the Arctic Council's members; and a capital that begins a
    longer name ("Oslo Declaration") is that name, not the country."""
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize(
    ("question", "expert", "needle"),
    [("wat did basbug say abut the arctic counsil", "basbug", "arctic"),
     ("waht does oymen think of the crimea annexation", "oymen", "crimea"),
     ("<b>arctic</b> basbug", "basbug", "arctic"),
     ("Ozan &amp; Iran", "ozan", "iran")],
)
def test_misspelt_framing_and_markup_are_not_content(
    matcher: Matcher, question: str, expert: str, needle: str
) -> None:
    answer = matcher.match(question).answers[0]
    assert answer.entry.expert is not None and answer.entry.expert.id == expert
    assert needle in fold(answer.entry.text)


@pytest.mark.parametrize("opening", ["hey bot, ", "Please tell me: ", "Can you tell me ",
                                     "I wonder "])
@pytest.mark.parametrize("question", [
    "What did Ozan say about Iran?", "Why does Alaska matter here?", "Who is Onur Öymen?"])
def test_a_courteous_opening_changes_no_answer(matcher: Matcher, opening: str,
                                               question: str) -> None:
    asked = opening + question[0].lower() + question[1:]
    assert top(matcher, asked) == top(matcher, question)


@pytest.mark.parametrize("question", [
    "What do Ozan and Öymen think about cooperation?",
    "Compare Ozan and Öymen on cooperation",
    "Öymen ve Ozan işbirliği hakkında ne düşünüyor?",
])
def test_each_expert_asked_about_is_answered(matcher: Matcher, question: str) -> None:
    # Ozan's passages on cooperation score above Öymen's best; each gets his best one first.
    answers = matcher.match(question).answers
    first_two = {a.entry.expert.id for a in answers[:2] if a.entry.expert is not None}
    assert first_two == {"ozan", "oymen"}
    scores = [a.score for a in answers]
    assert max(scores) == scores[0]  # the best answer stays first


@pytest.mark.parametrize("question", ["What do the experts say about the Arctic?",
                                      "Uzmanlar Arktik hakkında ne diyor?"])
def test_the_experts_asked_about_a_subject_answer_in_turn(matcher: Matcher,
                                                          question: str) -> None:
    # Başbuğ has five passages on the Arctic and Öymen one: his comes before Başbuğ's second.
    answers = matcher.match(question).answers
    experts = [a.entry.expert.id for a in answers if a.entry.expert is not None]
    assert experts[:2] in (["basbug", "oymen"], ["oymen", "basbug"])
    # An expert who says little on it is not brought forward (Dilek names the Arctic once,
    # on sanctions).
    assert "dilek" not in experts


@pytest.mark.parametrize(("message", "question"), [
    ("I was reading about the Blinken-Lavrov meeting. What did Berktay say about Navalny?",
     "What did Berktay say about Navalny?"),
    ("Hi! I have a question. Ozan on Iran", "Ozan on Iran"),
    ("I read the briefing. Who is Onur Öymen?", "Who is Onur Öymen?"),
    ("Interesting piece.\nWhat does Dr. Emre Ozan think about China? Thanks!",
     "What does Dr. Emre Ozan think about China?"),
    # The whole message, when the question points back or asks nothing of its own:
    ("Russia annexed Crimea in 2014. What did Öymen say about it?",
     "What did Öymen say about Russia annexing Crimea?"),
    ("US troops are leaving Afghanistan. What did Ozan say?", "What did Ozan say about the "
     "US troops leaving Afghanistan?"),
    ("What did Dilek say? About the Reset policy.", "What did Dilek say about the Reset policy?"),
    # A pronoun or possessive after a name of its own sentence points back at nothing:
    ("I read the piece. Why did America soften its line on Moscow?",
     "Why did America soften its line on Moscow?"),
    ("I read the piece. Is it surprising that Washington softened its stance?",
     "Is it surprising that Washington softened its stance?"),
    ("Interesting. Deniz Berktay gazeteci mi", "Deniz Berktay gazeteci mi"),
])
def test_a_message_of_several_sentences_is_asked_by_its_question(
    matcher: Matcher, message: str, question: str
) -> None:
    assert top(matcher, message) == top(matcher, question)


def test_an_initial_ends_no_sentence() -> None:
    from knowledge.normalize import sentences

    assert sentences("How were ties at the end of George W. Bush's term? Thanks.") == [
        "How were ties at the end of George W. Bush's term?", "Thanks."]
    assert sentences("What did Prof. Dr. Dilek say about the U.S. sanctions?") == [
        "What did Prof. Dr. Dilek say about the U.S. sanctions?"]


@pytest.mark.parametrize("framing", [
    "Where does Öymen stand on Crimea?", "What does Öymen make of Crimea?",
    "Öymen's thoughts on Crimea?", "How does Öymen assess Crimea?",
    "What is Öymen's assessment of Crimea?", "Summarize Öymen on Crimea",
    "What's Öymen's take on Crimea?", "Öymen Kırım meselesine nasıl bakıyor?",
    "What is the significance of Crimea for Öymen?",
    "Öymen'in Kırım hakkında söyledikleri", "Öymen'in Kırım üzerine görüşleri",
])
def test_a_view_asked_in_other_words_gets_the_same_answer(matcher: Matcher,
                                                         framing: str) -> None:
    assert top(matcher, framing) == top(matcher, "What did Öymen say about Crimea?")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Which expert talks about Alaska?", "basbug-alaska"),
    ("Who writes about Navalny?", "berktay-navalny-belarus"),
    ("Hangi uzman Kırım'dan bahsetti?", "oymen-crimea-ukraine-syria"),
])
def test_who_speaks_of_a_subject_is_asked_by_its_subject(matcher: Matcher, question: str,
                                                         entry_id: str) -> None:
    assert top(matcher, question) == entry_id


@pytest.mark.parametrize(("asked", "plain"), [
    ("Is it true the meeting was constructive?", "Was the meeting constructive?"),
    ("Is it true that Russia holds most of the Arctic's natural resources?",
     "Does Russia hold most of the Arctic's natural resources?"),
    ("Rusya'nın Arktik'te asker yığacağı doğru mu?", "Rusya Arktik'te asker yığacak mı?"),
])
def test_is_it_true_asks_whether(matcher: Matcher, asked: str, plain: str) -> None:
    assert top(matcher, asked) == top(matcher, plain)


@pytest.mark.parametrize(("framed", "plain"), [
    ("In this briefing, what did Ozan say about Iran?", "What did Ozan say about Iran?"),
    ("What did Ozan say about Iran, according to the report?", "What did Ozan say about Iran?"),
    ("Who is Onur Öymen, according to ANKASAM?", "Who is Onur Öymen?"),
    ("What does the briefing say about Nord Stream?",
     "What do the experts say about Nord Stream?"),
    ("Bu raporda Ozan İran hakkında ne dedi?", "Ozan İran hakkında ne dedi?"),
    ("ANKASAM'a göre Öymen kimdir?", "Öymen kimdir?"),
])
def test_a_mention_of_the_briefing_around_a_question_changes_no_answer(
    matcher: Matcher, framed: str, plain: str
) -> None:
    assert top(matcher, framed) == top(matcher, plain)


@pytest.mark.parametrize("question", ["What is this briefing about?", "Who published the report?",
                                      "What is in this report?"])
def test_a_question_about_the_briefing_itself_keeps_it(matcher: Matcher, question: str) -> None:
    assert top(matcher, question) == "context-briefing-ankasam"


@pytest.mark.parametrize(("titled", "plain"), [
    ("What did Mr. Dilek say about Trump?", "What did Dilek say about Trump?"),
    ("What did Prof. Öymen say about Crimea?", "What did Öymen say about Crimea?"),
    ("Öymen Bey Kırım hakkında ne dedi?", "Öymen Kırım hakkında ne dedi?"),
    ("Sayın Öymen Kırım hakkında ne dedi?", "Öymen Kırım hakkında ne dedi?"),
])
def test_an_honorific_changes_no_answer(matcher: Matcher, titled: str, plain: str) -> None:
    assert top(matcher, titled) == top(matcher, plain)


@pytest.mark.parametrize("question", [
    "Please tell me: where was Blinken born?",  # a place asked, as without the opening
    "hey bot, who is the president of Finland?",  # an office asked
    "Can you tell me where the Biden-Putin summit was held?",  # no passage places it
    "I wonder who is the president of Iceland?",
])
def test_a_courteous_opening_keeps_a_decline(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize(("misspelt", "spelt"), [
    # A misspelt framing word is framing, and no unknown speaker:
    ("What do the expsrts say about sanctions?", "What do the experts say about sanctions?"),
    ("What do the exerts say about the Arctic?", "What do the experts say about the Arctic?"),
    # A misspelt place is the place the briefing names, with its qualifier:
    ("What did Ozan say about Norih Korea?", "What did Ozan say about North Korea?"),
    # A misspelt word is read as the word is, with its forms and synonyms ("keen"):
    ("Does Ozan think Russia is willpng to cooperate with the USA?",
     "Does Ozan think Russia is willing to cooperate with the USA?"),
    # A misspelt first name before an expert's surname is theirs:
    ("What does Cokun Başbuğ say about Alaska?", "What does Coşkun Başbuğ say about Alaska?"),
    ("Denz Berktay", "Deniz Berktay"),
    # A misspelt name of the briefing is no unknown speaker:
    ("What did Lavrgov say about the meeting?", "What did Lavrov say about the meeting?"),
    ("What does the Wolrd Trade Organization figure say about shipping?",
     "What does the World Trade Organization figure say about shipping?"),
    # A misspelt question word is read as meant: the profile, a place asked.
    ("Coşkun Başbuğ kimdur?", "Coşkun Başbuğ kimdir?"),
    ("Onur Öymen kimir?", "Onur Öymen kimdir?"),
    ("Whre did the Blinken-Lavrov meeting take place?",
     "Where did the Blinken-Lavrov meeting take place?"),
])
def test_a_typo_gets_the_answer_of_the_word_spelt_right(matcher: Matcher, misspelt: str,
                                                        spelt: str) -> None:
    assert top(matcher, misspelt) == top(matcher, spelt)


@pytest.mark.parametrize(
    "question", ["Who are the experts?", "Which experts are in this briefing?", "experts",
                 "The experts", "Uzmanlar kimler?"]
)
def test_questions_about_the_experts_list_them(matcher: Matcher, question: str) -> None:
    assert top(matcher, question) == "context-experts-list"


def test_experts_asked_to_speak_are_framing(matcher: Matcher) -> None:
    answer = matcher.match("What do the experts say about the Black Sea?").answers[0]
    assert "black sea" in fold(answer.entry.text)


def test_scores_are_not_clipped_and_keep_the_order(matcher: Matcher) -> None:
    scores = [a.score for a in matcher.match("wat did basbug say abut the arctic counsil").answers]
    assert scores[0] > 1.0
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == len(scores)


# Shared-word questions the matcher still answers: a small town one letter from Kiev. Listed,
# not hidden.
KNOWN_MISSES = {
    "What did Berktay say about Kiel?",
}


def _false_friends() -> list[str]:
    cases = yaml.safe_load(FALSE_FRIENDS.read_text(encoding="utf-8"))
    return [c["q"] for c in cases if c.get("decline")]


@pytest.mark.parametrize(
    "question",
    [pytest.param(q, marks=pytest.mark.xfail(strict=True, reason="known miss"))
     if q in KNOWN_MISSES else q for q in _false_friends()],
)
def test_false_friends_dev_set_is_declined(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


def test_false_friends_dev_set_answers(matcher: Matcher) -> None:
    """Its ordinary questions, mostly paraphrases: floors a little under today's figures."""
    result = score(matcher, FALSE_FRIENDS)
    assert result.hit1 >= 0.75, result.failures
    assert result.hit3 >= 0.8, result.failures
    assert result.wrong1 <= 0.15, result.failures


@pytest.mark.parametrize("question", [
    # "Arctic" and "China" are written alone in the briefing, as surnames are; but the
    # briefing also writes "the Arctic", and China is a country: neither is anybody's surname.
    "What is Australia's Arctic policy?", "What about Taiwan China tensions?",
    "What did Berktay say about Bavaria Germany?",
    # A country however written is a name: lower case, or in Turkish.
    "australia arctic policy", "Avustralya'nın Arktik politikası nedir?",
])
def test_an_unknown_name_before_a_known_place_is_not_a_first_name(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize(
    ("question", "expert"),
    [("What did Berktay say about Vladimir Putin?", "berktay"),
     ("What did Dilek say about Joe Biden and Russia?", "dilek")],
)
def test_a_first_name_before_a_known_surname_is_not_an_unknown_name(
    matcher: Matcher, question: str, expert: str
) -> None:
    answer = matcher.match(question).answers[0]
    assert answer.entry.expert is not None and answer.entry.expert.id == expert


def test_an_unknown_full_name_is_named_in_the_hint(matcher: Matcher) -> None:
    result = matcher.match("What did Dilek say about Hillary Clinton?")
    assert result.declined
    assert result.hint == "Dilek does not speak about Hillary Clinton in this briefing."


@pytest.mark.parametrize(
    ("question", "expert", "needle"),
    [("Berktay Almanya ve Kuzey Akım hakkında ne dedi?", "berktay", "germany"),
     ("Ozan'a göre Çin neden önemli?", "ozan", "china")],
)
def test_turkish_names_of_places_the_briefing_names_are_known(
    matcher: Matcher, question: str, expert: str, needle: str
) -> None:
    answer = matcher.match(question).answers[0]
    assert answer.entry.expert is not None and answer.entry.expert.id == expert
    assert needle in fold(answer.entry.text)


def test_a_judgement_asked_with_how_is_still_answered(matcher: Matcher) -> None:
    answer = matcher.match("How likely is a new tension over the Arctic?").answers[0]
    assert "new tension" in fold(answer.entry.text)


def test_a_country_is_no_compound_of_its_parts(matcher: Matcher) -> None:
    # "land" is no last part of "Iceland", "England" or "Finland"; "ships" is of "warships".
    vocabulary = matcher.vocabulary
    assert not {vocabulary.words[i] for i in vocabulary.ending_with("land")} & {
        "iceland", "england", "finland"}
    assert "warships" in {vocabulary.words[i] for i in vocabulary.ending_with("ships")}
    result = matcher.match("What did Lavrov say about the Arctic being Russian land?")
    assert result.declined, result.answers[0].entry.id


def test_the_word_lists_are_read_from_the_installed_package() -> None:
    """English and Turkish, folded like questions, with no network."""
    from knowledge import lexicon

    assert lexicon.is_real_word("iraq") and lexicon.is_english_word("clear")
    assert lexicon.is_real_word("kirim") and not lexicon.is_english_word("kirim")  # Kırım
    assert lexicon.is_real_word("gorusme")  # görüşme, folded as fold() folds it
    assert not lexicon.is_real_word("irann") and not lexicon.is_real_word("reykjavic")


def test_a_misspelt_word_is_read_as_the_word_meant(matcher: Matcher) -> None:
    """Every rule reads an English question's slips as the words meant: the briefing's word a
    slip is of, when only one is, or else a frequent English word one slip away."""
    from knowledge import lexicon

    assert lexicon.english_word_meant("poisno") == "poison"
    assert lexicon.english_word_meant("xqzvkw") is None
    as_meant = matcher.vocabulary.as_meant
    assert as_meant("What poisno was used?") == "What poison was used?"
    assert as_meant("Who is Iceland's ministir?") == "Who is Iceland's minister?"
    assert as_meant("WHAT DID LAVROF'S TEAM SAY?") == "WHAT DID LAVROV'S TEAM SAY?"
    # Left as written: a form of a real word the lists miss, a slip of two briefing words
    # alike ("nord", "north"), an unknown name, a Turkish question.
    # ("Berlim" is one slip from "berlin", a frequent English word, but written as a name.)
    for kept in ("patching things up", "nort korea", "Did the talks worry Berlim?"):
        assert as_meant(kept) == kept
    # So the false friend asked with a slip is declined as it is without one.
    for question in ("What poisno was used against Alexei Navalny?",
                     "Who is Iceland's foreign ministir that hosted the Arctic Council?",
                     "How did Putin ryespond when Biden called him a murderer?",
                     # A slip opening the question is the question word it misspells.
                     "Whete is Russia's Black Sea Fleet based?",
                     # ... with markup pasted around it, read as text first.
                     "What poisno was used against <i>Navalny</i>?"):
        result = matcher.match(question)
        assert result.declined, (question, result.answers[0].entry.id)
    # A Turkish question is read as written: its endings are no slips ("Demokratlara" is not
    # "Demokratlar", "çıkarlarıyla" not "cikarlarina").
    turkish = matcher.match("Demokratlara göre nasıl bir Rusya ABD'nin çıkarlarıyla çelişmezdi?")
    assert turkish.answers and turkish.answers[0].entry.id == "dilek-obama-first-term"
    # An entity of pasted markup is no slip ("&quot;" is not "quote").
    result = matcher.match("What did Ozan say about &quot;Iran&quot;?")
    assert result.answers and result.answers[0].entry.id == "ozan-iran-north-korea"


def test_the_weights_and_thresholds_come_from_the_settings(knowledge: KnowledgeBase) -> None:
    """One settings object drives the matcher: a threshold above every score declines all."""
    from knowledge.settings import DEFAULT_SETTINGS, MatcherSettings

    question = "What did Başbuğ say about the Arctic Council?"
    assert Matcher(knowledge).match(question).answers
    strict = Matcher(knowledge, MatcherSettings(threshold=5.0)).match(question)
    assert strict.declined and strict.suggestions
    one = Matcher(knowledge, MatcherSettings(top=1)).match(question)
    assert len(one.answers) == 1
    assert MatcherSettings() == DEFAULT_SETTINGS


@pytest.mark.parametrize("question", [
    "Which expert did not talk about the Arctic?",  # its quotes show who did
    "Which experts never mention Nord Stream?",
    "Who didn't mention Crimea?",
])
def test_who_did_not_is_declined(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


def test_a_negative_question_about_an_expert_is_answered(matcher: Matcher) -> None:
    # Not "who did not": whether he did, which his quote shows.
    assert top(matcher, "Did Öymen not speak about Syria?") == "oymen-crimea-ukraine-syria"


def test_what_kind_of_asks_about_what_follows(matcher: Matcher) -> None:
    # "kind" is no subject: the passage on the cooperation Biden wants need not hold it.
    ids = [a.entry.id for a in matcher.match(
        "What kind of cooperation does Biden want with Russia?").answers]
    assert "ozan-trump-concessions" in ids[:2]


def test_two_parties_joined_name_a_relation_not_what_must_be_held(matcher: Matcher) -> None:
    # The passage speaks of Russia and North Korea; "US-Russia" only says whose cooperation.
    assert top(matcher, "Which nuclear issues need US-Russia cooperation?") == \
        "ozan-iran-north-korea"
    # A country asked about alone still must be held:
    assert matcher.match("Which country took over the Arctic Council chairmanship in 2021?"
                         ).declined


@pytest.mark.parametrize(("question", "needle"), [
    ("Where did Blinken and Lavrov meet?", "Reykjavik"),
    ("Where did the US send warships?", "Black Sea"),
    ("Where was Özge Eletek born?", "İzmir"),
    ("Where does Mehmet Sait Dilek work?", "Atatürk University"),
    ("Where does Ozan work?", "ANKASAM"),
    ("Blinken ve Lavrov nerede görüştü?", "Reykjavik"),
    # "over the Arctic Region" places it too:
    ("Where could the next clash between Washington and Moscow happen?", "Arctic Region"),
    ("Ukrayna olaylarından sonra yeni bir gerilim nerede çıkabilir?", "Arctic Region"),
])
def test_a_where_question_is_answered_by_a_place(matcher: Matcher, question: str,
                                                 needle: str) -> None:
    answers = matcher.match(question).answers
    assert answers and needle in answers[0].entry.text, question


@pytest.mark.parametrize("question", [
    # The summit is "planned to be held in June": a time, no place.
    "Where was the Biden-Putin summit held?", "Where will Biden and Putin meet?",
    "Biden-Putin zirvesi nerede yapılacak?",
    # The briefing calls Berktay a journalist and names no employer ("USA" is no workplace).
    "Where does Berktay work?",
])
def test_a_where_question_no_passage_places_is_declined(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize("question", [
    # The briefing says the US decided to send warships to the Black Sea, never which: the
    # names in that sentence are the question's own, or the briefing's parties ("the USA").
    "What were the names of the warships the US planned to send to the Black Sea?",
    "What was the name of the warship bound for the Black Sea?",
    "Karadeniz'e gönderilecek savaş gemilerinin isimleri neydi?",
])
def test_a_name_asked_that_no_passage_writes_is_declined(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize(("question", "answered"), [
    # Words quoted are claimed said: only a passage writing them answers, not one with a
    # synonym ("Arctic Region" is no "land").
    ("Did Lavrov call the Arctic 'our land' before the meeting?", None),
    ("What did Öymen mean by “our land”?", None),
    ("What did Dilek say about the 'Reset' policy?", "dilek-reset"),
    ("What did Öymen say about 'mutual contact'?", "oymen-mutual-contact"),
    # Passages not writing the word quoted score higher; the one that writes it answers.
    ("What was Obama's 'reset' with Russia about?", "dilek-reset"),
])
def test_words_quoted_must_be_written(matcher: Matcher, question: str,
                                      answered: str | None) -> None:
    answers = matcher.match(question).answers
    assert (answers[0].entry.id if answers else None) == answered, question


@pytest.mark.parametrize(("question", "needle"), [
    ("What was the name of the Obama-era policy toward Russia?", "Reset"),
    ("What is the name of the Russian foreign minister?", "Lavrov"),
    ("What is the name of the pipeline to Germany?", "Nord Stream"),
    # Asked in Turkish, every Turkish word is not one the passage must hold, as it would be of
    # a time or a place asked: "yeniden başlatma" (restart) is the policy's, not its name's.
    ("Obama döneminde Rusya ile ilişkileri yeniden başlatma politikasının adı neydi?", "Reset"),
])
def test_a_name_asked_is_answered_by_a_passage_naming_it(matcher: Matcher, question: str,
                                                         needle: str) -> None:
    answers = matcher.match(question).answers
    assert answers and any(needle in a.entry.text for a in answers), question


@pytest.mark.parametrize("question", [
    "How much gas does Nord Stream 2 carry per year?",
    # The briefing says the US decided to send warships and gave up on it; never how many.
    # (This was once listed as answered: "give up on it" read as a figure.)
    "How many warships did Washington send?",
])
def test_an_amount_asked_is_not_given_by_the_word_on(matcher: Matcher, question: str) -> None:
    # "on" is also Turkish for ten: it is no figure in an English passage, so the Nord Stream
    # quote (whose only figure, the 2, is the question's own) does not answer "how much".
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize("question", [
    # 1996 is when the Arctic Council was established, not ANKASAM.
    "When was ANKASAM founded?",
])
def test_a_time_asked_of_a_name_needs_a_passage_about_that_name(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


def test_a_subject_whose_head_word_the_briefing_lacks_is_declined(matcher: Matcher) -> None:
    # Nord Stream is discussed; explosions are not: the subject asked about is the explosions.
    result = matcher.match("What did Berktay say about the Nord Stream pipeline explosions?")
    assert result.declined, result.answers[0].entry.id
    assert result.hint == "Berktay does not speak about explosions in this briefing."
    # A misspelt head word is a typo, not an unknown subject.
    assert not matcher.match("What did Başbuğ say about the arctic counsil?").declined
    # Two real words the briefing does not know make the subject another, though its last
    # word has a synonym there ("institutions" for the Council's bodies).
    result = matcher.match(
        "What does the Ottawa Declaration say about the indigenous peoples' institutions?")
    assert result.declined, result.answers[0].entry.id
    # One such word is a way of saying what the briefing has.
    assert not matcher.match(
        "What did Başbuğ say about the distinctive founding of the Arctic Council?").declined
    # The head before a preposition is asked about too: tolls on the route, not the route.
    result = matcher.match("What did the WTO say about shipping tolls in the Arctic?")
    assert result.declined, result.answers[0].entry.id
    # ... and a giveaway is a concession.
    assert matcher.match("What does Biden think about Trump's giveaways to Putin?").answers


def test_an_amount_asked_needs_a_passage_holding_all_that_was_asked(matcher: Matcher) -> None:
    # The Arctic passage gives a percentage (80% of world trade goes by sea), not of the ice.
    result = matcher.match("What percentage of the Arctic is covered by ice?")
    assert result.declined, result.answers[0].entry.id


def test_a_which_question_needs_a_passage_holding_all_that_was_asked(matcher: Matcher) -> None:
    # The members of the Council are listed; who chaired it in 2021 is not said.
    result = matcher.match("Which country took over the Arctic Council chairmanship in 2021?")
    assert result.declined, result.answers[0].entry.id
    answers = matcher.match("Which two officials met in Reykjavik?").answers
    assert answers and "Lavrov" in answers[0].entry.text


@pytest.mark.parametrize("question", [
    # The briefing knows 2021 (the meeting); the passages on world trade and on the
    # Belarusian opposition say nothing of 2021.
    "What is the WTO's forecast for world trade growth in 2021?",
    "Who led the Belarusian opposition in 2021?",
    # "hangi şehirde": in which city; the summit's city is never given.
    "biden putin zirvesi hangi sehirde yapildi",
])
def test_a_number_asked_must_be_in_the_passage(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize(("question", "profile"), [
    ("What is Onur Öymen's professional background?", "oymen-profile"),
    ("Which university is Professor Dilek affiliated with?", "dilek-profile"),
    ("What does Deniz Berktay do for a living?", "berktay-profile"),
    ("what does deniz berktay do professionally", "berktay-profile"),
    ("Is Deniz Berktay a journalist?", "berktay-profile"),  # whether he is what he is called
    ("Onur Öymen büyükelçi mi?", "oymen-profile"),
])
def test_a_career_question_about_an_expert_gets_the_profile(
    matcher: Matcher, question: str, profile: str
) -> None:
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.id == profile


def test_a_hometown_is_said_as_where_one_was_born(matcher: Matcher) -> None:
    answers = matcher.match("What is the compiler's hometown?").answers
    assert answers and "born in İzmir" in answers[0].entry.text
    # The briefing gives no expert's birthplace.
    assert matcher.match("What is Başbuğ's hometown?").declined


def test_an_expert_named_with_a_role_is_not_asked_for_a_profile(matcher: Matcher) -> None:
    answers = matcher.match("journalist Deniz Berktay").answers
    assert answers and answers[0].entry.id != "berktay-profile"  # his positions, in order


def test_a_personal_fact_asked_in_turkish_needs_a_passage_stating_it(matcher: Matcher) -> None:
    # The biography says where she was born, not whether she is married.
    result = matcher.match("Özge Eletek evli mi?")
    assert result.declined, result.answers[0].entry.id
    answers = matcher.match("Özge Eletek nereli?").answers  # where from: "born in İzmir"
    assert answers and answers[0].entry.id == "context-compiler-biography"


def test_a_country_is_not_a_shorter_word_of_its_stem(knowledge: KnowledgeBase) -> None:
    # "Turkey" and "türk" (Turkish) share a light stem. A Turkish question holding "Türk"
    # once put the word in the vocabulary, and "Is Turkey an observer …?" was answered; the
    # knowledge base no longer has it, so it is put back here for the test.
    entries = tuple(
        dataclasses.replace(e, questions=(*e.questions, "Türk dış politikası danışmanı kim?"))
        if e.id == "ozan-profile" else e for e in knowledge.entries)
    with_turk = Matcher(dataclasses.replace(knowledge, entries=entries, cache_key=""))
    words = with_turk.vocabulary
    assert "turk" in words
    _weights, matches = words.map_words(["turkey"])
    assert all(len(words.words[i]) >= len("turkey") for i, _ in matches[0])
    assert with_turk.match("Is Turkey an observer in the Arctic Council?").declined


@pytest.mark.parametrize("question", [
    "In what year was Crimea annexed?",  # "in Obama's second term" is a time, not a year
    "Kırım hangi yıl ilhak edildi?",
])
def test_a_year_asked_needs_a_passage_giving_a_year(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize(("question", "year"), [
    ("In what year was Özge Eletek born?", "1999"),
    ("Özge Eletek hangi yıl doğdu?", "1999"),
    ("What year was the Arctic Council established?", "1996"),
    ("Arktik Konseyi hangi yılda kuruldu?", "1996"),
])
def test_a_year_asked_is_answered_by_the_passage_giving_it(
    matcher: Matcher, question: str, year: str
) -> None:
    answers = matcher.match(question).answers
    assert answers and year in answers[0].entry.text


@pytest.mark.parametrize("question", [
    "What did Lavrov say about Syria at the meeting?",  # Öymen speaks of Syria, not Lavrov
    "What did Putin say at the Reykjavik meeting?",  # he was not there; nobody reports him
    "What did Lukashenko say about the protests in Belarus?",  # Navalny's statements, not his
])
def test_someones_words_asked_need_a_passage_reporting_them(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize(("question", "entry_id"), [
    ("What did Biden say about Putin?", "berktay-biden-harsh"),  # "Characterizing Putin as …"
    ("What did Navalny say about Putin?", "berktay-navalny-belarus"),  # "his statements …"
    ("According to Öymen, what did Blinken and Lavrov say before the meeting?",
     "oymen-normalize-arctic"),  # "Both politicians stated …": the expert need not name them
    # A government is no speaker, even one the passages never write (the EU's sanctions):
    ("Did Brussels say it would back the sanctions on Russia?", "dilek-ukraine-crimea-sanctions"),
    # "Alaska, which it bought": a place the passage writes alone is no speaker of "to claim"
    ("Is the US trying to use Alaska to claim more in the Arctic?", "basbug-alaska"),
])
def test_a_passage_reporting_the_speaker_answers(
    matcher: Matcher, question: str, entry_id: str | None
) -> None:
    answers = matcher.match(question).answers
    assert answers
    if entry_id is not None:
        assert answers[0].entry.id == entry_id


@pytest.mark.parametrize("question", [
    "Is Michelle Obama against the Reset policy?",  # the briefing's Obama is "Barack Obama"
    "Is Ivanka Trump close to the Kremlin?",  # ... and its Trump "Donald Trump"
    "What did John F. Kennedy say about Russia?",  # an initial joins no one to the briefing
])
def test_another_first_name_is_another_person(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize("question", [
    "Donald Trump Russia",  # the first name the briefing writes
    "What does Vladimir Putin want?",  # the briefing writes "Putin" alone: any first name
    "Barack Obama reset policy",
    # A middle initial between two names is part of the name, its full stop no sentence end.
    "How were US-Russia ties at the end of George W. Bush's presidency?",
])
def test_the_first_name_the_briefing_writes_or_none_is_the_person(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).answers


def test_a_place_named_with_another_word_is_another_place(matcher: Matcher) -> None:
    # Ozan speaks of North Korea's nuclear programme; South Korea is only one of Başbuğ's
    # observers, on no programme.
    result = matcher.match("What did Ozan say about South Korea's nuclear program?")
    assert result.declined, result.answers[0].entry.id
    ids = [a.entry.id for a in matcher.match("Tell me about North Korea").answers]
    assert ids[0] == "ozan-iran-north-korea"
    assert "basbug-observers" not in ids  # it names South Korea, not North Korea
    observers = matcher.match("Is South Korea an observer in the Arctic?").answers
    assert observers and observers[0].entry.id == "basbug-observers"


@pytest.mark.parametrize(("question", "declined"), [
    # Başbuğ names Japan and South Korea only among examples ("such as China, Japan, South
    # Korea, Germany, France and England … as observers"): nothing of their own policy.
    ("What is Japan's policy on the Arctic?", True),
    ("What are South Korea's Arctic ambitions?", True),
    ("Japonya'nın Arktik politikası nedir?", True),
    ("what is japans policy on the arctic", True),  # typed without the apostrophe
    ("What has Japan said about the Arctic?", True),  # whose words are asked: the same
    ("What does South Korea hope to get out of the Arctic?", True),  # ... or wishes
    ("What is Japan's role in the Arctic?", False),  # an observer's: the list gives it
    ("Does Japan follow the Arctic as an observer?", False),
])
def test_a_country_named_only_in_a_list_has_nothing_of_its_own_said(
        matcher: Matcher, question: str, declined: bool) -> None:
    result = matcher.match(question)
    assert result.declined is declined, result.answers[:1]
    if not declined:
        assert result.answers[0].entry.id == "basbug-observers"


@pytest.mark.parametrize("question", [
    "How many troops does Russia have in the Arctic?",  # "80% of the region" counts no troops
    "How many warships did the US plan to send to the Black Sea?",  # "the two leaders"
])
def test_how_many_needs_a_passage_counting_what_is_asked(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


@pytest.mark.parametrize(("question", "needle"), [
    ("How many countries are in the Arctic Council?", "eight states"),  # countries ~ states
    ("How many outside countries watch Arctic affairs as observers?", "13 countries"),
    # ... or things its sentence says are what is counted ("13 countries … as observers").
    ("how many observers does the arctic council have", "13 countries"),
    ("Arktik Konseyi'nde kac ulke var", "eight states"),
])
def test_a_passage_counting_what_is_asked_answers(
    matcher: Matcher, question: str, needle: str
) -> None:
    answers = matcher.match(question).answers
    assert answers and needle in answers[0].entry.text


def test_a_subject_named_inside_anothers_name_is_not_one_the_expert_covers(
    matcher: Matcher,
) -> None:
    """Dilek names the Arctic Ocean among disputed regions, not the Arctic Council."""
    assert matcher.match("What did Dilek say about the Arctic Council?").declined
    assert matcher.match("What did Dilek say about the founding of the Arctic Council?").declined
    arctic = matcher.match("What did Dilek say about the Arctic?").answers
    assert arctic and arctic[0].entry.id == "dilek-sanctions-tensions"


@pytest.mark.parametrize(("question", "entry_id"), [
    # Alternate questions of the knowledge base that the five decline rules must not decline:
    ("On what date did Washington's top diplomat sit down with Lavrov?",
     "context-meeting-date-place"),  # "date" is "what date", no subject inside another
    ("Does Biden think Trump was too soft on Russia?", "ozan-trump-concessions"),  # a view
    ("Raporda kaç uzman görüş bildiriyor?", "context-experts-list"),  # what is counted unread
])
def test_the_decline_rules_leave_the_knowledge_bases_own_questions_answered(
    matcher: Matcher, question: str, entry_id: str
) -> None:
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.id == entry_id


@pytest.mark.parametrize(("question", "entry_id"), [
    # What the briefing reports of an expert's point before quoting them (an entry's `lead`).
    ("Does Öymen think the statements before the meeting should be overlooked?",
     "oymen-normalize-arctic"),
    ("Has the conflict in the Arctic been evolving for decades, according to Başbuğ?",
     "basbug-arctic-face-to-face"),
    ("Is Russia a joke in the Arctic according to Başbuğ?", "basbug-troops"),
])
def test_the_briefings_report_of_a_point_finds_its_quote(
    matcher: Matcher, question: str, entry_id: str
) -> None:
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.id == entry_id
    assert answers[0].entry.lead and answers[0].entry.passage.startswith(answers[0].entry.lead)


@pytest.mark.parametrize("question", [
    "Tell me a joke about Russia",
    "Do you know any good jokes about Lavrov?",
    "Write a short poem about the Arctic",
    "Bana Rusya hakkında bir fıkra anlat",
])
def test_asked_to_make_something_up_it_declines(matcher: Matcher, question: str) -> None:
    """Başbuğ says Russia is "not a joke": no joke about Russia to tell."""
    assert matcher.match(question).declined


def test_a_turkish_word_in_the_tables_is_no_form_of_another(matcher: Matcher) -> None:
    """"katılmış" (took part) is a form of "katılmak", not of "katil" (murderer)."""
    assert matcher.vocabulary.in_english(["katilmis"]) == ["join"]
    assert matcher.vocabulary.in_english(["katil"]) != ["join"]


@pytest.mark.parametrize("question", [
    "Özge Eletek kaç doğumlu?",  # "kaç doğumlu" asks the year of birth, and "kaç" is asked
    "Eletek nerde doğdu?",  # "nerde", as "nerede" is often typed
    "Eletek ortaokulu nerede okudu?",  # schooling words
])
def test_turkish_questions_on_the_biography_find_it(matcher: Matcher, question: str) -> None:
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.id == "context-compiler-biography"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("What does ANKASAM stand for?", "context-briefing-ankasam"),  # asked like what it is
    ("ANKASAM'ın açılımı nedir?", "context-briefing-ankasam"),
    ("Deniz Berktay ne iş yapıyor?", "berktay-profile"),  # "iş" (job), not English "is"
])
def test_what_a_name_stands_for_and_what_someone_does_are_asked_of_them(
    matcher: Matcher, question: str, entry_id: str
) -> None:
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.id == entry_id
    assert matcher.match("What does NATO stand for?").declined  # a name it does not mention


@pytest.mark.parametrize("question", [
    "hindistan arktik konseyinde gozlemci ulke mi",  # a Turkish country name, lower case
    "is india an arctic council observer",
])
def test_a_country_however_written_is_a_name_the_briefing_may_not_mention(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.declined and result.hint == "The briefing does not mention India."


@pytest.mark.parametrize("question", [
    "when did blinken and lavrov meet in geneva",  # a city, lower case
    "blinken lavrov cenevrede mi gorustu",  # ... and in Turkish
])
def test_a_city_however_written_is_a_name_the_briefing_may_not_mention(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.declined and result.hint == "The briefing does not mention Geneva."
    assert not matcher.match("when did blinken and lavrov meet in reykjavik").declined


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Arktik Beşlisi hangi ülkelerden oluşur?", "basbug-arctic-council"),
    ("Which outside countries watch the Arctic as observers?", "basbug-observers"),
])
def test_the_arctic_five_and_the_observers_are_two_subjects(
    matcher: Matcher, question: str, entry_id: str
) -> None:
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.id == entry_id


@pytest.mark.parametrize("question", [
    "What is the topic of Özge Eletek's master's thesis?",  # a personal fact never stated
    "Özge Eletek'in yüksek lisans tezinin konusu nedir?",
    "When did Japan become an observer at the Arctic Council?",  # "13 countries" is no time
])
def test_what_the_passage_does_not_state_is_declined(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).declined


def test_a_time_is_a_year_or_a_time_word() -> None:
    from knowledge.decision import gives

    assert not gives("time", "13 countries, such as China and Japan, follow it as observers.")
    assert gives("time", "the meeting on May 20, 2021") and gives("time", "for decades")
    # A date asked: a year or a month; "in the near future" is a time, but no date.
    asked = tokens("On what exact date will the troops leave?")
    assert gives("time", "the meeting on May 20, 2021", asked)
    assert not gives("time", "to withdraw its troops in the near future", asked)
    assert gives("time", "to withdraw its troops in the near future", tokens("When will it?"))
    # ... and so a deadline: "What is the deadline for …?" asks a date, which "in the near
    # future" does not give.
    assert not gives("time", "to withdraw its troops in the near future",
                     tokens("What is the deadline for the troops to leave?"))
    # "which date" asks a date as "what date" does.
    assert asked_kind(tokens("On which date did they meet?")) == "past"
    # An exact date is a day of a month: not "in June 2021", nor "in 1867".
    asked = tokens("What is the exact date of the Biden-Putin summit?")
    assert not gives("time", "the meeting planned to be held in June 2021", asked)
    assert not gives("time", "Alaska, which it bought from Russia in 1867", asked)
    # ... and so in words alone, opening with the date.
    assert asked_kind(tokens("exact date of the biden putin summit")) == "time"


def test_the_exact_date_asked_is_a_day(matcher: Matcher) -> None:
    """Dilek and Berktay give the Biden-Putin summit a month, the introduction the Reykjavik
    meeting a day ("on May 20, 2021")."""
    assert matcher.match("exact date of the biden putin summit").declined
    assert top(matcher, "exact date of the reykjavik meeting") == "context-meeting-date-place"


def test_a_word_of_the_same_stem_in_another_sense_is_not_held() -> None:
    from knowledge.decision import holds

    # "gave the signs that …" tells of nothing signed; "signed" and "will sign" do.
    assert not holds("the meeting gave the signs that the tension will decrease", ["signed"])
    assert holds("the two ministers signed a declaration", ["sign"])
    assert holds("Biden and Putin will sign it", ["signed"])


@pytest.mark.parametrize(("question", "hint"), [
    ("What poison was used against Alexei Navalny?", "The briefing does not mention poison."),
    ("Which vaccine did Russia offer the US?", "The briefing does not mention vaccine."),
    # A word of the general vocabulary is a real word, though wordfreq's small list lacks it.
    ("Which oligarchs did Washington sanction?", "The briefing does not mention oligarchs."),
    # "What's the X …", read "what the X …", asks as "What is the X …?" does.
    ("What's the weather like in Reykjavik in May?", "The briefing does not mention weather."),
    ("whats the weather like in reykjavik", "The briefing does not mention weather."),
])
def test_what_a_question_asks_for_must_be_known(matcher: Matcher, question: str,
                                                hint: str) -> None:
    result = matcher.match(question)
    assert result.declined and result.hint == hint
    # Not a kind of thing asked, nor a misspelt word of the question.
    assert matcher.match("What sort of relationship did Obama want with Russia?").answers
    assert matcher.match("what dose basbug think about the russian army in the artic").answers


def test_a_verb_form_is_no_misspelt_place() -> None:
    """"beefing" (up its forces) is not "Beijing"; "Bejing" still is."""
    from knowledge.words import may_correct

    assert not may_correct(["beefing"], "beijing")
    assert may_correct(["bejing"], "beijing")
    assert may_correct(["meeting"], "meetings")  # a form of the word itself


# ------------------------------------------------------------ eighth round: general vocabulary

def test_a_doubled_consonant_is_one_before_an_ending() -> None:
    # English doubles a final consonant before -ing and -ed: "planning" is "plan".
    assert stem("planning") == stem("planned") == stem("plans") == "plan"
    assert stem("stopped") == "stop"
    assert stem("called") == "call" and stem("passed") == "pass"  # -ll, -ss are the word's
    assert stem("freeing") == stem("free") and stem("agreeing") == stem("agree")  # vowels


@pytest.mark.parametrize(("question", "expected"), [
    # "planning" is the passage's "plans"; the Americans are its "USA" and "Washington".
    ("What are the Americans planning in the Arctic?", "basbug-arms-race"),
    ("What is Washington planning up there, says Başbuğ?", "basbug-arms-race"),
    # Verbs of mentioning made of two words: whether the expert says it.
    ("Which expert brings up Syria?", "oymen-crimea-ukraine-syria"),
    ("Does the ex-ambassador touch on Syria?", "oymen-crimea-ukraine-syria"),
    # A president's team is the administration.
    ("How harsh was the Biden team on Russia, according to Ozan?", "ozan-ukraine-crisis"),
    # To pave the way is to prepare; what must not be ignored is what "should not be
    # overlooked"; famous is "known"; a country's moves are its "actions".
    ("What was Reykjavik meant to pave the way for?", "dilek-biden-putin-prep"),
    ("What did Öymen say we should not ignore?", "oymen-normalize-arctic"),
    ("What is the far north famous for?", "basbug-resources-trade-routes"),
    ("Which Russian moves did the USA react to?", "oymen-crimea-ukraine-syria"),
    # Countries that observe the region are the ones that "closely follow" it.
    ("How many countries observe the Arctic?", "basbug-observers"),
    # What is said on TV is said in an interview; the big players are the "leading actors".
    ("What did Biden say about Putin on TV?", "berktay-biden-harsh"),
    ("Which big players want new routes, per Başbuğ?", "basbug-resources-trade-routes"),
    # An edge is an advantage.
    ("What edge does Russia enjoy in the far north?", "basbug-resources-russia"),
    # A shock is a surprise; to cozy up is to get closer.
    ("Is it shocking that Biden went soft on Moscow?", "ozan-harsh-to-soft"),
    ("Why does Washington mind Moscow cozying up to Beijing?", "ozan-china"),
    # To cool things down is to calm them ("reduce the tension").
    ("How is Washington trying to cool things down, per Dilek?", "dilek-long-dialogue"),
    # Words around an amount asked that name nothing ("cited", "bunlar": these), which the
    # amount rule would otherwise decline as unknown.
    ("According to the WTO figures cited, how much of world trade goes by sea?",
     "basbug-resources-trade-routes"),
    ("Kaç ülke Arktik'i izliyor, bunlar kim?", "basbug-observers"),
    # A headache is a problem; belligerent is aggressive; a showdown is a confrontation.
    ("What was the biggest headache for the Biden team, per Ozan?", "ozan-ukraine-crisis"),
    ("What will the USA do if Russia turns belligerent?", "oymen-aggressive-response"),
    ("Is the Arctic the stage for the next showdown between Moscow and Washington?",
     "basbug-new-tension"),
    # What stopped or blocked something is what "prevented" it.
    ("What stopped the two countries from building a real dialogue?", "oymen-deterioration"),
    ("What has blocked a true dialogue between Washington and Moscow?", "oymen-deterioration"),
    # A policy that failed or collapsed is one whose applicability "ended".
    ("How did Obama's Reset fail?", "dilek-ukraine-crimea-sanctions"),
    ("What made the reset policy collapse, according to Dilek?", "dilek-ukraine-crimea-sanctions"),
    # To make sense of something is to understand it, to analyze it.
    ("Dilek: what comes first if we want to make sense of the talks?", "dilek-obama-first-term"),
    # What is upcoming or forthcoming is in the future.
    ("Which forthcoming meeting really matters, according to Berktay?", "berktay-leaders-summer"),
    # A flare-up is a tension.
    ("Which region could see the next flare-up between Washington and Moscow?",
     "basbug-new-tension"),
    # An amount asked: a passage that gives none is skipped before the fallback to a passage
    # that holds all that was asked ("80% of the world trade is made by seaways").
    ("What share of global commerce goes by ship?", "basbug-resources-trade-routes"),
    # Contested regions are disputed ones; beneath the surface is underground; a worthwhile
    # contact is a beneficial one; a precondition is a condition; tools are the cards played.
    ("Which contested areas saw tension rise after the sanctions?", "dilek-sanctions-tensions"),
    ("What lies beneath the Arctic's surface?", "basbug-resources-trade-routes"),
    ("Does Öymen think contact is worthwhile?", "oymen-mutual-contact"),
    ("What was Russia's precondition for working with Washington?", "ozan-moscow-conditions"),
    ("Which tools did the US use over Ukraine?", "ozan-ukraine-crisis"),
    # "simply", "eventually", "as a whole" say how, not what: nothing a passage must hold.
    ("What does simply sitting at the same table show?", "ozan-sitting-at-table"),
    # A two-word verb read as the one word it means ("beefing up": increases).
    ("Why is the Kremlin beefing up its military near the pole?", "basbug-russia-military"),
    ("Why does Russia keep building up forces in the north?", "basbug-russia-military"),
    # ... in any of its forms: "pulls out", as "pull out" (which a topic may hold) is.
    ("What happens after the US pulls out?", "ozan-afghanistan"),
    ("What will happen when American troops pull out?", "ozan-afghanistan"),
    # Idioms: to keep an eye on is to follow; smooth sailing is easy; to pay off is to be
    # beneficial; to boil over is to escalate; to fall apart is to collapse.
    ("How many outside countries keep an eye on the Arctic as observers?", "basbug-observers"),
    ("Will it be smooth sailing for the two countries to work together?",
     "ozan-sitting-at-table"),
    ("Why does the retired diplomat think contact will pay off?", "oymen-mutual-contact"),
    ("According to Ozan, did both capitals keep things from boiling over?",
     "ozan-calm-language"),
    ("why did the reset fall apart", "dilek-ukraine-crimea-sanctions"),
    # What one expects is what one foresees.
    ("Who does Başbuğ expect to blink first in the Arctic?", "basbug-us-step-back"),
    # "one" after or before a modal is anyone, not a number; "single" before a superlative
    # only stresses it; the expert named after "says" is the one speaking.
    ("Where should one begin to make sense of the Blinken-Lavrov meeting?",
     "dilek-obama-first-term"),
    ("Where must one begin to understand the Blinken-Lavrov meeting, says Dilek?",
     "dilek-obama-first-term"),
    ("Where must one begin to understand the Blinken-Lavrov meeting, says the Atatürk "
     "University professor?", "dilek-obama-first-term"),
    ("In Emre Ozan's view, what was the single biggest sore point between the US and Russia?",
     "ozan-ukraine-crisis"),
    ("What was the single largest issue dividing Washington and Moscow in spring 2021?",
     "ozan-ukraine-crisis"),
    # A signal or a message is what is sent: "send" adds nothing; a message is a signal.
    ("What signal did the Blinken-Lavrov talks send about future tension?",
     "berktay-leaders-summer"),
    ("What message did the Blinken-Lavrov meeting send about the future, according to Berktay?",
     "berktay-leaders-summer"),
    # Where a figure comes from ("WTO data") is no word its passage must hold; trade carried,
    # shipped or transported by sea goes by sea.
    ("According to WTO data, what percentage of world trade goes by sea?",
     "basbug-resources-trade-routes"),
    ("What percentage of world trade is carried by sea?", "basbug-resources-trade-routes"),
    # Idioms read as the word they mean, in "Which X …" too: hot spots are disputed regions,
    # a knock-on effect a consequence, the campaign trail the campaign.
    ("Which hot spots flared up because of the sanctions on Russia?", "dilek-sanctions-tensions"),
    ("What knock-on effects did the sanctions on Russia have?", "dilek-sanctions-tensions"),
    ("What did Trump promise Russia on the campaign trail?", "dilek-trump-candidate"),
    # A passage's idioms are read as their meaning too: companies that "pay attention to the
    # region" follow it (as the observers "closely follow" it, who are no companies).
    ("What sort of firms follow the Arctic?", "basbug-resources-russia"),
    ("Which firms are monitoring the Arctic region?", "basbug-resources-russia"),
    # Backing off is retreating ("the USA retreated", when it did not send its warships).
    ("Is the White House backing off from Moscow?", "berktay-warships-black-sea"),
    # Strange is surprising ("after it turns into soft policy is not surprise").
    ("Was it strange that America went soft on Moscow?", "ozan-harsh-to-soft"),
    # A run-up or a warm-up to something prepares it; a homecoming is a return.
    ("What was the ministers' meeting a run-up to, according to the journalist?",
     "berktay-biden-putin-prep"),
    ("Which summit was the Reykjavik meeting a warm-up for?", "dilek-biden-putin-prep"),
    ("Was Navalny's homecoming linked to Biden's arrival?", "berktay-navalny-belarus"),
    # Open to something is willing, as in favour of it is ("both sides are in favor of
    # initiating a dialogue"), not a channel opened.
    ("Are the two capitals open to dialogue, per Öymen?", "oymen-dialogue-common-interests"),
    ("Are Washington and Moscow open to talking, according to Öymen?",
     "oymen-dialogue-common-interests"),
    # What stopped working failed.
    ("When did Obama's reset stop working?", "dilek-ukraine-crimea-sanctions"),
    # A label is a characterization; "uni" is a university.
    ("Which label did Biden use for Putin?", "berktay-biden-harsh"),
    ("Which uni does Eletek study at?", "context-compiler-biography"),
    # School is education ("completing primary and secondary education in İzmir").
    ("In which city did Eletek go to school?", "context-compiler-biography"),
    # To act is to behave ("davrandı": acted), as the passages' attitude and stance.
    ("Why did Biden act so harshly toward Moscow, per Ozan?", "ozan-trump-concessions"),
    # "admin" is the administration; a posture is a stance; quick is soon ("soon resorted to
    # a calm language"); what was said beforehand was said before the meeting.
    ("Is the Biden admin softening its line on Moscow?", "ozan-harsh-to-soft"),
    ("What did the US warn about an aggressive Russian posture?", "oymen-aggressive-response"),
    ("How quickly did the harsh words give way to calm, per Ozan?", "ozan-calm-language"),
    ("What did Blinken and Lavrov say beforehand, according to Öymen?",
     "oymen-normalize-arctic"),
    # To tie one thing to another is to link them ("in connection with"); to grab land is
    # to seize it, as an annexation.
    ("Which experts tie the Reykjavik meeting to the planned Biden-Putin summit?",
     "dilek-biden-putin-prep"),
    ("Who mentions Russia grabbing Crimea?", "oymen-crimea-ukraine-syria"),
    # Hoping for is wishing; a prelude to something prepares it; to hint is to signal; to
    # stay is to remain; items on an agenda are its issues.
    ("What kind of ties with Moscow is Washington hoping for now?", "berktay-predictable"),
    ("As a prelude to what does Berktay see the meeting?", "berktay-biden-putin-prep"),
    ("What did the meeting hint about tensions going forward?", "berktay-leaders-summer"),
    ("Did the good atmosphere stay when the two ministers met?",
     "berktay-constructive-atmosphere"),
    ("Apart from bilateral ties, which other agenda items came up?", "context-other-issues"),
    # To exploit a crisis is to take advantage of it.
    ("What did the Americans exploit the Ukraine crisis for?", "berktay-warships-black-sea"),
    # Actual peace is real peace ("for real peace").
    ("what will it take for actual peace between the two", "dilek-long-dialogue"),
])
def test_general_vocabulary_finds_the_passage(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    # His passages on the meeting's atmosphere and on its being the first score above the
    # one on what it prepares, and each lacks part of what is asked: both are set aside.
    ("how does berktay read the meeting", "berktay-biden-putin-prep"),
    ("Why look at the past to understand the Blinken Lavrov talks?", "dilek-obama-first-term"),
])
def test_several_best_matches_lacking_part_of_the_question_are_passed(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


@pytest.mark.parametrize("question", [
    # The summit's passages lack "outcome" and "2021", words an answer must hold: past them,
    # no passage lower down answers ("calm language" holds them, on the spring's tension).
    "What was the outcome of the Biden–Putin summit in June 2021?",
])
def test_past_a_best_match_lacking_a_word_it_must_hold_nothing_answers(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.declined, result.answers[0].entry.id


def test_a_two_word_verb_is_read_as_one_word() -> None:
    assert in_one_word("why is russia building up its forces".split()) == [
        "why", "is", "russia", "increase", "its", "forces"]
    assert in_one_word("will they ramp up".split()) == ["will", "they", "escalate"]
    # An idiom of several words, the longest read first.
    assert in_one_word("do they keep an eye on it".split()) == ["do", "they", "follow", "it"]
    assert in_one_word("will it be smooth sailing".split()) == ["will", "it", "be", "easy"]
    assert in_one_word("keep an eye".split()) == ["keep", "an", "eye"]
    # A particle alone, or after another verb, stays as it is.
    assert in_one_word("up north".split()) == ["up", "north"]
    assert in_one_word("they sat up".split()) == ["they", "sat", "up"]


def test_a_country_its_people_and_its_capital_are_one(matcher: Matcher) -> None:
    vocabulary = matcher.vocabulary
    for asked, written in (("russians", "russia"), ("americans", "washington"),
                           ("kremlin", "moscow"), ("chinese", "china")):
        _, matches = vocabulary.map_words([asked])
        assert vocabulary.index_of[written] in {i for i, _ in matches[0]}, asked


def test_a_dated_title_names_the_expert(matcher: Matcher) -> None:
    # "former", "retired", "ex" before the title are part of naming him, not what is asked.
    result = matcher.match("What does the former diplomat expect from mutual contact?")
    assert result.experts and result.experts[0].id == "oymen"
    assert result.answers and result.answers[0].entry.id == "oymen-mutual-contact"


def test_when_will_asks_a_time_to_come(matcher: Matcher) -> None:
    # The biography's years (1999, 2021) date what she has done, not when she will finish.
    assert matcher.match("When will Özge Eletek complete her master's degree?").answers == ()
    assert matcher.match("When will Eletek graduate?").answers == ()
    # A passage that looks ahead answers: "planned to be held in June".
    assert top(matcher, "When will Biden and Putin meet?") == "dilek-biden-putin-prep"
    assert top(matcher, "Liderler zirvesi ne zaman yapılacak?") in (
        "basbug-leaders-meeting", "berktay-leaders-summer")


@pytest.mark.parametrize(("question", "expected"), [
    # "Who VERB …?" asks who did it: only a passage saying who did it answers.
    ("Who signed the Ottawa Declaration?", None),
    ("Who pushed the reset button together with Lavrov?", None),
    # ... in its own words: "called" is the passage's "characterizing … as".
    ("Who called Putin a killer?", "berktay-biden-harsh"),
    ("Who met Lavrov in Reykjavik?", "context-meeting-date-place"),
])
def test_who_did_it_needs_a_passage_saying_who_did_it(
    matcher: Matcher, question: str, expected: str | None
) -> None:
    answers = matcher.match(question).answers
    if expected is None:
        assert not answers, answers[0].entry.id
    else:
        assert answers and answers[0].entry.id == expected


@pytest.mark.parametrize(("question", "hint"), [
    # The briefing names Russia's foreign minister and a former US president, no office of
    # Iceland, China or Belarus: whoever holds one is not in it, whatever else is shared.
    ("Who was Iceland's foreign minister hosting the Arctic Council meeting?",
     "The briefing does not mention Iceland's foreign minister."),
    ("Did the Chinese foreign minister attend the Reykjavik meeting?",
     "The briefing does not mention China's foreign minister."),
    ("Who is the leader of the Belarusian opposition?",
     "The briefing does not mention Belarus's leader."),
    ("İzlanda dışişleri bakanı kimdi?",
     "The briefing does not mention İzlanda dışişleri bakanı."),
    # The whole office is named, before the country or after it.
    ("Who is the Icelandic prime minister?",
     "The briefing does not mention Iceland's prime minister."),
    ("Who is the prime minister of Iceland?",
     "The briefing does not mention Iceland's prime minister."),
])
def test_an_office_of_a_country_the_briefing_names_no_office_of_is_declined(
        matcher: Matcher, question: str, hint: str) -> None:
    result = matcher.match(question)
    assert result.declined and result.hint == hint


@pytest.mark.parametrize("question", [
    "How much of world trade goes by air, per the WTO?",
    "What share of global trade goes by air, per the WTO?",
])
def test_an_amount_of_something_the_briefing_never_names_is_declined(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.declined
    assert "air" in result.hint


def test_the_noun_a_which_question_asks_for_must_be_known(matcher: Matcher) -> None:
    # "TV" is known (an interview); the network asked for is not.
    result = matcher.match("Which television network carried the Biden interview?")
    assert result.declined and result.hint == "The briefing does not mention network."


@pytest.mark.parametrize(("question", "word"), [
    # "What is the X of Y?" asks for the X: a depth, a capacity it never gives.
    ("What is the depth of the Black Sea?", "depth"),
    ("What is the capacity of Nord Stream 2?", "capacity"),
])
def test_what_is_the_x_of_asks_for_the_x(matcher: Matcher, question: str, word: str) -> None:
    result = matcher.match(question)
    assert result.declined and result.hint == f"The briefing does not mention {word}."


def test_the_x_of_what_is_the_x_of_must_be_in_the_answer(matcher: Matcher) -> None:
    # A word the briefing knows ("outcome" is a result), but the passage on the summit's
    # preparation gives no outcome of it.
    assert matcher.match("What was the outcome of the summit between Biden and Putin?").declined


@pytest.mark.parametrize(("question", "entry"), [
    # A purpose or a name is given without the word: "aimed to prepare", "Nord Stream-2".
    ("What was the purpose of the Reset policy?", "dilek-reset"),
    ("What is the name of the pipeline to Germany?", "berktay-nord-stream"),
])
def test_what_is_the_x_of_a_purpose_or_name_needs_no_such_word(
    matcher: Matcher, question: str, entry: str
) -> None:
    result = matcher.match(question)
    assert result.answers and result.answers[0].entry.id == entry


def test_summing_up_is_framing(matcher: Matcher) -> None:
    result = matcher.match("How does Öymen sum up the talks?")
    assert result.answers and result.answers[0].entry.expert.id == "oymen"


@pytest.mark.parametrize("question", [
    # "claims" after a possessive is a noun: nobody's words are asked, so the passage need
    # not report anyone speaking.
    "How does the US use its Alaska claims in the Arctic?",
    "Does the US extend its claims from Alaska to the whole region?",
])
def test_a_speech_word_written_as_a_noun_asks_no_ones_words(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.answers and result.answers[0].entry.id == "basbug-alaska"


def test_who_stands_to_asks_the_deed_after_to(matcher: Matcher) -> None:
    # The deed of "Who stands to gain …?" is "gain", which the passage holds; "stands" is
    # not a deed a passage must hold.
    result = matcher.match("Who stands to gain influence in Afghanistan once the Americans leave?")
    assert result.answers and result.answers[0].entry.id == "ozan-afghanistan"


def test_a_document_named_by_a_place_is_told_only_where_it_is_so_named(
    matcher: Matcher
) -> None:
    """The briefing's one declaration is the Ottawa Declaration that set up the Arctic
    Council: a "Reykjavik declaration" is another document."""
    assert matcher.match("Was a Reykjavik declaration adopted by the Arctic Council?").declined
    assert top(matcher, "What did Başbuğ say about the Ottawa Declaration?") == (
        "context-arctic-council-founding")


def test_a_document_named_by_a_name_of_its_own_is_told_only_where_it_is_so_named(
    matcher: Matcher
) -> None:
    """"The New START treaty" is a document of its own, which no passage names: Dilek's words on
    the Reset do not tell of it. A capital opening the question ("Which Declaration …") is no
    name."""
    for question in ("Did Obama's reset lead to the New START treaty, in Dilek's view?",
                     "Was the Obama reset behind the New START Treaty?"):
        assert matcher.match(question).declined, question
    assert top(matcher, "Which Declaration set up the Arctic Council?") == (
        "context-arctic-council-founding")


def test_a_capital_travelled_to_is_the_city_not_its_government(matcher: Matcher) -> None:
    """"Did Blinken fly to Kyiv …?" asks of a trip, which no passage writing "Kyiv" tells;
    "Did the US side with Kyiv?" asks of Ukraine's government, which Ozan's passage does."""
    assert matcher.match("Did Blinken fly to Kyiv after the meeting?").declined
    assert top(matcher, "Did the US side with Kyiv?") == "ozan-ukraine-crisis"


def test_what_befell_a_person_is_told_with_the_person_undergoing_it(
        matcher: Matcher) -> None:
    """"What happened to Navalny …?" asks his fate; Berktay tells of his return and his
    statements, what he did, and of nothing done to him. What happened to a plan is still
    what the passage on the plan tells."""
    assert matcher.match("What happened to Navalny when he flew home to Moscow?").declined
    assert matcher.match("what became of navalny after his return from germany").declined
    assert top(matcher, "What happened to the US plan to send warships to the Black Sea?") == (
        "berktay-warships-black-sea")


def test_a_country_left_is_not_where_one_stayed(matcher: Matcher) -> None:
    """Berktay names Germany only as where Navalni returned from: why he was there, or what
    took him there, is not told. His return is; and an expert's view on a country is no stay."""
    assert matcher.match("Why did Navalny live in Germany?").declined
    assert matcher.match("what took navalny to germany").declined
    assert top(matcher, "Did Navalny come back from Germany?") == "berktay-navalny-belarus"
    assert top(matcher, "What will happen in Afghanistan, according to Ozan?") == (
        "ozan-afghanistan")


def test_a_field_of_study_is_the_degrees_asked(matcher: Matcher) -> None:
    """The biography names the department of Eletek's first degree, not of her master's: the
    field of the master's is not told. The field she graduated in, or studied, is."""
    assert matcher.match("Which department does Eletek's master's degree belong to?").declined
    assert matcher.match("what field is the compiler's masters in").declined
    assert top(matcher, "Which department did Eletek graduate from?") == (
        "context-compiler-biography")
    assert top(matcher, "What field did Özge Eletek study?") == "context-compiler-biography"


def test_the_start_of_a_term_of_office_is_not_a_meeting_date(matcher: Matcher) -> None:
    """The introduction dates the meeting Foreign Minister Lavrov attended, not when he took
    office; the meeting's date is still its answer."""
    assert matcher.match("When did Sergey Lavrov become foreign minister?").declined
    assert matcher.match("Since when has Lavrov held the post of foreign minister?").declined
    assert matcher.match("Lavrov ne zaman dışişleri bakanı oldu?").declined
    assert top(matcher, "When did Blinken and Lavrov meet?") == "context-meeting-date-place"


def test_a_point_of_the_compass_alone_is_a_direction_not_a_name(matcher: Matcher) -> None:
    """"Up north" is the Arctic's way, not North Korea: Ozan's passage on Iran and North
    Korea does not answer it. "North Korea" still finds it."""
    assert top(matcher, "how do washington and moscow behave up north") == (
        "basbug-arctic-face-to-face")
    answers = matcher.match("How do the US and Russia deal with each other in the north?")
    assert "ozan-iran-north-korea" not in [a.entry.id for a in answers.answers]
    assert top(matcher, "What did Ozan say about North Korea?") == "ozan-iran-north-korea"


def test_the_introduction_asked_is_the_briefings_own_words(matcher: Matcher) -> None:
    """"What does the introduction say …" asks the briefing's opening, where the meeting "was
    completed in a constructive atmosphere": not Berktay's Lavrov, who "speaks of
    constructive atmosphere"."""
    assert top(matcher, "What does the introduction say about the atmosphere of the meeting?") \
        == "context-meeting-date-place"
    assert top(matcher, "intro: what atmosphere were the talks completed in") == (
        "context-meeting-date-place")
    # ... however the briefing is named after it ("of this report"): framing, not ANKASAM's
    # own passage on the report.
    assert top(matcher, "According to the introduction of this briefing, how did the meeting "
                        "go overall?") == "context-meeting-date-place"


def test_the_occasion_asked_is_the_event_named(matcher: Matcher) -> None:
    """Which gathering the ministers attended is told by the introduction, where they "met
    during the Arctic Council"; Berktay tells only that it was their first meeting as
    ministers. Conferences Eletek attended are named nowhere."""
    assert top(matcher, "what conference did the two foreign ministers attend when they met in "
                        "iceland") == "context-meeting-date-place"
    assert matcher.match("Which specific conferences did Eletek attend?").declined


@pytest.mark.parametrize("question", [
    "Who is likely to back down if there is an Arctic standoff?",
    "who is likely to blink first in an arctic showdown",
])
def test_likely_to_after_who_is_no_possibility_asked(matcher: Matcher, question: str) -> None:
    """"Who is likely to back down?" asks who will: Başbuğ's US that "will take a step back",
    not his "possibility of a new tension"."""
    assert top(matcher, question) == "basbug-us-step-back"


@pytest.mark.parametrize("question", [
    "Is conflict in the Arctic likely?",
    "Does Başbuğ think a clash over the Arctic is likely?",
])
def test_a_likelihood_asked_is_still_a_possibility(matcher: Matcher, question: str) -> None:
    """"likely" asked of itself is Başbuğ's "possibility of a new tension": these go to his
    Arctic as a place of confrontation when "likely" is dropped everywhere."""
    assert top(matcher, question) == "basbug-new-tension"


def test_back_with_an_object_is_support(matcher: Matcher) -> None:
    """"Did the US back Ukraine" asks whether it supported it (Ozan: "The USA obviously
    supported Ukraine"), not Berktay's US that had to "back down"; "back down" still retreats."""
    assert top(matcher, "How did the US back Ukraine during the crisis?") == (
        "ozan-ukraine-crisis")
    assert top(matcher, "Will the US back down in the Arctic?") == "basbug-us-step-back"


def test_an_effect_is_told_by_the_passage_pointing_back(matcher: Matcher) -> None:
    """Öymen names Moscow's actions (Crimea, Ukraine, Syria), then says "These policies have
    caused deterioration …": what they did to relations is told by the second. What the
    actions were is still the first."""
    assert top(matcher, "How did the annexation of Crimea affect US-Russia relations, per "
                        "Öymen?") == "oymen-deterioration"
    assert top(matcher, "What did Russia's Syria policy do to relations with the US?") == (
        "oymen-deterioration")
    assert top(matcher, "What actions of Moscow did Washington react to?") == (
        "oymen-crimea-ukraine-syria")


def test_an_earlier_place_is_not_the_present_one(matcher: Matcher) -> None:
    """The biography names Eletek's internship at ANKASAM, not where she was before it."""
    assert matcher.match("Where was Eletek working before ANKASAM?").declined
    assert matcher.match("where did the compiler work before joining ankasam").declined
    assert top(matcher, "Where does Eletek do her internship?") == "context-compiler-biography"


def test_a_known_name_made_another_is_unknown(matcher: Matcher) -> None:
    """"Black Sea Fleet" is not the Black Sea: no passage writes a fleet. A name whose last
    word the briefing writes ("Black Sea strategies", "pipeline") is still its own."""
    assert matcher.match("Did Ozan mention the Black Sea Fleet?").declined
    assert matcher.match("What did the Black Sea Fleet do in April?").declined
    assert top(matcher, "What did Berktay say about the Nord Stream Pipeline?") == (
        "berktay-nord-stream")
    assert not matcher.match("Tell me about the Black Sea Strategy").declined
    # (Not a title before a surname, nor a question written in capitals.)
    assert top(matcher, "How does Mehmet Sait Mr. Dilek describe the Trump era?") == (
        "dilek-trump-candidate")
    assert top(matcher, "IS NORTH KOREA'S NUCLEAR PROGRAM MENTIONED?") == (
        "ozan-iran-north-korea")


def test_how_something_ended_is_not_told_of_it_ongoing(matcher: Matcher) -> None:
    """Ozan tells of "the ongoing negotiations on Iran's nuclear program": how they ended is
    not told. How the Reykjavik meeting ended still finds its passages."""
    assert matcher.match("How did the negotiations on Iran's nuclear program end?").declined
    assert matcher.match("İran nükleer müzakereleri nasıl sonuçlandı?").declined
    assert not matcher.match("How did the Blinken-Lavrov meeting end?").declined
    assert top(matcher, "How did the Reykjavik talks go?") == "context-meeting-date-place"
    # (The expert asked is no person of the event.)
    assert top(matcher, "How did Obama's reset end, per Mehmet Sait Dilek?") == (
        "dilek-ukraine-crimea-sanctions")


@pytest.mark.parametrize("question", [
    # The end of a time, told in a sentence naming its person (the briefing's own parties
    # and the expert asked need not be named there).
    "How were US-Russia relations at the end of George W. Bush's presidency?",
    "How did the Bush era end for US-Russia relations?",
    "How were US-Russia relations at the end of George W. Bush's presidency, per Mehmet Sait "
    "Dilek?",
])
def test_the_end_of_a_time_is_told(matcher: Matcher, question: str) -> None:
    """Dilek tells of "uneasy relations at the end of the young Bush era"."""
    assert top(matcher, question) == "dilek-reset"


def test_what_went_on_at_a_meeting_of_a_year_needs_the_meeting_told(matcher: Matcher) -> None:
    """The introduction dates the Arctic Council's founding ("established in 1996"), no meeting
    of that year: what was discussed or decided at one is not told. The founding still answers, and
    the briefing's own year is every passage's ("the meeting in 2021", said by Başbuğ)."""
    assert matcher.match(
        "What did the ministers discuss at the Arctic Council session in 1996?").declined
    # (Dilek's sentences of 2016 tell of an election, no meeting.)
    assert matcher.match(
        "What was discussed at the 2016 meeting between Trump and Putin?").declined
    assert top(matcher, "Which countries were at the 1996 meeting that set up the Arctic "
                        "Council?") == "context-arctic-council-founding"
    assert top(matcher, "what did başbuğ say was discussed at the meeting in 2021") == (
        "basbug-iceland-meeting")


@pytest.mark.parametrize("question", [
    "How did the Biden-Putin summit end?",
    "Biden-Putin zirvesi nasıl bitti?",
    "Biden ve Putin zirvesi neyle bitti?",
    "What did the Biden-Putin summit end with?",
    "How did the protests in Belarus end?",
    "Belarus'ta muhalefetin gösterileri nasıl sonuçlandı?",
    # How it went, asked ("go", "pan out"), and its people all in one sentence: Berktay's
    # sentences on Biden alone tell of no meeting with Putin.
    "How did Putin's meeting with Biden go?",
    "So how did the summit between Biden and Putin pan out?",
    "How did the Biden-Putin summit go overall?",
])
def test_how_something_ended_is_not_told_of_it_to_come(matcher: Matcher, question: str) -> None:
    """Berktay and Dilek tell of the Biden-Putin meeting as "foreseen"/"planned to be held",
    Berktay of "the preparations for new protest demonstrations" in Belarus: how they ended is
    not told (how the Blinken-Lavrov meeting ended is, above)."""
    assert matcher.match(question).declined


def test_how_a_meeting_held_went_is_told_where_it_is_told_held(matcher: Matcher) -> None:
    """The introduction tells how the Reykjavik talks ended ("completed in a constructive
    atmosphere"), "overall" or not."""
    assert top(matcher, "how did the talks in reykjavik go overall?") == (
        "context-meeting-date-place")


@pytest.mark.parametrize("question", [
    "Did the US eventually withdraw its troops from Afghanistan?",
    "Did the US withdraw its troops from Afghanistan in the end?",
    "Did Russia end up accumulating troops in the Arctic?",
    "Did Washington later impose new sanctions on the Nord Stream-2 Project?",
    # (A verb whose -ing form no word list has, but its -ed: "sanctioned".)
    "did washington eventually sanction nord stream 2",
])
def test_a_deed_after_all_is_not_told_of_it_to_come(matcher: Matcher, question: str) -> None:
    """Ozan tells of the US as "expected to withdraw its troops", Başbuğ of Russia as one
    that "will not hesitate to accumulate troops", Berktay of Washington declaring it "will not
    impose new sanctions": whether it came about later, after all, is not told."""
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    ("Did the US later give up on sending warships to the Black Sea?",
     "berktay-warships-black-sea"),
    ("Did the US send warships to the Black Sea in the end?", "berktay-warships-black-sea"),
    ("Did the US ultimately buy Alaska from Russia?", "basbug-alaska"),
])
def test_a_deed_told_done_answers_whether_it_came_about(matcher: Matcher, question: str,
                                                         expected: str) -> None:
    """Told done ("decided to send warships …; but later he had to give up on it", "which it
    bought from Russia"), even in a sentence holding "will" ("As it will be remembered")."""
    assert top(matcher, question) == expected


def test_what_ended_something_is_its_cause(matcher: Matcher) -> None:
    """"What ended the reset?" asks what brought it to an end, which Dilek tells."""
    assert top(matcher, "What ended the reset with Moscow?") == "dilek-ukraine-crimea-sanctions"


@pytest.mark.parametrize(("question", "expert"), [
    ("Öymen is a former ambassador. What does he expect from the talks?", "oymen"),
    ("Başbuğ writes about the Arctic. Who does he think will back down?", "basbug"),
])
def test_he_points_back_at_the_sentence_before(matcher: Matcher, question: str,
                                               expert: str) -> None:
    """"he" asks of someone named before: the expert of the sentence before the question."""
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.expert is not None
    assert answers[0].entry.expert.id == expert


def test_the_deed_of_which_in_the_progressive_is_held(matcher: Matcher) -> None:
    """"Which firm is building …?" asks who does it, as "Which company built …?" does: Berktay
    names no builder of the Nord Stream-2 Project. A deed in other words still answers:
    powers "seeking" other routes are Başbuğ's actors who "want to develop" them."""
    assert matcher.match("Which firm is building the Nord Stream-2 pipeline?").declined
    assert top(matcher, "Which powers are seeking other trade routes?") == (
        "basbug-resources-trade-routes")


def test_a_post_held_is_given_by_a_sentence_naming_its_holder(matcher: Matcher) -> None:
    """"Foreign Minister Sergey Lavrov": the introduction gives his post."""
    assert top(matcher, "What position does Lavrov hold?") == "context-meeting-date-place"
    assert matcher.match("What position does Lavrov hold?").answers[1:2] == ()
    # An expert's post, by the profile's title ("Onur Öymen (Retired Ambassador)").
    assert top(matcher, "What job did Öymen have?") == "oymen-profile"


def test_the_deed_of_which_to_come_is_held(matcher: Matcher) -> None:
    """"Which country will chair …?" asks who will do it, which Başbuğ's list of the Council's
    members does not tell; an adverb after "will" is no deed ("will truly be decisive")."""
    assert matcher.match("Which nation will chair the Arctic Council next?").declined
    assert top(matcher, "Which meeting will truly be decisive for relations, per Berktay?") == (
        "berktay-leaders-summer")


def test_the_deed_of_which_is_held_after_a_noun_of_two_words(matcher: Matcher) -> None:
    """"Which EU member countries protested …?" asks which ones did it, as "Which EU countries
    protested …?" does: Dilek tells of sanctions, not of members against them. After a verb
    carrying it ("have drawn"), the deed is the reader's paraphrase of one told."""
    assert matcher.match(
        "Which EU member countries protested the sanctions on Russia in 2014?").declined
    assert top(matcher, "Which Russian steps have drawn a US response, according to Öymen?") == (
        "oymen-aggressive-response")


@pytest.mark.parametrize("question", ["who wants to", "Who stands to"])
def test_a_question_ending_at_to_has_no_deed_and_does_not_fail(
    matcher: Matcher, question: str
) -> None:
    # Cut short after "to": there is no verb to read, and the question is still answered or
    # declined (the reader's message must not crash the handler).
    matcher.match(question)


def test_how_did_it_go_is_framing(matcher: Matcher) -> None:
    # "go" in "How did the talks go?" asks how they went, which the passage on the meeting's
    # atmosphere tells without the word.
    result = matcher.match("how did the talks go - warm or tense?")
    assert result.answers and result.answers[0].entry.id == "berktay-constructive-atmosphere"


@pytest.mark.parametrize("question", [
    # A yes-or-no question asks about the name it opens with: a passage on the US and Russia's
    # military presence does not say whether Denmark wants one, nor what fleet Finland has.
    "Does Denmark want more military presence in the region?",
    "Does Finland have its own fleet?",
])
def test_a_yes_or_no_question_needs_the_name_it_asks_about(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).declined


def test_a_party_of_the_briefing_may_go_unnamed_in_a_yes_or_no_question(
    matcher: Matcher
) -> None:
    result = matcher.match("Does Russia want more troops in the Arctic?")
    assert result.answers and result.answers[0].entry.id == "basbug-troops"


@pytest.mark.parametrize("question", [
    # After a determiner, a number or a country's name, "state" is a noun, not a word of
    # speech: a US state (statehood) is not what "the USA became neighbor … thanks to Alaska"
    # says, nor the year it was bought.
    "When did Alaska become a US state?",
    "What year did Alaska become the 49th state?",
])
def test_a_state_of_a_country_is_asked_about_not_framing(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    # A speech verb stays framing; "the eight states" are the Council's countries.
    ("What does Başbuğ state about Alaska?", "basbug-alaska"),
    ("Which are the eight states of the Arctic Council?", "basbug-arctic-council"),
])
def test_state_as_speech_or_as_countries_still_answers(
    matcher: Matcher, question: str, expected: str
) -> None:
    result = matcher.match(question)
    assert result.answers and result.answers[0].entry.id == expected


@pytest.mark.parametrize(("question", "declined"), [
    # "moves by sea" is how trade goes ("is made by seaways"), not a move to find.
    ("What portion of world trade travels by sea, according to the WTO?", False),
    ("What share of world trade moves by seaways?", False),
    # By air, it is still a share the briefing does not give.
    ("What share of world trade moves by air, according to the WTO?", True),
])
def test_how_goods_move_is_framing(matcher: Matcher, question: str, declined: bool) -> None:
    result = matcher.match(question)
    if declined:
        assert result.declined
    else:
        assert result.answers and result.answers[0].entry.id == "basbug-resources-trade-routes"


@pytest.mark.parametrize(("question", "expected"), [
    # The best match is about something else (the meeting as a first step; the sanctions on
    # Russia's strong sectors); the next holds all that was asked.
    ("In Dilek's view, where should the analysis of the meeting start?", "dilek-obama-first-term"),
    ("Will the US punish Russia's undersea gas route that skips Eastern Europe?",
     "berktay-nord-stream"),
])
def test_a_passage_holding_all_that_was_asked_answers_past_a_best_about_something_else(
    matcher: Matcher, question: str, expected: str
) -> None:
    result = matcher.match(question)
    assert result.answers and result.answers[0].entry.id == expected


def test_a_passage_below_the_best_does_not_answer_past_a_word_it_must_hold(
    matcher: Matcher
) -> None:
    # Biden's "murderer" is Berktay's; how Putin responded is nobody's: the passage on how the
    # USA "will respond" is not the answer.
    assert matcher.match(
        "How did Putin respond after Biden called him a murderer in an interview?").declined
    # ... and so what he answered, a response as well.
    assert matcher.match("What did Putin answer after Biden called him a murderer?").declined


def test_what_portion_asks_an_amount(matcher: Matcher) -> None:
    # "What portion of …" asks an amount as "what share" does, and a portion is a share: the
    # passage giving "80% of the world trade", not the one that only says "many policies"
    # will change, which shares "global" and "ships" with it.
    result = matcher.match("What portion of global commerce moves by ship?")
    assert result.answers and result.answers[0].entry.id == "basbug-resources-trade-routes"


@pytest.mark.parametrize("question", [
    # Where an institution is: only a sentence naming it may say, and the name itself is no
    # answer; the biography says where its student was born ("İzmir"), not where Dokuz Eylül
    # University is.
    "Where is Dokuz Eylul University?",
    "In which city is Dokuz Eylül University located?",
    "dokuz eylül üniversitesi hangi şehirde",
    "Atatürk Üniversitesi hangi şehirde?",
])
def test_where_an_institution_is_needs_a_sentence_on_it(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).declined


@pytest.mark.parametrize("question", [
    # A time asked is read in the sentences on what is asked: the sentence on Eletek's
    # internship gives no year (the biography's years are her birth and graduation), nor the
    # one quoting the WTO the year Russia joined it.
    "When did Eletek start her internship?",
    "When did Russia join the World Trade Organization?",
    # No sentence holds every word ("Özge" only the one on her birth): the one holding most,
    # on her master's, gives no year.
    "Which year did Özge Eletek enrol in her master's at Dokuz Eylül?",
    # "Özge" and "Eletek" mark her birth's sentence as much as "Eletek" and "internship" mark
    # the internship's: of the two, the one holding a word that is no name is read.
    "When did Özge Eletek start her internship at ANKASAM?",
    # The Turkish sentence on her master's writes no name, and holds the one word asked that
    # is none ("yüksek"): it is read, not the one on her birth, which writes both names.
    "Eletek yüksek lisansını hangi yılda tamamladı?",
    # The sentence on her master's names "Dokuz Eylül University", which gives no September.
    "When did Eletek complete her master's?",
    # A span gives no time it began ("in Obama's second term", "the first period of US
    # Former President Barack Obama").
    "When did Obama's second term start?",
    "When did Obama's first term start?",
])
def test_a_time_is_read_where_the_question_is_answered(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    ("When was Özge Eletek born?", "context-compiler-biography"),
    ("Özge Eletek hangi yıl mezun oldu?", "context-compiler-biography"),
    # A choice offered: its own time words are the answer.
    ("When did the Reset end, in Obama's first term or his second?",
     "dilek-ukraine-crimea-sanctions"),
    # ... or a span asked ("in which term?").
    ("When was the reset launched, in which term?", "dilek-reset"),
    # "Biden" is in most passages, and the sentence with the date says "it": not a rare word.
    ("When did Biden move into the White House?", "berktay-biden-harsh"),
])
def test_a_time_in_another_sentence_of_the_passage_still_answers(
    matcher: Matcher, question: str, expected: str
) -> None:
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.id == expected


@pytest.mark.parametrize(("question", "kept"), [
    ("Why didn't Trump get closer?", ["trump", "closer"]),  # "didn't" is "did not"
    ("Which countries observe, and which ones?", ["countries", "observe"]),
])
def test_contractions_and_ones_are_framing(question: str, kept: list[str]) -> None:
    assert [w for w in without_framing(tokens(question)) if w not in STOP_WORDS] == kept


@pytest.mark.parametrize(("question", "kept"), [
    ("Where should one start?", ["where", "should", "start"]),
    ("one must look back", ["must", "look", "back"]),
    ("Which one of the experts spoke?", ["which", "one", "of", "the", "experts", "spoke"]),
    ("Does one country lead?", ["does", "one", "country", "lead"]),
    ("the single biggest problem", ["the", "biggest", "problem"]),
    ("the single worst point", ["the", "worst", "point"]),
    ("a single market", ["a", "single", "market"]),
])
def test_a_generic_one_and_an_emphatic_single_are_framing(question: str,
                                                         kept: list[str]) -> None:
    assert without_framing(tokens(question)) == kept


@pytest.mark.parametrize(("question", "kind"), [
    ("What was the deadline for the withdrawal?", "past"),
    ("What is the date of the summit?", "time"),
    ("How fast is the ice melting each year?", "amount"),
    ("At what rate is the Arctic warming per decade?", "amount"),
    ("What is the capacity of Nord Stream 2?", "amount"),
    ("How quickly did Moscow respond?", None),  # how soon, not a figure
    ("How quickly did Moscow respond, per Ozan?", None),  # "per" an expert is no rate
    ("How fast are the glaciers melting a year?", "amount"),
    ("How fast did the tension decrease?", None),
])
def test_a_rate_or_a_figure_noun_asks_an_amount(question: str, kind: str | None) -> None:
    assert asked_kind(tokens(question)) == kind


@pytest.mark.parametrize(("text", "given"), [
    ("the Nord Stream-2 Project will export Russian natural gas", False),
    ("the Nord Stream 2 pipeline", False),
    ("the meeting on May 20 was constructive", False),
    ("About 80% of the world trade is made by seaways", True),
    ("Over 13 countries take part as observers", True),
])
def test_a_number_in_a_name_is_no_amount(text: str, given: bool) -> None:
    assert gives("amount", text) is given


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Which Russian foreign minister met Blinken?", "context-meeting-date-place"),
    ("Which president called Putin a killer?", "berktay-biden-harsh"),
    # The second Nord Stream pipeline is the briefing's Nord Stream-2.
    ("Why did the US drop sanctions on the second Nord Stream pipeline?", "berktay-nord-stream"),
    ("Who was the US president during the reset?", "dilek-obama-first-term"),
])
def test_an_office_asked_with_which_is_answered_by_a_passage_naming_its_holder(
        matcher: Matcher, question: str, entry_id: str) -> None:
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.id == entry_id


def test_a_place_the_source_misspells_is_still_a_place(matcher: Matcher) -> None:
    """The source writes Reykjavik "Rejkjavik", once: one letter from a known place, so it is
    that place (a city asked is given there), not a person's name written alone in a sentence.
    A word that far from every place stays a name."""
    assert matcher._person("rejkjavik") is False
    assert matcher._person("putin") is True
    result = matcher.match("In which city did Berktay say the two met?")
    assert [a.entry.id for a in result.answers][:1] == ["berktay-first-meeting"]


def test_a_date_asked_within_a_month_the_question_gives_is_not_that_month(
    matcher: Matcher,
) -> None:
    """"What exact date in June …?": the passages' "in June" is the question's own month, no
    date; the month alone asked is still answered by it."""
    assert matcher.match("On what exact date in June 2021 did Biden and Putin meet?").declined
    assert not matcher.match("When will Biden and Putin meet?").declined


def test_an_exact_time_asked_needs_a_date(matcher: Matcher) -> None:
    """"What is the exact deadline …?": a date, not "in the near future" (the word between
    "what is the" and "deadline" asks nothing else); without "exact" the same passage says
    when, as it is asked."""
    assert matcher.match(
        "What is the exact deadline for the US troop withdrawal from Afghanistan?").declined
    assert not matcher.match("When will the US withdraw from Afghanistan?").declined


@pytest.mark.parametrize(("question", "profile"), [
    ("What was Onur Öymen's former job?", "oymen-profile"),
    ("What was Coşkun Başbuğ's former profession?", "basbug-profile"),
])
def test_a_career_placed_in_time_is_still_the_profile(
    matcher: Matcher, question: str, profile: str
) -> None:
    """"Former job": when the expert held it is framing, as "job" is; the profile answers,
    not a quote whose alternate question calls him "the former ambassador"."""
    assert matcher.match(question).answers[0].entry.id == profile


def test_a_day_asked_needs_a_day_of_a_month(matcher: Matcher) -> None:
    """"On what day …?": a day of a month ("on May 20, 2021"), not a month alone (the summit
    "planned to be held in June")."""
    from knowledge.decision import gives
    assert gives("past", "They met on May 20, 2021.", ["what", "day", "meet"])
    assert not gives("past", "A summit is planned to be held in June.", ["what", "day", "meet"])
    assert not gives("past", "Five people may 5 times meet.", ["what", "day", "meet"])
    answers = matcher.match("On what day did the two top diplomats hold their talks in Iceland?")
    assert answers.answers[0].entry.id == "context-meeting-date-place"


def test_gives_frames_a_question_as_give_does(matcher: Matcher) -> None:
    """"What gives Russia the edge …?": "gives" asks nothing of its own ("give" never did),
    so the rare word no passage holds does not outweigh the edge asked about."""
    from knowledge.normalize import STOP_WORDS
    assert {"give", "gives", "giving"} <= STOP_WORDS
    answers = matcher.match("What gives Russia the edge in the Arctic?").answers
    assert any("great advantage to Russia" in a.entry.passage
               or "advantages in terms of territory" in a.entry.passage for a in answers[:1])


def test_a_question_on_one_party_puts_the_other_partys_passages_after(
    matcher: Matcher,
) -> None:
    """"Does the US also want more troops …?": "Russia will not hesitate to accumulate troops"
    names only the other party; "Like Moscow, Washington aims to increase its military
    presence" answers. Asked of Russia, Russia's own passage still comes first."""
    from knowledge.matcher import sides_of
    assert sides_of(["does", "usa", "want"]) == {"us"}
    assert sides_of(["putin", "and", "biden"]) == {"us", "ru"}
    assert not sides_of(["both", "countries"])
    us = matcher.match("Does the US also want more troops in the Arctic?").answers
    assert us[0].entry.id == "basbug-arms-race"
    russia = matcher.match("Will Russia accumulate troops in the Arctic?").answers
    assert russia[0].entry.id == "basbug-troops"


def test_worth_is_value(matcher: Matcher) -> None:
    """"Worth" and "value" are one word to a reader: the passage on the region's value having
    increased answers what the Arctic is worth now."""
    from knowledge.normalize import stem, synonyms
    assert "worth" in synonyms()[stem("value")]
    answers = matcher.match("Is the Arctic worth more now than before?").answers
    assert "the value of the region has increased" in answers[0].entry.passage


def test_a_near_tie_of_weak_partial_matches_is_declined(matcher: Matcher) -> None:
    """Three experts within a hundredth of each other, each lacking part of "Has the tone
    between Washington and Moscow changed?": a guess, declined. A clear best
    answer lacking as much is still given."""
    result = matcher.match("Has the tone between Washington and Moscow changed?")
    assert result.declined
    assert not matcher.match("What did Berktay say about the tone of the tension?").declined


def test_a_persons_education_needs_a_passage_naming_them(matcher: Matcher) -> None:
    """"What did Lavrov study at university?": the compiler's biography tells of studies, but
    Özge Eletek's; only a passage naming Lavrov could answer, and none does."""
    assert matcher.match("What did Lavrov study at university?").declined
    assert not matcher.match("What did Eletek study?").declined


def test_a_frequency_is_given_in_words_of_one() -> None:
    assert asked_kind(["how", "often", "does", "the", "council", "meet"]) == "frequency"
    assert gives("frequency", "It will be talked about very often in the coming period.")
    # "her" is a Turkish "every" but an English pronoun: it gives no frequency.
    assert not gives("frequency", "She is continuing her master's degree.")


def test_the_words_read_as_persons_are_kept_within_bounds(
        matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word a reader types is read once as a possible name; a long-running bot keeps
    at most PERSONS_KEPT of them."""
    import knowledge.matcher as matching

    monkeypatch.setattr(matching, "PERSONS_KEPT", 10)
    for n in range(50):
        matcher._person(f"zzword{n}")
    assert len(matcher._persons) <= 10
    assert matcher._person("putin") and not matcher._person("sea")


@pytest.mark.parametrize(("text", "kind", "asked", "only_the_kind"), [
    # A capitalised word before the kind names instances, a quote mark before it or not.
    ("bypassing Eastern European countries", "countries", {"countries"}, False),
    ("bypassing “Eastern European” countries", "countries", {"countries"}, False),
    # In lower case it qualifies the kind and names none.
    ("energy transmission companies pay attention", "companies", {"energy", "companies"}, True),
    # After a copula, what the kind is said of comes before it.
    ("the protests in Belarus were developments to be considered", "developments",
     {"developments"}, False),
    # Names listed before it, the kind after "as", name instances of it.
    ("such as China, Japan and France, follow the developments here as observers.",
     "observers", {"observers"}, False),
    ("The countries follow the developments here as observers.", "observers", {"observers"},
     True),
    # What it is, said after it, names it.
    ("The most significant problem has been the escalation of the crisis in Ukraine.",
     "problems", {"problems"}, False),
    # ... as does a clause after it telling what they are.
    ("Two countries have attitudes towards the Arctic Region, as well as in other regions, "
     "blaming each other.", "attitudes", {"attitudes"}, False),
    ("Two countries have attitudes, which differ.", "attitudes", {"attitudes"}, True),
])
def test_a_kind_is_named_only_by_a_capitalised_qualifier(
        text: str, kind: str, asked: set[str], only_the_kind: bool) -> None:
    assert _only_the_kind(text, kind, asked) is only_the_kind


@pytest.mark.parametrize("question", [
    "List the sanctions the US and the EU imposed on Russia.",
    "list the warships the US planned to send",
])
def test_a_list_asked_of_a_kind_no_passage_names_is_declined(matcher: Matcher,
                                                            question: str) -> None:
    """"list the N" asks instances, as "Which N …?" does: Dilek tells that sanctions were
    imposed, Berktay that warships were to be sent, naming none; the passages scoring below
    them are about something else."""
    assert matcher.match(question).declined


def test_a_list_asked_of_a_kind_a_passage_names_is_answered(matcher: Matcher) -> None:
    assert top(matcher, "list the arctic council members") == "basbug-arctic-council"
    assert top(matcher, "Which problems does Ozan mention?") == "ozan-ukraine-crisis"
    assert top(matcher, "Which observers follow the Arctic Council?") == "basbug-observers"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("What killed off the reset, in Dilek's account?", "dilek-ukraine-crimea-sanctions"),
    ("Which Russian industries were hit by penalties, in Dilek's account?",
     "dilek-sanctions-tensions"),
])
def test_an_experts_account_is_framing(matcher: Matcher, question: str, entry_id: str) -> None:
    """"In Dilek's account": the expert is asked, and "account" is what he gave, as "view"."""
    assert top(matcher, question) == entry_id
    # Someone else's account is no framing: the briefing gives no account of Biden's.
    assert matcher._without_expert_possessed("Biden's account of it") == "Biden's account of it"
    assert matcher._without_expert_possessed("the professor's account of it") == (
        "the professor's of it")


def test_how_big_a_step_asks_a_judgement_not_a_size(matcher: Matcher) -> None:
    assert top(matcher, "How big a step toward normal ties was the Blinken-Lavrov meeting?") == (
        "dilek-biden-putin-prep")
    # A size is still a measure the briefing never gives.
    assert matcher.match("How big is the Arctic Council?").declined


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Why was the Iceland meeting so important, according to the ex-intelligence officer?",
     "basbug-iceland-meeting"),
    ("Güvenlik ve terör uzmanına göre ABD-Rusya arasındaki yeni gerilim nerede patlak "
     "verebilir?", "basbug-new-tension"),
])
def test_basbugs_title_in_other_words_names_him(
        matcher: Matcher, question: str, entry_id: str) -> None:
    """His title, "Retired Intelligence Colonel", "Security and Terrorism Expert", as readers
    put it: an intelligence officer; the whole title in Turkish."""
    assert top(matcher, question) == entry_id


@pytest.mark.parametrize("question", [
    "How significant does Dilek consider the Reykjavik talks?",
    "How big a deal does Dilek consider the Reykjavik talks?",
])
def test_how_significant_asks_how_important(matcher: Matcher, question: str) -> None:
    """How significant, how big a deal: a judgement ("important" is framing) that the passage
    on the meeting's weight gives in its own words."""
    assert top(matcher, question) == "dilek-biden-putin-prep"
    assert _how_important(["a", "significant", "problem"]) == ["a", "significant", "problem"]


def test_characterize_said_of_an_expert_is_framing(matcher: Matcher) -> None:
    """"How does Dilek characterize the meeting?" asks his view, as "describe" does; of
    someone else ("Biden characterized Putin …"), the word is what is asked."""
    assert top(matcher, "How does Prof Dilek characterise the Reykjavik meeting?") == (
        "dilek-biden-putin-prep")
    assert top(matcher, "According to Berktay, how did Biden characterize Putin?") == (
        "berktay-biden-harsh")


def test_ozans_whole_title_names_him(matcher: Matcher) -> None:
    assert top(matcher, "How did the two sides handle the rising tension, in the view of "
                        "ANKASAM's Turkish foreign policy adviser?") == "ozan-calm-language"


@pytest.mark.parametrize("question", [
    "How much of a concession is Biden willing to make to Russia?",
    "Biden Rusya'ya ne kadar tavize razı?",
])
def test_how_far_one_is_willing_to_go_is_no_figure(matcher: Matcher, question: str) -> None:
    """How much of a concession one is willing to make asks how far one will go ("albeit with
    minimum concession"), in English and in Turkish; money asked is still a figure."""
    assert top(matcher, question) == "ozan-trump-concessions"
    assert asked_kind(["how", "much", "of", "the", "arctic", "is", "russia", "willing", "to",
                       "pay", "for"]) == "amount"


def test_where_to_start_in_turkish_is_a_first_step(matcher: Matcher) -> None:
    """"… nereden başlamak gerekir?" asks where to start (a first step), as "Where should one
    start …?" does: no place."""
    assert top(matcher, "Mehmet Sait Dilek'e göre görüşmeyi doğru analiz etmek için nereden "
                        "başlamak gerekir?") == "dilek-obama-first-term"
    assert asked_kind(["blinken", "nereden", "geldi"]) == "place"


@pytest.mark.parametrize("question", [
    "How do you say 'good morning' in Japanese?",
    "How would you say 'thank you' in Russian?",
])
def test_how_a_word_is_said_is_a_task_not_a_question_on_the_briefing(
        matcher: Matcher, question: str) -> None:
    """How something is said in a language: no passage tells it, whatever it shares with one
    (Japan is an observer of the Arctic Council)."""
    assert matcher.match(question).declined


def test_how_would_you_say_still_asks_of_the_briefing(matcher: Matcher) -> None:
    assert top(matcher, "How would you say the US did in Afghanistan?") == "ozan-afghanistan"


@pytest.mark.parametrize("question", [
    "What is the Northern Sea Route's length?",
    "How far is the distance from Alaska to Russia?",
])
def test_a_physical_measure_asked_by_its_noun_is_an_amount(
        matcher: Matcher, question: str) -> None:
    """"What is the Northern Sea Route's length?" asks a figure as "How long is …?" does; the
    passage naming the route gives none."""
    assert matcher.match(question).declined


def test_what_is_discussed_ends_with_its_head_word(matcher: Matcher) -> None:
    """"Did the two ministers discuss climate finance?": what is discussed is finance, which
    the briefing never mentions, whatever it says of the climate."""
    assert matcher.match("Did the two ministers discuss climate finance?").declined
    assert not matcher.match("Did the two ministers discuss the Arctic?").declined


def test_british_and_american_spellings_are_one_word(matcher: Matcher) -> None:
    """"centre", "organisation", "analyse": the briefing's "center", "organization",
    "analyze", as written; a short word is no spelling of another ("four" is not "for")."""
    vocabulary = matcher.vocabulary
    for reader, briefing in (("centre", "center"), ("organisation", "organization"),
                             ("analyse", "analyze"), ("favour", "favor")):
        _, matches = vocabulary.map_words([reader])
        assert matches[0][0] == (vocabulary.index_of[briefing], 1.0)
    assert other_spellings("four") == []
    assert "normalize" in other_spellings("normalise")


@pytest.mark.parametrize("question", [
    "Did Ozan think the two sides would keep fighting over Ukraine?",
    "Did Ozan think the two sides would continue to fight over Ukraine?",
])
def test_the_deed_expected_is_what_goes_on_not_keep(matcher: Matcher, question: str) -> None:
    """"would keep fighting": the deed expected is fighting, which a passage holds in its own
    words; "keep" is how it goes on and need not be written."""
    assert not matcher.match(question).declined


def test_what_went_wrong_and_complaining(matcher: Matcher) -> None:
    """"What went wrong with …?" asks why it failed; "complain" is the verb of the briefing's
    "complaints"."""
    assert top(matcher, "What went wrong with the reset?") == (
        "dilek-ukraine-crimea-sanctions")
    assert top(matcher, "What do the Russians complain about?") == (
        "oymen-deterioration")


def test_right_now_is_currently(matcher: Matcher) -> None:
    """"right now" is "currently", framing: "right" is no word of what is asked."""
    assert in_one_word(["the", "picture", "right", "now"]) == ["the", "picture", "currently"]
    assert top(matcher, "What's the overall picture right now according to Öymen?") == (
        "oymen-dialogue-common-interests")
    assert matcher.match("What's the bitcoin price right now?").declined


def test_the_kind_a_second_asking_asks_need_not_be_written(matcher: Matcher) -> None:
    """"When was the Arctic Council set up and for what purpose?": the passage gives the
    purpose in its own words; the kind ("purpose") is no word it must write."""
    assert top(matcher, "When was the Arctic Council set up and for what purpose?") == (
        "context-arctic-council-founding")


def test_the_experts_own_country_before_a_role_names_the_expert(matcher: Matcher) -> None:
    """"The former Turkish ambassador": Öymen, "Turkish" no word of what is asked."""
    assert top(matcher, "What did the former Turkish ambassador say about Crimea?") == (
        "oymen-crimea-ukraine-syria")


@pytest.mark.parametrize("question", [
    "Who is the Russian ambassador to the US?",
    "What did the American ambassador say about the meeting?",
    "Who was the US ambassador to Russia in 2021?",
    "What did the Russian journalist say about the meeting?",
    "Rus büyükelçi görüşme hakkında ne dedi?",
])
def test_an_experts_role_of_another_country_is_someone_else(
        matcher: Matcher, question: str) -> None:
    """The briefing's experts are Turkish: "the Russian ambassador" is not Öymen, nor "the
    Russian journalist" Berktay; the briefing quotes neither."""
    assert matcher.match(question).declined


def test_an_experts_own_role_still_names_the_expert(matcher: Matcher) -> None:
    # (Read as written: "Kyiv, according to ANKASAM's adviser" is no adviser of Kyiv's.)
    for question, entry_id in (
            ("How did America back Kyiv, according to ANKASAM's foreign policy adviser?",
             "ozan-ukraine-crisis"),
            ("What did the journalist say about Navalny?", "berktay-navalny-belarus")):
        assert top(matcher, question) == entry_id


def test_two_letters_swapped_in_a_short_framing_word(matcher: Matcher) -> None:
    """"sya": two letters of "say" swapped, the commonest slip, read as the framing word it
    misspells (three letters are otherwise too few to read a slip in)."""
    assert top(matcher, "what did dilek sya about trump") == "dilek-trump-candidate"
    assert stop_word_meant("sya") is not None and stop_word_meant("sea") is None
    assert transposed("waht", "what") and not transposed("want", "what")


def test_other_stuff_is_other_things(matcher: Matcher) -> None:
    assert top(matcher, "Did the ministers only talk about US-Russia ties or other stuff too?"
               ) == "context-other-issues"


def test_a_hot_topic_is_one_talked_about_often(matcher: Matcher) -> None:
    """"Will the Arctic be a hot topic …?": talked about very often, as Başbuğ says."""
    assert in_one_word(["a", "hot", "topic"]) == ["a", "often"]
    assert top(matcher, "Will the Arctic be a hot topic in the coming years?") == (
        "basbug-resources-trade-routes")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Did the new US administration squeeze Moscow on many fronts?", "ozan-ukraine-crisis"),
    ("How much is Biden prepared to give up to get Russia on board?", "ozan-trump-concessions"),
    ("Why does the security expert think the talks on the Nordic island were so important?",
     "basbug-iceland-meeting"),
])
def test_idioms_read_as_what_they_mean(matcher: Matcher, question: str, entry_id: str) -> None:
    """"On many fronts" is in many areas, "on board" cooperating, "the Nordic island" Iceland."""
    assert top(matcher, question) == entry_id


def test_an_adverb_heads_nothing_asked_about(matcher: Matcher) -> None:
    """"Where is Özge Eletek from originally?": the adverb says how; what is asked about is
    where she is from (born in İzmir)."""
    assert top(matcher, "Where is Özge Eletek from originally?") == (
        "context-compiler-biography")
    assert matcher.match("Where is the Arctic Council secretariat located?").declined


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Which opposition figure came home to take on the Kremlin boss?", "berktay-navalny-belarus"),
    ("Which declaration gave birth to the Arctic Council?", "context-arctic-council-founding"),
])
def test_the_kremlin_boss_and_giving_birth(matcher: Matcher, question: str, entry_id: str) -> None:
    """"The Kremlin boss" is Putin; to give birth to something is to establish it."""
    assert top(matcher, question) == entry_id


def test_the_state_of_relations_is_how_they_stand(matcher: Matcher) -> None:
    """"The state of relations" asks how they stood, not a country's statehood ("a US
    state")."""
    assert without_framing(["the", "state", "of", "relations"]) == ["the", "state", "of",
                                                                   "relations"]
    assert without_framing(["a", "us", "state"]) == ["a", "us", "statehood"]
    assert top(matcher, "What was the state of relations as George W. Bush left office?") == (
        "dilek-reset")


def test_to_urge_is_to_call_on(matcher: Matcher) -> None:
    assert top(matcher, "Did the opposition leader urge people into the streets?") == (
        "berktay-navalny-belarus")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("What was happening in Belarus around the time Biden took office?",
     "berktay-navalny-belarus"),
    ("How did Biden's staff treat Russia when they took office, per Emre Ozan?",
     "ozan-ukraine-crisis"),
    ("What was brewing in Belarus around the time Biden came in?", "berktay-navalny-belarus"),
    ("Does Washington mean to keep talking with Moscow in spite of its actions?",
     "oymen-crimea-ukraine-syria"),
    ("Who is Onur Öymen, professionally?", "oymen-profile"),
])
def test_taking_office_in_spite_of_and_a_profession(matcher: Matcher, question: str,
                                                    entry_id: str) -> None:
    """"Took office" is coming into office, "in spite of" is "despite", "around the time" is
    "when", and "professionally" asks for a job."""
    assert top(matcher, question) == entry_id


def test_a_job_is_not_dileks_title(matcher: Matcher) -> None:
    """"Jobs" is in a group with "occupation" and "career", not "profession", which the light
    stemmer reads as "prof" (Dilek's title, "Prof. Dr.")."""
    vocabulary = matcher.vocabulary
    _, matches = vocabulary.map_words(["jobs"])
    assert "prof" not in {vocabulary.words[i] for i, _ in matches[0]}


def test_gotten_is_got(matcher: Matcher) -> None:
    """"Gotten" is "got", a word of framing, not something the briefing would have to hold."""
    assert not matcher.match("Has the tone between Washington and Moscow gotten softer?").declined


def test_where_a_figure_comes_from_is_its_source(matcher: Matcher) -> None:
    """"Where does Başbuğ get his shipping data from?" asks the figure's source (the WTO's
    data), not a place; "Where did Navalny come back from?" still asks a place."""
    assert asked_kind(tokens("Where does Başbuğ get his shipping data from?")) is None
    assert asked_kind(tokens("Where did Navalny come back from?")) == "place"
    assert top(matcher, "Where does Başbuğ get his shipping data from?") == (
        "basbug-resources-trade-routes")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Correct me if I'm wrong, but does Russia have an edge on sovereignty in the Arctic?",
     "basbug-troops"),
    ("Not sure if this is covered: is one meeting enough for real peace, per Dilek?",
     "dilek-long-dialogue"),
])
def test_a_hedging_opening_is_not_asked(matcher: Matcher, question: str, entry_id: str) -> None:
    """"Correct me if I'm wrong, but …", "Not sure if this is covered: …": the question starts
    after them; their words ("wrong", "covered") are nothing the briefing must hold."""
    assert without_courtesy(tokens("I might be wrong, but does Russia hold an edge?")) == [
        "does", "russia", "hold", "an", "edge"]
    assert top(matcher, question) == entry_id


@pytest.mark.parametrize("message", ["Following up on", "follow up", "as a follow-up"])
def test_a_hedge_alone_asks_nothing(matcher: Matcher, message: str) -> None:
    """A hedge with no question after it is declined, as a greeting is: "following" is no
    reader's word for Başbuğ's observers who "closely follow the developments"."""
    assert matcher.match(message).declined


def test_a_subject_set_first_is_read_after_the_question(matcher: Matcher) -> None:
    """"Regarding the Arctic Council: which country chaired it after Iceland?" asks a country
    (which the briefing does not give), as "Which country chaired the Arctic Council after
    Iceland?" does; the subject set first is still read."""
    assert subject_last("Following up on Nord Stream 2: when did gas start flowing through "
                        "it?") == "when did gas start flowing through it (Nord Stream 2)?"
    assert subject_last("What did Ozan say on Iran: anything?") == (
        "What did Ozan say on Iran: anything?")
    assert matcher.match("Regarding the Arctic Council: which country chaired it after "
                         "Iceland?").declined
    assert top(matcher, "Regarding the Arctic Council: when was it founded?") == (
        "context-arctic-council-founding")


def test_an_experts_role_in_another_word_names_them(matcher: Matcher) -> None:
    """"The Eastern Europe specialist" is Berktay, the "Eastern Europe expert": the field
    written as the alias writes it, the role in a word of the same meaning."""
    result = matcher.match("What does the Eastern Europe specialist say about Nord Stream?")
    assert [e.id for e in result.experts] == ["berktay"]
    assert top(matcher, "What does the Eastern Europe specialist say about Nord Stream?") == (
        "berktay-nord-stream")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Russia's defence and energy sectors were sanctioned. What resulted, per Dilek?",
     "dilek-sanctions-tensions"),
    ("Washington decided to send warships to the Black Sea. What happened afterwards, per "
     "Berktay?", "berktay-warships-black-sea"),
    ("ABD Karadeniz'e savaş gemisi göndermeye karar verdi. Sonra ne oldu, Berktay ne diyor?",
     "berktay-warships-black-sea"),
])
def test_a_question_of_one_word_asks_about_the_sentence_before(
        matcher: Matcher, question: str, entry_id: str) -> None:
    """"What resulted, per Dilek?" has one word of its own and no subject: it asks about what
    the sentence before it says, which is read with it; a word of no language does not."""
    assert top(matcher, question) == entry_id
    assert matcher.match("I was reading about the Blinken-Lavrov meeting. qwertyuiop").declined


def test_who_did_something_at_an_event_asks_a_person(matcher: Matcher) -> None:
    """"Who was the interviewer …?" asks a person by name, which Berktay's passage on the
    interview does not give."""
    assert asked_kind(tokens("Who was the interviewer when Biden called Putin a murderer?")) == (
        "person")
    assert matcher.match("Who was the interviewer when Biden called Putin a murderer?").declined


def test_interested_in_is_keen_on(matcher: Matcher) -> None:
    """"Interested in working with America" is keen to cooperate (Ozan: "Russia is also keen to
    cooperate with the USA"), not the "common interests" of other passages."""
    assert top(matcher, "Is Russia interested in working together with America, per the "
                        "advisor?") == "ozan-russia-keen"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Will America still talk to Moscow even after everything the Russians have done?",
     "oymen-crimea-ukraine-syria"),
    ("Will Washington still talk to Moscow after everything Moscow has done?",
     "oymen-crimea-ukraine-syria"),
    ("Is it worth them talking at all after everything?", "oymen-mutual-contact"),
])
def test_after_everything_is_despite(matcher: Matcher, question: str, entry_id: str) -> None:
    """"(Even) after everything Russia has done" is "despite the actions which Moscow has
    done", "despite all that happened"; "everything" is no word of Başbuğ's "When everything
    taking into consideration"."""
    assert top(matcher, question) == entry_id


def test_the_arctic_councils_purpose_is_its_founding_note(matcher: Matcher) -> None:
    """The note on the Council's founding gives its purpose ("to support environmental
    protection") without the word; Dilek's passage holds "purpose" and "Arctic Council" but is
    on the meeting's."""
    assert top(matcher, "What's the Arctic Council's purpose?") == (
        "context-arctic-council-founding")


def test_had_they_met_before_asks_about_a_first_meeting(matcher: Matcher) -> None:
    """"Had they met before?" asks whether this was their first meeting (Berktay: "the first
    meeting of the two as Foreign Ministers"), not when and where they met."""
    assert top(matcher, "Have Blinken and Lavrov met each other before as ministers?") == (
        "berktay-first-meeting")


def test_the_months_ahead_are_the_coming_period(matcher: Matcher) -> None:
    """"In the months (years) ahead", "to come": the passage's "in the coming period"."""
    assert top(matcher, "Will tensions ease in the years ahead, according to the journalist?") == (
        "berktay-leaders-summer")


def test_parts_of_the_economy_are_sectors(matcher: Matcher) -> None:
    """"Parts (branches, areas) of Russia's economy" are the passage's "strong sectors such as
    defense and energy"."""
    assert top(matcher, "What parts of Russia's economy did the US sanction, per the "
                        "professor?") == "dilek-sanctions-tensions"


# Phrasings many readers share, read as the passages' words (`knowledge/thesaurus.py`): each
# case fails without the reading its comment names (checked by deleting it).
SHARED_PHRASINGS = [
    # "Took power", "came into power": Ozan's "when they came into office".
    ("How did Biden's team address Moscow when it first took power, per Ozan?",
     {"ozan-ukraine-crisis"}),
    ("How did Biden's team address Moscow when it first came into power, per Ozan?",
     {"ozan-ukraine-crisis"}),
    # "Turn down the heat", "take the heat out of": Dilek's attempts "to reduce the tension".
    ("How is the US trying to take the heat out of things, according to Dilek?",
     {"dilek-long-dialogue"}),
    ("Is Washington trying to turn down the heat with Moscow, per Dilek?",
     {"dilek-long-dialogue"}),
    # "Other stuff", "other things": the introduction's "other issues that occupied the agenda".
    ("Did Blinken and Lavrov cover other stuff besides bilateral ties?", {"context-other-issues"}),
    ("Did the two ministers discuss other things besides relations between their countries?",
     {"context-other-issues"}),
    # "Taken seriously (lightly)": Başbuğ's "Russia is not a joke in the Arctic Region".
    ("Should Russia be taken seriously as an Arctic power?", {"basbug-troops"}),
    ("Can Russia be taken lightly in the far north?", {"basbug-troops"}),
    # Behaviour is attitude: Başbuğ's "Two countries have attitudes towards the Arctic Region".
    ("What is the behaviour of the two powers toward each other in the Arctic?",
     {"basbug-arctic-face-to-face"}),
    # "Going (moving) forward": the period to come, as the passages write it.
    ("What will the two sides build on going forward, per Öymen?",
     {"oymen-dialogue-common-interests", "oymen-mutual-contact"}),
    # Watching "from the sidelines" is observing; a "gathering" is a meeting (not the
    # introduction's "gathered" views); "hit with (by) sanctions" is "subjected to sanctions".
    ("Which countries follow the Arctic Council from the sidelines?", {"basbug-observers"}),
    ("Why was the gathering in Iceland so critical?", {"basbug-iceland-meeting"}),
    ("What did Dilek say about Russia being hit by sanctions?", {"dilek-sanctions-tensions"}),
    # "Trouble brewing" is a conflict evolving (Başbuğ); "targeted with sanctions" is
    # "subjected to sanctions" (Dilek); a conversation is a dialogue (Öymen's "real dialogue").
    ("How long has trouble been brewing in the polar region, per the colonel?",
     {"basbug-arctic-face-to-face"}),
    ("What happens when Russia is targeted with sanctions, per Dilek?",
     {"dilek-sanctions-tensions"}),
    ("What blocked genuine conversation between Washington and Moscow?",
     {"oymen-deterioration"}),
    # A flashpoint is a place of conflict (Başbuğ's Arctic "where a conflict has been evolving
    # for decades"), not of Dilek's "disputed regions".
    ("How long has the polar region been a flashpoint, per Başbuğ?",
     {"basbug-arctic-face-to-face"}),
    ("Is the Arctic a flashpoint between Washington and Moscow, per the colonel?",
     {"basbug-arctic-face-to-face"}),
    # "Need" is "require" as well as "necessary": Ozan's "topics that require cooperation", not
    # Dilek's "it is necessary to first look at the historical background".
    ("Why does America still need Russia when their interests clash?", {"ozan-harsh-to-soft"}),
    # "Pave the way for" is a preparation; "supposed to" what was aimed at ("This meeting aimed
    # to prepare …"); "weird" is the surprise of Ozan's "is not surprise".
    ("What did the ministers' sit-down pave the way for?",
     {"berktay-biden-putin-prep", "dilek-biden-putin-prep"}),
    ("Did the foreign ministers pave the way for the leaders?", {"dilek-biden-putin-prep"}),
    ("What was the meeting supposed to achieve, per Dilek?", {"dilek-biden-putin-prep"}),
    ("Is it weird that the US went from tough to soft on Moscow?", {"ozan-harsh-to-soft"}),
    # "Acted aggressively" is Öymen's "pursues an aggressive policy"; "where does X fit into
    # this picture" asks X's role, not a place; friendly, cordial talks are the "constructive
    # atmosphere".
    ("What did the US say it would do if Russia acted aggressively?",
     {"oymen-aggressive-response"}),
    ("Where does Iran fit into this picture, per Ozan?", {"ozan-iran-north-korea"}),
    ("Were the Reykjavik talks friendly, per Berktay?", {"berktay-constructive-atmosphere"}),
    ("Was the meeting cordial?",
     {"context-meeting-date-place", "berktay-constructive-atmosphere"}),
    # A "proper" dialogue: Öymen's "prevented the establishment of a real dialogue".
    ("Why has there been no proper dialogue between Washington and Moscow?",
     {"oymen-deterioration"}),
    # "Take to the streets" is protest; "get along with" cooperate; "strings attached" are
    # conditions; "bulking up" increases, as "beefing up" does.
    ("Did Navalny call people to take to the streets?", {"berktay-navalny-belarus"}),
    ("Does Russia really want to get along with the US?", {"ozan-russia-keen"}),
    ("Will Moscow cooperate with no strings attached?", {"ozan-moscow-conditions"}),
    ("is washington bulking up forces up there?", {"basbug-arms-race"}),
    # To belong to a body is to take part in it (Başbuğ's states "taking part in the Council");
    # "take part in" is to participate, attend (Eletek "has attended many conferences").
    ("Which countries belong to the Arctic Five?", {"basbug-arctic-council"}),
    ("has eletek taken part in events at think tanks", {"context-compiler-biography"}),
    # Başbuğ's US that "will avoid being the side that escalates the tension": "escalate" shares
    # the stem of "escalates" (`stem`, "-ates"), and "stoke" is to escalate (the thesaurus).
    ("Will the Americans escalate in the Arctic?", {"basbug-us-step-back"}),
    ("Will Washington try to stoke tensions up north?", {"basbug-us-step-back"}),
    # Harm is damage (the reading of Öymen's "caused deterioration" in the alternate
    # questions); what is buried lies underground (Başbuğ's "underground resources").
    ("Did those Russian policies harm relations, according to Öymen?", {"oymen-deterioration"}),
    ("What lies buried under the Arctic?", {"basbug-resources-trade-routes"}),
    # What has "gone away" is over: asked of Berktay's differences "that continue".
    ("Have the US-Russia differences gone away, per Berktay?",
     {"berktay-constructive-atmosphere"}),
    # To compile is to collect (ANKASAM's purpose in collecting the experts' opinions), not
    # only the compiler's deed: her biography gives no reason.
    ("Why did ANKASAM compile the experts' views?", {"context-briefing-ankasam"}),
]


def test_compile_is_not_gather(matcher: Matcher) -> None:
    """Compile joins collect, not gather: the panel's note "gathers the views", and who
    compiled the note is its compiler."""
    assert top(matcher, "Bu bilgi notunu kim derledi?") == "context-compiler-biography"
    assert top(matcher, "Who compiled this briefing?") == "context-compiler-biography"


@pytest.mark.parametrize(("question", "entries"), SHARED_PHRASINGS)
def test_a_shared_phrasing_reads_as_the_passages_words(matcher: Matcher, question: str,
                                                       entries: set[str]) -> None:
    assert top(matcher, question) in entries


@pytest.mark.parametrize("question", [
    "What was Obama's approach to the Kremlin called?",
    "What was the name of Obama's Russia policy?",
    "name of the obama administration's russia policy",  # within 0.2 of the best
])
def test_a_name_asked_is_told_by_the_passage_naming_it(matcher: Matcher, question: str) -> None:
    """"What was … called?" asks a name, and the passage that names it ("the policy they
    called “Reset”") answers before the one on Obama's first term, which names only the
    Kremlin and the parties."""
    assert asked_kind(tokens("What was Obama's Russia policy called?")) == "name"
    assert asked_kind(tokens("What did Biden call Putin?")) is None
    assert top(matcher, question) == "dilek-reset"


@pytest.mark.parametrize(("question", "expected"), [
    ("so what happens if the leaders make escalating statements when they meet?",
     "basbug-leaders-meeting"),
    ("what signal did the talks between blinken and lavrov send about the months ahead",
     "berktay-leaders-summer"),
])
def test_a_passage_holding_all_that_is_asked_answers_before_one_lacking_much(
        matcher: Matcher, question: str, expected: str) -> None:
    """Öymen's passage on the ministers' statements scores best but lacks a good part of the
    question; Başbuğ's "if both sides make statements that escalate the tension" and
    Berktay's on "the upcoming period" hold all of it in their own text, scoring within
    `whole_margin`: they answer first, keeping their own scores."""
    answers = matcher.match(question).answers
    assert answers and answers[0].entry.id == expected
    assert answers[0].score < answers[1].score


@pytest.mark.parametrize("question", ["what was obamas reset", "whats the obama reset"])
def test_what_a_thing_is_is_told_where_it_is_named(matcher: Matcher, question: str) -> None:
    """"What was Obama's reset?" is told by the passage that names it ("the policy they called
    “Reset”"), not by the one on how Ukraine ended it."""
    assert top(matcher, question) == "dilek-reset"


def test_what_washington_decided_is_what_it_declares(matcher: Matcher) -> None:
    """"What did Washington decide about …?" is told by what it "declares that it will"
    do; why it decided so is not, and is declined."""
    assert top(matcher, "What did Washington decide about the Nord Stream-2 sanctions?") == (
        "berktay-nord-stream")
    assert matcher.match("Why did the US decide not to impose new sanctions on Nord "
                         "Stream-2?").declined


def test_a_verb_in_ates_has_the_stem_of_its_other_forms() -> None:
    """"escalates", "negotiates": the stem of "escalate", "escalating", "negotiate", not one
    of their own ("escalat")."""
    assert stem("escalates") == stem("escalate") == stem("escalating") == stem("escalated")
    assert stem("negotiates") == stem("negotiate")
    assert stem("dates") == "date"  # too short a stem to take "-ates" off


def test_derived_words_read_as_one(matcher: Matcher) -> None:
    """A word and its derivation the light stemmer does not join ("hostile", "hostility";
    "aggressive", "aggression"; "peace", "peaceful") read as one group."""
    vocabulary = matcher.vocabulary
    _, matches = vocabulary.map_words(["hostile", "aggression", "peaceful"])
    assert [{vocabulary.words[i] for i, _ in m} >= {w} for m, w in
            zip(matches, ["hostility", "aggressive", "peace"], strict=True)] == [True] * 3
    assert top(matcher, "Did the talks go well or was the atmosphere hostile?") == (
        "berktay-constructive-atmosphere")


@pytest.mark.parametrize("question", [
    "When did Russia-Ukraine tensions flare up?",
    "Rusya ile Ukrayna arasındaki gerilim ne zaman yaşandı?",
])
def test_a_time_asked_is_told_by_the_passage_dating_it(matcher: Matcher, question: str) -> None:
    """Başbuğ's "With the recent events regarding Ukraine, … a new tension" scores a little
    better, but only Berktay's passage dates the tension ("in April 2021")."""
    assert top(matcher, question) == "berktay-moscow-resists"


def test_a_dated_passage_is_not_put_before_a_best_match_giving_no_time(
        matcher: Matcher) -> None:
    """The best match for when Dilek became a professor gives no time at all: it is passed
    over as before, and the passage giving a year for something else is not brought first."""
    assert matcher.match("Mehmet Sait Dilek ne zaman profesör oldu?").declined


@pytest.mark.parametrize("question", [
    "What was asked at the meeting?",
    "Why were these specialists asked to weigh in at all?",
])
def test_a_verb_form_is_not_named_as_a_subject_the_briefing_lacks(matcher: Matcher,
                                                                  question: str) -> None:
    """Declined for what the briefing does not hold, the hint names no verb form: "The
    briefing does not mention asked." reads as nonsense."""
    result = matcher.match(question)
    assert result.declined and "asked" not in (result.hint or "")


@pytest.mark.parametrize("question", [
    # Things known by their names, asked by name: Başbuğ speaks of Russia's military build-up
    # in the Arctic and names no base.
    "Which Russian military bases are located in the Arctic?",
    "What military bases does Başbuğ say Russia is building?",
    "What ports does Russia control in the Arctic?",
    "Biden Putin'e katil dediği röportajı hangi televizyon kanalına verdi?",
])
def test_things_asked_by_name_need_a_passage_naming_one(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    # Companies are asked of by kind ("energy companies"), a channel may be one of dialogue.
    ("Which kinds of companies are paying attention to the Arctic?", "basbug-resources-russia"),
    ("Hangi şirketler Arktik'e ilgi gösteriyor?", "basbug-resources-russia"),
    ("oymen ikili iliskilerde hangi kanal acilacak diyor", "oymen-mutual-contact"),
])
def test_things_asked_of_by_kind_are_answered(matcher: Matcher, question: str,
                                              expected: str) -> None:
    assert top(matcher, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    # What a document is for is where the briefing says why it gathers these views, not who
    # prepared it.
    ("Why was this report written?", "context-briefing-ankasam"),
    ("ANKASAM bu yazıyı ne amaçla hazırlamış?", "context-briefing-ankasam"),
    # Who made it is who compiled it: not Dilek, whose profile tells of "preparation".
    ("Who prepared this briefing?", "context-compiler-biography"),
    ("Who wrote the report?", "context-compiler-biography"),
    ("Who put this briefing together?", "context-compiler-biography"),
    # ... but the one who wrote about something in it is an expert.
    ("Who wrote about Iran in this briefing?", "ozan-iran-north-korea"),
    ("Who in this briefing wrote about Nord Stream?", "berktay-nord-stream"),
])
def test_a_documents_making_and_purpose(matcher: Matcher, question: str, expected: str) -> None:
    assert top(matcher, question) == expected


def test_a_documents_maker_asked_with_more_is_not_only_its_compiler(matcher: Matcher) -> None:
    """A second question after "and" asks more than who compiled it."""
    result = matcher.match("Who put this collection of commentaries together, and what is it "
                           "meant to help readers do?")
    assert [a.entry.id for a in result.answers[:1]] != ["context-compiler-biography"]


@pytest.mark.parametrize(("question", "expected"), [
    # The numbers a figure is given by are its source, as "figures" and "data" are.
    ("By the WTO's numbers, what share of world trade travels by sea?",
     "basbug-resources-trade-routes"),
    # How long something has been going on is asked, in whatever verb.
    ("How long has a conflict been developing in the Arctic?", "basbug-arctic-face-to-face"),
    # What an expert expects next is his view of what comes.
    ("What does Öymen expect next between Washington and Moscow?",
     "oymen-crimea-ukraine-syria"),
    # Central to something is important to it.
    ("Why does Başbuğ see the Arctic as central to US-Russia relations?", "basbug-new-tension"),
])
def test_words_that_frame_what_is_asked(matcher: Matcher, question: str, expected: str) -> None:
    assert top(matcher, question) == expected


def test_central_asia_is_no_central_question(matcher: Matcher) -> None:
    """Only "central to" is "important to": Central Asia is a region the briefing lacks."""
    assert matcher.match("What did Ozan say about Central Asia?").declined


@pytest.mark.parametrize("question", [
    "What is this collection of commentaries for?",
    "Why was this compilation of expert views put together?",
])
def test_a_collection_of_views_is_the_briefing(matcher: Matcher, question: str) -> None:
    """"This collection of commentaries" is the briefing, whose purpose its introduction
    gives; not the views of an expert (the word "views")."""
    assert top(matcher, question) == "context-briefing-ankasam"


@pytest.mark.parametrize("question", [
    "Will the polar region be in the headlines in the coming years, per Başbuğ?",
    "Are we going to hear much more about the far north from here on?",
    "Will the Arctic make headlines a lot?",
])
def test_in_the_news_is_talked_about_often(matcher: Matcher, question: str) -> None:
    """"In the news", "hear a lot about", "from now on", "in the coming years": the passage's
    "will be talked about very often in the coming period"."""
    assert top(matcher, question) == "basbug-resources-trade-routes"


@pytest.mark.parametrize("question", [
    # To treat someone is not a treaty ("treat" and "treaty" share no stem).
    "How did the Biden administration treat Russia at the start, according to Ozan?",
    # "When it first took office": when it took office, which the passage tells without the
    # word "first" ("when they came into office").
    "How harsh was the Biden team toward Russia when it first took office?",
    "What line did Biden's team take on Moscow when it first came into office?",
])
def test_how_biden_began_with_russia(matcher: Matcher, question: str) -> None:
    assert top(matcher, question) == "ozan-ukraine-crisis"


def test_a_treaty_is_still_an_agreement() -> None:
    from knowledge.normalize import stem
    assert stem("treaty") == stem("treaties") != stem("treat") == stem("treated")


@pytest.mark.parametrize(("word", "other"), [
    ("parties", "part"), ("stationed", "statements"), ("department", "depart"),
    ("concealed", "concessions"), ("plane", "plan"), ("treaty", "treat"),
])
def test_words_of_other_meanings_share_no_stem(word: str, other: str) -> None:
    from knowledge.normalize import stem
    assert stem(word) != stem(other)


def test_a_plane_is_no_plan(matcher: Matcher) -> None:
    """"Plane" and "plan" share no stem: Berktay's "preparations" and plans are no aircraft."""
    for question in ("berktay on the passenger plane forced down over belarus",
                     "berktay belarus plane"):
        assert matcher.match(question).declined, question


@pytest.mark.parametrize("question", [
    "In what year did the compiler complete her undergraduate studies?",
    "When did Eletek get her bachelor's degree?",
])
def test_a_bachelors_degree_is_graduating(matcher: Matcher, question: str) -> None:
    """A bachelor's (undergraduate) degree is what one graduates with: the biography's
    "graduated in 2021", not the master's degree she is pursuing (which gives no year)."""
    assert top(matcher, question) == "context-compiler-biography"


@pytest.mark.parametrize("question", [
    "Should readers pay attention to what both ministers said before the meeting?",
    "Is it important to pay attention to what was said before the meeting, per Öymen?",
    "Öymen'e göre görüşme öncesindeki açıklamaların gözden kaçırılmaması neden önemli?",
])
def test_not_to_be_overlooked_is_to_be_followed(matcher: Matcher, question: str) -> None:
    """What "should not be overlooked" (the passage) is what one should pay attention to;
    in Turkish, "gözden kaçırılmaması"."""
    assert top(matcher, question) == "oymen-normalize-arctic"


@pytest.mark.parametrize("question", [
    "What's the headline of this piece?",
    "title of this briefing",
    "What is this report called?",
    "Bu raporun başlığı ne?",
    "Bu yazının adı ne?",
    "What's the article's full official title?",
])
def test_the_title_asked_is_the_briefings_own(matcher: Matcher, question: str) -> None:
    """A briefing's title is answered from its metadata, as the source prints it."""
    result = matcher.match(question)
    [answer] = result.answers
    assert answer.entry.text == "Seeking Cooperation in Global Struggle: Blinken-Lavrov Meeting"
    assert answer.entry.expert is None and not answer.entry.is_quote


@pytest.mark.parametrize("question", [
    "What is Ozan's title?",  # an expert's title: his profile
    "What is the advisor's title in this report?",
    "What does the title of this briefing mean?",  # not the title itself
    "Which experts are named in this briefing?",
    "What is the title of Öymen's book?",
])
def test_other_titles_and_names_are_not_the_briefings(matcher: Matcher, question: str) -> None:
    assert not any(a.entry.id.endswith("-title") for a in matcher.match(question).answers)


def test_no_title_for_an_expert_asked_of(matcher: Matcher) -> None:
    """Asked of one expert (`/expert`, `--expert`), the briefing's title is none of his."""
    assert not matcher.match("What's the headline of this piece?", expert_id="ozan").answers


def test_which_university_one_teaches_at_is_a_workplace(matcher: Matcher) -> None:
    """"Which university does Dilek teach at?" asks where he works, as "Where does Dilek
    teach?" does: his profile."""
    assert asked_kind(tokens("Which university does Professor Dilek teach at?")) == "workplace"
    assert top(matcher, "Which university does the professor among the experts teach at?") == (
        "dilek-profile")


@pytest.mark.parametrize(("question", "expected"), [
    ("Will Washington keep talking to Moscow, per Öymen?", "oymen-crimea-ukraine-syria"),
    ("Did the parties keep raising the tension over Ukraine, in Ozan's view?",
     "ozan-calm-language"),
])
def test_keep_doing_asks_the_deed(matcher: Matcher, question: str, expected: str) -> None:
    """"Keep talking": whether the talking goes on, which the passage tells in its own words;
    "keep" is nothing it must hold."""
    assert top(matcher, question) == expected


def test_a_writer_is_an_author(matcher: Matcher) -> None:
    assert top(matcher, "Is the writer of this briefing doing a master's degree?") == (
        "context-compiler-biography")


def test_why_bother_doing_asks_why_do_it(matcher: Matcher) -> None:
    """"Why bother cooperating?" asks why cooperate: "bother" is nothing a passage holds."""
    assert top(matcher, "Why would the US bother cooperating when their interests clash?") == (
        "ozan-harsh-to-soft")


def test_these_policies_are_those_the_passage_before_names(matcher: Matcher) -> None:
    """"These policies have caused deterioration": the annexation of Crimea, Ukraine and the
    Syria policy the passage before lists, which the question may name."""
    assert top(matcher, "Has the annexation of Crimea damaged relations, in Öymen's view?") == (
        "oymen-deterioration")
    assert top(matcher, "Have Crimea and Ukraine damaged relations lately, per Öymen?") == (
        "oymen-deterioration")


@pytest.mark.parametrize(("question", "expected"), [
    ("Who sits on the polar body?", "basbug-arctic-council"),
    ("When was the northern forum founded?", "context-arctic-council-founding"),
])
def test_a_polar_forum_is_the_arctic_council(matcher: Matcher, question: str,
                                             expected: str) -> None:
    """"The polar forum", "that northern body": the Arctic Council, by what it is."""
    assert top(matcher, question) == expected


@pytest.mark.parametrize("question", [
    "What was the exact date of the Reykjavik meeting?",
    "reykjavik meeting exact date",
])
def test_a_date_asked_is_given_as_one_not_as_the_word(matcher: Matcher, question: str) -> None:
    """"On May 20, 2021": the passage gives the date without the word "date" (nor "exact")."""
    assert top(matcher, question) == "context-meeting-date-place"


def test_words_ending_with_a_date_ask_a_time(matcher: Matcher) -> None:
    """"afghanistan pullout exact date": a date, which Ozan's "expected to withdraw in the near
    future" does not give."""
    assert matcher.match("afghanistan pullout exact date").declined


@pytest.mark.parametrize("question", [
    "Weren't the Nord Stream sanctions waived?",
    "Weren't Russia's sanctions lifted in June?",
])
def test_a_deed_asked_that_the_briefing_never_names_is_held_by_none(
    matcher: Matcher, question: str
) -> None:
    """"Weren't the sanctions lifted?" assumes a deed: Berktay tells of sanctions not imposed,
    none of sanctions lifted or waived."""
    assert matcher.match(question).declined


def test_a_deed_asked_of_without_assuming_it_may_be_in_other_words(matcher: Matcher) -> None:
    """"Was the reset abandoned after Crimea?", "Did the West abandon the reset …?" ask
    whether it was: Dilek's "ended the applicability of this policy" answers, in other
    words."""
    assert top(matcher, "Was the reset abandoned after Crimea?") == (
        "dilek-ukraine-crimea-sanctions")
    assert top(matcher, "Did the West abandon the reset after Crimea?") == (
        "dilek-ukraine-crimea-sanctions")


def test_a_name_of_two_words_no_passage_writes_is_another_subject(matcher: Matcher) -> None:
    """"The Northwest Passage" is a name the briefing never writes, whatever its words resemble
    (Başbuğ's "north", "routes"); "the United States" is one it writes."""
    result = matcher.match("Does Başbuğ mention the Northwest Passage?")
    assert result.declined and "Northwest Passage" in (result.hint or "")
    assert top(matcher, "How did the United States get its foothold in the Arctic?") == (
        "basbug-alaska")


@pytest.mark.parametrize("question", [
    "What were the main points of the joint statement?",
    "Did the ministers put out a joint declaration in Reykjavik?",
    "Görüşme sonrası ortak bildiri yayınlandı mı?",
])
def test_a_joint_statement_is_told_only_by_a_passage_writing_of_one(
    matcher: Matcher, question: str
) -> None:
    """Öymen's "common interests are also emphasized in the statements made" is no statement
    issued together; no passage writes of one."""
    assert matcher.match(question).declined


def test_the_statements_made_are_still_told(matcher: Matcher) -> None:
    assert not matcher.match("What statements did the two ministers make?").declined


@pytest.mark.parametrize(("question", "expected"), [
    ("hey bot, Which Russian moves have soured ties?", "oymen-deterioration"),
    ("hey bot, Could Russia fill the gap once American troops leave Afghanistan?",
     "ozan-afghanistan"),
])
def test_a_question_opening_after_a_greeting_is_no_name(
    matcher: Matcher, question: str, expected: str
) -> None:
    """"Which Russian", "Could Russia": two capitals after a greeting open the question; a
    question word is no part of a name."""
    assert top(matcher, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("What is the full name of the WTO?", "basbug-resources-trade-routes"),
    ("ankasam full name?", "context-briefing-ankasam"),
    ("ANKASAM'ın açık adı nedir?", "context-briefing-ankasam"),
])
def test_the_full_name_of_an_acronym_is_what_it_stands_for(
    matcher: Matcher, question: str, expected: str
) -> None:
    """"World Trade Organization (WTO)": the passage spells the acronym out before it."""
    assert top(matcher, question) == expected


@pytest.mark.parametrize("question", [
    "What is Blinken's full name?", "Blinken'ın tam adı ne?", "What is Blinken's first name?",
])
def test_a_full_name_is_still_asked_of_a_person(matcher: Matcher, question: str) -> None:
    """No passage writes anyone's name as asked: "full name" is framing only where a passage
    spells out an acronym asked."""
    assert matcher.match(question).declined


@pytest.mark.parametrize("question", [
    "when did the us buy alaska and for how much",
    "When was the Arctic Council established, and who was its first chair?",
    "which observer countries does basbug name, and when did china become an observer?",
    "When will Biden and Putin meet and where?",
])
def test_a_second_asking_the_briefing_does_not_answer_declines(
    matcher: Matcher, question: str
) -> None:
    """Two questions in one, the second asking a kind (an amount, a person, a time, a place)
    no passage answering the first gives: half an answer is none."""
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    ("when did the us buy alaska", "basbug-alaska"),
    ("who met in reykjavik and when", "context-meeting-date-place"),
    ("I need Başbuğ's shipping statistic and where he got it", "basbug-resources-trade-routes"),
    ("Where was Özge Eletek born and in which year?", "context-compiler-biography"),
])
def test_a_second_asking_the_passage_answers_is_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    """"and when": the passage gives the date too; "and where he got it" is a clause."""
    assert top(matcher, question) == expected


def test_an_experts_first_name_before_an_unknown_surname_is_someone_else(
    matcher: Matcher
) -> None:
    """In lower case no capital tells a name: "emre kongar" is not Emre Ozan ("kongar" is no
    word of English, Turkish or the briefing, nor "ozan" misspelt)."""
    result = matcher.match("what did emre kongar say about russia")
    assert result.declined
    assert result.hint == "The briefing does not mention Emre Kongar."


@pytest.mark.parametrize(("question", "expected"), [
    ("deniz berktey nord stream", "berktay-nord-stream"),
    ("emre ozann iran", "ozan-iran-north-korea"),
])
def test_an_experts_misspelt_surname_after_the_first_name_is_still_theirs(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


@pytest.mark.parametrize("question", [
    "What happened after the Biden-Putin summit?",
    "What did the ANKASAM experts say about the Biden-Putin summit after it took place?",
    "Biden Putin zirvesinden sonra ne oldu?",
])
def test_what_followed_a_meeting_told_only_as_to_come_is_declined(
    matcher: Matcher, question: str
) -> None:
    """The passages tell the Biden-Putin meeting only as "planned", "foreseen to be held"."""
    assert matcher.match(question).declined


@pytest.mark.parametrize("question", [
    "What happened after the Reykjavik meeting?",
    "After the summit in June, will relations improve?",
])
def test_what_follows_a_meeting_held_or_asked_as_to_come_is_answered(
    matcher: Matcher, question: str
) -> None:
    assert not matcher.match(question).declined


@pytest.mark.parametrize("question", [
    "did the iran nuclear talks end up with a new deal",  # "the ongoing negotiations"
    "Did the US end up pulling out of Afghanistan?",  # "is expected to withdraw"
    # ... a deed joined to the first ("will not impose new sanctions").
    "Did the US later change its mind and sanction Nord Stream-2 after all?",
])
def test_an_outcome_asked_yes_or_no_is_not_told_by_an_ongoing_or_coming_deed(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    ("Did Obama's reset policy end with Crimea?", "dilek-ukraine-crimea-sanctions"),
    ("did the us end up sending warships", "berktay-warships-black-sea"),
])
def test_an_outcome_the_passage_tells_is_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    """"Russia's intervention in Ukraine ended the applicability of this policy"; the USA
    "decided to send warships …; but later he had to give up on it"."""
    assert top(matcher, question) == expected


def test_what_followed_a_deed_told_only_as_to_come_is_declined(matcher: Matcher) -> None:
    """"The US is expected to withdraw its troops": nothing is told to have followed it."""
    assert matcher.match(
        "did the us and russia cooperate in afghanistan after the withdrawal").declined


@pytest.mark.parametrize("question", [
    "Who fills the power gap after the withdrawal of US troops?",
    "What did Ozan expect to happen in Afghanistan after the US withdrawal?",
])
def test_what_is_to_follow_a_deed_to_come_is_answered(matcher: Matcher, question: str) -> None:
    assert top(matcher, question) == "ozan-afghanistan"


@pytest.mark.parametrize(("question", "declined"), [
    ("Who is the mayor on Reykjavik's city council?", True),  # no passage names a mayor
    ("Who is the chair at the Arctic Council?", True),
    ("Who is the foreign minister in Russia?", False),  # "Russian Foreign Minister …"
    ("who was the russian minister at the iceland talks", False),
    ("Who is the expert on Alaska?", False),  # no office: who speaks of it
    ("Who was the Russian in Reykjavik?", False),
])
def test_an_office_in_or_at_a_place_must_be_named(
    matcher: Matcher, question: str, declined: bool
) -> None:
    assert matcher.match(question).declined is declined


@pytest.mark.parametrize(("question", "expected"), [
    ("what position does emre ozan hold at ankasam", "ozan-profile"),  # "… Policy Advisor"
    ("What position does Öymen hold?", "oymen-profile"),  # not his quote naming the post
    ("What position does Öymen hold on Crimea?", "oymen-crimea-ukraine-syria"),  # a stance
])
def test_an_experts_post_is_told_by_the_profile(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


def test_a_deed_asked_of_a_person_however_spelt_must_be_told(matcher: Matcher) -> None:
    """"navalny" is the briefing's "Navalni", whose return it tells, not an arrest."""
    assert matcher.match("was navalny arrested when he came back from germany").declined


@pytest.mark.parametrize("question", [
    "Did Başbuğ's prediction come true?",
    "Did the new tension Başbuğ predicted actually materialize?",
    "Was Ozan proved right about Afghanistan?",
    "Has Berktay's forecast turned out to be correct?",
    "Did tensions really ease after the meeting, like Berktay predicted?",
])
def test_whether_a_forecast_came_true_asked_yes_or_no_is_declined(
    matcher: Matcher, question: str
) -> None:
    """The briefing gives forecasts made in May 2021; whether they came true it cannot tell."""
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    ("Why didn't Trump's friendly approach to Moscow pan out?", "dilek-trump-candidate"),
    ("Is a new tension in the Arctic likely to materialize?", "basbug-new-tension"),
])
def test_a_cause_or_a_forecast_asked_with_words_of_coming_true_is_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


@pytest.mark.parametrize("question", [
    "did china get closer to russia after the reykjavik meeting",
    "Did Russia and Ukraine go to war after 2021?",
    "Did the Black Sea tension flare up again later in 2021?",
    "Is China closer to Russia after the Reykjavik meeting?",
    "Did Russia mass troops in the Arctic after May 2021?",  # (May, the month)
    # The leaders' meeting is told only as to come ("to be held", "will … be changed").
    "How did the Black Sea strategies change after the leaders' meeting?",
    # ... and the Iran negotiations as going on ("the ongoing negotiations").
    "Was a deal reached in the Iran nuclear negotiations after the meeting?",
])
def test_what_followed_the_meeting_or_the_briefings_year_is_declined(
    matcher: Matcher, question: str
) -> None:
    """Only a passage telling of a meeting held may tell what followed it (Ozan's on China
    does not), and none tells what came after the briefing's own year."""
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    ("did the disagreements between the us and russia go away after reykjavik",
     "berktay-constructive-atmosphere"),
    ("Does Berktay expect tension to go down after the talks?",
     "berktay-constructive-atmosphere"),
    ("Why did relations get worse after 2014?", "dilek-ukraine-crimea-sanctions"),
    ("Will Russia increase its troops in the Arctic after the meeting?", "basbug-troops"),
])
def test_what_followed_the_meeting_told_or_a_year_before_it_is_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


@pytest.mark.parametrize("question", [
    "did ozge eletek complete her masters at dokuz eylul",  # "is currently pursuing"
    "Did Eletek complete her internship at ANKASAM?",  # "is continuing an internship"
    "Did the US complete its withdrawal from Afghanistan?",  # "is expected to withdraw"
])
def test_whether_something_was_completed_is_not_told_by_it_in_progress_or_to_come(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    ("Did Eletek graduate from Ankara Hacı Bayram Veli University?",
     "context-compiler-biography"),
    # "graduate" as a word of studies, not asked yes or no.
    ("Where is Eletek currently doing her graduate studies?", "context-compiler-biography"),
    # (The introduction's "the meeting was completed in a constructive atmosphere" holds it
    # all; Berktay's Lavrov speaking of it does not tell it finished.)
    ("Did the meeting finish in a constructive atmosphere?", "context-meeting-date-place"),
    # ... and a passage not writing what is asked completed ("months") tells nothing of it.
    ("Did Biden complete his first months in office with harsh rhetoric?",
     "berktay-biden-harsh"),
])
def test_whether_something_was_completed_told_done_is_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


def test_a_persons_announcement_needs_a_passage_reporting_that_person(matcher: Matcher) -> None:
    """"Announce", "declare" and "stated" ask someone's words as "say" does: the Washington
    administration's declaration on Nord Stream-2 is not Putin's."""
    assert matcher.match(
        "Why did Putin announce that he would not impose sanctions on Nord Stream-2?").declined


@pytest.mark.parametrize(("question", "expected"), [
    ("Did Lavrov declare the talks constructive?", "berktay-constructive-atmosphere"),
    ("What had Lavrov and Blinken stated before the meeting?", "oymen-normalize-arctic"),
])
def test_an_announcement_the_passage_reports_of_that_person_is_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


def test_another_first_name_before_an_experts_surname_in_lower_case_is_someone_else(
    matcher: Matcher
) -> None:
    """"altan öymen": no capital tells a name, yet a word no language nor the briefing knows
    before an expert's surname is another man's first name."""
    result = matcher.match("altan öymen opinion on the blinken lavrov meeting")
    assert result.declined
    assert result.hint == "The briefing does not mention Altan Öymen."


@pytest.mark.parametrize("question", [
    "onr öymen crimea",  # his own first name, misspelt
    "retired ambassador oymen crimea",  # words of English
    "elderly oymen crimea",  # ... one the briefing does not know
    "ukrayna oymen crimea",  # a word the briefing knows, in Turkish
])
def test_a_misspelt_first_name_or_a_title_before_an_experts_surname_is_still_theirs(
    matcher: Matcher, question: str
) -> None:
    assert top(matcher, question) == "oymen-crimea-ukraine-syria"


def test_a_misspelling_of_an_experts_first_name_is_no_one_else(matcher: Matcher) -> None:
    """"kosun" (Coşkun, two letters off) is a slip, not another man's first name."""
    assert "Kosun" not in matcher.match("kosun basbug arctic").hint


@pytest.mark.parametrize("question", [
    "Has the rhetoric softened, according to Berktay?",
    "berktay: has the discourse softened",
])
def test_softened_is_a_word_of_soft(matcher: Matcher, question: str) -> None:
    """Berktay's "the tone … has decreased" is found by its alternate wording ("tone softer"):
    "softened" is of the same group as "softer"."""
    assert top(matcher, question) == "berktay-constructive-atmosphere"


@pytest.mark.parametrize(("question", "expected"), [
    ("Has the tension eased, per Berktay?", "berktay-leaders-summer"),  # "will decrease"
    ("what is the meeting aiming at, per dilek", "dilek-biden-putin-prep"),  # "aimed to"
])
def test_eased_and_aiming_are_words_of_their_groups(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


@pytest.mark.parametrize("question", [
    # "Russia also has complaints about the USA": none named.
    "What exactly are Russia's complaints about the USA, according to Öymen?",
    "What exactly are the own rules Biden wants to set for Russia?",  # "its own rules"
])
def test_particulars_asked_of_a_thing_the_passage_only_names_are_declined(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    # "on the condition that its fundamental interests … are recognized": said in a clause.
    ("What exactly are Russia's conditions for cooperation, per Ozan?", "ozan-moscow-conditions"),
    # A cause asked ("made"), not particulars of "tensions".
    ("What exactly caused tensions in disputed regions, per Dilek?", "dilek-sanctions-tensions"),
    ("What exactly prompted sanctions against Russia?", "ozan-ukraine-crisis"),
])
def test_particulars_the_passage_gives_or_a_cause_asked_exactly_are_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


@pytest.mark.parametrize("question", [
    "did blinken and lavrov meet again after reykjavik?",
    "Will Blinken and Lavrov meet again?",
])
def test_a_meeting_again_is_one_the_briefing_cannot_tell(matcher: Matcher, question: str) -> None:
    """The briefing is about one meeting; another after it it cannot tell."""
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    ("which russian sectors specifically were targeted by sanctions according to dilek",
     "dilek-sanctions-tensions"),
])
def test_specifically_is_framing_not_a_subject(
    matcher: Matcher, question: str, expected: str
) -> None:
    """Not "Dilek does not speak about specifically": the word asks for particulars."""
    assert top(matcher, question) == expected


def test_asked_what_will_be_a_passage_telling_nothing_to_come_comes_after(
    matcher: Matcher
) -> None:
    """"What will the US try to do in the Arctic?": of two candidates as close, the one that
    tells what will be ("The USA will do its best …") is put first; asked otherwise, the
    order stands."""
    import numpy as np

    ids = [e.id for e in matcher.entries]
    now, to_come = ids.index("basbug-arctic-face-to-face"), ids.index("basbug-us-step-back")
    order, scores = np.array([now, to_come]), np.array([0.92, 0.90])
    asked = ["what", "will", "the", "usa", "try", "to", "do", "in", "the", "arctic"]
    first, _ = matcher._in_the_tense_asked(asked, order, scores)
    assert first.tolist() == [to_come, now]
    first, _ = matcher._in_the_tense_asked(["what", "does", "the", "usa", "do"], order, scores)
    assert first.tolist() == [now, to_come]


def test_asked_why_a_passage_giving_no_cause_comes_after(matcher: Matcher) -> None:
    """"Why is Moscow building up its forces in the Arctic?": of two candidates as close, the
    one giving a cause ("Therefore, Russia increases its military presence") is put first."""
    import numpy as np

    ids = [e.id for e in matcher.entries]
    none, cause = ids.index("basbug-troops"), ids.index("basbug-russia-military")
    order, scores = np.array([none, cause]), np.array([0.92, 0.90])
    question = "Why is Moscow building up its forces in the Arctic?"
    first = [e.entry.id for e in matcher.match(question, top=3).answers]
    assert first[0] == "basbug-russia-military"
    assert matcher._favouring(order, scores, matcher._tells_a_cause, 0.96)[0].tolist() == [
        cause, none]


@pytest.mark.parametrize("question", [
    "how did zelensky react to the blinken lavrov meeting",
    "how did lukashenko respond to the meeting of blinken and lavrov",  # (no capital)
])
def test_one_reacting_whom_the_briefing_does_not_know_is_declined(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    # "the transatlantic partners": a party the briefing writes, though "partners" is not.
    ("How did the transatlantic partners respond to Crimea, according to Mehmet Sait Dilek?",
     "dilek-ukraine-crimea-sanctions"),
])
def test_one_reacting_the_briefing_knows_in_part_is_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


@pytest.mark.parametrize("question", [
    "did blinken and lavrov discuss extending new START in reykjavik",
    "Was the SALT process on the agenda in Reykjavik?",
])
def test_a_frequent_word_in_capitals_the_briefing_writes_small_is_another_name(
    matcher: Matcher, question: str
) -> None:
    """"New START" is a treaty, whatever the briefing says of things started."""
    result = matcher.match(question)
    assert result.declined


@pytest.mark.parametrize(("question", "expected"), [
    ("What does Başbuğ take from the WTO figures?", "basbug"),  # written so: "WTO"
    ("Which FOREIGN minister did Blinken meet?", None),  # as a name: "Foreign Minister"
    ("WHAT DID OZAN SAY ABOUT IRAN", "ozan"),  # all in capitals: no names
])
def test_capitals_the_briefing_writes_so_or_a_question_in_capitals_are_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    result = matcher.match(question)
    first = result.answers[0].entry.expert if result.answers else None
    assert not result.declined and (first.id if first else None) == expected


@pytest.mark.parametrize("question", [
    "did moscow sanction american officials after the reykjavik meeting",
    "Did Blinken and Lavrov sanction anyone after the meeting?",
])
def test_a_deed_after_the_meeting_needs_a_passage_telling_it(
    matcher: Matcher, question: str
) -> None:
    """The introduction tells the meeting held; not what anyone did after it."""
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    ("did Blinken and Lavrov say they wanted to normalize relations after the meeting?",
     "oymen-normalize-arctic"),  # "Both politicians stated …": a verb of saying is no deed
    ("Did Lavrov speak of a constructive atmosphere after the meeting?",
     "berktay-constructive-atmosphere"),  # "Lavrov speaks of …": nor is "speak" one to find
])
def test_a_deed_after_the_meeting_a_passage_tells_is_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    # A misspelt stop word ("wold", "ater") is framing and is not mapped: the plural check
    # that follows reads the same words as were mapped (it raised IndexError).
    ("What wold change if the two leaders reached consensus, according to Başbuğ?",
     "basbug-leaders-meeting"),
    ("Could the Kremlin make or break the Thran atomic negotiations?", "ozan-iran-north-korea"),
    ("What sort of relationship with the Kremlin was Washington ater during Obama's first "
     "years?", None),
])
def test_a_misspelt_stop_word_before_a_plural_does_not_break_the_question(
    matcher: Matcher, question: str, expected: str | None
) -> None:
    result = matcher.match(question)
    assert expected is None or top(matcher, question) == expected
    assert result.question == question


def test_every_development_question_with_a_slip_or_shuffled_is_read_without_error(
    matcher: Matcher
) -> None:
    """Readers' slips (benchmarks.typos) and words in any order never raise: each question
    of dev.yaml, dev32.yaml (whose "the Thran atomic negotiations" raised once) and
    turkish-dev.yaml is asked three ways, seeded."""
    import random

    from benchmarks.typos import variants

    data = Path(__file__).parent / "data"
    questions = [str(case["q"]) for name in ("dev.yaml", "dev32.yaml", "turkish-dev.yaml")
                 for case in yaml.safe_load((data / name).read_text(encoding="utf-8"))]
    assert len(questions) > 100
    for question in questions:
        chance = random.Random(question)
        words = question.split()
        for asked in (next(variants(question, chance), question),
                      " ".join(chance.sample(words, len(words))), question + " s"):
            matcher.match(asked)  # (raises on a bug)


def test_one_slip_from_an_english_word_comes_before_two_from_the_briefings(
    matcher: Matcher
) -> None:
    """"concude" is "conclude" (one slip, a word of the lists), not the briefing's "collude"
    (two); a form the lists lack ("escalatory") is no slip of its stem ("escalator")."""
    as_meant = matcher.vocabulary.as_meant
    assert as_meant("What did the Mueller report concude?") == \
        "What did the Mueller report conclude?"
    assert as_meant("Which Russian officcals were sanctioned?") == \
        "Which Russian officials were sanctioned?"
    assert as_meant("what if biden and putin make escalatory statements") == \
        "what if biden and putin make escalatory statements"
    assert matcher.match("What did the Mueller report concude about the 2016 election?").declined
    # ... and a word no briefing word is near, one slip from a word of the lists ("conclde",
    # "transvlate"), is that word, as a frequent one's slip is.
    assert as_meant("Did Biden aplogise?") == "Did Biden apologise?"
    # A slip of the question word after an opening preposition is that question word.
    assert as_meant("In wich year did Russia annex Crimea?") == \
        "In which year did Russia annex Crimea?"
    for question in ("What did the Mueller report conclde about collusion?",
                     "Can you transvlate 'good morning' into Japanese?",
                     "In wich year did Russia annex Crimea?"):
        assert matcher.match(question).declined, question
    assert top(matcher, "what if biden and putin make escalatory statements") == \
        "basbug-leaders-meeting"


def test_a_country_one_slip_away_is_that_country(matcher: Matcher) -> None:
    """"Molsova" is Moldova, which the briefing does not name (not its "Moskova", two slips
    away); not when a frequent word is as near ("togh" is "tough", not Togo)."""
    as_meant = matcher.vocabulary.as_meant
    assert as_meant("What did Berktay say about the elections in Molsova?") == \
        "What did Berktay say about the elections in Moldova?"
    assert as_meant("Is Biden's togh line on Russia driven by domestic politics?") == \
        "Is Biden's tough line on Russia driven by domestic politics?"
    assert as_meant("Is the hutan factor important?") == "Is the human factor important?"
    assert as_meant("what does oemen expect next") != "what does yemen expect next"  # Öymen
    assert matcher.match("What did Berktay say about the elections in Molsova?").declined


@pytest.mark.parametrize("question", [
    "what did başbuğ say about the world health organization",  # its "World Trade Organization"
    "WHAT DID BAŞBUĞ SAY ABOUT THE WORLD HEALTH ORGANIZATION?",
])
def test_a_name_of_the_briefings_with_its_middle_word_another_is_declined(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    ("what did basbug say about the world trade organization", "basbug-resources-trade-routes"),
    # The middle word shortened is the same name: "Retired Intelligence Colonel".
    ("why does the retired intel colonel think the arctic has gotten more valuable", "basbug"),
])
def test_a_name_of_the_briefings_or_its_middle_word_shortened_is_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    result = matcher.match(question, top=3)
    assert any(a.entry.id == expected or (a.entry.expert and a.entry.expert.id == expected)
               for a in result.answers)


@pytest.mark.parametrize("question", [
    "Is North Korea one of the Arctic Council's observer states?",  # Başbuğ's, not Ozan's
    "Did Blinken tell reporters anything after his meeting with Lavrov?",  # not Öymen's words
])
def test_what_is_asked_told_where_it_does_not_fit_is_declined(
    matcher: Matcher, question: str
) -> None:
    """The passage that holds most of the question does not fit it (Başbuğ's observers do
    not hold North Korea): one that holds less is about something else."""
    assert matcher.match(question).declined


def test_a_passage_that_holds_as_much_as_the_unfit_one_still_answers(matcher: Matcher) -> None:
    assert top(matcher, "Is China among the Arctic Council observers?") == "basbug-observers"
    assert top(matcher, "on the sidelines of which gathering did the two ministers meet") == \
        "context-meeting-date-place"


@pytest.mark.parametrize("question", [
    # Instances asked after an attribution: the passage writes only "sanctions".
    "According to Ozan, which sanctions did Washington impose on Moscow over Ukraine?",
    # "specific" asks the particulars: Öymen writes only that Russia "has complaints".
    "What are Russia's specific complaints about America, in Öymen's view?",
    # "What" and a plural asks as "which" does: Başbuğ writes only of "some plans".
    "What plans does China have for the Arctic?",
])
def test_instances_asked_that_the_passage_writes_only_as_the_kind_are_declined(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).declined


@pytest.mark.parametrize(("question", "expected"), [
    ("According to Başbuğ, which specific countries are observers?", "basbug-observers"),
    ("According to Berktay, which countries does Nord Stream 2 bypass?", "berktay-nord-stream"),
    ("What countries does Nord Stream 2 bypass?", "berktay-nord-stream"),
])
def test_instances_asked_after_an_attribution_that_the_passage_names_are_answered(
    matcher: Matcher, question: str, expected: str
) -> None:
    assert top(matcher, question) == expected


def test_instances_asked_after_an_attribution_read_from_the_which() -> None:
    """The question's positions a name took count from the "which": a named word right after
    it asks of that thing ("which Arctic countries": "Arctic" named at position 4)."""
    asked = tokens("According to Ozan, which Arctic countries are named?")
    assert _instances_asked(asked, Found()) == "countries"
    assert _instances_asked(asked, Found(used={4})) is None


def test_an_experts_institution_asked_of_itself_is_declined(matcher: Matcher) -> None:
    """"Atatürk University" names Dilek only with a word for a person at it ("the Atatürk
    University professor"); asked of itself, it is the university, which no passage is on."""
    assert matcher.match("Who founded Atatürk University?").declined
    assert top(matcher, "What does the Atatürk University lecturer think the meeting "
                        "prepared?") == "dilek-biden-putin-prep"


def test_one_asked_to_call_or_describe_someone_is_a_speaker(matcher: Matcher) -> None:
    """"How did Biden describe Putin?" asks Biden's words (a passage reporting them), not the
    passages on the Biden–Putin summit; a Turkish question, its verb last ("nasıl
    tanımlıyor?", how does he describe), names the described before it, no speaker."""
    assert top(matcher, "How did Biden describe Putin?") == "berktay-biden-harsh"
    assert top(matcher, "Berktay Blinken-Lavrov görüşmesini nasıl tanımlıyor?") == \
        "berktay-first-meeting"


def test_a_founding_asked_needs_a_passage_telling_one(matcher: Matcher) -> None:
    """"When did … University open?" is not told by the biography's years of study there;
    "When was the Arctic Council founded?" is, by "was established in 1996"."""
    assert matcher.match("When did Ankara Hacı Bayram Veli University open?").declined
    assert top(matcher, "When was the Arctic Council founded?") == \
        "context-arctic-council-founding"


def test_the_rise_of_two_countries_tension_is_dated_as_the_tension(matcher: Matcher) -> None:
    """"When did Ukraine-Russia tensions peak?": "The tension between Russia and Ukraine in
    April 2021"; not a tension with no two countries named, which a passage dating something
    else would answer ("… in the Black Sea?")."""
    assert top(matcher, "When did Ukraine-Russia tensions peak?") == \
        "berktay-moscow-resists"
    assert matcher.match("When did tensions rise in the Black Sea?").declined


@pytest.mark.parametrize("question", ["who wrote hamlet", "who wrote the odyssey"])
def test_a_deed_done_to_what_the_briefing_does_not_know_is_declined(
    matcher: Matcher, question: str
) -> None:
    """Written in small letters, "hamlet" is no name the briefing could be asked of; the
    biography, which tells what its compiler wrote, is no answer."""
    assert matcher.match(question).declined
    assert top(matcher, "who wrote this briefing") == "context-compiler-biography"


def test_a_verb_of_naming_with_a_particle_asks_no_words(matcher: Matcher) -> None:
    """"Did America call off …?" asks a deed (to cancel), not what America called anyone."""
    assert top(matcher, "Did America call off sending naval vessels during the April crisis?") \
        == "berktay-warships-black-sea"


def test_an_amount_asked_by_its_noun_is_given_as_a_figure(matcher: Matcher) -> None:
    """"What proportion of …?" is answered by "80% of the region", which has no word for a
    proportion; what the amount is of must still be held ("covered by ice")."""
    assert top(matcher, "What proportion of the Arctic has a Russian coastline?") == \
        "basbug-russia-military"
    assert matcher.match("What percentage of the Arctic is covered by ice?").declined


def test_which_experts_views_are_in_the_briefing_asks_the_experts(matcher: Matcher) -> None:
    """"Experts' views" frames a question on something else ("What are the experts' views on
    the Arctic?"); with nothing else asked, after "which" or "how many", the experts are."""
    assert top(matcher, "How many experts' opinions are in this briefing?") == \
        "context-experts-list"
    assert top(matcher, "Which experts comment on the Arctic?") != "context-experts-list"


def test_what_is_taken_over_is_what_is_asked_about(matcher: Matcher) -> None:
    """The Council's chair is named nowhere: a passage on the Council or on Iceland's meeting
    does not tell whether it changed hands."""
    assert matcher.match("Did Iceland hand over the Arctic Council chair to Russia?").declined
    assert top(matcher, "Did Russia take over Crimea?") in (
        "oymen-crimea-ukraine-syria", "dilek-ukraine-crimea-sanctions")


@pytest.mark.parametrize("question", [
    "did the ministers discuss a treaty in reykjavik",
    "was a new accord discussed at the meeting",
])
def test_a_kind_of_document_asked_needs_a_passage_writing_one(
    matcher: Matcher, question: str
) -> None:
    """A treaty or an accord, written in small letters with no name: the passage on the
    Iceland meeting writes none (its alternate question's "a big deal" is no document)."""
    assert matcher.match(question).declined
    assert top(matcher, "What did the Ottawa Declaration establish?") == \
        "context-arctic-council-founding"


@pytest.mark.parametrize(("question", "answered", "expected"), [
    # A place within the city: the introduction places the talks in Reykjavik, naming no
    # building or hall in it; a venue asked alone may be the city, and is answered.
    ("which building did blinken and lavrov meet in",
     "which venue hosted the blinken lavrov talks", "context-meeting-date-place"),
    ("what venue in reykjavik hosted the two ministers",
     "which venue hosted the blinken lavrov talks", "context-meeting-date-place"),
    # Words told to the press: Berktay reports what Lavrov and Blinken said of the meeting,
    # not to whom. An expert's own words asked so are his passage's.
    ("what did blinken say to reporters after meeting lavrov",
     "what did berktay tell the press about nord stream", "berktay-nord-stream"),
    ("what did lavrov tell journalists about the atmosphere",
     "what did berktay tell the press about nord stream", "berktay-nord-stream"),
])
def test_a_place_or_an_audience_asked_needs_a_passage_naming_one(
    matcher: Matcher, question: str, answered: str, expected: str
) -> None:
    assert matcher.match(question).declined
    assert top(matcher, answered) == expected


def test_a_second_question_does_not_make_where_figurative(matcher: Matcher) -> None:
    """"… and who leads them?" asks a second thing; "where … held" still asks a place, which
    the passage on the talks does not give ("where does this lead?" would be figurative)."""
    assert matcher.match("where are the north korea nuclear talks held and who leads them")\
        .declined
    assert top(matcher, "Where does Öymen stand on Crimea and why?") == \
        "oymen-crimea-ukraine-syria"


@pytest.mark.parametrize("question", [
    "what does oymen say we shouldnt overlook before the meeting",
    "why doesnt the us want moscow getting cozy with beijing",
])
def test_a_negative_typed_without_its_apostrophe_reads_as_with_it(
    matcher: Matcher, question: str
) -> None:
    """"shouldnt" is "shouldn't": not an unknown word that outweighs what is asked."""
    written = question.replace("shouldnt", "shouldn't").replace("doesnt", "doesn't")
    assert tokens(question) == tokens(written)
    assert not matcher.match(question).declined


def test_an_amounts_unknown_word_is_read_in_its_own_question(matcher: Matcher) -> None:
    """A word the briefing does not know declines an amount asked only in the question asking
    it: "… and which ones are named?" asks no amount; "… and how much … passes …?" does."""
    assert top(matcher, "how many countries outside the region are observers, and which ones "
                        "are named?") == "basbug-observers"
    assert matcher.match("How many countries are observers, and how much of world trade "
                         "passes through the Arctic by air?").declined


def test_words_asked_about_a_phrase_need_its_head(matcher: Matcher) -> None:
    """"About Arctic militarization": Öymen's passage reports the ministers' words on the
    Arctic, none on its militarization; a clause after the phrase ("while he was
    campaigning") is no part of what was spoken about."""
    assert matcher.match("what did lavrov say about arctic militarization in iceland").declined
    assert top(matcher, "What did Trump say about Russia while he was campaigning?") == \
        "dilek-trump-candidate"


def test_what_followed_a_departure_the_passage_only_expects_is_declined(
    matcher: Matcher
) -> None:
    """"After the soldiers left": Ozan expects the withdrawal ("is expected to withdraw"), so
    what came after it is not told; who will fill the gap once they have left is."""
    assert matcher.match("what became of afghanistan after the american soldiers left").declined
    assert top(matcher, "who will fill the power gap once the americans have left "
                        "afghanistan") == "ozan-afghanistan"


@pytest.mark.parametrize("question", [
    "give me the full list of the 13 observer states",
    "13 gözlemci ülkenin tamamı hangileri?",
])
def test_a_complete_list_asked_needs_a_passage_listing_all(
    matcher: Matcher, question: str
) -> None:
    """Başbuğ names some of the 13 observers ("such as China, Japan, …"), not all of them;
    the Council's eight members he lists in full."""
    assert matcher.match(question).declined
    assert top(matcher, "list all 8 members of the arctic council") == "basbug-arctic-council"


@pytest.mark.parametrize("question", [
    "did eletek find a job after her internship",
    "Eletek stajından sonra ne yapacak?",
])
def test_what_follows_something_still_going_on_is_declined(
    matcher: Matcher, question: str
) -> None:
    """The biography tells the internship as going on ("is continuing an internship"): what
    came or comes after it is not told. What followed the April tension is."""
    assert matcher.match(question).declined
    assert top(matcher, "What did the Biden administration start to say after the April "
                        "tension?") == "berktay-predictable"


@pytest.mark.parametrize("question", [
    "what came out of the biden putin summit",
    "What was the result of the Biden-Putin summit?",
    "Biden-Putin zirvesinin sonucu ne oldu?",
])
def test_the_outcome_of_a_meeting_told_as_to_come_is_declined(
    matcher: Matcher, question: str
) -> None:
    """The summit is "foreseen to be held" and "planned": no passage tells what came of it.
    The Blinken–Lavrov talks were held, and what came of them is told."""
    assert matcher.match(question).declined
    assert not matcher.match("what came out of the blinken lavrov talks").declined


def test_an_official_of_a_country_the_briefing_names_none_of_is_declined(
    matcher: Matcher
) -> None:
    """The passages name Russia's and the USA's foreign ministers, no Icelandic official; an
    official of Russia is named ("Russian Foreign Minister Sergey Lavrov")."""
    result = matcher.match("Which Icelandic official hosted the Arctic Council meeting?")
    assert result.declined and result.hint == "The briefing does not mention Iceland's official."
    assert top(matcher, "Which Russian official met Blinken in Reykjavik?") == \
        "context-meeting-date-place"


def test_the_kind_of_thing_asked_by_what_unknown_to_the_briefing_is_declined(
    matcher: Matcher
) -> None:
    """"… and what hotel did they stay in?" asks a hotel, which the briefing never names, as
    "In which hotel …?" does; "to what extent" asks how much, no thing."""
    result = matcher.match("which city was the meeting in, and what hotel did they stay in")
    assert result.declined and result.hint == "The briefing does not mention hotel."
    # (After "on" too, and one slip from a framing word that is no auxiliary: "fees", "feels".)
    result = matcher.match("what fees does russia collect from ships on the northern sea route")
    assert result.declined and result.hint == "The briefing does not mention fees."
    assert top(matcher, "what dose basbug think about russian army in the artic") == \
        "basbug-russia-military"
    assert top(matcher, "To what extent does Ozan blame domestic politics for Biden's hard "
                        "line?") == "ozan-trump-concessions"


@pytest.mark.parametrize("question", [
    "what's the definition of an arms race",
    "silahlanma yarışının tanımı nedir",
])
def test_a_definition_asked_is_declined(matcher: Matcher, question: str) -> None:
    """Başbuğ speaks of the arms race in the Arctic; he defines none. "By definition" asks no
    definition."""
    assert matcher.match(question).declined
    assert top(matcher, "Did the Democrats think a peaceful Russia was by definition no "
                        "threat?") == "dilek-obama-first-term"


def test_a_first_name_in_small_letters_is_the_persons(matcher: Matcher) -> None:
    """"sergey lavrov": the passages write "Sergey" before "Lavrov", so it is his first name
    however typed, not a person the passage names besides the one asked before."""
    assert matcher.match("who was russia's top diplomat before sergey lavrov").declined
    assert top(matcher, "when did antony blinken meet sergey lavrov") == \
        "context-meeting-date-place"
    # (Not in Turkish, whose question is read as written: "Sergey Lavrov'un görevi ne?".)
    assert top(matcher, "Sergey Lavrov'un görevi ne?") == "context-meeting-date-place"


def test_key_or_vital_for_something_is_important_for_it(matcher: Matcher) -> None:
    """"Why is the Arctic vital for US-Russia ties?" asks why it matters, as "important" does
    (a word of framing): not for a passage writing "vital"."""
    assert top(matcher, "why is the arctic vital for us-russia ties, per basbug") == \
        top(matcher, "why is the arctic important for us-russia ties, per basbug")


def test_running_for_president_is_a_candidacy(matcher: Matcher) -> None:
    """Dilek writes "while he was a presidential candidate": running for the presidency."""
    assert top(matcher, "what did trump hint about moscow while running for the presidency") \
        == "dilek-trump-candidate"


def test_the_thing_whose_place_is_asked_must_be_written_by_the_passage(
    matcher: Matcher
) -> None:
    """"fleet" is a word of the Black Sea topic, not of Ozan's passage on the Ukraine crisis:
    it gives no place of a fleet. The Arctic's riches ("natural resources") Başbuğ places."""
    assert matcher.match("where is the russian black sea fleet headquartered").declined
    assert top(matcher, "Where are the natural riches of the Arctic located?") == \
        "basbug-resources-russia"


def test_who_described_something_so_is_asked_of_the_words_reported(matcher: Matcher) -> None:
    """"Who called the atmosphere constructive?" asks who spoke of it so, which Berktay's
    passage tells in its own verb ("Lavrov speaks of constructive atmosphere"); what no
    passage says of anyone is still declined."""
    assert top(matcher, "Who called the atmosphere constructive?") == \
        "berktay-constructive-atmosphere"
    assert top(matcher, "which expert called the talks constructive") == \
        "berktay-constructive-atmosphere"
    assert matcher.match("who called lavrov a liar").declined
    # ... nor is what one ends up with or becomes a deed a passage must name ("Russia will
    # have more influence here").
    assert top(matcher, "who ends up with more influence in afghanistan after the us troops "
                        "leave") == "ozan-afghanistan"


def test_a_word_for_what_a_passage_says_brings_it_among_the_answers(matcher: Matcher) -> None:
    """Moscow's requirements are its conditions ("on the condition that its fundamental
    interests … are recognized"); coming to the table is sitting at it, not "the actors on
    the table" of the Iran talks."""
    answers = matcher.match("what are moscow's requirements for cooperation").answers
    assert "ozan-moscow-conditions" in [a.entry.id for a in answers]
    answers = matcher.match("what does it show that both sides came to the table").answers
    assert [a.entry.id for a in answers] == ["ozan-sitting-at-table"]


@pytest.mark.parametrize("question", [
    "what did nord stream 2 cost to build",
    "nord stream 2 cost",
    "nord stream 2 maliyet",
])
def test_what_a_thing_cost_asks_a_figure(matcher: Matcher, question: str) -> None:
    """Berktay's passage tells what Nord Stream-2 will export and where, giving no figure: its
    cost is not told. Moscow's "price" for cooperating is its conditions, no figure."""
    assert matcher.match(question).declined
    assert top(matcher, "What is Moscow's price for cooperating with Washington?") == \
        "ozan-moscow-conditions"


def test_a_purpose_asked_is_told_by_in_order_to(matcher: Matcher) -> None:
    """Dilek tells the Reset's purpose without the word: "the policy they called “Reset” in
    order to … turn a white page again". A passage writing the word keeps it ("in order to
    evaluate the meaning of the meeting" is no less the briefing's purpose)."""
    assert top(matcher, "what was the purpose of the reset") == "dilek-reset"
    assert top(matcher, "what was the reset meant to achieve") == "dilek-reset"
    assert top(matcher, "what was the whole idea behind the reset?") == "dilek-reset"
    # (In Turkish too: "amacı", its aim.)
    assert top(matcher, "Atatürk Üniversitesi'ndeki hoca Reset politikasının amacını nasıl "
                        "açıklıyor?") == "dilek-reset"
    assert top(matcher, "What is this briefing trying to do, what's its purpose?") == \
        "context-briefing-ankasam"


def test_the_workplace_of_someone_named_needs_a_sentence_naming_them_there(
    matcher: Matcher
) -> None:
    """Ozan's profile names ANKASAM and, in its next sentence, Biden: Biden's workplace is not
    told. Eletek's is, in a sentence naming her ("Eletek … is continuing an internship at the
    Ankara Center for Crisis and Policy Studies")."""
    assert matcher.match("where does biden work").declined
    assert top(matcher, "where does eletek work") == "context-compiler-biography"


def test_a_countrys_possessive_typed_without_the_apostrophe_is_read_as_one(
    matcher: Matcher
) -> None:
    """"germanys reaction" is Germany's, which no passage tells (not Öymen's passage on the
    actions the USA reacts to); "turkeys" is an English word, read as written."""
    assert matcher.match("what was germanys reaction to the talks").declined
    assert top(matcher, "what is russias position on the arctic") == \
        top(matcher, "what is russia's position on the arctic")
    assert matcher.match("how many turkeys are in russia").hint == \
        "The briefing does not say how many turkeys."
    # ... unless a country's stance or policy follows it: Turkey's, which no passage tells.
    assert matcher.match("whats turkeys view of the reykjavik meeting").hint == \
        "The briefing does not mention Turkey."


def test_a_leaders_people_are_the_administration(matcher: Matcher) -> None:
    """"Biden's aides", "the Biden camp": those who work for him, the passages' "Biden
    administration". Not a people: "the Russian people" names no leader."""
    assert top(matcher, "What did Biden's aides say they wanted ties with Russia to be?") == \
        "berktay-predictable"
    assert top(matcher, "how did the biden camp speak of russia early on") == \
        "ozan-ukraine-crisis"
    assert matcher.match("what do the russian people think of the us").declined


def test_what_is_ns_x_asks_for_x_whoever_n_is(matcher: Matcher) -> None:
    """"What is N's X?" asks for X, as "What is the X of N?" does: an X the briefing does not
    know is declined and named, however N is written (in small letters, "whats")."""
    result = matcher.match("whats ankasam's street address in ankara")
    assert result.declined
    assert result.hint == "The briefing does not mention address."
    assert matcher.match("what's ankasam's office address in ankara?").declined
    assert matcher.match("What is the Arctic Council's secretariat?").hint == \
        "The briefing does not mention secretariat."
    assert top(matcher, "what is ozan's perspective on china") == "ozan-china"


def test_name_the_asks_for_instances_as_list_the_does(matcher: Matcher) -> None:
    """Eletek's biography says she attended "many conferences and seminars", naming none;
    Başbuğ's observers are named."""
    assert matcher.match("name the seminars eletek went to").declined
    assert top(matcher, "name the observers of the arctic council") == "basbug-observers"


def test_a_person_spelt_otherwise_is_the_person_the_passages_name(matcher: Matcher) -> None:
    """The passages write "Navalni"; readers write "Navalny" (a topic's alias, so a word of the
    briefing). His words are asked as the passages' Navalni's: on Putin they tell them ("his
    statements targeting Putin"), on the meeting in Iceland they tell none."""
    assert matcher.match("What did Navalny say about the meeting in Iceland?").declined
    assert top(matcher, "what did navalny say about putin") == "berktay-navalny-belarus"
