"""The decision to answer or decline, and what a declined reader is told.

The matcher declines (docs/matcher.md) when the question names something the briefing does not
know (a name, a number, a measure), when less than `min_coverage` of its weight is known to the
briefing or it asks what an unknown person said, when the expert it names says nothing on the
subjects it names, and when no answer reaches `threshold`. A decline carries suggestions
(questions the briefing does answer, close to what was asked) and, where it helps, a hint
("Ozan speaks about Iran, not Iraq.").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence, Set

import numpy as np

from knowledge.index import Index
from knowledge.models import KnowledgeBase
from knowledge.names import WORD_WRITTEN, Found, Names, names_in, surname
from knowledge.normalize import (
    FULL_WORDS,
    IRREGULAR_PAST,
    NAME_WORDS,
    STOP_WORDS,
    TURKISH_NAME_WORDS,
    TURKISH_NAMES,
    fold,
    plain_text,
    sentences,
    stem,
    tokens,
)
from knowledge.results import Answer, MatchResult
from knowledge.settings import MatcherSettings
from knowledge.thesaurus import CITIES
from knowledge.words import COUNTRY_NAMES, LOCATIVE, Vocabulary

SPEECH_VERBS = frozenset(
    "say said says think thinks thought believe believes argue argues argued claim claims "
    "predict predicts expect expects write wrote".split()
)
# ... and of answering something, whose subject is as much a speaker ("How did Zelensky react
# to the meeting?": a party the briefing does not know at all).
REACTION_VERBS = frozenset("react reacts reacted respond responds responded".split())
SPEAKER_OPENERS = frozenset("did does do has have had will would".split())
# ... of them, those that ask for someone's words rather than their views ("Does Biden think
# Trump was too soft?" is answered by "Biden believing Trump has given too many concessions").
SAY_VERBS = frozenset("say said says claim claims claimed tell told announce announced announces "
                       "declare declared declares stated".split())
# ... and of naming or describing someone, in an English question (a Turkish one, its verb
# last, names the described before it: "Dilek Blinken-Lavrov görüşmesini nasıl tanımlıyor?").
NAMING_VERBS = frozenset("call calls describe describes".split())
# Particles that make a verb another ("call off", "call for", "call on").
PARTICLES = frozenset("off for on up back out in upon".split())
# A speech word after one of these is a noun ("the claims", "its claims"), however a question
# opens: "How does the US use Alaska in its Arctic claims?" asks no one's words.
_POSSESSIVE = frozenset("its their his her our your my".split())
NOUN_MARKERS = _POSSESSIVE | {"the", "a", "an"}

# What a question asks for, when its first words say so: a time ("when", "what year",
# "ne zaman") or an amount ("how many", "how much", "kaç"). An answer that gives none is about
# the subject but does not answer the question ("When was ANKASAM founded?" is not answered
# by what ANKASAM is). The times asked as a date ("what date", "which day") need a year or a
# month, which "in the near future" is not.
ASKS_DATE = frozenset({("what", "date"), ("which", "date"), ("what", "day"), ("which", "day"),
                       ("hangi", "tarihte"), ("hangi", "gun"), ("hangi", "gunu")})
ASKS_TIME = (*sorted(ASKS_DATE), ("since", "when"), ("ne", "zaman"))
# ... of them, those asking a day, which a day of a month answers ("on May 20", "20 Mayıs").
ASKS_DAY = frozenset({("what", "day"), ("which", "day"), ("hangi", "gun"), ("hangi", "gunu")})
# (Written as names, with a capital: "may 5" is no date.)
_MONTH_NAMES = "|".join(("January February March April May June July August September October "
                         "November December Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos "
                         "Eylül Ekim Kasım Aralık").split())
DAY_OF_MONTH = re.compile(
    rf"\b(?:(?:{_MONTH_NAMES})\s+\d{{1,2}}(?!\d)|\d{{1,2}}\s+(?:{_MONTH_NAMES}))\b")
# The nouns of a date asked after "What was the …" ("What was the deadline for …?").
DATE_NOUNS = frozenset({"date", "deadline"})
# The words of a question that asks in a sentence, not in words alone ("meeting date"): its
# question words and the verbs that only carry another (the matcher reads them too).
ASKING_WORDS = frozenset(
    "what who whom whose which how why when where is are was were do does did will would can "
    "could should shall has have had may might must".split())
# Words that make what is asked exact ("what exact date"), read past when a time is asked.
EXACTLY = frozenset("exact exactly precise precisely specific particular".split())
# ... and a length of time, which a passage gives as one ("evolving for decades", "since
# 2014"): "How long has Lavrov been foreign minister?" is not answered by "on May 20, 2021".
ASKS_DURATION = (("how", "long"), ("ne", "zamandir"), ("kac", "yildir"), ("duration",),
                 ("kadar", "surdu"))  # (… "meeting duration", "ne kadar sürdü")
# (Not "long": "a long and sincere dialogue process" and "a long-term issue" give none.)
DURATION_WORDS = frozenset(
    "decade decades year years month months week weeks day days hour hours minute minutes "
    "century centuries since lasting lasted yildir yillardir suredir".split())
# ... and a year: only a passage that gives a year answers ("In what year was Crimea annexed?"
# is not answered by "in Obama's second term").
ASKS_YEAR = (("what", "year"), ("which", "year"), ("hangi", "yil"), ("hangi", "yilda"),
             ("hangi", "yilinda"), ("kac", "yilinda"), ("ne", "yil"), ("kac", "dogumlu"))
# ... and a month: "In which month was the Ottawa Declaration signed?" is not answered by 1996.
ASKS_MONTH = (("what", "month"), ("which", "month"), ("hangi", "ay"), ("hangi", "ayda"),
              ("hangi", "ayinda"), ("ne", "ay"))
# ... and a time of day ("What time did the meeting start?"), which a passage gives as a clock
# time ("at 10:30", "9 a.m."), not as a date.
ASKS_CLOCK = (("what", "time"), ("which", "time"), ("saat", "kacta"), ("saat", "kac"))
CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2} ?(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)",
                   re.IGNORECASE)
ASKS_AMOUNT = (("how", "many"), ("how", "much"), ("kac",), ("ne", "kadar"),
               ("what", "percentage"), ("what", "proportion"), ("what", "percent"),
               ("what", "share"), ("what", "fraction"), ("what", "portion"),
               ("yuzde", "kac"), ("kaci",), ("kacini",),  # "yüzde kaçı": what share of it
               ("kaca",), ("mal", "oldu"))  # "kaça mal oldu?": what it cost
# The noun of an amount asked ("What percentage of the Arctic …?"), which a passage gives as a
# figure ("80% of the region"), not as the word.
AMOUNT_NOUNS = frozenset(pair[-1] for pair in ASKS_AMOUNT if pair[:1] == ("what",))
# How often something happens, which a passage gives in words of frequency (English: the
# passages are; not the Turkish "her", which is an English word too).
FREQUENCY_WORDS = frozenset(
    "often frequently every annually yearly monthly weekly daily regularly routinely twice "
    "periodically biennially".split())
# "How fast is the ice melting each year?", "At what rate …?": a rate, which only a figure
# gives (not "the glaciers are melting"); "How quickly did Moscow respond?" asks no figure.
ASKS_SPEED = (("how", "fast"), ("how", "quickly"), ("what", "rate"), ("which", "rate"))
# ... per a unit of time ("per year", "each decade"; not "per Ozan") or every year.
RATE_UNITS = frozenset("year years decade decades month months week weeks day days hour hours "
                       "century annum".split())
RATE_WORDS = frozenset("annually yearly annual".split())
# A figure asked by its noun ("Nord Stream 2's capacity", "the trade volume").
FIGURE_NOUNS = frozenset(
    "capacity volume bcm tonnes tons barrels gdp population budget estimated "
    # a physical measure ("What is the Northern Sea Route's length?"), as "how long is" asks
    "length width depth height distance altitude elevation diameter".split())
# ... and a price, when something is bought or paid for ("What price will Germany pay …?",
# "alaska purchase price"), not the price of a deal ("What price does Moscow put on …?").
PRICE_WORDS = frozenset("price prices cost".split())
PURCHASE_WORDS = frozenset(
    "pay pays paid paying purchase purchased buy buys bought sell sells sold sale".split())
# ... and the cost of building something ("What did Nord Stream 2 cost to build?").
BUILT = frozenset("build builds built building construct constructed construction".split())
# A number in a name: joined to a capitalised word by a hyphen ("Nord Stream-2"), after two
# capitalised words ("Nord Stream 2"), or a day after a month's name ("May 20"); not after
# one capitalised word alone, which may open a sentence ("About 80% of …", "Over 13 …").
NAME_NUMBER = re.compile(
    r"\b(?:[A-Z][A-Za-z]*-|[A-Z][A-Za-z]* [A-Z][A-Za-z]* |(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December) )(\d+)\b")
# "How much is Biden prepared to give up?": how far one will go, not a figure.
READINESS = frozenset("willing prepared ready eager keen inclined "
                      "razi hazir istekli".split())  # "ne kadar tavize razı"
BE_WORDS = frozenset("is are was were will would".split())
MONEY_VERBS = frozenset("pay pays paid spend spends spent cost costs invest invests invested "
                        "charge charges earn earns lend borrow "
                        "para odemek odemeye harcamak harcamaya satin satmak yatirim".split())
# A personal fact asked about someone: only a passage that gives it answers ("What is
# Blinken's first name?" is not answered by the first meeting of Blinken and Lavrov).
# Verbs of a founding, asked with "when".
FOUNDING = frozenset("found founded establish established open opened create created".split())
PERSONAL = frozenset(
    "born birthday birthplace hometown age wife husband married spouse children kids salary "
    "height religion hobby hobbies favourite favorite nickname dogum yasinda esi cocuklari "
    "maasi evli evlendi evlilik yasi boyu dini hobisi hobileri favori cocugu memleketi "
    "nereli thesis dissertation tez tezi tezini tezinin languages supervisor supervises award "
    "awards prize prizes lived resides resided residence siblings sibling brother brothers "
    "sister sisters kardes kardesi kardesleri kardesim parents parent father mother daughter "
    "daughters anne annesi babasi ebeveyn ebeveynleri gpa "
    # ... and of an institution, its money: "Is ANKASAM funded by the government?"
    "funded funding funds funder funders financed financing sponsored sponsors donors "
    "budget".split())
# Languages one may speak ("Does Eletek speak Russian?").
LANGUAGES = frozenset("russian english german french turkish arabic spanish chinese persian "
                      "italian japanese ukrainian icelandic".split())
# Offices asked about in Turkish ("… başkanı kim?"), with the English word a passage that
# names the holder would hold.
TURKISH_OFFICES = {
    "baskan": "president", "baskani": "president", "cumhurbaskani": "president",
    "basbakan": "prime", "basbakani": "prime", "lider": "leader", "lideri": "leader",
    "kurucu": "founder", "kurucusu": "founder", "sahibi": "owner", "mudur": "director",
    "muduru": "director", "sozcu": "spokesman", "sozcusu": "spokesman", "sekreteri": "secretary",
    "bakani": "minister", "sefi": "chief", "yoneticisi": "director", "genelkurmay": "chief",
    "rektor": "rector", "rektoru": "rector", "dekan": "dean", "dekani": "dean",
}
# "Which high school …?", "hangi lisede …": a kind of school asked by name, which a passage
# answers only if it names one (the English of it: the passages are English, with the
# biography's Turkish original). Turkish words by their start, endings aside.
SCHOOL_KINDS = frozenset({("high", "school"), ("primary", "school"), ("elementary", "school"),
                          ("middle", "school")})
TURKISH_SCHOOL_KINDS = {"lise": ("high", "school"), "ilkokul": ("primary", "school"),
                        "ortaokul": ("middle", "school")}
# What was agreed, decided or signed at an event, asked in the past ("What was agreed at the
# June summit?", "Haziran zirvesinde hangi kararlar alındı?"): only a passage telling it
# answers, not one that foresees the event. Not asked as a condition ("What could change if
# the leaders reach an agreement?"). Not "outcome" or "result": "What was the outcome of the
# Blinken-Lavrov meeting?" is answered by "completed in a constructive atmosphere".
OUTCOME_WORDS = frozenset(
    "agree agreed agreement agreements decide decided decision decisions sign signed conclude "
    "concluded conclusion".split())
PAST_AUXILIARIES = frozenset("was were did had".split())  # "When did …?": a time gone by
PAST_MARKERS = PAST_AUXILIARIES | frozenset("agreed decided signed concluded".split())
# Verbs that only carry another ("Who was …", "Who did …", "Which ships were …?").
AUXILIARIES = frozenset(
    "is are was were do does did will would can could should shall has have had may might "
    "must".split())
CONDITIONAL = frozenset("if would could might will may can should shall eger".split())
# Turkish past endings ("alındı", "imzaladı"), on a word long enough not to be "şimdi" (now).
TURKISH_PAST = ("di", "ti", "du", "tu")
# "How did Putin respond when Biden called him a killer?": a named party's response, which
# only a passage telling one answers (not the passage that tells what Biden called him).
RESPONSE_VERBS = frozenset(
    "respond responded responds reply replied replies react reacted reacts retort retorted "
    "answer answers answered".split())
RESPONSE_WORDS = ("respond", "response", "reply", "react", "reaction", "retaliate", "answered",
                  "retaliation")
# "Who was the US president when the Arctic Council was set up?": a holder of an office, whom
# only a passage naming a person answers (not the passage on the founding).
OFFICE_WORDS = frozenset(
    "president leader chair chairman chairwoman head minister secretary founder director prime "
    "premier chief spokesman spokesperson ambassador king queen tsar czar emperor governor "
    "mayor commander".split())
# Who did something at an event ("Who was the interviewer …?"): a person, by name.
DOERS = frozenset("interviewer host moderator translator interpreter mediator photographer "
                  "presenter anchor organizer organiser journalist journalists reporter "
                  "reporters".split())
NAME_KINDS = frozenset("first last full middle maiden real given".split())
# An acronym after the words it stands for: "World Trade Organization (WTO)".
SPELT_OUT = re.compile(r"[A-Z][\w’'-]*(?:\s+[\w’'-]+){1,8}\s+\(([A-Z]{2,})\)")
MONTHS = ("january february march april may june july august september october november "
          "december ocak subat mart nisan mayis haziran temmuz agustos eylul ekim kasim "
          "aralik").split()
TIME_WORDS = frozenset(MONTHS + (
    "year years yearly decade decades century centuries era period term summer winter spring "
    "autumn week weeks month months day days today yesterday tomorrow recently recent soon "
    "since until later earlier ago future past now yil yilinda yaz kis").split())
# Spans of time: "the first period of Obama" does not say when his term began.
SPANS = frozenset("period term era".split())
# A question asking when something will be ("When will …?", Turkish "-acak"/"-ecek" after "ne
# zaman") is answered by a passage that looks ahead, with one of these words.
FUTURE_ENDINGS = ("acak", "ecek", "acaklar", "ecekler", "acakmis", "ecekmis")
FUTURE_WORDS = frozenset(
    "will planned plan plans expected foreseen upcoming coming next soon future scheduled "
    "later tomorrow".split())
NUMBER_WORDS = frozenset((
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion billions trillion percent "
    "half quarter third dozen dozens double twice bir iki uc dort bes alti yedi sekiz dokuz "
    "yuz milyon milyar yuzde").split())  # not "on" (ten), "bin" (thousand): English words


YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
# "Where …?", "nerede": a place, which a passage gives by a name.
ASKS_PLACE = frozenset("nerede nereye nereden neresi neresidir nerededir nerde nerden".split())
# "Where does Öymen stand …?", "Where should one start …?", "Where does China fit …?",
# "Where is this heading?": a view, a first step, a part, a course; not a place.
FIGURATIVE_WHERE = frozenset("stand stands start starts begin begins fit fits heading headed "
                             "lead leads role".split())  # (role: "fit into this picture")
# "Where did Başbuğ get the shipping figure from?": where a figure comes from, its source (a
# passage gives it as "According to the official data of …"), not a place.
SOURCED = frozenset("figure figures number numbers data statistic statistics estimate estimates "
                    "percentage percentages".split())
# "başlamak", "başlamalı", "başlanmalı": to start (from where: a first step, not a place).
TURKISH_STARTING = ("basla", "baslan")
# "hangi şehirde", "hangi ülkede": in which city, country.
PLACE_NOUNS = frozenset("sehirde sehir sehre ulkede ulke ulkeye kentte kent baskentte yerde "
                        "bolgede".split())
# "In which city …?": a city, which a passage gives by its name ("held in June" names none).
# Not "which country": "Which countries are members …?" is answered by a list of them.
CITY_NOUNS = frozenset("city cities town towns capital".split())
# "Where does … work?": an institution answers.
WORKPLACE_WORDS = frozenset("work works worked teach teaches based employed calisiyor calisir "
                            "calistigi gorevli intern interns interning".split())
COUNTRY_ACRONYMS = frozenset("usa uk eu nato ussr uae un".split())
INSTITUTIONS = frozenset(
    "university universitesi center centre institute ministry agency foundation department "
    "academy college school council parliament embassy institution".split())
# A name in at least this share of the entries is one of the briefing's own parties.
FRAME_SHARE = 0.25
# "What were the names of the warships …?", "gemilerin adları neydi?": a name, which a passage
# gives by writing one. Not "first name" (a word a passage must hold: `required`).
ASKS_NAME = frozenset({("names", "of"), ("name", "of"), ("what", "name"), ("which", "name")})
# A text naming something: "the policy they called “Reset”", "a group known as the 'Arctic
# Five'".
NAMING = re.compile(r"\b(?:called|named|dubbed|known as|so-called)\s+[“\"'‘]?([A-Z][\w-]*)")
# How many entries holding a word are read to tell whether the passages write it as a name.
NAME_SAMPLE = 20
# Turkish offices, folded ("bakanı", "cumhurbaşkanı", "çar"): "hangi bakan" asks a person.
TURKISH_OFFICE_WORDS = frozenset(
    "bakan bakani baskan baskani cumhurbaskani basbakan basbakani lider lideri sozcu "
    "sozcusu buyukelci buyukelcisi car cari kral krali imparator imparatoru".split())
# Things one tells apart by their names: "Which warships …?" asks which ones, by name (a
# passage telling of "two warships" names none). Not companies: "Which companies are
# interested in the Arctic?" is answered by "energy production companies".
NAMED_THINGS = frozenset("warship warships ship ships vessel vessels destroyer destroyers "
                         "frigate frigates submarine submarines".split())
# ... and things asked by name after "which"/"what" ("Which Russian military bases …?",
# "What ports …?"): known by their names, which a passage naming none does not give. (Not
# companies, which readers ask of by kind, "energy companies"; nor a channel, which may be one
# of dialogue.)
NAMED_INSTANCES = frozenset(
    "base bases bank banks port ports network networks newspaper newspapers language "
    "languages interview interviews".split())
# ... after a preposition too ("In which TV interview …?").
WHICH_PREPOSITIONS = frozenset("in at on from to with by for during".split())
# (Plural after "what": "What ports …?", not "What is the port's …?".)
NAMED_INSTANCES_AFTER_WHAT = frozenset(w for w in NAMED_INSTANCES if w.endswith("s"))
# ... in Turkish, the beginnings of their words ("hangi limanlara", "hangi televizyon
# kanalına", "hangi kanala": a broadcaster; not "hangi kanal açılacak", of dialogue).
TURKISH_NAMED_INSTANCES = ("liman", "televizyon", "kanala", "kanalina", "banka", "gazete",
                           "dilleri", "dillerini")
# "disputed regions (Arctic Ocean-Middle East-Caucasus …)": places listed after a word for them.
PLACES_LISTED = re.compile(
    r"\b(?:regions?|areas?|countries|places|cities|zones?|territories)\s*\(([^)]*)\)",
    re.IGNORECASE)
NOT_PLACES = frozenset(MONTHS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday i".split())


def _places_written(text: str) -> set[str]:
    """Folded names a text writes as places: a capitalised word after "in", "at", "to",
    "from" … (an article between; months and days left out): "born in İzmir", "warships to
    the Black Sea", not "between USA and Russia"; and institutions, where people work or
    study ("Atatürk University")."""
    found = set()
    written = list(WORD_WRITTEN.finditer(text))
    for i, match in enumerate(written):
        word = match.group()
        if not word[:1].isupper() or not i:
            continue
        if word.lower() in INSTITUTIONS:
            found.add(fold(word))  # "Atatürk University": where one works or studies
            continue
        before = [w.group().lower() for w in written[max(0, i - 2):i]]
        if before[-1] in ("the", "a") and len(before) == 2:
            before = before[:1]
        if before[-1] in LOCATIVE:
            folded = tokens(word)[:1]
            if folded and folded[0] not in NOT_PLACES:
                found.add(folded[0])
    for listed in PLACES_LISTED.finditer(text):
        found.update(folded[0] for m in WORD_WRITTEN.finditer(listed.group(1))
                     if m.group()[:1].isupper() and (folded := tokens(m.group())[:1])
                     and folded[0] not in NOT_PLACES)
    return found


def _names_written(text: str) -> set[str]:
    """Folded words a text writes as names: capitalised inside a sentence ("the policy they
    called “Reset”", "the USA"), not opening one."""
    found = set()
    for sentence in sentences(text):
        for match in list(WORD_WRITTEN.finditer(sentence))[1:]:
            if match.group()[:1].isupper():
                found.update(tokens(match.group())[:1])
    return found - {"i"}


def _as_english(asked: Sequence[str]) -> list[str]:
    """The question's words with a Turkish name read as its English ("karadeniz": black sea)."""
    return [part for w in asked for part in TURKISH_NAMES.get(w, w).split()]


def _saying_most(text: str, asked: Sequence[str]) -> str:
    """The sentences of `text` holding the most of the question's words (a name asked for is
    given where the thing named is spoken of: "warships to the Black Sea", not "Biden" two
    sentences on); the whole text when none holds any."""
    wanted = {stem(w) for w in _as_english(asked) if w not in STOP_WORDS and w not in NAME_WORDS}
    parts = sentences(text)
    held = [len(wanted & {stem(w) for w in tokens(part)}) for part in parts]
    most = max(held, default=0)
    return " ".join(p for p, n in zip(parts, held, strict=True) if n == most) if most else text


def _said_of_institution(text: str, asked: Sequence[str]) -> str:
    """The sentences of `text` that name an institution the question names by its own name,
    that name left out, when there are any ("Where is Dokuz Eylül University?" is not
    answered by where a student there was born, nor by the university itself); else the whole
    text."""
    wanted = set(asked)
    kept = []
    for sentence in sentences(text):
        spans = []
        written = list(WORD_WRITTEN.finditer(sentence))
        for i, match in enumerate(written):
            if fold(match.group()) not in INSTITUTIONS:
                continue
            named = [m for m in written[max(0, i - 3):i]
                     if m.group()[:1].isupper() and fold(m.group()) in wanted]
            if named:
                spans.append((named[0].start(), match.end()))
        for start, end in reversed(spans):
            sentence = f"{sentence[:start]}{sentence[end:]}"
        if spans:
            kept.append(sentence)
    return " ".join(kept) if kept else text


def _per_time(words: Sequence[str]) -> bool:
    """A rate's time: "per year", "each decade", "every month", "a year", "annually"."""
    return bool(RATE_WORDS & set(words)) or any(
        a in ("per", "each", "every", "a") and b in RATE_UNITS
        for a, b in itertools.pairwise(words))


def _asks_how_far(words: Sequence[str]) -> bool:
    """"How much is the White House willing to concede?", "How much of a concession …?", "ne
    kadar tavize razı?": how far one will go, not a figure (but "How much money is Russia
    willing to pay?", "How much are they ready to spend?")."""
    return bool(READINESS & set(words)) and not MONEY_VERBS & set(words) and any(
        (a == "how" and b == "much" and (c in BE_WORDS or c == "of"))
        or (a == "ne" and b == "kadar")
        for a, b, c in zip(words, words[1:], [*words[2:], ""], strict=False))


# Verbs of saying or knowing before an embedded question ("Did he say when …?").
SAYING_VERBS = frozenset(
    "say says said mention mentions mentioned tell tells told specify specifies specified "
    "reveal reveals revealed explain explains explained know knows indicate indicates".split())


def _before_a_verb(words: Sequence[str]) -> list[str]:
    """`words` up to a verb in the past or an auxiliary ("us navy ships", not "country sent
    warships": the kind asked after "which", not what it did)."""
    kept: list[str] = []
    for word in words:
        if word in IRREGULAR_PAST or word in AUXILIARIES or (
                word.endswith("ed") and len(word) > 4):
            break
        kept.append(word)
    return kept


def first_question(words: Sequence[str]) -> Sequence[str]:
    """The words up to a second question joined to the first ("Where are the talks held and
    who leads them?": not "leads" of "where does this lead?")."""
    return next((words[:k] for k in range(1, len(words) - 1) if words[k] == "and"
                 and words[k + 1] in ("who", "what", "when", "which", "how", "why")), words)


def asked_kind(words: Sequence[str]) -> str | None:
    """'time', 'month', 'year', 'duration' or 'amount' when the question asks for one (see
    ASKS_TIME), 'past' for a time gone by ("When did …?", "On what date was …?"), 'clock' for
    a time of day ("What time …?"), 'person' for the holder of an office ("Who was the US
    president …?"), 'post' for an office held ("What position did … hold?"), 'frequency' for
    "how often", 'place' or
    'workplace' for "where", 'future' for "when will", else None.

    "When" asks for a time only as the question's first word ("When was … founded?"), not as
    a conjunction ("What happens when …?").
    """
    if words[:1] in (["did"], ["does"], ["do"], ["is"], ["was"]):
        # "Did Başbuğ say when Russia will finish its bases?": what the saying is asked of.
        at = next((k for k in range(2, min(len(words) - 2, 6)) if words[k] in SAYING_VERBS
                   and words[k + 1] in ("when", "where", "how")), None)
        if at is not None:
            return asked_kind(words[at + 1:])
    asks_when = words[:1] == ["when"] or ("ne", "zaman") in itertools.pairwise(words)
    if asks_when and (words[1:2] == ["will"] or {"next", "upcoming"} & set(words[1:4]) or any(
            w.endswith(FUTURE_ENDINGS) and len(w) > 6 for w in words)):
        return "future"  # "When will she finish …?", "ne zaman bitirecek?"
    # "On what exact date …", "in which specific year": the word between asks nothing else.
    pairs = list(itertools.pairwise([w for w in words if w not in EXACTLY]))
    if words[:1] == ["when"]:
        return "past" if words[1:2] and words[1] in PAST_AUXILIARIES else "time"
    if words[:1] == ["where"] and FIGURATIVE_WHERE & set(first_question(words)):
        return None  # "Where does Öymen stand on Crimea?" asks a view, not a place
    if words[:1] == ["where"] and words[-1:] == ["from"] and SOURCED & set(words):
        return None  # "Where does Başbuğ get his figure from?": a source
    if ASKS_PLACE & set(words) and any(w.startswith(TURKISH_STARTING) for w in words):
        return None  # "… nereden başlamak gerekir?": where to start, a first step
    if (words[:1] == ["where"] or any(w in ASKS_PLACE for w in words) or any(
            a in ("which", "what") and b in INSTITUTIONS for a, b in pairs)) and any(
            w in WORKPLACE_WORDS for w in words):
        return "workplace"  # ... or "Which university does Dilek teach at?"
    if any(a in ("which", "what") and b in ("country", "countries") for a, b in pairs) \
            and OFFICE_WORDS & set(words) and (words[-1] in ("to", "in") or any(
                a == "and" and b in ("when", "where") and c in ("to", "in")
                for c, a, b in zip(words, words[1:], words[2:], strict=False))):
        return "place"  # "Which country was Öymen ambassador to?": where one served
    if words[:1] == ["where"] or any(w in ASKS_PLACE for w in words) or any(
            (a == "hangi" and b in PLACE_NOUNS) or (a in ("which", "what") and b in CITY_NOUNS)
            for a, b in pairs):
        return "place"
    if any(pair in ASKS_NAME for pair in pairs) or TURKISH_NAME_WORDS & set(words) or (
            words[:1] == ["which"] and NAMED_THINGS & set(_before_a_verb(words[1:4]))) or (
            words[:1] == ["which"] and NAMED_INSTANCES & set(words[1:4])) or (
            words[1:2] == ["which"] and words[0] in WHICH_PREPOSITIONS
            and NAMED_INSTANCES & set(words[2:4])) or (
            words[:1] == ["what"] and NAMED_INSTANCES_AFTER_WHAT & set(words[1:4])) or (
            any(a == "hangi" and any(w.startswith(TURKISH_NAMED_INSTANCES)
                                     for w in words[k + 1:k + 3])
                for k, a in enumerate(words))) or (
            words[:1] == ["what"] and words[-1:] in (["called"], ["named"])):
        return "name"  # "What was Obama's Russia policy called?"
    if words[:1] in (["what"], ["which"]) and words[1:2] and words[1] in POSTS and (
            HOLDING & set(words[2:7])) and not STANCE_ON & set(words[3:]):
        # "What position did Antony Blinken hold in the Obama administration?" (not a stance:
        # "What position does Ozan hold on Russia?")
        return "post"
    if words[:1] == ["who"] and (OFFICE_WORDS | DOERS) & set(words[1:5]):
        return "person"  # "Who was the first chair of the Arctic Council?"
    if words[:1] == ["which"] and (OFFICE_WORDS | DOERS) & set(words[1:3]):
        return "person"  # "Which US president oversaw …?", "Which journalist interviewed …?"
    if any(a == "hangi" and TURKISH_OFFICE_WORDS & set(words[k + 1:k + 3])
           for k, a in enumerate(words)):
        return "person"  # "Reset'i hangi dışişleri bakanı başlattı?"
    if words[:1] in (["what"], ["which"]) and DATE_NOUNS & set(
            [w for w in words if w not in EXACTLY][1:4]):
        # "What was the deadline set for …?", "What was the date of …?": a date.
        return "past" if PAST_AUXILIARIES & set(words) else "time"
    if (words[-1:] in (["date"], ["dates"]) or [w for w in words if w not in EXACTLY][:1] == [
            "date"]) and not ASKING_WORDS & set(words):
        # "afghanistan withdrawal exact date", "exact date of the biden putin summit": words
        # alone, ending or opening with a date
        return "time"
    said = set(map(tuple, zip(words))) | set(pairs)  # its words and pairs
    if ("how", "often") in pairs:
        return "frequency"  # "How often does the Arctic Council meet?"
    if (any(opener in said for opener in ASKS_SPEED)
            and (_per_time(words) or (words[:2] in (["how", "fast"], ["how", "quickly"])
                                      and words[2:3] in (["is"], ["are"])))) or (
            FIGURE_NOUNS & set(words)) or (
            PRICE_WORDS & set(words) and PURCHASE_WORDS & set(words)) or (
            words[-1:] in (["cost"], ["costs"], ["maliyet"], ["maliyeti"])) or (
            "cost" in words and BUILT & set(words)):
        # (And what a thing cost, or cost to build: "What did Nord Stream 2 cost?", "nord
        # stream 2 maliyet".)
        return "amount"
    for kind, openers in (("clock", ASKS_CLOCK), ("month", ASKS_MONTH), ("year", ASKS_YEAR),
                          ("time", ASKS_TIME), ("duration", ASKS_DURATION),
                          ("amount", ASKS_AMOUNT)):
        if any(opener in said for opener in openers):
            if kind == "amount" and _asks_how_far(words):
                return None
            if kind == "time" and PAST_AUXILIARIES & set(words):
                return "past"  # "On what date did the last US troops leave?"
            return kind
    return None


def required(words: Sequence[str], names: Set[str] = frozenset(),
             written: Sequence[str] = (),
             person: Callable[[str], bool] | None = None) -> tuple[str, ...]:
    """Words a passage must hold to answer the question: a personal fact ("born", "age"); what
    was agreed or decided, asked in the past ("What was agreed …?": `OUTCOME_WORDS`); the "name"
    of "first name"; the office of "Who is the president of Finland?" (a name after "of": "Who
    is the compiler of this briefing?" asks no office) or of "Who was Obama's secretary of
    state?"; a kind of school asked by name ("Which high school …?", in `written`, the
    question's words before translation: "hangi lisede …"); a person's response ("How did
    Putin respond …?", a `person`: not "How did Washington respond …?", a government's, which
    a passage may tell as what it did); the field of a study ("Which department is Eletek's
    master's in?", held where the degree asked is written: `Decision._holds`)."""
    found = [w for w in words if w in PERSONAL]
    if ("language" in words and {"speak", "speaks", "talk", "talks"} & set(words)) or any(
            a in ("speak", "speaks", "fluent") and b in LANGUAGES
            for a, b in itertools.pairwise(words)):
        # "Berktay hangi dilleri konuşuyor?", read in English; "Does Eletek speak Russian?"
        found.append("languages")
    if any((a in NAME_KINDS and b == "name") or (a in FULL_WORDS and b in NAME_WORDS)
           # (the words before "full name", "açık adı" are framing: `without_framing`)
           for a, b in itertools.chain(itertools.pairwise(words), itertools.pairwise(written))):
        found.append("name")
    for pos, word in enumerate(words[:-2]):
        if word in ("which", "what"):
            kind = (words[pos + 1], words[pos + 2])
            found.extend(kind if kind in SCHOOL_KINDS else ())
    for a, b in itertools.pairwise(written):  # the Turkish as written, before translation
        if a == "hangi":
            found.extend(next((v for k, v in TURKISH_SCHOOL_KINDS.items() if b.startswith(k)),
                              ()))
    said = set(words) | set(written)
    if OFFICE_WORDS & said and (words[:1] == ["when"] or ("since", "when") in set(
            itertools.pairwise(words))) and ({"become", "became"} & said or (
            "since" in said and {"been", "served", "held"} & said)):
        # "When did Lavrov become Russia's foreign minister?", "Since when has he been …?":
        # the start of a term of office, which a passage dating a meeting he attended does
        # not give.
        found.append("became")
    elif (TURKISH_OFFICE_WORDS | {"profesor", "docent"}) & said and (
            (("ne", "zaman") in set(itertools.pairwise(written))
             and {"oldu", "atandi", "secildi", "getirildi"} & said) or "beri" in said):
        # "Lavrov ne zaman dışişleri bakanı oldu?", "… ne zamandan beri bakan?", "Dilek ne
        # zaman profesör oldu?"
        found.append("became")
    if words[:1] == ["when"]:
        # "When did Hacı Bayram Veli University open?": the founding, which a passage dating
        # something else of it does not tell.
        found.extend(w for w in words if w in FOUNDING)
    if words[:1] == ["where"] and any(a == "before" and (b in names or b in ("joining",
                                                                          "moving"))
                                      for a, b in itertools.pairwise(words)):
        # "Where did Eletek intern before ANKASAM?": an earlier place, which a passage naming
        # only the present one does not tell.
        found.append("before")
    if STUDIES & said:
        # "Which department is Eletek's master's in?": the field of a study.
        found.extend(b for a, b in itertools.pairwise(words)
                     if a in ("which", "what") and b in STUDY_FIELDS)
    elif any(w.startswith(TURKISH_DEGREES) for w in written) and any(
            a == "hangi" and b.startswith(TURKISH_FIELDS) for a, b in itertools.pairwise(written)):
        found.append("department")  # "Eletek yüksek lisansını hangi bölümde yapıyor?"
    if OUTCOME_WORDS & said and not CONDITIONAL & said and (
            PAST_MARKERS & said or any(w in IRREGULAR_PAST for w in said)
            or any(w.endswith(TURKISH_PAST) and len(w) > 5 for w in written)):
        # ("Why did the US decide not to impose …?": the decision's reason, which a passage
        # declaring it does not give: the verb itself is needed.)
        found.extend(("decided" if w == "decide" and words[:1] == ["why"] else w)
                     for w in words if w in OUTCOME_WORDS)
    found.extend(w for pos, w in enumerate(words) if w in RESPONSE_VERBS and pos >= 2
                 and words[pos - 2] in SPEAKER_OPENERS and words[pos - 1] in names
                 and (person is None or person(words[pos - 1])))
    if any(w in ("kim", "kimdir") for w in words):
        # "ANKASAM'ın başkanı kim?": the office asked (in English, as the quotes write it).
        found.extend(TURKISH_OFFICES[w] for w in words if w in TURKISH_OFFICES)
    if (words[:1] == ["who"] or {"kim", "kimdi"} & set(words)) and (
            OFFICE_WORDS | TURKISH_OFFICE_WORDS) & set(words):
        # "Who was Russia's foreign minister before Lavrov?", "Blinken'dan önce ABD dışişleri
        # bakanı kimdi?": a predecessor (or a successor), whom a passage naming the office's
        # holder does not name as one.
        found.extend(PRECEDING[a] for a, b in itertools.pairwise(words)
                     if a in ("before", "after") and b in names)
        found.extend(PRECEDING[b] for a, b in itertools.pairwise(words)
                     if b in ("once", "sonra") and a in names)
    if words[:1] == ["who"] and len(words) >= 5 and words[1] in ("is", "was", "are", "were") \
            and words[2] == "the":
        # "Who is the president of Finland?", "Who is the prime minister of Iceland?", "Who
        # is the mayor on Reykjavik's city council?"
        of = next((p for p in (4, 5) if words[p:p + 1] == ["of"] or (
            words[p:p + 1] in (["on"], ["in"], ["at"]) and OFFICE_WORDS & set(words[3:p]))), None)
        if of is not None and any(w in names for w in words[of + 1:of + 3]):
            found.extend(words[3:of])
    if words[:1] == ["who"] and len(words) >= 4 and words[1] in ("is", "was", "are", "were") \
            and words[2] in names and words[3] not in STOP_WORDS and words[3] not in names:
        # "Who was Obama's secretary of state?": the office, after the name that holds it.
        found.append(words[3])
    return tuple(dict.fromkeys(found))


# A post held ("What position did … hold?"), and the words a passage gives one by.
POSTS = frozenset("position positions post posts office offices job jobs".split())
# What a stance is taken on ("What position does Öymen hold on Crimea?").
STANCE_ON = frozenset("on about regarding towards toward concerning".split())
HOLDING = frozenset("hold holds held have has had occupy occupied serve served".split())
POST_TITLES = OFFICE_WORDS | frozenset(
    "ambassador professor prof colonel officer retired academic lecturer researcher expert "
    "analyst intern diplomat advisor adviser consultant journalist specialist".split())
# The field of a study asked ("Which department …", "In what field is her master's?"), as a
# passage names it ("the Department of International Relations").
STUDY_FIELDS = frozenset("department field major subject discipline faculty".split())
DEGREES = frozenset(
    "master masters degree degrees graduate graduated graduating bachelor undergraduate "
    "undergrad phd doctorate enrolled".split())
STUDIES = DEGREES | frozenset("study studies studied studying".split())
# … in Turkish, folded ("yüksek lisansını hangi bölümde yapıyor?", "hangi alanda").
TURKISH_FIELDS = ("bolum", "alan", "fakulte")
TURKISH_DEGREES = ("lisans", "mezun", "doktora")


def _degrees(words: Sequence[str]) -> set[str]:
    """The degrees the words speak of, as English stems: "master" of "master's" and of the
    Turkish "yüksek lisans"; "gradu" of "graduated" and of "mezun"."""
    found = {stem(w) for w in words if w in DEGREES}
    for before, word in zip(["", *words], words, strict=False):
        if word.startswith("lisans"):
            found.add("master" if before == "yuksek" else "bachelor")
        elif word.startswith("mezun"):
            found.add("gradu")
        elif word.startswith("doktora"):
            found.add("doctor")
    return found


# The one before or after a holder of an office, as a passage would say it (in Turkish, "önce",
# "sonra" after the name).
PRECEDING = {"before": "predecessor", "once": "predecessor", "after": "successor",
             "sonra": "successor"}


# A personal fact a passage gives in other words: a hometown or birthplace as "born in …", a
# nickname as "called …".
SAID_AS = {"hometown": ("born",), "birthplace": ("born",), "dogum": ("born",),
           "memleketi": ("born",), "nereli": ("born",),
           "nickname": ("called", "dubbed", "named", "known"),
           # what was agreed or decided, told with the verb
           "decision": ("decided",), "decisions": ("decided",),
           # (a government declaring what it will do: "declares that it will not impose new
           # sanctions" is what Washington decided; not why it did: `required`)
           "decide": ("declares",),
           **dict.fromkeys(STUDY_FIELDS, ("department", "faculty")),
           "before": ("previously", "prior", "earlier", "formerly", "former"),
           # (taking office: "after officially taking White House in January 2021")
           "became": ("become", "appointed", "elected", "inauguration", "inaugurated",
                      "sworn", "taking", "took"),
           # a founding, however told ("was established in 1996")
           **dict.fromkeys(FOUNDING, (*sorted(FOUNDING), "founding", "inception")),
           "agreement": ("agreed",), "agreements": ("agreed",), "conclusion": ("concluded",),
           **dict.fromkeys(RESPONSE_VERBS, RESPONSE_WORDS)}


# Words that report someone speaking ("Lavrov speaks of constructive atmosphere", "the
# statements made by both Blinken and Lavrov", "characterizing Putin as a murderer").
REPORTED_SPEECH = frozenset(
    "say says said stated statement statements speak speaks spoke spoken announced "
    "announce declared declare told remarks characterizing characterized described "
    "describes".split())


def _content(phrase: str) -> str:
    """A folded phrase without its stop words ("what date": "date")."""
    return " ".join(w for w in phrase.split() if w not in STOP_WORDS)


def reports_speech(text: str) -> bool:
    """Does `text` report someone's words?"""
    return any(w in REPORTED_SPEECH for w in tokens(text))


# A word of the same stem in another sense: "gave the signs that the tension will decrease"
# tells of no treaty signed; "the language used" (rhetoric), of no languages spoken.
OTHER_SENSE = {"sign": frozenset({"signs"}), "languag": frozenset({"language"})}


def holds(text: str, needed: Sequence[str]) -> bool:
    """Does `text` hold every needed word (or a word of the same stem, not in another sense:
    `OTHER_SENSE`; or a way of saying it: `SAID_AS`)?"""
    words = tokens(text)
    stems = {stem(w) for w in words}

    def held(word: str) -> bool:
        other = OTHER_SENSE.get(stem(word))
        pool = stems if other is None else {stem(w) for w in words if w not in other}
        return any(stem(v) in pool for v in (word, *SAID_AS.get(word, ())))

    return all(held(w) for w in needed)


def _without_named_months(text: str) -> str:
    """`text` without the months that are part of a name, written before another word of it
    ("Dokuz Eylül University" gives no September)."""
    written = list(WORD_WRITTEN.finditer(text))
    for match, after in reversed(list(itertools.pairwise(written))):
        if (match.group()[:1].isupper() and fold(match.group()) in MONTHS
                and after.group()[:1].isupper() and text[match.end():after.start()] == " "):
            text = text[:match.start()] + text[match.end():]
    return text


def gives(kind: str, text: str, asked: Sequence[str] = (),
          person: Callable[[str], bool] | None = None,
          frame: Callable[[str], bool] | None = None) -> bool:
    """True when `text` holds what a question of `kind` asks for: a figure, a time word, or
    for a place a name the question does not give; for a name asked, one that is not of the
    briefing's own parties (`frame`: "the USA" names no warship).

    A figure the question itself gives (the 2 of "Nord Stream 2") is no answer to it.
    """
    if kind == "place":
        given = _places_written(_said_of_institution(text, asked)) - set(asked)
        return any(person is None or not person(w) for w in given)
    if kind == "name":
        # A name the question does not give ("Reset" for "What was Obama's policy called?").
        given = set(_as_english(asked))
        return any(w not in given and w not in STOP_WORDS and (frame is None or not frame(w))
                   for w in _names_written(text))
    if kind == "workplace":
        # An institution, or its acronym ("Atatürk University", "ANKASAM").
        return any(w.lower() in INSTITUTIONS
                   or (len(w) >= 3 and w.isupper() and fold(w) not in COUNTRY_ACRONYMS)
                   for w in (m.group() for m in WORD_WRITTEN.finditer(text)))
    if kind == "person":
        # A person the question does not name ("Barack Obama" for "Who was the US president
        # during the reset?").
        return person is not None and any(
            written[:1].isupper() and folded not in asked and person(folded)
            for written in (m.group() for m in WORD_WRITTEN.finditer(text))
            for folded in tokens(written)[:1])
    if kind == "post":
        # A post of the person asked of (before "hold"), in a sentence naming them ("Foreign
        # Minister Antony Blinken"); not the "Blinken-Lavrov meeting" of a passage on Obama's
        # presidency, nor Obama's post ("in the Obama administration").
        held = next((k for k, w in enumerate(asked) if k >= 3 and w in HOLDING), len(asked))
        asked_of = {w for w in asked[2:held] if w not in STOP_WORDS}  # (an expert too: "Öymen")
        return any(asked_of & set(words) and POST_TITLES & set(words)
                   for words in map(tokens, sentences(text)))
    if kind == "clock":
        return CLOCK.search(text) is not None
    if kind in ("month", "time", "future", "past"):
        text = _without_named_months(text)
    if kind == "frequency":
        # How often: "very often", "every two years", "annually".
        return bool(FREQUENCY_WORDS & set(tokens(text)))
    if kind == "month":
        # A month the passage writes as a name ("in June"; not the "may" of "it may"), and
        # not the question's own.
        return any(w[:1].isupper() and fold(w) in MONTHS and fold(w) not in asked
                   for w in (m.group() for m in WORD_WRITTEN.finditer(text)))
    words = tokens(text)
    if kind == "duration":
        return any(w in DURATION_WORDS for w in words)
    figures = [w for w in words if any(c.isdigit() for c in w) and w not in asked]
    if kind == "year":
        return any(YEAR.fullmatch(w) for w in figures)
    plain_pairs = set(itertools.pairwise([w for w in asked if w not in EXACTLY]))
    if kind in ("time", "future", "past") and (ASKS_DAY & plain_pairs or (
            EXACTLY & set(asked) and {"date", "day"} & set(asked))):
        # "On what day did they meet?", "the exact date": a day of a month ("May 20"), not a
        # month ("in June").
        return DAY_OF_MONTH.search(text) is not None
    if kind in ("time", "future", "past") and (EXACTLY & set(asked) or ASKS_DATE & plain_pairs
                                               or DATE_NOUNS & set(asked)):
        # "On what exact date will the troops leave?", "the exact deadline": a date, not "in
        # the near future"; nor the month the question gives itself ("What exact date in
        # June …?": "in June").
        return any(YEAR.fullmatch(w) for w in figures) or any(
            w[:1].isupper() and fold(w) in MONTHS and fold(w) not in asked
            for w in (m.group() for m in WORD_WRITTEN.finditer(text)))
    if kind == "past":
        # A time gone by: "expected to withdraw in the near future" does not say when they left;
        # nor, when a span is asked of, a span ("When did Obama's second term begin?": not "in
        # Obama's second term", "the first period of Obama"), unless the question offers a
        # choice ("in his first term or his second?") or asks which span ("in which term?").
        spans = bool(SPANS & set(asked)) and "or" not in asked and not any(
            a in ("which", "what") and b in SPANS for a, b in itertools.pairwise(asked))
        return any(YEAR.fullmatch(w) for w in figures) or any(
            w in TIME_WORDS and w not in FUTURE_WORDS and not (spans and w in SPANS)
            for w in words)
    if kind in ("time", "future"):
        # A year or a time word ("May", "decades"): "13 countries" and "80%" give no time;
        # a time to come, from a passage that looks ahead ("planned to be held in June").
        return (any(YEAR.fullmatch(w) for w in figures) or any(w in TIME_WORDS for w in words)
                ) and (kind == "time" or any(w in FUTURE_WORDS for w in words))
    if kind == "amount":
        # A year is no amount: "How much did the US pay for Alaska?" is not "in 1867"; nor is
        # a number in a name ("Nord Stream-2", "May 20").
        in_names = tokens(" ".join(m.group(1) for m in NAME_NUMBER.finditer(text)))
        figures = [w for w in figures if not YEAR.fullmatch(w)]
        figures = [w for w in figures if w not in in_names or figures.count(w) > in_names.count(w)]
    if figures:
        return True
    wanted = TIME_WORDS if kind == "time" else NUMBER_WORDS
    return any(w in wanted for w in words)


# The kinds asked whose answer is read in the sentences on what is asked (`Decision._focused`).
_FOCUSED_KINDS = frozenset({"time", "past", "year", "month"})

# How many of the entries holding a word are read to find how the briefing writes it.
WRITTEN_SAMPLE = 50


def _put_first(order: np.ndarray, scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The candidates with the `k`-th moved first, its score kept."""
    moved = [k] + [j for j in range(len(order)) if j != k]
    return order[moved], scores[moved]


class Decision:
    """Declines, with suggestions and hints; and the answers given, when not declined."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        index: Index,
        vocabulary: Vocabulary,
        names: Names,
        settings: MatcherSettings,
    ) -> None:
        self.knowledge = knowledge
        self.entries = knowledge.entries
        self.experts = knowledge.experts
        self.topics = knowledge.topics
        self.index = index
        self.group_topic = index.group_topic
        self.vocabulary = vocabulary
        self._aliases: dict[int, list[str]] = {}
        self.names = names
        self.settings = settings
        self._proper: dict[str, bool] = {}
        self._names_cache: dict[int, frozenset[str]] = {}

    def decline(
        self, question: str, found: Found, restrict: int | None, missing: str | None
    ) -> MatchResult:
        """Not covered: suggestions and, when something was missing, a hint saying what."""
        experts = tuple(self.experts[i] for i in found.experts)
        topics = tuple(self.topics[self.group_topic[g]] for g in found.topics)
        if missing is None:
            return MatchResult(question, (), self.suggest(found, restrict), experts, topics)
        if missing.startswith("how "):
            hint = f"The briefing does not say {missing}."
            return MatchResult(question, (), self.suggest(found, restrict), experts, topics, hint)
        near = self.names.false_friend(missing)
        shown = " ".join(  # "iceland's": "Iceland's"
            self.as_written(w.removesuffix("'s"), plain_text(question)) + "'s"
            if w.endswith("'s") else self.as_written(w, plain_text(question))
            for w in missing.split())
        if missing in COUNTRY_NAMES or missing in CITIES:
            shown = shown[:1].upper() + shown[1:]  # "india" typed: the country, India
        if near is not None and not self.as_written(near)[:1].isupper():
            # Only a name is hinted at ("Iran, not Iraq", "Crimea, not crime"): "wealth, not
            # Health" (of the World Health Organization), "ships, not chips" or "wrote, not
            # write" would read as a riddle.
            near = None
        near_groups = [t for kind, t in self.names.joined.get(near or "", ()) if kind == "topic"]
        speaker = experts[0] if experts else None
        if near is not None:
            about = self.as_written(near)
            who = "The briefing"
            if speaker is not None and self.covers(found, near, near_groups):
                who = surname(speaker.name)
            hint = f"{who} speaks about {about}, not {shown}."
        elif speaker is not None:
            hint = f"{surname(speaker.name)} does not speak about {shown} in this briefing."
        else:
            hint = f"The briefing does not mention {shown}."
        suggestions = self.suggest(found, restrict, near_groups=near_groups)
        return MatchResult(question, (), suggestions, experts, topics, hint)

    def covers(self, found: Found, word: str, groups: list[int]) -> bool:
        """True when one of the named experts has an entry on the topics or with the word."""
        for i, entry in enumerate(self.entries):
            if int(self.index.entry_expert[i]) not in found.experts:
                continue
            if any(i in self.index.group_entries[g] for g in groups):
                return True
            if word in tokens(entry.passage):
                return True
        return False

    def as_written(self, word: str, question: str = "") -> str:
        """A folded word as the question or else the briefing writes it ("iran": "Iran").

        Only the entries that hold the word are read (its postings, at most `WRITTEN_SAMPLE`),
        so a word no quote writes costs nothing however large the archive.
        """
        at = self.vocabulary.index_of.get(word)
        holders = [] if at is None else self.index.postings[at][:WRITTEN_SAMPLE].tolist()
        texts = itertools.chain(
            (question,), (self.entries[i].passage for i in holders), (t.name for t in self.topics))
        for text in texts:
            for match in WORD_WRITTEN.finditer(text):
                for part in re.split(r"['’]", match.group()):
                    if fold(part) == word:
                        return part
        # A place named in Turkish ("Kıbrıs", "Cenevre"), shown in English with a capital.
        named = word in COUNTRY_NAMES or any(
            part[:1].isupper() and TURKISH_NAMES.get(fold(part)) == word
            for written in WORD_WRITTEN.findall(question) for part in re.split(r"['’]", written))
        if named:
            return word.upper() if len(word) <= 3 else word.capitalize()
        return word

    def expert_silent_on_topics(self, found: Found, words: Sequence[str] = ()) -> bool:
        """True when the named experts say nothing on any of the subjects the question names,
        or nothing on a country it names, whatever else they speak of ("What did Başbuğ say
        about the Iran nuclear negotiations?").

        An expert covers a subject when one of their entries is filed under it or mentions one
        of its aliases in its words or questions. A subject named only inside another's name
        ("the Arctic" in "the Arctic Council") is not one of them.
        """
        if not found.experts or not found.subjects:
            return False
        mine = np.flatnonzero(np.isin(self.index.entry_expert, list(found.experts)))
        asked = f" {' '.join(words)} "
        named = {g: [a for a in self._alias_words(g) if a and f" {a} " in asked]
                 for g in found.subjects}
        covered = False
        for group in found.subjects:
            longer = [_content(a) for g, found_aliases in named.items() if g != group
                      for a in found_aliases]
            if named[group] and all(
                    any(f" {_content(a)} " in f" {b} " and _content(a) != b for b in longer)
                    for a in named[group]):
                continue  # "arctic" within "arctic council" (but "date" is "what date")
            # (Or anything the briefing writes as a name, "Nord Stream": what the expert
            # says of other subjects is not on it.)
            country = any(TURKISH_NAMES.get(w, w) in COUNTRY_NAMES or self._a_name(w)
                          for a in named[group] for w in a.split())
            if covered and not country:
                continue  # one subject covered is enough, but for a country
            if self._covers(group, mine):
                covered = True
            elif country:
                # "What did Başbuğ say about the Iran nuclear talks?": a country he never
                # speaks of; the talks he may mention are not the ones asked about.
                return True
        return not covered

    def _a_name(self, word: str) -> bool:
        """Do the passages write `word` as a name ("Nord Stream", "Navalni")? Read from a few
        of the entries holding it (`NAME_SAMPLE`), once per word: an archive's passages are not
        all read for it."""
        found = self._proper.get(word)
        if found is None:
            at = self.vocabulary.index_of.get(word)
            holders = [] if at is None else self.index.postings[at][:NAME_SAMPLE].tolist()
            found = self._proper[word] = any(
                word in names_in(self.entries[i].passage) for i in holders)
        return found

    def _covers(self, group: int, mine: np.ndarray) -> bool:
        """Do these entries speak of the topic group: filed under it, or naming it?"""
        if np.isin(self.index.group_entries[group], mine).any():
            return True
        aliases = self._alias_words(group)
        for i in mine:
            said = " ".join(tokens(" ".join((self.entries[i].passage,
                                             *self.entries[i].questions))))
            if any(a and f" {a} " in f" {said} " for a in aliases):
                return True
        return False

    def _alias_words(self, group: int) -> list[str]:
        """A topic group's name and aliases, as folded words (worked out once a group)."""
        found = self._aliases.get(group)
        if found is None:
            topic = self.topics[self.group_topic[group]]
            found = self._aliases[group] = [" ".join(tokens(a))
                                            for a in (topic.name, *topic.aliases)]
        return found

    @staticmethod
    def _speaker_spans(words: list[str], found: Found,
                       verbs: Set[str]) -> Iterator[list[tuple[int, str]]]:
        """The words (position, word) between "did"/"does"/… and each speech verb of `verbs`
        ("What did [Angela Merkel] say …?"), stop words left out. A speech word written as a
        noun is none: after an article or a possessive ("the claims"), or a plural after one
        in its span ("its Arctic claims", "their Alaska-based claims")."""
        for pos, word in enumerate(words):
            after = pos + 2 if words[pos + 1:pos + 2] == ["the"] else pos + 1
            if word not in verbs or pos in found.used or after in found.used:
                # "…, says Dilek?", "…, says the Atatürk University professor?": the expert
                # named after the verb is the speaker
                continue
            start = pos
            while start > 0 and words[start - 1] not in SPEAKER_OPENERS and pos - start < 4:
                start -= 1
            if start == 0 or start == pos or words[pos - 1] in NOUN_MARKERS or (
                    word.endswith("s") and _POSSESSIVE & set(words[start:pos])):
                continue
            yield [(p, w) for p, w in enumerate(words[start:pos], start) if w not in STOP_WORDS]

    def asks_unknown_speaker(self, words: list[str], found: Found) -> bool:
        """'What did Angela Merkel say …?': a speaker the briefing does not know at all."""
        vocabulary = self.vocabulary

        def unknown(p: int, w: str) -> bool:
            return (w not in vocabulary.index_of and stem(w) not in vocabulary.by_stem
                    and p not in found.topic_used  # a misspelt alias ("the expsrts")
                    and not vocabulary.known(w))  # a misspelt name of the briefing ("Lavrgov")

        for verbs, test in ((SPEECH_VERBS, any), (REACTION_VERBS, all)):
            # (One who answers is unknown only as a whole: "the transatlantic partners" are
            # the briefing's.)
            for speaker in self._speaker_spans(words, found, verbs):
                if speaker and not any(p in found.used for p, _ in speaker) and test(
                        unknown(p, w) for p, w in speaker):
                    return True
        return False

    def speaker_spans(self, words: list[str], found: Found,
                      verbs: Set[str] = SAY_VERBS) -> list[list[tuple[int, str]]]:
        """The words of each span before one of `verbs` (`_speaker_spans`; by default the
        verbs of saying, `SAY_VERBS`)."""
        return list(self._speaker_spans(words, found, verbs))

    def asked_speakers(self, words: list[str], found: Found, names: Set[str],
                       person: Callable[[str], bool], in_english: bool = True) -> list[str]:
        """The people, not experts of the briefing, whose words are asked ("What did Lavrov
        say about Syria?", and in an English question "What did Biden call Putin?", "How did
        Biden describe Putin?"): names between "did"/"does"/… and a verb of saying that the
        briefing writes as people's (not "Did Washington say …?", a government's policy)."""
        verbs = SAY_VERBS | NAMING_VERBS if in_english else SAY_VERBS
        # (Not a verb with a particle: "Did America call off sending naval vessels?")
        read = ["" if w in NAMING_VERBS and words[p + 1:p + 2] and words[p + 1] in PARTICLES
                else w for p, w in enumerate(words)]
        return [w for span in self._speaker_spans(read, found, verbs) for p, w in span
                if w in names and p not in found.used and person(w)]

    def suggest(
        self,
        found: Found,
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
            on_topic = [int(i) for i in self.index.group_entries[group]]
            mine = [i for i in on_topic if int(self.index.entry_expert[i]) in expert_ids]
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
        return tuple(dict.fromkeys(nearby + ordered))[: self.settings.suggestions]

    def _of_frame(self, word: str) -> bool:
        """True for a name of the briefing's own parties ("USA", "Biden"), which a share
        (`FRAME_SHARE`) of its entries hold."""
        at = self.vocabulary.index_of.get(word)
        return at is not None and int(self.vocabulary.df[at]) >= FRAME_SHARE * len(self.entries)

    def _focused(self, index: int, kind: str, asked: Sequence[str]) -> str:
        """The part of a passage that can give the time a question asks (`kind`): the
        sentences holding every rare word of the question the passage has ("When did Eletek
        start her internship?": the sentence on her internship, which gives no year; not the
        one on her birth), or when none holds them all, those holding most of them, two at
        least or every one not a name ("What year did Özge Eletek start her master's at Dokuz
        Eylül?": the sentence on her master's, not the one on her birth, the only one writing
        "Özge"); for a name asked, the sentences saying most of the question
        (`_saying_most`); the whole passage for another kind, or when no sentence holds two
        of them. A word most passages share ("Biden") may be said by a pronoun ("it has taken
        a stance … in January 2021"), so only rare ones count."""
        passage = self.entries[index].passage
        if kind == "name":
            return _saying_most(passage, asked)
        if kind not in _FOCUSED_KINDS:
            return passage
        parts = sentences(passage)
        said = [{stem(w) for w in tokens(part)} for part in parts]
        every = set().union(*said) if said else set()
        index_of, idf = self.vocabulary.index_of, self.vocabulary.idf
        rare = {stem(w) for w in asked if w in index_of and w not in STOP_WORDS
                and idf[index_of[w]] >= self.settings.focus_idf and stem(w) in every}
        # The sentences holding most of its words that are not names (a name the passage never
        # writes in lower case), and among them those holding most of all: the person a
        # passage is about is named in full once and then said by a surname or "she", so the
        # name marks no sentence ("When did Özge Eletek start her internship?": the one on her
        # internship, not the one on her birth, where "Özge" is written; "Özge Eletek yüksek
        # lisansını hangi yıl bitirdi?": the one on her master's, though it writes no name).
        # Those give the time when they hold every word not a name.
        common = rare - self._names_of(index)
        best = max((len(common & words) for words in said), default=0)
        most = max((len(rare & words) for words in said if len(common & words) == best),
                   default=0)
        focused = [part for part, words in zip(parts, said, strict=True)
                   if len(rare & words) == most and len(common & words) == best]
        return " ".join(focused) if rare and (most == len(rare) or most >= 2 or (
            best and best == len(common))) else passage

    def _holds(self, index: int, needed: Sequence[str], asked: Sequence[str]) -> bool:
        """Does the passage hold every word needed; a field of study in the sentences on the
        degree asked, when any writes it ("In which department is Eletek doing her master's?"
        is not told by the department of her first degree)?"""
        passage = self.entries[index].passage
        fields = [w for w in needed if w in STUDY_FIELDS]
        if "name" in needed and any(fold(m.group(1)) in asked
                                    for m in SPELT_OUT.finditer(passage)):
            # The full name of an acronym asked ("ANKASAM's full name?") is written before
            # it: "Ankara Center for Crisis and Policy Studies (ANKASAM)".
            needed = [w for w in needed if w != "name"]
        if not holds(passage, [w for w in needed if w not in STUDY_FIELDS]):
            return False
        studied = _degrees(asked)
        on_it = [part for part in sentences(passage) if studied & _degrees(tokens(part))]
        focus = " ".join(on_it) or passage
        return holds(focus, fields) or any(
            w.startswith(TURKISH_FIELDS) for w in tokens(focus))

    def _holding_all_first(self, order: np.ndarray, scores: np.ndarray,
                           unmatched: Callable[[int], float], held: Callable[[int], bool],
                           fits: Callable[[int], bool] | None) -> tuple[np.ndarray, np.ndarray]:
        """A passage holding all that was asked in its own text (`held`, not by an alternate
        question), and fitting it (`fits`), before a better one lacking a good part of it
        (`whole_unmatched`; not a word it must hold, which no other passage makes good), when
        it scores within `whole_margin` of it."""
        lacked = unmatched(int(order[0])) if len(order) > 1 else 0.0
        if not self.settings.whole_unmatched <= lacked < 1.0:
            return order, scores
        for k in range(1, len(order)):
            if scores[k] < max(scores[0] - self.settings.whole_margin, self.settings.threshold):
                break
            if unmatched(int(order[k])) == 0.0 and held(int(order[k])) and (
                    fits is None or fits(int(order[k]))):
                return _put_first(order, scores, k)
        return order, scores

    def _naming_first(self, order: np.ndarray, scores: np.ndarray,
                      asked: Set[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """For a name asked, a passage that names something ("the policy they called
        “Reset”") before the best match that does not, when it scores within `name_margin` of
        it: "What was Obama's Russia policy called?" is told by the Reset passage, not by the
        one on his first term that names only the Kremlin. With `asked`, only a passage
        naming one of its words counts ("reset" of "What was Obama's reset?")."""
        def names(k: int) -> bool:
            return any(asked is None or fold(m.group(1)) in asked
                       for m in NAMING.finditer(self.entries[int(order[k])].passage))

        if len(order) < 2 or names(0):
            return order, scores
        for k in range(1, len(order)):
            if scores[k] < max(scores[0] - self.settings.name_margin, self.settings.threshold):
                break
            if names(k):
                return _put_first(order, scores, k)
        return order, scores

    def _names_of(self, index: int) -> frozenset[str]:
        """The stems of the words a passage writes only with a capital, once per entry."""
        found = self._names_cache.get(index)
        if found is None:
            capitals: set[str] = set()
            lower: set[str] = set()
            for match in WORD_WRITTEN.finditer(self.entries[index].passage):
                (capitals if match.group()[:1].isupper() else lower).update(
                    stem(w) for w in tokens(match.group())[:1])
            found = self._names_cache[index] = frozenset(capitals - lower)
        return found

    def _dates(self, index: int, kind: str, asked: Sequence[str]) -> bool:
        """Does the part of the passage on what is asked (`_focused`) give a year or a month
        (written as a name) that the question does not give itself?"""
        text = self._focused(index, kind, asked)
        return any(YEAR.fullmatch(w) and w not in asked for w in tokens(text)) or any(
            w[:1].isupper() and fold(w) in MONTHS and fold(w) not in asked
            for w in (m.group() for m in WORD_WRITTEN.finditer(text)))

    def _dated_first(self, order: np.ndarray, scores: np.ndarray, kind: str,
                     asked: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """For a time asked, a passage dating it before a best match that gives only a time
        word ("recent", "now") when it scores within `dated_margin` of it: "When did the
        Russia-Ukraine tension flare up?" is told by "The tension between Russia and Ukraine
        in April 2021", not by "With the recent events regarding Ukraine, … a new tension"."""
        best = int(order[0]) if len(order) else 0
        if len(order) < 2 or self._dates(best, kind, asked) or not gives(
                kind, self._focused(best, kind, asked), asked):
            return order, scores  # (one giving no time at all is passed over as it was)
        for k in range(1, len(order)):
            if scores[k] < max(scores[0] - self.settings.dated_margin, self.settings.threshold):
                break
            if self._dates(int(order[k]), kind, asked):
                return _put_first(order, scores, k)
        return order, scores

    def choose(
        self,
        order: np.ndarray,
        scores: np.ndarray,
        top: int,
        near_duplicate: Callable[[int, int], bool],
        kind: str | None = None,
        asked: Sequence[str] = (),
        unmatched: Callable[[int], float] | None = None,
        needed: Sequence[str] = (),
        person: Callable[[str], bool] | None = None,
        reports: Callable[[int], bool] | None = None,
        held: Callable[[int], bool] | None = None,
    ) -> list[Answer]:
        """The best answers scoring at least the threshold, near-duplicates left out; when the
        question asks for a time, an amount or a place (`kind`), only answers that give one
        (a person's name is no place: `person`); none
        that lacks more than `max_unmatched` of what was asked (`unmatched(entry)`) or a word
        it must hold (`needed`: a personal fact asked), and none at all when the best one
        does. A passage holding in its own text all that was asked (`held`) may answer before
        a better one lacking a good part of it (`_holding_all_first`)."""
        if unmatched is not None and held is not None and kind is None:
            order, scores = self._holding_all_first(order, scores, unmatched, held, reports)
        if kind == "name":
            order, scores = self._naming_first(order, scores)
        elif kind in ("time", "past"):
            order, scores = self._dated_first(order, scores, kind, asked)
        elif kind is None and (asked[:1] == ["whats"] or (
                asked[:1] == ["what"] and asked[1:2] in (["is"], ["was"], ["are"], ["were"]))):
            # "What was Obama's reset?": what a thing is, told where it is named ("the
            # policy they called “Reset”"), not where it ended.
            order, scores = self._naming_first(order, scores, set(asked))
        answers: list[Answer] = []
        chosen: list[int] = []
        set_aside = 0  # the best matches, as about something else
        wholly = False  # one of them lacks a word it must hold: what follows is no better
        unfit = 1.0  # the least lacked by a passage that does not fit what is asked
        for index, score in zip(order.tolist(), scores.tolist(), strict=True):
            if score < self.settings.threshold or len(answers) >= top:
                break
            if any(near_duplicate(index, j) for j in chosen):
                continue
            if kind is not None and not gives(kind, self._focused(index, kind, asked), asked,
                                              person, self._of_frame):
                if kind == "name" and not answers:
                    return []  # the best match does not name what is asked; no other will
                continue
            if reports is not None and not reports(index):
                if unmatched is not None:
                    unfit = min(unfit, unmatched(index))
                continue  # someone's words asked, and this passage does not report them
            if not answers and unmatched is not None and unmatched(index) > unfit:
                # What is asked is told where it does not fit (Başbuğ's observers, not North
                # Korea among them): a passage that holds less of the question is about
                # something else ("is North Korea an Arctic Council observer": not Ozan's
                # North Korea).
                return []
            if set_aside and not answers and unmatched is not None and unmatched(index) > 0:
                # Set aside too while each lacks only part of what was asked ("how does
                # Berktay read the meeting": his passages on the meeting's atmosphere and on
                # its first time before the one on what it prepares).
                if (wholly or set_aside >= self.settings.max_set_aside
                        or not self.settings.max_unmatched <= unmatched(index) < 1.0):
                    return []
                set_aside += 1
                continue
            if (unmatched is not None and unmatched(index) >= self.settings.max_unmatched) or (
                    needed and not self._holds(index, needed, asked)):
                if not answers:
                    # The best match is about something else ("What should you look at first
                    # to understand the meeting?": the meeting as a first step). What scores
                    # below it answers only if it holds all that was asked ("it is necessary
                    # to first look at the historical background" in order to "analyze" it);
                    # never past a word it must hold ("How did Putin respond …?").
                    if set_aside or unmatched is None or (
                            needed and not self._holds(index, needed, asked)):
                        return []
                    set_aside = 1
                    wholly = unmatched(index) >= 1.0
                continue
            chosen.append(index)
            answers.append(Answer(self.entries[index], round(score, 3)))
        return answers
